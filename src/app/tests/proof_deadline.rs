//! A measure saved with a new end date and no open Verwendungsnachweis deadline: the TUI asks
//! whether to add one, `proof_months` after the end; yes adds it (one op), no adds nothing, an
//! unchanged end or an open deadline asks nothing.

use super::*;
use crate::app::form::Slot;
use crate::model::{DeadlineKind, Field, MeasureId};

const LESEPATEN: MeasureId = MeasureId(1);

fn proofs(app: &App) -> Vec<(Option<MeasureId>, NaiveDate)> {
    (app.store().deadlines().unwrap().into_iter())
        .filter(|(_, d)| d.kind == DeadlineKind::Verwendungsnachweis)
        .map(|(_, d)| (d.measure, d.due))
        .collect()
}

/// Opens Lesepaten's form, types `end` as its end date and saves.
fn save_end(app: &mut App, end: &str) {
    press(app, "e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form: {:?}", app.message);
    };
    state.form.set_text(Slot::Field(Field::End), end);
    press(app, "<C-s>");
}

fn question(app: &App) -> Option<&str> {
    match &app.mode {
        Mode::Confirm(confirm) => Some(confirm.question.as_str()),
        _ => None,
    }
}

#[test]
fn a_new_end_date_asks_for_the_verwendungsnachweis_and_yes_adds_it() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "ljjj<Tab>");
    save_end(app, "30.06.2027");
    assert_eq!(
        question(app),
        Some("Verwendungsnachweis für M-0001 fällig am 30.12.2027 anlegen? (j/n)")
    );
    press(app, "j");
    assert!(matches!(app.mode, Mode::Normal));
    let due = NaiveDate::from_ymd_opt(2027, 12, 30).unwrap();
    assert_eq!(proofs(app), [(Some(LESEPATEN), due)]);
    // An open deadline: a later end asks nothing.
    save_end(app, "31.07.2027");
    assert_eq!(question(app), None);
    press(app, "u");
    assert_eq!(
        proofs(app),
        [(Some(LESEPATEN), due)],
        "undo takes back the edit"
    );
    press(app, "u");
    assert!(
        proofs(app).is_empty(),
        "then the deadline: one op of its own"
    );
}

#[test]
fn no_adds_nothing_an_unchanged_end_asks_nothing_and_proof_months_counts() {
    let mut f = fixture();
    let app = &mut f.app;
    app.proof_months = 3;
    press(app, "ljjj<Tab>");
    save_end(app, "31.12.2026");
    assert_eq!(question(app), None, "the end did not change");
    save_end(app, "30.09.2027");
    assert_eq!(
        question(app),
        Some("Verwendungsnachweis für M-0001 fällig am 30.12.2027 anlegen? (j/n)")
    );
    press(app, "n");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(proofs(app).is_empty());
}
