//! End-to-end tests of the CSV exchange through the real `quartier` binary: round trips of our
//! German Excel flavour and of plain comma CSV, the exported bytes, and one bad file per kind of
//! problem (each named with file, line and field, the database left unchanged).

mod common;

use std::path::{Path, PathBuf};

use common::bin::ok_bytes as ok;

/// Runs and expects failure (exit 1); returns stderr.
fn fails(db: &Path, args: &[&str]) -> String {
    common::bin::fails(db, args, 1)
}

struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    Db { dir, path }
}

impl Db {
    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// The JSON export without its time stamp.
fn content(db: &Path) -> serde_json::Value {
    let mut value: serde_json::Value =
        serde_json::from_slice(&ok(db, &["export", "--format", "json"])).unwrap();
    value.as_object_mut().unwrap().remove("exported_at");
    value
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Rewrites our file as plain CSV: `,` separator, LF, no BOM, English headers, decimal points,
/// ISO dates and goal codes without `Ziel `.
fn plain(ours: &[u8]) -> Vec<u8> {
    let ours = ours.strip_prefix(b"\xef\xbb\xbf").unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(ours);
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let english = |h: &str| match h {
        "ID" => "id",
        "Titel" => "title",
        "Beschreibung" => "description",
        "Träger" => "organisation",
        "Kontakt" => "contact",
        "Verantwortlich" => "responsible",
        "Aktenzeichen" => "reference",
        "Fonds" => "fund",
        "Beantragt" => "requested",
        "Bewilligt" => "approved",
        "Kofinanzierung" => "cofunding",
        "Beginn" => "start",
        "Ende" => "end",
        "Status" => "status",
        "Zielgruppen" => "target_groups",
        "Ort" => "location",
        "Hauptziel" => "primary_goal",
        "Ziele" => "goals",
        "Notizen" => "notes",
        "Maßnahme" => "measure",
        "Indikator" => "indicator",
        "Einheit" => "unit",
        "Ausgangswert" => "baseline",
        "Zielwert" => "target",
        "Istwert" => "actual",
        other => panic!("{other}"),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b',')
        .from_writer(Vec::new());
    writer
        .write_record(headers.iter().map(|h| english(h)))
        .unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        let cells = record
            .iter()
            .zip(&headers)
            .map(|(cell, header)| match header.as_str() {
                "Beantragt" | "Bewilligt" | "Kofinanzierung" | "Ausgangswert" | "Zielwert"
                | "Istwert" => cell.replace(',', "."),
                "Beginn" | "Ende" if !cell.is_empty() => {
                    let (d, rest) = cell.split_once('.').unwrap();
                    let (m, y) = rest.split_once('.').unwrap();
                    format!("{y}-{m}-{d}")
                }
                "Hauptziel" | "Ziele" => cell.replace("Ziel ", ""),
                _ => cell.to_string(),
            });
        writer.write_record(cells).unwrap();
    }
    writer.into_inner().unwrap()
}

#[test]
fn round_trip_of_fifty_measures_gives_the_same_bytes() {
    let a = db();
    ok(&a.path, &["demo-data", "--measures", "50"]);
    let measures = ok(&a.path, &["export", "--format", "csv"]);
    let indicators = ok(
        &a.path,
        &["export", "--format", "csv", "--what", "indicators"],
    );
    let measures_file = a.file("massnahmen.csv");
    let indicators_file = a.file("indikatoren.csv");
    std::fs::write(&measures_file, &measures).unwrap();
    std::fs::write(&indicators_file, &indicators).unwrap();

    let b = db();
    let summary = ok(&b.path, &["import", path_str(&measures_file)]);
    assert_eq!(
        String::from_utf8(summary).unwrap().trim(),
        "Import: 50 neu, 0 geändert, 0 unverändert, 0 Ziele neu."
    );
    ok(&b.path, &["import", path_str(&indicators_file)]);
    assert_eq!(ok(&b.path, &["export", "--format", "csv"]), measures);
    assert_eq!(
        ok(
            &b.path,
            &["export", "--format", "csv", "--what", "indicators"]
        ),
        indicators
    );
    assert_eq!(content(&b.path), content(&a.path));
    // Importing the same file again changes nothing.
    let again = ok(&b.path, &["import", path_str(&measures_file)]);
    assert!(
        String::from_utf8(again)
            .unwrap()
            .contains("0 geändert, 50 unverändert")
    );

    // The plain flavour: `,`, decimal points, English headers.
    let c = db();
    let plain_measures = a.file("plain.csv");
    let plain_indicators = a.file("plain-indicators.csv");
    std::fs::write(&plain_measures, plain(&measures)).unwrap();
    std::fs::write(&plain_indicators, plain(&indicators)).unwrap();
    ok(&c.path, &["import", path_str(&plain_measures)]);
    ok(&c.path, &["import", path_str(&plain_indicators)]);
    assert_eq!(content(&c.path), content(&a.path));
}

#[test]
fn exported_bytes_are_for_german_excel() {
    let a = db();
    ok(
        &a.path,
        &[
            "measure",
            "add",
            "--title",
            "=HYPERLINK(\"http://x\",\"y\")",
            "--goal",
            "1.3",
            "--goal",
            "Z4",
            "--approved",
            "12.500,50",
            "--start",
            "01.03.2026",
            "--status",
            "laufend",
            "--fund",
            "QF2",
            "--target-group",
            "Eltern",
            "--target-group",
            "Kinder",
            "--notes=-1 und @x",
        ],
    );
    let bytes = ok(&a.path, &["export", "--format", "csv"]);
    assert!(bytes.starts_with(b"\xef\xbb\xbf"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(text.matches("\r\n").count(), 2, "{text:?}");
    assert!(!text.replace("\r\n", "").contains('\n'));
    assert_eq!(
        text,
        "ID;Titel;Beschreibung;Träger;Kontakt;Verantwortlich;Aktenzeichen;Fonds;Beantragt;\
         Bewilligt;Kofinanzierung;Beginn;Ende;Status;Zielgruppen;Ort;Hauptziel;Ziele;Notizen\r\n\
         M-0001;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";;;;;;Projektfonds;;12500,50;;\
         01.03.2026;;laufend;Eltern, Kinder;;Ziel 1.3;Ziel 1.3, Z4;'-1 und @x\r\n"
    );
    let file = a.file("x.csv");
    std::fs::write(&file, &bytes).unwrap();
    let b = db();
    ok(&b.path, &["import", path_str(&file)]);
    let shown: serde_json::Value =
        serde_json::from_slice(&ok(&b.path, &["measure", "show", "1", "--json"])).unwrap();
    assert_eq!(shown["title"], "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(shown["notes"], "-1 und @x");
    assert_eq!(shown["primary_goal"], "1.3");
    assert_eq!(content(&b.path), content(&a.path));
}

#[test]
fn export_to_a_file_refuses_to_overwrite() {
    let a = db();
    let file = a.file("out.csv");
    ok(&a.path, &["export", "-o", path_str(&file)]);
    assert!(
        std::fs::read(&file)
            .unwrap()
            .starts_with(b"\xef\xbb\xbfID;Titel;")
    );
    let err = fails(&a.path, &["export", "-o", path_str(&file)]);
    assert!(err.contains("--force"), "{err}");
    ok(&a.path, &["export", "-o", path_str(&file), "--force"]);
}

#[test]
fn a_file_with_only_some_columns_changes_only_those() {
    let a = db();
    ok(&a.path, &["demo-data", "--measures", "3"]);
    let before = content(&a.path);
    let file = a.file("status.csv");
    std::fs::write(&file, "ID;Status\nM-0002;abgebrochen\n").unwrap();
    ok(&a.path, &["import", path_str(&file)]);
    let mut expected = before.clone();
    expected["measures"][1]["status"] = "abgebrochen".into();
    let mut after = content(&a.path);
    // The new status is a step of the measure's course (issue 15), recorded by the import.
    let steps = after.as_object_mut().unwrap().remove("steps").unwrap();
    assert_eq!(steps[0]["measure"], 2, "{steps}");
    assert_eq!(steps[0]["to"], "abgebrochen", "{steps}");
    expected.as_object_mut().unwrap().remove("steps");
    assert_eq!(after, expected);
}

/// Imports `bytes` as `name` into a database with demo data; expects failure, the database
/// unchanged, and returns the problem lines.
fn rejected(name: &str, bytes: &[u8]) -> (String, String) {
    let a = db();
    ok(&a.path, &["demo-data", "--measures", "3"]);
    let before = content(&a.path);
    let file = a.file(name);
    std::fs::write(&file, bytes).unwrap();
    let err = fails(&a.path, &["import", path_str(&file)]);
    assert_eq!(content(&a.path), before, "{err}");
    assert!(err.contains("nichts wurde geändert"), "{err}");
    (path_str(&file).to_string(), err)
}

#[test]
fn bad_amount() {
    let (file, err) = rejected(
        "betrag.csv",
        "ID;Titel;Bewilligt\nM-0001;A;1,2,3\n".as_bytes(),
    );
    assert!(
        err.contains(&format!("{file}:2: Bewilligt: „1,2,3“ ist kein Betrag")),
        "{err}"
    );
}

#[test]
fn bad_date() {
    let (file, err) = rejected(
        "datum.csv",
        "Titel;Beschreibung;Ende\nA;\"zwei\r\nZeilen\";30.02.2026\r\nB;;\r\n".as_bytes(),
    );
    assert!(
        err.contains(&format!(
            "{file}:2: Ende: „30.02.2026“ ist kein gültiges Datum"
        )),
        "{err}"
    );
}

#[test]
fn unknown_status() {
    let (file, err) = rejected(
        "status.csv",
        "Titel;Status\r\nA;laufend\r\nB;fertig\r\n".as_bytes(),
    );
    assert!(
        err.contains(&format!("{file}:3: Status: „fertig“ ist kein Status")),
        "{err}"
    );
}

#[test]
fn unknown_fund() {
    let (file, err) = rejected("fonds.csv", b"title,fund\nA,QF9\n");
    assert!(
        err.contains(&format!("{file}:2: fund: „QF9“ ist kein Fonds")),
        "{err}"
    );
}

#[test]
fn unknown_columns_are_ignored_with_a_note() {
    let a = db();
    let file = a.file("spalte.csv");
    std::fs::write(&file, "Titel;Bemerkung;Farbe\nA;intern;rot\n").unwrap();
    let out = common::bin::quartier(&a.path, &["import", path_str(&file)]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    let err = err
        .strip_prefix(&format!("Neue Datenbank angelegt: {}\n", a.path.display()))
        .unwrap_or(&err);
    assert_eq!(
        err,
        format!(
            "Hinweis: {}:1: Spalten ohne Bedeutung für quartier werden ignoriert: „Bemerkung“, „Farbe“\n",
            path_str(&file)
        )
    );
    let shown = ok(&a.path, &["measure", "show", "1", "--json"]);
    assert!(!String::from_utf8(shown).unwrap().contains("intern"));
}

#[test]
fn a_million_unknown_columns_give_one_short_note() {
    let a = db();
    let file = a.file("breit.csv");
    let mut text = String::from("Titel");
    for n in 0..1_000_000 {
        text.push_str(&format!(";x{n}"));
    }
    text.push_str("\nA");
    text.push_str(&";".repeat(1_000_000));
    text.push('\n');
    std::fs::write(&file, text).unwrap();
    let out = common::bin::quartier(&a.path, &["import", "--dry-run", path_str(&file)]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.len() < 400, "{} bytes", err.len());
    assert!(err.contains("„x9“ und 999990 weitere"), "{err}");
}

#[test]
fn windows_1252_is_read_and_said_and_other_bytes_are_refused() {
    let a = db();
    let file = a.file("excel.csv");
    std::fs::write(
        &file,
        b"Titel;Tr\xe4ger;Ort;Bewilligt\r\nStra\xdfenfest;B\xfcrgerverein;Gr\xfcnstra\xdfe \x80;1.500,00\r\n",
    )
    .unwrap();
    let out = common::bin::quartier(&a.path, &["import", path_str(&file)]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("keine UTF-8-Datei: als Windows-1252 gelesen"),
        "{err}"
    );
    let shown: serde_json::Value =
        serde_json::from_slice(&ok(&a.path, &["measure", "show", "1", "--json"])).unwrap();
    assert_eq!(shown["title"], "Straßenfest");
    assert_eq!(shown["organisation"], "Bürgerverein");
    assert_eq!(shown["location"], "Grünstraße €");
    assert_eq!(shown["approved_cents"], 150000);
    // Byte 0x81 is no Windows-1252 character: refused, naming it.
    let (file, err) = rejected("kaputt.csv", b"Titel;Ort\nA;B\nC;Stra\x81e\n");
    assert!(
        err.contains(&format!(
            "{file}:3: weder UTF-8 noch Windows-1252 (Byte 0x81 nach 20 Bytes)"
        )),
        "{err}"
    );
}

#[test]
fn binary_garbage() {
    let (file, err) = rejected("bild.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    assert!(err.contains(&format!("{file}:3: keine Textdatei")), "{err}");
    let (file, err) = rejected("steuer.csv", b"Titel\nA\x01\x02\xff\n");
    assert!(
        err.contains(&format!(
            "{file}:2: weder UTF-8 noch Windows-1252 (Byte 0x01"
        )),
        "{err}"
    );
    let (file, err) = rejected("null.csv", b"Titel\nA\n\0\0\x01\x02\x03");
    assert!(err.contains(&format!("{file}:3: keine Textdatei")), "{err}");
}

#[test]
fn line_breaks_in_list_cells_separate_items_and_elsewhere_are_named() {
    let a = db();
    let file = a.file("umbruch.csv");
    std::fs::write(
        &file,
        "Titel;Zielgruppen;Ziele\nA;\"Eltern\nKinder\r\nJugendliche\";\"Ziel 1.3\nZ4\"\n",
    )
    .unwrap();
    ok(&a.path, &["import", path_str(&file)]);
    let shown: serde_json::Value =
        serde_json::from_slice(&ok(&a.path, &["measure", "show", "1", "--json"])).unwrap();
    assert_eq!(
        shown["target_groups"],
        serde_json::json!(["Eltern", "Kinder", "Jugendliche"])
    );
    assert_eq!(shown["goals"], serde_json::json!(["1.3", "Z4"]));
    let (file, err) = rejected("titel.csv", "Titel;Ort\n\"zwei\nZeilen\";x\n".as_bytes());
    assert!(
        err.contains(&format!(
            "{file}:2: Titel: Zeilenumbruch in Titel: das Feld hat nur eine Zeile"
        )),
        "{err}"
    );
    assert!(!err.contains("Steuerzeichen"), "{err}");
}

#[test]
fn ragged_rows() {
    let (file, err) = rejected("zeilen.csv", b"Titel;Ort\nA;B\nC;D;E\nF\n");
    assert!(
        err.contains(&format!("{file}:3: 3 Felder, die Kopfzeile hat 2")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{file}:4: 1 Feld, die Kopfzeile hat 2")),
        "{err}"
    );
}

#[test]
fn bad_indicator_value() {
    let (file, err) = rejected(
        "indikatoren.csv",
        "ID;Maßnahme;Indikator;Einheit;Ausgangswert;Zielwert;Istwert\nM-0001;x;T;P;0;viele;\n"
            .as_bytes(),
    );
    assert!(
        err.contains(&format!("{file}:2: Zielwert: „viele“ ist keine Zahl")),
        "{err}"
    );
}

#[test]
fn dry_run_shows_every_changed_field_and_the_measures_not_in_the_file() {
    let a = db();
    for title in ["Sprachcafé", "Kiezfest", "Hoffest"] {
        ok(
            &a.path,
            &["measure", "add", "--title", title, "--goal", "1.3"],
        );
    }
    ok(
        &a.path,
        &[
            "measure",
            "edit",
            "M-0002",
            "--approved",
            "12000",
            "--status",
            "laufend",
        ],
    );
    let file = a.file("teil.csv");
    std::fs::write(
        &file,
        "ID;Titel;Bewilligt;Beginn;Status;Ziele\n\
         M-0001;Sprachcafé;;;idee;Ziel 1.3\n\
         M-0002;Kiezfest 2026;12500,50;01.03.2026;laufend;Ziel 1.3, Z4\n",
    )
    .unwrap();
    let before = content(&a.path);
    let dry = String::from_utf8(ok(&a.path, &["import", "--dry-run", path_str(&file)])).unwrap();
    assert_eq!(
        dry,
        "Neu: \n\
         Geändert: M-0002\n\
         \x20 M-0002 „Kiezfest 2026“\n\
         \x20   Titel: Kiezfest → Kiezfest 2026\n\
         \x20   Bewilligt: 12.000,00 € → 12.500,50 €\n\
         \x20   Beginn: – → 01.03.2026\n\
         \x20   Ziele: 1.3 → 1.3, Z4\n\
         Unverändert: M-0001\n\
         Nicht in der Datei (bleiben unverändert): M-0003\n\
         Probelauf: nichts wurde geschrieben.\n"
    );
    assert_eq!(content(&a.path), before);
}

#[test]
fn every_problem_is_listed_in_one_pass_including_unknown_goals() {
    let a = db();
    ok(
        &a.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.3"],
    );
    let file = a.file("fehler.csv");
    std::fs::write(
        &file,
        "ID;Titel;Bewilligt;Beginn;Status;Ziele\n\
         ;Sprachcafé;zwölf;31.02.2026;laufend;Ziel 3.8\n\
         M-x;Hoffest;;;fertig;Ziel 1.3, 9.9\n\
         ;Lesekreis;;;idee;7.7\n",
    )
    .unwrap();
    let before = content(&a.path);
    let err = fails(&a.path, &["import", path_str(&file)]);
    for expected in [
        "fehler.csv:2: Bewilligt:",
        "fehler.csv:2: Beginn:",
        "fehler.csv:2: Ziele: unbekanntes Ziel „3.8“",
        "fehler.csv:3: ID:",
        "fehler.csv:3: Status:",
        "fehler.csv:3: Ziele: unbekanntes Ziel „9.9“",
        "fehler.csv:4: Ziele: unbekanntes Ziel „7.7“",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(err.contains("7 Probleme in der Datei"), "{err}");
    assert_eq!(content(&a.path), before);
}

#[test]
fn the_problem_list_stops_at_500_and_says_how_many_more() {
    let a = db();
    let file = a.file("viele.csv");
    let mut text = String::from("Titel;Ziele\n");
    for n in 0..1200 {
        text.push_str(&format!("Maßnahme {n};X{n}\n"));
    }
    std::fs::write(&file, text).unwrap();
    let err = fails(&a.path, &["import", path_str(&file)]);
    let lines: Vec<&str> = err
        .lines()
        .filter(|line| !line.starts_with("Neue Datenbank angelegt"))
        .collect();
    assert_eq!(lines.len(), 502, "{}", lines[..3].join("\n"));
    assert_eq!(lines[500], "… und 700 weitere Probleme (nicht gezeigt)");
    assert!(lines[501].contains("1200 Probleme"), "{}", lines[501]);
}

#[test]
fn rows_without_id_that_match_a_measure_by_title_and_traeger_are_named_as_likely_duplicates() {
    let a = db();
    let file = a.file("neu.csv");
    std::fs::write(
        &file,
        "Titel;Träger\nKiezfest;Nachbarschaftshaus e.V.\nHoffest;\nkiezfest ; Nachbarschaftshaus  e.V.\n",
    )
    .unwrap();
    let first = common::bin::quartier(&a.path, &["import", path_str(&file)]);
    let err = String::from_utf8(first.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "Hinweis: {}:4: Titel: „kiezfest“ (Träger „Nachbarschaftshaus  e.V.“) steht ohne ID schon in Zeile 2",
            path_str(&file)
        )),
        "{err}"
    );
    let again = common::bin::quartier(&a.path, &["import", "--dry-run", path_str(&file)]);
    let err = String::from_utf8(again.stderr).unwrap();
    assert!(
        err.contains(":2: Titel: „Kiezfest“ (Träger „Nachbarschaftshaus e.V.“) gibt es schon als M-0001, M-0003"),
        "{err}"
    );
    assert!(
        err.contains(":3: Titel: „Hoffest“ (Träger „“) gibt es schon als M-0002"),
        "{err}"
    );
}

#[test]
fn duplicate_indicator_names_are_refused() {
    let a = db();
    ok(
        &a.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.3"],
    );
    let before = content(&a.path);
    let file = a.file("ind.csv");
    std::fs::write(
        &file,
        "ID;Indikator;Einheit;Ausgangswert;Zielwert\nM-0001;Teilnehmende;Personen;0;40\nM-0001;teilnehmende ;Personen;0;50\n",
    )
    .unwrap();
    let err = fails(&a.path, &["import", path_str(&file)]);
    assert!(
        err.contains(":2: Indikator 2: „teilnehmende“ kommt doppelt vor"),
        "{err}"
    );
    assert_eq!(content(&a.path), before);
}

#[test]
fn an_empty_goals_cell_that_removes_every_link_is_named_in_the_dry_run() {
    let a = db();
    ok(
        &a.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.3"],
    );
    ok(
        &a.path,
        &["measure", "add", "--title", "Hoffest", "--goal", "Z4"],
    );
    let file = a.file("ziele.csv");
    std::fs::write(&file, "ID;Ziele\nM-0001;\nM-0002;Z4\n").unwrap();
    let out = common::bin::quartier(&a.path, &["import", "--dry-run", path_str(&file)]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "Hinweis: {}:2: Ziele: M-0001 „Kiezfest“ hat danach kein Ziel mehr (→ Ohne Ziel)\n",
            path_str(&file)
        )
    );
    let dry = String::from_utf8(out.stdout).unwrap();
    assert!(dry.contains("    Ziele: 1.3 → –"), "{dry}");
}

/// The three measures of `tests/fixtures/libreoffice/quelle.csv`, as the database must hold
/// them after importing any file LibreOffice made of it (`expected.json`, checked by hand: see
/// the spot checks below).
fn check_libreoffice_measures(db: &Path) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/libreoffice");
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixtures.join("expected.json")).unwrap()).unwrap();
    let shown = content(db);
    assert_eq!(shown["measures"], expected);
    let m = &shown["measures"];
    assert_eq!(m[0]["approved_cents"], 1250050);
    assert_eq!(m[0]["start"], "2026-03-01");
    assert_eq!(
        m[0]["target_groups"],
        serde_json::json!(["Eltern", "Kinder"])
    );
    assert_eq!(m[0]["goals"], serde_json::json!(["1.3", "Z4"]));
    assert_eq!(m[1]["title"], "Straßenfest Grünstraße");
    assert_eq!(m[1]["end"], "2025-06-14");
    assert_eq!(m[2]["organisation"], "Förderverein „Lernen“");
    assert_eq!(m[2]["approved_cents"], serde_json::Value::Null);
}

#[test]
fn csv_files_written_by_libreoffice_import_with_every_value() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/libreoffice");
    for (name, encoding_note) in [("massnahmen-lo.csv", false), ("massnahmen-1252.csv", true)] {
        let a = db();
        let file = fixtures.join(name);
        let out = common::bin::quartier(&a.path, &["import", path_str(&file)]);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{name}: {err}");
        assert!(err.contains("ignoriert: „Bemerkung“"), "{err}");
        assert_eq!(
            err.contains("als Windows-1252 gelesen"),
            encoding_note,
            "{err}"
        );
        check_libreoffice_measures(&a.path);
    }
}

#[test]
fn a_missing_import_file_is_named_in_german_without_raw_os_text() {
    let a = db();
    let file = a.file("fehlt.csv");
    let err = fails(&a.path, &["import", path_str(&file)]);
    assert!(
        err.contains(&format!("{} gibt es nicht", path_str(&file))),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}
