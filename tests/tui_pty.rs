//! End-to-end tests of the TUI: the real binary in a pseudo-terminal at 80x24, keys typed, the
//! screen read back through a terminal emulator (`vt100`), the raw output checked for the
//! sequences that restore the terminal. See `tests/pty/mod.rs` for the harness.
//!
//! Layout at 80x24 (see `src/ui/mod.rs`): the goal tree in columns 0..30, the measure table in
//! rows 0..9 and the detail pane in rows 9..23 of columns 30..80, the status bar in row 23.

mod pty;

use std::ops::Range;
use std::time::Duration;

use pty::{
    Db, Key, LEAVE_ALTERNATE_SCREEN, PASTE_OFF, PASTE_ON, SHOW_CURSOR, Tui, contains, rfind,
};
use quartier::model::Measure;
use quartier::store::{Store, keys::TreeName};

/// The goal tree.
const TREE: (Range<u16>, Range<u16>) = (0..23, 0..30);
/// The measure table.
const TABLE: (Range<u16>, Range<u16>) = (0..9, 30..80);
/// The detail pane.
const DETAIL: (Range<u16>, Range<u16>) = (9..23, 30..80);
/// The status bar.
const STATUS: (Range<u16>, Range<u16>) = (23..24, 0..80);

/// How long a stopped program may take to go.
const GONE_WITHIN: Duration = Duration::from_secs(1);

fn in_pane(tui: &Tui, pane: &(Range<u16>, Range<u16>)) -> String {
    tui.region(pane.0.clone(), pane.1.clone())
}

fn wait_in(tui: &mut Tui, pane: &(Range<u16>, Range<u16>), text: &str) {
    tui.wait_in(pane.0.clone(), pane.1.clone(), text);
}

fn wait_not_in(tui: &mut Tui, pane: &(Range<u16>, Range<u16>), text: &str) {
    tui.wait_not_in(pane.0.clone(), pane.1.clone(), text);
}

/// Starts the TUI on `db` and waits for the first frame.
fn start(db: &Db) -> Tui {
    let mut tui = Tui::start(&db.path, &[]);
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

/// The terminal was handed back: after the last frame the alternate screen was left and the
/// cursor shown, and nothing but control sequences followed (the emulated terminal agrees).
fn assert_restored(tui: &Tui) {
    let raw = tui.raw();
    let text = String::from_utf8_lossy(&raw);
    let entered = rfind(&raw, b"\x1b[?1049h").expect("alternate screen entered");
    let paste_on = rfind(&raw, PASTE_ON).expect("bracketed paste turned on");
    let paste_off = rfind(&raw, PASTE_OFF).expect("bracketed paste never turned off");
    assert!(paste_off > paste_on, "bracketed paste left on");
    let left = rfind(&raw, LEAVE_ALTERNATE_SCREEN)
        .unwrap_or_else(|| panic!("alternate screen never left: …{}", tail(&text)));
    assert!(
        left > entered,
        "alternate screen entered again: …{}",
        tail(&text)
    );
    let shown = rfind(&raw, SHOW_CURSOR)
        .unwrap_or_else(|| panic!("cursor never shown again: …{}", tail(&text)));
    let hidden = rfind(&raw, b"\x1b[?25l").unwrap_or(0);
    assert!(shown > hidden, "cursor hidden at the end: …{}", tail(&text));
    let drawn_after = strip_csi(&raw[left..]);
    assert!(
        drawn_after.is_empty(),
        "output after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(&raw[left..])
    );
    assert!(
        !tui.alternate_screen(),
        "emulator still on the alternate screen"
    );
    assert!(!tui.cursor_hidden(), "emulator cursor still hidden");
}

/// `bytes` without CSI sequences (`ESC [ params final`).
fn strip_csi(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[") {
            i += 2;
            while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                i += 1;
            }
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn tail(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    format!(
        "{:?}",
        chars[chars.len().saturating_sub(120)..]
            .iter()
            .collect::<String>()
    )
}

/// Exits with `q` and expects status 0 within a second.
fn quit(tui: &mut Tui) {
    tui.send("q");
    let status = tui
        .wait_exit(GONE_WITHIN)
        .expect("quartier still runs after q");
    assert!(status.success(), "exit status after q: {status:?}");
}

#[test]
fn start_screen_shows_the_goal_tree_and_q_restores_the_terminal() {
    let db = Db::new();
    let mut tui = start(&db);
    let tree = in_pane(&tui, &TREE);
    for line in [
        "Z1 Mehr Chancen auf dem",
        "Z2 Mehr Fort- und Weite",
        "Z3 Bessere Qualität de",
        "Z4 Bewohneradäquate (n",
        "Z5 Bewohneradäquate Sta",
        "Z6 Besseres Gesundheits",
        "Z7 Besseres Sicherheits",
        "Z8 Mehr soziale und int",
        "Z9 Mehr Partizipation d",
    ] {
        assert!(
            tree.contains(line),
            "{line:?} missing from the tree:\n{tree}"
        );
    }
    assert!(!tree.contains("1.1 "), "Z1 starts collapsed:\n{tree}");
    assert!(
        tui.row(23).starts_with(" ZIELE "),
        "status bar: {:?}",
        tui.row(23)
    );
    // `Alle Maßnahmen` is the first row; Z1, below it, is selected in the focused tree.
    assert!(
        tree.lines()
            .nth(1)
            .unwrap_or_default()
            .contains("Alle Maßnahmen (0)"),
        "{tree}"
    );
    assert!(tui.is_inverse(2, 4), "Z1 not selected:\n{}", tui.screen());
    quit(&mut tui);
    let raw = tui.raw();
    assert!(
        raw.ends_with(b"\x1b[?1049l\x1b[?25h"),
        "raw output does not end with the restore sequences: …{}",
        tail(&String::from_utf8_lossy(&raw))
    );
    assert_restored(&tui);
}

#[test]
fn navigation_expands_moves_and_shows_the_measures_of_the_selected_goal() {
    let db = Db::new();
    db.ok(&["demo-data", "--measures", "30"]);
    db.ok(&[
        "measure",
        "add",
        "--title",
        "Kiezdetektive",
        "--goal",
        "1.3",
    ]);
    let mut tui = start(&db);
    tui.send("l");
    wait_in(&mut tui, &TREE, "1.6 ");
    let tree = in_pane(&tui, &TREE);
    for code in ["1.1 ", "1.2 ", "1.3 ", "1.4 ", "1.5 ", "1.6 "] {
        assert!(tree.contains(code), "{code} missing:\n{tree}");
    }
    assert!(tree.contains("▾ Z1"), "Z1 not marked expanded:\n{tree}");
    // `l` expanded Z1 but kept it selected.
    assert!(in_pane(&tui, &TABLE).contains("Maßnahmen · Z1"));
    tui.send("j");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.1");
    let row = tui.find_row("1.1 Erhalt").expect("row of 1.1");
    assert!(
        tui.is_inverse(row, 6),
        "1.1 not highlighted:\n{}",
        tui.screen()
    );
    assert!(!tui.is_inverse(1, 4), "Z1 still highlighted");
    tui.send("j");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.2");
    assert!(!in_pane(&tui, &TABLE).contains("Kiezdetektive"));
    tui.send("j");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.3");
    wait_in(&mut tui, &TABLE, "Kiezdetektive");
    tui.send("k");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.2");
    assert!(!in_pane(&tui, &TABLE).contains("Kiezdetektive"));
    quit(&mut tui);
}

#[test]
fn a_second_instance_is_refused_with_one_line_and_exit_2() {
    let db = Db::new();
    let mut tui = start(&db);
    let out = db.run(&[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.contains("wird bereits von einem anderen quartier-Prozess verwendet"),
        "{err:?}"
    );
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
    // The first one still works and its screen is intact.
    assert!(in_pane(&tui, &TREE).contains("Z9 Mehr Partizipation"));
    tui.send("l");
    wait_in(&mut tui, &TREE, "1.1 Erhalt");
    tui.send("j");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.1");
    quit(&mut tui);
    db.ok(&["goals"]);
}

#[test]
fn a_measure_whose_goal_is_deleted_stays_reachable_under_ohne_ziel() {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "Kiezgarten", "--goal", "9.1"]);
    let mut tui = start(&db);
    wait_in(&mut tui, &TREE, "Alle Maßnahmen (1)");
    assert!(!in_pane(&tui, &TREE).contains("Ohne Ziel"));
    tui.send("G");
    wait_in(&mut tui, &TABLE, "Maßnahmen · Z9");
    tui.send("d");
    // The question names the measure that loses its only goal.
    tui.wait_for("(→ Ohne Ziel)");
    tui.send("j");
    wait_in(&mut tui, &STATUS, "gespeichert");
    wait_in(&mut tui, &TREE, "Ohne Ziel (1)");
    tui.send("G");
    wait_in(&mut tui, &TABLE, "Maßnahmen · ohne Ziel (1)");
    wait_in(&mut tui, &TABLE, "Kiezgarten");
    tui.send_keys(&[Key::Tab]);
    wait_in(&mut tui, &STATUS, "MASSNAHMEN");
    tui.send("e");
    wait_in(&mut tui, &STATUS, "FORMULAR");
    tui.send_keys(&[Key::Esc]);
    wait_in(&mut tui, &STATUS, "MASSNAHMEN");
    quit(&mut tui);
    let list = db.ok(&["measure", "list"]);
    assert!(list.contains("Kiezgarten"), "{list}");
}

#[test]
fn delete_undo_redo_in_the_tui_reach_the_database() {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "Bleibt", "--goal", "1.3"]);
    db.ok(&[
        "measure",
        "add",
        "--title",
        "Löschkandidat",
        "--goal",
        "1.3",
    ]);
    let mut tui = start(&db);
    select_1_3(&mut tui);
    wait_in(&mut tui, &TABLE, "Löschkandidat");
    tui.send_keys(&[Key::Tab]);
    wait_in(&mut tui, &STATUS, "MASSNAHMEN");
    // The table is sorted by title: Bleibt, Löschkandidat.
    tui.send("j");
    wait_in(&mut tui, &DETAIL, "Details M-0002");
    tui.send("d");
    tui.wait_for("„Löschkandidat“ löschen?");
    tui.send("j");
    wait_in(&mut tui, &STATUS, "gespeichert");
    wait_not_in(&mut tui, &TABLE, "Löschkandidat");
    assert!(in_pane(&tui, &TABLE).contains("Bleibt"));
    assert!(in_pane(&tui, &TABLE).contains("Maßnahmen · 1.3 (1)"));
    tui.send("u");
    wait_in(&mut tui, &STATUS, "rückgängig gemacht");
    wait_in(&mut tui, &TABLE, "Löschkandidat");
    assert!(in_pane(&tui, &TABLE).contains("Maßnahmen · 1.3 (2)"));
    tui.send_keys(&[Key::Ctrl('r')]);
    wait_in(&mut tui, &STATUS, "wiederholt");
    wait_not_in(&mut tui, &TABLE, "Löschkandidat");
    assert!(in_pane(&tui, &TABLE).contains("Maßnahmen · 1.3 (1)"));
    quit(&mut tui);
    let list = db.ok(&["measure", "list"]);
    assert!(list.contains("Bleibt"), "{list}");
    assert!(!list.contains("Löschkandidat"), "{list}");
    let log = db.ok(&["log", "--limit", "3"]);
    assert!(log.contains("wiederholt"), "{log}");
}

#[test]
fn hostile_text_in_the_database_never_reaches_the_terminal() {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "harmlos", "--goal", "1.3"]);
    {
        // Bypasses validation: the record is written as it is.
        let store = Store::open(&db.path).expect("open store");
        let mut evil = Measure::new("A\u{1b}[2JB\u{1b}]0;evil\u{7}C\u{202e}D");
        evil.id = quartier::model::MeasureId(1);
        evil.organisation = "Träger \u{1b}[31mrot".into();
        store
            .raw_insert(
                TreeName::Measures,
                &1u64.to_be_bytes(),
                &quartier::store::encode_measure(1, &evil),
            )
            .expect("raw insert");
    }
    db.wait_unlocked();
    let mut tui = start(&db);
    select_1_3(&mut tui);
    // The table cuts titles to 18 columns; the detail pane shows the whole title.
    wait_in(&mut tui, &DETAIL, "A�[2JB�]0;evil�C�D");
    wait_in(&mut tui, &TABLE, "A�[2JB�]0;evil�C�D");
    wait_in(&mut tui, &DETAIL, "Träger: Träger �[31mrot");
    quit(&mut tui);
    let raw = tui.raw();
    // ratatui itself never clears the screen here (checked: it draws cell by cell), so any
    // `ESC [2J` would come from the data.
    assert!(
        !contains(&raw, b"\x1b[2J"),
        "clear-screen sequence reached the terminal"
    );
    assert!(
        !contains(&raw, b"\x1b]0;"),
        "title sequence reached the terminal"
    );
    assert!(!contains(&raw, b"\x07"), "BEL reached the terminal");
    assert!(
        !contains(&raw, "\u{202e}".as_bytes()),
        "bidi override reached the terminal"
    );
    assert!(
        !contains(&raw, b"\x1b[31mrot"),
        "colour sequence from the data"
    );
    assert!(contains(&raw, "�[2JB".as_bytes()));
}

/// Navigates, sends `signal`, and checks the program is gone within a second, restored the
/// terminal and released the database.
fn stops_cleanly_on(signal: &str) {
    let db = Db::new();
    db.ok(&["demo-data", "--measures", "30"]);
    let mut tui = start(&db);
    tui.send("lj");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.1");
    tui.kill(signal);
    let status = tui
        .wait_exit(GONE_WITHIN)
        .unwrap_or_else(|| panic!("quartier still runs 1 s after SIG{signal}"));
    assert!(
        status.signal().is_none(),
        "killed by the signal instead of handling it: {status:?}"
    );
    assert_restored(&tui);
    // The lock is released at once: a CLI run right after succeeds.
    let goals = db.ok(&["goals"]);
    assert!(goals.contains("Z1"), "{goals}");
}

#[test]
fn sighup_during_navigation_restores_the_terminal_and_releases_the_lock() {
    stops_cleanly_on("HUP");
}

#[test]
fn sigterm_restores_the_terminal_and_releases_the_lock() {
    stops_cleanly_on("TERM");
}

#[test]
fn search_jumps_to_the_measure_and_esc_goes_back() {
    let db = Db::new();
    db.ok(&["demo-data", "--measures", "30"]);
    db.ok(&[
        "measure",
        "add",
        "--title",
        "Zauberwald-Werkstatt",
        "--goal",
        "4.2",
    ]);
    let mut tui = start(&db);
    tui.send("j");
    wait_in(&mut tui, &TABLE, "Maßnahmen · Z2");
    tui.send("/");
    wait_in(&mut tui, &STATUS, "SUCHE");
    tui.send("zauberw");
    wait_in(&mut tui, &STATUS, "/zauberw ");
    wait_in(&mut tui, &STATUS, "1/1 Treffer");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 4.2");
    let row = tui.find_row("Zauberwald-Werkst").expect("row of the hit");
    assert!(row < 9, "hit not in the table:\n{}", tui.screen());
    assert!(
        tui.is_inverse(row, 34),
        "hit not selected:\n{}",
        tui.screen()
    );
    assert!(in_pane(&tui, &DETAIL).contains("Zauberwald-Werkstatt"));
    assert!(
        in_pane(&tui, &TREE).contains("4.2 "),
        "tree not opened at 4.2"
    );
    tui.send_keys(&[Key::Esc]);
    wait_in(&mut tui, &STATUS, "ZIELE");
    wait_in(&mut tui, &TABLE, "Maßnahmen · Z2");
    assert!(!in_pane(&tui, &STATUS).contains("Treffer"));
    let row = tui.find_row("Z2 Mehr Fort").expect("row of Z2");
    assert!(tui.is_inverse(row, 4), "Z2 not selected:\n{}", tui.screen());
    quit(&mut tui);
}

#[test]
fn too_small_terminal_says_so_until_it_is_resized() {
    let db = Db::new();
    let mut tui = Tui::start_sized(&db.path, &[], 60, 20);
    tui.wait_for("Terminal zu klein (mind. 80x24)");
    assert!(!tui.screen().contains("Z1"), "{}", tui.screen());
    tui.resize(80, 24);
    wait_in(&mut tui, &TREE, "Z9 Mehr Partizipation");
    wait_in(&mut tui, &STATUS, "ZIELE");
    assert!(!tui.screen().contains("zu klein"), "{}", tui.screen());
    quit(&mut tui);
}

#[test]
fn english_on_request() {
    let db = Db::new();
    let mut tui = Tui::start(&db.path, &["--lang", "en"]);
    wait_in(&mut tui, &STATUS, "GOALS");
    assert!(tui.row(23).starts_with(" GOALS "), "{:?}", tui.row(23));
    assert!(in_pane(&tui, &TREE).contains("Goals"));
    assert!(!tui.screen().contains("ZIELE"));
    quit(&mut tui);
}

/// From the start screen: selects 1.3 and gives the measure table the keyboard.
fn focus_measures_of_1_3(tui: &mut Tui) {
    select_1_3(tui);
    tui.send_keys(&[Key::Tab]);
    wait_in(tui, &STATUS, "MASSNAHMEN");
}

/// The measures on disk, as `measure list --json` gives them.
fn measures_on_disk(db: &Db) -> Vec<serde_json::Value> {
    let list = db.ok(&["measure", "list", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&list).expect("measure list --json");
    value.as_array().expect("an array").clone()
}

#[test]
fn a_measure_added_through_the_form_is_there_after_a_restart() {
    let db = Db::new();
    let mut tui = start(&db);
    focus_measures_of_1_3(&mut tui);
    tui.send("a");
    tui.wait_for("Neue Maßnahme");
    wait_in(&mut tui, &STATUS, "FORMULAR");
    tui.send("Grünfläche Süd");
    tui.wait_for("Grünfläche Süd");
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in(&mut tui, &STATUS, "gespeichert");
    wait_in(&mut tui, &TABLE, "Grünfläche Süd");
    assert!(in_pane(&tui, &TABLE).contains("Maßnahmen · 1.3 (1)"));
    assert!(in_pane(&tui, &DETAIL).contains("Details M-0001"));
    quit(&mut tui);

    let mut tui = start(&db);
    select_1_3(&mut tui);
    wait_in(&mut tui, &TABLE, "Grünfläche Süd");
    quit(&mut tui);
    let measures = measures_on_disk(&db);
    assert_eq!(measures.len(), 1, "{measures:?}");
    assert_eq!(measures[0]["title"], "Grünfläche Süd");
    assert_eq!(measures[0]["goals"], serde_json::json!(["1.3"]));
    assert_eq!(measures[0]["primary_goal"], "1.3");
}

#[test]
fn edit_undo_redo_through_the_form() {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "Alter Titel", "--goal", "1.3"]);
    let mut tui = start(&db);
    focus_measures_of_1_3(&mut tui);
    tui.send("e");
    tui.wait_for("Maßnahme M-0001 bearbeiten");
    wait_in(&mut tui, &STATUS, "FORMULAR");
    // Ctrl-u clears the title input, then the new title is typed.
    tui.send_keys(&[Key::Ctrl('u'), Key::Text("Neuer Titel")]);
    tui.wait_for("Neuer Titel");
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in(&mut tui, &STATUS, "gespeichert");
    wait_in(&mut tui, &TABLE, "Neuer Titel");
    assert!(!in_pane(&tui, &TABLE).contains("Alter Titel"));
    assert!(in_pane(&tui, &DETAIL).contains("Neuer Titel"));
    tui.send("u");
    wait_in(&mut tui, &STATUS, "rückgängig gemacht");
    wait_in(&mut tui, &TABLE, "Alter Titel");
    assert!(!in_pane(&tui, &TABLE).contains("Neuer Titel"));
    tui.send_keys(&[Key::Ctrl('r')]);
    wait_in(&mut tui, &STATUS, "wiederholt");
    wait_in(&mut tui, &TABLE, "Neuer Titel");
    assert!(!in_pane(&tui, &TABLE).contains("Alter Titel"));
    quit(&mut tui);
    let measures = measures_on_disk(&db);
    assert_eq!(measures.len(), 1, "{measures:?}");
    assert_eq!(measures[0]["title"], "Neuer Titel");
}

#[test]
fn sighup_with_an_open_form_keeps_a_draft_that_is_offered_on_restart() {
    let db = Db::new();
    let mut tui = start(&db);
    focus_measures_of_1_3(&mut tui);
    tui.send("a");
    tui.wait_for("Neue Maßnahme");
    tui.send("Spielplatzfest");
    tui.wait_for("Spielplatzfest");
    tui.kill("HUP");
    let status = tui
        .wait_exit(GONE_WITHIN)
        .expect("quartier still runs 1 s after SIGHUP");
    assert!(status.signal().is_none(), "{status:?}");
    assert_restored(&tui);
    let drafts = draft_files(&db);
    assert_eq!(drafts.len(), 1, "one draft file expected: {drafts:?}");
    let draft = std::fs::read_to_string(&drafts[0]).expect("read draft");
    assert!(draft.contains("Spielplatzfest"), "{draft}");
    // Nothing was saved.
    assert!(measures_on_disk(&db).is_empty());

    let mut tui = Tui::start(&db.path, &[]);
    tui.wait_for("Entwurf wiederherstellen?");
    tui.send("j");
    tui.wait_for("Neue Maßnahme");
    wait_in(&mut tui, &STATUS, "FORMULAR");
    tui.wait_for("Spielplatzfest");
    assert!(draft_files(&db).is_empty(), "draft kept after restoring");
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in(&mut tui, &STATUS, "gespeichert");
    wait_in(&mut tui, &TABLE, "Spielplatzfest");
    quit(&mut tui);
    let measures = measures_on_disk(&db);
    assert_eq!(measures.len(), 1, "{measures:?}");
    assert_eq!(measures[0]["title"], "Spielplatzfest");
    assert_eq!(measures[0]["goals"], serde_json::json!(["1.3"]));
}

/// The draft files in the database directory.
fn draft_files(db: &Db) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(&db.path)
        .expect("database directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("draft-") && name.ends_with(".json")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn ctrl_c_quits_from_the_search_line_and_restores_the_terminal() {
    let db = Db::new();
    let mut tui = start(&db);
    tui.send("/");
    wait_in(&mut tui, &STATUS, "SUCHE");
    tui.send("Z9");
    wait_in(&mut tui, &STATUS, "/Z9 ");
    tui.send_keys(&[Key::Ctrl('c')]);
    let status = tui
        .wait_exit(GONE_WITHIN)
        .expect("quartier still runs after Ctrl-c");
    assert!(status.success(), "{status:?}");
    assert_restored(&tui);
    db.ok(&["goals"]);
}

#[test]
fn keys_on_the_too_small_screen_change_nothing_but_help_and_quit_work() {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "Bleibt", "--goal", "1.3"]);
    let mut tui = Tui::start_sized(&db.path, &[], 20, 5);
    tui.wait_for("Terminal zu klein");
    // At full size these keys select 1.3, focus its measures, ask to delete and say yes.
    tui.send_keys(&[Key::Text("ljjj"), Key::Tab, Key::Text("dj")]);
    // Help does open (and shows on the small screen); it proves the keys above were read.
    tui.send("?");
    tui.wait_for("Tastenkürzel");
    tui.send_keys(&[Key::Esc]);
    tui.wait_for("Terminal zu klein");
    assert!(tui.screen().contains("? Hilfe"), "{}", tui.screen());
    tui.resize(80, 24);
    wait_in(&mut tui, &STATUS, "ZIELE");
    assert!(!in_pane(&tui, &TREE).contains("1.1 "), "Z1 was expanded");
    assert!(!tui.screen().contains("löschen?"), "{}", tui.screen());
    quit(&mut tui);
    let measures = measures_on_disk(&db);
    assert_eq!(measures.len(), 1, "{measures:?}");
    // And `q` quits on the small screen.
    let mut tui = Tui::start_sized(&db.path, &[], 20, 5);
    tui.wait_for("Terminal zu klein");
    quit(&mut tui);
}

/// 10 000 characters in 100 lines (umlauts included), lines ending in `\r` as terminals paste
/// them; and the same text as it is stored (`\n`).
fn long_paste() -> (String, String) {
    let lines: Vec<String> = (0..100)
        .map(|i| {
            let mut line = format!("Zeile {i:03} äöü ");
            while line.chars().count() < 99 {
                line.push(char::from(b'a' + (line.chars().count() % 26) as u8));
            }
            line
        })
        .collect();
    let pasted = format!("{}Z", lines.join("\r"));
    let stored = format!("{}Z", lines.join("\n"));
    assert_eq!(pasted.chars().count(), 10_000);
    (pasted, stored)
}

#[test]
fn a_paste_of_10000_characters_is_saved_whole_and_line_breaks_in_a_line_become_spaces() {
    let db = Db::new();
    let mut tui = start(&db);
    assert!(
        contains(&tui.raw(), PASTE_ON),
        "bracketed paste not turned on"
    );
    // Outside a text field a paste does nothing but say so.
    tui.paste("dj");
    wait_in(&mut tui, &STATUS, "Einfügen nur in ein Textfeld");
    // Too long for the bar at 80 columns: cut, with the key that shows it whole; `?` stays.
    let bar = in_pane(&tui, &STATUS);
    assert!(bar.contains("… Strg-g") && bar.contains("? Hilfe"), "{bar}");
    tui.send_keys(&[Key::Ctrl('g')]);
    tui.wait_for("(Formular, Suche, Dateiname)");
    wait_in(&mut tui, &STATUS, "MELDUNGEN");
    tui.send_keys(&[Key::Esc]);
    wait_in(&mut tui, &STATUS, "ZIELE");
    focus_measures_of_1_3(&mut tui);
    tui.send("a");
    tui.wait_for("Neue Maßnahme");
    tui.paste("Sommerfest\r\nim Hof");
    tui.wait_for("Sommerfest im Hof");
    tui.send_keys(&[Key::Tab]);
    let (pasted, stored) = long_paste();
    tui.paste(&pasted);
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in(&mut tui, &STATUS, "gespeichert");
    quit(&mut tui);
    assert_restored(&tui);
    let measures = measures_on_disk(&db);
    assert_eq!(measures.len(), 1, "{measures:?}");
    assert_eq!(measures[0]["title"], "Sommerfest im Hof");
    let description = measures[0]["description"].as_str().expect("description");
    assert_eq!(description.chars().count(), 10_000);
    assert!(description == stored, "description differs from the paste");
}

#[test]
fn five_thousand_typed_keys_are_all_read_and_ctrl_s_saves_at_once() {
    let db = Db::new();
    let mut tui = start(&db);
    focus_measures_of_1_3(&mut tui);
    tui.send("a");
    tui.wait_for("Neue Maßnahme");
    tui.send("Getippt");
    tui.send_keys(&[Key::Tab]);
    let typed = "abcdefghij".repeat(500);
    tui.send(&typed);
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in(&mut tui, &STATUS, "gespeichert");
    quit(&mut tui);
    let measures = measures_on_disk(&db);
    assert_eq!(measures[0]["description"], typed.as_str());
}

#[test]
fn enter_moves_on_in_every_field_and_alt_enter_or_ctrl_j_make_new_lines() {
    let db = Db::new();
    let mut tui = start(&db);
    focus_measures_of_1_3(&mut tui);
    tui.send("a");
    tui.wait_for("Neue Maßnahme");
    // Title, Enter: into Beschreibung; the footer names the keys for a new line there.
    tui.send_keys(&[Key::Text("Hoffest"), Key::Enter]);
    tui.wait_for("Alt-Enter/Strg-j neue Zeile");
    assert!(tui.screen().contains("Enter/Tab Feld"), "{}", tui.screen());
    // Alt-Enter is ESC CR, Ctrl-j is LF: what terminals (and SSH) send for them.
    tui.send_keys(&[
        Key::Text("Zeile 1"),
        Key::Text("\x1b\r"),
        Key::Text("Zeile 2"),
        Key::Ctrl('j'),
        Key::Text("Zeile 3"),
        Key::Enter,
        Key::Text("Kiezverein"),
        Key::Enter,
        Key::Text("kontakt@example.org"),
    ]);
    tui.wait_for("kontakt@example.org");
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in(&mut tui, &STATUS, "gespeichert");
    quit(&mut tui);
    let measures = measures_on_disk(&db);
    assert_eq!(measures.len(), 1, "{measures:?}");
    assert_eq!(measures[0]["title"], "Hoffest");
    assert_eq!(measures[0]["description"], "Zeile 1\nZeile 2\nZeile 3");
    assert_eq!(measures[0]["organisation"], "Kiezverein");
    assert_eq!(measures[0]["contact"], "kontakt@example.org");
}
