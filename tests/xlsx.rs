//! XLSX exchange: round trip through the real binary, the cell types Excel sees (read back with
//! calamine), bad files with `file[Sheet]:row: Header` problems and an untouched database, and
//! arbitrary bytes into the parser.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::bin::{json_export, ok, quartier};
use common::{USER, date, fresh, gid};
use proptest::prelude::*;
use quartier::exchange::{Snapshot, xlsx};
use quartier::i18n::Lang;
use quartier::model::{Cents, Fund, Indicator, Measure, MeasureId, Status};
use quartier::ops::Op;
use rust_xlsxwriter::{Format, Workbook};

#[test]
fn round_trip_through_xlsx_keeps_every_measure_and_the_file_is_byte_stable() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let file = dir.path().join("a.xlsx");
    let file_arg = file.to_str().unwrap();
    ok(&a, &["demo-data", "--measures", "50"]);
    ok(&a, &["export", "-o", file_arg]);
    ok(&b, &["import", file_arg]);
    assert_eq!(json_export(&a), json_export(&b));
    // The same database state gives the same bytes (the file records the time of the last
    // change, so another database with the same data differs in that one name).
    let again = dir.path().join("again.xlsx");
    ok(
        &a,
        &["export", "--format", "xlsx", "-o", again.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap()
    );
    // Importing the file again changes nothing.
    let out = ok(&a, &["import", file_arg]);
    assert!(out.contains("0 neu, 0 geändert, 50 unverändert"), "{out}");
}

#[test]
fn export_to_standard_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = quartier(&dir.path().join("db"), &["export", "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("-o DATEI.xlsx"), "{stderr}");
}

/// A database with one fully filled measure under primary goal 1.3, exported.
fn exported_workbook() -> Xlsx<Cursor<Vec<u8>>> {
    let (_dir, mut store) = fresh();
    let mut m = Measure::new("Sprachcafé");
    m.description = "=HYPERLINK(\"http://x\")\nzweite Zeile".into();
    m.fund = Some(Fund::Projektfonds);
    m.requested = Some(Cents(1_500_000));
    m.approved = Some(Cents(1_250_050));
    m.cofunding = Some(Cents(29));
    m.start = date(2026, 3, 1);
    m.end = date(2026, 12, 31);
    m.status = Status::Laufend;
    m.reference = "0042".into();
    m.target_groups = vec!["Eltern".into(), "Kinder".into()];
    m.indicators = vec![
        Indicator {
            name: "Teilnehmende".into(),
            unit: "Personen".into(),
            baseline: 0.0,
            target: 40.0,
            actual: Some(30.0),
        },
        Indicator {
            name: "Termine".into(),
            unit: String::new(),
            baseline: 1.5,
            target: 12.0,
            actual: None,
        },
    ];
    let goals = vec![gid(&store, "1.3"), gid(&store, "2.1")];
    store
        .apply(Op::AddMeasure { measure: m, goals }, USER)
        .unwrap();
    let bytes = xlsx::export(&Snapshot::read(&store).unwrap()).unwrap();
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

/// Row 1 headers → column index.
fn column(range: &calamine::Range<Data>, name: &str) -> usize {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|c| *c == Data::String(name.into()))
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn cells_are_typed_as_excel_expects() {
    let mut workbook = exported_workbook();
    assert_eq!(
        workbook.sheet_names(),
        [
            xlsx::SHEET_MEASURES,
            xlsx::SHEET_GOALS,
            xlsx::SHEET_INDICATORS,
            "Töpfe",
            "Jahresraten",
            "Zahlungen",
            "Beschlüsse",
            "Fristen"
        ]
    );
    let range = workbook.worksheet_range("Maßnahmen").unwrap();
    let at = |name: &str| range.get((1, column(&range, name))).unwrap().clone();
    assert_eq!(at("Bewilligt"), Data::Float(12500.5));
    assert_eq!(at("Beantragt"), Data::Float(15000.0));
    assert_eq!(at("Kofinanzierung"), Data::Float(0.29));
    match at("Beginn") {
        Data::DateTime(d) => assert_eq!(d.as_datetime().unwrap().date(), date(2026, 3, 1).unwrap()),
        other => panic!("Beginn is no date cell: {other:?}"),
    }
    assert!(matches!(at("Ende"), Data::DateTime(_)));
    assert_eq!(at("Hauptziel"), Data::String("1.3".into()));
    assert_eq!(at("Ziele"), Data::String("1.3, 2.1".into()));
    assert_eq!(at("ID"), Data::String("M-0001".into()));
    assert_eq!(at("Aktenzeichen"), Data::String("0042".into()));
    assert_eq!(at("Status"), Data::String("laufend".into()));
    assert_eq!(at("Zielgruppen"), Data::String("Eltern\nKinder".into()));
    assert_eq!(
        at("Beschreibung"),
        Data::String("'=HYPERLINK(\"http://x\")\nzweite Zeile".into())
    );

    // Bold header, euro and date formats (calamine reads styles; frozen panes it cannot tell).
    let styles = workbook.worksheet_style("Maßnahmen").unwrap();
    let style = |row: u32, col: usize| styles.get((row, col as u32)).cloned().unwrap_or_default();
    assert!(style(0, 0).font.is_some_and(|f| f.is_bold()));
    let format = |row, name| {
        style(row, column(&range, name))
            .number_format
            .map(|f| f.format_code)
            .unwrap_or_default()
    };
    assert_eq!(format(1, "Bewilligt"), "#,##0.00 \"€\"");
    assert_eq!(format(1, "Beginn"), "DD.MM.YYYY");

    let goals = workbook.worksheet_range("Ziele").unwrap();
    let z1 = goals
        .rows()
        .find(|r| r[0] == Data::String("Z1".into()))
        .unwrap();
    assert_eq!(z1[2], Data::Float(1.0));
    assert_eq!(z1[3], Data::Float(12500.5));
    assert_eq!(z1[4], Data::Float(0.29));
    let z2 = goals
        .rows()
        .find(|r| r[0] == Data::String("Z2".into()))
        .unwrap();
    assert_eq!(z2[2], Data::Float(0.0), "secondary links do not count");
    let total = goals.rows().next_back().unwrap();
    assert_eq!(total[1], Data::String("Gesamt".into()));
    assert_eq!(total[3], Data::Float(12500.5));

    let indicators = workbook.worksheet_range("Indikatoren").unwrap();
    let rows: Vec<&[Data]> = indicators.rows().collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], Data::String("M-0001".into()));
    assert_eq!(rows[1][6], Data::Float(30.0));
    assert_eq!(rows[1][7], Data::Float(0.75));
    assert_eq!(rows[2][4], Data::Float(1.5));
    assert!(rows[2].len() <= 6 || rows[2][6] == Data::Empty);
}

/// A workbook with the given sheets, each a header row and rows of text cells (`#1.5` writes
/// the number 1.5, an empty string nothing).
fn workbook(sheets: &[(&str, Vec<Vec<String>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell.strip_prefix('#') {
                    Some(number) => sheet.write_number(r, c, number.parse::<f64>().unwrap()),
                    None if cell.is_empty() => continue,
                    None => sheet.write_string(r, c, cell),
                }
                .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// Rows of a sheet from string slices.
fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Every `Maßnahmen` header, in reverse file order and with an extra column, then one row per
/// entry holding the given `(header, value)` pairs.
fn measure_rows(entries: &[&[(&str, &str)]]) -> Vec<Vec<String>> {
    let mut headers: Vec<&str> = "ID;Titel;Beschreibung;Träger;Kontakt;Verantwortlich;\
        Aktenzeichen;Fonds;Beantragt;Bewilligt;Kofinanzierung;Beginn;Ende;Status;Zielgruppen;\
        Ort;Hauptziel;Ziele;Notizen"
        .split(';')
        .collect();
    headers.reverse();
    headers.push("Extra");
    let mut out = vec![headers.iter().map(|h| h.to_string()).collect()];
    for entry in entries {
        out.push(
            headers
                .iter()
                .map(|h| {
                    entry
                        .iter()
                        .find(|(name, _)| name == h)
                        .map_or(String::new(), |(_, v)| v.to_string())
                })
                .collect(),
        );
    }
    out
}

#[test]
fn import_reads_columns_in_any_order_and_typed_text() {
    let date_cell = {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("Maßnahmen").unwrap();
        let format = Format::new().set_num_format("dd.mm.yyyy");
        for (c, h) in ["Titel", "Beginn"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        sheet.write_string(1, 0, "A").unwrap();
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 1).unwrap();
        sheet
            .write_datetime_with_format(1, 1, &day, &format)
            .unwrap();
        book.save_to_buffer().unwrap()
    };
    let incoming = xlsx::parse(&date_cell, "d.xlsx", Lang::De).unwrap();
    assert_eq!(incoming.problems, []);
    assert_eq!(incoming.measures[0].measure.start, date(2026, 3, 1));

    let bytes = workbook(&[(
        "Maßnahmen",
        measure_rows(&[
            &[
                ("Bewilligt", "12.500,50"),
                ("Titel", "Neu"),
                ("Beginn", "01.03.2026"),
                ("Hauptziel", "1.3"),
                ("Notizen", "'=1+2"),
                ("Extra", "x"),
            ],
            &[
                ("Bewilligt", "#12500.5"),
                ("Titel", "Alt"),
                ("ID", "M-0007"),
                ("Beginn", "2026-03-01"),
                ("Hauptziel", "#1.3"),
                ("Status", "Running"),
            ],
            &[],
        ]),
    )]);
    let incoming = xlsx::parse(&bytes, "a.xlsx", Lang::De).unwrap();
    assert_eq!(incoming.problems, []);
    let [new, old] = &incoming.measures[..] else {
        panic!("{incoming:?}")
    };
    assert_eq!(new.id, None);
    assert_eq!(new.line, 2);
    assert_eq!(new.measure.approved, Some(Cents(1_250_050)));
    assert_eq!(new.measure.start, date(2026, 3, 1));
    assert_eq!(new.measure.notes, "=1+2");
    assert_eq!(new.goals, Some(vec!["1.3".to_string()]));
    assert_eq!(
        new.indicators, None,
        "no Indikatoren sheet: keep indicators"
    );
    assert_eq!(old.id, Some(MeasureId(7)));
    assert_eq!(old.measure.approved, Some(Cents(1_250_050)));
    assert_eq!(old.goals, Some(vec!["1.3".to_string()]));
}

#[test]
fn indicator_rows_replace_the_indicators_of_their_measures() {
    let bytes = workbook(&[
        (
            "Maßnahmen",
            measure_rows(&[
                &[("ID", "M-0001"), ("Titel", "Eins")],
                &[("ID", "#2"), ("Titel", "Zwei")],
                &[("Titel", "Drei")],
            ]),
        ),
        (
            "Indikatoren",
            rows(&[
                &[
                    "ID",
                    "Maßnahme",
                    "Indikator",
                    "Einheit",
                    "Ausgangswert",
                    "Zielwert",
                    "Istwert",
                ],
                &[
                    "M-0001",
                    "Eins",
                    "Teilnehmende",
                    "Personen",
                    "#0",
                    "#40",
                    "#12",
                ],
                &["", "Drei", "Termine", "", "1,5", "12", ""],
                &["M-0009", "", "Gespräche", "", "#0", "#10", ""],
            ]),
        ),
    ]);
    let incoming = xlsx::parse(&bytes, "i.xlsx", Lang::De).unwrap();
    assert_eq!(incoming.problems, []);
    let lists: Vec<_> = incoming
        .measures
        .iter()
        .map(|m| m.indicators.clone().unwrap())
        .collect();
    assert_eq!(lists[0].len(), 1);
    assert_eq!(lists[0][0].actual, Some(12.0));
    assert_eq!(lists[1], [], "a measure without rows loses its indicators");
    assert_eq!(lists[2][0].baseline, 1.5);
    assert_eq!(lists[2][0].actual, None);
    assert_eq!(incoming.indicator_updates.len(), 1);
    assert_eq!(incoming.indicator_updates[0].measure, MeasureId(9));
    assert_eq!(incoming.indicator_updates[0].line, 4);
}

#[test]
fn bad_cells_are_named_by_file_sheet_row_and_header_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(&db, &["demo-data", "--measures", "3"]);
    let before = json_export(&db);
    let file = dir.path().join("bad.xlsx");
    std::fs::write(
        &file,
        workbook(&[(
            "Maßnahmen",
            rows(&[
                &["Titel", "Bewilligt", "Status", "ID"],
                &["Gut", "#100", "laufend", ""],
                &["Betrag", "12,5,0", "laufend", ""],
                &["Status", "1.000", "fertig", ""],
            ]),
        )]),
    )
    .unwrap();
    let out = quartier(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let name = file.display();
    assert!(
        stderr.contains(&format!("{name}[Maßnahmen]:3: Bewilligt: ")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{name}[Maßnahmen]:4: Status: ")),
        "{stderr}"
    );
    assert!(stderr.contains("fertig"), "{stderr}");
    assert_eq!(json_export(&db), before);

    // Garbage named .xlsx: one clear problem, no panic.
    let garbage = dir.path().join("garbage.xlsx");
    std::fs::write(&garbage, b"ID;Titel\n1;kein Excel\n").unwrap();
    let out = quartier(&db, &["import", garbage.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let problems: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("garbage.xlsx"))
        .collect();
    assert_eq!(problems.len(), 1, "{stderr}");
    assert!(
        problems[0].contains("keine lesbare XLSX-Arbeitsmappe"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(json_export(&db), before);
}

#[test]
fn missing_columns_and_missing_sheets_are_problems() {
    // Rows with ids replace whole measures, so a column left out would clear their values.
    let bytes = workbook(&[("Maßnahmen", rows(&[&["ID", "Titel"], &["M-0001", "Eins"]]))]);
    let incoming = xlsx::parse(&bytes, "m.xlsx", Lang::De).unwrap();
    let shown: Vec<String> = incoming.problems.iter().map(ToString::to_string).collect();
    assert!(shown.contains(&"m.xlsx[Maßnahmen]:1: Bewilligt: Spalte fehlt".to_string()));
    // New measures only: the other columns may be left out.
    let bytes = workbook(&[("Maßnahmen", rows(&[&["Titel"], &["Eins"]]))]);
    assert_eq!(
        xlsx::parse(&bytes, "n.xlsx", Lang::De).unwrap().problems,
        []
    );
    // One sheet with other headers, or several sheets with other names: refused.
    for bytes in [
        workbook(&[("Tabelle1", rows(&[&["Farbe"], &["rot"]]))]),
        workbook(&[
            ("Tabelle1", rows(&[&["Titel"]])),
            ("Tabelle2", rows(&[&["Titel"]])),
        ]),
    ] {
        let problems = xlsx::parse(&bytes, "t.xlsx", Lang::En).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().starts_with("t.xlsx: neither"));
    }
}

#[test]
fn a_single_sheet_named_after_its_file_is_read_when_its_headers_are_ours() {
    let bytes = workbook(&[(
        "massnahmen-2026",
        rows(&[
            &["Titel", "Bemerkung", "Bewilligt"],
            &["Eins", "intern", "#12500.5"],
        ]),
    )]);
    let incoming = xlsx::parse(&bytes, "m.xlsx", Lang::De).unwrap();
    assert_eq!(incoming.problems, []);
    assert_eq!(incoming.measures.len(), 1);
    assert_eq!(incoming.measures[0].measure.title, "Eins");
    assert_eq!(
        incoming.measures[0].measure.approved,
        Some(Cents(1_250_050))
    );
    let notes: Vec<String> = incoming.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "m.xlsx: kein Blatt „Maßnahmen“ oder „Indikatoren“: das einzige Blatt „massnahmen-2026“ wird als Maßnahmen gelesen",
            "m.xlsx[massnahmen-2026]:1: Spalten ohne Bedeutung für quartier werden ignoriert: „Bemerkung“",
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = xlsx::parse(&bytes, "x.xlsx", Lang::De);
    }

    #[test]
    fn damaged_workbooks_never_panic(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in any::<usize>(),
    ) {
        let mut bytes = workbook(&[(
            "Maßnahmen",
            rows(&[&["ID", "Titel", "Bewilligt"], &["M-0001", "Eins", "#12.5"]]),
        )]);
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] ^= byte;
        }
        bytes.truncate(cut % (bytes.len() + 1) + bytes.len() / 2);
        let _ = xlsx::parse(&bytes, "x.xlsx", Lang::De);
    }
}

/// Runs `quartier --db DB import FILE` with at most 1 GiB of address space, so a file that
/// makes the importer allocate without bound fails the test instead of eating the machine.
fn import_with_memory_limit(db: &std::path::Path, file: &std::path::Path) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut command = common::bin::command(db, &["import", file.to_str().unwrap()]);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 1 << 30,
                rlim_max: 1 << 30,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command.output().unwrap()
}

/// Imports `bytes` under the memory limit; expects a refusal (exit 1, database unchanged)
/// and returns stderr.
fn bomb_refused(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = (dir.path().join("db"), dir.path().join("bombe.xlsx"));
    std::fs::write(&file, bytes).unwrap();
    let before = json_export(&db);
    let started = std::time::Instant::now();
    let out = import_with_memory_limit(&db, &file);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "{stderr}"
    );
    assert_eq!(json_export(&db), before);
    stderr
}

#[test]
fn a_normal_workbook_imports_under_the_memory_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let file = dir.path().join("a.xlsx");
    ok(&a, &["demo-data", "--measures", "200"]);
    ok(&a, &["export", "-o", file.to_str().unwrap()]);
    let out = import_with_memory_limit(&b, &file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_export(&a), json_export(&b));
}

#[test]
fn one_cell_at_xfd1048576_is_refused_without_densifying_the_sheet() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Maßnahmen").unwrap();
    sheet.write_string(0, 0, "Titel").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert!(bytes.len() < 20_000);
    let stderr = bomb_refused(&bytes);
    assert!(
        stderr.contains("bombe.xlsx[Maßnahmen]: Zelle XFD1048576 liegt rechts der 64. Spalte"),
        "{stderr}"
    );
    // Far down in the first column: too many rows.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Maßnahmen").unwrap();
    sheet.write_string(0, 0, "Titel").unwrap();
    sheet.write_string(1_048_575, 0, "x").unwrap();
    let stderr = bomb_refused(&book.save_to_buffer().unwrap());
    assert!(
        stderr.contains("Zelle A1048576: mehr als 200000 Zeilen"),
        "{stderr}"
    );
}

#[test]
fn a_part_that_unpacks_to_gigabytes_is_refused_before_unpacking() {
    let bytes = workbook(&[("Maßnahmen", rows(&[&["Titel"], &["Eins"]]))]);
    // Declare 2 GB for the shared strings in the central directory (signature PK\1\2: the
    // uncompressed size is at offset 24, the name length at 28, the name at 46).
    let mut patched = bytes.clone();
    let name = b"xl/sharedStrings.xml";
    let at = (0..patched.len() - 46)
        .find(|&i| patched[i..i + 4] == *b"PK\x01\x02" && patched[i + 46..].starts_with(name))
        .expect("central directory entry");
    patched[at + 24..at + 28].copy_from_slice(&0x8000_0000u32.to_le_bytes());
    let stderr = bomb_refused(&patched);
    assert!(
        stderr.contains("bombe.xlsx: entpackt zu groß: Teil „xl/sharedStrings.xml“ hat 2048 MB (höchstens 256 MB je Teil"),
        "{stderr}"
    );
}

#[test]
fn a_libreoffice_workbook_with_one_sheet_named_after_its_file_imports_with_every_value() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/libreoffice");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = fixtures.join("massnahmen-2026.xlsx");
    let out = quartier(&db, &["import", file.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("das einzige Blatt „massnahmen-2026“ wird als Maßnahmen gelesen"),
        "{err}"
    );
    assert!(err.contains("ignoriert: „Bemerkung“"), "{err}");
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixtures.join("expected.json")).unwrap()).unwrap();
    let shown: serde_json::Value =
        serde_json::from_str(&ok(&db, &["export", "--format", "json"])).unwrap();
    assert_eq!(shown["measures"], expected);
    assert_eq!(shown["measures"][0]["approved_cents"], 1250050);
    assert_eq!(
        shown["measures"][0]["goals"],
        serde_json::json!(["1.3", "Z4"])
    );
}

/// A minimal workbook with one sheet `Maßnahmen` whose `<sheetData>` is `rows` (inline
/// strings), stored without compression: for limits rust_xlsxwriter refuses to write.
fn raw_workbook(rows: &str) -> Vec<u8> {
    use std::io::Write;
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Maßnahmen" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn inline_cell(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn raw_workbooks_with_too_long_cells_or_too_many_rows_are_refused() {
    let header = format!(r#"<row r="1">{}</row>"#, inline_cell("A1", "Titel"));
    // The raw builder itself works.
    let good = raw_workbook(&format!(
        r#"{header}<row r="2">{}</row>"#,
        inline_cell("A2", "Kiezfest")
    ));
    let incoming = xlsx::parse(&good, "g.xlsx", Lang::De).unwrap();
    assert_eq!(incoming.measures.len(), 1, "{:?}", incoming.problems);
    // One cell of 40 000 characters.
    let long = raw_workbook(&format!(
        r#"{header}<row r="2">{}</row>"#,
        inline_cell("B2", &"x".repeat(40_000))
    ));
    let stderr = bomb_refused(&long);
    assert!(
        stderr.contains("bombe.xlsx[Maßnahmen]: Zelle B2 hat mehr als 32767 Zeichen"),
        "{stderr}"
    );
    // 250 000 rows, each a real cell.
    let mut rows = header.clone();
    for n in 2..=250_001 {
        rows.push_str(&format!(
            r#"<row r="{n}">{}</row>"#,
            inline_cell(&format!("A{n}"), "x")
        ));
    }
    let stderr = bomb_refused(&raw_workbook(&rows));
    assert!(
        stderr.contains("Zelle A200002: mehr als 200000 Zeilen"),
        "{stderr}"
    );
}

#[test]
fn a_workbook_with_thousands_of_bad_cells_stops_after_500_problems() {
    let mut sheet = vec![vec!["Titel".to_string(), "Bewilligt".to_string()]];
    for n in 0..2000 {
        sheet.push(vec![format!("M{n}"), "viel".to_string()]);
    }
    let bytes = workbook(&[("Maßnahmen", sheet)]);
    let incoming = xlsx::parse(&bytes, "v.xlsx", Lang::De).unwrap();
    assert_eq!(incoming.problems.len(), 501);
    assert_eq!(
        incoming.problems[500].to_string(),
        "v.xlsx[Maßnahmen]: mehr als 500 Probleme; der Rest der Datei wurde nicht geprüft"
    );
}

#[test]
fn a_part_that_holds_more_than_it_declares_is_refused_by_the_zip_reader() {
    let header = format!(r#"<row r="1">{}</row>"#, inline_cell("A1", "Titel"));
    let mut bytes = raw_workbook(&format!(
        r#"{header}<row r="2">{}</row>"#,
        inline_cell("A2", &"x".repeat(20_000))
    ));
    let name = b"xl/worksheets/sheet1.xml";
    let mut patched = 0;
    for at in 0..bytes.len() - 46 {
        // Local header: size at 22, name at 30; central directory: size at 24, name at 46.
        let (size_at, name_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => (22, 30),
            b"PK\x01\x02" => (24, 46),
            _ => continue,
        };
        if bytes[at + name_at..].starts_with(name) {
            bytes[at + size_at..at + size_at + 4].copy_from_slice(&100u32.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2);
    let stderr = bomb_refused(&bytes);
    assert!(
        stderr.contains("keine lesbare XLSX-Arbeitsmappe")
            && stderr.contains("larger than its declared"),
        "{stderr}"
    );
}
