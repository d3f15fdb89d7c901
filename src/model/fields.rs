//! The one list of a measure's own fields ([`MEASURE_FIELDS`]): for each its [`Field`] (which
//! names it in errors and is the key of its label in the i18n tables), its key (JSON, CLI,
//! English column alias), its [`Kind`] and accessors. The form, the detail pane, CSV and XLSX columns, the JSON shape, the import diff
//! and the CLI flags all walk this list, so adding a field means: a member of [`Measure`], a
//! variant of [`Field`], one row here, its label in the i18n tables, and the codec migration.
//!
//! Links to goals and indicators are not in the list: they are records of their own.

use chrono::NaiveDate;

use super::date::parse_date;
use super::fund::{Fund, Status};
use super::measure::Measure;
use super::money::{Cents, parse_amount};
use super::validation::{Field, Problem};

/// How a field's value is typed, entered and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines of text.
    Text,
    /// Euro amount in cents, optional.
    Amount,
    /// Calendar date, optional.
    Date,
    /// One of the funds, optional.
    Fund,
    /// The measure's status.
    Status,
    /// A list of one-line texts (target groups).
    List,
}

/// A field's value, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// For [`Kind::Line`] and [`Kind::Text`].
    Text(String),
    Amount(Option<Cents>),
    Date(Option<NaiveDate>),
    Fund(Option<Fund>),
    Status(Status),
    List(Vec<String>),
}

/// One row of [`MEASURE_FIELDS`].
#[derive(Clone, Copy, Debug)]
pub struct MeasureField {
    /// Names the field in validation errors and forms.
    pub field: Field,
    /// Lower-case key: the CLI flag (`--requested`), the JSON member (amounts add `_cents`) and
    /// an accepted column header on import.
    pub key: &'static str,
    pub kind: Kind,
    get: fn(&Measure) -> Value,
    set: fn(&mut Measure, Value),
}

/// Builds a row: `row!(Field::Title, "key", Kind, member, ValueVariant)`.
macro_rules! row {
    ($field:expr, $key:literal, $kind:ident, $member:ident, $value:ident) => {
        MeasureField {
            field: $field,
            key: $key,
            kind: Kind::$kind,
            get: |m| Value::$value(m.$member.clone()),
            set: |m, value| {
                if let Value::$value(v) = value {
                    m.$member = v;
                }
            },
        }
    };
}

/// A measure's own fields, in form order.
#[rustfmt::skip]
pub const MEASURE_FIELDS: [MeasureField; 16] = [
    row!(Field::Title, "title", Line, title, Text),
    row!(Field::Description, "description", Text, description, Text),
    row!(Field::Organisation, "organisation", Line, organisation, Text),
    row!(Field::Contact, "contact", Line, contact, Text),
    row!(Field::Responsible, "responsible", Line, responsible, Text),
    row!(Field::Reference, "reference", Line, reference, Text),
    row!(Field::Fund, "fund", Fund, fund, Fund),
    row!(Field::Requested, "requested", Amount, requested, Amount),
    row!(Field::Approved, "approved", Amount, approved, Amount),
    row!(Field::Cofunding, "cofunding", Amount, cofunding, Amount),
    row!(Field::Start, "start", Date, start, Date),
    row!(Field::End, "end", Date, end, Date),
    row!(Field::Status, "status", Status, status, Status),
    row!(Field::TargetGroup(0), "target_groups", List, target_groups, List),
    row!(Field::Location, "location", Line, location, Text),
    row!(Field::Notes, "notes", Text, notes, Text),
];

impl MeasureField {
    /// The row of `field`; list items (`TargetGroup(n)`) find their list.
    pub fn of(field: Field) -> Option<&'static MeasureField> {
        MEASURE_FIELDS.iter().find(|f| f.field.same_kind(field))
    }

    /// The row with key `key`.
    pub fn by_key(key: &str) -> Option<&'static MeasureField> {
        MEASURE_FIELDS.iter().find(|f| f.key == key)
    }

    /// The value of this field in `measure`.
    pub fn get(&self, measure: &Measure) -> Value {
        (self.get)(measure)
    }

    /// Sets this field of `measure`; a value of another kind changes nothing.
    pub fn set(&self, measure: &mut Measure, value: Value) {
        (self.set)(measure, value)
    }

    /// The text of a text field (`None` for other kinds).
    pub fn text(&self, measure: &Measure) -> Option<String> {
        match self.get(measure) {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// Parses `text` as typed by a user (amounts `12.500,50`, dates `01.03.2026` or ISO, fund
    /// and status names, list items separated by `,` or line breaks); empty clears an optional
    /// value. Text fields take the text as it is.
    pub fn parse(&self, text: &str) -> Result<Value, Problem> {
        let empty = text.trim().is_empty();
        Ok(match self.kind {
            Kind::Line | Kind::Text => Value::Text(text.to_string()),
            Kind::Amount if empty => Value::Amount(None),
            Kind::Amount => Value::Amount(Some(parse_amount(text)?)),
            Kind::Date if empty => Value::Date(None),
            Kind::Date => Value::Date(Some(parse_date(text)?)),
            Kind::Fund if empty => Value::Fund(None),
            Kind::Fund => Value::Fund(Some(Fund::parse_input(text)?)),
            Kind::Status => Value::Status(Status::parse_input(text)?),
            Kind::List => Value::List(split_list(text).map(str::to_string).collect()),
        })
    }
}

impl Field {
    /// True when both name the same field; list items of one list count as the same.
    pub fn same_kind(self, other: Field) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}

/// The items of a list written in one text (`Eltern, Kinder`): split at `,` and at line breaks,
/// trimmed, empty ones left out.
pub fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_reads_and_writes_its_own_member() {
        let mut measure = Measure::new("Kiezfest");
        for (n, row) in MEASURE_FIELDS.iter().enumerate() {
            let value = match row.kind {
                Kind::Line | Kind::Text => Value::Text(format!("v{n}")),
                Kind::Amount => Value::Amount(Some(Cents(n as i64 + 1))),
                Kind::Date => Value::Date(NaiveDate::from_ymd_opt(2026, 1, n as u32 + 1)),
                Kind::Fund => Value::Fund(Some(Fund::Baufonds)),
                Kind::Status => Value::Status(Status::Laufend),
                Kind::List => Value::List(vec![format!("g{n}")]),
            };
            row.set(&mut measure, value.clone());
            assert_eq!(row.get(&measure), value, "{:?}", row.field);
        }
        // No two rows share a member: every value set above is still there.
        for (n, row) in MEASURE_FIELDS.iter().enumerate() {
            if let Value::Text(text) = row.get(&measure) {
                assert_eq!(text, format!("v{n}"));
            }
        }
        assert_eq!(measure.requested, Some(Cents(8)));
        assert_eq!(measure.cofunding, Some(Cents(10)));
    }

    #[test]
    fn keys_and_fields_are_unique() {
        for (i, a) in MEASURE_FIELDS.iter().enumerate() {
            for b in &MEASURE_FIELDS[i + 1..] {
                assert_ne!(a.key, b.key);
                assert!(!a.field.same_kind(b.field));
            }
        }
        assert_eq!(
            MeasureField::of(Field::TargetGroup(3)).map(|f| f.key),
            Some("target_groups")
        );
    }

    #[test]
    fn parse_takes_typed_text() {
        let row = |key| MeasureField::by_key(key).unwrap();
        assert_eq!(
            row("approved").parse("12.500,50"),
            Ok(Value::Amount(Some(Cents(1_250_050))))
        );
        assert_eq!(row("end").parse(" "), Ok(Value::Date(None)));
        assert_eq!(
            row("fund").parse("QF1"),
            Ok(Value::Fund(Some(Fund::Aktionsfonds)))
        );
        assert!(row("status").parse("").is_err());
        assert_eq!(
            row("target_groups").parse("Eltern,\nKinder, "),
            Ok(Value::List(vec!["Eltern".into(), "Kinder".into()]))
        );
    }
}
