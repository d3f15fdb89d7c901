//! Decisions and deadlines on the command line (issue 15): `quartier session …`,
//! `decision …`, `deadline …`, `due` and `measure status`. Dates are read by the model's rules
//! (`12.03.2026`), amounts as German money; a Zustimmung proposes the next status and the
//! approved amount on stderr, as does a new end date the Verwendungsnachweis deadline.

mod args;
mod deadlines;
mod session_report;
mod status;

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

pub use args::{DeadlineCommand, DecisionCommand, SessionCommand};
use args::{decision_id, session_id};
pub use deadlines::{deadline, due};
pub use status::{StatusArgs, after_measure_saved, set_status};

/// The office's Verwendungsnachweis period from the config file (`proof_months`), set once at
/// start; [`crate::model::PROOF_MONTHS`] when the file does not set it.
static PROOF_MONTHS: std::sync::OnceLock<u32> = std::sync::OnceLock::new();

/// Takes the config file's `proof_months` (call once, before any command runs).
pub fn set_proof_months(months: Option<u32>) {
    let _ = PROOF_MONTHS.set(months.unwrap_or(crate::model::PROOF_MONTHS));
}

fn proof_months() -> u32 {
    PROOF_MONTHS
        .get()
        .copied()
        .unwrap_or(crate::model::PROOF_MONTHS)
}

use super::CliError;
use super::measures::resolve_measure;
use super::output::{self, Align};
use crate::i18n::{Lang, Text, fill};
use crate::model::{
    Body, Cents, Decision, DecisionId, Field, MeasureId, Outcome, Session, SessionId,
    ValidationError, Votes, format_date_de, parse_amount, parse_date,
};
use crate::ops::Op;
use crate::store::Repository;

fn invalid(field: Field, problem: crate::model::Problem) -> CliError {
    CliError::Invalid(vec![ValidationError::new(field, problem)])
}

fn date_of(field: Field, text: &str) -> Result<NaiveDate, CliError> {
    parse_date(text).map_err(|p| invalid(field, p))
}

/// Today: `$QUARTIER_TODAY` if set, else the local date.
fn today() -> Result<NaiveDate, CliError> {
    crate::report::today().map_err(CliError::Today)
}

/// Says a hint or warning on stderr (`Hinweis: …`).
fn say(lang: Lang, text: &str) {
    eprintln!(
        "{}: {}",
        lang.t(Text::WarningPrefix),
        crate::text::sanitize_line(text)
    );
}

/// `quartier session …`.
pub fn session(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: SessionCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        SessionCommand::Add { body, date, note } => {
            let session = Session {
                id: SessionId(0),
                body: Body::parse(&body),
                date: date_of(Field::Date, &date)?,
                note,
            };
            let applied = repo.apply(Op::AddSession { session }, actor)?;
            writeln!(out, "{}", applied.added_session().unwrap_or(SessionId(0)))?;
            Ok(())
        }
        SessionCommand::List { json } => list_sessions(repo, lang, json, out),
        SessionCommand::Remove { session } => {
            let id = session_id(&session)?;
            repo.apply(Op::RemoveSession { id }, actor)?;
            let done = fill(lang.t(Text::DoneSessionRemoved), &[("session", &id)]);
            output::line(out, &done)
        }
        SessionCommand::Report { session, format } => {
            return session_report::run(repo, lang, &session, format, out);
        }
    }
    .map_err(CliError::from)
}

/// A session as JSON: id as shown, ISO date.
#[derive(Serialize)]
struct SessionJson<'a> {
    id: String,
    body: &'a str,
    date: String,
    note: &'a str,
    decisions: usize,
}

fn list_sessions(
    repo: &dyn Repository,
    lang: Lang,
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let (sessions, decisions) = match (repo.sessions(), repo.decisions()) {
        (Ok(s), Ok(d)) => (s, d),
        (Err(e), _) | (_, Err(e)) => return Err(std::io::Error::other(e)),
    };
    let mut counts: HashMap<SessionId, usize> = HashMap::new();
    for (_, d) in &decisions {
        *counts.entry(d.session).or_default() += 1;
    }
    let count = |s: &Session| counts.get(&s.id).copied().unwrap_or(0);
    if json {
        let rows: Vec<SessionJson> = (sessions.iter())
            .map(|(_, s)| SessionJson {
                id: s.id.to_string(),
                body: s.body.name(),
                date: s.date.to_string(),
                note: &s.note,
                decisions: count(s),
            })
            .collect();
        return output::json(out, &rows);
    }
    if sessions.is_empty() {
        return output::line(out, lang.t(Text::NoSessions));
    }
    let rows: Vec<Vec<String>> = (sessions.iter())
        .map(|(_, s)| {
            vec![
                s.id.to_string(),
                format_date_de(s.date),
                s.body.name().to_string(),
                count(s).to_string(),
                s.note.clone(),
            ]
        })
        .collect();
    let header = [
        lang.t(Text::FieldId),
        lang.t(Text::FieldDate),
        lang.t(Text::FieldBody),
        lang.t(Text::ColDecisions),
        lang.t(Text::FieldNotes),
    ];
    let columns = [
        (Align::Left, 8),
        (Align::Left, 10),
        (Align::Left, 30),
        (Align::Right, 10),
        (Align::Left, 40),
    ];
    output::table(out, &header, &columns, &rows)
}

/// `quartier decision …`.
pub fn decision(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: DecisionCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        DecisionCommand::Add {
            session,
            measure,
            outcome,
            yes,
            no,
            abstain,
            amount,
            conditions,
        } => {
            let session = session_id(&session)?;
            let measure = resolve_measure(repo, &measure)?;
            let outcome = Outcome::parse_input(&outcome).map_err(|p| invalid(Field::Kind, p))?;
            let votes = Votes::from_parts(yes, no, abstain);
            let amount = (amount.as_deref())
                .map(|a| parse_amount(a).map_err(|p| invalid(Field::Amount, p)))
                .transpose()?;
            let decision = Decision {
                id: DecisionId(0),
                session,
                measure: measure.id,
                outcome,
                votes,
                amount,
                conditions,
            };
            let applied = repo.apply(
                Op::AddDecision {
                    decision: decision.clone(),
                },
                actor,
            )?;
            writeln!(out, "{}", applied.added_decision().unwrap_or(DecisionId(0)))?;
            let date = repo.session(session)?.map(|(_, s)| s.date);
            propose(lang, &decision, &measure, date);
            Ok(())
        }
        DecisionCommand::List {
            measure,
            session,
            json,
        } => {
            let measure = match measure {
                Some(id) => Some(resolve_measure(repo, &id)?.id),
                None => None,
            };
            let session = session.as_deref().map(session_id).transpose()?;
            list_decisions(repo, lang, measure, session, json, out)
        }
        DecisionCommand::Remove { decision } => {
            let id = decision_id(&decision)?;
            let (_, stored) = repo
                .decision(id)?
                .ok_or(crate::store::StoreError::NotFound(
                    crate::ops::Record::Decision(id),
                ))?;
            let op = Op::RemoveDecision {
                measure: stored.measure,
                id,
            };
            repo.apply(op, actor)?;
            let done = fill(lang.t(Text::DoneDecisionRemoved), &[("decision", &id)]);
            output::line(out, &done)?;
            Ok(())
        }
    }
}

/// What an agreeing decision proposes (the user confirms with the commands shown): the next
/// status, dated like the session, and the amount when it differs from the approved one.
fn propose(
    lang: Lang,
    decision: &Decision,
    measure: &crate::model::Measure,
    date: Option<NaiveDate>,
) {
    if let Some(status) = decision.proposed_status(measure.status) {
        let date = date.map(format_date_de).unwrap_or_default();
        let text = fill(
            lang.t(Text::HintProposedStatus),
            &[
                ("status", &status.name()),
                ("measure", &measure.id),
                ("date", &date),
            ],
        );
        say(lang, &text);
    }
    if let Some(amount) = decision.proposed_amount(measure.approved) {
        let approved = measure.approved.map_or("–".to_string(), Cents::format_de);
        let text = fill(
            lang.t(Text::HintProposedAmount),
            &[
                ("amount", &amount.format_plain_de(true)),
                ("approved", &approved),
                ("measure", &measure.id),
            ],
        );
        say(lang, &text);
    }
}

/// A decision as JSON: ids as shown, amount in cents.
#[derive(Serialize)]
struct DecisionJson<'a> {
    id: String,
    session: String,
    session_date: Option<String>,
    body: Option<&'a str>,
    measure: String,
    outcome: &'a str,
    votes: Option<Votes>,
    amount_cents: Option<i64>,
    conditions: &'a str,
}

fn list_decisions(
    repo: &dyn Repository,
    lang: Lang,
    measure: Option<MeasureId>,
    session: Option<SessionId>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut decisions: Vec<Decision> = match (measure, session) {
        (Some(m), _) => repo.decisions_of(m)?,
        (None, Some(s)) => repo.decisions_in(s)?,
        (None, None) => repo.decisions()?,
    }
    .into_iter()
    .map(|(_, d)| d)
    .filter(|d| session.is_none_or(|s| d.session == s))
    .collect();
    let sessions: HashMap<SessionId, Session> = (repo.sessions()?.into_iter())
        .map(|(_, s)| (s.id, s))
        .collect();
    let date = |d: &Decision| sessions.get(&d.session).map(|s| s.date);
    decisions.sort_by_key(|d| (date(d), d.id));
    if json {
        let rows: Vec<DecisionJson> = (decisions.iter())
            .map(|d| DecisionJson {
                id: d.id.to_string(),
                session: d.session.to_string(),
                session_date: date(d).map(|day| day.to_string()),
                body: sessions.get(&d.session).map(|s| s.body.name()),
                measure: d.measure.to_string(),
                outcome: d.outcome.name(),
                votes: d.votes,
                amount_cents: d.amount.map(|a| a.0),
                conditions: &d.conditions,
            })
            .collect();
        output::json(out, &rows)?;
        return Ok(());
    }
    if decisions.is_empty() {
        output::line(out, lang.t(Text::NoDecisions))?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = (decisions.iter())
        .map(|d| {
            let session = match sessions.get(&d.session) {
                Some(s) => format!("{} {}", format_date_de(s.date), s.body.name()),
                None => d.session.to_string(),
            };
            let votes = d.votes.map_or(String::new(), |v| {
                format!("{}/{}/{}", v.yes, v.no, v.abstain)
            });
            vec![
                d.id.to_string(),
                session,
                d.measure.to_string(),
                d.outcome.name().to_string(),
                votes,
                d.amount.map_or(String::new(), Cents::format_de),
                d.conditions.replace('\n', " / "),
            ]
        })
        .collect();
    let header = [
        lang.t(Text::FieldId),
        lang.t(Text::ColSession),
        lang.t(Text::ColMeasure),
        lang.t(Text::ColOutcome),
        lang.t(Text::ColVotes),
        lang.t(Text::FieldAmount),
        lang.t(Text::FieldConditions),
    ];
    let columns = [
        (Align::Left, 8),
        (Align::Left, 30),
        (Align::Left, 8),
        (Align::Left, 23),
        (Align::Left, 13),
        (Align::Right, 16),
        (Align::Left, 40),
    ];
    output::table(out, &header, &columns, &rows)?;
    Ok(())
}
