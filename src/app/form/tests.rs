use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::model::{Cents, Field, Fund, GoalId, Indicator, MeasureId, Status};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn type_text(form: &mut Form, text: &str) {
    for c in text.chars() {
        assert_eq!(form.input(key(KeyCode::Char(c))), FormOutcome::Pending);
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A measure with every field filled, indicators with and without actual value.
pub(crate) fn full_measure() -> Measure {
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

pub(crate) fn goal() -> Goal {
    Goal {
        id: GoalId(7),
        parent: Some(GoalId(2)),
        code: "1.3".into(),
        title: "Nachbarschaft stärken".into(),
        description: "Begegnung im Kiez".into(),
        position: 4,
    }
}

fn slots(form: &Form) -> Vec<Slot> {
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
    assert_eq!(
        seen,
        vec![
            Title,
            Description,
            Organisation,
            Contact,
            Responsible,
            Reference,
            Fund,
            Requested,
            Approved,
            Cofunding,
            Start,
            End,
            Status,
            TargetGroup(0),
            TargetGroup(1),
            Location,
            Notes,
            Indicator(0, Name),
            Indicator(0, Unit),
            Indicator(0, Baseline),
            Indicator(0, Target),
            Indicator(0, Actual),
            Indicator(1, Name),
            Indicator(1, Unit),
            Indicator(1, Baseline),
            Indicator(1, Target),
            Indicator(1, Actual),
        ]
    );
    form.next_field();
    assert_eq!(form.focused_slot(), Title);
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
    assert_eq!(form.text(Slot::Title).as_deref(), Some("Das Kiezfs"));
    form.input(key(KeyCode::End));
    type_text(&mut form, " am Platz");
    form.input(ctrl('w'));
    assert_eq!(form.text(Slot::Title).as_deref(), Some("Das Kiezfs am "));
    for _ in 0..3 {
        form.input(key(KeyCode::Left));
    }
    form.input(ctrl('u'));
    assert_eq!(form.text(Slot::Title).as_deref(), Some("am "));
    assert!(form.is_dirty());
}

#[test]
fn multi_line_input_takes_enter_and_shell_keys() {
    let mut form = Form::measure(&Measure::new("x"), true, Lang::De);
    form.next_field();
    assert!(form.focused_is_multi_line());
    type_text(&mut form, "eins zwei");
    assert_eq!(form.enter(), FormOutcome::Pending);
    type_text(&mut form, "drei vier");
    form.input(ctrl('w'));
    assert_eq!(
        form.text(Slot::Description).as_deref(),
        Some("eins zwei\ndrei ")
    );
    form.input(ctrl('u'));
    assert_eq!(form.text(Slot::Description).as_deref(), Some("eins zwei\n"));
    assert_eq!(form.focused_slot(), Slot::Description);
    // Enter in a one-line input moves on.
    form.next_field();
    form.enter();
    assert_eq!(form.focused_slot(), Slot::Contact);
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

#[test]
fn unreadable_amount_and_date_keep_the_form_open() {
    let mut form = Form::measure(&full_measure(), false, Lang::De);
    form.set_text(Field::Requested, "12,3,4");
    form.set_text(Field::Start, "31.02.2026");
    assert_eq!(form.submit(), FormOutcome::Pending);
    assert_eq!(
        form.error_of(Field::Requested),
        Some("„12,3,4“ ist kein Betrag (z. B. 12.500,50)")
    );
    assert!(
        form.error_of(Field::Start)
            .is_some_and(|e| e.contains("31.02.2026"))
    );
    assert_eq!(form.errors().len(), 2);
    assert_eq!(form.focused_slot(), Slot::Requested);
}

#[test]
fn end_before_start_and_empty_title_are_shown_on_their_fields() {
    let mut form = Form::measure(&full_measure(), false, Lang::De);
    form.set_text(Field::End, "2026-02-01");
    form.set_text(Field::Title, "   ");
    assert_eq!(form.submit(), FormOutcome::Pending);
    assert_eq!(form.error_of(Field::End), Some("liegt vor dem Beginn"));
    assert_eq!(form.error_of(Field::Title), Some("darf nicht leer sein"));
    assert_eq!(form.focused_slot(), Slot::Title);
}

#[test]
fn empty_target_group_and_bad_indicator_unit_point_at_their_inputs() {
    let mut measure = full_measure();
    measure.target_groups[1] = String::new();
    measure.indicators[0].unit = "Per\x1bsonen".into();
    let mut form = Form::measure(&measure, false, Lang::De);
    form.set_text(Slot::Indicator(1, Part::Actual), "viel");
    assert_eq!(form.submit(), FormOutcome::Pending);
    let errors: Vec<Slot> = form.errors().into_iter().map(|(s, _)| s).collect();
    assert_eq!(
        errors,
        vec![
            Slot::TargetGroup(1),
            Slot::Indicator(0, Part::Unit),
            Slot::Indicator(1, Part::Actual)
        ]
    );
}

#[test]
fn unchanged_form_submits_the_record_exactly() {
    let measure = full_measure();
    let mut form = Form::measure(&measure, false, Lang::De);
    assert!(!form.is_dirty());
    assert_eq!(
        form.submit(),
        FormOutcome::Submit(FormValue::Measure(measure.clone()))
    );
    assert_eq!(form.text(Field::Requested).as_deref(), Some("12.500,00"));
    assert_eq!(
        form.text(Slot::Indicator(0, Part::Target)).as_deref(),
        Some("120,5")
    );
    // Enter on the last input submits as well.
    form.focus(Slot::Indicator(1, Part::Actual));
    assert_eq!(
        form.enter(),
        FormOutcome::Submit(FormValue::Measure(measure))
    );
}

#[test]
fn a_new_measure_typed_in_full_is_submitted() {
    let mut form = Form::measure(&Measure::new(""), true, Lang::De);
    let expected = full_measure();
    type_text(&mut form, &expected.title);
    form.next_field();
    for (i, line) in expected.description.split('\n').enumerate() {
        if i > 0 {
            form.enter();
        }
        type_text(&mut form, line);
    }
    for text in [
        "Kiezverein e. V.",
        "info@kiezverein.de",
        "A. Yılmaz",
        "QM-2026/17",
    ] {
        form.next_field();
        type_text(&mut form, text);
    }
    form.next_field();
    form.input(key(KeyCode::Right));
    form.input(key(KeyCode::Right));
    for text in ["12500", "10.000,50", "0,05", "1.3.2026", "2026-10-31"] {
        form.next_field();
        type_text(&mut form, text);
    }
    form.next_field();
    for _ in 0..3 {
        form.input(key(KeyCode::Right));
    }
    form.next_field();
    form.add_entry();
    type_text(&mut form, "Kinder");
    form.add_entry();
    type_text(&mut form, "Senior:innen");
    form.next_field();
    type_text(&mut form, "Leopoldplatz");
    form.next_field();
    form.set_text(Field::Notes, "Notiz\n\nmit Leerzeile");
    form.next_field();
    form.add_entry();
    for text in ["Teilnehmende", "Personen", "0", "120.5", ""] {
        type_text(&mut form, text);
        form.next_field();
    }
    form.focus(Slot::Indicator(0, Part::Actual));
    form.add_entry();
    for text in ["Veranstaltungen", "Anzahl", "1,25", "10", "-3"] {
        type_text(&mut form, text);
        form.next_field();
    }
    let FormOutcome::Submit(FormValue::Measure(measure)) = form.submit() else {
        panic!("valid: {:?}", form.errors());
    };
    assert_eq!(
        measure,
        Measure {
            id: MeasureId(0),
            ..expected
        }
    );
}

#[test]
fn leaving_a_field_checks_its_parse_and_clears_a_fixed_error() {
    let mut form = Form::measure(&Measure::new(""), true, Lang::De);
    form.next_field();
    assert_eq!(form.error_of(Field::Title), None, "no nagging on Tab");
    form.focus(Field::Approved);
    type_text(&mut form, "zwölf");
    form.next_field();
    assert!(form.error_of(Field::Approved).is_some());
    form.prev_field();
    form.input(ctrl('u'));
    type_text(&mut form, "12");
    assert!(
        form.error_of(Field::Approved).is_some(),
        "kept while typing"
    );
    form.next_field();
    assert_eq!(form.error_of(Field::Approved), None);
    // A store error stays until the value changes.
    form.set_error(Field::Title, "Das Kürzel ist schon vergeben.".into());
    form.focus(Field::Title);
    form.next_field();
    assert!(form.error_of(Field::Title).is_some());
}

#[test]
fn cancel_closes_a_clean_form_and_asks_for_a_changed_one() {
    let mut form = Form::measure(&full_measure(), false, Lang::De);
    assert_eq!(form.cancel(), FormOutcome::Cancelled);
    type_text(&mut form, "!");
    assert_eq!(form.cancel(), FormOutcome::Pending);
    assert!(form.is_asking());
    assert_eq!(form.input(key(KeyCode::Char('x'))), FormOutcome::Pending);
    assert_eq!(form.input(key(KeyCode::Char('n'))), FormOutcome::Pending);
    assert!(!form.is_asking());
    assert_eq!(
        form.text(Field::Title).as_deref(),
        Some("Kiezfest am Leopoldplatz!")
    );
    form.cancel();
    assert_eq!(form.cancel(), FormOutcome::Pending, "Esc answers no");
    assert!(!form.is_asking());
    form.cancel();
    assert_eq!(form.input(key(KeyCode::Char('j'))), FormOutcome::Cancelled);
    form.cancel();
    assert_eq!(form.input(key(KeyCode::Char('y'))), FormOutcome::Cancelled);
    form.cancel();
    assert_eq!(form.enter(), FormOutcome::Cancelled);
    assert!(!form.is_asking());
    // Changing a value back makes the form clean again.
    form.input(key(KeyCode::Backspace));
    assert_eq!(form.cancel(), FormOutcome::Cancelled);
}

#[test]
fn drafts_survive_json_with_half_typed_values_and_focus() {
    let mut form = Form::measure(&full_measure(), false, Lang::De);
    form.set_text(Field::Requested, "12,3,");
    form.focus(Slot::TargetGroup(1));
    form.add_entry();
    type_text(&mut form, "Jugendliche");
    form.focus(Slot::Indicator(1, Part::Unit));
    form.remove_entry();
    form.focus(Field::Fund);
    form.input(key(KeyCode::Left));
    form.focus(Slot::Indicator(0, Part::Actual));
    type_text(&mut form, "7,");
    let json = serde_json::to_string(&form.draft()).expect("serialise");
    let draft: FormDraft = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(draft, form.draft());
    let restored = Form::from_draft(draft, Lang::De);
    assert_eq!(restored.draft(), form.draft());
    assert_eq!(restored.focused_slot(), Slot::Indicator(0, Part::Actual));
    assert_eq!(restored.text(Field::Requested).as_deref(), Some("12,3,"));
    assert_eq!(
        restored.text(Slot::TargetGroup(2)).as_deref(),
        Some("Jugendliche")
    );
    assert_eq!(restored.text(Field::Fund).as_deref(), Some("Aktionsfonds"));
    assert!(restored.is_dirty());
    assert_eq!(restored.title(), form.title());

    let goal_form = Form::goal(&goal(), true, Lang::En);
    let restored = Form::from_draft(goal_form.draft(), Lang::En);
    assert!(!restored.is_dirty());
    assert_eq!(restored.title(), "New goal");
}

#[test]
fn goal_form_keeps_id_parent_and_position() {
    let mut form = Form::goal(&goal(), false, Lang::De);
    assert_eq!(form.title(), "Ziel 1.3 bearbeiten");
    assert_eq!(
        slots(&form),
        vec![Slot::Code, Slot::Title, Slot::Description]
    );
    assert!(!form.add_entry());
    form.set_text(Field::Code, "1.4");
    form.focus(Field::Description);
    type_text(&mut form, "!");
    let FormOutcome::Submit(FormValue::Goal(saved)) = form.enter() else {
        panic!("Enter on the last field submits");
    };
    assert_eq!(
        saved,
        Goal {
            code: "1.4".into(),
            description: "Begegnung im Kiez!".into(),
            ..goal()
        }
    );
    form.set_error(Field::Code, "Das Kürzel 1.4 ist schon vergeben.".into());
    assert_eq!(
        form.error_of(Field::Code),
        Some("Das Kürzel 1.4 ist schon vergeben.")
    );
    form.set_text(Field::Code, "1 4");
    assert_eq!(form.submit(), FormOutcome::Pending);
    assert_eq!(
        form.error_of(Field::Code),
        Some("darf keine Leerzeichen enthalten")
    );
}
