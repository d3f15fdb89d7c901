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
mod records;
mod repository;
mod staging;

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

pub use apply::MAX_ID;
pub use check::{Inconsistency, StopReason};
pub use disk::{BlobDamage, Repair};
pub use error::{StoreError, describe_disk_ptr};
pub use history::{EntryKind, HistoryEntry, current_user};
pub use records::Link;
pub use repository::{GoalStats, Repository, goal_stats};

use crate::model::{Goal, GoalId, Measure, MeasureId};
use crate::ops::{Applied, Op};
use keys::{TreeName, meta};
use records::{HISTORY_FORMAT, Reader};
use staging::{Staging, Trees};

/// An open quartier database, held exclusively by this process.
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    trees: Trees,
    /// sled's data file, for `sync_data` after each flush.
    db_file: File,
    /// Held for the life of the store; the OS releases it when the process ends, even on SIGKILL.
    _lock: File,
    prepared: migrate::Prepared,
    /// Blob files already synced; new ones are synced with every change.
    blobs: std::sync::Mutex<disk::BlobSync>,
    /// What open found and changed before sled saw the files.
    repairs: Vec<Repair>,
    /// The directory sled has open: `path`, or a temporary copy when the disk is full.
    files: PathBuf,
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

/// Name of the lock file inside the database directory.
const LOCK_FILE: &str = "quartier.lock";

fn is_sled_lock_error(error: &std::io::Error) -> bool {
    error.to_string().contains("could not acquire lock")
}

/// Opens sled. We hold `quartier.lock`, so no other quartier has the database; but sled 0.34
/// releases its own file lock from a background thread a few milliseconds after a `Db` is
/// dropped, so a reopen right after a close in this process can see it still held. Retry
/// briefly in that case.
fn open_sled(path: &Path) -> Result<sled::Db, sled::Error> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        match sled::Config::new().path(path).open() {
            Err(sled::Error::Io(e))
                if is_sled_lock_error(&e) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            result => return result,
        }
    }
}

/// Makes the database directory readable by its owner only (0700) and every file in it
/// (and in `blobs/`) 0600, also for a directory created by an older version or another tool.
/// Best effort: a file that cannot be changed (another owner) is left as it is, and then the
/// directory's own mode still keeps others out.
fn restrict_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for dir in [path.to_path_buf(), path.join("blobs")] {
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ =
                    std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o600));
            }
        }
    }
}

impl Drop for Store {
    /// sled writes again when it closes (its last flush can move pages into new blob files):
    /// flush and sync here, before sled's own drop, so that nothing it wrote for data already
    /// confirmed is left unsynced. Errors are ignored: every change was durable when confirmed.
    fn drop(&mut self) {
        let _ = self.persist();
    }
}

impl Store {
    /// Opens the database directory at `path`, creating and seeding it on first use.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let io = |source: std::io::Error| match source.kind() {
            ErrorKind::PermissionDenied => StoreError::PermissionDenied(path.to_path_buf()),
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source,
            },
        };
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)
            .map_err(io)?;
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path.join(LOCK_FILE))
            .map_err(io)?;
        // A lock being released this very moment (a process exiting, or a child forked by this
        // process holding a copy of the descriptor until it execs) is waited for briefly; a
        // held one is reported after 250 ms.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(250);
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked(path.to_path_buf()));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        // An unfinished snapshot would be taken for the newest one and make sled refuse the
        // database; a damaged blob makes sled drop the log from there on, so its copy is kept.
        let mut repairs = disk::remove_unfinished_snapshots(path).map_err(io)?;
        repairs.extend(disk::keep_damaged_blobs(path).map_err(io)?);
        let names_before = disk::names(path);
        let blobs_before = disk::names(&path.join(disk::BLOBS));
        let (db, read_only) = match open_sled(path) {
            Ok(db) => (db, None),
            Err(e) => {
                // sled writes a snapshot while opening; on a full disk it leaves it unfinished.
                let _ = disk::remove_unfinished_snapshots(path);
                match e {
                    sled::Error::Io(source) if is_sled_lock_error(&source) => {
                        return Err(StoreError::Locked(path.to_path_buf()));
                    }
                    // sled cannot open without writing: read a copy on another disk instead.
                    sled::Error::Io(source) if disk::is_disk_full(&source) => {
                        let copy = disk::TempCopy::make(path).ok_or_else(|| io(source))?;
                        let db =
                            open_sled(copy.dir()).map_err(|e| StoreError::Sled(e).at_path(path))?;
                        let mount = crate::files::mount_point(path);
                        repairs.push(Repair::ReadOnlyCopy {
                            mount: mount.clone(),
                            copy: copy.dir().to_path_buf(),
                        });
                        (db, Some(ReadOnly { mount, copy }))
                    }
                    sled::Error::Io(source) => return Err(io(source)),
                    other => {
                        return Err(match disk::damaged_blobs(path).into_iter().next() {
                            Some((name, reason)) => StoreError::DamagedBlob {
                                path: path.to_path_buf(),
                                name,
                                reason,
                            },
                            None => StoreError::Sled(other).at_path(path),
                        });
                    }
                }
            }
        };
        let files = read_only
            .as_ref()
            .map_or(path, |r| r.copy.dir())
            .to_path_buf();
        restrict_permissions(&files);
        let trees = Trees::open(&db)?;
        let prepared = migrate::prepare(&trees)?;
        let db_file = File::open(files.join("db")).map_err(io)?;
        let store = Store {
            path: path.to_path_buf(),
            db,
            trees,
            db_file,
            _lock: lock,
            prepared,
            blobs: std::sync::Mutex::new(disk::BlobSync::new(
                &files,
                if read_only.is_some() {
                    Vec::new()
                } else {
                    blobs_before
                },
            )),
            files,
            repairs,
            read_only,
        };
        // When sled created or replaced files while opening (`db`, `conf`, a snapshot renamed
        // into place), their names are made durable; so is every blob it wrote meanwhile.
        if store.read_only.is_none() {
            if disk::names(path) != names_before {
                File::open(path)
                    .and_then(|dir| dir.sync_all())
                    .map_err(io)?;
            }
            store.sync_blobs()?;
        }
        if store.prepared != migrate::Prepared::Current && store.read_only.is_none() {
            store.persist()?;
        }
        Ok(store)
    }

    /// The database directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this open seeded a new database or migrated an old one.
    pub fn prepared(&self) -> &migrate::Prepared {
        &self.prepared
    }

    /// What open found and changed in the directory before sled opened it (for a notice).
    pub fn repairs(&self) -> &[Repair] {
        &self.repairs
    }

    /// Makes everything committed so far durable: sled flush, then every blob file sled wrote
    /// since the last time (and `blobs/` itself), then `fdatasync` of its data file, so the log
    /// never points at a blob that a power cut could empty.
    fn persist(&self) -> Result<(), StoreError> {
        let io = |source| StoreError::Io {
            path: self.path.clone(),
            source,
        };
        self.db
            .flush()
            .map_err(|e| StoreError::Sled(e).at_path(&self.path))?;
        self.sync_blobs()?;
        self.db_file.sync_data().map_err(io)
    }

    /// Syncs every blob file sled wrote since the last call, and `blobs/` itself.
    fn sync_blobs(&self) -> Result<(), StoreError> {
        self.blobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .sync_new()
            .map_err(|source| StoreError::Io {
                path: self.path.clone(),
                source,
            })
    }

    /// Applies `op` as `actor`, records it in the history, and returns once it is on disk.
    pub fn apply(&mut self, op: Op, actor: &str) -> Result<Applied, StoreError> {
        self.commit(op, actor, history::EntryKind::Do)
    }

    /// Reverts the newest change not yet undone.
    pub fn undo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        let top = records::meta_u64(&self.trees, meta::UNDO_TOP)?;
        let entry = self.entry(top)?.ok_or(StoreError::NothingToUndo)?;
        self.commit(entry.inverse, actor, EntryKind::Undo { of: entry.seq })
    }

    /// Re-applies the newest undone change, unless a new change came after it.
    pub fn redo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        let top = records::meta_u64(&self.trees, meta::REDO_TOP)?;
        let entry = self.entry(top)?.ok_or(StoreError::NothingToRedo)?;
        let EntryKind::Undo { of } = entry.kind else {
            return Err(StoreError::NothingToRedo);
        };
        self.commit(entry.inverse, actor, EntryKind::Redo { of })
    }

    /// The ids the next added goal and measure will get when their op asks for one (ids are
    /// never reused, so these are above every id ever handed out).
    pub fn next_ids(&self) -> Result<(GoalId, MeasureId), StoreError> {
        let goal = records::meta_u64(&self.trees, meta::NEXT_GOAL_ID)?.max(1);
        let measure = records::meta_u64(&self.trees, meta::NEXT_MEASURE_ID)?.max(1);
        Ok((GoalId(goal), MeasureId(measure)))
    }

    /// Whether [`Store::undo`] has something to revert.
    pub fn can_undo(&self) -> Result<bool, StoreError> {
        Ok(records::meta_u64(&self.trees, meta::UNDO_TOP)? != 0)
    }

    /// Whether [`Store::redo`] has something to re-apply.
    pub fn can_redo(&self) -> Result<bool, StoreError> {
        Ok(records::meta_u64(&self.trees, meta::REDO_TOP)? != 0)
    }

    fn commit(&mut self, op: Op, actor: &str, kind: EntryKind) -> Result<Applied, StoreError> {
        if let Some(read_only) = &self.read_only {
            return Err(StoreError::DiskFull {
                path: self.path.clone(),
                mount: read_only.mount.clone(),
            });
        }
        let mut st = Staging::new(&self.trees);
        let planned = apply::plan(&mut st, op)?;
        let seq = records::meta_u64(&st, meta::NEXT_HISTORY_SEQ)?.max(1);
        let undo_top = records::meta_u64(&st, meta::UNDO_TOP)?;
        let redo_top = records::meta_u64(&st, meta::REDO_TOP)?;
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
        st.insert(
            TreeName::Meta,
            meta::UNDO_TOP,
            records::encode_meta(new_undo),
        );
        st.insert(
            TreeName::Meta,
            meta::REDO_TOP,
            records::encode_meta(new_redo),
        );
        st.commit().map_err(|e| e.at_path(&self.path))?;
        self.persist()?;
        Ok(Applied {
            seq,
            changes: planned.changes,
        })
    }

    /// One history entry by sequence number.
    pub fn entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError> {
        if seq == 0 {
            return Ok(None);
        }
        let key = keys::history_key(seq);
        self.trees
            .get(TreeName::History, &key)?
            .map(|bytes| records::decode_at(TreeName::History, &key, &bytes, HISTORY_FORMAT))
            .transpose()
    }

    /// The newest `limit` history entries, newest first.
    pub fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        let tree = self.trees.tree(TreeName::History);
        tree.iter()
            .rev()
            .take(limit)
            .map(|item| {
                let (key, bytes) = item?;
                records::decode_at(TreeName::History, &key, &bytes, HISTORY_FORMAT)
            })
            .collect()
    }

    /// Every goal in tree order.
    pub fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        records::all_goals(&self.trees)
    }

    /// The goal with this code (case-insensitive), if any.
    pub fn goal_by_code(&self, code: &str) -> Result<Option<Goal>, StoreError> {
        let code = code.trim();
        Ok(self
            .goals()?
            .into_iter()
            .find(|g| crate::model::same_code(&g.code, code)))
    }

    /// One goal by id.
    pub fn goal(&self, id: GoalId) -> Result<Option<Goal>, StoreError> {
        records::goal(&self.trees, id)
    }

    /// One measure by id.
    pub fn measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError> {
        records::measure(&self.trees, id)
    }

    /// Every measure, by id.
    pub fn measures(&self) -> Result<Vec<Measure>, StoreError> {
        records::all_measures(&self.trees)
    }

    /// Calls `visit` with every measure, by id, decoding one at a time straight from sled's
    /// buffers (no list of all records or measures is ever held: the TUI's search index at
    /// 100 000 measures).
    pub fn for_each_measure(&self, mut visit: impl FnMut(Measure)) -> Result<(), StoreError> {
        let tree = TreeName::Measures;
        for item in self.trees.tree(tree).iter() {
            let (key, value) = item?;
            visit(records::decode_at(
                tree,
                &key,
                &value,
                records::MEASURE_FORMAT,
            )?);
        }
        Ok(())
    }

    /// The id of every measure, ascending, read from the keys alone (no record is decoded):
    /// the TUI finds the measures without a goal with it.
    pub fn measure_ids(&self) -> Result<Vec<MeasureId>, StoreError> {
        let mut ids = Vec::new();
        for key in self.trees.tree(TreeName::Measures).iter().keys() {
            if let Some(id) = keys::id_at(&key?, 0) {
                ids.push(MeasureId(id));
            }
        }
        Ok(ids)
    }

    /// Links of one measure, primary first.
    pub fn links_of_measure(&self, id: MeasureId) -> Result<Vec<Link>, StoreError> {
        records::links_of_measure(&self.trees, id)
    }

    /// Links of one goal, by measure id.
    pub fn links_of_goal(&self, id: GoalId) -> Result<Vec<Link>, StoreError> {
        records::links_of_goal(&self.trees, id)
    }

    /// The measures linked to one goal (not its sub-goals), by id.
    pub fn measures_of_goal(&self, id: GoalId) -> Result<Vec<Measure>, StoreError> {
        // Hot path for the measure pane: decode straight from sled's buffers, no copies.
        let measures = self.trees.tree(TreeName::Measures);
        let mut result = Vec::new();
        for item in self
            .trees
            .tree(TreeName::LinksByGoal)
            .scan_prefix(keys::goal_key(id))
        {
            let (key, _) = item?;
            let Some(measure) = keys::id_at(&key, 8) else {
                continue;
            };
            let key = keys::measure_key(MeasureId(measure));
            if let Some(bytes) = measures.get(key)? {
                result.push(records::decode_at(
                    TreeName::Measures,
                    &key,
                    &bytes,
                    records::MEASURE_FORMAT,
                )?);
            }
        }
        Ok(result)
    }

    /// Every link, by measure.
    pub fn links(&self) -> Result<Vec<Link>, StoreError> {
        // Hot path at start (one entry per link, 200 000 at 100 000 measures): read sled's
        // buffers in place and recognise the two-byte record `[format, primary]` directly; any
        // other value goes through the codec, which reports it as corrupt.
        let tree = TreeName::LinksByMeasure;
        let mut links = Vec::new();
        for item in self.trees.tree(tree).iter() {
            let (key, value) = item?;
            let primary = match *value {
                [records::LINK_FORMAT, flag @ (0 | 1)] => flag == 1,
                _ => {
                    let record: records::LinkRecord =
                        records::decode_at(tree, &key, &value, records::LINK_FORMAT)?;
                    record.primary
                }
            };
            if let (Some(m), Some(g)) = (keys::id_at(&key, 0), keys::id_at(&key, 8)) {
                links.push(Link {
                    measure: MeasureId(m),
                    goal: GoalId(g),
                    primary,
                });
            }
        }
        Ok(links)
    }

    /// Checks every record and the links' agreement; empty when all is well.
    ///
    /// Bounded on any bytes: each tree is read at most as many entries as the files have
    /// bytes, and the reading runs in a thread that is abandoned (and reported) when sled makes
    /// no progress for [`CHECK_STALL`].
    pub fn check(&self) -> Vec<Inconsistency> {
        let mut problems = self.check_records();
        problems.extend(
            disk::damaged_blobs(&self.files)
                .into_iter()
                .map(|(name, reason)| Inconsistency::DamagedBlob {
                    path: self.files.join(&name),
                    name,
                    reason,
                }),
        );
        problems
    }

    fn check_records(&self) -> Vec<Inconsistency> {
        let limit = disk::size_of(&self.files).saturating_add(1024);
        let progress = std::sync::Arc::new(check::Progress::default());
        let (sender, receiver) = std::sync::mpsc::channel();
        let worker = {
            let trees = self.trees.clone();
            let progress = progress.clone();
            std::thread::Builder::new()
                .name("check".into())
                .spawn(move || {
                    let _ = sender.send(check::run(&trees, limit, &progress));
                })
        };
        if worker.is_err() {
            return check::run(&self.trees, limit, &progress);
        }
        let poll = std::time::Duration::from_millis(20);
        let mut last = (progress.items(), std::time::Instant::now());
        loop {
            let stopped = |reason| {
                vec![Inconsistency::Unreadable {
                    tree: progress.tree().name(),
                    after: progress.items(),
                    reason,
                }]
            };
            match receiver.recv_timeout(poll) {
                Ok(problems) => return problems,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return stopped(check::StopReason::Panicked);
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    let items = progress.items();
                    if items != last.0 {
                        last = (items, std::time::Instant::now());
                    } else if last.1.elapsed() >= CHECK_STALL {
                        // The thread stays stuck inside sled until the process ends.
                        return stopped(check::StopReason::Stalled(CHECK_STALL.as_secs()));
                    }
                }
            }
        }
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
