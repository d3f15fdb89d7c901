//! The plan form (`J`, issue 14): a measure over several years without a plan opens with a split
//! pro rata by months; `Ctrl-s` saves it as one op (undo removes it); a stored plan opens as it
//! is, an empty form removes it; wrong amounts are refused at their year; a colleague's change
//! in between is refused, never overwritten.

use super::*;
use crate::app::form::{Form, Slot};
use crate::model::{MeasureId, Plan};

const LESEPATEN: MeasureId = MeasureId(1);

/// Lesepaten (12.500 €) running from July 2026 to June 2028: 6, 12 and 6 months.
fn over_three_years() -> Fixture {
    fixture_with(|store| {
        let (_, mut m) = store.measure_revised(LESEPATEN).unwrap().unwrap();
        m.start = NaiveDate::from_ymd_opt(2026, 7, 1);
        m.end = NaiveDate::from_ymd_opt(2028, 6, 30);
        store
            .apply(Op::UpdateMeasure { measure: m }, "anna")
            .unwrap();
    })
}

fn open_plan(app: &mut App) -> &Form {
    press(app, "ljjj<Tab>J");
    match &app.mode {
        Mode::Form(state) => &state.form,
        other => panic!("no form: {other:?} {:?}", app.message),
    }
}

fn form(app: &mut App) -> &mut Form {
    match &mut app.mode {
        Mode::Form(state) => &mut state.form,
        other => panic!("no form: {other:?}"),
    }
}

fn year(y: i32) -> Slot {
    Slot::Field(crate::model::Field::Instalment(y))
}

fn stored(app: &App) -> Option<Plan> {
    app.store().plan(LESEPATEN).unwrap().map(|(_, plan)| plan)
}

fn plan(rates: &[(i32, i64)]) -> Plan {
    Plan(rates.iter().map(|(y, e)| (*y, Cents(e * 100))).collect())
}

#[test]
fn j_proposes_a_split_by_months_and_ctrl_s_saves_it_as_one_undoable_op() {
    let mut f = over_three_years();
    let app = &mut f.app;
    let form = open_plan(app);
    assert_eq!(
        form.title(),
        "Jahresraten M-0001, Vorschlag anteilig nach Monaten: „Lesepaten an der Grundschule“"
    );
    let texts: Vec<Option<String>> = [2026, 2027, 2028].map(|y| form.text(year(y))).into();
    assert_eq!(
        texts,
        [
            Some("3.125,00".into()),
            Some("6.250,00".into()),
            Some("3.125,00".into())
        ]
    );
    assert!(
        !form.is_dirty(),
        "the proposal is what the form opened with"
    );
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.message);
    assert_eq!(
        stored(app),
        Some(plan(&[(2026, 3_125), (2027, 6_250), (2028, 3_125)]))
    );
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Jahresraten von M-0001 gespeichert")
    );
    press(app, "u");
    assert_eq!(stored(app), None, "one op: undo removes the plan");
}

#[test]
fn a_stored_plan_opens_as_it_is_and_an_empty_form_removes_it() {
    let mut f = over_three_years();
    let app = &mut f.app;
    let set = Op::SetPlan {
        measure: LESEPATEN,
        plan: plan(&[(2026, 2_500), (2027, 10_000)]),
    };
    app.store.apply(set.clone(), "anna").unwrap();
    let opened = open_plan(app);
    assert_eq!(
        opened.title(),
        "Jahresraten M-0001 „Lesepaten an der Grundschule“"
    );
    assert_eq!(opened.text(year(2026)).as_deref(), Some("2.500,00"));
    assert_eq!(
        opened.text(year(2028)).as_deref(),
        Some(""),
        "no instalment in 2028"
    );
    for y in [2026, 2027] {
        form(app).set_text(year(y), "");
    }
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.message);
    assert_eq!(stored(app), None, "an empty plan removes it");
}

#[test]
fn a_wrong_amount_is_refused_at_its_year_and_the_sum_is_compared_as_typed() {
    let mut f = over_three_years();
    let app = &mut f.app;
    open_plan(app);
    let hint = |app: &mut App| form(app).rows().find_map(|r| r.warning);
    assert_eq!(hint(app), None, "the proposal adds up");
    form(app).set_text(year(2027), "5.000");
    assert_eq!(
        hint(app).as_deref(),
        Some("Summe 11.250,00 € – bewilligt sind 12.500,00 €")
    );
    form(app).set_text(year(2028), "viel");
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("refused: the form stays open");
    };
    assert!(
        state.form.error_of(year(2028)).is_some(),
        "{:?}",
        state.form
    );
    assert_eq!(state.form.focused_slot(), year(2028));
    assert_eq!(stored(app), None, "nothing saved");
}

#[test]
fn a_plan_changed_by_a_colleague_meanwhile_is_not_overwritten() {
    let mut f = over_three_years();
    let app = &mut f.app;
    let first = Op::SetPlan {
        measure: LESEPATEN,
        plan: plan(&[(2026, 6_250), (2027, 6_250)]),
    };
    app.store.apply(first, "anna").unwrap();
    open_plan(app);
    let theirs = plan(&[(2027, 12_500)]);
    let second = Op::SetPlan {
        measure: LESEPATEN,
        plan: theirs.clone(),
    };
    as_colleague(app, second);
    form(app).set_text(year(2026), "1.000");
    press(app, "<C-s>");
    assert!(
        matches!(app.mode, Mode::Form(_)),
        "refused: the form stays open"
    );
    assert_eq!(stored(app), Some(theirs), "the colleague's plan stays");
}
