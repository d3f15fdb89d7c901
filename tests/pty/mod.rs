//! A small harness that runs the real `quartier` binary in a pseudo-terminal, television-style:
//! a fixed size, keys written to the pty, and a reader thread that feeds everything the program
//! prints into a `vt100::Parser` (the screen a user would see) while keeping the raw bytes (to
//! check which escape sequences reached the terminal).
//!
//! Tests wait for text instead of sleeping. Every wait gives up after
//! `QUARTIER_PTY_TIMEOUT_MS` milliseconds (default 10 000) and panics with the whole screen.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// Polling interval of every wait.
const POLL: Duration = Duration::from_millis(20);

/// How long a wait may take: `QUARTIER_PTY_TIMEOUT_MS`, default 10 s.
pub fn timeout() -> Duration {
    let ms = std::env::var("QUARTIER_PTY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    Duration::from_millis(ms)
}

/// Leaves the alternate screen.
pub const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
/// Shows the cursor again.
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// Turns bracketed paste on.
pub const PASTE_ON: &[u8] = b"\x1b[?2004h";
/// Turns bracketed paste off.
pub const PASTE_OFF: &[u8] = b"\x1b[?2004l";

/// A key as the terminal sends it.
#[derive(Clone, Copy, Debug)]
pub enum Key<'a> {
    /// Plain text, typed character by character.
    Text(&'a str),
    Enter,
    Esc,
    Tab,
    Up,
    Down,
    Left,
    Right,
    Backspace,
    /// Ctrl and a lower-case letter, e.g. `Ctrl('c')`.
    Ctrl(char),
}

impl Key<'_> {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Key::Text(text) => text.as_bytes().to_vec(),
            Key::Enter => b"\r".to_vec(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::Up => b"\x1b[A".to_vec(),
            Key::Down => b"\x1b[B".to_vec(),
            Key::Right => b"\x1b[C".to_vec(),
            Key::Left => b"\x1b[D".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::Ctrl(c) => {
                assert!(c.is_ascii_lowercase(), "Ctrl({c:?})");
                vec![*c as u8 - b'a' + 1]
            }
        }
    }
}

/// What the reader thread shares with the test.
struct Output_ {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The pty reported end of file: the program and every holder of the slave side are gone.
    closed: bool,
}

/// A database directory in its own temp dir, removed at the end of the test.
pub struct Db {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Db {
    /// A new, not yet created database path.
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("db");
        Db { _dir: dir, path }
    }

    /// Runs the CLI on this database (German, no terminal).
    pub fn run(&self, args: &[&str]) -> Output {
        cli(&self.path, args)
    }

    /// Runs the CLI and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "quartier {args:?} failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Waits until the CLI can open the database (a lock held by a process that just ended, or
    /// by this test process's own store, can take some milliseconds to go).
    pub fn wait_unlocked(&self) {
        let deadline = Instant::now() + timeout();
        loop {
            let out = self.run(&["goals"]);
            if out.status.code() != Some(2) {
                return;
            }
            assert!(Instant::now() < deadline, "database stays locked");
            std::thread::sleep(POLL);
        }
    }
}

/// The binary under test, run without a terminal.
pub fn cli(db: &Path, args: &[&str]) -> Output {
    let mut command = cli_command(db, args);
    command.env("QUARTIER_NO_SERVER", "1");
    command.output().expect("run quartier")
}

/// `quartier --db DB ARGS…` in German, without the caller's `QUARTIER_DB`.
fn cli_command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_quartier"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("QUARTIER_DB")
        // No config file of the person running the tests (`--config` in a test still wins).
        .env("QUARTIER_CONFIG", "/nonexistent/quartier-tests/config.toml")
        .env_remove("LC_ALL")
        .env("LANG", "de_DE.UTF-8");
    command
}

/// The TUI running in a pseudo-terminal.
pub struct Tui {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output_>>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
}

impl Tui {
    /// `quartier --db <db> <args>` at 80x24.
    pub fn start(db: &Path, args: &[&str]) -> Tui {
        Tui::start_sized(db, args, 80, 24)
    }

    /// `quartier --db <db> <args>` at `cols`x`rows`, with `TERM=xterm-256color` and a German
    /// locale.
    pub fn start_sized(db: &Path, args: &[&str], cols: u16, rows: u16) -> Tui {
        Tui::spawn(db, args, cols, rows, false, &[])
    }

    /// Like [`Tui::start`], with more environment (`NO_COLOR`, …).
    pub fn start_with_env(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Tui {
        Tui::spawn(db, args, 80, 24, false, env)
    }

    /// `quartier --db <db> <args>` at 80x24 through the database's server (started when none
    /// runs; it stops 3 s after its last client).
    pub fn start_served(db: &Path, args: &[&str]) -> Tui {
        Tui::spawn(db, args, 80, 24, true, &[])
    }

    fn spawn(
        db: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        served: bool,
        env: &[(&str, &str)],
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_quartier"));
        if served {
            command.env_remove("QUARTIER_NO_SERVER");
            command.env("QUARTIER_SERVER_IDLE", "3");
        } else {
            command.env("QUARTIER_NO_SERVER", "1");
        }
        command.arg("--db");
        command.arg(db);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "de_DE.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("QUARTIER_DB");
        command.env("QUARTIER_CONFIG", "/nonexistent/quartier-tests/config.toml");
        command.env_remove("NO_COLOR");
        for (name, value) in env {
            command.env(name, value);
        }
        if let Some(parent) = db.parent() {
            command.cwd(parent);
        }
        let child = pair.slave.spawn_command(command).expect("spawn quartier");
        // Only the child may hold the slave side, or the reader never sees end of file.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Output_ {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            raw: Vec::new(),
            closed: false,
        }));
        let shared = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            let mut pending = Vec::new();
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        pending.extend_from_slice(&buffer[..n]);
                        let ready = pending.len() - replacement_prefix(&pending);
                        let mut chunk: Vec<u8> = pending.drain(..ready).collect();
                        mark_replacements(&mut chunk);
                        let mut out = lock(&shared);
                        out.raw.extend_from_slice(&buffer[..n]);
                        out.parser.process(&chunk);
                    }
                }
            }
            let mut out = lock(&shared);
            out.parser.process(&pending);
            out.closed = true;
        });
        Tui {
            master: pair.master,
            writer,
            child,
            output,
            reader: Some(reader),
            status: None,
        }
    }

    /// The process id of the program.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Writes text to the terminal as if typed.
    pub fn send(&mut self, text: &str) {
        self.send_keys(&[Key::Text(text)]);
    }

    /// Presses `keys` in order. After a lone `Esc` the harness pauses 50 ms: crossterm reads an
    /// `Esc` followed at once by more bytes as the start of an escape sequence (Alt-key).
    pub fn send_keys(&mut self, keys: &[Key]) {
        for key in keys {
            self.writer.write_all(&key.bytes()).expect("write to pty");
            self.writer.flush().expect("flush pty");
            if matches!(key, Key::Esc) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    /// Pastes `text` as a terminal does with bracketed paste on: between `ESC [200~` and
    /// `ESC [201~`, in one write.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.writer.write_all(&bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        unmark(lock(&self.output).parser.screen().contents())
    }

    /// Rows `rows` of the screen, columns `cols`, one line per row (a pane of the layout).
    pub fn region(&self, rows: std::ops::Range<u16>, cols: std::ops::Range<u16>) -> String {
        let out = lock(&self.output);
        let lines: Vec<String> = out
            .parser
            .screen()
            .rows(cols.start, cols.end - cols.start)
            .skip(rows.start as usize)
            .take((rows.end - rows.start) as usize)
            .map(unmark)
            .collect();
        lines.join("\n")
    }

    /// Screen row `row` as text.
    pub fn row(&self, row: u16) -> String {
        let cols = lock(&self.output).parser.screen().size().1.get();
        self.region(row..row + 1, 0..cols)
    }

    /// The first screen row that contains `text`, if any.
    pub fn find_row(&self, text: &str) -> Option<u16> {
        let out = lock(&self.output);
        let cols = out.parser.screen().size().1.get();
        out.parser
            .screen()
            .rows(0, cols)
            .map(unmark)
            .position(|line| line.contains(text))
            .map(|row| row as u16)
    }

    /// True when the cell at (`row`, `col`) is drawn inverted (how quartier marks the selected
    /// row of the focused pane).
    pub fn is_inverse(&self, row: u16, col: u16) -> bool {
        lock(&self.output)
            .parser
            .screen()
            .cell(row, col)
            .is_some_and(|cell| cell.inverse())
    }

    /// True while the emulated terminal shows the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        lock(&self.output).parser.screen().alternate_screen()
    }

    /// True while the emulated terminal hides the cursor.
    pub fn cursor_hidden(&self) -> bool {
        lock(&self.output).parser.screen().hide_cursor()
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        lock(&self.output).raw.clone()
    }

    /// Waits until `done` holds for the screen; panics with `what` and the screen on timeout.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&Tui) -> bool) {
        let deadline = Instant::now() + timeout();
        loop {
            if done(self) {
                return;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {:?} waiting for {what}; screen:\n{}\n{}",
                    timeout(),
                    self.screen(),
                    self.exit_note()
                );
            }
            if lock(&self.output).closed {
                // One last look: the final bytes may have arrived with end of file.
                if done(self) {
                    return;
                }
                panic!(
                    "quartier ended while waiting for {what}; screen:\n{}\n{}",
                    self.screen(),
                    self.exit_note()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on the screen.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |t| {
            t.screen().contains(text)
        });
    }

    /// Waits until `text` is no longer on the screen.
    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to disappear"), |t| {
            !t.screen().contains(text)
        });
    }

    /// Waits until the region holds `text`.
    pub fn wait_in(&mut self, rows: std::ops::Range<u16>, cols: std::ops::Range<u16>, text: &str) {
        let what = format!("{text:?} in rows {rows:?}, columns {cols:?}");
        self.wait_until(&what, |t| {
            t.region(rows.clone(), cols.clone()).contains(text)
        });
    }

    /// Waits until the region no longer holds `text`.
    pub fn wait_not_in(
        &mut self,
        rows: std::ops::Range<u16>,
        cols: std::ops::Range<u16>,
        text: &str,
    ) {
        let what = format!("{text:?} to leave rows {rows:?}, columns {cols:?}");
        self.wait_until(&what, |t| {
            !t.region(rows.clone(), cols.clone()).contains(text)
        });
    }

    /// Waits up to `limit` for the program to end; `None` if it still runs. Once it has ended,
    /// also waits (within the same limit) until the reader has seen every byte it wrote.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if self.status.is_none() {
                self.status = self.child.try_wait().expect("try_wait");
            }
            if self.status.is_some() && lock(&self.output).closed {
                break;
            }
            if Instant::now() >= deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        if self.status.is_some()
            && let Some(reader) = self.reader.take_if(|_| lock(&self.output).closed)
        {
            reader.join().expect("reader thread");
        }
        self.status.clone()
    }

    /// Sends `signal` (a name such as `HUP`, `TERM`, `INT`) to the program with `kill(1)`.
    pub fn kill(&self, signal: &str) {
        // libc directly: a fresh machine need not have /bin/kill (procps).
        let number = match signal {
            "HUP" => libc::SIGHUP,
            "TERM" => libc::SIGTERM,
            "INT" => libc::SIGINT,
            "KILL" => libc::SIGKILL,
            other => panic!("unknown signal {other}"),
        };
        let pid = libc::pid_t::try_from(self.pid()).expect("pid");
        // SAFETY: kill(2) with a pid we spawned and a valid signal number touches no memory.
        let result = unsafe { libc::kill(pid, number) };
        assert_eq!(result, 0, "kill -{signal} {pid} failed");
    }

    /// Changes the terminal size, as a user resizing the window (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.output)
            .parser
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
    }

    fn exit_note(&mut self) -> String {
        match self.child.try_wait() {
            Ok(Some(status)) => format!("(quartier has exited: {status:?})"),
            _ => "(quartier is still running)".into(),
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// U+FFFD as UTF-8. quartier shows it instead of control characters; a real terminal draws it,
/// but `vt100` drops it (it reports it as an unhandled character and does not move the cursor).
const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();
/// What the harness feeds `vt100` instead: a private-use character of the same width and
/// UTF-8 length, turned back into `�` when the screen is read.
const STAND_IN: char = '\u{e000}';

/// How many bytes at the end of `bytes` could be the start of a split U+FFFD.
fn replacement_prefix(bytes: &[u8]) -> usize {
    (1..REPLACEMENT.len())
        .rev()
        .find(|n| bytes.ends_with(&REPLACEMENT[..*n]))
        .unwrap_or(0)
}

/// Replaces every U+FFFD in `bytes` by [`STAND_IN`] (same length, in place).
fn mark_replacements(bytes: &mut [u8]) {
    let mut stand_in = [0u8; 3];
    STAND_IN.encode_utf8(&mut stand_in);
    let mut i = 0;
    while i + REPLACEMENT.len() <= bytes.len() {
        if &bytes[i..i + REPLACEMENT.len()] == REPLACEMENT {
            bytes[i..i + REPLACEMENT.len()].copy_from_slice(&stand_in);
            i += REPLACEMENT.len();
        } else {
            i += 1;
        }
    }
}

/// Screen text with the stand-ins turned back into `�`.
fn unmark(text: String) -> String {
    if text.contains(STAND_IN) {
        text.replace(STAND_IN, "\u{fffd}")
    } else {
        text
    }
}

/// Does `haystack` contain `needle`?
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("size above zero")
}

fn lock(output: &Mutex<Output_>) -> MutexGuard<'_, Output_> {
    output.lock().unwrap_or_else(|poison| poison.into_inner())
}

#[test]
fn replacement_characters_survive_split_reads() {
    let text = "a\u{fffd}b\u{fffd}";
    let bytes = text.as_bytes();
    for split in 0..=bytes.len() {
        let mut parser = vt100::Parser::new(nonzero(1), nonzero(10), 0);
        let mut pending = Vec::new();
        for part in [&bytes[..split], &bytes[split..]] {
            pending.extend_from_slice(part);
            let ready = pending.len() - replacement_prefix(&pending);
            let mut chunk: Vec<u8> = pending.drain(..ready).collect();
            mark_replacements(&mut chunk);
            parser.process(&chunk);
        }
        assert_eq!(unmark(parser.screen().contents()), text, "split at {split}");
    }
}

/// The binary under test through the database's server (started when none runs; it stops 3 s
/// after its last client), run without a terminal.
pub fn cli_served(db: &Path, args: &[&str]) -> Output {
    let mut command = cli_command(db, args);
    command
        .env_remove("QUARTIER_NO_SERVER")
        .env("QUARTIER_SERVER_IDLE", "3");
    command.output().expect("run quartier")
}

/// `quartier ARGS…` through the database's server, which must succeed; its stdout.
pub fn ok_served(db: &Path, args: &[&str]) -> String {
    let out = cli_served(db, args);
    assert!(
        out.status.success(),
        "quartier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Stops the database's server at the end of a test, also when it fails.
pub struct StopServer<'a>(pub &'a Path);
impl Drop for StopServer<'_> {
    fn drop(&mut self) {
        let _ = cli_served(self.0, &["server", "stop"]);
    }
}

/// Waits for `text` in a pane given as (rows, columns).
pub fn wait_in_pane(
    tui: &mut Tui,
    pane: &(std::ops::Range<u16>, std::ops::Range<u16>),
    text: &str,
) {
    tui.wait_in(pane.0.clone(), pane.1.clone(), text);
}
