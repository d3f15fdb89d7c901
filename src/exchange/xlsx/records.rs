//! Reads the record tables of issues 14 and 15 (pots, instalments, payments, decisions,
//! deadlines; columns in [`crate::exchange::tables`]) from a sheet or a CSV file into an
//! [`Incoming`] document: typed cells exactly (euros to cents without drift, date cells as
//! dates), text as typed in a German Excel by the documented rules of `model::money` and
//! `model::date`. Every wrong cell is a problem `file:row: Header: reason` and its row is
//! skipped; [`crate::exchange::plan`] then checks the records against the database.

use std::collections::BTreeMap;

use calamine::Data;

use super::cell_values::CellReader;
use super::table::Table;
use crate::exchange::tables::{self as t, RecordTable};
use crate::exchange::{ImportProblem, Incoming};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    Body, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, Field, Fund, MeasureId,
    Outcome, Payment, PaymentId, PaymentKind, Plan, Pot, Problem, Session, SessionId,
    ValidationError, Votes, parse_year,
};

/// A sheet or CSV file read as a table of strings or typed cells.
pub(crate) struct RecordRows {
    pub(super) table: Table,
}

impl RecordRows {
    /// A CSV file's header and rows (each with its line) as a table named `file`.
    pub(crate) fn from_text(
        file: &str,
        header_line: usize,
        header: &[String],
        rows: Vec<(usize, Vec<String>)>,
    ) -> RecordRows {
        let cells = |row: Vec<String>| row.into_iter().map(Data::String).collect();
        let header: Vec<Data> = header.iter().cloned().map(Data::String).collect();
        let rows = rows
            .into_iter()
            .map(|(line, row)| (line, cells(row)))
            .collect();
        RecordRows {
            table: Table::from_cells(file, header_line, &header, rows),
        }
    }
}

/// Reads `rows` as `table` into `incoming`: header problems (a doubled or missing column), then
/// every row. Unknown columns are ignored with a note.
pub(crate) fn read(
    table: RecordTable,
    rows: &mut RecordRows,
    lang: Lang,
    is_1904: bool,
    incoming: &mut Incoming,
) {
    let sheet = &mut rows.table;
    for column in table.columns() {
        if sheet.column(column.header).is_none()
            && let Some(alias) = column.aliases.iter().find(|a| sheet.column(a).is_some())
        {
            let found = sheet.columns.remove(&alias.to_lowercase());
            sheet
                .columns
                .extend(found.map(|f| (column.header.to_lowercase(), f)));
        }
    }
    let known: Vec<&str> = table.columns().iter().map(|c| c.header).collect();
    sheet.ignore_unknown(&known);
    let required = required(table);
    let when_updating: Vec<&str> = (known.iter().copied())
        .filter(|h| !required.contains(h) && *h != t::ID && *h != t::SESSION_NOTE)
        .collect();
    let problems = sheet.header_problems(required, &when_updating, t::ID, lang);
    if table == RecordTable::Decisions {
        // Without the column, the notes of the sessions the database has stay as they are.
        incoming.course.keep_session_notes = sheet.column(t::SESSION_NOTE).is_none();
    }
    incoming
        .notes
        .extend(crate::exchange::csv::ignored_columns_note(
            &sheet.file,
            sheet.header_line,
            &sheet.ignored,
            lang,
        ));
    let list = list_of(table);
    incoming.record_files.insert(list, sheet.file.clone());
    if table == RecordTable::Decisions {
        incoming.record_files.insert("sessions", sheet.file.clone());
    }
    if !problems.is_empty() {
        incoming.problems.extend(problems);
        return;
    }
    let mut plans: BTreeMap<MeasureId, (usize, Plan)> = BTreeMap::new();
    for (line, cells) in &sheet.rows {
        if incoming.problems.len() >= crate::exchange::csv::MAX_PROBLEMS {
            let reason = fill(
                lang.t(Text::CsvTooManyProblems),
                &[("count", &crate::exchange::csv::MAX_PROBLEMS)],
            );
            incoming
                .problems
                .push(ImportProblem::whole_file(&sheet.file, reason));
            break;
        }
        let mut r = CellReader {
            file: &sheet.file,
            line: *line,
            lang,
            is_1904,
            problems: &mut incoming.problems,
            failed: false,
            cells,
            columns: &sheet.columns,
        };
        match table {
            RecordTable::Pots => {
                if let Some(pot) = pot(&mut r) {
                    incoming.money.pots.push((*line, pot));
                }
            }
            RecordTable::Plan => instalment(&mut r, &mut plans),
            RecordTable::Payments => {
                if let Some(payment) = payment(&mut r) {
                    incoming.money.payments.push((*line, payment));
                }
            }
            RecordTable::Decisions => {
                if let Some((session, decision)) = decision(&mut r) {
                    incoming.course.sessions.push((*line, session));
                    incoming.course.decisions.push((*line, decision));
                }
            }
            RecordTable::Deadlines => {
                if let Some(deadline) = deadline(&mut r) {
                    incoming.course.deadlines.push((*line, deadline));
                }
            }
        }
    }
    for (measure, (line, plan)) in plans {
        incoming.money.plans.push((line, measure, plan));
    }
    if table == RecordTable::Decisions {
        one_session_per_id(incoming, &sheet.file, lang);
    }
}

/// The list of the JSON document a table fills (for the file named in later problems).
fn list_of(table: RecordTable) -> &'static str {
    match table {
        RecordTable::Pots => "pots",
        RecordTable::Plan => "plans",
        RecordTable::Payments => "payments",
        RecordTable::Decisions => "decisions",
        RecordTable::Deadlines => "deadlines",
    }
}

/// Columns a table must have. The others may be left out when no row has an `ID` (they are
/// then empty in the new records); a row with an `ID` replaces that record, so then every
/// column must be there (a missing one would clear values) — but `Sitzungsnotiz`, whose
/// absence keeps the notes of known sessions.
fn required(table: RecordTable) -> &'static [&'static str] {
    match table {
        RecordTable::Pots => &[t::FUND, t::YEAR, t::AMOUNT, t::NOTES_HEADER],
        RecordTable::Plan => &[t::MEASURE, t::YEAR, t::AMOUNT],
        RecordTable::Payments => &[t::MEASURE, t::DATE, t::KIND, t::AMOUNT],
        RecordTable::Decisions => &[t::SESSION, t::BODY, t::SESSION_DATE, t::MEASURE, t::OUTCOME],
        RecordTable::Deadlines => &[t::KIND, t::DUE],
    }
}

/// The header a validation error of `field` belongs to.
fn header_of(field: &Field) -> &'static str {
    match field {
        Field::Fund => t::FUND,
        Field::Year => t::YEAR,
        Field::Amount | Field::Instalment(_) => t::AMOUNT,
        Field::Date => t::DATE,
        Field::Kind => t::KIND,
        Field::Reference => t::REFERENCE,
        Field::Body => t::BODY,
        Field::Conditions => t::CONDITIONS,
        Field::Due => t::DUE,
        _ => t::NOTES_HEADER,
    }
}

/// Each validation error as a problem under its column; `Some(record)` without any.
fn valid<T>(r: &mut CellReader, record: T, result: Result<(), Vec<ValidationError>>) -> Option<T> {
    for error in result.err().unwrap_or_default() {
        let written = r.written(header_of(&error.field));
        r.problem(&written, error.problem.localize(r.lang));
    }
    (!r.failed).then_some(record)
}

/// Text parsed by `parse`; empty is `None`.
fn parsed<T>(
    r: &mut CellReader,
    header: &str,
    parse: impl Fn(&str) -> Result<T, Problem>,
) -> Option<T> {
    let text = r.text(header);
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    r.typed(header, parse(text))
}

/// A whole number from a number cell or text; empty is `None`.
fn whole(r: &mut CellReader, header: &str, max: i64) -> Option<i64> {
    let number = r.number(header)?;
    let value = (number.fract() == 0.0 && (0.0..=max as f64).contains(&number))
        .then_some(number as i64)
        .ok_or_else(|| Problem::InvalidNumber(number.to_string()));
    r.typed(header, value)
}

fn year(r: &mut CellReader) -> Option<i32> {
    let value = match whole(r, t::YEAR, 9999) {
        Some(year) => parse_year(&year.to_string()),
        None => return r.require(t::YEAR, None),
    };
    r.typed(t::YEAR, value)
}

fn pot(r: &mut CellReader) -> Option<Pot> {
    let fund = parsed(r, t::FUND, Fund::parse_input);
    let fund = r.require(t::FUND, fund);
    let year = year(r);
    let amount = r.amount(t::AMOUNT);
    let amount = r.require(t::AMOUNT, amount);
    let note = r.text(t::NOTES_HEADER);
    let (Some(fund), Some(year), Some(amount)) = (fund, year, amount) else {
        return None;
    };
    let pot = Pot {
        fund,
        year,
        amount,
        note,
    };
    let result = pot.validate();
    valid(r, pot, result)
}

/// One instalment row, added to its measure's plan (a year twice is a problem).
fn instalment(r: &mut CellReader, plans: &mut BTreeMap<MeasureId, (usize, Plan)>) {
    let measure = r.id(t::MEASURE);
    let measure = r.require(t::MEASURE, measure);
    let year = year(r);
    let amount = r.amount(t::AMOUNT);
    let amount = r.require(t::AMOUNT, amount);
    let (Some(measure), Some(year), Some(amount)) = (measure, year, amount) else {
        return;
    };
    let (_, plan) = plans
        .entry(measure)
        .or_insert_with(|| (r.line, Plan::default()));
    if let Err(error) = plan.add(year, amount) {
        let written = r.written(t::YEAR);
        r.problem(&written, error.problem.localize(r.lang));
        return;
    }
    let check = Plan([(year, amount)].into()).validate();
    if valid(r, (), check).is_none() {
        plan.0.remove(&year);
    }
}

fn payment(r: &mut CellReader) -> Option<Payment> {
    let id = r.id_with(t::ID, |text| PaymentId::parse(text).map(|id| id.0));
    let measure = r.id(t::MEASURE);
    let measure = r.require(t::MEASURE, measure);
    let date = r.date(t::DATE);
    let date = r.require(t::DATE, date);
    let kind = parsed(r, t::KIND, PaymentKind::parse_input);
    let kind = r.require(t::KIND, kind);
    let amount = r.amount(t::AMOUNT);
    let amount = r.require(t::AMOUNT, amount);
    let reference = r.text(t::REFERENCE);
    let note = r.text(t::NOTES_HEADER);
    let payment = Payment {
        id: PaymentId(id.unwrap_or(0)),
        measure: measure?,
        date: date?,
        amount: amount?,
        kind: kind?,
        reference,
        note,
    };
    let result = payment.validate();
    valid(r, payment, result)
}

fn decision(r: &mut CellReader) -> Option<(Session, Decision)> {
    let id = r.id_with(t::ID, |text| DecisionId::parse(text).map(|id| id.0));
    let session = r.id_with(t::SESSION, |text| SessionId::parse(text).map(|id| id.0));
    let session = r.require(t::SESSION, session);
    let body = r.text(t::BODY);
    let body = r.require(
        t::BODY,
        (!body.trim().is_empty()).then(|| Body::parse(&body)),
    );
    let date = r.date(t::SESSION_DATE);
    let date = r.require(t::SESSION_DATE, date);
    let note = r.text(t::SESSION_NOTE);
    let measure = r.id(t::MEASURE);
    let measure = r.require(t::MEASURE, measure);
    let outcome = parsed(r, t::OUTCOME, Outcome::parse_input);
    let outcome = r.require(t::OUTCOME, outcome);
    let max = i64::from(u32::MAX);
    let votes = [t::YES, t::NO, t::ABSTAIN].map(|header| whole(r, header, max));
    let votes = match votes {
        [None, None, None] => None,
        [yes, no, abstain] => {
            let [yes, no, abstain] = [(t::YES, yes), (t::NO, no), (t::ABSTAIN, abstain)]
                .map(|(header, n)| r.require(header, n).unwrap_or(0) as u32);
            Some(Votes { yes, no, abstain })
        }
    };
    let amount = r.amount(t::AMOUNT);
    let conditions = r.text(t::CONDITIONS);
    let session = Session {
        id: SessionId(session?),
        body: body?,
        date: date?,
        note,
    };
    let decision = Decision {
        id: DecisionId(id.unwrap_or(0)),
        session: session.id,
        measure: measure?,
        outcome: outcome?,
        votes,
        amount,
        conditions,
    };
    let result = session.validate().and(decision.validate());
    valid(r, (session, decision), result)
}

fn deadline(r: &mut CellReader) -> Option<Deadline> {
    let id = r.id_with(t::ID, |text| DeadlineId::parse(text).map(|id| id.0));
    let kind = parsed(r, t::KIND, DeadlineKind::parse_input);
    let kind = r.require(t::KIND, kind);
    let due = r.date(t::DUE);
    let due = r.require(t::DUE, due);
    let measure = r.id(t::MEASURE);
    let note = r.text(t::NOTES_HEADER);
    let done = r.date(t::DONE);
    let deadline = Deadline {
        id: DeadlineId(id.unwrap_or(0)),
        kind: kind?,
        due: due?,
        measure,
        note,
        done,
    };
    let result = deadline.validate();
    valid(r, deadline, result)
}

/// The rows of one session must agree on its body, date and note: the first row's values
/// count, a row that says otherwise is a problem (and its decision is dropped).
fn one_session_per_id(incoming: &mut Incoming, file: &str, lang: Lang) {
    let mut first: BTreeMap<SessionId, (usize, Session)> = BTreeMap::new();
    let mut dropped = Vec::new();
    for (line, session) in &incoming.course.sessions {
        match first.get(&session.id) {
            None => {
                first.insert(session.id, (*line, session.clone()));
            }
            Some((earlier, known)) if known != session => {
                let reason = fill(
                    lang.t(Text::ImportSessionDiffers),
                    &[("session", &session.id), ("line", earlier)],
                );
                (incoming.problems).push(ImportProblem::new(file, *line, t::SESSION, reason));
                dropped.push(*line);
            }
            Some(_) => {}
        }
    }
    let mut sessions: Vec<(usize, Session)> = first.into_values().collect();
    sessions.sort_by_key(|(line, _)| *line);
    incoming.course.sessions = sessions;
    (incoming.course.decisions).retain(|(line, _)| !dropped.contains(line));
}
