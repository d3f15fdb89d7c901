//! Taking in a change — the user's own or a colleague's, pushed by the server — without reading
//! the database again: per measure the change touched, its record and its links are read once
//! and every view is patched: link index, counts, the lists of all measures and of those without
//! a goal, the table rows kept for each row of the tree, the search index and the row cache.
//! So a change costs the size of the change, not of the database. Changes to the goal tree
//! itself (a goal added, moved or deleted) are rare and redo what depends on the tree's shape.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use super::measures::{Cached, ColumnWidths, reach};
use super::{App, MeasureRow, Node};
use crate::model::{GoalId, MeasureId};
use crate::ops::Change;
use crate::store::StoreError;

/// A change touching more measures than this (an import) is taken in by reading everything
/// again: one read per measure would cost more than one pass over all of them.
pub const MAX_INCREMENTAL: usize = 500;

impl App {
    /// Brings every view up to date after `changes`, keeping selections.
    pub(in crate::app) fn refresh(&mut self, changes: &[Change]) {
        self.report_prep.stale();
        self.recount_overdue(Some(changes));
        let measures = touched_measures(changes);
        let goals_changed = changes.iter().any(is_goal_change);
        let shape_changed = changes.iter().any(|c| {
            matches!(
                c,
                Change::GoalAdded(_) | Change::GoalMoved(_) | Change::GoalDeleted(_)
            )
        });
        if measures.len() > MAX_INCREMENTAL {
            self.cache.clear();
            self.reload(true);
            self.restart_prefetch();
            return;
        }
        if goals_changed {
            match self.store.goals() {
                Ok(goals) => self.tree.replace_goals(goals),
                Err(error) => self.say_error(&error),
            }
        }
        for id in measures {
            if let Err(error) = self.take_in_measure(id) {
                self.say_error(&error);
            }
        }
        if shape_changed {
            // Which goals lie under which changed: counts, sorted rows and the search order
            // follow the tree's shape.
            self.rows_cache.clear();
            self.forget_search_index();
            self.recount();
        }
        self.fill_pane();
    }

    /// Reads one measure and its links as they are now and patches every view.
    fn take_in_measure(&mut self, id: MeasureId) -> Result<(), StoreError> {
        let measure = self.store.measure(id)?;
        let goals: Vec<(GoalId, bool)> = match &measure {
            Some(_) => self
                .store
                .links_of_measure(id)?
                .into_iter()
                .map(|link| (link.goal, link.primary))
                .collect(),
            None => Vec::new(),
        };
        self.recount_measure(id, measure.is_some(), &goals);
        self.links.set_goals_of(id, goals);
        set_member(&mut self.measure_ids, id, measure.is_some());
        let orphan = measure.is_some() && self.links.goals_of(id).is_empty();
        set_member(&mut self.orphans, id, orphan);
        self.tree.set_orphans(!self.orphans.is_empty());
        self.patch_search_index(id, measure.as_ref());
        self.prefetch_saw_change();
        match measure {
            Some(measure) => {
                self.cache.insert(id, Cached::new(measure));
            }
            None => {
                self.cache.remove(&id);
            }
        }
        let cache = &self.cache;
        for (sort, ranks) in &mut self.ranks {
            ranks.update(*sort, id, cache.get(&id), |m| cache.get(&m));
        }
        self.patch_rows(id);
        Ok(())
    }

    /// Moves a measure's count from the goals it was under to those it is under now.
    fn recount_measure(&mut self, id: MeasureId, exists: bool, goals: &[(GoalId, bool)]) {
        let tree = &self.tree;
        let parent_of = |g: GoalId| tree.goal(g).and_then(|g| g.parent);
        let mut reached = Vec::new();
        if self.measure_ids.binary_search(&id).is_ok() {
            reach(self.links.goals_of(id), parent_of, &mut reached);
            for goal in &reached {
                if let Some(count) = self.counts.get_mut(goal) {
                    *count = count.saturating_sub(1);
                }
            }
        }
        if exists {
            reach(goals, parent_of, &mut reached);
            for goal in &reached {
                *self.counts.entry(*goal).or_default() += 1;
            }
        }
    }

    /// Puts the measure's row into every kept list of rows where it belongs now, at its
    /// sorted place, and out of those where it does not.
    fn patch_rows(&mut self, id: MeasureId) {
        let keys: Vec<_> = self.rows_cache.keys().copied().collect();
        for key in keys {
            let (node, sort, filter) = key;
            let row = self
                .row_in(node, id)
                .filter(|_| self.cache.get(&id).is_some_and(|m| filter.matches(m)));
            let unfiltered = self.count_node(node);
            let cache = &self.cache;
            let today = self.pane.today;
            let Some((rows, count, widths)) = self.rows_cache.get_mut(&key) else {
                continue;
            };
            rows.retain(|r| r.id != id);
            *count = unfiltered;
            if let (Some(row), Some(measure)) = (row, cache.get(&id)) {
                let at = rows.partition_point(|r| {
                    cache
                        .get(&r.id)
                        .is_none_or(|other| sort.order(other, measure) == Ordering::Less)
                });
                rows.insert(at, row);
                widths.widen(&ColumnWidths::of(std::iter::once(measure), today));
            }
        }
    }

    /// The measure's row under `node` of the tree, if it is listed there: through its primary
    /// goal when that is under the node, else through the first of its goals under it in tree
    /// order (the rule [`super::measures::rows_of`] follows).
    fn row_in(&self, node: Node, id: MeasureId) -> Option<MeasureRow> {
        self.measure_ids.binary_search(&id).ok()?;
        let goals = self.links.goals_of(id);
        match node {
            Node::All => {
                let first = goals.first();
                Some(MeasureRow {
                    id,
                    via: first.map(|(goal, _)| *goal),
                    primary: first.is_some_and(|(_, primary)| *primary),
                })
            }
            Node::Orphans => goals.is_empty().then_some(MeasureRow {
                id,
                via: None,
                primary: false,
            }),
            Node::Goal(top) => {
                let subtree = self.tree.subtree(top);
                goals
                    .iter()
                    .filter_map(|(goal, primary)| {
                        let at = subtree.iter().position(|g| g == goal)?;
                        Some((!primary, at, *goal, *primary))
                    })
                    .min()
                    .map(|(_, _, goal, primary)| MeasureRow {
                        id,
                        via: Some(goal),
                        primary,
                    })
            }
        }
    }
}

/// Every measure a change touched, each once, ascending.
fn touched_measures(changes: &[Change]) -> BTreeSet<MeasureId> {
    changes
        .iter()
        .filter_map(|change| match change {
            Change::MeasureAdded(id) | Change::MeasureUpdated(id) | Change::MeasureDeleted(id) => {
                Some(*id)
            }
            Change::Linked { measure, .. }
            | Change::Unlinked { measure, .. }
            | Change::PrimarySet { measure, .. } => Some(*measure),
            _ => None,
        })
        .collect()
}

fn is_goal_change(change: &Change) -> bool {
    matches!(
        change,
        Change::GoalAdded(_)
            | Change::GoalUpdated(_)
            | Change::GoalMoved(_)
            | Change::GoalDeleted(_)
    )
}

/// Adds `id` to or removes it from an ascending list.
fn set_member(ids: &mut Vec<MeasureId>, id: MeasureId, member: bool) {
    match (ids.binary_search(&id), member) {
        (Err(at), true) => ids.insert(at, id),
        (Ok(at), false) => {
            ids.remove(at);
        }
        _ => {}
    }
}
