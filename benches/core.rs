//! Core performance of quartier on a realistic database: fill, open, per-goal queries,
//! `measure list --json` through the real binary, durable single edits, and size on disk.
//!
//! Run with `cargo bench --bench core`. `QUARTIER_BENCH_MEASURES` changes the number of demo
//! measures (default 10 000). Plain `std::time::Instant`, no bench framework.

#[path = "common/mod.rs"]
mod common;

use std::process::{Command, Stdio};
use std::time::Instant;

use common::{BenchResult, Stats, Table, dir_size, filesystem, fmt_ms, machine, mib, ms, verdict};

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

fn main() -> BenchResult<()> {
    // `cargo bench` passes `--bench`; other arguments (filters) have no meaning here.
    let count = common::measures_from_env(DEFAULT_MEASURES)?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    let mut table = Checked::new();

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
            let measures = store
                .links_of_goal(goal)?
                .into_iter()
                .map(|l| store.measure(l.measure))
                .collect::<Result<Vec<_>, _>>()?;
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

    // 4. `quartier measure list --json` through the release binary, opening the store itself
    // (`--no-server`; the server's own figures are in `benches/server.rs`).
    let binary = env!("CARGO_BIN_EXE_quartier");
    let check = Command::new(binary)
        .env("QUARTIER_NO_SERVER", "1")
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
            .env("QUARTIER_NO_SERVER", "1")
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

fn edit_rows(table: &mut Checked, label: &str, stats: &Stats) {
    table.row(format!("{label} median"), fmt_ms(stats.median), None);
    table.row(format!("{label} p95"), fmt_ms(stats.p95), None);
    table.row(
        format!("{label} p99"),
        fmt_ms(stats.p99),
        Some((stats.p99, EDIT_TARGET_MS)),
    );
    table.row(format!("{label} max"), fmt_ms(stats.max), None);
}

/// The report: one row per metric; `check` is `(value, target)` in ms, lower is better.
struct Checked(Table);

impl Checked {
    fn new() -> Checked {
        Checked(Table::new(&["metric", "result", "target", "verdict"]))
    }

    fn row(&mut self, metric: impl Into<String>, result: String, check: Option<(f64, f64)>) {
        let (target, verdict) = match check {
            Some((value, target)) => (format!("≤ {target} ms"), verdict(value, target).into()),
            None => ("-".into(), "-".into()),
        };
        self.0.row(vec![metric.into(), result, target, verdict]);
    }

    fn print(&self) {
        self.0.print();
    }
}
