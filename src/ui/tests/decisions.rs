//! Decisions and deadlines in the TUI (issue 15) at 80×24: the decision form (`b`) and its
//! proposal, *Sitzungen* (`B`), *Termine* (`T`, overdue in red) and the status bar's count of
//! overdue deadlines.

use super::*;
use crate::app::Mode;
use crate::app::tests::decisions::{with_deadlines, with_sessions};

#[test]
fn the_decision_form_offers_the_sessions_80x24() {
    let mut f = fixture_with(|store| with_sessions(store));
    f.app.resize(80, 24);
    press(&mut f.app, "ljjj<Tab>b");
    let terminal = draw(&f.app, 80, 24);
    let shown = screen(terminal.backend().buffer());
    assert!(shown.contains("Beschluss zu M-0001 erfassen"), "{shown}");
    assert!(shown.contains("20.05.2026 Aktionsfonds-Jury"), "{shown}");
    assert!(shown.contains("Zustimmung"), "{shown}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_proposal_asks_over_the_panes_80x24() {
    let mut f = fixture_with(|store| with_sessions(store));
    f.app.resize(80, 24);
    press(&mut f.app, "ljjj<Tab>j");
    // The Nachbarschaftsfest is closed: no status, but the new amount is proposed.
    press(&mut f.app, "b");
    if let Mode::Form(state) = &mut f.app.mode {
        state.form.set_text(Field::Amount, "1.500");
    }
    press(&mut f.app, "<C-s>");
    assert!(matches!(f.app.mode, Mode::Confirm(_)), "{:?}", f.app.mode);
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("B-0002 zu M-0002 schlägt vor"), "{shown}");
    assert!(shown.contains("1.500,00 €"), "{shown}");
    assert!(!shown.contains("Status „"), "{shown}");
}

#[test]
fn sessions_with_the_decisions_of_the_selected_80x24() {
    let mut f = fixture_with(|store| with_sessions(store));
    f.app.resize(80, 24);
    press(&mut f.app, "B");
    let terminal = draw(&f.app, 80, 24);
    let shown = screen(terminal.backend().buffer());
    assert!(shown.contains("SITZUNGEN"), "{shown}");
    let newest = shown.find("20.05.2026").unwrap();
    let older = shown.find("12.03.2026").unwrap();
    assert!(newest < older, "{shown}");
    assert!(shown.contains("8.000,00 €"), "{shown}");
    assert!(shown.contains("Sprachcafé"), "{shown}");
    assert!(shown.contains("9/1/2"), "{shown}");
    insta::assert_snapshot!(terminal.backend());
    press(&mut f.app, "j");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(
        shown.contains("Keine Beschlüsse in dieser Sitzung."),
        "{shown}"
    );
}

#[test]
fn termine_overdue_first_in_red_80x24() {
    let mut f = fixture_with(|store| with_deadlines(store));
    f.app.resize(80, 24);
    press(&mut f.app, "T");
    let terminal = draw(&f.app, 80, 24);
    let shown = screen(terminal.backend().buffer());
    assert!(shown.contains("Termine – heute 01.06.2026"), "{shown}");
    assert!(shown.contains("62 Tage überfällig"), "{shown}");
    assert!(shown.contains("in 14 Tagen"), "{shown}");
    insta::assert_snapshot!(terminal.backend());
    let terminal = draw_in(&f.app, Theme::default(), 80, 24);
    let buffer = terminal.backend().buffer();
    let row = |y: u16| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>();
    let overdue = (0..24)
        .find(|y| row(*y).contains("17 Tage überfällig"))
        .unwrap();
    let x = row(overdue).find("17").unwrap() as u16;
    assert_eq!(buffer[(x, overdue)].fg, Color::Red);
    let coming = (0..24).find(|y| row(*y).contains("in 19 Tagen")).unwrap();
    assert_ne!(buffer[(2, coming)].fg, Color::Red);
}

#[test]
fn the_status_bar_counts_overdue_deadlines_on_the_first_screen() {
    let mut f = fixture_with(|store| with_deadlines(store));
    f.app.resize(80, 24);
    let terminal = draw(&f.app, 80, 24);
    let bar = screen(terminal.backend().buffer());
    let bar = bar.lines().last().unwrap().to_string();
    assert!(bar.contains("2 Fristen überfällig"), "{bar}");
    insta::assert_snapshot!(terminal.backend());
    f.app.lang = Lang::En;
    let bar = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(bar.contains("2 deadlines overdue"), "{bar}");
    // Not over a view.
    press(&mut f.app, "T");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    let bar = shown.lines().last().unwrap();
    assert!(!bar.contains("overdue"), "{bar}");
}

#[test]
fn termine_with_more_entries_than_rows_pages_with_the_selection() {
    let mut f = fixture_with(|store| {
        for n in 0..30 {
            let deadline = crate::model::Deadline {
                id: crate::model::DeadlineId(0),
                kind: crate::model::DeadlineKind::Sonstige,
                due: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap() + chrono::Days::new(n),
                measure: None,
                note: format!("Frist Nummer {n}"),
                done: None,
            };
            store
                .apply(crate::ops::Op::AddDeadline { deadline }, "t")
                .unwrap();
        }
    });
    f.app.resize(80, 24);
    press(&mut f.app, "T");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("Frist Nummer 0 "), "{shown}");
    assert!(!shown.contains("Frist Nummer 25"), "{shown}");
    press(&mut f.app, "G");
    let terminal = draw(&f.app, 80, 24);
    let shown = screen(terminal.backend().buffer());
    assert!(shown.contains("Frist Nummer 29"), "{shown}");
    assert!(!shown.contains("Frist Nummer 0 "), "{shown}");
    let buffer = terminal.backend().buffer();
    let y = (0..24)
        .find(|y| {
            (0..80)
                .map(|x| buffer[(x, *y)].symbol())
                .collect::<String>()
                .contains("Nummer 29")
        })
        .unwrap();
    assert!(
        buffer[(2, y)].modifier.contains(Modifier::REVERSED),
        "the last one is selected"
    );
}
