//! `quartier undo`, `redo`, `check` (`log` is in log.rs).

use std::io::Write;

use super::CliError;
use super::output;
use crate::i18n::{Lang, Localize, Text, fill};
use crate::ops::history_message;
use crate::store::Repository;

/// `quartier undo`: reverts the caller's newest change and says what was undone, as the TUI
/// does. When a colleague changed the same record since, it refuses (naming who, what and
/// when) unless `force`.
pub fn undo(
    repo: &mut dyn Repository,
    actor: &str,
    force: bool,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let applied = match force {
        true => repo.undo_anyway(actor)?,
        false => repo.undo(actor)?,
    };
    output::line(out, &history_message(repo, applied.seq, lang)?)?;
    Ok(())
}

/// `quartier redo`: re-applies the caller's newest undone change, refusing like `undo`.
pub fn redo(
    repo: &mut dyn Repository,
    actor: &str,
    force: bool,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let applied = match force {
        true => repo.redo_anyway(actor)?,
        false => repo.redo(actor)?,
    };
    output::line(out, &history_message(repo, applied.seq, lang)?)?;
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
