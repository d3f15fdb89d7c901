//! Tree names and key layouts. Ids are big-endian so sled iterates them in order.

use crate::model::{Fund, GoalId, MeasureId, PaymentId};

/// The sled trees quartier keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TreeName {
    /// goal id → goal.
    Goals = 0,
    /// measure id → measure.
    Measures = 1,
    /// measure id ‖ goal id → link (so "goals of measure M" is a prefix scan).
    LinksByMeasure = 2,
    /// goal id ‖ measure id → link (so "measures of goal G" is a prefix scan).
    LinksByGoal = 3,
    /// name → counters, schema version, undo/redo pointers (one pair per actor).
    Meta = 4,
    /// sequence number → history entry.
    History = 5,
    /// fund ‖ year → pot (schema 4).
    Pots = 6,
    /// measure id → its plan of yearly instalments (schema 4).
    Plans = 7,
    /// payment id → payment (schema 4).
    Payments = 8,
    /// measure id ‖ payment id → nothing (so "payments of measure M" is a prefix scan).
    PaymentsByMeasure = 9,
    // Decisions and deadlines (schema 5, issue 15).
    /// session id → session.
    Sessions = 10,
    /// decision id → decision.
    Decisions = 11,
    /// measure id ‖ decision id → nothing (so "decisions on measure M" is a prefix scan).
    DecisionsByMeasure = 12,
    /// session id ‖ decision id → nothing (so "decisions of session S" is a prefix scan).
    DecisionsBySession = 13,
    /// measure id ‖ step id → step (a measure's course is a prefix scan, oldest first).
    Steps = 14,
    /// deadline id → deadline.
    Deadlines = 15,
    /// measure id ‖ deadline id → nothing (a measure's deadlines are a prefix scan; the
    /// detail pane reads them at every move).
    DeadlinesByMeasure = 16,
}

impl TreeName {
    /// Every tree, in index order.
    pub const ALL: [TreeName; 17] = [
        TreeName::Goals,
        TreeName::Measures,
        TreeName::LinksByMeasure,
        TreeName::LinksByGoal,
        TreeName::Meta,
        TreeName::History,
        TreeName::Pots,
        TreeName::Plans,
        TreeName::Payments,
        TreeName::PaymentsByMeasure,
        TreeName::Sessions,
        TreeName::Decisions,
        TreeName::DecisionsByMeasure,
        TreeName::DecisionsBySession,
        TreeName::Steps,
        TreeName::Deadlines,
        TreeName::DeadlinesByMeasure,
    ];

    /// The sled tree name on disk.
    pub fn name(self) -> &'static str {
        match self {
            TreeName::Goals => "goals",
            TreeName::Measures => "measures",
            TreeName::LinksByMeasure => "links_by_measure",
            TreeName::LinksByGoal => "links_by_goal",
            TreeName::Meta => "meta",
            TreeName::History => "history",
            TreeName::Pots => "pots",
            TreeName::Plans => "plans",
            TreeName::Payments => "payments",
            TreeName::PaymentsByMeasure => "payments_by_measure",
            TreeName::Sessions => "sessions",
            TreeName::Decisions => "decisions",
            TreeName::DecisionsByMeasure => "decisions_by_measure",
            TreeName::DecisionsBySession => "decisions_by_session",
            TreeName::Steps => "steps",
            TreeName::Deadlines => "deadlines",
            TreeName::DeadlinesByMeasure => "deadlines_by_measure",
        }
    }
}

/// Key of a goal record.
pub fn goal_key(id: GoalId) -> [u8; 8] {
    id.0.to_be_bytes()
}

/// Key of a measure record.
pub fn measure_key(id: MeasureId) -> [u8; 8] {
    id.0.to_be_bytes()
}

/// Key in [`TreeName::LinksByMeasure`].
pub fn link_by_measure_key(measure: MeasureId, goal: GoalId) -> [u8; 16] {
    pair(measure.0, goal.0)
}

/// Key in [`TreeName::LinksByGoal`].
pub fn link_by_goal_key(goal: GoalId, measure: MeasureId) -> [u8; 16] {
    pair(goal.0, measure.0)
}

/// Key of a pot: the fund's place in [`Fund::ALL`] ‖ the year (both as u64).
pub fn pot_key(fund: Fund, year: i32) -> [u8; 16] {
    let rank = Fund::ALL.iter().position(|f| *f == fund).unwrap_or(0);
    pair(rank as u64, u64::try_from(year).unwrap_or(0))
}

/// The fund and year of a pot key.
pub fn pot_of_key(key: &[u8]) -> Option<(Fund, i32)> {
    let fund = *Fund::ALL.get(usize::try_from(id_at(key, 0)?).ok()?)?;
    Some((fund, i32::try_from(id_at(key, 8)?).ok()?))
}

/// Key of a payment record.
pub fn payment_key(id: PaymentId) -> [u8; 8] {
    id.0.to_be_bytes()
}

/// Key in [`TreeName::PaymentsByMeasure`].
pub fn payment_by_measure_key(measure: MeasureId, id: PaymentId) -> [u8; 16] {
    pair(measure.0, id.0)
}

/// Key of a record by its plain id (sessions, decisions, deadlines).
pub fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// Key of a pair of ids: an index entry or a step (`measure ‖ step`).
pub fn pair_key(first: u64, second: u64) -> [u8; 16] {
    pair(first, second)
}

/// Key of a history entry.
pub fn history_key(seq: u64) -> [u8; 8] {
    seq.to_be_bytes()
}

fn pair(first: u64, second: u64) -> [u8; 16] {
    let mut key = [0; 16];
    key[..8].copy_from_slice(&first.to_be_bytes());
    key[8..].copy_from_slice(&second.to_be_bytes());
    key
}

/// Reads a big-endian u64 id from the first 8 bytes, or the 8 bytes at `offset`.
pub fn id_at(key: &[u8], offset: usize) -> Option<u64> {
    let bytes: [u8; 8] = key.get(offset..offset + 8)?.try_into().ok()?;
    Some(u64::from_be_bytes(bytes))
}

/// Human-readable form of a key for error messages.
pub fn describe_key(tree: TreeName, key: &[u8]) -> String {
    match (tree, key.len()) {
        (TreeName::Meta, _) => String::from_utf8_lossy(key).into_owned(),
        (_, 8) => id_at(key, 0).map_or_else(|| format!("{key:02x?}"), |id| id.to_string()),
        (_, 16) => match (id_at(key, 0), id_at(key, 8)) {
            (Some(a), Some(b)) => format!("{a}/{b}"),
            _ => format!("{key:02x?}"),
        },
        _ => format!("{key:02x?}"),
    }
}

/// Names of the meta keys.
pub mod meta {
    pub const SCHEMA_VERSION: &[u8] = b"schema_version";
    pub const NEXT_GOAL_ID: &[u8] = b"next_goal_id";
    pub const NEXT_MEASURE_ID: &[u8] = b"next_measure_id";
    pub const NEXT_HISTORY_SEQ: &[u8] = b"next_history_seq";
    /// Schema 4: the id the next payment gets.
    pub const NEXT_PAYMENT_ID: &[u8] = b"next_payment_id";
    /// Schema 5: the ids the next session, decision, step and deadline get.
    pub const NEXT_SESSION_ID: &[u8] = b"next_session_id";
    pub const NEXT_DECISION_ID: &[u8] = b"next_decision_id";
    pub const NEXT_STEP_ID: &[u8] = b"next_step_id";
    pub const NEXT_DEADLINE_ID: &[u8] = b"next_deadline_id";
    /// Schemas 1 and 2: newest history entry that undo would revert (0 = none), one for
    /// everyone. Schema 3 keeps one per actor ([`undo_top`]); the migration removes this key.
    pub const UNDO_TOP: &[u8] = b"undo_top";
    /// Schemas 1 and 2: newest undo entry that redo would re-apply (0 = none), one for everyone.
    pub const REDO_TOP: &[u8] = b"redo_top";
    /// Prefix of the per-actor undo tops, `undo_top/<actor>`.
    pub const UNDO_TOP_PREFIX: &[u8] = b"undo_top/";
    /// Prefix of the per-actor redo tops, `redo_top/<actor>`.
    pub const REDO_TOP_PREFIX: &[u8] = b"redo_top/";

    /// Key of the newest history entry that `actor`'s undo would revert (absent or 0 = none).
    pub fn undo_top(actor: &str) -> Vec<u8> {
        [UNDO_TOP_PREFIX, actor.as_bytes()].concat()
    }

    /// Key of the newest undo entry that `actor`'s redo would re-apply (absent or 0 = none).
    pub fn redo_top(actor: &str) -> Vec<u8> {
        [REDO_TOP_PREFIX, actor.as_bytes()].concat()
    }
}
