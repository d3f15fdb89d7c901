//! Decisions and deadlines (issue 15) in the JSON document `quartier/3`: sessions (with the
//! office's own bodies), decisions, status steps and deadlines go out and come back byte-stable,
//! `quartier/1` and `quartier/2` files still import, bad rows are named with line and field and
//! change nothing, one undo takes an import back, and backups carry the records through restore.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{command, fails, json_export, ok};

struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    Db { dir, path }
}

/// Runs with today fixed (steps recorded by the CLI are dated with it).
fn on(db: &Path, args: &[&str]) -> String {
    let out = command(db, args)
        .env("QUARTIER_TODAY", "2026-04-01")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Two measures, two sessions (one of the office's own body), three decisions, status steps
/// and three deadlines (one of the office, one done).
fn with_course() -> Db {
    let db = db();
    let p = db.path.as_path();
    for title in ["Kiezküche", "Hoffest"] {
        let args = [
            "measure",
            "add",
            "--title",
            title,
            "--goal",
            "1.1",
            "--fund",
            "Projektfonds",
            "--start",
            "01.05.2026",
            "--end",
            "30.09.2026",
        ];
        on(p, &args);
    }
    let run: [&[&str]; 9] = [
        &[
            "session",
            "add",
            "--body",
            "Quartiersrat",
            "--date",
            "12.03.2026",
            "--note",
            "Protokoll S. 4",
        ],
        &[
            "session",
            "add",
            "--body",
            "Kiezbeirat",
            "--date",
            "20.03.2026",
        ],
        &[
            "decision",
            "add",
            "--session",
            "S-0001",
            "--measure",
            "M-0001",
            "--outcome",
            "Zustimmung mit Auflagen",
            "--yes",
            "9",
            "--no",
            "1",
            "--abstain",
            "2",
            "--amount",
            "45.000",
            "--conditions",
            "Kostenplan nachreichen",
        ],
        &[
            "decision",
            "add",
            "--session",
            "S-0002",
            "--measure",
            "M-0002",
            "--outcome",
            "Vertagung",
        ],
        &[
            "measure",
            "status",
            "M-0001",
            "bewilligt",
            "--date",
            "01.04.2026",
            "--note",
            "Bescheid vom 28.03.",
        ],
        &["measure", "status", "M-0001", "laufend"],
        &[
            "deadline",
            "add",
            "--kind",
            "Sachbericht",
            "--due",
            "31.10.2026",
            "--measure",
            "M-0001",
        ],
        &[
            "deadline",
            "add",
            "--kind",
            "Antragsfrist",
            "--due",
            "15.06.2026",
            "--note",
            "Projektfonds 2027",
        ],
        &["deadline", "done", "F-0002"],
    ];
    for args in run {
        on(p, args);
    }
    db
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    file.to_str().unwrap().to_string()
}

#[test]
fn sessions_decisions_steps_and_deadlines_go_out_and_come_back_byte_stable() {
    let source = with_course();
    let exported = json_export(&source.path);
    let text = ok(&source.path, &["export", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(document["format"], "quartier/3");
    assert_eq!(document["sessions"][0]["body"], "Quartiersrat");
    assert_eq!(document["sessions"][0]["date"], "2026-03-12");
    assert_eq!(document["sessions"][1]["body"], "Kiezbeirat");
    let decision = &document["decisions"][0];
    assert_eq!(decision["outcome"], "Zustimmung mit Auflagen");
    assert_eq!(decision["votes"]["abstain"], 2);
    assert_eq!(decision["amount_cents"], 4_500_000);
    assert_eq!(decision["conditions"], "Kostenplan nachreichen");
    assert_eq!(document["decisions"][1]["votes"], serde_json::Value::Null);
    let steps = document["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert_eq!(steps[0]["to"], "bewilligt");
    assert_eq!(steps[0]["note"], "Bescheid vom 28.03.");
    assert_eq!(steps[1]["date"], "2026-04-01");
    let deadlines = document["deadlines"].as_array().unwrap();
    assert_eq!(deadlines[0]["measure"], serde_json::Value::Null);
    assert_eq!(deadlines[0]["done"], "2026-04-01");
    assert_eq!(deadlines[1]["measure"], 1);

    let file = write(source.dir.path(), "alles.json", &text);
    let target = db();
    let out = ok(&target.path, &["import", &file]);
    assert!(out.contains("Statusschritte geändert"), "{out}");
    assert_eq!(json_export(&target.path), exported);
    // Importing the same file again changes nothing.
    let head = ok(&target.path, &["log", "--json", "--limit", "1"]);
    ok(&target.path, &["import", &file]);
    assert_eq!(ok(&target.path, &["log", "--json", "--limit", "1"]), head);
    ok(&target.path, &["check"]);
    // Into the database it came from: nothing changes either.
    let head = ok(&source.path, &["log", "--json", "--limit", "1"]);
    ok(&source.path, &["import", &file]);
    assert_eq!(ok(&source.path, &["log", "--json", "--limit", "1"]), head);
    // One undo takes the whole import back.
    ok(&target.path, &["undo"]);
    assert_eq!(
        ok(&target.path, &["session", "list", "--json"]).trim(),
        "[]"
    );
    assert_eq!(
        ok(&target.path, &["deadline", "list", "--json"]).trim(),
        "[]"
    );
    assert!(ok(&target.path, &["measure", "list"]).contains("Keine"));
}

#[test]
fn a_changed_status_in_the_file_keeps_the_files_steps_and_records_its_own() {
    let source = with_course();
    let text = ok(&source.path, &["export", "--format", "json"]);
    let mut document: serde_json::Value = serde_json::from_str(&text).unwrap();
    document["measures"][1]["status"] = "beantragt".into();
    document["steps"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": 40, "measure": 2, "from": "idee", "to": "skizze", "date": "2026-02-01",
            "who": "anna", "note": "Skizze per Mail"
        }));
    let file = write(
        source.dir.path(),
        "neu.json",
        &serde_json::to_string_pretty(&document).unwrap(),
    );
    on(&source.path, &["import", &file]);
    let after: serde_json::Value =
        serde_json::from_str(&ok(&source.path, &["export", "--format", "json"])).unwrap();
    let steps = after["steps"].as_array().unwrap();
    let of_second: Vec<(&str, &str)> = (steps.iter())
        .filter(|s| s["measure"] == 2)
        .map(|s| (s["to"].as_str().unwrap(), s["who"].as_str().unwrap()))
        .collect();
    assert_eq!(of_second.len(), 2, "{steps:?}");
    assert_eq!(of_second[0], ("skizze", "anna"));
    assert_eq!(of_second[1].0, "beantragt");
    ok(&source.path, &["check"]);
}

#[test]
fn quartier_1_and_quartier_2_files_still_import() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exchange");
    let first = db();
    let old = fixtures.join("quartier-1.json");
    ok(&first.path, &["import", old.to_str().unwrap()]);
    assert!(ok(&first.path, &["measure", "list"]).contains("Altes Fest"));
    let db = db();
    let second = fixtures.join("quartier-2.json");
    ok(&db.path, &["import", second.to_str().unwrap()]);
    let payments = ok(&db.path, &["payment", "list"]);
    assert!(payments.contains("20.000,00"), "{payments}");
    assert!(ok(&db.path, &["pot", "list"]).contains("Aktionsfonds"));
    assert_eq!(ok(&db.path, &["session", "list", "--json"]).trim(), "[]");
    // A backup of the old format restores as well.
    let out = command(&db.path, &["restore", second.to_str().unwrap(), "--yes"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bad_course_rows_are_named_with_line_and_field_and_change_nothing() {
    let db = with_course();
    let before = json_export(&db.path);
    let file = write(
        db.dir.path(),
        "kaputt.json",
        "{\"format\": \"quartier/3\", \"measures\": [],\n\
         \"sessions\": [\n\
         {\"id\": 7, \"body\": \"Quartiersrat\", \"date\": \"31.02.2026\"},\n\
         {\"id\": 8, \"body\": \" \", \"date\": \"2026-03-01\"}\n\
         ],\n\
         \"decisions\": [\n\
         {\"session\": 1, \"measure\": 1, \"outcome\": \"Jein\"},\n\
         {\"session\": 99, \"measure\": 98, \"outcome\": \"Ablehnung\"},\n\
         {\"session\": 1, \"measure\": 1, \"outcome\": \"Ablehnung\", \"amount_cents\": -1}\n\
         ],\n\
         \"steps\": [\n\
         {\"id\": 50, \"measure\": 1, \"from\": \"idee\", \"to\": \"fertig\", \"date\": \"2026-01-01\"},\n\
         {\"measure\": 1, \"from\": \"idee\", \"to\": \"skizze\", \"date\": \"2026-01-01\"}\n\
         ],\n\
         \"deadlines\": [\n\
         {\"kind\": \"Mahnung\", \"due\": \"2026-01-01\"},\n\
         {\"kind\": \"Sachbericht\", \"due\": \"2026-01-01\", \"measure\": 97, \"erledigt\": 1},\n\
         {\"id\": 3, \"kind\": \"Sachbericht\", \"due\": \"2026-01-01\"},\n\
         {\"id\": 3, \"kind\": \"Sachbericht\", \"due\": \"2026-01-02\"}\n\
         ]}",
    );
    let error = fails(&db.path, &["import", &file], 1);
    for expected in [
        "kaputt.json:3: Datum: ",
        "kaputt.json:4: Gremium: ",
        "kaputt.json:7: Ergebnis: ",
        "kaputt.json:8: Sitzung: S-0099 nicht gefunden.",
        "kaputt.json:8: Maßnahme: Maßnahme M-0098 gibt es nicht.",
        "kaputt.json:9: Betrag: ",
        "kaputt.json:12: to: ",
        "kaputt.json:13: id: fehlt („id“ ist nötig)",
        "kaputt.json:16: Art: ",
        "kaputt.json:17: Maßnahme: Maßnahme M-0097 gibt es nicht.",
        "kaputt.json:19: ID: dieselbe ID steht schon in Zeile 18",
        "Felder ohne Bedeutung für quartier werden ignoriert: „erledigt“",
    ] {
        assert!(error.contains(expected), "{expected} missing:\n{error}");
    }
    assert_eq!(json_export(&db.path), before);
}

#[test]
fn backups_carry_decisions_and_deadlines_through_restore() {
    let db = with_course();
    let before = json_export(&db.path);
    let backup = db.dir.path().join("sicherung.json");
    ok(&db.path, &["backup", "-o", backup.to_str().unwrap()]);
    let text = std::fs::read_to_string(&backup).unwrap();
    assert!(text.contains("\"format\": \"quartier/3\""), "{text}");
    assert!(text.contains("\"Kiezbeirat\""), "{text}");
    // Change everything, then restore.
    on(&db.path, &["measure", "delete", "1"]);
    on(
        &db.path,
        &["session", "add", "--body", "Jury", "--date", "01.05.2026"],
    );
    on(&db.path, &["deadline", "remove", "F-0002"]);
    on(
        &db.path,
        &[
            "deadline",
            "add",
            "--kind",
            "sonstige",
            "--due",
            "01.01.2027",
        ],
    );
    let out = command(&db.path, &["restore", backup.to_str().unwrap(), "--yes"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_export(&db.path), before);
    ok(&db.path, &["check"]);
    // One undo takes the restore back.
    ok(&db.path, &["undo"]);
    let sessions = ok(&db.path, &["session", "list"]);
    assert!(sessions.contains("Aktionsfonds-Jury"), "{sessions}");
}

fn csv_of(db: &Path, what: &str) -> String {
    ok(db, &["export", "--format", "csv", "--what", what])
}

/// Every sheet of a workbook as rows of cells.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    (workbook.sheet_names().into_iter())
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            (name, range.rows().map(<[_]>::to_vec).collect())
        })
        .collect()
}

#[test]
fn decisions_and_deadlines_come_back_from_csv_byte_stable() {
    let source = with_course();
    let dir = source.dir.path();
    let decisions = csv_of(&source.path, "decisions");
    let lines: Vec<&str> = decisions.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}ID;Sitzung;Gremium;Sitzungsdatum;Sitzungsnotiz;Maßnahme;Ergebnis;Ja;Nein;\
         Enthaltungen;Betrag;Auflagen"
    );
    assert_eq!(
        lines[1],
        "B-0001;S-0001;Quartiersrat;12.03.2026;Protokoll S. 4;M-0001;Zustimmung mit Auflagen;\
         9;1;2;45000,00;Kostenplan nachreichen"
    );
    assert_eq!(
        lines[2],
        "B-0002;S-0002;Kiezbeirat;20.03.2026;;M-0002;Vertagung;;;;;"
    );
    let deadlines = csv_of(&source.path, "deadlines");
    assert_eq!(
        deadlines,
        "\u{feff}ID;Art;Fällig;Maßnahme;Notizen;Erledigt\r\n\
         F-0002;Antragsfrist;15.06.2026;;Projektfonds 2027;01.04.2026\r\n\
         F-0001;Sachbericht;31.10.2026;M-0001;;\r\n"
    );
    let target = db();
    let measures = write(dir, "massnahmen.csv", &csv_of(&source.path, "measures"));
    on(&target.path, &["import", &measures]);
    for what in ["decisions", "deadlines"] {
        let file = write(dir, &format!("{what}.csv"), &csv_of(&source.path, what));
        on(&target.path, &["import", "--what", what, &file]);
        assert_eq!(
            csv_of(&target.path, what),
            csv_of(&source.path, what),
            "{what}"
        );
        let head = ok(&target.path, &["log", "--json", "--limit", "1"]);
        on(&target.path, &["import", "--what", what, &file]);
        assert_eq!(ok(&target.path, &["log", "--json", "--limit", "1"]), head);
    }
    let sessions = ok(&target.path, &["session", "list", "--json"]);
    assert!(sessions.contains("Protokoll S. 4"), "{sessions}");
    // A changed decision is updated, a row without id added to a known session.
    // A row with an id replaces its decision: every column must be there (but the note of
    // the session, which stays when its column is missing).
    let file = write(
        dir,
        "neu.csv",
        "ID;Sitzung;Gremium;Sitzungsdatum;Maßnahme;Ergebnis;Ja;Nein;Enthaltungen\n\
         B-0002;S-0002;Kiezbeirat;20.03.2026;M-0002;Ablehnung;1;5;0\n",
    );
    let error = fails(&target.path, &["import", "--what", "decisions", &file], 1);
    assert!(error.contains("neu.csv:1: Auflagen: "), "{error}");
    let file = write(
        dir,
        "neu.csv",
        "ID;Sitzung;Gremium;Sitzungsdatum;Maßnahme;Ergebnis;Ja;Nein;Enthaltungen;Betrag;Auflagen\n\
         B-0002;S-0002;Kiezbeirat;20.03.2026;M-0002;Ablehnung;1;5;0;;\n\
         ;S-0001;Quartiersrat;12.03.2026;M-0002;Zustimmung;;;;;\n",
    );
    on(&target.path, &["import", "--what", "decisions", &file]);
    let decisions = csv_of(&target.path, "decisions");
    assert!(
        decisions.contains("B-0002;S-0002;Kiezbeirat;20.03.2026;;M-0002;Ablehnung;1;5;0;;\r\n"),
        "{decisions}"
    );
    assert!(
        decisions.contains(
            "B-0003;S-0001;Quartiersrat;12.03.2026;Protokoll S. 4;M-0002;Zustimmung;;;;;\r\n"
        ),
        "{decisions}"
    );
}

#[test]
fn the_workbook_has_typed_sheets_beschluesse_and_fristen_that_come_back_exactly() {
    use calamine::Data;
    let source = with_course();
    let file = source.dir.path().join("alles.xlsx");
    ok(&source.path, &["export", "-o", file.to_str().unwrap()]);
    let first = std::fs::read(&file).unwrap();
    let book = sheets(&first);
    let sheet = |name: &str| &book.iter().find(|(n, _)| n == name).unwrap().1;
    let decisions = sheet("Beschlüsse");
    assert_eq!(decisions[1][0], Data::String("B-0001".into()));
    assert!(
        matches!(decisions[1][3], Data::DateTime(_)),
        "{:?}",
        decisions[1][3]
    );
    assert_eq!(decisions[1][7], Data::Float(9.0));
    assert_eq!(decisions[1][10], Data::Float(45000.0));
    let deadlines = sheet("Fristen");
    assert_eq!(deadlines[0][2], Data::String("Fällig".into()));
    assert!(matches!(deadlines[1][5], Data::DateTime(_)));
    assert_eq!(deadlines[2][5], Data::Empty);

    let target = db();
    on(&target.path, &["import", file.to_str().unwrap()]);
    let again = target.dir.path().join("wieder.xlsx");
    ok(&target.path, &["export", "-o", again.to_str().unwrap()]);
    assert_eq!(sheets(&std::fs::read(&again).unwrap()), book);
    for what in ["decisions", "deadlines"] {
        assert_eq!(
            csv_of(&target.path, what),
            csv_of(&source.path, what),
            "{what}"
        );
    }
    let head = ok(&target.path, &["log", "--json", "--limit", "1"]);
    on(&target.path, &["import", again.to_str().unwrap()]);
    assert_eq!(ok(&target.path, &["log", "--json", "--limit", "1"]), head);
    // The workbook's session notes count for sessions the database has, too.
    let json = ok(&target.path, &["export", "--format", "json"]).replace("S. 4", "S. 5");
    let changed = write(target.dir.path(), "geaendert.json", &json);
    on(&target.path, &["import", &changed]);
    assert!(ok(&target.path, &["session", "list"]).contains("S. 5"));
    on(&target.path, &["import", file.to_str().unwrap()]);
    let sessions = ok(&target.path, &["session", "list"]);
    assert!(sessions.contains("Protokoll S. 4"), "{sessions}");
}

#[test]
fn bad_decision_and_deadline_rows_are_named_with_row_and_field_and_change_nothing() {
    let db = with_course();
    let before = json_export(&db.path);
    let dir = db.dir.path();
    let file = write(
        dir,
        "beschluesse.csv",
        "ID;Sitzung;Gremium;Sitzungsdatum;Maßnahme;Ergebnis;Ja;Nein;Enthaltungen;Betrag\n\
         ;S-0001;Quartiersrat;12.03.2026;M-0001;Jein;;;;\n\
         ;S-0001;Quartiersrat;12.03.2026;M-0001;Zustimmung;;;;\n\
         ;S-0001;Quartiersrat;13.03.2026;M-0001;Ablehnung;;;;\n\
         ;S-0007;Quartiersrat;;M-0001;Zustimmung;1;x;;\n\
         ;;Quartiersrat;01.01.2026;M-0055;Ablehnung;;;;-5\n\
         ;S-0009;Jury;01.01.2026;M-0055;Ablehnung;;;;\n",
    );
    let error = fails(&db.path, &["import", "--what", "decisions", &file], 1);
    for expected in [
        "beschluesse.csv:2: Ergebnis: unbekanntes Ergebnis „Jein“",
        "beschluesse.csv:4: Sitzung: Sitzung S-0001 hat hier anderes Gremium, Datum oder Notiz als in Zeile 3",
        "beschluesse.csv:5: Sitzungsdatum: ",
        "beschluesse.csv:5: Nein: ",
        "beschluesse.csv:5: Enthaltungen: ",
        "beschluesse.csv:6: Sitzung: ",
        "beschluesse.csv:6: Betrag: ",
        "beschluesse.csv:7: Maßnahme: Maßnahme M-0055 gibt es nicht.",
    ] {
        assert!(error.contains(expected), "{expected} missing:\n{error}");
    }
    let file = write(
        dir,
        "fristen.csv",
        "ID;Art;Fällig;Maßnahme;Notizen;Erledigt\n\
         ;Mahnung;01.01.2026;;;\n\
         ;Sachbericht;32.01.2026;M-0001;;\n\
         F-0001;Sachbericht;01.01.2026;M-0044;;01.13.2026\n\
         ;Sachbericht;01.01.2026;M-0044;;\n",
    );
    let error = fails(&db.path, &["import", "--what", "deadlines", &file], 1);
    for expected in [
        "fristen.csv:2: Art: ",
        "fristen.csv:3: Fällig: ",
        "fristen.csv:4: Erledigt: ",
        "fristen.csv:5: Maßnahme: Maßnahme M-0044 gibt es nicht.",
    ] {
        assert!(error.contains(expected), "{expected} missing:\n{error}");
    }
    let file = write(dir, "ohne.csv", "ID;Art\nF-0001;Sachbericht\n");
    let error = fails(&db.path, &["import", "--what", "deadlines", &file], 1);
    assert!(error.contains("ohne.csv:1: Fällig: "), "{error}");
    assert_eq!(json_export(&db.path), before);
}
