//! The warnings of money over time on stderr (`Hinweis: …`): allowed, but said.

use crate::cli::CliError;
use crate::i18n::{Lang, Text, fill};
use crate::model::{
    Cents, Fund, Measure, MeasureId, MoneyWarning, Payment, PaymentId, Plan, instalments,
    payment_warnings, plan_warning,
};
use crate::store::Repository;

fn say(lang: Lang, text: &str) {
    eprintln!(
        "{}: {}",
        lang.t(Text::WarningPrefix),
        crate::text::sanitize_line(text)
    );
}

/// Says the pots of `keys` that are planned beyond their amount. With `own` (a measure's
/// instalments by year), says it as the form does: the others' planned money, then
/// what is left after this measure (`… 9.200,00 € verplant – danach -700,00 €`).
pub(super) fn pots(
    repo: &dyn Repository,
    lang: Lang,
    keys: &[(Fund, i32)],
    own: Option<&[(i32, Cents)]>,
) -> Result<(), CliError> {
    // Only a fund and year with a pot can go below zero; without one, nothing is read.
    let mut with_pot = Vec::new();
    for (fund, year) in keys {
        if repo.pot(*fund, *year)?.is_some() {
            with_pot.push((*fund, *year));
        }
    }
    if with_pot.is_empty() {
        return Ok(());
    }
    let keys = &with_pot;
    let figures = super::figures(repo, None)?;
    for (fund, year) in keys {
        let Some(row) = figures.row(*fund, *year).filter(|r| r.over_budget()) else {
            continue;
        };
        let (Some(pot), Some(free)) = (row.pot, row.free()) else {
            continue;
        };
        let mine: Option<Cents> =
            own.and_then(|own| own.iter().find(|(y, _)| y == year).map(|(_, a)| *a));
        let (text, planned) = match mine {
            Some(mine) => (Text::WarnPotAfter, Cents(row.planned.0 - mine.0)),
            None => (Text::WarnPotOver, row.planned),
        };
        let text = fill(
            lang.t(text),
            &[
                ("fund", &fund.name()),
                ("year", year),
                ("pot", &pot.format_de()),
                ("planned", &planned.format_de()),
                ("free", &free.format_de()),
            ],
        );
        say(lang, &text);
    }
    Ok(())
}

/// Says that a plan does not add up to the approved amount.
pub(super) fn plan(lang: Lang, measure: &Measure, plan: Option<&Plan>) {
    if let Some(MoneyWarning::PlanMismatch { planned, approved }) =
        plan.and_then(|plan| plan_warning(measure, plan))
    {
        let text = fill(
            lang.t(Text::WarnPlanMismatch),
            &[
                ("measure", &measure.id),
                ("planned", &planned.format_de()),
                ("approved", &approved.format_de()),
            ],
        );
        say(lang, &text);
    }
}

/// After a measure or its plan was saved: its plan's sum, and the pots its instalments take
/// below zero.
pub fn after_measure_saved(
    repo: &dyn Repository,
    lang: Lang,
    id: MeasureId,
) -> Result<(), CliError> {
    let Some(measure) = repo.measure(id)? else {
        return Ok(());
    };
    let stored = repo.plan(id)?.map(|(_, plan)| plan);
    plan(lang, &measure, stored.as_ref());
    let Some(fund) = measure.fund else {
        return Ok(());
    };
    let own = instalments(&measure, stored.as_ref());
    let keys: Vec<(Fund, i32)> = own.iter().map(|(year, _)| (fund, *year)).collect();
    pots(repo, lang, &keys, Some(&own))
}

/// The warnings on the payments of `measure` that concern payment `id`, and the sum above
/// the approved amount.
pub(super) fn payment(
    lang: Lang,
    measure: &Measure,
    payments: &[Payment],
    approved_on: Option<chrono::NaiveDate>,
    id: PaymentId,
) {
    for warning in payment_warnings(measure, payments, approved_on) {
        let text = match warning {
            MoneyWarning::PaymentBeforeApproval(at) if at == id => fill(
                lang.t(Text::WarnPaymentBeforeApproval),
                &[("measure", &measure.id)],
            ),
            MoneyWarning::PaymentOutsideRuntime(at) if at == id => fill(
                lang.t(Text::WarnPaymentOutsideRuntime),
                &[("measure", &measure.id)],
            ),
            MoneyWarning::PaidAboveApproved { paid, approved } => fill(
                lang.t(Text::WarnPaidAboveApproved),
                &[
                    ("measure", &measure.id),
                    ("paid", &paid.format_de()),
                    ("approved", &approved.format_de()),
                ],
            ),
            _ => continue,
        };
        say(lang, &text);
    }
}
