//! Measure ⇄ form rows: which inputs a measure has, in which order, how each field is shown, and
//! how the rows are parsed and validated back into a [`Measure`].

use crate::i18n::{Lang, Localize};
use crate::model::{
    Field, Fund, Indicator, Kind, MEASURE_FIELDS, Measure, MeasureField, Problem, Status,
    ValidationError, Value, format_date_de, format_decimal,
};

use super::row::{Row, RowInput};
use super::slot::{Part, Slot, parse_decimal_opt, parse_decimal_req};

/// Shown for "no fund".
const NO_FUND: &str = "—";

/// The rows of `measure`, in form order: its fields as listed in [`MEASURE_FIELDS`], then its
/// indicators.
pub(super) fn rows(measure: &Measure, lang: Lang) -> Vec<Row> {
    let mut rows = Vec::new();
    for row in &MEASURE_FIELDS {
        let slot = Slot::Field(row.field);
        let input = match row.get(measure) {
            Value::Text(text) if row.kind == Kind::Text => RowInput::text(&text),
            Value::Text(text) => RowInput::line(&text),
            Value::Amount(amount) => {
                RowInput::line(&amount.map(|c| c.format_plain_de(true)).unwrap_or_default())
            }
            Value::Date(date) => RowInput::line(&date.map(format_date_de).unwrap_or_default()),
            Value::Fund(fund) => fund_choice(fund),
            Value::Status(status) => status_choice(status, lang),
            Value::List(items) => {
                if items.is_empty() {
                    rows.push(Row::new(Slot::TargetGroups, RowInput::Placeholder));
                }
                for (n, item) in items.iter().enumerate() {
                    rows.push(Row::new(Slot::TargetGroup(n), RowInput::line(item)));
                }
                continue;
            }
        };
        rows.push(Row::new(slot, input));
    }
    if measure.indicators.is_empty() {
        rows.push(Row::new(Slot::Indicators, RowInput::Placeholder));
    }
    for (n, indicator) in measure.indicators.iter().enumerate() {
        rows.extend(indicator_rows(n, Some(indicator)));
    }
    rows
}

/// The five rows of the n-th indicator; empty inputs for a new one.
pub(super) fn indicator_rows(n: usize, indicator: Option<&Indicator>) -> Vec<Row> {
    Part::ALL
        .into_iter()
        .map(|part| {
            let text = match (indicator, part) {
                (None, _) => String::new(),
                (Some(i), Part::Name) => i.name.clone(),
                (Some(i), Part::Unit) => i.unit.clone(),
                (Some(i), Part::Baseline) => format_decimal(i.baseline),
                (Some(i), Part::Target) => format_decimal(i.target),
                (Some(i), Part::Actual) => i.actual.map(format_decimal).unwrap_or_default(),
            };
            Row::new(Slot::Indicator(n, part), RowInput::line(&text))
        })
        .collect()
}

fn fund_choice(fund: Option<Fund>) -> RowInput {
    let mut options = vec![(String::new(), NO_FUND.to_string())];
    options.extend(
        Fund::ALL
            .iter()
            .map(|f| (f.name().to_string(), f.name().to_string())),
    );
    let index = fund
        .and_then(|f| Fund::ALL.iter().position(|&g| g == f))
        .map_or(0, |i| i + 1);
    RowInput::Choice { options, index }
}

fn status_choice(status: Status, lang: Lang) -> RowInput {
    let options = Status::ALL
        .iter()
        .map(|s| (s.name().to_string(), lang.status(*s).to_string()))
        .collect();
    let index = Status::ALL.iter().position(|&s| s == status).unwrap_or(0);
    RowInput::Choice { options, index }
}

/// Parses every row into a copy of `original`; parse problems and validation errors are stored on
/// their rows. `None` when any row has an error.
pub(super) fn collect(original: &Measure, rows: &mut [Row], lang: Lang) -> Option<Measure> {
    let mut measure = original.clone();
    measure.target_groups.clear();
    measure.indicators.clear();
    let mut failed = false;
    for row in rows.iter_mut() {
        let text = row.input.value();
        let mut fail = |row: &mut Row, problem: Problem| {
            row.add_error(problem.localize(lang));
            failed = true;
        };
        match row.slot {
            Slot::Field(field) => {
                let Some(spec) = MeasureField::of(field) else {
                    continue;
                };
                let value = match spec.kind {
                    // Choices: their values always parse.
                    Kind::Fund => Ok(Value::Fund(Fund::parse(&text))),
                    Kind::Status => Ok(Value::Status(
                        Status::parse(&text).unwrap_or(original.status),
                    )),
                    _ => spec.parse(&text),
                };
                match value {
                    Ok(value) => spec.set(&mut measure, value),
                    Err(problem) => {
                        // Without a readable date there is nothing to compare the other one with.
                        if spec.kind == Kind::Date {
                            spec.set(&mut measure, Value::Date(None));
                        }
                        fail(row, problem);
                    }
                }
            }
            Slot::TargetGroup(_) => measure.target_groups.push(text),
            Slot::Indicator(n, part) => {
                if measure.indicators.len() <= n {
                    measure.indicators.resize(n + 1, empty_indicator());
                }
                let indicator = &mut measure.indicators[n];
                match part {
                    Part::Name => indicator.name = text,
                    Part::Unit => indicator.unit = text,
                    Part::Baseline | Part::Target => match parse_decimal_req(&text) {
                        Ok(value) if part == Part::Baseline => indicator.baseline = value,
                        Ok(value) => indicator.target = value,
                        Err(problem) => fail(row, problem),
                    },
                    Part::Actual => match parse_decimal_opt(&text) {
                        Ok(value) => indicator.actual = value,
                        Err(problem) => fail(row, problem),
                    },
                }
            }
            Slot::Code | Slot::TargetGroups | Slot::Indicators => {}
        }
    }
    if let Err(errors) = measure.validate() {
        failed = true;
        for error in errors {
            let slot = slot_of(&error, &measure);
            if let Some(row) = super::row_of(rows, slot) {
                row.add_error(error.problem.localize(lang));
            }
        }
    }
    (!failed).then_some(measure)
}

pub(super) fn empty_indicator() -> Indicator {
    Indicator {
        name: String::new(),
        unit: String::new(),
        baseline: 0.0,
        target: 0.0,
        actual: None,
    }
}

/// The input a validation error belongs to; an indicator's text problems go to the unit when
/// the name is fine.
fn slot_of(error: &ValidationError, measure: &Measure) -> Slot {
    if let Field::Indicator(n) = error.field
        && let Some(indicator) = measure.indicators.get(n)
    {
        let name_ok = || {
            let mut found = Vec::new();
            let probe = Measure {
                indicators: vec![Indicator {
                    unit: String::new(),
                    ..indicator.clone()
                }],
                ..Measure::new("x")
            };
            if let Err(errors) = probe.validate() {
                found = errors;
            }
            !found.iter().any(|e| e.problem == error.problem)
        };
        let part = match error.problem {
            Problem::ControlCharacter | Problem::TooLong { .. } if name_ok() => Part::Unit,
            Problem::NotFinite => Part::Baseline,
            _ => Part::Name,
        };
        return Slot::Indicator(n, part);
    }
    Slot::from(error.field)
}
