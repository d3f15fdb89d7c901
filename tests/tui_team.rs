//! The office on one database: real TUI processes in pseudo-terminals, all clients of one real
//! server process, and the command line next to them. A change made anywhere appears
//! everywhere without a key press; a killed server comes back without losing the open form; a
//! killed client disturbs nobody.
//!
//! Layout at 80x24: the goal tree in columns 0..30, the measure table in rows 0..9 and the
//! detail pane in rows 9..23 of columns 30..80, the status bar in row 23.

mod pty;

use std::ops::Range;
use std::path::Path;

use pty::{Db, Key, StopServer, Tui, ok_served, wait_in_pane};

const TABLE: (Range<u16>, Range<u16>) = (0..9, 30..80);
const STATUS: (Range<u16>, Range<u16>) = (23..24, 0..80);
const TREE: (Range<u16>, Range<u16>) = (0..23, 0..30);

fn server_pid(db: &Path) -> u32 {
    let status: serde_json::Value =
        serde_json::from_str(&ok_served(db, &["server", "status", "--json"])).unwrap();
    status["pid"].as_u64().unwrap() as u32
}

/// The measure every test starts from: M-0001 „Alter Titel“ under 1.3.
fn add_alter_titel(db: &Db) {
    ok_served(
        &db.path,
        &["measure", "add", "--title", "Alter Titel", "--goal", "1.3"],
    );
}

fn kill_9(pid: u32) {
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success(), "kill -9 {pid}");
}

fn start(db: &Db) -> Tui {
    start_as(db, &[])
}

fn start_as(db: &Db, args: &[&str]) -> Tui {
    let mut tui = Tui::start_served(&db.path, args);
    wait_in_pane(&mut tui, &STATUS, "ZIELE");
    tui
}

/// From the start screen (Z1 selected): expands Z1 and selects 1.3.
fn select_1_3(tui: &mut Tui) {
    tui.send("l");
    wait_in_pane(tui, &TREE, "1.1 ");
    tui.send("ljj");
    wait_in_pane(tui, &TABLE, "Maßnahmen · 1.3");
}

fn edit_title(tui: &mut Tui, title: &str) {
    tui.send_keys(&[Key::Tab]);
    wait_in_pane(tui, &STATUS, "MASSNAHMEN");
    tui.send("e");
    tui.wait_for("bearbeiten");
    tui.send_keys(&[Key::Ctrl('u'), Key::Text(title)]);
    tui.wait_for(title);
}

fn quit(tui: &mut Tui) {
    tui.send("q");
    assert!(
        tui.wait_exit(std::time::Duration::from_secs(5)).is_some(),
        "quartier did not end"
    );
}

#[test]
fn a_change_made_anywhere_appears_in_every_tui_without_a_key_press() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    add_alter_titel(&db);
    let mut anna = start_as(&db, &["--as", "anna"]);
    let mut ben = start_as(&db, &["--as", "ben"]);
    // Each sees who else has the database open.
    wait_in_pane(&mut anna, &STATUS, "auch hier: ben");
    wait_in_pane(&mut ben, &STATUS, "auch hier: anna");
    select_1_3(&mut anna);
    select_1_3(&mut ben);
    wait_in_pane(&mut ben, &TABLE, "Alter Titel");

    ok_served(
        &db.path,
        &["measure", "add", "--title", "Vom Terminal", "--goal", "1.3"],
    );
    wait_in_pane(&mut anna, &TABLE, "Vom Terminal");
    wait_in_pane(&mut ben, &TABLE, "Vom Terminal");

    edit_title(&mut anna, "Neuer Titel");
    anna.send_keys(&[Key::Ctrl('s')]);
    wait_in_pane(&mut anna, &STATUS, "gespeichert");
    wait_in_pane(&mut ben, &TABLE, "Neuer Titel");
    assert!(
        !ben.region(TABLE.0.clone(), TABLE.1.clone())
            .contains("Alter Titel")
    );

    let status = ok_served(&db.path, &["server", "status"]);
    assert!(
        status.contains("Verbunden: 3"),
        "two TUIs and this command: {status}"
    );
    quit(&mut ben);
    anna.wait_not_in(STATUS.0.clone(), STATUS.1.clone(), "auch hier");
    quit(&mut anna);
}

#[test]
fn a_killed_server_comes_back_and_the_open_form_with_its_typing_is_kept() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    add_alter_titel(&db);
    let mut anna = start(&db);
    select_1_3(&mut anna);
    edit_title(&mut anna, "Getippt vor dem Absturz");
    let first = server_pid(&db.path);
    kill_9(first);
    wait_in_pane(&mut anna, &STATUS, "Wieder mit dem Server verbunden");
    assert!(
        anna.screen().contains("Getippt vor dem Absturz"),
        "{}",
        anna.screen()
    );
    assert_ne!(server_pid(&db.path), first, "a new server runs");
    anna.send_keys(&[Key::Ctrl('s')]);
    wait_in_pane(&mut anna, &STATUS, "gespeichert");
    let shown = ok_served(&db.path, &["measure", "show", "M-0001"]);
    assert!(shown.contains("Getippt vor dem Absturz"), "{shown}");
    quit(&mut anna);
}

#[test]
fn a_killed_client_disturbs_nobody() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    add_alter_titel(&db);
    let mut anna = start(&db);
    let ben = start(&db);
    kill_9(ben.pid());
    select_1_3(&mut anna);
    edit_title(&mut anna, "Nach Bens Absturz");
    anna.send_keys(&[Key::Ctrl('s')]);
    wait_in_pane(&mut anna, &STATUS, "gespeichert");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let status = ok_served(&db.path, &["server", "status"]);
        if status.contains("Verbunden: 2") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{status}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    quit(&mut anna);
}
