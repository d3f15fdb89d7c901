//! Money over time at scale (issue 14): a `demo-data` database whose measures also carry a
//! plan of yearly instalments (pro rata where they run over several years) and three payments
//! each, and a pot per fund and year. Measures:
//!
//! 1. `quartier report` (the real binary, text to a pipe): `--no-server`, and through a
//!    running server; median / max of 5 processes.
//! 2. The report view: `R` right after start (reads measures, pots, plans and payments and
//!    computes), the idle work after start (which prepares the report), `R` after it (shows
//!    the prepared report) and `Tab Tab` to the *Töpfe* tab, key → finished frame
//!    (`App::handle_key` + draw at 120x40, as the event loop does).
//! 3. What opening the report view reads and computes (goals, measures, links, money,
//!    the report), cumulative.
//! 4. Moves in the tree (`j`/`k` over every goal, expanded) with the money present, key →
//!    finished frame.
//!
//! Run with `cargo bench --bench money`; `QUARTIER_BENCH_MEASURES` sets the number of demo
//! measures (default 10 000); `QUARTIER_BENCH_KEEP=1` keeps the database for profiling.

#[path = "common/mod.rs"]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use common::{
    BenchResult, Session, Table, fmt_ms, key, machine, ms, target_row, timed_runs,
    unserved_and_served,
};
use quartier::model::{Cents, Fund, Payment, PaymentId, PaymentKind, Plan, Pot};
use quartier::ops::Op;
use quartier::store::Store;
use ratatui::crossterm::event::KeyCode;

const DEFAULT_MEASURES: usize = 10_000;
const PAYMENTS_PER_MEASURE: usize = 3;
const REPORT_RUNS: usize = 5;
const OPS_PER_BATCH: usize = 2_000;

const REPORT_TARGET_MS: f64 = 200.0;
const POTS_TAB_TARGET_MS: f64 = 50.0;
const MOVE_P95_TARGET_MS: f64 = 5.0;

fn program() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_quartier"))
}

fn main() -> BenchResult<()> {
    let count = common::measures_from_env(DEFAULT_MEASURES)?;
    let (dir, db) = common::demo_database(program(), count)?;
    let (plans, payments, pots) = add_money(&db)?;
    // `QUARTIER_BENCH_KEEP=1` keeps the database for profiling (its path is printed).
    let _dir = match std::env::var_os("QUARTIER_BENCH_KEEP") {
        Some(_) => {
            println!("database kept: {}", db.display());
            std::mem::forget(dir);
            None
        }
        None => Some(dir),
    };
    println!(
        "money bench: {count} demo measures, {plans} plans, {payments} payments, {pots} pots; {}",
        machine()
    );
    let mut table = Table::new(&["what", "n", "median", "p95", "max", "target"]);

    let report = |global: &[&str]| report_runs(&db, global);
    let what = "quartier report";
    unserved_and_served(&mut table, program(), &db, what, REPORT_TARGET_MS, report)?;

    breakdown(&db)?;
    let cold = report_view_cold(&db)?;
    target_row(
        &mut table,
        "TUI: R right after start (reads, computes)",
        cold,
        "median",
        POTS_TAB_TARGET_MS,
    );
    let (idle, open, pots_tab, longest) = report_view(&db)?;
    let n = idle.len();
    let idle = common::Stats::new(idle);
    table.row(vec![
        "TUI: idle work after start (rows, sorting, report)".into(),
        n.to_string(),
        fmt_ms(idle.median),
        fmt_ms(idle.p95),
        fmt_ms(idle.max),
        "— (keys go first)".into(),
    ]);
    let n = longest.len();
    let longest = common::Stats::new(longest);
    table.row(vec![
        "TUI: … its longest single step (a key waits for it)".into(),
        n.to_string(),
        fmt_ms(longest.median),
        fmt_ms(longest.p95),
        fmt_ms(longest.max),
        "—".into(),
    ]);
    target_row(
        &mut table,
        "TUI: R after idle time (prepared report)",
        open,
        "median",
        POTS_TAB_TARGET_MS,
    );
    target_row(
        &mut table,
        "TUI: Tab Tab → Töpfe",
        pots_tab,
        "median",
        POTS_TAB_TARGET_MS,
    );
    let moves = tree_moves(&db)?;
    target_row(
        &mut table,
        "TUI: tree j/k with money present",
        moves,
        "p95",
        MOVE_P95_TARGET_MS,
    );
    table.print();
    Ok(())
}

/// Pots per fund for 2024–2029, a plan for every measure (pro rata over its years) and three
/// payments per measure; returns how many of each.
fn add_money(db: &Path) -> BenchResult<(usize, usize, usize)> {
    let mut store = Store::open(db)?;
    let mut ops = Vec::new();
    for fund in Fund::ALL {
        for year in 2024..=2029 {
            ops.push(Op::SetPot {
                pot: Pot {
                    fund,
                    year,
                    amount: Cents(if fund == Fund::Aktionsfonds {
                        1_000_000
                    } else {
                        50_000_000
                    }),
                    note: String::new(),
                },
            });
        }
    }
    let pots = ops.len();
    let (mut plans, mut payments) = (0, 0);
    for measure in store.measures()? {
        // Every measure gets a plan and three payments: one without approval is approved
        // with what was requested (or 1.000 €) and dated 2026 if it has no dates, so plans
        // add up and payments stay within the approval (an office's funded portfolio).
        let amount = (measure.approved)
            .or(measure.requested)
            .unwrap_or(Cents(100_000));
        let start = measure
            .start
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"));
        let end = measure.end.unwrap_or(start).max(start);
        if measure.approved != Some(amount) || measure.start != Some(start) {
            let mut approved = measure.clone();
            approved.approved = Some(amount);
            approved.start = Some(start);
            approved.end = Some(end);
            ops.push(Op::UpdateMeasure { measure: approved });
        }
        let plan = Plan::pro_rata(amount, start, end)
            .unwrap_or_else(|| Plan([(start.year(), amount)].into_iter().collect()));
        ops.push(Op::SetPlan {
            measure: measure.id,
            plan,
        });
        plans += 1;
        for n in 0..PAYMENTS_PER_MEASURE {
            ops.push(Op::AddPayment {
                payment: Payment {
                    id: PaymentId(0),
                    measure: measure.id,
                    date: payment_date(start, end, n),
                    amount: Cents(amount.0 / 4),
                    kind: PaymentKind::ALL[n % PaymentKind::ALL.len()],
                    reference: format!("MA-{}-{n}", measure.id.0),
                    note: String::new(),
                },
            });
            payments += 1;
        }
    }
    for chunk in ops.chunks(OPS_PER_BATCH) {
        store.apply(
            Op::Batch {
                ops: chunk.to_vec(),
            },
            "bench",
        )?;
    }
    Ok((plans, payments, pots))
}

/// The `n`-th payment's day: spread over the runtime, in its first year when it has one day.
fn payment_date(start: NaiveDate, end: NaiveDate, n: usize) -> NaiveDate {
    let days = (end - start).num_days().max(0);
    let at = start + chrono::Duration::days(days * n as i64 / PAYMENTS_PER_MEASURE as i64);
    NaiveDate::from_ymd_opt(at.year(), at.month(), at.day().min(28)).unwrap_or(start)
}

/// `quartier report` as `REPORT_RUNS` processes, each timed from spawn to exit.
fn report_runs(db: &Path, global: &[&str]) -> BenchResult<Vec<Duration>> {
    let args: Vec<&str> = global.iter().copied().chain(["report"]).collect();
    timed_runs(program(), db, &args, &[], &[0], REPORT_RUNS)
}

/// `R` right after start (read and computed on opening), five times in fresh sessions.
fn report_view_cold(db: &Path) -> BenchResult<Vec<Duration>> {
    let mut open = Vec::new();
    for _ in 0..REPORT_RUNS {
        let mut s = Session::open(db, 120, 40)?;
        open.push(s.press_char('R')?.total());
        assert!(!prepared(&s), "prepared before any idle time");
    }
    Ok(open)
}

fn prepared(s: &Session) -> bool {
    matches!(&s.app.mode, quartier::app::Mode::Report(view) if view.was_prepared())
}

/// The idle work after start (rows read, sorted, the report prepared) as one piece, then `R`
/// and `Tab Tab`, five times in fresh sessions.
/// Also the longest single idle step of each run (what a key pressed meanwhile waits for).
type ReportViewTimes = (Vec<Duration>, Vec<Duration>, Vec<Duration>, Vec<Duration>);
fn report_view(db: &Path) -> BenchResult<ReportViewTimes> {
    let (mut idle, mut open, mut tab) = (Vec::new(), Vec::new(), Vec::new());
    let mut longest = Vec::new();
    for _ in 0..REPORT_RUNS {
        let mut s = Session::open(db, 120, 40)?;
        // As the TUI: the report is computed on a thread of its own, not in an idle step.
        s.app.defer_long_work(true);
        let started = Instant::now();
        let mut step = Duration::ZERO;
        loop {
            let begun = Instant::now();
            let more = s.app.prefetch_step();
            step = step.max(begun.elapsed());
            if let Some(job) = s.app.take_report_job() {
                let done = std::thread::spawn(job)
                    .join()
                    .map_err(|_| "the report job")?;
                s.app.job_done(done);
            }
            if !more && !s.app.prefetching() {
                break;
            }
        }
        idle.push(started.elapsed());
        longest.push(step);
        open.push(s.press_char('R')?.total());
        assert!(prepared(&s), "R after idle time: the prepared report");
        let first = s.press(key(KeyCode::Tab))?.total();
        let second = s.press(key(KeyCode::Tab))?.total();
        tab.push(first + second);
        let screen = format!("{:?}", s.app.mode);
        assert!(screen.contains("Pots"), "not on the Töpfe tab: {screen}");
    }
    Ok((idle, open, tab, longest))
}

/// `j` down the expanded tree and `k` back up, every row, after every row was read.
fn tree_moves(db: &Path) -> BenchResult<Vec<Duration>> {
    let mut s = Session::open(db, 120, 40)?;
    s.app.prefetch_all();
    let rows = s.expand_all()?;
    let mut samples = Vec::new();
    for c in ['j', 'k'] {
        for _ in 0..rows {
            samples.push(s.press_char(c)?.total());
        }
    }
    Ok(samples)
}

/// What opening the report view reads and computes, cumulative, on the second of two runs
/// (an in-process store, as the TUI with `--no-server`).
fn breakdown(db: &Path) -> BenchResult<()> {
    let store = Store::open(db)?;
    for _ in 0..2 {
        let t = Instant::now();
        let goals = store.goals()?;
        let t1 = t.elapsed();
        let measures = store.measures()?;
        let t2 = t.elapsed();
        let links = store.links()?;
        let t3 = t.elapsed();
        let money = quartier::report::pots::Money::read(&store)?;
        let t4 = t.elapsed();
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let _r = quartier::report::Report::compute_with_money(
            &goals, &measures, &links, &money, None, today,
        );
        let t5 = t.elapsed();
        println!(
            "report view's reads, cumulative: goals {} · measures {} · links {} · pots, plans \
             and payments {} · report computed {}",
            fmt_ms(ms(t1)),
            fmt_ms(ms(t2)),
            fmt_ms(ms(t3)),
            fmt_ms(ms(t4)),
            fmt_ms(ms(t5))
        );
    }
    Ok(())
}
