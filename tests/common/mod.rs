//! Helpers shared by the store integration tests. Every test opens a real sled database in its
//! own temporary directory.
#![allow(dead_code)]

pub mod bin;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use quartier::model::{Cents, Fund, Goal, GoalId, Indicator, Measure, MeasureId, Status};
use quartier::ops::Op;
use quartier::store::{Link, Repository, Store, StoreError};
use tempfile::TempDir;

pub const USER: &str = "tester";

/// A new, seeded database in a fresh temp dir. Keep the `TempDir` alive as long as the store.
pub fn fresh() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("open new database");
    (dir, store)
}

/// Opens a database this process has just closed. sled 0.34 releases its own `flock` on the
/// `db` file from a background thread some milliseconds after the `Db` is dropped
/// (spacejam/sled#1234), and `Store::open` reports that as `Locked` although quartier's own
/// lock was free. Retrying here keeps the other tests about what they test; the bug itself is
/// pinned by `store_robustness::reopen_right_after_close_is_not_locked`.
pub fn open_after_close(path: &Path) -> Result<Store, StoreError> {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        match Store::open(path) {
            Err(StoreError::Locked(_)) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            other => return other,
        }
    }
}

/// Drops `store` and opens the same database again.
pub fn reopen(store: Store) -> Store {
    let path = store.path().to_path_buf();
    drop(store);
    open(&path)
}

/// Opens an existing database (see [`open_after_close`]).
pub fn open(path: &Path) -> Store {
    open_after_close(path).expect("open database")
}

pub fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The id of the goal with `code`; panics when missing.
pub fn gid(store: &Store, code: &str) -> GoalId {
    store
        .goal_by_code(code)
        .expect("read goals")
        .unwrap_or_else(|| panic!("goal {code} missing"))
        .id
}

/// Adds a measure titled `title` linked to the goals with `codes` (first primary).
pub fn add_measure(store: &mut Store, title: &str, codes: &[&str]) -> MeasureId {
    let goals = codes.iter().map(|c| gid(store, c)).collect();
    store
        .apply(
            Op::AddMeasure {
                measure: Measure::new(title),
                goals,
            },
            USER,
        )
        .expect("add measure")
        .added_measure()
        .expect("measure id")
}

/// Applies `op` as the test user, panicking on error.
pub fn apply(store: &mut Store, op: Op) {
    store.apply(op, USER).expect("apply op");
}

/// Children of `parent` ordered by position.
pub fn children(store: &Store, parent: Option<GoalId>) -> Vec<Goal> {
    let mut list: Vec<Goal> = store
        .goals()
        .expect("goals")
        .into_iter()
        .filter(|g| g.parent == parent)
        .collect();
    list.sort_by_key(|g| g.position);
    list
}

/// Codes of the children of `parent`, by position; asserts positions are dense 0..n.
pub fn child_codes(store: &Store, parent: Option<GoalId>) -> Vec<String> {
    let list = children(store, parent);
    let positions: Vec<u32> = list.iter().map(|g| g.position).collect();
    let dense: Vec<u32> = (0..list.len() as u32).collect();
    assert_eq!(positions, dense, "positions under {parent:?} not dense");
    list.into_iter().map(|g| g.code).collect()
}

/// Links of a measure as goal codes, primary first and marked with `*`.
pub fn measure_links(store: &Store, id: MeasureId) -> Vec<String> {
    let links = store.links_of_measure(id).expect("links of measure");
    links
        .into_iter()
        .map(|l| {
            format!(
                "{}{}",
                code_of(store, l.goal),
                if l.primary { "*" } else { "" }
            )
        })
        .collect()
}

/// Applies `op`, expecting it to fail; returns the error.
pub fn refused(store: &mut Store, op: Op) -> StoreError {
    match store.apply(op, USER) {
        Ok(applied) => panic!("op should fail but made {:?}", applied.changes),
        Err(e) => e,
    }
}

pub fn move_goal(id: GoalId, parent: Option<GoalId>, position: u32) -> Op {
    Op::MoveGoal {
        id,
        parent,
        position,
    }
}

pub fn delete_goal(id: GoalId, force: bool) -> Op {
    Op::DeleteGoal { id, force }
}

pub fn link(measure: MeasureId, goal: GoalId, primary: bool) -> Op {
    Op::Link {
        measure,
        goal,
        primary,
    }
}

pub fn unlink(measure: MeasureId, goal: GoalId) -> Op {
    Op::Unlink { measure, goal }
}

pub fn add_op(measure: Measure, goals: Vec<GoalId>) -> Op {
    Op::AddMeasure { measure, goals }
}

/// An otherwise empty measure with this id and title.
pub fn renamed(id: MeasureId, title: &str) -> Measure {
    Measure {
        id,
        ..Measure::new(title)
    }
}

/// Titles of all measures, by id.
pub fn titles(store: &Store) -> Vec<String> {
    store
        .measures()
        .expect("measures")
        .into_iter()
        .map(|m| m.title)
        .collect()
}

pub fn code_of(store: &Store, id: GoalId) -> String {
    store.goal(id).expect("goal").expect("goal exists").code
}

/// Asserts the measure has exactly one primary link and both link trees agree.
pub fn assert_links_consistent(store: &Store, id: MeasureId) {
    let links = store.links_of_measure(id).expect("links");
    if !links.is_empty() {
        assert_eq!(links.iter().filter(|l| l.primary).count(), 1, "{links:?}");
    }
    for link in &links {
        let back: Vec<Link> = store.links_of_goal(link.goal).expect("links of goal");
        assert!(back.contains(link), "{link:?} missing from links_of_goal");
    }
    assert_eq!(store.check(), [], "check after links of {id}");
}

pub fn indicator(name: &str, baseline: f64, target: f64, actual: Option<f64>) -> Indicator {
    let (name, unit) = (name.into(), "Personen".into());
    Indicator {
        name,
        unit,
        baseline,
        target,
        actual,
    }
}

/// A measure with every field set to something other than its default.
pub fn full_measure() -> Measure {
    Measure {
        id: MeasureId(0),
        title: "Sprachcafé im Kiez".into(),
        description: "Zeile 1\nZeile 2\tmit Tab".into(),
        organisation: "Nachbarschaftshaus e.V.".into(),
        contact: "Frau Öztürk, 030 1234567".into(),
        responsible: "K. Schmidt".into(),
        reference: "QM-2026/017".into(),
        fund: Some(Fund::Projektfonds),
        requested: Some(Cents(1_500_050)),
        approved: Some(Cents(1_250_000)),
        cofunding: Some(Cents(99)),
        start: date(2026, 3, 1),
        end: date(2026, 12, 31),
        status: Status::Laufend,
        target_groups: vec!["Jugendliche".into(), "Ältere".into()],
        location: "Kiezladen, Weserstraße 12".into(),
        notes: "Notiz\nzweite Zeile".into(),
        indicators: vec![
            indicator("Teilnehmende", 0.0, 40.5, Some(12.25)),
            indicator("Termine", -1.5, 20.0, None),
        ],
    }
}

pub fn new_goal(parent: Option<GoalId>, code: &str, position: u32) -> Op {
    let title = format!("Ziel {code}");
    let (id, code, description) = (GoalId(0), code.into(), String::new());
    Op::AddGoal {
        goal: Goal {
            id,
            parent,
            code,
            title,
            description,
            position,
        },
    }
}

pub fn add_goal(store: &mut Store, parent: Option<&str>, code: &str, pos: u32) -> GoalId {
    let parent = parent.map(|p| gid(store, p));
    let applied = store
        .apply(new_goal(parent, code, pos), USER)
        .expect("add goal");
    applied.added_goal().expect("goal id")
}

pub fn update_goal(id: GoalId, code: &str) -> Op {
    let (title, description) = ("Neuer Titel".into(), "Zeile 1\nZeile 2".into());
    Op::UpdateGoal {
        id,
        code: code.into(),
        title,
        description,
    }
}
