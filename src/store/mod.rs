//! The only module that knows sled. [`Store`] opens the database (taking an exclusive lock),
//! seeds or migrates it, answers queries, and applies [`Op`]s: every change is staged, committed
//! in one transaction together with its history entry, flushed and `sync_data`'d before the
//! caller hears it succeeded.

mod apply;
mod check;
pub mod codec;
mod disk;
mod error;
mod history;
pub mod keys;
mod messages;
pub mod migrate;
pub mod money;
mod open;
mod queries;
mod records;
mod repository;
mod staging;
mod undo;

use std::fs::File;
use std::path::PathBuf;

pub use apply::MAX_ID;
pub use check::{Inconsistency, StopReason};
pub use disk::{BlobDamage, Repair};
pub use error::{RecordName, StoreError, describe_disk_ptr};
pub use history::{EntryKind, HistoryEntry, current_user, user_name};
pub use messages::changed_since;
pub use money::{MeasureMoney, MoneyAnswer, MoneyQuery};
pub use open::Durability;
pub use records::{Link, Revision, encode_goal, encode_measure};
pub use repository::{Editing, GoalStats, Repository, goal_stats};

use crate::model::{GoalId, MeasureId};
use crate::ops::{Applied, Op};
use keys::{TreeName, meta};
use records::HISTORY_FORMAT;
use staging::{Staging, Trees};

/// An open quartier database, held exclusively by this process.
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    trees: Trees,
    /// sled's data file, for `sync_data` after each flush.
    db_file: std::sync::Arc<File>,
    /// Held for the life of the store; the OS releases it when the process ends, even on SIGKILL.
    _lock: File,
    prepared: migrate::Prepared,
    /// Blob files already synced; new ones are synced with every change.
    blobs: std::sync::Arc<std::sync::Mutex<disk::BlobSync>>,
    /// What open found and changed before sled saw the files.
    repairs: Vec<Repair>,
    /// The directory sled has open: `path`, or a temporary copy when the disk is full.
    files: PathBuf,
    /// Set by [`Store::syncing_in_groups`]: changes are not synced by themselves.
    sync_in_groups: bool,
    /// Set when the disk was full at open: sled reads a copy, and every change is refused.
    /// Declared last, so the copy is deleted after sled has been dropped.
    read_only: Option<ReadOnly>,
}

/// A database read from a temporary copy because its disk was full.
struct ReadOnly {
    mount: PathBuf,
    copy: disk::TempCopy,
}

/// How long `check` waits for sled to return the next entry before it reports the tree as
/// unreadable (a healthy read returns thousands of entries per second).
pub const CHECK_STALL: std::time::Duration = std::time::Duration::from_secs(3);

impl Store {
    /// Applies `op` as `actor`, records it in the history, and returns once it is on disk.
    pub fn apply(&mut self, op: Op, actor: &str) -> Result<Applied, StoreError> {
        self.commit(op, actor, history::EntryKind::Do, None)
    }

    /// The ids the next added goal and measure will get when their op asks for one (ids are
    /// never reused, so these are above every id ever handed out).
    pub fn next_ids(&self) -> Result<(GoalId, MeasureId), StoreError> {
        let goal = records::meta_u64(&self.trees, meta::NEXT_GOAL_ID)?.max(1);
        let measure = records::meta_u64(&self.trees, meta::NEXT_MEASURE_ID)?.max(1);
        Ok((GoalId(goal), MeasureId(measure)))
    }

    /// Plans `op`, checks `guard` (an undo's or redo's "nobody changed it since"), and writes
    /// the change with its history entry, moving `actor`'s undo and redo tops.
    fn commit(
        &mut self,
        op: Op,
        actor: &str,
        kind: EntryKind,
        guard: Option<undo::Guard>,
    ) -> Result<Applied, StoreError> {
        if let Some(read_only) = &self.read_only {
            return Err(StoreError::DiskFull {
                path: self.path.clone(),
                mount: read_only.mount.clone(),
            });
        }
        let mut st = Staging::new(&self.trees);
        let planned = match (apply::plan(&mut st, op), &guard) {
            (Ok(planned), _) => planned,
            (Err(error), Some(guard)) => return Err(self.explain_missing(error, guard, actor)),
            (Err(error), None) => return Err(error),
        };
        if let Some(guard) = &guard {
            self.refuse_if_changed_since(guard, actor)?;
        }
        let seq = records::meta_u64(&st, meta::NEXT_HISTORY_SEQ)?.max(1);
        let (undo_key, redo_key) = (meta::undo_top(actor), meta::redo_top(actor));
        let undo_top = records::meta_u64(&st, &undo_key)?;
        let redo_top = records::meta_u64(&st, &redo_key)?;
        let (link, new_undo, new_redo) = match kind {
            EntryKind::Do => (undo_top, seq, 0),
            EntryKind::Undo { of } => {
                let undone = self.entry(of)?.ok_or(StoreError::NothingToUndo)?;
                (redo_top, undone.link, seq)
            }
            EntryKind::Redo { .. } => {
                let undo_entry = self.entry(redo_top)?.ok_or(StoreError::NothingToRedo)?;
                (undo_top, seq, undo_entry.link)
            }
        };
        let entry = HistoryEntry {
            seq,
            time_ms: chrono::Utc::now().timestamp_millis(),
            user: actor.to_string(),
            kind,
            op: planned.op,
            inverse: planned.inverse,
            link,
        };
        st.insert(
            TreeName::History,
            &keys::history_key(seq),
            codec::encode(HISTORY_FORMAT, &entry),
        );
        st.insert(
            TreeName::Meta,
            meta::NEXT_HISTORY_SEQ,
            records::encode_meta(seq + 1),
        );
        undo::set_top(&mut st, &undo_key, new_undo);
        undo::set_top(&mut st, &redo_key, new_redo);
        st.commit().map_err(|e| e.at_path(&self.path))?;
        if !self.sync_in_groups {
            self.persist()?;
        }
        Ok(Applied {
            seq,
            changes: planned.changes,
        })
    }

    /// A store whose changes are durable only after [`Store::sync`]: the server applies
    /// changes one at a time and syncs a group of them at once, before it tells anyone.
    pub fn syncing_in_groups(mut self) -> Store {
        self.sync_in_groups = true;
        self
    }

    /// Makes every change applied so far durable (flush, new blob files, `fdatasync`).
    pub fn sync(&self) -> Result<(), StoreError> {
        self.persist()
    }

    /// Writes raw bytes under a key, bypassing validation and history. For tests that need to
    /// simulate what an old or foreign database may hold.
    #[doc(hidden)]
    pub fn raw_insert(&self, tree: TreeName, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        if let Some(read_only) = &self.read_only {
            return Err(StoreError::DiskFull {
                path: self.path.clone(),
                mount: read_only.mount.clone(),
            });
        }
        self.trees.tree(tree).insert(key, value)?;
        self.persist()
    }
}
