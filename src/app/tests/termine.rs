//! *Termine* in the TUI (issue 15): `T` lists open deadlines and coming sessions, jumps with
//! `Enter` and marks done with `x`; the status bar counts overdue deadlines.

use super::decisions::{CAFE, LESEPATEN, day, deadline, with_deadlines};
use super::*;
use crate::model::{DeadlineId, DeadlineKind};

#[test]
fn termine_lists_overdue_first_then_by_date_with_coming_sessions() {
    let mut f = fixture_with(|s| with_deadlines(s));
    let app = &mut f.app;
    assert_eq!(app.overdue(), 2);
    press(app, "T");
    let Mode::Termine(view) = &app.mode else {
        panic!("no Termine: {:?}", app.mode);
    };
    let listed: Vec<_> = (view.entries.iter())
        .map(|t| (t.date(), t.kind(), t.is_overdue(view.today)))
        .collect();
    assert_eq!(
        listed,
        [
            (day(31, 3, 2026), DeadlineKind::Verwendungsnachweis, true),
            (day(15, 5, 2026), DeadlineKind::Antragsfrist, true),
            (day(15, 6, 2026), DeadlineKind::Sitzung, false),
            (day(20, 6, 2026), DeadlineKind::Sachbericht, false),
        ]
    );
    assert_eq!(view.entries[0].title, "Sprachcafé");
}

#[test]
fn enter_in_termine_selects_the_measure_in_tree_and_table() {
    let mut f = fixture_with(|s| with_deadlines(s));
    let app = &mut f.app;
    press(app, "T");
    // The Sprachcafé lives under 9.1.
    press(app, "<Enter>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.mode);
    assert_eq!(app.focus, Focus::Measures);
    assert_eq!(selected_code(app), "9.1");
    assert_eq!(app.pane.selected_id(), Some(CAFE));
    // A deadline of the office has no measure: said, the view stays.
    press(app, "Tj<Enter>");
    assert!(matches!(app.mode, Mode::Termine(_)), "{:?}", app.mode);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Dieser Termin gehört zu keiner Maßnahme."
    );
}

#[test]
fn x_marks_the_deadline_done_the_count_follows_and_undo_takes_it_back() {
    let mut f = fixture_with(|s| with_deadlines(s));
    let app = &mut f.app;
    press(app, "Tx");
    let Mode::Termine(view) = &app.mode else {
        panic!("Termine closed: {:?}", app.mode);
    };
    assert_eq!(view.entries.len(), 3);
    assert_eq!(view.entries[0].kind(), DeadlineKind::Antragsfrist);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Frist F-0002 erledigt am 01.06.2026."
    );
    let (_, stored) = app.store().deadline(DeadlineId(2)).unwrap().unwrap();
    assert_eq!(stored.done, Some(day(1, 6, 2026)));
    assert_eq!(app.overdue(), 1);
    // A session is no deadline to mark done.
    press(app, "jx");
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Eine Sitzung ist keine Frist zum Erledigen."
    );
    press(app, "<Esc>u");
    let (_, stored) = app.store().deadline(DeadlineId(2)).unwrap().unwrap();
    assert_eq!(stored.done, None);
    assert_eq!(app.overdue(), 2);
}

#[test]
fn the_overdue_count_follows_deadlines_added_by_others() {
    let mut f = fixture();
    let app = &mut f.app;
    assert_eq!(app.overdue(), 0);
    let d = deadline(DeadlineKind::Sachbericht, day(1, 5, 2026), Some(LESEPATEN));
    let applied = app
        .store
        .apply(Op::AddDeadline { deadline: d }, "ben")
        .unwrap();
    app.refresh(&applied.changes);
    assert_eq!(app.overdue(), 1);
}
