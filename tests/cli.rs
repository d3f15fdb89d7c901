//! End-to-end tests of the real `quartier` binary: every subcommand, errors, languages, the
//! database location rules, and a second process on a held database.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::bin::{fails, ok, quartier};
use quartier::model::{Measure, MeasureId};
use quartier::store::{Store, keys::TreeName};

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

#[test]
fn add_show_list_a_measure_with_every_flag() {
    let db = db();
    let id = ok(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "Sprachcafé für Eltern",
            "--goal",
            "1.3",
            "--goal",
            "4.3",
            "--organisation",
            "Nachbarschaftshaus e.V.",
            "--contact",
            "info@example.org",
            "--responsible",
            "B. Schulz",
            "--reference",
            "QM-2026-17",
            "--fund",
            "QF2",
            "--requested",
            "13.000",
            "--approved",
            "12.500,50 €",
            "--cofunding",
            "1250,05",
            "--start",
            "01.03.2026",
            "--end",
            "2026-12-31",
            "--status",
            "laufend",
            "--target-group",
            "Eltern",
            "--target-group",
            "Kinder",
            "--location",
            "Donaustraße 7",
            "--notes",
            "Raum ab März",
            "--description",
            "Zeile 1\nZeile 2",
        ],
    );
    assert_eq!(id.trim(), "M-0001");
    let shown = json(&ok(&db.path, &["measure", "show", "1", "--json"]));
    let expected = json(
        r#"{"id":1,"title":"Sprachcafé für Eltern","description":"Zeile 1\nZeile 2",
        "organisation":"Nachbarschaftshaus e.V.","contact":"info@example.org","responsible":"B. Schulz",
        "reference":"QM-2026-17","fund":"Projektfonds","requested_cents":1300000,"approved_cents":1250050,
        "cofunding_cents":125005,"start":"2026-03-01","end":"2026-12-31","status":"laufend",
        "target_groups":["Eltern","Kinder"],"location":"Donaustraße 7","notes":"Raum ab März",
        "indicators":[],"goals":["1.3","4.3"],"primary_goal":"1.3"}"#,
    );
    assert_eq!(shown, expected);
    let table = ok(&db.path, &["measure", "list"]);
    assert!(table.lines().next().unwrap().starts_with("ID"), "{table}");
    assert!(
        table.contains("M-0001  Sprachcafé für Eltern") && table.contains("12.500,50 €"),
        "{table}"
    );
    let human = ok(&db.path, &["measure", "show", "M-0001"]);
    assert!(human.contains("Ziele:          1.3*, 4.3"), "{human}");
    assert!(human.contains("Beginn:         01.03.2026"), "{human}");
}

#[test]
fn list_filters_by_goal_subtree_status_and_fund() {
    let db = db();
    ok(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "A",
            "--goal",
            "1.3",
            "--status",
            "laufend",
            "--fund",
            "Aktionsfonds",
        ],
    );
    ok(
        &db.path,
        &[
            "measure", "add", "--title", "B", "--goal", "4.3", "--status", "idee",
        ],
    );
    let ids = |args: &[&str]| -> Vec<u64> {
        let mut full = vec!["measure", "list", "--json"];
        full.extend_from_slice(args);
        json(&ok(&db.path, &full))
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(ids(&[]), [1, 2]);
    assert_eq!(ids(&["--goal", "Z1"]), [1]);
    assert_eq!(ids(&["--goal", "4.3"]), [2]);
    assert_eq!(ids(&["--status", "idee"]), [2]);
    assert_eq!(ids(&["--fund", "QF1"]), [1]);
    assert_eq!(
        ok(&db.path, &["measure", "list", "--goal", "Z9"]).trim(),
        "Keine Maßnahmen."
    );
    // --year: measures running in that year (the report's rule); the table ends in a total.
    ok(
        &db.path,
        &[
            "measure",
            "edit",
            "1",
            "--start",
            "01.03.2025",
            "--end",
            "31.01.2026",
            "--requested",
            "1000",
            "--approved",
            "900",
        ],
    );
    ok(
        &db.path,
        &[
            "measure",
            "edit",
            "2",
            "--start",
            "2027-01-01",
            "--requested",
            "2.500,50",
        ],
    );
    assert_eq!(ids(&["--year", "2026"]), [1]);
    assert_eq!(ids(&["--year", "2027"]), [2]);
    assert_eq!(ids(&["--year", "2024"]), Vec::<u64>::new());
    let table = ok(&db.path, &["measure", "list"]);
    assert_eq!(
        table.lines().last().unwrap(),
        "Summe: 2 Maßnahmen, beantragt 3.500,50 €, bewilligt 900,00 €",
        "{table}"
    );
    let table = ok(
        &db.path,
        &["--lang", "en", "measure", "list", "--year", "2026"],
    );
    assert_eq!(
        table.lines().last().unwrap(),
        "Total: 1 measure, requested 1.000,00 €, approved 900,00 €",
        "{table}"
    );
}

#[test]
fn invalid_input_lists_every_problem_and_changes_nothing() {
    let db = db();
    ok(
        &db.path,
        &["measure", "add", "--title", "Bestand", "--goal", "1.1"],
    );
    let before = ok(&db.path, &["measure", "list", "--json"]);
    let log_before = ok(&db.path, &["log", "--json"]);
    let err = fails(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "",
            "--approved",
            "12x",
            "--start",
            "31.02.2026",
            "--fund",
            "QF9",
            "--status",
            "fertig",
        ],
        1,
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    for part in [
        "Fehler: Ungültige Eingabe",
        "Bewilligt: „12x“ ist kein Betrag",
        "Beginn: „31.02.2026“",
        "Fonds: „QF9“",
        "Status: „fertig“",
        "Titel: darf nicht leer sein",
    ] {
        assert!(err.contains(part), "missing {part:?} in {err}");
    }
    let err = fails(
        &db.path,
        &[
            "measure",
            "edit",
            "1",
            "--start",
            "2026-05-01",
            "--end",
            "2026-04-30",
        ],
        1,
    );
    assert!(err.contains("Ende: liegt vor dem Beginn"), "{err}");
    let err = fails(
        &db.path,
        &["measure", "edit", "1", "--organisation", "bad\u{1b}[2J"],
        1,
    );
    assert!(
        err.contains("Träger: enthält Steuerzeichen") && !err.contains('\u{1b}'),
        "{err}"
    );
    fails(
        &db.path,
        &["measure", "add", "--title", "X", "--goal", "9.9"],
        1,
    );
    fails(&db.path, &["measure", "show", "77"], 1);
    assert_eq!(ok(&db.path, &["measure", "list", "--json"]), before);
    assert_eq!(ok(&db.path, &["log", "--json"]), log_before);
}

#[test]
fn english_messages_on_request() {
    let db = db();
    let err = fails(
        &db.path,
        &[
            "--lang",
            "en",
            "measure",
            "add",
            "--title",
            "X",
            "--approved",
            "abc",
        ],
        1,
    );
    // The first command on a new path creates the database and says so, then the error.
    assert!(
        err.starts_with("New database created: ")
            && err.lines().nth(1).is_some_and(
                |l| l.starts_with("Error: Invalid input: Approved: \"abc\" is not an amount")
            ),
        "{err}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_quartier"))
        .env("QUARTIER_NO_SERVER", "1")
        .args(["--db", db.path.to_str().unwrap(), "goals"])
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Goal"));
}

#[test]
fn fund_rule_warnings_go_to_stderr() {
    let db = db();
    let out = quartier(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "Fest",
            "--fund",
            "Aktionsfonds",
            "--approved",
            "2000",
        ],
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Hinweis: Aktionsfonds: mehr als 1.500 € je Maßnahme"),
        "{err}"
    );
    // More approved than requested, in any fund: after edit and in `show`.
    let out = quartier(
        &db.path,
        &[
            "measure",
            "edit",
            "1",
            "--requested",
            "1.000",
            "--approved",
            "1.200",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Hinweis: Bewilligt ist mehr als beantragt"),
        "{err}"
    );
    let shown = ok(&db.path, &["measure", "show", "1"]);
    assert!(
        shown.contains("Hinweis: Bewilligt ist mehr als beantragt"),
        "{shown}"
    );
}

#[test]
fn goals_tree_counts_children_and_sums_primary_links_only() {
    let db = db();
    ok(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "A",
            "--goal",
            "1.1",
            "--goal",
            "2.1",
            "--approved",
            "1000",
        ],
    );
    ok(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "B",
            "--goal",
            "1.2",
            "--approved",
            "500",
        ],
    );
    let goals = json(&ok(&db.path, &["goals", "--json"]));
    let find = |code: &str| {
        goals
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(find("Z1")["measure_count"], 2);
    assert_eq!(find("Z1")["approved_cents"], 150_000);
    assert_eq!(find("Z2")["measure_count"], 1);
    assert_eq!(find("Z2")["approved_cents"], 0);
    assert_eq!(find("1.1")["parent"], "Z1");
    assert_eq!(goals.as_array().unwrap().len(), 48);
    let table = ok(&db.path, &["goals"]);
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Z1 ") && l.ends_with("1.500,00 €")),
        "{table}"
    );
}

#[test]
fn goal_add_edit_move_delete() {
    let db = db();
    assert_eq!(
        ok(&db.path, &["goal", "add", "--title", "Klima im Kiez"]).trim(),
        "Ziel Z10 angelegt."
    );
    ok(
        &db.path,
        &["goal", "add", "--parent", "Z10", "--title", "Hitzeschutz"],
    );
    ok(
        &db.path,
        &[
            "goal",
            "add",
            "--parent",
            "Z10",
            "--code",
            "K2",
            "--title",
            "Begrünung",
        ],
    );
    ok(
        &db.path,
        &[
            "goal",
            "edit",
            "10.1",
            "--title",
            "Hitzeschutz für Ältere",
            "--description",
            "Sommer",
        ],
    );
    ok(&db.path, &["goal", "move", "K2", "--position", "1"]);
    let goals = json(&ok(&db.path, &["goals", "--json"]));
    let tail: Vec<(String, u64)> = goals.as_array().unwrap()[48..]
        .iter()
        .map(|g| {
            (
                g["code"].as_str().unwrap().to_string(),
                g["position"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        tail,
        [("Z10".into(), 9), ("K2".into(), 0), ("10.1".into(), 1)]
    );
    let err = fails(
        &db.path,
        &["goal", "add", "--code", "k2", "--title", "doppelt"],
        1,
    );
    assert!(err.contains("Das Kürzel k2 ist schon vergeben."), "{err}");
    let err = fails(&db.path, &["goal", "move", "Z10", "--parent", "K2"], 1);
    assert!(err.contains("nicht unter sich selbst"), "{err}");
    ok(
        &db.path,
        &[
            "measure", "add", "--title", "Bäume", "--goal", "K2", "--goal", "3.2",
        ],
    );
    let err = fails(&db.path, &["goal", "delete", "Z10"], 1);
    assert!(
        err.contains("Ziel Z10 hat 1 verknüpfte Maßnahme und 2 Unterziele.")
            && err.contains("--force"),
        "{err}"
    );
    ok(&db.path, &["goal", "delete", "Z10", "--force"]);
    let m = json(&ok(&db.path, &["measure", "show", "1", "--json"]));
    assert_eq!(m["goals"], json(r#"["3.2"]"#));
    assert_eq!(m["primary_goal"], "3.2");
    ok(&db.path, &["undo"]);
    let m = json(&ok(&db.path, &["measure", "show", "1", "--json"]));
    assert_eq!(m["goals"], json(r#"["K2","3.2"]"#));
    assert_eq!(
        ok(&db.path, &["check"]).trim(),
        "Datenbank in Ordnung: 51 Ziele, 1 Maßnahme, 2 Verknüpfungen."
    );
}

#[test]
fn link_unlink_primary_and_undo_redo_across_processes() {
    let db = db();
    ok(
        &db.path,
        &["measure", "add", "--title", "A", "--goal", "1.1"],
    );
    ok(&db.path, &["link", "1", "5.2"]);
    ok(&db.path, &["link", "M-0001", "5.2", "--primary"]);
    let primary =
        |db: &Db| json(&ok(&db.path, &["measure", "show", "1", "--json"]))["primary_goal"].clone();
    assert_eq!(primary(&db), "5.2");
    assert_eq!(
        ok(&db.path, &["undo"]).trim(),
        "Hauptziel 5.2 für M-0001 „A“ rückgängig gemacht"
    );
    assert_eq!(primary(&db), "1.1");
    ok(&db.path, &["redo"]);
    assert_eq!(primary(&db), "5.2");
    ok(&db.path, &["unlink", "1", "5.2"]);
    assert_eq!(primary(&db), "1.1");
    let err = fails(&db.path, &["unlink", "1", "5.2"], 1);
    assert!(
        err.contains("M-0001 ist nicht mit Ziel 5.2 verknüpft."),
        "{err}"
    );
    ok(&db.path, &["undo"]);
    ok(&db.path, &["undo"]);
    ok(&db.path, &["measure", "edit", "1", "--title", "B"]);
    assert!(fails(&db.path, &["redo"], 1).contains("nichts zu wiederholen"));
    let log = json(&ok(&db.path, &["log", "--json", "--limit", "3"]));
    let kinds: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["do", "undo", "undo"]);
    assert!(log[0]["user"].as_str().is_some_and(|u| !u.is_empty()));
    let text = ok(&db.path, &["log"]);
    assert!(
        text.contains("Lösen der Verknüpfung M-0001 „B“ ↔ Ziel 5.2 rückgängig gemacht"),
        "{text}"
    );
}

#[test]
fn undo_redo_and_log_name_what_the_user_did_with_codes_and_titles() {
    let db = db();
    ok(
        &db.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.1"],
    );
    ok(&db.path, &["measure", "delete", "1"]);
    // Undo names the deletion it reverts, redo repeats it; both in one word each.
    assert_eq!(
        ok(&db.path, &["undo"]).trim(),
        "Löschen von M-0001 „Kiezfest“ rückgängig gemacht"
    );
    assert_eq!(
        ok(&db.path, &["redo"]).trim(),
        "Löschen von M-0001 „Kiezfest“ wiederholt"
    );
    assert_eq!(
        ok(&db.path, &["--lang", "en", "undo"]).trim(),
        "Undone: delete M-0001 \"Kiezfest\""
    );
    // A deleted goal is still named by code and title, never by its internal id.
    ok(
        &db.path,
        &["goal", "add", "--title", "Neues Ziel", "--code", "Z42"],
    );
    ok(&db.path, &["link", "1", "Z42"]);
    ok(&db.path, &["goal", "delete", "Z42", "--force"]);
    let log = ok(&db.path, &["log"]);
    assert!(log.contains("Ziel Z42 „Neues Ziel“ gelöscht"), "{log}");
    assert!(
        log.contains("M-0001 „Kiezfest“ mit Ziel Z42 verknüpft"),
        "{log}"
    );
    assert!(!log.contains("Ziel #"), "{log}");
    assert!(
        log.contains("Löschen von M-0001 „Kiezfest“ rückgängig gemacht"),
        "{log}"
    );
    assert!(
        log.contains("Löschen von M-0001 „Kiezfest“ wiederholt"),
        "{log}"
    );
    // An import is one entry named after its file, with a summary.
    let file = db._dir.path().join("massnahmen.csv");
    std::fs::write(
        &file,
        "ID;Titel;Ziele\nM-0001;Kiezfest neu;1.1\n;Sprachcafé;1.2\n",
    )
    .unwrap();
    let imported = quartier(&db.path, &["import", file.to_str().unwrap()]);
    assert!(imported.status.success(), "{imported:?}");
    let log = ok(&db.path, &["log", "--limit", "1"]);
    assert!(log.contains("Import aus "), "{log}");
    assert!(log.contains("massnahmen.csv: 1 neu, 1 geändert"), "{log}");
}

#[test]
fn unlink_of_a_last_link_and_goal_delete_name_the_measures_left_without_goal() {
    let db = db();
    let stderr = |args: &[&str]| {
        let out = quartier(&db.path, args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    ok(
        &db.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.1"],
    );
    ok(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "Zwei Ziele",
            "--goal",
            "1.1",
            "--goal",
            "2.1",
        ],
    );
    ok(
        &db.path,
        &["goal", "add", "--title", "Neu", "--code", "Z42"],
    );
    ok(
        &db.path,
        &[
            "goal", "add", "--title", "Unter", "--parent", "Z42", "--code", "42.1",
        ],
    );
    ok(
        &db.path,
        &["measure", "add", "--title", "Unten", "--goal", "42.1"],
    );
    // Not the last link: no notice.
    assert_eq!(stderr(&["unlink", "2", "1.1"]), "");
    assert_eq!(
        stderr(&["unlink", "1", "1.1"]).trim(),
        "Hinweis: M-0001 „Kiezfest“ hat jetzt kein Ziel mehr (in der TUI unter „Ohne Ziel“)."
    );
    ok(&db.path, &["link", "2", "Z42"]);
    // Deleting Z42 with its sub-goal: M-0003 loses its only goal, M-0002 keeps 2.1.
    let said = stderr(&["--lang", "en", "goal", "delete", "Z42", "--force"]);
    assert_eq!(
        said.trim(),
        "Hinweis: M-0003 \"Unten\" now has no goal (in the TUI under \"Without goal\")."
            .replace("Hinweis", "Warning")
    );
}

#[test]
fn indicators_add_set_remove() {
    let db = db();
    ok(&db.path, &["measure", "add", "--title", "A"]);
    ok(
        &db.path,
        &[
            "indicator",
            "add",
            "1",
            "--name",
            "Teilnehmende",
            "--unit",
            "Personen",
            "--baseline",
            "0",
            "--target",
            "40",
        ],
    );
    ok(
        &db.path,
        &["indicator", "set", "1", "teilnehmende", "--actual", "12,5"],
    );
    let m = json(&ok(&db.path, &["measure", "show", "1", "--json"]));
    assert_eq!(
        m["indicators"],
        json(
            r#"[{"name":"Teilnehmende","unit":"Personen","baseline":0,"target":40,"actual":12.5}]"#
        )
    );
    assert!(
        ok(&db.path, &["measure", "show", "1"])
            .contains("Teilnehmende: 0 → 40 Personen, Ist 12,5  (31 %)")
    );
    fails(
        &db.path,
        &["indicator", "set", "1", "Fehlt", "--actual", "1"],
        1,
    );
    fails(
        &db.path,
        &[
            "indicator",
            "add",
            "1",
            "--name",
            "X",
            "--baseline",
            "a",
            "--target",
            "1",
        ],
        1,
    );
    assert_eq!(
        ok(&db.path, &["indicator", "remove", "1", "Teilnehmende"]).trim(),
        "Indikator „Teilnehmende“ von M-0001 entfernt."
    );
    assert_eq!(
        json(&ok(&db.path, &["measure", "show", "1", "--json"]))["indicators"],
        json("[]")
    );
}

#[test]
fn messages_use_singular_for_one_ids_as_shown_and_no_stray_space() {
    let db = db();
    ok(
        &db.path,
        &["measure", "add", "--title", "A", "--goal", "1.1"],
    );
    assert_eq!(
        ok(&db.path, &["check"]).trim(),
        "Datenbank in Ordnung: 48 Ziele, 1 Maßnahme, 1 Verknüpfung."
    );
    assert_eq!(
        ok(&db.path, &["--lang", "en", "check"]).trim(),
        "Database OK: 48 goals, 1 measure, 1 link."
    );
    let err = fails(&db.path, &["goal", "delete", "1.1"], 1);
    assert!(err.contains("Ziel 1.1 hat 1 verknüpfte Maßnahme."), "{err}");
    let err = fails(&db.path, &["--lang", "en", "goal", "delete", "Z1"], 1);
    assert!(
        err.contains("Goal Z1 has 1 linked measure and 6 sub-goals."),
        "{err}"
    );
    for id in ["99", "M-0099", "m99"] {
        let err = fails(&db.path, &["measure", "show", id], 1);
        assert!(
            err.contains("Maßnahme M-0099 gibt es nicht."),
            "{id}: {err}"
        );
    }
    ok(
        &db.path,
        &[
            "indicator",
            "add",
            "1",
            "--name",
            "Bäume",
            "--baseline",
            "0",
            "--target",
            "100",
            "--actual",
            "120",
        ],
    );
    let shown = ok(&db.path, &["measure", "show", "1"]);
    assert!(
        shown.contains("Bäume: 0 → 100, Ist 120  (100 %)"),
        "{shown}"
    );
    let shown = ok(&db.path, &["--lang", "en", "measure", "show", "1"]);
    assert!(
        shown.contains("Bäume: 0 → 100, actual 120  (100 %)"),
        "{shown}"
    );
}

#[test]
fn indicator_values_follow_one_range_rule_in_the_cli_and_the_importers() {
    let db = db();
    ok(&db.path, &["measure", "add", "--title", "A"]);
    let err = fails(
        &db.path,
        &[
            "indicator",
            "add",
            "1",
            "--name",
            "X",
            "--baseline",
            "0",
            "--target",
            "2000000000000",
        ],
        1,
    );
    assert!(
        err.contains("muss eine Zahl zwischen -1.000.000.000.000 und 1.000.000.000.000 sein"),
        "{err}"
    );
    // The largest accepted value works, and attainment stays a number.
    ok(
        &db.path,
        &[
            "indicator",
            "add",
            "1",
            "--name",
            "Y",
            "--baseline",
            "-1000000000000",
            "--target",
            "1000000000000",
            "--actual",
            "1000000000000",
        ],
    );
    let shown = ok(&db.path, &["measure", "show", "1"]);
    assert!(
        shown.contains("(100 %)") && !shown.contains("NaN"),
        "{shown}"
    );
    // JSON and CSV imports refuse what `indicator add` refuses, and change nothing.
    let before = common::bin::json_export(&db.path);
    let json_file = db._dir.path().join("huge.json");
    let mut doc = json(&ok(&db.path, &["export", "--format", "json"]));
    doc["measures"][0]["indicators"] =
        json(r#"[{"name":"Z","unit":"","baseline":-1e308,"target":1e308,"actual":1e308}]"#);
    std::fs::write(&json_file, doc.to_string()).unwrap();
    let err = fails(&db.path, &["import", json_file.to_str().unwrap()], 1);
    assert!(err.contains("muss eine Zahl zwischen"), "{err}");
    let csv_file = db._dir.path().join("indikatoren.csv");
    std::fs::write(
        &csv_file,
        "ID;Maßnahme;Indikator;Einheit;Ausgangswert;Zielwert;Istwert\nM-0001;A;Z;;0;2000000000000;5\n",
    )
    .unwrap();
    let err = fails(&db.path, &["import", csv_file.to_str().unwrap()], 1);
    assert!(err.contains("muss eine Zahl zwischen"), "{err}");
    assert_eq!(common::bin::json_export(&db.path), before);
}

#[test]
fn help_follows_the_ui_language() {
    let db = db();
    let help = |args: &[&str], lang: &str| {
        let out = common::bin::command(&db.path, args)
            .env("LANG", lang)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for (args, lang) in [
        (&["--help"][..], "de_DE.UTF-8"),
        (&["--lang", "de", "--help"], "en_US.UTF-8"),
        (&["measure", "edit", "--help", "--lang=de"], "C"),
        (&["help", "unlink"], "de_DE.UTF-8"),
    ] {
        let text = help(args, lang);
        assert!(text.contains("Aufruf: quartier"), "{args:?}: {text}");
        assert!(text.contains("Hilfe anzeigen"), "{args:?}: {text}");
        for english in ["Usage:", "Options:", "Print help", "possible values"] {
            assert!(!text.contains(english), "{args:?}: {english} in {text}");
        }
    }
    assert!(help(&["--help"], "de_DE.UTF-8").contains("Maßnahmen anlegen, auflisten"));
    assert!(help(&["help", "unlink"], "de_DE.UTF-8").contains("ID der Maßnahme (42 oder M-0042)"));
    for (args, lang) in [
        (&["--help"][..], "en_US.UTF-8"),
        (&["--lang", "en", "measure", "add", "--help"], "de_DE.UTF-8"),
    ] {
        let text = help(args, lang);
        assert!(text.contains("Usage: quartier"), "{args:?}: {text}");
        assert!(text.contains("Print help"), "{args:?}: {text}");
        assert!(
            !text.contains("Aufruf") && !text.contains("anzeigen"),
            "{args:?}: {text}"
        );
    }
    // Asking for help opens no database.
    assert!(!db.path.exists());
}

#[test]
fn an_edit_that_changes_nothing_says_so_and_writes_no_history() {
    let db = db();
    ok(
        &db.path,
        &["measure", "add", "--title", "A", "--status", "laufend"],
    );
    ok(&db.path, &["goal", "add", "--title", "Z", "--code", "Z42"]);
    let history = |db: &Db| {
        json(&ok(&db.path, &["log", "--json"]))
            .as_array()
            .unwrap()
            .len()
    };
    let before = history(&db);
    for args in [
        &["measure", "edit", "1"][..],
        &[
            "measure", "edit", "M-0001", "--title", "A", "--status", "laufend",
        ],
        &["--lang", "en", "measure", "edit", "1", "--title", "A"],
    ] {
        let said = ok(&db.path, args);
        assert!(
            said.contains("M-0001: nichts geändert") || said.contains("M-0001: nothing changed"),
            "{args:?}: {said}"
        );
    }
    assert!(
        ok(&db.path, &["goal", "edit", "Z42", "--title", "Z"]).contains("Z42: nichts geändert")
    );
    assert_eq!(history(&db), before);
    // A real change is still saved and recorded.
    assert!(ok(&db.path, &["measure", "edit", "1", "--title", "B"]).contains("gespeichert"));
    assert_eq!(history(&db), before + 1);
}

#[test]
fn delete_measure_and_ids_are_never_reused() {
    let db = db();
    for title in ["A", "B", "C"] {
        ok(
            &db.path,
            &["measure", "add", "--title", title, "--goal", "1.1"],
        );
    }
    ok(&db.path, &["measure", "delete", "3"]);
    assert_eq!(
        ok(&db.path, &["measure", "add", "--title", "D"]).trim(),
        "M-0004"
    );
    ok(&db.path, &["check"]);
}

#[test]
fn second_process_on_a_held_database_gets_one_line_and_exit_2() {
    let db = db();
    let held = Store::open(&db.path).unwrap();
    let out = quartier(&db.path, &["goals"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "Fehler: Die Datenbank {} wird bereits von einem anderen quartier-Prozess verwendet.\n",
            db.path.display()
        )
    );
    drop(held);
    ok(&db.path, &["goals"]);
}

#[test]
fn check_names_a_corrupt_record() {
    let db = db();
    ok(
        &db.path,
        &["measure", "add", "--title", "A", "--goal", "1.1"],
    );
    {
        let store = Store::open(&db.path).unwrap();
        store
            .raw_insert(
                TreeName::Measures,
                &5u64.to_be_bytes(),
                &[1, 0xff, 0xfe, 0x03],
            )
            .unwrap();
    }
    let out = quartier(&db.path, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1 Problem gefunden:\n  measures/5: Datensatz nicht lesbar"),
        "{text}"
    );
    let err = fails(&db.path, &["measure", "list"], 1);
    assert!(
        err.starts_with("Fehler: Beschädigter Datensatz in measures, Schlüssel 5"),
        "{err}"
    );
}

#[test]
fn hostile_text_in_the_database_never_reaches_the_terminal() {
    let db = db();
    ok(&db.path, &["measure", "add", "--title", "harmlos"]);
    {
        let store = Store::open(&db.path).unwrap();
        let mut evil = Measure::new("evil \u{1b}[2J \u{1b}]0;pwned\u{7} \u{202e}txt \u{9b}31m");
        evil.id = MeasureId(1);
        evil.organisation = "Träger\r\n\u{1b}[31m".into();
        store
            .raw_insert(
                TreeName::Measures,
                &1u64.to_be_bytes(),
                &quartier::store::encode_measure(1, &evil),
            )
            .unwrap();
    }
    for args in [
        &["measure", "list"][..],
        &["measure", "show", "1"],
        &["log"],
    ] {
        let out = quartier(&db.path, args);
        let all = [out.stdout, out.stderr].concat();
        let text = String::from_utf8(all).unwrap();
        assert!(
            !text.contains('\u{1b}')
                && !text.contains('\u{7}')
                && !text.contains('\u{202e}')
                && !text.contains('\u{9b}'),
            "{args:?}: {text:?}"
        );
        assert!(!text.contains('\r'), "{args:?}");
    }
}

#[test]
fn demo_data_is_deterministic_and_refuses_a_filled_database() {
    let (a, b) = (db(), db());
    ok(&a.path, &["demo-data", "--measures", "600", "--seed", "3"]);
    ok(&b.path, &["demo-data", "--measures", "600", "--seed", "3"]);
    let list = ok(&a.path, &["measure", "list", "--json"]);
    assert_eq!(list, ok(&b.path, &["measure", "list", "--json"]));
    let measures = json(&list);
    assert_eq!(measures.as_array().unwrap().len(), 600);
    assert!(
        measures
            .as_array()
            .unwrap()
            .iter()
            .all(|m| !m["goals"].as_array().unwrap().is_empty())
    );
    let err = fails(&a.path, &["demo-data", "--measures", "5"], 1);
    assert!(err.contains("schon 600 Maßnahmen"), "{err}");
    assert!(ok(&a.path, &["check"]).contains("600 Maßnahmen"));
}

#[test]
fn database_location_flag_env_and_xdg_default() {
    let home = tempfile::tempdir().unwrap();
    let run = |envs: &[(&str, &Path)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_quartier"));
        command.env("QUARTIER_NO_SERVER", "1");
        command
            .args(["measure", "add", "--title", "X"])
            .env_remove("QUARTIER_DB")
            .env("HOME", home.path());
        for (k, v) in envs {
            command.env(k, v);
        }
        let out = command.env("LANG", "de_DE.UTF-8").output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let xdg = home.path().join("xdg");
    // Every creation of a database is said once, on stderr; opening it again says nothing.
    assert_eq!(
        run(&[("XDG_DATA_HOME", &xdg)]),
        format!(
            "Neue Datenbank angelegt: {}\n",
            xdg.join("quartier/db").display()
        )
    );
    assert!(xdg.join("quartier/db/db").exists());
    assert_eq!(run(&[("XDG_DATA_HOME", &xdg)]), "");
    let env_db = home.path().join("envdb");
    assert_eq!(
        run(&[("QUARTIER_DB", &env_db), ("XDG_DATA_HOME", &xdg)]),
        format!("Neue Datenbank angelegt: {}\n", env_db.display())
    );
    assert!(env_db.join("db").exists());
    let flag_db = home.path().join("flag");
    let out = Command::new(env!("CARGO_BIN_EXE_quartier"))
        .env("QUARTIER_NO_SERVER", "1")
        .args(["--lang", "en", "--db", flag_db.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("New database created: {}\n", flag_db.display())
    );
    let out = Command::new(env!("CARGO_BIN_EXE_quartier"))
        .env("QUARTIER_NO_SERVER", "1")
        .args([
            "--db",
            env_db.to_str().unwrap(),
            "measure",
            "list",
            "--json",
        ])
        .env("QUARTIER_DB", &xdg)
        .output()
        .unwrap();
    assert_eq!(
        json(&String::from_utf8(out.stdout).unwrap())
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn no_subcommand_without_a_terminal_says_so_instead_of_panicking() {
    let db = db();
    let err = fails(&db.path, &[], 1);
    assert!(
        err.contains("Terminal") && err.contains("quartier --help"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    // Refused before anything is opened: no database is created.
    assert!(!db.path.exists());
}

#[test]
fn log_of_one_measure_or_goal_shows_only_its_changes_with_every_field_old_and_new() {
    let db = db();
    ok(
        &db.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.3"],
    );
    ok(
        &db.path,
        &["measure", "add", "--title", "Anderes", "--goal", "1.3"],
    );
    ok(
        &db.path,
        &[
            "measure",
            "edit",
            "M-0001",
            "--title",
            "Kiezfest 2026",
            "--approved",
            "1.500",
        ],
    );
    ok(
        &db.path,
        &["measure", "edit", "M-0002", "--title", "Anderes 2"],
    );
    ok(&db.path, &["link", "M-0001", "2.1"]);
    ok(&db.path, &["measure", "delete", "M-0001"]);

    let text = ok(&db.path, &["log", "--measure", "M-0001"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 4 + 2, "{text}");
    assert!(lines[1].contains("gelöscht"), "{text}");
    assert!(lines[2].contains("mit Ziel 2.1 verknüpft"), "{text}");
    assert!(lines[3].contains("geändert"), "{text}");
    assert_eq!(lines[4].trim(), "Titel: Kiezfest → Kiezfest 2026", "{text}");
    assert_eq!(lines[5].trim(), "Bewilligt: – → 1.500,00 €", "{text}");
    assert!(lines[6].contains("angelegt"), "{text}");
    assert!(!text.contains("Anderes"), "{text}");

    let entries = json(&ok(&db.path, &["log", "--measure", "1", "--json"]));
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 4);
    assert_eq!(
        entries[2]["changes"][0],
        serde_json::json!({"field": "Titel", "old": "Kiezfest", "new": "Kiezfest 2026"})
    );
    assert!(
        entries[0].get("changes").is_none(),
        "no field changes on a delete"
    );

    let goal = ok(&db.path, &["log", "--goal", "2.1"]);
    assert_eq!(
        goal.lines().count(),
        1 + 2,
        "the link and the delete that removed it: {goal}"
    );
    let limited = ok(&db.path, &["log", "--measure", "M-0001", "--limit", "1"]);
    assert_eq!(limited.lines().count(), 2, "{limited}");
    let unknown = fails(&db.path, &["log", "--goal", "9.9"], 1);
    assert!(unknown.contains("9.9"), "{unknown}");
}
