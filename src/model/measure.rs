//! Measures: id, texts, fund, money, dates, status, target groups and indicators, their
//! validation, and the rules on dates every view shares (running in a year, overdue).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::date::check_date_range;
use super::fields::{Kind, Value};
use super::fund::{Fund, Status};
use super::money::{Cents, MAX_CENTS};
use super::validation::{Field, Problem, ValidationError, check_multi_line, check_one_line};

/// Database id of a measure; never reused. Shown as `M-0042`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MeasureId(pub u64);

impl std::fmt::Display for MeasureId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "M-{:04}", self.0)
    }
}

impl MeasureId {
    /// Parses `42`, `M-0042` or `m42`.
    pub fn parse(text: &str) -> Option<MeasureId> {
        let text = text.trim();
        let digits = text
            .strip_prefix("M-")
            .or_else(|| text.strip_prefix("m-"))
            .or_else(|| text.strip_prefix(['M', 'm']))
            .unwrap_or(text);
        digits.parse().ok().filter(|&n| n > 0).map(MeasureId)
    }
}

/// A measure (Maßnahme) of the office's portfolio. Its links to goals are stored beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub id: MeasureId,
    pub title: String,
    pub description: String,
    /// Träger: the organisation carrying out the measure.
    pub organisation: String,
    pub contact: String,
    /// The QM staff member in charge.
    pub responsible: String,
    /// E.g. the funding system's file number (Aktenzeichen).
    pub reference: String,
    pub fund: Option<Fund>,
    /// Beantragt.
    pub requested: Option<Cents>,
    /// Bewilligt.
    pub approved: Option<Cents>,
    /// Eigenanteil / Kofinanzierung.
    pub cofunding: Option<Cents>,
    #[serde(with = "super::date_format")]
    pub start: Option<NaiveDate>,
    #[serde(with = "super::date_format")]
    pub end: Option<NaiveDate>,
    pub status: Status,
    pub target_groups: Vec<String>,
    pub location: String,
    pub notes: String,
    pub indicators: Vec<Indicator>,
}

/// A measurable result of a measure: baseline, target and (once known) the actual value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub actual: Option<f64>,
}

/// Longest accepted measure title.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest accepted one-line field other than the title.
pub const MAX_LINE_CHARS: usize = 500;

impl Measure {
    /// An empty measure with the given title, status `idee`; the store assigns the id.
    pub fn new(title: impl Into<String>) -> Measure {
        Measure {
            id: MeasureId(0),
            title: title.into(),
            description: String::new(),
            organisation: String::new(),
            contact: String::new(),
            responsible: String::new(),
            reference: String::new(),
            fund: None,
            requested: None,
            approved: None,
            cofunding: None,
            start: None,
            end: None,
            status: Status::Idee,
            target_groups: Vec::new(),
            location: String::new(),
            notes: String::new(),
            indicators: Vec::new(),
        }
    }

    /// Checks every field; returns all problems, each naming its field.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        if self.title.trim().is_empty() {
            errors.push(ValidationError::new(Field::Title, Problem::Required));
        }
        for row in &super::MEASURE_FIELDS {
            match (row.kind, row.get(self)) {
                (Kind::Line, Value::Text(text)) => {
                    let max = if row.field == Field::Title {
                        MAX_TITLE_CHARS
                    } else {
                        MAX_LINE_CHARS
                    };
                    check_one_line(&mut errors, row.field, &text, max);
                }
                (Kind::Text, Value::Text(text)) => check_multi_line(&mut errors, row.field, &text),
                (_, Value::Amount(Some(Cents(c)))) if c < 0 => {
                    errors.push(ValidationError::new(row.field, Problem::Negative))
                }
                (_, Value::Amount(Some(Cents(c)))) if c > MAX_CENTS => {
                    errors.push(ValidationError::new(row.field, Problem::TooLarge))
                }
                (_, Value::Date(Some(date))) => {
                    if let Err(problem) = check_date_range(date) {
                        errors.push(ValidationError::new(row.field, problem));
                    }
                }
                _ => {}
            }
        }
        if let (Some(start), Some(end)) = (self.start, self.end)
            && end < start
        {
            errors.push(ValidationError::new(Field::End, Problem::EndBeforeStart));
        }
        for (index, group) in self.target_groups.iter().enumerate() {
            let field = Field::TargetGroup(index);
            if group.trim().is_empty() {
                errors.push(ValidationError::new(field, Problem::Required));
            }
            check_one_line(&mut errors, field, group, MAX_LINE_CHARS);
        }
        for (index, indicator) in self.indicators.iter().enumerate() {
            indicator.validate_into(index, &mut errors);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Whether the end date has passed (before `today`) while the status still says the
    /// measure is on (`laufend` or `bewilligt`): the office should close or extend it. The
    /// report lists these, the TUI marks them.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        overdue(self.status, self.end, today)
    }

    /// Whether the measure runs at some time in `year` (an open end counts as running; without
    /// both dates, never): the year filter of the TUI, the CLI and the report.
    pub fn runs_in(&self, year: i32) -> bool {
        runs_between(self.start, self.end, year)
    }
}

/// Largest magnitude accepted for an indicator value (baseline, target, actual): one rule for
/// the form, the CLI and every importer, because all of them validate through
/// [`Measure::validate`]. Far beyond any count an office reports, small enough that differences
/// and ratios of two values stay exact enough and finite.
pub const MAX_INDICATOR_VALUE: f64 = 1e12;

/// The year rule of [`Measure::runs_in`] on its parts (for rows that keep only the dates):
/// whether the time from `start` to `end` touches `year`; without both dates, never.
pub fn runs_between(start: Option<NaiveDate>, end: Option<NaiveDate>, year: i32) -> bool {
    if start.is_none() && end.is_none() {
        return false;
    }
    let starts_before_end = start.is_none_or(|s| s.year() <= year);
    let ends_after_start = end.is_none_or(|e| e.year() >= year);
    starts_before_end && ends_after_start
}

/// The overdue rule on its parts (for rows that keep only status and end date): the end date
/// lies before `today` while the status is `laufend` or `bewilligt`.
pub fn overdue(status: super::Status, end: Option<NaiveDate>, today: NaiveDate) -> bool {
    matches!(status, super::Status::Laufend | super::Status::Bewilligt)
        && end.is_some_and(|end| end < today)
}

/// Whether `value` is an acceptable indicator value: finite, |value| ≤ [`MAX_INDICATOR_VALUE`].
pub fn value_in_range(value: f64) -> bool {
    value.is_finite() && value.abs() <= MAX_INDICATOR_VALUE
}

/// An indicator value as people write it, without exponent: `12,5` with a decimal comma
/// (German) or `12.5`.
pub fn format_value(value: f64, decimal_comma: bool) -> String {
    // `+ 0.0` turns -0 into 0.
    let text = format!("{}", value + 0.0);
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

impl Indicator {
    fn validate_into(&self, index: usize, errors: &mut Vec<ValidationError>) {
        let field = Field::Indicator(index);
        if self.name.trim().is_empty() {
            errors.push(ValidationError::new(field, Problem::Required));
        }
        check_one_line(errors, field, &self.name, MAX_LINE_CHARS);
        check_one_line(errors, field, &self.unit, MAX_LINE_CHARS);
        let values = [Some(self.baseline), Some(self.target), self.actual];
        if values.iter().flatten().any(|v| !value_in_range(*v)) {
            errors.push(ValidationError::new(field, Problem::NotFinite));
        }
    }

    /// Share of the way from baseline to target reached by the actual value, 0.0–1.0 (capped);
    /// `None` without an actual value or when target equals baseline.
    pub fn attainment(&self) -> Option<f64> {
        let actual = self.actual?;
        let span = self.target - self.baseline;
        if span == 0.0 {
            return None;
        }
        let share = (actual - self.baseline) / span;
        // Never NaN or infinite, whatever a stored record holds (e.g. ±1e308 from an old import).
        share.is_finite().then(|| share.clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running(start: Option<(i32, u32)>, end: Option<(i32, u32)>) -> Measure {
        let day = |(y, m): (i32, u32)| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        let mut m = Measure::new("Kiezfest");
        m.start = start.map(day);
        m.end = end.map(day);
        m
    }

    #[test]
    fn a_measure_runs_in_every_year_its_dates_touch_and_an_open_end_runs_on() {
        let m = running(Some((2024, 11)), Some((2026, 2)));
        assert!(!m.runs_in(2023));
        assert!(m.runs_in(2024) && m.runs_in(2025) && m.runs_in(2026));
        assert!(!m.runs_in(2027));
        let open = running(Some((2025, 6)), None);
        assert!(!open.runs_in(2024) && open.runs_in(2025) && open.runs_in(2099));
        let until = running(None, Some((2025, 6)));
        assert!(until.runs_in(1990) && until.runs_in(2025) && !until.runs_in(2026));
        // Without any date a measure runs in no year.
        assert!(!running(None, None).runs_in(2025));
    }
}
