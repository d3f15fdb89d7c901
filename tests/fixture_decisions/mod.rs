//! The decision records of the schema-5 fixture (issue 15): three sessions (one changed, one
//! removed), three decisions (one removed), two status steps of measure 4 (to votum and back to
//! beantragt, so its status stays as the older fixtures have it), three deadlines (one done,
//! one removed).

use quartier::model::{
    Body, Cents, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, MeasureId, Outcome,
    Session, SessionId, Status, Votes,
};
use quartier::ops::Op;
use quartier::store::{Repository, Store};

use crate::common::date;

/// The schema that first stored decisions and deadlines.
pub const SINCE: u64 = 5;

/// How many history entries [`ops`] writes.
pub const OPS: usize = 16;

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    date(y, m, d).unwrap()
}

/// The sessions as stored, by date.
pub fn sessions() -> Vec<Session> {
    vec![
        Session {
            id: SessionId(1),
            body: Body::Quartiersrat,
            date: day(2026, 3, 12),
            note: "Protokoll: Ordner QR/2026, S. 4".into(),
        },
        Session {
            id: SessionId(2),
            body: Body::AktionsfondsJury,
            date: day(2026, 3, 20),
            note: String::new(),
        },
    ]
}

/// The decisions as stored, by id (3 was removed).
pub fn decisions() -> Vec<Decision> {
    vec![
        Decision {
            id: DecisionId(1),
            session: SessionId(1),
            measure: MeasureId(4),
            outcome: Outcome::Zustimmung,
            votes: Some(Votes {
                yes: 9,
                no: 1,
                abstain: 2,
            }),
            amount: Some(Cents(5_500_000)),
            conditions: String::new(),
        },
        Decision {
            id: DecisionId(2),
            session: SessionId(2),
            measure: MeasureId(2),
            outcome: Outcome::ZustimmungMitAuflagen,
            votes: None,
            amount: Some(Cents(120_000)),
            conditions: "Belege bis 31.07.\nFotos für die Website".into(),
        },
    ]
}

/// The deadlines as stored, by due date (3 was removed).
pub fn deadlines() -> Vec<Deadline> {
    vec![
        Deadline {
            id: DeadlineId(2),
            kind: DeadlineKind::Antragsfrist,
            due: day(2026, 9, 15),
            measure: None,
            note: "Projektfonds 2027".into(),
            done: Some(day(2026, 9, 10)),
        },
        Deadline {
            id: DeadlineId(1),
            kind: DeadlineKind::Verwendungsnachweis,
            due: day(2027, 6, 30),
            measure: Some(MeasureId(1)),
            note: String::new(),
            done: None,
        },
    ]
}

/// The ops that write them, each one history entry.
pub fn ops() -> Vec<Op> {
    let [qr, jury] = <[Session; 2]>::try_from(sessions()).unwrap();
    let [first, second] = <[Decision; 2]>::try_from(decisions()).unwrap();
    let [antrag, proof] = <[Deadline; 2]>::try_from(deadlines()).unwrap();
    let new_session = |s: &Session| Session {
        id: SessionId(0),
        ..s.clone()
    };
    let new_deadline = |d: &Deadline| Deadline {
        id: DeadlineId(0),
        ..d.clone()
    };
    let status = |to: Status, day_of_march: u32, note: &str| Op::SetStatus {
        measure: MeasureId(4),
        to,
        date: day(2026, 3, day_of_march),
        note: note.into(),
    };
    vec![
        Op::AddSession {
            session: Session {
                note: String::new(),
                ..new_session(&qr)
            },
        },
        Op::AddSession {
            session: new_session(&jury),
        },
        Op::AddSession {
            session: Session {
                id: SessionId(0),
                body: Body::Other("Kiezbeirat".into()),
                date: day(2026, 4, 1),
                note: String::new(),
            },
        },
        Op::UpdateSession { session: qr },
        Op::RemoveSession { id: SessionId(3) },
        Op::AddDecision {
            decision: Decision {
                id: DecisionId(0),
                ..first
            },
        },
        Op::AddDecision {
            decision: Decision {
                id: DecisionId(0),
                ..second
            },
        },
        Op::AddDecision {
            decision: Decision {
                id: DecisionId(0),
                session: SessionId(1),
                measure: MeasureId(5),
                outcome: Outcome::Ablehnung,
                votes: Some(Votes {
                    yes: 2,
                    no: 10,
                    abstain: 0,
                }),
                amount: None,
                conditions: String::new(),
            },
        },
        Op::RemoveDecision {
            measure: MeasureId(5),
            id: DecisionId(3),
        },
        status(Status::Votum, 12, "Votum des Quartiersrats"),
        status(Status::Beantragt, 20, "Antrag beim Bezirksamt"),
        Op::AddDeadline {
            deadline: new_deadline(&proof),
        },
        Op::AddDeadline {
            deadline: Deadline {
                done: None,
                ..new_deadline(&antrag)
            },
        },
        Op::UpdateDeadline { deadline: antrag },
        Op::AddDeadline {
            deadline: Deadline {
                id: DeadlineId(0),
                kind: DeadlineKind::Sonstige,
                due: day(2026, 5, 1),
                measure: Some(MeasureId(3)),
                note: "Bauabnahme".into(),
                done: None,
            },
        },
        Op::RemoveDeadline { id: DeadlineId(3) },
    ]
}

/// Checks the decision records of a fixture of `schema`: as written for schema 5 and later,
/// none at all before (the migration adds nothing).
pub fn check(store: &Store, schema: u64) {
    if schema < SINCE {
        assert_eq!(store.sessions().unwrap(), []);
        assert_eq!(store.decisions().unwrap(), []);
        assert_eq!(store.deadlines().unwrap(), []);
        for id in 1..=5 {
            assert_eq!(store.steps_of(MeasureId(id)).unwrap(), []);
        }
        return;
    }
    let sessions_stored: Vec<Session> = (store.sessions().unwrap().into_iter())
        .map(|(_, s)| s)
        .collect();
    assert_eq!(sessions_stored, sessions());
    assert_eq!(store.session(SessionId(1)).unwrap().unwrap().0, 2);
    let decisions_stored: Vec<Decision> = (store.decisions().unwrap().into_iter())
        .map(|(_, d)| d)
        .collect();
    assert_eq!(decisions_stored, decisions());
    assert_eq!(store.decisions_of(MeasureId(5)).unwrap(), []);
    assert_eq!(store.decisions_in(SessionId(1)).unwrap().len(), 1);
    let deadlines_stored: Vec<Deadline> = (store.deadlines().unwrap().into_iter())
        .map(|(_, d)| d)
        .collect();
    assert_eq!(deadlines_stored, deadlines());
    assert_eq!(store.deadline(DeadlineId(2)).unwrap().unwrap().0, 2);
    // Through the index of a measure's deadlines (what the detail pane reads).
    let of_measure = store.course_of(MeasureId(1)).unwrap().deadlines;
    assert_eq!(of_measure, deadlines()[1..]);
    let steps = store.steps_of(MeasureId(4)).unwrap();
    let course: Vec<(Status, Status, String)> = (steps.iter())
        .map(|s| (s.from, s.to, s.note.clone()))
        .collect();
    assert_eq!(
        course,
        [
            (
                Status::Beantragt,
                Status::Votum,
                "Votum des Quartiersrats".to_string()
            ),
            (
                Status::Votum,
                Status::Beantragt,
                "Antrag beim Bezirksamt".to_string()
            ),
        ]
    );
    assert!(steps.iter().all(|s| s.who == "fixture"));
}
