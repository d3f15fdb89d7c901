//! One-line descriptions of ops for the history log and undo/redo messages.

use std::collections::HashMap;

use super::Op;
use crate::i18n::{Lang, Text, fill};
use crate::model::GoalId;
use crate::text::sanitize_line;

/// Describes `op` in `lang`; `codes` names goals that still exist (others show as `#id`).
pub fn describe(op: &Op, lang: Lang, codes: &HashMap<GoalId, String>) -> String {
    let code = |id: &GoalId| {
        codes
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("#{}", id.0))
    };
    let t = |text| lang.t(text);
    let text = match op {
        Op::AddGoal { goal } => fill(t(Text::LogAddGoal), &[("code", &goal.code)]),
        Op::UpdateGoal { code: c, .. } => fill(t(Text::LogUpdateGoal), &[("code", c)]),
        Op::MoveGoal { id, .. } => fill(t(Text::LogMoveGoal), &[("code", &code(id))]),
        Op::DeleteGoal { id, .. } => fill(t(Text::LogDeleteGoal), &[("code", &code(id))]),
        Op::RestoreGoals { goals, .. } => {
            let first = goals.first().map(|g| g.code.clone()).unwrap_or_default();
            fill(t(Text::LogRestoreGoals), &[("code", &first)])
        }
        Op::AddMeasure { measure, .. } => fill(
            t(Text::LogAddMeasure),
            &[("id", &measure.id), ("title", &measure.title)],
        ),
        Op::UpdateMeasure { measure } => fill(
            t(Text::LogUpdateMeasure),
            &[("id", &measure.id), ("title", &measure.title)],
        ),
        Op::DeleteMeasure { id } => fill(t(Text::LogDeleteMeasure), &[("id", id)]),
        Op::Link { measure, goal, .. } => {
            fill(t(Text::LogLink), &[("id", measure), ("code", &code(goal))])
        }
        Op::Unlink { measure, goal } => fill(
            t(Text::LogUnlink),
            &[("id", measure), ("code", &code(goal))],
        ),
        Op::SetPrimary { measure, goal } => fill(
            t(Text::LogSetPrimary),
            &[("id", measure), ("code", &code(goal))],
        ),
        Op::Batch { ops } => match ops.as_slice() {
            [single] => return describe(single, lang, codes),
            // A link change that reverts with a primary fix-up reads as its first part.
            [first, Op::SetPrimary { .. }] => return describe(first, lang, codes),
            _ => fill(t(Text::LogBatch), &[("count", &ops.len())]),
        },
    };
    sanitize_line(&text).into_owned()
}
