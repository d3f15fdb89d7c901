//! `quartier report` end to end: a fixed data set entered through the real binary, the Markdown
//! report for 2026 compared with the checked-in golden file, and the options (`-o`, `--force`,
//! `--format json`, `--lang en`).
//!
//! `QUARTIER_UPDATE_GOLDEN=1 cargo test --test report` rewrites `tests/golden/report_2026.md`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day the reports are computed on (`QUARTIER_TODAY`).
const TODAY: &str = "2026-11-25";

struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn quartier(db: &Path, args: &[&str]) -> Output {
    common::bin::command(db, args)
        .env("QUARTIER_TODAY", TODAY)
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = quartier(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Adds a measure: `fields` are flag/value pairs, `goals` the goal codes (first primary).
fn add(db: &Path, title: &str, fields: &[(&str, &str)], goals: &[&str]) {
    let mut args = vec!["measure", "add", "--title", title];
    for (flag, value) in fields {
        args.extend([*flag, *value]);
    }
    for goal in goals {
        args.extend(["--goal", *goal]);
    }
    ok(db, &args);
}

/// The fixed data set of the golden report:
/// - M-0001 under ★1.3 and 2.1 (its money only under 1.3 and Z1), with an indicator;
/// - M-0002 in 2025 only (left out for 2026);
/// - M-0003 with a title that would break a Markdown table, ending within 60 days;
/// - M-0004 a Baufonds measure into 2027; M-0005 requested only, ending soon;
/// - M-0006 without a goal; M-0007 without dates (runs in no year);
/// - M-0008 past its end date while still `laufend` (the attention list);
/// - money over time (issue 14): an Aktionsfonds pot of 1.000 € for 2026 that M-0006 and M-0008
///   take 400 € below zero, a Projektfonds pot, M-0004 paid in two instalments, M-0003 with
///   instalments that do not add up, and payments (one paid back).
fn data_set() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    let db = path.as_path();
    add(
        db,
        "Lesepaten an der Grundschule",
        &[
            ("--fund", "Projektfonds"),
            ("--requested", "13000"),
            ("--approved", "12500"),
            ("--cofunding", "1250"),
            ("--start", "2026-01-01"),
            ("--end", "2026-12-31"),
            ("--status", "laufend"),
        ],
        &["1.3", "2.1"],
    );
    add(
        db,
        "Nachbarschaftsfest",
        &[
            ("--fund", "Aktionsfonds"),
            ("--approved", "1200"),
            ("--start", "2025-06-01"),
            ("--end", "2025-06-30"),
            ("--status", "abgeschlossen"),
        ],
        &["1.3"],
    );
    add(
        db,
        "Sprachcafé | Eltern # Treff",
        &[
            ("--fund", "Projektfonds"),
            ("--requested", "8000"),
            ("--approved", "8000"),
            ("--cofunding", "800"),
            ("--start", "2025-09-01"),
            ("--end", "2027-01-15"),
            ("--status", "laufend"),
        ],
        &["9.1", "8.3"],
    );
    add(
        db,
        "Spielplatz *Ost*",
        &[
            ("--fund", "Baufonds"),
            ("--requested", "65000"),
            ("--approved", "60000"),
            ("--start", "2026-03-01"),
            ("--end", "2027-02-28"),
            ("--status", "bewilligt"),
        ],
        &["3.2"],
    );
    add(
        db,
        "Kiezzeitung",
        &[
            ("--fund", "Netzwerkfonds"),
            ("--requested", "55000"),
            ("--start", "2026-04-01"),
            ("--end", "2026-12-15"),
            ("--status", "beantragt"),
        ],
        &["9.4", "9.1"],
    );
    add(
        db,
        "Mieterberatung",
        &[
            ("--fund", "Aktionsfonds"),
            ("--approved", "900"),
            ("--start", "2026-02-01"),
            ("--end", "2026-03-31"),
            ("--status", "abgeschlossen"),
        ],
        &[],
    );
    add(db, "Ideenwerkstatt", &[], &["5.2"]);
    add(
        db,
        "Hoffest",
        &[
            ("--fund", "Aktionsfonds"),
            ("--approved", "500"),
            ("--start", "2026-05-01"),
            ("--end", "2026-10-31"),
            ("--status", "laufend"),
        ],
        &["5.2"],
    );
    for (id, name, target, actual) in [
        ("1", "Teilnehmende Kinder", "40", "26"),
        ("3", "Besuche", "200", "150"),
        ("3", "Ehrenamtliche", "10", "2"),
    ] {
        ok(
            db,
            &[
                "indicator",
                "add",
                id,
                "--name",
                name,
                "--baseline",
                "0",
                "--target",
                target,
                "--actual",
                actual,
            ],
        );
    }
    for args in [
        &["pot", "set", "Aktionsfonds", "2026", "1.000"][..],
        &[
            "pot",
            "set",
            "Projektfonds",
            "2026",
            "25.000",
            "--note",
            "Senat 12.01.2026",
        ],
        &["plan", "set", "4", "2026=45.000", "2027=15.000"],
        &["plan", "set", "3", "2025=2.000", "2026=5.000"],
        &[
            "payment",
            "add",
            "1",
            "--date",
            "15.02.2026",
            "--amount",
            "6.250",
            "--kind",
            "Auszahlung",
        ],
        &[
            "payment",
            "add",
            "1",
            "--date",
            "01.09.2026",
            "--amount",
            "6.250",
            "--kind",
            "Mittelabruf",
        ],
        &[
            "payment",
            "add",
            "4",
            "--date",
            "01.06.2026",
            "--amount",
            "30.000",
            "--kind",
            "Auszahlung",
        ],
        &[
            "payment",
            "add",
            "4",
            "--date",
            "01.10.2026",
            "--amount",
            "1.000",
            "--kind",
            "Rückforderung",
        ],
        &[
            "payment",
            "add",
            "8",
            "--date",
            "01.05.2026",
            "--amount",
            "500",
            "--kind",
            "Auszahlung",
        ],
    ] {
        ok(db, args);
    }
    course(db);
    Db { dir, path }
}

/// Decisions and deadlines (issue 15): four sessions (one in 2025, one upcoming), decisions
/// with votes, amounts and conditions, status steps from Antrag to Bewilligung (Projektfonds
/// 69 days, Baufonds 42, Aktionsfonds 22 and 19: median 20,5; one 2025 approval), and
/// deadlines: one overdue, one upcoming, one later, one done.
fn course(db: &Path) {
    let commands: &[&[&str]] = &[
        &["measure", "edit", "1", "--organisation", "Kiezverein e.V."],
        &[
            "measure",
            "edit",
            "4",
            "--organisation",
            "Bezirksamt | FB Grün",
        ],
        &[
            "session",
            "add",
            "--body",
            "Quartiersrat",
            "--date",
            "12.03.2026",
            "--note",
            "Protokoll: Ordner QR/2026",
        ],
        &["session", "add", "--body", "Jury", "--date", "20.04.2026"],
        &[
            "session",
            "add",
            "--body",
            "Quartiersrat",
            "--date",
            "04.12.2026",
        ],
        &["session", "add", "--body", "Jury", "--date", "05.11.2025"],
        &[
            "decision",
            "add",
            "--session",
            "S-0001",
            "--measure",
            "1",
            "--outcome",
            "Zustimmung",
            "--yes",
            "9",
            "--no",
            "1",
            "--abstain",
            "2",
            "--amount",
            "12.500",
        ],
        &[
            "decision",
            "add",
            "--session",
            "1",
            "--measure",
            "4",
            "--outcome",
            "zustimmung-mit-auflagen",
            "--yes",
            "7",
            "--no",
            "3",
            "--abstain",
            "2",
            "--amount",
            "60.000",
            "--conditions",
            "Bauzeitenplan vorlegen\nAbnahme durch das *Bezirksamt*",
        ],
        &[
            "decision",
            "add",
            "--session",
            "1",
            "--measure",
            "5",
            "--outcome",
            "Vertagung",
        ],
        &[
            "decision",
            "add",
            "--session",
            "1",
            "--measure",
            "7",
            "--outcome",
            "Ablehnung",
            "--amount",
            "3.000",
        ],
        &[
            "decision",
            "add",
            "--session",
            "2",
            "--measure",
            "6",
            "--outcome",
            "Zustimmung",
            "--amount",
            "900",
        ],
        &[
            "decision",
            "add",
            "--session",
            "2",
            "--measure",
            "8",
            "--outcome",
            "Zustimmung",
            "--amount",
            "500",
        ],
        &[
            "decision",
            "add",
            "--session",
            "4",
            "--measure",
            "2",
            "--outcome",
            "Zustimmung",
            "--amount",
            "1.200",
        ],
        &[
            "measure",
            "status",
            "1",
            "beantragt",
            "--date",
            "10.01.2026",
        ],
        &[
            "measure",
            "status",
            "1",
            "bewilligt",
            "--date",
            "20.03.2026",
        ],
        &["measure", "status", "1", "laufend", "--date", "01.04.2026"],
        &[
            "measure",
            "status",
            "4",
            "beantragt",
            "--date",
            "01.02.2026",
        ],
        &[
            "measure",
            "status",
            "4",
            "bewilligt",
            "--date",
            "15.03.2026",
        ],
        &[
            "measure",
            "status",
            "3",
            "beantragt",
            "--date",
            "01.06.2025",
        ],
        &[
            "measure",
            "status",
            "3",
            "bewilligt",
            "--date",
            "15.08.2025",
        ],
        &["measure", "status", "3", "laufend", "--date", "01.09.2025"],
        &[
            "measure",
            "status",
            "6",
            "beantragt",
            "--date",
            "01.01.2026",
        ],
        &[
            "measure",
            "status",
            "6",
            "bewilligt",
            "--date",
            "23.01.2026",
        ],
        &[
            "measure",
            "status",
            "6",
            "abgeschlossen",
            "--date",
            "15.04.2026",
        ],
        &[
            "measure",
            "status",
            "8",
            "beantragt",
            "--date",
            "01.04.2026",
        ],
        &[
            "measure",
            "status",
            "8",
            "bewilligt",
            "--date",
            "20.04.2026",
        ],
        &["measure", "status", "8", "laufend", "--date", "01.05.2026"],
        &[
            "deadline",
            "add",
            "--kind",
            "Sachbericht",
            "--due",
            "15.11.2026",
            "--measure",
            "1",
        ],
        &[
            "deadline",
            "add",
            "--kind",
            "Verwendungsnachweis",
            "--due",
            "10.12.2026",
            "--measure",
            "8",
            "--note",
            "mit Belegliste",
        ],
        &[
            "deadline",
            "add",
            "--kind",
            "Antragsfrist",
            "--due",
            "01.03.2027",
        ],
        &[
            "deadline",
            "add",
            "--kind",
            "Zwischennachweis",
            "--due",
            "01.10.2026",
            "--measure",
            "4",
        ],
        &["deadline", "done", "F-0004", "--date", "30.09.2026"],
    ];
    for args in commands {
        ok(db, args);
    }
}

/// Lines of `expected` and `actual` with `-`/`+` marks where they differ (a plain LCS diff).
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+{:4} {}\n", j + 1, b[j]));
            j += 1;
        } else {
            out.push_str(&format!("-{:4} {}\n", i + 1, a[i]));
            i += 1;
        }
    }
    out
}

/// Compares `actual` with `tests/golden/{name}`; `QUARTIER_UPDATE_GOLDEN=1` rewrites it.
fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("QUARTIER_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from the report (- golden, + now); QUARTIER_UPDATE_GOLDEN=1 cargo test \
         --test report rewrites it:\n{}",
        path.display(),
        diff(&expected, actual)
    );
}

#[test]
fn markdown_report_for_2026_matches_the_golden_file() {
    let db = data_set();
    let report = ok(&db.path, &["report", "--format", "md", "--year", "2026"]);
    assert_golden("report_2026.md", &report);
}

#[test]
fn the_report_file_is_written_once_and_overwritten_only_with_force() {
    let db = data_set();
    let file = db.dir.path().join("bericht.md");
    let target = file.to_str().unwrap();
    let said = ok(&db.path, &["report", "--format", "md", "-o", target]);
    assert!(
        said.contains("Bericht nach") && said.contains("bericht.md"),
        "{said}"
    );
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.starts_with("# Zielerreichung\n"), "{first}");
    std::fs::write(&file, "eigene Notizen").unwrap();
    let out = quartier(&db.path, &["report", "-o", target]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("Fehler: ") && stderr.contains("gibt es schon"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "eigene Notizen");
    ok(
        &db.path,
        &["report", "--format", "md", "-o", target, "--force"],
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    let leftovers: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn json_report_parses_with_amounts_in_cents() {
    let db = data_set();
    let text = ok(&db.path, &["report", "--format", "json", "--year", "2026"]);
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["today"], TODAY);
    assert_eq!(report["year"], 2026);
    assert_eq!(report["measure_count"], 6);
    let goal = |code: &str| {
        report["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(goal("Z1")["approved_cents"], 1_250_000);
    assert_eq!(goal("Z2")["measure_count"], 1);
    assert_eq!(
        goal("Z2")["approved_cents"],
        0,
        "M-0001 is secondary under 2.1"
    );
    assert_eq!(goal("1.3")["parent"], "Z1");
    assert_eq!(goal("1.3")["attainment"], 0.65);
    assert_eq!(goal("1.3")["by_fund"][0]["fund"], "Projektfonds");
    assert_eq!(report["total"]["approved_cents"], 8_190_000);
    assert_eq!(report["measures_without_goal"][0]["id"], 6);
    let ending: Vec<u64> = report["ending_soon"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ending, [5, 1, 3]);
    assert_eq!(report["overdue"][0]["id"], 8);
    assert_eq!(report["overdue"][0]["status"], "laufend");
    assert_eq!(report["overdue"].as_array().unwrap().len(), 1);
    assert_eq!(goal("9.1")["measure_ids"], serde_json::json!([3, 5]));
    assert!(
        report["goals_without_measures"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("1.1"))
    );
    // Money over time: per fund and year of 2026, with the attention lists.
    let pot = |fund: &str| {
        report["pots"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["fund"] == fund)
            .unwrap_or_else(|| panic!("{fund}: {}", report["pots"]))
            .clone()
    };
    let aktion = pot("Aktionsfonds");
    assert_eq!(aktion["year"], 2026);
    assert_eq!(aktion["pot_cents"], 100_000);
    assert_eq!(aktion["planned_cents"], 140_000);
    assert_eq!(aktion["paid_cents"], 50_000);
    assert_eq!(aktion["free_cents"], -40_000);
    let projekt = pot("Projektfonds");
    assert_eq!(
        projekt["planned_cents"], 1_750_000,
        "12.500 + the 2026 instalment 5.000"
    );
    assert_eq!(projekt["paid_cents"], 1_250_000);
    assert_eq!(projekt["free_cents"], 750_000);
    let bau = pot("Baufonds");
    assert_eq!(bau["pot_cents"], serde_json::Value::Null);
    assert_eq!(bau["planned_cents"], 4_500_000);
    assert_eq!(bau["paid_cents"], 2_900_000);
    assert_eq!(report["pots_over_budget"][0]["fund"], "Aktionsfonds");
    assert_eq!(report["pots_over_budget"].as_array().unwrap().len(), 1);
    assert_eq!(report["plans_not_adding_up"][0]["id"], 3);
    assert_eq!(report["plans_not_adding_up"][0]["planned_cents"], 700_000);
    assert_eq!(report["plans_not_adding_up"][0]["approved_cents"], 800_000);
    // The years count M-0004 by its plan: 45.000 in 2026, 15.000 in 2027.
    let year = |y: i64| {
        report["by_year"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["year"] == y)
            .unwrap()
            .clone()
    };
    assert_eq!(year(2027)["approved_cents"], 1_500_000);
    assert_eq!(year(2027)["measure_count"], 0);
    course_json(&report);
}

/// Decisions and deadlines of the JSON report for 2026 (issue 15).
fn course_json(report: &serde_json::Value) {
    let ids = |key: &str, id: &str| -> Vec<serde_json::Value> {
        (report[key].as_array().unwrap().iter())
            .map(|r| r[id].clone())
            .collect()
    };
    assert_eq!(ids("sessions", "id"), ["S-0001", "S-0002", "S-0003"]);
    let first = &report["sessions"][0];
    assert_eq!(first["body"], "Quartiersrat");
    assert_eq!(first["date"], "2026-03-12");
    assert_eq!(
        (first["decision_count"].as_u64(), first["agreed"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(
        (first["rejected"].as_u64(), first["deferred"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        first["agreed_cents"], 7_250_000,
        "12.500 + 60.000, not the rejected 3.000"
    );
    assert_eq!(report["sessions"][2]["decision_count"], 0);
    let years = &report["decision_years"];
    assert_eq!(
        years.as_array().unwrap().len(),
        1,
        "2025's jury is left out"
    );
    assert_eq!(years[0]["session_count"], 3);
    assert_eq!(years[0]["decision_count"], 6);
    assert_eq!(years[0]["agreed_cents"], 7_390_000);
    assert_eq!(ids("aktionsfonds_actions", "id"), [6, 8]);
    let action = &report["aktionsfonds_actions"][0];
    assert_eq!(action["jury_date"], "2026-04-20");
    assert_eq!(action["amount_cents"], 90_000);
    assert_eq!(action["status"], "abgeschlossen");
    assert_eq!(ids("deadlines_overdue", "id"), ["F-0001"]);
    assert_eq!(report["deadlines_overdue"][0]["days"], -10);
    assert_eq!(ids("deadlines_upcoming", "id"), ["S-0003", "F-0002"]);
    assert_eq!(report["deadlines_upcoming"][0]["kind"], "Sitzung");
    assert_eq!(report["deadlines_upcoming"][1]["days"], 15);
    assert_eq!(
        ids("approval_days", "fund"),
        ["Aktionsfonds", "Projektfonds", "Baufonds"]
    );
    let days = |i: usize, key: &str| report["approval_days"][i][key].as_f64().unwrap();
    assert_eq!(
        (
            days(0, "median_days"),
            days(0, "fastest_days"),
            days(0, "slowest_days")
        ),
        (20.5, 19.0, 22.0)
    );
    assert_eq!(
        days(1, "median_days"),
        69.0,
        "M-0003's 2025 approval is left out"
    );
    assert_eq!(days(2, "median_days"), 42.0);
}

/// Issue 15: `quartier session report` for the minutes, Markdown by default (golden file),
/// plain text (golden file), JSON with the sums per fund, English, an unknown session.
#[test]
fn the_session_report_matches_its_golden_files() {
    let db = data_set();
    let md = ok(&db.path, &["session", "report", "S-0001"]);
    assert_golden("session_2026-03-12.md", &md);
    let txt = ok(&db.path, &["session", "report", "1", "--format", "txt"]);
    assert_golden("session_2026-03-12.txt", &txt);
    let json: serde_json::Value = serde_json::from_str(&ok(
        &db.path,
        &["session", "report", "1", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["session"]["note"], "Protokoll: Ordner QR/2026");
    assert_eq!(json["decisions"].as_array().unwrap().len(), 4);
    assert_eq!(json["decisions"][0]["organisation"], "Kiezverein e.V.");
    assert_eq!(json["decisions"][0]["votes"]["yes"], 9);
    assert_eq!(json["decisions"][1]["outcome"], "Zustimmung mit Auflagen");
    let funds: Vec<(serde_json::Value, serde_json::Value)> = (json["funds"].as_array())
        .unwrap()
        .iter()
        .map(|f| (f["fund"].clone(), f["agreed_cents"].clone()))
        .collect();
    assert_eq!(
        funds,
        [
            ("Projektfonds".into(), 1_250_000.into()),
            ("Baufonds".into(), 6_000_000.into()),
            ("Netzwerkfonds".into(), 0.into()),
            (serde_json::Value::Null, 0.into()),
        ]
    );
    assert_eq!(json["total"]["agreed_cents"], 7_250_000);
    let en = ok(&db.path, &["--lang", "en", "session", "report", "1"]);
    assert!(en.starts_with("# Decisions of session S-0001\n"), "{en}");
    assert!(en.contains("## Sums per fund (agreed)"), "{en}");
    let out = quartier(&db.path, &["session", "report", "S-0009"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("S-0009"), "{err}");
}

#[test]
fn english_headings_with_lang_en() {
    let db = data_set();
    let md = ok(
        &db.path,
        &["--lang", "en", "report", "--format", "md", "--year", "2026"],
    );
    for heading in [
        "# Goal attainment",
        "As of 25.11.2026 · Year: 2026 · 6 measures",
        "## By goal",
        "## Totals by fund",
        "## Ending within the next 60 days",
        "## Measures without a goal",
        "## Past their end date, status still running or approved",
        "| M-0008  | Hoffest | 31.10.2026 |        25 | running | Aktionsfonds |",
        "## Appendix: measures per goal",
        "### 9.1 Erhalt bestehender Angebote",
        "| Goal ",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    assert!(!md.contains("Zielerreichung"), "{md}");
    let txt = ok(&db.path, &["--lang", "en", "report"]);
    assert!(
        txt.starts_with("Goal attainment\n===============\n"),
        "{txt}"
    );
    assert!(txt.contains("all years"), "{txt}");
}

#[test]
fn plain_text_is_the_default_with_aligned_columns() {
    let db = data_set();
    let txt = ok(&db.path, &["report", "--year", "2026"]);
    assert!(txt.starts_with("Zielerreichung\n==============\n"), "{txt}");
    let row = |start: &str| {
        txt.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{start}: {txt}"))
            .to_string()
    };
    // Goal rows: the approved column ends in the same terminal column.
    let end_of = |line: &str, text: &str| {
        let at = line.find(text).expect(text) + text.len();
        line[..at].chars().count()
    };
    assert_eq!(
        end_of(&row("Z1 "), "12.500,00 €"),
        end_of(&row("  1.3 "), "12.500,00 €")
    );
    assert!(
        txt.contains("Sprachcafé | Eltern # Treff"),
        "no escaping in text"
    );
}

#[test]
fn a_bad_quartier_today_is_an_error() {
    let db = data_set();
    let out = Command::new(env!("CARGO_BIN_EXE_quartier"))
        .env("QUARTIER_NO_SERVER", "1")
        .arg("--db")
        .arg(&db.path)
        .args(["report"])
        .env("LANG", "de_DE.UTF-8")
        .env_remove("LC_ALL")
        .env("QUARTIER_TODAY", "morgen")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("QUARTIER_TODAY „morgen“"), "{stderr}");
}
