//! Undo in the TUI next to a colleague, through a real server: `u` reverts the user's own
//! change, and before overwriting a colleague's later change of the same measure it asks; `n`
//! keeps the colleague's change, `j` undoes over it.
//!
//! Layout at 80x24: the goal tree in columns 0..30, the measure table in rows 0..9 of columns
//! 30..80, the status bar in row 23.

mod pty;

use std::ops::Range;
use std::path::Path;

use pty::{Key, StopServer, Tui, cli_served, ok_served, wait_in_pane};

const TABLE: (Range<u16>, Range<u16>) = (0..9, 30..80);
const STATUS: (Range<u16>, Range<u16>) = (23..24, 0..80);
const TREE: (Range<u16>, Range<u16>) = (0..23, 0..30);

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    cli_served(db, args)
}

#[test]
fn u_asks_before_overwriting_a_colleagues_later_change_and_undoes_only_on_yes() {
    let db = pty::Db::new();
    let _stop = StopServer(&db.path);
    let add = ["measure", "add", "--title", "Alter Titel", "--goal", "1.3"];
    ok_served(&db.path, &add);
    let mut anna = Tui::start_served(&db.path, &["--as", "anna"]);
    wait_in_pane(&mut anna, &STATUS, "ZIELE");
    anna.send("l");
    wait_in_pane(&mut anna, &TREE, "1.1 ");
    anna.send("ljj");
    wait_in_pane(&mut anna, &TABLE, "Alter Titel");

    // Anna's change, then Ben's change of the same measure from the command line.
    anna.send_keys(&[Key::Tab]);
    wait_in_pane(&mut anna, &STATUS, "MASSNAHMEN");
    anna.send("e");
    anna.wait_for("bearbeiten");
    anna.send_keys(&[Key::Ctrl('u'), Key::Text("Annas Titel"), Key::Ctrl('s')]);
    wait_in_pane(&mut anna, &STATUS, "gespeichert");
    let ben = [
        "--as",
        "ben",
        "measure",
        "edit",
        "1",
        "--title",
        "Bens Titel",
    ];
    ok_served(&db.path, &ben);
    wait_in_pane(&mut anna, &TABLE, "Bens Titel");

    anna.send("u");
    anna.wait_for("hat M-0001 danach");
    anna.wait_for("rückgängig machen?");
    assert!(anna.screen().contains("ben (über "), "{}", anna.screen());
    anna.send("n");
    anna.wait_gone("rückgängig machen?");
    let shown = ok_served(&db.path, &["measure", "show", "M-0001"]);
    assert!(
        shown.contains("Bens Titel"),
        "no keeps Ben's change: {shown}"
    );

    anna.send("u");
    anna.wait_for("rückgängig machen?");
    anna.send("j");
    wait_in_pane(&mut anna, &TABLE, "Alter Titel");
    wait_in_pane(&mut anna, &STATUS, "rückgängig gemacht");

    // Ben's own undo now meets Anna's later change and asks him in turn.
    let refused = run(&db.path, &["--as", "ben", "undo"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("anna (über "), "{stderr}");
    anna.send("q");
    assert!(anna.wait_exit(std::time::Duration::from_secs(5)).is_some());
}
