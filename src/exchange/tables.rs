//! The record tables of issues 14 and 15 in one place: pots, instalments, payments, decisions
//! and deadlines, each with its German headers and its rows as typed cells. The CSV export
//! (`--what pots|plan|payments|decisions|deadlines`) writes them as text, the XLSX export as
//! the sheets `Töpfe`, `Jahresraten`, `Zahlungen`, `Beschlüsse` and `Fristen` with typed cells;
//! both importers read them back through the same headers (`xlsx/records.rs`).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Snapshot;
use crate::model::{Cents, Session, SessionId, format_date_de};

/// A table of records exchanged as CSV and as an XLSX sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordTable {
    Pots,
    Plan,
    Payments,
    Decisions,
    Deadlines,
}

/// What a column holds: how the XLSX sheet types and formats it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    /// An id (`M-0012`): text, formatted as text so Excel keeps it.
    Id,
    /// A whole number (year, votes).
    Number,
    Amount,
    Date,
}

/// One column: its German header, the other names import accepts, its width in the sheet.
pub struct Column {
    pub header: &'static str,
    pub aliases: &'static [&'static str],
    pub kind: ColumnKind,
    pub width: f64,
}

const fn column(header: &'static str, kind: ColumnKind, width: f64) -> Column {
    Column {
        header,
        aliases: &[],
        kind,
        width,
    }
}

const NOTES: Column = Column {
    header: "Notizen",
    aliases: &["Notiz", "Note", "Notes"],
    kind: ColumnKind::Text,
    width: 40.0,
};

use ColumnKind::{Amount, Date, Id, Number, Text};

/// Headers, as written by the export.
pub const ID: &str = "ID";
pub const MEASURE: &str = "Maßnahme";
pub const FUND: &str = "Fonds";
pub const YEAR: &str = "Jahr";
pub const AMOUNT: &str = "Betrag";
pub const DATE: &str = "Datum";
pub const KIND: &str = "Art";
pub const REFERENCE: &str = "Aktenzeichen";
pub const SESSION: &str = "Sitzung";
pub const BODY: &str = "Gremium";
pub const SESSION_DATE: &str = "Sitzungsdatum";
pub const SESSION_NOTE: &str = "Sitzungsnotiz";
pub const OUTCOME: &str = "Ergebnis";
pub const YES: &str = "Ja";
pub const NO: &str = "Nein";
pub const ABSTAIN: &str = "Enthaltungen";
pub const CONDITIONS: &str = "Auflagen";
pub const DUE: &str = "Fällig";
pub const DONE: &str = "Erledigt";
pub const NOTES_HEADER: &str = NOTES.header;

const POTS: [Column; 4] = [
    column(FUND, Text, 16.0),
    column(YEAR, Number, 8.0),
    column(AMOUNT, Amount, 16.0),
    NOTES,
];
const PLAN: [Column; 3] = [
    column(MEASURE, Id, 10.0),
    column(YEAR, Number, 8.0),
    column(AMOUNT, Amount, 16.0),
];
const PAYMENTS: [Column; 7] = [
    column(ID, Id, 8.0),
    column(MEASURE, Id, 10.0),
    column(DATE, Date, 12.0),
    column(KIND, Text, 14.0),
    column(AMOUNT, Amount, 16.0),
    column(REFERENCE, Text, 20.0),
    NOTES,
];
const DECISIONS: [Column; 12] = [
    column(ID, Id, 8.0),
    column(SESSION, Id, 9.0),
    column(BODY, Text, 18.0),
    column(SESSION_DATE, Date, 13.0),
    column(SESSION_NOTE, Text, 24.0),
    column(MEASURE, Id, 10.0),
    column(OUTCOME, Text, 22.0),
    column(YES, Number, 6.0),
    column(NO, Number, 6.0),
    column(ABSTAIN, Number, 12.0),
    column(AMOUNT, Amount, 16.0),
    column(CONDITIONS, Text, 40.0),
];
const DEADLINES: [Column; 6] = [
    column(ID, Id, 8.0),
    column(KIND, Text, 20.0),
    column(DUE, Date, 12.0),
    column(MEASURE, Id, 10.0),
    NOTES,
    column(DONE, Date, 12.0),
];

/// A typed cell of a record table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Amount(Option<Cents>),
    Date(Option<NaiveDate>),
}

impl Cell {
    /// The CSV text: amounts `12500,50`, dates `01.03.2026`.
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Amount(amount) => amount.map(|a| a.format_plain_de(false)).unwrap_or_default(),
            Cell::Date(date) => date.map(format_date_de).unwrap_or_default(),
        }
    }
}

fn text(value: impl ToString) -> Cell {
    Cell::Text(value.to_string())
}

impl RecordTable {
    /// Its XLSX sheet.
    pub fn sheet(self) -> &'static str {
        match self {
            RecordTable::Pots => "Töpfe",
            RecordTable::Plan => "Jahresraten",
            RecordTable::Payments => "Zahlungen",
            RecordTable::Decisions => "Beschlüsse",
            RecordTable::Deadlines => "Fristen",
        }
    }

    /// Every table, in sheet order.
    pub const ALL: [RecordTable; 5] = [
        RecordTable::Pots,
        RecordTable::Plan,
        RecordTable::Payments,
        RecordTable::Decisions,
        RecordTable::Deadlines,
    ];

    pub fn columns(self) -> &'static [Column] {
        match self {
            RecordTable::Pots => &POTS,
            RecordTable::Plan => &PLAN,
            RecordTable::Payments => &PAYMENTS,
            RecordTable::Decisions => &DECISIONS,
            RecordTable::Deadlines => &DEADLINES,
        }
    }

    /// The rows of `snapshot`, in store order (pots by fund and year, instalments by measure
    /// and year, payments and decisions by id, deadlines by due date), so the same data gives
    /// the same bytes.
    pub fn rows(self, snapshot: &Snapshot) -> Vec<Vec<Cell>> {
        match self {
            RecordTable::Pots => (snapshot.pots.iter())
                .map(|p| {
                    let year = Cell::Number(p.year.into());
                    vec![
                        text(p.fund.name()),
                        year,
                        Cell::Amount(Some(p.amount)),
                        text(&p.note),
                    ]
                })
                .collect(),
            RecordTable::Plan => (snapshot.plans.iter())
                .flat_map(|(measure, plan)| {
                    (plan.0.iter()).map(move |(year, amount)| {
                        let year = Cell::Number((*year).into());
                        vec![text(measure), year, Cell::Amount(Some(*amount))]
                    })
                })
                .collect(),
            RecordTable::Payments => (snapshot.payments.iter())
                .map(|p| {
                    vec![
                        text(p.id),
                        text(p.measure),
                        Cell::Date(Some(p.date)),
                        text(p.kind.name()),
                        Cell::Amount(Some(p.amount)),
                        text(&p.reference),
                        text(&p.note),
                    ]
                })
                .collect(),
            RecordTable::Decisions => {
                let sessions: HashMap<SessionId, &Session> =
                    snapshot.sessions.iter().map(|s| (s.id, s)).collect();
                (snapshot.decisions.iter())
                    .map(|d| {
                        let session = sessions.get(&d.session).copied();
                        let votes = |n: Option<u32>| n.map_or(text(""), |n| Cell::Number(n.into()));
                        vec![
                            text(d.id),
                            text(d.session),
                            text(session.map_or("", |s| s.body.name())),
                            Cell::Date(session.map(|s| s.date)),
                            text(session.map_or("", |s| s.note.as_str())),
                            text(d.measure),
                            text(d.outcome.name()),
                            votes(d.votes.map(|v| v.yes)),
                            votes(d.votes.map(|v| v.no)),
                            votes(d.votes.map(|v| v.abstain)),
                            Cell::Amount(d.amount),
                            text(&d.conditions),
                        ]
                    })
                    .collect()
            }
            RecordTable::Deadlines => (snapshot.deadlines.iter())
                .map(|d| {
                    vec![
                        text(d.id),
                        text(d.kind.name()),
                        Cell::Date(Some(d.due)),
                        d.measure.map_or(text(""), text),
                        text(&d.note),
                        Cell::Date(d.done),
                    ]
                })
                .collect(),
        }
    }
}
