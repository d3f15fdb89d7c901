//! Decisions and deadlines in the TUI (issue 15): `b` records a decision (in a new or an existing
//! session) and proposes the next status and amount, *Sitzungen* (`B`) lists sessions with their
//! decisions; *Termine* in `termine.rs`.

use super::*;
use crate::model::{
    Body, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, MeasureId, Outcome, Session,
    SessionId, Votes,
};

pub(crate) const LESEPATEN: MeasureId = MeasureId(1);
pub(crate) const CAFE: MeasureId = MeasureId(3);

pub(crate) fn day(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn session(body: Body, date: NaiveDate) -> Session {
    Session {
        id: SessionId(0),
        body,
        date,
        note: String::new(),
    }
}

pub(crate) fn deadline(kind: DeadlineKind, due: NaiveDate, measure: Option<MeasureId>) -> Deadline {
    Deadline {
        id: DeadlineId(0),
        kind,
        due,
        measure,
        note: String::new(),
        done: None,
    }
}

/// Two sessions (March and May 2026), the May one with a decision on the Sprachcafé.
pub(crate) fn with_sessions(store: &mut dyn Repository) {
    for s in [
        session(Body::Quartiersrat, day(12, 3, 2026)),
        session(Body::AktionsfondsJury, day(20, 5, 2026)),
    ] {
        store.apply(Op::AddSession { session: s }, "anna").unwrap();
    }
    let decision = Decision {
        id: DecisionId(0),
        session: SessionId(2),
        measure: CAFE,
        outcome: Outcome::Zustimmung,
        votes: Some(Votes {
            yes: 9,
            no: 1,
            abstain: 2,
        }),
        amount: Some(Cents(800_000)),
        conditions: String::new(),
    };
    store.apply(Op::AddDecision { decision }, "anna").unwrap();
}

/// Two deadlines overdue on 01.06.2026 (one of the Sprachcafé), one coming, one done, and a
/// session on 15.06.2026.
pub(crate) fn with_deadlines(store: &mut dyn Repository) {
    let mut done = deadline(DeadlineKind::Sonstige, day(1, 1, 2026), None);
    done.done = Some(day(2, 1, 2026));
    for d in [
        deadline(DeadlineKind::Sachbericht, day(20, 6, 2026), Some(LESEPATEN)),
        deadline(
            DeadlineKind::Verwendungsnachweis,
            day(31, 3, 2026),
            Some(CAFE),
        ),
        deadline(DeadlineKind::Antragsfrist, day(15, 5, 2026), None),
        done,
    ] {
        store
            .apply(Op::AddDeadline { deadline: d }, "anna")
            .unwrap();
    }
    let s = session(Body::Steuerungsrunde, day(15, 6, 2026));
    store.apply(Op::AddSession { session: s }, "anna").unwrap();
}

/// Opens *Sitzungen* after storing [`with_sessions`].
pub(crate) fn open_sessions(app: &mut App) {
    with_sessions(app.store.as_mut());
    press(app, "B");
    assert!(matches!(app.mode, Mode::Sessions(_)), "{:?}", app.mode);
}

/// Opens *Termine* after storing [`with_deadlines`].
pub(crate) fn open_termine(app: &mut App) {
    with_deadlines(app.store.as_mut());
    press(app, "T");
    assert!(matches!(app.mode, Mode::Termine(_)), "{:?}", app.mode);
}

fn lesepaten_at(status: Status) -> impl FnOnce(&mut Store) {
    move |store: &mut Store| {
        let mut m = store.measure(LESEPATEN).unwrap().unwrap();
        m.status = status;
        store
            .apply(Op::UpdateMeasure { measure: m }, "anna")
            .unwrap();
    }
}

fn form_of(app: &mut App) -> &mut form::Form {
    match &mut app.mode {
        Mode::Form(state) => &mut state.form,
        other => panic!("no form: {other:?}"),
    }
}

#[test]
fn b_records_a_decision_in_a_new_session_and_the_proposal_sets_status_and_amount() {
    let mut f = fixture_with(lesepaten_at(Status::Beantragt));
    let app = &mut f.app;
    press(app, "ljjj<Tab>b");
    let form = form_of(app);
    assert_eq!(form.title(), "Beschluss zu M-0001 erfassen");
    // No session yet: a new one, today, in the Quartiersrat.
    assert_eq!(form.text(Field::Session).as_deref(), Some(""));
    assert_eq!(form.text(Field::Body).as_deref(), Some("Quartiersrat"));
    assert_eq!(form.text(Field::Date).as_deref(), Some("01.06.2026"));
    form.set_text(Field::Date, "12.03.2026");
    form.set_text(Field::Votes, "9/1/2");
    form.set_text(Field::Amount, "45.000");
    form.set_text(Field::Conditions, "Bericht an den QR");
    press(app, "<C-s>");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no proposal: {:?} {:?}", app.mode, app.message);
    };
    assert_eq!(
        confirm.question,
        "B-0001 zu M-0001 schlägt vor: Status „bewilligt“ ab 12.03.2026, bewilligt \
         45.000,00 € (bisher 12.500,00 €) – übernehmen? (j/n)"
    );
    let sessions = app.store().sessions().unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].1.date, day(12, 3, 2026));
    let decisions = app.store().decisions_of(LESEPATEN).unwrap();
    assert_eq!(decisions.len(), 1);
    let d = &decisions[0].1;
    assert_eq!(
        (d.session, d.outcome),
        (sessions[0].1.id, Outcome::Zustimmung)
    );
    let votes = Votes {
        yes: 9,
        no: 1,
        abstain: 2,
    };
    assert_eq!(d.votes, Some(votes));
    assert_eq!(d.amount, Some(Cents(4_500_000)));
    assert_eq!(d.conditions, "Bericht an den QR");
    // Before the answer the detail pane shows the decision already.
    assert_eq!(app.detail().course().decisions.len(), 1);
    press(app, "j");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    let m = app.store().measure(LESEPATEN).unwrap().unwrap();
    assert_eq!(
        (m.status, m.approved),
        (Status::Bewilligt, Some(Cents(4_500_000)))
    );
    let steps = app.store().steps_of(LESEPATEN).unwrap();
    let last = steps.last().unwrap();
    assert_eq!((last.from, last.to), (Status::Beantragt, Status::Bewilligt));
    assert_eq!(last.date, day(12, 3, 2026));
    assert_eq!(last.note, "Beschluss B-0001");
    // The proposal is one op: `u` takes status and amount back, the decision stays.
    press(app, "u");
    let m = app.store().measure(LESEPATEN).unwrap().unwrap();
    assert_eq!(
        (m.status, m.approved),
        (Status::Beantragt, Some(Cents(1_250_000)))
    );
    assert_eq!(app.store().decisions_of(LESEPATEN).unwrap().len(), 1);
    press(app, "u");
    assert!(app.store().decisions_of(LESEPATEN).unwrap().is_empty());
    press(app, "u");
    assert!(app.store().sessions().unwrap().is_empty());
}

#[test]
fn b_offers_the_sessions_newest_first_and_no_says_no_to_the_proposal() {
    let mut f = fixture_with(|store| {
        with_sessions(store);
        lesepaten_at(Status::Votum)(store);
    });
    let app = &mut f.app;
    press(app, "ljjj<Tab>b");
    let form = form_of(app);
    // The newest session is chosen; Right goes to the older one.
    assert_eq!(form.text(Field::Session).as_deref(), Some("S-0002"));
    assert!(form.focus(Field::Session));
    press(app, "<Right>");
    assert_eq!(form_of(app).text(Field::Session).as_deref(), Some("S-0001"));
    // Choosing an existing session, the new session's rows do not count.
    form_of(app).set_text(Field::Date, "kein Datum");
    press(app, "<C-s>");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no proposal: {:?} {:?}", app.mode, app.message);
    };
    assert!(
        confirm.question.contains("ab 12.03.2026"),
        "{}",
        confirm.question
    );
    assert_eq!(app.store().sessions().unwrap().len(), 2);
    press(app, "n");
    let m = app.store().measure(LESEPATEN).unwrap().unwrap();
    assert_eq!(m.status, Status::Votum);
    let decisions = app.store().decisions_of(LESEPATEN).unwrap();
    assert_eq!(decisions[0].1.session, SessionId(1));
}

#[test]
fn a_bad_vote_count_or_a_refusal_keeps_the_form_and_saves_nothing() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "ljjj<Tab>b");
    form_of(app).set_text(Field::Votes, "9/1");
    form_of(app).set_text(Field::Date, "31.02.2026");
    press(app, "<C-s>");
    let form = form_of(app);
    assert!(
        form.error_of(Field::Votes).unwrap().contains("9/1"),
        "{form:?}"
    );
    assert!(form.error_of(Field::Date).is_some());
    assert!(app.store().sessions().unwrap().is_empty());
    // A Vertagung proposes nothing: saved, back to normal.
    let form = form_of(app);
    form.set_text(Field::Votes, "");
    form.set_text(Field::Date, "02.06.2026");
    form.set_text(Field::Outcome, "Vertagung");
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    assert_eq!(app.store().decisions().unwrap().len(), 1);
}

#[test]
fn sessions_list_newest_first_with_counts_sums_and_the_decisions_of_the_selected() {
    let mut f = fixture();
    let app = &mut f.app;
    open_sessions(app);
    let Mode::Sessions(view) = &app.mode else {
        unreachable!()
    };
    let dates: Vec<_> = view.sessions.iter().map(|r| r.session.date).collect();
    assert_eq!(dates, [day(20, 5, 2026), day(12, 3, 2026)]);
    assert_eq!(view.sessions[0].decisions, 1);
    assert_eq!(view.sessions[0].agreed, Cents(800_000));
    assert_eq!(view.decisions.len(), 1);
    assert_eq!(view.decisions[0].title, "Sprachcafé");
    assert_eq!(view.decisions[0].organisation, "Nachbarschaftshaus");
    press(app, "j");
    let Mode::Sessions(view) = &app.mode else {
        unreachable!()
    };
    assert_eq!(view.selected, 1);
    assert!(view.decisions.is_empty());
    press(app, "<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn a_decision_form_left_open_is_kept_as_a_draft_and_restored() {
    let mut f = fixture_with(|s| with_sessions(s));
    let app = &mut f.app;
    press(app, "ljjj<Tab>b");
    form_of(app).set_text(Field::Votes, "7/0/1");
    form_of(app).set_text(Field::Outcome, "Ablehnung");
    let draft = app.draft().expect("a draft of the decision form");
    assert_eq!(draft.purpose, Purpose::NewDecision { measure: LESEPATEN });
    let json = serde_json::to_string(&draft).unwrap();
    let back: Draft = serde_json::from_str(&json).unwrap();
    let form = form::Form::from_draft(back.form, Lang::De);
    assert_eq!(form.text(Field::Votes).as_deref(), Some("7/0/1"));
    assert_eq!(form.text(Field::Outcome).as_deref(), Some("Ablehnung"));
    assert_eq!(form.text(Field::Session).as_deref(), Some("S-0002"));
}

#[test]
fn english_texts_for_the_form_and_the_proposal() {
    let mut f = fixture_with(lesepaten_at(Status::Beantragt));
    let app = &mut f.app;
    app.lang = Lang::En;
    press(app, "ljjj<Tab>b");
    assert_eq!(form_of(app).title(), "Record a decision on M-0001");
    form_of(app).set_text(Field::Amount, "100");
    press(app, "<C-s>");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no proposal: {:?}", app.mode);
    };
    assert_eq!(
        confirm.question,
        "B-0001 on M-0001 proposes: status “approved” from 01.06.2026, approved 100,00 € \
         (was 12.500,00 €) – take it over? (y/n)"
    );
}

#[test]
fn a_colleagues_changes_show_in_open_termine_and_sitzungen() {
    let mut f = fixture_with(|s| with_deadlines(s));
    let app = &mut f.app;
    press(app, "Tj");
    let d = deadline(
        DeadlineKind::Zwischennachweis,
        day(1, 4, 2026),
        Some(LESEPATEN),
    );
    let applied = app
        .store
        .apply(Op::AddDeadline { deadline: d }, "ben")
        .unwrap();
    app.refresh(&applied.changes);
    app.refresh_course_views(&applied.changes);
    let Mode::Termine(view) = &app.mode else {
        panic!("Termine closed: {:?}", app.mode);
    };
    assert_eq!(view.entries.len(), 5);
    assert_eq!(view.entries[1].kind(), DeadlineKind::Zwischennachweis);
    assert_eq!(view.selected, 1, "the row stays");
    assert_eq!(app.overdue(), 3);
    press(app, "<Esc>B");
    let s = session(Body::Bezirksamt, day(1, 7, 2026));
    let applied = app
        .store
        .apply(Op::AddSession { session: s }, "ben")
        .unwrap();
    app.refresh_course_views(&applied.changes);
    let Mode::Sessions(view) = &app.mode else {
        panic!("Sitzungen closed: {:?}", app.mode);
    };
    assert_eq!(view.sessions[0].session.body, Body::Bezirksamt);
}
