//! Saving a form whose record someone else changed since the form was opened. The form knows
//! the record and revision it was opened from; the save expects that revision. When the store
//! answers with a conflict, a three-way merge of the original (base), my input and the stored
//! record decides per field: a field only one side changed takes that side's value without
//! asking; a field both changed differently is a [`Clash`], shown in the `Konflikt` dialog, where
//! the user keeps mine or takes theirs (per field or all) or goes back to the form. The form and
//! its typed text stay in the dialog's state until the record is saved. A record deleted
//! meanwhile turns the form into one for a new record.

use super::form::FormValue;
use super::{Action, App, Context, FormState, MessageKind, Mode, Purpose};
use crate::exchange::diff;
use crate::i18n::{Lang, Text, field_label, fill};
use crate::model::{Field, MEASURE_FIELDS};
use crate::ops::{Op, Record};
use crate::store::StoreError;

/// A part of a record that merges as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A measure field, by its index in [`MEASURE_FIELDS`].
    Measure(usize),
    /// A measure's indicators, as one list.
    Indicators,
    GoalCode,
    GoalTitle,
    GoalDescription,
}

/// A part both sides changed, differently: what each has, and which one the user chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub part: Part,
    /// The field's label, e.g. `Titel`.
    pub label: String,
    /// My value as the UI shows it.
    pub mine: String,
    /// The stored value as the UI shows it.
    pub theirs: String,
    pub take_theirs: bool,
}

/// The open conflict dialog.
#[derive(Debug)]
pub struct Conflict {
    /// The form as typed, with the record and revision it was opened from.
    pub form: Box<FormState>,
    /// What the form would have saved.
    pub mine: FormValue,
    /// The record as stored now, and its revision.
    pub theirs: FormValue,
    pub revision: u64,
    /// The stored record with every change only I made.
    pub merged: FormValue,
    pub clashes: Vec<Clash>,
    pub selected: usize,
}

impl Conflict {
    /// The record to save: the merge plus, per clash, the chosen side.
    pub fn resolved(&self) -> FormValue {
        let mut value = self.merged.clone();
        for clash in &self.clashes {
            let from = if clash.take_theirs {
                &self.theirs
            } else {
                &self.mine
            };
            take(clash.part, from, &mut value);
        }
        value
    }

    /// The record's name for messages: `M-0001` or the goal's code.
    pub fn record_name(&self) -> String {
        record_name(&self.theirs)
    }
}

fn record_name(value: &FormValue) -> String {
    match value {
        FormValue::Measure(m) => m.id.to_string(),
        FormValue::Goal(g) => crate::text::sanitize_line(&g.code).into_owned(),
        FormValue::Payment(p) => p.id.to_string(),
        FormValue::Plan(p) => p.measure.to_string(),
        FormValue::Decision(d) => d.decision.id.to_string(),
    }
}

/// The parts a record of this kind has.
fn parts(value: &FormValue) -> Vec<Part> {
    match value {
        FormValue::Measure(_) => (0..MEASURE_FIELDS.len())
            .map(Part::Measure)
            .chain([Part::Indicators])
            .collect(),
        FormValue::Goal(_) => vec![Part::GoalCode, Part::GoalTitle, Part::GoalDescription],
        // Payment edits are refused on a conflict, never merged (see `app::payments`).
        FormValue::Payment(_) | FormValue::Decision(_) => Vec::new(),
        // So are plan edits (see `app::plan`).
        FormValue::Plan(_) => Vec::new(),
    }
}

/// True when `a` and `b` hold the same value in `part` (records of different kinds never
/// differ).
fn same(part: Part, a: &FormValue, b: &FormValue) -> bool {
    use FormValue::{Goal as G, Measure as M};
    match (part, a, b) {
        (Part::Measure(i), M(a), M(b)) => MEASURE_FIELDS[i].get(a) == MEASURE_FIELDS[i].get(b),
        (Part::Indicators, M(a), M(b)) => a.indicators == b.indicators,
        (Part::GoalCode, G(a), G(b)) => a.code == b.code,
        (Part::GoalTitle, G(a), G(b)) => a.title == b.title,
        (Part::GoalDescription, G(a), G(b)) => a.description == b.description,
        _ => true,
    }
}

/// Copies `part` from `from` into `to`.
fn take(part: Part, from: &FormValue, to: &mut FormValue) {
    use FormValue::{Goal as G, Measure as M};
    match (part, from, to) {
        (Part::Measure(i), M(from), M(to)) => {
            let row = &MEASURE_FIELDS[i];
            row.set(to, row.get(from));
        }
        (Part::Indicators, M(from), M(to)) => to.indicators = from.indicators.clone(),
        (Part::GoalCode, G(from), G(to)) => to.code = from.code.clone(),
        (Part::GoalTitle, G(from), G(to)) => to.title = from.title.clone(),
        (Part::GoalDescription, G(from), G(to)) => to.description = from.description.clone(),
        _ => {}
    }
}

/// Three-way merge: the stored record (`theirs`) with every part only I changed against
/// `base`; the parts both changed differently are returned apart (the merge keeps theirs).
pub fn merge(base: &FormValue, mine: &FormValue, theirs: &FormValue) -> (FormValue, Vec<Part>) {
    let mut merged = theirs.clone();
    let mut clashes = Vec::new();
    for part in parts(mine) {
        if same(part, mine, base) || same(part, mine, theirs) {
            continue;
        }
        if same(part, theirs, base) {
            take(part, mine, &mut merged);
        } else {
            clashes.push(part);
        }
    }
    (merged, clashes)
}

/// A part's label and value as the UI shows them.
fn describe(part: Part, value: &FormValue, lang: Lang) -> (String, String) {
    use FormValue::{Goal as G, Measure as M};
    let label = |field: Field| lang.t(field_label(field)).to_string();
    match (part, value) {
        (Part::Measure(i), M(m)) => {
            let row = &MEASURE_FIELDS[i];
            (label(row.field), diff::shown_value(row.get(m)))
        }
        (Part::Indicators, M(m)) => (
            lang.t(Text::FieldIndicators).to_string(),
            diff::indicators(&m.indicators),
        ),
        (Part::GoalCode, G(g)) => (label(Field::Code), g.code.clone()),
        (Part::GoalTitle, G(g)) => (label(Field::Title), g.title.clone()),
        (Part::GoalDescription, G(g)) => (label(Field::Description), g.description.clone()),
        _ => (String::new(), String::new()),
    }
}

/// The op that stores `value` over the record of the same id.
fn update_op(value: &FormValue) -> (Op, Record) {
    match value {
        FormValue::Measure(m) => (
            Op::UpdateMeasure { measure: m.clone() },
            Record::Measure(m.id),
        ),
        FormValue::Goal(g) => (
            Op::UpdateGoal {
                id: g.id,
                code: g.code.clone(),
                title: g.title.clone(),
                description: g.description.clone(),
            },
            Record::Goal(g.id),
        ),
        FormValue::Payment(p) => (
            Op::UpdatePayment { payment: p.clone() },
            Record::Payment(p.id),
        ),
        FormValue::Plan(p) => (
            Op::SetPlan {
                measure: p.measure,
                plan: p.plan.clone(),
            },
            Record::Plan(p.measure),
        ),
        FormValue::Decision(d) => (
            Op::UpdateDecision {
                decision: d.decision.clone(),
            },
            Record::Decision(d.decision.id),
        ),
    }
}

impl App {
    /// Saves an edited record, expecting the revision the form was opened from.
    pub(in crate::app) fn save_edit(&mut self, state: Box<FormState>, mine: FormValue) -> Mode {
        let revision = state.form.revision().unwrap_or_default();
        let base = state.form.original().clone();
        self.save_against(state, base, mine, revision)
    }

    /// Saves `mine`, based on `base` at `revision`; on a conflict merges with the stored record.
    fn save_against(
        &mut self,
        mut state: Box<FormState>,
        base: FormValue,
        mine: FormValue,
        revision: u64,
    ) -> Mode {
        let (op, record) = update_op(&mine);
        match self.apply(op.expecting(record, revision)) {
            Ok(_) => self.after_saved(&base, &mine),
            Err(
                StoreError::Conflict { .. }
                | StoreError::MeasureNotFound(_)
                | StoreError::GoalNotFound(_),
            ) => self.merge_with_stored(state, base, mine),
            Err(error) => {
                self.show_refusal(&mut state.form, &error);
                Mode::Form(state)
            }
        }
    }

    /// Merges `mine` with the record as stored now: saves at once when no field clashes,
    /// otherwise opens the dialog.
    fn merge_with_stored(
        &mut self,
        mut state: Box<FormState>,
        base: FormValue,
        mine: FormValue,
    ) -> Mode {
        let stored = match &mine {
            FormValue::Measure(m) => self
                .store
                .measure_revised(m.id)
                .map(|r| r.map(|(rev, m)| (rev, FormValue::Measure(m)))),
            FormValue::Goal(g) => self
                .store
                .goal_revised(g.id)
                .map(|r| r.map(|(rev, g)| (rev, FormValue::Goal(g)))),
            FormValue::Payment(p) => self
                .store
                .payment(p.id)
                .map(|r| r.map(|(rev, p)| (rev, FormValue::Payment(p)))),
            FormValue::Plan(mine) => self.store.plan(mine.measure).map(|r| {
                r.map(|(rev, plan)| {
                    let theirs = super::form::PlanValue {
                        plan,
                        proposed: false,
                        ..mine.clone()
                    };
                    (rev, FormValue::Plan(theirs))
                })
            }),
            FormValue::Decision(entry) => self.store.decision(entry.decision.id).map(|r| {
                r.map(|(rev, decision)| {
                    let mut entry = entry.clone();
                    entry.decision = decision;
                    (rev, FormValue::Decision(entry))
                })
            }),
        };
        let (revision, theirs) = match stored {
            Ok(Some(stored)) => stored,
            Ok(None) => return self.deleted_meanwhile(state),
            Err(error) => {
                self.say_error(&error);
                return Mode::Form(state);
            }
        };
        let (merged, parts) = merge(&base, &mine, &theirs);
        if parts.is_empty() {
            let (op, record) = update_op(&merged);
            return match self.apply(op.expecting(record, revision)) {
                Ok(_) => {
                    self.say_text(MessageKind::Success, Text::SavedMerged);
                    Mode::Normal
                }
                Err(error) => {
                    self.show_refusal(&mut state.form, &error);
                    Mode::Form(state)
                }
            };
        }
        let clashes = parts
            .into_iter()
            .map(|part| {
                let (label, mine) = describe(part, &mine, self.lang);
                let (_, theirs) = describe(part, &theirs, self.lang);
                Clash {
                    part,
                    label,
                    mine,
                    theirs,
                    take_theirs: false,
                }
            })
            .collect();
        Mode::Conflict(Box::new(Conflict {
            form: state,
            mine,
            theirs,
            revision,
            merged,
            clashes,
            selected: 0,
        }))
    }

    /// The record is gone: the form stays with its text and now saves a new record.
    fn deleted_meanwhile(&mut self, mut state: Box<FormState>) -> Mode {
        let name = record_name(state.form.original());
        state.form.detach();
        let text = match state.form.original() {
            FormValue::Measure(_) => {
                state.purpose = match self.tree.selected() {
                    Some(goal) => Purpose::NewMeasure { goal: goal.id },
                    None => Purpose::NewMeasureWithoutGoal,
                };
                Text::DeletedMeanwhileMeasure
            }
            FormValue::Goal(_) => {
                state.purpose = Purpose::NewGoal;
                Text::DeletedMeanwhileGoal
            }
            FormValue::Payment(p) => {
                state.purpose = Purpose::NewPayment { measure: p.measure };
                Text::DeletedMeanwhileMeasure
            }
            // The plan was removed meanwhile: saving sets it anew.
            FormValue::Plan(_) => Text::DeletedMeanwhileMeasure,
            FormValue::Decision(d) => {
                state.purpose = Purpose::NewDecision {
                    measure: d.decision.measure,
                };
                Text::DeletedMeanwhileMeasure
            }
        };
        let text = fill(self.lang.t(text), &[("record", &name)]);
        self.say(MessageKind::Error, text);
        Mode::Form(state)
    }

    /// A bound key in the conflict dialog; the next mode.
    pub(in crate::app) fn update_conflict(
        &mut self,
        mut conflict: Box<Conflict>,
        action: Action,
    ) -> Mode {
        let last = conflict.clashes.len().saturating_sub(1);
        let selected = conflict.selected.min(last);
        match action {
            Action::MoveDown => conflict.selected = (selected + 1).min(last),
            Action::MoveUp => conflict.selected = selected.saturating_sub(1),
            Action::KeepMine | Action::TakeTheirs => {
                if let Some(clash) = conflict.clashes.get_mut(selected) {
                    clash.take_theirs = action == Action::TakeTheirs;
                }
            }
            Action::KeepAllMine | Action::TakeAllTheirs => {
                for clash in &mut conflict.clashes {
                    clash.take_theirs = action == Action::TakeAllTheirs;
                }
            }
            Action::Save => {
                let resolved = conflict.resolved();
                let Conflict {
                    form,
                    theirs,
                    revision,
                    ..
                } = *conflict;
                return self.save_against(form, theirs, resolved, revision);
            }
            Action::Cancel => return Mode::Form(conflict.form),
            other => self.unbound(Context::Conflict, other),
        }
        Mode::Conflict(conflict)
    }
}

#[cfg(test)]
mod tests;
