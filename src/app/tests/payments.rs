//! The payments view (`z`, issue 14): list, add, edit, delete through the form and the yes/no
//! question, each one op in the history (undo), an edit refused after a colleague's change.

use super::*;
use crate::model::{MeasureId, Payment, PaymentId, PaymentKind};

const LESEPATEN: MeasureId = MeasureId(1);

fn payment(euros: i64, reference: &str) -> Payment {
    Payment {
        id: PaymentId(0),
        measure: LESEPATEN,
        date: NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
        amount: Cents(euros * 100),
        kind: PaymentKind::Mittelabruf,
        reference: reference.into(),
        note: String::new(),
    }
}

/// Two payments of Lesepaten stored before the app opens.
pub(crate) fn with_two_payments() -> Fixture {
    fixture_with(|store| {
        for p in [payment(2_000, "MA-1"), payment(500, "MA-2")] {
            store.apply(Op::AddPayment { payment: p }, "anna").unwrap();
        }
    })
}

/// Opens the payments of Lesepaten (the first measure under 1.3).
pub(crate) fn open(app: &mut App) {
    press(app, "ljjj<Tab>z");
    let Mode::Payments(view) = &app.mode else {
        panic!("no payments view: {:?} {:?}", app.mode, app.message);
    };
    assert_eq!(view.measure.id, LESEPATEN);
}

fn stored(app: &App) -> Vec<Payment> {
    let payments = app.store().payments_of(LESEPATEN).unwrap();
    payments.into_iter().map(|(_, p)| p).collect()
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn z_opens_the_payments_and_a_adds_one_through_the_form() {
    let mut f = fixture();
    let app = &mut f.app;
    open(app);
    press(app, "a");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.title(), "Neue Zahlung für M-0001");
    // The date starts at today (fixed by the fixture).
    assert_eq!(state.form.text(Field::Date).as_deref(), Some("01.06.2026"));
    press(app, "<Tab>");
    type_text(app, "2.000,50");
    press(app, "<Tab><Left><Tab>");
    type_text(app, "MA-2026-1");
    press(app, "<C-s>");
    let Mode::Payments(view) = &app.mode else {
        panic!("back to the list expected: {:?}", app.mode);
    };
    assert_eq!(view.payments.len(), 1);
    assert_eq!(
        view.sum_line(Lang::De),
        "ausgezahlt 2.000,50 € von 12.500,00 €"
    );
    assert_eq!(message(app), "gespeichert");
    let saved = stored(app);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].amount, Cents(200_050));
    assert_eq!(saved[0].kind, PaymentKind::Mittelabruf);
    assert_eq!(saved[0].reference, "MA-2026-1");
    assert_eq!(saved[0].date, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    // One op in the history: `u` in normal mode takes it back.
    press(app, "<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
    press(app, "u");
    assert!(stored(app).is_empty(), "{:?}", app.message);
    press(app, "<C-r>");
    assert_eq!(stored(app).len(), 1);
}

#[test]
fn an_invalid_amount_gets_its_message_next_to_the_field_and_saves_nothing() {
    let mut f = fixture();
    let app = &mut f.app;
    open(app);
    press(app, "a<Tab>");
    type_text(app, "12,3,4");
    // Leaving the field shows the problem at once.
    press(app, "<Tab>");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    assert!(state.form.error_of(Field::Amount).is_some(), "{state:?}");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Date, "31.02.2026");
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("the form closed");
    };
    let amount = state.form.error_of(Field::Amount).expect("amount error");
    assert!(amount.contains("12,3,4"), "{amount}");
    assert!(state.form.error_of(Field::Date).is_some());
    assert_eq!(state.form.error_of(Field::Reference), None);
    assert!(stored(app).is_empty());
    // An empty amount is required.
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Date, "01.03.2026");
    state.form.set_text(Field::Amount, "");
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("the form closed");
    };
    assert!(state.form.error_of(Field::Amount).is_some());
    assert!(stored(app).is_empty());
}

#[test]
fn esc_asks_before_discarding_and_goes_back_to_the_list() {
    let mut f = with_two_payments();
    let app = &mut f.app;
    open(app);
    press(app, "a<Esc>");
    assert!(matches!(app.mode, Mode::Payments(_)), "a clean form closes");
    press(app, "a<Tab>");
    type_text(app, "5");
    press(app, "<Esc>");
    let Mode::Form(state) = &app.mode else {
        panic!("a changed form asks first");
    };
    assert!(state.form.is_asking());
    press(app, "j");
    assert!(matches!(app.mode, Mode::Payments(_)), "{:?}", app.mode);
    assert_eq!(stored(app).len(), 2);
}

#[test]
fn e_edits_the_selected_payment_keeping_its_id() {
    let mut f = with_two_payments();
    let app = &mut f.app;
    open(app);
    press(app, "j");
    press(app, "e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.text(Field::Reference).as_deref(), Some("MA-2"));
    assert_eq!(state.form.text(Field::Amount).as_deref(), Some("500,00"));
    state.form.set_text(Field::Amount, "750");
    state.form.set_text(Field::Notes, "zweite Rate");
    press(app, "<C-s>");
    let Mode::Payments(view) = &app.mode else {
        panic!("back to the list expected: {:?}", app.mode);
    };
    assert_eq!(view.selected_payment().unwrap().1.reference, "MA-2");
    let edited = stored(app)
        .into_iter()
        .find(|p| p.reference == "MA-2")
        .unwrap();
    assert_eq!(edited.id, PaymentId(2));
    assert_eq!(edited.amount, Cents(75_000));
    assert_eq!(edited.note, "zweite Rate");
    press(app, "<Esc>u");
    let undone = stored(app)
        .into_iter()
        .find(|p| p.reference == "MA-2")
        .unwrap();
    assert_eq!(undone.amount, Cents(50_000));
}

#[test]
fn an_edit_after_a_colleagues_change_is_refused_with_the_conflict_message() {
    let mut f = with_two_payments();
    let app = &mut f.app;
    open(app);
    press(app, "e");
    let mut theirs = app.store().payment(PaymentId(1)).unwrap().unwrap().1;
    theirs.amount = Cents(99_900);
    app.store
        .apply(Op::UpdatePayment { payment: theirs }, "ben")
        .unwrap();
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Amount, "1");
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Form(_)), "the form stays open");
    assert!(message(app).contains("inzwischen"), "{}", message(app));
    let kept = app.store().payment(PaymentId(1)).unwrap().unwrap().1;
    assert_eq!(kept.amount, Cents(99_900), "the colleague's change stays");
}

#[test]
fn d_asks_then_deletes_the_selected_payment() {
    let mut f = with_two_payments();
    let app = &mut f.app;
    open(app);
    press(app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question");
    };
    assert_eq!(
        confirm.question,
        "Zahlung Z-0001 vom 15.03.2026 über 2.000,00 € löschen? (j/n)"
    );
    press(app, "n");
    assert!(matches!(app.mode, Mode::Payments(_)));
    assert_eq!(stored(app).len(), 2);
    press(app, "dj");
    let Mode::Payments(view) = &app.mode else {
        panic!("back to the list expected: {:?}", app.mode);
    };
    assert_eq!(view.payments.len(), 1);
    assert_eq!(view.selected_payment().unwrap().1.reference, "MA-2");
    assert_eq!(stored(app).len(), 1);
    press(app, "qu");
    assert_eq!(stored(app).len(), 2, "undo brings it back");
}

#[test]
fn without_payments_e_and_d_say_so_and_z_needs_a_measure() {
    let mut f = fixture();
    let app = &mut f.app;
    open(app);
    press(app, "e");
    assert_eq!(message(app), "Keine Zahlung ausgewählt");
    press(app, "z");
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn a_half_typed_payment_is_kept_as_a_draft_and_saved_after_the_restart() {
    let mut f = fixture();
    open(&mut f.app);
    press(&mut f.app, "a<Tab>");
    type_text(&mut f.app, "1.234,5");
    assert!(f.app.save_draft().unwrap());
    let draft = f.dir.path().join("draft.json");
    let store = f.app.into_store();
    let mut app = App::new(store, Lang::De, Some(draft)).unwrap();
    press(&mut app, "j");
    let Mode::Form(state) = &app.mode else {
        panic!("no form: {:?}", app.mode);
    };
    assert_eq!(state.form.title(), "Neue Zahlung für M-0001");
    assert_eq!(state.form.text(Field::Amount).as_deref(), Some("1.234,5"));
    press(&mut app, "<C-s>");
    assert!(matches!(app.mode, Mode::Payments(_)), "{:?}", app.mode);
    assert_eq!(stored(&app)[0].amount, Cents(123_450));
}

#[test]
fn a_colleagues_payment_shows_in_the_open_view() {
    let mut f = with_two_payments();
    let app = &mut f.app;
    open(app);
    press(app, "j");
    let applied = app
        .store
        .apply(
            Op::AddPayment {
                payment: payment(1, "MA-0"),
            },
            "ben",
        )
        .unwrap();
    app.refresh_payments(&applied.changes);
    let Mode::Payments(view) = &app.mode else {
        panic!("the view closed");
    };
    assert_eq!(view.payments.len(), 3);
    assert_eq!(
        view.selected_payment().unwrap().1.reference,
        "MA-2",
        "selection kept"
    );
    assert_eq!(
        view.sum_line(Lang::De),
        "ausgezahlt 2.501,00 € von 12.500,00 €"
    );
}
