//! What is due (issue 15), pure: open deadlines overdue and upcoming, and the sessions of the
//! bodies, which are deadlines of their own — upcoming ones among the upcoming deadlines, those
//! of the last days listed as past and never overdue. `quartier due`, the report's deadline
//! tables and the TUI's tab *Fristen* use it.

use chrono::{Days, NaiveDate};

use crate::model::{Deadline, DeadlineKind, MeasureId, Session};

/// A deadline or a session in the lists of what is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueItem {
    Deadline(Deadline),
    Session(Session),
}

impl DueItem {
    /// The due date, or the session's date.
    pub fn date(&self) -> NaiveDate {
        match self {
            DueItem::Deadline(d) => d.due,
            DueItem::Session(s) => s.date,
        }
    }

    /// `F-0001` or `S-0001`.
    pub fn id(&self) -> String {
        match self {
            DueItem::Deadline(d) => d.id.to_string(),
            DueItem::Session(s) => s.id.to_string(),
        }
    }

    pub fn kind(&self) -> DeadlineKind {
        match self {
            DueItem::Deadline(d) => d.kind,
            DueItem::Session(_) => DeadlineKind::Sitzung,
        }
    }

    pub fn measure(&self) -> Option<MeasureId> {
        match self {
            DueItem::Deadline(d) => d.measure,
            DueItem::Session(_) => None,
        }
    }

    /// The deadline's note; a session's body and note (`Quartiersrat · Raum 2`).
    pub fn note(&self) -> String {
        match self {
            DueItem::Deadline(d) => d.note.clone(),
            DueItem::Session(s) if s.note.is_empty() => s.body.name().to_string(),
            DueItem::Session(s) => format!("{} · {}", s.body.name(), s.note),
        }
    }

    /// Whether it is an open deadline due before `today` (a session never is).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        matches!(self, DueItem::Deadline(d) if d.is_overdue(today))
    }

    /// Sort key: date, deadlines before sessions, then id.
    fn key(&self) -> (NaiveDate, u8, u64) {
        match self {
            DueItem::Deadline(d) => (d.due, 0, d.id.0),
            DueItem::Session(s) => (s.date, 1, s.id.0),
        }
    }
}

/// What is due: see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DueList {
    /// Open deadlines due before today, by date.
    pub overdue: Vec<DueItem>,
    /// Open deadlines and sessions from today to `within` days ahead, by date.
    pub upcoming: Vec<DueItem>,
    /// Sessions of the last `within` days, by date.
    pub past_sessions: Vec<DueItem>,
}

impl DueList {
    /// Sorts `deadlines` and `sessions` into the lists as of `today`, `within` days each way.
    pub fn compute(
        deadlines: impl IntoIterator<Item = Deadline>,
        sessions: impl IntoIterator<Item = Session>,
        today: NaiveDate,
        within: u32,
    ) -> DueList {
        let ahead = today
            .checked_add_days(Days::new(within.into()))
            .unwrap_or(NaiveDate::MAX);
        let back = today
            .checked_sub_days(Days::new(within.into()))
            .unwrap_or(NaiveDate::MIN);
        let mut list = DueList::default();
        for deadline in deadlines.into_iter().filter(|d| d.done.is_none()) {
            if deadline.due < today {
                list.overdue.push(DueItem::Deadline(deadline));
            } else if deadline.due <= ahead {
                list.upcoming.push(DueItem::Deadline(deadline));
            }
        }
        for session in sessions {
            if (today..=ahead).contains(&session.date) {
                list.upcoming.push(DueItem::Session(session));
            } else if (back..today).contains(&session.date) {
                list.past_sessions.push(DueItem::Session(session));
            }
        }
        for items in [
            &mut list.overdue,
            &mut list.upcoming,
            &mut list.past_sessions,
        ] {
            items.sort_by_key(DueItem::key);
        }
        list
    }

    /// Whether a deadline is overdue (`quartier due` exits 1).
    pub fn any_overdue(&self) -> bool {
        !self.overdue.is_empty()
    }
}
