//! Writing whole files so that nobody ever sees half of one: every export, report, backup and
//! draft goes through [`write_atomically`]. Errors carry the path they concern ([`PathError`]);
//! `i18n::explain_io` turns them into the user's line. No user text here (a lower layer).

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
/// New files are 0600 whatever the [`Access`].
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    _access: Access,
) -> std::io::Result<()> {
    write_file(path, bytes, replace).map_err(|e| at_path(path, e))
}

/// Writes `bytes` to `path` readable by the owner only (0600), never half a file (see
/// [`write_atomically`]). With `replace` false an existing file is an error (`AlreadyExists`).
/// Backups and the TUI's exports go through it.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    write_atomically(path, bytes, replace, Access::Private)
}

fn write_file(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
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
