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
