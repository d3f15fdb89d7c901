//! Naming history entries: an undo or redo is described by the change someone made, with the
//! names of goals and measures looked up where the entries do not carry them.

use std::collections::HashSet;

use super::{Names, describe_entry};
use crate::i18n::Lang;
use crate::model::{Goal, Measure, MeasureId};
use crate::ops::{EntryKind, HistoryEntry, Op};

/// The reads that naming history needs. Every store repository is one (`store::history`).
pub trait HistoryReader {
    type Error;
    /// History entry `seq`, if there is one.
    fn read_history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>, Self::Error>;
    /// Measure `id`, if it exists.
    fn read_measure(&self, id: MeasureId) -> Result<Option<Measure>, Self::Error>;
    /// All goals that exist now.
    fn read_goals(&self) -> Result<Vec<Goal>, Self::Error>;
}

impl Names {
    /// Looks up, in `repo`, the titles of measures `ops` refer to that are still unknown.
    fn complete<'a, R: HistoryReader + ?Sized>(
        &mut self,
        repo: &R,
        ops: impl IntoIterator<Item = &'a Op>,
    ) -> Result<(), R::Error> {
        let mut missing = HashSet::new();
        for op in ops {
            self.unknown_measures(op, &mut missing);
        }
        for id in missing {
            if let Some(measure) = repo.read_measure(id)? {
                self.add_measure(&measure);
            }
        }
        Ok(())
    }
}

/// The `Do` entry a user made that `entry` is about: itself, or the entry it undid or redid.
pub fn original_entry<R: HistoryReader + ?Sized>(
    repo: &R,
    entry: &HistoryEntry,
) -> Result<HistoryEntry, R::Error> {
    let mut current = entry.clone();
    // Follow undo → redo → … back to the change someone made; seqs only go down, so this ends.
    while let EntryKind::Undo { of } | EntryKind::Redo { of } = current.kind {
        match repo.read_history_entry(of)? {
            Some(earlier) if earlier.seq < current.seq => current = earlier,
            _ => break,
        }
    }
    Ok(current)
}

/// Names for describing `entries` (each with its original): the goals of `repo`, what the
/// entries' ops carry, and the titles of measures they refer to that still exist.
pub fn names_for<R: HistoryReader + ?Sized>(
    repo: &R,
    entries: &[(&HistoryEntry, &HistoryEntry)],
) -> Result<Names, R::Error> {
    let mut names = Names::with_goals(&repo.read_goals()?);
    for (entry, original) in entries {
        for op in [&original.op, &original.inverse, &entry.op, &entry.inverse] {
            names.learn(op);
        }
    }
    names.complete(repo, entries.iter().map(|(_, original)| &original.op))?;
    Ok(names)
}

/// The message for history entry `seq` (an undo, a redo or a change), as the status bar and
/// the CLI show it after `undo`/`redo`: `Löschen von M-0010 „…“ rückgängig gemacht`.
/// Empty when there is no such entry.
pub fn history_message<R: HistoryReader + ?Sized>(
    repo: &R,
    seq: u64,
    lang: Lang,
) -> Result<String, R::Error> {
    let Some(entry) = repo.read_history_entry(seq)? else {
        return Ok(String::new());
    };
    let original = original_entry(repo, &entry)?;
    let names = names_for(repo, &[(&entry, &original)])?;
    Ok(describe_entry(entry.kind, &original.op, lang, &names))
}
