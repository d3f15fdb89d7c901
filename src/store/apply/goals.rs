//! Goal ops: add, update, move, delete (with subtree and links) and restore.

use super::{Planned, allocate, invalid, put_goal, remove_link, reserve};
use crate::model::{Field, Goal, GoalId, Problem};
use crate::ops::{Change, Op};
use crate::store::error::StoreError;
use crate::store::keys::{self, TreeName, meta};
use crate::store::records::{self, Link};
use crate::store::staging::Staging;

pub(super) fn load(st: &Staging, id: GoalId) -> Result<Goal, StoreError> {
    records::goal(st, id)?.ok_or_else(|| StoreError::GoalNotFound(id.to_string()))
}

/// Siblings under `parent` ordered by position.
fn siblings(st: &Staging, parent: Option<GoalId>) -> Result<Vec<Goal>, StoreError> {
    let mut list: Vec<Goal> = records::all_goals(st)?
        .into_iter()
        .filter(|g| g.parent == parent)
        .collect();
    list.sort_by_key(|g| (g.position, g.id));
    Ok(list)
}

/// Writes positions 0..n for the given sibling order, only where they changed.
fn renumber(st: &mut Staging, list: &mut [Goal]) -> Result<(), StoreError> {
    for (index, goal) in list.iter_mut().enumerate() {
        if goal.position != index as u32 {
            goal.position = index as u32;
            put_goal(st, goal)?;
        }
    }
    Ok(())
}

fn ensure_unique_code(st: &Staging, code: &str, except: Option<GoalId>) -> Result<(), StoreError> {
    let taken = records::all_goals(st)?
        .iter()
        .any(|g| Some(g.id) != except && crate::model::same_code(&g.code, code));
    if taken {
        return Err(StoreError::DuplicateCode(code.to_string()));
    }
    Ok(())
}

/// Inserts `goal` among its siblings at its position (clamped); allocates an id if it has none.
fn insert(st: &mut Staging, mut goal: Goal) -> Result<Goal, StoreError> {
    goal.validate().map_err(StoreError::Invalid)?;
    ensure_unique_code(st, &goal.code, None)?;
    if let Some(parent) = goal.parent {
        load(st, parent).map_err(|_| invalid(Field::Parent, Problem::Required))?;
    }
    if goal.id.0 == 0 {
        goal.id = GoalId(allocate(st, meta::NEXT_GOAL_ID)?);
    } else if records::goal(st, goal.id)?.is_some() {
        return Err(StoreError::DuplicateCode(goal.code));
    } else {
        reserve(st, meta::NEXT_GOAL_ID, goal.id.0)?;
    }
    let mut list = siblings(st, goal.parent)?;
    let index = (goal.position as usize).min(list.len());
    goal.position = index as u32;
    list.insert(index, goal.clone());
    renumber(st, &mut list)?;
    put_goal(st, &goal)?;
    Ok(goal)
}

pub(super) fn add(st: &mut Staging, goal: Goal) -> Result<Planned, StoreError> {
    let goal = insert(st, goal)?;
    Ok(Planned {
        inverse: Op::DeleteGoal {
            id: goal.id,
            force: false,
        },
        changes: vec![Change::GoalAdded(goal.id)],
        op: Op::AddGoal { goal },
    })
}

pub(super) fn update(
    st: &mut Staging,
    id: GoalId,
    code: String,
    title: String,
    description: String,
) -> Result<Planned, StoreError> {
    let old = load(st, id)?;
    let new = Goal {
        code,
        title,
        description,
        ..old.clone()
    };
    new.validate().map_err(StoreError::Invalid)?;
    ensure_unique_code(st, &new.code, Some(id))?;
    put_goal(st, &new)?;
    Ok(Planned {
        op: Op::UpdateGoal {
            id,
            code: new.code,
            title: new.title,
            description: new.description,
        },
        inverse: Op::UpdateGoal {
            id,
            code: old.code,
            title: old.title,
            description: old.description,
        },
        changes: vec![Change::GoalUpdated(id)],
    })
}

/// The goal and all its descendants, parents before children.
fn subtree(st: &Staging, root: &Goal) -> Result<Vec<Goal>, StoreError> {
    let all = records::all_goals(st)?;
    let mut result = vec![root.clone()];
    let mut index = 0;
    while index < result.len() {
        let parent = result[index].id;
        result.extend(all.iter().filter(|g| g.parent == Some(parent)).cloned());
        index += 1;
    }
    Ok(result)
}

pub(super) fn move_to(
    st: &mut Staging,
    id: GoalId,
    parent: Option<GoalId>,
    position: u32,
) -> Result<Planned, StoreError> {
    let goal = load(st, id)?;
    if let Some(parent) = parent {
        load(st, parent)?;
        if subtree(st, &goal)?.iter().any(|g| g.id == parent) {
            return Err(StoreError::MoveIntoOwnSubtree(goal.code));
        }
    }
    let (old_parent, old_position) = (goal.parent, goal.position);
    let mut old_list = siblings(st, old_parent)?;
    old_list.retain(|g| g.id != id);
    renumber(st, &mut old_list)?;
    let mut new_list = siblings(st, parent)?;
    new_list.retain(|g| g.id != id);
    let index = (position as usize).min(new_list.len());
    let moved = Goal {
        parent,
        position: index as u32,
        ..goal
    };
    new_list.insert(index, moved.clone());
    renumber(st, &mut new_list)?;
    put_goal(st, &moved)?;
    Ok(Planned {
        op: Op::MoveGoal {
            id,
            parent,
            position: index as u32,
        },
        inverse: Op::MoveGoal {
            id,
            parent: old_parent,
            position: old_position,
        },
        changes: vec![Change::GoalMoved(id)],
    })
}

pub(super) fn delete(st: &mut Staging, id: GoalId, force: bool) -> Result<Planned, StoreError> {
    let root = load(st, id)?;
    let goals = subtree(st, &root)?;
    let mut removed_links = Vec::new();
    for goal in &goals {
        removed_links.extend(records::links_of_goal(st, goal.id)?);
    }
    if !force && (goals.len() > 1 || !removed_links.is_empty()) {
        return Err(StoreError::GoalInUse {
            code: root.code,
            measures: removed_links
                .iter()
                .map(|l| l.measure)
                .collect::<std::collections::HashSet<_>>()
                .len(),
            children: goals.len() - 1,
        });
    }
    let mut changes = Vec::new();
    for link in &removed_links {
        remove_link(st, *link);
        changes.push(Change::Unlinked {
            measure: link.measure,
            goal: link.goal,
        });
    }
    for link in removed_links.iter().filter(|l| l.primary) {
        if let Some(next) = records::links_of_measure(st, link.measure)?.first() {
            changes.push(super::promote(st, *next));
        }
    }
    for goal in &goals {
        st.remove(TreeName::Goals, &keys::goal_key(goal.id));
        changes.push(Change::GoalDeleted(goal.id));
    }
    let mut list = siblings(st, root.parent)?;
    renumber(st, &mut list)?;
    Ok(Planned {
        op: Op::DeleteGoal { id, force },
        inverse: Op::RestoreGoals {
            goals,
            links: removed_links,
        },
        changes,
    })
}

pub(super) fn restore(
    st: &mut Staging,
    goals: Vec<Goal>,
    links: Vec<Link>,
) -> Result<Planned, StoreError> {
    let Some(root) = goals.first().map(|g| g.id) else {
        return Ok(Planned {
            op: Op::RestoreGoals { goals, links },
            inverse: Op::Batch { ops: Vec::new() },
            changes: Vec::new(),
        });
    };
    let mut changes = Vec::new();
    for goal in &goals {
        let goal = insert(st, goal.clone())?;
        changes.push(Change::GoalAdded(goal.id));
    }
    for link in &links {
        changes.extend(super::links::link(st, link.measure, link.goal, link.primary)?.changes);
    }
    Ok(Planned {
        op: Op::RestoreGoals { goals, links },
        inverse: Op::DeleteGoal {
            id: root,
            force: true,
        },
        changes,
    })
}
