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
