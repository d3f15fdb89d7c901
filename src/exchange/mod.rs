//! Import and export: the lossless `quartier/3` JSON document (`quartier/1` and `/2` still read), CSV for German Excel and XLSX.
//!
//! Every importer only *parses* its format into an [`Incoming`] document, collecting every
//! problem with file, line and field. [`plan`] then checks the document against the database
//! and turns it into store [`Op`](crate::ops::Op)s; nothing is written until the whole file is
//! valid, and a successful import is applied as one `Batch` — one history entry, one `undo`.

pub mod columns;
pub mod csv;
pub mod diff;
pub mod export;
pub mod formula_guard;
pub mod json;
mod lines;
mod plan;
mod problem;
pub mod record_log;
mod snapshot;
pub mod tables;
pub mod xlsx;

use std::path::Path;

pub use diff::FieldChange;
pub use export::{ExportError, ExportRequest, What};
pub use plan::{ImportOptions, MeasureDiff, Plan, changed_since, plan, plan_against, warn_stale};
pub use problem::ImportProblem;
pub use snapshot::Snapshot;

use crate::json_shapes::GoalJson;
use crate::model::{Indicator, Measure, MeasureId};

/// A file format for `export` and `import`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
    /// Markdown (export only: the report).
    Md,
}

impl Format {
    /// The explicit choice, else the file's extension (`.json`, `.csv`, `.xlsx`, `.md`).
    pub fn detect(explicit: Option<Format>, path: Option<&Path>) -> Option<Format> {
        explicit.or_else(|| {
            let extension = path?.extension()?.to_str()?.to_ascii_lowercase();
            match extension.as_str() {
                "json" => Some(Format::Json),
                "csv" | "txt" => Some(Format::Csv),
                "xlsx" => Some(Format::Xlsx),
                "md" | "markdown" => Some(Format::Md),
                _ => None,
            }
        })
    }
}

/// Largest file an importer reads (a QM office's portfolio is a few MB).
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// A parsed import file, not yet checked against the database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    /// Goals to add or update, matched by code (JSON only), parents before children.
    pub goals: Vec<IncomingGoal>,
    /// Measures to add or update.
    pub measures: Vec<IncomingMeasure>,
    /// Indicator lists that replace those of existing measures (an indicator-only CSV).
    pub indicator_updates: Vec<IndicatorUpdate>,
    /// Problems of single rows or cells found while parsing; the parser skips such rows and
    /// goes on, so [`plan`] can report them together with every other problem of the file.
    pub problems: Vec<ImportProblem>,
    /// Goal codes (with their line) of rows dropped for other problems: [`plan`] still checks
    /// that they exist, so every problem of a file is listed in one pass.
    pub goal_refs: Vec<(usize, String)>,
    /// When the file's content was current (milliseconds since the epoch): JSON `exported_at`,
    /// the XLSX workbook name `quartier_stand`; CSV has no place for it.
    pub stamp: Option<i64>,
    /// Things the user should know that do not stop the import (the encoding used, ignored
    /// columns or fields); shown as `Hinweis:` lines.
    pub notes: Vec<ImportProblem>,
    /// Pots, plans and payments (JSON `quartier/2`, issue 14).
    pub money: json::money::IncomingMoney,
    /// Sessions, decisions, steps and deadlines (JSON `quartier/3`, issue 15).
    pub course: json::course::IncomingCourse,
    /// The file (`a.xlsx[Zahlungen]`) a list of records came from when it is not the file
    /// itself, by list (`payments`), for the problems the check against the database finds.
    pub record_files: std::collections::HashMap<&'static str, String>,
}

/// Milliseconds of an RFC 3339 time; a time given in whole seconds covers all of that second.
pub fn parse_stamp(text: &str) -> Option<i64> {
    let time = chrono::DateTime::parse_from_rfc3339(text.trim()).ok()?;
    let ms = time.timestamp_millis();
    Some(
        if time.timestamp_subsec_millis() == 0 && !text.contains('.') {
            ms + 999
        } else {
            ms
        },
    )
}

impl Incoming {
    /// Keeps the goal codes of a measure that is dropped for other problems, for checking.
    pub fn check_goals_of(&mut self, measure: &IncomingMeasure) {
        for code in measure.goals.iter().flatten() {
            self.goal_refs.push((measure.line, code.clone()));
        }
    }
}

/// A goal from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct IncomingGoal {
    /// Line (or row) in the file, for messages.
    pub line: usize,
    pub goal: GoalJson,
}

/// A measure from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct IncomingMeasure {
    /// Line (or row) in the file, for messages.
    pub line: usize,
    /// `Some` when the file names an id: that measure is updated, or added under that id.
    /// `None`: added with a new id.
    pub id: Option<MeasureId>,
    /// Every field except links; `measure.id` is ignored (see `id`). When `indicators` is
    /// `None` the measure's indicators are not in this file and stay as they are.
    pub measure: Measure,
    pub indicators: Option<Vec<Indicator>>,
    /// Goal codes, primary first; `None` leaves the links of an existing measure alone.
    pub goals: Option<Vec<String>>,
}

/// A new indicator list for one measure.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorUpdate {
    /// Line of the first indicator of this measure.
    pub line: usize,
    pub measure: MeasureId,
    pub indicators: Vec<Indicator>,
}

/// Most problems printed for one import file; the rest are counted (a hostile file must not
/// print a million lines).
pub const MAX_SHOWN_PROBLEMS: usize = 500;

/// The problems as lines to print: the first [`MAX_SHOWN_PROBLEMS`], then `… und N weitere`.
pub fn shown_problems(problems: &[ImportProblem], lang: crate::i18n::Lang) -> Vec<String> {
    let mut lines: Vec<String> = problems
        .iter()
        .take(MAX_SHOWN_PROBLEMS)
        .map(ToString::to_string)
        .collect();
    if problems.len() > MAX_SHOWN_PROBLEMS {
        lines.push(crate::i18n::fill(
            lang.t(crate::i18n::Text::ImportMoreProblems),
            &[("count", &(problems.len() - MAX_SHOWN_PROBLEMS))],
        ));
    }
    lines
}

/// Reads a whole import file, refusing files above [`MAX_IMPORT_BYTES`].
pub fn read_file(path: &Path, lang: crate::i18n::Lang) -> Result<Vec<u8>, Vec<ImportProblem>> {
    use std::io::Read;
    let file = path.display().to_string();
    let problem = |reason: String| vec![ImportProblem::whole_file(&file, reason)];
    let explain = |e: std::io::Error| problem(crate::i18n::explain_io(path, &e, lang));
    let handle = std::fs::File::open(path).map_err(explain)?;
    let mut bytes = Vec::new();
    handle
        .take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(explain)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        let reason = crate::i18n::fill(
            lang.t(crate::i18n::Text::ImportTooLarge),
            &[("max", &(MAX_IMPORT_BYTES / 1024 / 1024))],
        );
        return Err(problem(reason));
    }
    Ok(bytes)
}
