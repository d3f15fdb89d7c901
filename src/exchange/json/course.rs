//! Decisions and deadlines in the JSON document (`quartier/3`, issue 15): `sessions`,
//! `decisions`, `steps` and `deadlines` as lists beside the money lists. Bodies are not records
//! of their own: a session names its body (`Quartiersrat` or the office's own name). Written in
//! store order (sessions by date, decisions by id, steps by measure and id, deadlines by due
//! date), so an export is byte-stable; read element by element, every wrong member a problem
//! with its line and field.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::money::{element, invalid};
use super::object::Unknown;
use crate::exchange::{ImportProblem, Snapshot};
use crate::i18n::{Lang, Text};
use crate::model::{
    Body, Cents, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, Field, MeasureId,
    Outcome, Problem, Session, SessionId, Status, Step, StepId, ValidationError, Votes, parse_date,
};

/// A session: `{"id":1,"body":"Quartiersrat","date":"2026-03-12","note":""}`; `id` 0 or
/// missing adds a new session.
#[derive(Debug, Serialize, Deserialize)]
pub struct SessionJson {
    #[serde(default)]
    pub id: u64,
    pub body: String,
    pub date: String,
    #[serde(default)]
    pub note: String,
}

/// The votes of a decision: `{"yes":9,"no":1,"abstain":2}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct VotesJson {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

/// A decision: `{"id":1,"session":1,"measure":12,"outcome":"Zustimmung","votes":{…}|null,
/// "amount_cents":4500000|null,"conditions":""}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct DecisionJson {
    #[serde(default)]
    pub id: u64,
    pub session: u64,
    pub measure: u64,
    pub outcome: String,
    #[serde(default)]
    pub votes: Option<VotesJson>,
    #[serde(default)]
    pub amount_cents: Option<i64>,
    #[serde(default)]
    pub conditions: String,
}

/// A status step: `{"id":1,"measure":12,"from":"idee","to":"skizze","date":"2026-02-01",
/// "who":"anna","note":""}`. Steps are history: the file's steps are added as they are (with
/// their ids), without changing the measure's status.
#[derive(Debug, Serialize, Deserialize)]
pub struct StepJson {
    pub id: u64,
    pub measure: u64,
    pub from: String,
    pub to: String,
    pub date: String,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub note: String,
}

/// A deadline: `{"id":1,"kind":"Verwendungsnachweis","due":"2027-12-31","measure":12|null,
/// "note":"","done":"2027-11-30"|null}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct DeadlineJson {
    #[serde(default)]
    pub id: u64,
    pub kind: String,
    pub due: String,
    #[serde(default)]
    pub measure: Option<u64>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub done: Option<String>,
}

/// The members each list knows; others are ignored with the document's one note.
pub(super) const KNOWN: [(&str, &[&str]); 4] = [
    ("sessions", &["id", "body", "date", "note"]),
    (
        "decisions",
        &[
            "id",
            "session",
            "measure",
            "outcome",
            "votes",
            "amount_cents",
            "conditions",
        ],
    ),
    (
        "steps",
        &["id", "measure", "from", "to", "date", "who", "note"],
    ),
    (
        "deadlines",
        &["id", "kind", "due", "measure", "note", "done"],
    ),
];

/// The lists of issue 15 in their JSON shapes.
#[derive(Debug, Default, Serialize)]
pub struct CourseShapes {
    pub sessions: Vec<SessionJson>,
    pub decisions: Vec<DecisionJson>,
    pub steps: Vec<StepJson>,
    pub deadlines: Vec<DeadlineJson>,
}

/// The sessions, decisions, steps and deadlines of a snapshot in their JSON shapes.
pub fn shapes(snapshot: &Snapshot) -> CourseShapes {
    CourseShapes {
        sessions: (snapshot.sessions.iter())
            .map(|s| SessionJson {
                id: s.id.0,
                body: s.body.name().into(),
                date: s.date.to_string(),
                note: s.note.clone(),
            })
            .collect(),
        decisions: (snapshot.decisions.iter())
            .map(|d| DecisionJson {
                id: d.id.0,
                session: d.session.0,
                measure: d.measure.0,
                outcome: d.outcome.name().into(),
                votes: d.votes.map(|v| VotesJson {
                    yes: v.yes,
                    no: v.no,
                    abstain: v.abstain,
                }),
                amount_cents: d.amount.map(|a| a.0),
                conditions: d.conditions.clone(),
            })
            .collect(),
        steps: (snapshot.steps.iter())
            .map(|s| StepJson {
                id: s.id.0,
                measure: s.measure.0,
                from: s.from.name().into(),
                to: s.to.name().into(),
                date: s.date.to_string(),
                who: s.who.clone(),
                note: s.note.clone(),
            })
            .collect(),
        deadlines: (snapshot.deadlines.iter())
            .map(|d| DeadlineJson {
                id: d.id.0,
                kind: d.kind.name().into(),
                due: d.due.to_string(),
                measure: d.measure.map(|m| m.0),
                note: d.note.clone(),
                done: d.done.map(|day| day.to_string()),
            })
            .collect(),
    }
}

/// Sessions, decisions, steps and deadlines read from a file, each with its line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncomingCourse {
    pub sessions: Vec<(usize, Session)>,
    pub decisions: Vec<(usize, Decision)>,
    pub steps: Vec<(usize, Step)>,
    pub deadlines: Vec<(usize, Deadline)>,
    /// The file has no session notes (a table of decisions without `Sitzungsnotiz`): known
    /// sessions keep theirs.
    pub keep_session_notes: bool,
}

/// Where an element is and what to report its problems into.
pub(super) struct At<'a> {
    pub at: (&'a str, usize),
    pub lang: Lang,
    pub unknown: &'a mut Unknown,
    pub problems: &'a mut Vec<ImportProblem>,
}

/// A problem of a member without a [`Field`] of its own, named by `text`'s column header.
fn named(errors: &mut Vec<(String, String)>, lang: Lang, text: Text, problem: Problem) {
    use crate::i18n::Localize;
    errors.push((lang.t(text).to_string(), problem.localize(lang)));
}

fn field(errors: &mut Vec<(String, String)>, lang: Lang, field: Field, problem: Problem) {
    use crate::i18n::Localize;
    errors.push((field.localize(lang), problem.localize(lang)));
}

impl At<'_> {
    fn report(self, errors: Vec<(String, String)>) {
        for (field, reason) in errors {
            (self.problems).push(ImportProblem::new(self.at.0, self.at.1, field, reason));
        }
    }

    fn shape<T: serde::de::DeserializeOwned>(&mut self, value: Value, list: &str) -> Option<T> {
        element(value, list, self.at, self.lang, self.unknown, self.problems)
    }

    fn checked<T>(
        self,
        record: T,
        validate: impl Fn(&T) -> Result<(), Vec<ValidationError>>,
        into: &mut Vec<(usize, T)>,
    ) {
        match validate(&record) {
            Ok(()) => into.push((self.at.1, record)),
            Err(errors) => invalid(errors, self.at, self.lang, self.problems),
        }
    }
}

/// A date member: its value, or a problem in `errors`.
fn date_of(
    text: &str,
    errors: &mut Vec<(String, String)>,
    lang: Lang,
    name: Result<Field, Text>,
) -> Option<chrono::NaiveDate> {
    parse_date(text)
        .map_err(|problem| match name {
            Ok(f) => field(errors, lang, f, problem),
            Err(t) => named(errors, lang, t, problem),
        })
        .ok()
}

impl IncomingCourse {
    /// Reads a session.
    pub(super) fn session(&mut self, value: Value, mut at: At) {
        let Some(shape) = at.shape::<SessionJson>(value, "sessions") else {
            return;
        };
        let mut errors = Vec::new();
        let date = date_of(&shape.date, &mut errors, at.lang, Ok(Field::Date));
        let Some(date) = date else {
            return at.report(errors);
        };
        let session = Session {
            id: SessionId(shape.id),
            body: Body::parse(&shape.body),
            date,
            note: shape.note,
        };
        at.checked(session, Session::validate, &mut self.sessions);
    }

    /// Reads a decision.
    pub(super) fn decision(&mut self, value: Value, mut at: At) {
        let Some(shape) = at.shape::<DecisionJson>(value, "decisions") else {
            return;
        };
        let outcome = match Outcome::parse_input(&shape.outcome) {
            Ok(outcome) => outcome,
            Err(problem) => {
                let mut errors = Vec::new();
                named(&mut errors, at.lang, Text::ColOutcome, problem);
                return at.report(errors);
            }
        };
        let decision = Decision {
            id: DecisionId(shape.id),
            session: SessionId(shape.session),
            measure: MeasureId(shape.measure),
            outcome,
            votes: shape.votes.map(|v| Votes {
                yes: v.yes,
                no: v.no,
                abstain: v.abstain,
            }),
            amount: shape.amount_cents.map(Cents),
            conditions: shape.conditions,
        };
        at.checked(decision, Decision::validate, &mut self.decisions);
    }

    /// Reads a status step.
    pub(super) fn step(&mut self, value: Value, mut at: At) {
        let Some(shape) = at.shape::<StepJson>(value, "steps") else {
            return;
        };
        let mut errors = Vec::new();
        let status = |text: &str, errors: &mut Vec<(String, String)>, name: &str| {
            Status::parse_input(text)
                .map_err(|problem| {
                    use crate::i18n::Localize;
                    errors.push((name.to_string(), problem.localize(at.lang)))
                })
                .ok()
        };
        let from = status(&shape.from, &mut errors, "from");
        let to = status(&shape.to, &mut errors, "to");
        let date = date_of(&shape.date, &mut errors, at.lang, Ok(Field::Date));
        if shape.id == 0 {
            let mut id_errors = Vec::new();
            named(&mut id_errors, at.lang, Text::FieldId, Problem::Required);
            errors.extend(id_errors);
        }
        let (Some(from), Some(to), Some(date), true) = (from, to, date, errors.is_empty()) else {
            return at.report(errors);
        };
        let step = Step {
            id: StepId(shape.id),
            measure: MeasureId(shape.measure),
            from,
            to,
            date,
            who: shape.who,
            note: shape.note,
        };
        at.checked(step, Step::validate, &mut self.steps);
    }

    /// Reads a deadline.
    pub(super) fn deadline(&mut self, value: Value, mut at: At) {
        let Some(shape) = at.shape::<DeadlineJson>(value, "deadlines") else {
            return;
        };
        let mut errors = Vec::new();
        let kind = (DeadlineKind::parse_input(&shape.kind))
            .map_err(|problem| field(&mut errors, at.lang, Field::Kind, problem))
            .ok();
        let due = date_of(&shape.due, &mut errors, at.lang, Ok(Field::Due));
        let done = match &shape.done {
            Some(text) => date_of(text, &mut errors, at.lang, Err(Text::ColDone)).map(Some),
            None => Some(None),
        };
        let (Some(kind), Some(due), Some(done)) = (kind, due, done) else {
            return at.report(errors);
        };
        let deadline = Deadline {
            id: DeadlineId(shape.id),
            kind,
            due,
            measure: shape.measure.map(MeasureId),
            note: shape.note,
            done,
        };
        at.checked(deadline, Deadline::validate, &mut self.deadlines);
    }
}
