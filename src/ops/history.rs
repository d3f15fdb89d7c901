//! History entries as values: what was applied, its inverse, who and when. The store keeps
//! them in order and threads undo and redo through them.

use serde::{Deserialize, Serialize};

use super::Op;

/// Why an entry was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryKind {
    /// A change someone made.
    Do,
    /// The revert of entry `of`.
    Undo { of: u64 },
    /// The re-application of entry `of` after it was undone.
    Redo { of: u64 },
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub seq: u64,
    /// Milliseconds since the Unix epoch (UTC).
    pub time_ms: i64,
    /// Unix user who made the change.
    pub user: String,
    pub kind: EntryKind,
    /// The op as applied, ids resolved.
    pub op: Op,
    /// The op that reverts it.
    pub inverse: Op,
    /// The same actor's previous undo top (`Do`, `Redo`) or previous redo top (`Undo`); 0 for
    /// none.
    pub link: u64,
}

impl HistoryEntry {
    /// Local time of the change, `2026-11-25 14:03`.
    pub fn local_time(&self) -> String {
        chrono::DateTime::from_timestamp_millis(self.time_ms)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_default()
    }
}
