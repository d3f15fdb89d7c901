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
    assert_eq!(content(&a.path), expected);
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
fn unknown_column() {
    let (file, err) = rejected("spalte.csv", "Titel;Farbe\nA;rot\n".as_bytes());
    assert!(
        err.contains(&format!(
            "{file}:1: Farbe: unbekannte Spalte; bekannt sind: ID, Titel, Beschreibung"
        )),
        "{err}"
    );
}

#[test]
fn invalid_utf8() {
    let (file, err) = rejected("latin1.csv", b"Titel;Ort\nA;B\nC;Stra\xdfe\n");
    assert!(
        err.contains(&format!("{file}:3: keine UTF-8-Datei")),
        "{err}"
    );
}

#[test]
fn binary_garbage() {
    let (file, err) = rejected("bild.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    assert!(
        err.contains(&format!("{file}:1: keine UTF-8-Datei")),
        "{err}"
    );
    let (file, err) = rejected("null.csv", b"Titel\nA\n\0\0\x01\x02\x03");
    assert!(err.contains(&format!("{file}:3: keine Textdatei")), "{err}");
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
