//! The payments of a measure (`z`, issue 14): a list by date with `ausgezahlt X von Y` and the
//! payment warnings; `a`/`e`/`d` add, edit and delete through the usual form and yes/no question,
//! each as one [`Op`] (so undo, history, the server and colleagues see it). An edit expects the
//! payment's revision: a colleague's change meanwhile is refused with the conflict message.

use super::form::Form;
use super::popups::{Confirm, Pending};
use super::{Action, App, Context, FormState, MessageKind, Mode, Purpose};
use crate::i18n::{Lang, Text, fill};
use crate::model::{
    Cents, Measure, MeasureId, MoneyWarning, Payment, PaymentId, PaymentKind, approved_on,
    format_date_de, paid, payment_warnings,
};
use crate::ops::{Change, Op, Record};
use crate::store::{Repository, StoreError};

/// The open payments view: the measure, its payments by date (with their revisions) and the
/// selected one.
#[derive(Clone, Debug)]
pub struct PaymentsView {
    pub measure: Measure,
    pub payments: Vec<(u64, Payment)>,
    pub selected: usize,
    /// The day of the measure's approval, from its status steps (see [`approved_on`]).
    approved_on: Option<chrono::NaiveDate>,
}

impl PaymentsView {
    /// Reads measure `id` and its payments; `None` when the measure is gone.
    pub fn read(store: &dyn Repository, id: MeasureId) -> Result<Option<PaymentsView>, StoreError> {
        let Some(measure) = store.measure(id)? else {
            return Ok(None);
        };
        let mut payments = store.payments_of(id)?;
        payments.sort_by_key(|(_, p)| (p.date, p.id));
        let approved_on = approved_on(&store.course_of(id)?.steps);
        Ok(Some(PaymentsView {
            measure,
            payments,
            selected: 0,
            approved_on,
        }))
    }

    /// The selected payment with its revision.
    pub fn selected_payment(&self) -> Option<&(u64, Payment)> {
        self.payments.get(self.selected)
    }

    /// Selects payment `id` if listed; otherwise keeps the index within the list.
    fn select(&mut self, id: Option<PaymentId>, index: usize) {
        self.selected = id
            .and_then(|id| self.payments.iter().position(|(_, p)| p.id == id))
            .unwrap_or(index)
            .min(self.payments.len().saturating_sub(1));
    }

    /// What is paid (Rückforderungen subtracted).
    pub fn paid(&self) -> Cents {
        paid(self.payments.iter().map(|(_, p)| p))
    }

    /// `ausgezahlt 20.000,00 € von 80.000,00 €`.
    pub fn sum_line(&self, lang: Lang) -> String {
        let approved = self
            .measure
            .approved
            .map_or_else(|| "–".into(), Cents::format_de);
        fill(
            lang.t(Text::DetailPaid),
            &[("paid", &self.paid().format_de()), ("approved", &approved)],
        )
    }

    /// The warnings on the payments (before approval, outside the runtime, above approved), as
    /// the detail pane words them.
    pub fn warnings(&self, lang: Lang) -> Vec<String> {
        let m = &self.measure;
        let payments: Vec<Payment> = self.payments.iter().map(|(_, p)| p.clone()).collect();
        payment_warnings(m, &payments, self.approved_on)
            .into_iter()
            .filter_map(|warning| match warning {
                MoneyWarning::PaymentBeforeApproval(id) => Some(format!(
                    "{id}: {}",
                    fill(
                        lang.t(Text::WarnPaymentBeforeApproval),
                        &[("measure", &m.id)]
                    )
                )),
                MoneyWarning::PaymentOutsideRuntime(id) => Some(format!(
                    "{id}: {}",
                    fill(
                        lang.t(Text::WarnPaymentOutsideRuntime),
                        &[("measure", &m.id)]
                    )
                )),
                MoneyWarning::PaidAboveApproved { paid, approved } => Some(fill(
                    lang.t(Text::WarnPaidAboveApproved),
                    &[
                        ("measure", &m.id),
                        ("paid", &paid.format_de()),
                        ("approved", &approved.format_de()),
                    ],
                )),
                _ => None,
            })
            .collect()
    }
}

impl App {
    /// `z`: the payments of the selected measure.
    pub(super) fn open_payments(&mut self) -> Mode {
        let Some(id) = self.pane.selected_id() else {
            self.say_text(MessageKind::Info, Text::NoMeasureSelected);
            return Mode::Normal;
        };
        self.reopen_payments(id, None, 0)
    }

    /// The payments view of `measure` read anew, `select`ed (else the row at `index`); normal
    /// mode with a message when it cannot be read.
    pub(super) fn reopen_payments(
        &mut self,
        measure: MeasureId,
        select: Option<PaymentId>,
        index: usize,
    ) -> Mode {
        match PaymentsView::read(self.store(), measure) {
            Ok(Some(mut view)) => {
                view.select(select, index);
                Mode::Payments(Box::new(view))
            }
            Ok(None) => {
                self.say_error(&StoreError::MeasureNotFound(measure));
                Mode::Normal
            }
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    /// Reads the open payments view again after a colleague's `changes` (pushed by the server).
    pub fn refresh_payments(&mut self, changes: &[Change]) {
        let Mode::Payments(view) = &self.mode else {
            return;
        };
        if changes.is_empty() {
            return;
        }
        let (id, selected, index) = (
            view.measure.id,
            view.selected_payment().map(|(_, p)| p.id),
            view.selected,
        );
        self.mode = self.reopen_payments(id, selected, index);
    }

    /// A bound key in the payments view; the next mode.
    pub(super) fn update_payments(&mut self, mut view: Box<PaymentsView>, action: Action) -> Mode {
        match action {
            Action::Cancel => return Mode::Normal,
            Action::MoveDown => view.select(None, view.selected + 1),
            Action::MoveUp => view.select(None, view.selected.saturating_sub(1)),
            Action::AddPayment => return self.payment_form(&view, None),
            Action::EditPayment | Action::DeletePayment => {
                let Some(selected) = view.selected_payment().cloned() else {
                    self.say_text(MessageKind::Info, Text::NoPaymentSelected);
                    return Mode::Payments(view);
                };
                if action == Action::EditPayment {
                    return self.payment_form(&view, Some(selected));
                }
                return self.ask_delete_payment(view, &selected.1);
            }
            other => self.unbound(Context::Payments, other),
        }
        Mode::Payments(view)
    }

    /// The form for a new payment (`None`) or for `payment` at its revision.
    fn payment_form(&self, view: &PaymentsView, payment: Option<(u64, Payment)>) -> Mode {
        let measure = view.measure.id;
        let form = match payment {
            Some((revision, payment)) => {
                let form = Form::payment(&payment, false, self.lang).with_revision(revision);
                return Mode::form(form, Purpose::EditPayment { measure });
            }
            None => Form::payment(
                &Payment {
                    id: PaymentId(0),
                    measure,
                    date: self.pane.today.unwrap_or_default(),
                    amount: Cents(0),
                    kind: PaymentKind::Auszahlung,
                    reference: String::new(),
                    note: String::new(),
                },
                true,
                self.lang,
            ),
        };
        Mode::form(form, Purpose::NewPayment { measure })
    }

    fn ask_delete_payment(&self, view: Box<PaymentsView>, payment: &Payment) -> Mode {
        let question = fill(
            self.lang.t(Text::AskDeletePayment),
            &[
                ("id", &payment.id),
                ("date", &format_date_de(payment.date)),
                ("amount", &payment.amount.format_de()),
            ],
        );
        Mode::Confirm(Confirm {
            question,
            pending: Pending::DeletePayment {
                view,
                id: payment.id,
            },
        })
    }

    /// The form closed without saving: back to the payments view it came from, if any.
    pub(super) fn after_form(&mut self, state: &FormState) -> Mode {
        match state.purpose {
            Purpose::NewPayment { measure } => self.reopen_payments(measure, None, 0),
            Purpose::EditPayment { measure } => {
                let id = match state.form.original() {
                    super::form::FormValue::Payment(p) => Some(p.id),
                    _ => None,
                };
                self.reopen_payments(measure, id, 0)
            }
            _ => Mode::Normal,
        }
    }

    /// Saves the payment form as one op (an edit expecting the revision it was read at); the
    /// form stays open with the reason when the store refuses.
    pub(super) fn save_payment(&mut self, mut state: Box<FormState>, payment: Payment) -> Mode {
        let measure = payment.measure;
        let id = payment.id;
        let op = match (state.purpose, state.form.revision()) {
            (Purpose::EditPayment { .. }, Some(revision)) => {
                Op::UpdatePayment { payment }.expecting(Record::Payment(id), revision)
            }
            (Purpose::EditPayment { .. }, None) => Op::UpdatePayment { payment },
            _ => Op::AddPayment { payment },
        };
        match self.apply(op) {
            Ok(applied) => self.reopen_payments(measure, applied.added_payment().or(Some(id)), 0),
            Err(error) => {
                self.show_refusal(&mut state.form, &error);
                Mode::Form(state)
            }
        }
    }

    /// The user said yes: the payment is deleted; the view selects its neighbour.
    pub(super) fn delete_payment(&mut self, view: &PaymentsView, id: PaymentId) -> Mode {
        let measure = view.measure.id;
        let index = (view.payments.iter())
            .position(|(_, p)| p.id == id)
            .unwrap_or(0);
        if let Err(error) = self.apply(Op::RemovePayment { measure, id }) {
            self.say_error(&error);
        }
        self.reopen_payments(measure, None, index)
    }
}
