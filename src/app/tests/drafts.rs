//! Drafts kept over a lost connection, and the discard question of a changed form.

use super::*;

#[test]
fn a_draft_is_saved_and_offered_on_the_next_start() {
    let mut f = fixture();
    select_13(&mut f.app);
    press(&mut f.app, "<Tab>a");
    assert!(f.app.draft().is_none(), "nothing typed, nothing to keep");
    type_text(&mut f.app, "Halb getippt");
    assert!(f.app.save_draft().unwrap());
    let draft = f.dir.path().join("draft.json");
    assert!(draft.exists());
    let store = f.app.into_store();
    let mut app = App::new(store, Lang::De, Some(draft.clone())).unwrap();
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no offer");
    };
    assert!(confirm.question.starts_with("Entwurf wiederherstellen?"));
    press(&mut app, "j");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(
        state.form.text(Field::Title).as_deref(),
        Some("Halb getippt")
    );
    assert!(!draft.exists(), "offered once");
    press(&mut app, "<C-s>");
    assert_eq!(app.selected_measure().unwrap().title, "Halb getippt");
    let goals = app.links().goals_of(app.pane.selected_id().unwrap());
    assert_eq!(
        app.code_of(goals[0].0),
        "1.3",
        "the draft remembers the goal"
    );
}

#[test]
fn declining_the_draft_deletes_it() {
    let mut f = fixture();
    press(&mut f.app, "e");
    type_text(&mut f.app, "x");
    f.app.save_draft().unwrap();
    let draft = f.dir.path().join("draft.json");
    let store = f.app.into_store();
    let mut app = App::new(store, Lang::De, Some(draft.clone())).unwrap();
    press(&mut app, "n");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!draft.exists());
}

#[test]
fn the_discard_question_answers_to_the_keys_of_yes_no_questions_only() {
    use crate::app::keymap::{Context, keys_for};
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    let ask = |app: &mut App| {
        press(app, "<Tab>e");
        type_text(app, "x");
        press(app, "<Esc>");
        assert!(matches!(&app.mode, Mode::Form(s) if s.form.is_asking()));
    };
    for name in keys_for(Context::Confirm, Action::Deny) {
        ask(app);
        press_named(app, name);
        assert!(
            matches!(&app.mode, Mode::Form(s) if !s.form.is_asking()),
            "{name}"
        );
        press(app, "<Esc>");
        press_named(app, keys_for(Context::Confirm, Action::Confirm)[0]);
        assert!(matches!(app.mode, Mode::Normal), "{name}");
    }
    for name in keys_for(Context::Confirm, Action::Confirm) {
        ask(app);
        press_named(app, name);
        assert!(matches!(app.mode, Mode::Normal), "{name}");
    }
    // A key the table does not bind to yes or no (here `J`) answers nothing.
    ask(app);
    press_named(app, "J");
    assert!(matches!(&app.mode, Mode::Form(s) if s.form.is_asking()));
    press_named(app, "n");
    press(app, "<Esc>j");
    assert!(matches!(app.mode, Mode::Normal));
}
