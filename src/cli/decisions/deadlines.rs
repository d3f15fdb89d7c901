//! `quartier deadline add|done|remove|list` and `quartier due`: the deadlines (Fristen), and
//! which are overdue or due soon (exit 1 when one is overdue, for cron).

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::{DeadlineCommand, date_of, today};
use crate::cli::CliError;
use crate::cli::measures::resolve_measure;
use crate::cli::output::{self, Align};
use crate::i18n::{Lang, Text, fill};
use crate::model::{Deadline, DeadlineId, DeadlineKind, Field, format_date_de};
use crate::ops::{Op, Record};
use crate::report::course::{DueItem, DueList};
use crate::store::{Repository, StoreError};

fn deadline_id(text: &str) -> Result<DeadlineId, CliError> {
    DeadlineId::parse(text).ok_or_else(|| CliError::UnknownId {
        id: text.trim().to_string(),
        example: "F-0001",
    })
}

fn stored(repo: &dyn Repository, id: DeadlineId) -> Result<(u64, Deadline), CliError> {
    Ok(repo
        .deadline(id)?
        .ok_or(StoreError::NotFound(Record::Deadline(id)))?)
}

/// `quartier deadline …`.
pub fn deadline(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: DeadlineCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        DeadlineCommand::Add {
            kind,
            due,
            measure,
            note,
        } => {
            let kind =
                DeadlineKind::parse_input(&kind).map_err(|p| super::invalid(Field::Kind, p))?;
            let measure = match measure {
                Some(id) => Some(resolve_measure(repo, &id)?.id),
                None => None,
            };
            let deadline = Deadline {
                id: DeadlineId(0),
                kind,
                due: date_of(Field::Due, &due)?,
                measure,
                note,
                done: None,
            };
            let applied = repo.apply(Op::AddDeadline { deadline }, actor)?;
            let id = applied.added_deadline().unwrap_or(DeadlineId(0));
            writeln!(out, "{id}")?;
        }
        DeadlineCommand::Done { deadline, date } => {
            let id = deadline_id(&deadline)?;
            let (revision, stored) = stored(repo, id)?;
            let done = match date {
                Some(text) => date_of(Field::Date, &text)?,
                None => today()?,
            };
            repo.apply(Op::deadline_done(revision, stored, done), actor)?;
            let text = fill(
                lang.t(Text::DoneDeadlineDone),
                &[("deadline", &id), ("date", &format_date_de(done))],
            );
            output::line(out, &text)?;
        }
        DeadlineCommand::Remove { deadline } => {
            let id = deadline_id(&deadline)?;
            stored(repo, id)?;
            repo.apply(Op::RemoveDeadline { id }, actor)?;
            let text = fill(lang.t(Text::DoneDeadlineRemoved), &[("deadline", &id)]);
            output::line(out, &text)?;
        }
        DeadlineCommand::List { measure, all, json } => {
            let measure = match measure {
                Some(id) => Some(resolve_measure(repo, &id)?.id),
                None => None,
            };
            let deadlines: Vec<Deadline> = (repo.deadlines()?.into_iter())
                .map(|(_, d)| d)
                .filter(|d| measure.is_none_or(|m| d.measure == Some(m)))
                .filter(|d| all || d.done.is_none())
                .collect();
            write_deadlines(lang, &deadlines, today()?, json, out)?;
        }
    }
    Ok(())
}

/// A deadline as JSON: ids as shown, ISO dates; `days` until due (negative: overdue).
#[derive(Serialize)]
struct DeadlineJson<'a> {
    id: String,
    kind: &'a str,
    due: String,
    measure: Option<String>,
    note: &'a str,
    done: Option<String>,
    days: i64,
    overdue: bool,
}

fn json_of(d: &Deadline, today: NaiveDate) -> DeadlineJson<'_> {
    DeadlineJson {
        id: d.id.to_string(),
        kind: d.kind.name(),
        due: d.due.to_string(),
        measure: d.measure.map(|m| m.to_string()),
        note: &d.note,
        done: d.done.map(|day| day.to_string()),
        days: (d.due - today).num_days(),
        overdue: d.is_overdue(today),
    }
}

/// `3 Tage überfällig`, `heute`, `in 12 Tagen`, or the done date.
fn when(lang: Lang, d: &Deadline, today: NaiveDate) -> String {
    if let Some(done) = d.done {
        return format!("{} {}", lang.t(Text::ColDone), format_date_de(done));
    }
    let days = (d.due - today).num_days();
    match days {
        0 => lang.t(Text::DueToday).to_string(),
        n if n < 0 => fill(lang.t(Text::DueDaysOver), &[("n", &-n)]),
        n => fill(lang.t(Text::DueDaysLeft), &[("n", &n)]),
    }
}

fn write_deadlines(
    lang: Lang,
    deadlines: &[Deadline],
    today: NaiveDate,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    if json {
        let rows: Vec<DeadlineJson> = deadlines.iter().map(|d| json_of(d, today)).collect();
        output::json(out, &rows)?;
        return Ok(());
    }
    if deadlines.is_empty() {
        output::line(out, lang.t(Text::NoDeadlines))?;
        return Ok(());
    }
    table(lang, deadlines, today, out)
}

fn table(
    lang: Lang,
    deadlines: &[Deadline],
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let rows: Vec<Vec<String>> = (deadlines.iter())
        .map(|d| {
            vec![
                d.id.to_string(),
                format_date_de(d.due),
                when(lang, d, today),
                d.kind.name().to_string(),
                d.measure.map_or(String::new(), |m| m.to_string()),
                d.note.clone(),
            ]
        })
        .collect();
    output::table(out, &header(lang), &COLUMNS, &rows)?;
    Ok(())
}

/// The columns of a table of deadlines.
const COLUMNS: [(Align, usize); 6] = [
    (Align::Left, 8),
    (Align::Left, 10),
    (Align::Left, 22),
    (Align::Left, 19),
    (Align::Left, 8),
    (Align::Left, 40),
];

fn header(lang: Lang) -> [&'static str; 6] {
    [
        lang.t(Text::FieldId),
        lang.t(Text::FieldDue),
        lang.t(Text::ColWhen),
        lang.t(Text::FieldKind),
        lang.t(Text::ColMeasure),
        lang.t(Text::FieldNotes),
    ]
}

/// A deadline or session as `due --json` writes it: like [`DeadlineJson`], with the body of
/// a session (`null` for a deadline).
#[derive(Serialize)]
struct DueItemJson {
    id: String,
    kind: &'static str,
    due: String,
    measure: Option<String>,
    note: String,
    body: Option<String>,
    done: Option<String>,
    days: i64,
    overdue: bool,
}

fn due_json_of(item: &DueItem, today: NaiveDate) -> DueItemJson {
    let (note, body) = match item {
        DueItem::Deadline(d) => (d.note.clone(), None),
        DueItem::Session(s) => (s.note.clone(), Some(s.body.name().to_string())),
    };
    DueItemJson {
        id: item.id(),
        kind: item.kind().name(),
        due: item.date().to_string(),
        measure: item.measure().map(|m| m.to_string()),
        note,
        body,
        done: None,
        days: (item.date() - today).num_days(),
        overdue: item.is_overdue(today),
    }
}

/// What `due --json` writes.
#[derive(Serialize)]
struct DueJson {
    today: String,
    within_days: u32,
    overdue: Vec<DueItemJson>,
    /// Deadlines and sessions (kind `Sitzung`) by date.
    upcoming: Vec<DueItemJson>,
    /// Sessions of the last `within_days` days (never overdue).
    past_sessions: Vec<DueItemJson>,
}

/// `heute`, `3 Tage überfällig`, `in 12 Tagen`; a past session `vor 5 Tagen`.
fn due_when(lang: Lang, item: &DueItem, today: NaiveDate) -> String {
    match item {
        DueItem::Deadline(d) => when(lang, d, today),
        DueItem::Session(s) => match (s.date - today).num_days() {
            0 => lang.t(Text::DueToday).to_string(),
            n if n < 0 => fill(lang.t(Text::DueDaysAgo), &[("n", &-n)]),
            n => fill(lang.t(Text::DueDaysLeft), &[("n", &n)]),
        },
    }
}

fn due_table(
    lang: Lang,
    items: &[DueItem],
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let rows: Vec<Vec<String>> = (items.iter())
        .map(|item| {
            vec![
                item.id(),
                format_date_de(item.date()),
                due_when(lang, item, today),
                item.kind().name().to_string(),
                item.measure().map_or(String::new(), |m| m.to_string()),
                item.note(),
            ]
        })
        .collect();
    output::table(out, &header(lang), &COLUMNS, &rows)?;
    Ok(())
}

/// `quartier due [--within N] [--json]`: the open deadlines that are overdue, the deadlines and
/// sessions (kind Sitzung) due within `within` days (today included), and the sessions of the
/// last `within` days; exit code 1 when a deadline is overdue, else 0 (a past session never
/// counts). Reads the deadlines and sessions only.
pub fn due(
    repo: &dyn Repository,
    lang: Lang,
    within: u32,
    json: bool,
    out: &mut impl Write,
) -> Result<i32, CliError> {
    let today = today()?;
    let strip = |found: Vec<(u64, _)>| found.into_iter().map(|(_, r)| r);
    let sessions = repo.sessions()?.into_iter().map(|(_, s)| s);
    let list = DueList::compute(strip(repo.deadlines()?), sessions, today, within);
    let code = i32::from(list.any_overdue());
    if json {
        let all = |items: &[DueItem]| items.iter().map(|i| due_json_of(i, today)).collect();
        let shape = DueJson {
            today: today.to_string(),
            within_days: within,
            overdue: all(&list.overdue),
            upcoming: all(&list.upcoming),
            past_sessions: all(&list.past_sessions),
        };
        output::json(out, &shape)?;
        return Ok(code);
    }
    if list.overdue.is_empty() && list.upcoming.is_empty() && list.past_sessions.is_empty() {
        output::line(out, &fill(lang.t(Text::DueNothing), &[("days", &within)]))?;
        return Ok(code);
    }
    let groups = [
        (&list.overdue, lang.t(Text::DueOverdue).to_string()),
        (
            &list.upcoming,
            fill(lang.t(Text::DueUpcoming), &[("days", &within)]),
        ),
        (
            &list.past_sessions,
            fill(lang.t(Text::DuePastSessions), &[("days", &within)]),
        ),
    ];
    let mut first = true;
    for (items, title) in groups.iter().filter(|(items, _)| !items.is_empty()) {
        if !first {
            writeln!(out)?;
        }
        first = false;
        output::line(out, title)?;
        due_table(lang, items, today, out)?;
    }
    Ok(code)
}
