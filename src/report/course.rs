//! Decisions and deadlines in the report (issue 15), pure: the decisions per session and year
//! with their sums, the Aktionsfonds yearly overview, the overdue and upcoming deadlines (and
//! sessions, which are deadlines of their own), and the median days from Antrag to Bewilligung
//! per fund. `quartier report`, `quartier due` and the TUI's tabs *Beschlüsse* and *Fristen*
//! show them.
//!
//! Counting rules:
//! - a session's sum is the amounts of its agreeing decisions (Zustimmung, with or without
//!   Auflagen); with a year, only the sessions of that year count;
//! - an Aktionsfonds action's jury date is the date of the session of its latest decision; its
//!   year is that date's year, else its start year; its amount the approved amount, else the
//!   amount of that decision;
//! - [`DueList`]: open deadlines due before today are overdue; open deadlines and sessions from
//!   today to `within` days ahead are upcoming; sessions of the last `within` days are listed as
//!   past — a past session is never overdue;
//! - a measure's time to approval runs from the date of its first step into `beantragt` to the
//!   date of its first step into `bewilligt` after that; with a year, only approvals in that year.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use super::MeasureRef;
pub use super::due::{DueItem, DueList};
use crate::model::{
    Cents, Deadline, Decision, Fund, Measure, MeasureId, Session, SessionId, Status, Step,
};

/// Days ahead the report lists upcoming deadlines for (`quartier due`'s default too).
pub const DUE_WITHIN_DAYS: u32 = 30;

/// The sessions, decisions, steps and deadlines the figures are computed from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Course {
    pub sessions: Vec<Session>,
    pub decisions: Vec<Decision>,
    /// Every measure's steps, each measure's oldest first.
    pub steps: Vec<Step>,
    pub deadlines: Vec<Deadline>,
}

/// How many decisions of each outcome, and the agreed sum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecisionCounts {
    pub decisions: usize,
    /// Zustimmung with or without Auflagen.
    pub agreed: usize,
    pub rejected: usize,
    pub deferred: usize,
    /// The amounts of the agreeing decisions.
    pub approved: Cents,
}

impl DecisionCounts {
    /// Counts `decision`.
    pub fn add(&mut self, decision: &Decision) {
        use crate::model::Outcome::*;
        self.decisions += 1;
        match decision.outcome {
            Zustimmung | ZustimmungMitAuflagen => {
                self.agreed += 1;
                self.approved = self.approved + decision.amount.unwrap_or_default();
            }
            Ablehnung => self.rejected += 1,
            Vertagung => self.deferred += 1,
        }
    }

    /// Adds `other`'s counts.
    pub fn merge(&mut self, other: &DecisionCounts) {
        self.decisions += other.decisions;
        self.agreed += other.agreed;
        self.rejected += other.rejected;
        self.deferred += other.deferred;
        self.approved = self.approved + other.approved;
    }
}

/// One session with its decisions counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    pub session: Session,
    pub counts: DecisionCounts,
}

/// The sessions of one year, their decisions counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionYear {
    pub year: i32,
    pub sessions: usize,
    pub counts: DecisionCounts,
}

/// One action of the Aktionsfonds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    pub measure: MeasureRef,
    /// The date of the session of its latest decision.
    pub jury: Option<NaiveDate>,
    /// The year it is counted in (jury date, else start); `None`: neither.
    pub year: Option<i32>,
    /// The approved amount, else the amount of its latest decision.
    pub amount: Option<Cents>,
}

/// The median time from Antrag to Bewilligung of one fund's measures.
#[derive(Clone, Debug, PartialEq)]
pub struct ApprovalTime {
    pub fund: Fund,
    /// Measures with both steps.
    pub measures: usize,
    /// The median in days (the mean of the middle two for an even count).
    pub median_days: f64,
    pub fastest: i64,
    pub slowest: i64,
}

/// Everything the report shows of decisions and deadlines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CourseFigures {
    /// Sessions by date (with a year, of that year).
    pub sessions: Vec<SessionRow>,
    /// The same per year, ascending.
    pub years: Vec<DecisionYear>,
    /// Aktionsfonds actions by year (without one last), jury date, id.
    pub actions: Vec<ActionRow>,
    /// As of the report's day, [`DUE_WITHIN_DAYS`] ahead.
    pub due: DueList,
    /// Funds in [`Fund::ALL`] order, only those with an approval.
    pub approval_times: Vec<ApprovalTime>,
}

impl CourseFigures {
    /// Computes the figures; `measures` all of them (not only those of the year).
    pub fn compute(
        measures: &[Measure],
        course: &Course,
        year: Option<i32>,
        today: NaiveDate,
    ) -> CourseFigures {
        let wanted = |y: i32| year.is_none_or(|w| w == y);
        let (sessions, years) = sessions(course, &wanted);
        CourseFigures {
            sessions,
            years,
            actions: actions(measures, course, year),
            due: DueList::compute(
                course.deadlines.iter().cloned(),
                course.sessions.iter().cloned(),
                today,
                DUE_WITHIN_DAYS,
            ),
            approval_times: approval_times(measures, &course.steps, &wanted),
        }
    }
}

fn sessions(course: &Course, wanted: &dyn Fn(i32) -> bool) -> (Vec<SessionRow>, Vec<DecisionYear>) {
    let mut counts: HashMap<SessionId, DecisionCounts> = HashMap::new();
    for decision in &course.decisions {
        counts.entry(decision.session).or_default().add(decision);
    }
    let mut rows: Vec<SessionRow> = (course.sessions.iter())
        .filter(|s| wanted(s.date.year()))
        .map(|s| SessionRow {
            session: s.clone(),
            counts: counts.get(&s.id).copied().unwrap_or_default(),
        })
        .collect();
    rows.sort_by_key(|r| (r.session.date, r.session.id));
    let mut years: BTreeMap<i32, DecisionYear> = BTreeMap::new();
    for row in &rows {
        let year = row.session.date.year();
        let entry = years.entry(year).or_insert(DecisionYear {
            year,
            sessions: 0,
            counts: DecisionCounts::default(),
        });
        entry.sessions += 1;
        entry.counts.merge(&row.counts);
    }
    (rows, years.into_values().collect())
}

fn actions(measures: &[Measure], course: &Course, only: Option<i32>) -> Vec<ActionRow> {
    let dates: HashMap<SessionId, NaiveDate> =
        course.sessions.iter().map(|s| (s.id, s.date)).collect();
    // Each measure's latest decision by session date, then id.
    let mut latest: HashMap<MeasureId, (NaiveDate, &Decision)> = HashMap::new();
    for decision in &course.decisions {
        let Some(&date) = dates.get(&decision.session) else {
            continue;
        };
        let entry = latest.entry(decision.measure).or_insert((date, decision));
        if (date, decision.id) > (entry.0, entry.1.id) {
            *entry = (date, decision);
        }
    }
    let mut rows: Vec<ActionRow> = (measures.iter())
        .filter(|m| m.fund == Some(Fund::Aktionsfonds))
        .filter_map(|m| {
            let decided = latest.get(&m.id);
            let jury = decided.map(|(date, _)| *date);
            let year = jury.or(m.start).map(|d| d.year());
            if only.is_some_and(|w| year != Some(w)) {
                return None;
            }
            Some(ActionRow {
                measure: MeasureRef::new(m),
                jury,
                year,
                amount: m.approved.or(decided.and_then(|(_, d)| d.amount)),
            })
        })
        .collect();
    rows.sort_by_key(|r| (r.year.is_none(), r.year, r.jury, r.measure.id));
    rows
}

fn approval_times(
    measures: &[Measure],
    steps: &[Step],
    wanted: &dyn Fn(i32) -> bool,
) -> Vec<ApprovalTime> {
    let fund_of: HashMap<MeasureId, Fund> = (measures.iter())
        .filter_map(|m| m.fund.map(|f| (m.id, f)))
        .collect();
    // Per measure: the first Antrag, then the first Bewilligung after it.
    let mut antrag: HashMap<MeasureId, NaiveDate> = HashMap::new();
    let mut approved: HashMap<MeasureId, NaiveDate> = HashMap::new();
    for step in steps {
        match step.to {
            Status::Beantragt => {
                antrag.entry(step.measure).or_insert(step.date);
            }
            Status::Bewilligt if antrag.get(&step.measure).is_some_and(|a| step.date >= *a) => {
                approved.entry(step.measure).or_insert(step.date);
            }
            _ => {}
        }
    }
    let mut days: BTreeMap<usize, (Fund, Vec<i64>)> = BTreeMap::new();
    for (measure, approval) in approved {
        let (Some(&fund), Some(&asked)) = (fund_of.get(&measure), antrag.get(&measure)) else {
            continue;
        };
        if !wanted(approval.year()) {
            continue;
        }
        let rank = Fund::ALL.iter().position(|f| *f == fund).unwrap_or(0);
        let entry = days.entry(rank).or_insert((fund, Vec::new()));
        entry.1.push((approval - asked).num_days());
    }
    (days.into_values())
        .map(|(fund, mut days)| {
            days.sort_unstable();
            let n = days.len();
            let median = match n % 2 {
                1 => days[n / 2] as f64,
                _ => (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0,
            };
            ApprovalTime {
                fund,
                measures: n,
                median_days: median,
                fastest: days[0],
                slowest: days[n - 1],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
