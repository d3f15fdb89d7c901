//! The TUI exits with a failure code when it can no longer write to its terminal: the real
//! binary reads keys from one pty and draws on another; once the drawing side has gone, the
//! next key makes a frame that cannot be written, and the process must end with exit code 1
//! (not 0) and say why on stderr.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A pty pair of 80x24: (master, slave).
fn open_pty() -> (File, File) {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the given integers; the name buffer and the
    // terminal settings may be null, the window size points at a valid struct.
    let result = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(result, 0, "openpty: {}", std::io::Error::last_os_error());
    // The child must not inherit the master: then closing it here ends the terminal.
    // SAFETY: fcntl on a descriptor just opened, setting only its close-on-exec flag.
    unsafe { libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC) };
    // SAFETY: both descriptors were just opened by openpty and are owned by nobody else.
    unsafe {
        (
            File::from(OwnedFd::from_raw_fd(master)),
            File::from(OwnedFd::from_raw_fd(slave)),
        )
    }
}

/// Reads from `master` until `needle` appeared or the time is up.
fn read_until(master: &mut File, needle: &str, within: Duration) -> String {
    let deadline = Instant::now() + within;
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    let fd = std::os::fd::AsRawFd::as_raw_fd(master);
    while Instant::now() < deadline {
        let mut poll = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, count 1.
        let ready = unsafe { libc::poll(&mut poll, 1, 100) };
        if ready > 0 {
            match master.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buffer[..n]),
            }
        }
        if String::from_utf8_lossy(&seen).contains(needle) {
            break;
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn a_terminal_that_cannot_be_written_ends_the_tui_with_exit_code_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut keys, keys_slave) = open_pty();
    let (mut screen, screen_slave) = open_pty();
    let mut command = Command::new(env!("CARGO_BIN_EXE_quartier"));
    command.env("QUARTIER_NO_SERVER", "1");
    command
        .arg("--db")
        .arg(dir.path().join("db"))
        .env("TERM", "xterm-256color")
        .env("LANG", "de_DE.UTF-8")
        .env("HOME", dir.path())
        .stdin(Stdio::from(keys_slave))
        .stdout(Stdio::from(screen_slave))
        .stderr(Stdio::piped());
    // A session of its own without a controlling terminal: closing the screen's pty sends no
    // SIGHUP, so only the failing writes can end the program.
    // SAFETY: setsid is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let mut child = command.spawn().expect("spawn quartier");
    drop(command);
    let first = read_until(&mut screen, "Maßnahmen", Duration::from_secs(20));
    assert!(first.contains("Maßnahmen"), "no first frame: {first:?}");
    drop(screen);
    keys.write_all(b"j").expect("key");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("quartier still runs after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr);
    assert_eq!(status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains("Fehler"), "stderr: {stderr}");
}
