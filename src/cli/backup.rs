//! `quartier backup`, `quartier restore` and the daily backup at start.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use super::CliError;
use crate::backup::{self, RestoreSummary};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::store::{Repository, Store};

/// The first start of each day writes a backup; a failure is a warning, never a reason to stop.
pub fn daily(store: &Store, lang: Lang) {
    let today = chrono::Local::now().date_naive();
    if let Err(error) = backup::daily(store, store.path(), today) {
        let text = fill(
            lang.t(Text::BackupFailed),
            &[("error", &error.localize(lang))],
        );
        eprintln!(
            "{}: {}",
            lang.t(Text::WarningPrefix),
            crate::text::sanitize_line(&text)
        );
    }
}

/// `quartier backup [-o FILE]`.
pub fn run(
    store: &dyn Repository,
    database: &Path,
    lang: Lang,
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let progress = super::progress::Progress::start(lang, "backup", 1);
    progress.step(Text::ProgressBackup);
    let path = backup::on_demand(store, database, output).map_err(|e| match e {
        backup::BackupError::Store(e) => CliError::Store(e),
        // Names the path (i18n::explain); `backup` has no --force, so no hint to use one.
        backup::BackupError::Io(e) => CliError::Output(e),
    })?;
    progress.clear();
    let text = fill(lang.t(Text::DoneBackup), &[("path", &path.display())]);
    writeln!(out, "{}", crate::text::sanitize_line(&text))?;
    Ok(())
}

/// `quartier restore FILE [--yes]`: asks first (on a terminal), then replaces everything as one
/// history entry.
pub fn restore(
    store: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    file: &Path,
    yes: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let name = file.display().to_string();
    let mut progress = super::progress::Progress::start(lang, "restore", 3);
    progress.step(Text::ProgressReadFile);
    let bytes = crate::exchange::read_file(file, lang).map_err(CliError::Import)?;
    let incoming = crate::exchange::json::parse(&bytes, &name, lang).map_err(CliError::Import)?;
    progress.set_count(incoming.measures.len());
    progress.step(Text::ProgressCheck);
    let (op, summary) =
        backup::restore_op(store, &incoming, &name, lang).map_err(CliError::Import)?;
    if !yes && !progress.suspend(|| confirm(lang, &name, summary))? {
        progress.clear();
        writeln!(out, "{}", lang.t(Text::Aborted))?;
        return Ok(());
    }
    progress.step(Text::ProgressStore);
    store.apply(op, actor)?;
    progress.clear();
    let text = fill(
        lang.t(Text::DoneRestore),
        &[
            ("measures", &summary.measures_after),
            ("goals", &summary.goals_after),
        ],
    );
    writeln!(out, "{text}")?;
    Ok(())
}

fn confirm(lang: Lang, file: &str, s: RestoreSummary) -> Result<bool, CliError> {
    if !std::io::stdin().is_terminal() {
        return Err(CliError::NeedsYes);
    }
    let question = fill(
        lang.t(Text::AskRestore),
        &[
            ("file", &file),
            ("measures", &s.measures_before),
            ("goals", &s.goals_before),
            ("new_measures", &s.measures_after),
            ("new_goals", &s.goals_after),
        ],
    );
    eprint!("{} ", crate::text::sanitize_line(&question));
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim(),
        "j" | "J" | "y" | "Y" | "ja" | "yes"
    ))
}
