//! Snapshots of the whole screen (TestBackend, 80x24 and 120x40); the submodules check what
//! snapshots cannot show: colours, reverse video, hostile text, scrolling, the status bar.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::app::tests::{fixture, fixture_with, press, type_text};
use crate::i18n::Lang;
use crate::model::{Field, GoalId, Measure, MeasureId};
use crate::store::keys::{TreeName, link_by_goal_key, link_by_measure_key, measure_key};
use crate::store::{Repository, Store, codec};

mod colour;
mod conflict;
mod course;
mod decisions;
mod first_run;
mod hostile;
mod random_keys;
mod rebinding;
mod scrolling;
mod status_bar;
mod which_key;

/// Draws without colour, like most tests.
pub(in crate::ui) fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_in(app, Theme::monochrome(), width, height)
}

pub(in crate::ui) fn draw_in(
    app: &App,
    theme: Theme,
    width: u16,
    height: u16,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| render(app, theme, frame))
        .expect("draw");
    terminal
}

pub(in crate::ui) fn screen(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn start_screen_80x24() {
    let f = fixture();
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn goal_13_with_measures_80x24() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn z1_with_measures_of_its_children_120x40() {
    let mut f = fixture();
    press(&mut f.app, "l<Tab>");
    insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
}

#[test]
fn form_with_validation_errors_80x24() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>e");
    if let Mode::Form(state) = &mut f.app.mode {
        state.form.set_text(Field::Title, "");
        state.form.set_text(Field::Approved, "12,3,4");
    }
    press(&mut f.app, "<C-s>");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn form_beside_the_panes_120x40() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>a");
    type_text(&mut f.app, "Neue Maßnahme für 1.3");
    insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
}

#[test]
fn help_overlay_80x24() {
    let mut f = fixture();
    press(&mut f.app, "?");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn help_overlay_two_columns_120x40() {
    let mut f = fixture();
    press(&mut f.app, "<Tab>?");
    insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
}

#[test]
fn delete_confirmation_80x24() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>d");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn delete_goal_names_the_measure_without_goal_80x24() {
    let mut f = fixture();
    press(&mut f.app, "Gd");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn without_goal_node_last_in_the_tree_80x24() {
    let mut f = fixture();
    press(&mut f.app, "GdjG<Tab>");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn sorted_by_a_hidden_column_says_so_in_the_pane_title_80x24() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>s");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    let first = shown.lines().next().unwrap_or_default().to_string();
    assert!(
        first.contains("Maßnahmen · 1.3 (2) · sortiert nach Träger"),
        "{first}"
    );
    // Sorted by a shown column: the header's ▼ says it, the title does not.
    press(&mut f.app, "sss");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(!shown.contains("sortiert nach"));
    assert!(shown.contains("Status▼"));
}

#[test]
fn overdue_measures_are_marked_120x40() {
    let mut f = fixture();
    // Lesepaten (laufend) ended on 31.12.2026; the Nachbarschaftsfest is abgeschlossen.
    f.app.set_today(NaiveDate::from_ymd_opt(2027, 1, 15));
    press(&mut f.app, "ljjj<Tab>");
    insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
    // Wide enough for the Laufzeit column: the mark is before the end date.
    let shown = screen(draw(&f.app, 180, 40).backend().buffer());
    assert!(shown.contains("01.01.2026–!31.12.2026"), "{shown}");
    assert!(!shown.contains("! laufend"));
}

#[test]
fn overdue_measures_are_marked_before_the_status_when_the_runtime_does_not_fit_80x24() {
    let mut f = fixture();
    f.app.set_today(NaiveDate::from_ymd_opt(2027, 1, 15));
    press(&mut f.app, "ljjj<Tab>");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("! laufend"), "{shown}");
    assert!(shown.contains("Laufzeit: 01.01.2026–31.12.2026  ! Ende"));
    assert!(!shown.contains("! abgeschlossen"));
    // On the last day it is not overdue yet.
    f.app.set_today(NaiveDate::from_ymd_opt(2026, 12, 31));
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(!shown.contains('!'), "{shown}");
    // Where neither Laufzeit nor Status fits (the Ziel column under Z1), in the marker column.
    f.app.set_today(NaiveDate::from_ymd_opt(2027, 1, 15));
    press(&mut f.app, "<Esc>kkkk");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("│★!1.3"), "{shown}");
}

#[test]
fn an_indicator_keeps_name_bar_values_and_unit_on_one_line_80x24() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(
        shown.contains("│  Teilnehmende Ki… ███████░░░ 65 %  26/40 Kinder│"),
        "{shown}"
    );
}

#[test]
fn goal_picker_80x24() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>L");
    type_text(&mut f.app, "9.");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn move_goal_picker_80x24() {
    let mut f = fixture();
    press(&mut f.app, "ljjjm");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn search_in_the_status_bar_80x24() {
    let mut f = fixture();
    press(&mut f.app, "/");
    type_text(&mut f.app, "fest");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn english_80x24() {
    let mut f = fixture();
    f.app.lang = Lang::En;
    press(&mut f.app, "ljjj<Tab>");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn too_small_says_so() {
    let f = fixture();
    let text = screen(draw(&f.app, 79, 24).backend().buffer());
    assert!(text.contains("Terminal zu klein (mind. 80x24)"), "{text}");
    let text = screen(draw(&f.app, 80, 23).backend().buffer());
    assert!(text.contains("Terminal zu klein"), "{text}");
    let text = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(!text.contains("Terminal zu klein"));
}

/// README's screenshot is this rendered screen; `QUARTIER_UPDATE_README=1` regenerates it.
#[test]
fn readme_screenshot_matches_the_rendered_screen() {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>");
    let shot = screen(draw(&f.app, 80, 24).backend().buffer());
    // Hidden cells behind wide characters are not printed by a terminal.
    let shot: String = shot
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    let block = format!("```text\n{shot}```");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let expected =
        crate::app::keymap::replace_between(&readme, "screen", &block).expect("screen markers");
    if std::env::var_os("QUARTIER_UPDATE_README").is_some() {
        std::fs::write(path, &expected).expect("write README.md");
    } else {
        assert!(
            readme == expected,
            "README.md's screenshot is out of date: run QUARTIER_UPDATE_README=1 cargo test"
        );
    }
}

#[test]
fn export_dialog_80x24() {
    let mut f = fixture();
    press(&mut f.app, "x<Down>");
    if let Mode::Export(dialog) = &mut f.app.mode {
        dialog.path = tui_input::Input::new("quartier-2026-11-25.csv".into());
    }
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}
