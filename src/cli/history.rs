//! `quartier undo`, `redo`, `log`, `check`.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::goals::goal_codes;
use super::output::{self, Align};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::GoalId;
use crate::ops::{Op, describe};
use crate::store::{EntryKind, HistoryEntry, Repository};

/// The op a user made that `entry` is about: itself, or the entry it undid or redid.
fn original_op(repo: &dyn Repository, entry: &HistoryEntry) -> Result<Op, CliError> {
    let mut current = entry.clone();
    // Follow undo → redo → … back to the change someone made; seqs only go down, so this ends.
    while let EntryKind::Undo { of } | EntryKind::Redo { of } = current.kind {
        match repo.history_entry(of)? {
            Some(earlier) if earlier.seq < current.seq => current = earlier,
            _ => break,
        }
    }
    Ok(current.op)
}

fn describe_newest(repo: &dyn Repository, lang: Lang) -> Result<String, CliError> {
    let codes = goal_codes(repo)?;
    match repo.history(1)?.first() {
        Some(entry) => Ok(describe(&original_op(repo, entry)?, lang, &codes)),
        None => Ok(String::new()),
    }
}

/// `quartier undo`.
pub fn undo(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    repo.undo(actor)?;
    let what = describe_newest(repo, lang)?;
    output::line(out, &fill(lang.t(Text::DoneUndo), &[("what", &what)]))?;
    Ok(())
}

/// `quartier redo`.
pub fn redo(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    repo.redo(actor)?;
    let what = describe_newest(repo, lang)?;
    output::line(out, &fill(lang.t(Text::DoneRedo), &[("what", &what)]))?;
    Ok(())
}

#[derive(Serialize)]
struct LogJson<'a> {
    seq: u64,
    time: String,
    user: &'a str,
    kind: &'static str,
    what: String,
    op: &'a Op,
}

fn what(
    repo: &dyn Repository,
    entry: &HistoryEntry,
    lang: Lang,
    codes: &HashMap<GoalId, String>,
) -> Result<String, CliError> {
    let text = describe(&original_op(repo, entry)?, lang, codes);
    Ok(match entry.kind {
        EntryKind::Do => text,
        EntryKind::Undo { .. } => fill(lang.t(Text::LogUndo), &[("what", &text)]),
        EntryKind::Redo { .. } => fill(lang.t(Text::LogRedo), &[("what", &text)]),
    })
}

/// `quartier log`: newest first.
pub fn log(
    repo: &dyn Repository,
    lang: Lang,
    as_json: bool,
    limit: usize,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let entries = repo.history(limit)?;
    let codes = goal_codes(repo)?;
    if as_json {
        let list: Vec<LogJson> = entries
            .iter()
            .map(|e| {
                Ok(LogJson {
                    seq: e.seq,
                    time: chrono::DateTime::from_timestamp_millis(e.time_ms)
                        .map(|t| t.to_rfc3339())
                        .unwrap_or_default(),
                    user: &e.user,
                    kind: match e.kind {
                        EntryKind::Do => "do",
                        EntryKind::Undo { .. } => "undo",
                        EntryKind::Redo { .. } => "redo",
                    },
                    what: what(repo, e, lang, &codes)?,
                    op: &e.op,
                })
            })
            .collect::<Result<_, CliError>>()?;
        output::json(out, &list)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            Ok(vec![
                e.seq.to_string(),
                e.local_time(),
                e.user.clone(),
                what(repo, e, lang, &codes)?,
            ])
        })
        .collect::<Result<_, CliError>>()?;
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

/// `quartier check`: exit 0 when all is well, 1 with the list of problems otherwise.
pub fn check(repo: &dyn Repository, lang: Lang, out: &mut impl Write) -> Result<i32, CliError> {
    let problems = repo.check();
    if problems.is_empty() {
        let goals = repo.goals()?.len();
        let measures = repo.measures()?.len();
        let links = repo.links()?.len();
        output::line(
            out,
            &fill(
                lang.t(Text::CheckOk),
                &[
                    ("goals", &goals),
                    ("measures", &measures),
                    ("links", &links),
                ],
            ),
        )?;
        return Ok(0);
    }
    output::line(
        out,
        &fill(lang.t(Text::CheckProblems), &[("count", &problems.len())]),
    )?;
    for problem in problems {
        output::line(out, &format!("  {}", problem.localize(lang)))?;
    }
    Ok(1)
}
