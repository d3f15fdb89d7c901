//! Writing whole files so that nobody ever sees half of one: every export, report, backup and
//! draft goes through [`write_atomically`].

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Who may read a new file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// As any new file of the user (mode 0666 minus the umask): exports and reports.
    Shared,
    /// The owner only (0600): backups and everything written from the TUI.
    Private,
}

/// Writes `bytes` to `path`: a temporary file in the same directory is created, written and
/// synced, then put in place, then the directory is synced. With `replace` false an existing
/// file is an error of kind `AlreadyExists` — also one that appears while writing, because the
/// last step is then a hard link, which never replaces a file (on file systems without hard
/// links, a rename after the check at the start).
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    access: Access,
) -> std::io::Result<()> {
    let exists = || {
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            path.display().to_string(),
        )
    };
    if !replace && path.symlink_metadata().is_ok() {
        return Err(exists());
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
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        if access == Access::Private {
            options.mode(0o600);
        }
        let mut file = options.open(&temporary)?;
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
    use std::os::unix::fs::PermissionsExt;

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
    }
}
