//! `quartier check`: every record decodes, links agree in both directions, nothing dangles,
//! every linked measure has exactly one primary goal, goal codes are unique, counters are ahead.

use std::collections::{HashMap, HashSet};

use super::keys::{self, TreeName, describe_key, meta};
use super::records::{
    self, GOAL_FORMAT, HISTORY_FORMAT, LINK_FORMAT, LinkRecord, MEASURE_FORMAT, decode_at,
};
use super::staging::Trees;
use super::{HistoryEntry, StoreError};
use chrono::NaiveDate;

use crate::model::{Field, Goal, Measure, check_date_range};

/// One integrity problem, naming the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inconsistency {
    /// A record does not decode.
    Corrupt {
        tree: &'static str,
        key: String,
        reason: String,
    },
    /// A link exists in one direction only, or the two disagree.
    LinkMismatch { measure: u64, goal: u64 },
    /// A link names a measure or goal that does not exist.
    DanglingLink { measure: u64, goal: u64 },
    /// A goal's parent does not exist.
    DanglingParent { goal: String, parent: u64 },
    /// Two goals share a code.
    DuplicateCode(String),
    /// A measure with links has no primary, or several.
    PrimaryCount { measure: u64, primaries: usize },
    /// A counter would hand out an id that is in use.
    CounterBehind { counter: &'static str },
    /// A stored start or end date outside the accepted years (written before the date rule,
    /// e.g. a two-digit year read as year 26).
    DateOutOfRange {
        measure: u64,
        field: Field,
        date: NaiveDate,
    },
    /// A file sled keeps a large value in (`blobs/<n>`), or the copy open kept of one
    /// (`damaged/blob-<n>`), is empty, short or fails its checksum.
    DamagedBlob {
        name: String,
        reason: super::BlobDamage,
        /// The file itself.
        path: std::path::PathBuf,
    },
}

impl std::fmt::Display for Inconsistency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Inconsistency::Corrupt { tree, key, reason } => write!(f, "{tree}/{key}: {reason}"),
            Inconsistency::LinkMismatch { measure, goal } => {
                write!(f, "links M-{measure:04} ↔ #{goal}: directions disagree")
            }
            Inconsistency::DanglingLink { measure, goal } => {
                write!(f, "link M-{measure:04} ↔ #{goal}: measure or goal missing")
            }
            Inconsistency::DanglingParent { goal, parent } => {
                write!(f, "goal {goal}: parent #{parent} missing")
            }
            Inconsistency::DuplicateCode(code) => write!(f, "goal code {code} used twice"),
            Inconsistency::PrimaryCount { measure, primaries } => {
                write!(f, "M-{measure:04}: {primaries} primary goals instead of 1")
            }
            Inconsistency::CounterBehind { counter } => {
                write!(f, "meta {counter} is behind the ids in use")
            }
            Inconsistency::DateOutOfRange {
                measure,
                field,
                date,
            } => write!(f, "M-{measure:04}: {field:?} {date} out of range"),
            Inconsistency::DamagedBlob { name, reason, .. } => {
                write!(f, "{name}: damaged ({reason})")
            }
        }
    }
}

fn corrupt(error: StoreError) -> Inconsistency {
    match error {
        StoreError::Corrupt { tree, key, reason } => Inconsistency::Corrupt { tree, key, reason },
        other => Inconsistency::Corrupt {
            tree: "?",
            key: String::new(),
            reason: other.to_string(),
        },
    }
}

/// Decodes every record of a tree, collecting failures.
fn decode_all<T: serde::de::DeserializeOwned>(
    trees: &Trees,
    tree: TreeName,
    version: u8,
    problems: &mut Vec<Inconsistency>,
) -> Vec<(Vec<u8>, T)> {
    let mut good = Vec::new();
    for item in trees.tree(tree).iter() {
        match item {
            Ok((key, bytes)) => match decode_at::<T>(tree, &key, &bytes, version) {
                Ok(value) => good.push((key.to_vec(), value)),
                Err(e) => problems.push(corrupt(e)),
            },
            Err(e) => problems.push(corrupt(StoreError::Sled(e))),
        }
    }
    good
}

/// Runs every check.
pub fn run(trees: &Trees) -> Vec<Inconsistency> {
    let mut problems = Vec::new();
    let goals: Vec<(Vec<u8>, Goal)> =
        decode_all(trees, TreeName::Goals, GOAL_FORMAT, &mut problems);
    let measures: Vec<(Vec<u8>, Measure)> =
        decode_all(trees, TreeName::Measures, MEASURE_FORMAT, &mut problems);
    let by_measure: Vec<(Vec<u8>, LinkRecord)> =
        decode_all(trees, TreeName::LinksByMeasure, LINK_FORMAT, &mut problems);
    let by_goal: Vec<(Vec<u8>, LinkRecord)> =
        decode_all(trees, TreeName::LinksByGoal, LINK_FORMAT, &mut problems);
    let history: Vec<(Vec<u8>, HistoryEntry)> =
        decode_all(trees, TreeName::History, HISTORY_FORMAT, &mut problems);
    for name in [
        meta::SCHEMA_VERSION,
        meta::NEXT_GOAL_ID,
        meta::NEXT_MEASURE_ID,
        meta::NEXT_HISTORY_SEQ,
        meta::UNDO_TOP,
        meta::REDO_TOP,
    ] {
        if let Err(e) = records::meta_u64(trees, name) {
            problems.push(corrupt(e));
        }
    }

    let goal_ids: HashSet<u64> = goals.iter().map(|(_, g)| g.id.0).collect();
    let measure_ids: HashSet<u64> = measures.iter().map(|(_, m)| m.id.0).collect();
    for (key, goal) in &goals {
        if keys::id_at(key, 0) != Some(goal.id.0) {
            problems.push(Inconsistency::Corrupt {
                tree: TreeName::Goals.name(),
                key: describe_key(TreeName::Goals, key),
                reason: format!("record holds id {}", goal.id.0),
            });
        }
        if let Some(parent) = goal.parent.filter(|p| !goal_ids.contains(&p.0)) {
            problems.push(Inconsistency::DanglingParent {
                goal: goal.code.clone(),
                parent: parent.0,
            });
        }
    }
    let mut codes = HashSet::new();
    for (_, goal) in &goals {
        if !codes.insert(goal.code.to_lowercase()) {
            problems.push(Inconsistency::DuplicateCode(goal.code.clone()));
        }
    }
    for (key, measure) in &measures {
        if keys::id_at(key, 0) != Some(measure.id.0) {
            problems.push(Inconsistency::Corrupt {
                tree: TreeName::Measures.name(),
                key: describe_key(TreeName::Measures, key),
                reason: format!("record holds id {}", measure.id.0),
            });
        }
        for (field, date) in [(Field::Start, measure.start), (Field::End, measure.end)] {
            if let Some(date) = date.filter(|d| check_date_range(*d).is_err()) {
                problems.push(Inconsistency::DateOutOfRange {
                    measure: measure.id.0,
                    field,
                    date,
                });
            }
        }
    }

    for (tree, entries) in [
        (TreeName::LinksByMeasure, &by_measure),
        (TreeName::LinksByGoal, &by_goal),
    ] {
        for (key, _) in entries.iter().filter(|(k, _)| k.len() != 16) {
            problems.push(Inconsistency::Corrupt {
                tree: tree.name(),
                key: describe_key(tree, key),
                reason: "key has the wrong length".into(),
            });
        }
    }
    let forward: HashMap<(u64, u64), bool> = by_measure
        .iter()
        .filter_map(|(k, r)| Some(((keys::id_at(k, 0)?, keys::id_at(k, 8)?), r.primary)))
        .collect();
    let backward: HashMap<(u64, u64), bool> = by_goal
        .iter()
        .filter_map(|(k, r)| Some(((keys::id_at(k, 8)?, keys::id_at(k, 0)?), r.primary)))
        .collect();
    let mut pairs: Vec<&(u64, u64)> = forward
        .keys()
        .chain(backward.keys())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    pairs.sort();
    let mut primaries: HashMap<u64, usize> = HashMap::new();
    for &(measure, goal) in pairs {
        let (f, b) = (
            forward.get(&(measure, goal)),
            backward.get(&(measure, goal)),
        );
        if f != b {
            problems.push(Inconsistency::LinkMismatch { measure, goal });
        }
        if !measure_ids.contains(&measure) || !goal_ids.contains(&goal) {
            problems.push(Inconsistency::DanglingLink { measure, goal });
        }
        let count = primaries.entry(measure).or_default();
        if f == Some(&true) {
            *count += 1;
        }
    }
    let mut counts: Vec<_> = primaries.into_iter().filter(|(_, n)| *n != 1).collect();
    counts.sort();
    problems.extend(
        counts
            .into_iter()
            .map(|(measure, primaries)| Inconsistency::PrimaryCount { measure, primaries }),
    );

    let counter_ok = |name: &[u8], max: Option<u64>| {
        max.is_none_or(|max| records::meta_u64(trees, name).is_ok_and(|next| next > max))
    };
    for (name, label, max) in [
        (
            meta::NEXT_GOAL_ID,
            "next_goal_id",
            goal_ids.iter().max().copied(),
        ),
        (
            meta::NEXT_MEASURE_ID,
            "next_measure_id",
            measure_ids.iter().max().copied(),
        ),
        (
            meta::NEXT_HISTORY_SEQ,
            "next_history_seq",
            history.last().map(|(_, e)| e.seq),
        ),
    ] {
        if !counter_ok(name, max) {
            problems.push(Inconsistency::CounterBehind { counter: label });
        }
    }
    problems
}
