//! One-line descriptions of ops for the history log and undo/redo messages.
//!
//! A message names what the user's action did: undoing a deletion says `Löschen von M-0010
//! „…“ rückgängig gemacht`, never the inverse op's `angelegt`. Goals and measures are named by
//! code and title, also after they are gone: a history entry's op and inverse carry the names
//! of what they add or remove ([`Names::learn`]), so `log` never shows an internal id for a
//! goal some entry still remembers.

use std::collections::{HashMap, HashSet};

use super::{Label, Op};
use crate::i18n::{Lang, Text, fill};
use crate::model::{Goal, GoalId, Measure, MeasureId};
use crate::store::{EntryKind, HistoryEntry, Repository, StoreError};
use crate::text::sanitize_line;

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
            Op::MoveGoal { .. }
            | Op::DeleteGoal { .. }
            | Op::DeleteMeasure { .. }
            | Op::Link { .. }
            | Op::Unlink { .. }
            | Op::SetPrimary { .. } => {}
        }
    }

    /// `8.3`, or `#50` for a goal nobody remembers.
    fn goal_code(&self, id: GoalId) -> String {
        self.goals
            .get(&id)
            .map_or_else(|| format!("#{}", id.0), |(code, _)| code.clone())
    }

    /// `Z5 „Title“` (or just the code when the title is unknown).
    fn goal(&self, id: GoalId, lang: Lang) -> String {
        match self.goals.get(&id) {
            Some((code, title)) if !title.is_empty() => quoted(code, title, lang),
            _ => self.goal_code(id),
        }
    }

    /// `M-0010 „Title“` (or just the id when the title is unknown).
    fn measure(&self, id: MeasureId, lang: Lang) -> String {
        match self.measures.get(&id) {
            Some(title) if !title.is_empty() => quoted(&id.to_string(), title, lang),
            _ => id.to_string(),
        }
    }

    /// Measures `op` refers to whose title is not known yet.
    fn unknown_measures(&self, op: &Op, out: &mut HashSet<MeasureId>) {
        match op {
            Op::DeleteMeasure { id: measure }
            | Op::Link { measure, .. }
            | Op::Unlink { measure, .. }
            | Op::SetPrimary { measure, .. }
                if !self.measures.contains_key(measure) =>
            {
                out.insert(*measure);
            }
            Op::Batch { ops } | Op::Labeled { ops, .. } => {
                // A batch is described by counts, not names: look nothing up for it.
                if let [single] | [single, Op::SetPrimary { .. }] = ops.as_slice() {
                    self.unknown_measures(single, out);
                }
            }
            _ => {}
        }
    }

    /// Looks up, in `repo`, the titles of measures `ops` refer to that are still unknown.
    fn complete<'a>(
        &mut self,
        repo: &dyn Repository,
        ops: impl IntoIterator<Item = &'a Op>,
    ) -> Result<(), StoreError> {
        let mut missing = HashSet::new();
        for op in ops {
            self.unknown_measures(op, &mut missing);
        }
        for id in missing {
            if let Some(measure) = repo.measure(id)? {
                self.add_measure(&measure);
            }
        }
        Ok(())
    }
}

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

/// Counts of what a batch changed.
#[derive(Default)]
struct Tally {
    added: usize,
    changed: usize,
    deleted: usize,
    goals_added: usize,
    goals_changed: usize,
    goals_deleted: usize,
    links: usize,
    total: usize,
}

impl Tally {
    fn of(ops: &[Op]) -> Tally {
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
                Op::Batch { ops } | Op::Labeled { ops, .. } => {
                    self.total -= 1;
                    self.count(ops);
                }
            }
        }
    }

    /// `1 neu, 2 geändert`, or `3 Änderungen` when nothing countable is in it.
    fn summary(&self, lang: Lang) -> String {
        let parts: Vec<String> = [
            (Text::SumAdded, self.added),
            (Text::SumChanged, self.changed),
            (Text::SumDeleted, self.deleted),
            (Text::SumGoalsAdded, self.goals_added),
            (Text::SumGoalsChanged, self.goals_changed),
            (Text::SumGoalsDeleted, self.goals_deleted),
            (Text::SumLinks, self.links),
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

/// The `Do` entry a user made that `entry` is about: itself, or the entry it undid or redid.
pub fn original_entry(
    repo: &dyn Repository,
    entry: &HistoryEntry,
) -> Result<HistoryEntry, StoreError> {
    let mut current = entry.clone();
    // Follow undo → redo → … back to the change someone made; seqs only go down, so this ends.
    while let EntryKind::Undo { of } | EntryKind::Redo { of } = current.kind {
        match repo.history_entry(of)? {
            Some(earlier) if earlier.seq < current.seq => current = earlier,
            _ => break,
        }
    }
    Ok(current)
}

/// Names for describing `entries` (each with its original): the goals of `repo`, what the
/// entries' ops carry, and the titles of measures they refer to that still exist.
pub fn names_for(
    repo: &dyn Repository,
    entries: &[(&HistoryEntry, &HistoryEntry)],
) -> Result<Names, StoreError> {
    let mut names = Names::with_goals(&repo.goals()?);
    for (entry, original) in entries {
        for op in [&original.op, &original.inverse, &entry.op, &entry.inverse] {
            names.learn(op);
        }
    }
    names.complete(repo, entries.iter().map(|(_, original)| &original.op))?;
    Ok(names)
}

/// The message for history entry `seq` (an undo, a redo or a change), as the status bar and
/// the CLI show it after `undo`/`redo`: `Löschen von M-0010 „…“ rückgängig gemacht`.
/// Empty when there is no such entry.
pub fn history_message(repo: &dyn Repository, seq: u64, lang: Lang) -> Result<String, StoreError> {
    let Some(entry) = repo.history_entry(seq)? else {
        return Ok(String::new());
    };
    let original = original_entry(repo, &entry)?;
    let names = names_for(repo, &[(&entry, &original)])?;
    Ok(describe_entry(entry.kind, &original.op, lang, &names))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(id: u64, title: &str) -> Measure {
        let mut m = Measure::new(title);
        m.id = MeasureId(id);
        m
    }

    fn goal(id: u64, code: &str, title: &str) -> Goal {
        Goal {
            id: GoalId(id),
            parent: None,
            code: code.into(),
            title: title.into(),
            description: String::new(),
            position: 0,
        }
    }

    #[test]
    fn undo_and_redo_name_the_users_action_not_the_inverse() {
        let delete = Op::DeleteMeasure { id: MeasureId(10) };
        let mut names = Names::default();
        names.learn(&Op::AddMeasure {
            measure: measure(10, "Kiezfest"),
            goals: vec![],
        });
        let undo = EntryKind::Undo { of: 1 };
        let redo = EntryKind::Redo { of: 1 };
        let de = |kind| describe_entry(kind, &delete, Lang::De, &names);
        assert_eq!(de(EntryKind::Do), "M-0010 „Kiezfest“ gelöscht");
        assert_eq!(de(undo), "Löschen von M-0010 „Kiezfest“ rückgängig gemacht");
        assert_eq!(de(redo), "Löschen von M-0010 „Kiezfest“ wiederholt");
        assert_eq!(
            describe_entry(undo, &delete, Lang::En, &names),
            "Undone: delete M-0010 \"Kiezfest\""
        );
        let unlink = Op::Unlink {
            measure: MeasureId(10),
            goal: GoalId(50),
        };
        let names = {
            let mut n = names.clone();
            n.learn(&Op::RestoreGoals {
                goals: vec![goal(50, "8.3", "Nachbarschaft")],
                links: vec![],
            });
            n
        };
        assert_eq!(
            describe_entry(undo, &unlink, Lang::De, &names),
            "Lösen der Verknüpfung M-0010 „Kiezfest“ ↔ Ziel 8.3 rückgängig gemacht"
        );
    }

    #[test]
    fn a_deleted_goal_is_named_by_what_its_entry_remembers() {
        let mut names = Names::default();
        names.learn(&Op::RestoreGoals {
            goals: vec![goal(50, "Z5", "Wohnumfeld")],
            links: vec![],
        });
        let op = Op::DeleteGoal {
            id: GoalId(50),
            force: true,
        };
        assert_eq!(
            describe_entry(EntryKind::Do, &op, Lang::De, &names),
            "Ziel Z5 „Wohnumfeld“ gelöscht"
        );
        // Nobody remembers goal 51: its id is all there is.
        let op = Op::DeleteGoal {
            id: GoalId(51),
            force: false,
        };
        assert_eq!(
            describe_entry(EntryKind::Do, &op, Lang::De, &names),
            "Ziel #51 gelöscht"
        );
    }

    #[test]
    fn an_import_is_summarised_with_its_file() {
        let ops = vec![
            Op::AddMeasure {
                measure: measure(1, "a"),
                goals: vec![],
            },
            Op::UpdateMeasure {
                measure: measure(2, "b"),
            },
            Op::UpdateMeasure {
                measure: measure(3, "c"),
            },
            Op::AddGoal {
                goal: goal(9, "Z9", "neu"),
            },
        ];
        let import = Op::labeled(
            Label::Import {
                file: "massnahmen.csv".into(),
            },
            ops.clone(),
        );
        let names = Names::default();
        assert_eq!(
            describe_entry(EntryKind::Do, &import, Lang::De, &names),
            "Import aus massnahmen.csv: 1 neu, 2 geändert, 1 Ziel neu"
        );
        assert_eq!(
            describe_entry(EntryKind::Undo { of: 1 }, &import, Lang::De, &names),
            "Import aus massnahmen.csv (1 neu, 2 geändert, 1 Ziel neu) rückgängig gemacht"
        );
        assert_eq!(
            describe_entry(EntryKind::Do, &import, Lang::En, &names),
            "import from massnahmen.csv: 1 new, 2 changed, 1 goal added"
        );
        assert_eq!(
            describe_entry(EntryKind::Do, &Op::Batch { ops }, Lang::De, &names),
            "Mehrere Änderungen: 1 neu, 2 geändert, 1 Ziel neu"
        );
    }

    #[test]
    fn titles_with_control_characters_are_sanitised() {
        let op = Op::AddMeasure {
            measure: measure(1, "a\u{1b}[2Jb"),
            goals: vec![],
        };
        let text = describe_entry(EntryKind::Do, &op, Lang::De, &Names::default());
        assert!(!text.contains('\u{1b}'), "{text:?}");
    }
}
