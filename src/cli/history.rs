//! `quartier undo`, `redo`, `log`, `check`.

use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::output::{self, Align};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::ops::{Op, describe_entry, history_message, names_for, original_entry};
use crate::store::{EntryKind, HistoryEntry, Repository};

/// `quartier undo`: says what was undone, as the TUI does.
pub fn undo(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let applied = repo.undo(actor)?;
    output::line(out, &history_message(repo, applied.seq, lang)?)?;
    Ok(())
}

/// `quartier redo`.
pub fn redo(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let applied = repo.redo(actor)?;
    output::line(out, &history_message(repo, applied.seq, lang)?)?;
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

/// `quartier log`: newest first.
pub fn log(
    repo: &dyn Repository,
    lang: Lang,
    as_json: bool,
    limit: usize,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let entries = repo.history(limit)?;
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
                op: &pair.0.op,
            })
            .collect();
        output::json(out, &list)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = pairs
        .iter()
        .map(|pair| {
            vec![
                pair.0.seq.to_string(),
                pair.0.local_time(),
                pair.0.user.clone(),
                what(pair),
            ]
        })
        .collect();
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
