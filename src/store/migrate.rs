//! Schema versions: seeding a new database with the built-in goal system, refusing databases
//! from a newer quartier, and upgrading older ones step by step.
//!
//! Schema 0 is the prototype layout (no schema key in meta; measure records in format 0 without
//! contact, responsible, reference, requested/co-funding amounts, target groups, location and
//! indicators). Schema 1 stored goals and measures as plain records (format 1). Schema 2 stores
//! each with its revision (format 2, `(revision, record)`). Schemas 1 and 2 kept one undo and
//! one redo stack for everyone; schema 3 keeps them per actor (`migrate/undo.rs`). Schema 4,
//! the current layout, adds the trees of money over time (pots, plans, payments; issue 14).
//!
//! A new schema adds one step to [`STEPS`] (and raises [`SCHEMA_VERSION`]).

mod undo;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codec;
use super::error::StoreError;
use super::keys::{self, TreeName, meta};
use super::records::{self, Reader, decode_at};
use super::staging::{Staging, Trees};
use crate::catalog;
use crate::model::{Cents, Fund, Goal, GoalId, Measure, MeasureId, Status};

/// The schema this program writes.
pub const SCHEMA_VERSION: u64 = 4;

/// Format of goal and measure records in schema 1: the plain record, without a revision.
const PLAIN_FORMAT: u8 = 1;

/// A measure as the schema-0 prototype stored it (record format 0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureV0 {
    pub id: MeasureId,
    pub title: String,
    pub description: String,
    pub organisation: String,
    pub fund: Option<Fund>,
    pub approved: Option<Cents>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub status: Status,
    pub notes: String,
}

impl From<MeasureV0> for Measure {
    fn from(old: MeasureV0) -> Measure {
        Measure {
            id: old.id,
            description: old.description,
            organisation: old.organisation,
            fund: old.fund,
            approved: old.approved,
            start: old.start,
            end: old.end,
            status: old.status,
            notes: old.notes,
            ..Measure::new(old.title)
        }
    }
}

/// What opening did to the database.
#[derive(Debug, PartialEq, Eq)]
pub enum Prepared {
    Current,
    Seeded,
    Migrated { from: u64 },
}

/// Brings the database to [`SCHEMA_VERSION`]: seeds an empty one, migrates an old one.
pub fn prepare(trees: &Trees) -> Result<Prepared, StoreError> {
    let version = trees
        .get(TreeName::Meta, meta::SCHEMA_VERSION)?
        .map(|bytes| {
            decode_at::<u64>(
                TreeName::Meta,
                meta::SCHEMA_VERSION,
                &bytes,
                records::META_FORMAT,
            )
        })
        .transpose()?;
    let empty = trees.tree(TreeName::Goals).is_empty() && trees.tree(TreeName::Measures).is_empty();
    match version {
        None if empty => {
            seed(trees)?;
            Ok(Prepared::Seeded)
        }
        Some(found) if found > SCHEMA_VERSION => Err(StoreError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        }),
        Some(SCHEMA_VERSION) => Ok(Prepared::Current),
        old => {
            let from = old.unwrap_or(0);
            let mut st = Staging::new(trees);
            for (to, step) in STEPS {
                if from < to {
                    step(&mut st)?;
                }
            }
            st.insert(
                TreeName::Meta,
                meta::SCHEMA_VERSION,
                records::encode_meta(SCHEMA_VERSION),
            );
            st.commit()?;
            Ok(Prepared::Migrated { from })
        }
    }
}

/// One migration: brings a staged database of the schema before to the next one.
type Step = fn(&mut Staging) -> Result<(), StoreError>;

/// Every migration with the schema it brings a database to, oldest first; a database of
/// schema `n` runs the steps to `n + 1` … [`SCHEMA_VERSION`] in one transaction.
const STEPS: [(u64, Step); 4] = [
    (1, migrate_0_to_1),
    (2, migrate_1_to_2_revisions),
    (3, undo::migrate_2_to_3_undo),
    (4, migrate_3_to_4_money),
];

/// Schema 3 → 4: the trees of pots, plans and payments start empty (sled creates them on
/// open), so nothing is rewritten and nothing is added; the payment counter starts at 1 when
/// the first payment asks for it.
fn migrate_3_to_4_money(_st: &mut Staging) -> Result<(), StoreError> {
    Ok(())
}

/// Writes the built-in goal system into an empty database.
fn seed(trees: &Trees) -> Result<(), StoreError> {
    let mut st = Staging::new(trees);
    let catalogue = catalog::builtin_goals();
    let mut ids = std::collections::HashMap::new();
    let mut positions = std::collections::HashMap::<Option<GoalId>, u32>::new();
    for (index, entry) in catalogue.iter().enumerate() {
        let id = GoalId(index as u64 + 1);
        let parent = entry
            .parent
            .as_ref()
            .and_then(|code| ids.get(code).copied());
        let position = positions.entry(parent).or_default();
        let goal = Goal {
            id,
            parent,
            code: entry.code.clone(),
            title: entry.title.clone(),
            description: String::new(),
            position: *position,
        };
        *position += 1;
        ids.insert(entry.code.clone(), id);
        st.insert(
            TreeName::Goals,
            &keys::goal_key(id),
            records::encode_goal(1, &goal),
        );
    }
    st.insert(
        TreeName::Meta,
        meta::NEXT_GOAL_ID,
        records::encode_meta(catalogue.len() as u64 + 1),
    );
    st.insert(
        TreeName::Meta,
        meta::SCHEMA_VERSION,
        records::encode_meta(SCHEMA_VERSION),
    );
    st.commit()
}

/// Rewrites format-0 measure records in the current format and sets the id counters.
fn migrate_0_to_1(st: &mut Staging) -> Result<(), StoreError> {
    let mut max_id = 0;
    for (key, bytes) in st.scan(TreeName::Measures, &[])? {
        if codec::version_of(&bytes).ok() == Some(0) {
            let old: MeasureV0 = decode_at(TreeName::Measures, &key, &bytes, 0)?;
            max_id = max_id.max(old.id.0);
            let new: Measure = old.into();
            st.insert(TreeName::Measures, &key, codec::encode(PLAIN_FORMAT, &new));
        }
    }
    if records::meta_u64(st, meta::NEXT_MEASURE_ID)? <= max_id {
        st.insert(
            TreeName::Meta,
            meta::NEXT_MEASURE_ID,
            records::encode_meta(max_id + 1),
        );
    }
    let max_goal = st
        .scan(TreeName::Goals, &[])?
        .last()
        .and_then(|(k, _)| keys::id_at(k, 0))
        .unwrap_or(0);
    if records::meta_u64(st, meta::NEXT_GOAL_ID)? <= max_goal {
        st.insert(
            TreeName::Meta,
            meta::NEXT_GOAL_ID,
            records::encode_meta(max_goal + 1),
        );
    }
    Ok(())
}

/// Gives every goal and measure record revision 1: rewrites the plain records of format 1 as
/// `(1, record)` in format 2. Records already in format 2 stay as they are.
fn migrate_1_to_2_revisions(st: &mut Staging) -> Result<(), StoreError> {
    for (key, bytes) in st.scan(TreeName::Goals, &[])? {
        if codec::version_of(&bytes).ok() == Some(PLAIN_FORMAT) {
            let goal: Goal = decode_at(TreeName::Goals, &key, &bytes, PLAIN_FORMAT)?;
            st.insert(TreeName::Goals, &key, records::encode_goal(1, &goal));
        }
    }
    for (key, bytes) in st.scan(TreeName::Measures, &[])? {
        if codec::version_of(&bytes).ok() == Some(PLAIN_FORMAT) {
            let measure: Measure = decode_at(TreeName::Measures, &key, &bytes, PLAIN_FORMAT)?;
            st.insert(
                TreeName::Measures,
                &key,
                records::encode_measure(1, &measure),
            );
        }
    }
    Ok(())
}
