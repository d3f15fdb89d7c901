//! The one place that explains a failed file operation to the user: which path, and what to
//! do (free space on a mount point, who owns a file, a missing directory). Errors from
//! [`crate::files`] carry their path; store errors name the database directory.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::{Lang, Text, fill};
use crate::files::{NotRegularFile, PathError, mount_point};

/// The user's line for an error that names its path (see [`crate::files::at_path`]), else
/// `None`.
pub fn explain(error: &std::io::Error, lang: Lang) -> Option<String> {
    let inner = error.get_ref()?;
    if let Some(e) = inner.downcast_ref::<PathError>() {
        return Some(explain_io(&e.path, &e.source, lang));
    }
    inner
        .downcast_ref::<NotRegularFile>()
        .map(|_| explain_io(Path::new(""), error, lang))
}

/// The owner of `path` (or of its nearest existing ancestor) as a login name, else a uid.
fn owner_of(path: &Path) -> String {
    let uid = path
        .ancestors()
        .find_map(|p| p.metadata().ok())
        .map(|m| m.uid());
    let Some(uid) = uid else {
        return "?".into();
    };
    let name = std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|passwd| {
            passwd.lines().find_map(|line| {
                let mut fields = line.split(':');
                let name = fields.next()?;
                (fields.nth(1)?.parse::<u32>().ok()? == uid).then(|| name.to_string())
            })
        });
    name.unwrap_or_else(|| format!("uid {uid}"))
}

/// One line for the user saying what went wrong with `path` and what to do: a full disk names
/// the mount point to free space on, a permission problem names the owner.
pub fn explain_io(path: &Path, error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let shown = path.display();
    if let Some(not_regular) = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<NotRegularFile>())
    {
        return fill(
            lang.t(Text::IoNotRegular),
            &[("path", &not_regular.0.display())],
        );
    }
    match (error.kind(), error.raw_os_error()) {
        (ErrorKind::StorageFull | ErrorKind::QuotaExceeded, _) | (_, Some(28 | 122)) => fill(
            lang.t(Text::IoDiskFull),
            &[("path", &shown), ("mount", &mount_point(path).display())],
        ),
        (ErrorKind::PermissionDenied, _) => fill(
            lang.t(Text::IoPermission),
            &[("path", &shown), ("owner", &owner_of(path))],
        ),
        (ErrorKind::NotFound, _) => fill(lang.t(Text::IoNotFound), &[("path", &shown)]),
        (ErrorKind::AlreadyExists, _) => fill(lang.t(Text::IoExists), &[("path", &shown)]),
        (ErrorKind::ReadOnlyFilesystem, _) => fill(lang.t(Text::IoReadOnly), &[("path", &shown)]),
        (ErrorKind::NotADirectory, _) => fill(lang.t(Text::IoNotADirectory), &[("path", &shown)]),
        _ => fill(
            lang.t(Text::IoOther),
            &[("path", &shown), ("reason", error)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_name_the_path_and_what_to_do() {
        let full = std::io::Error::from_raw_os_error(28);
        let text = explain_io(Path::new("/tmp/x/db"), &full, Lang::De);
        assert!(text.contains("/tmp/x/db"), "{text}");
        assert!(text.contains("kein Platz mehr"), "{text}");
        assert!(text.contains("eingehängt unter /"), "{text}");
        let denied = std::io::Error::from_raw_os_error(13);
        let text = explain_io(Path::new("/"), &denied, Lang::De);
        assert!(text.contains("gehört root"), "{text}");
        let missing = std::io::Error::from_raw_os_error(2);
        let text = explain_io(Path::new("/nirgends/datei"), &missing, Lang::En);
        assert_eq!(
            text,
            "/nirgends/datei does not exist (or a directory leading to it is missing)"
        );
        assert!(!text.contains("os error"));
    }

    #[test]
    fn devices_and_links_are_named_as_not_regular() {
        let refused = crate::files::write_atomically(
            Path::new("/dev/null"),
            b"x",
            true,
            crate::files::Access::Shared,
        )
        .unwrap_err();
        let text = explain(&refused, Lang::De).unwrap();
        assert!(
            text.contains("/dev/null ist keine gewöhnliche Datei"),
            "{text}"
        );
    }
}
