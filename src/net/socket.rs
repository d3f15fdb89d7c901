//! Where a database's server listens, and who is on the other end of a connection.
//!
//! The socket is `<db>/quartier.sock`. A Unix socket address holds at most 107 bytes of path;
//! for a database deeper than that the socket is `quartier-<hash>.sock` in
//! `$XDG_RUNTIME_DIR` (or in a private `/tmp/quartier-<uid>/`), where `<hash>` is taken from
//! the database's canonical path, so every client finds the same name without asking anyone,
//! and the chosen path is written to `<db>/quartier.sock.path` for people to read.

use std::hash::{Hash, Hasher};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

/// Name of the socket inside the database directory.
pub const SOCKET_NAME: &str = "quartier.sock";

/// Name of the file that records where the socket is when it is not inside the directory.
pub const SOCKET_RECORD: &str = "quartier.sock.path";

/// Longest path a Unix socket address holds (108 bytes including the final NUL).
const MAX_SOCKET_PATH: usize = 107;

/// The socket of the database at `db`.
pub fn socket_path(db: &Path) -> PathBuf {
    let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let inside = db.join(SOCKET_NAME);
    if inside.as_os_str().len() <= MAX_SOCKET_PATH {
        return inside;
    }
    short_socket_dir().join(format!("quartier-{:016x}.sock", path_hash(&db)))
}

/// A stable hash of a path (FNV-1a, not std's randomised hasher: every process must agree).
fn path_hash(path: &Path) -> u64 {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for byte in bytes {
                self.0 ^= u64::from(*byte);
                self.0 = self.0.wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
    path.as_os_str().hash(&mut hasher);
    hasher.finish()
}

/// `$XDG_RUNTIME_DIR` when set and absolute, else `/tmp/quartier-<uid>`.
fn short_socket_dir() -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(dir) if dir.is_absolute() && dir.as_os_str().len() < 64 => dir,
        _ => private_socket_dir(),
    }
}

/// The private socket directory of this user, `/tmp/quartier-<uid>`.
fn private_socket_dir() -> PathBuf {
    std::env::temp_dir().join(format!("quartier-{}", rustix::process::getuid().as_raw()))
}

/// Makes sure the directory of `socket` exists; a private `/tmp/quartier-<uid>` is created
/// 0700 and refused when someone else owns it. (A database directory is never refused here:
/// one shared with a group belongs to whoever created it.)
pub fn prepare_socket_dir(socket: &Path) -> std::io::Result<()> {
    let Some(dir) = socket.parent() else {
        return Ok(());
    };
    if dir.exists() {
        if dir == private_socket_dir() {
            let meta = std::fs::metadata(dir)?;
            let uid = rustix::process::getuid().as_raw();
            if std::os::unix::fs::MetadataExt::uid(&meta) != uid {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    format!("{} belongs to another user", dir.display()),
                ));
            }
        }
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

/// The Unix user on the other end of `stream`, from the kernel (`SO_PEERCRED`), never from
/// anything the peer says: (login name, uid, pid).
pub fn peer(stream: &UnixStream) -> std::io::Result<(String, u32, u32)> {
    let cred = rustix::net::sockopt::socket_peercred(stream)?;
    let uid = cred.uid.as_raw();
    let name = crate::store::user_name(uid).unwrap_or_else(|| format!("uid {uid}"));
    Ok((name, uid, cred.pid.as_raw_nonzero().get() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_database_path_has_its_socket_inside() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            socket_path(dir.path()),
            dir.path().canonicalize().unwrap().join(SOCKET_NAME)
        );
    }

    #[test]
    fn a_path_too_long_for_a_socket_address_gets_a_short_stable_name() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("x".repeat(60)).join("y".repeat(60));
        std::fs::create_dir_all(&deep).unwrap();
        let socket = socket_path(&deep);
        assert!(
            socket.as_os_str().len() <= MAX_SOCKET_PATH,
            "{}",
            socket.display()
        );
        assert_eq!(socket, socket_path(&deep.join("..").join("y".repeat(60))));
        assert_ne!(
            socket,
            socket_path(dir.path().join("x".repeat(60)).as_path())
        );
    }

    #[test]
    fn the_peer_of_a_socket_pair_is_this_process() {
        let (a, _b) = UnixStream::pair().unwrap();
        let (name, uid, pid) = peer(&a).unwrap();
        assert_eq!(uid, rustix::process::getuid().as_raw());
        assert_eq!(pid, std::process::id());
        assert!(!name.is_empty());
    }
}
