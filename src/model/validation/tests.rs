//! Validation of measures and goals: every problem is found, named by its field.

use crate::model::*;
use chrono::NaiveDate;

fn valid() -> Measure {
    let mut m = Measure::new("Sprachcafé im Kiez");
    m.organisation = "Nachbarschaftshaus e.V.".into();
    m.start = NaiveDate::from_ymd_opt(2026, 3, 1);
    m.end = NaiveDate::from_ymd_opt(2026, 12, 31);
    m.description = "Zeile 1\nZeile 2\twith tab".into();
    m
}

fn problems(m: &Measure) -> Vec<(Field, Problem)> {
    m.validate()
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn a_complete_measure_is_valid() {
    assert_eq!(problems(&valid()), []);
}

#[test]
fn title_is_required_and_at_most_200_chars() {
    let mut m = valid();
    m.title = "   ".into();
    assert_eq!(problems(&m), [(Field::Title, Problem::Required)]);
    m.title = "ä".repeat(200);
    assert_eq!(problems(&m), []);
    m.title = "ä".repeat(201);
    assert_eq!(
        problems(&m),
        [(Field::Title, Problem::TooLong { max: 200 })]
    );
}

#[test]
fn one_line_fields_reject_control_characters() {
    for bad in [
        "a\nb",
        "a\x1b[2Jb",
        "a\u{7f}",
        "a\u{9b}b",
        "evil\u{202e}txt",
        "a\tb",
    ] {
        let mut m = valid();
        m.organisation = bad.into();
        assert_eq!(
            problems(&m),
            [(Field::Organisation, Problem::ControlCharacter)],
            "{bad:?}"
        );
    }
    let mut m = valid();
    m.title = "x\x07".into();
    m.location = "y\r".into();
    assert_eq!(
        problems(&m),
        [
            (Field::Title, Problem::ControlCharacter),
            (Field::Location, Problem::ControlCharacter)
        ]
    );
}

#[test]
fn multi_line_fields_allow_newlines_but_not_escapes() {
    let mut m = valid();
    m.notes = "ok\nok".into();
    assert_eq!(problems(&m), []);
    m.notes = "bad \x1b]0;evil\x07".into();
    assert_eq!(problems(&m), [(Field::Notes, Problem::ControlCharacter)]);
}

#[test]
fn end_must_not_be_before_start() {
    let mut m = valid();
    m.end = NaiveDate::from_ymd_opt(2026, 2, 28);
    assert_eq!(problems(&m), [(Field::End, Problem::EndBeforeStart)]);
    m.end = m.start;
    assert_eq!(problems(&m), []);
}

#[test]
fn amounts_must_be_non_negative_and_bounded() {
    let mut m = valid();
    m.requested = Some(Cents(-1));
    m.cofunding = Some(Cents(i64::MAX));
    assert_eq!(
        problems(&m),
        [
            (Field::Requested, Problem::Negative),
            (Field::Cofunding, Problem::TooLarge)
        ]
    );
}

#[test]
fn target_groups_and_indicators_are_checked_each() {
    let mut m = valid();
    m.target_groups = vec!["Jugendliche".into(), "".into()];
    m.indicators = vec![
        Indicator {
            name: "Teilnehmende".into(),
            unit: "Personen".into(),
            baseline: 0.0,
            target: 40.0,
            actual: None,
        },
        Indicator {
            name: "".into(),
            unit: "".into(),
            baseline: f64::NAN,
            target: 1.0,
            actual: None,
        },
    ];
    assert_eq!(
        problems(&m),
        [
            (Field::TargetGroup(1), Problem::Required),
            (Field::Indicator(1), Problem::Required),
            (Field::Indicator(1), Problem::NotFinite)
        ]
    );
}

#[test]
fn goals_need_code_and_title() {
    let mut goal = Goal {
        id: GoalId(1),
        parent: None,
        code: "Z10".into(),
        title: "Handlungsfeld Klima".into(),
        description: String::new(),
        position: 0,
    };
    assert_eq!(goal.validate(), Ok(()));
    goal.code = "Z 10".into();
    goal.title = "".into();
    let errors = goal.validate().unwrap_err();
    assert_eq!(
        errors[0],
        ValidationError::new(Field::Code, Problem::Whitespace)
    );
    assert_eq!(
        errors[1],
        ValidationError::new(Field::Title, Problem::Required)
    );
}

#[test]
fn measure_ids_display_and_parse() {
    assert_eq!(MeasureId(42).to_string(), "M-0042");
    assert_eq!(MeasureId(123456).to_string(), "M-123456");
    assert_eq!(MeasureId::parse("M-0042"), Some(MeasureId(42)));
    assert_eq!(MeasureId::parse("42"), Some(MeasureId(42)));
    assert_eq!(MeasureId::parse("m7"), Some(MeasureId(7)));
    assert_eq!(MeasureId::parse("0"), None);
    assert_eq!(MeasureId::parse("x"), None);
}

#[test]
fn attainment_is_the_share_of_the_way_to_target() {
    let mut i = Indicator {
        name: "n".into(),
        unit: "".into(),
        baseline: 10.0,
        target: 50.0,
        actual: Some(30.0),
    };
    assert_eq!(i.attainment(), Some(0.5));
    i.actual = Some(80.0);
    assert_eq!(i.attainment(), Some(1.0));
    i.actual = None;
    assert_eq!(i.attainment(), None);
}

#[test]
fn indicator_values_have_one_range_and_attainment_is_always_a_number() {
    let indicator = |baseline: f64, target: f64, actual: f64| Indicator {
        name: "n".into(),
        unit: "".into(),
        baseline,
        target,
        actual: Some(actual),
    };
    let problems = |i: Indicator| {
        let mut m = valid();
        m.indicators = vec![i];
        m.validate().err().unwrap_or_default()
    };
    let limit = MAX_INDICATOR_VALUE;
    assert!(problems(indicator(-limit, limit, limit)).is_empty());
    for bad in [
        indicator(-1e308, 1e308, 1e308),
        indicator(0.0, limit * 2.0, 1.0),
        indicator(0.0, 1.0, f64::NAN),
    ] {
        assert_eq!(
            problems(bad),
            [ValidationError::new(
                Field::Indicator(0),
                Problem::NotFinite
            )]
        );
    }
    // The parser applies the same rule to typed input.
    assert_eq!(parse_decimal("1000000000000"), Ok(1e12));
    assert_eq!(parse_decimal("1000000000001"), Err(Problem::NotFinite));
    // Attainment of any stored record, even one that an old import let through.
    for i in [
        indicator(-1e308, 1e308, 1e308),
        indicator(-f64::MAX, f64::MAX, 0.0),
        indicator(0.0, f64::INFINITY, 1.0),
        indicator(-limit, limit, limit),
    ] {
        if let Some(share) = i.attainment() {
            assert!(share.is_finite() && (0.0..=1.0).contains(&share), "{i:?}");
        }
    }
}
