//! TUI responsiveness of quartier on a realistic database: time to the first frame, and the
//! time from a key press to the finished frame (`App::handle_key` + `Terminal::draw`, exactly
//! what the event loop in `src/tui.rs` does per key) with the bytes each frame writes to the
//! terminal.
//!
//! Run with `cargo bench --bench tui`. `QUARTIER_BENCH_MEASURES` changes the number of demo
//! measures (default 10 000). There is no tty: the terminal is a `CrosstermBackend` over a
//! writer that discards the escape sequences but counts their bytes and the flushes, with a
//! fixed viewport of the benchmarked size. Plain `std::time::Instant`, no bench framework.

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use quartier::app::{App, Focus};
use quartier::i18n::Lang;
use quartier::model::MeasureId;
use quartier::store::Store;
use quartier::ui::Theme;
use ratatui::crossterm::event::KeyCode;

#[path = "common/mod.rs"]
mod common;
use common::{
    BenchResult, Figures, Labelled, Sample, Session, Stats, Table, filesystem, fmt_ms, key,
    machine, ms, terminal, verdict, walk_tree,
};

const DEFAULT_MEASURES: usize = 10_000;
const SEED: u64 = 1;
const ACTOR: &str = "bench";
const FIRST_FRAME_RUNS: usize = 10;
/// At least this many timed keys per scenario and size.
const MIN_KEYS: usize = 500;
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
/// Typed into the search line one character at a time (matches "Kiezfest …" titles; its
/// first letter alone matches most measures, the worst case of incremental search).
const SEARCH_WORD: &str = "kiezfest";

const FIRST_FRAME_TARGET_MS: f64 = 100.0;
const KEY_TARGET_MS: f64 = 5.0;
const ROW_MOVE_TARGET_BYTES: u64 = 1_536;

fn main() -> BenchResult<()> {
    // `cargo bench` passes `--bench`; other arguments (filters) have no meaning here.
    let count = common::measures_from_env(DEFAULT_MEASURES)?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    let started = Instant::now();
    {
        let mut store = Store::open(&db)?;
        let added = quartier::demo::fill(&mut store, ACTOR, count, SEED)?;
        assert_eq!(added, count, "demo::fill added fewer measures than asked");
    }
    let fill = started.elapsed();

    let mut first = Table::new(&["size", "step", "median", "max", "target", "verdict"]);
    let mut keys = Table::new(&[
        "scenario",
        "size",
        "keys",
        "median",
        "p95",
        "max",
        "handle p50/p95",
        "draw p50/p95",
        "B/key p50",
        "B/key max",
        "flush/key",
        "p95≤5ms",
        "≤1.5KB",
    ]);
    let mut by_key = Table::new(&[
        "scenario",
        "size",
        "key",
        "n",
        "median",
        "p95",
        "max",
        "handle p50",
        "draw p50",
        "B/key p50",
        "B/key max",
    ]);
    let mut cold = Table::new(&[
        "size",
        "first visit",
        "rows",
        "decoded",
        "key→frame",
        "handle",
        "draw",
        "bytes",
    ]);
    let mut facts = Vec::new();

    for &(w, h) in &SIZES {
        first_frame(&db, w, h, &mut first)?;
    }
    for &(w, h) in &SIZES {
        let mut scenarios = Vec::new();
        scenarios.push(tree_moves(&db, w, h, &mut cold, &mut facts)?);
        scenarios.push(table_moves(&db, w, h, &mut facts)?);
        scenarios.push(search(&db, w, h, &mut cold, &mut facts)?);
        scenarios.push(filter(&db, w, h)?);
        for run in &scenarios {
            run.rows(w, h, &mut keys, &mut by_key);
        }
    }

    println!();
    println!(
        "quartier TUI benchmark: {count} demo measures (seed {SEED}), language de, colour theme"
    );
    println!("machine: {}", machine());
    println!(
        "date:    {}",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S %z")
    );
    println!(
        "db:      {} ({}), filled in {:.0} ms",
        db.display(),
        filesystem(dir.path()).unwrap_or_else(|| "unknown fs".into()),
        ms(fill)
    );
    println!(
        "terminal: CrosstermBackend<CountingWriter> (bytes discarded and counted), Viewport::Fixed"
    );
    facts.sort();
    facts.dedup();
    for fact in &facts {
        println!("          {fact}");
    }
    println!();
    println!(
        "Time to first frame: Store::open + App::new + Terminal + first draw ({FIRST_FRAME_RUNS} runs, store reopened each time)"
    );
    first.print();
    println!();
    println!(
        "Key → finished frame: handle_key + terminal.draw per key (verdicts: p95 ≤ {KEY_TARGET_MS} ms; bytes ≤ {ROW_MOVE_TARGET_BYTES} B for every one-row move)"
    );
    keys.print();
    println!();
    println!(
        "Cold: first visit of each strategic goal (measures decoded into the app's cache) and first search keystroke (builds the search index)"
    );
    cold.print();
    println!();
    println!("By key (warm scenarios above, split by the key pressed)");
    by_key.print();
    Ok(())
}

/// The timed keys of one scenario at one size, labelled by key.
struct Run {
    name: &'static str,
    /// Whether every key moves the selection by one row (the bytes target applies).
    row_moves: bool,
    samples: Labelled,
}

impl Run {
    fn new(name: &'static str, row_moves: bool) -> Run {
        Run {
            name,
            row_moves,
            samples: Labelled::default(),
        }
    }

    fn push(&mut self, label: &'static str, sample: Sample) {
        self.samples.push(label, sample);
    }

    fn rows(&self, w: u16, h: u16, keys: &mut Table, by_key: &mut Table) {
        let size = format!("{w}x{h}");
        let all = self.samples.all();
        let figures = Figures::new(&all);
        let byte_verdict = if self.row_moves {
            verdict(figures.bytes_max as f64, ROW_MOVE_TARGET_BYTES as f64)
        } else {
            "-"
        };
        keys.row(vec![
            self.name.into(),
            size.clone(),
            all.len().to_string(),
            fmt_ms(figures.total.median),
            fmt_ms(figures.total.p95),
            fmt_ms(figures.total.max),
            format!(
                "{} / {}",
                fmt_ms(figures.handle.median),
                fmt_ms(figures.handle.p95)
            ),
            format!(
                "{} / {}",
                fmt_ms(figures.draw.median),
                fmt_ms(figures.draw.p95)
            ),
            figures.bytes_median.to_string(),
            figures.bytes_max.to_string(),
            format!("{:.1}", figures.flushes),
            verdict(figures.total.p95, KEY_TARGET_MS).into(),
            byte_verdict.into(),
        ]);
        for (label, some) in self.samples.by_label() {
            let f = Figures::new(&some);
            by_key.row(vec![
                self.name.into(),
                size.clone(),
                label.into(),
                some.len().to_string(),
                fmt_ms(f.total.median),
                fmt_ms(f.total.p95),
                fmt_ms(f.total.max),
                fmt_ms(f.handle.median),
                fmt_ms(f.draw.median),
                f.bytes_median.to_string(),
                f.bytes_max.to_string(),
            ]);
        }
    }
}

/// Store::open → App::new → first draw, each run on a freshly opened store.
fn first_frame(db: &Path, w: u16, h: u16, table: &mut Table) -> BenchResult<()> {
    let mut open = Vec::new();
    let mut new = Vec::new();
    let mut draw = Vec::new();
    let mut total = Vec::new();
    for _ in 0..FIRST_FRAME_RUNS {
        let t0 = Instant::now();
        let store = Store::open(db)?;
        let t1 = Instant::now();
        let mut app = App::new(store, Lang::De, None)?;
        app.resize(w, h);
        let t2 = Instant::now();
        let (mut terminal, _) = terminal(w, h)?;
        terminal.draw(|frame| quartier::ui::render(&app, Theme::default(), frame))?;
        let t3 = Instant::now();
        open.push(t1 - t0);
        new.push(t2 - t1);
        draw.push(t3 - t2);
        total.push(t3 - t0);
        // Dropping the app drops the store and releases the lock before the next run.
        drop(terminal);
        drop(app);
    }
    let size = format!("{w}x{h}");
    for (step, samples) in [
        ("Store::open", open),
        ("App::new", new),
        ("Terminal + first draw", draw),
    ] {
        let stats = Stats::new(samples);
        table.row(vec![
            size.clone(),
            step.into(),
            fmt_ms(stats.median),
            fmt_ms(stats.max),
            "-".into(),
            "-".into(),
        ]);
    }
    let stats = Stats::new(total);
    table.row(vec![
        size,
        "first frame (total)".into(),
        fmt_ms(stats.median),
        fmt_ms(stats.max),
        format!("≤ {FIRST_FRAME_TARGET_MS} ms (max)"),
        verdict(stats.max, FIRST_FRAME_TARGET_MS).into(),
    ]);
    Ok(())
}

/// (a) `j`/`k` over the expanded tree. First, on the collapsed tree, `j` visits every
/// strategic goal once (cold: its measures are decoded), reported apart.
fn tree_moves(
    db: &Path,
    w: u16,
    h: u16,
    cold: &mut Table,
    facts: &mut Vec<String>,
) -> BenchResult<Run> {
    let mut s = Session::open(db, w, h)?;
    let size = format!("{w}x{h}");
    let strategic = s.strategic();
    let mut cached: HashSet<MeasureId> = HashSet::new();
    // App::new selected and loaded the first strategic goal.
    if let Some((first, code)) = strategic.first() {
        cached.extend(s.measures_under(*first));
        cold.row(vec![
            size.clone(),
            format!("{code} (in App::new)"),
            s.app.pane.rows.len().to_string(),
            cached.len().to_string(),
            "in first frame".into(),
            "-".into(),
            "-".into(),
            "-".into(),
        ]);
    }
    for (goal, code) in strategic.iter().skip(1) {
        let under = s.measures_under(*goal);
        let decoded = under.difference(&cached).count();
        let sample = s.press_char('j')?;
        assert_eq!(
            s.app.tree.selected_id(),
            Some(*goal),
            "j did not reach {code}"
        );
        cached.extend(under);
        cold.row(vec![
            size.clone(),
            format!("{code} (j)"),
            s.app.pane.rows.len().to_string(),
            decoded.to_string(),
            fmt_ms(ms(sample.total())),
            fmt_ms(ms(sample.handle)),
            fmt_ms(ms(sample.draw)),
            sample.bytes.to_string(),
        ]);
    }
    // Expand every strategic goal, bottom up so rows above do not shift.
    s.press_char('G')?;
    for _ in 0..strategic.len() {
        s.press_char('l')?;
        s.press_char('k')?;
    }
    // `g` goes to the `Alle Maßnahmen` row, `j` to the first goal.
    s.press_char('g')?;
    s.press_char('j')?;
    let rows = s.app.tree.rows().len();
    facts.push(format!(
        "goals: {} ({} strategic), expanded tree {rows} rows",
        s.app.tree.goals().len(),
        strategic.len()
    ));
    assert_eq!(rows, s.app.tree.goals().len(), "tree not fully expanded");
    let mut run = Run::new("(a) tree j/k", true);
    run.samples = walk_tree(&mut s, rows, MIN_KEYS)?;
    Ok(run)
}

/// (b) `j`/`k` in the measure table of the first strategic goal (lists its sub-goals' measures).
fn table_moves(db: &Path, w: u16, h: u16, facts: &mut Vec<String>) -> BenchResult<Run> {
    let mut s = Session::open(db, w, h)?;
    let code = s
        .app
        .tree
        .selected()
        .map(|g| g.code.clone())
        .unwrap_or_default();
    s.press(key(KeyCode::Tab))?;
    assert_eq!(s.app.focus, Focus::Measures, "Tab did not focus the table");
    let rows = s.app.pane.rows.len();
    facts.push(format!("measure table of {code}: {rows} rows"));
    let steps = rows.saturating_sub(1).clamp(1, MIN_KEYS);
    let mut run = Run::new("(b) table j/k", true);
    while run.samples.len() < MIN_KEYS {
        for _ in 0..steps {
            run.push("j", s.press_char('j')?);
        }
        for _ in 0..steps {
            run.push("k", s.press_char('k')?);
        }
    }
    Ok(run)
}

/// (c) `/`, the search word one character at a time, `Esc`; repeated. The very first
/// keystroke builds the search index and is reported apart.
fn search(
    db: &Path,
    w: u16,
    h: u16,
    cold: &mut Table,
    facts: &mut Vec<String>,
) -> BenchResult<Run> {
    let mut s = Session::open(db, w, h)?;
    let size = format!("{w}x{h}");
    let mut run = Run::new("(c) search", false);
    let mut first = true;
    while run.samples.len() < MIN_KEYS {
        run.push("/", s.press_char('/')?);
        for c in SEARCH_WORD.chars() {
            let sample = s.press_char(c)?;
            if first {
                first = false;
                cold.row(vec![
                    size.clone(),
                    format!("search '{c}' (1st key, builds index)"),
                    s.app.pane.rows.len().to_string(),
                    "all".into(),
                    fmt_ms(ms(sample.total())),
                    fmt_ms(ms(sample.handle)),
                    fmt_ms(ms(sample.draw)),
                    sample.bytes.to_string(),
                ]);
                continue;
            }
            run.push("char", sample);
        }
        let hits = s.app.last_search.as_ref().map_or(0, |h| h.hits.len());
        facts.push(format!("search '{SEARCH_WORD}': {hits} hits"));
        run.push("Esc", s.press(key(KeyCode::Esc))?);
    }
    Ok(run)
}

/// (d) `f`, `l` (next status), `Enter`; repeated, on the first strategic goal.
fn filter(db: &Path, w: u16, h: u16) -> BenchResult<Run> {
    let mut s = Session::open(db, w, h)?;
    let mut run = Run::new("(d) filter f/l/Enter", false);
    while run.samples.len() < MIN_KEYS {
        run.push("f", s.press_char('f')?);
        run.push("l", s.press_char('l')?);
        run.push("Enter", s.press(key(KeyCode::Enter))?);
    }
    Ok(run)
}
