//! Issue 16 through a real terminal: a config file that rebinds keys and sets a theme, with
//! `NO_COLOR` still winning; the mouse. See `tests/pty/mod.rs` for the harness.

mod pty;

use std::time::Duration;

use pty::{Db, Tui, contains};

/// A config file in the database's temp dir.
fn config(db: &Db, text: &str) -> String {
    let path = db.path.with_file_name("config.toml");
    std::fs::write(&path, text).expect("write config");
    path.to_string_lossy().into_owned()
}

const REBIND_AND_THEME: &str = "\
[keys.measures]
delete = [\"D\"]
[theme]
focus_border = \"magenta\"
";

/// The measure pane of goal 1.3 with its two measures (the TUI is in the tree at Z1).
fn open_1_3(tui: &mut Tui) {
    tui.send("l");
    tui.wait_for("1.1 ");
    tui.send("ljj\t");
    tui.wait_until("measure pane of 1.3 focused", |t| {
        t.row(23).contains("MASSNAHMEN")
    });
}

fn quit(tui: &mut Tui) {
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).is_some(), "quit");
}

#[test]
fn a_config_rebinds_d_and_sets_a_theme_and_no_color_still_wins() {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "Kiezfest", "--goal", "1.3"]);
    let file = config(&db, REBIND_AND_THEME);

    let mut tui = Tui::start_with_env(&db.path, &["--config", &file], &[("NO_COLOR", "1")]);
    tui.wait_for("ZIELE");
    open_1_3(&mut tui);
    assert!(tui.row(23).contains("D löschen"), "{}", tui.row(23));
    tui.send("d");
    std::thread::sleep(Duration::from_millis(200));
    assert!(!tui.screen().contains("löschen? "), "d does nothing now");
    tui.send("D");
    tui.wait_for("löschen? ");
    tui.send("n");
    tui.wait_gone("löschen? ");
    quit(&mut tui);
    let raw = tui.raw();
    assert!(!contains(&raw, b"38;5;"), "NO_COLOR: no foreground colour");
    assert!(!contains(&raw, b"48;5;"), "NO_COLOR: no background colour");

    // Without NO_COLOR the focused border is magenta (crossterm's colour 5).
    let mut tui = Tui::start(&db.path, &["--config", &file]);
    tui.wait_for("ZIELE");
    open_1_3(&mut tui);
    quit(&mut tui);
    let raw = tui.raw();
    assert!(
        contains(&raw, b"\x1b[1m\x1b[38;5;5;49m\xe2\x94\x8c"),
        "a bold magenta ┌"
    );
}

/// A left click at the 0-based cell (`column`, `row`) as an xterm in SGR mouse mode sends it.
fn click(tui: &mut Tui, column: u16, row: u16) {
    tui.send(&format!("\x1b[<0;{};{}M", column + 1, row + 1));
    tui.send(&format!("\x1b[<0;{};{}m", column + 1, row + 1));
}

#[test]
fn a_click_selects_and_focuses_and_the_config_can_leave_the_mouse_to_the_terminal() {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "Kiezfest", "--goal", "1.3"]);
    db.ok(&["measure", "add", "--title", "Lesepaten", "--goal", "9.1"]);

    let mut tui = Tui::start(&db.path, &[]);
    tui.wait_for("ZIELE");
    // `Alle Maßnahmen`, the tree's first row: the table lists both.
    click(&mut tui, 5, 1);
    tui.wait_until("all measures listed", |t| {
        t.row(0).contains("Maßnahmen · alle (2)")
    });
    // The second row of the table (under its header): selected, and the table has the keyboard.
    let second = tui.row(3);
    let title = if second.contains("Lesepaten") {
        "Lesepaten"
    } else {
        "Kiezfest"
    };
    click(&mut tui, 40, 3);
    tui.wait_until("the table focused", |t| t.row(23).contains("MASSNAHMEN"));
    tui.wait_until("the second measure in the detail pane", |t| {
        t.row(10).contains(title)
    });
    quit(&mut tui);
    assert!(contains(&tui.raw(), b"\x1b[?1000h"), "mouse captured");
    assert!(
        contains(&tui.raw(), b"\x1b[?1000l"),
        "and released at the end"
    );

    // `mouse = false`: the terminal keeps the mouse.
    let file = config(&db, "mouse = false\n");
    let mut tui = Tui::start(&db.path, &["--config", &file]);
    tui.wait_for("ZIELE");
    quit(&mut tui);
    assert!(!contains(&tui.raw(), b"\x1b[?1000h"), "no mouse capture");
}

#[test]
fn an_export_is_announced_in_the_status_bar_before_it_runs() {
    let db = Db::new();
    db.ok(&["demo-data", "--measures", "300"]);
    let mut tui = Tui::start(&db.path, &[]);
    tui.wait_for("ZIELE");
    tui.send("x");
    tui.wait_for("quartier-");
    tui.send("\r");
    tui.wait_until("export written", |t| t.row(23).contains("Geschrieben:"));
    quit(&mut tui);
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    let announced = raw.find("Exportiere").expect("announced");
    let done = raw.find("Geschrieben").expect("done");
    assert!(announced < done, "announced before it ran");
}

#[test]
fn keys_keep_working_while_a_large_xlsx_export_is_made() {
    let db = Db::new();
    db.ok(&["demo-data", "--measures", "10000"]);
    let mut tui = Tui::start(&db.path, &[]);
    tui.wait_for("ZIELE");
    tui.send("x");
    tui.wait_for("quartier-");
    // JSON, CSV, XLSX.
    tui.send("\x1b[B\x1b[B");
    tui.wait_for(".xlsx");
    tui.send("\r");
    tui.wait_until("the export running", |t| t.row(23).contains("Export läuft"));
    // The help opens while the file is still being made.
    tui.send("?");
    tui.wait_for("Tastenkürzel");
    assert!(
        !contains(&tui.raw(), "Geschrieben".as_bytes()),
        "the help is drawn before the export is done"
    );
    tui.wait_until("the export written", |t| {
        contains(&t.raw(), "Geschrieben".as_bytes())
    });
    tui.send("\x1b");
    tui.wait_gone("Tastenkürzel");
    quit(&mut tui);
    let dir = db.path.parent().unwrap();
    let exported = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with(".xlsx"));
    assert!(exported, "the XLSX file is there");
}
