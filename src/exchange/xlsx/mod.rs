//! XLSX exchange: a workbook with typed cells for Excel and LibreOffice.
//!
//! Export ([`export`]) writes three sheets: `Maßnahmen` (the CSV columns, amounts as numbers in
//! euros with a euro format, dates as real dates, ids and goal codes as text), `Ziele` (the goal
//! tree with figures over primary links) and `Indikatoren` (one row per indicator). The file is
//! byte-for-byte the same for the same data.
//!
//! Import ([`parse`]) reads `Maßnahmen` and `Indikatoren` by header name; `Ziele` is only a report
//! and is ignored. Like every importer it only parses: [`super::plan`] checks the result against
//! the database.

mod cells;
mod read;
mod write;

pub use read::parse;
pub use write::export;

/// Sheet with one row per measure.
pub const SHEET_MEASURES: &str = "Maßnahmen";
/// Sheet with the goal tree and its figures (export only).
pub const SHEET_GOALS: &str = "Ziele";
/// Sheet with one row per indicator.
pub const SHEET_INDICATORS: &str = "Indikatoren";

/// A column of the `Maßnahmen` sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
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
    TargetGroups,
    Location,
    PrimaryGoal,
    Goals,
    Notes,
}

/// The `Maßnahmen` columns in file order (the same as the CSV export) with their widths.
const MEASURE_COLUMNS: [(Column, &str, f64); 19] = [
    (Column::Id, "ID", 9.0),
    (Column::Title, "Titel", 40.0),
    (Column::Description, "Beschreibung", 40.0),
    (Column::Organisation, "Träger", 28.0),
    (Column::Contact, "Kontakt", 24.0),
    (Column::Responsible, "Verantwortlich", 18.0),
    (Column::Reference, "Aktenzeichen", 16.0),
    (Column::Fund, "Fonds", 14.0),
    (Column::Requested, "Beantragt", 14.0),
    (Column::Approved, "Bewilligt", 14.0),
    (Column::Cofunding, "Kofinanzierung", 15.0),
    (Column::Start, "Beginn", 11.0),
    (Column::End, "Ende", 11.0),
    (Column::Status, "Status", 13.0),
    (Column::TargetGroups, "Zielgruppen", 24.0),
    (Column::Location, "Ort", 18.0),
    (Column::PrimaryGoal, "Hauptziel", 10.0),
    (Column::Goals, "Ziele", 14.0),
    (Column::Notes, "Notizen", 40.0),
];

/// The header of a `Maßnahmen` column.
fn header(column: Column) -> &'static str {
    MEASURE_COLUMNS
        .iter()
        .find(|(c, _, _)| *c == column)
        .map_or("", |(_, name, _)| name)
}

/// Headers of the `Indikatoren` sheet, in file order.
const INDICATOR_ID: &str = "ID";
const INDICATOR_MEASURE: &str = "Maßnahme";
const INDICATOR_NAME: &str = "Indikator";
const INDICATOR_UNIT: &str = "Einheit";
const INDICATOR_BASELINE: &str = "Ausgangswert";
const INDICATOR_TARGET: &str = "Zielwert";
const INDICATOR_ACTUAL: &str = "Istwert";
const INDICATOR_ATTAINMENT: &str = "Zielerreichung";
const INDICATOR_COLUMNS: [(&str, f64); 8] = [
    (INDICATOR_ID, 9.0),
    (INDICATOR_MEASURE, 40.0),
    (INDICATOR_NAME, 24.0),
    (INDICATOR_UNIT, 12.0),
    (INDICATOR_BASELINE, 13.0),
    (INDICATOR_TARGET, 11.0),
    (INDICATOR_ACTUAL, 11.0),
    (INDICATOR_ATTAINMENT, 15.0),
];

/// Separator of goal codes in the `Ziele` column (import also accepts `;`, spaces and line
/// breaks). Target groups are one per line in their cell.
const GOAL_SEPARATOR: &str = ", ";

/// Formula neutralisation, shared with the CSV exchange.
pub(crate) use super::cells::{neutralise_formula, restore_formula};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored_exactly() {
        for (value, cell) in [
            ("=SUMME(A1)", "'=SUMME(A1)"),
            ("+49 30 123", "'+49 30 123"),
            ("-5", "-5"),
            ("@user", "'@user"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("'abc", "'abc"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralise_formula(value), cell, "{value:?}");
            assert_eq!(restore_formula(cell), value, "{cell:?}");
        }
        // A user's own leading apostrophe before a formula character is taken off as well.
        assert_eq!(restore_formula("'=1+2"), "=1+2");
    }

    #[test]
    fn every_column_has_a_header() {
        assert_eq!(header(Column::PrimaryGoal), "Hauptziel");
        let names: Vec<&str> = MEASURE_COLUMNS.iter().map(|(_, n, _)| *n).collect();
        assert_eq!(
            names.join(";"),
            "ID;Titel;Beschreibung;Träger;Kontakt;Verantwortlich;Aktenzeichen;Fonds;Beantragt;\
             Bewilligt;Kofinanzierung;Beginn;Ende;Status;Zielgruppen;Ort;Hauptziel;Ziele;Notizen"
        );
    }
}
