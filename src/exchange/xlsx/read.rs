//! Reads `Maßnahmen` and `Indikatoren` from a workbook into an [`Incoming`] document.
//!
//! Columns are found by their header in the sheet's first row, in any order; unknown columns are
//! ignored. Every cell problem becomes `file[Sheet]:row: Header: reason` and the row is skipped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::cell_values::CellReader;
use super::table::Table;
use super::{
    INDICATOR_ACTUAL, INDICATOR_BASELINE, INDICATOR_ID, INDICATOR_MEASURE, INDICATOR_NAME,
    INDICATOR_TARGET, INDICATOR_UNIT, SHEET_INDICATORS, SHEET_MEASURES, header,
};
use crate::exchange::columns::{MeasureColumnKind, measure_columns, measure_headers};
use crate::exchange::{ImportProblem, Incoming, IncomingMeasure, IndicatorUpdate};
use crate::i18n::{Lang, Text, fill};
use crate::model::{
    Field, Indicator, Kind, MEASURE_FIELDS, Measure, MeasureId, Status, Value, same_code,
};

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

/// Parses an XLSX workbook. A file that is no workbook, is too large unpacked, or has neither
/// a `Maßnahmen` nor an `Indikatoren` sheet (nor one single sheet with our headers) is one
/// problem (`Err`); problems of single cells go into `Incoming::problems` and parsing goes on
/// with the next row.
pub fn parse(bytes: &[u8], file: &str, lang: Lang) -> Result<Incoming, Vec<ImportProblem>> {
    let whole = |reason: String| vec![ImportProblem::whole_file(file, reason)];
    let not_workbook = |error: &dyn std::fmt::Display| {
        whole(fill(lang.t(Text::XlsxNotWorkbook), &[("error", error)]))
    };
    check_unpacked_sizes(bytes, lang).map_err(whole)?;
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| not_workbook(&e))?;
    let is_1904 = workbook.has_1904_epoch();
    let stamp = workbook
        .defined_names()
        .iter()
        .find(|(name, _)| name == super::STAMP_NAME)
        .and_then(|(_, value)| {
            crate::exchange::parse_stamp(value.trim_start_matches('=').trim_matches('"'))
        });
    let names = workbook.sheet_names();
    let find = |wanted: &str| names.iter().find(|n| same_code(n, wanted)).cloned();
    let (measures_name, indicators_name) = (find(SHEET_MEASURES), find(SHEET_INDICATORS));
    let mut notes = Vec::new();
    let (measures, indicators) = if measures_name.is_none() && indicators_name.is_none() {
        // LibreOffice names the one sheet of a CSV-born workbook after the file: take a single
        // sheet whose headers are ours.
        let [name] = names.as_slice() else {
            return Err(whole(lang.t(Text::XlsxNoSheets).to_string()));
        };
        let table = Table::read(&mut workbook, name, file, lang)?;
        let is_indicators = table.column(INDICATOR_NAME).is_some();
        if !is_indicators
            && table
                .column(header(MeasureColumnKind::Field(Field::Title)))
                .is_none()
        {
            return Err(whole(lang.t(Text::XlsxNoSheets).to_string()));
        }
        let kind = if is_indicators {
            SHEET_INDICATORS
        } else {
            SHEET_MEASURES
        };
        notes.push(ImportProblem::whole_file(
            file,
            fill(
                lang.t(Text::XlsxSingleSheet),
                &[("sheet", name), ("kind", &kind)],
            ),
        ));
        if is_indicators {
            (None, Some(table))
        } else {
            (Some(table), None)
        }
    } else {
        let mut read = |name: Option<String>| -> Result<Option<Table>, Vec<ImportProblem>> {
            name.map(|name| Table::read(&mut workbook, &name, file, lang))
                .transpose()
        };
        (read(measures_name)?, read(indicators_name)?)
    };
    let (mut measures, mut indicators) = (measures, indicators);
    if let Some(table) = &mut measures {
        table.ignore_unknown(&measure_headers());
    }
    if let Some(table) = &mut indicators {
        table.ignore_unknown(&super::INDICATOR_COLUMNS.map(|(name, _)| name));
    }
    let mut parser = Parser {
        lang,
        is_1904,
        incoming: Incoming::default(),
        skipped: HashSet::new(),
    };
    if let Some(table) = &measures {
        parser.measures(table);
    }
    if let Some(table) = &indicators {
        parser.indicators(table);
    }
    parser.incoming.stamp = stamp;
    parser.incoming.notes.extend(notes);
    for table in measures.iter().chain(indicators.iter()) {
        parser
            .incoming
            .notes
            .extend(crate::exchange::csv::ignored_columns_note(
                &table.file,
                table.header_line,
                &table.ignored,
                lang,
            ));
    }
    Ok(parser.incoming)
}

/// Refuses a workbook whose parts declare more than [`MAX_PART_BYTES`] each or
/// [`MAX_UNPACKED_BYTES`] together, before calamine reads it. A part that declares less than
/// it holds is refused by the zip reader itself while unpacking ("File is larger than its
/// declared uncompressed size"), so the declared sizes bound what is unpacked. A file that is
/// no zip at all is left to calamine, which says so.
fn check_unpacked_sizes(bytes: &[u8], lang: Lang) -> Result<(), String> {
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

struct Parser {
    lang: Lang,
    is_1904: bool,
    incoming: Incoming,
    /// Ids of measure rows that had problems: their indicator rows are dropped quietly.
    skipped: HashSet<MeasureId>,
}

impl Parser {
    fn reader<'a>(
        &'a mut self,
        table: &'a Table,
        line: usize,
        cells: &'a [Data],
    ) -> CellReader<'a> {
        CellReader {
            file: &table.file,
            line,
            lang: self.lang,
            is_1904: self.is_1904,
            problems: &mut self.incoming.problems,
            failed: false,
            cells,
            columns: &table.columns,
        }
    }

    fn measures(&mut self, table: &Table) {
        let always = [header(MeasureColumnKind::Field(Field::Title))];
        let when_updating: Vec<&str> = (measure_columns().iter())
            .filter(|c| matches!(c.kind, MeasureColumnKind::Field(_)))
            .map(|c| c.header)
            .collect();
        let problems = table.header_problems(
            &always,
            &when_updating,
            header(MeasureColumnKind::Id),
            self.lang,
        );
        if !problems.is_empty() {
            self.incoming.problems.extend(problems);
            return;
        }
        let has_goals = table
            .column(header(MeasureColumnKind::PrimaryGoal))
            .is_some()
            || table.column(header(MeasureColumnKind::Goals)).is_some();
        for (line, cells) in &table.rows {
            if self.too_many_problems(table) {
                break;
            }
            let mut r = self.reader(table, *line, cells);
            let id = r.id(header(MeasureColumnKind::Id));
            let mut measure = Measure::new("");
            for row in &MEASURE_FIELDS {
                let name = header(MeasureColumnKind::Field(row.field));
                let value = match row.kind {
                    Kind::Line | Kind::Text => Value::Text(r.text(name)),
                    Kind::Fund => Value::Fund(r.fund(name)),
                    Kind::Amount => Value::Amount(r.amount(name)),
                    Kind::Date => Value::Date(r.date(name)),
                    Kind::Status => Value::Status(r.status(name).unwrap_or(Status::Idee)),
                    // One item per line in the cell.
                    Kind::List => Value::List(
                        (r.text(name).lines())
                            .map(str::trim)
                            .filter(|item| !item.is_empty())
                            .map(str::to_string)
                            .collect(),
                    ),
                };
                row.set(&mut measure, value);
            }
            let primary = r.text(header(MeasureColumnKind::PrimaryGoal));
            let others = r.text(header(MeasureColumnKind::Goals));
            let failed = r.failed;
            let item = IncomingMeasure {
                line: *line,
                id,
                measure,
                indicators: None,
                goals: has_goals.then(|| goal_codes(&primary, &others)),
            };
            if failed {
                self.skipped.extend(id);
                self.incoming.check_goals_of(&item);
                continue;
            }
            self.incoming.measures.push(item);
        }
    }

    fn indicators(&mut self, table: &Table) {
        let always = [INDICATOR_NAME, INDICATOR_TARGET];
        let when_updating = [INDICATOR_UNIT, INDICATOR_BASELINE, INDICATOR_ACTUAL];
        let problems = table.header_problems(&always, &when_updating, INDICATOR_ID, self.lang);
        if !problems.is_empty() {
            self.incoming.problems.extend(problems);
            return;
        }
        // The sheet is there: a measure of this file without rows has no indicators.
        for measure in &mut self.incoming.measures {
            measure.indicators = Some(Vec::new());
        }
        let by_id: HashMap<MeasureId, usize> = (self.incoming.measures.iter().enumerate())
            .filter_map(|(index, m)| Some((m.id?, index)))
            .collect();
        let mut updates: BTreeMap<MeasureId, IndicatorUpdate> = BTreeMap::new();
        for (line, cells) in &table.rows {
            if self.too_many_problems(table) {
                break;
            }
            let mut r = self.reader(table, *line, cells);
            let id = r.id(INDICATOR_ID);
            let title = r.text(INDICATOR_MEASURE);
            let indicator = Indicator {
                name: r.text(INDICATOR_NAME),
                unit: r.text(INDICATOR_UNIT),
                baseline: r.number(INDICATOR_BASELINE).unwrap_or(0.0),
                target: r.required_number(INDICATOR_TARGET),
                actual: r.number(INDICATOR_ACTUAL),
            };
            if r.failed {
                continue;
            }
            let target = match id {
                Some(id) => by_id.get(&id).copied().ok_or(id),
                None => match self.new_measure_titled(&title) {
                    Some(index) => Ok(index),
                    None => {
                        let reason = fill(
                            self.lang.t(Text::XlsxIndicatorWithoutMeasure),
                            &[("title", &title.trim())],
                        );
                        let field = table.column(INDICATOR_ID).map_or(INDICATOR_ID, |c| c.1);
                        self.incoming.problems.push(ImportProblem::new(
                            &table.file,
                            *line,
                            field,
                            reason,
                        ));
                        continue;
                    }
                },
            };
            match target {
                Ok(index) => {
                    if let Some(list) = &mut self.incoming.measures[index].indicators {
                        list.push(indicator);
                    }
                }
                Err(id) if self.skipped.contains(&id) => {}
                Err(id) => {
                    updates
                        .entry(id)
                        .or_insert_with(|| IndicatorUpdate {
                            line: *line,
                            measure: id,
                            indicators: Vec::new(),
                        })
                        .indicators
                        .push(indicator);
                }
            }
        }
        self.incoming.indicator_updates = updates.into_values().collect();
    }

    /// True once the file has [`crate::exchange::csv::MAX_PROBLEMS`] problems: the rest of
    /// the sheet is not checked, and one problem says so.
    fn too_many_problems(&mut self, table: &Table) -> bool {
        let max = crate::exchange::csv::MAX_PROBLEMS;
        if self.incoming.problems.len() < max {
            return false;
        }
        let reason = fill(self.lang.t(Text::CsvTooManyProblems), &[("count", &max)]);
        if self
            .incoming
            .problems
            .last()
            .is_none_or(|p| p.reason != reason)
        {
            self.incoming
                .problems
                .push(ImportProblem::whole_file(&table.file, reason));
        }
        true
    }

    /// The one new measure (no id) of this file with this title.
    fn new_measure_titled(&self, title: &str) -> Option<usize> {
        let mut matches = (self.incoming.measures.iter().enumerate())
            .filter(|(_, m)| m.id.is_none() && m.measure.title.trim() == title.trim())
            .map(|(index, _)| index);
        let first = matches.next()?;
        matches.next().is_none().then_some(first)
    }
}

/// Goal codes, primary first, without repeats: `Hauptziel`, then the codes of `Ziele`
/// (separated by commas, semicolons, spaces or line breaks; `Ziel 1.3` as written by the CSV
/// export, and by a spreadsheet saved from it, is `1.3`).
fn goal_codes(primary: &str, others: &str) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    let pieces = others
        .split([',', ';', '\n', '\r'])
        .map(crate::exchange::csv::goal_code)
        .flat_map(str::split_whitespace);
    let primary = crate::exchange::csv::goal_code(primary);
    for code in std::iter::once(primary).chain(pieces) {
        let code = code.trim();
        if !code.is_empty() && !codes.iter().any(|c| same_code(c, code)) {
            codes.push(code.to_string());
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_codes_put_the_primary_first_once() {
        assert_eq!(
            goal_codes("1.2", "1.1, 1.2; 3.4\n5.1"),
            ["1.2", "1.1", "3.4", "5.1"]
        );
        assert_eq!(goal_codes("", "2.1,2.2"), ["2.1", "2.2"]);
        assert_eq!(
            goal_codes("Ziel 1.3", "Ziel 1.3\nZ4, ziel 2.1"),
            ["1.3", "Z4", "2.1"]
        );
        assert!(goal_codes(" ", "").is_empty());
    }
}
