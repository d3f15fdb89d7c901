//! The records of decisions and deadlines (schema 5, issue 15): sessions, decisions and
//! deadlines, each stored with its revision like goals and measures; the steps of each
//! measure's course; and the one query a [`Repository`] answers about them ([`CourseQuery`]),
//! so the server's client forwards it as one request kind.
//!
//! [`Repository`]: super::Repository

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::keys::{self, TreeName};
use super::records::{Reader, Revision, decode_all, decode_at, decode_page};
use super::{Store, codec};
use crate::model::{
    Deadline, DeadlineId, Decision, DecisionId, MeasureId, Session, SessionId, Step,
};

/// Format version of session records: `(revision, Session)`.
pub const SESSION_FORMAT: u8 = 1;
/// Format version of decision records: `(revision, Decision)`.
pub const DECISION_FORMAT: u8 = 1;
/// Format version of step records: a plain `Step` (a step is never changed).
pub const STEP_FORMAT: u8 = 1;
/// Format version of deadline records: `(revision, Deadline)`.
pub const DEADLINE_FORMAT: u8 = 1;
/// Format version of the (empty) values of the decision indexes.
pub const DECISION_INDEX_FORMAT: u8 = 1;

/// A question about sessions, decisions, steps or deadlines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CourseQuery {
    /// Every session with its revision, by date, then id.
    Sessions,
    /// One session with its revision.
    Session(SessionId),
    /// Every decision with its revision, by id.
    Decisions,
    /// One decision with its revision.
    Decision(DecisionId),
    /// The decisions on one measure, by id.
    DecisionsOf(MeasureId),
    /// The decisions of one session, by id.
    DecisionsIn(SessionId),
    /// One measure's steps, oldest first.
    Steps(MeasureId),
    /// Every deadline with its revision, by due date, then id.
    Deadlines,
    /// One deadline with its revision.
    Deadline(DeadlineId),
    /// One measure's decisions (with their sessions), steps and deadlines in one answer.
    OfMeasure(MeasureId),
    /// Every measure's steps, by measure, each measure's oldest first (the report's times
    /// from Antrag to Bewilligung).
    AllSteps,
    /// Up to `limit` steps after the step `after` (measure, step id) in the order of
    /// [`CourseQuery::AllSteps`]: every step a page at a time (the TUI's report preparation).
    StepsAfter {
        after: (MeasureId, crate::model::StepId),
        limit: u32,
    },
    /// Up to `limit` decisions with ids above `after`, by id.
    DecisionsAfter { after: DecisionId, limit: u32 },
}

/// The answer to a [`CourseQuery`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CourseAnswer {
    Sessions(Vec<(Revision, Session)>),
    Session(Option<(Revision, Session)>),
    Decisions(Vec<(Revision, Decision)>),
    Decision(Option<(Revision, Decision)>),
    Steps(Vec<Step>),
    Deadlines(Vec<(Revision, Deadline)>),
    Deadline(Option<(Revision, Deadline)>),
    OfMeasure(MeasureCourse),
}

/// What the TUI shows of one measure's course.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureCourse {
    /// By id, each with its session (`None` only in a damaged database).
    pub decisions: Vec<(Decision, Option<Session>)>,
    /// Oldest first.
    pub steps: Vec<Step>,
    /// By due date.
    pub deadlines: Vec<Deadline>,
}

impl CourseAnswer {
    /// The server's answer to another question than asked.
    pub fn unexpected(&self) -> StoreError {
        StoreError::Server(format!("unexpected answer {self:?}"))
    }
}

pub fn encode_session(revision: Revision, session: &Session) -> Vec<u8> {
    codec::encode(SESSION_FORMAT, &(revision, session))
}

pub fn encode_decision(revision: Revision, decision: &Decision) -> Vec<u8> {
    codec::encode(DECISION_FORMAT, &(revision, decision))
}

pub fn encode_step(step: &Step) -> Vec<u8> {
    codec::encode(STEP_FORMAT, step)
}

pub fn encode_deadline(revision: Revision, deadline: &Deadline) -> Vec<u8> {
    codec::encode(DEADLINE_FORMAT, &(revision, deadline))
}

pub fn encode_index() -> Vec<u8> {
    codec::encode(DECISION_INDEX_FORMAT, &())
}

fn read<T: serde::de::DeserializeOwned>(
    r: &impl Reader,
    tree: TreeName,
    id: u64,
    format: u8,
) -> Result<Option<(Revision, T)>, StoreError> {
    let key = keys::id_key(id);
    r.get(tree, &key)?
        .map(|bytes| decode_at(tree, &key, &bytes, format))
        .transpose()
}

fn all<T: serde::de::DeserializeOwned>(
    r: &impl Reader,
    tree: TreeName,
    format: u8,
) -> Result<Vec<(Revision, T)>, StoreError> {
    decode_all(r, tree, format)
}

/// A session with its revision.
pub fn session(r: &impl Reader, id: SessionId) -> Result<Option<(Revision, Session)>, StoreError> {
    read(r, TreeName::Sessions, id.0, SESSION_FORMAT)
}

/// Every session, by date, then id.
pub fn sessions(r: &impl Reader) -> Result<Vec<(Revision, Session)>, StoreError> {
    let mut found: Vec<(Revision, Session)> = all(r, TreeName::Sessions, SESSION_FORMAT)?;
    found.sort_by_key(|(_, s)| (s.date, s.id));
    Ok(found)
}

/// A decision with its revision.
pub fn decision(
    r: &impl Reader,
    id: DecisionId,
) -> Result<Option<(Revision, Decision)>, StoreError> {
    read(r, TreeName::Decisions, id.0, DECISION_FORMAT)
}

/// Every decision, by id.
pub fn decisions(r: &impl Reader) -> Result<Vec<(Revision, Decision)>, StoreError> {
    all(r, TreeName::Decisions, DECISION_FORMAT)
}

/// The decisions an index lists under `owner` (a measure or a session id), by id.
fn indexed(
    r: &impl Reader,
    index: TreeName,
    owner: u64,
) -> Result<Vec<(Revision, Decision)>, StoreError> {
    let mut found = Vec::new();
    for (key, _) in r.scan(index, &keys::id_key(owner))? {
        found.extend(decision(r, DecisionId(keys::id_at(&key, 8).unwrap_or(0)))?);
    }
    Ok(found)
}

/// The decisions on a measure, by id.
pub fn decisions_of(
    r: &impl Reader,
    measure: MeasureId,
) -> Result<Vec<(Revision, Decision)>, StoreError> {
    indexed(r, TreeName::DecisionsByMeasure, measure.0)
}

/// The decisions of a session, by id.
pub fn decisions_in(
    r: &impl Reader,
    session: SessionId,
) -> Result<Vec<(Revision, Decision)>, StoreError> {
    indexed(r, TreeName::DecisionsBySession, session.0)
}

/// A measure's steps, oldest first (step ids grow with time).
pub fn steps_of(r: &impl Reader, measure: MeasureId) -> Result<Vec<Step>, StoreError> {
    (r.scan(TreeName::Steps, &keys::measure_key(measure))?
        .into_iter())
    .map(|(k, v)| decode_at(TreeName::Steps, &k, &v, STEP_FORMAT))
    .collect()
}

/// Every measure's steps, by measure, each measure's oldest first.
pub fn all_steps(r: &impl Reader) -> Result<Vec<Step>, StoreError> {
    decode_all(r, TreeName::Steps, STEP_FORMAT)
}

/// A deadline with its revision.
pub fn deadline(
    r: &impl Reader,
    id: DeadlineId,
) -> Result<Option<(Revision, Deadline)>, StoreError> {
    read(r, TreeName::Deadlines, id.0, DEADLINE_FORMAT)
}

/// Every deadline, by due date, then id.
pub fn deadlines(r: &impl Reader) -> Result<Vec<(Revision, Deadline)>, StoreError> {
    let mut found: Vec<(Revision, Deadline)> = all(r, TreeName::Deadlines, DEADLINE_FORMAT)?;
    found.sort_by_key(|(_, d)| (d.due, d.id));
    Ok(found)
}

/// The deadlines of a measure, by due date.
pub fn deadlines_of(r: &impl Reader, measure: MeasureId) -> Result<Vec<Deadline>, StoreError> {
    let mut found = Vec::new();
    for (key, _) in r.scan(TreeName::DeadlinesByMeasure, &keys::id_key(measure.0))? {
        let id = DeadlineId(keys::id_at(&key, 8).unwrap_or(0));
        found.extend(deadline(r, id)?.map(|(_, d)| d));
    }
    found.sort_by_key(|d| (d.due, d.id));
    Ok(found)
}

/// Answers `query` from `r`.
pub fn answer(r: &impl Reader, query: &CourseQuery) -> Result<CourseAnswer, StoreError> {
    Ok(match query {
        CourseQuery::Sessions => CourseAnswer::Sessions(sessions(r)?),
        CourseQuery::Session(id) => CourseAnswer::Session(session(r, *id)?),
        CourseQuery::Decisions => CourseAnswer::Decisions(decisions(r)?),
        CourseQuery::Decision(id) => CourseAnswer::Decision(decision(r, *id)?),
        CourseQuery::DecisionsOf(id) => CourseAnswer::Decisions(decisions_of(r, *id)?),
        CourseQuery::DecisionsIn(id) => CourseAnswer::Decisions(decisions_in(r, *id)?),
        CourseQuery::Steps(id) => CourseAnswer::Steps(steps_of(r, *id)?),
        CourseQuery::AllSteps => CourseAnswer::Steps(all_steps(r)?),
        CourseQuery::DecisionsAfter { after, limit } => {
            let after = keys::id_key(after.0);
            let page = decode_page(
                r,
                TreeName::Decisions,
                DECISION_FORMAT,
                &after,
                *limit as usize,
            );
            CourseAnswer::Decisions(page?)
        }
        CourseQuery::StepsAfter { after, limit } => {
            let after = keys::pair_key((after.0).0, (after.1).0);
            let page = decode_page(r, TreeName::Steps, STEP_FORMAT, &after, *limit as usize);
            CourseAnswer::Steps(page?)
        }
        CourseQuery::Deadlines => CourseAnswer::Deadlines(deadlines(r)?),
        CourseQuery::Deadline(id) => CourseAnswer::Deadline(deadline(r, *id)?),
        CourseQuery::OfMeasure(id) => {
            let mut decisions = Vec::new();
            for (_, decision) in decisions_of(r, *id)? {
                let session = session(r, decision.session)?.map(|(_, s)| s);
                decisions.push((decision, session));
            }
            CourseAnswer::OfMeasure(MeasureCourse {
                decisions,
                steps: steps_of(r, *id)?,
                deadlines: deadlines_of(r, *id)?,
            })
        }
    })
}

impl Store {
    /// Answers a question about sessions, decisions, steps or deadlines.
    pub fn course(&self, query: &CourseQuery) -> Result<CourseAnswer, StoreError> {
        answer(&self.trees, query)
    }
}
