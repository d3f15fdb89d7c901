//! [`compute`]: the report's figures from goals, measures and links, in one pass over the links.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Days, NaiveDate};

use super::pots::{Money, PotFigures};
use super::{ENDING_WITHIN_DAYS, FundSums, GoalFigures, MeasureRef, Report, Sums, YearSums};
use crate::model::{Cents, Fund, Goal, GoalId, Measure, MeasureId, Status, instalments};
use crate::store::Link;

/// Sort key of a fund: [`Fund::ALL`] order, no fund last.
fn fund_rank(fund: Option<Fund>) -> usize {
    fund.and_then(|f| Fund::ALL.iter().position(|a| *a == f))
        .unwrap_or(Fund::ALL.len())
}

/// Whether a measure with this status is over (or never ran), so its end is no news.
fn is_closed(status: Status) -> bool {
    matches!(
        status,
        Status::Abgeschlossen | Status::Abgelehnt | Status::Abgebrochen
    )
}

/// Groups `measures` by fund: (fund, count, sums), in [`fund_rank`] order.
fn by_fund<'m>(measures: impl Iterator<Item = &'m Measure>) -> Vec<FundSums> {
    let mut groups: BTreeMap<usize, FundSums> = BTreeMap::new();
    for measure in measures {
        let group = groups
            .entry(fund_rank(measure.fund))
            .or_insert_with(|| FundSums {
                fund: measure.fund,
                measures: 0,
                sums: Sums::default(),
            });
        group.measures += 1;
        group.sums.add(measure);
    }
    groups.into_values().collect()
}

/// The measures counted, by id, each found by id in O(log n).
struct Counted<'m>(Vec<&'m Measure>);

impl<'m> Counted<'m> {
    fn new(measures: impl Iterator<Item = &'m Measure>) -> Counted<'m> {
        let mut by_id: Vec<&Measure> = measures.collect();
        by_id.sort_by_key(|m| m.id);
        by_id.dedup_by_key(|m| m.id);
        Counted(by_id)
    }

    fn get(&self, id: MeasureId) -> Option<&'m Measure> {
        let at = self.0.binary_search_by_key(&id, |m| m.id).ok()?;
        Some(self.0[at])
    }

    fn contains(&self, id: MeasureId) -> bool {
        self.get(id).is_some()
    }

    /// Every counted measure by id.
    fn values(&self) -> impl Iterator<Item = &'m Measure> + '_ {
        self.0.iter().copied()
    }
}

/// Per goal (by index in tree order), the measures the figures count, each list by id.
struct GoalMeasures {
    /// Linked to the goal or a descendant.
    linked: Vec<Vec<MeasureId>>,
    /// Whose primary goal is the goal or a descendant: the money.
    primary: Vec<Vec<MeasureId>>,
    /// Linked to the goal itself, with whether it is the primary goal.
    direct: Vec<Vec<(MeasureId, bool)>>,
    /// Measures linked to any existing goal.
    has_goal: Vec<MeasureId>,
}

/// Sorts by id and drops repeats: the same order an ordered set gives, so the float sums of
/// attainments stay reproducible.
fn by_id<T: Copy>(list: &mut Vec<T>, id: impl Fn(&T) -> MeasureId) {
    list.sort_by_key(|item| id(item));
    list.dedup_by_key(|item| id(item));
}

/// Walks every link of a counted measure up to the root.
fn goal_measures(goals: &[Goal], counted: &Counted, links: &[Link]) -> GoalMeasures {
    let index: HashMap<GoalId, usize> = goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
    let mut found = GoalMeasures {
        linked: vec![Vec::new(); goals.len()],
        primary: vec![Vec::new(); goals.len()],
        direct: vec![Vec::new(); goals.len()],
        has_goal: Vec::new(),
    };
    for link in links {
        let Some(&at) = index.get(&link.goal) else {
            continue;
        };
        if !counted.contains(link.measure) {
            continue;
        }
        found.has_goal.push(link.measure);
        found.direct[at].push((link.measure, link.primary));
        // The bound guards against cycles in a corrupt database.
        let mut current = Some(at);
        for _ in 0..goals.len() {
            let Some(at) = current else { break };
            found.linked[at].push(link.measure);
            if link.primary {
                found.primary[at].push(link.measure);
            }
            current = goals[at].parent.and_then(|p| index.get(&p).copied());
        }
    }
    for at in 0..goals.len() {
        by_id(&mut found.linked[at], |id| *id);
        by_id(&mut found.primary[at], |id| *id);
        // A repeated link keeps its last word on being primary, as a map's insert did.
        found.direct[at].reverse();
        found.direct[at].sort_by_key(|(id, _)| *id);
        found.direct[at].dedup_by_key(|(id, _)| *id);
    }
    by_id(&mut found.has_goal, |id| *id);
    found
}

/// The figures of every goal, in tree order.
fn goal_figures(goals: &[Goal], counted: &Counted, found: &GoalMeasures) -> Vec<GoalFigures> {
    let mut depth: HashMap<GoalId, usize> = HashMap::new();
    goals
        .iter()
        .enumerate()
        .map(|(at, goal)| {
            // Tree order puts parents first.
            let d = goal
                .parent
                .and_then(|p| depth.get(&p).map(|d| d + 1))
                .unwrap_or(0);
            depth.insert(goal.id, d);
            let money = || found.primary[at].iter().filter_map(|id| counted.get(*id));
            let mut sums = Sums::default();
            money().for_each(|m| sums.add(m));
            let attainments: Vec<f64> = found.linked[at]
                .iter()
                .filter_map(|id| counted.get(*id))
                .flat_map(|m| &m.indicators)
                .filter_map(|i| i.attainment())
                .collect();
            let attainment = (!attainments.is_empty())
                .then(|| attainments.iter().sum::<f64>() / attainments.len() as f64);
            GoalFigures {
                id: goal.id,
                parent: goal.parent,
                code: goal.code.clone(),
                title: goal.title.clone(),
                depth: d,
                measures: found.linked[at].len(),
                sums,
                by_fund: by_fund(money()),
                attainment,
                indicators: attainments.len(),
                linked: found.direct[at]
                    .iter()
                    .filter_map(|(id, primary)| {
                        Some((MeasureRef::new(counted.get(*id)?), *primary))
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Open measures ending between `today` and [`ENDING_WITHIN_DAYS`] later, by end date.
fn ending_soon(counted: &Counted, today: NaiveDate) -> Vec<MeasureRef> {
    let horizon = today
        .checked_add_days(Days::new(ENDING_WITHIN_DAYS as u64))
        .unwrap_or(NaiveDate::MAX);
    let mut ending: Vec<MeasureRef> = counted
        .values()
        .filter(|m| !is_closed(m.status))
        .filter(|m| m.end.is_some_and(|end| today <= end && end <= horizon))
        .map(MeasureRef::new)
        .collect();
    ending.sort_by_key(|m| (m.end, m.id));
    ending
}

/// Measures past their end while still running or approved, by end date.
fn overdue(counted: &Counted, today: NaiveDate) -> Vec<MeasureRef> {
    let mut overdue: Vec<MeasureRef> = counted
        .values()
        .filter(|m| m.is_overdue(today))
        .map(MeasureRef::new)
        .collect();
    overdue.sort_by_key(|m| (m.end, m.id));
    overdue
}

/// Every fund (zero rows included), then measures without a fund if there are any.
fn all_funds(counted: &Counted) -> Vec<FundSums> {
    let mut funds = by_fund(counted.values());
    for fund in Fund::ALL {
        if !funds.iter().any(|f| f.fund == Some(fund)) {
            funds.push(FundSums {
                fund: Some(fund),
                measures: 0,
                sums: Sums::default(),
            });
        }
    }
    funds.sort_by_key(|f| fund_rank(f.fund));
    funds
}

/// By year of the start date, ascending, measures without a start last; the approved sums
/// by the measures' instalments (a plan, else the start year).
fn by_year(counted: &Counted, money: &Money) -> Vec<YearSums> {
    let mut years: BTreeMap<(bool, i32), YearSums> = BTreeMap::new();
    for measure in counted.values() {
        let start = measure.start.map(|s| s.year());
        let row = years
            .entry((start.is_none(), start.unwrap_or(0)))
            .or_insert_with(|| YearSums {
                year: start,
                measures: 0,
                sums: Sums::default(),
            });
        row.measures += 1;
        row.sums.add(measure);
        row.sums.approved = row.sums.approved + Cents(-measure.approved.unwrap_or_default().0);
    }
    for measure in counted.values() {
        let years_of = instalments(measure, money.plans.get(&measure.id));
        // Without instalments (no start date): under "no year", where the measure is.
        let planned: Vec<(Option<i32>, Cents)> = match years_of.is_empty() {
            true => measure.approved.map(|a| (None, a)).into_iter().collect(),
            false => years_of.into_iter().map(|(y, a)| (Some(y), a)).collect(),
        };
        for (year, amount) in planned {
            let row = years
                .entry((year.is_none(), year.unwrap_or(0)))
                .or_insert_with(|| YearSums {
                    year,
                    measures: 0,
                    sums: Sums::default(),
                });
            row.sums.approved = row.sums.approved + amount;
        }
    }
    years.into_values().collect()
}

pub(super) fn compute(
    goals: &[Goal],
    measures: &[Measure],
    links: &[Link],
    money: &Money,
    year: Option<i32>,
    today: NaiveDate,
) -> Report {
    let counted = Counted::new(
        measures
            .iter()
            .filter(|m| year.is_none_or(|y| m.runs_in(y))),
    );
    let found = goal_measures(goals, &counted, links);
    let mut total = Sums::default();
    counted.values().for_each(|m| total.add(m));
    Report {
        year,
        today,
        measures: counted.0.len(),
        goals: goal_figures(goals, &counted, &found),
        measures_without_goal: (counted.values())
            .filter(|m| found.has_goal.binary_search(&m.id).is_err())
            .map(MeasureRef::new)
            .collect(),
        ending_soon: ending_soon(&counted, today),
        overdue: overdue(&counted, today),
        by_fund: all_funds(&counted),
        by_year: by_year(&counted, money),
        total,
        pots: PotFigures::of(measures, money, year),
        course: super::course::CourseFigures::default(),
    }
}

/// The years measures run in, from the earliest to the latest date any of them names (at most
/// the 30 latest), for choosing a report year.
pub fn years_present(measures: &[Measure]) -> Vec<i32> {
    let years = measures
        .iter()
        .flat_map(|m| [m.start, m.end])
        .flatten()
        .map(|d| d.year());
    let (Some(low), Some(high)) = (years.clone().min(), years.max()) else {
        return Vec::new();
    };
    (low.max(high - 29)..=high).collect()
}

#[cfg(test)]
mod tests;
