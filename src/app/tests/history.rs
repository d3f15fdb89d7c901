//! The history view (`H`): a measure's or goal's changes, newest first, with who and each
//! field old → new; scrolling, closing and what it says when entries are left out.

use super::*;
use crate::app::history_view::{HistoryView, LIMIT};
use crate::model::MeasureId;

/// The id of the fixture's measure titled `title`.
fn id_of(store: &Store, title: &str) -> MeasureId {
    let measures = store.measures().expect("measures");
    measures
        .iter()
        .find(|m| m.title == title)
        .map(|m| m.id)
        .expect("measure")
}

/// Applies `change` to measure `id` as `who`.
fn edit(store: &mut Store, id: MeasureId, who: &str, change: impl FnOnce(&mut Measure)) {
    let mut measure = store.measure(id).unwrap().unwrap();
    change(&mut measure);
    store
        .apply(Op::UpdateMeasure { measure }, who)
        .expect("update");
}

/// The fixture with three edits of `Lesepaten` by two actors (one a shared account).
pub(crate) fn three_edits() -> Fixture {
    fixture_with(|store| {
        let id = id_of(store, "Lesepaten an der Grundschule");
        edit(store, id, "anna", |m| m.approved = Some(Cents(1_300_000)));
        edit(store, id, "ben (über qmbuero)", |m| {
            m.status = Status::Abgeschlossen;
            m.end = NaiveDate::from_ymd_opt(2026, 9, 30);
        });
        edit(store, id, "anna", |m| m.notes = "Bericht liegt vor".into());
    })
}

fn view(app: &App) -> &HistoryView {
    match &app.mode {
        Mode::History(view) => view,
        other => panic!("no history view: {other:?}"),
    }
}

/// Selects `Lesepaten` in the measure pane (goal 1.3, first row).
fn select_lesepaten(app: &mut App) {
    press(app, "ljjj<Tab>");
    let selected = app.selected_measure().expect("a measure");
    assert_eq!(selected.title, "Lesepaten an der Grundschule");
}

/// Opens the history of a measure edited 30 times: longer than one screen at 80x24.
pub(crate) fn open_long(app: &mut App) {
    if app.focus != Focus::Measures {
        select_lesepaten(app);
    }
    let id = app.pane.selected_id().expect("selected");
    for n in 0..30 {
        let mut measure = app.store().measure(id).unwrap().unwrap();
        measure.location = format!("Raum {n}");
        app.store
            .apply(Op::UpdateMeasure { measure }, "anna")
            .expect("update");
    }
    press(app, "H");
    assert!(app.history_max_scroll(view(app)) > 30);
}

#[test]
fn h_on_a_measure_shows_its_edits_newest_first_who_and_fields_old_to_new() {
    let mut f = three_edits();
    let app = &mut f.app;
    select_lesepaten(app);
    press(app, "H");
    let items = &view(app).items;
    let who: Vec<&str> = items.iter().map(|i| i.who.as_str()).collect();
    assert_eq!(who, ["anna", "ben (über qmbuero)", "anna", "test"]);
    let changes: Vec<Vec<String>> = items
        .iter()
        .map(|i| i.changes.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(
        changes,
        [
            vec!["Notizen: – → Bericht liegt vor".to_string()],
            vec![
                "Ende: 31.12.2026 → 30.09.2026".to_string(),
                "Status: laufend → abgeschlossen".to_string(),
            ],
            vec!["Bewilligt: 12.500,00 € → 13.000,00 €".to_string()],
            vec![],
        ]
    );
    assert!(
        items[0].what.contains("M-0001") && items[0].what.contains("Lesepaten"),
        "{}",
        items[0].what
    );
    assert!(items[3].what.contains("angelegt"), "{}", items[3].what);
    assert!(
        items
            .iter()
            .all(|i| i.time.len() == "2026-12-02 14:03".len())
    );
    assert_eq!(view(app).note, None, "nothing left out");
    press(app, "q");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.focus, Focus::Measures, "the panes are as they were");
    assert!(!app.should_quit());
    // From the detail pane too.
    press(app, "<Tab>H");
    assert_eq!(view(app).subject, "M-0001 Lesepaten an der Grundschule");
    press(app, "H");
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn undo_and_redo_are_shown_as_such_with_the_fields_they_changed() {
    let mut f = fixture_with(|store| {
        let id = id_of(store, "Sprachcafé");
        edit(store, id, "anna", |m| m.approved = Some(Cents(900_000)));
        store.undo("anna").expect("undo");
        store.redo("anna").expect("redo");
    });
    let app = &mut f.app;
    // 9.1 is the Sprachcafé's goal: to `Alle Maßnahmen` and find it there.
    press(app, "k<Tab>");
    while app
        .selected_measure()
        .is_some_and(|m| m.title != "Sprachcafé")
    {
        press(app, "j");
    }
    press(app, "H");
    let [redo, undo, edit] = &view(app).items[..3] else {
        panic!("three entries");
    };
    assert!(redo.what.contains("wiederholt"), "{}", redo.what);
    assert_eq!(
        redo.changes[0].to_string(),
        "Bewilligt: 8.000,00 € → 9.000,00 €"
    );
    assert!(undo.what.contains("rückgängig"), "{}", undo.what);
    assert_eq!(
        undo.changes[0].to_string(),
        "Bewilligt: 9.000,00 € → 8.000,00 €"
    );
    assert_eq!(
        edit.changes[0].to_string(),
        "Bewilligt: 8.000,00 € → 9.000,00 €"
    );
}

#[test]
fn h_in_the_tree_shows_the_goals_history_and_refuses_a_virtual_row() {
    let mut f = fixture_with(|store| {
        let goal = store.goal_by_code("1.3").unwrap().unwrap();
        let op = Op::UpdateGoal {
            id: goal.id,
            code: goal.code.clone(),
            title: "Nachbarschaft leben".into(),
            description: goal.description.clone(),
        };
        store.apply(op, "anna").expect("update goal");
    });
    let app = &mut f.app;
    press(app, "ljjjH");
    let view = view(app);
    assert!(
        view.subject.starts_with("1.3 Nachbarschaft leben"),
        "{}",
        view.subject
    );
    assert_eq!(view.items[0].who, "anna");
    assert!(
        view.items[0].changes[0]
            .to_string()
            .ends_with("→ Nachbarschaft leben")
    );
    // The two measures added under 1.3 are part of its history.
    assert_eq!(view.items.len(), 3);
    press(app, "<Esc>k");
    while app.tree.selected_node().goal().is_some() {
        press(app, "k");
    }
    press(app, "H");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.message.is_some(), "says that H needs a goal");
}

#[test]
fn a_goal_without_entries_says_so() {
    let mut f = fixture();
    let app = &mut f.app;
    // Z2: its sub-goal 2.1 has a measure, Z2 itself none.
    press(app, "jH");
    assert!(
        view(app).subject.starts_with("Z2 "),
        "{}",
        view(app).subject
    );
    assert!(view(app).items.is_empty());
    assert_eq!(view(app).note.as_deref(), Some("Kein Eintrag im Verlauf."));
}

#[test]
fn scrolling_is_bounded_and_h_esc_q_close() {
    let mut f = fixture();
    let app = &mut f.app;
    app.resize(80, 24);
    for close in ["H", "<Esc>", "q"] {
        open_long(app);
        let max = app.history_max_scroll(view(app));
        press(app, "jj");
        assert_eq!(view(app).scroll, 2);
        press(app, "k<PgDn>");
        assert_eq!(view(app).scroll, 1 + 20, "a page is the box less one line");
        press(app, "G");
        assert_eq!(view(app).scroll, max);
        press(app, "j<PgDn>");
        assert_eq!(view(app).scroll, max, "not past the end");
        press(app, "<PgUp>g");
        assert_eq!(view(app).scroll, 0);
        press(app, close);
        assert!(matches!(app.mode, Mode::Normal), "{close}");
    }
}

#[test]
fn a_long_history_shows_the_newest_entries_and_says_so() {
    let mut f = fixture_with(|store| {
        let id = id_of(store, "Sprachcafé");
        for n in 0..=LIMIT {
            edit(store, id, "anna", |m| m.location = format!("Raum {n}"));
        }
    });
    let app = &mut f.app;
    press(app, "k<Tab>");
    while app
        .selected_measure()
        .is_some_and(|m| m.title != "Sprachcafé")
    {
        press(app, "j");
    }
    press(app, "H");
    let view = view(app);
    assert_eq!(view.items.len(), LIMIT);
    assert_eq!(
        view.items[0].changes[0].to_string(),
        format!("Ort: Raum {} → Raum {LIMIT}", LIMIT - 1)
    );
    let note = view.note.as_deref().expect("a note");
    assert!(
        note.contains("200") && note.contains("quartier log --measure M-0003"),
        "{note}"
    );
}

#[test]
fn english_with_lang_en() {
    let mut f = three_edits();
    let app = &mut f.app;
    app.lang = Lang::En;
    select_lesepaten(app);
    press(app, "H");
    let first = &view(app).items[0];
    assert_eq!(first.changes[0].to_string(), "Notes: – → Bericht liegt vor");
    assert!(first.what.contains("Lesepaten"), "{}", first.what);
}

/// Edits `title`'s location as `who` through the app's repository, as a colleague's change
/// arrives: the store has it, the app is told by [`App::refresh_history`].
fn colleague_edits(app: &mut App, title: &str, who: &str) -> Vec<crate::ops::Change> {
    let measures = app.store().measures().expect("measures");
    let mut measure = measures
        .into_iter()
        .find(|m| m.title == title)
        .expect("measure");
    measure.location = format!("Hof von {who}");
    let applied = app
        .store
        .apply(Op::UpdateMeasure { measure }, who)
        .expect("update");
    applied.changes
}

#[test]
fn a_colleagues_change_of_the_record_appears_in_the_open_view() {
    let mut f = three_edits();
    let app = &mut f.app;
    app.resize(80, 24);
    select_lesepaten(app);
    press(app, "H");
    let before = view(app).clone();
    // Another measure: the view stays as it is.
    let changes = colleague_edits(app, "Sprachcafé", "carla");
    app.refresh_history(&changes);
    assert_eq!(view(app), &before);
    // This one: its entry comes first.
    let changes = colleague_edits(app, "Lesepaten an der Grundschule", "carla");
    app.refresh_history(&changes);
    assert_eq!(view(app).items.len(), before.items.len() + 1);
    assert_eq!(view(app).items[0].who, "carla");
    assert_eq!(
        view(app).items[0].changes[0].to_string(),
        "Ort: – → Hof von carla"
    );
    assert_eq!(view(app).scroll, 0, "at the top, the new entry shows");
}

#[test]
fn lines_in_view_stay_in_view_when_a_change_arrives() {
    let mut f = fixture();
    let app = &mut f.app;
    app.resize(80, 24);
    open_long(app);
    press(app, "jjjj");
    let (columns, _) = app.history_area();
    let first_shown = |app: &App| view(app).lines(columns)[view(app).scroll].clone();
    let shown = first_shown(app);
    let changes = colleague_edits(app, "Lesepaten an der Grundschule", "carla");
    app.refresh_history(&changes);
    assert_eq!(view(app).items[0].who, "carla");
    assert_eq!(view(app).scroll, 4 + 3, "three new lines above");
    assert_eq!(first_shown(app), shown);
}
