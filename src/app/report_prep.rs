//! The report view's figures kept ready in idle time (issue 14: `R` opens within 50 ms at
//! 10 000 measures, where reading and computing everything takes about twice that).
//!
//! Once the background reading of the rows is done (see `prefetch`), idle time reads what the
//! report needs — every measure a page at a time, goals and links from what the app holds,
//! then pots and plans, the payments a page at a time, sessions and decisions, the status
//! steps a page at a time, deadlines, a piece per step — and computes
//! the report for the measure filter's year on a thread of its own (at once when the app does
//! not defer long work: tests, benchmarks). `R` then shows that report without reading. Every
//! change, the user's own or a colleague's, makes it stale: it is read and computed again, in
//! idle time, and until then `R` reads and computes as it always did. The measures read are
//! dropped once the report is computed; the open view reads them again only if the year is
//! changed.

use chrono::NaiveDate;

use super::App;
use super::busy::{Job, JobDone};
use super::prefetch::PAGE;
use crate::model::{DecisionId, Measure, MeasureId, PaymentId, StepId};
use crate::report::Inputs;
use crate::report::Report;
use crate::report::inputs::{DECISIONS_PIECE, PAYMENTS_PIECE, PLANS_PIECE, STEPS_PIECE};

/// A report computed in idle time, for one year filter and one day.
#[derive(Debug)]
pub struct Prepared {
    /// The measure filter's year it was computed for.
    pub asked: Option<i32>,
    /// The year shown: `asked` if measures run in it, else all years.
    pub year: Option<i32>,
    pub today: NaiveDate,
    pub years: Vec<i32>,
    pub report: Report,
}

/// How far the preparation got.
#[derive(Debug, Default)]
enum Stage {
    /// Measures being read, a page at a time.
    #[default]
    Start,
    Reading {
        after: MeasureId,
        measures: Vec<Measure>,
    },
    /// Every measure read; the rest is read a piece per step (see [`Inputs::read_piece`]).
    Rest(Box<Inputs>, usize),
    /// Everything read; the report is to be computed.
    Read(Box<(Inputs, Option<i32>, NaiveDate)>),
    /// Being computed on another thread.
    Computing,
    Ready(Box<Prepared>),
    /// A read failed: `R` reads for itself (and says why) until the next change.
    Off,
}

/// The preparation and a number raised by every change, so that a report computed from data
/// older than the last change is thrown away.
#[derive(Debug, Default)]
pub(super) struct ReportPrep {
    stage: Stage,
    generation: u64,
}

impl ReportPrep {
    /// The data changed: start again.
    pub(super) fn stale(&mut self) {
        self.generation += 1;
        self.stage = Stage::Start;
    }

    /// Whether idle time has reading or computing to do here.
    pub(super) fn has_work(&self) -> bool {
        matches!(
            self.stage,
            Stage::Start | Stage::Reading { .. } | Stage::Rest(..) | Stage::Read(_)
        )
    }

    /// The prepared report if it was computed for `year` and `today` from the data as it is.
    pub(super) fn ready(&self, year: Option<i32>, today: NaiveDate) -> Option<&Prepared> {
        match &self.stage {
            Stage::Ready(prepared) if prepared.asked == year && prepared.today == today => {
                Some(prepared)
            }
            _ => None,
        }
    }
}

/// Takes in a page read after the last record taken: the same piece again while pages come
/// full, the next one after a short page.
fn paged<T>(piece: usize, page: Vec<T>, take: impl FnOnce(Vec<T>)) -> Option<usize> {
    let full = page.len() == PAGE;
    take(page);
    Some(if full { piece } else { piece + 1 })
}

impl App {
    /// One piece of the report's preparation in idle time; false when nothing is left to do
    /// here (also when the computation waits for [`App::take_report_job`] or runs).
    pub(super) fn report_prep_step(&mut self) -> bool {
        let stage = std::mem::take(&mut self.report_prep.stage);
        self.report_prep.stage = match self.next_stage(stage) {
            Ok(stage) => stage,
            Err(_) => Stage::Off,
        };
        if !self.work_is_deferred()
            && let Some(job) = self.take_report_job()
        {
            let done = job();
            self.report_done(done);
        }
        !matches!(self.report_prep.stage, Stage::Read(_)) && self.report_prep.has_work()
    }

    fn next_stage(&mut self, stage: Stage) -> Result<Stage, crate::store::StoreError> {
        Ok(match stage {
            Stage::Start => Stage::Reading {
                after: MeasureId(0),
                measures: Vec::new(),
            },
            Stage::Reading {
                after,
                mut measures,
            } => {
                let page = self.store.measures_after(after, PAGE)?;
                let done = page.len() < PAGE;
                let after = page.last().map_or(after, |m| m.id);
                measures.extend(page);
                if !done {
                    return Ok(Stage::Reading { after, measures });
                }
                // Goals and links as the app holds them (kept current change by change): the
                // first piece, read from memory (a read of every link blocked a key ~5 ms).
                let inputs = Inputs {
                    measures,
                    goals: self.tree.goals().to_vec(),
                    links: self.links.all(),
                    ..Inputs::default()
                };
                Stage::Rest(Box::new(inputs), 1)
            }
            Stage::Rest(mut inputs, piece) => {
                let store = self.store();
                let next = match piece {
                    PLANS_PIECE => {
                        let plans = &mut inputs.money.plans;
                        let after = plans.keys().max().copied().unwrap_or(MeasureId(0));
                        paged(piece, store.plans_after(after, PAGE)?, |p| plans.extend(p))
                    }
                    PAYMENTS_PIECE => {
                        let paid = &mut inputs.money.payments;
                        let after = paid.last().map_or(PaymentId(0), |p| p.id);
                        paged(piece, store.payments_after(after, PAGE)?, |p| {
                            paid.extend(p)
                        })
                    }
                    DECISIONS_PIECE => {
                        let decisions = &mut inputs.course.decisions;
                        let after = decisions.last().map_or(DecisionId(0), |d| d.id);
                        let page = store.decisions_after(after, PAGE)?;
                        paged(piece, page, |p| {
                            decisions.extend(p.into_iter().map(|(_, d)| d))
                        })
                    }
                    STEPS_PIECE => {
                        let steps = &mut inputs.course.steps;
                        let start = (MeasureId(0), StepId(0));
                        let after = steps.last().map_or(start, |s| (s.measure, s.id));
                        paged(piece, store.steps_after(after, PAGE)?, |p| steps.extend(p))
                    }
                    _ => inputs.read_piece(store, piece)?.then_some(piece + 1),
                };
                if let Some(piece) = next {
                    return Ok(Stage::Rest(inputs, piece));
                }
                // The day the app started with (`R` after midnight reads anew).
                let Some(today) = self.pane.today else {
                    return Ok(Stage::Off);
                };
                Stage::Read(Box::new((*inputs, self.pane.filter.year, today)))
            }
            other => other,
        })
    }

    /// The report's computation, when everything is read, as work for another thread.
    pub fn take_report_job(&mut self) -> Option<Job> {
        let read = match std::mem::replace(&mut self.report_prep.stage, Stage::Computing) {
            Stage::Read(read) => read,
            other => {
                self.report_prep.stage = other;
                return None;
            }
        };
        let generation = self.report_prep.generation;
        Some(Box::new(move || {
            let (inputs, asked, today) = *read;
            let years = crate::report::years_present(&inputs.measures);
            let year = asked.filter(|y| years.contains(y));
            let report = inputs.compute(year, today);
            JobDone::Report(
                generation,
                Box::new(Prepared {
                    asked,
                    year,
                    today,
                    years,
                    report,
                }),
            )
        }))
    }

    /// A computed report: kept unless the data changed meanwhile.
    pub(super) fn report_done(&mut self, done: JobDone) {
        if let JobDone::Report(of, prepared) = done
            && of == self.report_prep.generation
        {
            self.report_prep.stage = Stage::Ready(prepared);
        }
    }
}
