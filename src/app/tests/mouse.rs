//! The mouse (issue 16): crossterm mouse events into [`App::mouse`] at 80x24 — a click selects and
//! focuses, the wheel scrolls the pane under the pointer, a click on a report tab switches it.
//!
//! At 80x24 the tree's rows start at (1, 1); the table's header is row 1 of columns 31..79 and
//! its rows start at row 2; the detail pane spans rows 9..23 of columns 30..80.

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::*;
use crate::app::{Focus, Mode, Node, ReportTab};

fn at(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click(app: &mut App, column: u16, row: u16) -> bool {
    app.mouse(at(MouseEventKind::Down(MouseButton::Left), column, row))
}

fn sized() -> Fixture {
    let mut f = fixture();
    f.app.resize(80, 24);
    f
}

#[test]
fn a_click_selects_a_goal_or_a_measure_and_focuses_its_pane() {
    let mut f = sized();
    let app = &mut f.app;
    // `Alle Maßnahmen` is the tree's first row.
    assert!(click(app, 5, 1));
    assert_eq!(app.tree.selected_node(), Node::All);
    assert_eq!(app.focus, Focus::Tree);
    assert_eq!(app.pane.rows.len(), 3);
    // The second measure row of the table.
    assert!(click(app, 40, 3));
    assert_eq!(app.focus, Focus::Measures);
    assert_eq!(app.pane.selected, 1);
    assert_eq!(
        app.detail().measure().map(|m| m.id),
        Some(app.pane.rows[1].id)
    );
    // The header selects nothing but focuses the table; below the last row, nothing moves.
    assert!(click(app, 40, 1));
    assert_eq!(app.pane.selected, 1);
    assert!(click(app, 40, 7));
    assert_eq!(app.pane.selected, 1);
    // The detail pane takes the keyboard.
    assert!(click(app, 50, 12));
    assert_eq!(app.focus, Focus::Detail);
    // A click on Z1 (row 2) in the tree: its measures.
    assert!(click(app, 5, 2));
    assert_eq!(app.focus, Focus::Tree);
    assert_eq!(app.tree.selected().map(|g| g.code.as_str()), Some("Z1"));
    // The status bar is no pane.
    assert!(!click(app, 5, 23));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_leaves_the_focus() {
    let mut f = sized();
    let app = &mut f.app;
    press(app, "<Tab>");
    assert_eq!(app.focus, Focus::Measures);
    let before = app.tree.selected_row();
    assert!(app.mouse(at(MouseEventKind::ScrollDown, 5, 5)));
    assert_eq!(
        app.tree.selected_row(),
        before + crate::app::mouse::WHEEL_STEP
    );
    assert_eq!(
        app.focus,
        Focus::Measures,
        "the keyboard stays where it was"
    );
    assert!(app.mouse(at(MouseEventKind::ScrollUp, 5, 5)));
    assert_eq!(app.tree.selected_row(), before);
    // Over the detail pane: its text scrolls.
    press(app, "<Esc>ljjj<Tab>");
    assert_eq!(app.detail_scroll, 0);
    assert!(app.mouse(at(MouseEventKind::ScrollDown, 50, 15)));
    assert!(app.detail_scroll > 0);
    assert_eq!(app.focus, Focus::Measures);
}

#[test]
fn a_click_on_a_report_tab_switches_it_and_other_modes_ignore_clicks() {
    let mut f = sized();
    let app = &mut f.app;
    press(app, "R");
    let tab = |app: &App| match &app.mode {
        Mode::Report(view) => Some(view.tab),
        _ => None,
    };
    assert_eq!(tab(app), Some(ReportTab::Money));
    // ` Mittel │ Zielerreichung `: the second title starts after the divider.
    assert!(click(app, 12, 1));
    assert_eq!(tab(app), Some(ReportTab::Attainment));
    assert!(click(app, 3, 1));
    assert_eq!(tab(app), Some(ReportTab::Money));
    assert!(!click(app, 3, 5), "the body is no tab");
    press(app, "<Esc>");
    // In a form, a click changes nothing.
    press(app, "<Tab>e");
    assert!(matches!(app.mode, Mode::Form(_)));
    assert!(!click(app, 5, 1));
    assert!(matches!(app.mode, Mode::Form(_)));
}

#[test]
fn every_report_tab_can_be_clicked() {
    let mut f = sized();
    press(&mut f.app, "R");
    // ` Mittel │ Zielerreichung │ Töpfe │ Beschlüsse │ Fristen `.
    for (column, expected) in [
        (50, ReportTab::Deadlines),
        (40, ReportTab::Decisions),
        (30, ReportTab::Pots),
        (10, ReportTab::Attainment),
        (1, ReportTab::Money),
    ] {
        assert!(click(&mut f.app, column, 1), "{column}");
        let Mode::Report(view) = &f.app.mode else {
            panic!("report open");
        };
        assert_eq!(view.tab, expected, "{column}");
    }
    // The divider between two titles is no tab.
    assert!(!click(&mut f.app, 9, 1));
}
