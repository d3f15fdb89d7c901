//! The *Sitzungen* view (`B`, issue 15): every session, newest first, with its body, date,
//! number of decisions and the sum of the amounts agreed; below it the decisions of the
//! selected session (measure, Träger, outcome, votes, amount). Opening reads sessions and
//! decisions once; moving reads only the measures of the selected session's decisions.

use std::collections::HashMap;

use super::action::Action;
use super::keymap::Context;
use super::{App, Mode};
use crate::model::{Cents, Decision, MeasureId, Session, SessionId};
use crate::store::{Repository, StoreError};

/// A session as listed: its decisions and what they agreed to.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub session: Session,
    pub decisions: usize,
    /// The sum of the amounts of the agreeing decisions.
    pub agreed: Cents,
}

/// A decision of the selected session with its measure's title and Träger.
#[derive(Clone, Debug)]
pub struct DecisionRow {
    pub decision: Decision,
    pub title: String,
    pub organisation: String,
}

/// The open *Sitzungen* view.
#[derive(Clone, Debug, Default)]
pub struct SessionsView {
    pub sessions: Vec<SessionRow>,
    pub selected: usize,
    /// The decisions of the selected session, by id.
    pub decisions: Vec<DecisionRow>,
    by_session: HashMap<SessionId, Vec<Decision>>,
}

impl SessionsView {
    /// Reads every session and decision.
    pub fn read(store: &dyn Repository) -> Result<SessionsView, StoreError> {
        let mut by_session: HashMap<SessionId, Vec<Decision>> = HashMap::new();
        for (_, decision) in store.decisions()? {
            by_session
                .entry(decision.session)
                .or_default()
                .push(decision);
        }
        let mut sessions: Vec<SessionRow> = (store.sessions()?.into_iter())
            .map(|(_, session)| {
                let decisions = by_session.get(&session.id).map_or(&[][..], Vec::as_slice);
                let agreed = (decisions.iter())
                    .filter(|d| d.outcome.agrees())
                    .filter_map(|d| d.amount)
                    .fold(Cents(0), |sum, a| Cents(sum.0.saturating_add(a.0)));
                SessionRow {
                    decisions: decisions.len(),
                    agreed,
                    session,
                }
            })
            .collect();
        sessions.sort_by_key(|row| std::cmp::Reverse((row.session.date, row.session.id)));
        Ok(SessionsView {
            sessions,
            selected: 0,
            decisions: Vec::new(),
            by_session,
        })
    }

    /// The selected session.
    pub fn selected_session(&self) -> Option<&Session> {
        self.sessions.get(self.selected).map(|row| &row.session)
    }
}

impl App {
    /// `B`: the sessions, the newest selected.
    pub(super) fn open_sessions(&mut self) -> Mode {
        self.reopen_sessions(0)
    }

    /// The sessions read anew, the one at `index` selected (kept within the list).
    pub(super) fn reopen_sessions(&mut self, index: usize) -> Mode {
        match SessionsView::read(self.store()) {
            Ok(mut view) => {
                view.selected = index.min(view.sessions.len().saturating_sub(1));
                self.show_session_decisions(&mut view);
                Mode::Sessions(Box::new(view))
            }
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    /// A bound key in the sessions view; the next mode.
    pub(super) fn update_sessions(&mut self, mut view: Box<SessionsView>, action: Action) -> Mode {
        let last = view.sessions.len().saturating_sub(1);
        let selected = match action {
            Action::Cancel => return Mode::Normal,
            Action::MoveDown => (view.selected + 1).min(last),
            Action::MoveUp => view.selected.saturating_sub(1),
            Action::First => 0,
            Action::Last => last,
            other => {
                self.unbound(Context::Sessions, other);
                view.selected
            }
        };
        if selected != view.selected {
            view.selected = selected;
            self.show_session_decisions(&mut view);
        }
        Mode::Sessions(view)
    }

    /// Fills the decisions of the selected session, with their measures' titles.
    fn show_session_decisions(&mut self, view: &mut SessionsView) {
        let decisions = (view.selected_session())
            .and_then(|s| view.by_session.get(&s.id))
            .cloned()
            .unwrap_or_default();
        let ids: Vec<MeasureId> = decisions.iter().map(|d| d.measure).collect();
        let names = self.measure_names(&ids);
        view.decisions = (decisions.into_iter())
            .map(|decision| {
                let (title, organisation) =
                    names.get(&decision.measure).cloned().unwrap_or_default();
                DecisionRow {
                    decision,
                    title,
                    organisation,
                }
            })
            .collect();
    }

    /// Title and Träger of each of `ids` (from the table's cache, else read).
    pub(super) fn measure_names(
        &mut self,
        ids: &[MeasureId],
    ) -> HashMap<MeasureId, (String, String)> {
        let mut names = HashMap::new();
        let mut missing = Vec::new();
        for id in ids {
            match self.row(*id) {
                Some(row) => {
                    names.insert(*id, (row.title.to_string(), row.organisation.to_string()));
                }
                None => missing.push(*id),
            }
        }
        missing.sort();
        missing.dedup();
        if missing.is_empty() {
            return names;
        }
        match self.store().measures_by_id(&missing) {
            Ok(measures) => {
                for m in measures {
                    names.insert(m.id, (m.title, m.organisation));
                }
            }
            Err(error) => self.say_error(&error),
        }
        names
    }
}
