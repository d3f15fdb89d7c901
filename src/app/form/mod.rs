//! The edit form for measures and goals: one row per input, focus, list entries (target groups,
//! indicators), per-field errors, the "discard changes?" question and drafts. The app owns the
//! keymap and calls the methods here; drawing is in [`crate::ui::form`]. Nothing here touches
//! the store or the terminal.

mod decision;
mod edit;
mod form_draft;
mod goal;
mod measure;
mod money_hint;
mod payment;
mod plan;
mod row;
mod slot;

pub use decision::{DecisionEntry, session_label};
pub(crate) use edit::insert_into_line;
pub use form_draft::FormDraft;
pub use money_hint::FormMoney;
pub use plan::PlanValue;
pub use row::{Content, RowView};
pub use slot::{Part, Slot};

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text, fill};
use crate::model::{Goal, Measure};

use row::Row;

/// A finished record from the form, or the original record a form edits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FormValue {
    Measure(Measure),
    Goal(Goal),
    /// A payment of a measure (issue 14).
    Payment(crate::model::Payment),
    /// A measure's yearly instalments (issue 14).
    Plan(plan::PlanValue),
    /// A decision on a measure, perhaps in a new session (issue 15).
    Decision(DecisionEntry),
}

/// What the app does after a form call.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "returned once per key, never stored in bulk"
)]
pub enum FormOutcome {
    /// The form stays open.
    Pending,
    /// Close the form without saving.
    Cancelled,
    /// Save this valid record and close the form (unless the store refuses it, see
    /// [`Form::set_error`]).
    Submit(FormValue),
}

/// The state of an open edit form.
#[derive(Clone)]
pub struct Form {
    lang: Lang,
    original: FormValue,
    is_new: bool,
    rows: Vec<Row>,
    focus: usize,
    asking: bool,
    initial: Vec<(Slot, String)>,
    /// The stored revision of `original` when the form was opened (`None` for a new record):
    /// saving expects it, so a colleague's change in between is noticed, never overwritten.
    revision: Option<u64>,
    /// Pots and plan the amount is compared with (issue 14); `None`: no hint.
    money: Option<std::sync::Arc<FormMoney>>,
}

impl Form {
    /// A form for `measure`; `is_new` only changes the title.
    pub fn measure(measure: &Measure, is_new: bool, lang: Lang) -> Form {
        Form::new(FormValue::Measure(measure.clone()), is_new, lang)
    }

    /// A form for `goal`; id, parent and position are kept in the result.
    pub fn goal(goal: &Goal, is_new: bool, lang: Lang) -> Form {
        Form::new(FormValue::Goal(goal.clone()), is_new, lang)
    }

    /// A form for `payment` (issue 14); a new one gets its id from the store on saving.
    pub fn payment(payment: &crate::model::Payment, is_new: bool, lang: Lang) -> Form {
        Form::new(FormValue::Payment(payment.clone()), is_new, lang)
    }

    /// A form for a measure's yearly instalments (issue 14).
    pub fn plan(value: plan::PlanValue, lang: Lang) -> Form {
        Form::new(FormValue::Plan(value), false, lang)
    }

    /// A form recording a decision (issue 15).
    pub fn decision(entry: DecisionEntry, lang: Lang) -> Form {
        Form::new(FormValue::Decision(entry), true, lang)
    }

    fn new(original: FormValue, is_new: bool, lang: Lang) -> Form {
        let rows = match &original {
            FormValue::Measure(m) => measure::rows(m, lang),
            FormValue::Goal(g) => goal::rows(g),
            FormValue::Payment(p) => payment::rows(p, is_new),
            FormValue::Plan(p) => plan::rows(p),
            FormValue::Decision(d) => decision::rows(d, lang),
        };
        let initial = values(&rows);
        Form {
            lang,
            original,
            is_new,
            rows,
            focus: 0,
            asking: false,
            initial,
            revision: None,
            money: None,
        }
    }

    /// The form, remembering that `original` was read at `revision`.
    pub fn with_revision(mut self, revision: u64) -> Form {
        self.revision = Some(revision);
        self
    }

    /// The revision of the record the form was opened from, if it was read with one.
    pub fn revision(&self) -> Option<u64> {
        self.revision
    }

    /// The record the form was opened with.
    pub fn original(&self) -> &FormValue {
        &self.original
    }

    /// Turns the form into one for a new record (its record was deleted meanwhile): the typed
    /// text stays, saving adds a record with a new id.
    pub fn detach(&mut self) {
        self.is_new = true;
        self.revision = None;
        match &mut self.original {
            FormValue::Measure(m) => m.id = crate::model::MeasureId(0),
            FormValue::Goal(g) => {
                g.id = crate::model::GoalId(0);
                g.position = u32::MAX;
            }
            FormValue::Payment(p) => p.id = crate::model::PaymentId(0),
            // A plan belongs to its measure; there is nothing to detach.
            FormValue::Plan(_) => {}
            FormValue::Decision(_) => {}
        }
    }

    /// The heading, e.g. `Maßnahme M-0042 bearbeiten`, `Neue Maßnahme`, `Ziel 1.3 bearbeiten`.
    pub fn title(&self) -> String {
        let t = |text| self.lang.t(text);
        match (&self.original, self.is_new) {
            (FormValue::Measure(_), true) => t(Text::FormNewMeasure).to_string(),
            (FormValue::Measure(m), false) => fill(t(Text::FormEditMeasure), &[("id", &m.id)]),
            (FormValue::Goal(_), true) => t(Text::FormNewGoal).to_string(),
            (FormValue::Goal(g), false) => fill(t(Text::FormEditGoal), &[("code", &g.code)]),
            (FormValue::Payment(p), true) => {
                fill(t(Text::FormNewPayment), &[("measure", &p.measure)])
            }
            (FormValue::Payment(p), false) => fill(t(Text::FormEditPayment), &[("id", &p.id)]),
            (FormValue::Plan(p), _) => {
                let heading = match p.proposed {
                    true => Text::FormPlanProposed,
                    false => Text::FormPlan,
                };
                let title = crate::text::sanitize_line(&p.title);
                fill(t(heading), &[("measure", &p.measure), ("title", &title)])
            }
            (FormValue::Decision(d), _) => fill(
                t(Text::FormNewDecision),
                &[("measure", &d.decision.measure)],
            ),
        }
    }

    /// The stored record the form edits (`None` for a new one: nobody else can see it yet).
    pub fn record(&self) -> Option<crate::store::Editing> {
        use crate::store::Editing;
        match (&self.original, self.is_new) {
            (_, true) => None,
            (FormValue::Measure(m), false) => Some(Editing::Measure(m.id)),
            (FormValue::Goal(g), false) => Some(Editing::Goal(g.id)),
            // Presence names goals and measures only; a payment's form tells nobody.
            (FormValue::Payment(_) | FormValue::Plan(_) | FormValue::Decision(_), false) => None,
        }
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// True while the form asks whether to discard changes.
    pub fn is_asking(&self) -> bool {
        self.asking
    }

    /// True when any input differs from the record the form was opened with.
    pub fn is_dirty(&self) -> bool {
        values(&self.rows) != self.initial
    }

    /// Every row in form order, for drawing.
    pub fn rows(&self) -> impl Iterator<Item = RowView<'_>> {
        let (hint, at) = match &self.original {
            FormValue::Plan(p) => (
                plan::sum_hint(p, &self.rows, self.lang),
                self.rows.first().map(|r| r.slot),
            ),
            _ => (
                self.money_hint(),
                Some(Slot::Field(crate::model::Field::Approved)),
            ),
        };
        self.rows.iter().enumerate().map(move |(i, row)| {
            let mut view = row.view(self.lang, i == self.focus);
            if Some(view.slot) == at {
                view.warning = hint.clone();
            }
            view
        })
    }

    /// The focused input.
    pub fn focused_slot(&self) -> Slot {
        self.rows.get(self.focus).map_or(Slot::TITLE, |r| r.slot)
    }

    /// The label of the focused input, e.g. `Zielgruppe 2`.
    pub fn focused_label(&self) -> String {
        self.focused_slot().label(self.lang)
    }

    /// Moves the focus to `slot` if the form has it.
    pub fn focus(&mut self, slot: impl Into<Slot>) -> bool {
        let slot = slot.into();
        match self.rows.iter().position(|r| r.slot == slot) {
            Some(index) => {
                self.move_focus(index);
                true
            }
            None => false,
        }
    }

    /// The raw text of an input (a choice gives its raw value, e.g. `Projektfonds` or empty).
    pub fn text(&self, slot: impl Into<Slot>) -> Option<String> {
        let slot = slot.into();
        self.rows
            .iter()
            .find(|r| r.slot == slot)
            .map(|r| r.input.value())
    }

    /// Replaces an input's text (a choice takes the option with that raw value). False when the
    /// form has no such input.
    pub fn set_text(&mut self, slot: impl Into<Slot>, text: &str) -> bool {
        match row_of(&mut self.rows, slot.into()) {
            Some(row) => {
                row.input.set_value(text);
                true
            }
            None => false,
        }
    }

    /// Shows `message` next to the input of `field`, e.g. a store error such as a duplicate goal
    /// code. Falls back to the focused row when the form has no such input.
    pub fn set_error(&mut self, field: impl Into<Slot>, message: String) {
        let slot = field.into();
        let index = self
            .rows
            .iter()
            .position(|r| r.slot == slot)
            .unwrap_or(self.focus);
        if let Some(row) = self.rows.get_mut(index) {
            row.set_error(message);
        }
    }

    /// Every error shown, in form order.
    pub fn errors(&self) -> Vec<(Slot, &str)> {
        self.rows
            .iter()
            .filter_map(|r| r.error.as_ref().map(|e| (r.slot, e.message.as_str())))
            .collect()
    }

    /// The error shown next to an input.
    pub fn error_of(&self, slot: impl Into<Slot>) -> Option<&str> {
        let slot = slot.into();
        self.rows
            .iter()
            .find(|r| r.slot == slot)
            .and_then(|r| r.error.as_ref().map(|e| e.message.as_str()))
    }

    /// Parses and validates every input. A valid record is returned as [`FormOutcome::Submit`];
    /// otherwise every problem is shown next to its input, the focus moves to the first one and
    /// the form stays open.
    pub fn submit(&mut self) -> FormOutcome {
        self.asking = false;
        for row in &mut self.rows {
            row.error = None;
        }
        let value = match &self.original {
            FormValue::Measure(m) => {
                measure::collect(m, &mut self.rows, self.lang).map(FormValue::Measure)
            }
            FormValue::Goal(g) => goal::collect(g, &mut self.rows, self.lang).map(FormValue::Goal),
            FormValue::Payment(p) => {
                payment::collect(p, &mut self.rows, self.lang).map(FormValue::Payment)
            }
            FormValue::Plan(p) => plan::collect(p, &mut self.rows, self.lang).map(FormValue::Plan),
            FormValue::Decision(d) => {
                decision::collect(d, &mut self.rows, self.lang).map(FormValue::Decision)
            }
        };
        match value {
            Some(value) => FormOutcome::Submit(value),
            None => {
                if let Some(first) = self.rows.iter().position(|r| r.error.is_some()) {
                    self.focus = first;
                }
                FormOutcome::Pending
            }
        }
    }

    /// Esc: closes a clean form, asks before discarding changes, and answers "no" to that
    /// question.
    pub fn cancel(&mut self) -> FormOutcome {
        if self.asking {
            self.asking = false;
            FormOutcome::Pending
        } else if self.is_dirty() {
            self.asking = true;
            FormOutcome::Pending
        } else {
            FormOutcome::Cancelled
        }
    }
}

/// The raw text of every row.
fn values(rows: &[Row]) -> Vec<(Slot, String)> {
    rows.iter().map(|r| (r.slot, r.input.value())).collect()
}

/// The row of `slot`.
fn row_of(rows: &mut [Row], slot: Slot) -> Option<&mut Row> {
    rows.iter_mut().find(|r| r.slot == slot)
}

impl std::fmt::Debug for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Form")
            .field("title", &self.title())
            .field("focus", &self.focused_slot())
            .field("asking", &self.asking)
            .field("values", &values(&self.rows))
            .field("errors", &self.errors())
            .finish()
    }
}

#[cfg(test)]
mod tests;
