//! The report's figures over a small hand-made goal tree:
//!
//! ```text
//! Z1 ─ 1.1   m1 (★1.1, 1.2, 2.1)  m5 (★1.1)
//!    └ 1.2   m2 (★1.2)
//! Z2 ─ 2.1
//!    m4 (★Z2)        m3, m6, m7: no goal
//! ```

use chrono::NaiveDate;

use super::*;
use crate::model::{Cents, Indicator};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn today() -> NaiveDate {
    date(2026, 11, 25).unwrap()
}

fn goal(id: u64, parent: Option<u64>, code: &str) -> Goal {
    Goal {
        id: GoalId(id),
        parent: parent.map(GoalId),
        code: code.into(),
        title: format!("Ziel {code}"),
        description: String::new(),
        position: 0,
    }
}

fn goals() -> Vec<Goal> {
    vec![
        goal(1, None, "Z1"),
        goal(2, Some(1), "1.1"),
        goal(3, Some(1), "1.2"),
        goal(4, None, "Z2"),
        goal(5, Some(4), "2.1"),
    ]
}

fn euro(e: i64) -> Option<Cents> {
    Some(Cents(e * 100))
}

fn indicator(target: f64, actual: Option<f64>) -> Indicator {
    Indicator {
        name: "i".into(),
        unit: String::new(),
        baseline: 0.0,
        target,
        actual,
    }
}

fn measures() -> Vec<Measure> {
    let mut m1 = Measure::new("Lesepaten");
    m1.id = MeasureId(1);
    m1.fund = Some(Fund::Projektfonds);
    m1.requested = euro(13_000);
    m1.approved = euro(12_500);
    m1.cofunding = euro(1_250);
    m1.start = date(2026, 1, 1);
    m1.end = date(2026, 12, 31);
    m1.status = Status::Laufend;
    m1.indicators = vec![indicator(40.0, Some(26.0))];
    let mut m2 = Measure::new("Kiezfest");
    m2.id = MeasureId(2);
    m2.fund = Some(Fund::Aktionsfonds);
    m2.approved = euro(1_200);
    m2.start = date(2025, 6, 1);
    m2.end = date(2025, 6, 30);
    // Above target counts as 100 %; no actual value and target = baseline count not at all.
    m2.indicators = vec![
        indicator(40.0, Some(50.0)),
        indicator(10.0, None),
        indicator(0.0, Some(3.0)),
    ];
    let mut m3 = Measure::new("Spielplatz");
    m3.id = MeasureId(3);
    m3.fund = Some(Fund::Baufonds);
    m3.approved = euro(60_000);
    m3.start = date(2026, 3, 1);
    m3.end = date(2027, 2, 28);
    let mut m4 = Measure::new("Ohne Daten");
    m4.id = MeasureId(4);
    m4.approved = euro(500);
    let mut m5 = Measure::new("Endet bald");
    m5.id = MeasureId(5);
    m5.fund = Some(Fund::Projektfonds);
    m5.approved = euro(8_000);
    m5.start = date(2025, 2, 1);
    m5.end = date(2027, 1, 24);
    m5.status = Status::Laufend;
    m5.indicators = vec![indicator(10.0, Some(2.0))];
    let mut m6 = Measure::new("Schon abgeschlossen");
    m6.id = MeasureId(6);
    m6.start = date(2026, 1, 1);
    m6.end = date(2026, 12, 1);
    m6.status = Status::Abgeschlossen;
    let mut m7 = Measure::new("Gestern beendet");
    m7.id = MeasureId(7);
    m7.start = date(2026, 1, 1);
    m7.end = date(2026, 11, 24);
    m7.status = Status::Laufend;
    vec![m1, m2, m3, m4, m5, m6, m7]
}

fn link(measure: u64, goal: u64, primary: bool) -> Link {
    Link {
        measure: MeasureId(measure),
        goal: GoalId(goal),
        primary,
    }
}

fn links() -> Vec<Link> {
    vec![
        link(1, 2, true),
        link(1, 3, false),
        link(1, 5, false),
        link(2, 3, true),
        link(4, 4, true),
        link(5, 2, true),
    ]
}

fn report(year: Option<i32>) -> Report {
    compute(
        &goals(),
        &measures(),
        &links(),
        &Default::default(),
        year,
        today(),
    )
}

fn figures<'r>(report: &'r Report, code: &str) -> &'r GoalFigures {
    report.goals.iter().find(|g| g.code == code).unwrap()
}

fn approved(report: &Report, code: &str) -> i64 {
    figures(report, code).sums.approved.0 / 100
}

#[test]
fn a_measure_of_two_goals_counts_in_both_but_its_money_only_under_the_primary_one() {
    let r = report(None);
    let counts: Vec<(&str, usize)> = r
        .goals
        .iter()
        .map(|g| (g.code.as_str(), g.measures))
        .collect();
    assert_eq!(
        counts,
        [("Z1", 3), ("1.1", 2), ("1.2", 2), ("Z2", 2), ("2.1", 1)],
        "m1 counts under 1.1, 1.2 and 2.1, once in Z1"
    );
    assert_eq!(approved(&r, "1.1"), 12_500 + 8_000);
    assert_eq!(approved(&r, "1.2"), 1_200);
    assert_eq!(approved(&r, "2.1"), 0, "m1 is only secondary here");
    assert_eq!(approved(&r, "Z1"), 12_500 + 8_000 + 1_200, "m1 once");
    assert_eq!(approved(&r, "Z2"), 500);
    let z1 = figures(&r, "Z1");
    assert_eq!(z1.sums.requested, Cents(1_300_000));
    assert_eq!(z1.sums.cofunding, Cents(125_000));
    let funds: Vec<(Option<Fund>, usize, i64)> = z1
        .by_fund
        .iter()
        .map(|f| (f.fund, f.measures, f.sums.approved.0 / 100))
        .collect();
    assert_eq!(
        funds,
        [
            (Some(Fund::Aktionsfonds), 1, 1_200),
            (Some(Fund::Projektfonds), 2, 20_500)
        ]
    );
    let z2 = figures(&r, "Z2");
    assert_eq!(z2.by_fund.len(), 1);
    assert_eq!(z2.by_fund[0].fund, None);
    assert_eq!(
        r.strategic_goals().map(|g| g.depth).collect::<Vec<_>>(),
        [0, 0]
    );
    assert_eq!(figures(&r, "2.1").depth, 1);
}

#[test]
fn the_year_filter_keeps_measures_running_in_that_year() {
    let r = report(Some(2025));
    assert_eq!(
        r.measures, 2,
        "m2 and m5; m4 has no dates, the rest start in 2026"
    );
    assert_eq!(figures(&r, "Z1").measures, 2);
    assert_eq!(approved(&r, "Z1"), 1_200 + 8_000);
    assert_eq!(figures(&r, "Z2").measures, 0);
    assert!(r.measures_without_goal.is_empty());
    let r = report(Some(2026));
    // m1, m3 (into 2027), m5 (since 2025), m6, m7.
    assert_eq!(r.measures, 5);
    assert_eq!(approved(&r, "Z1"), 12_500 + 8_000);
    assert_eq!(figures(&r, "1.2").measures, 1, "m1 only; m2 was 2025");
    let r = report(Some(2027));
    assert_eq!(
        r.measures_without_goal
            .iter()
            .map(|m| m.id.0)
            .collect::<Vec<_>>(),
        [3]
    );
}

#[test]
fn ending_soon_lists_open_measures_ending_within_60_days() {
    let r = report(None);
    let ids: Vec<u64> = r.ending_soon.iter().map(|m| m.id.0).collect();
    // m1 ends 31.12.2026, m5 on 24.01.2027 (the 60th day); m3 ends too late, m6 is completed,
    // m7 ended yesterday.
    assert_eq!(ids, [1, 5]);
    let tomorrow = compute(
        &goals(),
        &measures(),
        &links(),
        &Default::default(),
        None,
        date(2026, 11, 24).unwrap(),
    );
    let ids: Vec<u64> = tomorrow.ending_soon.iter().map(|m| m.id.0).collect();
    assert_eq!(
        ids,
        [7, 1],
        "a measure ending today still counts; by end date"
    );
}

#[test]
fn goals_without_measures_and_measures_without_goals() {
    let r = report(None);
    assert!(r.goals_without_measures().next().is_none());
    let ids: Vec<u64> = r.measures_without_goal.iter().map(|m| m.id.0).collect();
    assert_eq!(ids, [3, 6, 7]);
    let r = report(Some(2025));
    let codes: Vec<&str> = r
        .goals_without_measures()
        .map(|g| g.code.as_str())
        .collect();
    assert_eq!(codes, ["Z2", "2.1"]);
    // A link to a goal that does not exist (corrupt data) leaves the measure without goal.
    let mut dangling = links();
    dangling.push(link(3, 99, true));
    let r = compute(
        &goals(),
        &measures(),
        &dangling,
        &Default::default(),
        None,
        today(),
    );
    assert_eq!(r.measures_without_goal[0].id, MeasureId(3));
}

#[test]
fn attainment_is_the_mean_over_the_indicators_that_have_one() {
    let r = report(None);
    let attainment = |code: &str| figures(&r, code).attainment;
    let close = |a: Option<f64>, b: f64| (a.unwrap() - b).abs() < 1e-9;
    assert!(close(attainment("1.1"), (0.65 + 0.2) / 2.0));
    assert!(close(attainment("1.2"), (0.65 + 1.0) / 2.0));
    assert!(
        close(attainment("Z1"), (0.65 + 1.0 + 0.2) / 3.0),
        "m1's indicator once, though it is under two sub-goals"
    );
    assert_eq!(figures(&r, "Z1").indicators, 3);
    assert_eq!(attainment("Z2"), Some(0.65));
    let r = report(Some(2025));
    assert_eq!(figures(&r, "Z2").attainment, None);
    assert_eq!(super::super::percent(Some(0.65)), "65 %");
    assert_eq!(super::super::percent(None), "–");
}

#[test]
fn totals_per_fund_and_per_year() {
    let r = report(None);
    let funds: Vec<(Option<Fund>, usize, i64)> = r
        .by_fund
        .iter()
        .map(|f| (f.fund, f.measures, f.sums.approved.0 / 100))
        .collect();
    assert_eq!(
        funds,
        [
            (Some(Fund::Aktionsfonds), 1, 1_200),
            (Some(Fund::Projektfonds), 2, 20_500),
            (Some(Fund::Baufonds), 1, 60_000),
            (Some(Fund::Netzwerkfonds), 0, 0),
            (Some(Fund::Other), 0, 0),
            (None, 3, 500),
        ]
    );
    let years: Vec<(Option<i32>, usize, i64)> = r
        .by_year
        .iter()
        .map(|y| (y.year, y.measures, y.sums.approved.0 / 100))
        .collect();
    assert_eq!(
        years,
        [
            (Some(2025), 2, 1_200 + 8_000),
            (Some(2026), 4, 12_500 + 60_000),
            (None, 1, 500)
        ]
    );
    assert_eq!(
        r.total.approved,
        Cents((1_200 + 8_000 + 12_500 + 60_000 + 500) * 100)
    );
    assert_eq!(r.total.requested, Cents(1_300_000));
    // Every euro once: the funds and the years add up to the total.
    let fund_total: Cents = r.by_fund.iter().map(|f| f.sums.approved).sum();
    let year_total: Cents = r.by_year.iter().map(|y| y.sums.approved).sum();
    assert_eq!(fund_total, r.total.approved);
    assert_eq!(year_total, r.total.approved);
}

#[test]
fn years_present_span_the_dates() {
    assert_eq!(years_present(&measures()), [2025, 2026, 2027]);
    assert!(years_present(&[Measure::new("x")]).is_empty());
}
