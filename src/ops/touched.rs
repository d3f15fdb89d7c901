//! Which measures and goals an op touches: for the history of one measure or goal (`log
//! --measure`, `log --goal`) and for import's "changed since the file was written" warning.

use super::Op;
use crate::model::{Fund, GoalId, MeasureId};

impl Op {
    /// The measures whose fields or links the op changes (a batch: all of its ops').
    pub fn touched_measures(&self) -> Vec<MeasureId> {
        match self {
            Op::AddMeasure { measure, .. } | Op::UpdateMeasure { measure } => vec![measure.id],
            Op::DeleteMeasure { id } => vec![*id],
            Op::Link { measure, .. }
            | Op::Unlink { measure, .. }
            | Op::SetPrimary { measure, .. } => {
                vec![*measure]
            }
            Op::RestoreGoals { links, .. } => links.iter().map(|l| l.measure).collect(),
            Op::Batch { ops } | Op::Labeled { ops, .. } => {
                ops.iter().flat_map(Op::touched_measures).collect()
            }
            Op::Expect { op, .. } => op.touched_measures(),
            // A measure's plan and payments are part of it for undo's "changed since".
            Op::SetPlan { measure, .. } | Op::RemovePayment { measure, .. } => vec![*measure],
            Op::AddPayment { payment } | Op::UpdatePayment { payment } => vec![payment.measure],
            Op::SetPot { .. } | Op::RemovePot { .. } => Vec::new(),
            Op::AddGoal { .. }
            | Op::UpdateGoal { .. }
            | Op::MoveGoal { .. }
            | Op::DeleteGoal { .. } => Vec::new(),
        }
    }

    /// The goals the op adds, changes, moves or deletes, or links a measure to or from.
    pub fn touched_goals(&self) -> Vec<GoalId> {
        match self {
            Op::AddGoal { goal } => vec![goal.id],
            Op::UpdateGoal { id, .. } | Op::MoveGoal { id, .. } | Op::DeleteGoal { id, .. } => {
                vec![*id]
            }
            Op::RestoreGoals { goals, .. } => goals.iter().map(|g| g.id).collect(),
            Op::AddMeasure { goals, .. } => goals.clone(),
            Op::Link { goal, .. } | Op::Unlink { goal, .. } | Op::SetPrimary { goal, .. } => {
                vec![*goal]
            }
            Op::Batch { ops } | Op::Labeled { ops, .. } => {
                ops.iter().flat_map(Op::touched_goals).collect()
            }
            Op::Expect { op, .. } => op.touched_goals(),
            Op::UpdateMeasure { .. }
            | Op::DeleteMeasure { .. }
            | Op::SetPot { .. }
            | Op::RemovePot { .. }
            | Op::SetPlan { .. }
            | Op::AddPayment { .. }
            | Op::UpdatePayment { .. }
            | Op::RemovePayment { .. } => Vec::new(),
        }
    }

    /// The pots (fund, year) the op sets or removes (issue 14).
    pub fn touched_pots(&self) -> Vec<(Fund, i32)> {
        match self {
            Op::SetPot { pot } => vec![(pot.fund, pot.year)],
            Op::RemovePot { fund, year } => vec![(*fund, *year)],
            Op::Batch { ops } | Op::Labeled { ops, .. } => {
                ops.iter().flat_map(Op::touched_pots).collect()
            }
            Op::Expect { op, .. } => op.touched_pots(),
            _ => Vec::new(),
        }
    }
}
