//! Names for the form's inputs ([`Slot`], [`Part`]), their labels, and the per-input parsing
//! shared by focus changes and submit.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localize, Text};
use crate::model::{Field, Kind, MeasureField, Problem, parse_decimal};

/// One of the five inputs of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    Name,
    Unit,
    Baseline,
    Target,
    Actual,
}

impl Part {
    /// The inputs of one indicator in form order.
    pub const ALL: [Part; 5] = [
        Part::Name,
        Part::Unit,
        Part::Baseline,
        Part::Target,
        Part::Actual,
    ];

    fn text(self) -> Text {
        match self {
            Part::Name => Text::FormIndicatorName,
            Part::Unit => Text::FormIndicatorUnit,
            Part::Baseline => Text::FormIndicatorBaseline,
            Part::Target => Text::FormIndicatorTarget,
            Part::Actual => Text::FormIndicatorActual,
        }
    }
}

/// Names one input of the form. Finer than [`Field`]: an indicator has five inputs, and an empty
/// list has a placeholder line that only accepts Ctrl-n.
/// In drafts a field's input is written as the field (`"Title"`, `{"TargetGroup":0}`), the
/// form drafts of older versions have, so they still open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "SlotJson", into = "SlotJson")]
pub enum Slot {
    Code,
    /// A one-input field: a goal's title or description, or a measure field of
    /// [`crate::model::MEASURE_FIELDS`] other than a list.
    Field(Field),
    /// The n-th target group (0-based).
    TargetGroup(usize),
    /// Placeholder while there is no target group.
    TargetGroups,
    /// One input of the n-th indicator (0-based).
    Indicator(usize, Part),
    /// Placeholder while there is no indicator.
    Indicators,
}

impl Slot {
    /// The title input (goals and measures).
    pub const TITLE: Slot = Slot::Field(Field::Title);

    /// The model field this input belongs to.
    pub fn field(self) -> Field {
        match self {
            Slot::Code => Field::Code,
            Slot::Field(field) => field,
            Slot::TargetGroup(n) => Field::TargetGroup(n),
            Slot::TargetGroups => Field::TargetGroup(0),
            Slot::Indicator(n, _) => Field::Indicator(n),
            Slot::Indicators => Field::Indicator(0),
        }
    }

    /// True for target groups and indicators, where Ctrl-n and Ctrl-d work.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Slot::TargetGroup(_) | Slot::TargetGroups | Slot::Indicator(..) | Slot::Indicators
        )
    }

    /// The label shown left of the input, e.g. `Zielgruppe 1` or `Indikator 2: Zielwert`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Slot::TargetGroups => lang.t(Text::FieldTargetGroups).to_string(),
            Slot::Indicators => lang.t(Text::FieldIndicators).to_string(),
            Slot::Indicator(n, part) => format!(
                "{}: {}",
                Field::Indicator(n).localize(lang),
                lang.t(part.text())
            ),
            slot => slot.field().localize(lang),
        }
    }

    /// The problem that keeps this slot's text from being parsed, if any (amounts, dates,
    /// numbers; other slots always parse).
    pub fn parse_problem(self, text: &str) -> Option<Problem> {
        match self {
            // A payment's date and amount (issue 14); empty is refused only on saving.
            Slot::Field(Field::Date) if !text.trim().is_empty() => {
                crate::model::parse_date(text).err()
            }
            Slot::Field(Field::Amount) if !text.trim().is_empty() => {
                crate::model::parse_amount(text).err()
            }
            Slot::Field(Field::Instalment(_)) => super::plan::parse_problem(text),
            Slot::Field(Field::Votes) => crate::model::Votes::parse_input(text).err(),
            Slot::Field(field) => MeasureField::of(field)
                .filter(|row| matches!(row.kind, Kind::Amount | Kind::Date))
                .and_then(|row| row.parse(text).err()),
            Slot::Indicator(_, Part::Baseline | Part::Target) => parse_decimal_req(text).err(),
            Slot::Indicator(_, Part::Actual) => parse_decimal_opt(text).err(),
            _ => None,
        }
    }
}

/// A slot as drafts write it: a field, or one of the inputs that are not a field of their own.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum SlotJson {
    Own(OwnSlot),
    Field(Field),
}

#[derive(Serialize, Deserialize)]
enum OwnSlot {
    TargetGroups,
    Indicator(usize, Part),
    Indicators,
}

impl From<Slot> for SlotJson {
    fn from(slot: Slot) -> SlotJson {
        match slot {
            Slot::TargetGroups => SlotJson::Own(OwnSlot::TargetGroups),
            Slot::Indicator(n, part) => SlotJson::Own(OwnSlot::Indicator(n, part)),
            Slot::Indicators => SlotJson::Own(OwnSlot::Indicators),
            slot => SlotJson::Field(slot.field()),
        }
    }
}

impl From<SlotJson> for Slot {
    fn from(json: SlotJson) -> Slot {
        match json {
            SlotJson::Own(OwnSlot::TargetGroups) => Slot::TargetGroups,
            SlotJson::Own(OwnSlot::Indicator(n, part)) => Slot::Indicator(n, part),
            SlotJson::Own(OwnSlot::Indicators) => Slot::Indicators,
            SlotJson::Field(field) => Slot::from(field),
        }
    }
}

impl From<Field> for Slot {
    /// The first input of `field`; fields without an input of their own (parent, goals) map to
    /// the title so an error about them is still shown.
    fn from(field: Field) -> Slot {
        match field {
            Field::Code => Slot::Code,
            Field::Parent | Field::Goals => Slot::TITLE,
            Field::TargetGroup(n) => Slot::TargetGroup(n),
            Field::Indicator(n) => Slot::Indicator(n, Part::Name),
            field => Slot::Field(field),
        }
    }
}

/// A number that must be given.
pub(super) fn parse_decimal_req(text: &str) -> Result<f64, Problem> {
    if text.trim().is_empty() {
        Err(Problem::Required)
    } else {
        parse_decimal(text)
    }
}

/// Empty means no number.
pub(super) fn parse_decimal_opt(text: &str) -> Result<Option<f64>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_decimal(text).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_write_slots_as_before_the_field_list() {
        let slots = [
            (Slot::Code, r#""Code""#),
            (Slot::TITLE, r#""Title""#),
            (Slot::Field(Field::Approved), r#""Approved""#),
            (Slot::TargetGroup(1), r#"{"TargetGroup":1}"#),
            (Slot::TargetGroups, r#""TargetGroups""#),
            (
                Slot::Indicator(0, Part::Unit),
                r#"{"Indicator":[0,"Unit"]}"#,
            ),
            (Slot::Indicators, r#""Indicators""#),
        ];
        for (slot, json) in slots {
            assert_eq!(serde_json::to_string(&slot).unwrap(), json);
            assert_eq!(serde_json::from_str::<Slot>(json).unwrap(), slot, "{json}");
        }
    }
}
