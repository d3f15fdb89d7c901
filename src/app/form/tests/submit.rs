//! Submitting, validation errors, cancelling, drafts and the goal form.

use ratatui::crossterm::event::KeyCode;

use super::*;

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
    assert_eq!(form.focused_slot(), Slot::Field(Field::Requested));
}

#[test]
fn end_before_start_and_empty_title_are_shown_on_their_fields() {
    let mut form = Form::measure(&full_measure(), false, Lang::De);
    form.set_text(Field::End, "2026-02-01");
    form.set_text(Field::Title, "   ");
    assert_eq!(form.submit(), FormOutcome::Pending);
    assert_eq!(form.error_of(Field::End), Some("liegt vor dem Beginn"));
    assert_eq!(form.error_of(Field::Title), Some("darf nicht leer sein"));
    assert_eq!(form.focused_slot(), Slot::Field(Field::Title));
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
            form.new_line();
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
    // idee → skizze → votum → beantragt → bewilligt → laufend (Status::ALL order).
    for _ in 0..5 {
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
        vec![
            Slot::Code,
            Slot::Field(Field::Title),
            Slot::Field(Field::Description)
        ]
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
