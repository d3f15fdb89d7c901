//! Writes the workbook: `Maßnahmen`, `Ziele`, `Indikatoren` (and `Töpfe`, `Jahresraten`,
//! `Zahlungen`, `Beschlüsse`, `Fristen`, see `record_sheets.rs`) with typed, formatted cells.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::goals_sheet::goals_sheet;
use super::{
    GOAL_SEPARATOR, INDICATOR_COLUMNS, SHEET_INDICATORS, SHEET_MEASURES, neutralise_formula,
};
use crate::exchange::Snapshot;
use crate::exchange::columns::{MeasureColumn, MeasureColumnKind, measure_columns};
use crate::model::{Cents, Measure, Value};

/// Euro amounts: `12.500,50 €` in a German Excel.
const EURO: &str = "#,##0.00 \"€\"";
/// Dates: `01.03.2026`.
const DATE: &str = "DD.MM.YYYY";
/// Creation date written into the document properties, so the same data gives the same bytes.
const CREATED: (u16, u8, u8) = (2000, 1, 1);

/// The cell formats of the workbook.
pub(super) struct Formats {
    header: Format,
    pub(super) text: Format,
    pub(super) euro: Format,
    date: Format,
    percent: Format,
    pub(super) strong: Format,
    pub(super) strong_euro: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            text: Format::new().set_num_format("@"),
            euro: Format::new().set_num_format(EURO),
            date: Format::new().set_num_format(DATE),
            percent: Format::new().set_num_format("0%"),
            strong: Format::new().set_bold(),
            strong_euro: Format::new().set_bold().set_num_format(EURO),
        }
    }
}

/// The whole database as an XLSX workbook; the same snapshot always gives the same bytes.
/// Fails only on what Excel cannot hold (e.g. a cell over 32,767 characters).
pub fn export(snapshot: &Snapshot) -> Result<Vec<u8>, XlsxError> {
    export_stamped(snapshot, None)
}

/// Like [`export`], recording `stamp` (the time of the database's last change, RFC 3339) as
/// the hidden workbook name [`super::STAMP_NAME`], so an import can tell which changes were
/// made after the file was written. The same data and history give the same bytes.
pub fn export_stamped(snapshot: &Snapshot, stamp: Option<&str>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    if let Some(stamp) = stamp {
        workbook.define_name(super::STAMP_NAME, &format!("=\"{stamp}\""))?;
    }
    let (year, month, day) = CREATED;
    let created = ExcelDateTime::from_ymd(year, month, day)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("quartier")
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    measures_sheet(workbook.add_worksheet(), snapshot, &formats)?;
    goals_sheet(workbook.add_worksheet(), snapshot, &formats)?;
    indicators_sheet(workbook.add_worksheet(), snapshot, &formats)?;
    for table in crate::exchange::tables::RecordTable::ALL {
        super::record_sheets::record_sheet(workbook.add_worksheet(), table, snapshot, &formats)?;
    }
    workbook.save_to_buffer()
}

/// Bold header in row 1, frozen, with column widths.
pub(super) fn header_row<'a>(
    sheet: &mut Worksheet,
    columns: impl IntoIterator<Item = (&'a str, f64)>,
    formats: &Formats,
) -> Result<u16, XlsxError> {
    let mut count = 0;
    for (col, (name, width)) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, col, name, &formats.header)?;
        sheet.set_column_width(col, width)?;
        count = col + 1;
    }
    Ok(count)
}

pub(super) fn row_number(index: usize) -> Result<u32, XlsxError> {
    u32::try_from(index + 1).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Text, formula-neutralised; empty text leaves the cell empty.
pub(super) fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    if value.is_empty() {
        return Ok(());
    }
    let value = neutralise_formula(value);
    match format {
        Some(format) => sheet.write_string_with_format(row, col, value, format)?,
        None => sheet.write_string(row, col, value)?,
    };
    Ok(())
}

/// An amount as a number of euros with the euro format.
pub(super) fn amount(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Cents>,
    format: &Format,
) -> Result<(), XlsxError> {
    if let Some(Cents(cents)) = value {
        sheet.write_number_with_format(row, col, cents as f64 / 100.0, format)?;
    }
    Ok(())
}

/// A date as an Excel date; one Excel cannot show (before 1900) as ISO text, which import reads.
pub(super) fn date(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<NaiveDate>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let Some(value) = value else {
        return Ok(());
    };
    let excel = u16::try_from(value.year()).ok().and_then(|year| {
        ExcelDateTime::from_ymd(year, value.month() as u8, value.day() as u8).ok()
    });
    match excel {
        Some(excel) => sheet.write_datetime_with_format(row, col, &excel, &formats.date)?,
        None => sheet.write_string(row, col, value.format("%Y-%m-%d").to_string())?,
    };
    Ok(())
}

fn measures_sheet(
    sheet: &mut Worksheet,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_MEASURES)?;
    let columns = measure_columns().iter().map(|c| (c.header, c.width));
    let count = header_row(sheet, columns, formats)?;
    for (col, column) in (0u16..).zip(measure_columns()) {
        // Typed-in ids, codes and file numbers stay text (`1.3` is no number and no date).
        if column.as_text {
            sheet.set_column_format(col, &formats.text)?;
        }
    }
    for (index, measure) in snapshot.measures.iter().enumerate() {
        let row = row_number(index)?;
        for (col, column) in (0u16..).zip(measure_columns()) {
            measure_cell(sheet, row, col, column, measure, snapshot, formats)?;
        }
    }
    sheet.set_freeze_panes(1, 2)?;
    let last =
        u32::try_from(snapshot.measures.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last, count - 1)?;
    Ok(())
}

fn measure_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    column: &MeasureColumn,
    m: &Measure,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let format = column.as_text.then_some(&formats.text);
    match column.kind {
        MeasureColumnKind::Id => text(sheet, row, col, &m.id.to_string(), format),
        MeasureColumnKind::Field(_) => match column.field().map(|f| f.get(m)) {
            Some(Value::Text(value)) => text(sheet, row, col, &value, format),
            Some(Value::Amount(value)) => amount(sheet, row, col, value, &formats.euro),
            Some(Value::Date(value)) => date(sheet, row, col, value, formats),
            Some(Value::Fund(value)) => text(sheet, row, col, value.map_or("", |f| f.name()), None),
            Some(Value::Status(value)) => text(sheet, row, col, value.name(), None),
            // One item per line in the cell.
            Some(Value::List(items)) => text(sheet, row, col, &items.join("\n"), None),
            None => Ok(()),
        },
        MeasureColumnKind::PrimaryGoal => {
            let primary = snapshot.primary_code(m.id).unwrap_or_default();
            text(sheet, row, col, &primary, format)
        }
        MeasureColumnKind::Goals => {
            let codes = snapshot.goal_codes(m.id).join(GOAL_SEPARATOR);
            text(sheet, row, col, &codes, format)
        }
    }
}

fn indicators_sheet(
    sheet: &mut Worksheet,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_INDICATORS)?;
    let count = header_row(sheet, INDICATOR_COLUMNS, formats)?;
    sheet.set_column_format(0, &formats.text)?;
    let mut index = 0;
    for measure in &snapshot.measures {
        for indicator in &measure.indicators {
            let row = row_number(index)?;
            index += 1;
            text(sheet, row, 0, &measure.id.to_string(), Some(&formats.text))?;
            text(sheet, row, 1, &measure.title, None)?;
            text(sheet, row, 2, &indicator.name, None)?;
            text(sheet, row, 3, &indicator.unit, None)?;
            sheet.write_number(row, 4, indicator.baseline)?;
            sheet.write_number(row, 5, indicator.target)?;
            if let Some(actual) = indicator.actual {
                sheet.write_number(row, 6, actual)?;
            }
            if let Some(share) = indicator.attainment() {
                sheet.write_number_with_format(row, 7, share, &formats.percent)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = u32::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last, count - 1)?;
    Ok(())
}
