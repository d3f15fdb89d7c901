//! The figures of decisions and deadlines (issue 15, section 4), on exact numbers.

use chrono::NaiveDate;

use super::*;
use crate::model::{Body, DeadlineId, DeadlineKind, DecisionId, Outcome, StepId};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn session(id: u64, body: Body, date: NaiveDate) -> Session {
    Session {
        id: SessionId(id),
        body,
        date,
        note: String::new(),
    }
}

fn decision(id: u64, session: u64, measure: u64, outcome: Outcome, euro: i64) -> Decision {
    Decision {
        id: DecisionId(id),
        session: SessionId(session),
        measure: MeasureId(measure),
        outcome,
        votes: None,
        amount: (euro > 0).then_some(Cents(euro * 100)),
        conditions: String::new(),
    }
}

fn measure(id: u64, fund: Fund, approved: Option<i64>, start: Option<NaiveDate>) -> Measure {
    Measure {
        id: MeasureId(id),
        fund: Some(fund),
        approved: approved.map(|e| Cents(e * 100)),
        start,
        ..Measure::new(format!("Maßnahme {id}"))
    }
}

fn step(id: u64, measure: u64, to: Status, date: NaiveDate) -> Step {
    Step {
        id: StepId(id),
        measure: MeasureId(measure),
        from: Status::Idee,
        to,
        date,
        who: "t".into(),
        note: String::new(),
    }
}

fn deadline(id: u64, due: NaiveDate, done: Option<NaiveDate>) -> Deadline {
    Deadline {
        id: DeadlineId(id),
        kind: DeadlineKind::Sachbericht,
        due,
        measure: Some(MeasureId(1)),
        note: String::new(),
        done,
    }
}

/// Two Quartiersrat sessions in 2026 and a jury in 2025, with five decisions.
fn course() -> Course {
    use Outcome::*;
    Course {
        sessions: vec![
            session(1, Body::Quartiersrat, day(2026, 3, 12)),
            session(2, Body::AktionsfondsJury, day(2025, 11, 4)),
            session(3, Body::Quartiersrat, day(2026, 6, 18)),
        ],
        decisions: vec![
            decision(1, 1, 1, Zustimmung, 45_000),
            decision(2, 1, 2, ZustimmungMitAuflagen, 12_000),
            decision(3, 1, 3, Ablehnung, 9_000),
            decision(4, 2, 4, Zustimmung, 1_500),
            decision(5, 3, 3, Vertagung, 0),
            decision(6, 3, 5, Zustimmung, 800),
        ],
        steps: Vec::new(),
        deadlines: Vec::new(),
    }
}

#[test]
fn decisions_are_counted_per_session_and_year_with_the_agreed_sums() {
    let figures = CourseFigures::compute(&[], &course(), None, day(2026, 11, 25));
    let rows: Vec<(u64, usize, usize, usize, usize, i64)> = (figures.sessions.iter())
        .map(|r| {
            let c = r.counts;
            let euro = c.approved.0 / 100;
            (
                r.session.id.0,
                c.decisions,
                c.agreed,
                c.rejected,
                c.deferred,
                euro,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, 1, 1, 0, 0, 1_500),
            (1, 3, 2, 1, 0, 57_000),
            (3, 2, 1, 0, 1, 800)
        ],
        "by date; a rejection's amount is not summed"
    );
    let years: Vec<(i32, usize, usize, usize, i64)> = (figures.years.iter())
        .map(|y| {
            let c = y.counts;
            (
                y.year,
                y.sessions,
                c.decisions,
                c.agreed,
                c.approved.0 / 100,
            )
        })
        .collect();
    assert_eq!(years, [(2025, 1, 1, 1, 1_500), (2026, 2, 5, 3, 57_800)]);
    let only_2025 = CourseFigures::compute(&[], &course(), Some(2025), day(2026, 11, 25));
    assert_eq!(only_2025.sessions.len(), 1);
    assert_eq!(only_2025.years.len(), 1);
}

#[test]
fn the_aktionsfonds_overview_dates_each_action_by_its_jury() {
    let measures = [
        // Decided by the jury in 2025, approved 1.400 (less than the decision's 1.500).
        measure(4, Fund::Aktionsfonds, Some(1_400), Some(day(2026, 1, 10))),
        // Decided in June 2026 without an approved amount yet: the decision's amount.
        measure(5, Fund::Aktionsfonds, None, Some(day(2026, 7, 1))),
        // Not decided yet: counted in its start year.
        measure(6, Fund::Aktionsfonds, Some(300), Some(day(2026, 2, 1))),
        // Neither decided nor started: only without a year.
        measure(7, Fund::Aktionsfonds, None, None),
        // Another fund.
        measure(1, Fund::Projektfonds, Some(45_000), Some(day(2026, 1, 1))),
    ];
    let all = CourseFigures::compute(&measures, &course(), None, day(2026, 11, 25));
    type Row = (u64, Option<NaiveDate>, Option<i32>, Option<i64>);
    let rows: Vec<Row> = (all.actions.iter())
        .map(|a| (a.measure.id.0, a.jury, a.year, a.amount.map(|c| c.0 / 100)))
        .collect();
    assert_eq!(
        rows,
        [
            (4, Some(day(2025, 11, 4)), Some(2025), Some(1_400)),
            (6, None, Some(2026), Some(300)),
            (5, Some(day(2026, 6, 18)), Some(2026), Some(800)),
            (7, None, None, None),
        ]
    );
    let of_2026 = CourseFigures::compute(&measures, &course(), Some(2026), day(2026, 11, 25));
    let ids: Vec<u64> = of_2026.actions.iter().map(|a| a.measure.id.0).collect();
    assert_eq!(ids, [6, 5]);
}

#[test]
fn a_later_decision_gives_the_jury_date() {
    let mut course = course();
    course
        .decisions
        .push(decision(7, 3, 4, Outcome::Zustimmung, 1_600));
    let measures = [measure(4, Fund::Aktionsfonds, None, None)];
    let figures = CourseFigures::compute(&measures, &course, None, day(2026, 11, 25));
    let action = &figures.actions[0];
    assert_eq!(action.jury, Some(day(2026, 6, 18)));
    assert_eq!(action.amount, Some(Cents(160_000)));
}

#[test]
fn overdue_upcoming_and_past_sessions() {
    let today = day(2026, 11, 25);
    let deadlines = [
        deadline(1, day(2026, 11, 24), None),
        deadline(2, day(2026, 11, 1), Some(day(2026, 11, 2))),
        deadline(3, day(2026, 11, 25), None),
        deadline(4, day(2026, 12, 25), None),
        deadline(5, day(2026, 12, 26), None),
    ];
    let sessions = [
        session(1, Body::Quartiersrat, day(2026, 12, 1)),
        session(2, Body::Quartiersrat, day(2026, 11, 20)),
        session(3, Body::Quartiersrat, day(2026, 10, 25)),
        session(4, Body::Quartiersrat, day(2026, 10, 26)),
        session(5, Body::Quartiersrat, day(2027, 1, 1)),
        session(6, Body::Quartiersrat, day(2026, 11, 25)),
    ];
    let list = DueList::compute(deadlines, sessions, today, 30);
    let ids = |items: &[DueItem]| items.iter().map(DueItem::id).collect::<Vec<_>>();
    assert_eq!(ids(&list.overdue), ["F-0001"], "done ones are not overdue");
    assert_eq!(
        ids(&list.upcoming),
        ["F-0003", "S-0006", "S-0001", "F-0004"],
        "today counts as upcoming; 30 days ahead inclusive"
    );
    assert_eq!(ids(&list.past_sessions), ["S-0004", "S-0002"]);
    assert!(list.any_overdue());
    assert!(list.past_sessions.iter().all(|s| !s.is_overdue(today)));
    let none_overdue = DueList::compute([deadline(3, today, None)], [], today, 30);
    assert!(!none_overdue.any_overdue());
}

#[test]
fn a_session_reads_as_a_deadline_of_kind_sitzung() {
    let mut s = session(2, Body::AktionsfondsJury, day(2026, 12, 1));
    let item = DueItem::Session(s.clone());
    assert_eq!(item.kind(), DeadlineKind::Sitzung);
    assert_eq!(item.note(), "Aktionsfonds-Jury");
    assert_eq!(item.measure(), None);
    s.note = "Raum 2".into();
    assert_eq!(DueItem::Session(s).note(), "Aktionsfonds-Jury · Raum 2");
}

#[test]
fn the_median_time_from_antrag_to_bewilligung_per_fund() {
    use Status::*;
    let measures = [
        measure(1, Fund::Projektfonds, None, None),
        measure(2, Fund::Projektfonds, None, None),
        measure(3, Fund::Projektfonds, None, None),
        measure(4, Fund::Projektfonds, None, None),
        measure(5, Fund::Aktionsfonds, None, None),
        measure(6, Fund::Aktionsfonds, None, None),
        measure(7, Fund::Baufonds, None, None),
    ];
    let steps = vec![
        // 30 days.
        step(1, 1, Beantragt, day(2026, 1, 1)),
        step(2, 1, Votum, day(2026, 1, 15)),
        step(3, 1, Bewilligt, day(2026, 1, 31)),
        // 10 days; the second Antrag and Bewilligung do not count.
        step(4, 2, Beantragt, day(2026, 2, 1)),
        step(5, 2, Bewilligt, day(2026, 2, 11)),
        step(6, 2, Beantragt, day(2026, 3, 1)),
        step(7, 2, Bewilligt, day(2026, 5, 1)),
        // 45 days.
        step(8, 3, Beantragt, day(2026, 3, 1)),
        step(9, 3, Bewilligt, day(2026, 4, 15)),
        // 100 days, approved in 2025.
        step(10, 4, Beantragt, day(2025, 1, 1)),
        step(11, 4, Bewilligt, day(2025, 4, 11)),
        // Aktionsfonds: 7 days; the other without an Antrag.
        step(12, 5, Beantragt, day(2026, 5, 1)),
        step(13, 5, Bewilligt, day(2026, 5, 8)),
        step(14, 6, Bewilligt, day(2026, 5, 8)),
        // Baufonds: Antrag only.
        step(15, 7, Beantragt, day(2026, 5, 1)),
    ];
    let course = Course {
        steps,
        ..Course::default()
    };
    let today = day(2026, 11, 25);
    let all = CourseFigures::compute(&measures, &course, None, today);
    let rows: Vec<(Fund, usize, f64, i64, i64)> = (all.approval_times.iter())
        .map(|t| (t.fund, t.measures, t.median_days, t.fastest, t.slowest))
        .collect();
    assert_eq!(
        rows,
        [
            (Fund::Aktionsfonds, 1, 7.0, 7, 7),
            (Fund::Projektfonds, 4, 37.5, 10, 100),
        ],
        "the mean of 30 and 45 of 10, 30, 45, 100"
    );
    let only_2026 = CourseFigures::compute(&measures, &course, Some(2026), today);
    let projektfonds = (only_2026.approval_times.iter())
        .find(|t| t.fund == Fund::Projektfonds)
        .unwrap();
    assert_eq!((projektfonds.measures, projektfonds.median_days), (3, 30.0));
}
