//! Which measures belong to which goal and back, in memory.

use std::collections::{HashMap, HashSet};

use crate::model::Link;
use crate::model::{GoalId, MeasureId};

/// All links in memory, both directions (a few bytes per link), kept current change by change
/// ([`LinkIndex::set_goals_of`]). By measure, the links are one sorted vector searched by
/// binary search: at 100 000 measures a map with a small vector per measure would cost 100 000
/// allocations at every start. Measures whose links changed since are kept in a small map
/// beside it, so a change never shifts the big vectors.
#[derive(Clone, Debug, Default)]
pub struct LinkIndex {
    by_goal: HashMap<GoalId, Vec<(MeasureId, bool)>>,
    /// Measure of each entry of `goals`, ascending.
    measure_ids: Vec<MeasureId>,
    /// Goals of the measures in `measure_ids`, primary first within each measure.
    goals: Vec<(GoalId, bool)>,
    /// Goals of measures whose links changed after the index was built (empty when they have
    /// none any more); these override `measure_ids`/`goals`.
    changed: HashMap<MeasureId, Vec<(GoalId, bool)>>,
}

impl LinkIndex {
    /// Indexes `links`.
    pub fn new(links: &[Link]) -> LinkIndex {
        let mut by_goal: HashMap<GoalId, Vec<(MeasureId, bool)>> = HashMap::new();
        for link in links {
            by_goal
                .entry(link.goal)
                .or_default()
                .push((link.measure, link.primary));
        }
        // The store returns links by measure already; the stable sort only moves each
        // measure's primary link to the front.
        let mut sorted: Vec<&Link> = links.iter().collect();
        sorted.sort_by_key(|l| (l.measure, !l.primary));
        LinkIndex {
            by_goal,
            measure_ids: sorted.iter().map(|l| l.measure).collect(),
            goals: sorted.iter().map(|l| (l.goal, l.primary)).collect(),
            changed: HashMap::new(),
        }
    }

    /// Replaces the goals of `measure` (primary first; empty after it lost its last link or
    /// was deleted).
    pub fn set_goals_of(&mut self, measure: MeasureId, goals: Vec<(GoalId, bool)>) {
        for (goal, _) in self.goals_of(measure).to_vec() {
            if let Some(list) = self.by_goal.get_mut(&goal) {
                list.retain(|(m, _)| *m != measure);
            }
        }
        for (goal, primary) in &goals {
            self.by_goal
                .entry(*goal)
                .or_default()
                .push((measure, *primary));
        }
        self.changed.insert(measure, goals);
    }

    /// The goals of `measure` as first indexed (ignoring later changes).
    fn indexed_goals_of(&self, measure: MeasureId) -> &[(GoalId, bool)] {
        let start = self.measure_ids.partition_point(|m| *m < measure);
        let end = self.measure_ids.partition_point(|m| *m <= measure);
        &self.goals[start..end]
    }

    /// Every link, by measure, primary first (the report's links from memory instead of the
    /// database).
    pub fn all(&self) -> Vec<Link> {
        let mut links: Vec<Link> = (self.by_goal.iter())
            .flat_map(|(goal, measures)| {
                measures.iter().map(move |(measure, primary)| Link {
                    measure: *measure,
                    goal: *goal,
                    primary: *primary,
                })
            })
            .collect();
        links.sort_by_key(|l| (l.measure, !l.primary, l.goal));
        links
    }

    /// Measures linked directly to `goal`, with whether it is their primary goal.
    pub fn measures_of(&self, goal: GoalId) -> &[(MeasureId, bool)] {
        self.by_goal.get(&goal).map_or(&[], Vec::as_slice)
    }

    /// Goals of `measure`, primary first.
    pub fn goals_of(&self, measure: MeasureId) -> &[(GoalId, bool)] {
        match self.changed.get(&measure) {
            Some(goals) => goals,
            None => self.indexed_goals_of(measure),
        }
    }

    /// Distinct measures linked to any goal of `subtree`.
    pub fn count_in(&self, subtree: &[GoalId]) -> usize {
        if let [only] = subtree {
            return self.measures_of(*only).len();
        }
        let mut seen = HashSet::new();
        for goal in subtree {
            seen.extend(self.measures_of(*goal).iter().map(|(m, _)| *m));
        }
        seen.len()
    }

    /// For every goal, the distinct measures linked to it or to a goal below it, in one pass
    /// over the links (`parent_of` gives each goal's parent).
    pub fn counts(&self, parent_of: impl Fn(GoalId) -> Option<GoalId>) -> HashMap<GoalId, usize> {
        let mut counts: HashMap<GoalId, usize> = HashMap::new();
        let mut reached: Vec<GoalId> = Vec::new();
        let mut count = |goals: &[(GoalId, bool)]| {
            reach(goals, &parent_of, &mut reached);
            for goal in &reached {
                *counts.entry(*goal).or_default() += 1;
            }
        };
        let mut start = 0;
        while start < self.measure_ids.len() {
            let measure = self.measure_ids[start];
            let end = start + self.measure_ids[start..].partition_point(|m| *m == measure);
            if !self.changed.contains_key(&measure) {
                count(&self.goals[start..end]);
            }
            start = end;
        }
        for goals in self.changed.values() {
            count(goals);
        }
        counts
    }
}

/// Fills `reached` with `goals` and all their ancestors, each once (`parent_of` gives a goal's
/// parent).
pub fn reach(
    goals: &[(GoalId, bool)],
    parent_of: impl Fn(GoalId) -> Option<GoalId>,
    reached: &mut Vec<GoalId>,
) {
    reached.clear();
    for (goal, _) in goals {
        let mut current = Some(*goal);
        // The bound guards against a parent cycle in a corrupt database.
        for _ in 0..64 {
            let Some(goal) = current else { break };
            if !reached.contains(&goal) {
                reached.push(goal);
            }
            current = parent_of(goal);
        }
    }
}
