//! Decisions and deadlines (issue 15) through the real binary: `session`, `decision`,
//! `measure status` with its course warning, `deadline`, `due` with its exit codes (today
//! fixed by `QUARTIER_TODAY`), the proposed Verwendungsnachweis deadline of an end date, undo,
//! and the same commands through the server.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{command, fails, ok};

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

/// Runs on `today` (as `QUARTIER_TODAY`); returns exit code, stdout and stderr.
fn run_on(db: &Path, today: &str, args: &[&str]) -> (i32, String, String) {
    let out = command(db, args)
        .env("QUARTIER_TODAY", today)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs on `today`, expects success; returns (stdout, stderr).
fn ok_on(db: &Path, today: &str, args: &[&str]) -> (String, String) {
    let (code, out, err) = run_on(db, today, args);
    assert_eq!(code, 0, "{args:?} failed: {err}");
    (out, err)
}

fn measure(db: &Path, title: &str) -> String {
    ok(
        db,
        &[
            "measure",
            "add",
            "--title",
            title,
            "--goal",
            "1.1",
            "--fund",
            "Projektfonds",
        ],
    )
    .trim()
    .to_string()
}

#[test]
fn a_session_and_a_zustimmung_propose_bewilligt_and_the_amount() {
    let db = db();
    let db = &db.path;
    let m = measure(db, "Kiezküche");
    let session = ok(
        db,
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
    );
    assert_eq!(session.trim(), "S-0001");
    let (id, hints) = ok_on(
        db,
        "2026-03-13",
        &[
            "decision",
            "add",
            "--session",
            "S-0001",
            "--measure",
            &m,
            "--outcome",
            "Zustimmung",
            "--yes",
            "9",
            "--no",
            "1",
            "--abstain",
            "2",
            "--amount",
            "45.000",
        ],
    );
    assert_eq!(id.trim(), "B-0001");
    assert!(
        hints.contains("quartier measure status M-0001 bewilligt --date 12.03.2026"),
        "{hints}"
    );
    assert!(
        hints.contains(
            "bewilligt 45.000,00 (bisher –) – quartier measure edit M-0001 --approved 45.000,00"
        ),
        "{hints}"
    );
    // A Vertagung proposes nothing.
    let (_, quiet) = ok_on(
        db,
        "2026-03-13",
        &[
            "decision",
            "add",
            "--session",
            "1",
            "--measure",
            &m,
            "--outcome",
            "vertagung",
        ],
    );
    assert_eq!(quiet, "");

    let sessions = json(&ok(db, &["session", "list", "--json"]));
    assert_eq!(sessions[0]["body"], "Quartiersrat");
    assert_eq!(sessions[0]["date"], "2026-03-12");
    assert_eq!(sessions[0]["decisions"], 2);
    let decisions = json(&ok(db, &["decision", "list", "--measure", &m, "--json"]));
    assert_eq!(decisions.as_array().unwrap().len(), 2);
    assert_eq!(decisions[0]["outcome"], "Zustimmung");
    assert_eq!(decisions[0]["votes"]["yes"], 9);
    assert_eq!(decisions[0]["amount_cents"], 4_500_000);
    assert_eq!(decisions[0]["body"], "Quartiersrat");
    let table = ok(db, &["decision", "list", "--session", "S-0001"]);
    assert!(table.contains("12.03.2026 Quartiersrat"), "{table}");
    assert!(table.contains("9/1/2"), "{table}");
    assert!(table.contains("45.000,00 €"), "{table}");

    // A session with decisions stays; without, it goes.
    let refused = fails(db, &["session", "remove", "S-0001"], 1);
    assert!(
        refused.contains("Sitzung S-0001 hat noch 2 Beschlüsse"),
        "{refused}"
    );
    ok(db, &["decision", "remove", "B-0001"]);
    ok(db, &["decision", "remove", "2"]);
    ok(db, &["session", "remove", "S-0001"]);
    assert_eq!(ok(db, &["session", "list"]).trim(), "Keine Sitzungen.");
    let bad = fails(db, &["decision", "remove", "X-1"], 1);
    assert!(
        bad.contains("„X-1“ ist keine Nummer (z. B. B-0001)"),
        "{bad}"
    );
}

#[test]
fn a_status_step_is_recorded_with_date_and_note_and_a_skip_is_warned() {
    let db = db();
    let db = &db.path;
    let m = measure(db, "Kiezküche");
    let (out, warned) = ok_on(
        db,
        "2026-04-02",
        &[
            "measure",
            "status",
            &m,
            "abgeschlossen",
            "--note",
            "Bescheid vom 01.04.",
        ],
    );
    assert_eq!(out.trim(), "M-0001: idee → abgeschlossen (02.04.2026).");
    assert!(
        warned.contains("abgeschlossen ohne Bewilligung"),
        "{warned}"
    );
    let (_, quiet) = ok_on(
        db,
        "2026-04-02",
        &[
            "measure",
            "status",
            &m,
            "abgebrochen",
            "--date",
            "03.04.2026",
        ],
    );
    // Against the usual course (nothing follows abgeschlossen) is said, too.
    assert!(quiet.contains("entgegen dem üblichen Verlauf"), "{quiet}");
    let (_, usual) = ok_on(
        db,
        "2026-04-02",
        &["measure", "edit", &m, "--status", "idee"],
    );
    assert!(usual.contains("abgebrochen → idee"), "{usual}");
    let shown = json(&ok(db, &["measure", "show", &m, "--json"]));
    assert_eq!(shown["status"], "idee");
    // The history names each step; undo takes the edit (and its step) back.
    let log = ok(db, &["log", "--measure", &m]);
    assert!(
        log.contains("auf abgeschlossen (02.04.2026) gesetzt"),
        "{log}"
    );
    ok(db, &["undo"]);
    let shown = json(&ok(db, &["measure", "show", &m, "--json"]));
    assert_eq!(shown["status"], "abgebrochen");
    let second = measure(db, "Lesepaten");
    let (_, none) = ok_on(db, "2026-04-02", &["measure", "status", &second, "skizze"]);
    assert_eq!(none, "");
    let unknown = fails(db, &["measure", "status", &m, "fertig"], 1);
    assert!(unknown.contains("„fertig“ ist kein Status"), "{unknown}");
    let same = fails(db, &["measure", "status", &m, "abgebrochen"], 1);
    assert!(
        same.contains("der Status ist schon „abgebrochen“"),
        "{same}"
    );
}

#[test]
fn due_exits_1_with_an_overdue_deadline_and_0_without() {
    let db = db();
    let db = &db.path;
    let m = measure(db, "Kiezküche");
    assert_eq!(run_on(db, "2026-06-01", &["due"]).0, 0);
    let id = ok(
        db,
        &[
            "deadline",
            "add",
            "--kind",
            "Sachbericht",
            "--due",
            "31.05.2026",
            "--measure",
            &m,
        ],
    );
    assert_eq!(id.trim(), "F-0001");
    ok(
        db,
        &[
            "deadline",
            "add",
            "--kind",
            "antragsfrist",
            "--due",
            "15.06.2026",
            "--note",
            "Projektfonds 2027",
        ],
    );
    ok(
        db,
        &[
            "deadline",
            "add",
            "--kind",
            "sonstige",
            "--due",
            "01.09.2026",
        ],
    );

    // Before the first is due: nothing overdue, two within 30 days (today counts).
    let (code, out, _) = run_on(db, "2026-05-31", &["due", "--json"]);
    assert_eq!(code, 0);
    let due = json(&out);
    assert_eq!(due["overdue"].as_array().unwrap().len(), 0);
    let upcoming: Vec<&str> = (due["upcoming"].as_array().unwrap().iter())
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(upcoming, ["F-0001", "F-0002"]);
    assert_eq!(due["upcoming"][0]["days"], 0);

    // A day later the Sachbericht is overdue: exit 1, for cron.
    let (code, out, _) = run_on(db, "2026-06-01", &["due", "--within", "7"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("Überfällig:"), "{out}");
    assert!(out.contains("1 Tag überfällig"), "{out}");
    assert!(!out.contains("Fällig in den nächsten 7 Tagen:"), "{out}");
    let (_, wide, _) = run_on(db, "2026-06-01", &["due", "--within", "14"]);
    assert!(wide.contains("in 14 Tagen"), "{wide}");

    // Done: nothing overdue any more.
    let (done, _) = ok_on(db, "2026-06-02", &["deadline", "done", "F-0001"]);
    assert_eq!(done.trim(), "Frist F-0001 erledigt am 02.06.2026.");
    let (code, out, _) = run_on(db, "2026-06-02", &["due"]);
    assert_eq!(code, 0, "{out}");
    let open = json(&ok(db, &["deadline", "list", "--json"]));
    assert_eq!(open.as_array().unwrap().len(), 2);
    let all = json(&ok(
        db,
        &["deadline", "list", "--all", "--measure", &m, "--json"],
    ));
    assert_eq!(all[0]["done"], "2026-06-02");
    ok(db, &["deadline", "remove", "F-0003"]);
    let (_, list, _) = run_on(db, "2026-06-02", &["deadline", "list"]);
    assert!(
        list.contains("F-0002") && !list.contains("F-0003"),
        "{list}"
    );
    let bad = fails(
        db,
        &[
            "deadline",
            "add",
            "--kind",
            "Bericht",
            "--due",
            "01.01.2027",
        ],
        1,
    );
    assert!(bad.contains("unbekannte Fristart „Bericht“"), "{bad}");
    // Deleting the measure takes its deadline along.
    ok(db, &["measure", "delete", &m]);
    let all = json(&ok(db, &["deadline", "list", "--all", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 1);
}

#[test]
fn an_end_date_proposes_the_verwendungsnachweis_six_months_later() {
    let db = db();
    let db = &db.path;
    let (id, hint) = ok_on(
        db,
        "2026-01-10",
        &[
            "measure",
            "add",
            "--title",
            "Kiezküche",
            "--goal",
            "1.1",
            "--end",
            "31.12.2026",
        ],
    );
    let id = id.trim();
    assert!(
        hint.contains(&format!(
            "Verwendungsnachweis fällig am 30.06.2027 – quartier deadline add --kind Verwendungsnachweis --due 30.06.2027 --measure {id}"
        )),
        "{hint}"
    );
    // An edit that keeps the end date proposes nothing; once the deadline exists, neither does
    // a new end date.
    let (_, quiet) = ok_on(
        db,
        "2026-01-10",
        &["measure", "edit", id, "--title", "Kiezküche 2"],
    );
    assert_eq!(quiet, "");
    ok(
        db,
        &[
            "deadline",
            "add",
            "--kind",
            "Verwendungsnachweis",
            "--due",
            "30.06.2027",
            "--measure",
            id,
        ],
    );
    let (_, quiet) = ok_on(
        db,
        "2026-01-10",
        &["measure", "edit", id, "--end", "31.01.2027"],
    );
    assert!(!quiet.contains("Verwendungsnachweis"), "{quiet}");
}

#[test]
fn decisions_and_due_work_through_the_server() {
    let db = db();
    let db = &db.path;
    let server = |args: &[&str]| {
        let out = command(db, args)
            .env_remove("QUARTIER_NO_SERVER")
            .env("QUARTIER_TODAY", "2026-04-01")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (_, m, _) = server(&["measure", "add", "--title", "Kiezküche", "--goal", "1.1"]);
    let m = m.trim().to_string();
    let (code, s, err) = server(&["session", "add", "--body", "jury", "--date", "20.03.2026"]);
    assert_eq!((code, s.trim()), (0, "S-0001"), "{err}");
    let (code, _, hints) = server(&[
        "decision",
        "add",
        "--session",
        "S-0001",
        "--measure",
        &m,
        "--outcome",
        "Zustimmung mit Auflagen",
    ]);
    assert_eq!(code, 0, "{hints}");
    assert!(
        hints.contains("measure status M-0001 bewilligt --date 20.03.2026"),
        "{hints}"
    );
    let (code, _, _) = server(&["measure", "status", &m, "beantragt", "--date", "01.03.2026"]);
    assert_eq!(code, 0);
    let (code, _, _) = server(&["measure", "status", &m, "bewilligt", "--date", "20.03.2026"]);
    assert_eq!(code, 0);
    let (code, _, _) = server(&["measure", "edit", &m, "--fund", "Aktionsfonds"]);
    assert_eq!(code, 0);
    let (_, list, _) = server(&["decision", "list", "--json"]);
    assert_eq!(json(&list)[0]["body"], "Aktionsfonds-Jury");
    let (_, _, _) = server(&[
        "deadline",
        "add",
        "--kind",
        "Sachbericht",
        "--due",
        "31.03.2026",
        "--measure",
        &m,
    ]);
    let (code, out, _) = server(&["due"]);
    assert_eq!(code, 1, "{out}");
    // Issue 15 reports: the report reads every step through the server (protocol 6).
    let (code, out, err) = server(&["report", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let report = json(&out);
    assert_eq!(report["approval_days"][0]["fund"], "Aktionsfonds");
    assert_eq!(report["approval_days"][0]["median_days"], 19.0);
    assert_eq!(report["aktionsfonds_actions"][0]["jury_date"], "2026-03-20");
    assert_eq!(report["deadlines_overdue"][0]["id"], "F-0001");
    let (code, out, err) = server(&["session", "report", "S-0001"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("| Zustimmung mit Auflagen |"), "{out}");
    // The JSON export through the server carries the records of issue 15, every step too
    // (asked at once), as the database itself gives them.
    let (code, served, err) = server(&["export", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let served = json(&served);
    assert_eq!(served["steps"][0]["to"], "beantragt", "{served}");
    assert_eq!(served["steps"][1]["to"], "bewilligt", "{served}");
    assert_eq!(served["decisions"][0]["session"], 1);
    assert_eq!(served["deadlines"][0]["kind"], "Sachbericht");
    let (code, _, _) = server(&["server", "stop"]);
    assert_eq!(code, 0);
    let mut local = json(&ok(db, &["export", "--format", "json"]));
    let mut served = served;
    for document in [&mut local, &mut served] {
        document.as_object_mut().unwrap().remove("exported_at");
    }
    assert_eq!(served, local);
}

#[test]
fn the_config_files_proof_months_sets_the_proposed_deadline() {
    let db = db();
    let config = db._dir.path().join("config.toml");
    std::fs::write(&config, "proof_months = 3\n").unwrap();
    let out = command(
        &db.path,
        &[
            "measure",
            "add",
            "--title",
            "Kiezküche",
            "--goal",
            "1.1",
            "--end",
            "31.12.2026",
        ],
    )
    .env("QUARTIER_TODAY", "2026-01-10")
    .env("QUARTIER_CONFIG", &config)
    .output()
    .unwrap();
    assert!(out.status.success());
    let hint = String::from_utf8(out.stderr).unwrap();
    assert!(
        hint.contains("Verwendungsnachweis fällig am 31.03.2027"),
        "three months after the end: {hint}"
    );
}

/// Issue 15 reports: sessions are deadlines of their own in `due` — an upcoming session is
/// listed with kind Sitzung, a session of the last days as past, and neither makes `due`
/// exit 1 (only an overdue deadline does).
#[test]
fn due_lists_sessions_and_a_past_session_is_not_overdue() {
    let db = db();
    let db = &db.path;
    for (body, date, note) in [
        ("Quartiersrat", "10.06.2026", "Raum 2"),
        ("Jury", "25.05.2026", ""),
        ("Steuerungsrunde", "01.03.2026", ""),
        ("Quartiersrat", "10.09.2026", ""),
    ] {
        ok(
            db,
            &[
                "session", "add", "--body", body, "--date", date, "--note", note,
            ],
        );
    }
    let (code, out, _) = run_on(db, "2026-06-01", &["due", "--json"]);
    assert_eq!(code, 0, "a past session is not overdue: {out}");
    let due = json(&out);
    let upcoming = &due["upcoming"][0];
    assert_eq!(upcoming["id"], "S-0001");
    assert_eq!(upcoming["kind"], "Sitzung");
    assert_eq!(upcoming["body"], "Quartiersrat");
    assert_eq!(upcoming["note"], "Raum 2");
    assert_eq!(upcoming["days"], 9);
    assert_eq!(upcoming["overdue"], false);
    assert_eq!(due["upcoming"].as_array().unwrap().len(), 1);
    assert_eq!(due["past_sessions"][0]["id"], "S-0002");
    assert_eq!(due["past_sessions"][0]["days"], -7);
    assert_eq!(due["past_sessions"].as_array().unwrap().len(), 1);
    assert_eq!(due["overdue"].as_array().unwrap().len(), 0);

    let (code, out, _) = run_on(db, "2026-06-01", &["due"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Fällig in den nächsten 30 Tagen:"), "{out}");
    assert!(out.contains("S-0001"), "{out}");
    assert!(out.contains("Sitzung"), "{out}");
    assert!(out.contains("Quartiersrat · Raum 2"), "{out}");
    assert!(out.contains("Sitzungen der letzten 30 Tage:"), "{out}");
    assert!(out.contains("vor 7 Tagen"), "{out}");
    assert!(!out.contains("S-0003") && !out.contains("S-0004"), "{out}");

    // With an overdue deadline: exit 1, the sessions still listed.
    ok(
        db,
        &[
            "deadline",
            "add",
            "--kind",
            "Antragsfrist",
            "--due",
            "31.05.2026",
        ],
    );
    let (code, out, _) = run_on(db, "2026-06-01", &["--lang", "en", "due"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("Overdue:"), "{out}");
    assert!(out.contains("Sessions of the last 30 days:"), "{out}");
    assert!(out.contains("7 days ago"), "{out}");
}
