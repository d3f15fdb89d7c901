//! Text that arrives other than key by key: typed bursts and pastes.

use super::*;

#[test]
fn a_typed_burst_inserts_what_single_keys_insert() {
    let mut one_by_one = fixture();
    let mut burst = fixture();
    for app in [&mut one_by_one.app, &mut burst.app] {
        assert_eq!(app.typed_char(&text_key('a')), None, "normal mode");
        press(app, "ljjj<Tab>a");
        type_text(app, "Fest");
        press(app, "<Left><Left>");
    }
    let typed = "im Hof äö ";
    type_text(&mut one_by_one.app, typed);
    let chars: Option<String> = typed
        .chars()
        .map(|c| burst.app.typed_char(&text_key(c)))
        .collect();
    burst
        .app
        .type_text(&chars.expect("every character is plain text"));
    assert_eq!(
        form_text(&burst.app, form::Slot::Field(Field::Title)),
        "Feim Hof äö st"
    );
    assert_eq!(
        form_text(&burst.app, form::Slot::Field(Field::Title)),
        form_text(&one_by_one.app, form::Slot::Field(Field::Title))
    );
    let ctrl_s = key("C-s");
    assert_eq!(burst.app.typed_char(&ctrl_s), None, "a binding");
    // Fonds is a choice: Space there is no text.
    assert!(focus_slot(&mut burst.app, form::Slot::Field(Field::Fund)));
    assert_eq!(burst.app.typed_char(&text_key(' ')), None, "a choice");
}

#[test]
fn a_paste_goes_into_the_field_whole_and_elsewhere_changes_nothing() {
    let mut f = fixture();
    f.app.paste("dj");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert!(
        message(&f.app).contains("Einfügen nur in ein Textfeld"),
        "{}",
        message(&f.app)
    );
    press(&mut f.app, "ljjj<Tab>a");
    f.app.paste("Sommer\r\nfest");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Title)),
        "Sommer fest"
    );
    press(&mut f.app, "<Tab>");
    f.app.paste("eins\r\nzwei\rdrei\nvier");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Description)),
        "eins\nzwei\ndrei\nvier"
    );
    assert!(focus_slot(&mut f.app, form::Slot::Field(Field::Fund)));
    let fund = form_text(&f.app, form::Slot::Field(Field::Fund));
    f.app.paste("Baufonds");
    assert!(
        message(&f.app).contains("Einfügen nur"),
        "{}",
        message(&f.app)
    );
    assert_eq!(form_text(&f.app, form::Slot::Field(Field::Fund)), fund);
}
