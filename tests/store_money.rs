//! Money over time (issue 14) on a real sled database: pots, plans and payments round-trip,
//! survive reopening, undo and redo; deleting a measure takes its plan and payments along and
//! its undo brings them back; the rules are checked, also through the server.

mod common;

use std::path::Path;

use common::{USER, add_measure, date, fresh, reopen};
use quartier::model::{Cents, Field, Fund, MeasureId, Payment, PaymentId, PaymentKind, Plan, Pot};
use quartier::ops::{Change, Op, Record};
use quartier::store::keys::TreeName;
use quartier::store::{Inconsistency, Repository, Store, StoreError, codec};

fn pot(fund: Fund, year: i32, euro: i64) -> Pot {
    Pot {
        fund,
        year,
        amount: Cents(euro * 100),
        note: String::new(),
    }
}

fn plan(years: &[(i32, i64)]) -> Plan {
    Plan(
        years
            .iter()
            .map(|&(y, euro)| (y, Cents(euro * 100)))
            .collect(),
    )
}

fn payment(measure: MeasureId, euro: i64, kind: PaymentKind) -> Payment {
    Payment {
        id: PaymentId(0),
        measure,
        date: date(2026, 3, 15).unwrap(),
        amount: Cents(euro * 100),
        kind,
        reference: "MA-2026-17".into(),
        note: "erste Rate".into(),
    }
}

fn add_payment(store: &mut Store, payment: Payment) -> PaymentId {
    let applied = store.apply(Op::AddPayment { payment }, USER).unwrap();
    applied.added_payment().expect("payment id")
}

fn ids_of(store: &Store, measure: MeasureId) -> Vec<u64> {
    (store.payments_of(measure).unwrap().into_iter())
        .map(|(_, p)| p.id.0)
        .collect()
}

#[test]
fn pots_plans_and_payments_round_trip_and_survive_reopening() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let mut aktion = pot(Fund::Aktionsfonds, 2026, 10_000);
    aktion.note = "Senatsschreiben vom 12.01.2026".into();
    let applied = store
        .apply(
            Op::SetPot {
                pot: aktion.clone(),
            },
            USER,
        )
        .unwrap();
    assert_eq!(
        applied.changes,
        [Change::PotSet {
            fund: Fund::Aktionsfonds,
            year: 2026
        }]
    );
    store
        .apply(
            Op::SetPot {
                pot: pot(Fund::Baufonds, 2025, 0),
            },
            USER,
        )
        .unwrap();
    let split = plan(&[(2026, 40_000), (2027, 40_000)]);
    store
        .apply(
            Op::SetPlan {
                measure: m,
                plan: split.clone(),
            },
            USER,
        )
        .unwrap();
    let first = add_payment(&mut store, payment(m, 20_000, PaymentKind::Auszahlung));
    let second = add_payment(&mut store, payment(m, 500, PaymentKind::Rueckforderung));
    assert_eq!((first, second), (PaymentId(1), PaymentId(2)));

    let store = reopen(store);
    assert_eq!(
        store.pots().unwrap(),
        [aktion.clone(), pot(Fund::Baufonds, 2025, 0)]
    );
    assert_eq!(
        store.pot(Fund::Aktionsfonds, 2026).unwrap(),
        Some((1, aktion))
    );
    assert_eq!(store.plan(m).unwrap(), Some((1, split.clone())));
    assert_eq!(store.plans().unwrap(), [(m, split)]);
    let (revision, read) = store.payment(first).unwrap().unwrap();
    assert_eq!(revision, 1);
    assert_eq!(
        read,
        Payment {
            id: first,
            ..payment(m, 20_000, PaymentKind::Auszahlung)
        }
    );
    assert_eq!(ids_of(&store, m), [1, 2]);
    assert_eq!(store.payments().unwrap().len(), 2);
    assert_eq!(store.check(), []);
}

#[test]
fn every_money_op_is_undone_and_redone() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let other = add_measure(&mut store, "Hoffest", &["1.1"]);
    store
        .apply(
            Op::SetPot {
                pot: pot(Fund::Aktionsfonds, 2026, 10_000),
            },
            USER,
        )
        .unwrap();
    // Setting a pot again replaces it; undo brings back the old amount, redo the new one.
    let again = pot(Fund::Aktionsfonds, 2026, 12_000);
    store
        .apply(Op::SetPot { pot: again.clone() }, USER)
        .unwrap();
    assert_eq!(store.pot(Fund::Aktionsfonds, 2026).unwrap().unwrap().0, 2);
    store.undo(USER).unwrap();
    assert_eq!(
        store.pots().unwrap(),
        [pot(Fund::Aktionsfonds, 2026, 10_000)]
    );
    store.redo(USER).unwrap();
    assert_eq!(store.pots().unwrap(), std::slice::from_ref(&again));
    store
        .apply(
            Op::RemovePot {
                fund: Fund::Aktionsfonds,
                year: 2026,
            },
            USER,
        )
        .unwrap();
    assert_eq!(store.pots().unwrap(), []);
    store.undo(USER).unwrap();
    assert_eq!(store.pots().unwrap(), [again]);

    let split = plan(&[(2026, 1_000)]);
    let set = |plan: Plan| Op::SetPlan { measure: m, plan };
    store.apply(set(split.clone()), USER).unwrap();
    store.apply(set(Plan::default()), USER).unwrap();
    assert_eq!(store.plan(m).unwrap(), None);
    store.undo(USER).unwrap();
    assert_eq!(store.plan(m).unwrap().map(|(_, p)| p), Some(split));
    store.undo(USER).unwrap();
    assert_eq!(store.plan(m).unwrap(), None);

    let id = add_payment(&mut store, payment(m, 100, PaymentKind::Mittelabruf));
    let moved = Payment {
        id,
        measure: other,
        amount: Cents(20_000),
        ..payment(m, 100, PaymentKind::Auszahlung)
    };
    store
        .apply(
            Op::UpdatePayment {
                payment: moved.clone(),
            },
            USER,
        )
        .unwrap();
    assert_eq!(
        (ids_of(&store, m), ids_of(&store, other)),
        (vec![], vec![1])
    );
    store.undo(USER).unwrap();
    assert_eq!(
        (ids_of(&store, m), ids_of(&store, other)),
        (vec![1], vec![])
    );
    assert_eq!(store.payment(id).unwrap().unwrap().1.amount, Cents(10_000));
    store.redo(USER).unwrap();
    assert_eq!(store.payment(id).unwrap().unwrap().1, moved);
    store
        .apply(Op::RemovePayment { measure: other, id }, USER)
        .unwrap();
    assert_eq!(store.payments().unwrap(), []);
    store.undo(USER).unwrap();
    assert_eq!(store.payments().unwrap(), [moved]);
    store.undo(USER).unwrap();
    store.undo(USER).unwrap();
    assert_eq!(store.payments().unwrap(), []);
    assert_eq!(store.check(), []);
    // Ids are never reused: the next payment gets 2, even after the undo of 1's add.
    assert_eq!(
        add_payment(&mut store, payment(m, 1, PaymentKind::Auszahlung)),
        PaymentId(2)
    );
}

#[test]
fn deleting_a_measure_takes_its_plan_and_payments_and_undo_brings_them_back() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1", "2.1"]);
    let keep = add_measure(&mut store, "Hoffest", &["1.1"]);
    let split = plan(&[(2026, 40_000), (2027, 40_000)]);
    let set = Op::SetPlan {
        measure: m,
        plan: split.clone(),
    };
    store.apply(set, USER).unwrap();
    add_payment(&mut store, payment(m, 20_000, PaymentKind::Auszahlung));
    add_payment(&mut store, payment(keep, 300, PaymentKind::Auszahlung));
    add_payment(&mut store, payment(m, 100, PaymentKind::Rueckforderung));
    let before = store.payments().unwrap();

    let applied = store.apply(Op::DeleteMeasure { id: m }, USER).unwrap();
    assert!(applied.changes.contains(&Change::MeasureDeleted(m)));
    assert!(applied.changes.contains(&Change::PaymentRemoved {
        measure: m,
        id: PaymentId(3)
    }));
    assert_eq!(store.plan(m).unwrap(), None);
    assert_eq!(ids_of(&store, m), Vec::<u64>::new());
    assert_eq!(ids_of(&store, keep), [2]);
    assert_eq!(store.check(), []);

    let mut store = reopen(store);
    store.undo(USER).unwrap();
    assert_eq!(store.plan(m).unwrap().map(|(_, p)| p), Some(split));
    assert_eq!(store.payments().unwrap(), before);
    assert_eq!(common::measure_links(&store, m).len(), 2);
    assert_eq!(store.check(), []);
    store.redo(USER).unwrap();
    assert_eq!(store.payments().unwrap().len(), 1);
    assert_eq!(store.check(), []);
}

#[test]
fn refused_money_ops_change_nothing_and_name_what_is_wrong() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let head = store.history(1).unwrap()[0].seq;
    let missing = MeasureId(99);
    let refused = [
        Op::AddPayment {
            payment: payment(missing, 1, PaymentKind::Auszahlung),
        },
        Op::SetPlan {
            measure: missing,
            plan: plan(&[(2026, 1)]),
        },
    ];
    for op in refused {
        assert!(matches!(
            store.apply(op, USER),
            Err(StoreError::MeasureNotFound(id)) if id == missing
        ));
    }
    match store.apply(
        Op::SetPot {
            pot: pot(Fund::Aktionsfonds, 1850, 1),
        },
        USER,
    ) {
        Err(StoreError::Invalid(errors)) => assert_eq!(errors[0].field, Field::Year),
        other => panic!("expected invalid, got {other:?}"),
    }
    let id = add_payment(&mut store, payment(m, 1, PaymentKind::Auszahlung));
    let other = add_measure(&mut store, "Hoffest", &["1.1"]);
    // A payment is removed only from its own measure.
    assert!(matches!(
        store.apply(Op::RemovePayment { measure: other, id }, USER),
        Err(StoreError::NotFound(Record::Payment(gone))) if gone == id
    ));
    let no_pot = Op::RemovePot {
        fund: Fund::Baufonds,
        year: 2026,
    };
    assert!(matches!(
        store.apply(no_pot, USER),
        Err(StoreError::NotFound(Record::Pot { .. }))
    ));
    let taken = Payment {
        id,
        ..payment(m, 5, PaymentKind::Auszahlung)
    };
    assert!(matches!(
        store.apply(Op::AddPayment { payment: taken }, USER),
        Err(StoreError::Exists(Record::Payment(_)))
    ));
    assert_eq!(store.history(10).unwrap().len() as u64, head + 2);
    assert_eq!(store.payments().unwrap().len(), 1);
}

#[test]
fn an_edit_of_a_payment_expects_its_revision() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let id = add_payment(&mut store, payment(m, 1, PaymentKind::Auszahlung));
    let changed = |euro: i64| Payment {
        id,
        amount: Cents(euro * 100),
        ..payment(m, 1, PaymentKind::Auszahlung)
    };
    store
        .apply(
            Op::UpdatePayment {
                payment: changed(2),
            },
            "ben",
        )
        .unwrap();
    let stale = Op::UpdatePayment {
        payment: changed(3),
    }
    .expecting(Record::Payment(id), 1);
    assert!(matches!(
        store.apply(stale, "anna"),
        Err(StoreError::Conflict {
            expected: 1,
            found: 2,
            ..
        })
    ));
    let fresh_edit = Op::UpdatePayment {
        payment: changed(4),
    }
    .expecting(Record::Payment(id), 2);
    store.apply(fresh_edit, "anna").unwrap();
    assert_eq!(store.payment(id).unwrap().unwrap(), (3, changed(4)));
    // Anna's undo would overwrite nothing of Ben's; Ben's undo is refused over Anna's change
    // to the same measure's payment.
    assert!(matches!(
        store.undo("ben"),
        Err(StoreError::ChangedSince { .. })
    ));
}

#[test]
fn check_finds_payments_and_plans_of_missing_measures_and_a_broken_index() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    add_payment(&mut store, payment(m, 1, PaymentKind::Auszahlung));
    let orphan = Payment {
        id: PaymentId(7),
        ..payment(MeasureId(42), 1, PaymentKind::Auszahlung)
    };
    let bytes = codec::encode(1, &(1u64, &orphan));
    store
        .raw_insert(TreeName::Payments, &7u64.to_be_bytes(), &bytes)
        .unwrap();
    let plan_bytes = codec::encode(1, &(1u64, plan(&[(2026, 1)])));
    store
        .raw_insert(TreeName::Plans, &42u64.to_be_bytes(), &plan_bytes)
        .unwrap();
    let problems = store.check();
    assert!(problems.contains(&Inconsistency::OfMissingMeasure {
        record: Record::Payment(PaymentId(7)),
        measure: 42
    }));
    assert!(problems.contains(&Inconsistency::OfMissingMeasure {
        record: Record::Plan(MeasureId(42)),
        measure: 42
    }));
    assert!(problems.contains(&Inconsistency::PaymentIndexMismatch {
        measure: 42,
        payment: 7
    }));
    assert!(problems.contains(&Inconsistency::CounterBehind {
        counter: "next_payment_id"
    }));
}

#[test]
fn money_crosses_the_socket_with_undo_and_errors_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let program = Path::new(env!("CARGO_BIN_EXE_quartier"));
    let hello = quartier::net::protocol::Hello {
        display_name: None,
        purpose: "test".into(),
        lang: "de".into(),
    };
    let mut client = quartier::net::connect(&db, hello, Some(program)).expect("connect");
    let goal = client.goal_by_code("1.1").unwrap().unwrap();
    let add = Op::AddMeasure {
        measure: quartier::model::Measure::new("Kiezküche"),
        goals: vec![goal.id],
    };
    let m = client.apply(add, "").unwrap().added_measure().unwrap();
    let aktion = pot(Fund::Aktionsfonds, 2026, 10_000);
    client
        .apply(
            Op::SetPot {
                pot: aktion.clone(),
            },
            "",
        )
        .unwrap();
    let split = plan(&[(2026, 40_000), (2027, 40_000)]);
    let set = Op::SetPlan {
        measure: m,
        plan: split.clone(),
    };
    client.apply(set, "").unwrap();
    let applied = client
        .apply(
            Op::AddPayment {
                payment: payment(m, 20_000, PaymentKind::Auszahlung),
            },
            "",
        )
        .unwrap();
    let id = applied.added_payment().unwrap();
    assert_eq!(client.pots().unwrap(), std::slice::from_ref(&aktion));
    assert_eq!(
        client.pot(Fund::Aktionsfonds, 2026).unwrap(),
        Some((1, aktion))
    );
    assert_eq!(client.plan(m).unwrap(), Some((1, split.clone())));
    assert_eq!(client.plans().unwrap(), [(m, split.clone())]);
    let start = quartier::model::MeasureId(0);
    assert_eq!(client.plans_after(start, 5).unwrap(), [(m, split)]);
    assert_eq!(client.plans_after(m, 5).unwrap(), []);
    assert_eq!(client.payments_of(m).unwrap()[0].1.id, id);
    assert_eq!(
        client.payment(id).unwrap().unwrap().1.amount,
        Cents(2_000_000)
    );
    assert_eq!(client.payments().unwrap().len(), 1);
    // A second payment: the pages of every payment, through the socket.
    let second = Op::AddPayment {
        payment: payment(m, 500, PaymentKind::Mittelabruf),
    };
    let second = client.apply(second, "").unwrap().added_payment().unwrap();
    let ids = |page: Vec<quartier::model::Payment>| page.iter().map(|p| p.id).collect::<Vec<_>>();
    let none = quartier::model::PaymentId(0);
    assert_eq!(ids(client.payments_after(none, 1).unwrap()), [id]);
    assert_eq!(ids(client.payments_after(id, 1).unwrap()), [second]);
    assert_eq!(ids(client.payments_after(none, 10).unwrap()), [id, second]);
    assert!(client.payments_after(second, 10).unwrap().is_empty());
    client.undo("").unwrap();
    client.undo("").unwrap();
    assert_eq!(client.payments().unwrap(), []);
    assert!(matches!(
        client.apply(Op::RemovePayment { measure: m, id }, ""),
        Err(StoreError::NotFound(Record::Payment(gone))) if gone == id
    ));
    assert!(client.check().is_empty());
    client.stop().unwrap();
}

#[test]
fn undo_of_a_pot_is_refused_over_a_colleagues_later_change_to_it() {
    let (_dir, mut store) = fresh();
    let set = |euro| Op::SetPot {
        pot: pot(Fund::Aktionsfonds, 2026, euro),
    };
    store.apply(set(10_000), "anna").unwrap();
    store.apply(set(12_000), "ben").unwrap();
    match store.undo("anna") {
        Err(StoreError::ChangedSince { user, record, .. }) => {
            assert_eq!(user, "ben");
            assert_eq!(record.to_string(), "Aktionsfonds 2026");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        store.pots().unwrap(),
        [pot(Fund::Aktionsfonds, 2026, 12_000)]
    );
    // Another fund's pot is no one else's business.
    let other = Op::SetPot {
        pot: pot(Fund::Baufonds, 2026, 1),
    };
    store.apply(other, "anna").unwrap();
    store.apply(set(13_000), "ben").unwrap();
    store.undo("anna").unwrap();
    assert_eq!(store.pots().unwrap().len(), 1);
    store.undo_anyway("anna").unwrap();
    assert_eq!(store.pots().unwrap(), []);
}
