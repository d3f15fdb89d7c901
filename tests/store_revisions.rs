//! Revisions of goal and measure records against a real sled database: every write raises a
//! record's revision by one, an update that expects an old revision is refused as a conflict and
//! changes nothing, a fresh one is applied and recorded in history as the plain op; the same
//! conflict reaches a client of a real server intact.

mod common;

use std::path::Path;

use common::{add_measure, fresh, gid, renamed};
use quartier::model::{Goal, GoalId, MeasureId};
use quartier::ops::{Op, Record};
use quartier::store::{Repository, StoreError};

fn measure_revision(store: &dyn Repository, id: MeasureId) -> u64 {
    store.measure_revised(id).unwrap().expect("measure").0
}

fn goal_revision(store: &dyn Repository, id: GoalId) -> u64 {
    store.goal_revised(id).unwrap().expect("goal").0
}

fn rename_goal(goal: &Goal, title: &str) -> Op {
    Op::UpdateGoal {
        id: goal.id,
        code: goal.code.clone(),
        title: title.into(),
        description: goal.description.clone(),
    }
}

#[test]
fn every_write_raises_the_revision_by_one() {
    let (_dir, mut store) = fresh();
    let id = add_measure(&mut store, "Kiezfest", &["1.1"]);
    assert_eq!(measure_revision(&store, id), 1);
    store
        .apply(
            Op::UpdateMeasure {
                measure: renamed(id, "Zwei"),
            },
            "a",
        )
        .unwrap();
    assert_eq!(measure_revision(&store, id), 2);
    // Links do not change the measure record.
    store
        .apply(common::link(id, gid(&store, "2.1"), false), "a")
        .unwrap();
    assert_eq!(measure_revision(&store, id), 2);
    // Undo writes the record again: one more.
    store.undo("a").unwrap();
    store.undo("a").unwrap();
    assert_eq!(store.measure(id).unwrap().unwrap().title, "Kiezfest");
    assert_eq!(measure_revision(&store, id), 3);

    let g11 = gid(&store, "1.1");
    assert_eq!(goal_revision(&store, g11), 1, "seeded goals start at 1");
    let goal = store.goal(g11).unwrap().unwrap();
    store.apply(rename_goal(&goal, "Neu"), "a").unwrap();
    assert_eq!(goal_revision(&store, g11), 2);
    // A move renumbers siblings: each written sibling gets exactly one more.
    let g12 = gid(&store, "1.2");
    store
        .apply(common::move_goal(g11, goal.parent, 1), "a")
        .unwrap();
    assert_eq!(goal_revision(&store, g11), 3);
    assert_eq!(goal_revision(&store, g12), 2);
}

#[test]
fn a_stale_revision_is_refused_and_changes_nothing() {
    let (_dir, mut store) = fresh();
    let id = add_measure(&mut store, "Kiezfest", &["1.1"]);
    let head = store.history(1).unwrap()[0].seq;
    // A colleague saves first.
    store
        .apply(
            Op::UpdateMeasure {
                measure: renamed(id, "Ihrs"),
            },
            "ben",
        )
        .unwrap();
    let mine = Op::UpdateMeasure {
        measure: renamed(id, "Meins"),
    }
    .expecting(Record::Measure(id), 1);
    match store.apply(mine, "anna") {
        Err(StoreError::Conflict {
            record,
            expected,
            found,
        }) => assert_eq!((record, expected, found), (Record::Measure(id), 1, 2)),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.measure(id).unwrap().unwrap().title, "Ihrs");
    assert_eq!(measure_revision(&store, id), 2);
    assert_eq!(
        store.history(1).unwrap()[0].seq,
        head + 1,
        "no history entry"
    );

    // The same for a goal.
    let g11 = gid(&store, "1.1");
    let goal = store.goal(g11).unwrap().unwrap();
    store.apply(rename_goal(&goal, "Ihrs"), "ben").unwrap();
    let stale = rename_goal(&goal, "Meins").expecting(Record::Goal(g11), 1);
    assert!(matches!(
        store.apply(stale, "anna"),
        Err(StoreError::Conflict { found: 2, .. })
    ));
    assert_eq!(store.goal(g11).unwrap().unwrap().title, "Ihrs");
}

#[test]
fn a_fresh_revision_is_applied_and_history_records_the_plain_op() {
    let (_dir, mut store) = fresh();
    let id = add_measure(&mut store, "Kiezfest", &["1.1"]);
    let edit = Op::UpdateMeasure {
        measure: renamed(id, "Meins"),
    };
    store
        .apply(edit.clone().expecting(Record::Measure(id), 1), "anna")
        .unwrap();
    assert_eq!(store.measure(id).unwrap().unwrap().title, "Meins");
    assert_eq!(measure_revision(&store, id), 2);
    let entry = &store.history(1).unwrap()[0];
    assert_eq!(entry.op, edit);
    // Undo works on the recorded op.
    store.undo("anna").unwrap();
    assert_eq!(store.measure(id).unwrap().unwrap().title, "Kiezfest");
}

#[test]
fn an_expectation_on_a_deleted_record_says_it_is_gone() {
    let (_dir, mut store) = fresh();
    let id = add_measure(&mut store, "Kiezfest", &["1.1"]);
    store.apply(Op::DeleteMeasure { id }, "ben").unwrap();
    let mine = Op::UpdateMeasure {
        measure: renamed(id, "Meins"),
    }
    .expecting(Record::Measure(id), 1);
    assert!(matches!(
        store.apply(mine, "anna"),
        Err(StoreError::MeasureNotFound(gone)) if gone == id
    ));
}

#[test]
fn revisions_and_conflicts_cross_the_socket_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let program = Path::new(env!("CARGO_BIN_EXE_quartier"));
    let hello = || quartier::net::protocol::Hello {
        display_name: None,
        purpose: "test".into(),
        lang: "de".into(),
    };
    let mut anna = quartier::net::connect(&db, hello(), Some(program)).expect("connect");
    let mut ben = quartier::net::connect(&db, hello(), Some(program)).expect("connect");
    let goal = anna.goal_by_code("1.1").unwrap().unwrap();
    let measure = quartier::model::Measure::new("Kiezfest");
    let id = anna
        .apply(
            Op::AddMeasure {
                measure,
                goals: vec![goal.id],
            },
            "",
        )
        .unwrap()
        .added_measure()
        .unwrap();
    let (revision, read) = anna.measure_revised(id).unwrap().unwrap();
    assert_eq!((revision, read.title.as_str()), (1, "Kiezfest"));
    assert_eq!(ben.goal_revised(goal.id).unwrap().unwrap().0, 1);
    ben.apply(
        Op::UpdateMeasure {
            measure: renamed(id, "Ihrs"),
        },
        "",
    )
    .unwrap();
    let stale = Op::UpdateMeasure {
        measure: renamed(id, "Meins"),
    }
    .expecting(Record::Measure(id), revision);
    match anna.apply(stale, "") {
        Err(StoreError::Conflict {
            record,
            expected,
            found,
        }) => assert_eq!((record, expected, found), (Record::Measure(id), 1, 2)),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(anna.measure(id).unwrap().unwrap().title, "Ihrs");
    anna.stop().unwrap();
}
