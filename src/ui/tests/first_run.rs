//! The first run (issue 16): an empty database shows a guide in the measure pane until there is
//! a measure; `?` is named on screen at every width.

use super::*;

/// An app on a new, seeded database without measures.
fn empty() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    let app = App::new(store, Lang::De, None).expect("app");
    (dir, app)
}

#[test]
fn first_run_guide_80x24() {
    let (_dir, app) = empty();
    assert!(app.first_run());
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn first_run_guide_english_follows_a_rebinding() {
    let (_dir, mut app) = empty();
    app.lang = Lang::En;
    let (keymap, problems) = crate::app::keymap::Keymap::with(&[crate::app::keymap::Rebinding {
        context: None,
        name: "add".into(),
        keys: vec!["A".into()],
        line: 1,
    }]);
    assert_eq!(problems, []);
    app.keymap = keymap;
    let text = screen(draw(&app, 80, 24).backend().buffer());
    assert!(text.contains("Welcome! No measure recorded yet."), "{text}");
    assert!(
        text.contains(" A   new measure (in the goal tree Tab first)"),
        "{text}"
    );
    assert!(text.contains("quartier import list.xlsx"), "{text}");
}

#[test]
fn the_guide_goes_once_there_is_a_measure() {
    let (_dir, mut app) = empty();
    press(&mut app, "<Tab>a");
    type_text(&mut app, "Kiezfest");
    press(&mut app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "saved");
    assert!(!app.first_run());
    let text = screen(draw(&app, 80, 24).backend().buffer());
    assert!(!text.contains("Willkommen"), "{text}");
    assert!(text.contains("Kiezfest"), "{text}");
}

#[test]
fn the_help_key_is_named_at_every_width() {
    let f = fixture();
    let mut app = f.app;
    for width in [20, 40, 60, 79, 80, 81, 100, 120, 160, 250] {
        for height in [10, 24, 40] {
            app.resize(width, height);
            let text = screen(draw(&app, width, height).backend().buffer());
            assert!(
                text.contains("? Hilfe") || text.contains("?  Hilfe"),
                "{width}x{height}:\n{text}"
            );
        }
    }
}
