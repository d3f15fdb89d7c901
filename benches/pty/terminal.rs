//! The real `quartier` binary in a pseudo-terminal, timed as a user sees it: a reader thread
//! blocks on the pty and stamps every chunk the moment `read` returns it; the bench thread feeds
//! the chunks into a `vt100` screen and looks at the screen whenever a chunk closes a frame.
//!
//! A frame ends where ratatui hides the cursor (`ESC [?25l`, every frame without a cursor) or
//! shows it (`ESC [?25h`, a frame with an open form): each `draw` flushes that last, so a screen
//! checked at that point is the whole frame, not a part of it that arrived first.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::common::BenchResult;

/// How long one wait may take before the bench gives up with the screen.
const LIMIT: Duration = Duration::from_secs(60);

const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// How a TUI reaches its database.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// Through the database's server (started by the TUI when none runs).
    Served,
    /// `QUARTIER_NO_SERVER=1`: the store in the TUI process.
    NoServer,
}

/// One chunk the pty delivered and when.
struct Chunk {
    at: Instant,
    bytes: Vec<u8>,
}

/// `quartier` running in a pty.
pub struct Term {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    chunks: Receiver<Chunk>,
    parser: vt100::Parser,
    /// The last bytes of the previous chunk (a frame end may be split between two reads).
    tail: Vec<u8>,
    /// Just before the process was spawned.
    pub spawned: Instant,
    closed: bool,
}

impl Term {
    /// `program --db db` at `cols`x`rows` in German with `TERM=xterm-256color`.
    pub fn start(program: &Path, db: &Path, mode: Mode, cols: u16, rows: u16) -> BenchResult<Term> {
        let pair = native_pty_system().openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut command = CommandBuilder::new(program);
        command.arg("--db");
        command.arg(db);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "de_DE.UTF-8");
        for name in ["LC_ALL", "QUARTIER_DB", "NO_COLOR", "QUARTIER_SERVER_IDLE"] {
            command.env_remove(name);
        }
        match mode {
            Mode::Served => command.env_remove("QUARTIER_NO_SERVER"),
            Mode::NoServer => command.env("QUARTIER_NO_SERVER", "1"),
        }
        if let Some(parent) = db.parent() {
            command.cwd(parent);
        }
        let spawned = Instant::now();
        let child = pair.slave.spawn_command(command)?;
        // Only the child may hold the slave side, or the reader never sees end of file.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let (sender, chunks) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        let at = Instant::now();
                        let bytes = buffer[..n].to_vec();
                        if sender.send(Chunk { at, bytes }).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        Ok(Term {
            _master: pair.master,
            writer,
            child,
            chunks,
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            tail: Vec::new(),
            spawned,
            closed: false,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap_or(0)
    }

    /// Takes in what has arrived so far, without waiting.
    pub fn drain(&mut self) {
        while let Ok(chunk) = self.chunks.try_recv() {
            self.take(&chunk);
        }
    }

    /// Writes `bytes` as typed keys; returns the moment just before the write.
    pub fn press(&mut self, bytes: &[u8]) -> BenchResult<Instant> {
        self.drain();
        let at = Instant::now();
        self.writer.write_all(bytes)?;
        self.writer.flush()?;
        Ok(at)
    }

    /// Waits for the first frame that ends after `after` and whose screen satisfies `done`;
    /// returns when the chunk ending that frame was read.
    pub fn frame_after(
        &mut self,
        after: Instant,
        what: &str,
        done: impl Fn(&Screen) -> bool,
    ) -> BenchResult<Instant> {
        let deadline = Instant::now() + LIMIT;
        loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            let chunk = match self.chunks.recv_timeout(wait) {
                Ok(chunk) => chunk,
                Err(RecvTimeoutError::Timeout) => {
                    return Err(self.failure(&format!("timed out waiting for {what}")));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.closed = true;
                    return Err(self.failure(&format!("quartier ended waiting for {what}")));
                }
            };
            let ends_frame = self.take(&chunk);
            if ends_frame && chunk.at >= after && done(&Screen(self.parser.screen())) {
                return Ok(chunk.at);
            }
        }
    }

    /// Feeds a chunk to the screen; whether it closes a frame.
    fn take(&mut self, chunk: &Chunk) -> bool {
        self.parser.process(&chunk.bytes);
        let mut window = std::mem::take(&mut self.tail);
        window.extend_from_slice(&chunk.bytes);
        let ends = [HIDE_CURSOR, SHOW_CURSOR]
            .iter()
            .any(|marker| window.windows(marker.len()).any(|w| w == *marker));
        let keep = window.len().saturating_sub(HIDE_CURSOR.len() - 1);
        self.tail = window.split_off(keep);
        ends
    }

    pub fn screen(&self) -> Screen<'_> {
        Screen(self.parser.screen())
    }

    fn failure(&self, what: &str) -> Box<dyn std::error::Error> {
        format!("{what}; screen:\n{}", self.parser.screen().contents()).into()
    }

    /// Sends `q` and waits up to 10 s for the program to end (killing it after that).
    pub fn quit(mut self) -> BenchResult<()> {
        self.press(b"q")?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Err(self.failure("quartier did not end on `q`"))
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The emulated screen.
pub struct Screen<'a>(&'a vt100::Screen);

impl Screen<'_> {
    /// Row `row` as text.
    pub fn row(&self, row: u16) -> String {
        let cols = self.0.size().1.get();
        self.0.rows(0, cols).nth(row as usize).unwrap_or_default()
    }

    /// The last row (the status bar).
    pub fn last_row(&self) -> String {
        self.row(self.0.size().0.get() - 1)
    }

    pub fn contains(&self, text: &str) -> bool {
        self.0.contents().contains(text)
    }

    /// Rows `rows` as text, one line each.
    pub fn rows(&self, rows: std::ops::Range<u16>) -> String {
        let cols = self.0.size().1.get();
        let lines: Vec<String> = self
            .0
            .rows(0, cols)
            .skip(rows.start as usize)
            .take(rows.len())
            .collect();
        lines.join("\n")
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

/// User plus system CPU time of `pid` in clock ticks, from /proc/<pid>/stat.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces), from field 3 (state) on.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// Waits until the CPU time of `pid` has not grown for `quiet` (the background reading is
/// done); returns when it last grew.
pub fn wait_idle(pid: u32, quiet: Duration) -> BenchResult<Instant> {
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut last = cpu_ticks(pid).ok_or("no /proc stat")?;
    let mut grew = Instant::now();
    while grew.elapsed() < quiet {
        if Instant::now() > deadline {
            return Err("the TUI stays busy".into());
        }
        std::thread::sleep(Duration::from_millis(10));
        let now = cpu_ticks(pid).ok_or("the TUI is gone")?;
        if now != last {
            last = now;
            grew = Instant::now();
        }
    }
    Ok(grew)
}

/// `VmRSS` and `VmHWM` of `pid` in KiB.
pub fn memory_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l[name.len()..].split_whitespace().next())
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Whether `pid` still runs (a zombie counts as gone).
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let rest = stat[stat.rfind(')')? + 2..].to_string();
            rest.chars().next()
        })
        .is_some_and(|state| state != 'Z' && state != 'X')
}
