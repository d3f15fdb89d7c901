//! Money over time on the command line (issue 14): `quartier pot …`, `plan …` and
//! `payment …`, with warnings on stderr where a rule is broken (a pot below zero, a plan that
//! does not add up, a payment above the approved amount, before the approval or outside the
//! runtime). Amounts and dates are read by the model's rules (`12.500,50`, `15.03.2026`).

mod args;
mod payments;
mod warnings;

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

pub use args::{PaymentCommand, PlanCommand, PotCommand};
pub use payments::payment;
pub use warnings::after_measure_saved;

use super::CliError;
use super::measures::resolve_measure;
use super::output::{self, Align};
use crate::i18n::{Lang, Text, fill};
use crate::model::{Cents, Field, Fund, Plan, Pot, ValidationError, parse_amount, parse_year};
use crate::ops::Op;
use crate::report::pots::PotFigures;
use crate::store::Repository;

fn invalid(field: Field, problem: crate::model::Problem) -> CliError {
    CliError::Invalid(vec![ValidationError::new(field, problem)])
}

fn fund_and_year(fund: &str, year: &str) -> Result<(Fund, i32), CliError> {
    let fund = Fund::parse_input(fund).map_err(|p| invalid(Field::Fund, p))?;
    let year = parse_year(year).map_err(|p| invalid(Field::Year, p))?;
    Ok((fund, year))
}

/// Every fund's money per year as [`PotFigures`] computes it, read through `repo`.
pub fn figures(repo: &dyn Repository, year: Option<i32>) -> Result<PotFigures, CliError> {
    let plans: HashMap<_, _> = repo.plans()?.into_iter().collect();
    Ok(PotFigures::compute(
        &repo.measures()?,
        &plans,
        &repo.payments()?,
        &repo.pots()?,
        year,
    ))
}

/// `quartier pot …`.
pub fn pot(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: PotCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        PotCommand::Set {
            fund,
            year,
            amount,
            note,
        } => {
            let (fund, year) = fund_and_year(&fund, &year)?;
            let amount = parse_amount(&amount).map_err(|p| invalid(Field::Amount, p))?;
            let pot = Pot {
                fund,
                year,
                amount,
                note,
            };
            repo.apply(Op::SetPot { pot }, actor)?;
            let done = fill(
                lang.t(Text::DonePotSet),
                &[
                    ("fund", &fund.name()),
                    ("year", &year),
                    ("amount", &amount.format_de()),
                ],
            );
            output::line(out, &done)?;
            warnings::pots(repo, lang, &[(fund, year)], None)
        }
        PotCommand::Remove { fund, year } => {
            let (fund, year) = fund_and_year(&fund, &year)?;
            repo.apply(Op::RemovePot { fund, year }, actor)?;
            let done = fill(
                lang.t(Text::DonePotRemoved),
                &[("fund", &fund.name()), ("year", &year)],
            );
            output::line(out, &done)?;
            Ok(())
        }
        PotCommand::List { year, json } => list_pots(repo, lang, year, json, out),
    }
}

/// A row of `pot list --json`; amounts in cents, `null` without a pot.
#[derive(Serialize)]
struct PotJson<'a> {
    fund: &'a str,
    year: i32,
    pot_cents: Option<i64>,
    planned_cents: i64,
    paid_cents: i64,
    free_cents: Option<i64>,
    note: &'a str,
}

fn list_pots(
    repo: &dyn Repository,
    lang: Lang,
    year: Option<i32>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let figures = figures(repo, year)?;
    if json {
        let rows: Vec<PotJson> = (figures.rows.iter())
            .map(|r| PotJson {
                fund: r.fund.name(),
                year: r.year,
                pot_cents: r.pot.map(|c| c.0),
                planned_cents: r.planned.0,
                paid_cents: r.paid.0,
                free_cents: r.free().map(|c| c.0),
                note: &r.note,
            })
            .collect();
        output::json(out, &rows)?;
        return Ok(());
    }
    if figures.rows.is_empty() {
        output::line(out, lang.t(Text::NoPots))?;
        return Ok(());
    }
    let money = |c: Option<Cents>| c.map_or_else(|| "–".to_string(), Cents::format_de);
    let rows: Vec<Vec<String>> = (figures.rows.iter())
        .map(|r| {
            vec![
                r.fund.name().to_string(),
                r.year.to_string(),
                money(r.pot),
                r.planned.format_de(),
                r.paid.format_de(),
                money(r.free()),
                r.note.clone(),
            ]
        })
        .collect();
    let header = [
        lang.t(Text::FieldFund),
        lang.t(Text::FieldYear),
        lang.t(Text::ColPot),
        lang.t(Text::ColPlanned),
        lang.t(Text::ColPaid),
        lang.t(Text::ColFree),
        lang.t(Text::FieldNotes),
    ];
    let right = (Align::Right, 20);
    let columns = [
        (Align::Left, 14),
        (Align::Left, 4),
        right,
        right,
        right,
        right,
        (Align::Left, 40),
    ];
    output::table(out, &header, &columns, &rows)?;
    Ok(())
}

/// `quartier plan …`.
pub fn plan(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: PlanCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        PlanCommand::Set {
            id,
            instalments,
            pro_rata,
        } => {
            let measure = resolve_measure(repo, &id)?;
            let plan = match pro_rata {
                true => match (measure.approved, measure.start, measure.end) {
                    (Some(approved), Some(start), Some(end)) => {
                        Plan::pro_rata(approved, start, end).unwrap_or_default()
                    }
                    _ => Plan::default(),
                },
                false => Plan::parse(instalments.iter().map(String::as_str))
                    .map_err(|e| CliError::Invalid(vec![e]))?,
            };
            let op = Op::SetPlan {
                measure: measure.id,
                plan: plan.clone(),
            };
            repo.apply(op, actor)?;
            let done = match plan.0.is_empty() {
                true => fill(lang.t(Text::DonePlanRemoved), &[("measure", &measure.id)]),
                false => fill(
                    lang.t(Text::DonePlanSet),
                    &[("measure", &measure.id), ("plan", &plan.format_de())],
                ),
            };
            output::line(out, &done)?;
            warnings::after_measure_saved(repo, lang, measure.id)
        }
        PlanCommand::Show { id, json } => show_plan(repo, lang, &id, json, out),
    }
}

/// `plan show --json`.
#[derive(Serialize)]
struct PlanJson {
    measure: String,
    approved_cents: Option<i64>,
    planned_cents: i64,
    /// Whether the instalments come from a plan (else: the start year rule).
    planned: bool,
    instalments: Vec<InstalmentJson>,
}

#[derive(Serialize)]
struct InstalmentJson {
    year: i32,
    amount_cents: i64,
}

fn show_plan(
    repo: &dyn Repository,
    lang: Lang,
    id: &str,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let measure = resolve_measure(repo, id)?;
    let plan = repo.plan(measure.id)?.map(|(_, plan)| plan);
    let years = crate::model::instalments(&measure, plan.as_ref());
    let planned: Cents = years.iter().map(|(_, a)| *a).sum();
    if json {
        let shape = PlanJson {
            measure: measure.id.to_string(),
            approved_cents: measure.approved.map(|c| c.0),
            planned_cents: planned.0,
            planned: plan.is_some(),
            instalments: (years.iter())
                .map(|(year, amount)| InstalmentJson {
                    year: *year,
                    amount_cents: amount.0,
                })
                .collect(),
        };
        output::json(out, &shape)?;
        return Ok(());
    }
    if plan.is_none() {
        let text = match years.first() {
            Some((year, amount)) => fill(
                lang.t(Text::PlanNoneStartYear),
                &[
                    ("measure", &measure.id),
                    ("amount", &amount.format_de()),
                    ("year", year),
                ],
            ),
            None => fill(lang.t(Text::PlanNoneNothing), &[("measure", &measure.id)]),
        };
        output::line(out, &text)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = (years.iter())
        .map(|(year, amount)| vec![year.to_string(), amount.format_de()])
        .collect();
    let header = [lang.t(Text::FieldYear), lang.t(Text::FieldAmount)];
    output::table(out, &header, &[(Align::Left, 4), (Align::Right, 20)], &rows)?;
    let approved = measure.approved.unwrap_or_default();
    let total = fill(
        lang.t(Text::PlanTotal),
        &[
            ("planned", &planned.format_de()),
            ("approved", &approved.format_de()),
        ],
    );
    output::line(out, &total)?;
    warnings::plan(lang, &measure, plan.as_ref());
    Ok(())
}
