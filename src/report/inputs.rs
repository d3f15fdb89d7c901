//! What a report is computed from, and reading it: at once (`quartier report`, the TUI's `R`
//! before the figures are prepared) or a piece at a time (the TUI's idle time, which reads the
//! pieces of many records a page at a time instead, see `app::report_prep`).

use chrono::NaiveDate;

use super::Report;
use crate::model::{Goal, Measure};
use crate::store::{Link, Repository, StoreError};

/// The pieces of [`Inputs::read_piece`] that read many records (plans, payments,
/// decisions, status steps), which idle time reads a page at a time instead.
pub const PLANS_PIECE: usize = 2;
pub const PAYMENTS_PIECE: usize = 3;
pub const DECISIONS_PIECE: usize = 5;
pub const STEPS_PIECE: usize = 6;

/// Everything the report is computed from.
#[derive(Debug, Default)]
pub struct Inputs {
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
    pub links: Vec<Link>,
    pub money: super::pots::Money,
    /// Sessions, decisions, steps and deadlines (issue 15).
    pub course: super::course::Course,
}

impl Inputs {
    /// Reads everything from `store`.
    pub fn read(store: &dyn Repository) -> Result<Inputs, StoreError> {
        let mut inputs = Inputs {
            measures: store.measures()?,
            ..Inputs::default()
        };
        let mut piece = 0;
        while inputs.read_piece(store, piece)? {
            piece += 1;
        }
        Ok(inputs)
    }

    /// Reads piece `piece` of what the report needs besides the measures (in idle time one
    /// step each, so a key waits at most for one of them); false when there is no such piece.
    pub fn read_piece(&mut self, store: &dyn Repository, piece: usize) -> Result<bool, StoreError> {
        match piece {
            0 => {
                self.goals = store.goals()?;
                self.links = store.links()?;
            }
            1 => self.money.pots = store.pots()?,
            PLANS_PIECE => self.money.plans = store.plans()?.into_iter().collect(),
            PAYMENTS_PIECE => self.money.payments = store.payments()?,
            4 => self.course.sessions = strip(store.sessions()?),
            DECISIONS_PIECE => self.course.decisions = strip(store.decisions()?),
            STEPS_PIECE => self.course.steps = store.all_steps()?,
            7 => self.course.deadlines = strip(store.deadlines()?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The report for `year` (`None`: all years).
    pub fn compute(&self, year: Option<i32>, today: NaiveDate) -> Report {
        let mut report = Report::compute_with_money(
            &self.goals,
            &self.measures,
            &self.links,
            &self.money,
            year,
            today,
        );
        report.add_course(&self.measures, &self.course);
        report
    }
}

/// The records of `found` without their revisions.
fn strip<T>(found: Vec<(u64, T)>) -> Vec<T> {
    found.into_iter().map(|(_, record)| record).collect()
}
