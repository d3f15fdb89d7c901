//! Open forms and confirmed questions: what a form's keys do, saving it as one op (the form
//! stays open with the reason when the store refuses), and carrying out a confirmed question.

use super::super::form::{Form, FormOutcome, FormValue};
use super::super::popups::Pending;
use super::super::{Action, App, Context, Draft, Focus, FormState, MessageKind, Mode, Purpose};
use crate::i18n::{Localize, Text, fill};
use crate::model::Field;
use crate::ops::Op;
use crate::store::StoreError;

impl Mode {
    /// An open form for `purpose`.
    pub fn form(form: Form, purpose: Purpose) -> Mode {
        Mode::Form(Box::new(FormState { form, purpose }))
    }
}

impl App {
    /// A bound key in an open form; the next mode.
    pub(in crate::app) fn update_form(
        &mut self,
        mut state: Box<FormState>,
        action: Action,
    ) -> Mode {
        let form = &mut state.form;
        let outcome = match action {
            Action::NextField => {
                form.next_field();
                FormOutcome::Pending
            }
            Action::PrevField => {
                form.prev_field();
                FormOutcome::Pending
            }
            Action::Save => form.submit(),
            Action::FormEnter => form.enter(),
            Action::NewLine => {
                form.new_line();
                FormOutcome::Pending
            }
            Action::Cancel => form.cancel(),
            Action::AddEntry => {
                form.add_entry();
                FormOutcome::Pending
            }
            Action::RemoveEntry => {
                form.remove_entry();
                FormOutcome::Pending
            }
            other => {
                self.unbound(Context::Form, other);
                FormOutcome::Pending
            }
        };
        self.form_next(state, outcome)
    }

    /// Acts on what the open form answered to a key (the form is `self.mode`).
    pub(in crate::app) fn form_outcome(&mut self, outcome: FormOutcome) {
        self.mode = match std::mem::take(&mut self.mode) {
            Mode::Form(state) => self.form_next(state, outcome),
            other => other,
        };
    }

    /// The mode after the form answered: still open, closed, or saved (open again with the
    /// reason if the store refuses).
    fn form_next(&mut self, state: Box<FormState>, outcome: FormOutcome) -> Mode {
        match outcome {
            FormOutcome::Pending => Mode::Form(state),
            FormOutcome::Cancelled => self.after_form(&state),
            FormOutcome::Submit(value) => self.save_form(state, value),
        }
    }

    fn save_form(&mut self, mut state: Box<FormState>, value: FormValue) -> Mode {
        let value = match value {
            FormValue::Payment(payment) => return self.save_payment(state, payment),
            FormValue::Decision(entry) => return self.save_decision(state, entry),
            FormValue::Plan(plan) => return self.save_plan(state, plan),
            value => value,
        };
        let edit = matches!(state.purpose, Purpose::EditMeasure | Purpose::EditGoal);
        if edit && state.form.revision().is_some() {
            return self.save_edit(state, value);
        }
        // A measure's end, before and as saved: a new one may propose a deadline.
        let ends = match (&value, state.form.original()) {
            (FormValue::Measure(m), FormValue::Measure(before)) => {
                let before = before.end.filter(|_| state.purpose == Purpose::EditMeasure);
                Some((m.id, before, m.end))
            }
            _ => None,
        };
        let op = match (state.purpose, value) {
            (Purpose::NewMeasure { goal }, FormValue::Measure(measure)) => Op::AddMeasure {
                measure,
                goals: vec![goal],
            },
            (Purpose::NewMeasureWithoutGoal, FormValue::Measure(measure)) => Op::AddMeasure {
                measure,
                goals: Vec::new(),
            },
            (Purpose::EditMeasure, FormValue::Measure(measure)) => Op::UpdateMeasure { measure },
            (Purpose::NewGoal, FormValue::Goal(goal)) => Op::AddGoal { goal },
            (Purpose::EditGoal, FormValue::Goal(goal)) => Op::UpdateGoal {
                id: goal.id,
                code: goal.code,
                title: goal.title,
                description: goal.description,
            },
            _ => return Mode::Form(state),
        };
        match self.apply(op) {
            Ok(applied) => {
                if let Some(id) = applied.added_measure() {
                    self.focus = Focus::Measures;
                    self.select_measure(id);
                }
                if let Some(id) = applied.added_goal() {
                    self.tree.select(id);
                    self.goal_changed();
                }
                if let Some((id, before, end)) = ends {
                    let id = applied.added_measure().unwrap_or(id);
                    return self.propose_proof_deadline(id, before, end);
                }
                Mode::Normal
            }
            Err(error) => {
                self.show_refusal(&mut state.form, &error);
                Mode::Form(state)
            }
        }
    }

    /// The store's reason next to the field it concerns (a duplicate code at the code field,
    /// each invalid field at its own), otherwise in the status bar.
    pub(in crate::app) fn show_refusal(&mut self, form: &mut Form, error: &StoreError) {
        if let StoreError::DuplicateCode(_) = error {
            form.set_error(Field::Code, error.localize(self.lang));
            return;
        }
        if let StoreError::Invalid(errors) = error {
            for e in errors {
                form.set_error(e.field, e.problem.localize(self.lang));
            }
        }
        self.say_error(error);
    }

    /// Carries out a confirmed question; the next mode.
    pub(in crate::app) fn run_pending(&mut self, pending: Pending) -> Mode {
        match pending {
            Pending::DeleteMeasure(id) => {
                self.apply_or_say(Op::DeleteMeasure { id });
            }
            Pending::DeleteGoal(id) => {
                self.apply_or_say(Op::DeleteGoal { id, force: true });
            }
            Pending::Unlink { measure, goal } => {
                self.apply_or_say(Op::Unlink { measure, goal });
            }
            Pending::Export(dialog, path) => {
                return self.export_to(*dialog, path, true);
            }
            Pending::HistoryAnyway { redo } => return self.history_anyway(redo),
            Pending::DeletePayment { view, id } => return self.delete_payment(&view, id),
            Pending::AcceptProposal(proposal) => return self.accept_proposal(&proposal),
            Pending::AddDeadline(deadline) => return self.add_proposed_deadline(*deadline),
            Pending::RestoreDraft(draft) => {
                let Draft { purpose, form } = *draft;
                self.remove_draft_file();
                return Mode::form(Form::from_draft(form, self.lang), purpose);
            }
        }
        Mode::Normal
    }

    /// The user declined the draft: it is gone.
    pub(in crate::app) fn discard_draft(&mut self) {
        self.remove_draft_file();
    }

    fn remove_draft_file(&mut self) {
        if let Some(Err(error)) = self.draft_path.as_deref().map(super::super::draft::remove) {
            let text = fill(self.lang.t(Text::DraftUnreadable), &[("error", &error)]);
            self.say(MessageKind::Error, text);
        }
    }
}
