//! `quartier log`: the history, newest first — all of it, or only what touched one measure
//! (`--measure`, with every changed field old → new) or one goal (`--goal`).

use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::output::{self, Align};
use crate::exchange::diff::{FieldChange, measure_changes};
use crate::i18n::{Lang, Text};
use crate::model::{GoalId, Measure, MeasureId};
use crate::ops::{Op, describe_entry, names_for, original_entry};
use crate::store::{EntryKind, HistoryEntry, Repository};

/// Which entries `log` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    All,
    Measure(MeasureId),
    Goal(GoalId),
}

impl Of {
    /// From `--measure` / `--goal` (one of them at most). A measure is named by its id, so
    /// the history of a deleted one can still be read; a goal must exist.
    pub fn parse(
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

    fn matches(self, entry: &HistoryEntry) -> bool {
        let ops = [&entry.op, &entry.inverse];
        match self {
            Of::All => true,
            Of::Measure(id) => ops.iter().any(|op| op.touched_measures().contains(&id)),
            Of::Goal(id) => ops.iter().any(|op| op.touched_goals().contains(&id)),
        }
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

/// The newest `limit` entries that `of` selects (reading back in growing batches).
fn entries(repo: &dyn Repository, of: Of, limit: usize) -> Result<Vec<HistoryEntry>, CliError> {
    if of == Of::All {
        return Ok(repo.history(limit)?);
    }
    let mut batch = limit.max(64);
    loop {
        let all = repo.history(batch)?;
        let exhausted = all.len() < batch;
        let chosen: Vec<HistoryEntry> = all.into_iter().filter(|e| of.matches(e)).collect();
        if exhausted || chosen.len() >= limit {
            return Ok(chosen.into_iter().take(limit).collect());
        }
        batch = batch.saturating_mul(4);
    }
}

/// The fields of measure `id` that `op` changed, old → new (an update found in a batch too).
fn field_changes(op: &Op, inverse: &Op, id: MeasureId, lang: Lang) -> Vec<FieldChange> {
    let updated = |op: &Op| -> Option<Measure> {
        let mut found = None;
        visit(op, &mut |op| {
            if let Op::UpdateMeasure { measure } = op
                && measure.id == id
            {
                found = Some(measure.clone());
            }
        });
        found
    };
    match (updated(inverse), updated(op)) {
        (Some(old), Some(new)) => measure_changes(&old, &new, None, lang),
        _ => Vec::new(),
    }
}

fn visit(op: &Op, f: &mut impl FnMut(&Op)) {
    match op {
        Op::Batch { ops } | Op::Labeled { ops, .. } => ops.iter().for_each(|op| visit(op, f)),
        Op::Expect { op, .. } => visit(op, f),
        other => f(other),
    }
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
    let entries = entries(repo, of, limit)?;
    let originals = entries
        .iter()
        .map(|e| original_entry(repo, e))
        .collect::<Result<Vec<_>, _>>()?;
    let pairs: Vec<(&HistoryEntry, &HistoryEntry)> = entries.iter().zip(&originals).collect();
    // Newest first: a goal deleted after an entry is named by the newer entry that deleted it.
    let names = names_for(repo, &pairs)?;
    let what = |(entry, original): &(&HistoryEntry, &HistoryEntry)| {
        describe_entry(entry.kind, &original.op, lang, &names)
    };
    let changes = |entry: &HistoryEntry| match of {
        Of::Measure(id) => field_changes(&entry.op, &entry.inverse, id, lang),
        _ => Vec::new(),
    };
    if as_json {
        let list: Vec<LogJson> = pairs
            .iter()
            .map(|pair| LogJson {
                seq: pair.0.seq,
                time: chrono::DateTime::from_timestamp_millis(pair.0.time_ms)
                    .map(|t| t.to_rfc3339())
                    .unwrap_or_default(),
                user: &pair.0.user,
                kind: match pair.0.kind {
                    EntryKind::Do => "do",
                    EntryKind::Undo { .. } => "undo",
                    EntryKind::Redo { .. } => "redo",
                },
                what: what(pair),
                changes: changes(pair.0)
                    .into_iter()
                    .map(|c| ChangeJson {
                        field: c.field,
                        old: c.old,
                        new: c.new,
                    })
                    .collect(),
                op: &pair.0.op,
            })
            .collect();
        output::json(out, &list)?;
        return Ok(());
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for pair in &pairs {
        rows.push(vec![
            pair.0.seq.to_string(),
            pair.0.local_time(),
            pair.0.user.clone(),
            what(pair),
        ]);
        for change in changes(pair.0) {
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
