//! The lossless `quartier/1` JSON export and import, end to end through the binary, plus
//! property tests through the library: round trips, one undo per import, dry runs, and hostile
//! files that must change nothing.

mod common;

use std::path::PathBuf;

use common::bin::{json_export as export, ok, quartier as run};
use proptest::prelude::*;
use quartier::exchange::{self, ImportOptions, Snapshot};
use quartier::i18n::Lang;
use quartier::model::{Cents, Fund, Indicator, Measure, Status};
use quartier::store::{Repository, Store};

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn db(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

#[test]
fn export_import_export_gives_the_same_document() {
    let d = Dir::new();
    let (a, b) = (d.db("a"), d.db("b"));
    ok(&a, &["demo-data", "--measures", "60"]);
    ok(
        &a,
        &[
            "goal",
            "add",
            "--parent",
            "Z1",
            "--title",
            "Eigenes Handlungsfeld",
        ],
    );
    let file = d.file("a.json");
    ok(&a, &["export", "-o", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"quartier/3\",\n  \"exported_at\": \""));
    let summary = ok(&b, &["import", file.to_str().unwrap()]);
    assert!(summary.contains("60 neu"), "{summary}");
    assert!(summary.contains("1 Ziel neu"), "{summary}");
    assert_eq!(export(&a), export(&b));
}

#[test]
fn an_import_is_one_history_entry_and_one_undo_takes_it_back() {
    let d = Dir::new();
    let (a, b) = (d.db("a"), d.db("b"));
    ok(&a, &["demo-data", "--measures", "20"]);
    let file = d.file("a.json");
    ok(&a, &["export", "-o", file.to_str().unwrap()]);
    let empty = export(&b);
    ok(&b, &["import", file.to_str().unwrap()]);
    let log = ok(&b, &["log", "--json"]);
    assert_eq!(log.matches("\"seq\"").count(), 1, "{log}");
    ok(&b, &["undo"]);
    assert_eq!(export(&b), empty);
    ok(&b, &["redo"]);
    assert_eq!(export(&a), export(&b));
}

#[test]
fn dry_run_lists_and_writes_nothing_and_existing_ids_are_updated() {
    let d = Dir::new();
    let a = d.db("a");
    ok(&a, &["demo-data", "--measures", "5"]);
    let file = d.file("a.json");
    ok(&a, &["export", "-o", file.to_str().unwrap()]);
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc["measures"][1]["title"] = "Neuer Titel".into();
    doc["measures"][2]["goals"] = serde_json::json!(["9.1"]);
    doc["measures"][2]["primary_goal"] = "9.1".into();
    let new = serde_json::json!({
        "title": "Ganz neu", "description": "", "organisation": "", "contact": "",
        "responsible": "", "reference": "", "fund": null, "requested_cents": null,
        "approved_cents": 150000, "cofunding_cents": null, "start": null, "end": null,
        "status": "idee", "target_groups": [], "location": "", "notes": "",
        "indicators": [], "goals": ["1.3"], "primary_goal": "1.3"
    });
    doc["measures"].as_array_mut().unwrap().push(new);
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let before = export(&a);
    let dry = ok(&a, &["import", "--dry-run", file.to_str().unwrap()]);
    assert!(dry.contains("Neu: M-0006"), "{dry}");
    assert!(dry.contains("Geändert: M-0002, M-0003"), "{dry}");
    assert!(dry.contains("Unverändert: M-0001, M-0004, M-0005"), "{dry}");
    assert!(dry.contains("nichts wurde geschrieben"), "{dry}");
    assert_eq!(export(&a), before);
    ok(&a, &["import", file.to_str().unwrap()]);
    let after = ok(&a, &["measure", "show", "M-0003", "--json"]);
    assert!(
        after.contains("\"goals\": [\n    \"9.1\"\n  ]") || after.contains("\"goals\":[\"9.1\"]"),
        "{after}"
    );
    assert!(ok(&a, &["measure", "show", "2"]).contains("Neuer Titel"));
    assert!(ok(&a, &["measure", "show", "6"]).contains("Ganz neu"));
}

/// Imports `content` into a database with a few measures; expects failure, checks the database
/// did not change, and returns stderr.
fn rejected(content: &[u8], args: &[&str]) -> String {
    let d = Dir::new();
    let a = d.db("a");
    ok(&a, &["demo-data", "--measures", "3"]);
    let before = export(&a);
    let file = d.file("bad.json");
    std::fs::write(&file, content).unwrap();
    let mut all = vec!["import", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = run(&a, &all);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(export(&a), before, "the database changed");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("nichts wurde geändert"), "{stderr}");
    assert!(stderr.contains("bad.json"), "{stderr}");
    stderr
}

fn measure_json(title: &str, extra: &str) -> String {
    format!(
        r#"{{"title": {title}, "description": "", "organisation": "", "contact": "",
 "responsible": "", "reference": "", "fund": null, "requested_cents": null,
 "approved_cents": null, "cofunding_cents": null, "start": null, "end": null,
 "status": "idee", "target_groups": [], "location": "", "notes": "",
 "indicators": [], "goals": ["1.3"], "primary_goal": "1.3"{extra}}}"#
    )
}

#[test]
fn every_problem_of_a_file_is_listed_with_line_and_field() {
    let doc = format!(
        "{{\"format\": \"quartier/1\", \"goals\": [],\n\"measures\": [\n{},\n{},\n{},\n{}\n]}}",
        measure_json("\"\"", ""),
        measure_json(
            "\"Falsches Ende\"",
            ", \"start\": \"2026-05-01\", \"end\": \"2026-01-01\""
        ),
        measure_json("\"Ziel unbekannt\"", "").replace("\"1.3\"", "\"9.9\""),
        measure_json("17", ""),
    );
    let err = rejected(doc.as_bytes(), &[]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines[0].ends_with("bad.json:3: Titel: darf nicht leer sein"),
        "{err}"
    );
    assert!(
        lines[1].contains("bad.json:8: Ende: liegt vor dem Beginn"),
        "{err}"
    );
    assert!(
        lines[2].contains("bad.json:13: Ziele: unbekanntes Ziel „9.9“"),
        "{err}"
    );
    assert!(
        lines[3].contains("bad.json:18: „“, Titel: muss Text sein (in Anführungszeichen)"),
        "{err}"
    );
    assert!(lines[4].contains("4 Probleme"), "{err}");
}

#[test]
fn unknown_goals_are_created_on_request() {
    let d = Dir::new();
    let a = d.db("a");
    let file = d.file("a.json");
    let doc = format!(
        "{{\"format\": \"quartier/1\", \"measures\": [{}]}}",
        measure_json("\"Neu\"", "").replace("\"1.3\"", "\"1.9\"")
    );
    std::fs::write(&file, doc).unwrap();
    assert!(run(&a, &["import", file.to_str().unwrap()]).status.code() == Some(1));
    let out = ok(&a, &["import", "--create-goals", file.to_str().unwrap()]);
    assert!(out.contains("1 Ziel neu"), "{out}");
    let goals = ok(&a, &["goals"]);
    assert!(goals.contains("1.9"), "{goals}");
}

#[test]
fn hostile_files_are_rejected_cleanly() {
    let not_utf8 = rejected(
        b"{\"format\": \"quartier/1\", \"measures\": [\"\xff\xfe\"]}",
        &[],
    );
    assert!(
        not_utf8.contains("bad.json:1: keine UTF-8-Datei"),
        "{not_utf8}"
    );
    let deep = "[".repeat(100_000);
    let deep = rejected(deep.as_bytes(), &[]);
    assert!(deep.contains("kein gültiges JSON"), "{deep}");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    rejected(&garbage, &[]);
    let other = rejected(b"{\"format\": \"etwas/2\", \"measures\": []}", &[]);
    assert!(other.contains("kein quartier-Dokument"), "{other}");
    let broken = rejected(b"{\"format\": \"quartier/1\",\n\"measures\": [", &[]);
    assert!(
        broken.contains("bad.json:2: kein gültiges JSON"),
        "{broken}"
    );
    let list = rejected(b"{\"format\": \"quartier/1\", \"measures\": 5}", &[]);
    assert!(list.contains("measures: muss eine Liste sein"), "{list}");
}

#[test]
fn formula_like_text_is_imported_as_inert_text() {
    let d = Dir::new();
    let a = d.db("a");
    let file = d.file("a.json");
    let title = r#""=HYPERLINK(\"http://example.org\",\"klick\")""#;
    std::fs::write(
        &file,
        format!(
            "{{\"format\": \"quartier/1\", \"measures\": [{}]}}",
            measure_json(title, "")
        ),
    )
    .unwrap();
    ok(&a, &["import", file.to_str().unwrap()]);
    let shown = ok(&a, &["measure", "show", "1", "--json"]);
    assert!(
        shown.contains(r#""title": "=HYPERLINK(\"http://example.org\",\"klick\")""#),
        "{shown}"
    );
}

// ---- Property tests through the library ----

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[A-Za-zÄÖÜäöüß0-9 ,.;:=+\"'()€-]{{0,{max}}}")).unwrap()
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        text(40).prop_filter("title", |t| !t.trim().is_empty()),
        text(60),
        text(20),
        proptest::option::of(0i64..1_000_000_000),
        proptest::option::of(0i64..1_000_000_000),
        0usize..5,
        proptest::option::of(0u32..3000),
        proptest::collection::vec(
            text(15).prop_filter("group", |t| !t.trim().is_empty()),
            0..3,
        ),
        proptest::collection::vec(
            (
                text(15).prop_filter("name", |t| !t.trim().is_empty()),
                -1000i32..1000,
                proptest::option::of(-1000i32..1000),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                title,
                description,
                organisation,
                requested,
                approved,
                fund,
                days,
                groups,
                indicators,
            )| {
                let mut m = Measure::new(title.trim());
                m.description = description;
                m.organisation = organisation;
                m.requested = requested.map(Cents);
                m.approved = approved.map(Cents);
                m.fund = Fund::ALL.get(fund).copied();
                m.status = Status::ALL[fund % Status::ALL.len()];
                if let Some(days) = days {
                    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
                        + chrono::Days::new(u64::from(days));
                    m.start = Some(start);
                    m.end = Some(start + chrono::Days::new(u64::from(days % 400)));
                }
                m.target_groups = groups.into_iter().map(|g| g.trim().to_string()).collect();
                m.indicators = indicators
                    .into_iter()
                    .map(|(name, target, actual)| Indicator {
                        name: name.trim().to_string(),
                        unit: "Personen".into(),
                        baseline: 0.0,
                        target: f64::from(target) / 4.0,
                        actual: actual.map(|a| f64::from(a) / 8.0),
                    })
                    .collect();
                m
            },
        )
        .prop_filter("valid", |m| m.validate().is_ok())
}

fn json_of(store: &Store) -> String {
    exchange::json::export(&Snapshot::read(store).unwrap(), None, "T")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn generated_measures_round_trip(measures in proptest::collection::vec(measure(), 1..8)) {
        let d = Dir::new();
        let mut a = Store::open(&d.db("a")).unwrap();
        let g13 = a.goal_by_code("1.3").unwrap().unwrap().id;
        let g21 = a.goal_by_code("2.1").unwrap().unwrap().id;
        for (i, m) in measures.into_iter().enumerate() {
            let goals = if i % 2 == 0 { vec![g13] } else { vec![g21, g13] };
            a.apply(quartier::ops::Op::AddMeasure { measure: m, goals }, "t").unwrap();
        }
        let document = json_of(&a);
        let incoming = exchange::json::parse(document.as_bytes(), "a.json", Lang::De).unwrap();
        let mut b = Store::open(&d.db("b")).unwrap();
        let plan = exchange::plan(&b, &incoming, ImportOptions::default(), "a.json", Lang::De).unwrap();
        b.apply(plan.into_op().unwrap(), "t").unwrap();
        prop_assert_eq!(json_of(&b), document);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = exchange::json::parse(&bytes, "x.json", Lang::De);
        let mut doc = b"{\"format\": \"quartier/1\", \"measures\": [".to_vec();
        doc.extend_from_slice(&bytes);
        let _ = exchange::json::parse(&doc, "x.json", Lang::De);
    }
}

#[test]
fn importing_an_export_older_than_later_changes_warns_per_measure() {
    let d = Dir::new();
    let a = d.db("a");
    ok(&a, &["demo-data", "--measures", "3"]);
    let (json, xlsx) = (d.file("alt.json"), d.file("alt.xlsx"));
    ok(&a, &["export", "-o", json.to_str().unwrap()]);
    ok(&a, &["export", "-o", xlsx.to_str().unwrap()]);
    // exported_at has whole seconds: a change in the same second is not told apart.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ok(
        &a,
        &["measure", "edit", "M-0002", "--title", "Später geändert"],
    );
    for file in [&json, &xlsx] {
        let out = run(&a, &["import", "--dry-run", file.to_str().unwrap()]);
        assert!(out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        let name = file.display().to_string();
        let warning = err
            .lines()
            .find(|l| l.starts_with(&format!("Hinweis: {name}")))
            .unwrap_or_else(|| panic!("{err}"));
        assert!(
            warning.contains(": M-0002 „")
                && warning.contains("“ wurde am")
                && warning.contains("der Import setzt diese Änderung zurück"),
            "{warning}"
        );
        assert_eq!(err.matches("Hinweis:").count(), 1, "{err}");
    }
    // A fresh export carries no warning.
    ok(&a, &["export", "-o", json.to_str().unwrap(), "--force"]);
    let out = run(&a, &["import", "--dry-run", json.to_str().unwrap()]);
    assert!(!String::from_utf8(out.stderr).unwrap().contains("Hinweis"));
}

#[test]
fn json_problems_name_the_measure_the_field_and_the_value_in_german() {
    let doc = "{\"format\": \"quartier/1\", \"measures\": [\n\
        {\"id\": 2, \"title\": \"Kiezfest\", \"start\": \"2026-13-45\", \"approved_cents\": \"viel\"},\n\
        {\"title\": \"Hoffest\", \"status\": \"fertig\", \"goals\": [\"1.3\"], \"primary_goal\": \"Z4\"},\n\
        {\"description\": \"ohne Titel\"}\n]}";
    let err = rejected(doc.as_bytes(), &[]);
    for expected in [
        "bad.json:2: M-0002 „Kiezfest“, Beginn: „2026-13-45“ ist kein gültiges Datum",
        "bad.json:2: M-0002 „Kiezfest“, Bewilligt: \"viel\" ist kein Betrag in Cent",
        "bad.json:3: „Hoffest“, Status: „fertig“ ist kein Status",
        "bad.json:3: „Hoffest“, Ziele: Hauptziel „Z4“ steht nicht unter den Zielen (goals)",
        "bad.json:4: „“, Titel: fehlt („title“ ist nötig)",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(!err.contains("input is out of range"), "{err}");
    assert!(err.contains("5 Probleme in der Datei"), "{err}");
}

#[test]
fn missing_optional_fields_are_empty_and_unknown_fields_are_ignored_with_a_note() {
    let d = Dir::new();
    let a = d.db("a");
    let file = d.file("kurz.json");
    std::fs::write(
        &file,
        "{\"format\": \"quartier/1\", \"quelle\": \"Excel\", \"measures\": [\n\
         {\"title\": \"Kiezfest\", \"approved_cents\": 150000, \"start\": \"01.03.26\", \"bemerkung\": \"x\", \"goals\": [\"1.3\"]}\n]}",
    )
    .unwrap();
    let out = run(&a, &["import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Hinweis:")
            && err.contains(
                ":1: Felder ohne Bedeutung für quartier werden ignoriert: „quelle“, „bemerkung“"
            ),
        "{err}"
    );
    let shown: serde_json::Value =
        serde_json::from_str(&ok(&a, &["measure", "show", "1", "--json"])).unwrap();
    assert_eq!(shown["title"], "Kiezfest");
    assert_eq!(shown["approved_cents"], 150000);
    assert_eq!(shown["start"], "2026-03-01");
    assert_eq!(shown["status"], "idee");
    assert_eq!(shown["organisation"], "");
    assert_eq!(shown["goals"], serde_json::json!(["1.3"]));
}

#[test]
fn a_newer_format_says_so_and_markdown_is_export_only() {
    let newer = rejected(b"{\"format\": \"quartier/4\", \"measures\": []}", &[]);
    assert!(
        newer.contains(
            "bad.json:1: format: die Datei hat das Format quartier/4 einer neueren quartier-Version"
        ),
        "{newer}"
    );
    let d = Dir::new();
    let a = d.db("a");
    let file = d.file("bericht.md");
    std::fs::write(&file, "# Bericht\n").unwrap();
    let out = run(&a, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bericht.md: Markdown (.md) ist nur ein Exportformat (der Bericht); importieren lassen sich JSON, CSV und XLSX"),
        "{err}"
    );
}

#[test]
fn a_json_file_with_thousands_of_bad_measures_stops_after_500_problems() {
    let mut doc = String::from("{\"format\": \"quartier/1\", \"measures\": [\n");
    for n in 0..5000 {
        doc.push_str(&format!("{{\"title\": \"M{n}\", \"start\": \"nie\"}},\n"));
    }
    doc.push_str("{\"title\": \"Ende\"}]}");
    let err = rejected(doc.as_bytes(), &[]);
    assert!(err.lines().count() < 510, "{}", err.lines().count());
    assert!(
        err.contains("bad.json: mehr als 500 Probleme; der Rest der Datei wurde nicht geprüft"),
        "{err}"
    );
}
