//! Issue 15's PTY check of decisions and deadlines: in the real binary at 80x24, through the
//! shared server — a decision recorded with `b` in a session added in the same form, its
//! proposal taken (bewilligt, 45.000 €), shown in the detail pane and in *Sitzungen* (`B`); a
//! status set with `S`; *Termine* (`T`) with the overdue deadline first, `Enter` jumping to its
//! measure under another goal, `x` marking it done (the status bar's count goes); after a
//! restart it is all still there.
//!
//! Layout at 80x24: the goal tree in columns 0..30, the measure table in rows 0..9 of columns
//! 30..80, the detail pane below it, the status bar in row 23.

mod pty;

use std::ops::Range;
use std::time::Duration;

use pty::{Db, Key, StopServer, Tui, ok_served, wait_in_pane};

const TABLE: (Range<u16>, Range<u16>) = (0..9, 30..80);
const DETAIL: (Range<u16>, Range<u16>) = (9..23, 30..80);
const STATUS: (Range<u16>, Range<u16>) = (23..24, 0..80);
const TREE: (Range<u16>, Range<u16>) = (0..23, 0..30);

/// Starts the TUI and selects Kiezküche under 1.3 in the measure pane.
fn start_at_kiezkueche(db: &Db) -> Tui {
    let mut tui = Tui::start_served(&db.path, &["--as", "anna"]);
    wait_in_pane(&mut tui, &STATUS, "ZIELE");
    tui.send("l");
    wait_in_pane(&mut tui, &TREE, "1.1 ");
    tui.send("ljj");
    wait_in_pane(&mut tui, &TABLE, "Kiezküche");
    tui.send_keys(&[Key::Tab]);
    wait_in_pane(&mut tui, &STATUS, "MASSNAHMEN");
    tui
}

fn add_measure(db: &Db, title: &str, goal: &str) {
    let add = [
        "measure",
        "add",
        "--title",
        title,
        "--goal",
        goal,
        "--fund",
        "Projektfonds",
        "--requested",
        "45.000",
        "--status",
        "beantragt",
    ];
    ok_served(&db.path, &add);
}

/// *Sitzungen* lists the Quartiersrat of 12.03.2026 below the coming Steuerungsrunde; `j`
/// selects it and shows its decision on Kiezküche.
fn check_sessions(tui: &mut Tui) {
    tui.send("B");
    wait_in_pane(tui, &STATUS, "SITZUNGEN");
    tui.wait_for("Keine Beschlüsse in dieser Sitzung.");
    tui.send("j");
    tui.wait_until("the session with its decision", |tui| {
        let screen = tui.screen();
        let session = screen.lines().any(|line| {
            line.contains("12.03.2026") && line.contains("Quartiersrat") && line.contains("45.000")
        });
        let decision = screen.lines().any(|line| {
            line.contains("M-0001") && line.contains("Kiezküche") && line.contains("9/1/2")
        });
        session && decision
    });
    tui.send_keys(&[Key::Esc]);
    wait_in_pane(tui, &STATUS, "MASSNAHMEN");
}

#[test]
fn a_decision_with_b_a_status_with_s_and_termine_survive_a_restart() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    add_measure(&db, "Kiezküche", "1.3");
    add_measure(&db, "Stadtteilzeitung", "2.1");
    let overdue = [
        "deadline",
        "add",
        "--kind",
        "Verwendungsnachweis",
        "--due",
        "01.01.2020",
        "--measure",
        "M-0002",
    ];
    ok_served(&db.path, &overdue);
    let coming = [
        "deadline",
        "add",
        "--kind",
        "Sachbericht",
        "--due",
        "01.01.2099",
        "--measure",
        "M-0001",
    ];
    ok_served(&db.path, &coming);
    let session = [
        "session",
        "add",
        "--body",
        "Steuerungsrunde",
        "--date",
        "01.02.2099",
    ];
    ok_served(&db.path, &session);

    let mut tui = start_at_kiezkueche(&db);
    wait_in_pane(&mut tui, &STATUS, "1 Frist überfällig");
    // `b`: the coming session is offered first; Left chooses a new one, typed in the form.
    tui.send("b");
    tui.wait_for("Beschluss zu M-0001 erfassen");
    tui.wait_for("01.02.2099 Steuerungsrunde");
    tui.send_keys(&[Key::Left]);
    tui.wait_for("neue Sitzung");
    tui.send_keys(&[
        Key::Tab,
        Key::Tab,
        Key::Ctrl('u'),
        Key::Text("12.03.2026"),
        Key::Tab,
        Key::Tab,
        Key::Tab,
        Key::Text("9/1/2"),
        Key::Tab,
        Key::Text("45.000"),
        Key::Ctrl('s'),
    ]);
    tui.wait_for("B-0001 zu M-0001 schlägt vor");
    tui.send("j");
    tui.wait_gone("schlägt vor");
    wait_in_pane(&mut tui, &DETAIL, "12.03.2026 Quartiersrat – Zustimmung");
    wait_in_pane(&mut tui, &DETAIL, "Status: bewilligt");
    check_sessions(&mut tui);
    // `S`: the usual next status, today.
    tui.send("S");
    tui.wait_for("Status von M-0001");
    tui.send_keys(&[Key::Enter]);
    tui.wait_gone("Status von M-0001");
    wait_in_pane(&mut tui, &DETAIL, "Status: laufend");
    // `T`: the overdue deadline first; Enter goes to its measure under 2.1.
    tui.send("T");
    wait_in_pane(&mut tui, &STATUS, "TERMINE");
    tui.wait_until("the overdue deadline first", |tui| {
        let first = tui.row(2);
        first.contains("01.01.2020") && first.contains("M-0002")
    });
    tui.wait_for("01.02.2099");
    tui.send_keys(&[Key::Enter]);
    wait_in_pane(&mut tui, &STATUS, "MASSNAHMEN");
    wait_in_pane(&mut tui, &DETAIL, "Stadtteilzeitung");
    wait_in_pane(&mut tui, &TREE, "2.1");
    tui.send("T");
    wait_in_pane(&mut tui, &STATUS, "TERMINE");
    tui.send("x");
    wait_in_pane(&mut tui, &STATUS, "Frist F-0001 erledigt");
    tui.wait_until("the done deadline gone", |tui| {
        !tui.screen().contains("01.01.2020")
    });
    tui.send_keys(&[Key::Esc]);
    wait_in_pane(&mut tui, &STATUS, "MASSNAHMEN");
    tui.wait_until("no overdue count", |tui| {
        !tui.row(23).contains("überfällig")
    });
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).is_some());

    let listed = ok_served(&db.path, &["deadline", "list", "--all"]);
    assert!(listed.contains("erledigt"), "{listed}");
    let mut tui = start_at_kiezkueche(&db);
    wait_in_pane(&mut tui, &DETAIL, "12.03.2026 Quartiersrat – Zustimmung");
    wait_in_pane(&mut tui, &DETAIL, "Status: laufend");
    wait_in_pane(&mut tui, &DETAIL, "bewilligt → laufend");
    assert!(!tui.row(23).contains("überfällig"), "{}", tui.row(23));
    check_sessions(&mut tui);
    tui.send("T");
    wait_in_pane(&mut tui, &STATUS, "TERMINE");
    tui.wait_for("01.01.2099");
    assert!(!tui.screen().contains("01.01.2020"), "{}", tui.screen());
    tui.send_keys(&[Key::Esc]);
    wait_in_pane(&mut tui, &STATUS, "MASSNAHMEN");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).is_some());
}
