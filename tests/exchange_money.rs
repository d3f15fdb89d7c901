//! Money over time (issue 14) in the JSON document `quartier/2`: pots, plans and payments go
//! out and come back byte-stable, `quartier/1` files still import, bad payment rows are named
//! with line and field and change nothing, and backups carry the new records through restore.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{fails, json_export, ok, quartier};

struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    Db { dir, path }
}

/// Two measures, two pots, a plan and three payments (one paid back).
fn with_money() -> Db {
    let db = db();
    let p = db.path.as_path();
    for (title, fund, approved, start, end) in [
        (
            "Kiezküche",
            "Projektfonds",
            "80.000",
            "01.07.2026",
            "30.06.2027",
        ),
        (
            "Hoffest",
            "Aktionsfonds",
            "1.500",
            "01.05.2026",
            "02.05.2026",
        ),
    ] {
        ok(
            p,
            &[
                "measure",
                "add",
                "--title",
                title,
                "--goal",
                "1.1",
                "--fund",
                fund,
                "--approved",
                approved,
                "--start",
                start,
                "--end",
                end,
                "--status",
                "bewilligt",
            ],
        );
    }
    let run: [&[&str]; 6] = [
        &[
            "pot",
            "set",
            "Aktionsfonds",
            "2026",
            "10.000",
            "--note",
            "Senat, 12.01.2026",
        ],
        &["pot", "set", "Projektfonds", "2027", "50.000"],
        &["plan", "set", "1", "2026=40.000", "2027=40.000"],
        &[
            "payment",
            "add",
            "1",
            "--date",
            "15.08.2026",
            "--amount",
            "20.000",
            "--kind",
            "Auszahlung",
            "--reference",
            "MA-1",
        ],
        &[
            "payment",
            "add",
            "1",
            "--date",
            "01.09.2026",
            "--amount",
            "500,50",
            "--kind",
            "Rückforderung",
            "--note",
            "zu viel",
        ],
        &[
            "payment",
            "add",
            "2",
            "--date",
            "02.05.2026",
            "--amount",
            "1.500",
            "--kind",
            "Mittelabruf",
        ],
    ];
    for args in run {
        ok(p, args);
    }
    db
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    file.to_str().unwrap().to_string()
}

#[test]
fn pots_plans_and_payments_go_out_and_come_back_byte_stable() {
    let source = with_money();
    let exported = json_export(&source.path);
    let document: serde_json::Value =
        serde_json::from_str(&ok(&source.path, &["export", "--format", "json"])).unwrap();
    assert_eq!(document["format"], "quartier/3");
    assert_eq!(document["pots"][0]["fund"], "Aktionsfonds");
    assert_eq!(document["pots"][0]["amount_cents"], 1_000_000);
    assert_eq!(document["pots"][0]["note"], "Senat, 12.01.2026");
    assert_eq!(document["plans"][0]["measure"], 1);
    assert_eq!(document["plans"][0]["instalments"][1]["year"], 2027);
    assert_eq!(document["payments"][1]["kind"], "Rückforderung");
    assert_eq!(document["payments"][1]["amount_cents"], 50_050);
    assert_eq!(document["payments"][2]["date"], "2026-05-02");

    let file = write(
        source.dir.path(),
        "alles.json",
        &ok(&source.path, &["export", "--format", "json"]),
    );
    let target = db();
    ok(&target.path, &["import", &file]);
    assert_eq!(json_export(&target.path), exported);
    // Importing the same file again changes nothing.
    let head = ok(&target.path, &["log", "--json", "--limit", "1"]);
    ok(&target.path, &["import", &file]);
    assert_eq!(ok(&target.path, &["log", "--json", "--limit", "1"]), head);
    // One undo takes the whole import back, money included.
    let fresh = db();
    ok(&fresh.path, &["import", &file]);
    ok(&fresh.path, &["undo"]);
    assert_eq!(ok(&fresh.path, &["payment", "list"]), "Keine Zahlungen.\n");
    assert!(ok(&fresh.path, &["pot", "list", "--json"]).trim() == "[]");
    ok(&target.path, &["check"]);
}

#[test]
fn a_quartier_1_file_still_imports() {
    let db = db();
    let file = write(
        db.dir.path(),
        "alt.json",
        "{\"format\": \"quartier/1\", \"goals\": [], \"measures\": [\n\
         {\"title\": \"Altes Fest\", \"fund\": \"Aktionsfonds\", \"goals\": [\"1.1\"]}\n]}",
    );
    ok(&db.path, &["import", &file]);
    assert!(ok(&db.path, &["measure", "list"]).contains("Altes Fest"));
}

#[test]
fn bad_money_rows_are_named_with_line_and_field_and_change_nothing() {
    let db = with_money();
    let before = json_export(&db.path);
    let file = write(
        db.dir.path(),
        "kaputt.json",
        "{\"format\": \"quartier/2\", \"measures\": [],\n\
         \"pots\": [\n\
         {\"fund\": \"Kiezfonds\", \"year\": 2026, \"amount_cents\": 1}\n\
         ],\n\
         \"plans\": [\n\
         {\"measure\": 1, \"instalments\": [{\"year\": 1700, \"amount_cents\": 5}]}\n\
         ],\n\
         \"payments\": [\n\
         {\"measure\": 1, \"date\": \"31.02.2026\", \"amount_cents\": 100, \"kind\": \"Auszahlung\"},\n\
         {\"measure\": 1, \"date\": \"2026-03-01\", \"amount_cents\": -5, \"kind\": \"Spende\"},\n\
         {\"measure\": 99, \"date\": \"2026-03-01\", \"amount_cents\": 5, \"kind\": \"Auszahlung\"},\n\
         {\"measure\": 1, \"datum\": \"2026-03-01\"}\n\
         ]}",
    );
    let error = fails(&db.path, &["import", &file], 1);
    for expected in [
        "kaputt.json:3: Fonds: ",
        "kaputt.json:6: Jahr: ",
        "kaputt.json:9: Datum: ",
        "kaputt.json:10: Art: unbekannte Zahlungsart „Spende“",
        "kaputt.json:11: Maßnahme: Maßnahme M-0099 gibt es nicht.",
        "kaputt.json:12: date: fehlt („date“ ist nötig)",
        "kaputt.json:12: Felder ohne Bedeutung für quartier werden ignoriert: „datum“",
    ] {
        assert!(error.contains(expected), "{expected} missing:\n{error}");
    }
    assert_eq!(json_export(&db.path), before);
}

#[test]
fn backups_carry_pots_plans_and_payments_through_restore() {
    let db = with_money();
    let before = json_export(&db.path);
    let backup = db.dir.path().join("sicherung.json");
    ok(&db.path, &["backup", "-o", backup.to_str().unwrap()]);
    let text = std::fs::read_to_string(&backup).unwrap();
    assert!(text.contains("\"payments\""), "{text}");
    // Change everything, then restore.
    ok(&db.path, &["measure", "delete", "1"]);
    ok(&db.path, &["pot", "set", "Baufonds", "2026", "1"]);
    ok(&db.path, &["pot", "remove", "Aktionsfonds", "2026"]);
    let out = quartier(&db.path, &["restore", backup.to_str().unwrap(), "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_export(&db.path), before);
    ok(&db.path, &["check"]);
    // One undo takes the restore back.
    ok(&db.path, &["undo"]);
    assert!(ok(&db.path, &["pot", "list"]).contains("Baufonds"));
}

#[test]
fn payments_and_instalments_export_as_german_csv() {
    let db = with_money();
    let payments = ok(
        &db.path,
        &["export", "--format", "csv", "--what", "payments"],
    );
    let lines: Vec<&str> = payments.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}ID;Maßnahme;Datum;Art;Betrag;Aktenzeichen;Notizen"
    );
    assert_eq!(
        lines[1],
        "Z-0001;M-0001;15.08.2026;Auszahlung;20000,00;MA-1;"
    );
    assert_eq!(
        lines[2],
        "Z-0002;M-0001;01.09.2026;Rückforderung;500,50;;zu viel"
    );
    let plan = ok(&db.path, &["export", "--format", "csv", "--what", "plan"]);
    assert_eq!(
        plan,
        "\u{feff}Maßnahme;Jahr;Betrag\r\nM-0001;2026;40000,00\r\nM-0001;2027;40000,00\r\n"
    );
}

#[test]
fn the_workbook_has_typed_sheets_of_pots_instalments_and_payments() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let db = with_money();
    let file = db.dir.path().join("alles.xlsx");
    ok(
        &db.path,
        &["export", "--format", "xlsx", "-o", file.to_str().unwrap()],
    );
    let bytes = std::fs::read(&file).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let names = workbook.sheet_names();
    for name in ["Töpfe", "Jahresraten", "Zahlungen"] {
        assert!(names.iter().any(|n| n == name), "{name} missing: {names:?}");
    }
    let pots = workbook.worksheet_range("Töpfe").unwrap();
    assert_eq!(pots.get((1, 0)), Some(&Data::String("Aktionsfonds".into())));
    assert_eq!(pots.get((1, 1)), Some(&Data::Float(2026.0)));
    assert_eq!(pots.get((1, 2)), Some(&Data::Float(10000.0)));
    let plans = workbook.worksheet_range("Jahresraten").unwrap();
    assert_eq!(plans.get((2, 0)), Some(&Data::String("M-0001".into())));
    assert_eq!(plans.get((2, 1)), Some(&Data::Float(2027.0)));
    assert_eq!(plans.get((2, 2)), Some(&Data::Float(40000.0)));
    let payments = workbook.worksheet_range("Zahlungen").unwrap();
    assert_eq!(payments.get((2, 0)), Some(&Data::String("Z-0002".into())));
    assert!(matches!(payments.get((2, 2)), Some(Data::DateTime(_))));
    assert_eq!(
        payments.get((2, 3)),
        Some(&Data::String("Rückforderung".into()))
    );
    assert_eq!(payments.get((2, 4)), Some(&Data::Float(500.5)));
    // The same data gives the same bytes, and the workbook still imports.
    let again = db.dir.path().join("nochmal.xlsx");
    ok(
        &db.path,
        &["export", "--format", "xlsx", "-o", again.to_str().unwrap()],
    );
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
    let before = json_export(&db.path);
    ok(&db.path, &["import", file.to_str().unwrap()]);
    assert_eq!(json_export(&db.path), before);
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

fn csv_of(db: &Path, what: &str) -> String {
    ok(db, &["export", "--format", "csv", "--what", what])
}

#[test]
fn pots_plans_and_payments_come_back_from_csv_byte_stable() {
    let source = with_money();
    let dir = source.dir.path();
    let target = db();
    let measures = write(dir, "massnahmen.csv", &csv_of(&source.path, "measures"));
    ok(&target.path, &["import", &measures]);
    let pots = csv_of(&source.path, "pots");
    assert_eq!(
        pots,
        "\u{feff}Fonds;Jahr;Betrag;Notizen\r\nAktionsfonds;2026;10000,00;Senat, 12.01.2026\r\n\
         Projektfonds;2027;50000,00;\r\n"
    );
    for what in ["pots", "plan", "payments"] {
        let file = write(dir, &format!("{what}.csv"), &csv_of(&source.path, what));
        let out = ok(&target.path, &["import", "--what", what, &file]);
        assert!(out.contains("geändert)"), "{out}");
        assert_eq!(
            csv_of(&target.path, what),
            csv_of(&source.path, what),
            "{what}"
        );
        // Again: nothing changes, no new history entry.
        let head = ok(&target.path, &["log", "--json", "--limit", "1"]);
        ok(&target.path, &["import", "--what", what, &file]);
        assert_eq!(ok(&target.path, &["log", "--json", "--limit", "1"]), head);
    }
    assert_eq!(json_export(&target.path), json_export(&source.path));
    // One undo takes one import back.
    ok(&target.path, &["undo"]);
    assert_eq!(ok(&target.path, &["payment", "list"]), "Keine Zahlungen.\n");
    // A payment row without an id is a new payment; a changed one is updated.
    let file = write(
        dir,
        "neu.csv",
        "ID;Maßnahme;Datum;Art;Betrag;Aktenzeichen;Notiz\n\
         Z-0001;M-0001;15.08.2026;Auszahlung;19.999,99;;\n\
         ;M-0002;03.05.2026;Mittelabruf;0,01;;\n",
    );
    let dry = ok(
        &source.path,
        &["import", "--dry-run", "--what", "payments", &file],
    );
    assert!(dry.contains("2 Töpfe/Raten/Zahlungen geändert"), "{dry}");
    assert!(!dry.contains("Nicht in der Datei"), "{dry}");
    ok(&source.path, &["import", "--what", "payments", &file]);
    let payments = csv_of(&source.path, "payments");
    assert!(
        payments.contains("Z-0001;M-0001;15.08.2026;Auszahlung;19999,99;;\r\n"),
        "{payments}"
    );
    assert!(
        payments.contains("Z-0004;M-0002;03.05.2026;Mittelabruf;0,01;;\r\n"),
        "{payments}"
    );
}

#[test]
fn the_workbook_brings_pots_plans_and_payments_back_exactly() {
    let source = with_money();
    let file = source.dir.path().join("alles.xlsx");
    let path = file.to_str().unwrap();
    ok(&source.path, &["export", "-o", path]);
    let target = db();
    let out = ok(&target.path, &["import", path]);
    assert!(out.contains("(6 Töpfe/Raten/Zahlungen geändert"), "{out}");
    assert_eq!(json_export(&target.path), json_export(&source.path));
    let again = target.dir.path().join("wieder.xlsx");
    ok(&target.path, &["export", "-o", again.to_str().unwrap()]);
    let (first, second) = (
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap(),
    );
    assert_eq!(sheets(&second), sheets(&first));
    // 500,50 € came back as 50 050 cents, not 50 049.
    assert!(csv_of(&target.path, "payments").contains(";500,50;"));
    // Importing it again changes nothing.
    let head = ok(&target.path, &["log", "--json", "--limit", "1"]);
    ok(&target.path, &["import", again.to_str().unwrap()]);
    assert_eq!(ok(&target.path, &["log", "--json", "--limit", "1"]), head);
}

#[test]
fn bad_money_rows_in_csv_and_xlsx_are_named_with_row_and_field_and_change_nothing() {
    let db = with_money();
    let before = json_export(&db.path);
    let dir = db.dir.path();
    let file = write(
        dir,
        "zahlungen.csv",
        "ID;Maßnahme;Datum;Art;Betrag;Aktenzeichen;Notizen\n\
         Z-0001;M-0001;31.02.2026;Auszahlung;20000,00;;\n\
         ;M-0001;01.03.2026;Spende;5;;\n\
         ;M-0099;01.03.2026;Auszahlung;12,345;;\n\
         ;M-0001;;Auszahlung;;;\n",
    );
    let error = fails(&db.path, &["import", "--what", "payments", &file], 1);
    for expected in [
        "zahlungen.csv:2: Datum: ",
        "zahlungen.csv:3: Art: unbekannte Zahlungsart „Spende“",
        "zahlungen.csv:4: Betrag: ",
        "zahlungen.csv:5: Datum: ",
        "zahlungen.csv:5: Betrag: ",
    ] {
        assert!(error.contains(expected), "{expected} missing:\n{error}");
    }
    let file = write(
        dir,
        "raten.csv",
        "Maßnahme;Jahr;Betrag\nM-0001;2026;1\nM-0001;2026;2\nM-0077;20x6;1\n",
    );
    let error = fails(&db.path, &["import", "--what", "plan", &file], 1);
    for expected in ["raten.csv:3: Jahr: ", "raten.csv:4: Jahr: "] {
        assert!(error.contains(expected), "{expected} missing:\n{error}");
    }
    let file = write(dir, "topf.csv", "Fonds;Jahr\nKiezfonds;2026\n");
    let error = fails(&db.path, &["import", "--what", "pots", &file], 1);
    assert!(
        error.contains("topf.csv:1: Betrag: Spalte fehlt"),
        "{error}"
    );
    // Without an id, the other columns may be missing.
    let file = write(
        dir,
        "ohne.csv",
        "Maßnahme;Datum;Art;Betrag\nM-0001;32.01.2026;Auszahlung;1\n",
    );
    let error = fails(&db.path, &["import", "--what", "payments", &file], 1);
    assert!(error.contains("ohne.csv:2: Datum: "), "{error}");
    assert!(!error.contains("Spalte fehlt"), "{error}");
    // A payment of a measure the database does not have, in a sheet of a workbook.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Zahlungen").unwrap();
    for (col, header) in ["ID", "Maßnahme", "Datum", "Art", "Betrag"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 1).unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("DD.MM.YYYY");
    for row in [1, 2] {
        sheet
            .write_string(row, 1, ["", "M-0001", "M-0042"][row as usize])
            .unwrap();
        sheet
            .write_datetime_with_format(row, 2, &day, &date)
            .unwrap();
        sheet.write_string(row, 3, "Auszahlung").unwrap();
        sheet
            .write_number(row, 4, [0.0, 1.005, 5.0][row as usize])
            .unwrap();
    }
    let xlsx = dir.join("zahlungen.xlsx");
    std::fs::write(&xlsx, book.save_to_buffer().unwrap()).unwrap();
    let error = fails(&db.path, &["import", xlsx.to_str().unwrap()], 1);
    for expected in [
        "zahlungen.xlsx[Zahlungen]:2: Betrag: „1.005“ ist kein Betrag",
        "zahlungen.xlsx[Zahlungen]:3: Maßnahme: Maßnahme M-0042 gibt es nicht.",
    ] {
        assert!(error.contains(expected), "{expected} missing:\n{error}");
    }
    assert_eq!(json_export(&db.path), before);
    // --what is for CSV only.
    let json = write(dir, "a.json", "{\"format\": \"quartier/3\"}");
    let error = fails(&db.path, &["import", "--what", "payments", &json], 1);
    assert!(error.contains("nur für CSV"), "{error}");
}

#[test]
fn the_goals_sheet_counts_approved_money_per_year_by_the_instalments() {
    use calamine::Data;
    let db = with_money();
    let file = db.dir.path().join("ziele.xlsx");
    ok(&db.path, &["export", "-o", file.to_str().unwrap()]);
    let book = sheets(&std::fs::read(&file).unwrap());
    let goals = &book.iter().find(|(n, _)| n == "Ziele").unwrap().1;
    assert_eq!(goals[0][5], Data::String("Bewilligt 2026".into()));
    assert_eq!(goals[0][6], Data::String("Bewilligt 2027".into()));
    let row = |code: &str| {
        goals
            .iter()
            .find(|r| r[0] == Data::String(code.into()))
            .unwrap()
    };
    // Kiezküche: 80.000 € with a 40/40 plan; Hoffest: 1.500 € without a plan, in 2026.
    for code in ["Z1", "1.1"] {
        assert_eq!(row(code)[3], Data::Float(81_500.0), "{code}");
        assert_eq!(row(code)[5], Data::Float(41_500.0), "{code}");
        assert_eq!(row(code)[6], Data::Float(40_000.0), "{code}");
    }
    assert_eq!(row("1.2")[5], Data::Float(0.0));
    let total = goals.last().unwrap();
    assert_eq!(total[1], Data::String("Gesamt".into()));
    assert_eq!(total[5], Data::Float(41_500.0));
    assert_eq!(total[6], Data::Float(40_000.0));
}
