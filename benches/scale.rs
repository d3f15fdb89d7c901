//! How quartier scales: 10 000 and 100 000 demo measures. Time to the first frame, key → frame
//! (tree, measure table, search, filter) with bytes per key, peak memory of a TUI session,
//! durable edit latency, export and import of every format, and the database size on disk
//! after the fill, after 10 000 edits and after a compacting export → import.
//!
//! Run with `cargo bench --bench scale`; `QUARTIER_SCALE=10000` (or `100000`, or a comma list)
//! runs only those sizes. Memory and the first frame are measured in child processes (this
//! binary re-executed with `QUARTIER_SCALE_CHILD`), so each starts from a fresh process; the
//! page cache stays warm. The terminal is a `CrosstermBackend` over a byte-counting sink with a
//! fixed viewport, as in `benches/tui.rs`. Plain `std::time::Instant`, no bench framework.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quartier::app::{App, Focus};
use quartier::exchange::{self, ExportRequest, Format, ImportOptions, Snapshot, What};
use quartier::i18n::Lang;
use quartier::model::MeasureId;
use quartier::ops::Op;
use quartier::store::Store;
use quartier::ui::Theme;
use ratatui::crossterm::event::KeyCode;

#[path = "common/mod.rs"]
mod common;
use common::{
    BenchResult, Figures, Labelled, Sample, Session, Stats, Table, dir_size, filesystem, fmt_ms,
    key, machine, median_max, memory_kib, mib, ms, size, terminal, verdict, walk_tree,
};

const SIZES: [usize; 2] = [10_000, 100_000];
const SEED: u64 = 1;
const ACTOR: &str = "bench";
const LANG: Lang = Lang::De;

/// Child processes: which measurement (`first-frame`, `session`) and on which database.
const CHILD_ENV: &str = "QUARTIER_SCALE_CHILD";
const CHILD_DB_ENV: &str = "QUARTIER_SCALE_DB";
const CHILD_PREFIX: &str = "SCALE-CHILD";

const FIRST_FRAME_RUNS: usize = 5;
const SESSION_RUNS: usize = 3;
const FIRST_FRAME_SIZE: (u16, u16) = (80, 24);
const KEY_SIZE: (u16, u16) = (120, 40);
/// At least this many timed keys per scenario.
const MIN_KEYS: usize = 500;
/// Matches "Kiezfest …" titles; its first letter alone matches most measures.
const SEARCH_WORD: &str = "kiezfest";
const TIMED_EDITS: usize = 500;
const EDITS: usize = 10_000;
const EXPORT_RUNS: usize = 3;
const IMPORT_RUNS: usize = 3;

const FIRST_FRAME_TARGET_MS: f64 = 300.0;
const KEY_TARGET_MS: f64 = 16.0;
const EDIT_TARGET_MS: f64 = 10.0;
/// Exchange target (each export and import), at 10 000 measures.
const EXCHANGE_TARGET_MS: f64 = 1_000.0;
const MB: f64 = 1_000_000.0;

fn main() -> BenchResult<()> {
    if let Ok(mode) = std::env::var(CHILD_ENV) {
        return child(&mode);
    }
    // `cargo bench` passes `--bench`; other arguments (filters) have no meaning here.
    let sizes: Vec<usize> = match std::env::var("QUARTIER_SCALE") {
        Ok(text) => text
            .split(',')
            .map(|t| t.trim().replace('_', "").parse::<usize>())
            .collect::<Result<_, _>>()?,
        Err(_) => SIZES.to_vec(),
    };
    println!();
    println!("quartier scale benchmark: demo measures (seed {SEED}), language de");
    println!("machine: {}", machine());
    println!(
        "date:    {}",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S %z")
    );
    for n in sizes {
        scale(n)?;
    }
    Ok(())
}

/// The tables of one size.
struct Results {
    table: Table,
    keys: Table,
    imports: Table,
    facts: Vec<String>,
}

impl Results {
    /// One row; `check` is `(value, limit, target text)`, lower is better.
    fn row(
        &mut self,
        metric: impl Into<String>,
        result: String,
        check: Option<(f64, f64, String)>,
    ) {
        let (target, verdict) = match check {
            Some((value, limit, text)) => (text, verdict(value, limit).to_string()),
            None => ("-".into(), "-".into()),
        };
        self.table.row(vec![metric.into(), result, target, verdict]);
    }
}

/// Every measurement at `n` measures, then its tables.
fn scale(n: usize) -> BenchResult<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    let mut r = Results {
        table: Table::new(&["metric", "result", "target", "verdict"]),
        keys: Table::new(&[
            "scenario (120x40)",
            "key",
            "n",
            "p50",
            "p95",
            "max",
            "handle p50/p95",
            "draw p50/p95",
            "B/key p50",
            "B/key max",
        ]),
        imports: Table::new(&[
            "import",
            "file",
            "read+parse",
            "plan",
            "apply",
            "total (median)",
            "total (max)",
            "history entries",
            "db size",
        ]),
        facts: Vec::new(),
    };

    // Fill.
    let started = Instant::now();
    let ids: Vec<MeasureId> = {
        let mut store = Store::open(&db)?;
        let added = quartier::demo::fill(&mut store, ACTOR, n, SEED)?;
        assert_eq!(added, n, "demo::fill added fewer measures than asked");
        store.measures()?.iter().map(|m| m.id).collect()
    };
    let fill = started.elapsed();
    let size_fill = dir_size(&db)?;
    r.facts.push(format!(
        "db: {} ({}), demo::fill of {n} measures {:.0} ms",
        db.display(),
        filesystem(dir.path()).unwrap_or_else(|| "unknown fs".into()),
        ms(fill)
    ));

    first_frame(&db, &mut r)?;
    session_memory(&db, n, &mut r)?;
    keys(&db, &mut r)?;
    let compacted = exchange_files(&db, dir.path(), n, &mut r)?;
    let size_edits = edits(&db, &ids, &mut r)?;

    r.row("size on disk after fill", mib(size_fill), None);
    r.row(
        format!("size on disk after {EDITS} more UpdateMeasure"),
        format!(
            "{} (space amplification ×{:.2})",
            mib(size_edits),
            size_edits as f64 / size_fill as f64
        ),
        None,
    );
    r.row(
        "size of a fresh db after JSON export → import",
        format!(
            "{} (×{:.2} of the filled db)",
            mib(compacted),
            compacted as f64 / size_fill as f64
        ),
        None,
    );

    println!();
    println!("=== {n} measures ===");
    for fact in &r.facts {
        println!("{fact}");
    }
    println!();
    r.table.print();
    println!();
    println!("Key → frame by key (warm; handle_key + draw), 120x40");
    r.keys.print();
    println!();
    println!("Import steps (medians of {IMPORT_RUNS}, each into an empty fresh database)");
    r.imports.print();
    Ok(())
}

/// Runs this binary in `mode` on `db` and returns the numbers it printed.
fn run_child(mode: &str, db: &Path) -> BenchResult<(HashMap<String, u64>, Duration)> {
    let started = Instant::now();
    let output = Command::new(std::env::current_exe()?)
        .env(CHILD_ENV, mode)
        .env(CHILD_DB_ENV, db)
        .stderr(Stdio::inherit())
        .output()?;
    let wall = started.elapsed();
    if !output.status.success() {
        return Err(format!("child {mode} failed: {}", output.status).into());
    }
    let stdout = String::from_utf8(output.stdout)?;
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix(CHILD_PREFIX))
        .ok_or_else(|| format!("child {mode} printed no result: {stdout}"))?;
    let values = line
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| Ok((k.to_string(), v.parse::<u64>()?)))
        .collect::<Result<HashMap<_, _>, std::num::ParseIntError>>()?;
    Ok((values, wall))
}

/// The child side: measures, prints one `SCALE-CHILD key=value …` line, exits.
fn child(mode: &str) -> BenchResult<()> {
    let db = PathBuf::from(std::env::var(CHILD_DB_ENV)?);
    let us = |d: Duration| d.as_micros() as u64;
    let line = match mode {
        "first-frame" => {
            let (w, h) = FIRST_FRAME_SIZE;
            let t0 = Instant::now();
            let store = Store::open(&db)?;
            let t1 = Instant::now();
            // As the TUI does it (src/tui.rs): the tree first, then the first goal's measures.
            let mut app = App::without_measures(store, LANG, None)?;
            app.resize(w, h);
            let t2 = Instant::now();
            let (mut terminal, _) = terminal(w, h)?;
            terminal.draw(|frame| quartier::ui::render(&app, Theme::default(), frame))?;
            let t3 = Instant::now();
            app.load_measures();
            terminal.draw(|frame| quartier::ui::render(&app, Theme::default(), frame))?;
            let t4 = Instant::now();
            let (hwm, rss) = memory_kib();
            format!(
                "open_us={} new_us={} draw_us={} total_us={} complete_us={} hwm_kib={hwm} rss_kib={rss}",
                us(t1 - t0),
                us(t2 - t1),
                us(t3 - t2),
                us(t3 - t0),
                us(t4 - t0)
            )
        }
        "session" => {
            let (w, h) = KEY_SIZE;
            let t0 = Instant::now();
            let mut s = Session::open(&db, w, h)?;
            let (first_hwm, _) = memory_kib();
            let rows = s.expand_all()?;
            for _ in 1..rows {
                s.press_char('j')?;
            }
            let (visited_hwm, _) = memory_kib();
            s.press_char('/')?;
            for c in SEARCH_WORD.chars() {
                s.press_char(c)?;
            }
            s.press(key(KeyCode::Enter))?;
            let elapsed = t0.elapsed();
            let (hwm, rss) = memory_kib();
            format!(
                "first_hwm_kib={first_hwm} visited_hwm_kib={visited_hwm} hwm_kib={hwm} \
                 rss_kib={rss} rows={rows} session_us={}",
                us(elapsed)
            )
        }
        other => return Err(format!("unknown child mode {other}").into()),
    };
    println!("{CHILD_PREFIX} {line}");
    Ok(())
}

fn kib_mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// Store::open + App::without_measures + first draw at 80x24 (as src/tui.rs), then the first
/// goal's measures, each in a new process.
fn first_frame(db: &Path, r: &mut Results) -> BenchResult<()> {
    let mut runs = Vec::new();
    let mut walls = Vec::new();
    for _ in 0..FIRST_FRAME_RUNS {
        let (values, wall) = run_child("first-frame", db)?;
        runs.push(values);
        walls.push(wall);
    }
    let stats = |name: &str| Stats::new(runs.iter().map(|v| micros(v[name])).collect());
    let total = stats("total_us");
    let (w, h) = FIRST_FRAME_SIZE;
    r.row(
        format!("open + first frame {w}x{h}, median / max of {FIRST_FRAME_RUNS} processes"),
        format!("{} / {}", fmt_ms(total.median), fmt_ms(total.max)),
        Some((
            total.median,
            FIRST_FRAME_TARGET_MS,
            format!("≤ {FIRST_FRAME_TARGET_MS} ms (median)"),
        )),
    );
    let complete = stats("complete_us");
    r.row(
        "  complete frame (first goal's measures loaded and drawn), median / max",
        format!("{} / {}", fmt_ms(complete.median), fmt_ms(complete.max)),
        None,
    );
    let (open, new, draw) = (stats("open_us"), stats("new_us"), stats("draw_us"));
    let wall = Stats::new(walls);
    r.row(
        "  of which Store::open / App::without_measures / draw (medians)",
        format!(
            "{} / {} / {}",
            fmt_ms(open.median),
            fmt_ms(new.median),
            fmt_ms(draw.median)
        ),
        None,
    );
    r.row(
        "  whole child process (exec → exit), median",
        fmt_ms(wall.median),
        None,
    );
    let hwm: Vec<u64> = runs.iter().map(|v| v["hwm_kib"]).collect();
    let rss: Vec<u64> = runs.iter().map(|v| v["rss_kib"]).collect();
    let (hwm, hwm_max) = median_max(&hwm);
    let (rss, _) = median_max(&rss);
    r.row(
        "RSS after first frame: VmRSS / VmHWM (median), VmHWM max",
        format!("{} / {}, {}", kib_mib(rss), kib_mib(hwm), kib_mib(hwm_max)),
        None,
    );
    Ok(())
}

fn micros(us: u64) -> Duration {
    Duration::from_micros(us)
}

/// Peak RSS of a whole TUI session in a new process.
fn session_memory(db: &Path, n: usize, r: &mut Results) -> BenchResult<()> {
    let mut runs = Vec::new();
    for _ in 0..SESSION_RUNS {
        runs.push(run_child("session", db)?.0);
    }
    let pick = |name: &str| median_max(&runs.iter().map(|v| v[name]).collect::<Vec<_>>());
    let (hwm, hwm_max) = pick("hwm_kib");
    let (first, _) = pick("first_hwm_kib");
    let (visited, _) = pick("visited_hwm_kib");
    let (session_us, _) = pick("session_us");
    let target = match n {
        10_000 => Some(40.0),
        100_000 => Some(150.0),
        _ => None,
    };
    r.row(
        format!("peak RSS (VmHWM) of a TUI session, median / max of {SESSION_RUNS}"),
        format!("{} / {}", kib_mib(hwm), kib_mib(hwm_max)),
        target.map(|mb| (hwm as f64 * 1024.0 / MB, mb, format!("≤ {mb} MB"))),
    );
    r.row(
        "  VmHWM after first frame / after visiting every goal / after search",
        format!(
            "{} / {} / {}",
            kib_mib(first),
            kib_mib(visited),
            kib_mib(hwm)
        ),
        None,
    );
    r.facts.push(format!(
        "session (child process, 120x40): open, expand the tree, j through all {} rows, \
         search '{SEARCH_WORD}' + Enter; {:.0} ms",
        runs[0]["rows"],
        session_us as f64 / 1000.0
    ));
    Ok(())
}

/// Timed keys of one scenario, labelled by key.
struct Run {
    name: &'static str,
    samples: Labelled,
}

impl Run {
    fn new(name: &'static str) -> Run {
        Run {
            name,
            samples: Labelled::default(),
        }
    }

    fn push(&mut self, label: &'static str, sample: Sample) {
        self.samples.push(label, sample);
    }

    fn report(&self, r: &mut Results) {
        let all = self.samples.all();
        let f = Figures::new(&all);
        r.row(
            format!(
                "key → frame {}: p50 / p95 / max ({} keys)",
                self.name,
                all.len()
            ),
            format!(
                "{} / {} / {}",
                fmt_ms(f.total.median),
                fmt_ms(f.total.p95),
                fmt_ms(f.total.max)
            ),
            Some((
                f.total.p95,
                KEY_TARGET_MS,
                format!("≤ {KEY_TARGET_MS} ms p95"),
            )),
        );
        r.row(
            format!("  bytes per key {}: median / max", self.name),
            format!("{} / {} B", f.bytes_median, f.bytes_max),
            None,
        );
        for (label, some) in self.samples.by_label() {
            let f = Figures::new(&some);
            r.keys.row(vec![
                self.name.into(),
                label.into(),
                some.len().to_string(),
                fmt_ms(f.total.median),
                fmt_ms(f.total.p95),
                fmt_ms(f.total.max),
                format!("{} / {}", fmt_ms(f.handle.median), fmt_ms(f.handle.p95)),
                format!("{} / {}", fmt_ms(f.draw.median), fmt_ms(f.draw.p95)),
                f.bytes_median.to_string(),
                f.bytes_max.to_string(),
            ]);
        }
    }
}

/// Key → frame at 120x40: tree, table, search, filter; cold first visits reported apart.
fn keys(db: &Path, r: &mut Results) -> BenchResult<()> {
    let (w, h) = KEY_SIZE;

    // (a) Tree: first visits of the strategic goals (cold), then j/k over the expanded tree.
    // The TUI reads every measure's row in idle time right after the first frame; the first
    // visits here come after that, as for a user who looks at the screen for a second.
    let mut s = Session::open(db, w, h)?;
    let started = Instant::now();
    s.app.prefetch_all();
    r.row(
        "  background reading of every measure's row after the first frame (in-process)",
        fmt_ms(ms(started.elapsed())),
        None,
    );
    let strategic = s.strategic();
    let mut cached: HashSet<MeasureId> = strategic
        .first()
        .map(|(g, _)| s.measures_under(*g))
        .unwrap_or_default();
    let mut cold = Vec::new();
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
        cold.push((sample, code.clone(), decoded, s.app.pane.rows.len()));
    }
    if let Some((sample, code, decoded, rows)) = cold
        .iter()
        .max_by_key(|(sample, ..)| sample.total())
        .cloned()
    {
        r.row(
            "  cold: slowest first visit of a strategic goal (j)",
            format!(
                "{} ({code}: {rows} rows, {decoded} measures decoded; handle {} + draw {})",
                fmt_ms(ms(sample.total())),
                fmt_ms(ms(sample.handle)),
                fmt_ms(ms(sample.draw))
            ),
            None,
        );
    }
    let rows = s.expand_all()?;
    assert_eq!(rows, s.app.tree.goals().len(), "tree not fully expanded");
    incoming_changes(&mut s, r);
    r.facts.push(format!(
        "goals: {} ({} strategic), expanded tree {rows} rows",
        s.app.tree.goals().len(),
        strategic.len(),
    ));
    let mut run = Run::new("(a) tree j/k");
    run.samples = walk_tree(&mut s, rows, MIN_KEYS)?;
    drop(s);
    let tree = run;

    // (b) The measure table of the first strategic goal.
    let mut s = Session::open(db, w, h)?;
    s.press(key(KeyCode::Tab))?;
    assert_eq!(s.app.focus, Focus::Measures, "Tab did not focus the table");
    let table_rows = s.app.pane.rows.len();
    let steps = table_rows.saturating_sub(1).clamp(1, MIN_KEYS);
    let mut table = Run::new("(b) table j/k");
    while table.samples.len() < MIN_KEYS {
        for _ in 0..steps {
            table.push("j", s.press_char('j')?);
        }
        for _ in 0..steps {
            table.push("k", s.press_char('k')?);
        }
    }
    drop(s);

    // (c) Search: `/`, the word one character at a time, `Esc`; the first keystroke apart.
    let mut s = Session::open(db, w, h)?;
    let mut search = Run::new("(c) search");
    let mut first = None;
    let mut hits = 0;
    while search.samples.len() < MIN_KEYS {
        search.push("/", s.press_char('/')?);
        for c in SEARCH_WORD.chars() {
            let sample = s.press_char(c)?;
            if first.is_none() {
                first = Some(sample);
                continue;
            }
            search.push("char", sample);
        }
        hits = s.app.last_search.as_ref().map_or(0, |h| h.hits.len());
        search.push("Esc", s.press(key(KeyCode::Esc))?);
    }
    drop(s);
    r.facts.push(format!(
        "measure table (b): {table_rows} rows; search '{SEARCH_WORD}': {hits} hits"
    ));

    // (d) Filter: `f`, `l` (next status), `Enter`.
    let mut s = Session::open(db, w, h)?;
    let mut filter = Run::new("(d) filter f/l/Enter");
    while filter.samples.len() < MIN_KEYS {
        filter.push("f", s.press_char('f')?);
        filter.push("l", s.press_char('l')?);
        filter.push("Enter", s.press(key(KeyCode::Enter))?);
    }
    drop(s);

    tree.report(r);
    table.report(r);
    search.report(r);
    if let Some(sample) = first {
        r.row(
            "  cold: first search keystroke (builds the search index)",
            format!(
                "{} (handle {} + draw {})",
                fmt_ms(ms(sample.total())),
                fmt_ms(ms(sample.handle)),
                fmt_ms(ms(sample.draw))
            ),
            None,
        );
    }
    filter.report(r);
    Ok(())
}

/// What one change pushed by the server costs the app: a measure updated, linked to one more
/// goal and unlinked again, each taken in as a push (`App::on_server_event`), on a session
/// that has visited every goal (so every kept list of rows is patched).
fn incoming_changes(s: &mut Session, r: &mut Results) {
    use quartier::net::client::ServerEvent;
    use quartier::net::protocol::Push;
    use quartier::ops::Change;
    let ids = s.app.store().measure_ids().unwrap_or_default();
    let push = |change: Change| {
        ServerEvent::Pushed(Push {
            seq: 0,
            actor: "bench".into(),
            changes: vec![change],
            what: [String::new(), String::new()],
        })
    };
    let mut samples = Vec::new();
    for (i, id) in ids.iter().step_by((ids.len() / 200).max(1)).enumerate() {
        let change = match i % 2 {
            0 => Change::MeasureUpdated(*id),
            _ => Change::PrimarySet {
                measure: *id,
                goal: quartier::model::GoalId(1),
            },
        };
        let started = Instant::now();
        s.app.on_server_event(push(change));
        samples.push(started.elapsed());
    }
    let stats = Stats::new(samples);
    r.row(
        "  one incoming change in the App (push taken in), p50 / p95",
        format!("{} / {}", fmt_ms(stats.median), fmt_ms(stats.p95)),
        Some((stats.p95, 2.0, "≤ 2 ms".into())),
    );
}

/// Exports every format from `db`, imports JSON, CSV and XLSX each into an empty fresh
/// database; returns the size of the fresh database the JSON import made.
fn exchange_files(db: &Path, dir: &Path, n: usize, r: &mut Results) -> BenchResult<u64> {
    let target = (n == 10_000).then_some(EXCHANGE_TARGET_MS);
    let store = Store::open(db)?;
    let mut files = Vec::new();
    for (format, name) in [
        (Format::Json, "export.json"),
        (Format::Csv, "export.csv"),
        (Format::Xlsx, "export.xlsx"),
        (Format::Md, "report.md"),
    ] {
        let request = ExportRequest {
            format,
            what: What::Measures,
            with_history: false,
        };
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        for _ in 0..EXPORT_RUNS {
            let started = Instant::now();
            bytes = exchange::export::bytes(&store, request, LANG)?;
            times.push(started.elapsed());
        }
        let stats = Stats::new(times);
        let path = dir.join(name);
        std::fs::write(&path, &bytes)?;
        r.row(
            format!("export {format:?}: median / max of {EXPORT_RUNS}, file size"),
            format!(
                "{} / {}, {}",
                fmt_ms(stats.median),
                fmt_ms(stats.max),
                size(bytes.len() as u64)
            ),
            target.map(|t| (stats.median, t, format!("≤ {t} ms"))),
        );
        files.push((format, path, bytes.len() as u64));
    }
    drop(store);

    let mut json_size = 0;
    for (format, path, file_size) in files {
        if format == Format::Md {
            continue;
        }
        let mut parse = Vec::new();
        let mut plan = Vec::new();
        let mut apply = Vec::new();
        let mut total = Vec::new();
        let mut entries = 0;
        let mut db_size = 0;
        for _ in 0..IMPORT_RUNS {
            let fresh = tempfile::tempdir_in(dir)?;
            let fresh_db = fresh.path().join("db");
            let mut store = Store::open(&fresh_db)?;
            let before = store.history(usize::MAX)?.len();
            assert!(store.measures()?.is_empty(), "fresh database not empty");
            let (t_parse, t_plan, t_apply) = import(&mut store, &path, format)?;
            entries = store.history(usize::MAX)?.len() - before;
            let imported = store.measures()?.len();
            assert_eq!(imported, n, "{format:?} import: wrong number of measures");
            drop(store);
            db_size = dir_size(&fresh_db)?;
            parse.push(t_parse);
            plan.push(t_plan);
            apply.push(t_apply);
            total.push(t_parse + t_plan + t_apply);
        }
        if format == Format::Json {
            json_size = db_size;
        }
        let total = Stats::new(total);
        r.row(
            format!("import {format:?} into an empty db: median / max of {IMPORT_RUNS}"),
            format!(
                "{} / {} ({} history entr{})",
                fmt_ms(total.median),
                fmt_ms(total.max),
                entries,
                if entries == 1 { "y" } else { "ies" }
            ),
            target.map(|t| (total.median, t, format!("≤ {t} ms"))),
        );
        r.imports.row(vec![
            format!("{format:?}"),
            size(file_size),
            fmt_ms(Stats::new(parse).median),
            fmt_ms(Stats::new(plan).median),
            fmt_ms(Stats::new(apply).median),
            fmt_ms(total.median),
            fmt_ms(total.max),
            entries.to_string(),
            mib(db_size),
        ]);
        assert_eq!(entries, 1, "{format:?} import was not one history entry");
    }
    Ok(json_size)
}

/// `quartier import` without the printing: snapshot, read + parse, plan, one apply.
fn import(
    store: &mut Store,
    path: &Path,
    format: Format,
) -> BenchResult<(Duration, Duration, Duration)> {
    let file = path.display().to_string();
    let problems = |p: Vec<exchange::ImportProblem>| format!("{file}: {p:?}");
    let t0 = Instant::now();
    let existing = Snapshot::read(store)?;
    let bytes = exchange::read_file(path, LANG).map_err(problems)?;
    let incoming = match format {
        Format::Json => exchange::json::parse(&bytes, &file, LANG),
        Format::Csv => exchange::csv::parse(&bytes, &file, LANG, Some(&existing)),
        Format::Xlsx => exchange::xlsx::parse(&bytes, &file, LANG),
        Format::Md => return Err("markdown is not importable".into()),
    }
    .map_err(problems)?;
    let t1 = Instant::now();
    let plan = exchange::plan(store, &incoming, ImportOptions::default(), &file, LANG)
        .map_err(problems)?;
    let t2 = Instant::now();
    let op = plan.into_op().ok_or("import planned nothing")?;
    store.apply(op, ACTOR)?;
    let t3 = Instant::now();
    Ok((t1 - t0, t2 - t1, t3 - t2))
}

/// 10 000 durable `UpdateMeasure`s of random measures, the first 500 timed; returns the
/// database size after them.
fn edits(db: &Path, ids: &[MeasureId], r: &mut Results) -> BenchResult<u64> {
    let mut store = Store::open(db)?;
    let mut rng = quartier::demo::Rng(0x5eed);
    let mut times = Vec::with_capacity(TIMED_EDITS);
    let started = Instant::now();
    for i in 0..EDITS {
        let id = ids[rng.range(0, ids.len() as u64 - 1) as usize];
        let mut measure = store.measure(id)?.ok_or("measure vanished")?;
        measure.title = format!("Bearbeitet {i}: Maßnahme {id}");
        let op = Op::UpdateMeasure { measure };
        if i < TIMED_EDITS {
            let started = Instant::now();
            store.apply(op, ACTOR)?;
            times.push(started.elapsed());
        } else {
            store.apply(op, ACTOR)?;
        }
    }
    let all = started.elapsed();
    drop(store);
    let stats = Stats::new(times);
    r.row(
        format!("durable UpdateMeasure (Store::apply), median / p99 of {TIMED_EDITS}"),
        format!(
            "{} / {} (max {})",
            fmt_ms(stats.median),
            fmt_ms(stats.p99),
            fmt_ms(stats.max)
        ),
        Some((
            stats.p99,
            EDIT_TARGET_MS,
            format!("≤ {EDIT_TARGET_MS} ms p99"),
        )),
    );
    r.facts.push(format!(
        "edits: {EDITS} durable UpdateMeasure of random measures (first {TIMED_EDITS} timed) \
         took {:.1} s",
        all.as_secs_f64()
    ));
    Ok(dir_size(db)?)
}
