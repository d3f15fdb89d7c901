//! Reads CSV files of measures or of indicators, record by record, collecting every problem.

use std::collections::HashMap;

use super::header::{CsvHeader, FileKind};
use super::numbers::{Decimal, detect_separator};
use super::record::CsvRecord;
use super::{MAX_PROBLEMS, decode, ignored_columns_note};
use crate::exchange::{ImportProblem, Incoming, IndicatorUpdate, Snapshot};
use crate::i18n::{Lang, Text, fill};
use crate::model::{Indicator, MeasureId};

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
    refuse_binary(bytes, file, lang)?;
    let (text, encoding_note) = decode(bytes, file, lang)?;
    let mut csv = CsvFile::open(&text, file, lang)?;
    let mut incoming = Incoming::default();
    incoming.notes.extend(encoding_note);
    incoming.notes.extend(ignored_columns_note(
        file,
        csv.header_line,
        &csv.header.ignored,
        lang,
    ));
    let mut updates = IndicatorUpdates::default();
    let mut record = ::csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record, &mut incoming.problems) {
        let mut row = csv.record(&record, line);
        match csv.header.kind {
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
                    updates.add(line, id, indicator);
                }
            }
        }
        incoming.problems.append(&mut row.problems);
    }
    incoming.indicator_updates = updates.list;
    Ok(incoming)
}

/// Parses a CSV file of a record table (`--what pots|plan|payments|decisions|deadlines`):
/// the same checks of the file as [`parse`], then every row read by its German header like a
/// sheet of the workbook (amounts `20000,00` and dates `15.03.2026` by the documented rules of
/// `model::money` and `model::date`).
pub fn parse_records(
    bytes: &[u8],
    file: &str,
    lang: Lang,
    table: crate::exchange::tables::RecordTable,
) -> Result<Incoming, Vec<ImportProblem>> {
    refuse_binary(bytes, file, lang)?;
    let (text, encoding_note) = decode(bytes, file, lang)?;
    let mut csv = CsvFile::open(&text, file, lang)?;
    let mut incoming = Incoming::default();
    incoming.notes.extend(encoding_note);
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record, &mut incoming.problems) {
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    let names = std::mem::take(&mut csv.header.names);
    let mut rows =
        crate::exchange::xlsx::RecordRows::from_text(file, csv.header_line, &names, rows);
    crate::exchange::xlsx::read_records(table, &mut rows, lang, false, &mut incoming);
    Ok(incoming)
}

/// A NUL byte means a binary file, not text: refused with its line and offset.
fn refuse_binary(bytes: &[u8], file: &str, lang: Lang) -> Result<(), Vec<ImportProblem>> {
    match bytes.iter().position(|b| *b == 0) {
        Some(offset) => {
            let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
            let reason = fill(lang.t(Text::CsvBinary), &[("offset", &offset)]);
            Err(vec![ImportProblem::new(file, line, "", reason)])
        }
        None => Ok(()),
    }
}

/// The indicator lists of an indicator file, one per measure in order of first appearance.
#[derive(Default)]
struct IndicatorUpdates {
    list: Vec<IndicatorUpdate>,
    index_of: HashMap<MeasureId, usize>,
}

impl IndicatorUpdates {
    /// Adds an indicator (none: a row that only names the measure, whose list may be empty).
    fn add(&mut self, line: usize, id: MeasureId, indicator: Option<Indicator>) {
        let list = &mut self.list;
        let at = *self.index_of.entry(id).or_insert_with(|| {
            list.push(IndicatorUpdate {
                line,
                measure: id,
                indicators: Vec::new(),
            });
            list.len() - 1
        });
        self.list[at].indicators.extend(indicator);
    }
}

/// A record the csv crate cannot read (bad quoting), with its line.
fn unreadable(e: ::csv::Error, lines: &mut Lines, file: &str, lang: Lang) -> ImportProblem {
    let line = lines.at(e.position());
    let reason = fill(lang.t(Text::CsvUnreadable), &[("error", &e)]);
    ImportProblem::new(file, line, "", reason)
}

/// A CSV file being read: the reader after the header, and what the header told.
struct CsvFile<'t> {
    reader: ::csv::Reader<&'t [u8]>,
    lines: Lines<'t>,
    header: CsvHeader,
    header_line: usize,
    /// Cells per record, from the header.
    width: usize,
    style: Decimal,
    file: &'t str,
    lang: Lang,
}

impl<'t> CsvFile<'t> {
    /// Detects the separator and reads the header.
    fn open(text: &'t str, file: &'t str, lang: Lang) -> Result<CsvFile<'t>, Vec<ImportProblem>> {
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
        let mut header = ::csv::StringRecord::new();
        match reader.read_record(&mut header) {
            Ok(true) => {}
            Ok(false) => {
                let reason = lang.t(Text::CsvNoHeader);
                return Err(vec![ImportProblem::new(file, 1, "", reason)]);
            }
            Err(e) => return Err(vec![unreadable(e, &mut lines, file, lang)]),
        }
        let header_line = lines.at(header.position());
        Ok(CsvFile {
            reader,
            lines,
            header: CsvHeader::read(&header, file, header_line, lang)?,
            header_line,
            width: header.len(),
            style,
            file,
            lang,
        })
    }

    /// Reads the next record that is neither blank nor of the wrong width into `record` and
    /// returns its line; `None` at the end, after an unreadable record or after
    /// [`MAX_PROBLEMS`] problems. Records of the wrong width are problems.
    fn next_record(
        &mut self,
        record: &mut ::csv::StringRecord,
        problems: &mut Vec<ImportProblem>,
    ) -> Option<usize> {
        loop {
            if problems.len() >= MAX_PROBLEMS {
                let reason = fill(
                    self.lang.t(Text::CsvTooManyProblems),
                    &[("count", &MAX_PROBLEMS)],
                );
                problems.push(ImportProblem::whole_file(self.file, reason));
                return None;
            }
            match self.reader.read_record(record) {
                Ok(true) => {}
                Ok(false) => return None,
                Err(e) => {
                    problems.push(unreadable(e, &mut self.lines, self.file, self.lang));
                    return None;
                }
            }
            let line = self.lines.at(record.position());
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            if record.len() != self.width {
                let reason = fill(
                    self.lang.t(Text::CsvFieldCount),
                    &[("found", &record.len()), ("expected", &self.width)],
                );
                problems.push(ImportProblem::new(self.file, line, "", reason));
                continue;
            }
            return Some(line);
        }
    }

    /// `record` (at `line`) ready to be read; a value in a column without header is a problem.
    fn record<'r>(&'r self, record: &'r ::csv::StringRecord, line: usize) -> CsvRecord<'r> {
        let mut row = CsvRecord {
            record,
            header: &self.header,
            file: self.file,
            line,
            lang: self.lang,
            style: self.style,
            problems: Vec::new(),
        };
        for &index in &self.header.unnamed {
            if !record.get(index).unwrap_or("").trim().is_empty() {
                let reason = self.lang.t(Text::CsvUnnamedColumn);
                let field = format!("#{}", index + 1);
                row.problems
                    .push(ImportProblem::new(self.file, line, field, reason));
            }
        }
        row
    }
}
