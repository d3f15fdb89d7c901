//! The history: an append-only audit log of every applied op with its inverse, plus, per
//! actor, two meta pointers (`undo_top/<actor>`, `redo_top/<actor>`) that make that actor's
//! undo and redo linear stacks threaded through the entries, so both survive restarts
//! (undo and redo themselves are in `undo.rs`).
//!
//! * A `Do` or `Redo` entry's `link` is its actor's undo top before it: undo walks back along
//!   these.
//! * An `Undo` entry's `link` is its actor's redo top before it: redo walks back along these.
//! * A new `Do` clears its actor's redo stack; colleagues' stacks are left alone.

use crate::model::{Goal, Measure, MeasureId};
use crate::ops::HistoryReader;
pub use crate::ops::{EntryKind, HistoryEntry};

use super::{Repository, StoreError};

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

/// Every repository can name its history: the reads [`crate::ops::history_message`] needs.
impl<R: Repository + ?Sized> HistoryReader for R {
    type Error = StoreError;

    fn read_history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError> {
        self.history_entry(seq)
    }

    fn read_measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError> {
        self.measure(id)
    }

    fn read_goals(&self) -> Result<Vec<Goal>, StoreError> {
        self.goals()
    }
}
