//! Status steps (issue 15): a status change recorded with from, to, date, the acting user and
//! a note; taking one back and putting it back for undo and redo.

use chrono::NaiveDate;

use super::{Planned, allocate, put_measure, reserve};
use crate::model::{Field, Measure, MeasureId, Problem, Status, Step, StepId};
use crate::ops::{Change, Op, Record};
use crate::store::decisions::encode_step;
use crate::store::error::StoreError;
use crate::store::keys::{self, TreeName, meta};
use crate::store::records::Reader;
use crate::store::staging::Staging;

fn step_key(step: &Step) -> [u8; 16] {
    keys::pair_key(step.measure.0, step.id.0)
}

/// Writes a step record (reserving its id).
fn put_step(st: &mut Staging, step: &Step) -> Result<(), StoreError> {
    step.validate().map_err(StoreError::Invalid)?;
    reserve(st, meta::NEXT_STEP_ID, step.id.0)?;
    st.insert(TreeName::Steps, &step_key(step), encode_step(step));
    Ok(())
}

/// Records `measure`'s change from `from` to its status as a new step by the acting user;
/// the measure itself is staged by the caller.
pub(super) fn new_step(
    st: &mut Staging,
    measure: &Measure,
    from: Status,
    date: NaiveDate,
    note: String,
) -> Result<Step, StoreError> {
    let step = Step {
        id: StepId(allocate(st, meta::NEXT_STEP_ID)?),
        measure: measure.id,
        from,
        to: measure.status,
        date,
        who: st.actor().to_string(),
        note,
    };
    put_step(st, &step)?;
    Ok(step)
}

pub(super) fn set_status(
    st: &mut Staging,
    id: MeasureId,
    to: Status,
    date: NaiveDate,
    note: String,
) -> Result<Planned, StoreError> {
    let mut measure = super::measures::load(st, id)?;
    if measure.status == to {
        let problem = Problem::StatusUnchanged(to.name().to_string());
        return Err(super::invalid(Field::Status, problem));
    }
    let from = measure.status;
    measure.status = to;
    put_measure(st, &measure)?;
    let step = new_step(st, &measure, from, date, note.clone())?;
    Ok(Planned {
        op: Op::SetStatus {
            measure: id,
            to,
            date,
            note,
        },
        changes: vec![
            Change::MeasureUpdated(id),
            Change::StepAdded {
                measure: id,
                id: step.id,
            },
        ],
        inverse: Op::RevertStep { step },
    })
}

/// Moves the step's measure to `status` (its other fields stay).
fn move_measure(st: &mut Staging, step: &Step, status: Status) -> Result<(), StoreError> {
    let mut measure = super::measures::load(st, step.measure)?;
    measure.status = status;
    put_measure(st, &measure)
}

pub(super) fn revert_step(st: &mut Staging, step: Step) -> Result<Planned, StoreError> {
    let key = step_key(&step);
    if st.get(TreeName::Steps, &key)?.is_none() {
        return Err(StoreError::NotFound(Record::Step(step.id)));
    }
    move_measure(st, &step, step.from)?;
    st.remove(TreeName::Steps, &key);
    Ok(Planned {
        changes: vec![
            Change::MeasureUpdated(step.measure),
            Change::StepRemoved {
                measure: step.measure,
                id: step.id,
            },
        ],
        op: Op::RevertStep { step: step.clone() },
        inverse: Op::RestoreStep { step },
    })
}

pub(super) fn restore_step(st: &mut Staging, step: Step) -> Result<Planned, StoreError> {
    refuse_taken_step(st, &step)?;
    move_measure(st, &step, step.to)?;
    put_step(st, &step)?;
    Ok(Planned {
        changes: vec![
            Change::MeasureUpdated(step.measure),
            Change::StepAdded {
                measure: step.measure,
                id: step.id,
            },
        ],
        op: Op::RestoreStep { step: step.clone() },
        inverse: Op::RevertStep { step },
    })
}

fn refuse_taken_step(st: &Staging, step: &Step) -> Result<(), StoreError> {
    let key = step_key(step);
    match st.get(TreeName::Steps, &key)? {
        Some(_) => Err(StoreError::Exists(Record::Step(step.id))),
        None => Ok(()),
    }
}

pub(super) fn restore_steps(st: &mut Staging, steps: Vec<Step>) -> Result<Planned, StoreError> {
    let mut changes = Vec::new();
    for step in &steps {
        super::measure_exists(st, step.measure)?;
        refuse_taken_step(st, step)?;
        put_step(st, step)?;
        changes.push(Change::StepAdded {
            measure: step.measure,
            id: step.id,
        });
    }
    Ok(Planned {
        inverse: Op::ForgetSteps {
            steps: steps.clone(),
        },
        op: Op::RestoreSteps { steps },
        changes,
    })
}

pub(super) fn forget_steps(st: &mut Staging, steps: Vec<Step>) -> Result<Planned, StoreError> {
    let mut changes = Vec::new();
    for step in &steps {
        st.remove(TreeName::Steps, &step_key(step));
        changes.push(Change::StepRemoved {
            measure: step.measure,
            id: step.id,
        });
    }
    Ok(Planned {
        inverse: Op::RestoreSteps {
            steps: steps.clone(),
        },
        op: Op::ForgetSteps { steps },
        changes,
    })
}
