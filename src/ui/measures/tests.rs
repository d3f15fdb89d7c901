//! The `✎ anna` mark of a measure a colleague has open in a form.

use crate::app::App;
use crate::app::tests::{fixture, press};
use crate::net::client::Colleague;
use crate::store::Editing;

fn screen(app: &App, width: u16, height: u16) -> String {
    crate::ui::tests::screen(
        crate::ui::tests::draw(app, width, height)
            .backend()
            .buffer(),
    )
}

fn colleague(name: &str, editing: Option<Editing>) -> Colleague {
    Colleague {
        name: name.into(),
        editing,
    }
}

#[test]
fn a_measure_a_colleague_has_open_in_a_form_shows_the_name_after_its_title() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>");
    let id = f.app.pane.rows[1].id;
    let title = f.app.row(id).unwrap().title.clone();
    f.app.others = vec![
        colleague("anna", Some(Editing::Measure(id))),
        colleague("ben", None),
    ];
    for (width, height) in [(80, 24), (120, 40)] {
        let shown = screen(&f.app, width, height);
        let marked: Vec<&str> = shown.lines().filter(|l| l.contains('✎')).collect();
        assert_eq!(marked.len(), 1, "{shown}");
        assert!(marked[0].contains("✎ anna"), "{shown}");
        let start: String = title.chars().take(8).collect();
        assert!(marked[0].contains(&start), "{shown}");
    }
    // A name with control characters is shown clean; a long one is cut.
    f.app.others = vec![colleague(
        "ann\u{1b}[31ma-maria-magdalena",
        Some(Editing::Measure(id)),
    )];
    let shown = screen(&f.app, 120, 40);
    assert!(!shown.contains('\u{1b}'), "{shown}");
    let marked = shown.lines().find(|l| l.contains("✎ ann")).unwrap();
    assert!(!marked.contains("magdalena"), "{shown}");
    // Out of the measure's form (into a goal's): the measure's mark goes.
    f.app.others = vec![colleague(
        "anna",
        Some(Editing::Goal(crate::model::GoalId(1))),
    )];
    let start: String = title.chars().take(8).collect();
    let shown = screen(&f.app, 80, 24);
    assert!(
        !shown.lines().any(|l| l.contains('✎') && l.contains(&start)),
        "{shown}"
    );
}

#[test]
fn a_goal_a_colleague_has_open_in_a_form_is_marked_in_the_tree() {
    let f = fixture();
    let mut app = f.app;
    let goal = app.tree.goals()[0].clone();
    app.others = vec![colleague("anna", Some(Editing::Goal(goal.id)))];
    for (width, height) in [(80, 24), (120, 40)] {
        let shown = screen(&app, width, height);
        let marked: Vec<&str> = shown.lines().filter(|l| l.contains('✎')).collect();
        assert_eq!(marked.len(), 1, "{shown}");
        assert!(marked[0].contains(&goal.code), "{shown}");
    }
    app.others = vec![colleague("anna", None)];
    assert!(!screen(&app, 80, 24).contains('✎'));
}

#[test]
fn a_pane_waiting_for_its_rows_says_they_are_being_read() {
    let crate::app::tests::Fixture { dir: _dir, mut app } =
        crate::app::tests::waiting::with_many_under_91();
    crate::app::tests::waiting::show_goal(&mut app, "9.1");
    let waiting = screen(&app, 100, 30);
    assert!(waiting.contains("Maßnahmen werden geladen"), "{waiting}");
    while app.pane_waiting() {
        app.prefetch_step();
    }
    let filled = screen(&app, 100, 30);
    assert!(!filled.contains("werden geladen"), "{filled}");
    assert!(filled.contains("Maßnahme 0000"), "{filled}");
    assert!(
        filled.contains("Details M-"),
        "the detail pane follows: {filled}"
    );
}
