//! The `Konflikt` dialog over the form: both titles, the chosen side marked, the keys in the
//! status bar.

use super::*;
use crate::app::tests::as_colleague;
use crate::ops::Op;

/// The form of M-0001 with title and notes typed over; a colleague stored other ones meanwhile.
fn conflict_open() -> crate::app::tests::Fixture {
    let mut f = fixture();
    press(&mut f.app, "ljjj<Tab>e");
    if let Mode::Form(state) = &mut f.app.mode {
        state
            .form
            .set_text(Field::Title, "Lesepaten – Titel von Anna");
        state.form.set_text(Field::Notes, "Annas Notiz");
    }
    let mut theirs = f.app.store().measure(MeasureId(1)).unwrap().unwrap();
    theirs.title = "Lesepaten – Titel von Ben".into();
    theirs.notes = "Bens Notiz\nzweite Zeile".into();
    as_colleague(&mut f.app, Op::UpdateMeasure { measure: theirs });
    press(&mut f.app, "<C-s>");
    assert!(matches!(f.app.mode, Mode::Conflict(_)), "{:?}", f.app.mode);
    f
}

#[test]
fn conflict_dialog_two_fields_80x24() {
    let mut f = conflict_open();
    press(&mut f.app, "jt");
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
}

#[test]
fn conflict_dialog_120x40() {
    let f = conflict_open();
    insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
}
