//! A measure's yearly instalments ⇄ form rows (issue 14): one amount per year of the runtime
//! (and any year the plan already has), German money, an empty row meaning no instalment that
//! year. A measure running over several years without a plan opens with a split pro rata by
//! months as a proposal, which the user changes or saves as it is; a form left empty removes
//! the plan. The sum is compared with the approved amount as the user types.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::row::{Row, RowInput};
use super::slot::Slot;
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{Cents, Field, Measure, MeasureId, Plan, Problem, parse_amount};

/// The most years the form offers (a runtime longer than this shows its first years).
const MAX_YEARS: usize = 12;

/// What the plan form edits: a measure's plan, the years it offers and the approved amount it
/// is compared with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanValue {
    pub measure: MeasureId,
    /// The measure's title, for the form's heading.
    pub title: String,
    pub approved: Option<Cents>,
    /// The years offered, ascending.
    pub years: Vec<i32>,
    /// The plan as stored, or as proposed when `proposed`; after submit the plan to save.
    pub plan: Plan,
    /// The plan is a proposal pro rata by months (the measure had none).
    pub proposed: bool,
}

impl PlanValue {
    /// The form's value for `measure` with its stored `plan` (empty: none); without a plan a
    /// runtime over several years proposes a split pro rata by months; `this_year` is offered
    /// when nothing else gives a year.
    pub fn of(measure: &Measure, plan: Option<Plan>, this_year: i32) -> PlanValue {
        let stored = plan.filter(|p| !p.0.is_empty());
        let proposal = match (&stored, measure.approved, measure.start, measure.end) {
            (None, Some(approved), Some(start), Some(end)) => Plan::pro_rata(approved, start, end),
            _ => None,
        };
        let proposed = proposal.is_some();
        let plan = stored.or(proposal).unwrap_or_default();
        let mut years: Vec<i32> = plan.0.keys().copied().collect();
        if let Some(start) = measure.start {
            let end = measure.end.filter(|e| *e >= start).unwrap_or(start);
            years.extend(start.year()..=end.year().min(start.year() + MAX_YEARS as i32));
        }
        if years.is_empty() {
            years.push(this_year);
        }
        years.sort_unstable();
        years.dedup();
        years.truncate(MAX_YEARS.max(plan.0.len()));
        PlanValue {
            measure: measure.id,
            title: measure.title.clone(),
            approved: measure.approved,
            years,
            plan,
            proposed,
        }
    }
}

/// One row per offered year: the instalment, or empty.
pub(super) fn rows(value: &PlanValue) -> Vec<Row> {
    (value.years.iter())
        .map(|year| {
            let text = (value.plan.0.get(year)).map_or(String::new(), |a| a.format_plain_de(true));
            Row::new(Slot::Field(Field::Instalment(*year)), RowInput::line(&text))
        })
        .collect()
}

/// The plan the rows give; each problem is stored on its row. `None` when any row has one.
pub(super) fn collect(original: &PlanValue, rows: &mut [Row], lang: Lang) -> Option<PlanValue> {
    let mut plan = Plan::default();
    let mut failed = false;
    for row in rows.iter_mut() {
        let Slot::Field(Field::Instalment(year)) = row.slot else {
            continue;
        };
        let text = row.input.value();
        if text.trim().is_empty() {
            continue;
        }
        match parse_amount(&text) {
            Ok(amount) => {
                plan.0.insert(year, amount);
            }
            Err(problem) => {
                row.add_error(problem.localize(lang));
                failed = true;
            }
        }
    }
    if let Err(errors) = plan.validate() {
        failed = true;
        for error in errors {
            if let Some(row) = super::row_of(rows, Slot::Field(error.field)) {
                row.add_error(error.problem.localize(lang));
            }
        }
    }
    (!failed).then(|| PlanValue {
        plan,
        ..original.clone()
    })
}

/// What the typed instalments add up to against the approved amount (shown at the first row
/// while they differ): `Summe 70.000,00 € – bewilligt sind 80.000,00 €`.
pub(super) fn sum_hint(value: &PlanValue, rows: &[Row], lang: Lang) -> Option<String> {
    let typed: Option<Vec<Cents>> = (rows.iter())
        .map(|row| row.input.value())
        .filter(|text| !text.trim().is_empty())
        .map(|text| parse_amount(&text).ok())
        .collect();
    let sum: Cents = typed?.into_iter().sum();
    let approved = value.approved.unwrap_or_default();
    let nothing = sum == Cents(0) && rows.iter().all(|r| r.input.value().trim().is_empty());
    (sum != approved && !nothing).then(|| {
        fill(
            lang.t(Text::PlanSumDiffers),
            &[
                ("sum", &sum.format_de()),
                ("approved", &approved.format_de()),
            ],
        )
    })
}

/// A year's input must hold an amount (empty: no instalment that year).
pub(super) fn parse_problem(text: &str) -> Option<Problem> {
    match text.trim().is_empty() {
        true => None,
        false => parse_amount(text).err(),
    }
}
