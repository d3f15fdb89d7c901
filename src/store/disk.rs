//! sled's files in the database directory, seen from outside sled: unfinished snapshots are
//! removed before sled opens (sled 0.34.7 would take one for its newest snapshot and refuse
//! the database), blob files (`blobs/<lsn>`, values above ~128 KiB) are made private and
//! synced before a change is confirmed, and every blob is read whole to see that it is intact.
//! Nothing here decodes records or knows trees.

use std::collections::HashSet;
use std::ffi::OsString;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// sled's directory of large values.
pub const BLOBS: &str = "blobs";
/// Where open keeps a copy of a damaged blob before sled's recovery deletes it.
pub const DAMAGED: &str = "damaged";

/// Something [`super::Store::open`] found or changed in the directory before sled saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// An unfinished snapshot (`snap.<n>.generating`, left by an interrupted start, e.g. on a
    /// full disk) was removed; sled rebuilds the same state from its log.
    RemovedUnfinishedSnapshot(String),
    /// A blob sled would read while opening is empty, short or fails its checksum; a copy is
    /// kept in `damaged/` and `check` reports it until it is removed.
    DamagedBlob {
        name: String,
        reason: BlobDamage,
        /// The copy.
        kept: PathBuf,
    },
    /// The disk was full, and sled cannot open without writing: the database is read from a
    /// temporary copy on another disk; changes are refused until there is space.
    ReadOnlyCopy { mount: PathBuf, copy: PathBuf },
}

/// Whether an I/O error means that the disk (or the quota) is full.
pub fn is_disk_full(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    ) || matches!(error.raw_os_error(), Some(28 | 122))
}

/// Modes of directories and files in the database directory `dir`: (0700, 0600) for its owner
/// only, (2770, 0660) when it is shared with a group (`quartier serve --group`, see
/// [`crate::files::shared_group`]).
pub fn modes(dir: &Path) -> (u32, u32) {
    match crate::files::shared_group(dir) {
        Some(_) => (crate::files::GROUP_DIR_MODE, crate::files::GROUP_FILE_MODE),
        None => (0o700, 0o600),
    }
}

/// A copy of sled's files in the system's temporary directory (on another disk), deleted on
/// drop.
pub struct TempCopy(PathBuf);

impl TempCopy {
    /// Copies `db`, blobs included (not the lock, drafts or kept damaged blobs); `None` when
    /// the temporary directory is on the same disk or has no room either.
    pub fn make(db: &Path) -> Option<TempCopy> {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt};
        let base = std::env::temp_dir();
        if base.metadata().ok()?.dev() == db.metadata().ok()?.dev() {
            return None;
        }
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = base.join(format!("quartier-read-only-{}-{nanos}", std::process::id()));
        std::fs::DirBuilder::new().mode(0o700).create(&dir).ok()?;
        let copy = TempCopy(dir);
        let sled_file = |name: &str| name == "db" || name == "conf" || name.starts_with("snap.");
        for entry in std::fs::read_dir(db).ok()?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if sled_file(&name) && entry.file_type().ok()?.is_file() {
                std::fs::copy(entry.path(), copy.0.join(&name)).ok()?;
            }
        }
        let blobs = db.join(BLOBS);
        if blobs.is_dir() {
            let target = copy.0.join(BLOBS);
            std::fs::DirBuilder::new()
                .mode(0o700)
                .create(&target)
                .ok()?;
            for entry in std::fs::read_dir(&blobs).ok()?.flatten() {
                std::fs::copy(entry.path(), target.join(entry.file_name())).ok()?;
            }
        }
        Some(copy)
    }

    /// The copy's directory.
    pub fn dir(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Why a blob file is not intact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlobDamage {
    /// Zero bytes (a power cut between creating and writing it).
    Empty,
    /// Shorter than sled's 5-byte header.
    Short(u64),
    /// The checksum sled stored at its start does not match the content.
    Checksum,
}

impl std::fmt::Display for BlobDamage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BlobDamage::Empty => write!(f, "empty"),
            BlobDamage::Short(len) => write!(f, "only {len} bytes"),
            BlobDamage::Checksum => write!(f, "checksum mismatch"),
        }
    }
}

/// Removes every `snap.*.generating` file of `dir` (sled writes a snapshot under that name,
/// syncs it and only then renames it, so such a file is never a finished snapshot) and syncs
/// the directory. Returns the names removed.
pub fn remove_unfinished_snapshots(dir: &Path) -> std::io::Result<Vec<Repair>> {
    let mut removed = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            std::fs::remove_file(entry.path())?;
            removed.push(Repair::RemovedUnfinishedSnapshot(name));
        }
    }
    if !removed.is_empty() {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(removed)
}

/// The stable log position of the newest finished snapshot (`snap.<hex>`), if any: sled's
/// recovery reads the log, and the blobs it points to, from there on.
fn snapshot_lsn(dir: &Path) -> Option<u64> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            u64::from_str_radix(name.strip_prefix("snap.")?, 16).ok()
        })
        .max()
}

/// Reads a blob file whole and says whether it is intact (sled's layout: a little-endian
/// CRC-32 of the rest, one kind byte, the value). Reads in pieces, so memory stays small.
pub fn inspect_blob(path: &Path) -> std::io::Result<Option<BlobDamage>> {
    let mut file = std::fs::File::open(path)?;
    let mut header = [0u8; 5];
    let mut got = 0;
    while got < header.len() {
        match file.read(&mut header[got..])? {
            0 => break,
            n => got += n,
        }
    }
    if got == 0 {
        return Ok(Some(BlobDamage::Empty));
    }
    if got < header.len() {
        return Ok(Some(BlobDamage::Short(got as u64)));
    }
    let expected = u32::from_le_bytes([header[0], header[1], header[2], header[3]]);
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&header[4..]);
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        match file.read(&mut buffer)? {
            0 => break,
            n => hasher.update(&buffer[..n]),
        }
    }
    Ok((hasher.finalize() != expected).then_some(BlobDamage::Checksum))
}

/// Blob files sled names by log position (other names sled ignores, and so do we).
fn blob_files(dir: &Path) -> Vec<(u64, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir.join(BLOBS)) else {
        return Vec::new();
    };
    let mut blobs: Vec<(u64, PathBuf)> = entries
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path())))
        .collect();
    blobs.sort();
    blobs
}

/// Every damaged blob of the database directory, by name: those in `blobs/` and the copies
/// open kept in `damaged/`.
pub fn damaged_blobs(dir: &Path) -> Vec<(String, BlobDamage)> {
    let mut damaged = Vec::new();
    for (lsn, path) in blob_files(dir) {
        if let Ok(Some(damage)) = inspect_blob(&path) {
            damaged.push((format!("{BLOBS}/{lsn}"), damage));
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir.join(DAMAGED)) {
        let mut kept: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        kept.sort();
        for path in kept {
            let damage = inspect_blob(&path)
                .ok()
                .flatten()
                .unwrap_or(BlobDamage::Empty);
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            damaged.push((format!("{DAMAGED}/{name}"), damage));
        }
    }
    damaged
}

/// Before sled opens: checks the blobs its recovery will read (those at or after the newest
/// snapshot). sled stops its recovery at the first unreadable one and then deletes it, so a
/// copy of each damaged one is kept in `damaged/` for `check` to name.
pub fn keep_damaged_blobs(dir: &Path) -> std::io::Result<Vec<Repair>> {
    let from = snapshot_lsn(dir).unwrap_or(0);
    let mut found = Vec::new();
    for (lsn, path) in blob_files(dir).into_iter().filter(|(l, _)| *l >= from) {
        let Some(reason) = inspect_blob(&path)? else {
            continue;
        };
        let kept = dir.join(DAMAGED);
        let (dir_mode, file_mode) = modes(dir);
        std::os::unix::fs::DirBuilderExt::mode(
            std::fs::DirBuilder::new().recursive(true),
            dir_mode,
        )
        .create(&kept)?;
        let copy = kept.join(format!("blob-{lsn}"));
        if copy.symlink_metadata().is_err() {
            std::fs::copy(&path, &copy)?;
            std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(file_mode))?;
            std::fs::File::open(&copy)?.sync_all()?;
            std::fs::File::open(&kept)?.sync_all()?;
        }
        found.push(Repair::DamagedBlob {
            name: format!("{BLOBS}/{lsn}"),
            reason,
            kept: copy,
        });
    }
    Ok(found)
}

/// The names in a directory, sorted (empty when it cannot be read).
pub fn names(dir: &Path) -> Vec<OsString> {
    let mut names: Vec<OsString> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Bytes in the database's files (`db`, snapshots, blobs): no tree can hold more entries.
pub fn size_of(dir: &Path) -> u64 {
    let sum = |dir: &Path| -> u64 {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    };
    sum(dir).saturating_add(sum(&dir.join(BLOBS)))
}

/// Blob files already on disk for good; new ones are synced before a change is confirmed.
pub struct BlobSync {
    dir: PathBuf,
    synced: HashSet<OsString>,
    /// Mode of a new blob: 0600, or 0660 in a directory shared with a group.
    mode: u32,
}

impl BlobSync {
    /// Tracks `<dir>/blobs`; `synced` are the blobs that were there before sled opened (synced
    /// by the run that wrote them), so the first [`BlobSync::sync_new`] syncs only what sled
    /// wrote while opening.
    pub fn new(dir: &Path, synced: Vec<OsString>) -> BlobSync {
        BlobSync {
            dir: dir.join(BLOBS),
            synced: synced.into_iter().collect(),
            mode: modes(dir).1,
        }
    }

    /// Makes every blob file written since the last call private (0600, or 0660 when the
    /// database is shared with a group) and durable, then the directory that names them. Costs one directory listing when nothing is new.
    pub fn sync_new(&mut self) -> std::io::Result<()> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let mut present = HashSet::new();
        let mut new = false;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            if !self.synced.contains(&name) {
                let file = match std::fs::File::open(entry.path()) {
                    Ok(file) => file,
                    // Removed by sled's garbage collection meanwhile.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(e),
                };
                file.set_permissions(std::fs::Permissions::from_mode(self.mode))?;
                file.sync_all()?;
                new = true;
            }
            present.insert(name);
        }
        if new {
            std::fs::File::open(&self.dir)?.sync_all()?;
        }
        self.synced = present;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob(content: &[u8]) -> Vec<u8> {
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(content);
        let mut bytes = hasher.finalize().to_le_bytes().to_vec();
        bytes.extend_from_slice(content);
        bytes
    }

    #[test]
    fn blobs_are_judged_by_length_and_checksum() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("1");
        let cases: [(&[u8], Option<BlobDamage>); 4] = [
            (&blob(b"\x01value"), None),
            (b"", Some(BlobDamage::Empty)),
            (b"\x01\x02", Some(BlobDamage::Short(2))),
            (&blob(b"\x01value")[..8], Some(BlobDamage::Checksum)),
        ];
        for (bytes, expected) in cases {
            std::fs::write(&path, bytes).unwrap();
            assert_eq!(inspect_blob(&path).unwrap(), expected, "{bytes:?}");
        }
    }

    #[test]
    fn only_generating_snapshots_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "snap.0000000000000010",
            "snap.00000000FFFFFFFF.generating",
            "db",
        ] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        let removed = remove_unfinished_snapshots(dir.path()).unwrap();
        assert_eq!(
            removed,
            [Repair::RemovedUnfinishedSnapshot(
                "snap.00000000FFFFFFFF.generating".into()
            )]
        );
        assert!(dir.path().join("snap.0000000000000010").exists());
        assert_eq!(snapshot_lsn(dir.path()), Some(0x10));
    }
}
