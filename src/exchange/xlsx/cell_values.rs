//! Typed values from spreadsheet cells: numbers from numeric cells, dates from date cells, and
//! the same from text cells as a user types them (`12.500,50`, `01.03.2026`).

use std::collections::HashMap;

use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
use chrono::NaiveDate;

use super::restore_formula;
use crate::exchange::ImportProblem;
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    Cents, Fund, MeasureId, Problem, Status, parse_amount, parse_date, parse_decimal,
};

/// Largest amount in cents (the model's limit, kept here to turn floats into cents safely).
const MAX_CENTS: f64 = 1_000_000_000_000.0;

/// Why a cell cannot be read as text: it holds an error value such as `#DIV/0!`.
pub(super) struct CellError(String);

/// A cell as text: strings as written (less a formula-neutralising `'`), numbers in their
/// shortest form (`1.3`, `42`), dates as `01.03.2026`.
pub(super) fn cell_text(cell: &Data) -> Result<String, CellError> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => restore_formula(s).to_string(),
        Data::Float(f) => number_text(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map_or_else(
            || d.as_f64().to_string(),
            |d| d.format("%d.%m.%Y").to_string(),
        ),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(CellError(e.to_string())),
    })
}

fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Euros from a numeric cell as cents. Float noise from Excel arithmetic (`1234.5600000001`) is
/// rounded away; a real third decimal (`12.345`) is refused like in typed text.
pub(super) fn cents_from_euros(euros: f64) -> Result<Cents, Problem> {
    if !euros.is_finite() {
        return Err(Problem::InvalidAmount(number_text(euros)));
    }
    if euros < 0.0 {
        return Err(Problem::Negative);
    }
    let cents = euros * 100.0;
    if cents > MAX_CENTS {
        return Err(Problem::TooLarge);
    }
    let rounded = cents.round();
    if (cents - rounded).abs() > 1e-6 {
        return Err(Problem::InvalidAmount(number_text(euros)));
    }
    Ok(Cents(rounded as i64))
}

/// Reads the cells of one row by header, recording each problem as `file:line: Header: reason`.
pub(super) struct CellReader<'a> {
    pub file: &'a str,
    pub line: usize,
    pub lang: Lang,
    pub is_1904: bool,
    pub problems: &'a mut Vec<ImportProblem>,
    /// True once any cell of the row had a problem.
    pub failed: bool,
    pub cells: &'a [Data],
    pub columns: &'a HashMap<String, (usize, String)>,
}

impl CellReader<'_> {
    /// The cell under `header` (empty when the column or cell is missing), with the header as
    /// the file writes it.
    fn cell(&self, header: &str) -> (&Data, String) {
        match self.columns.get(&header.to_lowercase()) {
            Some((index, written)) => (
                self.cells.get(*index).unwrap_or(&Data::Empty),
                written.clone(),
            ),
            None => (&Data::Empty, header.to_string()),
        }
    }

    pub(super) fn problem(&mut self, header: &str, reason: String) {
        self.failed = true;
        self.problems
            .push(ImportProblem::new(self.file, self.line, header, reason));
    }

    /// Text, as written; an error cell is a problem.
    pub fn text(&mut self, header: &str) -> String {
        let (cell, written) = self.cell(header);
        match cell_text(cell) {
            Ok(text) => text,
            Err(CellError(value)) => {
                let reason = fill(self.lang.t(Text::XlsxCellError), &[("value", &value)]);
                self.problem(&written, reason);
                String::new()
            }
        }
    }

    /// Non-empty trimmed text, or `None`.
    fn trimmed(&mut self, header: &str) -> Option<String> {
        let text = self.text(header);
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    pub(super) fn typed<T>(&mut self, header: &str, value: Result<T, Problem>) -> Option<T> {
        value
            .map_err(|problem| {
                let written = self.cell(header).1;
                self.problem(&written, problem.localize(self.lang));
            })
            .ok()
    }

    /// A measure id: `M-0042`, `42` as text or as a whole number; empty is `None`.
    pub fn id(&mut self, header: &str) -> Option<MeasureId> {
        self.id_with(header, |text| MeasureId::parse(text).map(|id| id.0))
            .map(MeasureId)
    }

    /// An id as `parse` reads it from text (`Z-0003`, `3`), or a whole number; empty is `None`.
    pub(super) fn id_with(
        &mut self,
        header: &str,
        parse: impl Fn(&str) -> Option<u64>,
    ) -> Option<u64> {
        let (cell, written) = self.cell(header);
        let id = match cell {
            Data::Float(f) if f.fract() == 0.0 && *f >= 1.0 && *f < 1e15 => {
                return Some(*f as u64);
            }
            Data::Int(i) if *i > 0 => return Some(*i as u64),
            _ => self.trimmed(header)?,
        };
        let parsed = parse(&id);
        if parsed.is_none() {
            let reason = fill(self.lang.t(Text::XlsxBadId), &[("value", &id)]);
            self.problem(&written, reason);
        }
        parsed
    }

    /// An amount from a number cell (euros) or typed text; empty is `None`.
    pub fn amount(&mut self, header: &str) -> Option<Cents> {
        let value = match self.cell(header).0 {
            Data::Float(f) => cents_from_euros(*f),
            Data::Int(i) => cents_from_euros(*i as f64),
            _ => {
                let text = self.trimmed(header)?;
                parse_amount(&text)
            }
        };
        self.typed(header, value)
    }

    /// A date from a date cell, a serial number or typed text (`01.03.2026`, `2026-03-01`).
    pub fn date(&mut self, header: &str) -> Option<NaiveDate> {
        let value = match self.cell(header).0 {
            Data::DateTime(d) => excel_date(d),
            Data::Float(f) => serial_date(*f, self.is_1904),
            Data::Int(i) => serial_date(*i as f64, self.is_1904),
            Data::DateTimeIso(s) => parse_date(s.get(..10).unwrap_or(s)),
            _ => {
                let text = self.trimmed(header)?;
                parse_date(&text)
            }
        };
        self.typed(header, value)
    }

    /// A number from a number cell or typed text (`12,5`); empty is `None`.
    pub fn number(&mut self, header: &str) -> Option<f64> {
        let value = match self.cell(header).0 {
            Data::Float(f) if f.is_finite() => Ok(*f),
            Data::Int(i) => Ok(*i as f64),
            _ => {
                let text = self.trimmed(header)?;
                parse_decimal(&text)
            }
        };
        self.typed(header, value)
    }

    /// `value` of the cell under `header`; `None` from an empty cell is a problem (`nötig`).
    pub(super) fn require<T>(&mut self, header: &str, value: Option<T>) -> Option<T> {
        if value.is_none() && self.trimmed(header).is_none() {
            let written = self.cell(header).1;
            self.problem(&written, Problem::Required.localize(self.lang));
        }
        value
    }

    /// The header of `header`'s column as the file writes it.
    pub(super) fn written(&self, header: &str) -> String {
        self.cell(header).1
    }

    /// Like [`CellReader::number`], but an empty cell is a problem.
    pub fn required_number(&mut self, header: &str) -> f64 {
        let value = self.number(header);
        if value.is_none() && !self.failed {
            let written = self.cell(header).1;
            self.problem(&written, Problem::Required.localize(self.lang));
        }
        value.unwrap_or(0.0)
    }

    /// A fund name (or legacy `QF1`–`QF4`); empty is `None`.
    pub fn fund(&mut self, header: &str) -> Option<Fund> {
        let text = self.trimmed(header)?;
        self.typed(header, Fund::parse_input(&text))
    }

    /// A status (German or English name); empty is `None`.
    pub fn status(&mut self, header: &str) -> Option<Status> {
        let text = self.trimmed(header)?;
        self.typed(header, Status::parse_input(&text))
    }
}

fn excel_date(value: &ExcelDateTime) -> Result<NaiveDate, Problem> {
    value
        .as_datetime()
        .map(|d| d.date())
        .ok_or_else(|| Problem::InvalidDate(value.as_f64().to_string()))
}

/// An Excel serial day number (a date cell whose format calamine does not know as a date).
fn serial_date(value: f64, is_1904: bool) -> Result<NaiveDate, Problem> {
    if !(1.0..2_958_466.0).contains(&value) {
        return Err(Problem::InvalidDate(number_text(value)));
    }
    excel_date(&ExcelDateTime::new(
        value,
        ExcelDateTimeType::DateTime,
        is_1904,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_become_cents_without_drift() {
        assert_eq!(cents_from_euros(12500.5), Ok(Cents(1_250_050)));
        assert_eq!(cents_from_euros(0.29), Ok(Cents(29)));
        assert_eq!(cents_from_euros(1234.56 * 3.0 / 3.0), Ok(Cents(123_456)));
        assert_eq!(cents_from_euros(0.1 + 0.2), Ok(Cents(30)));
        assert_eq!(
            cents_from_euros(9_999_999_999.99),
            Ok(Cents(999_999_999_999))
        );
        for cents in [1, 7, 99, 12_345, 1_250_050, 987_654_321] {
            assert_eq!(cents_from_euros(cents as f64 / 100.0), Ok(Cents(cents)));
        }
        assert!(matches!(
            cents_from_euros(12.345),
            Err(Problem::InvalidAmount(_))
        ));
        assert_eq!(cents_from_euros(-1.0), Err(Problem::Negative));
        assert_eq!(cents_from_euros(1e300), Err(Problem::TooLarge));
        assert!(cents_from_euros(f64::NAN).is_err());
    }

    #[test]
    fn numbers_read_as_text_in_their_shortest_form() {
        assert_eq!(cell_text(&Data::Float(1.3)).ok(), Some("1.3".into()));
        assert_eq!(cell_text(&Data::Float(42.0)).ok(), Some("42".into()));
        assert_eq!(
            cell_text(&Data::String("'=1".into())).ok(),
            Some("=1".into())
        );
    }

    #[test]
    fn serial_numbers_are_dates() {
        let expected = NaiveDate::from_ymd_opt(2026, 3, 1);
        assert_eq!(serial_date(46082.0, false).ok(), expected);
        assert!(serial_date(0.0, false).is_err());
        assert!(serial_date(f64::NAN, false).is_err());
    }
}
