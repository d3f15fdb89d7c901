//! Opening a workbook safely and finding its sheets: the limits that keep a hostile file from
//! exhausting memory, the sheets `Maßnahmen` and `Indikatoren` (or one sheet standing in for
//! them) and the workbook's stamp.

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::table::Table;
use super::{INDICATOR_NAME, SHEET_INDICATORS, SHEET_MEASURES, header};
use crate::exchange::ImportProblem;
use crate::exchange::columns::MeasureColumnKind;
use crate::i18n::{Lang, Text, fill};
use crate::model::{Field, same_code};

/// Largest declared uncompressed size of one part of the workbook (a sheet, the shared
/// strings): a 2 MB zip can unpack to gigabytes.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// Largest declared uncompressed size of all parts together.
pub const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;
/// Data rows read per sheet (a QM office has hundreds; the benchmark 100 000).
pub const MAX_ROWS: u32 = 200_000;
/// Columns read per sheet (ours have 19 and 8).
pub const MAX_COLUMNS: u32 = 64;
/// Longest cell text, Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;

/// When the workbook's content was current: its defined name `quartier_stand`.
pub(super) fn stamp(workbook: &Xlsx<Cursor<&[u8]>>) -> Option<i64> {
    workbook
        .defined_names()
        .iter()
        .find(|(name, _)| name == super::STAMP_NAME)
        .and_then(|(_, value)| {
            crate::exchange::parse_stamp(value.trim_start_matches('=').trim_matches('"'))
        })
}

/// The sheets an import reads, and a note when a single sheet stood in for them.
pub(super) struct Sheets {
    pub(super) measures: Option<Table>,
    pub(super) indicators: Option<Table>,
    pub(super) notes: Vec<ImportProblem>,
}

/// Reads `Maßnahmen` and `Indikatoren`; without either, the one sheet of the workbook if its
/// headers are ours.
pub(super) fn read_sheets(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    file: &str,
    lang: Lang,
) -> Result<Sheets, Vec<ImportProblem>> {
    let names = workbook.sheet_names();
    let find = |wanted: &str| names.iter().find(|n| same_code(n, wanted)).cloned();
    let (measures_name, indicators_name) = (find(SHEET_MEASURES), find(SHEET_INDICATORS));
    if measures_name.is_none() && indicators_name.is_none() {
        return single_sheet(workbook, &names, file, lang);
    }
    let mut read = |name: Option<String>| -> Result<Option<Table>, Vec<ImportProblem>> {
        name.map(|name| Table::read(workbook, &name, file, lang))
            .transpose()
    };
    Ok(Sheets {
        measures: read(measures_name)?,
        indicators: read(indicators_name)?,
        notes: Vec::new(),
    })
}

/// LibreOffice names the one sheet of a CSV-born workbook after the file: a single sheet whose
/// headers are ours is read as measures or indicators, with a note saying so.
fn single_sheet(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    names: &[String],
    file: &str,
    lang: Lang,
) -> Result<Sheets, Vec<ImportProblem>> {
    let no_sheets = || vec![ImportProblem::whole_file(file, lang.t(Text::XlsxNoSheets))];
    let [name] = names else {
        return Err(no_sheets());
    };
    let table = Table::read(workbook, name, file, lang)?;
    let is_indicators = table.column(INDICATOR_NAME).is_some();
    let title = header(MeasureColumnKind::Field(Field::Title));
    if !is_indicators && table.column(title).is_none() {
        return Err(no_sheets());
    }
    let kind = if is_indicators {
        SHEET_INDICATORS
    } else {
        SHEET_MEASURES
    };
    let note = fill(
        lang.t(Text::XlsxSingleSheet),
        &[("sheet", name), ("kind", &kind)],
    );
    let (measures, indicators) = if is_indicators {
        (None, Some(table))
    } else {
        (Some(table), None)
    };
    Ok(Sheets {
        measures,
        indicators,
        notes: vec![ImportProblem::whole_file(file, note)],
    })
}

/// Refuses a workbook whose parts declare more than [`MAX_PART_BYTES`] each or
/// [`MAX_UNPACKED_BYTES`] together, before calamine reads it. A part that declares less than
/// it holds is refused by the zip reader itself while unpacking ("File is larger than its
/// declared uncompressed size"), so the declared sizes bound what is unpacked. A file that is
/// no zip at all is left to calamine, which says so.
pub(super) fn check_unpacked_sizes(bytes: &[u8], lang: Lang) -> Result<(), String> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let too_large = |name: &str, size: u64| {
        fill(
            lang.t(Text::XlsxTooLargeUnpacked),
            &[
                ("part", &crate::text::truncate(name, 60)),
                ("size", &(size / 1024 / 1024)),
                ("max", &(MAX_PART_BYTES / 1024 / 1024)),
                ("total", &(MAX_UNPACKED_BYTES / 1024 / 1024)),
            ],
        )
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else {
            continue;
        };
        let size = part.size();
        total = total.saturating_add(size);
        if size > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES {
            let name = part.name().map(|n| n.to_string()).unwrap_or_default();
            return Err(too_large(&name, size));
        }
    }
    Ok(())
}
