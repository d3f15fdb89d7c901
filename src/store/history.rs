//! The history: an append-only audit log of every applied op with its inverse, plus two meta
//! pointers that make undo and redo linear stacks threaded through the entries, so both survive
//! restarts.
//!
//! * A `Do` or `Redo` entry's `link` is the undo top before it: undo walks back along these.
//! * An `Undo` entry's `link` is the redo top before it: redo walks back along these.
//! * A new `Do` clears the redo stack.

use serde::{Deserialize, Serialize};

use crate::ops::Op;

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
    /// Previous undo top (`Do`, `Redo`) or previous redo top (`Undo`); 0 for none.
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

/// The Unix user running this process, for history entries.
pub fn current_user() -> String {
    ["USER", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| {
            let uid = process_uid();
            user_name(uid).unwrap_or_else(|| format!("uid {uid}"))
        })
}

/// The login name of `uid` from /etc/passwd.
pub fn user_name(uid: u32) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)?.parse::<u32>().ok()? == uid).then(|| name.to_string())
    })
}

fn process_uid() -> u32 {
    // /proc/self is always there on the Linux servers quartier runs on.
    std::fs::metadata("/proc/self")
        .map(|m| {
            use std::os::unix::fs::MetadataExt;
            m.uid()
        })
        .unwrap_or(0)
}
