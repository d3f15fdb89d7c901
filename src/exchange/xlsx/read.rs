//! Reads `Maßnahmen` and `Indikatoren` from a workbook into an [`Incoming`] document, and the
//! record sheets `Töpfe`, `Jahresraten`, `Zahlungen`, `Beschlüsse`, `Fristen` (`records.rs`).
//!
//! Columns are found by their header in the sheet's first row, in any order; unknown columns are
//! ignored. Every cell problem becomes `file[Sheet]:row: Header: reason` and the row is skipped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::cell_values::CellReader;
use super::records::RecordRows;
use super::sheets::{Sheets, check_unpacked_sizes, read_sheets, stamp};
use super::table::Table;
use super::{
    INDICATOR_ACTUAL, INDICATOR_BASELINE, INDICATOR_ID, INDICATOR_MEASURE, INDICATOR_NAME,
    INDICATOR_TARGET, INDICATOR_UNIT, header,
};
use crate::exchange::columns::{MeasureColumnKind, measure_columns, measure_headers};
use crate::exchange::tables::RecordTable;
use crate::exchange::{ImportProblem, Incoming, IncomingMeasure, IndicatorUpdate};
use crate::i18n::{Lang, Text, fill};
use crate::model::{
    Field, Indicator, Kind, MEASURE_FIELDS, Measure, MeasureId, Status, Value, same_code,
};

/// Parses an XLSX workbook. A file that is no workbook, is too large unpacked, or has neither
/// a `Maßnahmen` nor an `Indikatoren` sheet (nor one single sheet with our headers) is one
/// problem (`Err`); problems of single cells go into `Incoming::problems` and parsing goes on
/// with the next row.
pub fn parse(bytes: &[u8], file: &str, lang: Lang) -> Result<Incoming, Vec<ImportProblem>> {
    let whole = |reason: String| vec![ImportProblem::whole_file(file, reason)];
    check_unpacked_sizes(bytes, lang).map_err(whole)?;
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| whole(fill(lang.t(Text::XlsxNotWorkbook), &[("error", &e)])))?;
    let names = workbook.sheet_names();
    let records: Vec<(RecordTable, String)> = (RecordTable::ALL.into_iter())
        .filter_map(|table| {
            let name = names.iter().find(|n| same_code(n, table.sheet()))?;
            Some((table, name.clone()))
        })
        .collect();
    let Sheets {
        mut measures,
        mut indicators,
        notes,
    } = match read_sheets(&mut workbook, file, lang) {
        // A workbook of record sheets only (`Zahlungen`, `Fristen`, …) needs no measures.
        Err(_) if !records.is_empty() && !names.iter().any(|n| is_measure_sheet(n)) => Sheets {
            measures: None,
            indicators: None,
            notes: Vec::new(),
        },
        other => other?,
    };
    if let Some(table) = &mut measures {
        table.ignore_unknown(&measure_headers());
    }
    if let Some(table) = &mut indicators {
        table.ignore_unknown(&super::INDICATOR_COLUMNS.map(|(name, _)| name));
    }
    let mut parser = Parser {
        lang,
        is_1904: workbook.has_1904_epoch(),
        incoming: Incoming::default(),
        skipped: HashSet::new(),
    };
    if let Some(table) = &measures {
        parser.measures(table);
    }
    if let Some(table) = &indicators {
        parser.indicators(table);
    }
    for (table, name) in records {
        let mut rows = RecordRows {
            table: Table::read(&mut workbook, &name, file, lang)?,
        };
        let (is_1904, incoming) = (parser.is_1904, &mut parser.incoming);
        super::records::read(table, &mut rows, lang, is_1904, incoming);
    }
    parser.incoming.stamp = stamp(&workbook);
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

/// Whether a sheet of this name is `Maßnahmen` or `Indikatoren`.
fn is_measure_sheet(name: &str) -> bool {
    same_code(name, super::SHEET_MEASURES) || same_code(name, super::SHEET_INDICATORS)
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
