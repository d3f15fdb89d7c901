//! Checks a parsed import file against the database and turns it into store ops — or into the
//! complete list of its problems. Nothing here writes.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::diff::{FieldChange, measure_changes};
use super::{ImportProblem, Incoming, Snapshot};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    Field, Goal, GoalId, Kind, Measure, MeasureField, MeasureId, Problem, code_key,
};
use crate::ops::Op;
use crate::store::Store;

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

/// Goal codes → ids, of the database and of goals this import adds.
struct Goals {
    by_code: HashMap<String, GoalId>,
    /// Codes of goals this import adds (the snapshot knows the others).
    added: HashMap<GoalId, String>,
    next: u64,
}

impl Goals {
    fn get(&self, code: &str) -> Option<GoalId> {
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

/// Checks `incoming` against the database. `file` names the file in problems.
pub fn plan(
    store: &Store,
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
        plan.ops.extend(self.link_ops);
        Ok(plan)
    }

    fn plan_goals(&mut self, incoming: &Incoming) {
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
                Some(old) => {
                    let mut changed = false;
                    if old.title != goal.title
                        || old.description != goal.description
                        || old.code != goal.code
                    {
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

    /// The goal for `code`: known, added by this import, or (with `--create-goals`) new.
    fn resolve_goal(&mut self, line: usize, code: &str) -> Option<GoalId> {
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

    fn plan_measures(&mut self, incoming: &Incoming) {
        let existing: HashMap<MeasureId, &Measure> =
            self.snapshot.measures.iter().map(|m| (m.id, m)).collect();
        let named: HashSet<MeasureId> = incoming.measures.iter().filter_map(|m| m.id).collect();
        let mut seen: HashMap<MeasureId, usize> = HashMap::new();
        // Final state of every measure this import touches, with the line it came from.
        let mut finals: BTreeMap<MeasureId, (usize, Measure, bool)> = BTreeMap::new();
        let mut new_links: HashMap<MeasureId, Vec<GoalId>> = HashMap::new();
        let mut duplicates = Duplicates::default();
        for item in &incoming.measures {
            if item.id.is_none() {
                self.warn_duplicate(&mut duplicates, item);
            }
            let id = match item.id {
                Some(id) => {
                    if let Some(first) = seen.insert(id, item.line) {
                        let reason =
                            fill(self.lang.t(Text::ImportDuplicateId), &[("line", &first)]);
                        self.id_problem(item.line, reason);
                        continue;
                    }
                    id
                }
                None => {
                    while named.contains(&MeasureId(self.next_measure))
                        || existing.contains_key(&MeasureId(self.next_measure))
                    {
                        self.next_measure += 1;
                    }
                    self.next_measure += 1;
                    MeasureId(self.next_measure - 1)
                }
            };
            let old = existing.get(&id).copied();
            let mut measure = item.measure.clone();
            measure.id = id;
            measure.indicators = match (&item.indicators, old) {
                (Some(list), _) => list.clone(),
                (None, Some(old)) => old.indicators.clone(),
                (None, None) => Vec::new(),
            };
            let goals: Option<Vec<GoalId>> = item.goals.as_ref().map(|codes| {
                let mut ids = Vec::new();
                for code in codes {
                    match self.resolve_goal(item.line, code) {
                        Some(goal) if !ids.contains(&goal) => ids.push(goal),
                        _ => {}
                    }
                }
                ids
            });
            if let Some(goals) = goals {
                new_links.insert(id, goals);
            }
            finals.insert(id, (item.line, measure, old.is_none()));
        }
        for update in &incoming.indicator_updates {
            let entry = match finals.get_mut(&update.measure) {
                Some(entry) => entry,
                None => match existing.get(&update.measure) {
                    Some(old) => {
                        finals
                            .entry(update.measure)
                            .or_insert((update.line, (*old).clone(), false))
                    }
                    None => {
                        let reason = fill(
                            self.lang.t(Text::ImportUnknownMeasure),
                            &[("id", &update.measure)],
                        );
                        self.id_problem(update.line, reason);
                        continue;
                    }
                },
            };
            entry.1.indicators = update.indicators.clone();
        }
        self.plan.absent = existing
            .keys()
            .filter(|id| !finals.contains_key(id))
            .copied()
            .collect();
        self.plan.absent.sort();
        for (id, (line, measure, is_new)) in finals {
            if let Some((index, name)) = duplicate_indicator(&measure) {
                let reason = fill(self.lang.t(Text::ImportDuplicate), &[("value", &name)]);
                self.problem(line, Field::Indicator(index), reason);
                continue;
            }
            if let Err(errors) = measure.validate() {
                for e in errors {
                    let reason = if e.problem == Problem::ControlCharacter
                        && field_text(&measure, e.field).is_some_and(|t| t.contains(['\n', '\r']))
                    {
                        fill(
                            self.lang.t(Text::ImportLineBreak),
                            &[("field", &e.field.localize(self.lang))],
                        )
                    } else {
                        e.problem.localize(self.lang)
                    };
                    self.problem(line, e.field, reason);
                }
                continue;
            }
            if is_new {
                let goals = new_links.remove(&id).unwrap_or_default();
                self.plan.added.push(id);
                self.plan.ops.push(Op::AddMeasure { measure, goals });
                continue;
            }
            let Some(old) = existing.get(&id).copied() else {
                continue;
            };
            let links = new_links.remove(&id);
            if links.as_ref().is_some_and(Vec::is_empty) && !self.snapshot.links_of(id).is_empty() {
                let reason = fill(
                    self.lang.t(Text::ImportLosesLastGoal),
                    &[("id", &id), ("title", &measure.title)],
                );
                let field = Field::Goals.localize(self.lang);
                self.plan
                    .warnings
                    .push(ImportProblem::new(self.file, line, field, reason));
            }
            let mut changed = *old != measure;
            if let Some(goals) = &links {
                changed |= self.plan_links(id, goals);
            }
            if !changed {
                self.plan.unchanged.push(id);
                continue;
            }
            let before = self.snapshot.goal_codes(id);
            let after: Option<Vec<String>> =
                links.map(|goals| goals.iter().map(|g| self.goal_code(*g)).collect());
            let changes = measure_changes(
                old,
                &measure,
                after.as_deref().map(|after| (before.as_slice(), after)),
                self.lang,
            );
            self.plan.diffs.push(MeasureDiff {
                id,
                line,
                title: measure.title.clone(),
                changes,
            });
            if *old != measure {
                self.plan.ops.push(Op::UpdateMeasure { measure });
            }
            self.plan.changed.push(id);
        }
    }

    /// Warns when a measure without id has the title and Träger of a measure of the database
    /// or of an earlier row without id: importing it adds it once more.
    fn warn_duplicate(&mut self, seen: &mut Duplicates, item: &super::IncomingMeasure) {
        if item.measure.title.trim().is_empty() {
            return;
        }
        if seen.existing.is_empty() {
            for m in &self.snapshot.measures {
                seen.existing
                    .entry(duplicate_key(m))
                    .or_default()
                    .push(m.id);
            }
        }
        let key = duplicate_key(&item.measure);
        let title = item.measure.title.trim();
        let organisation = item.measure.organisation.trim();
        let field = Field::Title.localize(self.lang);
        if let Some(ids) = seen.existing.get(&key) {
            let ids = ids.iter().map(ToString::to_string).collect::<Vec<_>>();
            let reason = fill(
                self.lang.t(Text::ImportLikelyDuplicate),
                &[
                    ("title", &title),
                    ("organisation", &organisation),
                    ("ids", &ids.join(", ")),
                ],
            );
            self.plan
                .warnings
                .push(ImportProblem::new(self.file, item.line, field, reason));
        } else if let Some(first) = seen.in_file.get(&key) {
            let reason = fill(
                self.lang.t(Text::ImportDuplicateRow),
                &[
                    ("title", &title),
                    ("organisation", &organisation),
                    ("line", first),
                ],
            );
            self.plan
                .warnings
                .push(ImportProblem::new(self.file, item.line, field, reason));
        } else {
            seen.in_file.insert(key, item.line);
        }
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

/// Title and Träger of measures seen so far, to warn about likely duplicates.
#[derive(Default)]
struct Duplicates {
    existing: HashMap<(String, String), Vec<MeasureId>>,
    in_file: HashMap<(String, String), usize>,
}

/// Title and Träger, trimmed, lower case, inner spaces collapsed.
fn duplicate_key(measure: &Measure) -> (String, String) {
    let norm = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    (norm(&measure.title), norm(&measure.organisation))
}

/// Measures the database changed after `stamp` (milliseconds since the epoch), with the time
/// and user of their newest change. Reads the history from the newest entry back to `stamp`.
pub fn changed_since(
    store: &Store,
    stamp: i64,
) -> Result<HashMap<MeasureId, (i64, String)>, crate::store::StoreError> {
    let mut changed = HashMap::new();
    let mut batch = 64;
    loop {
        let entries = store.history(batch)?;
        let done = entries.len() < batch || entries.last().is_some_and(|e| e.time_ms <= stamp);
        if done {
            for entry in entries.iter().take_while(|e| e.time_ms > stamp) {
                for id in touched_measures(&entry.op) {
                    changed
                        .entry(id)
                        .or_insert((entry.time_ms, entry.user.clone()));
                }
            }
            return Ok(changed);
        }
        batch *= 4;
    }
}

/// The measures an op changes (fields or links).
fn touched_measures(op: &Op) -> Vec<MeasureId> {
    match op {
        Op::AddMeasure { measure, .. } | Op::UpdateMeasure { measure } => vec![measure.id],
        Op::DeleteMeasure { id } => vec![*id],
        Op::Link { measure, .. } | Op::Unlink { measure, .. } | Op::SetPrimary { measure, .. } => {
            vec![*measure]
        }
        Op::RestoreGoals { links, .. } => links.iter().map(|l| l.measure).collect(),
        Op::Batch { ops } => ops.iter().flat_map(touched_measures).collect(),
        _ => Vec::new(),
    }
}

/// Warns for every measure the plan changes that the database changed after the file's
/// `stamp` (milliseconds): importing the file would silently revert that change.
pub fn warn_stale(
    plan: &mut Plan,
    store: &Store,
    stamp: i64,
    file: &str,
    lang: Lang,
) -> Result<(), crate::store::StoreError> {
    if plan.diffs.is_empty() {
        return Ok(());
    }
    let changed = changed_since(store, stamp)?;
    let time = |ms: i64| {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%d.%m.%Y %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_default()
    };
    for diff in &plan.diffs {
        if let Some((when, user)) = changed.get(&diff.id) {
            let reason = fill(
                lang.t(Text::ImportStale),
                &[
                    ("id", &diff.id),
                    ("title", &diff.title),
                    ("when", &time(*when)),
                    ("user", user),
                    ("stamp", &time(stamp)),
                ],
            );
            plan.warnings
                .push(ImportProblem::new(file, diff.line, "", reason));
        }
    }
    Ok(())
}

/// The text of a one-line field of `measure`, to tell a line break from other control
/// characters in messages.
fn field_text(measure: &Measure, field: Field) -> Option<String> {
    match field {
        Field::TargetGroup(n) => measure.target_groups.get(n).cloned(),
        Field::Indicator(n) => {
            let indicator = measure.indicators.get(n)?;
            if indicator.name.contains(['\n', '\r']) {
                Some(indicator.name.clone())
            } else {
                Some(indicator.unit.clone())
            }
        }
        // The one-line fields of the list.
        field => MeasureField::of(field)
            .filter(|row| row.kind == Kind::Line)?
            .text(measure),
    }
}

/// The first indicator name that occurs twice in `measure` (names are compared trimmed and
/// without case: `quartier indicator set` finds indicators by name).
fn duplicate_indicator(measure: &Measure) -> Option<(usize, String)> {
    let mut seen = HashSet::new();
    measure
        .indicators
        .iter()
        .enumerate()
        .find(|(_, i)| !seen.insert(i.name.trim().to_lowercase()))
        .map(|(index, i)| (index, i.name.trim().to_string()))
}
