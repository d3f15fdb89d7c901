//! `u` and `Ctrl-r` with a colleague on the same store: the app's undo reverts only its own
//! user's change, and asks before overwriting a colleague's later change of the same measure.

use super::*;
use crate::model::MeasureId;

fn retitle(app: &mut App, actor: &str, title: &str) {
    let mut measure = app.store().measure(MeasureId(1)).unwrap().unwrap();
    measure.title = title.into();
    app.store
        .apply(Op::UpdateMeasure { measure }, actor)
        .expect("update");
}

fn title(app: &App) -> String {
    app.store().measure(MeasureId(1)).unwrap().unwrap().title
}

#[test]
fn undo_asks_before_overwriting_a_colleagues_later_change_and_no_keeps_it() {
    let mut f = fixture();
    let app = &mut f.app;
    app.actor = "anna".into();
    retitle(app, "anna", "Annas Titel");
    retitle(app, "ben", "Bens Titel");

    press(app, "u");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("expected a question, got {:?}", app.mode);
    };
    let question = &confirm.question;
    assert!(
        question.starts_with("ben hat M-0001 danach geändert ("),
        "{question}"
    );
    assert!(
        question.ends_with(") – trotzdem rückgängig machen?"),
        "{question}"
    );
    press(app, "n");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(title(app), "Bens Titel", "no: ben's change stays");

    press(app, "u");
    press(app, "j");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(title(app), "Lesepaten an der Grundschule");
    assert!(
        message(app).ends_with("rückgängig gemacht"),
        "{}",
        message(app)
    );

    // Redo asks the same way once ben changed the measure again.
    retitle(app, "ben", "Bens zweiter Titel");
    press(app, "<C-r>");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("expected a question, got {:?}", app.mode);
    };
    assert!(
        confirm.question.ends_with("trotzdem wiederholen?"),
        "{}",
        confirm.question
    );
    press(app, "y");
    // Redo returns to what the undo replaced.
    assert_eq!(title(app), "Bens Titel");
}

#[test]
fn undo_skips_a_colleagues_newer_change_of_another_measure() {
    let mut f = fixture();
    let app = &mut f.app;
    app.actor = "anna".into();
    retitle(app, "anna", "Annas Titel");
    let mut other = app.store().measure(MeasureId(2)).unwrap().unwrap();
    other.title = "Bens Fest".into();
    app.store
        .apply(Op::UpdateMeasure { measure: other }, "ben")
        .unwrap();
    press(app, "u");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(title(app), "Lesepaten an der Grundschule");
    let fest = app.store().measure(MeasureId(2)).unwrap().unwrap();
    assert_eq!(fest.title, "Bens Fest");
    press(app, "u");
    assert!(
        message(app).contains("nichts rückgängig"),
        "{}",
        message(app)
    );
}
