//! Code shared by the bench binaries `core`, `tui` and `scale` (included with `#[path]`; each binary
//! uses only part of it): a terminal over a byte-counting sink, an app session that times one
//! key as the event loop handles it, order statistics, a text table, machine facts.

#![allow(dead_code)]

use std::cell::Cell;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use quartier::app::App;
use quartier::i18n::Lang;
use quartier::model::{GoalId, MeasureId};
use quartier::store::Store;
use quartier::ui::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

pub type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Discards what the backend writes, counting bytes and flushes.
pub struct CountingWriter {
    counters: Rc<Counters>,
}

#[derive(Default)]
pub struct Counters {
    pub bytes: Cell<u64>,
    pub flushes: Cell<u64>,
}

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.counters
            .bytes
            .set(self.counters.bytes.get() + buf.len() as u64);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.counters.flushes.set(self.counters.flushes.get() + 1);
        Ok(())
    }
}

pub type BenchTerminal = Terminal<CrosstermBackend<CountingWriter>>;

/// A terminal of fixed size `w`x`h` whose output is counted and discarded.
pub fn terminal(w: u16, h: u16) -> BenchResult<(BenchTerminal, Rc<Counters>)> {
    let counters = Rc::new(Counters::default());
    let backend = CrosstermBackend::new(CountingWriter {
        counters: Rc::clone(&counters),
    });
    let terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )?;
    Ok((terminal, counters))
}

/// One key's cost.
#[derive(Clone, Copy)]
pub struct Sample {
    pub handle: Duration,
    pub draw: Duration,
    pub bytes: u64,
    pub flushes: u64,
}

impl Sample {
    pub fn total(&self) -> Duration {
        self.handle + self.draw
    }
}

/// An app on a fresh store, drawn once, as after start-up.
pub struct Session {
    pub app: App,
    pub terminal: BenchTerminal,
    pub counters: Rc<Counters>,
}

impl Session {
    pub fn open(db: &Path, w: u16, h: u16) -> BenchResult<Session> {
        let store = Store::open(db)?;
        let mut app = App::new(store, Lang::De, None)?;
        // As src/tui.rs does before the first frame: the app knows the screen it scrolls on.
        app.set_scroll_bounds(quartier::ui::SCROLL_BOUNDS);
        app.resize(w, h);
        let (mut terminal, counters) = terminal(w, h)?;
        terminal.draw(|frame| quartier::ui::render(&app, Theme::default(), frame))?;
        Ok(Session {
            app,
            terminal,
            counters,
        })
    }

    /// One key, as the event loop handles it: `handle_key`, then one `draw`.
    pub fn press(&mut self, key: KeyEvent) -> BenchResult<Sample> {
        let bytes = self.counters.bytes.get();
        let flushes = self.counters.flushes.get();
        let started = Instant::now();
        self.app.handle_key(key);
        let handled = Instant::now();
        let app = &self.app;
        self.terminal
            .draw(|frame| quartier::ui::render(app, Theme::default(), frame))?;
        let drawn = Instant::now();
        if self.app.should_quit() {
            return Err("a benchmark key quit the app".into());
        }
        Ok(Sample {
            handle: handled - started,
            draw: drawn - handled,
            bytes: self.counters.bytes.get() - bytes,
            flushes: self.counters.flushes.get() - flushes,
        })
    }

    pub fn press_char(&mut self, c: char) -> BenchResult<Sample> {
        self.press(key(KeyCode::Char(c)))
    }

    /// Strategic goals (no parent) in tree order.
    pub fn strategic(&self) -> Vec<(GoalId, String)> {
        self.app
            .tree
            .goals()
            .iter()
            .filter(|g| g.parent.is_none())
            .map(|g| (g.id, g.code.clone()))
            .collect()
    }

    /// Distinct measures linked to `goal` or below it.
    pub fn measures_under(&self, goal: GoalId) -> HashSet<MeasureId> {
        self.app
            .tree
            .subtree(goal)
            .iter()
            .flat_map(|g| self.app.links().measures_of(*g).iter().map(|(m, _)| *m))
            .collect()
    }

    /// Expands every strategic goal (bottom up, so rows above do not shift) and selects the
    /// first goal; returns the number of goal rows of the expanded tree.
    pub fn expand_all(&mut self) -> BenchResult<usize> {
        let strategic = self.strategic().len();
        self.press_char('G')?;
        for _ in 0..strategic {
            self.press_char('l')?;
            self.press_char('k')?;
        }
        // `g` goes to the `Alle Maßnahmen` row; `j` to the first goal. The goal rows exclude
        // the virtual rows (`Alle Maßnahmen`, `Ohne Ziel`).
        self.press_char('g')?;
        self.press_char('j')?;
        Ok(self.app.tree.rows().len())
    }
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Timed keys of one scenario, each labelled by key, in the order pressed.
#[derive(Default)]
pub struct Labelled(Vec<(&'static str, Sample)>);

impl Labelled {
    pub fn push(&mut self, label: &'static str, sample: Sample) {
        self.0.push((label, sample));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Every sample.
    pub fn all(&self) -> Vec<Sample> {
        self.0.iter().map(|(_, s)| *s).collect()
    }

    /// The samples of each label, labels in the order they first appeared.
    pub fn by_label(&self) -> Vec<(&'static str, Vec<Sample>)> {
        let mut groups: Vec<(&'static str, Vec<Sample>)> = Vec::new();
        for (label, sample) in &self.0 {
            match groups.iter_mut().find(|(l, _)| l == label) {
                Some((_, samples)) => samples.push(*sample),
                None => groups.push((label, vec![*sample])),
            }
        }
        groups
    }
}

/// `j` down through all `rows` of the expanded tree and `k` back up, until `min_keys` keys are
/// timed; each key is labelled by where it lands (a strategic goal lists all of its sub-goals'
/// measures, so those moves are reported apart).
pub fn walk_tree(s: &mut Session, rows: usize, min_keys: usize) -> BenchResult<Labelled> {
    let label = |s: &Session, down: bool| {
        let strategic = s.app.tree.selected().is_some_and(|g| g.parent.is_none());
        match (down, strategic) {
            (true, true) => "j → Z goal",
            (true, false) => "j → sub-goal",
            (false, true) => "k → Z goal",
            (false, false) => "k → sub-goal",
        }
    };
    let mut keys = Labelled::default();
    while keys.len() < min_keys {
        for _ in 1..rows {
            let sample = s.press_char('j')?;
            keys.push(label(s, true), sample);
        }
        for _ in 1..rows {
            let sample = s.press_char('k')?;
            keys.push(label(s, false), sample);
        }
    }
    Ok(keys)
}

/// Timing and byte figures of a set of samples.
pub struct Figures {
    pub total: Stats,
    pub handle: Stats,
    pub draw: Stats,
    pub bytes_median: u64,
    pub bytes_max: u64,
    pub flushes: f64,
}

impl Figures {
    pub fn new(samples: &[Sample]) -> Figures {
        let mut bytes: Vec<u64> = samples.iter().map(|s| s.bytes).collect();
        bytes.sort_unstable();
        let flushes = samples.iter().map(|s| s.flushes).sum::<u64>() as f64 / samples.len() as f64;
        Figures {
            total: Stats::new(samples.iter().map(Sample::total).collect()),
            handle: Stats::new(samples.iter().map(|s| s.handle).collect()),
            draw: Stats::new(samples.iter().map(|s| s.draw).collect()),
            bytes_median: bytes[bytes.len().div_ceil(2) - 1],
            bytes_max: bytes[bytes.len() - 1],
            flushes,
        }
    }
}

/// Order statistics of a sample, in milliseconds (nearest-rank percentiles).
pub struct Stats {
    pub median: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Stats {
    pub fn new(mut samples: Vec<Duration>) -> Stats {
        assert!(!samples.is_empty(), "no samples");
        samples.sort();
        let rank = |p: f64| {
            let index = ((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
            ms(samples[index - 1])
        };
        Stats {
            median: rank(0.50),
            p95: rank(0.95),
            p99: rank(0.99),
            max: ms(samples[samples.len() - 1]),
        }
    }
}

/// Median (lower middle for an even count) and maximum of integers.
pub fn median_max(values: &[u64]) -> (u64, u64) {
    assert!(!values.is_empty(), "no values");
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    (
        sorted[sorted.len().div_ceil(2) - 1],
        sorted[sorted.len() - 1],
    )
}

pub fn verdict(value: f64, target: f64) -> &'static str {
    if value <= target { "PASS" } else { "MISS" }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

pub fn fmt_ms(value: f64) -> String {
    if value < 1.0 {
        format!("{value:.3} ms")
    } else {
        format!("{value:.2} ms")
    }
}

pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Bytes as MiB, or KiB below 1 MiB.
pub fn size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        mib(bytes)
    }
}

/// A text table; the first column is left-aligned, text columns too, numbers right-aligned.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, row: Vec<String>) {
        assert_eq!(row.len(), self.header.len(), "row width");
        self.rows.push(row);
    }

    pub fn print(&self) {
        let columns = self.header.len();
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .map(|r| r[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let numeric = |text: &str| text.starts_with(|c: char| c.is_ascii_digit());
        let line = |r: &[String]| {
            let cells: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(i, text)| pad(text, widths[i], i > 0 && numeric(text)))
                .collect();
            println!("{}", cells.join("  ").trim_end());
        };
        line(&self.header);
        println!(
            "{}",
            "-".repeat(widths.iter().sum::<usize>() + 2 * (columns - 1))
        );
        for row in &self.rows {
            line(row);
        }
    }
}

/// Pads by characters (not bytes), so `×` and `≤` do not shift columns.
pub fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.chars().count()));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// CPU count (`nproc`) and model from /proc/cpuinfo.
pub fn machine() -> String {
    let nproc = std::process::Command::new("nproc")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| {
            std::thread::available_parallelism().map_or("?".into(), |n| n.to_string())
        });
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("nproc {nproc}, {model}")
}

/// Filesystem type of the mount holding `path` (fsync cost depends on it), from /proc/self/mounts.
pub fn filesystem(path: &Path) -> Option<String> {
    let path = path.canonicalize().ok()?;
    let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (_, mount, fs) = (fields.next()?, fields.next()?, fields.next()?);
            path.starts_with(mount)
                .then(|| (mount.len(), format!("{fs} on {mount}")))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, description)| description)
}

/// Sum of the sizes of all files under `path`.
pub fn dir_size(path: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            total += dir_size(&entry.path())?;
        } else if kind.is_file() {
            total += entry.metadata()?.len();
        }
    }
    Ok(total)
}

/// `VmHWM` (peak resident set) and `VmRSS` of this process in KiB, from /proc/self/status.
pub fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l[name.len()..].split_whitespace().next())
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// The number of demo measures: `QUARTIER_BENCH_MEASURES` (underscores allowed), else `default`.
pub fn measures_from_env(default: usize) -> BenchResult<usize> {
    Ok(match std::env::var("QUARTIER_BENCH_MEASURES") {
        Ok(text) => text.trim().replace('_', "").parse::<usize>()?,
        Err(_) => default,
    })
}

/// A `demo-data` database of `count` measures in a new temp dir, filled by `program` in its
/// own process (`--no-server`); the dir goes when the first value is dropped.
pub fn demo_database(
    program: &Path,
    count: usize,
) -> BenchResult<(tempfile::TempDir, std::path::PathBuf)> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    let filled = std::process::Command::new(program)
        .arg("--db")
        .arg(&db)
        .args(["--no-server", "demo-data", "--measures", &count.to_string()])
        .output()?;
    if !filled.status.success() {
        return Err("demo-data failed".into());
    }
    Ok((dir, db))
}

/// Waits until the server of `db` made its socket (30 s at most).
fn wait_for_socket(db: &Path) -> BenchResult<()> {
    let socket = quartier::net::socket::socket_path(db);
    let begun = Instant::now();
    while !socket.exists() {
        if begun.elapsed() > Duration::from_secs(30) {
            return Err("the server did not start".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(())
}

/// Runs `work` while `program serve` serves `db`: started and waited for before, stopped
/// (`server stop`) after.
/// Rows for `what`'s processes run by `runs` (given the global arguments), once with
/// `--no-server` and once with a server running, each against `target` ms median.
pub fn unserved_and_served(
    table: &mut Table,
    program: &Path,
    db: &Path,
    what: &str,
    target: f64,
    runs: impl Fn(&[&str]) -> BenchResult<Vec<Duration>>,
) -> BenchResult<()> {
    let alone = runs(&["--no-server"])?;
    target_row(
        table,
        &format!("{what}, --no-server"),
        alone,
        "median",
        target,
    );
    let served = while_served(program, db, || runs(&[]))?;
    target_row(
        table,
        &format!("{what}, server running"),
        served,
        "median",
        target,
    );
    Ok(())
}

pub fn while_served<T>(
    program: &Path,
    db: &Path,
    work: impl FnOnce() -> BenchResult<T>,
) -> BenchResult<T> {
    use std::process::{Command, Stdio};
    let mut server = Command::new(program)
        .arg("--db")
        .arg(db)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    wait_for_socket(db)?;
    let result = work();
    let stopped = Command::new(program)
        .arg("--db")
        .arg(db)
        .args(["server", "stop"])
        .output()?;
    assert!(stopped.status.success(), "server stop failed");
    server.wait()?;
    result
}

/// `program --db db <args>` as `runs` processes with `env` set, stdout to a pipe and stderr
/// dropped, each timed from spawn to exit; each must exit with one of `codes` and print
/// something.
pub fn timed_runs(
    program: &Path,
    db: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    codes: &[i32],
    runs: usize,
) -> BenchResult<Vec<Duration>> {
    let mut samples = Vec::new();
    for _ in 0..runs {
        let begun = Instant::now();
        let out = std::process::Command::new(program)
            .arg("--db")
            .arg(db)
            .args(args)
            .envs(env.iter().copied())
            .stderr(std::process::Stdio::null())
            .output()?;
        samples.push(begun.elapsed());
        let code = out.status.code();
        assert!(
            code.is_some_and(|c| codes.contains(&c)),
            "{args:?} failed: {:?}",
            out.status
        );
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
    }
    Ok(samples)
}

/// A row of n, median, p95, max and the verdict of `figure` ("median" or "p95") against
/// `target` milliseconds.
pub fn target_row(
    table: &mut Table,
    what: &str,
    samples: Vec<Duration>,
    figure: &str,
    target: f64,
) {
    let n = samples.len();
    let stats = Stats::new(samples);
    let value = if figure == "p95" {
        stats.p95
    } else {
        stats.median
    };
    table.row(vec![
        what.into(),
        n.to_string(),
        fmt_ms(stats.median),
        fmt_ms(stats.p95),
        fmt_ms(stats.max),
        format!("{figure} ≤ {target} ms {}", verdict(value, target)),
    ]);
}
