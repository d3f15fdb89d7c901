//! Help, the message log, quitting from popups and the too-small screen.

use super::*;

#[test]
fn help_opens_scrolls_and_closes() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "?");
    assert!(matches!(app.mode, Mode::Help { scroll: 0 }));
    press(app, "jj");
    assert!(matches!(app.mode, Mode::Help { scroll: 2 }));
    press(app, "q");
    assert!(matches!(app.mode, Mode::Normal));
    // Scrolling stops at the end: 200 steps down and one up is one line above the end.
    app.resize(80, 24);
    press(app, "?");
    let max = app.help_max_scroll();
    assert!(max > 10, "{max}");
    for _ in 0..200 {
        press(app, "j");
    }
    assert!(matches!(app.mode, Mode::Help { scroll } if scroll == max));
    press(app, "k");
    assert!(matches!(app.mode, Mode::Help { scroll } if scroll == max - 1));
    press(app, "q");
    assert!(!app.should_quit(), "q closes the help, it does not quit");
    press(app, "q");
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_a_popup() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "f<C-c>");
    assert!(app.should_quit());
}

#[test]
fn on_the_too_small_screen_only_quit_and_help_act() {
    let mut f = fixture();
    f.app.resize(20, 5);
    let before = f.app.store().measures().expect("measures").len();
    press(&mut f.app, "ljjj<Tab>dj");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(f.app.focus, Focus::Tree);
    assert_eq!(selected_code(&f.app), "Z1");
    assert_eq!(f.app.store().measures().expect("measures").len(), before);
    press(&mut f.app, "?");
    assert!(matches!(f.app.mode, Mode::Help { .. }));
    press(&mut f.app, "<Esc>");
    assert!(matches!(f.app.mode, Mode::Normal));
    f.app.resize(80, 24);
    press(&mut f.app, "ljjj");
    assert_eq!(selected_code(&f.app), "1.3");
    f.app.resize(79, 24);
    press(&mut f.app, "q");
    assert!(f.app.should_quit());
}

#[test]
fn the_message_log_keeps_the_last_20_newest_first_and_ctrl_g_returns_to_the_form() {
    let mut f = fixture();
    for n in 0..25 {
        f.app.say(MessageKind::Info, format!("Meldung {n}"));
    }
    let log: Vec<&str> = f
        .app
        .message_log()
        .map(|l| l.message.text.as_str())
        .collect();
    assert_eq!(log.len(), messages::LOG_LEN);
    assert_eq!(log[0], "Meldung 24");
    assert_eq!(log[19], "Meldung 5");
    // Over an open form: the form is kept, its draft too, and Esc goes back to it.
    press(&mut f.app, "ljjj<Tab>a");
    type_text(&mut f.app, "Halbfertig");
    press(&mut f.app, "<C-g>");
    assert!(matches!(f.app.mode, Mode::Messages { .. }));
    let draft = f.app.draft().expect("draft while the log is open");
    assert!(format!("{draft:?}").contains("Halbfertig"));
    press(&mut f.app, "jjk<Esc>");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Title)),
        "Halbfertig"
    );
    press(&mut f.app, "<C-g><C-g>");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Title)),
        "Halbfertig"
    );
}
