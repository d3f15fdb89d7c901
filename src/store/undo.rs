//! Undo and redo, one pair of stacks per actor (see [`super::history`] for how they are
//! threaded through the history entries): an actor's undo reverts that actor's own newest
//! change not yet undone, never a colleague's. When someone else changed a record of that
//! change afterwards, undo and redo refuse with [`StoreError::ChangedSince`]; the `_anyway`
//! forms overwrite the colleague's change.

use std::collections::BTreeMap;

use super::keys::{self, TreeName, meta};
use super::records::{self, HISTORY_FORMAT};
use super::staging::Staging;
use super::{EntryKind, HistoryEntry, RecordName, Store, StoreError};
use crate::model::{GoalId, MeasureId};
use crate::ops::{Applied, Op};

/// What an undo or redo must not overwrite silently: changes by others, after entry `since`,
/// to the records `op` touches (unless `anyway`).
pub(super) struct Guard {
    since: u64,
    op: Op,
    redo: bool,
    anyway: bool,
}

impl Store {
    /// Reverts `actor`'s newest change not yet undone; refuses with
    /// [`StoreError::ChangedSince`] when someone else changed one of its records since.
    pub fn undo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.step_back(actor, false)
    }

    /// [`Store::undo`], overwriting what others changed since.
    pub fn undo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.step_back(actor, true)
    }

    /// Re-applies `actor`'s newest undone change, unless the actor made a new change after
    /// it; refuses with [`StoreError::ChangedSince`] when someone else changed one of its
    /// records since the undo.
    pub fn redo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.step_forward(actor, false)
    }

    /// [`Store::redo`], overwriting what others changed since.
    pub fn redo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.step_forward(actor, true)
    }

    /// Whether [`Store::undo`] has something of `actor`'s to revert.
    pub fn can_undo(&self, actor: &str) -> Result<bool, StoreError> {
        Ok(records::meta_u64(&self.trees, &meta::undo_top(actor))? != 0)
    }

    /// Whether [`Store::redo`] has something of `actor`'s to re-apply.
    pub fn can_redo(&self, actor: &str) -> Result<bool, StoreError> {
        Ok(records::meta_u64(&self.trees, &meta::redo_top(actor))? != 0)
    }

    fn step_back(&mut self, actor: &str, anyway: bool) -> Result<Applied, StoreError> {
        let top = records::meta_u64(&self.trees, &meta::undo_top(actor))?;
        let entry = self.entry(top)?.ok_or(StoreError::NothingToUndo)?;
        let guard = Guard {
            since: entry.seq,
            op: entry.op.clone(),
            redo: false,
            anyway,
        };
        let kind = EntryKind::Undo { of: entry.seq };
        self.commit(entry.inverse, actor, kind, Some(guard))
    }

    fn step_forward(&mut self, actor: &str, anyway: bool) -> Result<Applied, StoreError> {
        let top = records::meta_u64(&self.trees, &meta::redo_top(actor))?;
        let entry = self.entry(top)?.ok_or(StoreError::NothingToRedo)?;
        let EntryKind::Undo { of } = entry.kind else {
            return Err(StoreError::NothingToRedo);
        };
        let guard = Guard {
            since: entry.seq,
            op: entry.op.clone(),
            redo: true,
            anyway,
        };
        self.commit(entry.inverse, actor, EntryKind::Redo { of }, Some(guard))
    }

    /// Refuses when an entry after `guard.since` by someone other than `actor`, still in
    /// effect (not undone or redone away since), touched a measure or goal of `guard.op`;
    /// names the newest.
    pub(super) fn refuse_if_changed_since(
        &self,
        guard: &Guard,
        actor: &str,
    ) -> Result<(), StoreError> {
        if guard.anyway {
            return Ok(());
        }
        let measures = guard.op.touched_measures();
        let goals = guard.op.touched_goals();
        let pots = guard.op.touched_pots();
        let mut in_effect: BTreeMap<u64, (HistoryEntry, RecordName)> = BTreeMap::new();
        let tree = self.trees.tree(TreeName::History);
        for item in tree.range(keys::history_key(guard.since.saturating_add(1))..) {
            let (key, bytes) = item.map_err(|e| StoreError::from(e).at_path(&self.path))?;
            let entry: HistoryEntry =
                records::decode_at(TreeName::History, &key, &bytes, HISTORY_FORMAT)?;
            if entry.user == actor {
                // The actor's redo cancels a colleague's undo of the same change (schema 1
                // let anyone undo anyone's change).
                if let EntryKind::Redo { of } = entry.kind {
                    in_effect.retain(|_, (other, _)| other.kind != EntryKind::Undo { of });
                }
                continue;
            }
            if let EntryKind::Undo { of } = entry.kind
                && in_effect.remove(&of).is_some()
            {
                continue;
            }
            let pot = (entry.op.touched_pots().into_iter()).find(|p| pots.contains(p));
            let shared = match pot {
                Some((fund, year)) => Some(RecordName::Pot(format!("{} {year}", fund.name()))),
                None => self.shared_record(&entry, &measures, &goals),
            };
            if let Some(record) = shared {
                in_effect.insert(entry.seq, (entry, record));
            }
        }
        match in_effect.pop_last() {
            Some((_, (entry, record))) => Err(StoreError::ChangedSince {
                user: entry.user,
                record,
                time_ms: entry.time_ms,
                redo: guard.redo,
            }),
            None => Ok(()),
        }
    }

    /// An undo or redo that cannot be planned because its measure is gone: when someone else
    /// deleted it after `guard.since`, [`StoreError::DeletedSince`] naming them; else `error`.
    pub(super) fn explain_missing(
        &self,
        error: StoreError,
        guard: &Guard,
        actor: &str,
    ) -> StoreError {
        let StoreError::MeasureNotFound(id) = error else {
            return error;
        };
        let tree = self.trees.tree(TreeName::History);
        let later = tree
            .range(keys::history_key(guard.since.saturating_add(1))..)
            .rev();
        for item in later {
            let Ok((key, bytes)) = item else { break };
            let Ok(entry) =
                records::decode_at::<HistoryEntry>(TreeName::History, &key, &bytes, HISTORY_FORMAT)
            else {
                continue;
            };
            if entry.user != actor && deletes_measure(&entry.op, id) {
                return StoreError::DeletedSince {
                    user: entry.user,
                    record: RecordName::Measure(id),
                    time_ms: entry.time_ms,
                    redo: guard.redo,
                };
            }
        }
        error
    }

    /// The first of `measures` and `goals` that `entry` touched too, by name.
    fn shared_record(
        &self,
        entry: &HistoryEntry,
        measures: &[MeasureId],
        goals: &[GoalId],
    ) -> Option<RecordName> {
        if let Some(id) = entry
            .op
            .touched_measures()
            .into_iter()
            .find(|id| measures.contains(id))
        {
            return Some(RecordName::Measure(id));
        }
        let id = entry
            .op
            .touched_goals()
            .into_iter()
            .find(|id| goals.contains(id))?;
        let code = self
            .goal(id)
            .ok()
            .flatten()
            .map(|goal| goal.code)
            .or_else(|| goal_code_in(&entry.inverse, id))
            .unwrap_or_else(|| format!("#{}", id.0));
        Some(RecordName::Goal(code))
    }
}

/// Whether `op` deletes measure `id` (itself or as part of a batch).
fn deletes_measure(op: &Op, id: MeasureId) -> bool {
    match op {
        Op::DeleteMeasure { id: deleted } => *deleted == id,
        Op::Batch { ops } | Op::Labeled { ops, .. } => ops.iter().any(|op| deletes_measure(op, id)),
        _ => false,
    }
}

/// A goal's code as an op carries it (a deleted goal's restore, an added goal).
fn goal_code_in(op: &Op, id: GoalId) -> Option<String> {
    match op {
        Op::AddGoal { goal } if goal.id == id => Some(goal.code.clone()),
        Op::UpdateGoal { id: at, code, .. } if *at == id => Some(code.clone()),
        Op::RestoreGoals { goals, .. } => goals.iter().find(|g| g.id == id).map(|g| g.code.clone()),
        Op::Batch { ops } | Op::Labeled { ops, .. } => {
            ops.iter().find_map(|op| goal_code_in(op, id))
        }
        _ => None,
    }
}

/// Stages an actor's undo or redo top; 0 (an empty stack) removes the key.
pub(super) fn set_top(st: &mut Staging, key: &[u8], seq: u64) {
    match seq {
        0 => st.remove(TreeName::Meta, key),
        seq => st.insert(TreeName::Meta, key, records::encode_meta(seq)),
    }
}
