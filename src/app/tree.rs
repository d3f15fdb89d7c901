//! The goal tree as the user sees it: goals in tree order, which are expanded, which rows are
//! visible and which is selected. Pure data, no store and no terminal.
//!
//! ```text
//! ▾ Z1 Mehr Chancen …     visible[0]
//!     1.1 …               visible[1]   (expanded child rows follow their parent)
//! ▸ Z2 …                  visible[2]   (collapsed: its children are not in `visible`)
//! ```

use std::collections::{HashMap, HashSet};

use crate::model::{Goal, GoalId, tree_order};

/// A row of the tree: a goal, or one of the two virtual nodes that gather measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    /// `Alle Maßnahmen`, always the first row: every measure, with or without goals.
    All,
    Goal(GoalId),
    /// `Ohne Ziel`, the last row while there are measures without any goal.
    Orphans,
}

impl Node {
    /// The goal of a goal row.
    pub fn goal(self) -> Option<GoalId> {
        match self {
            Node::Goal(id) => Some(id),
            Node::All | Node::Orphans => None,
        }
    }
}

/// Goals, expansion and selection.
#[derive(Clone, Debug, Default)]
pub struct GoalTree {
    goals: Vec<Goal>,
    depth: Vec<usize>,
    index: HashMap<GoalId, usize>,
    expanded: HashSet<GoalId>,
    /// Indexes into `goals` of the goal rows on screen.
    visible: Vec<usize>,
    /// Whether the `Ohne Ziel` row is shown.
    orphans: bool,
    /// Index into the rows: 0 is `Alle Maßnahmen`, 1 + i is `visible[i]`, then `Ohne Ziel`.
    selected: usize,
}

/// One visible goal row of the tree.
#[derive(Clone, Copy, Debug)]
pub struct TreeRow<'a> {
    pub goal: &'a Goal,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
}

/// One row on screen.
#[derive(Clone, Copy, Debug)]
pub enum Row<'a> {
    All,
    Goal(TreeRow<'a>),
    Orphans,
}

impl GoalTree {
    /// A tree over `goals` (any order), everything collapsed, the first goal selected.
    pub fn new(goals: Vec<Goal>) -> GoalTree {
        let mut tree = GoalTree::default();
        tree.replace_goals(goals);
        tree.selected = usize::from(!tree.visible.is_empty());
        tree
    }

    /// Replaces the goals (after a change), keeping expansion and the selected row if it
    /// still exists.
    pub fn replace_goals(&mut self, goals: Vec<Goal>) {
        let selected = self.selected_node();
        let mut goals = goals;
        goals.sort_by_key(|g| g.position);
        self.goals = tree_order(goals);
        self.index = self
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id, i))
            .collect();
        self.depth = self
            .goals
            .iter()
            .map(|g| {
                let mut depth = 0;
                let mut parent = g.parent;
                while let Some(p) = parent.and_then(|p| self.index.get(&p)) {
                    depth += 1;
                    parent = self.goals[*p].parent;
                    if depth > self.goals.len() {
                        break; // a cycle, only in a corrupt database
                    }
                }
                depth
            })
            .collect();
        self.expanded.retain(|id| self.index.contains_key(id));
        // The old rows point into the old goal list: drop them before anything reads them.
        self.visible.clear();
        self.rebuild_visible(Some(selected));
        if let Node::Goal(id) = selected
            && self.index.contains_key(&id)
        {
            self.select(id);
        }
    }

    /// Shows or hides the `Ohne Ziel` row (shown while there are measures without a goal).
    pub fn set_orphans(&mut self, shown: bool) {
        if self.orphans != shown {
            let selected = self.selected_node();
            self.orphans = shown;
            self.restore(selected);
        }
    }

    /// Whether the `Ohne Ziel` row is shown.
    pub fn has_orphans(&self) -> bool {
        self.orphans
    }

    fn rebuild_visible(&mut self, keep: Option<Node>) {
        let keep = keep.unwrap_or_else(|| self.selected_node());
        self.visible.clear();
        let mut hidden_below: Option<usize> = None;
        for (i, depth) in self.depth.iter().enumerate() {
            if let Some(limit) = hidden_below {
                if *depth > limit {
                    continue;
                }
                hidden_below = None;
            }
            self.visible.push(i);
            if !self.expanded.contains(&self.goals[i].id) {
                hidden_below = Some(*depth);
            }
        }
        self.restore(keep);
    }

    /// Selects `node` if it is on screen, else keeps the row index within bounds.
    fn restore(&mut self, node: Node) {
        if let Some(pos) = self.position(node) {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.len().saturating_sub(1));
    }

    /// The row of `node`, if it is on screen.
    pub fn position(&self, node: Node) -> Option<usize> {
        match node {
            Node::All => Some(0),
            Node::Orphans => self.orphans.then_some(self.visible.len() + 1),
            Node::Goal(id) => {
                let index = *self.index.get(&id)?;
                self.visible.iter().position(|i| *i == index).map(|p| p + 1)
            }
        }
    }

    /// The node in row `row`.
    pub fn node_at(&self, row: usize) -> Option<Node> {
        match row {
            0 => Some(Node::All),
            r if r <= self.visible.len() => Some(Node::Goal(self.goals[self.visible[r - 1]].id)),
            r if r == self.visible.len() + 1 && self.orphans => Some(Node::Orphans),
            _ => None,
        }
    }

    /// Every goal in tree order.
    pub fn goals(&self) -> &[Goal] {
        &self.goals
    }

    /// A goal by id.
    pub fn goal(&self, id: GoalId) -> Option<&Goal> {
        self.index.get(&id).map(|i| &self.goals[*i])
    }

    /// The visible goal rows, top to bottom (without the virtual rows).
    pub fn rows(&self) -> impl ExactSizeIterator<Item = TreeRow<'_>> {
        self.visible.iter().map(|i| self.tree_row(*i))
    }

    fn tree_row(&self, index: usize) -> TreeRow<'_> {
        let goal = &self.goals[index];
        TreeRow {
            goal,
            depth: self.depth[index],
            has_children: self.has_children(index),
            expanded: self.expanded.contains(&goal.id),
        }
    }

    /// Every row on screen, top to bottom: `Alle Maßnahmen`, the goals, `Ohne Ziel`.
    pub fn all_rows(&self) -> impl Iterator<Item = Row<'_>> {
        std::iter::once(Row::All)
            .chain(self.rows().map(Row::Goal))
            .chain(self.orphans.then_some(Row::Orphans))
    }

    /// Every row the tree can show, collapsed goals included: `Alle Maßnahmen`, the goals in
    /// tree order, `Ohne Ziel` while it is shown.
    pub fn all_nodes(&self) -> impl Iterator<Item = Node> + '_ {
        std::iter::once(Node::All)
            .chain(self.goals.iter().map(|g| Node::Goal(g.id)))
            .chain(self.orphans.then_some(Node::Orphans))
    }

    /// Number of rows on screen, the virtual ones included.
    pub fn len(&self) -> usize {
        self.visible.len() + 1 + usize::from(self.orphans)
    }

    /// True when there is no goal at all.
    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    /// Index of the selected row among all rows on screen.
    pub fn selected_row(&self) -> usize {
        self.selected
    }

    /// The selected row.
    pub fn selected_node(&self) -> Node {
        self.node_at(self.selected).unwrap_or(Node::All)
    }

    /// The selected goal (none on a virtual row).
    pub fn selected(&self) -> Option<&Goal> {
        self.selected_index().map(|i| &self.goals[i])
    }

    /// The selected goal's id.
    pub fn selected_id(&self) -> Option<GoalId> {
        self.selected().map(|g| g.id)
    }

    /// Index into `goals` of the selected goal row.
    fn selected_index(&self) -> Option<usize> {
        self.selected
            .checked_sub(1)
            .and_then(|row| self.visible.get(row))
            .copied()
    }

    fn has_children(&self, index: usize) -> bool {
        self.depth
            .get(index + 1)
            .is_some_and(|d| *d > self.depth[index])
    }

    /// Whether a goal has sub-goals.
    pub fn goal_has_children(&self, id: GoalId) -> bool {
        self.index.get(&id).is_some_and(|i| self.has_children(*i))
    }

    /// The goal and every goal below it.
    pub fn subtree(&self, id: GoalId) -> Vec<GoalId> {
        let Some(&start) = self.index.get(&id) else {
            return Vec::new();
        };
        let depth = self.depth[start];
        std::iter::once(start)
            .chain((start + 1..self.goals.len()).take_while(|i| self.depth[*i] > depth))
            .map(|i| self.goals[i].id)
            .collect()
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
    }

    /// Selects a row; a goal's ancestors are expanded so it is visible.
    pub fn select_node(&mut self, node: Node) {
        match node {
            Node::Goal(id) => self.select(id),
            other => self.restore(other),
        }
    }

    /// Selects a goal, expanding its ancestors so it is visible.
    pub fn select(&mut self, id: GoalId) {
        let mut parent = self.goal(id).and_then(|g| g.parent);
        let mut guard = 0;
        while let Some(p) = parent {
            self.expanded.insert(p);
            parent = self.goal(p).and_then(|g| g.parent);
            guard += 1;
            if guard > self.goals.len() {
                break;
            }
        }
        self.rebuild_visible(None);
        if let Some(pos) = self.position(Node::Goal(id)) {
            self.selected = pos;
        }
    }

    /// `l`/`→`: expands a collapsed goal, or goes to the first child of an expanded one.
    pub fn expand_or_child(&mut self) {
        let Some(index) = self.selected_index() else {
            return;
        };
        if !self.has_children(index) {
            return;
        }
        let id = self.goals[index].id;
        if self.expanded.insert(id) {
            self.rebuild_visible(None);
        } else {
            self.move_by(1);
        }
    }

    /// `h`/`←`: collapses an expanded goal, or goes to the parent.
    pub fn collapse_or_parent(&mut self) {
        let Some(goal) = self.selected() else {
            return;
        };
        let (id, parent) = (goal.id, goal.parent);
        if self.expanded.remove(&id) {
            self.rebuild_visible(None);
        } else if let Some(parent) = parent {
            self.select(parent);
        }
    }

    /// `Space`: expands or collapses the selected goal.
    pub fn toggle(&mut self) {
        let Some(index) = self.selected_index() else {
            return;
        };
        if !self.has_children(index) {
            return;
        }
        let id = self.goals[index].id;
        if !self.expanded.remove(&id) {
            self.expanded.insert(id);
        }
        self.rebuild_visible(None);
    }

    /// The siblings of a goal (same parent), in order.
    pub fn siblings(&self, id: GoalId) -> Vec<&Goal> {
        let parent = self.goal(id).and_then(|g| g.parent);
        self.goals.iter().filter(|g| g.parent == parent).collect()
    }
}

#[cfg(test)]
mod tests;
