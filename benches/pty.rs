//! What a user feels, measured through a real terminal: the release binary runs in
//! pseudo-terminals at 120x40 on a demo database, keys are written to the pty, and a time ends
//! when the chunk that completes the awaited frame is read from it (see `pty/terminal.rs`).
//!
//! 1. First frame: process start → tree drawn, and → the first goal's measures drawn; with
//!    the server started by the TUI, with a running server, and `--no-server`.
//! 2. The first move onto every goal (each goal visited for the first time: the walk goes down
//!    the tree with `j` and expands each strategic goal with `l` when it reaches it, so no goal
//!    is visited before its timed move), right after the first frame and after the background
//!    reading of every measure's row finished; then second visits (`k` up, `j` down).
//! 3. Live update: a second client in this process changes the title of the measure the TUI
//!    shows; from its acknowledgement to the frame with the new title.
//! 4. A saved edit: `e`, a new title, `Ctrl-s`; from writing `Ctrl-s` to the frame with
//!    `gespeichert`.
//! 5. Memory (VmRSS, VmHWM) of the TUI after the background reading, and of the server.
//!
//! Run with `cargo bench --bench pty`; `QUARTIER_BENCH_MEASURES` sets the number of demo
//! measures (default 10 000).

#[path = "common/mod.rs"]
mod common;
#[path = "pty/terminal.rs"]
mod terminal;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{BenchResult, Stats, Table, fmt_ms, machine, verdict};
use terminal::{Mode, Screen, Term};

use quartier::model::MeasureId;
use quartier::net::protocol::Hello;
use quartier::net::{Client, connect};
use quartier::ops::Op;
use quartier::store::Repository;

const DEFAULT_MEASURES: usize = 10_000;
const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Processes per first-frame case.
const STARTS: usize = 9;
/// TUI processes per walk over the tree (each walk visits every goal once, cold).
const WALKS: usize = 5;
const LIVE_SAMPLES: usize = 60;
const EDIT_SAMPLES: usize = 40;
/// The TUI's background reading counts as finished when its CPU time stood still this long.
const QUIET: Duration = Duration::from_millis(300);

const FIRST_FRAME_TARGET_MS: f64 = 100.0;
const LIVE_P95_TARGET_MS: f64 = 50.0;
const SAVE_TARGET_MS: f64 = 20.0;
const CLIENT_RSS_TARGET_MB: f64 = 40.0;
const SERVER_RSS_TARGET_MB: f64 = 150.0;

fn program() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_quartier"))
}

/// A goal in the order of the expanded tree.
struct TreeGoal {
    code: String,
    strategic: bool,
    has_children: bool,
}

fn main() -> BenchResult<()> {
    let count = common::measures_from_env(DEFAULT_MEASURES)?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    cli(
        &db,
        &["--no-server", "demo-data", "--measures", &count.to_string()],
    )?;
    let order = tree_order(&db)?;
    println!(
        "pty bench: {count} demo measures, {} goals, {COLS}x{ROWS}; {}; load {}",
        order.len(),
        machine(),
        load_average()
    );
    let began = Instant::now();
    let mut table = Table::new(&["what", "n", "median", "p95", "max", "target"]);

    first_frames(&mut table, &db, &order[0].code)?;

    let server = Server::start(&db)?;
    let mut keeper = server.client("bench")?;
    let walks = walk_cases(&db, &order)?;
    for (what, samples) in &walks.timed {
        // The target is the move's frame; how long the rows then take is shown beside it.
        let target = (!what.starts_with('…')).then(|| ("p95", move_target(count)));
        stats_row(&mut table, what, samples, target);
    }
    stats_row(
        &mut table,
        "one measure read over the socket (no TUI)",
        &single_reads(&keeper)?,
        None,
    );
    let mut tui = start_idle(&db, &order[0].code)?;
    let live = live_updates(&mut tui, &mut keeper)?;
    stats_row(
        &mut table,
        "live update: ack → frame with the new title",
        &live,
        Some(("p95", LIVE_P95_TARGET_MS)),
    );
    let saves = saved_edits(&mut tui)?;
    stats_row(
        &mut table,
        "saved edit: Ctrl-s → `gespeichert` frame",
        &saves,
        Some(("p95", SAVE_TARGET_MS)),
    );
    tui.quit()?;
    table.print();
    println!();
    memory_table(&walks.client_kib, server.pid(), count).print();
    println!(
        "background reading of every row: done {} after the first frame (median of {WALKS})",
        fmt_ms(Stats::new(walks.prefetch.clone()).median)
    );
    println!(
        "{} s in all; the machine's load average is {} (shared machines give noisy maxima)",
        began.elapsed().as_secs(),
        load_average()
    );
    keeper.stop()?;
    server.wait()?;
    Ok(())
}

/// The target of a first move at `count` measures: p95 ≤ 5 ms at 10 000, ≤ 16 ms at 100 000.
fn move_target(count: usize) -> f64 {
    if count > 10_000 { 16.0 } else { 5.0 }
}

/// `program --db db ARGS…`, expecting success.
fn cli(db: &Path, args: &[&str]) -> BenchResult<String> {
    let out = Command::new(program())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("QUARTIER_DB")
        .env_remove("QUARTIER_SERVER_IDLE")
        .env("LANG", "de_DE.UTF-8")
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "quartier {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// Every goal in the order of the fully expanded tree.
fn tree_order(db: &Path) -> BenchResult<Vec<TreeGoal>> {
    let store = quartier::store::Store::open(db)?;
    let goals = store.goals()?;
    let mut top: Vec<_> = goals.iter().filter(|g| g.parent.is_none()).collect();
    top.sort_by_key(|g| g.position);
    let mut order = Vec::new();
    for goal in top {
        let mut children: Vec<_> = goals.iter().filter(|g| g.parent == Some(goal.id)).collect();
        children.sort_by_key(|g| g.position);
        order.push(TreeGoal {
            code: goal.code.clone(),
            strategic: true,
            has_children: !children.is_empty(),
        });
        order.extend(children.into_iter().map(|c| TreeGoal {
            code: c.code.clone(),
            strategic: false,
            has_children: false,
        }));
    }
    Ok(order)
}

/// The measure pane's title shows `code`'s measures (its border is in the top row).
fn shows_goal(screen: &Screen, code: &str) -> bool {
    screen.row(0).contains(&format!("Maßnahmen · {code} ("))
}

/// The first frame with the tree (counts included).
fn tree_drawn(screen: &Screen) -> bool {
    screen.contains("Alle Maßnahmen")
}

/// The first goal's measures are drawn (not `Maßnahmen werden geladen …`).
fn measures_drawn(screen: &Screen, first: &str) -> bool {
    shows_goal(screen, first) && !screen.contains("werden geladen")
}

/// Starts a TUI and waits for both first frames; (tree, measures) after the spawn.
fn start_timed(db: &Path, mode: Mode, first: &str) -> BenchResult<(Term, Duration, Duration)> {
    let mut term = Term::start(program(), db, mode, COLS, ROWS)?;
    let spawned = term.spawned;
    let tree = term.frame_after(spawned, "the tree", tree_drawn)?;
    let measures = if measures_drawn(&term.screen(), first) {
        tree
    } else {
        term.frame_after(spawned, "the first goal's measures", |s| {
            measures_drawn(s, first)
        })?
    };
    Ok((term, tree - spawned, measures - spawned))
}

/// Case 1: first frames with the server started by the TUI, with a running server, and
/// without a server.
fn first_frames(table: &mut Table, db: &Path, first: &str) -> BenchResult<()> {
    // One start first, so every timed one finds the binary and the database in the page cache.
    start_timed(db, Mode::NoServer, first)?.0.quit()?;
    let target = Some(("median", FIRST_FRAME_TARGET_MS));
    let mut cases: Vec<(&str, Vec<Duration>, Vec<Duration>)> = Vec::new();

    let (mut tree, mut full) = (Vec::new(), Vec::new());
    for _ in 0..STARTS {
        let (term, t, m) = start_timed(db, Mode::Served, first)?;
        term.quit()?;
        stop_server(db)?;
        tree.push(t);
        full.push(m);
    }
    cases.push(("server started by the TUI", tree, full));

    let server = Server::start(db)?;
    let (mut tree, mut full) = (Vec::new(), Vec::new());
    for _ in 0..STARTS {
        let (term, t, m) = start_timed(db, Mode::Served, first)?;
        term.quit()?;
        tree.push(t);
        full.push(m);
    }
    server.client("bench")?.stop()?;
    server.wait()?;
    cases.push(("server running", tree, full));

    let (mut tree, mut full) = (Vec::new(), Vec::new());
    for _ in 0..STARTS {
        let (term, t, m) = start_timed(db, Mode::NoServer, first)?;
        term.quit()?;
        tree.push(t);
        full.push(m);
    }
    cases.push(("--no-server", tree, full));

    for (case, tree, full) in cases {
        stats_row(table, &format!("start → tree, {case}"), &tree, target);
        stats_row(table, &format!("start → measures, {case}"), &full, target);
    }
    Ok(())
}

/// Stops the server the TUI started and waits until its process is gone.
fn stop_server(db: &Path) -> BenchResult<()> {
    let status: serde_json::Value =
        serde_json::from_str(&cli(db, &["server", "status", "--json"])?)?;
    let pid = status["pid"].as_u64().ok_or("server status without pid")? as u32;
    cli(db, &["server", "stop"])?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while terminal::alive(pid) {
        if Instant::now() > deadline {
            return Err(format!("server {pid} does not stop").into());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Ok(())
}

/// `quartier serve` in the foreground, as a systemd unit runs it.
struct Server {
    child: Child,
    db: PathBuf,
}

impl Server {
    fn start(db: &Path) -> BenchResult<Server> {
        let child = Command::new(program())
            .arg("--db")
            .arg(db)
            .arg("serve")
            .env_remove("QUARTIER_SERVER_IDLE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let server = Server {
            child,
            db: db.to_path_buf(),
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        while server.client("bench").is_err() {
            if Instant::now() > deadline {
                return Err("`quartier serve` does not answer".into());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Ok(server)
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A client of this server (never starts another).
    fn client(&self, purpose: &str) -> BenchResult<Client> {
        let hello = Hello {
            display_name: None,
            purpose: purpose.into(),
            lang: "de".into(),
        };
        Ok(connect(&self.db, hello, None)?)
    }

    /// Waits for the server to end after it was told to stop.
    fn wait(mut self) -> BenchResult<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.child.try_wait()?.is_none() {
            if Instant::now() > deadline {
                return Err("`quartier serve` does not stop".into());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        Ok(())
    }
}

/// A bench that fails half-way leaves no server behind.
impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// What the walks over the tree measured.
struct Walks {
    timed: Vec<(String, Vec<Duration>)>,
    /// The TUI's (VmRSS, VmHWM) in KiB after its background reading, per walk.
    client_kib: Vec<(u64, u64)>,
    /// From the first frame to the end of the background reading, per walk.
    prefetch: Vec<Duration>,
}

/// Case 2: cold walks right after the first frame and after the background reading, and the
/// warm walks back (with a running server).
fn walk_cases(db: &Path, order: &[TreeGoal]) -> BenchResult<Walks> {
    let mut walks = Walks {
        timed: Vec::new(),
        client_kib: Vec::new(),
        prefetch: Vec::new(),
    };
    let mut timed: Vec<(String, Vec<Duration>)> = Vec::new();
    let mut add =
        |label: String, samples: Vec<Duration>| match timed.iter_mut().find(|(l, _)| *l == label) {
            Some((_, all)) => all.extend(samples),
            None => timed.push((label, samples)),
        };
    for idle in [false, true] {
        let when = if idle {
            "after background reading"
        } else {
            "right after first frame"
        };
        for _ in 0..WALKS {
            let (mut term, _, _) = start_timed(db, Mode::Served, &order[0].code)?;
            let first_frame = Instant::now();
            if idle {
                let last_busy = terminal::wait_idle(term.pid(), QUIET)?;
                walks.prefetch.push(last_busy - first_frame);
                walks.client_kib.push(terminal::memory_kib(term.pid()));
            }
            let cold = walk_cold(&mut term, order)?;
            add(format!("first move onto a Z goal, {when}"), cold.strategic);
            add(format!("first move onto a sub-goal, {when}"), cold.sub);
            if !idle {
                add(
                    format!("… Z goal's rows shown, {when}"),
                    cold.strategic_rows,
                );
                add(format!("… sub-goal's rows shown, {when}"), cold.sub_rows);
            }
            if idle {
                let (up, down) = walk_warm(&mut term, order)?;
                add("second visit, k".into(), up);
                add("second visit, j".into(), down);
            }
            term.quit()?;
        }
    }
    walks.timed = timed;
    Ok(walks)
}

/// Timed first moves, by the kind of goal moved onto.
struct Cold {
    strategic: Vec<Duration>,
    sub: Vec<Duration>,
    /// Until the rows are shown (the same as above unless the pane waited for them).
    strategic_rows: Vec<Duration>,
    sub_rows: Vec<Duration>,
}

/// From the first goal (selected at start) down the tree with `j`, expanding each strategic
/// goal with `l` when the walk is on it (an untimed key that does not move the selection).
fn walk_cold(term: &mut Term, order: &[TreeGoal]) -> BenchResult<Cold> {
    let mut cold = Cold {
        strategic: Vec::new(),
        sub: Vec::new(),
        strategic_rows: Vec::new(),
        sub_rows: Vec::new(),
    };
    for (index, goal) in order.iter().enumerate() {
        if goal.strategic && goal.has_children {
            let expanded = format!("▾ {} ", goal.code);
            let at = term.press(b"l")?;
            term.frame_after(at, &format!("{} expanded", goal.code), |s| {
                s.contains(&expanded)
            })?;
        }
        let Some(next) = order.get(index + 1) else {
            break;
        };
        let at = term.press(b"j")?;
        let shown = term.frame_after(at, &format!("{}'s measures", next.code), |s| {
            shows_goal(s, &next.code)
        })?;
        // During the background reading a goal with many unread measures first says
        // `werden geladen` (keys keep working), then shows its rows.
        let filled = if measures_drawn(&term.screen(), &next.code) {
            shown
        } else {
            term.frame_after(at, &format!("{}'s rows", next.code), |s| {
                measures_drawn(s, &next.code)
            })?
        };
        if next.strategic {
            cold.strategic.push(shown - at);
            cold.strategic_rows.push(filled - at);
        } else {
            cold.sub.push(shown - at);
            cold.sub_rows.push(filled - at);
        }
    }
    Ok(cold)
}

/// From the last goal up to the first with `k` and down again with `j`: second visits.
fn walk_warm(term: &mut Term, order: &[TreeGoal]) -> BenchResult<(Vec<Duration>, Vec<Duration>)> {
    let mut up = Vec::new();
    for goal in order.iter().rev().skip(1) {
        up.push(timed_move(term, b"k", &goal.code)?);
    }
    let mut down = Vec::new();
    for goal in order.iter().skip(1) {
        down.push(timed_move(term, b"j", &goal.code)?);
    }
    Ok((up, down))
}

fn timed_move(term: &mut Term, key: &[u8], code: &str) -> BenchResult<Duration> {
    let at = term.press(key)?;
    let shown = term.frame_after(at, &format!("{code}'s measures"), |s| shows_goal(s, code))?;
    Ok(shown - at)
}

/// One `measure(id)` request and its answer, for 1 000 measures spread over the database: what
/// the TUI pays per measure that is not in its rows yet when it fills a pane (see the walks
/// right after the first frame).
fn single_reads(client: &Client) -> BenchResult<Vec<Duration>> {
    let ids = client.measure_ids()?;
    let step = (ids.len() / 1000).max(1);
    let mut samples = Vec::new();
    for id in ids.iter().step_by(step).take(1000) {
        let begun = Instant::now();
        client.measure(*id)?.ok_or("a listed measure is gone")?;
        samples.push(begun.elapsed());
    }
    Ok(samples)
}

/// A served TUI whose background reading has finished.
fn start_idle(db: &Path, first: &str) -> BenchResult<Term> {
    let (term, _, _) = start_timed(db, Mode::Served, first)?;
    terminal::wait_idle(term.pid(), QUIET)?;
    Ok(term)
}

/// The measure the detail pane shows (`Details M-0042`).
fn shown_measure(screen: &Screen) -> BenchResult<MeasureId> {
    let text = screen.rows(0..ROWS);
    let at = text.find("Details M-").ok_or("no detail pane on screen")? + "Details M-".len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Ok(MeasureId(digits.parse()?))
}

/// Case 3: another client renames the measure the TUI shows; its acknowledgement → the frame
/// with the new title. The titles start with `!`, so the row sorts first and stays in view.
fn live_updates(term: &mut Term, client: &mut Client) -> BenchResult<Vec<Duration>> {
    term.drain();
    let id = shown_measure(&term.screen())?;
    let mut samples = Vec::new();
    for round in 0..LIVE_SAMPLES {
        let mut measure = client.measure(id)?.ok_or("the shown measure is gone")?;
        let title = format!("!Live {round:03}");
        measure.title = title.clone();
        client.apply(Op::UpdateMeasure { measure }, "bench")?;
        let acked = Instant::now();
        let shown = term.frame_after(acked - Duration::from_secs(1), &title, |s| {
            s.contains(&title)
        })?;
        samples.push(shown.saturating_duration_since(acked));
        // A colleague does not type at machine speed; let the TUI settle between changes.
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(samples)
}

/// Case 4: the selected measure's form, a new title, `Ctrl-s` → the `gespeichert` frame.
fn saved_edits(term: &mut Term) -> BenchResult<Vec<Duration>> {
    let at = term.press(b"\t")?;
    term.frame_after(at, "the measure pane focused", |s| {
        s.last_row().contains("MASSNAHMEN")
    })?;
    let mut samples = Vec::new();
    for round in 0..EDIT_SAMPLES {
        let at = term.press(b"e")?;
        term.frame_after(at, "the form", |s| !s.last_row().contains("MASSNAHMEN"))?;
        let title = format!("!Edit {round:03}");
        // Ctrl-u empties the title field (the field with the cursor when the form opens).
        let mut keys = vec![0x15];
        keys.extend_from_slice(title.as_bytes());
        let at = term.press(&keys)?;
        term.frame_after(at, "the typed title", |s| s.contains(&title))?;
        if term.screen().last_row().contains("gespeichert") {
            return Err("`gespeichert` is on screen before Ctrl-s".into());
        }
        let at = term.press(&[0x13])?;
        let saved = term.frame_after(at, "`gespeichert`", |s| {
            s.last_row().contains("gespeichert")
        })?;
        samples.push(saved - at);
    }
    Ok(samples)
}

/// Case 5: the memory of the TUI after its background reading (the largest of the walks) and
/// of the server at the end.
fn memory_table(client_kib: &[(u64, u64)], server: u32, count: usize) -> Table {
    let mut table = Table::new(&["process", "VmRSS", "VmHWM", "target"]);
    let mib = |kib: u64| kib as f64 / 1024.0;
    let mb = |kib: u64| kib as f64 * 1024.0 / 1e6;
    let rss = client_kib.iter().map(|m| m.0).max().unwrap_or(0);
    let hwm = client_kib.iter().map(|m| m.1).max().unwrap_or(0);
    let client_target = if count <= 10_000 {
        format!(
            "VmHWM ≤ {CLIENT_RSS_TARGET_MB} MB {}",
            verdict(mb(hwm), CLIENT_RSS_TARGET_MB)
        )
    } else {
        String::new()
    };
    table.row(vec![
        "TUI after background reading".into(),
        format!("{:.1} MiB", mib(rss)),
        format!("{:.1} MiB", mib(hwm)),
        client_target,
    ]);
    let (rss, hwm) = terminal::memory_kib(server);
    table.row(vec![
        "server at the end".into(),
        format!("{:.1} MiB", mib(rss)),
        format!("{:.1} MiB", mib(hwm)),
        format!(
            "VmHWM ≤ {SERVER_RSS_TARGET_MB} MB {}",
            verdict(mb(hwm), SERVER_RSS_TARGET_MB)
        ),
    ]);
    table
}

/// One row of figures; `target` is (which figure, limit in ms).
fn stats_row(table: &mut Table, what: &str, samples: &[Duration], target: Option<(&str, f64)>) {
    let stats = Stats::new(samples.to_vec());
    let target = match target {
        Some(("p95", limit)) => format!("p95 ≤ {limit} ms {}", verdict(stats.p95, limit)),
        Some((_, limit)) => format!("median ≤ {limit} ms {}", verdict(stats.median, limit)),
        None => String::new(),
    };
    table.row(vec![
        what.into(),
        samples.len().to_string(),
        fmt_ms(stats.median),
        fmt_ms(stats.p95),
        fmt_ms(stats.max),
        target,
    ]);
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "?".into())
}
