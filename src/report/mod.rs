//! Reports: what the office's measures add up to per goal, per fund and per year, and what
//! needs attention (goals without measures, measures without goals, measures ending soon,
//! measures past their end date still `laufend`/`bewilligt`), and the measures per goal.
//!
//! [`Report::compute`] is a pure function of goals, measures and links — no sled, no terminal,
//! no language — so every figure is unit-tested. `quartier report` (`cli/report.rs`) prints it
//! as text, Markdown or JSON; the TUI draws it in `ui/report.rs`.
//!
//! Counting rules:
//! - a goal's measure count is the number of distinct measures linked to it or to a sub-goal;
//! - money (requested, approved, co-funding) counts over **primary links only**, so each euro
//!   is counted once: under the measure's primary goal and that goal's ancestors;
//! - attainment is the mean of [`Indicator::attainment`](crate::model::Indicator::attainment)
//!   over the indicators (that have one) of the measures counted for the goal;
//! - with a year, only measures running in that year count (start..end overlaps the year, the
//!   same rule as the TUI's year filter, [`crate::model::Measure::runs_in`]).

mod appendix;
pub mod json_output;
pub mod markdown;
pub(crate) mod pot_sections;
pub(crate) mod sections;
pub(crate) mod table;

mod figures;
pub mod inputs;
pub mod pots;
// Decisions and deadlines (issue 15).
pub mod course;
mod course_json;
pub(crate) mod course_sections;
pub mod due;
pub mod session;

use chrono::NaiveDate;

use crate::model::{Cents, Fund, GoalId, Measure, MeasureId, Status};

pub use figures::years_present;
pub use inputs::Inputs;

/// Days ahead in which an ending measure is listed under "ending soon".
pub const ENDING_WITHIN_DAYS: i64 = 60;

/// Requested, approved and co-funding sums.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    pub requested: Cents,
    pub approved: Cents,
    pub cofunding: Cents,
}

impl Sums {
    /// Adds the amounts of `measure` (absent amounts count as zero).
    pub fn add(&mut self, measure: &Measure) {
        self.requested = self.requested + measure.requested.unwrap_or_default();
        self.approved = self.approved + measure.approved.unwrap_or_default();
        self.cofunding = self.cofunding + measure.cofunding.unwrap_or_default();
    }
}

/// Sums of the measures of one fund (`None`: measures without a fund).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundSums {
    pub fund: Option<Fund>,
    pub measures: usize,
    pub sums: Sums,
}

/// Sums of the measures starting in one year (`None`: measures without a start date); the
/// approved sum is the approved instalments of the year (see [`pots`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSums {
    pub year: Option<i32>,
    pub measures: usize,
    pub sums: Sums,
}

/// The figures of one goal, including its sub-goals.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalFigures {
    pub id: GoalId,
    pub parent: Option<GoalId>,
    pub code: String,
    pub title: String,
    /// 0 for a strategic goal, 1 for an operational goal, deeper for goals an office added.
    pub depth: usize,
    /// Distinct measures linked to the goal or a sub-goal.
    pub measures: usize,
    /// Money of the measures whose primary goal is this goal or a sub-goal.
    pub sums: Sums,
    /// [`GoalFigures::sums`] split by fund; only funds that occur, in [`Fund::ALL`] order,
    /// measures without a fund last.
    pub by_fund: Vec<FundSums>,
    /// Mean attainment (0.0–1.0) of the indicators of the counted measures; `None` without any.
    pub attainment: Option<f64>,
    /// How many indicators the attainment is the mean of.
    pub indicators: usize,
    /// Counted measures linked to this goal itself (not through a sub-goal), by id, each with
    /// whether this is its primary goal: the report's appendix.
    pub linked: Vec<(MeasureRef, bool)>,
}

/// A measure named in a list of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureRef {
    pub id: MeasureId,
    pub title: String,
    pub fund: Option<Fund>,
    pub approved: Option<Cents>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub status: Status,
}

impl MeasureRef {
    fn new(measure: &Measure) -> MeasureRef {
        MeasureRef {
            id: measure.id,
            title: measure.title.clone(),
            fund: measure.fund,
            approved: measure.approved,
            start: measure.start,
            end: measure.end,
            status: measure.status,
        }
    }
}

/// Everything a report shows; see the module documentation for what is counted how.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Only measures running in this year, if set.
    pub year: Option<i32>,
    /// The day "ending soon" is measured from.
    pub today: NaiveDate,
    /// Measures counted (after the year filter).
    pub measures: usize,
    /// Every goal in tree order.
    pub goals: Vec<GoalFigures>,
    /// Counted measures not linked to any (existing) goal, by id.
    pub measures_without_goal: Vec<MeasureRef>,
    /// Counted measures ending between today and [`ENDING_WITHIN_DAYS`] days from today, not
    /// closed (completed, rejected, cancelled), by end date.
    pub ending_soon: Vec<MeasureRef>,
    /// Counted measures whose end date has passed while their status is still `laufend` or
    /// `bewilligt` ([`Measure::is_overdue`]), by end date.
    pub overdue: Vec<MeasureRef>,
    /// Every fund (zero rows included), then measures without a fund if there are any.
    pub by_fund: Vec<FundSums>,
    /// By year of the start date, ascending; measures without a start last.
    pub by_year: Vec<YearSums>,
    /// All counted measures, with or without goal.
    pub total: Sums,
    /// Per fund and year: pot, planned instalments, paid, free; plans that do not add up
    /// (issue 14).
    pub pots: pots::PotFigures,
    /// Decisions per session and year, the Aktionsfonds overview, what is due, the times from
    /// Antrag to Bewilligung (issue 15); empty until [`Report::add_course`].
    pub course: course::CourseFigures,
}

impl Report {
    /// Computes the report; see the module documentation for the rules. `goals` in tree order.
    pub fn compute(
        goals: &[crate::model::Goal],
        measures: &[Measure],
        links: &[crate::store::Link],
        year: Option<i32>,
        today: NaiveDate,
    ) -> Report {
        let money = pots::Money::default();
        figures::compute(goals, measures, links, &money, year, today)
    }

    /// [`Report::compute`] with pots, plans and payments: the years count a measure's money
    /// by its plan, and the pot figures are filled in.
    pub fn compute_with_money(
        goals: &[crate::model::Goal],
        measures: &[Measure],
        links: &[crate::store::Link],
        money: &pots::Money,
        year: Option<i32>,
        today: NaiveDate,
    ) -> Report {
        figures::compute(goals, measures, links, money, year, today)
    }

    /// Fills in the figures of decisions and deadlines from `course`; `measures` all of them
    /// (the Aktionsfonds overview picks its year's actions itself).
    pub fn add_course(&mut self, measures: &[Measure], course: &course::Course) {
        self.course = course::CourseFigures::compute(measures, course, self.year, self.today);
    }

    /// The strategic (top-level) goals, in tree order.
    pub fn strategic_goals(&self) -> impl Iterator<Item = &GoalFigures> {
        self.goals.iter().filter(|g| g.depth == 0)
    }

    /// Goals no counted measure is linked to (neither directly nor through a sub-goal).
    pub fn goals_without_measures(&self) -> impl Iterator<Item = &GoalFigures> {
        self.goals.iter().filter(|g| g.measures == 0)
    }
}

/// An attainment as a whole percentage, `65 %`; `–` without one.
pub fn percent(attainment: Option<f64>) -> String {
    // Rounded like the detail pane's indicator bars.
    attainment.map_or_else(|| "–".to_string(), |a| format!("{} %", (a * 100.0).round()))
}

/// The day reports count from: `$QUARTIER_TODAY` (`2026-11-25`, for reproducible reports and
/// tests) if set, else the local date. `Err` carries an unreadable value.
pub fn today() -> Result<NaiveDate, String> {
    match std::env::var("QUARTIER_TODAY") {
        Ok(value) if !value.trim().is_empty() => {
            crate::model::parse_date(&value).map_err(|_| value.trim().to_string())
        }
        _ => Ok(chrono::Local::now().date_naive()),
    }
}
