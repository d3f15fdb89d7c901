//! Reads CSV files of measures or of indicators, row by row, collecting every problem.

use std::collections::HashMap;

use super::header::{CsvColumn, CsvHeader, FileKind};
use super::numbers::{Decimal, detect_separator, parse_amount_in, parse_decimal_in};
use super::{MAX_PROBLEMS, decode, goal_code, ignored_columns_note};
use crate::exchange::columns::MeasureColumnKind;
use crate::exchange::formula_guard::restore_formula;
use crate::exchange::{ImportProblem, Incoming, IncomingMeasure, IndicatorUpdate, Snapshot};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    Fund, Indicator, Kind as FieldKind, MEASURE_FIELDS, Measure, MeasureId, Problem, Status, Value,
    parse_date, same_code, split_list,
};

/// Line numbers of records. The csv crate counts a CRLF line end only when it reads the next
/// record, so its `Position::line()` is one short after every CRLF; this counts the newlines
/// before each record's first byte instead, going forward only (linear in the file size).
struct Lines<'t> {
    text: &'t [u8],
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    /// The 1-based line on which the record at byte `offset` starts.
    fn at(&mut self, position: Option<&::csv::Position>) -> usize {
        let Some(position) = position else {
            return self.line;
        };
        let mut start = (position.byte() as usize).min(self.text.len());
        // The position may point at the end of the previous line or at empty lines before.
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.offset {
            self.line += self.text[self.offset..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.offset = start;
        }
        self.line
    }
}

/// One record being read: its cells by column, and the problems found in it.
struct Row<'r> {
    record: &'r ::csv::StringRecord,
    columns: &'r CsvHeader,
    file: &'r str,
    line: usize,
    lang: Lang,
    style: Decimal,
    problems: Vec<ImportProblem>,
}

impl<'r> Row<'r> {
    /// The cell of `col` with a neutralising `'` removed; `None` when the file has no such column.
    fn cell(&self, col: CsvColumn) -> Option<&'r str> {
        let index = *self.columns.at.get(&col)?;
        Some(restore_formula(self.record.get(index).unwrap_or("")))
    }

    fn problem(&mut self, col: CsvColumn, reason: String) {
        let field = self
            .columns
            .at
            .get(&col)
            .map(|&i| self.columns.names[i].clone())
            .unwrap_or_default();
        self.problems
            .push(ImportProblem::new(self.file, self.line, field, reason));
    }

    /// Parses a present, non-empty cell with `parse`; `Some(None)` for an empty cell, `None`
    /// when the column is missing or the value is wrong (then a problem is recorded).
    fn value<T>(
        &mut self,
        col: CsvColumn,
        parse: impl FnOnce(&str) -> Result<T, Problem>,
    ) -> Option<Option<T>> {
        let cell = self.cell(col)?;
        if cell.trim().is_empty() {
            return Some(None);
        }
        match parse(cell) {
            Ok(value) => Some(Some(value)),
            Err(problem) => {
                let reason = problem.localize(self.lang);
                self.problem(col, reason);
                None
            }
        }
    }

    /// The measure id, `None` for an empty cell; problems for anything else.
    fn id(&mut self) -> Result<Option<MeasureId>, ()> {
        let Some(cell) = self.cell(CsvColumn::Id) else {
            return Ok(None);
        };
        if cell.trim().is_empty() {
            return Ok(None);
        }
        match MeasureId::parse(cell) {
            Some(id) => Ok(Some(id)),
            None => {
                let reason = fill(self.lang.t(Text::CsvBadId), &[("value", &cell.trim())]);
                self.problem(CsvColumn::Id, reason);
                Err(())
            }
        }
    }

    /// The measure of this row. With problems (see `self.problems`) the caller drops it but
    /// still has its goal codes checked, so one pass reports every problem of the file.
    fn measure(&mut self, existing: Option<&Snapshot>) -> IncomingMeasure {
        // A bad id is a problem; the other cells are still checked.
        let id = self.id().ok().flatten();
        let old = id.and_then(|id| existing?.measures.iter().find(|m| m.id == id));
        let mut m = old.cloned().unwrap_or_else(|| Measure::new(""));
        m.id = id.unwrap_or(MeasureId(0));
        let style = self.style;
        for row in &MEASURE_FIELDS {
            let col = CsvColumn::Measure(MeasureColumnKind::Field(row.field));
            let value = match row.kind {
                FieldKind::Line | FieldKind::Text => {
                    self.cell(col).map(|cell| Value::Text(cell.to_string()))
                }
                FieldKind::List => self
                    .cell(col)
                    .map(|cell| Value::List(split_list(cell).map(str::to_string).collect())),
                FieldKind::Amount => self
                    .value(col, |t| parse_amount_in(t, style))
                    .map(Value::Amount),
                FieldKind::Date => self.value(col, parse_date).map(Value::Date),
                FieldKind::Fund => self.value(col, Fund::parse_input).map(Value::Fund),
                // An empty status cell keeps the measure's status.
                FieldKind::Status => self.value(col, Status::parse_input).map(|status| {
                    Value::Status(status.unwrap_or(old.map_or(Status::Idee, |o| o.status)))
                }),
            };
            if let Some(value) = value {
                row.set(&mut m, value);
            }
        }
        let goals = self.goals(old.and(existing));
        IncomingMeasure {
            line: self.line,
            id,
            measure: m,
            indicators: None,
            goals,
        }
    }

    /// Goal codes, primary first: `Hauptziel` then `Ziele`, each code once. A missing column
    /// keeps what the existing measure has (`existing` is given only for an existing measure).
    fn goals(&self, existing: Option<&Snapshot>) -> Option<Vec<String>> {
        let id = MeasureId::parse(self.cell(CsvColumn::Id).unwrap_or(""));
        let old = |snapshot: &Snapshot| id.map(|id| snapshot.goal_codes(id)).unwrap_or_default();
        let primary = self
            .cell(CsvColumn::Measure(MeasureColumnKind::PrimaryGoal))
            .map(|c| goal_code(c).to_string());
        let listed = self
            .cell(CsvColumn::Measure(MeasureColumnKind::Goals))
            .map(|c| {
                split_list(c)
                    .map(|code| goal_code(code).to_string())
                    .collect::<Vec<_>>()
            });
        let codes: Vec<String> = match (primary, listed) {
            (None, None) => return None,
            (Some(primary), None) => std::iter::once(primary)
                .chain(existing.map(old).unwrap_or_default())
                .collect(),
            (None, Some(mut listed)) => {
                // Keep the existing primary goal primary if it is still listed.
                let old_primary = existing
                    .and_then(|s| id.and_then(|id| s.primary_code(id)))
                    .and_then(|p| listed.iter().position(|c| same_code(c, &p)));
                if let Some(at) = old_primary {
                    let code = listed.remove(at);
                    listed.insert(0, code);
                }
                listed
            }
            (Some(primary), Some(listed)) => std::iter::once(primary).chain(listed).collect(),
        };
        let mut unique: Vec<String> = Vec::with_capacity(codes.len());
        for code in codes {
            if !code.is_empty() && !unique.iter().any(|u| same_code(u, &code)) {
                unique.push(code);
            }
        }
        Some(unique)
    }

    /// One indicator of an indicator file; `Ok(None)` for a row that only names the measure
    /// (no indicator, no values): that measure's list becomes empty.
    fn indicator(&mut self) -> Option<(MeasureId, Option<Indicator>)> {
        let id = match self.id() {
            Ok(Some(id)) => Some(id),
            Ok(None) => {
                self.problem(
                    CsvColumn::Id,
                    self.lang.t(Text::ProblemRequired).to_string(),
                );
                None
            }
            Err(()) => None,
        };
        let name = self.cell(CsvColumn::Indicator).unwrap_or("");
        let unit = self.cell(CsvColumn::Unit).unwrap_or("");
        let style = self.style;
        let baseline = self.value(CsvColumn::Baseline, |t| parse_decimal_in(t, style));
        let target = self.value(CsvColumn::Target, |t| parse_decimal_in(t, style));
        let actual = match self.cell(CsvColumn::Actual) {
            Some(_) => self.value(CsvColumn::Actual, |t| parse_decimal_in(t, style)),
            None => Some(None),
        };
        let (Some(id), Some(baseline), Some(target), Some(actual)) = (id, baseline, target, actual)
        else {
            return None;
        };
        if name.trim().is_empty() && baseline.is_none() && target.is_none() && actual.is_none() {
            return Some((id, None));
        }
        let required = self.lang.t(Text::ProblemRequired).to_string();
        if baseline.is_none() {
            self.problem(CsvColumn::Baseline, required.clone());
        }
        if target.is_none() {
            self.problem(CsvColumn::Target, required);
        }
        let (Some(baseline), Some(target)) = (baseline, target) else {
            return None;
        };
        Some((
            id,
            Some(Indicator {
                name: name.to_string(),
                unit: unit.to_string(),
                baseline,
                target,
                actual,
            }),
        ))
    }
}

/// Parses a CSV file of measures or of indicators (told apart by the header). Errors that stop
/// the parse (not UTF-8, binary, no or a broken header) are `Err`; every row with a wrong cell
/// is put into `Incoming::problems` and parsing goes on with the next row.
///
/// `existing` is the database: a row naming an existing measure keeps the fields of the
/// columns the file does not have. Without it, missing columns mean empty fields.
pub fn parse(
    bytes: &[u8],
    file: &str,
    lang: Lang,
    existing: Option<&Snapshot>,
) -> Result<Incoming, Vec<ImportProblem>> {
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        let reason = fill(lang.t(Text::CsvBinary), &[("offset", &offset)]);
        return Err(vec![ImportProblem::new(file, line, "", reason)]);
    }
    let (text, encoding_note) = decode(bytes, file, lang)?;
    let text: &str = &text;
    let separator = detect_separator(text);
    let style = if separator == b',' {
        Decimal::Point
    } else {
        Decimal::Comma
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Lines {
        text: text.as_bytes(),
        offset: 0,
        line: 1,
    };
    let unreadable = |e: ::csv::Error, lines: &mut Lines| {
        let line = lines.at(e.position());
        let reason = fill(lang.t(Text::CsvUnreadable), &[("error", &e)]);
        ImportProblem::new(file, line, "", reason)
    };
    let mut header = ::csv::StringRecord::new();
    match reader.read_record(&mut header) {
        Ok(true) => {}
        Ok(false) => {
            return Err(vec![ImportProblem::new(
                file,
                1,
                "",
                lang.t(Text::CsvNoHeader),
            )]);
        }
        Err(e) => return Err(vec![unreadable(e, &mut lines)]),
    }
    let header_line = lines.at(header.position());
    let columns = CsvHeader::read(&header, file, header_line, lang)?;
    let width = header.len();
    let mut incoming = Incoming::default();
    incoming.notes.extend(encoding_note);
    incoming.notes.extend(ignored_columns_note(
        file,
        header_line,
        &columns.ignored,
        lang,
    ));
    let mut updates: Vec<IndicatorUpdate> = Vec::new();
    let mut update_of: HashMap<MeasureId, usize> = HashMap::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        if incoming.problems.len() >= MAX_PROBLEMS {
            let reason = fill(
                lang.t(Text::CsvTooManyProblems),
                &[("count", &MAX_PROBLEMS)],
            );
            incoming
                .problems
                .push(ImportProblem::whole_file(file, reason));
            break;
        }
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                incoming.problems.push(unreadable(e, &mut lines));
                break;
            }
        }
        let line = lines.at(record.position());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != width {
            let reason = fill(
                lang.t(Text::CsvFieldCount),
                &[("found", &record.len()), ("expected", &width)],
            );
            incoming
                .problems
                .push(ImportProblem::new(file, line, "", reason));
            continue;
        }
        let mut row = Row {
            record: &record,
            columns: &columns,
            file,
            line,
            lang,
            style,
            problems: Vec::new(),
        };
        for &index in &columns.unnamed {
            if !record.get(index).unwrap_or("").trim().is_empty() {
                let reason = lang.t(Text::CsvUnnamedColumn);
                let field = format!("#{}", index + 1);
                row.problems
                    .push(ImportProblem::new(file, line, field, reason));
            }
        }
        match columns.kind {
            FileKind::Measures => {
                let measure = row.measure(existing);
                if row.problems.is_empty() {
                    incoming.measures.push(measure);
                } else {
                    incoming.check_goals_of(&measure);
                }
            }
            FileKind::Indicators => {
                let indicator = row.indicator();
                if let Some((id, indicator)) = indicator.filter(|_| row.problems.is_empty()) {
                    let at = *update_of.entry(id).or_insert_with(|| {
                        updates.push(IndicatorUpdate {
                            line,
                            measure: id,
                            indicators: Vec::new(),
                        });
                        updates.len() - 1
                    });
                    updates[at].indicators.extend(indicator);
                }
            }
        }
        incoming.problems.append(&mut row.problems);
    }
    incoming.indicator_updates = updates;
    Ok(incoming)
}
