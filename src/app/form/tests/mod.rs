use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

use crate::model::{Cents, Field, Fund, GoalId, Indicator, MeasureId, Status};

pub(super) fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub(super) fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub(super) fn type_text(form: &mut Form, text: &str) {
    for c in text.chars() {
        assert_eq!(form.input(key(KeyCode::Char(c))), FormOutcome::Pending);
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A measure with every field filled, indicators with and without actual value.
pub(super) fn full_measure() -> Measure {
    Measure {
        id: MeasureId(42),
        title: "Kiezfest am Leopoldplatz".into(),
        description: "Ein Fest für alle.\nMit Bühne.\n".into(),
        organisation: "Kiezverein e. V.".into(),
        contact: "info@kiezverein.de".into(),
        responsible: "A. Yılmaz".into(),
        reference: "QM-2026/17".into(),
        fund: Some(Fund::Projektfonds),
        requested: Some(Cents(1_250_000)),
        approved: Some(Cents(1_000_050)),
        cofunding: Some(Cents(5)),
        start: Some(date(2026, 3, 1)),
        end: Some(date(2026, 10, 31)),
        status: Status::Laufend,
        target_groups: vec!["Kinder".into(), "Senior:innen".into()],
        location: "Leopoldplatz".into(),
        notes: "Notiz\n\nmit Leerzeile".into(),
        indicators: vec![
            Indicator {
                name: "Teilnehmende".into(),
                unit: "Personen".into(),
                baseline: 0.0,
                target: 120.5,
                actual: None,
            },
            Indicator {
                name: "Veranstaltungen".into(),
                unit: "Anzahl".into(),
                baseline: 1.25,
                target: 10.0,
                actual: Some(-3.0),
            },
        ],
    }
}

pub(super) fn goal() -> Goal {
    Goal {
        id: GoalId(7),
        parent: Some(GoalId(2)),
        code: "1.3".into(),
        title: "Nachbarschaft stärken".into(),
        description: "Begegnung im Kiez".into(),
        position: 4,
    }
}

pub(super) fn slots(form: &Form) -> Vec<Slot> {
    form.rows().map(|r| r.slot).collect()
}

#[test]
fn tab_walks_the_measure_fields_in_order_and_wraps() {
    let mut form = Form::measure(&full_measure(), false, Lang::De);
    let mut seen = vec![form.focused_slot()];
    for _ in 1..slots(&form).len() {
        form.next_field();
        seen.push(form.focused_slot());
    }
    use Part::*;
    use Slot::*;
    // The fields in list order, the two target groups in the list's place, then the indicators.
    let mut expected = Vec::new();
    for row in &crate::model::MEASURE_FIELDS {
        match row.field {
            crate::model::Field::TargetGroup(_) => {
                expected.extend([TargetGroup(0), TargetGroup(1)])
            }
            field => expected.push(Slot::Field(field)),
        }
    }
    for n in 0..2 {
        expected.extend(Part::ALL.map(|part| Indicator(n, part)));
    }
    assert_eq!(expected.len(), 27);
    assert_eq!(
        seen[..3],
        [
            Slot::TITLE,
            Slot::Field(crate::model::Field::Description),
            Slot::Field(crate::model::Field::Organisation)
        ]
    );
    assert_eq!(seen, expected);
    form.next_field();
    assert_eq!(form.focused_slot(), Slot::TITLE);
    form.prev_field();
    assert_eq!(form.focused_slot(), Indicator(1, Actual));
    assert_eq!(form.focused_label(), "Indikator 2: Istwert");
}

#[test]
fn new_measure_shows_list_placeholders() {
    let form = Form::measure(&Measure::new(""), true, Lang::De);
    let all = slots(&form);
    assert!(all.contains(&Slot::TargetGroups) && all.contains(&Slot::Indicators));
    assert_eq!(form.title(), "Neue Maßnahme");
    let edit = Form::measure(&full_measure(), false, Lang::De);
    assert_eq!(edit.title(), "Maßnahme M-0042 bearbeiten");
    assert_eq!(
        Form::measure(&full_measure(), false, Lang::En).title(),
        "Edit measure M-0042"
    );
}

#[test]
fn typing_and_shell_keys_edit_the_focused_input() {
    let mut form = Form::measure(&Measure::new(""), true, Lang::De);
    type_text(&mut form, "Kiezfest");
    form.input(key(KeyCode::Home));
    type_text(&mut form, "Das ");
    form.input(key(KeyCode::End));
    form.input(key(KeyCode::Backspace));
    form.input(key(KeyCode::Left));
    form.input(key(KeyCode::Left));
    form.input(key(KeyCode::Delete));
    assert_eq!(
        form.text(Slot::Field(Field::Title)).as_deref(),
        Some("Das Kiezfs")
    );
    form.input(key(KeyCode::End));
    type_text(&mut form, " am Platz");
    form.input(ctrl('w'));
    assert_eq!(
        form.text(Slot::Field(Field::Title)).as_deref(),
        Some("Das Kiezfs am ")
    );
    for _ in 0..3 {
        form.input(key(KeyCode::Left));
    }
    form.input(ctrl('u'));
    assert_eq!(form.text(Slot::Field(Field::Title)).as_deref(), Some("am "));
    assert!(form.is_dirty());
}

#[test]
fn multi_line_input_takes_new_lines_and_shell_keys_and_enter_moves_on() {
    let mut form = Form::measure(&Measure::new("x"), true, Lang::De);
    assert!(!form.new_line(), "no new line in the title");
    form.next_field();
    assert!(form.focused_is_multi_line());
    type_text(&mut form, "eins zwei");
    assert!(form.new_line());
    type_text(&mut form, "drei vier");
    form.input(ctrl('w'));
    assert_eq!(
        form.text(Slot::Field(Field::Description)).as_deref(),
        Some("eins zwei\ndrei ")
    );
    form.input(ctrl('u'));
    assert_eq!(
        form.text(Slot::Field(Field::Description)).as_deref(),
        Some("eins zwei\n")
    );
    assert_eq!(form.focused_slot(), Slot::Field(Field::Description));
    // Enter leaves the multi-line input like any other.
    assert_eq!(form.enter(), FormOutcome::Pending);
    assert_eq!(form.focused_slot(), Slot::Field(Field::Organisation));
    assert_eq!(
        form.text(Slot::Field(Field::Description)).as_deref(),
        Some("eins zwei\n")
    );
    form.prev_field();
    // Enter in a one-line input moves on.
    form.next_field();
    form.enter();
    assert_eq!(form.focused_slot(), Slot::Field(Field::Contact));
}

#[test]
fn choices_cycle_with_arrows_and_space() {
    let mut form = Form::measure(&Measure::new("x"), true, Lang::De);
    assert!(form.focus(Field::Fund));
    assert_eq!(form.text(Field::Fund).as_deref(), Some(""));
    form.input(key(KeyCode::Right));
    assert_eq!(form.text(Field::Fund).as_deref(), Some("Aktionsfonds"));
    form.input(key(KeyCode::Char(' ')));
    assert_eq!(form.text(Field::Fund).as_deref(), Some("Projektfonds"));
    form.input(key(KeyCode::Left));
    form.input(key(KeyCode::Left));
    form.input(key(KeyCode::Left));
    assert_eq!(form.text(Field::Fund).as_deref(), Some("sonstige"));
    type_text(&mut form, "abc");
    assert_eq!(form.text(Field::Fund).as_deref(), Some("sonstige"));
    form.focus(Field::Status);
    form.input(key(KeyCode::Left));
    assert_eq!(form.text(Field::Status).as_deref(), Some("abgebrochen"));
    let FormOutcome::Submit(FormValue::Measure(m)) = form.submit() else {
        panic!("valid measure");
    };
    assert_eq!((m.fund, m.status), (Some(Fund::Other), Status::Abgebrochen));
}

#[test]
fn target_groups_are_added_after_the_focused_one_and_removed() {
    let mut form = Form::measure(&Measure::new("x"), true, Lang::De);
    assert!(!form.add_entry(), "no list at the title");
    assert!(!form.remove_entry());
    form.focus(Slot::TargetGroups);
    assert!(form.add_entry());
    assert_eq!(form.focused_slot(), Slot::TargetGroup(0));
    type_text(&mut form, "Kinder");
    assert!(form.add_entry());
    assert_eq!(form.focused_label(), "Zielgruppe 2");
    type_text(&mut form, "Eltern");
    form.prev_field();
    form.add_entry();
    assert_eq!(form.focused_slot(), Slot::TargetGroup(1));
    assert_eq!(form.text(Slot::TargetGroup(2)).as_deref(), Some("Eltern"));
    assert!(form.remove_entry());
    assert_eq!(form.focused_slot(), Slot::TargetGroup(1));
    assert_eq!(form.text(Slot::TargetGroup(1)).as_deref(), Some("Eltern"));
    assert!(form.remove_entry());
    assert_eq!(form.focused_slot(), Slot::TargetGroup(0));
    assert!(form.remove_entry());
    assert_eq!(form.focused_slot(), Slot::TargetGroups);
    assert!(!form.remove_entry());
    assert!(!form.is_dirty());
}

#[test]
fn indicators_are_added_and_removed_as_groups_of_five() {
    let mut form = Form::measure(&Measure::new("x"), true, Lang::De);
    form.focus(Slot::Indicators);
    assert!(form.add_entry());
    assert_eq!(form.focused_slot(), Slot::Indicator(0, Part::Name));
    type_text(&mut form, "Besucher");
    for text in ["Personen", "10", "1.000,5", ""] {
        form.next_field();
        type_text(&mut form, text);
    }
    form.prev_field();
    assert!(form.add_entry());
    assert_eq!(form.focused_slot(), Slot::Indicator(1, Part::Name));
    assert_eq!(slots(&form).len(), 13 + 1 + 2 + 10);
    let FormOutcome::Pending = form.submit() else {
        panic!("the new indicator has no name");
    };
    assert_eq!(form.focused_slot(), Slot::Indicator(1, Part::Name));
    assert!(form.error_of(Field::Indicator(1)).is_some());
    assert!(form.error_of(Slot::Indicator(1, Part::Baseline)).is_some());
    assert!(form.remove_entry());
    assert_eq!(form.focused_slot(), Slot::Indicator(0, Part::Name));
    let FormOutcome::Submit(FormValue::Measure(m)) = form.submit() else {
        panic!("valid: {:?}", form.errors());
    };
    assert_eq!(
        m.indicators,
        vec![Indicator {
            name: "Besucher".into(),
            unit: "Personen".into(),
            baseline: 10.0,
            target: 1000.5,
            actual: None,
        }]
    );
    form.focus(Slot::Indicator(0, Part::Unit));
    assert!(form.remove_entry());
    assert_eq!(form.focused_slot(), Slot::Indicators);
}

mod submit;
