//! What an import changes in one measure, field by field, for the dry-run report:
//! `Bewilligt: 12.000,00 € → 12.500,50 €`. Values are formatted as the TUI shows them
//! (amounts with euro sign and thousands dots, dates `01.03.2026`), sanitised and cut to one
//! short line, so a hostile value cannot flood or steer the terminal.

use crate::i18n::{Lang, Localize, Text, field_label};
use crate::model::{Cents, Field, Fund, Indicator, MEASURE_FIELDS, Measure, Value, format_date_de};

/// Longest value shown in a diff line, in terminal columns.
const MAX_VALUE_COLUMNS: usize = 60;

/// One changed field: its label and the old and new value as displayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

impl std::fmt::Display for FieldChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} → {}", self.field, self.old, self.new)
    }
}

/// A value as one short, safe line; empty values as `–`.
fn shown(value: &str) -> String {
    let clean = crate::text::sanitize_line(value.trim());
    if clean.is_empty() {
        return "–".to_string();
    }
    crate::text::truncate(&clean, MAX_VALUE_COLUMNS).into_owned()
}

/// A field value as the TUI shows it: amounts `12.500,50 €`, dates `01.03.2026`, lists joined
/// with `, `.
pub fn shown_value(value: Value) -> String {
    match value {
        Value::Text(text) => text,
        Value::Amount(amount) => amount.map(Cents::format_de).unwrap_or_default(),
        Value::Date(date) => date.map(format_date_de).unwrap_or_default(),
        Value::Fund(fund) => fund.map(Fund::name).unwrap_or_default().to_string(),
        Value::Status(status) => status.name().to_string(),
        Value::List(items) => items.join(", "),
    }
}

/// Indicators on one line: `name baseline/target/actual; …`.
pub fn indicators(list: &[Indicator]) -> String {
    let number = crate::model::format_decimal;
    list.iter()
        .map(|i| {
            let actual = i.actual.map(number).unwrap_or_else(|| "–".into());
            format!(
                "{} {}/{}/{actual}",
                i.name,
                number(i.baseline),
                number(i.target)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every field that differs between `old` and `new`, in form order; `goals` are the goal codes
/// before and after (primary first), `None` when the links stay.
pub fn measure_changes(
    old: &Measure,
    new: &Measure,
    goals: Option<(&[String], &[String])>,
    lang: Lang,
) -> Vec<FieldChange> {
    let label = |field: Field| field.localize(lang);
    let mut changes = Vec::new();
    let mut push = |field: String, a: String, b: String| {
        if a != b {
            changes.push(FieldChange {
                field,
                old: shown(&a),
                new: shown(&b),
            });
        }
    };
    for row in &MEASURE_FIELDS {
        let label = lang.t(field_label(row.field)).to_string();
        push(label, shown_value(row.get(old)), shown_value(row.get(new)));
    }
    if let Some((before, after)) = goals {
        push(label(Field::Goals), before.join(", "), after.join(", "));
    }
    if old.indicators != new.indicators {
        // Two lists that show alike (values beyond display precision) still differ.
        changes.push(FieldChange {
            field: lang.t(Text::FieldIndicators).to_string(),
            old: shown(&indicators(&old.indicators)),
            new: shown(&indicators(&new.indicators)),
        });
    }
    changes
}

/// Every field that differs between a goal's `[code, title, description]` before and after.
pub fn goal_changes(old: &[String; 3], new: &[String; 3], lang: Lang) -> Vec<FieldChange> {
    let labels = [Text::FieldCode, Text::FieldTitle, Text::FieldDescription];
    labels
        .iter()
        .zip(old.iter().zip(new))
        .filter(|(_, (a, b))| a != b)
        .map(|(label, (a, b))| FieldChange {
            field: lang.t(*label).to_string(),
            old: shown(a),
            new: shown(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn lists_each_changed_field_formatted_as_in_the_ui() {
        let mut old = Measure::new("Kiezfest");
        old.approved = Some(Cents(1_200_000));
        let mut new = old.clone();
        new.approved = Some(Cents(1_250_050));
        new.start = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
        new.status = Status::Laufend;
        new.notes = "a\x1b[2Jb".into();
        let before = ["1.3".to_string()];
        let after = ["1.3".to_string(), "Z4".to_string()];
        let lines: Vec<String> = measure_changes(&old, &new, Some((&before, &after)), Lang::De)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "Bewilligt: 12.000,00 € → 12.500,50 €",
                "Beginn: – → 01.03.2026",
                "Status: idee → laufend",
                "Notizen: – → a�[2Jb",
                "Ziele: 1.3 → 1.3, Z4",
            ]
        );
        assert!(measure_changes(&old, &old, None, Lang::De).is_empty());
    }
}
