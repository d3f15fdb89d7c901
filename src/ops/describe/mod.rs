//! One-line descriptions of ops for the history log and undo/redo messages.
//!
//! A message names what the user's action did: undoing a deletion says `Löschen von M-0010
//! „…“ rückgängig gemacht`, never the inverse op's `angelegt`. Goals and measures are named by
//! code and title, also after they are gone: a history entry's op and inverse carry the names
//! of what they add or remove ([`Names::learn`]), so `log` never shows an internal id for a
//! goal some entry still remembers.

mod history;
mod money;
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
use crate::model::{GoalId, Measure};
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

/// Says `op` in `lang` and `form`, naming goals and measures by `names`.
fn phrase(op: &Op, lang: Lang, names: &Names, form: Form) -> String {
    let p = Phrasing { lang, names, form };
    match op {
        Op::AddGoal { .. }
        | Op::UpdateGoal { .. }
        | Op::MoveGoal { .. }
        | Op::DeleteGoal { .. }
        | Op::RestoreGoals { .. } => p.goal_op(op),
        Op::AddMeasure { .. } | Op::UpdateMeasure { .. } | Op::DeleteMeasure { .. } => {
            p.measure_op(op)
        }
        Op::Link { .. } | Op::Unlink { .. } | Op::SetPrimary { .. } => p.link_op(op),
        Op::Batch { .. } | Op::Labeled { .. } => p.batch(op),
        Op::Expect { op, .. } => phrase(op, lang, names, form),
        Op::SetPot { .. }
        | Op::RemovePot { .. }
        | Op::SetPlan { .. }
        | Op::AddPayment { .. }
        | Op::UpdatePayment { .. }
        | Op::RemovePayment { .. } => p.money_op(op),
    }
}

/// What [`phrase`] says an op with.
struct Phrasing<'a> {
    lang: Lang,
    names: &'a Names,
    form: Form,
}

impl Phrasing<'_> {
    /// The template of `done` or `action`, as the form asks.
    fn pick(&self, done: Text, action: Text) -> &'static str {
        self.lang.t(match self.form {
            Form::Done => done,
            Form::Action => action,
        })
    }

    /// A goal the op carries itself (by code and title), else as `names` knows it.
    fn own_goal(&self, id: GoalId, code: &str, title: &str) -> String {
        if title.is_empty() {
            self.names.goal(id, self.lang)
        } else {
            quoted(code, title, self.lang)
        }
    }

    fn own_measure(&self, m: &Measure) -> String {
        if m.title.is_empty() {
            m.id.to_string()
        } else {
            quoted(&m.id.to_string(), &m.title, self.lang)
        }
    }

    fn goal_op(&self, op: &Op) -> String {
        let (done, action, goal) = match op {
            Op::AddGoal { goal: g } => (
                Text::LogAddGoal,
                Text::ActAddGoal,
                self.own_goal(g.id, &g.code, &g.title),
            ),
            Op::UpdateGoal {
                id, code, title, ..
            } => (
                Text::LogUpdateGoal,
                Text::ActUpdateGoal,
                self.own_goal(*id, code, title),
            ),
            Op::MoveGoal { id, .. } => (
                Text::LogMoveGoal,
                Text::ActMoveGoal,
                self.names.goal(*id, self.lang),
            ),
            Op::DeleteGoal { id, .. } => (
                Text::LogDeleteGoal,
                Text::ActDeleteGoal,
                self.names.goal(*id, self.lang),
            ),
            Op::RestoreGoals { goals, .. } => (
                Text::LogRestoreGoals,
                Text::ActRestoreGoals,
                goals
                    .first()
                    .map(|g| self.own_goal(g.id, &g.code, &g.title))
                    .unwrap_or_default(),
            ),
            _ => return String::new(),
        };
        fill(self.pick(done, action), &[("goal", &goal)])
    }

    fn measure_op(&self, op: &Op) -> String {
        let (done, action, measure) = match op {
            Op::AddMeasure { measure: m, .. } => (
                Text::LogAddMeasure,
                Text::ActAddMeasure,
                self.own_measure(m),
            ),
            Op::UpdateMeasure { measure: m } => (
                Text::LogUpdateMeasure,
                Text::ActUpdateMeasure,
                self.own_measure(m),
            ),
            Op::DeleteMeasure { id } => (
                Text::LogDeleteMeasure,
                Text::ActDeleteMeasure,
                self.names.measure(*id, self.lang),
            ),
            _ => return String::new(),
        };
        fill(self.pick(done, action), &[("measure", &measure)])
    }

    fn link_op(&self, op: &Op) -> String {
        let (done, action, measure, goal) = match op {
            Op::Link { measure, goal, .. } => (Text::LogLink, Text::ActLink, measure, goal),
            Op::Unlink { measure, goal } => (Text::LogUnlink, Text::ActUnlink, measure, goal),
            Op::SetPrimary { measure, goal } => {
                (Text::LogSetPrimary, Text::ActSetPrimary, measure, goal)
            }
            _ => return String::new(),
        };
        fill(
            self.pick(done, action),
            &[
                ("measure", &self.names.measure(*measure, self.lang)),
                ("goal", &self.names.goal_code(*goal)),
            ],
        )
    }

    fn batch(&self, op: &Op) -> String {
        match op {
            Op::Batch { ops } => match ops.as_slice() {
                [single] => phrase(single, self.lang, self.names, self.form),
                // A link change that reverts with a primary fix-up reads as its first part.
                [first, Op::SetPrimary { .. }] => phrase(first, self.lang, self.names, self.form),
                _ => fill(
                    self.pick(Text::LogBatch, Text::ActBatch),
                    &[("summary", &Tally::of(ops).summary(self.lang))],
                ),
            },
            Op::Labeled { label, ops } => {
                let summary = Tally::of(ops).summary(self.lang);
                let (done, action, file) = match label {
                    Label::Import { file } => (Text::LogImport, Text::ActImport, file.as_str()),
                    Label::Restore { file } => (Text::LogRestore, Text::ActRestore, file.as_str()),
                    Label::DemoData => (Text::LogDemoData, Text::ActDemoData, ""),
                };
                fill(
                    self.pick(done, action),
                    &[("file", &file), ("summary", &summary)],
                )
            }
            _ => String::new(),
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
