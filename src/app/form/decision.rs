//! Decision ⇄ form rows (`b`, issue 15): Sitzung (an existing one, newest first, or a new one),
//! the new session's Gremium, Datum and Notizen, then Ergebnis, Stimmen (`9/1/2`), Betrag and
//! Auflagen — parsed and validated into a [`DecisionEntry`] with every problem at its input.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localize, Text};
use crate::model::{
    Body, Decision, Field, Outcome, Problem, Session, SessionId, Votes, format_date_de,
    parse_amount, parse_date,
};

use super::row::{Row, RowInput};
use super::slot::Slot;

/// What the decision form edits and returns: the decision (its session `SessionId(0)` when a
/// new session is to be added first), the new session's body, date and note, and the sessions
/// offered (newest first, with their labels).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionEntry {
    pub decision: Decision,
    pub new_session: Session,
    pub sessions: Vec<(SessionId, String)>,
}

impl DecisionEntry {
    /// The new session to add before the decision, if the form chose one.
    pub fn adds_session(&self) -> bool {
        self.decision.session == SessionId(0)
    }
}

/// The label a session is offered with: `12.03.2026 Quartiersrat`.
pub fn session_label(session: &Session) -> String {
    let body = crate::text::sanitize_line(session.body.name());
    format!("{} {body}", format_date_de(session.date))
}

/// The inputs of a decision in form order.
const FIELDS: [Field; 8] = [
    Field::Session,
    Field::Body,
    Field::Date,
    Field::Notes,
    Field::Outcome,
    Field::Votes,
    Field::Amount,
    Field::Conditions,
];

/// The rows of `entry`; the session choice starts at the decision's session (the new one when
/// it has none).
pub(super) fn rows(entry: &DecisionEntry, lang: Lang) -> Vec<Row> {
    let d = &entry.decision;
    let s = &entry.new_session;
    FIELDS
        .into_iter()
        .map(|field| {
            let input = match field {
                Field::Session => session_choice(entry, lang),
                Field::Body => RowInput::line(s.body.name()),
                Field::Date => RowInput::line(&format_date_de(s.date)),
                Field::Notes => RowInput::line(&s.note),
                Field::Outcome => outcome_choice(d.outcome),
                Field::Votes => RowInput::line(&d.votes.map_or(String::new(), |v| {
                    format!("{}/{}/{}", v.yes, v.no, v.abstain)
                })),
                Field::Amount => {
                    RowInput::line(&d.amount.map_or(String::new(), |a| a.format_plain_de(true)))
                }
                _ => RowInput::text(&d.conditions),
            };
            Row::new(Slot::Field(field), input)
        })
        .collect()
}

fn session_choice(entry: &DecisionEntry, lang: Lang) -> RowInput {
    let new = (String::new(), lang.t(Text::DecisionNewSession).to_string());
    let options: Vec<(String, String)> = std::iter::once(new)
        .chain((entry.sessions.iter()).map(|(id, label)| (id.to_string(), label.clone())))
        .collect();
    let index = (entry.sessions.iter())
        .position(|(id, _)| *id == entry.decision.session)
        .map_or(0, |i| i + 1);
    RowInput::Choice { options, index }
}

fn outcome_choice(outcome: Outcome) -> RowInput {
    let options = (Outcome::ALL.iter())
        .map(|o| (o.name().to_string(), o.name().to_string()))
        .collect();
    let index = Outcome::ALL.iter().position(|&o| o == outcome).unwrap_or(0);
    RowInput::Choice { options, index }
}

/// Parses every row into a copy of `original`; each problem is stored on its row. The new
/// session's rows count only when the new session is chosen. `None` when any row has an error.
pub(super) fn collect(
    original: &DecisionEntry,
    rows: &mut [Row],
    lang: Lang,
) -> Option<DecisionEntry> {
    let mut entry = original.clone();
    let session_text = (rows.iter())
        .find(|r| r.slot == Slot::Field(Field::Session))
        .map(|r| r.input.value())
        .unwrap_or_default();
    entry.decision.session = SessionId::parse(&session_text).unwrap_or(SessionId(0));
    let new = entry.adds_session();
    let mut failed = false;
    for row in rows.iter_mut() {
        let text = row.input.value();
        let Slot::Field(field) = row.slot else {
            continue;
        };
        let (d, s) = (&mut entry.decision, &mut entry.new_session);
        let parsed: Result<(), Problem> = match field {
            Field::Body if new => required(&text).map(|_| s.body = Body::parse(&text)),
            Field::Date if new => required(&text)
                .and_then(|_| parse_date(&text))
                .map(|date| s.date = date),
            Field::Notes if new => {
                s.note = text;
                Ok(())
            }
            Field::Outcome => Outcome::parse_input(&text).map(|o| d.outcome = o),
            Field::Votes => Votes::parse_input(&text).map(|v| d.votes = v),
            Field::Amount if text.trim().is_empty() => {
                d.amount = None;
                Ok(())
            }
            Field::Amount => parse_amount(&text).map(|a| d.amount = Some(a)),
            Field::Conditions => {
                d.conditions = text;
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(problem) = parsed {
            row.add_error(problem.localize(lang));
            failed = true;
        }
    }
    let mut errors = entry.decision.validate().err().unwrap_or_default();
    if new && let Err(more) = entry.new_session.validate() {
        errors.extend(more);
    }
    for error in errors {
        failed = true;
        if let Some(row) = super::row_of(rows, Slot::Field(error.field)) {
            row.add_error(error.problem.localize(lang));
        }
    }
    (!failed).then_some(entry)
}

fn required(text: &str) -> Result<(), Problem> {
    match text.trim().is_empty() {
        true => Err(Problem::Required),
        false => Ok(()),
    }
}
