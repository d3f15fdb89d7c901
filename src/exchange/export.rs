//! One entry point for every export, used by `quartier export` and the TUI's `x`: the bytes of
//! the whole database in the chosen format.

use super::{Format, Snapshot};
use crate::i18n::Lang;
use crate::store::{Repository, StoreError};

/// What a CSV export contains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// One row per measure.
    #[default]
    Measures,
    /// One row per indicator.
    Indicators,
    /// One row per payment (issue 14).
    Payments,
    /// One row per yearly instalment (issue 14).
    Plan,
    /// One row per fund and year (issue 14).
    Pots,
    /// One row per decision, with its session (issue 15).
    Decisions,
    /// One row per deadline (issue 15).
    Deadlines,
}

impl What {
    /// The record table of issues 14 and 15 this is, if it is one.
    pub fn record_table(self) -> Option<super::tables::RecordTable> {
        use super::tables::RecordTable;
        match self {
            What::Measures | What::Indicators => None,
            What::Payments => Some(RecordTable::Payments),
            What::Plan => Some(RecordTable::Plan),
            What::Pots => Some(RecordTable::Pots),
            What::Decisions => Some(RecordTable::Decisions),
            What::Deadlines => Some(RecordTable::Deadlines),
        }
    }
}

/// An export to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: Format,
    /// CSV only.
    pub what: What,
    /// JSON only: include the history (oldest first).
    pub with_history: bool,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The format cannot be produced here (e.g. XLSX to standard output).
    #[error("format not supported: {0:?}")]
    Unsupported(Format),
    #[error("{0}")]
    Other(String),
}

/// The file content of `request` for the whole database.
pub fn bytes(
    store: &dyn Repository,
    request: ExportRequest,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    convert(read(store, request)?, request, lang)
}

/// What an export reads from the database: taken where the repository is, then turned into
/// bytes by [`convert`] anywhere (the TUI does that on a thread of its own, so it stays
/// responsive while a large XLSX file is made).
pub struct ExportInput {
    snapshot: Snapshot,
    /// JSON with history: every entry, oldest first.
    history: Option<Vec<crate::ops::HistoryEntry>>,
    /// XLSX: the time of the last change.
    stamp: Option<String>,
    /// Markdown: the pots, plans and payments for the report.
    money: Option<crate::report::pots::Money>,
}

/// Reads what `request` needs from the database.
pub fn read(store: &dyn Repository, request: ExportRequest) -> Result<ExportInput, ExportError> {
    let snapshot = Snapshot::read(store)?;
    let history = if request.format == Format::Json && request.with_history {
        let mut entries = store.history(usize::MAX)?;
        entries.reverse();
        Some(entries)
    } else {
        None
    };
    let stamp = if request.format == Format::Xlsx {
        last_change(store)?
    } else {
        None
    };
    let money = if request.format == Format::Md {
        Some(crate::report::pots::Money::read(store)?)
    } else {
        None
    };
    Ok(ExportInput {
        snapshot,
        history,
        stamp,
        money,
    })
}

/// The file content of `request` from what [`read`] took.
pub fn convert(
    input: ExportInput,
    request: ExportRequest,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let ExportInput {
        snapshot,
        history,
        stamp,
        money,
    } = input;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(match request.format {
        Format::Json => super::json::export(&snapshot, history.as_deref(), &now).into_bytes(),
        Format::Csv => match (request.what, request.what.record_table()) {
            (_, Some(table)) => super::csv::export_table(table, &snapshot),
            (What::Indicators, None) => super::csv::export_indicators(&snapshot),
            (_, None) => super::csv::export_measures(&snapshot),
        },
        Format::Xlsx => super::xlsx::export_stamped(&snapshot, stamp.as_deref())
            .map_err(|e| ExportError::Other(e.to_string()))?,
        Format::Md => {
            let today = crate::report::today().map_err(ExportError::Other)?;
            let links: Vec<_> = snapshot.links.values().flatten().copied().collect();
            let money = money.unwrap_or_default();
            let report = crate::report::Report::compute_with_money(
                &snapshot.goals,
                &snapshot.measures,
                &links,
                &money,
                None,
                today,
            );
            crate::report::markdown::render(&report, lang).into_bytes()
        }
    })
}

/// The time of the database's newest history entry (RFC 3339, UTC), if there is one: the
/// state an XLSX file shows, recorded in it for the staleness check of a later import.
fn last_change(store: &dyn Repository) -> Result<Option<String>, StoreError> {
    Ok(store.history(1)?.first().and_then(|entry| {
        chrono::DateTime::from_timestamp_millis(entry.time_ms)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    }))
}
