//! Issue 14's PTY check of payments: in the real binary at 80x24, through the shared server,
//! a plan set through `J` (the proposal pro rata by months, saved as it is), a payment added
//! through `z` and its form; `ausgezahlt`
//! shows in the payments view, the detail pane and the report's *Töpfe* tab; after a restart
//! it is all still there.
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

/// The report's *Töpfe* tab shows Projektfonds 2026: pot, planned (the 2026 instalment), paid
/// and free; then closes the report.
fn check_pots(tui: &mut Tui) {
    tui.send("R");
    tui.wait_for("Bericht");
    tui.send_keys(&[Key::Tab, Key::Tab]);
    tui.wait_for("Töpfe je Fonds und Jahr");
    tui.wait_until("Projektfonds 2026 in the pots", |tui| {
        let screen = tui.screen();
        screen.lines().any(|line| {
            line.contains("Projektfonds 2026")
                && line.contains("100.000,00 €")
                && line.contains("40.000,00 €")
                && line.contains("20.000,00 €")
                && line.contains("60.000,00 €")
        })
    });
    tui.send_keys(&[Key::Esc]);
    tui.wait_gone("Töpfe je Fonds und Jahr");
}

#[test]
fn a_payment_added_with_z_shows_in_detail_and_pots_and_survives_a_restart() {
    let db = Db::new();
    let _stop = StopServer(&db.path);
    let add = [
        "measure",
        "add",
        "--title",
        "Kiezküche",
        "--goal",
        "1.3",
        "--fund",
        "Projektfonds",
        "--approved",
        "80.000",
        "--start",
        "01.07.2026",
        "--end",
        "30.06.2027",
        "--status",
        "laufend",
    ];
    ok_served(&db.path, &add);
    ok_served(&db.path, &["pot", "set", "Projektfonds", "2026", "100.000"]);

    let mut tui = start_at_kiezkueche(&db);
    // The plan through `J`: six months in each year, so the proposal is 40.000 / 40.000.
    tui.send("J");
    tui.wait_for("Vorschlag anteilig nach Monaten");
    tui.wait_for("Jahresrate 2027");
    tui.wait_until("the proposal", |tui| {
        let screen = tui.screen();
        let rate = |year: &str| {
            (screen.lines())
                .any(|l| l.contains(&format!("Jahresrate {year}")) && l.contains("40.000,00"))
        };
        rate("2026") && rate("2027")
    });
    tui.send_keys(&[Key::Ctrl('s')]);
    wait_in_pane(&mut tui, &STATUS, "Jahresraten von M-0001 gespeichert");
    wait_in_pane(&mut tui, &DETAIL, "Jahresraten");
    let shown = ok_served(&db.path, &["plan", "show", "M-0001"]);
    for line in ["2026  40.000,00 €", "2027  40.000,00 €"] {
        assert!(shown.contains(line), "{shown}");
    }
    tui.send("z");
    tui.wait_for("Zahlungen M-0001");
    tui.wait_for("Noch keine Zahlungen");
    tui.send("a");
    tui.wait_for("Neue Zahlung für M-0001");
    // Datum (today's date is typed over), Betrag, Art (Auszahlung), Aktenzeichen.
    tui.send_keys(&[
        Key::Ctrl('u'),
        Key::Text("15.08.2026"),
        Key::Tab,
        Key::Text("20.000"),
        Key::Tab,
        Key::Tab,
        Key::Text("MA-2026-1"),
        Key::Ctrl('s'),
    ]);
    tui.wait_for("ausgezahlt 20.000,00 € von 80.000,00 €");
    tui.wait_for("MA-2026-1");
    wait_in_pane(&mut tui, &STATUS, "gespeichert");
    tui.send("q");
    tui.wait_gone("Zahlungen M-0001");
    wait_in_pane(&mut tui, &DETAIL, "ausgezahlt 20.000,00 € von 80.000,00 €");
    check_pots(&mut tui);
    // The command line reads the same payment through the server.
    let listed = ok_served(&db.path, &["payment", "list", "--measure", "M-0001"]);
    assert!(listed.contains("MA-2026-1"), "{listed}");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).is_some());

    let mut tui = start_at_kiezkueche(&db);
    wait_in_pane(&mut tui, &DETAIL, "ausgezahlt 20.000,00 € von 80.000,00 €");
    wait_in_pane(&mut tui, &DETAIL, "Jahresraten");
    check_pots(&mut tui);
    tui.send("z");
    tui.wait_for("15.08.2026");
    tui.wait_for("MA-2026-1");
    tui.send("q");
    tui.wait_gone("Zahlungen M-0001");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).is_some());
}
