//! A first visit during the background reading: a goal with many measures not read yet waits
//! for idle time to read them (keys keep working) instead of reading them all at once.

use super::*;
use crate::app::prefetch::PAGE;

const MANY: usize = PAGE + 101;

pub(crate) fn with_many_under_91() -> Fixture {
    fixture_with(|store| {
        let g91 = store.goal_by_code("9.1").unwrap().unwrap().id;
        let ops = (0..MANY)
            .map(|i| Op::AddMeasure {
                measure: Measure::new(format!("Maßnahme {i:04}")),
                goals: vec![g91],
            })
            .collect();
        store.apply(Op::Batch { ops }, "test").expect("add many");
    })
}

pub(crate) fn goal_id(app: &App, code: &str) -> crate::model::GoalId {
    app.store().goal_by_code(code).unwrap().unwrap().id
}

#[test]
fn a_goal_with_many_unread_measures_is_filled_in_idle_steps() {
    let Fixture { dir: _dir, mut app } = with_many_under_91();
    let g91 = goal_id(&app, "9.1");
    app.tree.select(g91);
    app.fill_pane();
    assert!(app.pane_waiting(), "601 unread measures: the pane waits");
    assert!(app.pane.rows.is_empty());
    assert!(!app.take_idle_redraw());
    let mut steps = 0;
    while app.pane_waiting() {
        assert!(app.prefetch_step());
        steps += 1;
    }
    assert_eq!(
        steps,
        MANY.div_ceil(PAGE),
        "a page of the waiting measures per step"
    );
    assert!(app.take_idle_redraw(), "the filled pane asks for a frame");
    assert!(!app.take_idle_redraw(), "once");
    let waited = pane_titles(&app);
    assert_eq!(waited.len(), MANY + 1, "the 601 and the Sprachcafé");

    // The same rows as when everything was read first.
    app.prefetch_all();
    app.rows_cache.clear();
    app.fill_pane();
    assert!(!app.pane_waiting());
    assert_eq!(pane_titles(&app), waited);
}

#[test]
fn moving_on_while_a_pane_waits_stops_the_waiting() {
    let Fixture { dir: _dir, mut app } = with_many_under_91();
    app.tree.select(goal_id(&app, "9.1"));
    app.fill_pane();
    assert!(app.pane_waiting());
    app.tree.select(goal_id(&app, "1.3"));
    app.fill_pane();
    assert!(!app.pane_waiting(), "1.3's two measures are read at once");
    assert_eq!(pane_titles(&app).len(), 2);
}

#[test]
fn a_few_unread_measures_are_read_at_once() {
    let Fixture { dir: _dir, mut app } = fixture();
    app.tree.select(goal_id(&app, "9.1"));
    app.fill_pane();
    assert!(!app.pane_waiting());
    assert_eq!(pane_titles(&app), ["Sprachcafé"]);
}

/// Selects the goal with `code` and fills the pane, as a move of the selection does.
pub(crate) fn show_goal(app: &mut App, code: &str) {
    let id = goal_id(app, code);
    app.tree.select(id);
    app.fill_pane();
}
