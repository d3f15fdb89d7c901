//! The report view's figures prepared in idle time (`report_prep`): `R` shows them without
//! reading, they equal what reading everything gives, and every change makes them stale.

use chrono::NaiveDate;

use super::waiting::with_many_under_91;
use super::*;
use crate::app::ReportView;
use crate::model::{Cents, Fund, Pot};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn open(app: &mut App) -> &ReportView {
    app.open_report_on(day());
    match &app.mode {
        Mode::Report(view) => view,
        other => panic!("no report: {other:?}"),
    }
}

/// The report `R` shows and whether it was prepared (nothing read on opening).
fn shown(app: &mut App) -> (crate::report::Report, bool) {
    let view = open(app);
    let shown = (view.report.clone(), view.was_prepared());
    app.mode = Mode::Normal;
    shown
}

/// The report as reading everything gives it.
fn read_anew(app: &mut App) -> crate::report::Report {
    app.report_prep.stale();
    let (report, prepared) = shown(app);
    assert!(!prepared);
    report
}

fn prepare(app: &mut App) {
    app.set_today(Some(day()));
    app.prefetch_all();
}

#[test]
fn r_shows_the_prepared_report_which_equals_reading_everything() {
    let Fixture { dir: _dir, mut app } = fixture();
    let (cold, prepared) = shown(&mut app);
    assert!(!prepared, "before idle time: read on opening");
    prepare(&mut app);
    let (warm, prepared) = shown(&mut app);
    assert!(prepared, "after idle time: nothing read on opening");
    assert_eq!(warm, cold);
    assert_eq!(warm, read_anew(&mut app));
}

#[test]
fn every_measure_counts_once_with_more_than_a_page_of_them() {
    let Fixture { dir: _dir, mut app } = with_many_under_91();
    prepare(&mut app);
    let (warm, prepared) = shown(&mut app);
    assert!(prepared);
    assert_eq!(warm.measures, app.store().measure_ids().unwrap().len());
    assert_eq!(warm, read_anew(&mut app));
}

#[test]
fn a_change_makes_the_prepared_report_stale_until_idle_time_prepares_it_again() {
    let Fixture { dir: _dir, mut app } = fixture();
    prepare(&mut app);
    let pot = Pot {
        fund: Fund::Aktionsfonds,
        year: 2026,
        amount: Cents(1_000_000),
        note: String::new(),
    };
    let applied = app
        .store
        .apply(crate::ops::Op::SetPot { pot }, "ben")
        .expect("a colleague's pot");
    app.refresh(&applied.changes);
    let (after_change, prepared) = shown(&mut app);
    assert!(!prepared, "stale: read on opening");
    let has_pot = |r: &crate::report::Report| format!("{:?}", r.pots).contains("1000000");
    assert!(has_pot(&after_change), "the new pot is counted");
    app.prefetch_all();
    let (warm, prepared) = shown(&mut app);
    assert!(prepared);
    assert_eq!(warm, after_change);
}

#[test]
fn changing_the_year_in_a_prepared_view_reads_and_computes_like_the_cold_view() {
    let Fixture { dir: _dir, mut app } = fixture();
    prepare(&mut app);
    open(&mut app);
    press(&mut app, "l");
    let Mode::Report(view) = &app.mode else {
        panic!("the view stays open")
    };
    assert_eq!(view.year, Some(2025));
    let stepped = view.report.clone();
    app.mode = Mode::Normal;
    app.report_prep.stale();
    open(&mut app);
    press(&mut app, "l");
    let Mode::Report(view) = &app.mode else {
        panic!("the view stays open")
    };
    assert_eq!(view.report, stepped);
}

#[test]
fn a_report_computed_from_data_changed_meanwhile_is_thrown_away() {
    let Fixture { dir: _dir, mut app } = fixture();
    app.defer_long_work(true);
    prepare(&mut app);
    let job = app
        .take_report_job()
        .expect("everything read: the computation waits");
    assert!(
        !app.prefetching(),
        "nothing for idle time while it is computed"
    );
    app.refresh(&[]);
    app.job_done(job());
    let (_, prepared) = shown(&mut app);
    assert!(!prepared, "computed before the change: not shown");
    app.prefetch_all();
    let job = app.take_report_job().expect("read again");
    app.job_done(job());
    let (_, prepared) = shown(&mut app);
    assert!(prepared);
}

#[test]
fn links_changed_by_a_colleague_are_counted_as_reading_everything_counts_them() {
    let Fixture { dir: _dir, mut app } = fixture();
    prepare(&mut app);
    let goal = |app: &App, code: &str| app.store().goal_by_code(code).unwrap().unwrap().id;
    let (g13, g91) = (goal(&app, "1.3"), goal(&app, "9.1"));
    let ops = vec![
        crate::ops::Op::Link {
            measure: crate::model::MeasureId(2),
            goal: g91,
            primary: true,
        },
        crate::ops::Op::Unlink {
            measure: crate::model::MeasureId(2),
            goal: g13,
        },
    ];
    let applied = (app.store)
        .apply(crate::ops::Op::Batch { ops }, "ben")
        .expect("a colleague's links");
    app.refresh(&applied.changes);
    app.prefetch_all();
    let (warm, prepared) = shown(&mut app);
    assert!(prepared, "prepared again, with the links the app holds");
    let cold = read_anew(&mut app);
    assert_eq!(warm, cold);
    let z9 = |r: &crate::report::Report| {
        let z9 = r.goals.iter().find(|g| g.code == "Z9").expect("Z9");
        (z9.measures, z9.sums.approved)
    };
    assert_eq!(
        z9(&warm).0,
        2,
        "the Sprachcafé and the moved Nachbarschaftsfest"
    );
}

#[test]
fn payments_and_steps_read_a_page_at_a_time_count_like_reading_them_at_once() {
    use crate::model::{Payment, PaymentId, PaymentKind, Status};
    use crate::ops::Op;
    let many = crate::app::prefetch::PAGE + 17;
    let Fixture { dir: _dir, mut app } = fixture_with(|store| {
        let payments = (0..many).map(|i| Op::AddPayment {
            payment: Payment {
                id: PaymentId(0),
                measure: crate::model::MeasureId(1 + (i % 3) as u64),
                date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
                amount: crate::model::Cents(100 + i as i64),
                kind: PaymentKind::Auszahlung,
                reference: String::new(),
                note: String::new(),
            },
        });
        let ops = payments.collect();
        store.apply(Op::Batch { ops }, "anna").expect("payments");
        // Status steps back and forth: more than a page of them.
        let (_, mut m) = store
            .measure_revised(crate::model::MeasureId(3))
            .unwrap()
            .unwrap();
        let ops = (0..many)
            .map(|i| {
                m.status = [Status::Beantragt, Status::Bewilligt][i % 2];
                Op::UpdateMeasure { measure: m.clone() }
            })
            .collect();
        store.apply(Op::Batch { ops }, "anna").expect("steps");
    });
    assert!(app.store().all_steps().unwrap().len() > crate::app::prefetch::PAGE);
    prepare(&mut app);
    let (warm, prepared) = shown(&mut app);
    assert!(prepared);
    assert_eq!(warm, read_anew(&mut app));
    let paid: i64 = warm.pots.rows.iter().map(|r| r.paid.0).sum();
    let expected: i64 = (0..many as i64).map(|i| 100 + i).sum();
    assert_eq!(paid, expected, "every payment counted once");
}

#[test]
fn plans_and_decisions_read_a_page_at_a_time_count_like_reading_them_at_once() {
    use crate::model::{Body, Decision, DecisionId, Outcome, Plan, Session, SessionId};
    use crate::ops::Op;
    let Fixture { dir: _dir, mut app } = with_many_under_91();
    let ids = app.store().measure_ids().unwrap();
    assert!(ids.len() > crate::app::prefetch::PAGE);
    let plans = ids.iter().map(|id| Op::SetPlan {
        measure: *id,
        plan: Plan([(2026, crate::model::Cents(100))].into()),
    });
    let ops = plans.collect();
    app.store.apply(Op::Batch { ops }, "anna").expect("plans");
    let session = Session {
        id: SessionId(0),
        body: Body::Quartiersrat,
        date: NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        note: String::new(),
    };
    let added = app.store.apply(Op::AddSession { session }, "anna").unwrap();
    let session = added.added_session().expect("a session");
    let decisions = ids.iter().map(|id| Op::AddDecision {
        decision: Decision {
            id: DecisionId(0),
            session,
            measure: *id,
            outcome: Outcome::Zustimmung,
            votes: None,
            amount: Some(crate::model::Cents(100)),
            conditions: String::new(),
        },
    });
    let ops = decisions.collect();
    let applied = app
        .store
        .apply(Op::Batch { ops }, "anna")
        .expect("decisions");
    app.refresh(&applied.changes);
    prepare(&mut app);
    let (warm, prepared) = shown(&mut app);
    assert!(prepared);
    assert_eq!(warm, read_anew(&mut app));
    let agreed: usize = warm.course.sessions.iter().map(|s| s.counts.agreed).sum();
    assert_eq!(agreed, ids.len(), "every decision counted once");
}
