//! Payment ⇄ form rows (issue 14): Datum, Betrag, Art, Aktenzeichen, Notizen — German dates and
//! money, parsed and validated back into a [`Payment`] with every problem at its input.

use crate::i18n::{Lang, Localize};
use crate::model::{
    Field, Payment, PaymentKind, Problem, format_date_de, parse_amount, parse_date,
};

use super::row::{Row, RowInput};
use super::slot::Slot;

/// The inputs of a payment in form order.
pub(super) const FIELDS: [Field; 5] = [
    Field::Date,
    Field::Amount,
    Field::Kind,
    Field::Reference,
    Field::Notes,
];

/// The rows of `payment`; a new payment (`is_new`) starts with an empty amount.
pub(super) fn rows(payment: &Payment, is_new: bool) -> Vec<Row> {
    FIELDS
        .into_iter()
        .map(|field| {
            let input = match field {
                Field::Date => RowInput::line(&format_date_de(payment.date)),
                Field::Amount if is_new => RowInput::line(""),
                Field::Amount => RowInput::line(&payment.amount.format_plain_de(true)),
                Field::Kind => kind_choice(payment.kind),
                Field::Reference => RowInput::line(&payment.reference),
                _ => RowInput::line(&payment.note),
            };
            Row::new(Slot::Field(field), input)
        })
        .collect()
}

fn kind_choice(kind: PaymentKind) -> RowInput {
    let options = PaymentKind::ALL
        .iter()
        .map(|k| (k.name().to_string(), k.name().to_string()))
        .collect();
    let index = PaymentKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0);
    RowInput::Choice { options, index }
}

/// Parses every row into a copy of `original`; each problem is stored on its row. `None` when
/// any row has an error.
pub(super) fn collect(original: &Payment, rows: &mut [Row], lang: Lang) -> Option<Payment> {
    let mut payment = original.clone();
    let mut failed = false;
    for row in rows.iter_mut() {
        let text = row.input.value();
        let Slot::Field(field) = row.slot else {
            continue;
        };
        let parsed: Result<(), Problem> = match field {
            Field::Date => required(&text)
                .and_then(|_| parse_date(&text))
                .map(|date| payment.date = date),
            Field::Amount => required(&text)
                .and_then(|_| parse_amount(&text))
                .map(|amount| payment.amount = amount),
            Field::Kind => PaymentKind::parse_input(&text).map(|kind| payment.kind = kind),
            Field::Reference => {
                payment.reference = text;
                Ok(())
            }
            Field::Notes => {
                payment.note = text;
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(problem) = parsed {
            row.add_error(problem.localize(lang));
            failed = true;
        }
    }
    if let Err(errors) = payment.validate() {
        failed = true;
        for error in errors {
            if let Some(row) = super::row_of(rows, Slot::Field(error.field)) {
                row.add_error(error.problem.localize(lang));
            }
        }
    }
    (!failed).then_some(payment)
}

fn required(text: &str) -> Result<(), Problem> {
    match text.trim().is_empty() {
        true => Err(Problem::Required),
        false => Ok(()),
    }
}
