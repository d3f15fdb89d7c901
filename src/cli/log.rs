//! `quartier log`: the history, newest first — all of it, or only what touched one measure
//! (`--measure`) or one goal (`--goal`), with every changed field old → new. Selecting and
//! describing entries is [`crate::exchange::record_log`], shared with the TUI's history view.

use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::output::{self, Align};
use crate::exchange::record_log;
pub use crate::exchange::record_log::Of;
use crate::i18n::{Lang, Text};
use crate::model::MeasureId;
use crate::ops::Op;
use crate::store::{EntryKind, Repository};

/// Which entries `log` shows, from `--measure` / `--goal` (one of them at most). A measure is
/// named by its id, so the history of a deleted one can still be read; a goal must exist.
pub fn of(
    repo: &dyn Repository,
    measure: Option<&str>,
    goal: Option<&str>,
) -> Result<Of, CliError> {
    match (measure, goal) {
        (Some(id), _) => MeasureId::parse(id)
            .map(Of::Measure)
            .ok_or_else(|| CliError::UnknownMeasure(id.trim().to_string())),
        (None, Some(code)) => Ok(Of::Goal(super::goals::resolve(repo, code)?.id)),
        (None, None) => Ok(Of::All),
    }
}

#[derive(Serialize)]
struct LogJson<'a> {
    seq: u64,
    time: String,
    user: &'a str,
    kind: &'static str,
    what: String,
    /// Fields of the measure asked for (`--measure`) that the entry changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changes: Vec<ChangeJson>,
    op: &'a Op,
}

#[derive(Serialize)]
struct ChangeJson {
    field: String,
    old: String,
    new: String,
}

/// `quartier log`: newest first.
pub fn log(
    repo: &dyn Repository,
    lang: Lang,
    as_json: bool,
    limit: usize,
    of: Of,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let entries = record_log::select(repo, of, limit, None)?.entries;
    let items = record_log::describe(repo, of, entries, lang)?;
    if as_json {
        let list: Vec<LogJson> = items
            .iter()
            .map(|item| LogJson {
                seq: item.entry.seq,
                time: chrono::DateTime::from_timestamp_millis(item.entry.time_ms)
                    .map(|t| t.to_rfc3339())
                    .unwrap_or_default(),
                user: &item.entry.user,
                kind: match item.entry.kind {
                    EntryKind::Do => "do",
                    EntryKind::Undo { .. } => "undo",
                    EntryKind::Redo { .. } => "redo",
                },
                what: item.what.clone(),
                changes: item
                    .changes
                    .iter()
                    .map(|c| ChangeJson {
                        field: c.field.clone(),
                        old: c.old.clone(),
                        new: c.new.clone(),
                    })
                    .collect(),
                op: &item.entry.op,
            })
            .collect();
        output::json(out, &list)?;
        return Ok(());
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for item in &items {
        rows.push(vec![
            item.entry.seq.to_string(),
            item.entry.local_time(),
            item.entry.user.clone(),
            item.what.clone(),
        ]);
        for change in &item.changes {
            rows.push(vec![
                String::new(),
                String::new(),
                String::new(),
                format!("  {change}"),
            ]);
        }
    }
    let header = [
        "#",
        lang.t(Text::HeaderWhen),
        lang.t(Text::HeaderUser),
        lang.t(Text::HeaderWhat),
    ];
    output::table(
        out,
        &header,
        &[
            (Align::Right, 8),
            (Align::Left, 19),
            (Align::Left, 16),
            (Align::Left, 100),
        ],
        &rows,
    )?;
    Ok(())
}
