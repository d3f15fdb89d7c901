//! Drafts: a form that was open when the connection dropped (SIGHUP), the process was told to
//! stop (SIGTERM) or the user pressed Ctrl-c is written to a small JSON file next to the
//! database, and offered on the next start ("Entwurf wiederherstellen?").

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::form::FormDraft;
use super::{App, Confirm, MessageKind, Mode, Pending};
use crate::i18n::Text;
use crate::model::{GoalId, MeasureId};

/// What saving the form will do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    /// A new measure, linked to this goal.
    NewMeasure {
        goal: GoalId,
    },
    /// A new measure without a goal (added under `Ohne Ziel` or `Alle Maßnahmen`).
    NewMeasureWithoutGoal,
    EditMeasure,
    NewGoal,
    EditGoal,
    // Payments view (issue 14).
    /// A new payment of this measure.
    NewPayment {
        measure: MeasureId,
    },
    /// A payment of this measure.
    EditPayment {
        measure: MeasureId,
    },
    /// A measure's yearly instalments (issue 14).
    EditPlan {
        measure: MeasureId,
    },
    /// A decision on this measure (issue 15).
    NewDecision {
        measure: MeasureId,
    },
}

/// A form kept for later.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Draft {
    pub purpose: Purpose,
    pub form: FormDraft,
}

/// The draft file of the current Unix user in the database directory (users sharing a database
/// directory keep separate drafts).
pub fn path_for(database: &Path, user: &str) -> PathBuf {
    let user: String = user
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    database.join(format!("draft-{user}.json"))
}

/// Writes `draft` to `path` durably, never half a file.
pub fn save(path: &Path, draft: &Draft) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(draft).map_err(std::io::Error::other)?;
    crate::files::write_atomically(path, &json, true, crate::files::Access::Shared)
}

/// Reads the draft at `path`, if there is one.
pub fn load(path: &Path) -> std::io::Result<Option<Draft>> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(std::io::Error::other),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// Deletes the draft file (no error if it is already gone).
pub fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

impl App {
    /// The open form and its purpose, as a draft to keep when the program must stop now.
    pub fn draft(&self) -> Option<Draft> {
        match self.mode.beneath_messages() {
            Mode::Form(state) if state.form.is_dirty() => Some(Draft {
                purpose: state.purpose,
                form: state.form.draft(),
            }),
            Mode::Conflict(conflict) => Some(Draft {
                purpose: conflict.form.purpose,
                form: conflict.form.form.draft(),
            }),
            _ => None,
        }
    }

    /// Writes the open form as a draft file (when there is one and something was typed).
    pub fn save_draft(&self) -> std::io::Result<bool> {
        match (&self.draft_path, self.draft()) {
            (Some(path), Some(draft)) => save(path, &draft).map(|()| true),
            _ => Ok(false),
        }
    }

    pub(super) fn offer_draft(&mut self) {
        let Some(path) = &self.draft_path else {
            return;
        };
        match load(path) {
            Ok(Some(draft)) => {
                let question = self.lang.t(Text::AskRestoreDraft).to_string();
                self.mode = Mode::Confirm(Confirm {
                    question,
                    pending: Pending::RestoreDraft(Box::new(draft)),
                });
            }
            Ok(None) => {}
            Err(error) => {
                let text =
                    crate::i18n::fill(self.lang.t(Text::DraftUnreadable), &[("error", &error)]);
                self.say(MessageKind::Error, text);
            }
        }
    }
}
