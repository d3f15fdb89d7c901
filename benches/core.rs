//! Core performance of quartier on a realistic database: fill, open, per-goal queries,
//! `measure list --json` through the real binary, durable single edits, and size on disk.
//!
//! Run with `cargo bench --bench core`. `QUARTIER_BENCH_MEASURES` changes the number of demo
//! measures (default 10 000). Plain `std::time::Instant`, no bench framework.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quartier::model::{GoalId, Measure, MeasureId};
use quartier::ops::Op;
use quartier::store::Store;

const DEFAULT_MEASURES: usize = 10_000;
const SEED: u64 = 1;
const ACTOR: &str = "bench";
const OPEN_RUNS: usize = 20;
const GOAL_ROUNDS: usize = 20;
const LIST_RUNS: usize = 5;
const UPDATES: usize = 1_000;
const ADDS: usize = 200;

const OPEN_TARGET_MS: f64 = 50.0;
const GOAL_TARGET_MS: f64 = 1.0;
const EDIT_TARGET_MS: f64 = 10.0;

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> BenchResult<()> {
    // `cargo bench` passes `--bench`; other arguments (filters) have no meaning here.
    let count = match std::env::var("QUARTIER_BENCH_MEASURES") {
        Ok(text) => text.trim().replace('_', "").parse::<usize>()?,
        Err(_) => DEFAULT_MEASURES,
    };
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    let mut table = Table::default();

    // 1. Fill.
    let mut store = Store::open(&db)?;
    let started = Instant::now();
    let added = quartier::demo::fill(&mut store, ACTOR, count, SEED)?;
    let fill = started.elapsed();
    assert_eq!(added, count, "demo::fill added fewer measures than asked");
    table.row(
        format!("fill {count} measures (demo::fill, seed {SEED})"),
        format!("{:.0} ms", ms(fill)),
        None,
    );
    let operational: Vec<GoalId> = store
        .goals()?
        .iter()
        .filter(|g| g.parent.is_some())
        .map(|g| g.id)
        .collect();
    let measure_ids: Vec<MeasureId> = store.measures()?.iter().map(|m| m.id).collect();
    drop(store);
    let size_after_fill = dir_size(&db)?;
    table.row("size on disk after fill", mib(size_after_fill), None);

    // 2. Open.
    let mut opens = Vec::with_capacity(OPEN_RUNS);
    for _ in 0..OPEN_RUNS {
        let started = Instant::now();
        let store = Store::open(&db)?;
        opens.push(started.elapsed());
        drop(store);
    }
    let opens = Stats::new(opens);
    table.row(
        format!("Store::open median ({OPEN_RUNS} runs)"),
        fmt_ms(opens.median),
        None,
    );
    table.row(
        format!("Store::open p99 (= max of {OPEN_RUNS})"),
        fmt_ms(opens.p99),
        Some((opens.p99, OPEN_TARGET_MS)),
    );

    // 3. Measures of one goal, and the links alone.
    let store = Store::open(&db)?;
    let mut with_measures = Vec::with_capacity(operational.len() * GOAL_ROUNDS);
    let mut links_only = Vec::with_capacity(operational.len() * GOAL_ROUNDS);
    let mut returned = 0usize;
    for _ in 0..GOAL_ROUNDS {
        for &goal in &operational {
            let started = Instant::now();
            let measures = store.measures_of_goal(goal)?;
            with_measures.push(started.elapsed());
            returned += measures.len();
            let started = Instant::now();
            let links = store.links_of_goal(goal)?;
            links_only.push(started.elapsed());
            assert_eq!(links.len(), measures.len(), "links and measures disagree");
        }
    }
    let samples = with_measures.len();
    let per_goal = returned as f64 / samples as f64;
    let with_measures = Stats::new(with_measures);
    let links_only = Stats::new(links_only);
    let label = format!("{} goals × {GOAL_ROUNDS}", operational.len());
    table.row(
        format!("measures_of_goal median ({label})"),
        fmt_ms(with_measures.median),
        None,
    );
    table.row(
        "measures_of_goal p99",
        fmt_ms(with_measures.p99),
        Some((with_measures.p99, GOAL_TARGET_MS)),
    );
    table.row(
        "measures_of_goal avg measures returned",
        format!("{per_goal:.1}"),
        None,
    );
    table.row(
        "links_of_goal (ids only) median",
        fmt_ms(links_only.median),
        None,
    );
    table.row("links_of_goal (ids only) p99", fmt_ms(links_only.p99), None);
    drop(store);

    // 4. `quartier measure list --json` through the release binary (it opens the store itself).
    let binary = env!("CARGO_BIN_EXE_quartier");
    let check = Command::new(binary)
        .arg("--db")
        .arg(&db)
        .args(["measure", "list", "--json"])
        .stderr(Stdio::inherit())
        .output()?;
    if !check.status.success() {
        return Err(format!("`measure list --json` failed: {}", check.status).into());
    }
    let listed: serde_json::Value = serde_json::from_slice(&check.stdout)?;
    let listed = listed.as_array().map_or(0, Vec::len);
    assert_eq!(
        listed, count,
        "`measure list --json` printed the wrong count"
    );
    let mut lists = Vec::with_capacity(LIST_RUNS);
    for _ in 0..LIST_RUNS {
        let started = Instant::now();
        let status = Command::new(binary)
            .arg("--db")
            .arg(&db)
            .args(["measure", "list", "--json"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .status()?;
        lists.push(started.elapsed());
        if !status.success() {
            return Err(format!("`measure list --json` failed: {status}").into());
        }
    }
    let lists = Stats::new(lists);
    table.row(
        format!("measure list --json median ({LIST_RUNS} runs, wall)"),
        fmt_ms(lists.median),
        None,
    );
    table.row(
        "measure list --json output size",
        mib(check.stdout.len() as u64),
        None,
    );

    // 5. Durable single edits: each apply commits, flushes and fdatasyncs.
    let mut store = Store::open(&db)?;
    let mut rng = quartier::demo::Rng(0x5eed);
    let mut updates = Vec::with_capacity(UPDATES);
    for i in 0..UPDATES {
        let id = measure_ids[rng.range(0, measure_ids.len() as u64 - 1) as usize];
        let mut measure = store.measure(id)?.ok_or("measure vanished")?;
        measure.title = format!("Bearbeitet {i}: Maßnahme {id}");
        let started = Instant::now();
        store.apply(Op::UpdateMeasure { measure }, ACTOR)?;
        updates.push(started.elapsed());
    }
    let updates = Stats::new(updates);
    edit_rows(&mut table, &format!("UpdateMeasure ×{UPDATES}"), &updates);

    let mut adds = Vec::with_capacity(ADDS);
    for i in 0..ADDS {
        let first = operational[rng.range(0, operational.len() as u64 - 1) as usize];
        let second = loop {
            let goal = operational[rng.range(0, operational.len() as u64 - 1) as usize];
            if goal != first {
                break goal;
            }
        };
        let mut measure = Measure::new(format!("Bench-Maßnahme {i}"));
        measure.organisation = "Bench e.V.".into();
        let op = Op::AddMeasure {
            measure,
            goals: vec![first, second],
        };
        let started = Instant::now();
        store.apply(op, ACTOR)?;
        adds.push(started.elapsed());
    }
    let adds = Stats::new(adds);
    edit_rows(&mut table, &format!("AddMeasure+2 links ×{ADDS}"), &adds);
    drop(store);

    // 6. Size after the edits.
    let size_after_edits = dir_size(&db)?;
    table.row("size on disk after edits", mib(size_after_edits), None);

    println!();
    println!("quartier core benchmark: {count} demo measures (seed {SEED})");
    println!("machine: {}", machine());
    println!(
        "date:    {}",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S %z")
    );
    println!(
        "db:      {} ({})",
        db.display(),
        filesystem(dir.path()).unwrap_or_else(|| "unknown fs".into())
    );
    println!();
    table.print();
    Ok(())
}

fn edit_rows(table: &mut Table, label: &str, stats: &Stats) {
    table.row(format!("{label} median"), fmt_ms(stats.median), None);
    table.row(format!("{label} p95"), fmt_ms(stats.p95), None);
    table.row(
        format!("{label} p99"),
        fmt_ms(stats.p99),
        Some((stats.p99, EDIT_TARGET_MS)),
    );
    table.row(format!("{label} max"), fmt_ms(stats.max), None);
}

/// Order statistics of a sample, in milliseconds (nearest-rank percentiles).
struct Stats {
    median: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

impl Stats {
    fn new(mut samples: Vec<Duration>) -> Stats {
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

fn fmt_ms(value: f64) -> String {
    if value < 1.0 {
        format!("{value:.3} ms")
    } else {
        format!("{value:.2} ms")
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

#[derive(Default)]
struct Table {
    rows: Vec<[String; 4]>,
}

impl Table {
    /// One row; `check` is `(value, target)` in ms, both "lower is better".
    fn row(&mut self, metric: impl Into<String>, result: String, check: Option<(f64, f64)>) {
        let (target, verdict) = match check {
            Some((value, target)) => (
                format!("≤ {target} ms"),
                if value <= target { "PASS" } else { "MISS" }.to_string(),
            ),
            None => ("-".into(), "-".into()),
        };
        self.rows.push([metric.into(), result, target, verdict]);
    }

    fn print(&self) {
        let header = ["metric", "result", "target", "verdict"].map(String::from);
        let width = |i: usize| {
            std::iter::once(&header)
                .chain(&self.rows)
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths = [width(0), width(1), width(2), width(3)];
        let line = |r: &[String; 4]| {
            println!(
                "{}  {}  {}  {}",
                pad(&r[0], widths[0], false),
                pad(&r[1], widths[1], true),
                pad(&r[2], widths[2], false),
                r[3]
            );
        };
        line(&header);
        println!("{}", "-".repeat(widths.iter().sum::<usize>() + 6));
        for row in &self.rows {
            line(row);
        }
    }
}

/// Pads by characters (not bytes), so `×` and `≤` do not shift columns.
fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.chars().count()));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// Sum of the sizes of all files under `path`.
fn dir_size(path: &Path) -> std::io::Result<u64> {
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

/// CPU count (`nproc`) and model from /proc/cpuinfo.
fn machine() -> String {
    let nproc = Command::new("nproc")
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
fn filesystem(path: &Path) -> Option<String> {
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
