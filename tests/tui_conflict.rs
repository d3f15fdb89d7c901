//! Two real TUIs, clients of one real server, edit the same measure: the second to save gets
//! the `Konflikt` dialog with both titles, can go back to its form with the typing intact, and
//! what it chooses is stored.
//!
//! Layout at 80x24: the goal tree in columns 0..30, the measure table in rows 0..9 of columns
//! 30..80, the status bar in row 23.

mod pty;

use std::ops::Range;
use std::path::Path;

use pty::{Db, Key, StopServer, Tui, ok_served, wait_in_pane};

const TABLE: (Range<u16>, Range<u16>) = (0..9, 30..80);
const STATUS: (Range<u16>, Range<u16>) = (23..24, 0..80);
const TREE: (Range<u16>, Range<u16>) = (0..23, 0..30);

fn start_as(db: &Db, name: &str) -> Tui {
    let mut tui = Tui::start_served(&db.path, &["--as", name]);
    wait_in_pane(&mut tui, &STATUS, "ZIELE");
    tui
}

/// From the start screen: selects 1.3, moves to the table and opens M-0001's form with its
/// title replaced by `title`.
fn open_form_and_type(tui: &mut Tui, title: &str) {
    tui.send("l");
    wait_in_pane(tui, &TREE, "1.1 ");
    tui.send("ljj");
    wait_in_pane(tui, &TABLE, "Maßnahmen · 1.3");
    tui.send_keys(&[Key::Tab]);
    wait_in_pane(tui, &STATUS, "MASSNAHMEN");
    tui.send("e");
    tui.wait_for("bearbeiten");
    tui.send_keys(&[Key::Ctrl('u'), Key::Text(title)]);
    tui.wait_for(title);
}

fn stored_title(db: &Path) -> String {
    let shown = ok_served(db, &["measure", "show", "M-0001", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&shown).unwrap();
    json["title"].as_str().unwrap().to_string()
}

#[test]
fn both_edit_one_title_the_second_saver_chooses_in_the_conflict_dialog() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    ok_served(
        &db.path,
        &["measure", "add", "--title", "Alter Titel", "--goal", "1.3"],
    );
    let mut anna = start_as(&db, "anna");
    let mut ben = start_as(&db, "ben");
    open_form_and_type(&mut anna, "Titel von Anna");
    open_form_and_type(&mut ben, "Titel von Ben");

    anna.send_keys(&[Key::Ctrl('s')]);
    wait_in_pane(&mut anna, &STATUS, "gespeichert");
    assert_eq!(stored_title(&db.path), "Titel von Anna");

    ben.send_keys(&[Key::Ctrl('s')]);
    ben.wait_for("Konflikt: M-0001");
    let screen = ben.screen();
    assert!(screen.contains("meins:       Titel von Ben"), "{screen}");
    assert!(screen.contains("gespeichert: Titel von Anna"), "{screen}");
    wait_in_pane(&mut ben, &STATUS, "KONFLIKT");
    assert_eq!(
        stored_title(&db.path),
        "Titel von Anna",
        "nothing saved yet"
    );

    // Back to the form: the typing is there; saving asks again.
    ben.send_keys(&[Key::Esc]);
    wait_in_pane(&mut ben, &STATUS, "FORMULAR");
    assert!(ben.screen().contains("Titel von Ben"), "{}", ben.screen());
    ben.send_keys(&[Key::Ctrl('s')]);
    ben.wait_for("Konflikt: M-0001");

    // Keep mine: Ben's title is stored and reaches Anna without a key press.
    ben.send_keys(&[Key::Enter]);
    // The dialog gone and the save confirmed: its key hints say "gespeichert" too.
    ben.wait_until("the dialog closed and the save confirmed", |t| {
        let status = t.region(STATUS.0.clone(), STATUS.1.clone());
        status.contains("gespeichert") && !status.contains("KONFLIKT")
    });
    assert_eq!(stored_title(&db.path), "Titel von Ben");
    wait_in_pane(&mut anna, &TABLE, "Titel von Ben");
}
