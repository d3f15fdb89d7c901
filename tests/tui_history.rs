//! The history view (`H`) through a real pty, on a database served by a real server: a
//! measure edited from the command line by a shared account (`--as`) shows its edits newest
//! first, with who as recorded and each field old → new; j/k/PgDn/g/G scroll, q closes.
//!
//! Layout at 80x24: the view covers rows 0..23, the status bar is row 23.

mod pty;

use pty::{Db, Key, StopServer, Tui, ok_served};

/// Opens the history of M-0001, the only measure under 1.3, from the start screen.
fn open_history(tui: &mut Tui) {
    tui.wait_in(23..24, 0..80, "ZIELE");
    tui.send("l");
    tui.wait_for("1.1 ");
    tui.send("ljj");
    tui.wait_for("Maßnahmen · 1.3");
    tui.send_keys(&[Key::Tab]);
    tui.send("H");
}

#[test]
fn h_shows_a_measures_edits_newest_first_and_scrolls_and_closes() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    ok_served(
        &db.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.3"],
    );
    ok_served(
        &db.path,
        &[
            "--as",
            "anna",
            "measure",
            "edit",
            "M-0001",
            "--approved",
            "1.000",
        ],
    );
    // More edits than one screen holds, so the oldest entry is below the box.
    for n in 0..8 {
        let place = format!("Platz {n}");
        ok_served(
            &db.path,
            &["measure", "edit", "M-0001", "--location", &place],
        );
    }
    ok_served(
        &db.path,
        &[
            "--as",
            "ben",
            "measure",
            "edit",
            "M-0001",
            "--start",
            "01.03.2026",
        ],
    );

    let mut tui = Tui::start_served(&db.path, &[]);
    open_history(&mut tui);
    tui.wait_for("Verlauf: M-0001 Kiezfest");
    tui.wait_in(23..24, 0..80, "VERLAUF");
    // Newest first: ben's start date at the top, with who as the server recorded it.
    assert!(tui.row(1).contains("ben (über "), "{}", tui.screen());
    assert!(
        tui.row(3).contains("Beginn: – → 01.03.2026"),
        "{}",
        tui.screen()
    );
    assert!(
        !tui.screen().contains("angelegt"),
        "the oldest entry is below the box: {}",
        tui.screen()
    );

    // To the end: anna's amount and the add; back to the top.
    tui.send("G");
    tui.wait_for("angelegt");
    tui.wait_for("Bewilligt: – → 1.000,00 €");
    assert!(tui.screen().contains("anna (über "), "{}", tui.screen());
    tui.send("g");
    tui.wait_gone("angelegt");
    tui.wait_for("Beginn: – → 01.03.2026");
    tui.send("j");
    tui.wait_until("one line down", |t| {
        t.row(1).contains("M-0001 „Kiezfest“ geändert")
    });
    // PgDn as the terminal sends it.
    tui.send("\x1b[6~");
    tui.wait_until("a page down", |t| {
        !t.screen().contains("Beginn: – → 01.03.2026")
    });

    tui.send("q");
    tui.wait_in(23..24, 0..80, "MASSNAHMEN");
    tui.wait_gone("Verlauf: M-0001");
    tui.send("q");
    assert!(
        tui.wait_exit(std::time::Duration::from_secs(5)).is_some(),
        "quartier did not end"
    );
}

#[test]
fn in_english_with_lang_en() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    ok_served(
        &db.path,
        &["measure", "add", "--title", "Kiezfest", "--goal", "1.3"],
    );
    ok_served(
        &db.path,
        &["measure", "edit", "M-0001", "--notes", "mit Musik"],
    );
    let mut tui = Tui::start_served(&db.path, &["--lang", "en"]);
    tui.wait_in(23..24, 0..80, "GOALS");
    tui.send("l");
    tui.wait_for("1.1 ");
    tui.send("ljj");
    tui.send_keys(&[Key::Tab]);
    tui.wait_in(23..24, 0..80, "MEASURES");
    tui.send("H");
    tui.wait_for("History: M-0001 Kiezfest");
    tui.wait_for("Notes: – → mit Musik");
    tui.wait_in(23..24, 0..80, "HISTORY");
    tui.send_keys(&[Key::Esc]);
    tui.wait_gone("History: M-0001");
}
