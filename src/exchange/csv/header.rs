//! The header of an import file: which column holds what. Measure files take their columns from
//! [`crate::exchange::columns`]; indicator files have their own fixed set.

use std::collections::HashMap;

use crate::exchange::ImportProblem;
use crate::exchange::columns::{
    INDICATOR_HEADERS, MeasureColumnKind, measure_columns, normalise_header,
};
use crate::i18n::{Lang, Text, fill};

/// A column an import file may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum CsvColumn {
    /// A column of a measure file (its `ID` is [`CsvColumn::Id`]).
    Measure(MeasureColumnKind),
    Id,
    /// The measure's title in an indicator file.
    Title,
    Indicator,
    Unit,
    Baseline,
    Target,
    Actual,
}

/// Columns of an indicator file.
const INDICATOR_COLUMNS: [NamedColumn; 7] = [
    (CsvColumn::Id, INDICATOR_HEADERS[0], &[]),
    (
        CsvColumn::Title,
        INDICATOR_HEADERS[1],
        &["massnahme", "measure", "title"],
    ),
    (
        CsvColumn::Indicator,
        INDICATOR_HEADERS[2],
        &["indicator", "name"],
    ),
    (CsvColumn::Unit, INDICATOR_HEADERS[3], &["unit"]),
    (CsvColumn::Baseline, INDICATOR_HEADERS[4], &["baseline"]),
    (CsvColumn::Target, INDICATOR_HEADERS[5], &["target"]),
    (CsvColumn::Actual, INDICATOR_HEADERS[6], &["actual"]),
];

/// Columns an indicator file must have.
const INDICATOR_REQUIRED: [CsvColumn; 4] = [
    CsvColumn::Id,
    CsvColumn::Indicator,
    CsvColumn::Baseline,
    CsvColumn::Target,
];

/// The header of a file: which column holds what.
pub(super) struct CsvHeader {
    pub kind: FileKind,
    /// Column index of each known column.
    pub at: HashMap<CsvColumn, usize>,
    /// Header text of each column, as the file writes it (for problems).
    pub names: Vec<String>,
    /// Columns with an empty header.
    pub unnamed: Vec<usize>,
    /// Headers of columns quartier does not know (an office's own `Bemerkung`): ignored.
    pub ignored: Vec<String>,
}

/// What an import file holds, told apart by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileKind {
    Measures,
    Indicators,
}

impl CsvHeader {
    /// Reads the header; every unknown, doubled or (for indicators) missing column is a problem.
    pub(super) fn read(
        header: &::csv::StringRecord,
        file: &str,
        line: usize,
        lang: Lang,
    ) -> Result<CsvHeader, Vec<ImportProblem>> {
        let normalised: Vec<String> = header.iter().map(normalise_header).collect();
        let kind = if normalised
            .iter()
            .any(|n| n == "indikator" || n == "indicator")
        {
            FileKind::Indicators
        } else {
            FileKind::Measures
        };
        let table = known_columns(kind);
        let mut columns = CsvHeader {
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
        if kind == FileKind::Indicators {
            problems.extend(missing_indicator_columns(&columns, file, line, lang));
        }
        if problems.is_empty() {
            Ok(columns)
        } else {
            Err(problems)
        }
    }
}

/// A column with its German header and the other names accepted for it.
type NamedColumn = (CsvColumn, &'static str, &'static [&'static str]);

/// The columns a file of `kind` may have.
fn known_columns(kind: FileKind) -> Vec<NamedColumn> {
    match kind {
        FileKind::Measures => (measure_columns().iter())
            .map(|c| (CsvColumn::of(c.kind), c.header, &c.aliases[..]))
            .collect(),
        FileKind::Indicators => INDICATOR_COLUMNS.to_vec(),
    }
}

/// A problem for every column an indicator file must have and `header` lacks.
fn missing_indicator_columns(
    header: &CsvHeader,
    file: &str,
    line: usize,
    lang: Lang,
) -> Vec<ImportProblem> {
    (INDICATOR_COLUMNS.iter())
        .filter(|(col, _, _)| INDICATOR_REQUIRED.contains(col) && !header.at.contains_key(col))
        .map(|(_, german, _)| {
            ImportProblem::new(file, line, *german, lang.t(Text::CsvMissingColumn))
        })
        .collect()
}

impl CsvColumn {
    /// The column of a measure file; its id is the same column as an indicator file's.
    pub(super) fn of(column: MeasureColumnKind) -> CsvColumn {
        match column {
            MeasureColumnKind::Id => CsvColumn::Id,
            other => CsvColumn::Measure(other),
        }
    }
}
