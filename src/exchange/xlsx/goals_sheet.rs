//! The sheet `Ziele`: the goal tree with its figures over primary links — measures, approved,
//! co-funding, and the approved money per year by the instalment plans — grouped so a click
//! collapses a strategic goal.

use std::collections::{BTreeMap, HashMap};

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::SHEET_GOALS;
use super::write::{Formats, amount, header_row, row_number, text};
use crate::exchange::Snapshot;
use crate::model::{Cents, Goal, GoalId, Measure, MeasureId, Plan, instalments};
use crate::store::{Link, goal_stats};

/// The goal tree: top-level goals bold with the figures of their whole subtree, sub-goals
/// indented and grouped under them, a total row at the end. Every figure counts a measure
/// under its primary goal only, so the rows add up.
pub(super) fn goals_sheet(
    sheet: &mut Worksheet,
    snapshot: &Snapshot,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_GOALS)?;
    let per_year = per_year(snapshot);
    let year_headers: Vec<String> = (per_year.keys())
        .map(|y| format!("Bewilligt {y}"))
        .collect();
    let columns = [
        ("Kürzel", 10.0),
        ("Ziel", 70.0),
        ("Maßnahmen", 12.0),
        ("Bewilligt", 16.0),
        ("Kofinanzierung", 16.0),
    ];
    let years = year_headers.iter().map(|h| (h.as_str(), 16.0));
    header_row(sheet, columns.into_iter().chain(years), formats)?;
    sheet.set_column_format(0, &formats.text)?;
    let primary: Vec<Link> = snapshot
        .links
        .values()
        .flatten()
        .filter(|l| l.primary)
        .copied()
        .collect();
    let sums = |amount: fn(&Measure) -> Option<Cents>| -> HashMap<MeasureId, Cents> {
        snapshot
            .measures
            .iter()
            .map(|m| (m.id, amount(m).unwrap_or_default()))
            .collect()
    };
    let approved = goal_stats(&snapshot.goals, &primary, &sums(|m| m.approved));
    let cofunding = goal_stats(&snapshot.goals, &primary, &sums(|m| m.cofunding));
    let by_year: Vec<_> = (per_year.values())
        .map(|sums| goal_stats(&snapshot.goals, &primary, sums))
        .collect();
    let depths = depths(snapshot);
    for (index, goal) in snapshot.goals.iter().enumerate() {
        let depth = depths.get(&goal.id).copied().unwrap_or(0);
        let stats = approved.get(&goal.id).cloned().unwrap_or_default();
        let figures = GoalRow {
            measures: stats.measures,
            approved: stats.approved,
            cofunding: cofunding.get(&goal.id).map(|s| s.approved),
            years: (by_year.iter())
                .map(|stats| stats.get(&goal.id).map_or(Cents(0), |s| s.approved))
                .collect(),
        };
        goal_row(sheet, row_number(index)?, goal, depth, &figures, formats)?;
    }
    group_subtrees(sheet, snapshot, &depths)?;
    let row = row_number(snapshot.goals.len())?;
    total_row(sheet, row, snapshot, &per_year, formats)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The figures of one goal's row, over primary links.
struct GoalRow {
    measures: usize,
    approved: Cents,
    cofunding: Option<Cents>,
    /// Approved money per year of [`per_year`], in its order.
    years: Vec<Cents>,
}

/// The approved money of each measure per year (issue 14): its instalments — its plan, else
/// its approved amount in its start year — as `quartier report` counts them
/// ([`crate::model::instalments`]).
fn per_year(snapshot: &Snapshot) -> BTreeMap<i32, HashMap<MeasureId, Cents>> {
    let plans: HashMap<MeasureId, &Plan> = snapshot.plans.iter().map(|(m, p)| (*m, p)).collect();
    let mut years: BTreeMap<i32, HashMap<MeasureId, Cents>> = BTreeMap::new();
    for measure in &snapshot.measures {
        for (year, amount) in instalments(measure, plans.get(&measure.id).copied()) {
            let sum = years
                .entry(year)
                .or_default()
                .entry(measure.id)
                .or_default();
            *sum = *sum + amount;
        }
    }
    years
}

/// One goal: a top-level goal bold, a sub-goal indented by its depth.
fn goal_row(
    sheet: &mut Worksheet,
    row: u32,
    goal: &Goal,
    depth: usize,
    figures: &GoalRow,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let indent = u8::try_from(depth.min(15)).unwrap_or(15);
    let measures = figures.measures as f64;
    let euro = if depth == 0 {
        text(sheet, row, 0, &goal.code, Some(&formats.strong))?;
        text(sheet, row, 1, &goal.title, Some(&formats.strong))?;
        sheet.write_number_with_format(row, 2, measures, &formats.strong)?;
        &formats.strong_euro
    } else {
        let code = formats.text.clone().set_indent(indent);
        text(sheet, row, 0, &goal.code, Some(&code))?;
        text(
            sheet,
            row,
            1,
            &goal.title,
            Some(&Format::new().set_indent(indent)),
        )?;
        sheet.write_number(row, 2, measures)?;
        &formats.euro
    };
    amount(sheet, row, 3, Some(figures.approved), euro)?;
    amount(sheet, row, 4, figures.cofunding, euro)?;
    for (col, year) in (5u16..).zip(&figures.years) {
        amount(sheet, row, col, Some(*year), euro)?;
    }
    Ok(())
}

/// `Gesamt`: the measures that have a primary goal and their sums.
fn total_row(
    sheet: &mut Worksheet,
    row: u32,
    snapshot: &Snapshot,
    per_year: &BTreeMap<i32, HashMap<MeasureId, Cents>>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let with_primary: Vec<&Measure> = snapshot
        .measures
        .iter()
        .filter(|m| snapshot.primary_code(m.id).is_some())
        .collect();
    let sum = |amount: fn(&Measure) -> Option<Cents>| {
        with_primary
            .iter()
            .map(|m| amount(m).unwrap_or_default())
            .sum::<Cents>()
    };
    let euro = &formats.strong_euro;
    sheet.write_string_with_format(row, 1, "Gesamt", &formats.strong)?;
    sheet.write_number_with_format(row, 2, with_primary.len() as f64, &formats.strong)?;
    amount(sheet, row, 3, Some(sum(|m| m.approved)), euro)?;
    amount(sheet, row, 4, Some(sum(|m| m.cofunding)), euro)?;
    for (col, sums) in (5u16..).zip(per_year.values()) {
        let year: Cents = (with_primary.iter())
            .map(|m| sums.get(&m.id).copied().unwrap_or_default())
            .sum();
        amount(sheet, row, col, Some(year), euro)?;
    }
    Ok(())
}

/// Depth of each goal in the tree (0 = top level), bounded against cycles.
fn depths(snapshot: &Snapshot) -> HashMap<GoalId, usize> {
    let parents: HashMap<GoalId, Option<GoalId>> =
        snapshot.goals.iter().map(|g| (g.id, g.parent)).collect();
    snapshot
        .goals
        .iter()
        .map(|goal| {
            let mut depth = 0;
            let mut current = goal.parent;
            while let Some(parent) = current.filter(|_| depth < snapshot.goals.len()) {
                depth += 1;
                current = parents.get(&parent).copied().flatten();
            }
            (goal.id, depth)
        })
        .collect()
}

/// Groups the rows below each goal that has sub-goals (Excel's outline, up to 7 levels), so a
/// click collapses a strategic goal to its subtotal row. Goals are in tree order, so a subtree
/// is the run of deeper rows after its goal.
fn group_subtrees(
    sheet: &mut Worksheet,
    snapshot: &Snapshot,
    depths: &HashMap<GoalId, usize>,
) -> Result<(), XlsxError> {
    let depth_at: Vec<usize> = snapshot
        .goals
        .iter()
        .map(|g| depths.get(&g.id).copied().unwrap_or(0))
        .collect();
    for (index, depth) in depth_at.iter().enumerate() {
        if *depth >= 7 {
            continue;
        }
        let end = depth_at[index + 1..]
            .iter()
            .position(|d| d <= depth)
            .map_or(depth_at.len(), |offset| index + 1 + offset);
        if end > index + 1 {
            sheet.group_rows(row_number(index + 1)?, row_number(end - 1)?)?;
        }
    }
    Ok(())
}
