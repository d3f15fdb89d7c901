//! The money records of the schema-4 fixture (issue 14): two pots (one set twice), two plans,
//! payments of every kind, one changed and one removed.

use quartier::model::{Cents, Fund, MeasureId, Payment, PaymentId, PaymentKind, Plan, Pot};
use quartier::ops::Op;
use quartier::store::{Repository, Store};

use crate::common::date;

/// The schema that first stored money.
pub const SINCE: u64 = 4;

/// How many history entries [`ops`] writes.
pub const OPS: usize = 11;

fn pot(fund: Fund, year: i32, euro: i64, note: &str) -> Pot {
    Pot {
        fund,
        year,
        amount: Cents(euro * 100),
        note: note.into(),
    }
}

fn payment(id: u64, measure: u64, day: (i32, u32, u32), cents: i64, kind: PaymentKind) -> Payment {
    Payment {
        id: PaymentId(id),
        measure: MeasureId(measure),
        date: date(day.0, day.1, day.2).unwrap(),
        amount: Cents(cents),
        kind,
        reference: format!("MA-{id}"),
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

/// The pots as stored, by fund and year.
pub fn pots() -> Vec<Pot> {
    vec![
        pot(
            Fund::Aktionsfonds,
            2026,
            10_500,
            "Senatsschreiben vom 12.01.2026",
        ),
        pot(Fund::Projektfonds, 2026, 80_000, ""),
    ]
}

/// The plans as stored, by measure.
pub fn plans() -> Vec<(MeasureId, Plan)> {
    vec![
        (
            MeasureId(3),
            plan(&[
                (2024, 20_000),
                (2025, 30_000),
                (2026, 30_000),
                (2027, 7_500),
            ]),
        ),
        (MeasureId(4), plan(&[(2026, 30_000), (2027, 20_000)])),
    ]
}

/// The payments as stored, by id (4 was removed).
pub fn payments() -> Vec<Payment> {
    let mut first = payment(1, 1, (2026, 3, 15), 600_000, PaymentKind::Auszahlung);
    first.note = "erste Rate\u{a0}– geändert".into();
    let mut third = payment(3, 3, (2025, 7, 1), 100_050, PaymentKind::Rueckforderung);
    third.reference = String::new();
    vec![
        first,
        payment(2, 3, (2024, 6, 1), 2_000_000, PaymentKind::Mittelabruf),
        third,
    ]
}

/// The ops that write them, each one history entry.
pub fn ops() -> Vec<Op> {
    let [first, second, third] = <[Payment; 3]>::try_from(payments()).unwrap();
    let new = |p: &Payment| Payment {
        id: PaymentId(0),
        ..p.clone()
    };
    let [aktion, projekt] = <[Pot; 2]>::try_from(pots()).unwrap();
    let [(m3, plan3), (m4, plan4)] = <[(MeasureId, Plan); 2]>::try_from(plans()).unwrap();
    vec![
        Op::SetPot {
            pot: Pot {
                amount: Cents(1_000_000),
                ..aktion.clone()
            },
        },
        Op::SetPot { pot: projekt },
        Op::SetPot { pot: aktion },
        Op::SetPlan {
            measure: m3,
            plan: plan3,
        },
        Op::SetPlan {
            measure: m4,
            plan: plan4,
        },
        Op::AddPayment {
            payment: Payment {
                amount: Cents(500_000),
                note: String::new(),
                ..new(&first)
            },
        },
        Op::AddPayment {
            payment: new(&second),
        },
        Op::AddPayment {
            payment: new(&third),
        },
        Op::AddPayment {
            payment: payment(0, 2, (2025, 6, 30), 120_000, PaymentKind::Auszahlung),
        },
        Op::UpdatePayment { payment: first },
        Op::RemovePayment {
            measure: MeasureId(2),
            id: PaymentId(4),
        },
    ]
}

/// Checks the money records of a fixture of `schema`: as written for schema 4 and later,
/// none at all before (the migration adds nothing).
pub fn check(store: &Store, schema: u64) {
    if schema < SINCE {
        assert_eq!(store.pots().unwrap(), []);
        assert_eq!(store.plans().unwrap(), []);
        assert_eq!(store.payments().unwrap(), []);
        return;
    }
    assert_eq!(store.pots().unwrap(), pots());
    assert_eq!(store.plans().unwrap(), plans());
    assert_eq!(store.payments().unwrap(), payments());
    // Revisions: the Aktionsfonds pot and payment 1 were written twice.
    assert_eq!(store.pot(Fund::Aktionsfonds, 2026).unwrap().unwrap().0, 2);
    assert_eq!(store.pot(Fund::Projektfonds, 2026).unwrap().unwrap().0, 1);
    assert_eq!(store.plan(MeasureId(3)).unwrap().unwrap().0, 1);
    assert_eq!(store.payment(PaymentId(1)).unwrap().unwrap().0, 2);
    assert_eq!(store.payment(PaymentId(4)).unwrap(), None);
    let of_3: Vec<u64> = (store.payments_of(MeasureId(3)).unwrap().into_iter())
        .map(|(_, p)| p.id.0)
        .collect();
    assert_eq!(of_3, [2, 3]);
    assert_eq!(store.payments_of(MeasureId(2)).unwrap(), []);
}
