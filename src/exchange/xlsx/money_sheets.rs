//! The sheets of money over time (issue 14): `Töpfe`, `Jahresraten`, `Zahlungen`, with typed
//! cells (years as numbers, amounts in euro format, dates as dates), in store order so the same
//! data gives the same bytes. Export only: their import goes through JSON (`quartier/2`).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::write::{Formats, amount, date, header_row, row_number, text};
use crate::exchange::Snapshot;

/// Sheet names.
pub const SHEET_POTS: &str = "Töpfe";
pub const SHEET_PLANS: &str = "Jahresraten";
pub const SHEET_PAYMENTS: &str = "Zahlungen";

/// Freezes the header and filters the `rows` below it over `columns`.
fn finish(sheet: &mut Worksheet, rows: usize, columns: u16) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    let last = u32::try_from(rows).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last, columns - 1)?;
    Ok(())
}

pub(super) fn pots_sheet(
    sheet: &mut Worksheet,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_POTS)?;
    let columns = [
        ("Fonds", 16.0),
        ("Jahr", 8.0),
        ("Betrag", 16.0),
        ("Notiz", 40.0),
    ];
    let count = header_row(sheet, columns, formats)?;
    for (index, pot) in snapshot.pots.iter().enumerate() {
        let row = row_number(index)?;
        text(sheet, row, 0, pot.fund.name(), None)?;
        sheet.write_number(row, 1, f64::from(pot.year))?;
        amount(sheet, row, 2, Some(pot.amount), &formats.euro)?;
        text(sheet, row, 3, &pot.note, None)?;
    }
    finish(sheet, snapshot.pots.len(), count)
}

pub(super) fn plans_sheet(
    sheet: &mut Worksheet,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_PLANS)?;
    let columns = [("Maßnahme", 10.0), ("Jahr", 8.0), ("Betrag", 16.0)];
    let count = header_row(sheet, columns, formats)?;
    sheet.set_column_format(0, &formats.text)?;
    let mut index = 0;
    for (measure, plan) in &snapshot.plans {
        for (year, instalment) in &plan.0 {
            let row = row_number(index)?;
            index += 1;
            text(sheet, row, 0, &measure.to_string(), Some(&formats.text))?;
            sheet.write_number(row, 1, f64::from(*year))?;
            amount(sheet, row, 2, Some(*instalment), &formats.euro)?;
        }
    }
    finish(sheet, index, count)
}

pub(super) fn payments_sheet(
    sheet: &mut Worksheet,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_PAYMENTS)?;
    let columns = [
        ("ID", 8.0),
        ("Maßnahme", 10.0),
        ("Datum", 12.0),
        ("Art", 14.0),
        ("Betrag", 16.0),
        ("Aktenzeichen", 20.0),
        ("Notiz", 40.0),
    ];
    let count = header_row(sheet, columns, formats)?;
    sheet.set_column_format(0, &formats.text)?;
    sheet.set_column_format(1, &formats.text)?;
    for (index, payment) in snapshot.payments.iter().enumerate() {
        let row = row_number(index)?;
        text(sheet, row, 0, &payment.id.to_string(), Some(&formats.text))?;
        text(
            sheet,
            row,
            1,
            &payment.measure.to_string(),
            Some(&formats.text),
        )?;
        date(sheet, row, 2, Some(payment.date), formats)?;
        text(sheet, row, 3, payment.kind.name(), None)?;
        amount(sheet, row, 4, Some(payment.amount), &formats.euro)?;
        text(sheet, row, 5, &payment.reference, None)?;
        text(sheet, row, 6, &payment.note, None)?;
    }
    finish(sheet, snapshot.payments.len(), count)
}
