//! The goal tree: moving, expanding, panes, adding and moving goals, the virtual rows.

use super::*;

#[test]
fn tree_navigation_expands_moves_and_collapses() {
    let mut f = fixture();
    let app = &mut f.app;
    assert_eq!(selected_code(app), "Z1");
    assert_eq!(
        app.tree.len(),
        10,
        "Alle Maßnahmen and nine strategic goals, collapsed"
    );
    press(app, "l");
    assert!(app.tree.len() > 10);
    press(app, "j");
    assert_eq!(selected_code(app), "1.1");
    press(app, "h");
    assert_eq!(selected_code(app), "Z1");
    press(app, "h");
    assert_eq!(app.tree.len(), 10);
    press(app, "G");
    assert_eq!(selected_code(app), "Z9");
    press(app, "g");
    assert_eq!(app.tree.selected_node(), Node::All);
    press(app, "<Down><Down><Down>");
    assert_eq!(selected_code(app), "Z3");
    press(app, "<Space>");
    assert_eq!(app.tree.rows().nth(3).unwrap().goal.code, "3.1");
    press(app, "<Space>");
    assert_eq!(app.tree.rows().nth(3).unwrap().goal.code, "Z4");
}

#[test]
fn a_strategic_goal_counts_and_lists_the_measures_of_its_children() {
    let mut f = fixture();
    let app = &mut f.app;
    let z1 = app.tree.selected_id().unwrap();
    assert_eq!(app.count(z1), 2);
    assert_eq!(
        pane_titles(app),
        ["Lesepaten an der Grundschule", "Nachbarschaftsfest"]
    );
    assert!(
        app.pane
            .rows
            .iter()
            .all(|r| r.via.map(|g| app.code_of(g)).as_deref() == Some("1.3"))
    );
    select_13(app);
    assert_eq!(app.pane.rows.len(), 2);
    press(app, "j");
    assert_eq!(selected_code(app), "1.4");
    assert!(app.pane.rows.is_empty());
}

#[test]
fn tab_cycles_panes_and_moves_stay_in_the_focused_pane() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>");
    assert_eq!(app.focus, Focus::Measures);
    press(app, "j");
    assert_eq!(app.pane.selected, 1);
    assert_eq!(selected_code(app), "1.3");
    press(app, "<Tab>");
    assert_eq!(app.focus, Focus::Detail);
    // The app knows how far the pane can scroll from the screen size, without a drawing.
    // (Here a stand-in for the views' wrapping: the pane can scroll 5 lines.)
    app.set_scroll_bounds(crate::app::ScrollBounds {
        detail: |_, _, _| 5,
        report: |_, _, _| 0,
    });
    let max = app.detail_max_scroll();
    assert_eq!(max, 5);
    press(app, "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj");
    assert_eq!(app.detail_scroll, max);
    press(app, "k");
    assert_eq!(app.detail_scroll, max.saturating_sub(1));
    press(app, "<S-Tab><S-Tab>");
    assert_eq!(app.focus, Focus::Tree);
    press(app, "<Tab><Esc>");
    assert_eq!(app.focus, Focus::Tree, "Esc goes back to the tree");
}

#[test]
fn goal_actions_on_a_virtual_row_say_why_nothing_happens() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "g");
    for key in ["a", "r", "e", "d", "K", "J"] {
        press(app, key);
        assert!(matches!(app.mode, Mode::Normal), "{key} opened something");
        assert_eq!(
            message(app),
            "„Alle Maßnahmen“ ist kein Ziel – dafür ein Ziel im Baum wählen",
            "{key}"
        );
    }
    press(app, "<Tab>U");
    assert!(message(app).starts_with("Unter „Alle Maßnahmen“ ist kein Ziel gewählt"));
    // `a` in the measure pane of a virtual row: a measure without a goal.
    press(app, "a");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.purpose, Purpose::NewMeasureWithoutGoal);
    type_text(app, "Kiezgarten");
    press(app, "<C-s>");
    assert_eq!(message(app), "gespeichert");
    assert!(app.tree.has_orphans());
    assert_eq!(
        app.selected_measure().map(|m| m.title),
        Some("Kiezgarten".into())
    );
    assert_eq!(app.count_node(Node::All), 4);
}

#[test]
fn move_goal_up_and_down_among_siblings() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "K");
    assert_eq!(message(app), "gespeichert");
    let order: Vec<String> = app
        .tree
        .rows()
        .map(|r| r.goal.code.clone())
        .take(4)
        .collect();
    assert_eq!(order, ["Z1", "1.1", "1.3", "1.2"]);
    assert_eq!(selected_code(app), "1.3");
    press(app, "JJ");
    let order: Vec<String> = app
        .tree
        .rows()
        .map(|r| r.goal.code.clone())
        .take(5)
        .collect();
    assert_eq!(order, ["Z1", "1.1", "1.2", "1.4", "1.3"]);
    press(app, "gjK");
    assert_eq!(selected_code(app), "Z1");
    assert_eq!(
        message(app),
        "Z1 ist schon das erste Ziel auf seiner Ebene – m verschiebt es unter ein anderes Ziel",
        "the first goal cannot move up: the status bar says why"
    );
    press(app, "GJ");
    assert_eq!(selected_code(app), "Z9");
    assert!(message(app).starts_with("Z9 ist schon das letzte Ziel auf seiner Ebene"));
}

#[test]
fn m_moves_a_goal_under_another_parent_in_one_undoable_op() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    let g13 = app.tree.selected_id().unwrap();
    let z1 = app.tree.selected().unwrap().parent;
    press(app, "m");
    let Mode::Picker(picker) = &app.mode else {
        panic!("no picker");
    };
    assert_eq!(picker.purpose, PickFor::MoveGoal(g13));
    assert_eq!(picker.candidates[0], None, "the top level comes first");
    assert!(!picker.candidates.contains(&Some(g13)), "not under itself");
    assert!(!picker.candidates.contains(&z1), "not where it is");
    type_text(app, "Z2");
    press(app, "<Enter>");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(selected_code(app), "1.3", "the moved goal stays selected");
    let z2 = app.tree.goals().iter().find(|g| g.code == "Z2").unwrap().id;
    assert_eq!(app.tree.goal(g13).unwrap().parent, Some(z2));
    // Its measures count under Z2 now, no longer under Z1.
    assert_eq!(app.count(z2), 2);
    assert_eq!(app.count(z1.unwrap()), 0);
    assert_eq!(app.store().history(1).unwrap().len(), 1);
    let last = &app.store().history(1).unwrap()[0];
    assert!(matches!(last.op, Op::MoveGoal { id, parent: Some(p), .. } if id == g13 && p == z2));
    // One undo puts it back where it was.
    press(app, "u");
    assert_eq!(app.tree.goal(g13).unwrap().parent, z1);
    assert_eq!(app.tree.goal(g13).unwrap().position, 2);
    // To the top level, and `Esc` closes the picker without a change.
    press(app, "m<Enter>");
    assert_eq!(app.tree.goal(g13).unwrap().parent, None);
    press(app, "m<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.tree.goal(g13).unwrap().parent, None);
    // On a virtual row `m` says why nothing happens.
    press(app, "gm");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(message(app).contains("ist kein Ziel"));
}

#[test]
fn an_empty_tree_gets_a_new_top_level_goal() {
    let mut f = fixture();
    let app = &mut f.app;
    // Delete all nine strategic goals (each with its sub-goals and links).
    for _ in 0..9 {
        press(app, "gjdj");
    }
    assert!(app.tree.is_empty());
    assert_eq!(
        app.tree.selected_node(),
        Node::Orphans,
        "every measure lost its goal"
    );
    press(app, "a");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.text(Field::Code).as_deref(), Some("Z1"));
    type_text(app, "Neu anfangen");
    press(app, "<C-s>");
    assert_eq!(selected_code(app), "Z1");
    assert_eq!(app.tree.len(), 3, "Alle Maßnahmen, Z1, Ohne Ziel");
}
