//! Goal editing (add, update, move, delete, restore) and the undo/redo history against a real
//! sled database.

mod common;

use common::*;
use quartier::model::{Field, GoalId, Measure, MeasureId};
use quartier::ops::Op;
use quartier::store::{EntryKind, Repository, StoreError};

fn in_use(e: StoreError) -> (String, usize, usize) {
    match e {
        StoreError::GoalInUse {
            code,
            measures,
            children,
        } => (code, measures, children),
        other => panic!("expected GoalInUse, got {other:?}"),
    }
}

#[test]
fn goals_are_added_with_dense_positions_and_unique_codes() {
    let (_dir, mut store) = fresh();
    let seeded = store.goals().unwrap();
    add_goal(&mut store, None, "Z10", u32::MAX);
    add_goal(&mut store, None, "Z0", 0);
    let top: Vec<String> = (0..=10).map(|n| format!("Z{n}")).collect();
    assert_eq!(child_codes(&store, None), top);
    let z1 = gid(&store, "Z1");
    let child = add_goal(&mut store, Some("Z1"), "1.0", 1);
    let kids = child_codes(&store, Some(z1));
    assert_eq!(kids, ["1.1", "1.0", "1.2", "1.3", "1.4", "1.5", "1.6"]);
    assert_eq!(store.goal(child).unwrap().unwrap().parent, Some(z1));

    for code in ["z1", "Z1", "1.0"] {
        let e = refused(&mut store, new_goal(None, code, 0));
        assert!(matches!(e, StoreError::DuplicateCode(_)), "{code}: {e:?}");
    }
    let e = refused(&mut store, new_goal(Some(GoalId(999)), "X", 0));
    assert!(matches!(e, StoreError::Invalid(_)), "missing parent: {e:?}");
    let e = refused(&mut store, update_goal(child, "z2"));
    assert!(matches!(e, StoreError::DuplicateCode(_)), "{e:?}");
    let e = refused(&mut store, update_goal(child, "mit leer"));
    assert!(matches!(e, StoreError::Invalid(_)), "{e:?}");
    apply(&mut store, update_goal(child, "1.X"));
    let updated = store.goal(child).unwrap().unwrap();
    assert_eq!((updated.parent, updated.position), (Some(z1), 1));
    let texts = [updated.code, updated.title, updated.description];
    assert_eq!(texts, ["1.X", "Neuer Titel", "Zeile 1\nZeile 2"]);
    // Changing only the case of its own code is fine.
    apply(&mut store, update_goal(child, "1.x"));
    assert_eq!(store.goal_by_code("1.X").unwrap().unwrap().id, child);
    assert_eq!(store.goals().unwrap().len(), 51);
    assert_eq!(store.check(), []);
    for _ in 0..5 {
        store.undo(USER).unwrap();
    }
    assert_eq!(store.goals().unwrap(), seeded);
}

#[test]
fn moving_goals_renumbers_siblings_and_refuses_cycles() {
    let (_dir, mut store) = fresh();
    let (z1, z4, g13) = (gid(&store, "Z1"), gid(&store, "Z4"), gid(&store, "1.3"));
    let before = store.goals().unwrap();
    apply(&mut store, move_goal(g13, Some(z4), 1));
    assert_eq!(
        child_codes(&store, Some(z1)),
        ["1.1", "1.2", "1.4", "1.5", "1.6"]
    );
    assert_eq!(
        child_codes(&store, Some(z4)),
        ["4.1", "1.3", "4.2", "4.3", "4.4", "4.5"]
    );
    // Within the same parent, to the end (clamped).
    apply(&mut store, move_goal(g13, Some(z4), 99));
    assert_eq!(
        child_codes(&store, Some(z4)),
        ["4.1", "4.2", "4.3", "4.4", "4.5", "1.3"]
    );
    // A subtree moves along with its root.
    let z1_kids = children(&store, Some(z1));
    apply(&mut store, move_goal(z1, Some(z4), 0));
    assert_eq!(
        child_codes(&store, None),
        ["Z2", "Z3", "Z4", "Z5", "Z6", "Z7", "Z8", "Z9"]
    );
    assert_eq!(child_codes(&store, Some(z4))[0], "Z1");
    assert_eq!(children(&store, Some(z1)), z1_kids);
    let g11 = gid(&store, "1.1");
    // Under itself, under its own child, and (Z1 now being inside Z4) Z4 under Z1's child.
    for (id, target) in [(z1, z1), (z1, g11), (z4, g11)] {
        let e = refused(&mut store, move_goal(id, Some(target), 0));
        assert!(matches!(e, StoreError::MoveIntoOwnSubtree(_)), "{e:?}");
    }
    assert_eq!(store.check(), []);
    for _ in 0..3 {
        store.undo(USER).unwrap();
    }
    assert_eq!(store.goals().unwrap(), before);
}

#[test]
fn deleting_goals_needs_force_and_undo_restores_everything() {
    let (_dir, mut store) = fresh();
    let (z1, z3, g13) = (gid(&store, "Z1"), gid(&store, "Z3"), gid(&store, "1.3"));
    let a = add_measure(&mut store, "A", &["1.3", "4.3"]);
    let b = add_measure(&mut store, "B", &["4.3", "Z1"]);
    let c = add_measure(&mut store, "C", &["1.5"]);
    let goals_before = store.goals().unwrap();
    let links_before = store.links().unwrap();

    let e = refused(&mut store, delete_goal(g13, false));
    assert_eq!(in_use(e), ("1.3".into(), 1, 0));
    let e = refused(&mut store, delete_goal(z3, false));
    assert_eq!(in_use(e), ("Z3".into(), 0, 6));
    let e = refused(&mut store, delete_goal(z1, false));
    assert_eq!(in_use(e), ("Z1".into(), 3, 6));
    assert_eq!(store.goals().unwrap(), goals_before);
    assert_eq!(store.links().unwrap(), links_before);

    // A goal without children or links goes without force; siblings close the gap.
    let g32 = gid(&store, "3.2");
    apply(&mut store, delete_goal(g32, false));
    assert_eq!(
        child_codes(&store, Some(z3)),
        ["3.1", "3.3", "3.4", "3.5", "3.6"]
    );
    store.undo(USER).unwrap();
    assert_eq!(store.goals().unwrap(), goals_before);

    apply(&mut store, delete_goal(z1, true));
    assert_eq!(store.goals().unwrap().len(), 41);
    assert!(store.goal_by_code("1.3").unwrap().is_none());
    assert_eq!(child_codes(&store, None)[0], "Z2");
    assert_eq!(measure_links(&store, a), ["4.3*"], "4.3 promoted");
    assert_eq!(measure_links(&store, b), ["4.3*"]);
    assert!(store.links_of_measure(c).unwrap().is_empty());
    assert!(store.links_of_goal(g13).unwrap().is_empty());
    assert!(store.links_of_goal(z1).unwrap().is_empty());
    assert_eq!(titles(&store), ["A", "B", "C"], "measures themselves stay");
    assert_eq!(store.check(), []);

    store.undo(USER).unwrap();
    assert_eq!(store.goals().unwrap(), goals_before);
    assert_eq!(store.links().unwrap(), links_before);
    assert_eq!(measure_links(&store, a), ["1.3*", "4.3"]);
    assert_eq!(store.check(), []);

    let mut store = reopen(store);
    store.redo(USER).unwrap();
    assert_eq!(store.goals().unwrap().len(), 41);
    assert_eq!(measure_links(&store, a), ["4.3*"]);
    store.undo(USER).unwrap();
    assert_eq!(store.goals().unwrap(), goals_before);
    assert_eq!(store.links().unwrap(), links_before);
}

#[test]
fn undo_redo_follow_a_linear_stack() {
    let (_dir, mut store) = fresh();
    assert!(matches!(store.undo(USER), Err(StoreError::NothingToUndo)));
    assert!(matches!(store.redo(USER), Err(StoreError::NothingToRedo)));
    assert!(!store.can_undo(USER).unwrap() && !store.can_redo(USER).unwrap());
    add_measure(&mut store, "A", &["1.1"]);
    add_measure(&mut store, "B", &["1.2"]);
    let c = add_measure(&mut store, "C", &["1.3"]);
    let g21 = gid(&store, "2.1");
    apply(&mut store, link(c, g21, true));
    apply(
        &mut store,
        Op::UpdateMeasure {
            measure: renamed(c, "C neu"),
        },
    );
    assert_eq!(measure_links(&store, c), ["2.1*", "1.3"]);

    store.undo(USER).unwrap();
    assert_eq!(titles(&store), ["A", "B", "C"]);
    store.undo(USER).unwrap();
    assert_eq!(measure_links(&store, c), ["1.3*"]);
    store.undo(USER).unwrap();
    assert_eq!(titles(&store), ["A", "B"]);
    assert!(store.can_redo(USER).unwrap());
    store.redo(USER).unwrap();
    assert_eq!(titles(&store), ["A", "B", "C"]);
    assert_eq!(
        measure_links(&store, c),
        ["1.3*"],
        "redo keeps id and links"
    );
    store.redo(USER).unwrap();
    assert_eq!(measure_links(&store, c), ["2.1*", "1.3"]);

    // A new change clears what could still be redone (the rename).
    add_measure(&mut store, "D", &[]);
    assert!(!store.can_redo(USER).unwrap());
    assert!(matches!(store.redo(USER), Err(StoreError::NothingToRedo)));
    assert_eq!(titles(&store), ["A", "B", "C", "D"]);
    for expected in [
        &["A", "B", "C"][..],
        &["A", "B", "C"],
        &["A", "B"],
        &["A"],
        &[],
    ] {
        store.undo(USER).unwrap();
        assert_eq!(titles(&store), expected);
    }
    assert!(matches!(store.undo(USER), Err(StoreError::NothingToUndo)));
    assert!(store.links().unwrap().is_empty());
    assert_eq!(store.goals().unwrap().len(), 48);
    assert_eq!(store.check(), []);
}

#[test]
fn undo_and_redo_survive_reopening() {
    let (_dir, mut store) = fresh();
    let a = add_measure(&mut store, "A", &["1.1"]);
    let b = add_measure(&mut store, "B", &["1.2"]);
    let mut store = reopen(store);
    store.undo(USER).unwrap();
    assert_eq!(store.measure(b).unwrap(), None);
    let mut store = reopen(store);
    assert!(store.can_redo(USER).unwrap());
    store.redo(USER).unwrap();
    assert_eq!(measure_links(&store, b), ["1.2*"]);
    let mut store = reopen(store);
    store.undo(USER).unwrap();
    store.undo(USER).unwrap();
    assert_eq!(store.measure(a).unwrap(), None);
    let mut store = reopen(store);
    assert!(matches!(store.undo(USER), Err(StoreError::NothingToUndo)));
    store.redo(USER).unwrap();
    store.redo(USER).unwrap();
    assert_eq!(titles(&store), ["A", "B"]);
    assert!(matches!(store.redo(USER), Err(StoreError::NothingToRedo)));
    assert_eq!(store.check(), []);
}

#[test]
fn history_records_user_and_kind() {
    let (_dir, mut store) = fresh();
    let first = store.apply(add_op(Measure::new("A"), vec![]), "alice");
    assert_eq!(first.unwrap().seq, 1);
    // Undo and redo are per user: bob and carol have nothing of their own to revert.
    assert!(matches!(store.undo("bob"), Err(StoreError::NothingToUndo)));
    assert_eq!(store.undo("alice").unwrap().seq, 2);
    assert!(matches!(
        store.redo("carol"),
        Err(StoreError::NothingToRedo)
    ));
    assert_eq!(store.redo("alice").unwrap().seq, 3);
    let store = reopen(store);
    let history = store.history(10).unwrap();
    let summary: Vec<(u64, &str, EntryKind)> = history
        .iter()
        .map(|e| (e.seq, e.user.as_str(), e.kind))
        .collect();
    assert_eq!(
        summary,
        [
            (3, "alice", EntryKind::Redo { of: 1 }),
            (2, "alice", EntryKind::Undo { of: 1 }),
            (1, "alice", EntryKind::Do),
        ]
    );
    let one = MeasureId(1);
    assert!(matches!(&history[2].op, Op::AddMeasure { measure, .. } if measure.id == one));
    assert_eq!(history[2].inverse, Op::DeleteMeasure { id: one });
    assert_eq!(history[1].op, Op::DeleteMeasure { id: one });
    assert!(history.iter().all(|e| e.time_ms > 1_700_000_000_000));
    assert_eq!(store.history(1).unwrap()[0].seq, 3);
}

#[test]
fn duplicate_code_check_covers_umlauts() {
    let (_dir, mut store) = fresh();
    add_goal(&mut store, None, "Ä1", 0);
    let e = refused(&mut store, new_goal(None, "ä1", 0));
    assert!(matches!(e, StoreError::DuplicateCode(_)), "{e:?}");
    assert_eq!(store.check(), []);
}

#[test]
fn goal_in_use_counts_distinct_measures() {
    let (_dir, mut store) = fresh();
    add_measure(&mut store, "A", &["1.3", "1.4"]);
    let z1 = gid(&store, "Z1");
    let e = refused(&mut store, delete_goal(z1, false));
    assert_eq!(in_use(e), ("Z1".into(), 1, 6));
}

#[test]
fn goal_code_refuses_bidi_controls() {
    let (_dir, mut store) = fresh();
    let mut op = new_goal(None, "Z\u{202e}1", 0);
    if let Op::AddGoal { goal } = &mut op {
        goal.title = "Sauberer Titel".into();
    }
    match refused(&mut store, op) {
        StoreError::Invalid(errors) => assert_eq!(errors[0].field, Field::Code, "{errors:?}"),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_labeled_batch_is_one_entry_that_keeps_its_label_through_undo_redo_and_reopen() {
    use quartier::i18n::Lang;
    use quartier::ops::{Label, history_message};
    let (_dir, mut store) = fresh();
    let existing = add_measure(&mut store, "Alt", &["1.1"]);
    let mut changed = store.measure(existing).unwrap().unwrap();
    changed.title = "Neu".into();
    let label = Label::Import {
        file: "massnahmen.csv".into(),
    };
    let applied = store
        .apply(
            Op::labeled(
                label.clone(),
                vec![
                    Op::AddMeasure {
                        measure: Measure::new("Sprachcafé"),
                        goals: vec![gid(&store, "1.2")],
                    },
                    Op::UpdateMeasure { measure: changed },
                ],
            ),
            USER,
        )
        .unwrap();
    let entry = store.entry(applied.seq).unwrap().unwrap();
    assert!(matches!(&entry.op, Op::Labeled { label: l, ops } if *l == label && ops.len() == 2));
    let said = |store: &quartier::store::Store, seq| history_message(store, seq, Lang::De).unwrap();
    assert_eq!(
        said(&store, applied.seq),
        "Import aus massnahmen.csv: 1 neu, 1 geändert"
    );
    let undone = store.undo(USER).unwrap();
    assert_eq!(store.measure(existing).unwrap().unwrap().title, "Alt");
    assert_eq!(store.measures().unwrap().len(), 1);
    assert_eq!(
        said(&store, undone.seq),
        "Import aus massnahmen.csv (1 neu, 1 geändert) rückgängig gemacht"
    );
    let mut store = reopen(store);
    let redone = store.redo(USER).unwrap();
    assert_eq!(store.measures().unwrap().len(), 2);
    assert_eq!(
        said(&store, redone.seq),
        "Import aus massnahmen.csv (1 neu, 1 geändert) wiederholt"
    );
    assert!(store.check().is_empty());
}

#[test]
fn the_history_head_is_the_newest_sequence_number_without_reading_the_entry() {
    let (_dir, mut store) = fresh();
    assert_eq!(store.history_head().unwrap(), 0);
    add_goal(&mut store, None, "Z10", u32::MAX);
    add_goal(&mut store, None, "Z11", u32::MAX);
    let newest = store.history(1).unwrap()[0].seq;
    assert_eq!(store.history_head().unwrap(), newest);
    store.undo(USER).unwrap();
    assert_eq!(
        store.history_head().unwrap(),
        newest + 1,
        "an undo is an entry too"
    );
}
