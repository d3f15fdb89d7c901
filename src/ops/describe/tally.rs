//! What a batch changed, counted: `1 neu, 2 geändert`.

use crate::i18n::{Lang, Text, fill};
use crate::ops::Op;

/// Counts of what a batch changed.
#[derive(Default)]
pub(super) struct Tally {
    added: usize,
    changed: usize,
    deleted: usize,
    goals_added: usize,
    goals_changed: usize,
    goals_deleted: usize,
    links: usize,
    money: usize,
    total: usize,
}

impl Tally {
    pub(super) fn of(ops: &[Op]) -> Tally {
        let mut tally = Tally::default();
        tally.count(ops);
        tally
    }

    fn count(&mut self, ops: &[Op]) {
        for op in ops {
            self.total += 1;
            match op {
                Op::AddMeasure { .. } => self.added += 1,
                Op::UpdateMeasure { .. } => self.changed += 1,
                Op::DeleteMeasure { .. } => self.deleted += 1,
                Op::AddGoal { .. } => self.goals_added += 1,
                Op::RestoreGoals { goals, .. } => self.goals_added += goals.len(),
                Op::UpdateGoal { .. } | Op::MoveGoal { .. } => self.goals_changed += 1,
                Op::DeleteGoal { .. } => self.goals_deleted += 1,
                Op::Link { .. } | Op::Unlink { .. } | Op::SetPrimary { .. } => self.links += 1,
                Op::SetPot { .. }
                | Op::RemovePot { .. }
                | Op::SetPlan { .. }
                | Op::AddPayment { .. }
                | Op::UpdatePayment { .. }
                | Op::RemovePayment { .. } => self.money += 1,
                Op::Batch { ops } | Op::Labeled { ops, .. } => {
                    self.total -= 1;
                    self.count(ops);
                }
                Op::Expect { op, .. } => {
                    self.total -= 1;
                    self.count(std::slice::from_ref(op));
                }
            }
        }
    }

    /// `1 neu, 2 geändert`, or `3 Änderungen` when nothing countable is in it.
    pub(super) fn summary(&self, lang: Lang) -> String {
        let parts: Vec<String> = [
            (Text::SumAdded, self.added),
            (Text::SumChanged, self.changed),
            (Text::SumDeleted, self.deleted),
            (Text::SumGoalsAdded, self.goals_added),
            (Text::SumGoalsChanged, self.goals_changed),
            (Text::SumGoalsDeleted, self.goals_deleted),
            (Text::SumLinks, self.links),
            (Text::SumMoney, self.money),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(text, n)| fill(lang.t(text), &[("n", &n)]))
        .collect();
        if parts.is_empty() {
            fill(lang.t(Text::LogCount), &[("count", &self.total)])
        } else {
            parts.join(", ")
        }
    }
}
