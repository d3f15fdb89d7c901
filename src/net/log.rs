//! The server's log, `<db>/server.log`: one line per event, with local time. It never grows
//! beyond [`MAX_LOG`]: the full file becomes `server.log.1` (replacing the older one).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Name of the log in the database directory.
pub const LOG_NAME: &str = "server.log";

/// Size at which the log is rotated.
pub const MAX_LOG: u64 = 1024 * 1024;

/// An append-only, size-capped log file. Writing never fails the server: a log that cannot be
/// written is skipped.
pub struct Log {
    path: PathBuf,
    file: Mutex<Option<File>>,
    /// The log is also the process's stderr (a detached server), so a panic lands in it.
    capture_stderr: std::sync::atomic::AtomicBool,
}

impl Log {
    /// Opens (creating) the log of the database at `db`.
    pub fn open(db: &Path) -> Log {
        let _ = std::fs::create_dir_all(db);
        let log = Log {
            path: db.join(LOG_NAME),
            file: Mutex::new(None),
            capture_stderr: std::sync::atomic::AtomicBool::new(false),
        };
        log.rotate_if_full();
        log
    }

    /// Makes the log the process's stderr too (a server without a terminal), so a panic
    /// message ends up in it.
    pub fn capture_stderr(&self) {
        self.capture_stderr
            .store(true, std::sync::atomic::Ordering::Relaxed);
        let file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(opened) = file.as_ref() {
            let _ = rustix::stdio::dup2_stderr(opened);
        }
    }

    /// Appends one line.
    pub fn line(&self, text: &str) {
        self.rotate_if_full();
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(file) = file.as_mut() {
            let time = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
            let _ = writeln!(file, "{time} [{}] {}", std::process::id(), text);
        }
    }

    fn rotate_if_full(&self) {
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let size = std::fs::metadata(&self.path).map_or(0, |m| m.len());
        if file.is_some() && size < MAX_LOG {
            return;
        }
        if size >= MAX_LOG {
            let _ = std::fs::rename(&self.path, self.path.with_extension("log.1"));
        }
        *file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .ok();
        if self
            .capture_stderr
            .load(std::sync::atomic::Ordering::Relaxed)
            && let Some(opened) = file.as_ref()
        {
            let _ = rustix::stdio::dup2_stderr(opened);
        }
    }

    /// The last `n` lines of the log at `db` (for a client that saw its server fail to start).
    pub fn tail(db: &Path, n: usize) -> Vec<String> {
        let text = std::fs::read_to_string(db.join(LOG_NAME)).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(n)..]
            .iter()
            .map(|line| crate::text::sanitize_line(line).into_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_log_is_rotated_and_the_new_one_starts_small() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOG_NAME), vec![b'x'; MAX_LOG as usize]).unwrap();
        let log = Log {
            path: dir.path().join(LOG_NAME),
            file: Mutex::new(None),
            capture_stderr: Default::default(),
        };
        log.rotate_if_full();
        log.line("neu");
        let rotated = std::fs::metadata(dir.path().join("server.log.1"))
            .unwrap()
            .len();
        assert_eq!(rotated, MAX_LOG);
        let fresh = std::fs::read_to_string(dir.path().join(LOG_NAME)).unwrap();
        assert!(fresh.ends_with("neu\n") && fresh.len() < 100, "{fresh}");
    }
}
