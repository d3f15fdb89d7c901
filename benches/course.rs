//! Decisions and deadlines at scale (issue 15): a `demo-data` database where every measure
//! has three status steps along the usual course, one decision of a Quartiersrat or Jury
//! session, and a Verwendungsnachweis deadline. Measures:
//!
//! 1. `quartier due --within 30` (the real binary, output to a pipe): `--no-server`, and
//!    through a running server; median / max of 5 processes.
//!    And `quartier report` (which has sections of decisions and deadlines) the same way.
//! 2. Moves in the TUI with all that present, key → finished frame (`App::handle_key` + draw
//!    at 120x40, as the event loop does): `j`/`k` over the expanded tree, and `j`/`k` in the
//!    table of the first strategic goal (each selection reads the measure's decisions, steps
//!    and deadlines for the detail pane).
//! 3. Opening the TUI's *Termine* (`T`: every open deadline and coming session, with the
//!    titles of their measures) and *Sitzungen* (`B`: every session with its decisions and
//!    sums), key → finished frame, each closed with `Esc` before the next opening.
//!
//! Run with `cargo bench --bench course`; `QUARTIER_BENCH_MEASURES` sets the number of demo
//! measures (default 10 000).

#[path = "common/mod.rs"]
mod common;

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use common::{
    BenchResult, Session, Table, key, machine, target_row, timed_runs, unserved_and_served,
};
use quartier::model::{
    Body, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, Outcome, Session as Sitting,
    SessionId, Votes, next_in_course,
};
use quartier::ops::Op;
use quartier::store::Store;
use ratatui::crossterm::event::KeyCode;

const DEFAULT_MEASURES: usize = 10_000;
const STEPS_PER_MEASURE: usize = 3;
const SESSIONS: usize = 100;
const RUNS: usize = 5;
const OPS_PER_BATCH: usize = 2_000;
const TABLE_MOVES: usize = 200;
const VIEW_OPENINGS: usize = 20;

const DUE_TARGET_MS: f64 = 100.0;
const REPORT_TARGET_MS: f64 = 200.0;
const MOVE_P95_TARGET_MS: f64 = 5.0;
const VIEW_OPEN_TARGET_MS: f64 = 50.0;

fn program() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_quartier"))
}

fn main() -> BenchResult<()> {
    let count = common::measures_from_env(DEFAULT_MEASURES)?;
    let (_dir, db) = common::demo_database(program(), count)?;
    let (steps, decisions, deadlines) = add_course(&db)?;
    println!(
        "course bench: {count} demo measures, {SESSIONS} sessions, {decisions} decisions, \
         {steps} status steps, {deadlines} deadlines; {}",
        machine()
    );
    let mut table = Table::new(&["what", "n", "median", "p95", "max", "target"]);

    let due = |global: &[&str]| due_runs(&db, global);
    let what = "quartier due --within 30";
    unserved_and_served(&mut table, program(), &db, what, DUE_TARGET_MS, due)?;

    // `quartier report` reads sessions, decisions, steps and deadlines too (its sections of
    // issue 15); the money bench times it with pots, plans and payments.
    let report = |global: &[&str]| report_runs(&db, global);
    let what = "quartier report";
    unserved_and_served(&mut table, program(), &db, what, REPORT_TARGET_MS, report)?;

    let (tree, measures) = moves(&db)?;
    target_row(&mut table, "TUI: tree j/k", tree, "p95", MOVE_P95_TARGET_MS);
    target_row(
        &mut table,
        "TUI: table j/k (detail reads the course)",
        measures,
        "p95",
        MOVE_P95_TARGET_MS,
    );
    let (termine, sessions) = view_openings(&db)?;
    target_row(
        &mut table,
        "TUI: T opens Termine",
        termine,
        "p95",
        VIEW_OPEN_TARGET_MS,
    );
    target_row(
        &mut table,
        "TUI: B opens Sitzungen",
        sessions,
        "p95",
        VIEW_OPEN_TARGET_MS,
    );
    table.print();
    Ok(())
}

/// After every row was read: `T` (then `Esc`) and `B` (then `Esc`), `VIEW_OPENINGS` times each;
/// only the opening key is timed.
fn view_openings(db: &Path) -> BenchResult<(Vec<Duration>, Vec<Duration>)> {
    let mut s = Session::open(db, 120, 40)?;
    s.app.prefetch_all();
    let (mut termine, mut sessions) = (Vec::new(), Vec::new());
    for _ in 0..VIEW_OPENINGS {
        termine.push(s.press_char('T')?.total());
        s.press(key(KeyCode::Esc))?;
        sessions.push(s.press_char('B')?.total());
        s.press(key(KeyCode::Esc))?;
    }
    Ok((termine, sessions))
}

/// Sessions every other week of 2026 (Quartiersrat and Jury taking turns); per measure three
/// steps along the usual course (fewer where the course ends), one decision and a
/// Verwendungsnachweis deadline; returns how many steps, decisions and deadlines.
fn add_course(db: &Path) -> BenchResult<(usize, usize, usize)> {
    let mut store = Store::open(db)?;
    let first = NaiveDate::from_ymd_opt(2026, 1, 8).ok_or("a date")?;
    let mut ops = Vec::new();
    for n in 0..SESSIONS {
        ops.push(Op::AddSession {
            session: Sitting {
                id: SessionId(n as u64 + 1),
                body: if n % 2 == 0 {
                    Body::Quartiersrat
                } else {
                    Body::AktionsfondsJury
                },
                date: first + chrono::Duration::days(14 * (n as i64 % 26)),
                note: String::new(),
            },
        });
    }
    let (mut steps, mut decisions, mut deadlines) = (0, 0, 0);
    for measure in store.measures()? {
        let mut status = measure.status;
        for n in 0..STEPS_PER_MEASURE {
            let Some(next) = next_in_course(status) else {
                break;
            };
            ops.push(Op::SetStatus {
                measure: measure.id,
                to: next,
                date: first + chrono::Duration::days(30 * n as i64),
                note: String::new(),
            });
            status = next;
            steps += 1;
        }
        ops.push(Op::AddDecision {
            decision: Decision {
                id: DecisionId(0),
                session: SessionId(measure.id.0 % SESSIONS as u64 + 1),
                measure: measure.id,
                outcome: Outcome::Zustimmung,
                votes: Some(Votes {
                    yes: 9,
                    no: 1,
                    abstain: 2,
                }),
                amount: measure.approved,
                conditions: String::new(),
            },
        });
        decisions += 1;
        let end = measure.end.or(measure.start).unwrap_or(first);
        ops.push(Op::AddDeadline {
            deadline: Deadline {
                id: DeadlineId(0),
                kind: DeadlineKind::Verwendungsnachweis,
                due: end + chrono::Months::new(6),
                measure: Some(measure.id),
                note: String::new(),
                done: None,
            },
        });
        deadlines += 1;
    }
    for chunk in ops.chunks(OPS_PER_BATCH) {
        store.apply(
            Op::Batch {
                ops: chunk.to_vec(),
            },
            "bench",
        )?;
    }
    Ok((steps, decisions, deadlines))
}

/// `quartier report` as `RUNS` processes, each timed from spawn to exit.
fn report_runs(db: &Path, global: &[&str]) -> BenchResult<Vec<Duration>> {
    let args: Vec<&str> = global.iter().copied().chain(["report"]).collect();
    let today = [("QUARTIER_TODAY", "2027-03-01")];
    timed_runs(program(), db, &args, &today, &[0], RUNS)
}

/// `quartier due --within 30` as `RUNS` processes, each timed from spawn to exit (exit 1:
/// something is overdue, which the demo data has).
fn due_runs(db: &Path, global: &[&str]) -> BenchResult<Vec<Duration>> {
    let args: Vec<&str> = global
        .iter()
        .copied()
        .chain(["due", "--within", "30"])
        .collect();
    let today = [("QUARTIER_TODAY", "2027-03-01")];
    timed_runs(program(), db, &args, &today, &[0, 1], RUNS)
}

/// After every row was read: `j` down the expanded tree and `k` back, then `j`/`k` in the
/// first strategic goal's table.
fn moves(db: &Path) -> BenchResult<(Vec<Duration>, Vec<Duration>)> {
    let mut s = Session::open(db, 120, 40)?;
    s.app.prefetch_all();
    let rows = s.expand_all()?;
    let mut tree = Vec::new();
    for c in ['j', 'k'] {
        for _ in 0..rows {
            tree.push(s.press_char(c)?.total());
        }
    }
    s.press(key(KeyCode::Tab))?;
    let mut table = Vec::new();
    for c in ['j', 'k'] {
        for _ in 0..TABLE_MOVES / 2 {
            table.push(s.press_char(c)?.total());
        }
    }
    Ok((tree, table))
}
