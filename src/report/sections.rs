//! The tables of a report, shared by the plain-text and Markdown forms and the TUI's money tab:
//! which sections, which columns, which rows. Each section has its own function, so a view that
//! shows only some of them draws exactly the rows the printed report has.

use crate::i18n::{Lang, Text, fill};
use crate::model::{Cents, Fund, Status, format_date_de};
use crate::report::table::{Emphasis, ReportColumn, ReportRow, Section};
use crate::report::{ENDING_WITHIN_DAYS, GoalFigures, MeasureRef, Report, Sums};

/// `Stand: 25.11.2026 · Jahr: 2026 · 5 Maßnahmen`
pub(crate) fn subtitle(report: &Report, lang: Lang) -> String {
    let date = format_date_de(report.today);
    let year = report.year.map_or_else(
        || lang.t(Text::ReportAllYears).to_string(),
        |y| y.to_string(),
    );
    [
        fill(lang.t(Text::ReportAsOf), &[("date", &date)]),
        fill(lang.t(Text::ReportYearFilter), &[("year", &year)]),
        fill(
            lang.t(Text::ReportMeasureCount),
            &[("count", &report.measures)],
        ),
    ]
    .join(" · ")
}

/// How things are counted, with the year filter named.
pub(crate) fn rules(report: &Report, lang: Lang) -> String {
    let mut text = String::new();
    if let Some(year) = report.year {
        text.push_str(&fill(lang.t(Text::ReportRulesYear), &[("year", &year)]));
        text.push(' ');
    }
    text.push_str(lang.t(Text::ReportRules));
    text
}

/// A fund's name; measures without a fund are `ohne Fonds`.
pub(crate) fn fund_name(fund: Option<Fund>, lang: Lang) -> String {
    fund.map_or_else(
        || lang.t(Text::ReportNoFund).to_string(),
        |f| f.name().into(),
    )
}

/// A status as the user's language names it.
pub(crate) fn status_name(status: Status, lang: Lang) -> &'static str {
    lang.status(status)
}

/// An amount as `12.500,00 €`.
pub(crate) fn money(cents: Cents) -> String {
    cents.format_de()
}

/// An amount that may be absent (`–`).
fn money_or_dash(cents: Option<Cents>) -> String {
    cents.map_or_else(|| "–".into(), money)
}

fn sums_cells(sums: &Sums) -> [String; 3] {
    [
        money(sums.requested),
        money(sums.approved),
        money(sums.cofunding),
    ]
}

fn sums_columns(lang: Lang) -> [ReportColumn; 3] {
    [
        ReportColumn::number(lang, Text::FieldRequested),
        ReportColumn::number(lang, Text::FieldApproved),
        ReportColumn::number(lang, Text::FieldCofunding),
    ]
}

/// `first`, a measure count and the three sums.
fn counted_sums_cells(first: String, count: usize, sums: &Sums) -> Vec<String> {
    [vec![first, count.to_string()], sums_cells(sums).to_vec()].concat()
}

/// The `Summe` row under the fund and year tables.
fn total_row(report: &Report, lang: Lang) -> ReportRow {
    ReportRow {
        cells: counted_sums_cells(lang.t(Text::Total).into(), report.measures, &report.total),
        emphasis: Emphasis::Total,
        depth: 0,
    }
}

/// A goal's row: strategic goals stand out, sub-goals are indented.
fn goal_row(goal: &GoalFigures, cells: Vec<String>) -> ReportRow {
    ReportRow {
        cells,
        emphasis: if goal.depth == 0 {
            Emphasis::Heading
        } else {
            Emphasis::None
        },
        depth: goal.depth,
    }
}

/// Goals shown in the per-goal tables: every strategic goal, other goals with measures.
pub(crate) fn shown_goals(report: &Report) -> impl Iterator<Item = &GoalFigures> {
    report
        .goals
        .iter()
        .filter(|g| g.depth == 0 || g.measures > 0)
}

/// Every table of the report, in order.
pub(crate) fn sections(report: &Report, lang: Lang) -> Vec<Section> {
    vec![
        goals(report, lang),
        goal_funds(report, lang),
        funds(report, lang),
        years(report, lang),
        super::pot_sections::pots(report, lang),
        super::course_sections::sessions(report, lang),
        super::course_sections::decision_years(report, lang),
        super::course_sections::actions(report, lang),
        super::course_sections::approval_times(report, lang),
        ending_soon(report, lang),
        overdue(report, lang),
        super::course_sections::overdue_deadlines(report, lang),
        super::course_sections::upcoming_deadlines(report, lang),
        super::pot_sections::pots_over_budget(report, lang),
        super::pot_sections::plan_mismatches(report, lang),
        goals_without_measures(report, lang),
        measures_without_goal(report, lang),
    ]
}

/// Per shown goal: measures, the three sums, attainment.
fn goals(report: &Report, lang: Lang) -> Section {
    let mut columns = vec![
        ReportColumn::user(lang, Text::HeaderGoal, 12),
        ReportColumn::user(lang, Text::FieldTitle, 44),
        ReportColumn::number(lang, Text::FieldMeasures),
    ];
    columns.extend(sums_columns(lang));
    columns.push(ReportColumn::number(lang, Text::ReportAttainment));
    let rows = shown_goals(report).map(|g| {
        let mut cells = vec![g.code.clone(), g.title.clone(), g.measures.to_string()];
        cells.extend(sums_cells(&g.sums));
        cells.push(crate::report::percent(g.attainment));
        goal_row(g, cells)
    });
    Section {
        title: lang.t(Text::ReportSectionGoals).into(),
        columns,
        rows: rows.collect(),
    }
}

/// Per shown goal, one row per fund that occurs under it.
fn goal_funds(report: &Report, lang: Lang) -> Section {
    let mut columns = vec![
        ReportColumn::user(lang, Text::HeaderGoal, 12),
        ReportColumn::text(lang, Text::FieldFund, 14),
    ];
    columns.extend(sums_columns(lang));
    let rows = shown_goals(report).flat_map(|g| {
        g.by_fund.iter().map(move |f| {
            let mut cells = vec![g.code.clone(), fund_name(f.fund, lang)];
            cells.extend(sums_cells(&f.sums));
            goal_row(g, cells)
        })
    });
    Section {
        title: lang.t(Text::ReportSectionGoalFunds).into(),
        columns,
        rows: rows.collect(),
    }
}

/// Per fund: measures and sums, then the total.
pub(crate) fn funds(report: &Report, lang: Lang) -> Section {
    let mut columns = vec![
        ReportColumn::text(lang, Text::FieldFund, 14),
        ReportColumn::number(lang, Text::FieldMeasures),
    ];
    columns.extend(sums_columns(lang));
    let mut rows: Vec<ReportRow> = (report.by_fund.iter())
        .map(|f| {
            ReportRow::new(counted_sums_cells(
                fund_name(f.fund, lang),
                f.measures,
                &f.sums,
            ))
        })
        .collect();
    rows.push(total_row(report, lang));
    Section {
        title: lang.t(Text::ReportSectionFunds).into(),
        columns,
        rows,
    }
}

/// Per year of the start date: measures and sums, then the total (no rows without measures).
pub(crate) fn years(report: &Report, lang: Lang) -> Section {
    let mut columns = vec![
        ReportColumn::text(lang, Text::FieldYear, 10),
        ReportColumn::number(lang, Text::FieldMeasures),
    ];
    columns.extend(sums_columns(lang));
    let mut rows: Vec<ReportRow> = (report.by_year.iter())
        .map(|y| {
            let year =
                (y.year).map_or_else(|| lang.t(Text::ReportNoYear).to_string(), |y| y.to_string());
            ReportRow::new(counted_sums_cells(year, y.measures, &y.sums))
        })
        .collect();
    if !rows.is_empty() {
        rows.push(total_row(report, lang));
    }
    Section {
        title: lang.t(Text::ReportSectionYears).into(),
        columns,
        rows,
    }
}

/// The end date of a listed measure (listed measures have one).
fn end_of(measure: &MeasureRef, report: &Report) -> chrono::NaiveDate {
    measure.end.unwrap_or(report.today)
}

/// Measures ending within [`ENDING_WITHIN_DAYS`].
fn ending_soon(report: &Report, lang: Lang) -> Section {
    let rows = report.ending_soon.iter().map(|m| {
        let end = end_of(m, report);
        ReportRow::new(vec![
            m.id.to_string(),
            m.title.clone(),
            format_date_de(end),
            (end - report.today).num_days().to_string(),
            fund_name(m.fund, lang),
            money_or_dash(m.approved),
        ])
    });
    Section {
        title: fill(
            lang.t(Text::ReportSectionEnding),
            &[("days", &ENDING_WITHIN_DAYS)],
        ),
        columns: vec![
            ReportColumn::text(lang, Text::ReportMeasure, 8),
            ReportColumn::user(lang, Text::FieldTitle, 44),
            ReportColumn::text(lang, Text::FieldEnd, 10),
            ReportColumn::number(lang, Text::ReportDaysLeft),
            ReportColumn::text(lang, Text::FieldFund, 14),
            ReportColumn::number(lang, Text::FieldApproved),
        ],
        rows: rows.collect(),
    }
}

/// Measures past their end date while still running or approved.
fn overdue(report: &Report, lang: Lang) -> Section {
    let rows = report.overdue.iter().map(|m| {
        let end = end_of(m, report);
        ReportRow::new(vec![
            m.id.to_string(),
            m.title.clone(),
            format_date_de(end),
            (report.today - end).num_days().to_string(),
            status_name(m.status, lang).into(),
            fund_name(m.fund, lang),
        ])
    });
    Section {
        title: lang.t(Text::ReportSectionOverdue).into(),
        columns: vec![
            ReportColumn::text(lang, Text::ReportMeasure, 8),
            ReportColumn::user(lang, Text::FieldTitle, 44),
            ReportColumn::text(lang, Text::FieldEnd, 10),
            ReportColumn::number(lang, Text::ReportDaysOver),
            ReportColumn::text(lang, Text::FieldStatus, 13),
            ReportColumn::text(lang, Text::FieldFund, 14),
        ],
        rows: rows.collect(),
    }
}

/// Goals no counted measure is linked to.
fn goals_without_measures(report: &Report, lang: Lang) -> Section {
    let rows = (report.goals_without_measures())
        .map(|g| goal_row(g, vec![g.code.clone(), g.title.clone()]));
    Section {
        title: lang.t(Text::ReportSectionGoalsWithout).into(),
        columns: vec![
            ReportColumn::user(lang, Text::HeaderGoal, 12),
            ReportColumn::user(lang, Text::FieldTitle, 60),
        ],
        rows: rows.collect(),
    }
}

/// Counted measures without a goal.
fn measures_without_goal(report: &Report, lang: Lang) -> Section {
    let rows = report.measures_without_goal.iter().map(|m| {
        ReportRow::new(vec![
            m.id.to_string(),
            m.title.clone(),
            fund_name(m.fund, lang),
            money_or_dash(m.approved),
        ])
    });
    Section {
        title: lang.t(Text::ReportSectionMeasuresWithout).into(),
        columns: vec![
            ReportColumn::text(lang, Text::ReportMeasure, 8),
            ReportColumn::user(lang, Text::FieldTitle, 44),
            ReportColumn::text(lang, Text::FieldFund, 14),
            ReportColumn::number(lang, Text::FieldApproved),
        ],
        rows: rows.collect(),
    }
}
