//! `b` (issue 15): records a decision on the selected measure through the form — in a session
//! picked from the list (newest first) or a new one added in the same flow — as the CLI's
//! `session add` and `decision add` do, one [`Op`] each. An agreeing decision then proposes the
//! next status (dated like the session) and the approved amount; `j` applies both as one op.

use super::form::{DecisionEntry, Form, session_label};
use super::popups::{Confirm, Pending};
use super::{App, FormState, MessageKind, Mode, Purpose};
use crate::i18n::{Lang, Text, fill};
use crate::model::{
    Body, Cents, Decision, DecisionId, MeasureId, Outcome, Session, SessionId, Status,
    format_date_de,
};
use crate::ops::{Op, Record};

/// What an agreeing decision proposes for its measure, read at `revision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub measure: MeasureId,
    pub revision: u64,
    pub decision: DecisionId,
    /// The next status and the day it counts from (the session's).
    pub status: Option<(Status, chrono::NaiveDate)>,
    pub amount: Option<Cents>,
}

impl Proposal {
    /// The question naming both changes.
    fn question(&self, lang: Lang, approved: Option<Cents>) -> String {
        let mut parts = Vec::new();
        if let Some((status, date)) = self.status {
            parts.push(fill(
                lang.t(Text::ProposeStatus),
                &[
                    ("status", &lang.status(status)),
                    ("date", &format_date_de(date)),
                ],
            ));
        }
        if let Some(amount) = self.amount {
            let before = approved.map_or("–".to_string(), Cents::format_de);
            parts.push(fill(
                lang.t(Text::ProposeAmount),
                &[("amount", &amount.format_de()), ("approved", &before)],
            ));
        }
        fill(
            lang.t(Text::ProposeQuestion),
            &[
                ("measure", &self.measure),
                ("decision", &self.decision),
                ("what", &parts.join(", ")),
            ],
        )
    }
}

impl App {
    /// `b`: the decision form for the measure in the detail pane; without one, says so.
    pub(super) fn open_decision(&mut self) -> Mode {
        let Some(measure) = self.detail().measure() else {
            self.say_text(MessageKind::Info, Text::CourseNoMeasure);
            return Mode::Normal;
        };
        let measure = measure.id;
        let mut sessions = match self.store.sessions() {
            Ok(sessions) => sessions,
            Err(error) => {
                self.say_error(&error);
                return Mode::Normal;
            }
        };
        sessions.sort_by_key(|(_, s)| std::cmp::Reverse((s.date, s.id)));
        let today = self.today();
        let entry = DecisionEntry {
            decision: Decision {
                id: DecisionId(0),
                session: sessions.first().map_or(SessionId(0), |(_, s)| s.id),
                measure,
                outcome: Outcome::Zustimmung,
                votes: None,
                amount: None,
                conditions: String::new(),
            },
            new_session: Session {
                id: SessionId(0),
                body: Body::Quartiersrat,
                date: today,
                note: String::new(),
            },
            sessions: (sessions.iter())
                .map(|(_, s)| (s.id, session_label(s)))
                .collect(),
        };
        Mode::form(
            Form::decision(entry, self.lang),
            Purpose::NewDecision { measure },
        )
    }

    /// Saves the form: the new session first (if chosen), then the decision; a refusal keeps
    /// the form open with its reason. An agreeing decision asks about its proposal.
    pub(super) fn save_decision(
        &mut self,
        mut state: Box<FormState>,
        entry: DecisionEntry,
    ) -> Mode {
        let mut decision = entry.decision.clone();
        if entry.adds_session() {
            let op = Op::AddSession {
                session: entry.new_session.clone(),
            };
            match self.apply(op) {
                Ok(applied) => {
                    let Some(id) = applied.added_session() else {
                        return Mode::Form(state);
                    };
                    decision.session = id;
                    // Saving again (after a refused decision) uses the session just added.
                    let mut offered = entry.clone();
                    offered.decision.session = id;
                    offered
                        .sessions
                        .insert(0, (id, session_label(&entry.new_session)));
                    state.form = Form::decision(offered, self.lang);
                }
                Err(error) => {
                    self.show_refusal(&mut state.form, &error);
                    return Mode::Form(state);
                }
            }
        }
        let applied = match self.apply(Op::AddDecision {
            decision: decision.clone(),
        }) {
            Ok(applied) => applied,
            Err(error) => {
                self.show_refusal(&mut state.form, &error);
                return Mode::Form(state);
            }
        };
        decision.id = applied.added_decision().unwrap_or(DecisionId(0));
        self.propose(&decision)
    }

    /// Asks whether to take over what `decision` proposes; normal mode when it proposes
    /// nothing.
    fn propose(&mut self, decision: &Decision) -> Mode {
        let read = self
            .store
            .measure_revised(decision.measure)
            .and_then(|measure| {
                let session = self.store.session(decision.session)?;
                Ok((measure, session))
            });
        let (Some((revision, measure)), session) = (match read {
            Ok(found) => found,
            Err(error) => {
                self.say_error(&error);
                return Mode::Normal;
            }
        }) else {
            return Mode::Normal;
        };
        let date = session.map_or(self.today(), |(_, s)| s.date);
        let proposal = Proposal {
            measure: measure.id,
            revision,
            decision: decision.id,
            status: decision.proposed_status(measure.status).map(|s| (s, date)),
            amount: decision.proposed_amount(measure.approved),
        };
        if proposal.status.is_none() && proposal.amount.is_none() {
            return Mode::Normal;
        }
        Mode::Confirm(Confirm {
            question: proposal.question(self.lang, measure.approved),
            pending: Pending::AcceptProposal(Box::new(proposal)),
        })
    }

    /// The user took the proposal: the status step (dated like the session) and the approved
    /// amount as one op, refused when the measure changed meanwhile.
    pub(super) fn accept_proposal(&mut self, proposal: &Proposal) -> Mode {
        let id = proposal.measure;
        let measure = match self.store.measure(id) {
            Ok(Some(measure)) => measure,
            Ok(None) => return Mode::Normal,
            Err(error) => {
                self.say_error(&error);
                return Mode::Normal;
            }
        };
        let mut ops = Vec::new();
        let mut updated = measure.clone();
        if let Some((to, date)) = proposal.status {
            let note = fill(
                self.lang.t(Text::ProposeStepNote),
                &[("decision", &proposal.decision)],
            );
            ops.push(Op::SetStatus {
                measure: id,
                to,
                date,
                note,
            });
            updated.status = to;
        }
        if let Some(amount) = proposal.amount {
            updated.approved = Some(amount);
            ops.push(Op::UpdateMeasure { measure: updated });
        }
        let op = match ops.len() {
            1 => ops.remove(0),
            _ => Op::Batch { ops },
        };
        if let Err(error) = self.apply(op.expecting(Record::Measure(id), proposal.revision)) {
            self.say_error(&error);
        }
        Mode::Normal
    }
}
