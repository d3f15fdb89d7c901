//! `quartier payment add|list|remove`.

use std::io::Write;

use serde::Serialize;

use super::warnings;
use crate::cli::CliError;
use crate::cli::measures::resolve_measure;
use crate::cli::output::{self, Align};
use crate::i18n::{Lang, Text, fill};
use crate::model::{
    Cents, Field, MeasureId, Payment, PaymentId, PaymentKind, parse_amount, parse_date,
};
use crate::ops::Op;
use crate::store::Repository;

use super::PaymentCommand;

/// `quartier payment …`.
pub fn payment(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: PaymentCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        PaymentCommand::Add {
            id,
            date,
            amount,
            kind,
            reference,
            note,
        } => {
            let measure = resolve_measure(repo, &id)?;
            let mut errors = Vec::new();
            let date = parse_date(&date)
                .map_err(|p| errors.push((Field::Date, p)))
                .ok();
            let amount = (parse_amount(&amount))
                .map_err(|p| errors.push((Field::Amount, p)))
                .ok();
            let kind = (PaymentKind::parse_input(&kind))
                .map_err(|p| errors.push((Field::Kind, p)))
                .ok();
            let (Some(date), Some(amount), Some(kind)) = (date, amount, kind) else {
                let errors = errors.into_iter();
                return Err(CliError::Invalid(
                    errors
                        .map(|(f, p)| crate::model::ValidationError::new(f, p))
                        .collect(),
                ));
            };
            let payment = Payment {
                id: PaymentId(0),
                measure: measure.id,
                date,
                amount,
                kind,
                reference,
                note,
            };
            let applied = repo.apply(Op::AddPayment { payment }, actor)?;
            let id = applied.added_payment().unwrap_or(PaymentId(0));
            writeln!(out, "{id}")?;
            let all: Vec<Payment> = (repo.payments_of(measure.id)?.into_iter())
                .map(|(_, p)| p)
                .collect();
            let approved_on = crate::model::approved_on(&repo.course_of(measure.id)?.steps);
            warnings::payment(lang, &measure, &all, approved_on, id);
            Ok(())
        }
        PaymentCommand::List {
            measure,
            year,
            json,
        } => {
            let of = match measure {
                Some(id) => Some(resolve_measure(repo, &id)?.id),
                None => None,
            };
            list(repo, lang, of, year, json, out)
        }
        PaymentCommand::Remove { payment } => {
            let id = PaymentId::parse(&payment)
                .ok_or_else(|| CliError::UnknownPayment(payment.trim().to_string()))?;
            let (_, stored) =
                (repo.payment(id)?).ok_or_else(|| CliError::UnknownPayment(id.to_string()))?;
            let op = Op::RemovePayment {
                measure: stored.measure,
                id,
            };
            repo.apply(op, actor)?;
            let done = fill(lang.t(Text::DonePaymentRemoved), &[("payment", &id)]);
            output::line(out, &done)?;
            Ok(())
        }
    }
}

/// A payment as JSON: ids as shown (`Z-0003`, `M-0012`), ISO date, amount in cents.
#[derive(Serialize)]
struct PaymentJson<'a> {
    id: String,
    measure: String,
    date: String,
    amount_cents: i64,
    kind: &'a str,
    reference: &'a str,
    note: &'a str,
}

fn list(
    repo: &dyn Repository,
    lang: Lang,
    measure: Option<MeasureId>,
    year: Option<i32>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut payments: Vec<Payment> = match measure {
        Some(id) => repo.payments_of(id)?.into_iter().map(|(_, p)| p).collect(),
        None => repo.payments()?,
    };
    payments.retain(|p| year.is_none_or(|y| chrono::Datelike::year(&p.date) == y));
    payments.sort_by_key(|p| (p.date, p.id));
    if json {
        let shapes: Vec<PaymentJson> = (payments.iter())
            .map(|p| PaymentJson {
                id: p.id.to_string(),
                measure: p.measure.to_string(),
                date: p.date.to_string(),
                amount_cents: p.amount.0,
                kind: p.kind.name(),
                reference: &p.reference,
                note: &p.note,
            })
            .collect();
        output::json(out, &shapes)?;
        return Ok(());
    }
    if payments.is_empty() {
        output::line(out, lang.t(Text::NoPayments))?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = (payments.iter())
        .map(|p| {
            vec![
                p.id.to_string(),
                p.measure.to_string(),
                crate::model::format_date_de(p.date),
                p.kind.name().to_string(),
                p.amount.format_de(),
                p.reference.clone(),
                p.note.clone(),
            ]
        })
        .collect();
    let header = [
        lang.t(Text::FieldId),
        lang.t(Text::ColMeasure),
        lang.t(Text::FieldDate),
        lang.t(Text::FieldKind),
        lang.t(Text::FieldAmount),
        lang.t(Text::FieldReference),
        lang.t(Text::FieldNotes),
    ];
    let columns = [
        (Align::Left, 8),
        (Align::Left, 8),
        (Align::Left, 10),
        (Align::Left, 13),
        (Align::Right, 20),
        (Align::Left, 30),
        (Align::Left, 40),
    ];
    output::table(out, &header, &columns, &rows)?;
    let paid: Cents = crate::model::paid(&payments);
    let total = fill(lang.t(Text::PaidTotal), &[("paid", &paid.format_de())]);
    output::line(out, &total)?;
    Ok(())
}
