//! `J`: the form of a measure's yearly instalments (issue 14). It offers a row per year of the
//! runtime, filled with the stored plan or — for a measure running over several years without
//! one — a split pro rata by months as a proposal; `Ctrl-s` saves it as one `SetPlan` (an empty
//! form removes the plan), expecting the plan's revision so a colleague's change in between is
//! refused, never overwritten.

use chrono::Datelike;

use super::form::{Form, PlanValue};
use super::{App, FormState, MessageKind, Mode, Purpose};
use crate::i18n::{Text, fill};
use crate::ops::{Op, Record};

impl App {
    /// `J` on a measure: its plan form.
    pub(super) fn open_plan(&mut self) -> Mode {
        let Some(id) = self.pane.selected_id() else {
            self.say_text(MessageKind::Info, Text::NoMeasureSelected);
            return Mode::Normal;
        };
        let read = || -> Result<_, crate::store::StoreError> {
            let measure = self.store.measure(id)?;
            Ok(measure.map(|m| (m, self.store.plan(id))))
        };
        let (measure, plan) = match read() {
            Ok(Some((measure, Ok(plan)))) => (measure, plan),
            Ok(Some((_, Err(error)))) | Err(error) => {
                self.say_error(&error);
                return Mode::Normal;
            }
            Ok(None) => {
                self.say_error(&crate::store::StoreError::MeasureNotFound(id));
                return Mode::Normal;
            }
        };
        let this_year = self
            .pane
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
            .year();
        let (revision, plan) = match plan {
            Some((revision, plan)) => (Some(revision), Some(plan)),
            None => (None, None),
        };
        let mut form = Form::plan(PlanValue::of(&measure, plan, this_year), self.lang);
        if let Some(revision) = revision {
            form = form.with_revision(revision);
        }
        Mode::form(form, Purpose::EditPlan { measure: id })
    }

    /// Saves the plan form as one `SetPlan`; the form stays open with the reason when the store
    /// refuses (a colleague changed the plan meanwhile, or an amount is out of range).
    pub(super) fn save_plan(&mut self, mut state: Box<FormState>, value: PlanValue) -> Mode {
        let measure = value.measure;
        let op = Op::SetPlan {
            measure,
            plan: value.plan,
        };
        let op = match state.form.revision() {
            Some(revision) => op.expecting(Record::Plan(measure), revision),
            None => op,
        };
        match self.apply(op) {
            Ok(_) => {
                let text = fill(self.lang.t(Text::DonePlanForm), &[("measure", &measure)]);
                self.say(MessageKind::Info, text);
                Mode::Normal
            }
            Err(error) => {
                self.show_refusal(&mut state.form, &error);
                Mode::Form(state)
            }
        }
    }
}
