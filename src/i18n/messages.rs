//! Sentences for typed errors and warnings, in the user's language.

use super::{Lang, Text, fill};
use crate::model::{Field, FundWarning, Problem, ValidationError};

/// Something that can say itself in the user's language.
pub trait Localize {
    /// The sentence in `lang`.
    fn localize(&self, lang: Lang) -> String;
}

/// The label of a field (of a list field: the whole list, `Zielgruppen`). The German label of a
/// measure field is also its column header in CSV and XLSX files.
pub fn field_label(field: Field) -> Text {
    match field {
        Field::Code => Text::FieldCode,
        Field::Parent => Text::FieldParent,
        Field::Title => Text::FieldTitle,
        Field::Description => Text::FieldDescription,
        Field::Organisation => Text::FieldOrganisation,
        Field::Contact => Text::FieldContact,
        Field::Responsible => Text::FieldResponsible,
        Field::Reference => Text::FieldReference,
        Field::Fund => Text::FieldFund,
        Field::Requested => Text::FieldRequested,
        Field::Approved => Text::FieldApproved,
        Field::Cofunding => Text::FieldCofunding,
        Field::Start => Text::FieldStart,
        Field::End => Text::FieldEnd,
        Field::Status => Text::FieldStatus,
        Field::TargetGroup(_) => Text::FieldTargetGroups,
        Field::Location => Text::FieldLocation,
        Field::Notes => Text::FieldNotes,
        Field::Indicator(_) => Text::FieldIndicators,
        Field::Goals => Text::FieldGoals,
        Field::Amount => Text::FieldAmount,
        Field::Instalment(_) => Text::FieldInstalment,
        Field::Year => Text::FieldYear,
        Field::Date => Text::FieldDate,
        Field::Kind => Text::FieldKind,
        Field::Body => Text::FieldBody,
        Field::Conditions => Text::FieldConditions,
        Field::Due => Text::FieldDue,
        Field::Session => Text::ColSession,
        Field::Outcome => Text::ColOutcome,
        Field::Votes => Text::ColVotes,
    }
}

impl Localize for Field {
    fn localize(&self, lang: Lang) -> String {
        let text = match self {
            Field::TargetGroup(n) => {
                return fill(lang.t(Text::FieldTargetGroup), &[("n", &(n + 1))]);
            }
            Field::Indicator(n) => return fill(lang.t(Text::FieldIndicator), &[("n", &(n + 1))]),
            Field::Instalment(year) => {
                return fill(lang.t(Text::FieldInstalment), &[("year", year)]);
            }
            field => field_label(*field),
        };
        lang.t(text).to_string()
    }
}

impl Localize for Problem {
    fn localize(&self, lang: Lang) -> String {
        let with_value = |text: Text, value: &str| fill(lang.t(text), &[("value", &value)]);
        match self {
            Problem::Required => lang.t(Text::ProblemRequired).into(),
            Problem::TooLong { max } => fill(lang.t(Text::ProblemTooLong), &[("max", max)]),
            Problem::ControlCharacter => lang.t(Text::ProblemControlCharacter).into(),
            Problem::Whitespace => lang.t(Text::ProblemWhitespace).into(),
            Problem::Negative => lang.t(Text::ProblemNegative).into(),
            Problem::TooLarge => lang.t(Text::ProblemTooLarge).into(),
            Problem::EndBeforeStart => lang.t(Text::ProblemEndBeforeStart).into(),
            Problem::NotFinite => lang.t(Text::ProblemNotFinite).into(),
            Problem::InvalidAmount(v) => with_value(Text::ProblemInvalidAmount, v),
            Problem::InvalidDate(v) => with_value(Text::ProblemInvalidDate, v),
            Problem::DateOutOfRange(v) => with_value(Text::ProblemDateOutOfRange, v),
            Problem::InvalidNumber(v) => with_value(Text::ProblemInvalidNumber, v),
            Problem::UnknownFund(v) => with_value(Text::ProblemUnknownFund, v),
            Problem::UnknownStatus(v) => with_value(Text::ProblemUnknownStatus, v),
            Problem::InvalidYear(v) => with_value(Text::ProblemInvalidYear, v),
            Problem::DuplicateYear(year) => {
                fill(lang.t(Text::ProblemDuplicateYear), &[("year", year)])
            }
            Problem::UnknownKind(v) => with_value(Text::ProblemUnknownKind, v),
            Problem::UnknownOutcome(v) => with_value(Text::ProblemUnknownOutcome, v),
            Problem::UnknownDeadlineKind(v) => with_value(Text::ProblemUnknownDeadlineKind, v),
            Problem::StatusUnchanged(v) => with_value(Text::ProblemStatusUnchanged, v),
        }
    }
}

impl Localize for ValidationError {
    fn localize(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            self.field.localize(lang),
            self.problem.localize(lang)
        )
    }
}

/// A step that leaves the usual course (issue 15): `abgeschlossen ohne Bewilligung (üblicher
/// Verlauf: idee → … → abgeschlossen)`.
impl Localize for crate::model::CourseWarning {
    fn localize(&self, lang: Lang) -> String {
        let way: Vec<&str> = self.skipped.iter().map(|s| lang.status(*s)).collect();
        let text = match (self.skipped.is_empty(), self.skips_approval()) {
            (true, _) => Text::WarnCourseBack,
            (false, true) => Text::WarnCourseWithoutApproval,
            (false, false) => Text::WarnCourseSkipped,
        };
        fill(
            lang.t(text),
            &[
                ("from", &lang.status(self.from)),
                ("to", &lang.status(self.to)),
                ("way", &way.join(" → ")),
            ],
        )
    }
}

impl Localize for FundWarning {
    fn localize(&self, lang: Lang) -> String {
        lang.t(match self {
            FundWarning::AktionsfondsAbove1500 => Text::WarnAktionsfondsAbove1500,
            FundWarning::ProjektfondsBelow5000 => Text::WarnProjektfondsBelow5000,
            FundWarning::ProjektfondsLongerThan4Years => Text::WarnProjektfondsLongerThan4Years,
            FundWarning::ProjektfondsCofundingBelow10Percent => Text::WarnProjektfondsCofunding,
            FundWarning::BaufondsBelow50000 => Text::WarnBaufondsBelow50000,
            FundWarning::NetzwerkfondsBelow50000 => Text::WarnNetzwerkfondsBelow50000,
            FundWarning::ApprovedAboveRequested => Text::WarnApprovedAboveRequested,
        })
        .to_string()
    }
}
