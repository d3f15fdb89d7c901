//! Decision ops (issue 15): sessions, decisions and deadlines, each written with the revision
//! after the committed one; status changes recorded as steps; and what deleting a measure does
//! to its decisions, steps and deadlines. Status steps: `steps.rs`.

use chrono::NaiveDate;

use super::{Planned, id_for, measure_exists};
use crate::model::{Deadline, DeadlineId, Decision, DecisionId, MeasureId, Session, SessionId};
use crate::ops::{Change, Op, Record};
use crate::store::decisions::{
    self as records, encode_deadline, encode_decision, encode_index, encode_session,
};
use crate::store::error::StoreError;
use crate::store::keys::{self, TreeName, meta};
use crate::store::staging::Staging;

pub(super) fn add_session(st: &mut Staging, mut session: Session) -> Result<Planned, StoreError> {
    session.validate().map_err(StoreError::Invalid)?;
    if session.id.0 != 0 && records::session(st, session.id)?.is_some() {
        return Err(StoreError::Exists(Record::Session(session.id)));
    }
    session.id = SessionId(id_for(st, session.id.0, meta::NEXT_SESSION_ID)?);
    stage_session(st, &session)?;
    let id = session.id;
    Ok(Planned {
        op: Op::AddSession { session },
        inverse: Op::RemoveSession { id },
        changes: vec![Change::SessionAdded(id)],
    })
}

fn stage_session(st: &mut Staging, session: &Session) -> Result<(), StoreError> {
    let revision = records::session(st.live(), session.id)?.map_or(0, |r| r.0);
    let value = encode_session(revision + 1, session);
    st.insert(TreeName::Sessions, &keys::id_key(session.id.0), value);
    Ok(())
}

pub(super) fn update_session(st: &mut Staging, session: Session) -> Result<Planned, StoreError> {
    let (_, old) = records::session(st, session.id)?
        .ok_or(StoreError::NotFound(Record::Session(session.id)))?;
    session.validate().map_err(StoreError::Invalid)?;
    stage_session(st, &session)?;
    let id = session.id;
    Ok(Planned {
        op: Op::UpdateSession { session },
        inverse: Op::UpdateSession { session: old },
        changes: vec![Change::SessionUpdated(id)],
    })
}

pub(super) fn remove_session(st: &mut Staging, id: SessionId) -> Result<Planned, StoreError> {
    let (_, old) = records::session(st, id)?.ok_or(StoreError::NotFound(Record::Session(id)))?;
    let decisions = records::decisions_in(st, id)?.len();
    if decisions > 0 {
        return Err(StoreError::SessionHasDecisions {
            session: id,
            decisions,
        });
    }
    st.remove(TreeName::Sessions, &keys::id_key(id.0));
    Ok(Planned {
        op: Op::RemoveSession { id },
        inverse: Op::AddSession { session: old },
        changes: vec![Change::SessionRemoved(id)],
    })
}

/// Checks a decision's session and measure.
fn check_decision(st: &Staging, decision: &Decision) -> Result<(), StoreError> {
    decision.validate().map_err(StoreError::Invalid)?;
    if records::session(st, decision.session)?.is_none() {
        return Err(StoreError::NotFound(Record::Session(decision.session)));
    }
    measure_exists(st, decision.measure)
}

/// Writes a decision and its entries in both indexes.
fn stage_decision(st: &mut Staging, decision: &Decision) -> Result<(), StoreError> {
    let id = decision.id.0;
    let revision = records::decision(st.live(), decision.id)?.map_or(0, |r| r.0);
    st.insert(
        TreeName::Decisions,
        &keys::id_key(id),
        encode_decision(revision + 1, decision),
    );
    let by_measure = keys::pair_key(decision.measure.0, id);
    st.insert(TreeName::DecisionsByMeasure, &by_measure, encode_index());
    let by_session = keys::pair_key(decision.session.0, id);
    st.insert(TreeName::DecisionsBySession, &by_session, encode_index());
    Ok(())
}

fn unstage_decision(st: &mut Staging, decision: &Decision) {
    let id = decision.id.0;
    st.remove(TreeName::Decisions, &keys::id_key(id));
    let by_measure = keys::pair_key(decision.measure.0, id);
    st.remove(TreeName::DecisionsByMeasure, &by_measure);
    let by_session = keys::pair_key(decision.session.0, id);
    st.remove(TreeName::DecisionsBySession, &by_session);
}

pub(super) fn add_decision(
    st: &mut Staging,
    mut decision: Decision,
) -> Result<Planned, StoreError> {
    check_decision(st, &decision)?;
    if decision.id.0 != 0 && records::decision(st, decision.id)?.is_some() {
        return Err(StoreError::Exists(Record::Decision(decision.id)));
    }
    decision.id = DecisionId(id_for(st, decision.id.0, meta::NEXT_DECISION_ID)?);
    stage_decision(st, &decision)?;
    let (measure, id) = (decision.measure, decision.id);
    Ok(Planned {
        op: Op::AddDecision { decision },
        inverse: Op::RemoveDecision { measure, id },
        changes: vec![Change::DecisionAdded { measure, id }],
    })
}

pub(super) fn update_decision(st: &mut Staging, decision: Decision) -> Result<Planned, StoreError> {
    let (_, old) = records::decision(st, decision.id)?
        .ok_or(StoreError::NotFound(Record::Decision(decision.id)))?;
    check_decision(st, &decision)?;
    unstage_decision(st, &old);
    stage_decision(st, &decision)?;
    let (measure, id) = (decision.measure, decision.id);
    Ok(Planned {
        op: Op::UpdateDecision { decision },
        inverse: Op::UpdateDecision { decision: old },
        changes: vec![Change::DecisionUpdated { measure, id }],
    })
}

pub(super) fn remove_decision(
    st: &mut Staging,
    measure: MeasureId,
    id: DecisionId,
) -> Result<Planned, StoreError> {
    let old = records::decision(st, id)?
        .map(|(_, d)| d)
        .filter(|d| d.measure == measure)
        .ok_or(StoreError::NotFound(Record::Decision(id)))?;
    unstage_decision(st, &old);
    Ok(Planned {
        op: Op::RemoveDecision { measure, id },
        inverse: Op::AddDecision { decision: old },
        changes: vec![Change::DecisionRemoved { measure, id }],
    })
}

fn check_deadline(st: &Staging, deadline: &Deadline) -> Result<(), StoreError> {
    deadline.validate().map_err(StoreError::Invalid)?;
    match deadline.measure {
        Some(measure) => measure_exists(st, measure),
        None => Ok(()),
    }
}

fn stage_deadline(st: &mut Staging, deadline: &Deadline) -> Result<(), StoreError> {
    let revision = records::deadline(st.live(), deadline.id)?.map_or(0, |r| r.0);
    let value = encode_deadline(revision + 1, deadline);
    st.insert(TreeName::Deadlines, &keys::id_key(deadline.id.0), value);
    if let Some(measure) = deadline.measure {
        let by_measure = keys::pair_key(measure.0, deadline.id.0);
        st.insert(TreeName::DeadlinesByMeasure, &by_measure, encode_index());
    }
    Ok(())
}

/// Removes a deadline and its entry in the index of its measure.
fn unstage_deadline(st: &mut Staging, deadline: &Deadline) {
    st.remove(TreeName::Deadlines, &keys::id_key(deadline.id.0));
    if let Some(measure) = deadline.measure {
        let by_measure = keys::pair_key(measure.0, deadline.id.0);
        st.remove(TreeName::DeadlinesByMeasure, &by_measure);
    }
}

pub(super) fn add_deadline(
    st: &mut Staging,
    mut deadline: Deadline,
) -> Result<Planned, StoreError> {
    check_deadline(st, &deadline)?;
    if deadline.id.0 != 0 && records::deadline(st, deadline.id)?.is_some() {
        return Err(StoreError::Exists(Record::Deadline(deadline.id)));
    }
    deadline.id = DeadlineId(id_for(st, deadline.id.0, meta::NEXT_DEADLINE_ID)?);
    stage_deadline(st, &deadline)?;
    let id = deadline.id;
    Ok(Planned {
        op: Op::AddDeadline { deadline },
        inverse: Op::RemoveDeadline { id },
        changes: vec![Change::DeadlineAdded(id)],
    })
}

pub(super) fn update_deadline(st: &mut Staging, deadline: Deadline) -> Result<Planned, StoreError> {
    let (_, old) = records::deadline(st, deadline.id)?
        .ok_or(StoreError::NotFound(Record::Deadline(deadline.id)))?;
    check_deadline(st, &deadline)?;
    unstage_deadline(st, &old);
    stage_deadline(st, &deadline)?;
    let id = deadline.id;
    Ok(Planned {
        op: Op::UpdateDeadline { deadline },
        inverse: Op::UpdateDeadline { deadline: old },
        changes: vec![Change::DeadlineUpdated(id)],
    })
}

pub(super) fn remove_deadline(st: &mut Staging, id: DeadlineId) -> Result<Planned, StoreError> {
    let (_, old) = records::deadline(st, id)?.ok_or(StoreError::NotFound(Record::Deadline(id)))?;
    unstage_deadline(st, &old);
    Ok(Planned {
        op: Op::RemoveDeadline { id },
        inverse: Op::AddDeadline { deadline: old },
        changes: vec![Change::DeadlineRemoved(id)],
    })
}

/// Removes a measure's decisions, steps and deadlines (it is being deleted): the ops that put
/// them back after the measure, and the changes.
pub(super) fn drop_of_measure(
    st: &mut Staging,
    measure: MeasureId,
) -> Result<(Vec<Op>, Vec<Change>), StoreError> {
    let mut restore = Vec::new();
    let mut changes = Vec::new();
    for (_, decision) in records::decisions_of(st, measure)? {
        unstage_decision(st, &decision);
        let id = decision.id;
        changes.push(Change::DecisionRemoved { measure, id });
        restore.push(Op::AddDecision { decision });
    }
    let steps = records::steps_of(st, measure)?;
    if !steps.is_empty() {
        let planned = super::steps::forget_steps(st, steps)?;
        changes.extend(planned.changes);
        restore.push(planned.inverse);
    }
    for deadline in records::deadlines_of(st, measure)? {
        unstage_deadline(st, &deadline);
        changes.push(Change::DeadlineRemoved(deadline.id));
        restore.push(Op::AddDeadline { deadline });
    }
    Ok((restore, changes))
}

/// Today for steps recorded by a measure's update: `$QUARTIER_TODAY` (as elsewhere) if it is a
/// date, else the local date of the process that applies the op.
pub(super) fn today() -> NaiveDate {
    std::env::var("QUARTIER_TODAY")
        .ok()
        .and_then(|value| crate::model::parse_date(&value).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
