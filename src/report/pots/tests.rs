//! The money figures of issue 14's "How it is checked".

use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;
use crate::model::{PaymentId, PaymentKind, Status};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn measure(id: u64, fund: Fund, euro: i64, start: NaiveDate, end: NaiveDate) -> Measure {
    Measure {
        id: MeasureId(id),
        fund: Some(fund),
        approved: Some(Cents(euro * 100)),
        start: Some(start),
        end: Some(end),
        status: Status::Bewilligt,
        ..Measure::new(format!("Maßnahme {id}"))
    }
}

fn pot(fund: Fund, year: i32, euro: i64) -> Pot {
    Pot {
        fund,
        year,
        amount: Cents(euro * 100),
        note: String::new(),
    }
}

fn payment(id: u64, measure: u64, date: NaiveDate, euro: i64, kind: PaymentKind) -> Payment {
    Payment {
        id: PaymentId(id),
        measure: MeasureId(measure),
        date,
        amount: Cents(euro * 100),
        kind,
        reference: String::new(),
        note: String::new(),
    }
}

#[test]
fn seven_actions_of_1500_take_a_10000_pot_500_below_zero() {
    let actions: Vec<Measure> = (1..=7)
        .map(|id| {
            measure(
                id,
                Fund::Aktionsfonds,
                1_500,
                day(2026, 5, 1),
                day(2026, 5, 2),
            )
        })
        .collect();
    let pots = [pot(Fund::Aktionsfonds, 2026, 10_000)];
    let figures = PotFigures::compute(&actions, &HashMap::new(), &[], &pots, None);
    let row = figures.row(Fund::Aktionsfonds, 2026).unwrap();
    assert_eq!(row.planned, Cents(1_050_000));
    assert_eq!(row.measures, 7);
    assert_eq!(row.free(), Some(Cents(-50_000)));
    assert_eq!(figures.over_budget().count(), 1);
    // Six actions fit.
    let figures = PotFigures::compute(&actions[..6], &HashMap::new(), &[], &pots, None);
    assert_eq!(figures.over_budget().count(), 0);
}

#[test]
fn a_plan_of_40_and_40_counts_40000_in_each_year_and_without_it_all_in_the_start_year() {
    let long = measure(
        12,
        Fund::Projektfonds,
        80_000,
        day(2026, 7, 1),
        day(2027, 6, 30),
    );
    let plan = Plan([(2026, Cents(4_000_000)), (2027, Cents(4_000_000))].into());
    let plans = HashMap::from([(MeasureId(12), plan)]);
    let figures = PotFigures::compute(std::slice::from_ref(&long), &plans, &[], &[], None);
    let planned: Vec<(i32, Cents)> = figures.rows.iter().map(|r| (r.year, r.planned)).collect();
    assert_eq!(
        planned,
        [(2026, Cents(4_000_000)), (2027, Cents(4_000_000))]
    );
    assert!(figures.plan_mismatches.is_empty());
    let figures = PotFigures::compute(&[long], &HashMap::new(), &[], &[], None);
    let planned: Vec<(i32, Cents)> = figures.rows.iter().map(|r| (r.year, r.planned)).collect();
    assert_eq!(planned, [(2026, Cents(8_000_000))]);
}

#[test]
fn payments_sum_per_fund_and_year_and_a_plan_that_does_not_add_up_is_listed() {
    let measures = [
        measure(
            1,
            Fund::Projektfonds,
            80_000,
            day(2026, 7, 1),
            day(2027, 6, 30),
        ),
        measure(
            2,
            Fund::Baufonds,
            100_000,
            day(2025, 1, 1),
            day(2027, 12, 31),
        ),
    ];
    let payments = [
        payment(1, 1, day(2026, 8, 1), 20_000, PaymentKind::Auszahlung),
        payment(2, 1, day(2026, 9, 1), 10_000, PaymentKind::Mittelabruf),
        payment(3, 1, day(2026, 12, 1), 1_000, PaymentKind::Rueckforderung),
        payment(4, 1, day(2027, 2, 1), 5_000, PaymentKind::Auszahlung),
        payment(5, 2, day(2026, 2, 1), 7_000, PaymentKind::Auszahlung),
    ];
    let short = Plan([(2025, Cents(3_000_000)), (2026, Cents(3_000_000))].into());
    let plans = HashMap::from([(MeasureId(2), short)]);
    let pots = [pot(Fund::Projektfonds, 2026, 100_000)];
    let figures = PotFigures::compute(&measures, &plans, &payments, &pots, None);
    let paid = |fund, year| figures.row(fund, year).map(|r| r.paid);
    assert_eq!(paid(Fund::Projektfonds, 2026), Some(Cents(2_900_000)));
    assert_eq!(paid(Fund::Projektfonds, 2027), Some(Cents(500_000)));
    assert_eq!(paid(Fund::Baufonds, 2026), Some(Cents(700_000)));
    let row = figures.row(Fund::Projektfonds, 2026).unwrap();
    assert_eq!(row.free(), Some(Cents(2_000_000)));
    assert_eq!(figures.plan_mismatches.len(), 1);
    let mismatch = &figures.plan_mismatches[0];
    assert_eq!(
        (mismatch.measure.id, mismatch.planned, mismatch.approved),
        (MeasureId(2), Cents(6_000_000), Cents(10_000_000))
    );
    // A year keeps only its rows; the rows come by fund, then year.
    let only = PotFigures::compute(&measures, &plans, &payments, &pots, Some(2027));
    let keys: Vec<(Fund, i32)> = only.rows.iter().map(|r| (r.fund, r.year)).collect();
    assert_eq!(keys, [(Fund::Projektfonds, 2027)]);
    assert!(only.plan_mismatches.is_empty());
    let all: Vec<(Fund, i32)> = figures.rows.iter().map(|r| (r.fund, r.year)).collect();
    assert_eq!(
        all,
        [
            (Fund::Projektfonds, 2026),
            (Fund::Projektfonds, 2027),
            (Fund::Baufonds, 2025),
            (Fund::Baufonds, 2026)
        ]
    );
}

#[test]
fn the_report_years_count_a_planned_measure_in_each_year_of_its_plan() {
    let long = measure(
        12,
        Fund::Projektfonds,
        80_000,
        day(2026, 7, 1),
        day(2027, 6, 30),
    );
    let plan = Plan([(2026, Cents(4_000_000)), (2027, Cents(4_000_000))].into());
    let money = Money {
        plans: HashMap::from([(MeasureId(12), plan)]),
        ..Money::default()
    };
    let today = day(2026, 11, 25);
    let report = crate::report::Report::compute_with_money(
        &[],
        std::slice::from_ref(&long),
        &[],
        &money,
        None,
        today,
    );
    let years: Vec<(Option<i32>, usize, Cents)> = (report.by_year.iter())
        .map(|y| (y.year, y.measures, y.sums.approved))
        .collect();
    assert_eq!(
        years,
        [
            (Some(2026), 1, Cents(4_000_000)),
            (Some(2027), 0, Cents(4_000_000))
        ]
    );
    assert_eq!(report.total.approved, Cents(8_000_000));
    // Without the plan, all of it in the start year, as before.
    let report = crate::report::Report::compute(&[], &[long], &[], None, today);
    assert_eq!(report.by_year[0].sums.approved, Cents(8_000_000));
    assert_eq!(report.by_year.len(), 1);
}
