//! Planning the goals of an import: new goals, changed and moved ones, and goals that
//! measures name and `--create-goals` adds.

use std::collections::HashMap;

use super::Planner;
use crate::exchange::Incoming;
use crate::i18n::{Localize, Text, fill};
use crate::model::{Field, Goal, GoalId, code_key};
use crate::ops::Op;

/// Goal codes → ids, of the database and of goals this import adds.
pub(super) struct Goals {
    pub(super) by_code: HashMap<String, GoalId>,
    /// Codes of goals this import adds (the snapshot knows the others).
    pub(super) added: HashMap<GoalId, String>,
    pub(super) next: u64,
}

impl Goals {
    pub(super) fn get(&self, code: &str) -> Option<GoalId> {
        self.by_code.get(&code_key(code)).copied()
    }

    fn add(&mut self, code: &str) -> GoalId {
        let id = GoalId(self.next);
        self.next += 1;
        self.by_code.insert(code_key(code), id);
        self.added.insert(id, code.trim().to_string());
        id
    }
}

impl Planner<'_> {
    /// Goals of the file: new ones are added, known ones (by code) updated and moved.
    pub(super) fn plan_goals(&mut self, incoming: &Incoming) {
        let existing: HashMap<GoalId, &Goal> =
            self.snapshot.goals.iter().map(|g| (g.id, g)).collect();
        for item in &incoming.goals {
            let g = &item.goal;
            let parent = match &g.parent {
                None => None,
                Some(code) => match self.goals.get(code) {
                    Some(id) => Some(id),
                    None => {
                        let reason = fill(self.lang.t(Text::ImportUnknownGoal), &[("code", code)]);
                        self.problem(item.line, Field::Parent, reason);
                        continue;
                    }
                },
            };
            let mut goal = Goal {
                id: GoalId(0),
                parent,
                code: g.code.clone(),
                title: g.title.clone(),
                description: g.description.clone(),
                position: g.position,
            };
            if let Err(errors) = goal.validate() {
                for e in errors {
                    self.problem(item.line, e.field, e.problem.localize(self.lang));
                }
                continue;
            }
            match self.goals.get(&g.code).and_then(|id| existing.get(&id)) {
                Some(old) => self.update_goal(old, goal),
                None if self.goals.get(&g.code).is_some() => {
                    let reason = fill(self.lang.t(Text::ImportDuplicate), &[("value", &g.code)]);
                    self.problem(item.line, Field::Code, reason);
                }
                None => {
                    goal.id = self.goals.add(&g.code);
                    self.plan.goals_added.push(goal.code.clone());
                    self.plan.ops.push(Op::AddGoal { goal });
                }
            }
        }
    }

    /// Ops that give goal `old` the code, texts, parent and place of `goal` (from the file).
    fn update_goal(&mut self, old: &Goal, goal: Goal) {
        let mut changed = false;
        if old.title != goal.title || old.description != goal.description || old.code != goal.code {
            self.plan.ops.push(Op::UpdateGoal {
                id: old.id,
                code: goal.code.clone(),
                title: goal.title.clone(),
                description: goal.description.clone(),
            });
            changed = true;
        }
        // A goal without `position` (u32::MAX) keeps its place.
        let moved = goal.position != u32::MAX && old.position != goal.position;
        if old.parent != goal.parent || moved {
            self.plan.ops.push(Op::MoveGoal {
                id: old.id,
                parent: goal.parent,
                position: goal.position,
            });
            changed = true;
        }
        if changed {
            self.plan.goals_changed.push(goal.code);
        }
    }

    /// The goal for `code`: known, added by this import, or (with `--create-goals`) new.
    pub(super) fn resolve_goal(&mut self, line: usize, code: &str) -> Option<GoalId> {
        if let Some(id) = self.goals.get(code) {
            return Some(id);
        }
        if !self.options.create_goals || code.trim().is_empty() {
            let reason = fill(self.lang.t(Text::ImportUnknownGoal), &[("code", &code)]);
            self.problem(line, Field::Goals, reason);
            return None;
        }
        // `3.7` goes under `Z3` (or `3`) when that exists; anything else at the top.
        let parent = code.split_once('.').and_then(|(head, _)| {
            self.goals
                .get(&format!("Z{head}"))
                .or_else(|| self.goals.get(head))
        });
        let goal = Goal {
            id: GoalId(0),
            parent,
            code: code.trim().to_string(),
            title: code.trim().to_string(),
            description: String::new(),
            position: u32::MAX,
        };
        if let Err(errors) = goal.validate() {
            for e in errors {
                self.problem(line, Field::Goals, e.problem.localize(self.lang));
            }
            return None;
        }
        let id = self.goals.add(code);
        self.plan.goals_added.push(goal.code.clone());
        self.plan.ops.push(Op::AddGoal {
            goal: Goal { id, ..goal },
        });
        Some(id)
    }
}
