//! What the status bar and the empty table tell the user: the keys that work, and why an
//! action was refused.

use super::*;

#[test]
fn an_empty_measure_pane_names_the_key_that_works_from_the_focused_pane() {
    let mut f = fixture();
    // 1.1 has no measures; the tree has the keyboard, where `a` adds a goal.
    press(&mut f.app, "lj");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(
        shown.contains("Keine Maßnahmen bei diesem Ziel – anlegen mit Tab, dann a"),
        "{shown}"
    );
    press(&mut f.app, "<Tab>");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(shown.contains("Keine Maßnahmen bei diesem Ziel – anlegen mit a"));
    // `a` there really adds a measure to 1.1.
    press(&mut f.app, "a");
    assert!(matches!(
        &f.app.mode,
        Mode::Form(state) if matches!(state.purpose, crate::app::Purpose::NewMeasure { .. })
    ));
    press(&mut f.app, "<Esc>");
    // A filter that hides every row says so.
    press(&mut f.app, "<Esc>jj<Tab>fl<Enter>");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(
        shown.contains("Keine Maßnahme passt zum Filter – ändern mit f"),
        "{shown}"
    );
    f.app.lang = Lang::En;
    press(&mut f.app, "<Esc>");
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(shown.contains("No measure matches the filter – change it with f"));
}

/// The status bar (last row) as text.
fn status_row(app: &App) -> String {
    let text = screen(draw(app, 80, 24).backend().buffer());
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn help_and_quit_stay_in_the_status_bar_at_80_columns() {
    let mut f = fixture();
    for keys in ["", "ljjj", "<Tab>", "<Tab>"] {
        press(&mut f.app, keys);
        let row = status_row(&f.app);
        assert!(row.trim_end().ends_with("? Hilfe  q Ende"), "{row:?}");
    }
    f.app.lang = Lang::En;
    assert!(status_row(&f.app).contains("? help  q quit"));
    f.app.lang = Lang::De;
    // A message too long for the bar is cut, says where to read it whole, and `?` stays.
    let long = "Fehler: Die Datei /home/quartier/exporte/sehr/tief/verschachtelt/bericht.xlsx \
                konnte nicht geschrieben werden";
    f.app.say(crate::app::MessageKind::Error, long);
    let row = status_row(&f.app);
    assert!(row.contains("… Strg-g"), "{row:?}");
    assert!(row.contains("? Hilfe"), "{row:?}");
    assert_eq!(crate::text::width(&row), 80);
    // Ctrl-g shows it whole, wrapped, newest first.
    press(&mut f.app, "<C-g>");
    let text = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(text.contains("Letzte Meldungen, neueste zuerst"), "{text}");
    assert!(text.contains("bericht.xlsx konnte nicht"), "{text}");
    assert!(text.contains("geschrieben werden"), "{text}");
    assert!(status_row(&f.app).starts_with(" MELDUNGEN "));
}

#[test]
fn a_refused_export_shows_why_inside_the_open_dialog() {
    let mut f = fixture();
    press(&mut f.app, "x");
    let target = f.dir.path().join("fehlt").join("bericht.json");
    if let Mode::Export(dialog) = &mut f.app.mode {
        dialog.path = tui_input::Input::new(target.display().to_string());
    }
    press(&mut f.app, "<Enter>");
    let text = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(text.contains("┌ Export "), "{text}");
    assert!(text.contains("kann nicht geschrieben werden"), "{text}");
    assert!(text.contains("gibt es nicht."), "{text}");
    assert!(text.contains("Enter schreiben"), "{text}");
}
