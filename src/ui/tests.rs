//! Snapshots of the whole screen (TestBackend, 80x24 and 120x40) and buffer checks for what
//! snapshots cannot show: colours, reverse video, and that hostile text never reaches a cell.

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
use crate::store::{Store, codec};

/// Draws without colour, like most tests.
fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_in(app, Theme { no_color: true }, width, height)
}

fn draw_in(app: &App, theme: Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| render(app, theme, frame))
        .expect("draw");
    terminal
}

fn screen(buffer: &Buffer) -> String {
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
fn an_empty_measure_pane_names_the_key_that_works_from_the_focused_pane() {
    let mut f = fixture();
    // 1.1 has no measures; the tree has the keyboard, where `a` adds a goal.
    press(&mut f.app, "lj");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(
        shown.contains("Keine Maßnahmen bei diesem Ziel – anlegen mit Tab, dann a"),
        "{shown}"
    );
    press(&mut f.app, "<Tab>");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(shown.contains("Keine Maßnahmen bei diesem Ziel – anlegen mit a"));
    // `a` there really adds a measure to 1.1.
    press(&mut f.app, "a");
    assert!(matches!(
        &f.app.mode,
        Mode::Form(state) if matches!(state.purpose, crate::app::Purpose::NewMeasure { .. })
    ));
    press(&mut f.app, "<Esc>");
    // A filter that hides every row says so.
    press(&mut f.app, "<Esc>jj<Tab>fl<Enter>");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(
        shown.contains("Keine Maßnahme passt zum Filter – ändern mit f"),
        "{shown}"
    );
    f.app.lang = Lang::En;
    press(&mut f.app, "<Esc>");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(shown.contains("No measure matches the filter – change it with f"));
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
fn the_detail_pane_shows_there_is_more_and_scrolls_no_further_than_its_end() {
    let mut f = fixture_with(|store| {
        let goal = store.goal_by_code("1.1").unwrap().unwrap().id;
        let mut measure = Measure::new("Lange Notizen");
        measure.notes = (1..=40)
            .map(|n| format!("Zeile {n}"))
            .collect::<Vec<_>>()
            .join("\n");
        let op = crate::ops::Op::AddMeasure {
            measure,
            goals: vec![goal],
        };
        store.apply(op, "test").unwrap();
    });
    press(&mut f.app, "lj<Tab><Tab>");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("↓ mehr"), "{shown}");
    assert!(!shown.contains("↑ mehr"));
    // Bounded by the app itself, without a drawing in between.
    f.app.resize(80, 24);
    let max =
        crate::ui::detail_max_scroll(&f.app, f.app.selected_measure().as_ref(), f.app.screen());
    assert!(max > 20, "{max}");
    for _ in 0..200 {
        press(&mut f.app, "j");
    }
    assert_eq!(f.app.detail_scroll, max, "bounded by the end of the text");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("Zeile 40"), "{shown}");
    assert!(
        shown.contains("↑ mehr") && !shown.contains("↓ mehr"),
        "{shown}"
    );
    // One step back up is one line, not two hundred.
    press(&mut f.app, "k");
    assert_eq!(f.app.detail_scroll, max - 1);
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

/// Every cell of `buffer` without any colour.
fn colourless(buffer: &Buffer) -> bool {
    buffer
        .content
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
}

#[test]
fn no_color_means_no_colour_and_selection_by_reverse_video() {
    let mut f = fixture();
    let theme = Theme { no_color: true };
    press(&mut f.app, "ljjj<Tab>e");
    if let Mode::Form(state) = &mut f.app.mode {
        state.form.set_text(Field::Approved, "12,3,4");
    }
    press(&mut f.app, "<C-s><Esc>j");
    assert!(colourless(
        draw_in(&f.app, theme, 80, 24).backend().buffer()
    ));
    press(&mut f.app, "?");
    assert!(colourless(
        draw_in(&f.app, theme, 80, 24).backend().buffer()
    ));
    press(&mut f.app, "<Esc>");
    let terminal = draw_in(&f.app, theme, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(colourless(buffer));
    // The selected measure row (first data row under the header) is reversed.
    let text = screen(buffer);
    let y = text
        .lines()
        .position(|l| l.contains("★ Lesepaten"))
        .expect("row") as u16;
    let x = text
        .lines()
        .nth(y as usize)
        .unwrap()
        .chars()
        .position(|c| c == '★')
        .unwrap() as u16;
    assert!(buffer[(x + 2, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn with_colour_the_focused_border_is_cyan_and_errors_are_red() {
    let mut f = fixture();
    let theme = Theme { no_color: false };
    let terminal = draw_in(&f.app, theme, 80, 24);
    assert_eq!(terminal.backend().buffer()[(0, 0)].fg, Color::Cyan);
    press(&mut f.app, "<C-r>");
    let terminal = draw_in(&f.app, theme, 80, 24);
    let buffer = terminal.backend().buffer();
    let y = 23;
    let text: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
    let x = text.find("Fehler").expect("error in the status bar") as u16;
    assert_eq!(buffer[(x, y)].fg, Color::Red);
}

/// Writes a measure straight into the store, bypassing validation, as an old or foreign
/// database might hold it.
fn raw_measure(store: &Store, id: u64, title: &str, goal: GoalId) {
    let mut measure = Measure::new(title);
    measure.id = MeasureId(id);
    measure.organisation = "Träger\u{9b}31m rot".into();
    measure.notes = "Zeile 1\n\x1b]52;c;Y2xpcA==\x07Zeile 2".into();
    store
        .raw_insert(
            TreeName::Measures,
            &measure_key(measure.id),
            &codec::encode(1, &measure),
        )
        .unwrap();
    let link = codec::encode(1, &true);
    store
        .raw_insert(
            TreeName::LinksByMeasure,
            &link_by_measure_key(measure.id, goal),
            &link,
        )
        .unwrap();
    store
        .raw_insert(
            TreeName::LinksByGoal,
            &link_by_goal_key(goal, measure.id),
            &link,
        )
        .unwrap();
}

#[test]
fn hostile_text_from_the_database_never_reaches_a_cell() {
    let f = fixture();
    let store = f.app.into_store();
    let goal = store.goal_by_code("1.3").unwrap().unwrap().id;
    let title = "Böse\x1b[2J\x1b]0;evil\x07\u{202e}gnip 漢字 e\u{301}";
    raw_measure(&store, 9000, title, goal);
    let mut app = App::new(store, Lang::De, None).unwrap();
    press(&mut app, "ljjj<Tab>");
    let row = app.pane.position(MeasureId(9000)).expect("listed");
    app.pane.selected = row;
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&app, w, h);
        let buffer = terminal.backend().buffer();
        for cell in &buffer.content {
            for c in cell.symbol().chars() {
                assert!(
                    !crate::model::is_forbidden_in_line(c),
                    "{c:?} reached the screen"
                );
            }
        }
        let text = screen(buffer);
        assert!(text.contains("Böse�[2J�]0;evil��gnip"), "{text}");
        assert!(text.contains("Träger�31m rot"), "{text}");
        // Wide characters take two cells (the second one hidden), a combining mark joins its
        // base character in one cell: the pane's right border stays in the last column.
        let y = text.lines().position(|l| l.contains("漢")).unwrap() as u16;
        assert_eq!(buffer[(w - 1, y)].symbol(), "│");
        let cells: Vec<&str> = (0..w).map(|x| buffer[(x, y)].symbol()).collect();
        assert!(cells.contains(&"e\u{301}"), "{cells:?}");
        let wide = cells.iter().position(|c| *c == "漢").unwrap();
        assert_eq!(cells[wide + 2], "字");
    }
    // The form shows it the same safe way.
    press(&mut app, "e");
    let text = screen(draw(&app, 80, 24).backend().buffer());
    assert!(text.contains("Böse�[2J"), "{text}");
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

#[test]
fn zero_width_characters_never_reach_a_cell_and_borders_stay_put() {
    let f = fixture();
    let store = f.app.into_store();
    let goal = store.goal_by_code("1.3").unwrap().unwrap().id;
    let title = "Null\u{200b}breite\u{200c}Zeichen\u{200d}X\u{2060}Y\u{feff}Z\u{ad}Q\u{fe0f}W";
    raw_measure(&store, 9001, title, goal);
    let mut app = App::new(store, Lang::De, None).unwrap();
    press(&mut app, "ljjj<Tab>");
    let row = app.pane.position(MeasureId(9001)).expect("listed");
    app.pane.selected = row;
    let zero_width = [
        '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{fe0f}',
    ];
    let invisible = |symbol: &str| symbol.chars().any(|c| zero_width.contains(&c));
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&app, w, h);
        let buffer = terminal.backend().buffer();
        for cell in &buffer.content {
            assert!(
                !invisible(cell.symbol()),
                "{:?} reached a cell",
                cell.symbol()
            );
        }
        let text = screen(buffer);
        assert!(text.contains("NullbreiteZeichenXYZQW"), "{text}");
        for (y, line) in text.lines().enumerate() {
            if line.contains("Nullbreite") {
                assert_eq!(buffer[(w - 1, y as u16)].symbol(), "│", "row {y}: {line}");
            }
        }
    }
    press(&mut app, "e");
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(buffer.content.iter().all(|c| !invisible(c.symbol())));
    assert!(screen(buffer).contains("NullbreiteZeichenXYZQW"));
}

#[test]
fn the_report_and_the_detail_pane_draw_indicators_at_the_limits_of_f64() {
    let mut f = crate::app::tests::fixture_with_extremes();
    press(&mut f.app, "R<Tab>");
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(draw(&f.app, w, h).backend().buffer());
        assert!(text.contains("1.3 Verbesserung"), "{text}");
        assert!(!text.contains("NaN"), "{text}");
        assert!(!text.contains("inf"), "{text}");
    }
    press(&mut f.app, "<Esc>ljjj<Tab>");
    let id = f
        .app
        .store()
        .measures()
        .unwrap()
        .iter()
        .find(|m| m.title == "Grenzwerte")
        .unwrap()
        .id;
    f.app.pane.selected = f.app.pane.position(id).expect("listed");
    // The detail pane (indicator bars) draws without panicking at both sizes.
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(draw(&f.app, w, h).backend().buffer());
        assert!(text.contains("Details M-0004"), "{text}");
    }
}

/// The status bar (last row) as text.
fn status_row(app: &App) -> String {
    let text = screen(draw(app, 80, 24).backend().buffer());
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn help_and_quit_stay_in_the_status_bar_at_80_columns() {
    let mut f = fixture();
    for keys in ["", "ljjj", "<Tab>", "<Tab>"] {
        press(&mut f.app, keys);
        let row = status_row(&f.app);
        assert!(row.trim_end().ends_with("? Hilfe  q Ende"), "{row:?}");
    }
    f.app.lang = Lang::En;
    assert!(status_row(&f.app).contains("? help  q quit"));
    f.app.lang = Lang::De;
    // A message too long for the bar is cut, says where to read it whole, and `?` stays.
    let long = "Fehler: Die Datei /home/quartier/exporte/sehr/tief/verschachtelt/bericht.xlsx \
                konnte nicht geschrieben werden";
    f.app.say(crate::app::MessageKind::Error, long);
    let row = status_row(&f.app);
    assert!(row.contains("… Strg-g"), "{row:?}");
    assert!(row.contains("? Hilfe"), "{row:?}");
    assert_eq!(crate::text::width(&row), 80);
    // Ctrl-g shows it whole, wrapped, newest first.
    press(&mut f.app, "<C-g>");
    let text = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(text.contains("Letzte Meldungen, neueste zuerst"), "{text}");
    assert!(text.contains("bericht.xlsx konnte nicht"), "{text}");
    assert!(text.contains("geschrieben werden"), "{text}");
    assert!(status_row(&f.app).starts_with(" MELDUNGEN "));
}

#[test]
fn a_refused_export_shows_why_inside_the_open_dialog() {
    let mut f = fixture();
    press(&mut f.app, "x");
    let target = f.dir.path().join("fehlt").join("bericht.json");
    if let Mode::Export(dialog) = &mut f.app.mode {
        dialog.path = tui_input::Input::new(target.display().to_string());
    }
    press(&mut f.app, "<Enter>");
    let text = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(text.contains("┌ Export "), "{text}");
    assert!(text.contains("kann nicht geschrieben werden"), "{text}");
    assert!(text.contains("gibt es nicht."), "{text}");
    assert!(text.contains("Enter schreiben"), "{text}");
}

#[test]
fn help_scrolled_past_its_end_comes_back_one_line_per_key() {
    let mut f = fixture();
    f.app.resize(80, 24);
    press(&mut f.app, "?");
    for _ in 0..200 {
        press(&mut f.app, "j");
    }
    let at_end = screen(draw(&f.app, 80, 24).backend().buffer());
    press(&mut f.app, "k");
    let one_up = screen(draw(&f.app, 80, 24).backend().buffer());
    assert_ne!(at_end, one_up, "k after scrolling past the end must move");
}

#[test]
fn the_table_looks_the_same_whether_frames_were_drawn_between_keys_or_not() {
    // Scrolling is the app's: drawing changes nothing, so skipping frames (a burst of keys
    // handled before the next frame) shows the same rows.
    let keys = "k<Tab>jjjjjjjjjjkk";
    let mut drawn = crate::app::scroll::tests::many_measures();
    let mut skipped = crate::app::scroll::tests::many_measures();
    for key in ["k", "<Tab>"]
        .into_iter()
        .chain(std::iter::repeat_n("j", 10))
        .chain(["k", "k"])
    {
        press(&mut drawn.app, key);
        draw(&drawn.app, 80, 24);
    }
    press(&mut skipped.app, keys);
    let shown = screen(draw(&skipped.app, 80, 24).backend().buffer());
    assert_eq!(screen(draw(&drawn.app, 80, 24).backend().buffer()), shown);
    assert!(
        shown.contains("Maßnahme 04") && !shown.contains("Maßnahme 03"),
        "{shown}"
    );
}
