//! The history of one measure, one goal or everything, as `quartier log` and the TUI's
//! history view (`H`) show it: which entries touched the record (newest first, bounded), the
//! sentence the status bar uses for each ([`crate::ops::describe_entry`]) and, per entry,
//! the fields it changed old → new, formatted as the UI shows them ([`super::diff`]).
//! It only reads; it knows neither the terminal nor the command line.

use super::diff::{FieldChange, goal_changes, measure_changes};
use crate::i18n::Lang;
use crate::model::{GoalId, Measure, MeasureId};
use crate::ops::{HistoryEntry, Op, describe_entry, names_for, original_entry};
use crate::store::{Repository, StoreError};

/// Whose history to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    All,
    Measure(MeasureId),
    Goal(GoalId),
}

impl Of {
    /// True when `entry` (its op or its inverse) touches the record.
    pub fn matches(self, entry: &HistoryEntry) -> bool {
        let ops = [&entry.op, &entry.inverse];
        match self {
            Of::All => true,
            Of::Measure(id) => ops.iter().any(|op| op.touched_measures().contains(&id)),
            Of::Goal(id) => ops.iter().any(|op| op.touched_goals().contains(&id)),
        }
    }
}

/// The entries [`select`] found, newest first, and whether older ones may exist.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub entries: Vec<HistoryEntry>,
    /// More entries of the record exist beyond the limit.
    pub more: bool,
    /// The search stopped before the oldest entry of the history: this many of the newest
    /// entries were searched, older ones not.
    pub searched: Option<usize>,
}

/// The newest `limit` entries that `of` selects, reading the history back in growing batches;
/// `scan` bounds how many history entries are read at most (`None`: all of them).
pub fn select(
    repo: &dyn Repository,
    of: Of,
    limit: usize,
    scan: Option<usize>,
) -> Result<Selection, StoreError> {
    let scan = scan.unwrap_or(usize::MAX).max(1);
    // One more than the limit tells whether there are more.
    let wanted = limit.saturating_add(1);
    let mut batch = if of == Of::All {
        wanted
    } else {
        wanted.max(64)
    }
    .min(scan);
    loop {
        let all = repo.history(batch)?;
        let exhausted = all.len() < batch;
        let mut chosen: Vec<HistoryEntry> = all.into_iter().filter(|e| of.matches(e)).collect();
        let at_cap = !exhausted && batch >= scan;
        if exhausted || chosen.len() >= wanted || at_cap {
            let more = chosen.len() > limit;
            chosen.truncate(limit);
            return Ok(Selection {
                entries: chosen,
                more,
                searched: (at_cap && !more).then_some(batch),
            });
        }
        batch = batch.saturating_mul(4).min(scan);
    }
}

/// One entry as shown: the entry, what it did in words, and what it changed in the record.
#[derive(Clone, Debug, PartialEq)]
pub struct LogItem {
    pub entry: HistoryEntry,
    /// `Bewilligt von M-0012 „…“ geändert`; undo and redo say so (`… rückgängig gemacht`).
    pub what: String,
    /// The fields of the record `of` names that the entry changed (none for [`Of::All`]).
    pub changes: Vec<FieldChange>,
}

/// Describes `entries` (newest first) for `of` in `lang`.
pub fn describe(
    repo: &dyn Repository,
    of: Of,
    entries: Vec<HistoryEntry>,
    lang: Lang,
) -> Result<Vec<LogItem>, StoreError> {
    let originals = entries
        .iter()
        .map(|e| original_entry(repo, e))
        .collect::<Result<Vec<_>, _>>()?;
    let described: Vec<(String, Vec<FieldChange>)> = {
        let pairs: Vec<(&HistoryEntry, &HistoryEntry)> = entries.iter().zip(&originals).collect();
        // Newest first: a goal deleted after an entry is named by the newer entry that deleted it.
        let names = names_for(repo, &pairs)?;
        pairs
            .iter()
            .map(|(entry, original)| {
                let what = describe_entry(entry.kind, &original.op, lang, &names);
                (what, field_changes(entry, of, lang))
            })
            .collect()
    };
    let items = entries
        .into_iter()
        .zip(described)
        .map(|(entry, (what, changes))| LogItem {
            entry,
            what,
            changes,
        })
        .collect();
    Ok(items)
}

/// The fields of the record `of` names that `entry` changed, old → new (an update inside a
/// batch too). An undo changes them back, so its old is the value it replaced.
pub fn field_changes(entry: &HistoryEntry, of: Of, lang: Lang) -> Vec<FieldChange> {
    match of {
        Of::All => Vec::new(),
        Of::Measure(id) => {
            let updated = |op: &Op| -> Option<Measure> {
                find(op, &mut |op| match op {
                    Op::UpdateMeasure { measure } if measure.id == id => Some(measure.clone()),
                    _ => None,
                })
            };
            match (updated(&entry.inverse), updated(&entry.op)) {
                (Some(old), Some(new)) => measure_changes(&old, &new, None, lang),
                _ => Vec::new(),
            }
        }
        Of::Goal(id) => {
            let updated = |op: &Op| -> Option<[String; 3]> {
                find(op, &mut |op| match op {
                    Op::UpdateGoal {
                        id: goal,
                        code,
                        title,
                        description,
                    } if *goal == id => Some([code.clone(), title.clone(), description.clone()]),
                    _ => None,
                })
            };
            match (updated(&entry.inverse), updated(&entry.op)) {
                (Some(old), Some(new)) => goal_changes(&old, &new, lang),
                _ => Vec::new(),
            }
        }
    }
}

/// The last value `f` finds in `op`, the ops of its batches or the op an `Expect` guards.
fn find<T>(op: &Op, f: &mut impl FnMut(&Op) -> Option<T>) -> Option<T> {
    match op {
        Op::Batch { ops } | Op::Labeled { ops, .. } => {
            ops.iter().filter_map(|op| find(op, f)).last()
        }
        Op::Expect { op, .. } => find(op, f),
        other => f(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Goal};
    use crate::store::Store;

    fn store_with_edits() -> (tempfile::TempDir, Store, MeasureId) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("db")).expect("open");
        let goal = store.goal_by_code("1.3").unwrap().unwrap().id;
        let applied = store
            .apply(
                Op::AddMeasure {
                    measure: Measure::new("Kiezfest"),
                    goals: vec![goal],
                },
                "anna",
            )
            .expect("add");
        let id = applied.added_measure().expect("id");
        for (euros, who) in [(1_000, "anna"), (1_500, "ben")] {
            let mut measure = store.measure(id).unwrap().unwrap();
            measure.approved = Some(Cents(euros * 100));
            store
                .apply(Op::UpdateMeasure { measure }, who)
                .expect("update");
        }
        (dir, store, id)
    }

    #[test]
    fn a_measures_entries_newest_first_with_fields_old_to_new() {
        let (_dir, mut store, id) = store_with_edits();
        store.undo("ben").expect("undo");
        let of = Of::Measure(id);
        let selection = select(&store, of, 10, None).unwrap();
        assert!(!selection.more);
        assert_eq!(selection.searched, None);
        let items = describe(&store, of, selection.entries, Lang::De).unwrap();
        let lines: Vec<(String, Vec<String>)> = items
            .iter()
            .map(|i| {
                let changes = i.changes.iter().map(ToString::to_string).collect();
                (i.entry.user.clone(), changes)
            })
            .collect();
        assert_eq!(
            lines,
            [
                (
                    "ben".into(),
                    vec!["Bewilligt: 1.500,00 € → 1.000,00 €".into()]
                ),
                (
                    "ben".into(),
                    vec!["Bewilligt: 1.000,00 € → 1.500,00 €".into()]
                ),
                ("anna".into(), vec!["Bewilligt: – → 1.000,00 €".into()]),
                ("anna".into(), vec![]),
            ]
        );
        assert!(items[0].what.contains("rückgängig"), "{}", items[0].what);
    }

    #[test]
    fn the_limit_and_the_scan_bound_say_what_was_left_out() {
        let (_dir, mut store, id) = store_with_edits();
        let selection = select(&store, Of::Measure(id), 2, None).unwrap();
        assert_eq!(selection.entries.len(), 2);
        assert!(selection.more);
        // Changes of another record push the measure's entries out of the searched range.
        let goal = store.goal_by_code("2.1").unwrap().unwrap();
        for n in 0..5 {
            let op = Op::UpdateGoal {
                id: goal.id,
                code: goal.code.clone(),
                title: format!("Titel {n}"),
                description: String::new(),
            };
            store.apply(op, "anna").expect("update goal");
        }
        let selection = select(&store, Of::Measure(id), 10, Some(4)).unwrap();
        assert!(selection.entries.is_empty());
        assert_eq!(selection.searched, Some(4));
        let selection = select(&store, Of::Measure(id), 10, Some(1000)).unwrap();
        assert_eq!(selection.entries.len(), 3);
        assert_eq!(selection.searched, None, "the whole history was searched");
    }

    #[test]
    fn a_goals_entries_show_its_fields() {
        let (_dir, mut store, _) = store_with_edits();
        let goal: Goal = store.goal_by_code("2.1").unwrap().unwrap();
        let op = Op::UpdateGoal {
            id: goal.id,
            code: "2.1a".into(),
            title: goal.title.clone(),
            description: "neu".into(),
        };
        store.apply(op, "anna").expect("update goal");
        let of = Of::Goal(goal.id);
        let entries = select(&store, of, 10, None).unwrap().entries;
        let items = describe(&store, of, entries, Lang::En).unwrap();
        let changes: Vec<String> = items[0].changes.iter().map(ToString::to_string).collect();
        assert_eq!(changes, ["Code: 2.1 → 2.1a", "Description: – → neu"]);
    }
}
