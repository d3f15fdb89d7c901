//! Every change the TUI makes: each becomes one store [`Op`], applied through [`App::apply`],
//! after which the views are refreshed and the status bar says `gespeichert` — only once the
//! store returned, i.e. after the change was flushed to disk.
//!
//! Actions that open a form, a question or a picker return that [`Mode`](super::Mode); the
//! others change data and leave the caller's mode as it was.

mod goals;
mod measures;
mod saving;

use super::popups::{Confirm, Pending};
use super::{App, MessageKind, Mode, Node};
use crate::i18n::{Text, fill};
use crate::ops::{Applied, Op};
use crate::store::StoreError;

impl App {
    /// Applies `op`, refreshes every view and reports `gespeichert`.
    pub(in crate::app) fn apply(&mut self, op: Op) -> Result<Applied, StoreError> {
        let applied = self.store.apply(op, &self.actor)?;
        self.refresh(&applied.changes);
        self.say_text(MessageKind::Success, Text::Saved);
        Ok(applied)
    }

    /// Applies `op`; a refusal goes to the status bar.
    pub(in crate::app) fn apply_or_say(&mut self, op: Op) -> Option<Applied> {
        match self.apply(op) {
            Ok(applied) => Some(applied),
            Err(error) => {
                self.say_error(&error);
                None
            }
        }
    }

    /// Reads goals and links again (and the measure ids when `ids_changed`), then recounts and
    /// refills the measure pane, keeping selections.
    pub(in crate::app) fn reload(&mut self, ids_changed: bool) {
        self.forget_search_index();
        self.rows_cache.clear();
        let added_or_deleted = ids_changed;
        let reloaded = self.store.goals().and_then(|goals| {
            let ids = match added_or_deleted {
                true => Some(self.store.measure_ids()?),
                false => None,
            };
            Ok((goals, self.store.links()?, ids))
        });
        match reloaded {
            Ok((goals, links, ids)) => {
                self.tree.replace_goals(goals);
                self.links = super::LinkIndex::new(&links);
                if let Some(ids) = ids {
                    self.measure_ids = ids;
                }
            }
            Err(error) => self.say_error(&error),
        }
        self.recount();
        self.fill_pane();
    }

    /// On a virtual row of the tree, says that goal actions need a goal; true there.
    pub(in crate::app) fn refuse_on_virtual_row(&mut self) -> bool {
        let node = self.tree.selected_node();
        if node.goal().is_some() {
            return false;
        }
        let name = self.lang.t(self.node_name(node));
        let text = fill(self.lang.t(Text::NotAGoal), &[("node", &name)]);
        self.say(MessageKind::Info, text);
        true
    }

    /// The name of a virtual row.
    pub(in crate::app) fn node_name(&self, node: Node) -> Text {
        match node {
            Node::Orphans => Text::TreeOrphans,
            _ => Text::TreeAll,
        }
    }

    /// `u`: reverts the user's own newest change; asks first when a colleague changed the
    /// same record since.
    pub(in crate::app) fn undo(&mut self) -> Mode {
        let result = self.store.undo(&self.actor);
        self.after_history(result, Text::DoneUndo)
    }

    /// `Ctrl-r`: re-applies the user's own newest undone change; asks like [`App::undo`].
    pub(in crate::app) fn redo(&mut self) -> Mode {
        let result = self.store.redo(&self.actor);
        self.after_history(result, Text::DoneRedo)
    }

    /// The user said yes: undo (or redo) over a colleague's later change.
    pub(in crate::app) fn history_anyway(&mut self, redo: bool) -> Mode {
        let (result, done) = match redo {
            true => (self.store.redo_anyway(&self.actor), Text::DoneRedo),
            false => (self.store.undo_anyway(&self.actor), Text::DoneUndo),
        };
        self.after_history(result, done)
    }

    fn after_history(&mut self, result: Result<Applied, StoreError>, done: Text) -> Mode {
        match result {
            Ok(applied) => {
                self.refresh(&applied.changes);
                // Names the user's action (`Löschen von M-0010 „…“ rückgängig gemacht`), the
                // same sentence as the CLI's undo/redo; `done` only picks the fallback.
                let text = crate::ops::history_message(self.store(), applied.seq, self.lang)
                    .ok()
                    .filter(|text| !text.is_empty())
                    .unwrap_or_else(|| fill(self.lang.t(done), &[("what", &"")]));
                self.say(MessageKind::Success, text);
            }
            Err(error @ StoreError::ChangedSince { redo, .. }) => {
                let ask = if redo {
                    Text::AskRedoAnyway
                } else {
                    Text::AskUndoAnyway
                };
                let changed = crate::store::changed_since(&error, self.lang);
                return Mode::Confirm(Confirm {
                    question: fill(self.lang.t(ask), &[("changed", &changed)]),
                    pending: Pending::HistoryAnyway { redo },
                });
            }
            Err(error) => self.say_error(&error),
        }
        Mode::Normal
    }
}
