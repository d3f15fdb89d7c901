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
