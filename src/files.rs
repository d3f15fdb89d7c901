//! Writing whole files so that nobody ever sees half of one: every export, report, backup and
//! draft goes through [`write_atomically`]. Errors carry the path they concern ([`PathError`]);
//! `i18n::explain_io` turns them into the user's line. No user text here (a lower layer).
//!
//! Also who may read the database directory: the owner only (0700, files 0600), or, after
//! `quartier serve --group NAME`, an office group too. The directory itself is the record of
//! that choice: a directory that is setgid and group-writable (`g+rws`, 2770) is shared with
//! its group ([`shared_group`]), and everything quartier and sled write into it is 0660.

use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Who may read a new file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Exports and reports. They hold names and contacts too, so they are also created for the
    /// owner only (0600); the owner hands them on deliberately.
    Shared,
    /// The owner only (0600): backups and everything written from the TUI.
    Private,
    /// The owner and the file's group (0660): backups of a database shared with a group.
    Group,
}

/// Mode of a directory shared with its group: setgid (new files get its group) and rwx for
/// owner and group.
pub const GROUP_DIR_MODE: u32 = 0o2770;

/// Mode of a file in a directory shared with its group.
pub const GROUP_FILE_MODE: u32 = 0o660;

/// The group `dir` is shared with: its gid when it is setgid and readable, writable and
/// searchable by its group (`g+rws`), else `None` (owner only).
pub fn shared_group(dir: &Path) -> Option<u32> {
    let meta = std::fs::metadata(dir).ok()?;
    let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions());
    (meta.is_dir() && mode & 0o2070 == 0o2070).then(|| meta.gid())
}

/// Makes `dir` (created if missing) shared with group `gid`: group `gid`, mode 2770. Fails
/// when this user may not give the directory to that group (not its owner, or not a member).
pub fn share_dir(dir: &Path, gid: u32) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| at_path(dir, e))?;
    std::os::unix::fs::chown(dir, None, Some(gid)).map_err(|e| at_path(dir, e))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(GROUP_DIR_MODE))
        .map_err(|e| at_path(dir, e))
}

/// Lets this process create files its group may read and write (umask 007 instead of the
/// 077 set at start), for a server or store working in a directory shared with a group: sled
/// creates its files with the mask, from its own threads too.
pub fn allow_group_access() {
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o007);
    }
}

/// The error [`write_atomically`] gives for a path that exists but is not a regular file (a
/// device such as `/dev/null`, a directory, a symbolic link): such a path is never replaced.
#[derive(Debug)]
pub struct NotRegularFile(pub PathBuf);

impl std::fmt::Display for NotRegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is not a regular file", self.0.display())
    }
}

impl std::error::Error for NotRegularFile {}

/// An I/O error together with the path it happened at; [`write_atomically`] and the backup
/// code return their errors wrapped in one (the [`std::io::ErrorKind`] stays the same), so the
/// message can name the file (`i18n::explain`).
#[derive(Debug)]
pub struct PathError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for PathError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Wraps `error` with the `path` it concerns (unless it names one already).
pub fn at_path(path: &Path, error: std::io::Error) -> std::io::Error {
    let named = error
        .get_ref()
        .is_some_and(|e| e.is::<PathError>() || e.is::<NotRegularFile>());
    if named {
        return error;
    }
    std::io::Error::new(
        error.kind(),
        PathError {
            path: path.to_path_buf(),
            source: error,
        },
    )
}

/// The mount point of the file system holding `path` (or its nearest existing ancestor).
pub fn mount_point(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut device = None;
    while device.is_none() {
        match existing.metadata() {
            Ok(meta) => device = Some(meta.dev()),
            Err(_) => match existing.parent() {
                Some(parent) => existing = parent,
                None => return PathBuf::from("/"),
            },
        }
    }
    let mut mount = existing;
    while let Some(parent) = mount.parent() {
        if parent.metadata().map(|m| m.dev()).ok() != device {
            break;
        }
        mount = parent;
    }
    mount.to_path_buf()
}

/// Writes `bytes` to `path`: a temporary file in the same directory is created, written and
/// synced, then put in place, then the directory is synced. With `replace` false an existing
/// file is an error of kind `AlreadyExists` — also one that appears while writing, because the
/// last step is then a hard link, which never replaces a file (on file systems without hard
/// links, a rename after the check at the start). With `replace` true only a regular file is
/// replaced: a device, directory or symbolic link at `path` is a [`NotRegularFile`] error.
/// New files are 0600, except with [`Access::Group`] (0660, whatever the umask).
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    access: Access,
) -> std::io::Result<()> {
    let mode = match access {
        Access::Shared | Access::Private => 0o600,
        Access::Group => GROUP_FILE_MODE,
    };
    write_file(path, bytes, replace, mode).map_err(|e| at_path(path, e))
}

/// Writes `bytes` to `path` readable by the owner only (0600), never half a file (see
/// [`write_atomically`]). With `replace` false an existing file is an error (`AlreadyExists`).
/// Backups and the TUI's exports go through it.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    write_atomically(path, bytes, replace, Access::Private)
}

fn write_file(path: &Path, bytes: &[u8], replace: bool, mode: u32) -> std::io::Result<()> {
    let exists = || std::io::Error::from(std::io::ErrorKind::AlreadyExists);
    match path.symlink_metadata() {
        Ok(_) if !replace => return Err(exists()),
        Ok(meta) if !meta.file_type().is_file() => {
            return Err(std::io::Error::other(NotRegularFile(path.to_path_buf())));
        }
        _ => {}
    }
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temporary = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temporary)?;
        if mode != 0o600 {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        file.write_all(bytes)?;
        file.sync_all()
    };
    let place = || -> std::io::Result<()> {
        if replace {
            return std::fs::rename(&temporary, path);
        }
        match std::fs::hard_link(&temporary, path) {
            Ok(()) => std::fs::remove_file(&temporary),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
            Err(_) => std::fs::rename(&temporary, path),
        }
    };
    let result = write().and_then(|()| place());
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result?;
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};

    #[test]
    fn private_files_are_0600_and_not_replaced_by_accident() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        write_atomically(&path, b"eins", false, Access::Private).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let refused = write_atomically(&path, b"zwei", false, Access::Private).unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"eins");
        write_atomically(&path, b"zwei", true, Access::Shared).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"zwei");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
        let shared = dir.path().join("export.csv");
        write_atomically(&shared, b"a;b", false, Access::Shared).unwrap();
        let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "exports hold contacts too");
    }

    #[test]
    fn a_setgid_group_writable_directory_is_shared_and_its_backups_are_0660() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            shared_group(dir.path()),
            None,
            "a new temporary dir is private"
        );
        let gid = std::fs::metadata(dir.path()).unwrap().gid();
        let shared = dir.path().join("db");
        share_dir(&shared, gid).unwrap();
        let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o2770);
        assert_eq!(shared_group(&shared), Some(gid));
        // Group rwx without setgid is not the record of `serve --group`.
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o770)).unwrap();
        assert_eq!(shared_group(&shared), None);
        let file = dir.path().join("backup.json");
        write_atomically(&file, b"{}", false, Access::Group).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o660, "0660 whatever the umask");
    }

    #[test]
    fn devices_directories_and_links_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.json");
        std::fs::write(&target, b"bleibt").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        for path in [Path::new("/dev/null"), &link, &sub] {
            let refused = write_atomically(path, b"neu", true, Access::Shared).unwrap_err();
            let inner = refused.get_ref().expect("names the path");
            assert!(inner.is::<NotRegularFile>(), "{refused:?}");
        }
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"bleibt");
        assert!(sub.is_dir());
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
}
