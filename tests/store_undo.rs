//! Undo and redo per actor on one store, as the shared server runs it: each actor's undo
//! reverts that actor's own newest change, never a colleague's, and asks before overwriting a
//! colleague's later change to the same record.

mod common;

use common::*;
use quartier::model::{Measure, MeasureId};
use quartier::ops::Op;
use quartier::store::{RecordName, Store, StoreError};

const ANNA: &str = "anna";
const BEN: &str = "ben (über qmbuero)";

fn retitle(store: &mut Store, actor: &str, id: MeasureId, title: &str) -> u64 {
    let measure = renamed(id, title);
    store
        .apply(Op::UpdateMeasure { measure }, actor)
        .expect("update")
        .seq
}

fn title(store: &Store, id: MeasureId) -> String {
    store.measure(id).unwrap().expect("measure").title
}

/// Two measures, added by a third user so neither anna nor ben has anything to undo yet.
fn two_measures() -> (tempfile::TempDir, Store, MeasureId, MeasureId) {
    let (dir, mut store) = fresh();
    let m1 = add_measure(&mut store, "Eins", &["1.1"]);
    let m2 = add_measure(&mut store, "Zwei", &["1.2"]);
    (dir, store, m1, m2)
}

#[test]
fn each_actor_undoes_and_redoes_only_their_own_changes() {
    let (_dir, mut store, m1, m2) = two_measures();
    assert!(!store.can_undo(ANNA).unwrap() && !store.can_undo(BEN).unwrap());
    retitle(&mut store, ANNA, m1, "Anna 1");
    retitle(&mut store, BEN, m2, "Ben 1");
    assert!(store.can_undo(ANNA).unwrap() && store.can_undo(BEN).unwrap());

    // Anna's undo skips Ben's newer change.
    store.undo(ANNA).unwrap();
    assert_eq!(
        (title(&store, m1), title(&store, m2)),
        ("Eins".into(), "Ben 1".into())
    );
    assert!(matches!(store.undo(ANNA), Err(StoreError::NothingToUndo)));
    assert!(store.can_redo(ANNA).unwrap() && !store.can_redo(BEN).unwrap());

    // Ben's new change does not take Anna's redo away; her redo is hers.
    retitle(&mut store, BEN, m2, "Ben 2");
    assert!(matches!(store.redo(BEN), Err(StoreError::NothingToRedo)));
    store.redo(ANNA).unwrap();
    assert_eq!(title(&store, m1), "Anna 1");

    // The stacks survive a restart.
    let mut store = reopen(store);
    store.undo(BEN).unwrap();
    assert_eq!(title(&store, m2), "Ben 1");
    store.undo(BEN).unwrap();
    assert_eq!(title(&store, m2), "Zwei");
    assert!(matches!(store.undo(BEN), Err(StoreError::NothingToUndo)));
    assert_eq!(
        title(&store, m1),
        "Anna 1",
        "Ben's undo never touches Anna's change"
    );
    store.undo(ANNA).unwrap();
    assert_eq!(title(&store, m1), "Eins");
    assert_eq!(store.check(), []);
}

#[test]
fn a_colleagues_later_change_of_the_same_measure_makes_undo_ask() {
    let (_dir, mut store, m1, _) = two_measures();
    retitle(&mut store, ANNA, m1, "Anna");
    let bens = retitle(&mut store, BEN, m1, "Ben");
    let head = store.history_head().unwrap();

    let refused = store.undo(ANNA).unwrap_err();
    let StoreError::ChangedSince {
        user,
        record,
        time_ms,
        redo,
    } = refused
    else {
        panic!("expected ChangedSince, got {refused:?}");
    };
    let bens_entry = store.entry(bens).unwrap().unwrap();
    assert_eq!(
        (user.as_str(), record, time_ms, redo),
        (BEN, RecordName::Measure(m1), bens_entry.time_ms, false)
    );
    assert_eq!(title(&store, m1), "Ben", "a refused undo changes nothing");
    assert_eq!(store.history_head().unwrap(), head, "and records nothing");
    assert!(store.can_undo(ANNA).unwrap());

    // Asked and answered: anna's undo overwrites ben's change.
    store.undo_anyway(ANNA).unwrap();
    assert_eq!(title(&store, m1), "Eins");
    // Ben's own undo is his to make; it asks too, since Anna changed the measure after him.
    assert!(matches!(
        store.undo(BEN),
        Err(StoreError::ChangedSince { ref user, .. }) if user == ANNA
    ));
    assert_eq!(store.check(), []);
}

#[test]
fn a_change_the_colleague_undid_again_does_not_make_undo_ask() {
    let (_dir, mut store, m1, m2) = two_measures();
    retitle(&mut store, ANNA, m1, "Anna");
    retitle(&mut store, BEN, m1, "Ben");
    store.undo(BEN).unwrap();
    // Another record changed by ben is no reason to ask either.
    retitle(&mut store, BEN, m2, "Ben 2");
    store
        .undo(ANNA)
        .expect("nothing of ben's is left on M-0001");
    assert_eq!(title(&store, m1), "Eins");
}

#[test]
fn redo_asks_when_a_colleague_changed_the_record_after_the_undo() {
    let (_dir, mut store, m1, _) = two_measures();
    retitle(&mut store, ANNA, m1, "Anna");
    store.undo(ANNA).unwrap();
    retitle(&mut store, BEN, m1, "Ben");
    assert!(matches!(
        store.redo(ANNA),
        Err(StoreError::ChangedSince { redo: true, ref user, .. }) if user == BEN
    ));
    assert_eq!(title(&store, m1), "Ben");
    store.redo_anyway(ANNA).unwrap();
    assert_eq!(title(&store, m1), "Anna");
}

#[test]
fn a_goal_changed_by_a_colleague_is_named_by_its_code() {
    let (_dir, mut store) = fresh();
    let g = gid(&store, "1.1");
    store.apply(update_goal(g, "1.1"), ANNA).unwrap();
    store
        .apply(move_goal(g, Some(gid(&store, "Z2")), 0), BEN)
        .unwrap();
    let refused = store.undo(ANNA).unwrap_err();
    assert!(
        matches!(&refused, StoreError::ChangedSince { record: RecordName::Goal(code), .. } if code == "1.1"),
        "{refused:?}"
    );
    let text = quartier::i18n::Localize::localize(&refused, quartier::i18n::Lang::De);
    assert!(
        text.starts_with("ben (über qmbuero) hat 1.1 danach geändert ("),
        "{text}"
    );
    assert!(
        text.ends_with("mit „quartier undo --force“ trotzdem rückgängig machen."),
        "{text}"
    );
}

#[test]
fn a_record_a_colleague_deleted_meanwhile_is_refused_even_with_force() {
    let (_dir, mut store, m1, _) = two_measures();
    retitle(&mut store, ANNA, m1, "Anna");
    store.apply(Op::DeleteMeasure { id: m1 }, BEN).unwrap();
    let head = store.history_head().unwrap();
    for result in [store.undo(ANNA), store.undo_anyway(ANNA)] {
        let error = result.unwrap_err();
        assert!(
            matches!(&error, StoreError::DeletedSince { user, record: RecordName::Measure(id), redo: false, .. } if user == BEN && *id == m1),
            "{error:?}"
        );
        let text = quartier::i18n::Localize::localize(&error, quartier::i18n::Lang::De);
        assert!(
            text.starts_with("ben (über qmbuero) hat M-0001 danach gelöscht ("),
            "{text}"
        );
        assert!(
            text.ends_with("lässt sich nicht mehr rückgängig machen."),
            "{text}"
        );
    }
    assert_eq!(store.history_head().unwrap(), head);
    assert!(store.measure(m1).unwrap().is_none());
    // Ben can still bring it back with his own undo.
    store.undo(BEN).unwrap();
    assert_eq!(title(&store, m1), "Anna");
    assert_eq!(store.check(), []);
}

#[test]
fn a_new_measure_added_by_anna_and_linked_by_ben_asks_before_it_is_removed() {
    let (_dir, mut store) = fresh();
    let added = store
        .apply(add_op(Measure::new("Neu"), vec![gid(&store, "1.1")]), ANNA)
        .unwrap();
    let id = match added.changes.first() {
        Some(quartier::ops::Change::MeasureAdded(id)) => *id,
        other => panic!("{other:?}"),
    };
    store
        .apply(link(id, gid(&store, "2.1"), false), BEN)
        .unwrap();
    assert!(matches!(
        store.undo(ANNA),
        Err(StoreError::ChangedSince { record: RecordName::Measure(m), .. }) if m == id
    ));
    store.undo_anyway(ANNA).unwrap();
    assert!(store.measure(id).unwrap().is_none());
    assert_eq!(store.check(), []);
}
