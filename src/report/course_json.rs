//! The decisions and deadlines of `quartier report --format json` (issue 15): ids as shown
//! (`S-0001`, `F-0001`), ISO dates, amounts in integer cents, absent values `null`.

use chrono::NaiveDate;
use serde::Serialize;

use super::course::{CourseFigures, DecisionCounts, DueItem};
use crate::model::{Cents, Fund, Status};

#[derive(Serialize)]
struct CountsJson {
    decision_count: usize,
    agreed: usize,
    rejected: usize,
    deferred: usize,
    /// The amounts of the agreeing decisions.
    agreed_cents: Cents,
}

impl From<&DecisionCounts> for CountsJson {
    fn from(c: &DecisionCounts) -> CountsJson {
        CountsJson {
            decision_count: c.decisions,
            agreed: c.agreed,
            rejected: c.rejected,
            deferred: c.deferred,
            agreed_cents: c.approved,
        }
    }
}

#[derive(Serialize)]
struct SessionJson {
    id: String,
    body: String,
    date: NaiveDate,
    note: String,
    #[serde(flatten)]
    counts: CountsJson,
}

#[derive(Serialize)]
struct YearJson {
    year: i32,
    session_count: usize,
    #[serde(flatten)]
    counts: CountsJson,
}

#[derive(Serialize)]
struct ActionJson {
    /// `null`: neither decided nor started.
    year: Option<i32>,
    id: u64,
    title: String,
    /// The date of the session of its latest decision.
    jury_date: Option<NaiveDate>,
    amount_cents: Option<Cents>,
    status: Status,
}

#[derive(Serialize)]
struct DueJson {
    id: String,
    kind: &'static str,
    due: NaiveDate,
    measure: Option<u64>,
    note: String,
    /// Until due; negative: overdue.
    days: i64,
}

#[derive(Serialize)]
struct ApprovalJson {
    fund: Fund,
    measure_count: usize,
    median_days: f64,
    fastest_days: i64,
    slowest_days: i64,
}

/// The report's keys of decisions and deadlines (flattened into the report's object).
#[derive(Serialize)]
pub(crate) struct CourseJson {
    sessions: Vec<SessionJson>,
    decision_years: Vec<YearJson>,
    aktionsfonds_actions: Vec<ActionJson>,
    deadlines_overdue: Vec<DueJson>,
    /// Deadlines and sessions (kind `Sitzung`) within 30 days.
    deadlines_upcoming: Vec<DueJson>,
    approval_days: Vec<ApprovalJson>,
}

impl CourseJson {
    pub(crate) fn new(figures: &CourseFigures, today: NaiveDate) -> CourseJson {
        let due = |items: &[DueItem]| {
            (items.iter())
                .map(|item| DueJson {
                    id: item.id(),
                    kind: item.kind().name(),
                    due: item.date(),
                    measure: item.measure().map(|m| m.0),
                    note: item.note(),
                    days: (item.date() - today).num_days(),
                })
                .collect()
        };
        CourseJson {
            sessions: (figures.sessions.iter())
                .map(|r| SessionJson {
                    id: r.session.id.to_string(),
                    body: r.session.body.name().to_string(),
                    date: r.session.date,
                    note: r.session.note.clone(),
                    counts: (&r.counts).into(),
                })
                .collect(),
            decision_years: (figures.years.iter())
                .map(|y| YearJson {
                    year: y.year,
                    session_count: y.sessions,
                    counts: (&y.counts).into(),
                })
                .collect(),
            aktionsfonds_actions: (figures.actions.iter())
                .map(|a| ActionJson {
                    year: a.year,
                    id: a.measure.id.0,
                    title: a.measure.title.clone(),
                    jury_date: a.jury,
                    amount_cents: a.amount,
                    status: a.measure.status,
                })
                .collect(),
            deadlines_overdue: due(&figures.due.overdue),
            deadlines_upcoming: due(&figures.due.upcoming),
            approval_days: (figures.approval_times.iter())
                .map(|t| ApprovalJson {
                    fund: t.fund,
                    measure_count: t.measures,
                    median_days: t.median_days,
                    fastest_days: t.fastest,
                    slowest_days: t.slowest,
                })
                .collect(),
        }
    }
}
