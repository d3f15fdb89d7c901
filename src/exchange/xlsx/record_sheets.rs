//! The sheets of the record tables (issues 14 and 15): `Töpfe`, `Jahresraten`, `Zahlungen`,
//! `Beschlüsse` and `Fristen` (columns and rows in [`crate::exchange::tables`]), with typed
//! cells — years and votes as numbers, amounts as euros in euro format, dates as dates, ids as
//! text — in store order, so the same data gives the same bytes. Import: `records.rs`.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::write::{Formats, amount, date, header_row, row_number, text};
use crate::exchange::Snapshot;
use crate::exchange::tables::{Cell, ColumnKind, RecordTable};

/// Writes `table` into `sheet`: a bold frozen header and an autofilter over the rows.
pub(super) fn record_sheet(
    sheet: &mut Worksheet,
    table: RecordTable,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(table.sheet())?;
    let columns = table.columns();
    let count = header_row(sheet, columns.iter().map(|c| (c.header, c.width)), formats)?;
    for (col, column) in (0u16..).zip(columns) {
        if column.kind == ColumnKind::Id {
            sheet.set_column_format(col, &formats.text)?;
        }
    }
    let rows = table.rows(snapshot);
    for (index, cells) in rows.iter().enumerate() {
        let row = row_number(index)?;
        for ((col, cell), column) in (0u16..).zip(cells).zip(columns) {
            let format = (column.kind == ColumnKind::Id).then_some(&formats.text);
            match cell {
                Cell::Text(value) => text(sheet, row, col, value, format)?,
                Cell::Number(n) => {
                    sheet.write_number(row, col, *n as f64)?;
                }
                Cell::Amount(value) => amount(sheet, row, col, *value, &formats.euro)?,
                Cell::Date(value) => date(sheet, row, col, *value, formats)?,
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = u32::try_from(rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last, count - 1)?;
    Ok(())
}
