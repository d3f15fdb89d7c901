//! One-line descriptions of ops for the history log and undo/redo messages.
//!
//! A message names what the user's action did: undoing a deletion says `Löschen von M-0010
//! „…“ rückgängig gemacht`, never the inverse op's `angelegt`. Goals and measures are named by
//! code and title, also after they are gone: a history entry's op and inverse carry the names
//! of what they add or remove ([`Names::learn`]), so `log` never shows an internal id for a
//! goal some entry still remembers.

mod history;
mod names;
mod tally;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

pub use history::{HistoryReader, history_message, names_for, original_entry};
pub use names::Names;
use tally::Tally;

use super::{EntryKind, Label, Op};
use crate::i18n::{Lang, Text, fill};
use crate::model::{GoalId, Measure, MeasureId};
use crate::text::sanitize_line;

/// Longest title shown in a description; longer ones end in `…`, so that the verb at the end
/// of a status-bar message stays visible.
const TITLE_CHARS: usize = 40;

fn quoted(code: &str, title: &str, lang: Lang) -> String {
    let short: String;
    let title = if title.chars().count() > TITLE_CHARS {
        short = title.chars().take(TITLE_CHARS - 1).collect::<String>() + "…";
        &short
    } else {
        title
    };
    match lang {
        Lang::De => format!("{code} „{title}“"),
        Lang::En => format!("{code} \"{title}\""),
    }
}

/// Whether to say what happened (`M-0010 gelöscht`) or name the action (`Löschen von M-0010`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Done,
    Action,
}

fn phrase(op: &Op, lang: Lang, names: &Names, form: Form) -> String {
    let pick = |done: Text, action: Text| {
        lang.t(match form {
            Form::Done => done,
            Form::Action => action,
        })
    };
    let goal = |id: GoalId| names.goal(id, lang);
    let measure = |id: MeasureId| names.measure(id, lang);
    let own_goal = |id: GoalId, code: &str, title: &str| {
        if title.is_empty() {
            names.goal(id, lang)
        } else {
            quoted(code, title, lang)
        }
    };
    let own_measure = |m: &Measure| {
        if m.title.is_empty() {
            m.id.to_string()
        } else {
            quoted(&m.id.to_string(), &m.title, lang)
        }
    };
    match op {
        Op::AddGoal { goal: g } => fill(
            pick(Text::LogAddGoal, Text::ActAddGoal),
            &[("goal", &own_goal(g.id, &g.code, &g.title))],
        ),
        Op::UpdateGoal {
            id, code, title, ..
        } => fill(
            pick(Text::LogUpdateGoal, Text::ActUpdateGoal),
            &[("goal", &own_goal(*id, code, title))],
        ),
        Op::MoveGoal { id, .. } => fill(
            pick(Text::LogMoveGoal, Text::ActMoveGoal),
            &[("goal", &goal(*id))],
        ),
        Op::DeleteGoal { id, .. } => fill(
            pick(Text::LogDeleteGoal, Text::ActDeleteGoal),
            &[("goal", &goal(*id))],
        ),
        Op::RestoreGoals { goals, .. } => {
            let first = goals
                .first()
                .map(|g| own_goal(g.id, &g.code, &g.title))
                .unwrap_or_default();
            fill(
                pick(Text::LogRestoreGoals, Text::ActRestoreGoals),
                &[("goal", &first)],
            )
        }
        Op::AddMeasure { measure: m, .. } => fill(
            pick(Text::LogAddMeasure, Text::ActAddMeasure),
            &[("measure", &own_measure(m))],
        ),
        Op::UpdateMeasure { measure: m } => fill(
            pick(Text::LogUpdateMeasure, Text::ActUpdateMeasure),
            &[("measure", &own_measure(m))],
        ),
        Op::DeleteMeasure { id } => fill(
            pick(Text::LogDeleteMeasure, Text::ActDeleteMeasure),
            &[("measure", &measure(*id))],
        ),
        Op::Link {
            measure: m,
            goal: g,
            ..
        } => fill(
            pick(Text::LogLink, Text::ActLink),
            &[("measure", &measure(*m)), ("goal", &names.goal_code(*g))],
        ),
        Op::Unlink {
            measure: m,
            goal: g,
        } => fill(
            pick(Text::LogUnlink, Text::ActUnlink),
            &[("measure", &measure(*m)), ("goal", &names.goal_code(*g))],
        ),
        Op::SetPrimary {
            measure: m,
            goal: g,
        } => fill(
            pick(Text::LogSetPrimary, Text::ActSetPrimary),
            &[("measure", &measure(*m)), ("goal", &names.goal_code(*g))],
        ),
        Op::Batch { ops } => match ops.as_slice() {
            [single] => phrase(single, lang, names, form),
            // A link change that reverts with a primary fix-up reads as its first part.
            [first, Op::SetPrimary { .. }] => phrase(first, lang, names, form),
            _ => fill(
                pick(Text::LogBatch, Text::ActBatch),
                &[("summary", &Tally::of(ops).summary(lang))],
            ),
        },
        Op::Labeled { label, ops } => {
            let summary = Tally::of(ops).summary(lang);
            match label {
                Label::Import { file } => fill(
                    pick(Text::LogImport, Text::ActImport),
                    &[("file", file), ("summary", &summary)],
                ),
                Label::Restore { file } => fill(
                    pick(Text::LogRestore, Text::ActRestore),
                    &[("file", file), ("summary", &summary)],
                ),
                Label::DemoData => fill(
                    pick(Text::LogDemoData, Text::ActDemoData),
                    &[("summary", &summary)],
                ),
            }
        }
    }
}

/// Describes `op` as done (`Ziel Z5 gelöscht`) in `lang`; `codes` names goals that still
/// exist (others show as `#id`). Prefer [`describe_entry`] with [`Names`] for history.
pub fn describe(op: &Op, lang: Lang, codes: &HashMap<GoalId, String>) -> String {
    let mut names = Names::from_codes(codes);
    names.learn(op);
    sanitize_line(&phrase(op, lang, &names, Form::Done)).into_owned()
}

/// The history line of an entry of `kind` whose user action was `original` (the op of the
/// `Do` entry it undid or redid): `M-0010 „…“ gelöscht`, `Löschen von M-0010 „…“ rückgängig
/// gemacht`, `Löschen von M-0010 „…“ wiederholt`. The CLI's `undo`, `redo`, `log` and the
/// TUI's undo/redo messages all say it this way.
pub fn describe_entry(kind: EntryKind, original: &Op, lang: Lang, names: &Names) -> String {
    let text = match kind {
        EntryKind::Do => phrase(original, lang, names, Form::Done),
        EntryKind::Undo { .. } => fill(
            lang.t(Text::DoneUndo),
            &[("what", &phrase(original, lang, names, Form::Action))],
        ),
        EntryKind::Redo { .. } => fill(
            lang.t(Text::DoneRedo),
            &[("what", &phrase(original, lang, names, Form::Action))],
        ),
    };
    sanitize_line(&text).into_owned()
}
