//! Deleting, linking, unlinking and the primary goal, each one undoable op.

use super::*;

#[test]
fn delete_measure_asks_naming_it_and_no_keeps_it() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question: {:?}", app.mode);
    };
    assert!(confirm.question.contains("Lesepaten an der Grundschule"));
    assert!(
        confirm.question.contains("2 Verknüpfungen"),
        "{}",
        confirm.question
    );
    press(app, "n");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.pane.rows.len(), 2);
    press(app, "dy");
    assert_eq!(pane_titles(app), ["Nachbarschaftsfest"]);
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.store().measures().unwrap().len(), 2);
}

#[test]
fn delete_goal_names_children_and_links_then_undo_and_redo() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question");
    };
    assert!(
        confirm.question.starts_with("Ziel Z1"),
        "{}",
        confirm.question
    );
    assert!(
        confirm
            .question
            .contains("6 Unterzielen und 2 Verknüpfungen"),
        "{}",
        confirm.question
    );
    press(app, "j");
    assert_eq!(selected_code(app), "Z2");
    assert!(app.store().goal_by_code("1.3").unwrap().is_none());
    press(app, "u");
    assert_eq!(
        message(app),
        "Löschen von Ziel Z1 „Mehr Chancen auf dem Arbeitsmarkt“ rückgängig gemacht"
    );
    assert!(app.store().goal_by_code("1.3").unwrap().is_some());
    assert_eq!(
        app.tree
            .goals()
            .iter()
            .filter(|g| g.parent.is_none())
            .count(),
        9
    );
    press(app, "<C-r>");
    assert_eq!(
        message(app),
        "Löschen von Ziel Z1 „Mehr Chancen auf dem Arbeitsmarkt“ wiederholt"
    );
    assert!(app.store().goal_by_code("Z1").unwrap().is_none());
    press(app, "<C-r>");
    assert!(
        message(app).contains("nichts zu wiederholen"),
        "{}",
        message(app)
    );
}

#[test]
fn link_through_the_picker_then_primary_then_unlink() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>j"); // Nachbarschaftsfest, only under 1.3
    let fest = app.pane.selected_id().unwrap();
    press(app, "L");
    type_text(app, "9.2");
    let Mode::Picker(picker) = &app.mode else {
        panic!("no picker");
    };
    assert_eq!(picker.candidates.len(), 1);
    press(app, "<Enter>");
    assert_eq!(message(app), "gespeichert");
    let goals: Vec<String> = app
        .links()
        .goals_of(fest)
        .iter()
        .map(|(g, _)| app.code_of(*g))
        .collect();
    assert_eq!(goals, ["1.3", "9.2"]);
    press(app, "P");
    assert!(message(app).contains("bereits"), "1.3 is already primary");
    press(app, "U");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.links().goals_of(fest).len(), 1);
    assert_eq!(app.code_of(app.links().goals_of(fest)[0].0), "9.2");
    assert!(
        app.links().goals_of(fest)[0].1,
        "the remaining link became primary"
    );
    // The measure left 1.3's pane; the other one is selected now.
    assert_eq!(pane_titles(app), ["Lesepaten an der Grundschule"]);
}

#[test]
fn unlinking_the_last_link_asks_and_the_measure_goes_to_without_goal() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>jU");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question: {}", message(app));
    };
    assert_eq!(
        confirm.question,
        "M-0002 „Nachbarschaftsfest“ hat danach kein Ziel mehr (→ Ohne Ziel). \
         Verknüpfung trotzdem lösen? (j/n)"
    );
    press(app, "n");
    assert_eq!(app.pane.rows.len(), 2, "no keeps the link");
    assert!(!app.tree.has_orphans());
    press(app, "U");
    press(app, "j");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.pane.rows.len(), 1);
    assert!(app.links().goals_of(MeasureId(2)).is_empty());
    // The measure is under `Ohne Ziel`, the last row of the tree.
    press(app, "<Esc>G");
    assert_eq!(app.tree.selected_node(), Node::Orphans);
    assert_eq!(app.count_node(Node::Orphans), 1);
    assert_eq!(pane_titles(app), ["Nachbarschaftsfest"]);
    // Undo brings the link back and the row goes.
    press(app, "u");
    assert!(!app.tree.has_orphans());
    assert_eq!(app.links().goals_of(MeasureId(2)).len(), 1);
}

#[test]
fn deleting_a_goal_names_the_measure_that_loses_its_last_goal_which_stays_reachable() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "G");
    assert_eq!(selected_code(app), "Z9");
    press(app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question");
    };
    assert!(
        confirm
            .question
            .ends_with("M-0003 „Sprachcafé“ hat danach kein Ziel mehr (→ Ohne Ziel). (j/n)"),
        "{}",
        confirm.question
    );
    press(app, "j");
    assert!(app.tree.has_orphans());
    // `Ohne Ziel (1)` is the last row: the measure is shown, editable and found.
    press(app, "G");
    assert_eq!(app.tree.selected_node(), Node::Orphans);
    assert_eq!(pane_titles(app), ["Sprachcafé"]);
    press(app, "<Tab>e");
    assert!(matches!(app.mode, Mode::Form(_)), "e edits it");
    press(app, "<Esc>");
    press(app, "<Esc>g");
    assert_eq!(app.tree.selected_node(), Node::All);
    press(app, "/");
    type_text(app, "sprachcaf");
    press(app, "<Enter>");
    assert_eq!(
        app.tree.selected_node(),
        Node::Orphans,
        "its hit is `Ohne Ziel`"
    );
    assert_eq!(app.selected_measure().map(|m| m.id), Some(MeasureId(3)));
    // Linking moves it out of `Ohne Ziel`; the row goes.
    press(app, "L");
    type_text(app, "1.1");
    press(app, "<Enter>");
    assert_eq!(message(app), "gespeichert");
    assert!(!app.tree.has_orphans());
    assert_eq!(app.count_node(Node::All), 3);
}

#[test]
fn deleting_a_goal_lists_three_orphans_and_counts_the_rest() {
    let mut f = fixture_with(|store| {
        let goal = store.goal_by_code("8.1").unwrap().unwrap().id;
        for n in 1..=5 {
            let measure = Measure::new(format!("Maßnahme {n}"));
            store
                .apply(
                    Op::AddMeasure {
                        measure,
                        goals: vec![goal],
                    },
                    "test",
                )
                .unwrap();
        }
    });
    let app = &mut f.app;
    press(app, "Gk");
    assert_eq!(selected_code(app), "Z8");
    press(app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question");
    };
    assert!(
        confirm.question.ends_with(
            "M-0004 „Maßnahme 1“, M-0005 „Maßnahme 2“, M-0006 „Maßnahme 3“ und 2 weitere \
             haben danach kein Ziel mehr (→ Ohne Ziel). (j/n)"
        ),
        "{}",
        confirm.question
    );
}

#[test]
fn set_primary_through_a_secondary_goal() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "jlj"); // Z2 expanded, 2.1
    assert_eq!(selected_code(app), "2.1");
    press(app, "<Tab>");
    let row = app.pane.selected_row().unwrap();
    assert!(!row.primary);
    press(app, "P");
    assert_eq!(message(app), "gespeichert");
    assert!(app.pane.selected_row().unwrap().primary);
}

#[test]
fn changes_from_the_tui_are_undone_by_the_same_history_as_the_cli() {
    let mut f = fixture();
    select_13(&mut f.app);
    press(&mut f.app, "<Tab>dj");
    let actor = f.app.actor.clone();
    let store = f.app.into_store();
    let entry = store.history(1).unwrap().remove(0);
    assert!(matches!(entry.op, Op::DeleteMeasure { .. }));
    assert!(store.can_undo(&actor).unwrap());
    drop(f.dir);
}
