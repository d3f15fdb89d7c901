//! Opening a database: the lock file, sled (with a retry while its own lock is released),
//! repairs of unfinished snapshots and damaged blobs, a read-only copy when the disk is full,
//! file modes, and [`Store::persist`], which makes committed data durable.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use super::staging::Trees;
use super::{ReadOnly, Repair, Store, StoreError, disk, migrate};

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

/// Gives the database directory, `blobs/` and `damaged/` and every file in them the modes of
/// [`disk::modes`]: the owner's only (0700, files 0600), also for a directory created by an
/// older version or another tool; or, for a directory shared with a group (`serve --group`),
/// 2770 and 0660, so that opening never takes group access away from such a database. A
/// user's draft (`draft-<user>.json`, and temporary files) stays its writer's only. Best
/// effort: a file that cannot be changed (another owner) is left as it is, and then the
/// directory's own mode still keeps others out.
fn set_modes(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let (dir_mode, file_mode) = disk::modes(path);
    for dir in [
        path.to_path_buf(),
        path.join("blobs"),
        path.join(disk::DAMAGED),
    ] {
        if dir != path && !dir.is_dir() {
            continue;
        }
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(dir_mode));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let own = name.starts_with("draft-") || name.starts_with('.');
            let mode = if own { 0o600 } else { file_mode };
            let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode));
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
        let io = |source| io_error(path, source);
        if crate::files::shared_group(path).is_some() {
            // sled creates its files with the process's mask: let the group write them too.
            crate::files::allow_group_access();
        }
        let lock = take_lock(path)?;
        // An unfinished snapshot would be taken for the newest one and make sled refuse the
        // database; a damaged blob makes sled drop the log from there on, so its copy is kept.
        let mut repairs = disk::remove_unfinished_snapshots(path).map_err(io)?;
        repairs.extend(disk::keep_damaged_blobs(path).map_err(io)?);
        let names_before = disk::names(path);
        let blobs_before = disk::names(&path.join(disk::BLOBS));
        let (db, read_only) = open_or_copy(path, &mut repairs)?;
        let files = read_only
            .as_ref()
            .map_or(path, |r| r.copy.dir())
            .to_path_buf();
        set_modes(&files);
        let trees = Trees::open(&db)?;
        let prepared = migrate::prepare(&trees)?;
        let db_file = File::open(files.join("db")).map_err(io)?;
        let store = Store {
            path: path.to_path_buf(),
            db,
            trees,
            db_file: std::sync::Arc::new(db_file),
            _lock: lock,
            prepared,
            sync_in_groups: false,
            blobs: std::sync::Arc::new(std::sync::Mutex::new(disk::BlobSync::new(
                &files,
                if read_only.is_some() {
                    Vec::new()
                } else {
                    blobs_before
                },
            ))),
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
}

/// An I/O error at the database directory `path`.
fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    match source.kind() {
        ErrorKind::PermissionDenied => StoreError::PermissionDenied(path.to_path_buf()),
        _ => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// Creates the database directory (0700) if needed and takes `quartier.lock` in it (0600, or
/// 0660 in a directory shared with a group).
fn take_lock(path: &Path) -> Result<File, StoreError> {
    let io = |source| io_error(path, source);
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
        .mode(disk::modes(path).1)
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
    Ok(lock)
}

/// Opens sled at `path`; on a full disk, on a temporary copy instead (read-only, noted in
/// `repairs`).
fn open_or_copy(
    path: &Path,
    repairs: &mut Vec<Repair>,
) -> Result<(sled::Db, Option<ReadOnly>), StoreError> {
    let io = |source| io_error(path, source);
    Ok(match open_sled(path) {
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
    })
}

impl Store {
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
    pub(super) fn persist(&self) -> Result<(), StoreError> {
        self.durability().sync()
    }

    /// Syncs every blob file sled wrote since the last call, and `blobs/` itself.
    fn sync_blobs(&self) -> Result<(), StoreError> {
        self.durability().sync_blobs()
    }

    /// A handle that makes this store's changes durable without holding the store: the
    /// server syncs through it while the next changes are applied.
    pub fn durability(&self) -> Durability {
        Durability {
            path: self.path.clone(),
            db: self.db.clone(),
            db_file: std::sync::Arc::clone(&self.db_file),
            blobs: std::sync::Arc::clone(&self.blobs),
        }
    }
}

/// See [`Store::durability`].
#[derive(Clone)]
pub struct Durability {
    path: std::path::PathBuf,
    db: sled::Db,
    db_file: std::sync::Arc<File>,
    blobs: std::sync::Arc<std::sync::Mutex<disk::BlobSync>>,
}

impl Durability {
    /// Makes everything committed so far durable (see [`Store::sync`]).
    pub fn sync(&self) -> Result<(), StoreError> {
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
}
