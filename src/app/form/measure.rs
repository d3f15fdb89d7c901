//! Measure ⇄ form rows: which inputs a measure has, in which order, how each field is shown, and
//! how the rows are parsed and validated back into a [`Measure`].

use crate::i18n::{Lang, Localize};
use crate::model::{
    Field, Fund, Indicator, Measure, Problem, Status, ValidationError, format_date_de,
};

use super::row::{Row, Widget};
use super::slot::{
    Part, Slot, format_decimal, parse_amount_opt, parse_date_opt, parse_decimal_opt,
    parse_decimal_req,
};

/// Shown for "no fund".
const NO_FUND: &str = "—";

/// The rows of `measure`, in form order.
pub(super) fn rows(measure: &Measure, lang: Lang) -> Vec<Row> {
    let amount = |a: Option<crate::model::Cents>| {
        Widget::line(&a.map(|c| c.format_plain_de(true)).unwrap_or_default())
    };
    let date =
        |d: Option<chrono::NaiveDate>| Widget::line(&d.map(format_date_de).unwrap_or_default());
    let mut rows = vec![
        Row::new(Slot::Title, Widget::line(&measure.title)),
        Row::new(Slot::Description, Widget::text(&measure.description)),
        Row::new(Slot::Organisation, Widget::line(&measure.organisation)),
        Row::new(Slot::Contact, Widget::line(&measure.contact)),
        Row::new(Slot::Responsible, Widget::line(&measure.responsible)),
        Row::new(Slot::Reference, Widget::line(&measure.reference)),
        Row::new(Slot::Fund, fund_choice(measure.fund)),
        Row::new(Slot::Requested, amount(measure.requested)),
        Row::new(Slot::Approved, amount(measure.approved)),
        Row::new(Slot::Cofunding, amount(measure.cofunding)),
        Row::new(Slot::Start, date(measure.start)),
        Row::new(Slot::End, date(measure.end)),
        Row::new(Slot::Status, status_choice(measure.status, lang)),
    ];
    if measure.target_groups.is_empty() {
        rows.push(Row::new(Slot::TargetGroups, Widget::Placeholder));
    }
    for (n, group) in measure.target_groups.iter().enumerate() {
        rows.push(Row::new(Slot::TargetGroup(n), Widget::line(group)));
    }
    rows.push(Row::new(Slot::Location, Widget::line(&measure.location)));
    rows.push(Row::new(Slot::Notes, Widget::text(&measure.notes)));
    if measure.indicators.is_empty() {
        rows.push(Row::new(Slot::Indicators, Widget::Placeholder));
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
            Row::new(Slot::Indicator(n, part), Widget::line(&text))
        })
        .collect()
}

fn fund_choice(fund: Option<Fund>) -> Widget {
    let mut options = vec![(String::new(), NO_FUND.to_string())];
    options.extend(
        Fund::ALL
            .iter()
            .map(|f| (f.name().to_string(), f.name().to_string())),
    );
    let index = fund
        .and_then(|f| Fund::ALL.iter().position(|&g| g == f))
        .map_or(0, |i| i + 1);
    Widget::Choice { options, index }
}

fn status_choice(status: Status, lang: Lang) -> Widget {
    let options = Status::ALL
        .iter()
        .map(|s| {
            let label = match lang {
                Lang::De => s.name(),
                Lang::En => s.english(),
            };
            (s.name().to_string(), label.to_string())
        })
        .collect();
    let index = Status::ALL.iter().position(|&s| s == status).unwrap_or(0);
    Widget::Choice { options, index }
}

/// Parses every row into a copy of `original`; parse problems and validation errors are stored on
/// their rows. `None` when any row has an error.
pub(super) fn collect(original: &Measure, rows: &mut [Row], lang: Lang) -> Option<Measure> {
    let mut measure = original.clone();
    measure.target_groups.clear();
    measure.indicators.clear();
    let mut failed = false;
    for row in rows.iter_mut() {
        let text = row.widget.value();
        let mut fail = |row: &mut Row, problem: Problem| {
            row.add_error(problem.localize(lang));
            failed = true;
        };
        match row.slot {
            Slot::Title => measure.title = text,
            Slot::Description => measure.description = text,
            Slot::Organisation => measure.organisation = text,
            Slot::Contact => measure.contact = text,
            Slot::Responsible => measure.responsible = text,
            Slot::Reference => measure.reference = text,
            Slot::Location => measure.location = text,
            Slot::Notes => measure.notes = text,
            Slot::Fund => measure.fund = Fund::parse(&text),
            Slot::Status => measure.status = Status::parse(&text).unwrap_or(original.status),
            Slot::TargetGroup(_) => measure.target_groups.push(text),
            slot @ (Slot::Requested | Slot::Approved | Slot::Cofunding) => {
                match parse_amount_opt(&text) {
                    Ok(amount) => match slot {
                        Slot::Requested => measure.requested = amount,
                        Slot::Approved => measure.approved = amount,
                        _ => measure.cofunding = amount,
                    },
                    Err(problem) => fail(row, problem),
                }
            }
            slot @ (Slot::Start | Slot::End) => match parse_date_opt(&text) {
                Ok(date) if slot == Slot::Start => measure.start = date,
                Ok(date) => measure.end = date,
                Err(problem) => {
                    // Without a readable date there is nothing to compare the other one with.
                    if slot == Slot::Start {
                        measure.start = None;
                    } else {
                        measure.end = None;
                    }
                    fail(row, problem);
                }
            },
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
