use chrono::NaiveDate;
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

    /// Duration-independent check used by reports: does the measure run on `day`?
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= day) && self.end.is_none_or(|e| day <= e)
    }
}

/// Largest magnitude accepted for an indicator value (baseline, target, actual): one rule for
/// the form, the CLI and every importer, because all of them validate through
/// [`Measure::validate`]. Far beyond any count an office reports, small enough that differences
/// and ratios of two values stay exact enough and finite.
pub const MAX_INDICATOR_VALUE: f64 = 1e12;

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
