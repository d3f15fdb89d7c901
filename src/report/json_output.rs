//! `quartier report --format json`: the report for scripts. Amounts are integer cents (as in
//! every `--json` output), goals are named by code, absent values are `null`.

use serde::Serialize;

use crate::model::{Cents, Fund};
use crate::report::{FundSums, MeasureRef, Report, Sums};

#[derive(Serialize)]
struct SumsJson {
    requested_cents: Cents,
    approved_cents: Cents,
    cofunding_cents: Cents,
}

impl From<&Sums> for SumsJson {
    fn from(sums: &Sums) -> SumsJson {
        SumsJson {
            requested_cents: sums.requested,
            approved_cents: sums.approved,
            cofunding_cents: sums.cofunding,
        }
    }
}

#[derive(Serialize)]
struct FundJson {
    /// `null` for measures without a fund.
    fund: Option<Fund>,
    measure_count: usize,
    #[serde(flatten)]
    sums: SumsJson,
}

impl From<&FundSums> for FundJson {
    fn from(f: &FundSums) -> FundJson {
        FundJson {
            fund: f.fund,
            measure_count: f.measures,
            sums: (&f.sums).into(),
        }
    }
}

#[derive(Serialize)]
struct GoalJson {
    code: String,
    title: String,
    parent: Option<String>,
    depth: usize,
    /// Distinct measures linked to the goal or a sub-goal.
    measure_count: usize,
    /// Over primary links only.
    #[serde(flatten)]
    sums: SumsJson,
    by_fund: Vec<FundJson>,
    /// 0.0–1.0, `null` without indicators with an actual value.
    attainment: Option<f64>,
    indicator_count: usize,
    /// Ids of the counted measures linked to this goal itself (not through a sub-goal).
    measure_ids: Vec<u64>,
}

#[derive(Serialize)]
struct MeasureJson {
    id: u64,
    title: String,
    fund: Option<Fund>,
    approved_cents: Option<Cents>,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
    status: crate::model::Status,
}

impl From<&MeasureRef> for MeasureJson {
    fn from(m: &MeasureRef) -> MeasureJson {
        MeasureJson {
            id: m.id.0,
            title: m.title.clone(),
            fund: m.fund,
            approved_cents: m.approved,
            start: m.start,
            end: m.end,
            status: m.status,
        }
    }
}

#[derive(Serialize)]
struct YearJson {
    /// `null` for measures without a start date.
    year: Option<i32>,
    measure_count: usize,
    #[serde(flatten)]
    sums: SumsJson,
}

#[derive(Serialize)]
struct ReportJson {
    today: chrono::NaiveDate,
    year: Option<i32>,
    measure_count: usize,
    goals: Vec<GoalJson>,
    goals_without_measures: Vec<String>,
    measures_without_goal: Vec<MeasureJson>,
    ending_soon: Vec<MeasureJson>,
    /// Past their end date while still `laufend`/`bewilligt`.
    overdue: Vec<MeasureJson>,
    by_fund: Vec<FundJson>,
    by_year: Vec<YearJson>,
    total: SumsJson,
    /// Per fund and year (issue 14).
    pots: Vec<PotJson>,
    pots_over_budget: Vec<PotJson>,
    plans_not_adding_up: Vec<PlanMismatchJson>,
    /// Decisions and deadlines (issue 15).
    #[serde(flatten)]
    course: super::course_json::CourseJson,
}

/// A fund's money of one year; `null` pot and free without a pot.
#[derive(Serialize)]
struct PotJson {
    fund: Fund,
    year: i32,
    pot_cents: Option<Cents>,
    planned_cents: Cents,
    paid_cents: Cents,
    free_cents: Option<Cents>,
    measure_count: usize,
    note: String,
}

impl From<&crate::report::pots::PotRow> for PotJson {
    fn from(r: &crate::report::pots::PotRow) -> PotJson {
        PotJson {
            fund: r.fund,
            year: r.year,
            pot_cents: r.pot,
            planned_cents: r.planned,
            paid_cents: r.paid,
            free_cents: r.free(),
            measure_count: r.measures,
            note: r.note.clone(),
        }
    }
}

#[derive(Serialize)]
struct PlanMismatchJson {
    #[serde(flatten)]
    measure: MeasureJson,
    planned_cents: Cents,
}

/// The report as pretty JSON with a final newline.
pub fn render(report: &Report) -> Result<String, serde_json::Error> {
    let code_of = |id| {
        report
            .goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.code.clone())
    };
    let shape = ReportJson {
        today: report.today,
        year: report.year,
        measure_count: report.measures,
        goals: report
            .goals
            .iter()
            .map(|g| GoalJson {
                code: g.code.clone(),
                title: g.title.clone(),
                parent: g.parent.and_then(code_of),
                depth: g.depth,
                measure_count: g.measures,
                sums: (&g.sums).into(),
                by_fund: g.by_fund.iter().map(FundJson::from).collect(),
                attainment: g.attainment,
                indicator_count: g.indicators,
                measure_ids: g.linked.iter().map(|(m, _)| m.id.0).collect(),
            })
            .collect(),
        goals_without_measures: report
            .goals_without_measures()
            .map(|g| g.code.clone())
            .collect(),
        measures_without_goal: report
            .measures_without_goal
            .iter()
            .map(MeasureJson::from)
            .collect(),
        ending_soon: report.ending_soon.iter().map(MeasureJson::from).collect(),
        overdue: report.overdue.iter().map(MeasureJson::from).collect(),
        by_fund: report.by_fund.iter().map(FundJson::from).collect(),
        by_year: report
            .by_year
            .iter()
            .map(|y| YearJson {
                year: y.year,
                measure_count: y.measures,
                sums: (&y.sums).into(),
            })
            .collect(),
        total: (&report.total).into(),
        pots: report.pots.rows.iter().map(PotJson::from).collect(),
        pots_over_budget: report.pots.over_budget().map(PotJson::from).collect(),
        plans_not_adding_up: (report.pots.plan_mismatches.iter())
            .map(|m| PlanMismatchJson {
                measure: MeasureJson::from(&m.measure),
                planned_cents: m.planned,
            })
            .collect(),
        course: super::course_json::CourseJson::new(&report.course, report.today),
    };
    let mut text = serde_json::to_string_pretty(&shape)?;
    text.push('\n');
    Ok(text)
}
