use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

use super::*;
use crate::app::form::{FormOutcome, Part, Slot};
use crate::model::{Cents, Field, Fund, Goal, GoalId, Indicator, Measure, MeasureId, Status};

fn measure() -> Measure {
    Measure {
        id: MeasureId(42),
        title: "Kiezfest am Leopoldplatz".into(),
        description: "Ein Fest für alle.\nMit Bühne und Musik.".into(),
        organisation: "Kiezverein e. V.".into(),
        contact: "info@kiezverein.de".into(),
        responsible: "A. Yılmaz".into(),
        reference: "QM-2026/17".into(),
        fund: Some(Fund::Projektfonds),
        requested: Some(Cents(1_250_000)),
        approved: Some(Cents(1_000_000)),
        cofunding: None,
        start: chrono::NaiveDate::from_ymd_opt(2026, 3, 1),
        end: chrono::NaiveDate::from_ymd_opt(2026, 10, 31),
        status: Status::Bewilligt,
        target_groups: vec!["Kinder".into(), "Senior:innen".into()],
        location: "Leopoldplatz".into(),
        notes: String::new(),
        indicators: vec![Indicator {
            name: "Teilnehmende".into(),
            unit: "Personen".into(),
            baseline: 0.0,
            target: 120.5,
            actual: Some(80.0),
        }],
    }
}

fn goal() -> Goal {
    Goal {
        id: GoalId(7),
        parent: Some(GoalId(2)),
        code: "1.3".into(),
        title: "Nachbarschaft stärken".into(),
        description: "Begegnung im Kiez".into(),
        position: 4,
    }
}

fn draw(form: &Form, theme: Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| render(form, &Default::default(), theme, frame.area(), frame))
        .expect("draw");
    terminal
}

fn invalid_measure_form() -> Form {
    let mut form = Form::measure(&measure(), false, Lang::De);
    form.set_text(Field::Requested, "12,3,4");
    form.set_text(Field::End, "2026-02-01");
    assert_eq!(form.submit(), FormOutcome::Pending);
    form
}

/// The row of the buffer as text.
fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height).find_map(|y| {
        let line = row_text(buffer, y);
        line.find(needle).map(|byte| {
            let x = line[..byte].chars().count();
            (u16::try_from(x).unwrap_or(0), y)
        })
    })
}

#[test]
fn measure_form_with_errors_80x24() {
    let terminal = draw(&invalid_measure_form(), Theme::default(), 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn measure_form_with_errors_120x40() {
    let terminal = draw(&invalid_measure_form(), Theme::default(), 120, 40);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn measure_form_asks_before_discarding_80x24() {
    let mut form = Form::measure(&measure(), false, Lang::De);
    form.input(KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE));
    assert_eq!(form.cancel(), FormOutcome::Pending);
    let terminal = draw(&form, Theme::default(), 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn new_measure_in_the_indicators_scrolled_80x24() {
    let mut form = Form::measure(&measure(), true, Lang::En);
    form.focus(Slot::Indicator(0, Part::Actual));
    form.add_entry();
    let terminal = draw(&form, Theme::default(), 80, 24);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let (_, y) = find(buffer, "Indicator 2: Name").expect("focused row visible");
    assert!(y < 22);
}

#[test]
fn goal_form_with_store_error_80x24() {
    let mut form = Form::goal(&goal(), false, Lang::De);
    form.set_error(Field::Code, "Das Kürzel 1.3 ist schon vergeben.".into());
    let terminal = draw(&form, Theme::default(), 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn new_goal_form_120x40() {
    let form = Form::goal(
        &Goal {
            code: String::new(),
            title: String::new(),
            description: String::new(),
            ..goal()
        },
        true,
        Lang::En,
    );
    let terminal = draw(&form, Theme::default(), 120, 40);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn error_text_has_the_error_style() {
    let theme = Theme::default();
    let terminal = draw(&invalid_measure_form(), theme, 120, 40);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "liegt vor dem Beginn").expect("error shown");
    let cell = &buffer[(x, y)];
    assert_eq!(cell.fg, Color::Red);
    assert!(cell.modifier.contains(Modifier::BOLD));
    let (x, y) = find(buffer, "Kofinanzierung").expect("label shown");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buffer[(x, y)].fg, Color::Reset);
}

#[test]
fn escape_sequences_in_user_text_are_neutralised() {
    let hostile = Goal {
        code: "Z\x1b]0;x\x07".into(),
        title: "\x1b[2J".into(),
        description: "a\u{202e}b".into(),
        ..goal()
    };
    let terminal = draw(
        &Form::goal(&hostile, false, Lang::De),
        Theme::default(),
        80,
        24,
    );
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, "�[2J").is_some());
    assert!(find(buffer, "Z�]0;x�").is_some(), "title and code");
    assert!(find(buffer, "a�b").is_some());
    for cell in buffer.content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(crate::model::is_forbidden_in_line)
        );
    }
}

#[test]
fn cursor_sits_in_the_focused_input_and_follows_wide_characters() {
    let mut form = Form::goal(&goal(), false, Lang::De);
    form.focus(Field::Title);
    form.set_text(Field::Title, "漢字 e\u{301}");
    let mut terminal = draw(&form, Theme::default(), 80, 24);
    let buffer = terminal.backend().buffer().clone();
    let (x, y) = find(&buffer, "Titel").expect("label");
    let value_x = x + 17;
    assert_eq!(buffer[(value_x, y)].symbol(), "漢");
    assert_eq!(buffer[(value_x + 2, y)].symbol(), "字");
    let cursor = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("cursor");
    assert_eq!((cursor.x, cursor.y), (value_x + 6, y));
    // The next row's value starts in the same column.
    assert_eq!(buffer[(value_x, y + 1)].symbol(), "B");
}

#[test]
fn long_values_scroll_horizontally_with_the_cursor() {
    let mut form = Form::goal(&goal(), false, Lang::De);
    form.focus(Field::Title);
    form.set_text(Field::Title, &"x".repeat(200));
    let mut terminal = draw(&form, Theme::default(), 80, 24);
    let cursor = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("cursor");
    assert_eq!(cursor.x, 78, "last column inside the border");
    form.input(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
    let mut terminal = draw(&form, Theme::default(), 80, 24);
    let cursor = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("cursor");
    assert_eq!(cursor.x, 1 + 16 + 1);
}

#[test]
fn columns_cut_wide_characters_cleanly() {
    assert_eq!(columns("漢字ab", 1, 4), " 字a");
    assert_eq!(columns("ab漢字", 0, 3), "ab");
    assert_eq!(columns("e\u{301}x", 1, 3), "x");
    assert_eq!(columns("e\u{301}x", 0, 3), "e\u{301}x");
    assert_eq!(scroll_offset((0, 1), 40, 10), 0);
    assert_eq!(scroll_offset((30, 31), 40, 10), 22);
    assert_eq!(scroll_offset((30, 45), 50, 10), 30);
}

#[test]
fn long_error_goes_to_the_line_below_the_value() {
    let mut form = Form::measure(&measure(), false, Lang::De);
    form.set_text(Field::Start, "31.02.2026");
    assert_eq!(form.submit(), FormOutcome::Pending);
    let terminal = draw(&form, Theme::default(), 80, 24);
    let buffer = terminal.backend().buffer();
    let (value_x, label_y) = find(buffer, "31.02.2026").expect("value shown");
    let (error_x, error_y) = find(buffer, "„31.02.2026“ ist kein").expect("error shown");
    assert_eq!((error_x, error_y), (value_x, label_y + 1));
    assert!(row_text(buffer, error_y).contains('…'), "cut to the width");
    assert!(row_text(buffer, error_y + 1).contains("Ende"));
}

#[test]
fn multi_line_input_puts_the_cursor_on_its_line() {
    let mut form = Form::measure(&measure(), false, Lang::De);
    form.focus(Field::Description);
    let mut terminal = draw(&form, Theme::default(), 80, 24);
    let buffer = terminal.backend().buffer().clone();
    let (x, y) = find(&buffer, "Mit Bühne und Musik.").expect("second line");
    let cursor = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("cursor");
    assert_eq!((cursor.x, cursor.y), (x + 20, y));
    // Focused, it shows four lines; the rows below move down.
    assert!(row_text(&buffer, y + 3).contains("Träger"));
}

#[test]
fn no_color_keeps_errors_bold_without_colour() {
    let terminal = draw(&invalid_measure_form(), Theme::monochrome(), 80, 24);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "liegt vor dem Beginn").expect("error shown");
    assert_eq!(buffer[(x, y)].fg, Color::Reset);
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(buffer, "Beantragt").expect("focused label");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn tiny_areas_do_not_panic() {
    let mut form = invalid_measure_form();
    form.focus(Field::Description);
    for (width, height) in [(1, 1), (2, 2), (5, 3), (10, 4), (20, 6), (30, 24), (80, 3)] {
        draw(&form, Theme::default(), width, height);
        form.cancel();
        draw(&form, Theme::default(), width, height);
        form.cancel();
    }
}

/// Issue 14: opening the form reads the pots; the warning stands next to the amount and follows
/// what is typed.
#[test]
fn the_pot_warning_stands_next_to_the_approved_amount() {
    use crate::model::Pot;
    let mut f = crate::app::tests::fixture_with(|store| {
        let pot = Pot {
            fund: Fund::Projektfonds,
            year: 2026,
            amount: Cents(1_000_000),
            note: String::new(),
        };
        store.apply(crate::ops::Op::SetPot { pot }, "t").unwrap();
    });
    crate::app::tests::press(&mut f.app, "ljjj<Tab>e");
    let screen = |app: &crate::app::App| {
        let terminal = crate::ui::tests::draw_in(app, Theme::default(), 140, 40);
        crate::ui::tests::screen(terminal.backend().buffer())
    };
    let text = screen(&f.app);
    let lines: Vec<&str> = text.lines().collect();
    let at = (lines.iter())
        .position(|l| l.contains("Bewilligt"))
        .unwrap_or_else(|| panic!("no amount row:\n{text}"));
    assert!(lines[at].contains("12.500,00"), "{text}");
    // Wrapped below the amount, never cut: the line ends with what is left.
    assert!(
        lines[at + 1].contains("Projektfonds 2026: 10.000,00 € Topf, 0,00 € verplant – danach"),
        "{text}"
    );
    assert!(lines[at + 2].contains("-2.500,00 €"), "{text}");
}

/// Issue 14: the plan form (`J`) at 80x24: a row per year of the runtime with the proposal
/// pro rata by months, and the sum compared with the approved amount once it differs.
#[test]
fn the_plan_form_80x24() {
    let mut f = crate::app::tests::fixture_with(|store| {
        let id = crate::model::MeasureId(1);
        let (_, mut m) = store.measure_revised(id).unwrap().unwrap();
        m.start = chrono::NaiveDate::from_ymd_opt(2026, 7, 1);
        m.end = chrono::NaiveDate::from_ymd_opt(2027, 6, 30);
        store
            .apply(crate::ops::Op::UpdateMeasure { measure: m }, "t")
            .unwrap();
    });
    crate::app::tests::press(&mut f.app, "ljjj<Tab>J<Tab>");
    if let crate::app::Mode::Form(state) = &mut f.app.mode {
        state.form.set_text(
            crate::app::form::Slot::Field(crate::model::Field::Instalment(2027)),
            "5.000",
        );
    }
    let terminal = crate::ui::tests::draw_in(&f.app, Theme::default(), 80, 24);
    let text = crate::ui::tests::screen(terminal.backend().buffer());
    for expected in [
        "Jahresrate 2026",
        "6.250,00",
        "Summe 11.250,00 € – bewilligt sind",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}
