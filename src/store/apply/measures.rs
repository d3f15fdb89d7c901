//! Measure ops: add (with its first links), update, delete (with all its links).

use super::{Planned, allocate, put_link, put_measure, remove_link, reserve};
use crate::model::{GoalId, Measure, MeasureId};
use crate::ops::{Change, Op};
use crate::store::error::StoreError;
use crate::store::keys::{self, TreeName, meta};
use crate::store::records::{self, Link};
use crate::store::staging::Staging;

pub(super) fn load(st: &Staging, id: MeasureId) -> Result<Measure, StoreError> {
    records::measure(st, id)?.ok_or(StoreError::MeasureNotFound(id))
}

pub(super) fn add(
    st: &mut Staging,
    mut measure: Measure,
    goals: Vec<GoalId>,
) -> Result<Planned, StoreError> {
    measure.validate().map_err(StoreError::Invalid)?;
    for (index, goal) in goals.iter().enumerate() {
        if records::goal(st, *goal)?.is_none() {
            return Err(StoreError::GoalNotFound(goal.to_string()));
        }
        if goals[..index].contains(goal) {
            return Err(StoreError::AlreadyLinked {
                measure: measure.id,
                goal: goal.to_string(),
            });
        }
    }
    if measure.id.0 == 0 {
        measure.id = MeasureId(allocate(st, meta::NEXT_MEASURE_ID)?);
    } else if records::measure(st, measure.id)?.is_some() {
        return Err(StoreError::MeasureExists(measure.id));
    } else {
        reserve(st, meta::NEXT_MEASURE_ID, measure.id.0)?;
    }
    put_measure(st, &measure)?;
    let mut changes = vec![Change::MeasureAdded(measure.id)];
    for (index, goal) in goals.iter().enumerate() {
        put_link(
            st,
            Link {
                measure: measure.id,
                goal: *goal,
                primary: index == 0,
            },
        );
        changes.push(Change::Linked {
            measure: measure.id,
            goal: *goal,
        });
    }
    Ok(Planned {
        inverse: Op::DeleteMeasure { id: measure.id },
        op: Op::AddMeasure { measure, goals },
        changes,
    })
}

pub(super) fn update(st: &mut Staging, measure: Measure) -> Result<Planned, StoreError> {
    let old = load(st, measure.id)?;
    measure.validate().map_err(StoreError::Invalid)?;
    put_measure(st, &measure)?;
    Ok(Planned {
        changes: vec![Change::MeasureUpdated(measure.id)],
        op: Op::UpdateMeasure { measure },
        inverse: Op::UpdateMeasure { measure: old },
    })
}

pub(super) fn delete(st: &mut Staging, id: MeasureId) -> Result<Planned, StoreError> {
    let measure = load(st, id)?;
    let links = records::links_of_measure(st, id)?;
    for link in &links {
        remove_link(st, *link);
    }
    let (money, mut money_changes) = super::money::drop_of_measure(st, id)?;
    st.remove(TreeName::Measures, &keys::measure_key(id));
    let add = Op::AddMeasure {
        measure,
        goals: links.iter().map(|l| l.goal).collect(),
    };
    // With a plan or payments, undo puts them back after the measure, in the same entry.
    let inverse = match money.is_empty() {
        true => add,
        false => Op::Batch {
            ops: std::iter::once(add).chain(money).collect(),
        },
    };
    let mut changes = vec![Change::MeasureDeleted(id)];
    changes.append(&mut money_changes);
    Ok(Planned {
        op: Op::DeleteMeasure { id },
        inverse,
        changes,
    })
}
