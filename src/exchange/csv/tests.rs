use chrono::NaiveDate;

use super::*;
use crate::model::{Goal, GoalId};
use crate::store::Link;

pub(super) fn goal(id: u64, code: &str) -> Goal {
    Goal {
        id: GoalId(id),
        parent: None,
        code: code.to_string(),
        title: format!("Ziel {code}"),
        description: String::new(),
        position: id as u32,
    }
}

/// A snapshot with goals `Z1`, `1.3`, `2.1` and the given measures, each linked to `1.3`
/// (primary) and `Z1`.
pub(super) fn snapshot(measures: Vec<Measure>) -> Snapshot {
    let goals = vec![goal(1, "Z1"), goal(2, "1.3"), goal(3, "2.1")];
    let links = measures
        .iter()
        .flat_map(|m| {
            [
                Link {
                    measure: m.id,
                    goal: GoalId(2),
                    primary: true,
                },
                Link {
                    measure: m.id,
                    goal: GoalId(1),
                    primary: false,
                },
            ]
        })
        .collect();
    Snapshot::new(goals, measures, links)
}

pub(super) fn full_measure() -> Measure {
    let mut m = Measure::new("Sprachcafé; „für“ Eltern");
    m.id = MeasureId(42);
    m.description = "Zeile 1\nZeile 2; mit \"Anführung\"".into();
    m.organisation = "Nachbarschaftshaus e.V.".into();
    m.contact = "info@example.org".into();
    m.responsible = "B. Schulz".into();
    m.reference = "QM-2026-17".into();
    m.fund = Some(Fund::Projektfonds);
    m.requested = Some(Cents(1_300_000));
    m.approved = Some(Cents(1_250_050));
    m.cofunding = None;
    m.start = NaiveDate::from_ymd_opt(2026, 3, 1);
    m.end = NaiveDate::from_ymd_opt(2026, 12, 31);
    m.status = Status::Laufend;
    m.target_groups = vec!["Eltern".into(), "Kinder".into()];
    m.location = "Donaustraße 7".into();
    m.notes = "=HYPERLINK(\"http://x\",\"y\")".into();
    m.indicators = vec![Indicator {
        name: "Teilnehmende".into(),
        unit: "Personen".into(),
        baseline: -2.5,
        target: 40.0,
        actual: Some(12.125),
    }];
    m
}

pub(super) fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

pub(super) fn parse_ok(bytes: &[u8]) -> Incoming {
    parse(bytes, "t.csv", Lang::De, None).unwrap_or_else(|p| panic!("{p:?}"))
}

pub(super) fn problems(bytes: &[u8]) -> Vec<String> {
    match parse(bytes, "t.csv", Lang::De, None) {
        Ok(incoming) => incoming.problems.iter().map(|p| p.to_string()).collect(),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn export_is_german_excel_csv() {
    let bytes = export_measures(&snapshot(vec![full_measure()]));
    assert!(bytes.starts_with(BOM));
    let text = text(&bytes[3..]);
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next().unwrap(), measure_headers().join(";"));
    assert_eq!(
        text.split("\r\n").nth(1).unwrap(),
        "M-0042;\"Sprachcafé; „für“ Eltern\";\"Zeile 1\nZeile 2; mit \"\"Anführung\"\"\";\
         Nachbarschaftshaus e.V.;info@example.org;B. Schulz;QM-2026-17;Projektfonds;\
         13000,00;12500,50;;01.03.2026;31.12.2026;laufend;Eltern, Kinder;Donaustraße 7;\
         Ziel 1.3;Ziel 1.3, Z1;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
    );
    assert!(text.ends_with("\r\n"));
}

#[test]
fn indicator_export_has_one_row_per_indicator() {
    let bytes = export_indicators(&snapshot(vec![full_measure()]));
    assert_eq!(
        text(&bytes[3..]),
        "ID;Maßnahme;Indikator;Einheit;Ausgangswert;Zielwert;Istwert\r\n\
         M-0042;\"Sprachcafé; „für“ Eltern\";Teilnehmende;Personen;-2,5;40;12,125\r\n"
    );
}

#[test]
fn export_then_parse_gives_the_same_measure() {
    let measure = full_measure();
    let incoming = parse_ok(&export_measures(&snapshot(vec![measure.clone()])));
    assert!(incoming.problems.is_empty(), "{:?}", incoming.problems);
    let [item] = incoming.measures.as_slice() else {
        panic!("{incoming:?}")
    };
    assert_eq!(item.line, 2);
    assert_eq!(item.id, Some(MeasureId(42)));
    assert_eq!(item.goals, Some(vec!["1.3".to_string(), "Z1".to_string()]));
    assert_eq!(item.indicators, None);
    let expected = Measure {
        indicators: Vec::new(),
        ..measure.clone()
    };
    assert_eq!(item.measure, expected);

    let incoming = parse_ok(&export_indicators(&snapshot(vec![measure.clone()])));
    assert_eq!(
        incoming.indicator_updates,
        vec![IndicatorUpdate {
            line: 2,
            measure: MeasureId(42),
            indicators: measure.indicators,
        }]
    );
}

#[test]
fn goal_codes_survive_excel() {
    assert_eq!(goal_cell("1.3"), "Ziel 1.3");
    assert_eq!(goal_cell("Z1"), "Z1");
    assert_eq!(goal_cell("-1"), "Ziel -1");
    for cell in [
        "Ziel 1.3",
        "ziel 1.3",
        "ZIEL\u{a0}1.3",
        " Ziel  1.3 ",
        "1.3",
    ] {
        assert_eq!(goal_code(cell), "1.3", "{cell:?}");
    }
    assert_eq!(goal_code("Ziel"), "Ziel");
    assert_eq!(goal_code("Zielgruppe"), "Zielgruppe");
    assert_eq!(goal_code("Z1"), "Z1");
}

#[test]
fn plain_comma_csv_with_decimal_points() {
    let file = "id,title,approved,start,status,fund,goals,target_groups\n\
                ,\"Fest, groß\",12500.50,2026-03-01,running,QF1,\"1.3, Ziel 2.1, 1.3\",\"A, B\"\n\
                7,Zwei,\"1,500.25\",,,,,\n";
    let incoming = parse_ok(file.as_bytes());
    assert!(incoming.problems.is_empty(), "{:?}", incoming.problems);
    let [a, b] = incoming.measures.as_slice() else {
        panic!()
    };
    assert_eq!(a.id, None);
    assert_eq!(a.measure.title, "Fest, groß");
    assert_eq!(a.measure.approved, Some(Cents(1_250_050)));
    assert_eq!(a.measure.start, NaiveDate::from_ymd_opt(2026, 3, 1));
    assert_eq!(a.measure.status, Status::Laufend);
    assert_eq!(a.measure.fund, Some(Fund::Aktionsfonds));
    assert_eq!(a.goals, Some(vec!["1.3".into(), "2.1".into()]));
    assert_eq!(a.measure.target_groups, ["A", "B"]);
    assert_eq!(b.id, Some(MeasureId(7)));
    assert_eq!(b.line, 3);
    assert_eq!(b.measure.approved, Some(Cents(150_025)));
    assert_eq!(b.goals, Some(vec![]));
}

#[test]
fn amounts_follow_the_files_decimal_style() {
    for (text, cents) in [
        ("12500,50", 1_250_050),
        ("12.500,50", 1_250_050),
        ("12500.50", 1_250_050),
        ("1.500", 150_000),
        ("12.500,50 €", 1_250_050),
    ] {
        assert_eq!(
            parse_amount_in(text, Decimal::Comma),
            Ok(Cents(cents)),
            "{text}"
        );
    }
    for (text, cents) in [
        ("12500.50", 1_250_050),
        ("12,500.50", 1_250_050),
        ("1.500", 150),
        ("1.5", 150),
        ("1,500", 150_000),
        ("12.500,50", 1_250_050),
        ("12500", 1_250_000),
    ] {
        assert_eq!(
            parse_amount_in(text, Decimal::Point),
            Ok(Cents(cents)),
            "{text}"
        );
    }
    for bad in [
        "1.2.3", "1.505", "x", "1.5.0,00", "1,5", "15,00.5", "1,5000",
    ] {
        assert!(parse_amount_in(bad, Decimal::Point).is_err(), "{bad}");
    }
    assert_eq!(parse_decimal_in("1,000.5", Decimal::Point), Ok(1000.5));
    assert_eq!(parse_decimal_in("1,000", Decimal::Point), Ok(1000.0));
    assert!(parse_decimal_in("1,5", Decimal::Point).is_err());
    assert_eq!(parse_decimal_in("-2.5", Decimal::Point), Ok(-2.5));
    assert_eq!(parse_decimal_in("1.000,5", Decimal::Comma), Ok(1000.5));
    assert_eq!(parse_decimal_in("-2,5", Decimal::Comma), Ok(-2.5));
}

#[test]
fn lines_count_crlf_and_multi_line_records() {
    let file = "Titel\r\n\"a\r\nb\"\r\n\r\nc\r\nd\ne\n";
    let lines: Vec<usize> = parse_ok(file.as_bytes())
        .measures
        .iter()
        .map(|m| m.line)
        .collect();
    assert_eq!(lines, [2, 5, 6, 7]);
}

#[test]
fn separator_comes_from_the_header_line() {
    assert_eq!(detect_separator("ID;Titel,x;Ort\n1,2,3,4,5"), b';');
    assert_eq!(detect_separator("id,title\n"), b',');
    assert_eq!(detect_separator("id\ttitle\tnotes"), b'\t');
    assert_eq!(detect_separator("\"a;b;c\",d,e\n"), b',');
    assert_eq!(detect_separator("Titel"), b';');
    let incoming = parse_ok(b"Titel\tOrt\r\nA\tB\r\n");
    assert_eq!(incoming.measures[0].measure.location, "B");
}

#[test]
fn headers_match_in_any_case_and_order() {
    let incoming = parse_ok("\u{feff} notizen ;TITEL;Träger\nn;t;o\n".as_bytes());
    let m = &incoming.measures[0].measure;
    assert_eq!((m.notes.as_str(), m.title.as_str()), ("n", "t"));
    assert_eq!(m.organisation, "o");
    assert_eq!(incoming.measures[0].goals, None);
}

#[test]
fn missing_columns_keep_the_existing_fields() {
    let snapshot = snapshot(vec![full_measure()]);
    let file = "ID;Status;Hauptziel\nM-0042;abgeschlossen;Z1\n";
    let incoming = parse(file.as_bytes(), "t.csv", Lang::De, Some(&snapshot)).unwrap();
    let item = &incoming.measures[0];
    let mut expected = full_measure();
    expected.status = Status::Abgeschlossen;
    assert_eq!(item.measure, expected);
    assert_eq!(item.indicators, None);
    // The new primary goal first, the other links stay.
    assert_eq!(item.goals, Some(vec!["Z1".into(), "1.3".into()]));
    // Only `Ziele`: the old primary goal stays primary when it is still listed.
    let file = "ID;Ziele\n42;\"Z1, 2.1, 1.3\"\n";
    let incoming = parse(file.as_bytes(), "t.csv", Lang::De, Some(&snapshot)).unwrap();
    assert_eq!(
        incoming.measures[0].goals,
        Some(vec!["1.3".into(), "Z1".into(), "2.1".into()])
    );
}

#[test]
fn every_bad_cell_is_reported_with_line_and_header() {
    let file = "ID;Titel;Bewilligt;Beginn;Status;Fonds\n\
                ;ok;1,00;;;\n\
                ;\"zwei\nZeilen\";zwölf;;;\n\
                ;x;;31.02.2026;fertig;QF9\n\
                M-x;y;;;;\n\
                ;ok;;;;\n";
    let incoming = parse_ok(file.as_bytes());
    let shown: Vec<String> = incoming.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "t.csv:3: Bewilligt: „zwölf“ ist kein Betrag (z. B. 12.500,50)",
            "t.csv:5: Fonds: „QF9“ ist kein Fonds (Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige, QF1–QF4)",
            "t.csv:5: Beginn: „31.02.2026“ ist kein gültiges Datum (TT.MM.JJJJ, TT.MM.JJ oder JJJJ-MM-TT)",
            "t.csv:5: Status: „fertig“ ist kein Status (idee, skizze, votum, beantragt, bewilligt, laufend, sachbericht-eingereicht, verwendungsnachweis-eingereicht, verwendungsnachweis-geprueft, abgeschlossen, abgelehnt, abgebrochen)",
            "t.csv:6: ID: „M-x“ ist keine Maßnahmen-ID (z. B. M-0042)",
        ]
    );
    assert_eq!(incoming.problems.len(), 5);
    // The good rows are still there, with the line of their first line.
    let lines: Vec<usize> = incoming.measures.iter().map(|m| m.line).collect();
    assert_eq!(lines, [2, 7]);
}

#[test]
fn broken_files_are_problems_not_panics() {
    let first = |bytes: &[u8]| problems(bytes).first().cloned().unwrap_or_default();
    assert_eq!(first(b""), "t.csv:1: keine Kopfzeile: die Datei ist leer");
    assert_eq!(
        first(b"\xef\xbb\xbf"),
        "t.csv:1: keine Kopfzeile: die Datei ist leer"
    );
    assert!(first(b"Titel\nok\n\x81\xfe").starts_with("t.csv:3: weder UTF-8 noch Windows-1252"));
    assert!(first(b"Titel\n\0\0\0\x01").starts_with("t.csv:2: keine Textdatei"));
    assert!(first(b"Titel;titel\n").contains("t.csv:1: titel: „titel“ kommt doppelt vor"));
    assert_eq!(
        problems(b"Titel;Ort\na;b;c\nd\n\ne;f\n"),
        [
            "t.csv:2: 3 Felder, die Kopfzeile hat 2",
            "t.csv:3: 1 Feld, die Kopfzeile hat 2"
        ]
    );
    assert_eq!(
        problems(b"Titel;;Ort\na;;b\nc;x;d\n"),
        ["t.csv:3: #2: Wert in einer Spalte ohne Überschrift"]
    );
    assert_eq!(
        problems("ID;Indikator;Zielwert\n".as_bytes()),
        ["t.csv:1: Ausgangswert: Spalte fehlt, sie ist nötig"]
    );
}

#[test]
fn too_many_problems_stop_the_parse() {
    let mut file = String::from("Titel;Bewilligt\n");
    for _ in 0..2000 {
        file.push_str("x;kaputt\n");
    }
    let shown = problems(file.as_bytes());
    assert_eq!(shown.len(), MAX_PROBLEMS + 1);
    assert!(shown.last().unwrap().contains("mehr als 500 Probleme"));
}

#[test]
fn indicator_rows_of_one_measure_form_one_list() {
    let file = "ID;Maßnahme;Indikator;Einheit;Ausgangswert;Zielwert;Istwert\n\
                M-0001;A;T;P;0;10;\n\
                M-0002;B;;;;;\n\
                1;A;U;;1,5;2;'-3\n";
    let incoming = parse_ok(file.as_bytes());
    assert!(incoming.problems.is_empty(), "{:?}", incoming.problems);
    type Values = (String, f64, f64, Option<f64>);
    let lists: Vec<(usize, u64, Vec<Values>)> = incoming
        .indicator_updates
        .iter()
        .map(|u| {
            let items = u
                .indicators
                .iter()
                .map(|i| (i.name.clone(), i.baseline, i.target, i.actual))
                .collect();
            (u.line, u.measure.0, items)
        })
        .collect();
    assert_eq!(
        lists,
        vec![
            (
                2,
                1,
                vec![
                    ("T".into(), 0.0, 10.0, None),
                    ("U".into(), 1.5, 2.0, Some(-3.0))
                ]
            ),
            (3, 2, vec![]),
        ]
    );
    assert_eq!(
        problems(b"ID;Indikator;Ausgangswert;Zielwert\n;T;1;2\n1;T;;2\n"),
        [
            "t.csv:2: ID: darf nicht leer sein",
            "t.csv:3: Ausgangswert: darf nicht leer sein"
        ]
    );
}
