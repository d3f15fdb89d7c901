//! Decisions and deadlines (issue 15): the sessions of the bodies (Gremien) that decide on
//! measures, their decisions, each step of a measure's status with date and actor, and the
//! deadlines (Fristen) an office must keep.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::check_date_range;
use super::fund::Status;
use super::measure::{MAX_LINE_CHARS, MeasureId};
use super::money::{Cents, MAX_CENTS};
use super::validation::{Field, Problem, ValidationError, check_multi_line, check_one_line};

/// Declares an id type shown as `<prefix>-0001` and parsed from `1`, `P-0001` or `p1`.
macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!($prefix, "-{:04}"), self.0)
            }
        }

        impl $name {
            /// Parses `3`, the shown form (`X-0003`) or the letter and digits (`x3`).
            pub fn parse(text: &str) -> Option<$name> {
                let text = text.trim();
                let upper = text.to_uppercase();
                let digits = (upper.strip_prefix(concat!($prefix, "-")))
                    .or_else(|| upper.strip_prefix($prefix))
                    .unwrap_or(&upper);
                digits.parse().ok().filter(|&n| n > 0).map($name)
            }
        }
    };
}

record_id!(
    /// Database id of a session; never reused. Shown as `S-0001` (Sitzung).
    SessionId,
    "S"
);
record_id!(
    /// Database id of a decision; never reused. Shown as `B-0001` (Beschluss).
    DecisionId,
    "B"
);
record_id!(
    /// Database id of a deadline; never reused. Shown as `F-0001` (Frist).
    DeadlineId,
    "F"
);
record_id!(
    /// Database id of a status step; never reused.
    StepId,
    "V"
);

/// A body that decides (Gremium): the four every office has, or one of its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Body {
    Quartiersrat,
    AktionsfondsJury,
    Steuerungsrunde,
    Bezirksamt,
    /// A name the office uses (one line, not empty).
    Other(String),
}

impl Body {
    /// The built-in bodies.
    pub const BUILT_IN: [Body; 4] = [
        Body::Quartiersrat,
        Body::AktionsfondsJury,
        Body::Steuerungsrunde,
        Body::Bezirksamt,
    ];

    /// The name shown and written (`Aktionsfonds-Jury`).
    pub fn name(&self) -> &str {
        match self {
            Body::Quartiersrat => "Quartiersrat",
            Body::AktionsfondsJury => "Aktionsfonds-Jury",
            Body::Steuerungsrunde => "Steuerungsrunde",
            Body::Bezirksamt => "Bezirksamt",
            Body::Other(name) => name,
        }
    }

    /// A built-in body by its name in any case (`jury` for the Aktionsfonds-Jury), else the
    /// office's own body of that name (trimmed).
    pub fn parse(text: &str) -> Body {
        let text = text.trim();
        let lower = text.to_lowercase();
        if lower == "jury" || lower == "aktionsfondsjury" {
            return Body::AktionsfondsJury;
        }
        (Body::BUILT_IN.into_iter())
            .find(|b| b.name().to_lowercase() == lower)
            .unwrap_or_else(|| Body::Other(text.to_string()))
    }
}

/// A meeting of a body on a date (the note may say where the minutes are).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub body: Body,
    pub date: NaiveDate,
    pub note: String,
}

impl Session {
    /// Date in range, the body's own name one line and not empty, a one-line note.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        check_date(&mut errors, Field::Date, self.date);
        if let Body::Other(name) = &self.body {
            if name.trim().is_empty() {
                errors.push(ValidationError::new(Field::Body, Problem::Required));
            }
            check_one_line(&mut errors, Field::Body, name, MAX_LINE_CHARS);
        }
        check_one_line(&mut errors, Field::Notes, &self.note, MAX_LINE_CHARS);
        done(errors)
    }
}

/// What a body decided on a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Outcome {
    Zustimmung,
    ZustimmungMitAuflagen,
    Ablehnung,
    Vertagung,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Zustimmung,
        Outcome::ZustimmungMitAuflagen,
        Outcome::Ablehnung,
        Outcome::Vertagung,
    ];

    /// The canonical (German) name, used in input, JSON and tables.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Zustimmung => "Zustimmung",
            Outcome::ZustimmungMitAuflagen => "Zustimmung mit Auflagen",
            Outcome::Ablehnung => "Ablehnung",
            Outcome::Vertagung => "Vertagung",
        }
    }

    /// Parses the name in any case, with `-` or `_` for the spaces (`zustimmung-mit-auflagen`).
    pub fn parse_input(text: &str) -> Result<Outcome, Problem> {
        let lower = text.trim().to_lowercase().replace(['-', '_'], " ");
        (Outcome::ALL.into_iter())
            .find(|o| o.name().to_lowercase() == lower)
            .ok_or_else(|| Problem::UnknownOutcome(text.trim().to_string()))
    }

    /// Whether the body agreed (with or without conditions).
    pub fn agrees(self) -> bool {
        matches!(self, Outcome::Zustimmung | Outcome::ZustimmungMitAuflagen)
    }
}

/// The votes of a decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Votes {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Votes {
    /// The votes when any of the three was given (a missing one counts 0); `None` otherwise.
    pub fn from_parts(yes: Option<u32>, no: Option<u32>, abstain: Option<u32>) -> Option<Votes> {
        (yes.is_some() || no.is_some() || abstain.is_some()).then(|| Votes {
            yes: yes.unwrap_or(0),
            no: no.unwrap_or(0),
            abstain: abstain.unwrap_or(0),
        })
    }

    /// Parses `9/1/2` (yes/no/abstain; spaces allowed around the numbers); empty: no votes.
    pub fn parse_input(text: &str) -> Result<Option<Votes>, Problem> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let bad = || Problem::InvalidNumber(text.trim().to_string());
        let numbers: Vec<u32> = (text.split('/'))
            .map(|part| part.trim().parse::<u32>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        match numbers[..] {
            [yes, no, abstain] => Ok(Some(Votes { yes, no, abstain })),
            _ => Err(bad()),
        }
    }
}

/// A body's decision on a measure in a session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: DecisionId,
    pub session: SessionId,
    pub measure: MeasureId,
    pub outcome: Outcome,
    pub votes: Option<Votes>,
    /// The amount the body agreed to.
    pub amount: Option<Cents>,
    /// The conditions (Auflagen) or other text of the minutes.
    pub conditions: String,
}

impl Decision {
    /// Amount 0 … the largest amount; conditions as multi-line text.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        if let Some(amount) = self.amount {
            if amount.0 < 0 {
                errors.push(ValidationError::new(Field::Amount, Problem::Negative));
            } else if amount.0 > MAX_CENTS {
                errors.push(ValidationError::new(Field::Amount, Problem::TooLarge));
            }
        }
        check_multi_line(&mut errors, Field::Conditions, &self.conditions);
        done(errors)
    }

    /// The status an agreeing decision proposes for a measure that stands at `current`:
    /// `bewilligt` before the Bewilligung, `abgelehnt` after an Ablehnung; nothing once the
    /// measure is past that point, or after a Vertagung. The user confirms it.
    pub fn proposed_status(&self, current: Status) -> Option<Status> {
        let target = match self.outcome {
            Outcome::Zustimmung | Outcome::ZustimmungMitAuflagen => Status::Bewilligt,
            Outcome::Ablehnung => Status::Abgelehnt,
            Outcome::Vertagung => return None,
        };
        (current < Status::Bewilligt && current != target).then_some(target)
    }

    /// The amount an agreeing decision proposes as the measure's approved amount (`approved`
    /// now): its own amount, when it has one and it differs. The user confirms it.
    pub fn proposed_amount(&self, approved: Option<Cents>) -> Option<Cents> {
        self.amount
            .filter(|a| self.outcome.agrees() && Some(*a) != approved)
    }
}

/// One change of a measure's status: from, to, the day it counts from (e.g. the date of the
/// letter), who recorded it (the acting user as the store knows it) and a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: StepId,
    pub measure: MeasureId,
    pub from: Status,
    pub to: Status,
    pub date: NaiveDate,
    pub who: String,
    pub note: String,
}

impl Step {
    /// Date in range, a one-line note.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        check_date(&mut errors, Field::Date, self.date);
        check_one_line(&mut errors, Field::Notes, &self.note, MAX_LINE_CHARS);
        done(errors)
    }
}

/// What a deadline is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeadlineKind {
    Sachbericht,
    Zwischennachweis,
    Verwendungsnachweis,
    Antragsfrist,
    Sitzung,
    Sonstige,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 6] = [
        DeadlineKind::Sachbericht,
        DeadlineKind::Zwischennachweis,
        DeadlineKind::Verwendungsnachweis,
        DeadlineKind::Antragsfrist,
        DeadlineKind::Sitzung,
        DeadlineKind::Sonstige,
    ];

    /// The canonical (German) name, used in input, JSON and tables.
    pub fn name(self) -> &'static str {
        match self {
            DeadlineKind::Sachbericht => "Sachbericht",
            DeadlineKind::Zwischennachweis => "Zwischennachweis",
            DeadlineKind::Verwendungsnachweis => "Verwendungsnachweis",
            DeadlineKind::Antragsfrist => "Antragsfrist",
            DeadlineKind::Sitzung => "Sitzung",
            DeadlineKind::Sonstige => "sonstige",
        }
    }

    /// Parses the name in any case.
    pub fn parse_input(text: &str) -> Result<DeadlineKind, Problem> {
        let lower = text.trim().to_lowercase();
        (DeadlineKind::ALL.into_iter())
            .find(|k| k.name().to_lowercase() == lower)
            .ok_or_else(|| Problem::UnknownDeadlineKind(text.trim().to_string()))
    }
}

/// A date something is due by (Frist), of a measure or of the office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub id: DeadlineId,
    pub kind: DeadlineKind,
    pub due: NaiveDate,
    pub measure: Option<MeasureId>,
    pub note: String,
    /// The day it was done; `None`: still open.
    pub done: Option<NaiveDate>,
}

impl Deadline {
    /// Dates in range, a one-line note.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        check_date(&mut errors, Field::Due, self.due);
        if let Some(done) = self.done {
            check_date(&mut errors, Field::Date, done);
        }
        check_one_line(&mut errors, Field::Notes, &self.note, MAX_LINE_CHARS);
        done(errors)
    }

    /// Open and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.due < today
    }
}

/// How many months after a measure's end its Verwendungsnachweis is usually due.
pub const PROOF_MONTHS: u32 = 6;

/// The Verwendungsnachweis deadline proposed for a measure that ends on `end`: due `months`
/// later ([`PROOF_MONTHS`] unless the office's config says otherwise; the last day of the
/// month when the day does not exist).
pub fn proposed_proof_due(end: NaiveDate, months: u32) -> Option<NaiveDate> {
    end.checked_add_months(chrono::Months::new(months))
}

fn check_date(errors: &mut Vec<ValidationError>, field: Field, date: NaiveDate) {
    if let Err(problem) = check_date_range(date) {
        errors.push(ValidationError::new(field, problem));
    }
}

fn done(errors: Vec<ValidationError>) -> Result<(), Vec<ValidationError>> {
    match errors.is_empty() {
        true => Ok(()),
        false => Err(errors),
    }
}

#[cfg(test)]
mod tests;
