//! The three-way merge, and saving a form after a colleague changed or deleted its record
//! (simulated by applying an op to the store under the app, as a server push would arrive).

use super::*;
use crate::app::tests::{fixture, press, type_text};
use crate::model::{Measure, MeasureId};

fn measure(title: &str, notes: &str) -> FormValue {
    let mut m = Measure::new(title);
    m.id = MeasureId(1);
    m.notes = notes.into();
    FormValue::Measure(m)
}

#[test]
fn one_sided_changes_merge_and_two_sided_ones_clash() {
    let base = measure("Alt", "Notiz");
    // Mine changed the title, theirs the notes: no clash, both kept.
    let (merged, clashes) = merge(&base, &measure("Meins", "Notiz"), &measure("Alt", "Ihre"));
    assert!(clashes.is_empty());
    assert_eq!(merged, measure("Meins", "Ihre"));
    // Both changed the title alike: no clash.
    let (merged, clashes) = merge(&base, &measure("Neu", "Notiz"), &measure("Neu", "Notiz"));
    assert!(clashes.is_empty());
    assert_eq!(merged, measure("Neu", "Notiz"));
    // Both changed the title differently: a clash; the merge keeps theirs until chosen.
    let (merged, clashes) = merge(&base, &measure("Meins", "Neu"), &measure("Ihrs", "Notiz"));
    assert_eq!(clashes, [Part::Measure(0)]);
    assert_eq!(merged, measure("Ihrs", "Neu"));
}

/// The fixture with the form of Lesepaten (M-0001) open and its title typed over.
fn editing_title(title: &str) -> crate::app::tests::Fixture {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "ljjj<Tab>e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.revision(), Some(1));
    state.form.set_text(Field::Title, title);
    f
}

/// A colleague's edit of M-0001, straight into the store.
fn colleague_edits(app: &mut App, change: impl FnOnce(&mut Measure)) {
    let mut theirs = app.store.measure(MeasureId(1)).unwrap().unwrap();
    change(&mut theirs);
    app.store
        .apply(Op::UpdateMeasure { measure: theirs }, "ben")
        .unwrap();
}

fn stored(app: &App) -> Measure {
    app.store().measure(MeasureId(1)).unwrap().unwrap()
}

#[test]
fn a_colleagues_change_of_another_field_merges_without_asking() {
    let mut f = editing_title("Lesepaten (Anna)");
    let app = &mut f.app;
    colleague_edits(app, |m| m.notes = "von Ben".into());
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    let m = stored(app);
    assert_eq!(
        (m.title.as_str(), m.notes.as_str()),
        ("Lesepaten (Anna)", "von Ben")
    );
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "gespeichert – zusammengeführt mit den Änderungen, die inzwischen gespeichert wurden"
    );
}

#[test]
fn a_field_both_changed_opens_the_dialog_and_keeps_mine_or_takes_theirs() {
    let mut f = editing_title("Titel von Anna");
    let app = &mut f.app;
    colleague_edits(app, |m| {
        m.title = "Titel von Ben".into();
        m.location = "Rathaus".into();
    });
    press(app, "<C-s>");
    let Mode::Conflict(conflict) = &app.mode else {
        panic!("no conflict dialog: {:?}", app.mode);
    };
    assert_eq!(conflict.clashes.len(), 1);
    let clash = &conflict.clashes[0];
    assert_eq!(
        (
            clash.label.as_str(),
            clash.mine.as_str(),
            clash.theirs.as_str()
        ),
        ("Titel", "Titel von Anna", "Titel von Ben")
    );
    assert_eq!(stored(app).title, "Titel von Ben", "nothing saved yet");

    // Esc goes back to the form with the typed text; saving again asks again.
    press(app, "<Esc>");
    let Mode::Form(state) = &app.mode else {
        panic!("not back in the form");
    };
    assert_eq!(state.form.text(Field::Title).unwrap(), "Titel von Anna");
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Conflict(_)));

    // Take theirs for the title: their title, their location, nothing of mine lost silently.
    press(app, "t<Enter>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    let m = stored(app);
    assert_eq!(
        (m.title.as_str(), m.location.as_str()),
        ("Titel von Ben", "Rathaus")
    );
}

#[test]
fn keeping_mine_saves_my_text_over_theirs_and_keeps_their_other_changes() {
    let mut f = editing_title("Titel von Anna");
    let app = &mut f.app;
    press(app, "<Tab>");
    type_text(app, " – ergänzt");
    colleague_edits(app, |m| {
        m.title = "Titel von Ben".into();
        m.description = "Bens Beschreibung".into();
        m.location = "Rathaus".into();
    });
    press(app, "<C-s>");
    let Mode::Conflict(conflict) = &app.mode else {
        panic!("no conflict dialog: {:?}", app.mode);
    };
    assert_eq!(conflict.clashes.len(), 2, "title and description");
    press(app, "T"); // all theirs …
    press(app, "M"); // … no: all mine
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    let m = stored(app);
    assert_eq!(m.title, "Titel von Anna");
    assert!(m.description.ends_with(" – ergänzt"), "{}", m.description);
    assert_eq!(m.location, "Rathaus");
}

#[test]
fn a_measure_deleted_meanwhile_keeps_the_form_and_saves_it_as_new() {
    let mut f = editing_title("Gerettet");
    let app = &mut f.app;
    app.store
        .apply(Op::DeleteMeasure { id: MeasureId(1) }, "ben")
        .unwrap();
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("the form closed: {:?}", app.mode);
    };
    assert_eq!(state.form.text(Field::Title).unwrap(), "Gerettet");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("M-0001 wurde inzwischen"),
        "{:?}",
        app.message
    );
    press(app, "<C-s>");
    // Saved as a new measure with an end date: the Verwendungsnachweis is proposed.
    assert!(matches!(app.mode, Mode::Confirm(_)), "{:?}", app.mode);
    press(app, "n");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    let saved: Vec<Measure> = app
        .store()
        .measures()
        .unwrap()
        .into_iter()
        .filter(|m| m.title == "Gerettet")
        .collect();
    assert_eq!(saved.len(), 1);
    assert_ne!(saved[0].id, MeasureId(1), "a new id");
}

#[test]
fn a_goal_changed_meanwhile_clashes_too() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Title, "Meins");
    let goal = app.tree.selected().unwrap().clone();
    app.store
        .apply(
            Op::UpdateGoal {
                id: goal.id,
                code: goal.code.clone(),
                title: "Ihrs".into(),
                description: goal.description.clone(),
            },
            "ben",
        )
        .unwrap();
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Conflict(_)), "{:?}", app.mode);
    press(app, "<Enter>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    assert_eq!(
        app.store().goal_revised(goal.id).unwrap().unwrap().1.title,
        "Meins"
    );
}

#[test]
fn the_conflict_dialog_keeps_a_draft_of_the_form() {
    let mut f = editing_title("Titel von Anna");
    let app = &mut f.app;
    colleague_edits(app, |m| m.title = "Titel von Ben".into());
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Conflict(_)));
    let draft = app.draft().expect("a draft");
    assert!(
        draft
            .form
            .values
            .iter()
            .any(|(_, text)| text == "Titel von Anna")
    );
    assert_eq!(draft.form.revision, Some(1));
}
