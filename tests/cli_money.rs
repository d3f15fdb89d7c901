//! Money over time (issue 14) through the real binary: `pot`, `plan` and `payment` with German
//! money and dates, `--json`, the warnings on stderr, errors naming the field, undo, and the
//! same commands through the server.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{command, fails, ok, quartier};

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    Db { _dir: dir, path }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// Runs and expects success; returns (stdout, stderr).
fn ok_warned(db: &Path, args: &[&str]) -> (String, String) {
    let out = quartier(db, args);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// The 80.000 € Projektfonds measure of the issue, 07/2026–06/2027; returns its id.
fn long_measure(db: &Path) -> String {
    let id = ok(
        db,
        &[
            "measure",
            "add",
            "--title",
            "Kiezküche",
            "--goal",
            "1.1",
            "--fund",
            "Projektfonds",
            "--approved",
            "80.000",
            "--cofunding",
            "8.000",
            "--start",
            "01.07.2026",
            "--end",
            "30.06.2027",
            "--status",
            "bewilligt",
        ],
    );
    id.trim().to_string()
}

fn action(db: &Path, n: usize) -> (String, String) {
    ok_warned(
        db,
        &[
            "measure",
            "add",
            "--title",
            &format!("Aktion {n}"),
            "--goal",
            "1.1",
            "--fund",
            "Aktionsfonds",
            "--approved",
            "1.500",
            "--start",
            "01.05.2026",
            "--end",
            "02.05.2026",
        ],
    )
}

#[test]
fn a_pot_is_set_listed_and_warned_about_when_actions_take_it_below_zero() {
    let db = db();
    let (out, _) = ok_warned(
        &db.path,
        &[
            "pot",
            "set",
            "aktionsfonds",
            "2026",
            "10.000",
            "--note",
            "Senatsschreiben vom 12.01.2026",
        ],
    );
    assert_eq!(out, "Topf Aktionsfonds 2026: 10.000,00 €.\n");
    for n in 1..=6 {
        let (_, warned) = action(&db.path, n);
        assert!(!warned.contains("Topf"), "{warned}");
    }
    // The seventh action takes the pot 500 € below zero: saved, and said on stderr.
    let (_, warned) = action(&db.path, 7);
    assert!(
        warned.contains(
            "Hinweis: Aktionsfonds 2026: 10.000,00 € Topf, 9.000,00 € verplant – danach -500,00 €"
        ),
        "{warned}"
    );
    let list = ok(&db.path, &["pot", "list"]);
    let row = list.lines().nth(1).unwrap();
    for part in [
        "Aktionsfonds",
        "2026",
        "10.000,00 €",
        "10.500,00 €",
        "-500,00 €",
        "Senatsschreiben",
    ] {
        assert!(row.contains(part), "{part} missing in {row}");
    }
    let rows = json(&ok(&db.path, &["pot", "list", "--json", "--year", "2026"]));
    assert_eq!(rows[0]["fund"], "Aktionsfonds");
    assert_eq!(rows[0]["pot_cents"], 1_000_000);
    assert_eq!(rows[0]["planned_cents"], 1_050_000);
    assert_eq!(rows[0]["free_cents"], -50_000);
    assert_eq!(
        json(&ok(&db.path, &["pot", "list", "--json", "--year", "2030"])),
        json("[]")
    );
    // Lowering the pot warns too; remove, undo.
    let (_, warned) = ok_warned(&db.path, &["pot", "set", "QF1", "2026", "9.000"]);
    assert!(warned.contains("frei -1.500,00 €"), "{warned}");
    let out = ok(&db.path, &["pot", "remove", "Aktionsfonds", "2026"]);
    assert_eq!(out, "Topf Aktionsfonds 2026 entfernt.\n");
    ok(&db.path, &["undo"]);
    assert!(ok(&db.path, &["pot", "list"]).contains("9.000,00 €"));
    let error = fails(&db.path, &["pot", "set", "Kiezfonds", "26", "5"], 1);
    assert!(error.contains("Kiezfonds"), "{error}");
    let error = fails(&db.path, &["pot", "remove", "Baufonds", "2026"], 1);
    assert!(error.contains("Kein Topf Baufonds 2026"), "{error}");
}

#[test]
fn a_plan_is_set_shown_proposed_pro_rata_and_warned_about_when_it_does_not_add_up() {
    let db = db();
    let id = long_measure(&db.path);
    let out = ok(&db.path, &["plan", "show", &id]);
    assert_eq!(
        out,
        "M-0001 hat keine Jahresraten: 80.000,00 € zählt im Jahr des Beginns, 2026.\n"
    );
    let (out, warned) = ok_warned(
        &db.path,
        &["plan", "set", &id, "2026=40.000", "2027=30.000"],
    );
    assert_eq!(
        out,
        "Jahresraten von M-0001: 2026: 40.000,00 €, 2027: 30.000,00 €.\n"
    );
    assert!(
        warned.contains("M-0001: Jahresraten ergeben 70.000,00 €, bewilligt sind 80.000,00 €"),
        "{warned}"
    );
    let (_, warned) = ok_warned(&db.path, &["plan", "set", "1", "--pro-rata"]);
    assert_eq!(warned, "");
    let shown = json(&ok(&db.path, &["plan", "show", "M-1", "--json"]));
    assert_eq!(shown["planned"], true);
    assert_eq!(shown["instalments"][0]["amount_cents"], 4_000_000);
    assert_eq!(shown["instalments"][1]["year"], 2027);
    let table = ok(&db.path, &["plan", "show", &id]);
    assert!(table.contains("2027  40.000,00 €"), "{table}");
    assert!(
        table.contains("Summe 80.000,00 € von 80.000,00 € bewilligt"),
        "{table}"
    );
    // Raising the approved amount without the plan warns at the edit.
    let (_, warned) = ok_warned(&db.path, &["measure", "edit", &id, "--approved", "90.000"]);
    assert!(warned.contains("bewilligt sind 90.000,00 €"), "{warned}");
    let error = fails(&db.path, &["plan", "set", &id, "2026=1", "2026=2"], 1);
    assert!(error.contains("Jahr 2026 doppelt"), "{error}");
    let error = fails(&db.path, &["plan", "set", &id, "26=1"], 1);
    assert!(error.contains("„26“ ist kein Jahr"), "{error}");
    let out = ok(&db.path, &["plan", "set", &id]);
    assert!(out.starts_with("Jahresraten von M-0001 entfernt"), "{out}");
    let log = ok(&db.path, &["log", "--limit", "1"]);
    assert!(
        log.contains("Jahresraten von M-0001 „Kiezküche“ entfernt"),
        "{log}"
    );
}

#[test]
fn a_payment_dated_before_the_recorded_approval_is_warned_about() {
    let db = db();
    let id = long_measure(&db.path);
    // Approved on 01.08.2026 (a status step with that date): a payment of 20.07.2026 comes
    // before the approval, one of 01.08.2026 does not.
    ok(
        &db.path,
        &["measure", "status", &id, "laufend", "--date", "01.08.2026"],
    );
    ok(
        &db.path,
        &[
            "measure",
            "status",
            &id,
            "bewilligt",
            "--date",
            "01.08.2026",
        ],
    );
    let early = [
        "payment",
        "add",
        &id,
        "--date",
        "20.07.2026",
        "--amount",
        "1",
        "--kind",
        "Auszahlung",
    ];
    let (_, warned) = ok_warned(&db.path, &early);
    assert!(
        warned.contains("Zahlung vor der Bewilligung von M-0001"),
        "{warned}"
    );
    let on_the_day = [
        "payment",
        "add",
        &id,
        "--date",
        "01.08.2026",
        "--amount",
        "1",
        "--kind",
        "Auszahlung",
    ];
    let (_, warned) = ok_warned(&db.path, &on_the_day);
    assert!(!warned.contains("vor der Bewilligung"), "{warned}");
}

#[test]
fn payments_are_added_listed_warned_about_and_removed() {
    let db = db();
    let id = long_measure(&db.path);
    let (out, warned) = ok_warned(
        &db.path,
        &[
            "payment",
            "add",
            &id,
            "--date",
            "15.07.2026",
            "--amount",
            "20.000",
            "--kind",
            "Auszahlung",
            "--reference",
            "MA-2026-17",
        ],
    );
    assert_eq!(out, "Z-0001\n");
    assert_eq!(warned, "");
    // Before the start, and above the approved amount.
    let (_, warned) = ok_warned(
        &db.path,
        &[
            "payment",
            "add",
            &id,
            "--date",
            "2026-03-01",
            "--amount",
            "70.000,50",
            "--kind",
            "mittelabruf",
        ],
    );
    assert!(
        warned.contains("Zahlung außerhalb der Laufzeit von M-0001"),
        "{warned}"
    );
    assert!(
        warned.contains("M-0001: ausgezahlt 90.000,50 €, bewilligt nur 80.000,00 €"),
        "{warned}"
    );
    ok(
        &db.path,
        &[
            "payment",
            "add",
            &id,
            "--date",
            "01.02.2027",
            "--amount",
            "500",
            "--kind",
            "Rueckforderung",
            "--note",
            "zu viel",
        ],
    );
    let list = ok(&db.path, &["payment", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert!(
        lines[1].starts_with("Z-0002  M-0001    01.03.2026  Mittelabruf"),
        "{list}"
    );
    assert!(
        lines[3].contains("Rückforderung") && lines[3].contains("zu viel"),
        "{list}"
    );
    assert_eq!(lines[4], "Summe (Rückforderungen abgezogen): 89.500,50 €");
    let only = json(&ok(
        &db.path,
        &["payment", "list", "--year", "2027", "--json"],
    ));
    assert_eq!(only.as_array().unwrap().len(), 1);
    assert_eq!(only[0]["id"], "Z-0003");
    assert_eq!(only[0]["measure"], "M-0001");
    assert_eq!(only[0]["date"], "2027-02-01");
    assert_eq!(only[0]["amount_cents"], 50_000);
    assert_eq!(only[0]["kind"], "Rückforderung");
    let shown = ok(&db.path, &["measure", "show", &id]);
    assert!(
        shown.contains("ausgezahlt 89.500,50 € von 80.000,00 €"),
        "{shown}"
    );
    assert!(
        shown.contains("  Z-0003  01.02.2027  Rückforderung  500,00 €"),
        "{shown}"
    );
    let by_measure = json(&ok(
        &db.path,
        &["payment", "list", "--measure", "1", "--json"],
    ));
    assert_eq!(by_measure.as_array().unwrap().len(), 3);
    // The pot table counts the payments per year.
    let pots = json(&ok(&db.path, &["pot", "list", "--json"]));
    assert_eq!(pots[0]["paid_cents"], 9_000_050);
    assert_eq!(pots[1]["paid_cents"], -50_000);

    let out = ok(&db.path, &["payment", "remove", "Z-0002"]);
    assert_eq!(out, "Zahlung Z-0002 entfernt.\n");
    let error = fails(&db.path, &["payment", "remove", "2"], 1);
    assert!(error.contains("Zahlung Z-0002 nicht gefunden"), "{error}");
    ok(&db.path, &["undo"]);
    assert!(ok(&db.path, &["payment", "list"]).contains("Z-0002"));
    let error = fails(
        &db.path,
        &[
            "payment",
            "add",
            &id,
            "--date",
            "31.02.2026",
            "--amount",
            "x",
            "--kind",
            "Spende",
        ],
        1,
    );
    for part in ["Datum", "Betrag", "unbekannte Zahlungsart „Spende“"] {
        assert!(error.contains(part), "{part} missing: {error}");
    }
    // Deleting the measure takes its payments along; undo brings them back.
    ok(&db.path, &["measure", "delete", &id]);
    assert_eq!(ok(&db.path, &["payment", "list"]), "Keine Zahlungen.\n");
    ok(&db.path, &["undo"]);
    assert_eq!(
        ok(&db.path, &["payment", "list", "--json"])
            .matches("\"id\"")
            .count(),
        3
    );
    ok(&db.path, &["check"]);
}

#[test]
fn money_commands_work_through_the_server() {
    let db = db();
    let served = |args: &[&str]| {
        let out = command(&db.path, args)
            .env_remove("QUARTIER_NO_SERVER")
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{args:?}: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    };
    let (id, _) = served(&[
        "measure",
        "add",
        "--title",
        "Hoffest",
        "--goal",
        "1.1",
        "--fund",
        "Aktionsfonds",
        "--approved",
        "1.500",
        "--start",
        "01.05.2026",
    ]);
    let id = id.trim();
    let (_, warned) = served(&["pot", "set", "Aktionsfonds", "2026", "1.000"]);
    assert!(warned.contains("frei -500,00 €"), "{warned}");
    served(&["plan", "set", id, "2026=1.000", "2027=500"]);
    let (out, _) = served(&[
        "payment",
        "add",
        id,
        "--date",
        "02.05.2026",
        "--amount",
        "1.000",
        "--kind",
        "Auszahlung",
    ]);
    assert_eq!(out, "Z-0001\n");
    let (pots, _) = served(&["pot", "list", "--json"]);
    let pots = json(&pots);
    assert_eq!(pots[0]["planned_cents"], 100_000);
    assert_eq!(pots[0]["paid_cents"], 100_000);
    assert_eq!(pots[0]["free_cents"], 0);
    let (plan, _) = served(&["plan", "show", id, "--json"]);
    assert_eq!(json(&plan)["planned_cents"], 150_000);
    served(&["server", "stop"]);
}
