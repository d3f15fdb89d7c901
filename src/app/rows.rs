//! Which measures the measure pane lists for the selected row of the tree, the counts behind
//! the tree, and decoding the measures the pane shows (kept until they change).

use super::ranks::{Ranks, ranked};
use super::{App, CachedRows, MeasureRow, Node, SortColumn, measures};
use crate::model::MeasureId;
use crate::store::StoreError;

impl App {
    /// Recomputes the per-goal measure counts and the measures without a goal.
    pub(super) fn recount(&mut self) {
        let tree = &self.tree;
        self.counts = self.links.counts(|g| tree.goal(g).and_then(|g| g.parent));
        let links = &self.links;
        self.orphans = self
            .measure_ids
            .iter()
            .copied()
            .filter(|id| links.goals_of(*id).is_empty())
            .collect();
        self.tree.set_orphans(!self.orphans.is_empty());
    }

    /// Measures in a row of the tree: distinct measures linked to a goal or its sub-goals,
    /// every measure, or those without a goal.
    pub fn count_node(&self, node: Node) -> usize {
        match node {
            Node::All => self.measure_ids.len(),
            Node::Goal(goal) => self.count(goal),
            Node::Orphans => self.orphans.len(),
        }
    }

    /// Measures without any goal, ascending.
    pub fn orphans(&self) -> &[MeasureId] {
        &self.orphans
    }

    /// Refills the measure pane for the selected row, loading measures not yet cached.
    pub(super) fn fill_pane(&mut self) {
        self.detail.invalidate();
        let node = self.tree.selected_node();
        let key = (node, self.pane.sort, self.pane.filter);
        if let Some((rows, unfiltered, widths)) = self.rows_cache.get(&key) {
            self.pane.set_rows(rows.clone(), *unfiltered, *widths);
            self.stop_waiting();
            return;
        }
        let rows = self.rows_for(node);
        if self.wait_for_rows(&rows) {
            // Shown as `werden geladen` until idle time has read them (see `prefetch`).
            self.pane
                .set_rows(Vec::new(), 0, measures::ColumnWidths::default());
            return;
        }
        let (rows, failed) = self.sort_rows(rows);
        self.pane.set_rows(rows.0.clone(), rows.1, rows.2);
        if let Some(error) = failed {
            self.say_error(&error);
        } else {
            // Kept until the tree's shape changes; changes of measures patch them in place.
            self.rows_cache.insert(key, rows);
        }
    }

    /// The rows `node` shows with the pane's sort and filter, reading measures not in memory;
    /// the error of a failed read, if any.
    fn sorted_rows(&mut self, node: Node) -> (CachedRows, Option<StoreError>) {
        let rows = self.rows_for(node);
        self.sort_rows(rows)
    }

    /// The rows of `node`, unsorted.
    fn rows_for(&self, node: Node) -> Vec<MeasureRow> {
        match node {
            Node::Goal(goal) => measures::rows_of(&self.tree.subtree(goal), &self.links),
            Node::All => measures::rows_of_all(&self.measure_ids, &self.links),
            Node::Orphans => measures::rows_without_goal(&self.orphans),
        }
    }

    /// `rows` with the pane's sort and filter, reading measures not in memory.
    fn sort_rows(&mut self, rows: Vec<MeasureRow>) -> (CachedRows, Option<StoreError>) {
        let failed = self.load_rows(&rows);
        let sort = self.pane.sort;
        let ranks = self.make_ranks(sort).then(|| &self.ranks[&sort]);
        let cache = &self.cache;
        let mut scratch = measures::MeasurePane {
            sort,
            filter: self.pane.filter,
            today: self.pane.today,
            ..measures::MeasurePane::default()
        };
        scratch.fill_rows(rows, |id| cache.get(&id), ranks);
        ((scratch.rows, scratch.unfiltered, scratch.widths), failed)
    }

    /// Sorts the rows of one more row of the tree not yet kept, in idle time after every
    /// measure was read, so that its first visit finds them ready; false when none is left.
    pub(super) fn prewarm_step(&mut self) -> bool {
        let (sort, filter) = (self.pane.sort, self.pane.filter);
        let Some(node) = self
            .tree
            .all_nodes()
            .find(|node| !self.rows_cache.contains_key(&(*node, sort, filter)))
        else {
            return false;
        };
        if let (rows, None) = self.sorted_rows(node) {
            self.rows_cache.insert((node, sort, filter), rows);
            true
        } else {
            false
        }
    }

    /// The order of every measure by a text column, made on first use once every measure's
    /// row is in memory (before that, rows are sorted by their text).
    /// True when they are there.
    pub(super) fn make_ranks(&mut self, sort: SortColumn) -> bool {
        if !ranked(sort) || self.prefetch.is_some() || !self.measures_loaded {
            return false;
        }
        let cache = &self.cache;
        self.ranks
            .entry(sort)
            .or_insert_with(|| Ranks::new(sort, cache.values()));
        true
    }

    /// Decodes the measures of `rows` not yet cached (all at once in one pass over the store
    /// when many are missing); the last error, if any.
    fn load_rows(&mut self, rows: &[MeasureRow]) -> Option<StoreError> {
        let missing = rows
            .iter()
            .filter(|r| !self.cache.contains_key(&r.id))
            .count();
        if missing > 1000 && missing * 2 > self.measure_ids.len() {
            let cache = &mut self.cache;
            let result = self.store.for_each_measure(&mut |m| {
                cache
                    .entry(m.id)
                    .or_insert_with(|| measures::Cached::new(m));
            });
            return result.err();
        }
        let wanted: Vec<MeasureId> = rows
            .iter()
            .map(|r| r.id)
            .filter(|id| !self.cache.contains_key(id))
            .collect();
        if wanted.is_empty() {
            return None;
        }
        // One request for all of them when the store is a server's.
        match self.store.measures_by_id(&wanted) {
            Ok(found) => {
                for measure in found {
                    self.cache
                        .insert(measure.id, measures::Cached::new(measure));
                }
                None
            }
            Err(error) => Some(error),
        }
    }
}
