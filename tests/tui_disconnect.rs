//! Disconnects: SIGHUP (a dropped SSH connection) and SIGTERM, each while a form is open with
//! typed text and while the user moves through the lists. In every case an edit was saved
//! (`gespeichert` on screen) just before the signal. The program must be gone within a second,
//! having restored the terminal; the database must be free at once for a new `quartier`; and
//! the saved edit must be on disk.
//!
//! `tests/tui_pty.rs` already stops the TUI with both signals during navigation and with SIGHUP
//! over an open form, but without a saved edit to look for and without SIGTERM over a form;
//! these four cover the combinations. Harness: `tests/pty/mod.rs`.

#[path = "pty/mod.rs"]
mod pty;

use std::ops::Range;
use std::time::{Duration, Instant};

use pty::{Db, Key, LEAVE_ALTERNATE_SCREEN, PASTE_OFF, PASTE_ON, SHOW_CURSOR, Tui, rfind};

/// The measure table at 80x24.
const TABLE: (Range<u16>, Range<u16>) = (0..9, 30..80);
/// The detail pane.
const DETAIL: (Range<u16>, Range<u16>) = (9..23, 30..80);
/// The status bar.
const STATUS: (Range<u16>, Range<u16>) = (23..24, 0..80);
/// How long a signalled program may take to go.
const GONE_WITHIN: Duration = Duration::from_secs(1);

/// The title saved through the form just before the signal.
const SAVED: &str = "Vor dem Signal gespeichert";
/// Text typed into a form that is still open when the signal comes.
const TYPED: &str = "Nur getippt";

fn wait_in(tui: &mut Tui, pane: &(Range<u16>, Range<u16>), text: &str) {
    tui.wait_in(pane.0.clone(), pane.1.clone(), text);
}

/// After the last frame the alternate screen was left and the cursor shown, and nothing but
/// control sequences followed.
fn assert_restored(tui: &Tui) {
    let raw = tui.raw();
    let text = String::from_utf8_lossy(&raw);
    let tail: String = text
        .chars()
        .rev()
        .take(160)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let entered = rfind(&raw, b"\x1b[?1049h").expect("alternate screen entered");
    let paste_on = rfind(&raw, PASTE_ON).expect("bracketed paste turned on");
    let paste_off = rfind(&raw, PASTE_OFF).expect("bracketed paste never turned off");
    assert!(paste_off > paste_on, "bracketed paste left on");
    let left = rfind(&raw, LEAVE_ALTERNATE_SCREEN)
        .unwrap_or_else(|| panic!("no \\x1b[?1049l in the output: …{tail:?}"));
    assert!(left > entered, "alternate screen entered again: …{tail:?}");
    let shown = rfind(&raw, SHOW_CURSOR).unwrap_or_else(|| panic!("cursor never shown: …{tail:?}"));
    assert!(
        shown > rfind(&raw, b"\x1b[?25l").unwrap_or(0),
        "cursor hidden at the end: …{tail:?}"
    );
    assert!(
        !tui.alternate_screen(),
        "emulator still on the alternate screen"
    );
    assert!(!tui.cursor_hidden(), "emulator cursor still hidden");
}

/// The draft files in the database directory.
fn draft_files(db: &Db) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(&db.path)
        .expect("database directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("draft-") && name.ends_with(".json")
        })
        .collect()
}

/// Where the user is when the signal comes.
#[derive(Clone, Copy, Debug)]
enum Doing {
    /// A new-measure form is open with text typed into it.
    Form,
    /// Moving up and down the measure table, keys still arriving.
    Navigation,
}

/// Saves an edit through the form, gets into `doing`, sends `signal` and checks the rest.
fn disconnect(signal: &str, doing: Doing) {
    let db = Db::new();
    db.ok(&["measure", "add", "--title", "Alter Titel", "--goal", "1.3"]);
    db.ok(&["measure", "add", "--title", "Zweite", "--goal", "1.3"]);
    let mut tui = Tui::start(&db.path, &[]);
    wait_in(&mut tui, &STATUS, "ZIELE");
    tui.send("l");
    tui.wait_for("1.1 ");
    tui.send("ljj");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.3");
    tui.send_keys(&[Key::Tab]);
    wait_in(&mut tui, &STATUS, "MASSNAHMEN");
    wait_in(&mut tui, &DETAIL, "Details M-0001");

    // The edit that must survive.
    tui.send("e");
    tui.wait_for("Maßnahme M-0001 bearbeiten");
    tui.send_keys(&[Key::Ctrl('u'), Key::Text(SAVED)]);
    tui.wait_for(SAVED);
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in(&mut tui, &STATUS, "gespeichert");

    match doing {
        Doing::Form => {
            tui.send("a");
            tui.wait_for("Neue Maßnahme");
            wait_in(&mut tui, &STATUS, "FORMULAR");
            tui.send(TYPED);
            tui.wait_for(TYPED);
        }
        Doing::Navigation => {
            tui.send("j");
            wait_in(&mut tui, &DETAIL, "Details M-0002");
            // More moves in flight as the signal arrives.
            tui.send("kjkjkjkj");
        }
    }
    let signalled = Instant::now();
    tui.kill(signal);
    let status = tui
        .wait_exit(GONE_WITHIN)
        .unwrap_or_else(|| panic!("quartier still runs 1 s after SIG{signal} ({doing:?})"));
    eprintln!(
        "SIG{signal} {doing:?}: gone after {:?}",
        signalled.elapsed()
    );
    assert!(
        status.signal().is_none(),
        "killed by SIG{signal} instead of handling it: {status:?}"
    );
    assert_restored(&tui);

    // The lock is free at once: one try, no waiting loop.
    let out = db.run(&["goals"]);
    assert!(
        out.status.success(),
        "quartier goals right after SIG{signal}: {:?} {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );

    let list = db.ok(&["measure", "list", "--json"]);
    let measures: serde_json::Value = serde_json::from_str(&list).expect("measure list --json");
    let titles: Vec<&str> = measures
        .as_array()
        .expect("an array")
        .iter()
        .map(|m| m["title"].as_str().expect("title"))
        .collect();
    assert_eq!(titles, [SAVED, "Zweite"], "after SIG{signal} ({doing:?})");

    let drafts = draft_files(&db);
    match doing {
        Doing::Form => {
            assert_eq!(drafts.len(), 1, "one draft expected: {drafts:?}");
            let draft = std::fs::read_to_string(&drafts[0]).expect("read draft");
            assert!(draft.contains(TYPED), "{draft}");
        }
        Doing::Navigation => assert!(drafts.is_empty(), "draft without a form: {drafts:?}"),
    }
}

#[test]
fn sighup_with_an_open_form_keeps_the_saved_edit_and_frees_the_database() {
    disconnect("HUP", Doing::Form);
}

#[test]
fn sighup_while_navigating_keeps_the_saved_edit_and_frees_the_database() {
    disconnect("HUP", Doing::Navigation);
}

#[test]
fn sigterm_with_an_open_form_keeps_the_saved_edit_and_frees_the_database() {
    disconnect("TERM", Doing::Form);
}

#[test]
fn sigterm_while_navigating_keeps_the_saved_edit_and_frees_the_database() {
    disconnect("TERM", Doing::Navigation);
}

/// Opens a new-measure form with a title and focuses Beschreibung.
fn form_in_description(db: &Db) -> Tui {
    let mut tui = Tui::start(&db.path, &[]);
    wait_in(&mut tui, &STATUS, "ZIELE");
    tui.send("l");
    tui.wait_for("1.1 ");
    tui.send("ljj");
    wait_in(&mut tui, &TABLE, "Maßnahmen · 1.3");
    tui.send_keys(&[Key::Tab]);
    wait_in(&mut tui, &STATUS, "MASSNAHMEN");
    tui.send("a");
    tui.wait_for("Neue Maßnahme");
    tui.send(TYPED);
    tui.send_keys(&[Key::Tab]);
    tui
}

/// Sends SIGHUP, checks the program went cleanly and returns the one draft's text.
fn hang_up_and_read_draft(tui: &mut Tui, db: &Db) -> String {
    tui.kill("HUP");
    let status = tui
        .wait_exit(GONE_WITHIN)
        .expect("quartier still runs 1 s after SIGHUP");
    assert!(status.signal().is_none(), "{status:?}");
    assert_restored(tui);
    let drafts = draft_files(db);
    assert_eq!(drafts.len(), 1, "one draft expected: {drafts:?}");
    std::fs::read_to_string(&drafts[0]).expect("read draft")
}

#[test]
fn sighup_right_after_a_paste_keeps_all_of_it_in_the_draft() {
    let db = Db::new();
    let mut tui = form_in_description(&db);
    let text: String = (0..10_000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    tui.paste(&text);
    let draft = hang_up_and_read_draft(&mut tui, &db);
    assert!(
        draft.contains(&text),
        "draft lacks the paste ({} bytes)",
        draft.len()
    );
}

#[test]
fn sighup_right_after_5000_typed_keys_keeps_all_of_them_in_the_draft() {
    let db = Db::new();
    let mut tui = form_in_description(&db);
    let text = "0123456789".repeat(500);
    tui.send(&text);
    let draft = hang_up_and_read_draft(&mut tui, &db);
    assert!(
        draft.contains(&text),
        "draft lacks typed text ({} bytes)",
        draft.len()
    );
}
