//! Link ops: link, unlink, set primary. Every measure with links has exactly one primary link.

use super::{Planned, put_link, remove_link};
use crate::model::{GoalId, MeasureId};
use crate::ops::{Change, Op};
use crate::store::error::StoreError;
use crate::store::records::{self, Link};
use crate::store::staging::Staging;

fn goal_code(st: &Staging, goal: GoalId) -> Result<String, StoreError> {
    Ok(super::goals::load(st, goal)?.code)
}

pub(super) fn link(
    st: &mut Staging,
    measure: MeasureId,
    goal: GoalId,
    primary: bool,
) -> Result<Planned, StoreError> {
    super::measures::load(st, measure)?;
    let code = goal_code(st, goal)?;
    let existing = records::links_of_measure(st, measure)?;
    if existing.iter().any(|l| l.goal == goal) {
        return Err(StoreError::AlreadyLinked {
            measure,
            goal: code,
        });
    }
    let old_primary = existing.iter().find(|l| l.primary).copied();
    let primary = primary || old_primary.is_none();
    let mut inverse = Op::Unlink { measure, goal };
    let mut changes = vec![Change::Linked { measure, goal }];
    if primary && let Some(old) = old_primary {
        put_link(
            st,
            Link {
                primary: false,
                ..old
            },
        );
        inverse = Op::Batch {
            ops: vec![
                inverse,
                Op::SetPrimary {
                    measure,
                    goal: old.goal,
                },
            ],
        };
        changes.push(Change::PrimarySet { measure, goal });
    }
    put_link(
        st,
        Link {
            measure,
            goal,
            primary,
        },
    );
    Ok(Planned {
        op: Op::Link {
            measure,
            goal,
            primary,
        },
        inverse,
        changes,
    })
}

/// The error for a missing link: a missing measure or goal if that is the cause, else
/// `NotLinked` naming the goal by code.
fn not_linked(st: &Staging, measure: MeasureId, goal: GoalId) -> StoreError {
    if let Err(error) = super::measures::load(st, measure) {
        return error;
    }
    match goal_code(st, goal) {
        Ok(code) => StoreError::NotLinked {
            measure,
            goal: code,
        },
        Err(error) => error,
    }
}

pub(super) fn unlink(
    st: &mut Staging,
    measure: MeasureId,
    goal: GoalId,
) -> Result<Planned, StoreError> {
    let links = records::links_of_measure(st, measure)?;
    let Some(removed) = links.iter().find(|l| l.goal == goal).copied() else {
        return Err(not_linked(st, measure, goal));
    };
    remove_link(st, removed);
    let mut changes = vec![Change::Unlinked { measure, goal }];
    if removed.primary
        && let Some(next) = links.iter().find(|l| l.goal != goal)
    {
        changes.push(super::promote(st, *next));
    }
    Ok(Planned {
        op: Op::Unlink { measure, goal },
        inverse: Op::Link {
            measure,
            goal,
            primary: removed.primary,
        },
        changes,
    })
}

pub(super) fn set_primary(
    st: &mut Staging,
    measure: MeasureId,
    goal: GoalId,
) -> Result<Planned, StoreError> {
    let links = records::links_of_measure(st, measure)?;
    let Some(target) = links.iter().find(|l| l.goal == goal).copied() else {
        return Err(not_linked(st, measure, goal));
    };
    let old_primary = links.iter().find(|l| l.primary).copied();
    for link in links.iter().filter(|l| l.primary && l.goal != goal) {
        put_link(
            st,
            Link {
                primary: false,
                ..*link
            },
        );
    }
    put_link(
        st,
        Link {
            primary: true,
            ..target
        },
    );
    Ok(Planned {
        op: Op::SetPrimary { measure, goal },
        inverse: Op::SetPrimary {
            measure,
            goal: old_primary.map_or(goal, |l| l.goal),
        },
        changes: vec![Change::PrimarySet { measure, goal }],
    })
}
