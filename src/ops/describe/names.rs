//! Codes and titles by which a description names goals and measures, also after they are gone.

use std::collections::{HashMap, HashSet};

use super::quoted;
use crate::i18n::Lang;
use crate::model::{Goal, GoalId, Measure, MeasureId};
use crate::ops::Op;

/// Codes and titles to name goals and measures by.
#[derive(Clone, Debug, Default)]
pub struct Names {
    goals: HashMap<GoalId, (String, String)>,
    measures: HashMap<MeasureId, String>,
}

impl Names {
    /// Names of the goals that exist now; they win over names history remembers.
    pub fn with_goals(goals: &[Goal]) -> Names {
        Names {
            goals: goals
                .iter()
                .map(|g| (g.id, (g.code.clone(), g.title.clone())))
                .collect(),
            measures: HashMap::new(),
        }
    }

    /// Goal codes only (titles unknown).
    pub fn from_codes(codes: &HashMap<GoalId, String>) -> Names {
        Names {
            goals: codes
                .iter()
                .map(|(id, code)| (*id, (code.clone(), String::new())))
                .collect(),
            measures: HashMap::new(),
        }
    }

    /// Remembers a measure's title unless one is known already.
    pub fn add_measure(&mut self, measure: &Measure) {
        self.measures
            .entry(measure.id)
            .or_insert_with(|| measure.title.clone());
    }

    /// Learns the names `op` carries (goals and measures it adds, changes or restores),
    /// keeping names already known.
    pub fn learn(&mut self, op: &Op) {
        let mut goal = |id: GoalId, code: &str, title: &str| {
            self.goals
                .entry(id)
                .or_insert_with(|| (code.to_string(), title.to_string()));
        };
        match op {
            Op::AddGoal { goal: g } => goal(g.id, &g.code, &g.title),
            Op::UpdateGoal {
                id, code, title, ..
            } => goal(*id, code, title),
            Op::RestoreGoals { goals, .. } => {
                for g in goals {
                    goal(g.id, &g.code, &g.title);
                }
            }
            Op::AddMeasure { measure, .. } | Op::UpdateMeasure { measure } => {
                self.add_measure(measure)
            }
            Op::Batch { ops } | Op::Labeled { ops, .. } => {
                for op in ops {
                    self.learn(op);
                }
            }
            Op::Expect { op, .. } => self.learn(op),
            Op::MoveGoal { .. }
            | Op::DeleteGoal { .. }
            | Op::DeleteMeasure { .. }
            | Op::Link { .. }
            | Op::Unlink { .. }
            | Op::SetPrimary { .. }
            | Op::SetPot { .. }
            | Op::RemovePot { .. }
            | Op::SetPlan { .. }
            | Op::AddPayment { .. }
            | Op::UpdatePayment { .. }
            | Op::RemovePayment { .. } => {}
        }
    }

    /// `8.3`, or `#50` for a goal nobody remembers.
    pub(super) fn goal_code(&self, id: GoalId) -> String {
        self.goals
            .get(&id)
            .map_or_else(|| id.to_string(), |(code, _)| code.clone())
    }

    /// `Z5 „Title“` (or just the code when the title is unknown).
    pub(super) fn goal(&self, id: GoalId, lang: Lang) -> String {
        match self.goals.get(&id) {
            Some((code, title)) if !title.is_empty() => quoted(code, title, lang),
            _ => self.goal_code(id),
        }
    }

    /// `M-0010 „Title“` (or just the id when the title is unknown).
    pub(super) fn measure(&self, id: MeasureId, lang: Lang) -> String {
        match self.measures.get(&id) {
            Some(title) if !title.is_empty() => quoted(&id.to_string(), title, lang),
            _ => id.to_string(),
        }
    }

    /// Measures `op` refers to whose title is not known yet.
    pub(super) fn unknown_measures(&self, op: &Op, out: &mut HashSet<MeasureId>) {
        match op {
            Op::DeleteMeasure { id: measure }
            | Op::Link { measure, .. }
            | Op::Unlink { measure, .. }
            | Op::SetPrimary { measure, .. }
            | Op::SetPlan { measure, .. }
            | Op::RemovePayment { measure, .. }
            | Op::AddPayment {
                payment: crate::model::Payment { measure, .. },
            }
            | Op::UpdatePayment {
                payment: crate::model::Payment { measure, .. },
            } if !self.measures.contains_key(measure) => {
                out.insert(*measure);
            }
            Op::Expect { op, .. } => self.unknown_measures(op, out),
            Op::Batch { ops } | Op::Labeled { ops, .. } => {
                // A batch is described by counts, not names: look nothing up for it.
                if let [single] | [single, Op::SetPrimary { .. }] = ops.as_slice() {
                    self.unknown_measures(single, out);
                }
            }
            _ => {}
        }
    }
}
