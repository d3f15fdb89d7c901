//! Decisions and deadlines (issue 15) on a real sled database: sessions, decisions, status
//! steps and deadlines round-trip, survive reopening, undo and redo; a status change through
//! `UpdateMeasure` is a step too; deleting a measure takes its decisions, steps and deadlines
//! along and its undo brings them back; the rules are checked, also through the server.

mod common;

use std::path::Path;

use common::{USER, add_measure, date, fresh, reopen};
use quartier::model::{
    Body, Cents, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, Field, MeasureId,
    Outcome, Problem, Session, SessionId, Status, Votes,
};
use quartier::ops::{Change, Op, Record};
use quartier::store::{Repository, Store, StoreError};

fn session(body: Body, day: u32) -> Session {
    Session {
        id: SessionId(0),
        body,
        date: date(2026, 3, day).unwrap(),
        note: "Protokoll im Ordner QR-2026".into(),
    }
}

fn decision(session: SessionId, measure: MeasureId, outcome: Outcome) -> Decision {
    Decision {
        id: DecisionId(0),
        session,
        measure,
        outcome,
        votes: Some(Votes {
            yes: 9,
            no: 1,
            abstain: 2,
        }),
        amount: Some(Cents(4_500_000)),
        conditions: "Kostenplan nachreichen".into(),
    }
}

fn deadline(measure: Option<MeasureId>, due: (i32, u32, u32)) -> Deadline {
    Deadline {
        id: DeadlineId(0),
        kind: DeadlineKind::Verwendungsnachweis,
        due: date(due.0, due.1, due.2).unwrap(),
        measure,
        note: String::new(),
        done: None,
    }
}

fn set_status(measure: MeasureId, to: Status, day: u32) -> Op {
    Op::SetStatus {
        measure,
        to,
        date: date(2026, 4, day).unwrap(),
        note: format!("Bescheid vom {day:02}.04.2026"),
    }
}

fn add_session(store: &mut Store, s: Session) -> SessionId {
    let applied = store.apply(Op::AddSession { session: s }, USER).unwrap();
    applied.added_session().expect("session id")
}

fn add_decision(store: &mut Store, d: Decision) -> DecisionId {
    let applied = store.apply(Op::AddDecision { decision: d }, USER).unwrap();
    applied.added_decision().expect("decision id")
}

fn add_deadline(store: &mut Store, d: Deadline) -> DeadlineId {
    let applied = store.apply(Op::AddDeadline { deadline: d }, USER).unwrap();
    applied.added_deadline().expect("deadline id")
}

fn status_of(store: &Store, id: MeasureId) -> Status {
    store.measure(id).unwrap().unwrap().status
}

#[test]
fn sessions_decisions_steps_and_deadlines_round_trip_and_survive_reopening() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let qr = add_session(&mut store, session(Body::Quartiersrat, 12));
    let own = add_session(&mut store, session(Body::Other("Kiezbeirat".into()), 5));
    assert_eq!((qr, own), (SessionId(1), SessionId(2)));
    let b = add_decision(&mut store, decision(qr, m, Outcome::Zustimmung));
    let applied = store.apply(set_status(m, Status::Votum, 1), USER).unwrap();
    let step = match applied.changes.as_slice() {
        [
            Change::MeasureUpdated(changed),
            Change::StepAdded { measure, id },
        ] if *changed == m && *measure == m => *id,
        other => panic!("changes {other:?}"),
    };
    store
        .apply(set_status(m, Status::Bewilligt, 2), USER)
        .unwrap();
    let f = add_deadline(&mut store, deadline(Some(m), (2027, 6, 30)));
    let office = add_deadline(&mut store, deadline(None, (2026, 5, 1)));
    let mut done = deadline(None, (2026, 5, 1));
    done.id = office;
    done.done = date(2026, 4, 28);
    store
        .apply(
            Op::UpdateDeadline {
                deadline: done.clone(),
            },
            USER,
        )
        .unwrap();
    assert_eq!(store.check(), []);

    let store = reopen(store);
    assert_eq!(status_of(&store, m), Status::Bewilligt);
    let sessions: Vec<Session> = (store.sessions().unwrap().into_iter())
        .map(|(_, s)| s)
        .collect();
    // By date: the Kiezbeirat met first.
    assert_eq!(sessions.iter().map(|s| s.id).collect::<Vec<_>>(), [own, qr]);
    assert_eq!(sessions[0].body, Body::Other("Kiezbeirat".into()));
    let stored = store.decision(b).unwrap().unwrap();
    assert_eq!(stored.0, 1);
    assert_eq!(
        stored.1,
        Decision {
            id: b,
            ..decision(qr, m, Outcome::Zustimmung)
        }
    );
    assert_eq!(
        store.decisions_of(m).unwrap(),
        std::slice::from_ref(&stored)
    );
    assert_eq!(
        store.decisions_in(qr).unwrap(),
        std::slice::from_ref(&stored)
    );
    assert_eq!(store.decisions_in(own).unwrap(), []);
    let steps = store.steps_of(m).unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].id, step);
    assert_eq!(
        (steps[0].from, steps[0].to, steps[1].from, steps[1].to),
        (
            Status::Idee,
            Status::Votum,
            Status::Votum,
            Status::Bewilligt
        )
    );
    assert_eq!(steps[1].date, date(2026, 4, 2).unwrap());
    assert_eq!(steps[1].note, "Bescheid vom 02.04.2026");
    // Who: the acting user as the store was told, not anything the op carried.
    assert!(steps.iter().all(|s| s.who == USER));
    let deadlines: Vec<Deadline> = (store.deadlines().unwrap().into_iter())
        .map(|(_, d)| d)
        .collect();
    assert_eq!(
        deadlines.iter().map(|d| d.id).collect::<Vec<_>>(),
        [office, f]
    );
    assert_eq!(deadlines[0], done);
    assert_eq!(store.deadline(office).unwrap().unwrap().0, 2);
    let course = store.course_of(m).unwrap();
    assert_eq!(course.decisions.len(), 1);
    assert_eq!(course.decisions[0].1.as_ref().map(|s| s.id), Some(qr));
    assert_eq!(course.steps, steps);
    assert_eq!(
        course.deadlines.iter().map(|d| d.id).collect::<Vec<_>>(),
        [f]
    );
    assert_eq!(store.check(), []);
}

#[test]
fn every_decision_op_is_undone_and_redone() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let qr = add_session(&mut store, session(Body::Quartiersrat, 12));
    let mut moved = session(Body::Steuerungsrunde, 19);
    moved.id = qr;
    store
        .apply(
            Op::UpdateSession {
                session: moved.clone(),
            },
            USER,
        )
        .unwrap();
    let b = add_decision(&mut store, decision(qr, m, Outcome::Vertagung));
    let mut changed = decision(qr, m, Outcome::ZustimmungMitAuflagen);
    changed.id = b;
    changed.votes = None;
    store
        .apply(
            Op::UpdateDecision {
                decision: changed.clone(),
            },
            USER,
        )
        .unwrap();
    store
        .apply(set_status(m, Status::Bewilligt, 1), USER)
        .unwrap();
    let f = add_deadline(&mut store, deadline(Some(m), (2027, 1, 31)));
    store.apply(Op::RemoveDeadline { id: f }, USER).unwrap();

    // Back, one by one.
    store.undo(USER).unwrap();
    assert!(store.deadline(f).unwrap().is_some());
    store.undo(USER).unwrap();
    assert_eq!(store.deadlines().unwrap(), []);
    store.undo(USER).unwrap();
    assert_eq!(status_of(&store, m), Status::Idee);
    assert_eq!(store.steps_of(m).unwrap(), []);
    store.undo(USER).unwrap();
    assert_eq!(
        store.decision(b).unwrap().unwrap().1.outcome,
        Outcome::Vertagung
    );
    store.undo(USER).unwrap();
    assert_eq!(store.decisions().unwrap(), []);
    store.undo(USER).unwrap();
    assert_eq!(
        store.session(qr).unwrap().unwrap().1.body,
        Body::Quartiersrat
    );
    assert_eq!(store.check(), []);

    // And forward again.
    for _ in 0..6 {
        store.redo(USER).unwrap();
    }
    assert_eq!(store.session(qr).unwrap().unwrap().1, moved);
    assert_eq!(store.decision(b).unwrap().unwrap().1, changed);
    assert_eq!(status_of(&store, m), Status::Bewilligt);
    let steps = store.steps_of(m).unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(
        (steps[0].from, steps[0].to),
        (Status::Idee, Status::Bewilligt)
    );
    assert_eq!(store.deadline(f).unwrap(), None);
    assert_eq!(store.check(), []);
}

#[test]
fn a_status_changed_by_an_edit_is_a_step_of_today_and_undo_takes_it_back() {
    // SAFETY of the test: the store reads QUARTIER_TODAY for the step's date; this test binary
    // runs no other test that depends on the variable.
    unsafe { std::env::set_var("QUARTIER_TODAY", "2026-05-04") };
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let mut edited = store.measure(m).unwrap().unwrap();
    edited.title = "Kiezküche am Platz".into();
    store
        .apply(
            Op::UpdateMeasure {
                measure: edited.clone(),
            },
            USER,
        )
        .unwrap();
    // Same status: no step.
    assert_eq!(store.steps_of(m).unwrap(), []);
    edited.status = Status::Abgeschlossen;
    let applied = store
        .apply(
            Op::UpdateMeasure {
                measure: edited.clone(),
            },
            USER,
        )
        .unwrap();
    assert!(matches!(
        applied.changes.as_slice(),
        [Change::MeasureUpdated(_), Change::StepAdded { .. }]
    ));
    let steps = store.steps_of(m).unwrap();
    assert_eq!(steps.len(), 1);
    let step = &steps[0];
    assert_eq!(
        (
            step.from,
            step.to,
            step.date,
            step.who.as_str(),
            step.note.as_str()
        ),
        (
            Status::Idee,
            Status::Abgeschlossen,
            date(2026, 5, 4).unwrap(),
            USER,
            ""
        )
    );
    store.undo(USER).unwrap();
    assert_eq!(status_of(&store, m), Status::Idee);
    assert_eq!(store.steps_of(m).unwrap(), []);
    assert_eq!(
        store.measure(m).unwrap().unwrap().title,
        "Kiezküche am Platz"
    );
    store.redo(USER).unwrap();
    assert_eq!(store.measure(m).unwrap().unwrap(), edited);
    assert_eq!(store.steps_of(m).unwrap(), steps);
    assert_eq!(store.check(), []);
}

#[test]
fn deleting_a_measure_takes_its_decisions_steps_and_deadlines_and_undo_brings_them_back() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let other = add_measure(&mut store, "Lesepaten", &["1.1"]);
    let qr = add_session(&mut store, session(Body::Quartiersrat, 12));
    let b = add_decision(&mut store, decision(qr, m, Outcome::Zustimmung));
    let kept = add_decision(&mut store, decision(qr, other, Outcome::Ablehnung));
    store.apply(set_status(m, Status::Votum, 1), USER).unwrap();
    store
        .apply(set_status(m, Status::Bewilligt, 2), USER)
        .unwrap();
    let f = add_deadline(&mut store, deadline(Some(m), (2027, 6, 30)));
    let office = add_deadline(&mut store, deadline(None, (2026, 5, 1)));
    let steps = store.steps_of(m).unwrap();

    store.apply(Op::DeleteMeasure { id: m }, USER).unwrap();
    assert_eq!(store.decisions_in(qr).unwrap().len(), 1);
    assert_eq!(store.decision(b).unwrap(), None);
    assert_eq!(store.steps_of(m).unwrap(), []);
    assert_eq!(store.deadline(f).unwrap(), None);
    assert!(store.deadline(office).unwrap().is_some());
    assert!(store.decision(kept).unwrap().is_some());
    assert_eq!(store.check(), []);

    store.undo(USER).unwrap();
    assert_eq!(status_of(&store, m), Status::Bewilligt);
    assert_eq!(store.decision(b).unwrap().unwrap().1.measure, m);
    assert_eq!(store.decisions_in(qr).unwrap().len(), 2);
    assert_eq!(store.steps_of(m).unwrap(), steps);
    assert!(store.deadline(f).unwrap().is_some());
    assert_eq!(store.check(), []);
    store.redo(USER).unwrap();
    assert_eq!(store.decision(b).unwrap(), None);
    assert_eq!(store.steps_of(m).unwrap(), []);
    assert_eq!(store.check(), []);
}

#[test]
fn refused_decision_ops_change_nothing_and_name_what_is_wrong() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let qr = add_session(&mut store, session(Body::Quartiersrat, 12));
    let b = add_decision(&mut store, decision(qr, m, Outcome::Zustimmung));
    let before = store.history(100).unwrap().len();
    // A session with decisions stays.
    assert!(matches!(
        store.apply(Op::RemoveSession { id: qr }, USER),
        Err(StoreError::SessionHasDecisions { session, decisions: 1 }) if session == qr
    ));
    // A decision needs its session and measure.
    assert!(matches!(
        store.apply(
            Op::AddDecision {
                decision: decision(SessionId(9), m, Outcome::Zustimmung)
            },
            USER
        ),
        Err(StoreError::NotFound(Record::Session(SessionId(9))))
    ));
    assert!(matches!(
        store.apply(
            Op::AddDecision {
                decision: decision(qr, MeasureId(99), Outcome::Zustimmung)
            },
            USER
        ),
        Err(StoreError::MeasureNotFound(MeasureId(99)))
    ));
    // A status change to the status the measure has.
    match store.apply(set_status(m, Status::Idee, 1), USER) {
        Err(StoreError::Invalid(errors)) => {
            assert_eq!(errors[0].field, Field::Status);
            assert_eq!(errors[0].problem, Problem::StatusUnchanged("idee".into()));
        }
        other => panic!("{other:?}"),
    }
    // A deadline of a measure that does not exist; a body without a name.
    assert!(matches!(
        store.apply(
            Op::AddDeadline {
                deadline: deadline(Some(MeasureId(99)), (2026, 1, 1))
            },
            USER
        ),
        Err(StoreError::MeasureNotFound(_))
    ));
    assert!(matches!(
        store.apply(
            Op::AddSession {
                session: session(Body::Other(" ".into()), 1)
            },
            USER
        ),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.apply(
            Op::RemoveDecision {
                measure: MeasureId(99),
                id: b
            },
            USER
        ),
        Err(StoreError::NotFound(Record::Decision(_)))
    ));
    assert_eq!(store.history(100).unwrap().len(), before);
    // Once its decision is gone, the session can go.
    store
        .apply(Op::RemoveDecision { measure: m, id: b }, USER)
        .unwrap();
    store.apply(Op::RemoveSession { id: qr }, USER).unwrap();
    assert_eq!(store.sessions().unwrap(), []);
    assert_eq!(store.check(), []);
}

#[test]
fn an_edit_of_a_decision_expects_its_revision() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "Kiezküche", &["1.1"]);
    let qr = add_session(&mut store, session(Body::Quartiersrat, 12));
    let b = add_decision(&mut store, decision(qr, m, Outcome::Zustimmung));
    let mut edit = decision(qr, m, Outcome::Ablehnung);
    edit.id = b;
    let op = |d: &Decision| {
        Op::UpdateDecision {
            decision: d.clone(),
        }
        .expecting(Record::Decision(b), 1)
    };
    store.apply(op(&edit), USER).unwrap();
    assert!(matches!(
        store.apply(op(&edit), USER),
        Err(StoreError::Conflict {
            record: Record::Decision(_),
            expected: 1,
            found: 2
        })
    ));
}

#[test]
fn decisions_and_steps_cross_the_socket_with_undo_and_the_servers_user() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let program = Path::new(env!("CARGO_BIN_EXE_quartier"));
    let hello = quartier::net::protocol::Hello {
        display_name: None,
        purpose: "test".into(),
        lang: "de".into(),
    };
    let mut client = quartier::net::connect(&db, hello, Some(program)).expect("connect");
    let goal = client.goal_by_code("1.1").unwrap().unwrap();
    let add = Op::AddMeasure {
        measure: quartier::model::Measure::new("Kiezküche"),
        goals: vec![goal.id],
    };
    let m = client.apply(add, "").unwrap().added_measure().unwrap();
    let qr = client
        .apply(
            Op::AddSession {
                session: session(Body::AktionsfondsJury, 12),
            },
            "",
        )
        .unwrap()
        .added_session()
        .unwrap();
    let b = client
        .apply(
            Op::AddDecision {
                decision: decision(qr, m, Outcome::Zustimmung),
            },
            "",
        )
        .unwrap()
        .added_decision()
        .unwrap();
    client
        .apply(set_status(m, Status::Bewilligt, 1), "someone-else")
        .unwrap();
    assert_eq!(client.decisions_of(m).unwrap()[0].1.id, b);
    let start = quartier::model::DecisionId(0);
    assert_eq!(client.decisions_after(start, 5).unwrap()[0].1.id, b);
    assert_eq!(client.decisions_after(b, 5).unwrap(), []);
    assert_eq!(client.sessions().unwrap()[0].1.body, Body::AktionsfondsJury);
    let steps = client.steps_of(m).unwrap();
    assert_eq!(steps.len(), 1);
    // The server records its connection's user, whatever the client claims.
    assert_eq!(steps[0].who, client.welcome().actor);
    assert_ne!(steps[0].who, "someone-else");
    assert_eq!(client.course_of(m).unwrap().steps, steps);
    // Every step a page at a time, after (measure, step id).
    let start = (quartier::model::MeasureId(0), quartier::model::StepId(0));
    assert_eq!(client.steps_after(start, 5).unwrap(), steps);
    let last = (steps[0].measure, steps[0].id);
    assert_eq!(client.steps_after(last, 5).unwrap(), []);
    assert!(matches!(
        client.apply(Op::RemoveSession { id: qr }, ""),
        Err(StoreError::SessionHasDecisions { decisions: 1, .. })
    ));
    client.undo("").unwrap();
    assert_eq!(client.steps_of(m).unwrap(), []);
    assert_eq!(client.measure(m).unwrap().unwrap().status, Status::Idee);
    assert!(client.check().is_empty());
    client.stop().unwrap();
}

/// `Status` as schemas 1–4 knew it: the same seven variants in the same order.
#[derive(serde::Serialize, Clone, Copy)]
enum OldStatus {
    Idee,
    Beantragt,
    Bewilligt,
    Laufend,
    Abgeschlossen,
    Abgelehnt,
    Abgebrochen,
}

/// The migration to schema 5 rewrites nothing: every old status decodes as the status of the
/// same name (the documented mapping is the identity), and the schema-1 fixture's measures keep
/// theirs (tests/fixture.rs).
#[test]
fn every_old_status_keeps_its_meaning() {
    use quartier::store::codec;
    let pairs = [
        (OldStatus::Idee, Status::Idee),
        (OldStatus::Beantragt, Status::Beantragt),
        (OldStatus::Bewilligt, Status::Bewilligt),
        (OldStatus::Laufend, Status::Laufend),
        (OldStatus::Abgeschlossen, Status::Abgeschlossen),
        (OldStatus::Abgelehnt, Status::Abgelehnt),
        (OldStatus::Abgebrochen, Status::Abgebrochen),
    ];
    for (old, new) in pairs {
        let bytes = codec::encode(2, &(1u64, old));
        let (_, status): (u64, Status) = codec::decode(&bytes, 2).unwrap();
        assert_eq!(status, new);
    }
}

/// The deadlines of a measure as the detail pane reads them (through the index of a
/// measure's deadlines): they follow a move to another measure, a removal, a measure's
/// deletion and its undo, and a reopen.
#[test]
fn a_measures_deadlines_follow_moves_removals_and_undo() {
    let (_dir, mut store) = fresh();
    let first = add_measure(&mut store, "Sprachcafé", &["1.3"]);
    let second = add_measure(&mut store, "Lesepaten", &["2.1"]);
    let ids = |store: &Store, m: MeasureId| -> Vec<DeadlineId> {
        let course = store.course_of(m).unwrap();
        course.deadlines.iter().map(|d| d.id).collect()
    };
    let late = add_deadline(&mut store, deadline(Some(first), (2027, 6, 30)));
    let early = add_deadline(&mut store, deadline(Some(first), (2026, 12, 31)));
    let office = add_deadline(&mut store, deadline(None, (2026, 9, 15)));
    assert_eq!(ids(&store, first), [early, late], "by due date");
    assert_eq!(ids(&store, second), []);

    let (_, mut moved) = store.deadline(late).unwrap().unwrap();
    moved.measure = Some(second);
    store
        .apply(Op::UpdateDeadline { deadline: moved }, USER)
        .unwrap();
    assert_eq!(ids(&store, first), [early]);
    assert_eq!(ids(&store, second), [late]);
    store.undo(USER).unwrap();
    assert_eq!(ids(&store, first), [early, late], "undo moves it back");
    store.redo(USER).unwrap();

    store.apply(Op::RemoveDeadline { id: early }, USER).unwrap();
    assert_eq!(ids(&store, first), []);
    store.undo(USER).unwrap();
    assert_eq!(ids(&store, first), [early]);

    store.apply(Op::DeleteMeasure { id: second }, USER).unwrap();
    assert_eq!(store.deadline(late).unwrap(), None);
    store.undo(USER).unwrap();
    assert_eq!(
        ids(&store, second),
        [late],
        "the measure's undo brings it back"
    );
    assert!(store.check().is_empty(), "{:?}", store.check());

    let store = reopen(store);
    assert_eq!(ids(&store, first), [early]);
    assert_eq!(ids(&store, second), [late]);
    assert!(store.deadline(office).unwrap().is_some());
}
