//! CSV for German Excel, and plain CSV from other tools.
//!
//! **Export** ([`export_measures`], [`export_indicators`]): UTF-8 with byte-order mark, `;`
//! between fields, CRLF line ends, German headers, amounts `12500,50`, dates `01.03.2026`,
//! lists joined with `, `. Goal codes that do not start with a letter are written as
//! `Ziel 1.3` ([`goal_cell`]), so Excel cannot turn them into dates. Every text cell goes through
//! [`neutralise_formula`].
//!
//! **Import** ([`parse`]): our own file and plain CSV. The separator (`;`, `,` or tab) is read
//! from the header line; with `;` or tab numbers use the decimal comma (`12.500,50`,
//! `12500,50`, `12500.50` all work), with `,` the decimal point (`12500.50`, `12,500.50`).
//! Columns are matched by header name (German or English, any case, any order). A column that
//! is missing leaves that field of an existing measure as it is.

use std::collections::HashMap;

use super::cells::{neutralise_formula, restore_formula};
use super::{ImportProblem, Incoming, IncomingMeasure, IndicatorUpdate, Snapshot};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    Cents, Fund, Indicator, Measure, MeasureId, Problem, Status, format_date_de, parse_amount,
    parse_date, parse_decimal, same_code,
};

/// Headers of measure files, in order: the CSV export and the XLSX sheet `Maßnahmen` (the
/// one list both take their column names from).
pub const MEASURE_HEADERS: [&str; 19] = [
    "ID",
    "Titel",
    "Beschreibung",
    "Träger",
    "Kontakt",
    "Verantwortlich",
    "Aktenzeichen",
    "Fonds",
    "Beantragt",
    "Bewilligt",
    "Kofinanzierung",
    "Beginn",
    "Ende",
    "Status",
    "Zielgruppen",
    "Ort",
    "Hauptziel",
    "Ziele",
    "Notizen",
];

/// Headers of indicator files, in order: the CSV export and the XLSX sheet `Indikatoren`
/// (which adds a computed attainment column).
pub const INDICATOR_HEADERS: [&str; 7] = [
    "ID",
    "Maßnahme",
    "Indikator",
    "Einheit",
    "Ausgangswert",
    "Zielwert",
    "Istwert",
];

/// Written before goal codes that do not start with a letter (`Ziel 1.3`); removed on import.
pub const GOAL_PREFIX: &str = "Ziel ";

/// Parsing stops after this many problems (a wrong file must not print a million lines).
pub const MAX_PROBLEMS: usize = 500;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The cell for a goal code: `Ziel 1.3` for a code that does not start with a letter (Excel
/// would read `1.3` as the 1st of March and `1.13` as January 2013), the code itself otherwise
/// (`Z1`).
pub fn goal_cell(code: &str) -> String {
    if code.starts_with(char::is_alphabetic) {
        code.to_string()
    } else {
        format!("{GOAL_PREFIX}{code}")
    }
}

/// The goal code in a cell: `Ziel 1.3` (any case, any space after `Ziel`) and `1.3` both give
/// `1.3`. Codes never contain spaces, so `Ziel ` can never be part of one.
pub fn goal_code(cell: &str) -> &str {
    let cell = cell.trim();
    if let Some(head) = cell.get(..4)
        && head.eq_ignore_ascii_case("ziel")
        && cell[4..].starts_with(char::is_whitespace)
        && !cell[4..].trim().is_empty()
    {
        return cell[4..].trim_start();
    }
    cell
}

/// Writes rows as our CSV flavour: BOM, `;`, CRLF, every cell formula-neutralised.
fn write_rows(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    // Writing into memory cannot fail.
    let _ = writer.write_record(headers);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|cell| neutralise_formula(cell).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

fn amount(value: Option<Cents>) -> String {
    value.map(|c| c.format_plain_de(false)).unwrap_or_default()
}

fn date(value: Option<chrono::NaiveDate>) -> String {
    value.map(format_date_de).unwrap_or_default()
}

/// An indicator value with decimal comma, as many digits as needed to read back the same value.
pub fn format_decimal(value: f64) -> String {
    format!("{value}").replace('.', ",")
}

/// One row per measure, with the headers [`MEASURE_HEADERS`].
pub fn export_measures(snapshot: &Snapshot) -> Vec<u8> {
    let rows = snapshot.measures.iter().map(|m| {
        let goals: Vec<String> = snapshot
            .goal_codes(m.id)
            .iter()
            .map(|c| goal_cell(c))
            .collect();
        vec![
            m.id.to_string(),
            m.title.clone(),
            m.description.clone(),
            m.organisation.clone(),
            m.contact.clone(),
            m.responsible.clone(),
            m.reference.clone(),
            m.fund.map(Fund::name).unwrap_or_default().to_string(),
            amount(m.requested),
            amount(m.approved),
            amount(m.cofunding),
            date(m.start),
            date(m.end),
            m.status.name().to_string(),
            m.target_groups.join(", "),
            m.location.clone(),
            snapshot
                .primary_code(m.id)
                .map(|c| goal_cell(&c))
                .unwrap_or_default(),
            goals.join(", "),
            m.notes.clone(),
        ]
    });
    write_rows(&MEASURE_HEADERS, rows)
}

/// One row per indicator, with the headers [`INDICATOR_HEADERS`].
pub fn export_indicators(snapshot: &Snapshot) -> Vec<u8> {
    let rows = snapshot.measures.iter().flat_map(|m| {
        m.indicators.iter().map(|i| {
            vec![
                m.id.to_string(),
                m.title.clone(),
                i.name.clone(),
                i.unit.clone(),
                format_decimal(i.baseline),
                format_decimal(i.target),
                i.actual.map(format_decimal).unwrap_or_default(),
            ]
        })
    });
    write_rows(&INDICATOR_HEADERS, rows)
}

/// A column an import file may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Col {
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
    Measure,
    Indicator,
    Unit,
    Baseline,
    Target,
    Actual,
}

/// Columns of a measure file: the German header, then other accepted names (lower case).
const MEASURE_COLUMNS: [(Col, &str, &[&str]); 19] = [
    (Col::Id, MEASURE_HEADERS[0], &[]),
    (Col::Title, MEASURE_HEADERS[1], &["title"]),
    (Col::Description, MEASURE_HEADERS[2], &["description"]),
    (
        Col::Organisation,
        MEASURE_HEADERS[3],
        &["traeger", "organisation", "organization"],
    ),
    (Col::Contact, MEASURE_HEADERS[4], &["contact"]),
    (Col::Responsible, MEASURE_HEADERS[5], &["responsible"]),
    (Col::Reference, MEASURE_HEADERS[6], &["reference"]),
    (Col::Fund, MEASURE_HEADERS[7], &["fund"]),
    (Col::Requested, MEASURE_HEADERS[8], &["requested"]),
    (Col::Approved, MEASURE_HEADERS[9], &["approved"]),
    (Col::Cofunding, MEASURE_HEADERS[10], &["cofunding"]),
    (Col::Start, MEASURE_HEADERS[11], &["start"]),
    (Col::End, MEASURE_HEADERS[12], &["end"]),
    (Col::Status, MEASURE_HEADERS[13], &[]),
    (Col::TargetGroups, MEASURE_HEADERS[14], &["target_groups"]),
    (Col::Location, MEASURE_HEADERS[15], &["location"]),
    (Col::PrimaryGoal, MEASURE_HEADERS[16], &["primary_goal"]),
    (Col::Goals, MEASURE_HEADERS[17], &["goals"]),
    (Col::Notes, MEASURE_HEADERS[18], &["notes"]),
];

/// Columns of an indicator file.
const INDICATOR_COLUMNS: [(Col, &str, &[&str]); 7] = [
    (Col::Id, INDICATOR_HEADERS[0], &[]),
    (
        Col::Measure,
        INDICATOR_HEADERS[1],
        &["massnahme", "measure", "title"],
    ),
    (Col::Indicator, INDICATOR_HEADERS[2], &["indicator", "name"]),
    (Col::Unit, INDICATOR_HEADERS[3], &["unit"]),
    (Col::Baseline, INDICATOR_HEADERS[4], &["baseline"]),
    (Col::Target, INDICATOR_HEADERS[5], &["target"]),
    (Col::Actual, INDICATOR_HEADERS[6], &["actual"]),
];

/// Columns an indicator file must have.
const INDICATOR_REQUIRED: [Col; 4] = [Col::Id, Col::Indicator, Col::Baseline, Col::Target];

/// How numbers are written in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decimal {
    /// `;` or tab separator: `12.500,50` (German).
    Comma,
    /// `,` separator: `12,500.50`.
    Point,
}

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

/// Lower case, trimmed, spaces and hyphens as `_`.
fn normalise_header(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// The separator of the header line: whichever of `;`, tab and `,` occurs most outside quotes
/// (`;` on a tie, and for a single column).
fn detect_separator(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(b, _)| *b == byte) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    // max_by_key returns the last maximum: iterate in reverse so `;` wins ties.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b';', |(b, _)| *b)
}

/// In a point file, whether the `,`s in `whole` (the part before the decimal point) group
/// thousands: `1,500,000` yes, `1,5` no.
fn comma_groups_ok(whole: &str) -> bool {
    let digits: String = whole
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let mut groups = digits.split(',');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    rest.is_empty() || ((1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3))
}

/// Parses an amount in the file's decimal style.
fn parse_amount_in(text: &str, style: Decimal) -> Result<Cents, Problem> {
    let trimmed = text.trim();
    let last = trimmed.rfind(['.', ',']).map(|at| trimmed.as_bytes()[at]);
    if style == Decimal::Comma || last != Some(b'.') {
        // Decimal comma — or, in a point file, a value such as `12.500,50` or `12` that reads
        // the same either way.
        if style == Decimal::Point && !trimmed.contains('.') && trimmed.contains(',') {
            // `1,500` in a point file: grouping.
            if !comma_groups_ok(trimmed) {
                return Err(Problem::InvalidAmount(trimmed.to_string()));
            }
            return parse_amount(&trimmed.replace(',', ""));
        }
        return parse_amount(trimmed);
    }
    // Decimal point: `,` groups, the one `.` separates the cents.
    let invalid = || Problem::InvalidAmount(trimmed.to_string());
    if !comma_groups_ok(trimmed.split('.').next().unwrap_or("")) {
        return Err(invalid());
    }
    let plain: String = trimmed.chars().filter(|c| *c != ',').collect();
    let (whole, fraction) = plain.split_once('.').ok_or_else(invalid)?;
    if fraction.contains('.') {
        return Err(invalid());
    }
    // `1.500` is one euro fifty here; zeros beyond the cents say nothing.
    let fraction = if fraction.len() > 2 {
        let short = fraction.trim_end_matches('0');
        &fraction[..short.len().max(2).min(fraction.len())]
    } else {
        fraction
    };
    parse_amount(&format!("{whole},{fraction}")).map_err(|e| match e {
        Problem::InvalidAmount(_) => invalid(),
        other => other,
    })
}

/// Parses an indicator value in the file's decimal style.
fn parse_decimal_in(text: &str, style: Decimal) -> Result<f64, Problem> {
    let trimmed = text.trim();
    if style == Decimal::Point && !comma_groups_ok(trimmed.split('.').next().unwrap_or("")) {
        return Err(Problem::InvalidNumber(trimmed.to_string()));
    }
    if style == Decimal::Point && trimmed.contains('.') {
        let last_is_point =
            trimmed.rfind(['.', ',']).map(|at| trimmed.as_bytes()[at]) == Some(b'.');
        if last_is_point {
            return parse_decimal(&trimmed.replace(',', ""))
                .map_err(|_| Problem::InvalidNumber(trimmed.to_string()));
        }
    } else if style == Decimal::Point && trimmed.contains(',') {
        return parse_decimal(&trimmed.replace(',', ""))
            .map_err(|_| Problem::InvalidNumber(trimmed.to_string()));
    }
    parse_decimal(trimmed)
}

/// The header of a file: which column holds what.
struct Columns {
    kind: Kind,
    /// Column index of each known column.
    at: HashMap<Col, usize>,
    /// Header text of each column, as the file writes it (for problems).
    names: Vec<String>,
    /// Columns with an empty header.
    unnamed: Vec<usize>,
    /// Headers of columns quartier does not know (an office's own `Bemerkung`): ignored.
    ignored: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Measures,
    Indicators,
}

impl Columns {
    /// Reads the header; every unknown, doubled or (for indicators) missing column is a problem.
    fn read(
        header: &::csv::StringRecord,
        file: &str,
        line: usize,
        lang: Lang,
    ) -> Result<Columns, Vec<ImportProblem>> {
        let normalised: Vec<String> = header.iter().map(normalise_header).collect();
        let kind = if normalised
            .iter()
            .any(|n| n == "indikator" || n == "indicator")
        {
            Kind::Indicators
        } else {
            Kind::Measures
        };
        let table: &[(Col, &str, &[&str])] = match kind {
            Kind::Measures => &MEASURE_COLUMNS,
            Kind::Indicators => &INDICATOR_COLUMNS,
        };
        let mut columns = Columns {
            kind,
            at: HashMap::new(),
            names: header
                .iter()
                .map(|n| n.trim().trim_start_matches('\u{feff}').to_string())
                .collect(),
            unnamed: Vec::new(),
            ignored: Vec::new(),
        };
        let mut problems = Vec::new();
        let germans: Vec<String> = table.iter().map(|(_, g, _)| normalise_header(g)).collect();
        for (index, name) in normalised.iter().enumerate() {
            if name.is_empty() {
                columns.unnamed.push(index);
                continue;
            }
            let found = table
                .iter()
                .zip(&germans)
                .find(|((_, _, others), german)| *german == name || others.contains(&name.as_str()))
                .map(|(entry, _)| entry);
            let shown = columns.names[index].clone();
            match found {
                Some((col, _, _)) => {
                    if columns.at.insert(*col, index).is_some() {
                        let reason = fill(lang.t(Text::ImportDuplicate), &[("value", &shown)]);
                        problems.push(ImportProblem::new(file, line, shown, reason));
                    }
                }
                None => columns.ignored.push(shown),
            }
        }
        if kind == Kind::Indicators {
            for col in INDICATOR_REQUIRED {
                if !columns.at.contains_key(&col) {
                    let german = table
                        .iter()
                        .find(|(c, _, _)| *c == col)
                        .map_or("", |(_, g, _)| *g);
                    problems.push(ImportProblem::new(
                        file,
                        line,
                        german,
                        lang.t(Text::CsvMissingColumn),
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(columns)
        } else {
            Err(problems)
        }
    }
}

/// One record being read: its cells by column, and the problems found in it.
struct Row<'r> {
    record: &'r ::csv::StringRecord,
    columns: &'r Columns,
    file: &'r str,
    line: usize,
    lang: Lang,
    style: Decimal,
    problems: Vec<ImportProblem>,
}

impl<'r> Row<'r> {
    /// The cell of `col` with a neutralising `'` removed; `None` when the file has no such column.
    fn cell(&self, col: Col) -> Option<&'r str> {
        let index = *self.columns.at.get(&col)?;
        Some(restore_formula(self.record.get(index).unwrap_or("")))
    }

    fn problem(&mut self, col: Col, reason: String) {
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
        col: Col,
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
        let Some(cell) = self.cell(Col::Id) else {
            return Ok(None);
        };
        if cell.trim().is_empty() {
            return Ok(None);
        }
        match MeasureId::parse(cell) {
            Some(id) => Ok(Some(id)),
            None => {
                let reason = fill(self.lang.t(Text::CsvBadId), &[("value", &cell.trim())]);
                self.problem(Col::Id, reason);
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
        for (col, field) in [
            (Col::Title, &mut m.title),
            (Col::Description, &mut m.description),
            (Col::Organisation, &mut m.organisation),
            (Col::Contact, &mut m.contact),
            (Col::Responsible, &mut m.responsible),
            (Col::Reference, &mut m.reference),
            (Col::Location, &mut m.location),
            (Col::Notes, &mut m.notes),
        ] {
            if let Some(cell) = self.cell(col) {
                *field = cell.to_string();
            }
        }
        let style = self.style;
        if let Some(fund) = self.value(Col::Fund, Fund::parse_input) {
            m.fund = fund;
        }
        for (col, field) in [
            (Col::Requested, &mut m.requested),
            (Col::Approved, &mut m.approved),
            (Col::Cofunding, &mut m.cofunding),
        ] {
            if let Some(value) = self.value(col, |t| parse_amount_in(t, style)) {
                *field = value;
            }
        }
        for (col, field) in [(Col::Start, &mut m.start), (Col::End, &mut m.end)] {
            if let Some(value) = self.value(col, parse_date) {
                *field = value;
            }
        }
        if let Some(status) = self.value(Col::Status, Status::parse_input) {
            m.status = status.unwrap_or(old.map_or(Status::Idee, |o| o.status));
        }
        if let Some(cell) = self.cell(Col::TargetGroups) {
            m.target_groups = split_list(cell).map(str::to_string).collect();
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
        let id = MeasureId::parse(self.cell(Col::Id).unwrap_or(""));
        let old = |snapshot: &Snapshot| id.map(|id| snapshot.goal_codes(id)).unwrap_or_default();
        let primary = self
            .cell(Col::PrimaryGoal)
            .map(|c| goal_code(c).to_string());
        let listed = self.cell(Col::Goals).map(|c| {
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
                self.problem(Col::Id, self.lang.t(Text::ProblemRequired).to_string());
                None
            }
            Err(()) => None,
        };
        let name = self.cell(Col::Indicator).unwrap_or("");
        let unit = self.cell(Col::Unit).unwrap_or("");
        let style = self.style;
        let baseline = self.value(Col::Baseline, |t| parse_decimal_in(t, style));
        let target = self.value(Col::Target, |t| parse_decimal_in(t, style));
        let actual = match self.cell(Col::Actual) {
            Some(_) => self.value(Col::Actual, |t| parse_decimal_in(t, style)),
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
            self.problem(Col::Baseline, required.clone());
        }
        if target.is_none() {
            self.problem(Col::Target, required);
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

/// The items of a list cell (`Eltern, Kinder`): split at `,` and at line breaks (our XLSX
/// puts one target group per line; saved as CSV that becomes a cell with line breaks),
/// trimmed, empty ones left out.
fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([',', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A note listing ignored column headers: the first ten, then how many more.
pub(crate) fn ignored_columns_note(
    file: &str,
    line: usize,
    ignored: &[String],
    lang: Lang,
) -> Option<ImportProblem> {
    ignored_note(file, line, ignored, Text::ImportIgnoredColumns, lang)
}

/// A note with `template` (which has `{names}`) listing ignored names: the first ten, then how
/// many more.
pub(crate) fn ignored_note(
    file: &str,
    line: usize,
    ignored: &[String],
    template: Text,
    lang: Lang,
) -> Option<ImportProblem> {
    const SHOWN: usize = 10;
    if ignored.is_empty() {
        return None;
    }
    let mut names = ignored
        .iter()
        .take(SHOWN)
        .map(|name| {
            fill(
                lang.t(Text::ImportQuoted),
                &[("value", &crate::text::truncate(name, 40))],
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    if ignored.len() > SHOWN {
        names.push_str(&fill(
            lang.t(Text::ImportAndMore),
            &[("count", &(ignored.len() - SHOWN))],
        ));
    }
    let reason = fill(lang.t(template), &[("names", &names)]);
    Some(ImportProblem::new(file, line, "", reason))
}

/// The text of an import file: UTF-8 when it is valid UTF-8 (a byte-order mark is skipped);
/// else Windows-1252 (Excel's "CSV (Trennzeichen-getrennt)") when every byte is a
/// Windows-1252 character, with a note saying so; else a problem naming the first byte that
/// is neither. Nothing is guessed beyond that.
pub fn decode<'b>(
    bytes: &'b [u8],
    file: &str,
    lang: Lang,
) -> Result<(std::borrow::Cow<'b, str>, Option<ImportProblem>), Vec<ImportProblem>> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((std::borrow::Cow::Borrowed(text), None));
    }
    // The five byte values Windows-1252 leaves undefined, and control characters other than
    // tab and line ends, which no text file of an office has.
    if let Some(offset) = bytes.iter().position(|b| {
        matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d | 0x7f)
            || (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
    }) {
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        let reason = fill(
            lang.t(Text::ImportNoEncoding),
            &[
                ("byte", &format!("0x{:02X}", bytes[offset])),
                ("offset", &offset),
            ],
        );
        return Err(vec![ImportProblem::new(file, line, "", reason)]);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let note = ImportProblem::whole_file(file, lang.t(Text::ImportReadAsWindows1252));
    Ok((text, Some(note)))
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
    let columns = Columns::read(&header, file, header_line, lang)?;
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
            Kind::Measures => {
                let measure = row.measure(existing);
                if row.problems.is_empty() {
                    incoming.measures.push(measure);
                } else {
                    incoming.check_goals_of(&measure);
                }
            }
            Kind::Indicators => {
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

#[cfg(test)]
mod tests;
