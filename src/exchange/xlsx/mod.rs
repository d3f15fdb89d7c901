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

mod cell_values;
mod goals_sheet;
mod read;
mod record_sheets;
mod records;
mod sheets;
mod table;
mod write;

use super::columns::{INDICATOR_HEADERS, MeasureColumnKind, measure_column};

pub use read::parse;
pub(crate) use records::{RecordRows, read as read_records};
pub use write::{export, export_stamped};

/// Workbook name holding the time of the database's last change when the file was written.
pub const STAMP_NAME: &str = "quartier_stand";

/// Sheet with one row per measure.
pub const SHEET_MEASURES: &str = "Maßnahmen";
/// Sheet with the goal tree and its figures (export only).
pub const SHEET_GOALS: &str = "Ziele";
/// Sheet with one row per indicator.
pub const SHEET_INDICATORS: &str = "Indikatoren";

/// The header of a `Maßnahmen` column.
fn header(column: MeasureColumnKind) -> &'static str {
    measure_column(column).header
}

/// Headers of the `Indikatoren` sheet, in file order (the CSV export's, plus attainment).
const INDICATOR_ID: &str = INDICATOR_HEADERS[0];
const INDICATOR_MEASURE: &str = INDICATOR_HEADERS[1];
const INDICATOR_NAME: &str = INDICATOR_HEADERS[2];
const INDICATOR_UNIT: &str = INDICATOR_HEADERS[3];
const INDICATOR_BASELINE: &str = INDICATOR_HEADERS[4];
const INDICATOR_TARGET: &str = INDICATOR_HEADERS[5];
const INDICATOR_ACTUAL: &str = INDICATOR_HEADERS[6];
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
pub(crate) use super::formula_guard::{neutralise_formula, restore_formula};

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
}
