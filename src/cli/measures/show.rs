//! `quartier measure show` as text.

use std::collections::HashMap;
use std::io::Write;

use super::code_of;
use crate::cli::CliError;
use crate::cli::output;
use crate::i18n::{Lang, Localize, Text, field_label, fill};
use crate::model::{
    Field, GoalId, Indicator, Kind, Link, MEASURE_FIELDS, Measure, Value, format_date_de,
    format_value, fund_warnings,
};

/// A field value as `measure show` prints it: amounts `12.500,50 €`, dates `01.03.2026`.
fn shown(value: Value) -> String {
    match value {
        Value::Text(text) => text,
        Value::Amount(amount) => amount.map_or(String::new(), |a| a.format_de()),
        Value::Date(date) => date.map_or(String::new(), format_date_de),
        Value::Fund(fund) => fund.map_or(String::new(), |f| f.name().into()),
        Value::Status(status) => status.name().into(),
        Value::List(items) => items.join(", "),
    }
}

/// `measure show` as text: the fields of the list, the goals (primary marked `*`), long texts,
/// indicators and fund warnings.
pub(super) fn show(
    lang: Lang,
    m: &Measure,
    links: &[Link],
    codes: &HashMap<GoalId, String>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let t = |text| lang.t(text);
    output::line(out, &format!("{}  {}", m.id, m.title))?;
    // The fields of the list in order; the title heads the output, long texts follow the goals.
    let rows = (MEASURE_FIELDS.iter())
        .filter(|row| row.field != Field::Title && row.kind != Kind::Text)
        .map(|row| (t(field_label(row.field)), shown(row.get(m))));
    for (label, value) in rows {
        output::line(
            out,
            &format!("{}{value}", crate::text::cell(&format!("{label}:"), 16)),
        )?;
    }
    let goals: Vec<String> = links
        .iter()
        .map(|l| {
            format!(
                "{}{}",
                code_of(codes, l.goal),
                if l.primary { "*" } else { "" }
            )
        })
        .collect();
    output::line(
        out,
        &format!(
            "{}{}",
            crate::text::cell(&format!("{}:", t(Text::FieldGoals)), 16),
            goals.join(", ")
        ),
    )?;
    for row in MEASURE_FIELDS.iter().filter(|row| row.kind == Kind::Text) {
        let (label, text) = (t(field_label(row.field)), row.text(m).unwrap_or_default());
        if !text.is_empty() {
            output::line(out, &format!("{label}:"))?;
            for line in text.lines() {
                output::line(out, &format!("  {line}"))?;
            }
        }
    }
    if !m.indicators.is_empty() {
        output::line(out, &format!("{}:", t(Text::FieldIndicators)))?;
        for indicator in &m.indicators {
            output::line(out, &format!("  {}", indicator_line(lang, indicator)))?;
        }
    }
    for warning in fund_warnings(m) {
        output::line(
            out,
            &format!("{}: {}", t(Text::WarningPrefix), warning.localize(lang)),
        )?;
    }
    Ok(())
}

/// Money over time (issue 14), for a measure with payments or a plan only (so the output of
/// others stays as it was): `ausgezahlt 20.000,00 € von 80.000,00 €`, the instalments, each
/// payment, and the plan's warning.
pub(super) fn money(
    lang: Lang,
    m: &Measure,
    money: &crate::store::MeasureMoney,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let plan = money.plan.as_ref().map(|(_, plan)| plan);
    if money.payments.is_empty() && plan.is_none() {
        return Ok(());
    }
    let payments: Vec<crate::model::Payment> =
        money.payments.iter().map(|(_, p)| p.clone()).collect();
    let approved = m
        .approved
        .map_or_else(|| "–".to_string(), |a| a.format_de());
    let paid = crate::model::paid(&payments).format_de();
    let text = fill(
        lang.t(Text::DetailPaid),
        &[("paid", &paid), ("approved", &approved)],
    );
    output::line(out, &text)?;
    if let Some(plan) = plan {
        let label = format!("{}:", lang.t(Text::ReportInstalments));
        output::line(
            out,
            &format!("{}{}", crate::text::cell(&label, 16), plan.format_de()),
        )?;
    }
    for p in &payments {
        let line = format!(
            "  {}  {}  {}  {}  {}",
            p.id,
            format_date_de(p.date),
            p.kind.name(),
            p.amount.format_de(),
            p.reference
        );
        output::line(out, line.trim_end())?;
    }
    if let Some(crate::model::MoneyWarning::PlanMismatch { planned, approved }) =
        plan.and_then(|plan| crate::model::plan_warning(m, plan))
    {
        let text = fill(
            lang.t(Text::WarnPlanMismatch),
            &[
                ("measure", &m.id),
                ("planned", &planned.format_de()),
                ("approved", &approved.format_de()),
            ],
        );
        output::line(out, &format!("{}: {text}", lang.t(Text::WarningPrefix)))?;
    }
    Ok(())
}

/// One indicator: `Teilnehmende: 0 → 100, Ist 120  (120 %)`.
fn indicator_line(lang: Lang, i: &Indicator) -> String {
    let comma = lang == Lang::De;
    let value = |v: f64| format_value(v, comma);
    let actual = i.actual.map_or("–".to_string(), value);
    let percent = i
        .attainment()
        .map_or(String::new(), |a| format!("  ({:.0} %)", a * 100.0));
    // No space before the comma when there is no unit: `0 → 100, Ist 120`.
    let unit = if i.unit.trim().is_empty() {
        String::new()
    } else {
        format!(" {}", i.unit)
    };
    fill(
        lang.t(Text::IndicatorLine),
        &[
            ("name", &i.name),
            ("baseline", &value(i.baseline)),
            ("target", &value(i.target)),
            ("unit", &unit),
            ("actual", &actual),
            ("attainment", &percent),
        ],
    )
}
