//! Planning the measures of an import: ids for rows without one, indicator updates,
//! validation, and for each existing measure its field-by-field diff and link ops.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::duplicates::Duplicates;
use super::{MeasureDiff, Planner};
use crate::exchange::diff::measure_changes;
use crate::exchange::{ImportProblem, Incoming};
use crate::i18n::{Localize, Text, fill};
use crate::model::{Field, GoalId, Kind, Measure, MeasureField, MeasureId, Problem};
use crate::ops::Op;

/// Final state of every measure the import touches: the line it came from, the measure, and
/// whether it is new.
type Finals = BTreeMap<MeasureId, (usize, Measure, bool)>;

/// The measures of the database by id.
type Existing<'a> = HashMap<MeasureId, &'a Measure>;

impl Planner<'_> {
    /// Measures of the file: new ones are added, changed ones updated (fields and links).
    pub(super) fn plan_measures(&mut self, incoming: &Incoming) {
        let existing: Existing = self.snapshot.measures.iter().map(|m| (m.id, m)).collect();
        let (mut finals, mut new_links) = self.read_measures(incoming, &existing);
        self.read_indicator_updates(incoming, &existing, &mut finals);
        // A file of other records only (payments, deadlines, …) says nothing about measures.
        let has_measures = !incoming.measures.is_empty() || !incoming.indicator_updates.is_empty();
        self.plan.absent = existing
            .keys()
            .filter(|id| has_measures && !finals.contains_key(id))
            .copied()
            .collect();
        self.plan.absent.sort();
        for (id, (line, measure, is_new)) in finals {
            if !self.is_valid(line, &measure) {
                continue;
            }
            if is_new {
                let goals = new_links.remove(&id).unwrap_or_default();
                self.plan.added.push(id);
                self.plan.ops.push(Op::AddMeasure { measure, goals });
            } else if let Some(old) = existing.get(&id).copied() {
                let links = new_links.remove(&id);
                self.plan_update(line, old, measure, links);
            }
        }
    }

    /// Gives every row its id (a new one for a row without) and its final state, and problems
    /// for an id used twice. Returns the measures and the goals rows link them to.
    fn read_measures(
        &mut self,
        incoming: &Incoming,
        existing: &Existing,
    ) -> (Finals, HashMap<MeasureId, Vec<GoalId>>) {
        let named: HashSet<MeasureId> = incoming.measures.iter().filter_map(|m| m.id).collect();
        let mut seen: HashMap<MeasureId, usize> = HashMap::new();
        let mut finals = Finals::new();
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
                None => self.new_measure_id(&named, existing),
            };
            let old = existing.get(&id).copied();
            let mut measure = item.measure.clone();
            measure.id = id;
            measure.indicators = match (&item.indicators, old) {
                (Some(list), _) => list.clone(),
                (None, Some(old)) => old.indicators.clone(),
                (None, None) => Vec::new(),
            };
            if let Some(codes) = &item.goals {
                let goals = self.resolve_goals(item.line, codes);
                new_links.insert(id, goals);
            }
            finals.insert(id, (item.line, measure, old.is_none()));
        }
        (finals, new_links)
    }

    /// The next free id, skipping ids the database or the file uses.
    fn new_measure_id(&mut self, named: &HashSet<MeasureId>, existing: &Existing) -> MeasureId {
        while named.contains(&MeasureId(self.next_measure))
            || existing.contains_key(&MeasureId(self.next_measure))
        {
            self.next_measure += 1;
        }
        self.next_measure += 1;
        MeasureId(self.next_measure - 1)
    }

    /// The goals of `codes` (each once, in order); unknown codes are problems.
    fn resolve_goals(&mut self, line: usize, codes: &[String]) -> Vec<GoalId> {
        let mut ids = Vec::new();
        for code in codes {
            match self.resolve_goal(line, code) {
                Some(goal) if !ids.contains(&goal) => ids.push(goal),
                _ => {}
            }
        }
        ids
    }

    /// New indicator lists for measures of the file or of the database.
    fn read_indicator_updates(
        &mut self,
        incoming: &Incoming,
        existing: &Existing,
        finals: &mut Finals,
    ) {
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
    }

    /// Whether `measure` (from `line`) may be stored; its problems otherwise.
    fn is_valid(&mut self, line: usize, measure: &Measure) -> bool {
        if let Some((index, name)) = duplicate_indicator(measure) {
            let reason = fill(self.lang.t(Text::ImportDuplicate), &[("value", &name)]);
            self.problem(line, Field::Indicator(index), reason);
            return false;
        }
        let Err(errors) = measure.validate() else {
            return true;
        };
        for e in errors {
            let reason = if e.problem == Problem::ControlCharacter
                && field_text(measure, e.field).is_some_and(|t| t.contains(['\n', '\r']))
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
        false
    }

    /// The ops and the diff that make existing measure `old` into `measure` linked to `links`
    /// (`None`: links stay), with a warning when it loses its last goal.
    fn plan_update(
        &mut self,
        line: usize,
        old: &Measure,
        measure: Measure,
        links: Option<Vec<GoalId>>,
    ) {
        let id = old.id;
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
            return;
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
