//! Seeding, measure round trips, links, deletion, id allocation and validation against a real
//! sled database.

mod common;

use common::*;
use quartier::model::{Field, Fund, GoalId, Measure, MeasureId, Problem, Status};
use quartier::ops::Op;
use quartier::store::{Link, Repository, StoreError, migrate::Prepared};

#[test]
fn new_database_is_seeded_once_with_48_goals() {
    let (_dir, store) = fresh();
    assert_eq!(store.prepared(), &Prepared::Seeded);
    let goals = store.goals().unwrap();
    assert_eq!(goals.len(), 48);
    assert_eq!(
        child_codes(&store, None),
        ["Z1", "Z2", "Z3", "Z4", "Z5", "Z6", "Z7", "Z8", "Z9"]
    );
    let per_parent = [6, 3, 6, 5, 4, 4, 4, 3, 4];
    for (n, count) in (1..=9).zip(per_parent) {
        let kids = child_codes(&store, Some(gid(&store, &format!("Z{n}"))));
        let expected: Vec<String> = (1..=count).map(|i| format!("{n}.{i}")).collect();
        assert_eq!(kids, expected, "children of Z{n}");
    }
    assert_eq!(goals.iter().filter(|g| g.parent.is_some()).count(), 39);
    let z1 = store.goal_by_code("z1").unwrap().unwrap();
    assert_eq!(z1.title, "Mehr Chancen auf dem Arbeitsmarkt");
    let g13 = store.goal_by_code("1.3").unwrap().unwrap();
    assert_eq!(g13.parent, Some(z1.id));
    assert_eq!(g13.title, "Verbesserung der Ausbildung für Jugendliche");
    // Tree order: each top-level goal directly followed by its children.
    let order: Vec<&str> = goals.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(
        order[..8],
        ["Z1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "Z2"]
    );
    let mut ids: Vec<u64> = goals.iter().map(|g| g.id.0).collect();
    ids.sort();
    assert_eq!(ids, (1..=48).collect::<Vec<_>>());

    let mut store = reopen(store);
    assert_eq!(store.prepared(), &Prepared::Current);
    assert_eq!(store.goals().unwrap(), goals);
    assert!(store.history(10).unwrap().is_empty());
    assert_eq!(store.check(), []);
    let applied = store.apply(new_goal(None, "Z10", 99), USER).unwrap();
    assert_eq!(applied.added_goal(), Some(GoalId(49)), "ids 1-48 taken");
}

#[test]
fn every_measure_field_round_trips_and_survives_reopen() {
    let (_dir, mut store) = fresh();
    let op = add_op(full_measure(), vec![gid(&store, "1.3")]);
    let id = store.apply(op, USER).unwrap().added_measure().unwrap();
    let expected = Measure {
        id,
        ..full_measure()
    };
    assert_eq!(store.measure(id).unwrap().as_ref(), Some(&expected));
    assert_eq!(store.measures().unwrap(), std::slice::from_ref(&expected));

    let mut store = reopen(store);
    let back = store.measure(id).unwrap().expect("measure after reopen");
    assert_eq!(back, expected);
    assert_eq!(back.indicators[0].actual, Some(12.25));
    assert_eq!(back.indicators[1].actual, None);

    // An update replaces every field, including clearing optional ones.
    let cleared = Measure {
        fund: Some(Fund::Other),
        status: Status::Abgebrochen,
        contact: String::new(),
        indicators: vec![indicator("Neu", 1.0, 2.0, Some(3.0))],
        ..Measure::new("Nur Titel")
    };
    let cleared = Measure { id, ..cleared };
    apply(
        &mut store,
        Op::UpdateMeasure {
            measure: cleared.clone(),
        },
    );
    let store = reopen(store);
    assert_eq!(store.measure(id).unwrap(), Some(cleared));
    assert_eq!(measure_links(&store, id), ["1.3*"]);
}

#[test]
fn links_work_in_both_directions_with_one_primary() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezfest", &["1.3", "4.3"]);
    let (g13, g43, g52) = (gid(&store, "1.3"), gid(&store, "4.3"), gid(&store, "5.2"));
    assert_eq!(measure_links(&store, m), ["1.3*", "4.3"]);
    let on_43 = store.links_of_goal(g43).unwrap();
    assert_eq!(
        on_43,
        [Link {
            measure: m,
            goal: g43,
            primary: false
        }]
    );
    let of_13: Vec<String> = store
        .links_of_goal(g13)
        .unwrap()
        .into_iter()
        .map(|l| store.measure(l.measure).unwrap().unwrap().title)
        .collect();
    assert_eq!(of_13, ["Kiezfest"]);
    assert!(store.links_of_goal(g52).unwrap().is_empty());

    apply(&mut store, link(m, g52, false));
    assert_eq!(measure_links(&store, m), ["1.3*", "4.3", "5.2"]);
    assert_links_consistent(&store, m);
    let e = refused(&mut store, link(m, g52, true));
    assert!(matches!(e, StoreError::AlreadyLinked { .. }), "{e:?}");

    apply(
        &mut store,
        Op::SetPrimary {
            measure: m,
            goal: g43,
        },
    );
    assert_eq!(measure_links(&store, m), ["4.3*", "1.3", "5.2"]);
    assert_links_consistent(&store, m);
    assert!(store.links_of_goal(g43).unwrap()[0].primary);
    assert!(!store.links_of_goal(g13).unwrap()[0].primary);

    // Unlinking the primary promotes another link.
    apply(&mut store, unlink(m, g43));
    assert!(store.links_of_goal(g43).unwrap().is_empty());
    assert_eq!(measure_links(&store, m), ["1.3*", "5.2"]);
    assert_links_consistent(&store, m);
    // Link with primary:true demotes the old primary.
    apply(&mut store, link(m, g43, true));
    assert_eq!(measure_links(&store, m), ["4.3*", "1.3", "5.2"]);
    assert_links_consistent(&store, m);
    for _ in 0..2 {
        store.undo(USER).unwrap();
    }
    assert_eq!(
        measure_links(&store, m),
        ["4.3*", "1.3", "5.2"],
        "undo restores the primary"
    );

    let other = add_measure(&mut store, "Ohne Ziel", &[]);
    assert!(store.links_of_measure(other).unwrap().is_empty());
    apply(&mut store, link(other, g52, false));
    assert_eq!(
        measure_links(&store, other),
        ["5.2*"],
        "a first link is always primary"
    );
    let e = refused(&mut store, unlink(other, g13));
    assert!(matches!(e, StoreError::NotLinked { .. }), "{e:?}");
    assert_eq!(store.links().unwrap().len(), 4);
}

#[test]
fn delete_measure_removes_it_and_all_its_links() {
    let (_dir, mut store) = fresh();
    let keep = add_measure(&mut store, "Bleibt", &["4.3"]);
    let gone = add_measure(&mut store, "Geht", &["1.3", "4.3", "9.2"]);
    let (g13, g43, g92) = (gid(&store, "1.3"), gid(&store, "4.3"), gid(&store, "9.2"));
    apply(
        &mut store,
        Op::SetPrimary {
            measure: gone,
            goal: g92,
        },
    );
    assert_eq!(store.links_of_goal(g43).unwrap().len(), 2);
    apply(&mut store, Op::DeleteMeasure { id: gone });
    assert_eq!(store.measure(gone).unwrap(), None);
    assert!(store.links_of_measure(gone).unwrap().is_empty());
    assert!(store.links_of_goal(g13).unwrap().is_empty());
    assert!(store.links_of_goal(g92).unwrap().is_empty());
    let on_43: Vec<MeasureId> = store
        .links_of_goal(g43)
        .unwrap()
        .iter()
        .map(|l| l.measure)
        .collect();
    assert_eq!(on_43, [keep]);
    assert!(store.links().unwrap().iter().all(|l| l.measure == keep));
    assert_eq!(store.check(), []);
    let e = refused(&mut store, Op::DeleteMeasure { id: gone });
    assert!(
        matches!(e, StoreError::MeasureNotFound(id) if id == gone),
        "{e:?}"
    );

    store.undo(USER).unwrap();
    assert_eq!(store.measure(gone).unwrap().unwrap().title, "Geht");
    assert_eq!(measure_links(&store, gone), ["9.2*", "1.3", "4.3"]);
    assert_eq!(store.check(), []);
}

#[test]
fn measure_ids_are_never_reused() {
    let (_dir, mut store) = fresh();
    let ids: Vec<MeasureId> = (0..3)
        .map(|i| add_measure(&mut store, &format!("M{i}"), &["1.1"]))
        .collect();
    assert_eq!(ids, [MeasureId(1), MeasureId(2), MeasureId(3)]);
    apply(&mut store, Op::DeleteMeasure { id: MeasureId(3) });
    assert_eq!(add_measure(&mut store, "M4", &[]), MeasureId(4));
    apply(&mut store, Op::DeleteMeasure { id: MeasureId(4) });
    let mut store = reopen(store);
    assert_eq!(add_measure(&mut store, "M5", &[]), MeasureId(5));
    store.undo(USER).unwrap();
    let mut store = reopen(store);
    assert_eq!(add_measure(&mut store, "M6", &[]), MeasureId(6));
    let e = refused(&mut store, add_op(renamed(MeasureId(2), "x"), vec![]));
    assert!(matches!(e, StoreError::MeasureExists(_)), "{e:?}");
}

#[test]
fn invalid_measure_leaves_database_unchanged() {
    let (_dir, mut store) = fresh();
    let mut bad = Measure::new("Zeitreise");
    bad.start = date(2026, 6, 1);
    bad.end = date(2026, 5, 31);
    let op = add_op(bad, vec![gid(&store, "1.1")]);
    match refused(&mut store, op) {
        StoreError::Invalid(errors) => {
            let end = errors
                .iter()
                .find(|e| e.field == Field::End)
                .expect("End error");
            assert_eq!(end.problem, Problem::EndBeforeStart);
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let e = refused(&mut store, add_op(Measure::new("x"), vec![GoalId(999)]));
    assert!(matches!(e, StoreError::GoalNotFound(_)), "{e:?}");
    assert!(store.measures().unwrap().is_empty());
    assert!(store.links().unwrap().is_empty());
    assert!(store.history(10).unwrap().is_empty());
    assert!(!store.can_undo(USER).unwrap());
    assert_eq!(add_measure(&mut store, "Erste", &[]), MeasureId(1));
}

#[test]
fn batch_is_one_atomic_history_entry() {
    let (_dir, mut store) = fresh();
    let before = add_measure(&mut store, "Vorher", &["2.1"]);
    let g11 = gid(&store, "1.1");
    let add = |title: &str| add_op(Measure::new(title), vec![g11]);
    let rename = Op::UpdateMeasure {
        measure: renamed(before, "Geändert"),
    };
    let ops = vec![add("Teil eins"), rename.clone(), add("")];
    let e = refused(&mut store, Op::Batch { ops });
    assert!(matches!(e, StoreError::Invalid(_)), "{e:?}");
    assert_eq!(titles(&store), ["Vorher"]);
    assert!(store.links_of_goal(g11).unwrap().is_empty());
    assert_eq!(store.history(10).unwrap().len(), 1);
    let mut store = reopen(store);
    assert_eq!(titles(&store), ["Vorher"]);

    let ops = vec![add("Zwei"), rename, add("Drei")];
    let applied = store.apply(Op::Batch { ops }, USER).unwrap();
    assert_eq!(applied.added_measure(), Some(MeasureId(2)));
    assert_eq!(titles(&store), ["Geändert", "Zwei", "Drei"]);
    assert_eq!(store.links_of_goal(g11).unwrap().len(), 2);
    store.undo(USER).unwrap();
    assert_eq!(titles(&store), ["Vorher"], "one undo reverts it all");
    assert!(store.links_of_goal(g11).unwrap().is_empty());
    assert_eq!(add_measure(&mut store, "Danach", &[]), MeasureId(4));
    assert_eq!(store.check(), []);
}
