//! Checks a parsed import file against the database and turns it into store ops — or into the
//! complete list of its problems. Nothing here writes.

mod course;
mod duplicates;
mod goals;
mod measures;
mod money;
mod stale;

use std::collections::HashMap;

use super::{ImportProblem, Incoming, Snapshot};
use crate::exchange::diff::FieldChange;
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{Field, GoalId, MeasureId, code_key};
use crate::ops::Op;
use crate::store::Repository;
use goals::Goals;
pub use stale::{changed_since, warn_stale};

/// Choices of `quartier import`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Goal codes the database does not know become new goals instead of errors.
    pub create_goals: bool,
}

/// What an import will do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Apply as one `Op::Batch` (empty when nothing changes).
    pub ops: Vec<Op>,
    pub added: Vec<MeasureId>,
    pub changed: Vec<MeasureId>,
    pub unchanged: Vec<MeasureId>,
    pub goals_added: Vec<String>,
    pub goals_changed: Vec<String>,
    /// Field by field, what changes in each measure of `changed` (same order).
    pub diffs: Vec<MeasureDiff>,
    /// Measures of the database the file does not mention: they stay as they are.
    pub absent: Vec<MeasureId>,
    /// Pots, plans and payments the import sets or adds (issue 14).
    pub money: usize,
    /// Sessions, decisions, step ops and deadlines the import sets or adds (issue 15).
    pub course: usize,
    /// Things the user should look at before importing (likely duplicates, a file older
    /// than changes made since, measures losing their last goal); they do not stop the import.
    pub warnings: Vec<ImportProblem>,
}

/// What an import changes in one existing measure.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureDiff {
    pub id: MeasureId,
    /// Line (or row) of the measure in the file.
    pub line: usize,
    /// The title after the import.
    pub title: String,
    pub changes: Vec<FieldChange>,
}

impl Plan {
    /// The single op that carries out the whole plan, if there is anything to do.
    pub fn into_op(self) -> Option<Op> {
        (!self.ops.is_empty()).then_some(Op::Batch { ops: self.ops })
    }
}

/// Checks `incoming` against the database. `file` names the file in problems.
pub fn plan(
    store: &dyn Repository,
    incoming: &Incoming,
    options: ImportOptions,
    file: &str,
    lang: Lang,
) -> Result<Plan, Vec<ImportProblem>> {
    let whole =
        |e: crate::store::StoreError| vec![ImportProblem::whole_file(file, e.localize(lang))];
    let snapshot = Snapshot::read(store).map_err(whole)?;
    let next_ids = store.next_ids().map_err(whole)?;
    plan_against(&snapshot, next_ids, incoming, options, file, lang)
}

/// Like [`plan`], against a given database content; `next_ids` are the store's next free goal
/// and measure ids. `restore` plans against an empty snapshot after deleting everything.
pub fn plan_against(
    snapshot: &Snapshot,
    (next_goal, next_measure): (GoalId, MeasureId),
    incoming: &Incoming,
    options: ImportOptions,
    file: &str,
    lang: Lang,
) -> Result<Plan, Vec<ImportProblem>> {
    Planner {
        snapshot,
        file,
        lang,
        options,
        goals: Goals {
            by_code: snapshot
                .goals
                .iter()
                .map(|g| (code_key(&g.code), g.id))
                .collect(),
            added: HashMap::new(),
            next: next_goal.0,
        },
        next_measure: next_measure.0,
        problems: incoming.problems.clone(),
        plan: Plan {
            warnings: incoming.notes.clone(),
            ..Plan::default()
        },
        link_ops: Vec::new(),
        record_files: incoming.record_files.clone(),
    }
    .run(incoming)
}

struct Planner<'a> {
    snapshot: &'a Snapshot,
    file: &'a str,
    lang: Lang,
    options: ImportOptions,
    goals: Goals,
    next_measure: u64,
    problems: Vec<ImportProblem>,
    plan: Plan,
    link_ops: Vec<Op>,
    /// Where lists of records came from, when not from `file` (sheets of a workbook).
    record_files: HashMap<&'static str, String>,
}

impl Planner<'_> {
    fn problem(&mut self, line: usize, field: Field, reason: String) {
        let field = field.localize(self.lang);
        self.problems
            .push(ImportProblem::new(self.file, line, field, reason));
    }

    fn id_problem(&mut self, line: usize, reason: String) {
        let field = self.lang.t(Text::FieldId);
        self.problems
            .push(ImportProblem::new(self.file, line, field, reason));
    }

    fn run(mut self, incoming: &Incoming) -> Result<Plan, Vec<ImportProblem>> {
        self.plan_goals(incoming);
        self.plan_measures(incoming);
        let money_ops = self.plan_money(incoming);
        let course_ops = self.plan_course(incoming);
        for (line, code) in &incoming.goal_refs {
            if self.goals.get(code).is_none() && !self.options.create_goals {
                let reason = fill(self.lang.t(Text::ImportUnknownGoal), &[("code", code)]);
                self.problem(*line, Field::Goals, reason);
            }
        }
        if !self.problems.is_empty() {
            self.problems.sort();
            self.problems.dedup();
            return Err(self.problems);
        }
        let mut plan = self.plan;
        // The file's steps go in before a measure's new status records a step of its own.
        let (updates, mut ops): (Vec<Op>, Vec<Op>) =
            (plan.ops.drain(..)).partition(|op| matches!(op, Op::UpdateMeasure { .. }));
        plan.course = course_ops.len();
        ops.extend(course_ops.steps);
        ops.extend(updates);
        ops.extend(self.link_ops);
        plan.money = money_ops.len();
        ops.extend(money_ops);
        ops.extend(course_ops.others);
        plan.ops = ops;
        Ok(plan)
    }

    /// The code of a goal of the database or of one this import adds.
    fn goal_code(&self, id: GoalId) -> String {
        self.goals
            .added
            .get(&id)
            .cloned()
            .unwrap_or_else(|| self.snapshot.code(id))
    }

    /// Link ops that make the measure's links exactly `goals` (first primary); true if any.
    fn plan_links(&mut self, measure: MeasureId, goals: &[GoalId]) -> bool {
        let current = self.snapshot.links_of(measure);
        let before = self.link_ops.len();
        for (index, goal) in goals.iter().enumerate() {
            if !current.iter().any(|l| l.goal == *goal) {
                self.link_ops.push(Op::Link {
                    measure,
                    goal: *goal,
                    primary: index == 0,
                });
            }
        }
        let primary = current.iter().find(|l| l.primary).map(|l| l.goal);
        if let Some(first) = goals
            .first()
            .filter(|first| primary != Some(**first) && current.iter().any(|l| l.goal == **first))
        {
            self.link_ops.push(Op::SetPrimary {
                measure,
                goal: *first,
            });
        }
        for link in current {
            if !goals.contains(&link.goal) {
                self.link_ops.push(Op::Unlink {
                    measure,
                    goal: link.goal,
                });
            }
        }
        self.link_ops.len() > before
    }
}
