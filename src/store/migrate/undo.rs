//! Schema 2 → 3: schemas 1 and 2 kept one undo and one redo stack for everyone (meta
//! `undo_top`/`redo_top`, every entry's `link` threading the global stacks); schema 3 keeps a
//! pair per actor (`undo_top/<actor>`, `redo_top/<actor>`). The migration replays the history
//! in order and threads each entry into its actor's stacks, so each user's undo and redo go on
//! where they stood; for a database one person used, nothing but the meta keys changes.
//!
//! Schemas 1 and 2 let anyone undo the newest change of all. Such an undo is put on the stacks of the
//! actor whose change it undid (so that actor can redo it); an entry that fits no stack (only
//! a damaged history has one) is left off every stack. An entry that does not decode is left
//! as it is, for `check` to report.

use std::collections::HashMap;

use crate::store::codec;
use crate::store::error::StoreError;
use crate::store::keys::{TreeName, meta};
use crate::store::records::{self, HISTORY_FORMAT, Reader, decode_at};
use crate::store::staging::Staging;
use crate::store::{EntryKind, HistoryEntry};

/// Per-actor stack tops and every entry's new link, built by replaying the history.
#[derive(Default)]
struct Replay {
    undo: HashMap<String, u64>,
    redo: HashMap<String, u64>,
    /// Sequence number → its new link (0 for none).
    links: HashMap<u64, u64>,
    /// Undo entries: sequence number → the entry they undid.
    undid: HashMap<u64, u64>,
}

impl Replay {
    fn step(&mut self, entry: &HistoryEntry) {
        let seq = entry.seq;
        let link = match entry.kind {
            EntryKind::Do => {
                let actor = entry.user.clone();
                self.redo.remove(&actor);
                self.undo.insert(actor, seq).unwrap_or(0)
            }
            EntryKind::Undo { of } => {
                self.undid.insert(seq, of);
                match self.owner(&self.undo, &entry.user, |top| top == of) {
                    Some(owner) => {
                        let below = self.links.get(&of).copied().unwrap_or(0);
                        set(&mut self.undo, &owner, below);
                        self.redo.insert(owner, seq).unwrap_or(0)
                    }
                    None => 0,
                }
            }
            EntryKind::Redo { of } => {
                let undid = |top: u64| self.undid.get(&top) == Some(&of);
                match self.owner(&self.redo, &entry.user, undid) {
                    Some(owner) => {
                        let undo_entry = self.redo[&owner];
                        let below = self.links.get(&undo_entry).copied().unwrap_or(0);
                        set(&mut self.redo, &owner, below);
                        self.undo.insert(owner, seq).unwrap_or(0)
                    }
                    None => 0,
                }
            }
        };
        self.links.insert(seq, link);
    }

    /// The actor whose stack top fits: `actor` itself when it does, else the first other
    /// (by name, so the replay is the same every time).
    fn owner(
        &self,
        tops: &HashMap<String, u64>,
        actor: &str,
        fits: impl Fn(u64) -> bool,
    ) -> Option<String> {
        if tops.get(actor).is_some_and(|&top| fits(top)) {
            return Some(actor.to_string());
        }
        let mut others: Vec<&String> = tops
            .iter()
            .filter(|&(_, &top)| fits(top))
            .map(|(name, _)| name)
            .collect();
        others.sort();
        others.first().map(|name| name.to_string())
    }
}

fn set(tops: &mut HashMap<String, u64>, actor: &str, seq: u64) {
    match seq {
        0 => tops.remove(actor),
        seq => tops.insert(actor.to_string(), seq),
    };
}

/// Threads every history entry into its actor's undo and redo stacks and writes the per-actor
/// tops in place of the global ones.
pub(in crate::store) fn migrate_2_to_3_undo(st: &mut Staging) -> Result<(), StoreError> {
    let mut replay = Replay::default();
    let mut entries = Vec::new();
    for (key, bytes) in st.scan(TreeName::History, &[])? {
        let Ok(entry) = decode_at::<HistoryEntry>(TreeName::History, &key, &bytes, HISTORY_FORMAT)
        else {
            continue;
        };
        replay.step(&entry);
        entries.push((key, entry));
    }
    for (key, mut entry) in entries {
        let link = replay.links.get(&entry.seq).copied().unwrap_or(0);
        if entry.link != link {
            entry.link = link;
            st.insert(
                TreeName::History,
                &key,
                codec::encode(HISTORY_FORMAT, &entry),
            );
        }
    }
    for prefix in [meta::UNDO_TOP_PREFIX, meta::REDO_TOP_PREFIX] {
        for (key, _) in st.scan(TreeName::Meta, prefix)? {
            st.remove(TreeName::Meta, &key);
        }
    }
    for (actor, top) in &replay.undo {
        st.insert(
            TreeName::Meta,
            &meta::undo_top(actor),
            records::encode_meta(*top),
        );
    }
    for (actor, top) in &replay.redo {
        st.insert(
            TreeName::Meta,
            &meta::redo_top(actor),
            records::encode_meta(*top),
        );
    }
    st.remove(TreeName::Meta, meta::UNDO_TOP);
    st.remove(TreeName::Meta, meta::REDO_TOP);
    Ok(())
}
