//! The one place that turns an [`Op`] into staged writes: validate against the current state,
//! stage the writes, and work out the op as resolved (ids filled in) and its inverse.

mod decisions;
mod goals;
mod links;
mod measures;
mod money;
mod steps;

use super::codec;
use super::error::StoreError;
use super::keys::{self, TreeName};
use super::records::{self, LINK_FORMAT, Link, LinkRecord};
use super::staging::Staging;
use crate::model::{Goal, Measure};
use crate::ops::{Change, Op, Record};

/// An op checked and staged: what will be recorded, how to revert it, and what it changed.
pub struct Planned {
    pub op: Op,
    pub inverse: Op,
    pub changes: Vec<Change>,
}

/// Stages `op` on `st`. Nothing is written to sled until the staging is committed.
pub fn plan(st: &mut Staging, op: Op) -> Result<Planned, StoreError> {
    match op {
        Op::AddGoal { goal } => goals::add(st, goal),
        Op::UpdateGoal {
            id,
            code,
            title,
            description,
        } => goals::update(st, id, code, title, description),
        Op::MoveGoal {
            id,
            parent,
            position,
        } => goals::move_to(st, id, parent, position),
        Op::DeleteGoal { id, force } => goals::delete(st, id, force),
        Op::RestoreGoals { goals, links } => goals::restore(st, goals, links),
        Op::AddMeasure { measure, goals } => measures::add(st, measure, goals),
        Op::UpdateMeasure { measure } => measures::update(st, measure),
        Op::DeleteMeasure { id } => measures::delete(st, id),
        Op::Link {
            measure,
            goal,
            primary,
        } => links::link(st, measure, goal, primary),
        Op::Unlink { measure, goal } => links::unlink(st, measure, goal),
        Op::SetPrimary { measure, goal } => links::set_primary(st, measure, goal),
        Op::Batch { ops } => batch(st, ops),
        Op::SetPot { pot } => money::set_pot(st, pot),
        Op::RemovePot { fund, year } => money::remove_pot(st, fund, year),
        Op::SetPlan { measure, plan } => money::set_plan(st, measure, plan),
        Op::AddPayment { payment } => money::add_payment(st, payment),
        Op::UpdatePayment { payment } => money::update_payment(st, payment),
        Op::RemovePayment { measure, id } => money::remove_payment(st, measure, id),
        Op::AddSession { session } => decisions::add_session(st, session),
        Op::UpdateSession { session } => decisions::update_session(st, session),
        Op::RemoveSession { id } => decisions::remove_session(st, id),
        Op::AddDecision { decision } => decisions::add_decision(st, decision),
        Op::UpdateDecision { decision } => decisions::update_decision(st, decision),
        Op::RemoveDecision { measure, id } => decisions::remove_decision(st, measure, id),
        Op::SetStatus {
            measure,
            to,
            date,
            note,
        } => steps::set_status(st, measure, to, date, note),
        Op::RevertStep { step } => steps::revert_step(st, step),
        Op::RestoreStep { step } => steps::restore_step(st, step),
        Op::RestoreSteps { steps } => steps::restore_steps(st, steps),
        Op::ForgetSteps { steps } => steps::forget_steps(st, steps),
        Op::AddDeadline { deadline } => decisions::add_deadline(st, deadline),
        Op::UpdateDeadline { deadline } => decisions::update_deadline(st, deadline),
        Op::RemoveDeadline { id } => decisions::remove_deadline(st, id),
        Op::Expect { base, op } => {
            expect(st, &base)?;
            plan(st, *op)
        }
        // Applied like a batch; the label stays on the recorded op, the inverse is a batch.
        Op::Labeled { label, ops } => batch(st, ops).map(|planned| Planned {
            op: match planned.op {
                Op::Batch { ops } => Op::Labeled { label, ops },
                other => other,
            },
            ..planned
        }),
    }
}

/// Refuses with [`StoreError::Conflict`] when a record's revision is no longer the expected
/// one; a record that is gone is not found.
fn expect(st: &Staging, base: &[(Record, u64)]) -> Result<(), StoreError> {
    for &(record, expected) in base {
        let found = match record {
            Record::Goal(id) => {
                records::goal_revised(st, id)?
                    .ok_or_else(|| StoreError::GoalNotFound(id.to_string()))?
                    .0
            }
            Record::Measure(id) => {
                records::measure_revised(st, id)?
                    .ok_or(StoreError::MeasureNotFound(id))?
                    .0
            }
            Record::Pot { fund, year } => super::money::pot(st, fund, year)?.map_or(0, |r| r.0),
            Record::Plan(id) => super::money::plan(st, id)?.map_or(0, |r| r.0),
            Record::Payment(id) => {
                (super::money::payment(st, id)?)
                    .ok_or(StoreError::NotFound(record))?
                    .0
            }
            Record::Session(id) => {
                (super::decisions::session(st, id)?)
                    .ok_or(StoreError::NotFound(record))?
                    .0
            }
            Record::Decision(id) => {
                (super::decisions::decision(st, id)?)
                    .ok_or(StoreError::NotFound(record))?
                    .0
            }
            Record::Deadline(id) => {
                (super::decisions::deadline(st, id)?)
                    .ok_or(StoreError::NotFound(record))?
                    .0
            }
            // Steps never change: present or not.
            Record::Step(_) => expected,
        };
        if found != expected {
            return Err(StoreError::Conflict {
                record,
                expected,
                found,
            });
        }
    }
    Ok(())
}

fn batch(st: &mut Staging, ops: Vec<Op>) -> Result<Planned, StoreError> {
    let mut resolved = Vec::with_capacity(ops.len());
    let mut inverses = Vec::with_capacity(ops.len());
    let mut changes = Vec::new();
    for op in ops {
        let planned = plan(st, op)?;
        resolved.push(planned.op);
        inverses.push(planned.inverse);
        changes.extend(planned.changes);
    }
    inverses.reverse();
    Ok(Planned {
        op: Op::Batch { ops: resolved },
        inverse: Op::Batch { ops: inverses },
        changes,
    })
}

/// Stages a goal with the revision after the committed one (1 for a new goal): however often
/// one op writes it, a change raises the revision by one.
fn put_goal(st: &mut Staging, goal: &Goal) -> Result<(), StoreError> {
    let committed = records::goal_revised(st.live(), goal.id)?.map_or(0, |(r, _)| r);
    st.insert(
        TreeName::Goals,
        &keys::goal_key(goal.id),
        records::encode_goal(committed + 1, goal),
    );
    Ok(())
}

/// Stages a measure with the revision after the committed one (1 for a new measure).
fn put_measure(st: &mut Staging, measure: &Measure) -> Result<(), StoreError> {
    let committed = records::measure_revised(st.live(), measure.id)?.map_or(0, |(r, _)| r);
    st.insert(
        TreeName::Measures,
        &keys::measure_key(measure.id),
        records::encode_measure(committed + 1, measure),
    );
    Ok(())
}

/// Writes a link in both directions.
fn put_link(st: &mut Staging, link: Link) {
    let value = codec::encode(
        LINK_FORMAT,
        &LinkRecord {
            primary: link.primary,
        },
    );
    st.insert(
        TreeName::LinksByMeasure,
        &keys::link_by_measure_key(link.measure, link.goal),
        value.clone(),
    );
    st.insert(
        TreeName::LinksByGoal,
        &keys::link_by_goal_key(link.goal, link.measure),
        value,
    );
}

/// Makes `link` its measure's primary link.
fn promote(st: &mut Staging, link: Link) -> Change {
    put_link(
        st,
        Link {
            primary: true,
            ..link
        },
    );
    Change::PrimarySet {
        measure: link.measure,
        goal: link.goal,
    }
}

/// Removes a link in both directions.
fn remove_link(st: &mut Staging, link: Link) {
    st.remove(
        TreeName::LinksByMeasure,
        &keys::link_by_measure_key(link.measure, link.goal),
    );
    st.remove(
        TreeName::LinksByGoal,
        &keys::link_by_goal_key(link.goal, link.measure),
    );
}

/// Takes the next id from a meta counter (ids start at 1 and are never reused).
fn allocate(st: &mut Staging, counter: &[u8]) -> Result<u64, StoreError> {
    let id = records::meta_u64(st, counter)?.max(1);
    if id > MAX_ID {
        return Err(StoreError::IdOutOfRange { id, max: MAX_ID });
    }
    st.insert(TreeName::Meta, counter, records::encode_meta(id + 1));
    Ok(id)
}

/// The largest id a goal or measure may have (an op, e.g. from an import, carrying a larger
/// one is refused), so the counters above it never overflow.
pub const MAX_ID: u64 = 999_999_999;

/// Refuses a record of a measure that does not exist (a plan, payment, decision, step or
/// deadline).
fn measure_exists(st: &Staging, id: crate::model::MeasureId) -> Result<(), StoreError> {
    match records::measure_revised(st, id)? {
        Some(_) => Ok(()),
        None => Err(StoreError::MeasureNotFound(id)),
    }
}

/// The id a new record gets: the next from `counter` when the op asks for one (`id == 0`),
/// else `id` itself, which the counter will then never hand out.
fn id_for(st: &mut Staging, id: u64, counter: &[u8]) -> Result<u64, StoreError> {
    if id == 0 {
        return allocate(st, counter);
    }
    reserve(st, counter, id)?;
    Ok(id)
}

/// Makes sure a counter will never hand out `id` (used when an op carries its own id).
fn reserve(st: &mut Staging, counter: &[u8], id: u64) -> Result<(), StoreError> {
    if id > MAX_ID {
        return Err(StoreError::IdOutOfRange { id, max: MAX_ID });
    }
    if records::meta_u64(st, counter)? <= id {
        st.insert(TreeName::Meta, counter, records::encode_meta(id + 1));
    }
    Ok(())
}

fn invalid(field: crate::model::Field, problem: crate::model::Problem) -> StoreError {
    StoreError::Invalid(vec![crate::model::ValidationError::new(field, problem)])
}
