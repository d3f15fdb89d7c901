//! Typed validation results: the [`Field`] a problem belongs to, the [`Problem`] itself, and the
//! checks for one-line and multi-line text shared by goals and measures.

/// The field a validation problem or warning belongs to, so a form can show it next to the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Code,
    Parent,
    Title,
    Description,
    Organisation,
    Contact,
    Responsible,
    Reference,
    Fund,
    Requested,
    Approved,
    Cofunding,
    Start,
    End,
    Status,
    /// The n-th target group (0-based).
    TargetGroup(usize),
    Location,
    Notes,
    /// The n-th indicator (0-based).
    Indicator(usize),
    Goals,
    // Money over time (issue 14).
    /// A pot's or payment's amount.
    Amount,
    /// The instalment of this year in a plan.
    Instalment(i32),
    Year,
    /// A payment's date.
    Date,
    /// A payment's kind.
    Kind,
    // Decisions and deadlines (issue 15).
    /// A session's body (Gremium).
    Body,
    /// A decision's conditions.
    Conditions,
    /// A deadline's due date.
    Due,
    // The decision form of the TUI (issue 15).
    /// The session a decision is recorded in.
    Session,
    /// A decision's outcome.
    Outcome,
    /// A decision's votes (`9/1/2`).
    Votes,
}

/// What is wrong with a value.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    ControlCharacter,
    Whitespace,
    Negative,
    TooLarge,
    EndBeforeStart,
    /// A number that is not finite or beyond ±[`super::MAX_INDICATOR_VALUE`].
    NotFinite,
    InvalidAmount(String),
    InvalidDate(String),
    /// A date outside the accepted years (see [`super::MIN_YEAR`]), as written.
    DateOutOfRange(String),
    InvalidNumber(String),
    UnknownFund(String),
    UnknownStatus(String),
    // Money over time (issue 14).
    /// Not a four-digit year, as written.
    InvalidYear(String),
    /// A year given twice in one plan.
    DuplicateYear(i32),
    /// No payment kind, as written.
    UnknownKind(String),
    // Decisions and deadlines (issue 15).
    /// No outcome of a decision, as written.
    UnknownOutcome(String),
    /// No kind of deadline, as written.
    UnknownDeadlineKind(String),
    /// A status change to the status the measure has.
    StatusUnchanged(String),
}

/// A typed validation error naming its field.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

impl ValidationError {
    /// Pairs a field with its problem.
    pub fn new(field: Field, problem: Problem) -> ValidationError {
        ValidationError { field, problem }
    }
}

/// One-line text: no control characters at all, at most `max` characters.
pub(crate) fn check_one_line(
    errors: &mut Vec<ValidationError>,
    field: Field,
    value: &str,
    max: usize,
) {
    if value.chars().count() > max {
        errors.push(ValidationError::new(field, Problem::TooLong { max }));
    }
    if value.chars().any(is_forbidden_in_line) {
        errors.push(ValidationError::new(field, Problem::ControlCharacter));
    }
}

/// Longest accepted multi-line text (description, notes).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Multi-line text: line breaks and tabs are fine, other control characters are not.
pub(crate) fn check_multi_line(errors: &mut Vec<ValidationError>, field: Field, value: &str) {
    if value.chars().count() > MAX_TEXT_CHARS {
        errors.push(ValidationError::new(
            field,
            Problem::TooLong {
                max: MAX_TEXT_CHARS,
            },
        ));
    }
    if value
        .chars()
        .any(|c| c != '\n' && c != '\t' && is_forbidden_in_line(c))
    {
        errors.push(ValidationError::new(field, Problem::ControlCharacter));
    }
}

/// Control characters (C0, DEL, C1) and the bidi embedding/override/isolate controls, which
/// could reorder what a terminal shows.
pub fn is_forbidden_in_line(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

#[cfg(test)]
mod tests;
