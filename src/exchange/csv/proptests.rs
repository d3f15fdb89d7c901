//! Property tests of the CSV exchange: any input parses without panicking, export then parse
//! keeps every field.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::tests::*;
use super::*;

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(";".to_string()),
        Just(",".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("=".to_string()),
        Just("-".to_string()),
        Just("@".to_string()),
        Just("ä".to_string()),
        Just("ß".to_string()),
        Just("„".to_string()),
        "[a-zA-Z0-9 .]{1,5}",
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

fn multi_line_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            text_strategy(4),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\t".to_string())
        ],
        0..6,
    )
    .prop_map(|v| v.concat())
}

fn measure_strategy() -> impl Strategy<Value = Measure> {
    let texts = (
        text_strategy(6).prop_filter("title", |t| !t.trim().is_empty()),
        multi_line_strategy(),
        text_strategy(4),
        text_strategy(4),
        multi_line_strategy(),
    );
    let values = (
        proptest::option::of(0..=1_000_000_000_000i64),
        proptest::option::of(0i32..36_000),
        proptest::sample::select(Status::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(Fund::ALL.to_vec())),
        proptest::collection::vec("[a-zA-Zäöü=\\-][a-zA-Zäöü ]{0,8}[a-z]", 0..3),
        1u64..100_000,
    );
    (texts, values).prop_map(
        |(
            (title, description, organisation, location, notes),
            (cents, day, status, fund, groups, id),
        )| {
            let mut m = Measure::new(title);
            m.id = MeasureId(id);
            m.description = description;
            m.organisation = organisation;
            m.location = location;
            m.notes = notes;
            m.approved = cents.map(Cents);
            m.start = day.and_then(|d| NaiveDate::from_num_days_from_ce_opt(730_000 + d));
            m.status = status;
            m.fund = fund;
            m.target_groups = groups;
            m
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(&bytes, "x.csv", Lang::De, None);
    }

    #[test]
    fn csv_like_text_never_panics(text in "[;,\t\"\r\n'=a-zA-Zä0-9.€ ]{0,300}") {
        for header in ["ID;Titel;Bewilligt;Ziele;Hauptziel\n", "id,indicator,baseline,target,actual\n", ""] {
            let _ = parse(format!("{header}{text}").as_bytes(), "x.csv", Lang::En, None);
        }
    }

    #[test]
    fn export_then_parse_keeps_every_field(measure in measure_strategy()) {
        let incoming = parse_ok(&export_measures(&snapshot(vec![measure.clone()])));
        prop_assert!(incoming.problems.is_empty(), "{:?}", incoming.problems);
        prop_assert_eq!(incoming.measures.len(), 1);
        prop_assert_eq!(&incoming.measures[0].measure, &measure);
    }

    #[test]
    // Every value the model accepts (|v| ≤ MAX_INDICATOR_VALUE).
    fn indicator_values_survive(baseline in -crate::model::MAX_INDICATOR_VALUE..=crate::model::MAX_INDICATOR_VALUE,
                                actual in proptest::option::of(-1.0e9f64..1.0e9),
                                name in text_strategy(5).prop_filter("name", |t| !t.trim().is_empty())) {
        let mut measure = full_measure();
        measure.indicators = vec![Indicator { name, unit: "=x".into(), baseline, target: 1.0, actual }];
        let incoming = parse_ok(&export_indicators(&snapshot(vec![measure.clone()])));
        prop_assert!(incoming.problems.is_empty(), "{:?}", incoming.problems);
        prop_assert_eq!(&incoming.indicator_updates[0].indicators, &measure.indicators);
    }

    #[test]
    fn neutralising_is_lossless(text in "['=+\\-@\t\ra-z0-9,.]{0,8}") {
        let cell = neutralise_formula(&text);
        prop_assert_eq!(restore_formula(&cell), text.as_str());
    }
}
