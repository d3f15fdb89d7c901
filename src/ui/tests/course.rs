//! The Verlauf overlay (`v`, issue 15): a measure's status steps and decisions, newest first,
//! over the panes at 80×24; `Esc` closes it; without a measure it does not open.

use super::*;
use crate::model::{Body, Cents, Decision, DecisionId, Outcome, Session, SessionId, Status};
use crate::ops::Op;

#[test]
fn v_shows_the_steps_and_decisions_of_the_measure_newest_first() {
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut f = fixture_with(|store| {
        let m = MeasureId(1);
        let session = Session {
            id: SessionId(0),
            body: Body::AktionsfondsJury,
            date: day(3, 20),
            note: String::new(),
        };
        store.apply(Op::AddSession { session }, "t").unwrap();
        let decision = Decision {
            id: DecisionId(0),
            session: SessionId(1),
            measure: m,
            outcome: Outcome::ZustimmungMitAuflagen,
            votes: None,
            amount: Some(Cents(120_000)),
            conditions: "Belege".into(),
        };
        store.apply(Op::AddDecision { decision }, "t").unwrap();
        for (to, date, note) in [
            (Status::Skizze, day(3, 1), "Skizze eingereicht"),
            (Status::Bewilligt, day(4, 2), "Bescheid"),
        ] {
            let op = Op::SetStatus {
                measure: m,
                to,
                date,
                note: note.into(),
            };
            store.apply(op, "anna").unwrap();
        }
    });
    press(&mut f.app, "ljjj<Tab>");
    press(&mut f.app, "v");
    assert!(matches!(f.app.mode, crate::app::Mode::Course { .. }));
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("Statusverlauf M-0001"), "{shown}");
    assert!(shown.contains("STATUSVERLAUF"), "{shown}");
    let newest = shown.find("02.04.2026  skizze → bewilligt  (anna)  Bescheid");
    let decision =
        shown.find("20.03.2026  Aktionsfonds-Jury: Zustimmung mit Auflagen, 1.200,00 € – Belege");
    let oldest = shown.find("01.03.2026  laufend → skizze  (anna)  Skizze eingereicht");
    assert!(
        newest.is_some() && decision.is_some() && oldest.is_some(),
        "{shown}"
    );
    assert!(newest < decision && decision < oldest, "{shown}");
    press(&mut f.app, "<Esc>");
    assert!(matches!(f.app.mode, crate::app::Mode::Normal));
    // A measure without any says so.
    press(&mut f.app, "jv");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(
        shown.contains("Noch keine Statusschritte oder Beschlüsse."),
        "{shown}"
    );
    press(&mut f.app, "q");
    assert!(matches!(f.app.mode, crate::app::Mode::Normal));
}

#[test]
fn v_without_a_measure_says_so_and_stays() {
    let mut f = fixture();
    // 1.1 has no measures.
    press(&mut f.app, "lj<Tab>v");
    assert!(matches!(f.app.mode, crate::app::Mode::Normal));
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(shown.contains("Keine Maßnahme gewählt."), "{shown}");
}

#[test]
fn s_sets_the_next_status_with_date_and_note_and_warns_off_the_course() {
    let mut f = fixture();
    // M-0001 is laufend: the usual next status is proposed.
    press(&mut f.app, "ljjj<Tab>S");
    assert!(matches!(f.app.mode, crate::app::Mode::SetStatus(_)));
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("Status von M-0001"), "{shown}");
    assert!(shown.contains("bisher  laufend"), "{shown}");
    assert!(shown.contains("◂ sachbericht-eingereicht ▸"), "{shown}");
    // Two further down skips a step: said before saving.
    press(&mut f.app, "<Down><Down>");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(
        shown.contains("◂ verwendungsnachweis-geprueft ▸"),
        "{shown}"
    );
    assert!(
        shown.contains("⚠ verwendungsnachweis-geprueft ohne"),
        "{shown}"
    );
    assert!(
        shown.contains("verwendungsnachweis-eingereicht (üblicher Verlauf: laufend →"),
        "{shown}"
    );
    press(&mut f.app, "<Up><Up>");
    // A date that does not exist keeps the dialog open with the problem.
    press(&mut f.app, "<C-u>");
    type_text(&mut f.app, "31.02.2026");
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.mode, crate::app::Mode::SetStatus(_)));
    let crate::app::Mode::SetStatus(dialog) = &f.app.mode else {
        panic!("the dialog stays open");
    };
    let error = dialog.error.clone().unwrap_or_default();
    assert!(error.contains("31.02.2026"), "{error}");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    let start: String = error.chars().take(20).collect();
    assert!(shown.contains(&start), "{shown}");
    assert!(f.app.store().steps_of(MeasureId(1)).unwrap().is_empty());
    press(&mut f.app, "<C-u>");
    type_text(&mut f.app, "01.04.2026");
    press(&mut f.app, "<Tab>");
    type_text(&mut f.app, "Bericht eingegangen");
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.mode, crate::app::Mode::Normal));
    let steps = f.app.store().steps_of(MeasureId(1)).unwrap();
    assert_eq!(steps.len(), 1);
    let step = &steps[0];
    assert_eq!(
        (step.from, step.to, step.date, step.note.as_str()),
        (
            Status::Laufend,
            Status::SachberichtEingereicht,
            NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            "Bericht eingegangen"
        )
    );
    // The detail pane shows the new status and the step; undo takes both back.
    let shown = screen(draw(&f.app, 120, 40).backend().buffer());
    assert!(
        shown.contains("Verlauf: 01.04.2026 laufend → sachbericht-eingereicht"),
        "{shown}"
    );
    press(&mut f.app, "u");
    assert!(f.app.store().steps_of(MeasureId(1)).unwrap().is_empty());
    let m = f.app.store().measure(MeasureId(1)).unwrap().unwrap();
    assert_eq!(m.status, Status::Laufend);
    // Esc cancels without a change.
    press(&mut f.app, "S<Esc>");
    assert!(matches!(f.app.mode, crate::app::Mode::Normal));
    assert!(f.app.store().steps_of(MeasureId(1)).unwrap().is_empty());
}
