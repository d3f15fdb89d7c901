//! `✎ anna`: a measure that a colleague has open in a form is marked in every other TUI's
//! table, without a key press there; the mark goes when the form closes and when the
//! colleague's TUI goes away (even killed with -9). Real TUI processes in pseudo-terminals,
//! clients of one real server.
//!
//! Layout at 80x24: the goal tree in columns 0..30, the measure table in rows 0..9 of columns
//! 30..80, the status bar in row 23.

mod pty;

use std::ops::Range;
use std::path::Path;

use pty::{Db, Key, Tui, cli_served};

const TABLE: (Range<u16>, Range<u16>) = (0..9, 30..80);
const STATUS: (Range<u16>, Range<u16>) = (23..24, 0..80);
const TREE: (Range<u16>, Range<u16>) = (0..23, 0..30);

fn wait_in(tui: &mut Tui, pane: &(Range<u16>, Range<u16>), text: &str) {
    tui.wait_in(pane.0.clone(), pane.1.clone(), text);
}

/// Stops the database's server at the end of a test, also when it fails.
struct StopServer<'a>(&'a Path);
impl Drop for StopServer<'_> {
    fn drop(&mut self) {
        let _ = cli_served(self.0, &["server", "stop"]);
    }
}

fn start_as(db: &Db, name: &str) -> Tui {
    let mut tui = Tui::start_served(&db.path, &["--as", name]);
    wait_in(&mut tui, &STATUS, "ZIELE");
    tui
}

/// From the start screen (Z1 selected): expands Z1 and selects 1.3.
fn select_1_3(tui: &mut Tui) {
    tui.send("l");
    wait_in(tui, &TREE, "1.1 ");
    tui.send("ljj");
    wait_in(tui, &TABLE, "Maßnahmen · 1.3");
}

/// The table row (columns 30..80) that shows `title`, if any.
fn table_row(tui: &Tui, title: &str) -> Option<String> {
    (TABLE.0.clone())
        .map(|row| tui.region(row..row + 1, TABLE.1.clone()))
        .find(|text| text.contains(title))
}

/// Waits until the row of `title` in the table shows `mark` (or, with `shown` false, until no
/// row shows `✎`).
fn wait_mark(tui: &mut Tui, title: &str, mark: &str, shown: bool) {
    let what = format!("{title} marked {mark:?}: {shown}");
    tui.wait_until(&what, |tui| {
        let row = table_row(tui, title).unwrap_or_default();
        if shown {
            row.contains(mark)
        } else {
            !row.is_empty() && !tui.region(TABLE.0.clone(), TABLE.1.clone()).contains('✎')
        }
    });
}

#[test]
fn a_measure_open_in_a_colleagues_form_is_marked_with_the_name_until_the_form_closes() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    let out = cli_served(
        &db.path,
        &["measure", "add", "--title", "Alter Titel", "--goal", "1.3"],
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "M-0001");
    let mut anna = start_as(&db, "anna");
    let mut ben = start_as(&db, "ben");
    wait_in(&mut ben, &STATUS, "auch hier: anna");
    select_1_3(&mut anna);
    select_1_3(&mut ben);
    wait_in(&mut ben, &TABLE, "Alter Titel");
    assert!(!ben.screen().contains('✎'));

    // Anna opens M-0001's form: Ben's table marks it, without a key press by Ben.
    anna.send_keys(&[Key::Tab]);
    wait_in(&mut anna, &STATUS, "MASSNAHMEN");
    anna.send("e");
    anna.wait_for("Maßnahme M-0001 bearbeiten");
    wait_mark(&mut ben, "Alter Titel", "✎ anna", true);
    // Anna's own table never marks her own form.
    assert!(!anna.screen().contains('✎'), "{}", anna.screen());
    // `server status` says what she has open.
    let status = cli_served(&db.path, &["server", "status"]);
    let status = String::from_utf8_lossy(&status.stdout).into_owned();
    let line = status.lines().find(|l| l.contains("anna (")).unwrap_or("");
    assert!(line.contains("TUI  ✎ M-0001"), "{status}");

    // She leaves the form: the mark goes.
    anna.send_keys(&[Key::Esc]);
    anna.wait_gone("Maßnahme M-0001 bearbeiten");
    wait_mark(&mut ben, "Alter Titel", "", false);

    // Open again, then her TUI is killed: the server forgets her form with her.
    anna.send("e");
    anna.wait_for("Maßnahme M-0001 bearbeiten");
    wait_mark(&mut ben, "Alter Titel", "✎ anna", true);
    anna.kill("KILL");
    wait_mark(&mut ben, "Alter Titel", "", false);
    ben.wait_not_in(STATUS.0.clone(), STATUS.1.clone(), "auch hier");
    ben.send("q");
    assert!(
        ben.wait_exit(std::time::Duration::from_secs(5)).is_some(),
        "quartier did not end"
    );
}

/// What `server status` says client `pid` has open in a form.
fn editing_of(
    status: &quartier::net::protocol::ServerStatus,
    pid: u32,
) -> Option<quartier::store::Editing> {
    status
        .clients
        .iter()
        .find(|c| c.pid == pid)
        .and_then(|c| c.editing)
}

#[test]
fn the_open_form_is_told_again_to_a_new_server_after_a_kill_and_forgotten_when_closed() {
    use quartier::model::MeasureId;
    use quartier::net::client::ServerEvent;
    use quartier::net::protocol::Hello;
    use quartier::store::Editing;
    use std::time::{Duration, Instant};
    let db = Db::new();
    let _stop = StopServer(&db.path);
    let program = Path::new(env!("CARGO_BIN_EXE_quartier"));
    let hello = Hello {
        display_name: Some("anna".into()),
        purpose: "TUI".into(),
        lang: "de".into(),
    };
    let client = quartier::net::connect(&db.path, hello, Some(program)).expect("connect");
    let events = client.subscribe();
    let me = std::process::id();
    let open = Some(Editing::Measure(MeasureId(1)));
    client.set_editing(open);
    assert_eq!(editing_of(&client.status().unwrap(), me), open);

    let first = client.welcome().server_pid;
    let killed = std::process::Command::new("kill")
        .args(["-9", &first.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let begun = Instant::now();
    loop {
        assert!(begun.elapsed() < Duration::from_secs(20), "no reconnect");
        if let Ok(ServerEvent::Reconnected) = events.recv_timeout(Duration::from_millis(100)) {
            break;
        }
    }
    assert_ne!(client.welcome().server_pid, first);
    assert_eq!(editing_of(&client.status().unwrap(), me), open);

    client.set_editing(None);
    assert_eq!(editing_of(&client.status().unwrap(), me), None);
}
