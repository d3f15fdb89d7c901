//! Edit forms: adding and editing goals and measures, refusals shown at the field.

use super::*;

#[test]
fn add_measure_through_the_form_links_it_to_the_goal_and_selects_it() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>a");
    assert!(matches!(app.mode, Mode::Form(_)));
    type_text(app, "Hausaufgabenhilfe");
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.message);
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.selected_measure().unwrap().title, "Hausaufgabenhilfe");
    let id = app.pane.selected_id().unwrap();
    let goals: Vec<String> = app
        .links()
        .goals_of(id)
        .iter()
        .map(|(g, _)| app.code_of(*g))
        .collect();
    assert_eq!(goals, ["1.3"]);
    assert!(app.store().measure(id).unwrap().is_some(), "on disk");
}

#[test]
fn an_invalid_form_stays_open_and_writes_nothing() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Title, "");
    state.form.set_text(Field::Approved, "12,3,4");
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("the form closed");
    };
    assert!(state.form.error_of(Field::Title).is_some());
    assert!(state.form.error_of(Field::Approved).is_some());
    assert_eq!(
        app.store()
            .measures()
            .unwrap()
            .iter()
            .filter(|m| m.title.is_empty())
            .count(),
        0
    );
    assert!(!app.store().can_redo(&app.actor).unwrap());
    let entries = app.store().history(10).unwrap().len();
    assert_eq!(entries, 3, "only the three adds of the fixture");
}

#[test]
fn edit_then_undo_and_redo_restore_the_fields() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab><Enter>");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state
        .form
        .set_text(Field::Organisation, "Neuer Träger e. V.");
    press(app, "<C-s>");
    assert_eq!(
        app.selected_measure().unwrap().organisation,
        "Neuer Träger e. V."
    );
    press(app, "u");
    assert_eq!(
        app.selected_measure().unwrap().organisation,
        "Bildungsverbund Nord"
    );
    press(app, "<C-r>");
    assert_eq!(
        app.selected_measure().unwrap().organisation,
        "Neuer Träger e. V."
    );
}

#[test]
fn esc_on_a_changed_form_asks_first() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>e");
    type_text(app, "x");
    press(app, "<Esc>");
    assert!(matches!(&app.mode, Mode::Form(s) if s.form.is_asking()));
    press(app, "n");
    assert!(matches!(&app.mode, Mode::Form(s) if !s.form.is_asking()));
    press(app, "<Esc>j");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.selected_measure().unwrap().title,
        "Lesepaten an der Grundschule"
    );
}

#[test]
fn add_goal_under_a_strategic_goal_gets_the_next_code() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "a");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.text(Field::Code).as_deref(), Some("1.7"));
    type_text(app, "Neues Handlungsfeld");
    press(app, "<C-s>");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(selected_code(app), "1.7");
    assert_eq!(app.tree.selected().unwrap().title, "Neues Handlungsfeld");
    // On a sub-goal, `a` adds a sibling right after it.
    press(app, "kk"); // 1.5
    press(app, "a");
    type_text(app, "Dazwischen");
    press(app, "<C-s>");
    let order: Vec<String> = app
        .tree
        .rows()
        .map(|r| r.goal.code.clone())
        .take(8)
        .collect();
    assert_eq!(
        order,
        ["Z1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.8", "1.6"]
    );
}

#[test]
fn a_duplicate_goal_code_is_shown_at_the_code_field() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Code, "Z2");
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("the form closed");
    };
    assert!(state.form.error_of(Field::Code).is_some());
}

#[test]
fn rename_goal_starts_in_the_title() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "r");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.focused_label(), "Titel");
}
