//! The date rule end to end: `TT.MM.JJ` is read as 20JJ, years outside 1990–2100 are refused at
//! the field, and `check` lists stored dates outside that range (written before the rule).

mod common;

use chrono::NaiveDate;
use common::bin::{fails, ok};
use quartier::model::MeasureId;
use quartier::store::{Store, keys::TreeName};

fn db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    (dir, path)
}

#[test]
fn two_digit_years_are_read_as_this_century_in_add_and_edit() {
    let (_dir, db) = db();
    ok(
        &db,
        &["measure", "add", "--title", "A", "--start", "01.02.26"],
    );
    ok(&db, &["measure", "edit", "1", "--end", "31.1.27"]);
    let show = ok(&db, &["measure", "show", "1"]);
    assert!(show.contains("01.02.2026"), "{show}");
    assert!(show.contains("31.01.2027"), "{show}");
    assert!(!show.contains("0026"), "{show}");
}

#[test]
fn dates_outside_1990_to_2100_and_short_iso_are_refused_at_the_field() {
    let (_dir, db) = db();
    ok(&db, &["measure", "add", "--title", "A"]);
    let before = ok(&db, &["measure", "show", "1"]);
    for (value, message) in [
        (
            "01.01.0000",
            "Beginn: „01.01.0000“: das Jahr muss zwischen 1990 und 2100 liegen",
        ),
        (
            "01.02.0026",
            "Beginn: „01.02.0026“: das Jahr muss zwischen 1990 und 2100 liegen",
        ),
        ("26-02-01", "Beginn: „26-02-01“ ist kein gültiges Datum"),
        ("01.01.-100", "Beginn: „01.01.-100“ ist kein gültiges Datum"),
    ] {
        let err = fails(&db, &["measure", "edit", "1", "--start", value], 1);
        assert!(err.contains(message), "{value}: {err}");
    }
    assert_eq!(ok(&db, &["measure", "show", "1"]), before);
}

#[test]
fn check_lists_stored_dates_outside_the_accepted_years() {
    let (_dir, db) = db();
    ok(
        &db,
        &["measure", "add", "--title", "Alt", "--start", "01.02.2026"],
    );
    assert!(ok(&db, &["check"]).starts_with("Datenbank in Ordnung"));
    {
        // What an older version stored for `01.02.26`: year 26.
        let store = Store::open(&db).unwrap();
        let mut old = store.measure(MeasureId(1)).unwrap().unwrap();
        old.start = NaiveDate::from_ymd_opt(26, 2, 1);
        store
            .raw_insert(
                TreeName::Measures,
                &1u64.to_be_bytes(),
                &quartier::store::encode_measure(1, &old),
            )
            .unwrap();
    }
    let out = common::bin::quartier(&db, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("M-0001: Beginn 01.02.0026 liegt nicht zwischen 1990 und 2100"),
        "{text}"
    );
    // The field can be corrected, and check is clean again.
    ok(&db, &["measure", "edit", "1", "--start", "01.02.26"]);
    assert!(ok(&db, &["check"]).starts_with("Datenbank in Ordnung"));
}
