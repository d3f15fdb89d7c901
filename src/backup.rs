//! Backups as `quartier/3` JSON documents next to the database: one automatically on the first
//! start of each day (`backups/quartier-YYYY-MM-DD.json`, the last 14 kept), one on demand with
//! `quartier backup`, and `quartier restore FILE`, which replaces the database content as one
//! undoable history entry. Files are written to a temporary file, synced and renamed, readable by
//! the owner only.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::exchange::{self, ImportOptions, ImportProblem, Incoming, Snapshot};
use crate::i18n::{Lang, Localize};
use crate::model::GoalId;
use crate::ops::Op;
use crate::store::{Repository, StoreError};

/// How many daily backups are kept.
pub const KEEP: usize = 14;

/// The backup directory of a database: `backups/` next to the database directory.
pub fn directory(database: &Path) -> PathBuf {
    database
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// File name of the daily backup of `day`.
pub fn daily_name(day: NaiveDate) -> String {
    format!("quartier-{}.json", day.format("%Y-%m-%d"))
}

fn is_daily_name(name: &str) -> bool {
    name.strip_prefix("quartier-")
        .and_then(|rest| rest.strip_suffix(".json"))
        .is_some_and(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
}

/// The whole database as a `quartier/3` document (with money, decisions and deadlines; without
/// history).
pub fn document(store: &dyn Repository) -> Result<String, StoreError> {
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(exchange::json::export(&Snapshot::read(store)?, None, &now))
}

/// Creates the backup directory (0700); a file in its place is a `NotADirectory` error. Errors
/// name the directory. When the database directory is shared with a group (`serve --group`),
/// so is the backup directory (2770, best effort: it may belong to a colleague already), and
/// the backups are written for the group too ([`crate::files::Access::Group`]).
fn create_directory(dir: &Path, database: &Path) -> std::io::Result<crate::files::Access> {
    if dir.exists() && !dir.is_dir() {
        let error = std::io::Error::from(std::io::ErrorKind::NotADirectory);
        return Err(crate::files::at_path(dir, error));
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| crate::files::at_path(dir, e))?;
    let Some(gid) = crate::files::shared_group(database) else {
        return Ok(crate::files::Access::Private);
    };
    if crate::files::shared_group(dir) != Some(gid) {
        let _ = crate::files::share_dir(dir, gid);
    }
    Ok(crate::files::Access::Group)
}

/// The daily backup of the database at `database`, read through `store`: written when
/// today's file does not exist yet; older daily backups beyond the newest [`KEEP`] are
/// deleted. Returns the path when a backup was written.
pub fn daily(
    store: &dyn Repository,
    database: &Path,
    today: NaiveDate,
) -> Result<Option<PathBuf>, BackupError> {
    let dir = directory(database);
    let path = dir.join(daily_name(today));
    if path.exists() {
        return Ok(None);
    }
    let access = create_directory(&dir, database)?;
    let text = document(store)?;
    crate::files::write_atomically(&path, text.as_bytes(), false, access)?;
    prune(&dir).map_err(|e| crate::files::at_path(&dir, e))?;
    Ok(Some(path))
}

/// Deletes daily backups beyond the newest [`KEEP`]; other files are left alone.
pub fn prune(dir: &Path) -> std::io::Result<()> {
    let mut daily: Vec<String> = std::fs::read_dir(dir)?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| is_daily_name(name))
        .collect();
    daily.sort();
    let excess = daily.len().saturating_sub(KEEP);
    for name in &daily[..excess] {
        std::fs::remove_file(dir.join(name))?;
    }
    Ok(())
}

/// A backup of the database at `database`, read through `store`, made on demand:
/// `backups/quartier-YYYY-MM-DD-HHMMSS.json` (never pruned), or `to`.
pub fn on_demand(
    store: &dyn Repository,
    database: &Path,
    to: Option<&Path>,
) -> Result<PathBuf, BackupError> {
    let (path, access) = match to {
        Some(path) => (path.to_path_buf(), crate::files::Access::Private),
        None => {
            let dir = directory(database);
            let access = create_directory(&dir, database)?;
            let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
            (dir.join(format!("quartier-{stamp}.json")), access)
        }
    };
    crate::files::write_atomically(&path, document(store)?.as_bytes(), false, access)?;
    Ok(path)
}

/// Why a backup failed.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Localize for BackupError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            BackupError::Store(e) => e.localize(lang),
            BackupError::Io(e) => crate::i18n::explain(e, lang).unwrap_or_else(|| e.to_string()),
        }
    }
}

/// What a restore will replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RestoreSummary {
    pub measures_before: usize,
    pub goals_before: usize,
    pub measures_after: usize,
    pub goals_after: usize,
}

/// The one op that replaces the whole database content with `incoming` (a `quartier/1`, `/2`
/// or `/3` document): every measure (with its plan, payments, decisions, steps and deadlines),
/// goal, pot, session and deadline is deleted, then the document's records are added (measures,
/// payments, sessions, decisions, steps and deadlines keep their ids). Undo brings the old
/// content back.
pub fn restore_op(
    store: &dyn Repository,
    incoming: &Incoming,
    file: &str,
    lang: Lang,
) -> Result<(Op, RestoreSummary), Vec<ImportProblem>> {
    let whole = |e: StoreError| vec![ImportProblem::whole_file(file, e.localize(lang))];
    let current = Snapshot::read(store).map_err(whole)?;
    let next_ids = store.next_ids().map_err(whole)?;
    let empty = Snapshot::new(Vec::new(), Vec::new(), Vec::new());
    let options = ImportOptions { create_goals: true };
    let plan = exchange::plan_against(&empty, next_ids, incoming, options, file, lang)?;
    let mut ops: Vec<Op> = current
        .measures
        .iter()
        .map(|m| Op::DeleteMeasure { id: m.id })
        .collect();
    let top: Vec<GoalId> = current
        .goals
        .iter()
        .filter(|g| g.parent.is_none())
        .map(|g| g.id)
        .collect();
    ops.extend(top.into_iter().map(|id| Op::DeleteGoal { id, force: true }));
    // Plans and payments go with their measures; pots are the database's own (issue 14).
    ops.extend((current.pots.iter()).map(|p| Op::RemovePot {
        fund: p.fund,
        year: p.year,
    }));
    // Decisions, steps and a measure's deadlines go with their measures; sessions and the
    // office's own deadlines are removed here (issue 15).
    ops.extend((current.sessions.iter()).map(|s| Op::RemoveSession { id: s.id }));
    ops.extend(
        (current.deadlines.iter())
            .filter(|d| {
                d.measure
                    .is_none_or(|m| !current.measures.iter().any(|x| x.id == m))
            })
            .map(|d| Op::RemoveDeadline { id: d.id }),
    );
    let summary = RestoreSummary {
        measures_before: current.measures.len(),
        goals_before: current.goals.len(),
        measures_after: plan.added.len(),
        goals_after: plan.goals_added.len(),
    };
    ops.extend(plan.ops);
    Ok((Op::Batch { ops }, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_names_and_pruning_keep_the_newest_fourteen() {
        let dir = tempfile::tempdir().unwrap();
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for day in 0..20 {
            let name = daily_name(first + chrono::Days::new(day));
            std::fs::write(dir.path().join(name), "{}").unwrap();
        }
        std::fs::write(dir.path().join("quartier-2020-01-01-120000.json"), "{}").unwrap();
        std::fs::write(dir.path().join("notizen.txt"), "x").unwrap();
        prune(dir.path()).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names.len(), KEEP + 2);
        assert_eq!(names[0], "notizen.txt");
        assert_eq!(
            names[1], "quartier-2020-01-01-120000.json",
            "on-demand backups stay"
        );
        assert_eq!(names[2], "quartier-2026-01-07.json");
        assert_eq!(names[KEEP + 1], "quartier-2026-01-20.json");
    }
}
