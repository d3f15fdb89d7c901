//! The tables of a report, shared by the text and Markdown forms: which sections, which
//! columns, which rows — the renderers only decide how a table looks.

use crate::i18n::{Lang, Text, fill};
use crate::model::{Cents, Fund, format_date_de};
use crate::report::{ENDING_WITHIN_DAYS, GoalFigures, Report, Sums};

/// A column of a report table.
pub(crate) struct Column {
    pub(crate) title: String,
    /// Numbers are right-aligned.
    pub(crate) right: bool,
    /// Holds text from the database (sanitised, escaped in Markdown).
    pub(crate) user_text: bool,
    /// Widest the plain-text table makes it.
    pub(crate) max: usize,
}

impl Column {
    pub(crate) fn text(lang: Lang, title: Text, max: usize) -> Column {
        Column {
            title: lang.t(title).to_string(),
            right: false,
            user_text: false,
            max,
        }
    }

    pub(crate) fn user(lang: Lang, title: Text, max: usize) -> Column {
        Column {
            user_text: true,
            ..Column::text(lang, title, max)
        }
    }

    pub(crate) fn number(lang: Lang, title: Text) -> Column {
        Column {
            right: true,
            ..Column::text(lang, title, 20)
        }
    }
}

/// How a row stands out in Markdown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Emphasis {
    None,
    /// A strategic goal: code and text in bold.
    Heading,
    /// A total: every cell in bold.
    Total,
}

/// A row of a report table.
pub(crate) struct Row {
    pub(crate) cells: Vec<String>,
    pub(crate) emphasis: Emphasis,
    /// Indentation of the first cell in plain text (goal depth).
    pub(crate) depth: usize,
}

impl Row {
    pub(crate) fn new(cells: Vec<String>) -> Row {
        Row {
            cells,
            emphasis: Emphasis::None,
            depth: 0,
        }
    }
}

/// One titled table of the report.
pub(crate) struct Section {
    pub(crate) title: String,
    pub(crate) columns: Vec<Column>,
    pub(crate) rows: Vec<Row>,
}

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

pub(crate) fn fund_name(fund: Option<Fund>, lang: Lang) -> String {
    fund.map_or_else(
        || lang.t(Text::ReportNoFund).to_string(),
        |f| f.name().into(),
    )
}

/// A status as the user's language names it.
pub(crate) fn status_name(status: crate::model::Status, lang: Lang) -> &'static str {
    lang.status(status)
}

pub(crate) fn money(cents: Cents) -> String {
    cents.format_de()
}

fn sums_cells(sums: &Sums) -> [String; 3] {
    [
        money(sums.requested),
        money(sums.approved),
        money(sums.cofunding),
    ]
}

fn sums_columns(lang: Lang) -> [Column; 3] {
    [
        Column::number(lang, Text::FieldRequested),
        Column::number(lang, Text::FieldApproved),
        Column::number(lang, Text::FieldCofunding),
    ]
}

/// Goals shown in the per-goal tables: every strategic goal, other goals with measures.
fn shown_goals(report: &Report) -> impl Iterator<Item = &GoalFigures> {
    report
        .goals
        .iter()
        .filter(|g| g.depth == 0 || g.measures > 0)
}

/// Every table of the report, in order.
pub(crate) fn sections(report: &Report, lang: Lang) -> Vec<Section> {
    let goal_row = |g: &GoalFigures, cells: Vec<String>| Row {
        cells,
        emphasis: if g.depth == 0 {
            Emphasis::Heading
        } else {
            Emphasis::None
        },
        depth: g.depth,
    };
    let total_row = |first: String, count: usize, sums: &Sums| Row {
        cells: [vec![first, count.to_string()], sums_cells(sums).to_vec()].concat(),
        emphasis: Emphasis::Total,
        depth: 0,
    };
    let mut list = Vec::new();

    let mut columns = vec![
        Column::user(lang, Text::HeaderGoal, 12),
        Column::user(lang, Text::FieldTitle, 44),
        Column::number(lang, Text::FieldMeasures),
    ];
    columns.extend(sums_columns(lang));
    columns.push(Column::number(lang, Text::ReportAttainment));
    list.push(Section {
        title: lang.t(Text::ReportSectionGoals).into(),
        columns,
        rows: shown_goals(report)
            .map(|g| {
                let mut cells = vec![g.code.clone(), g.title.clone(), g.measures.to_string()];
                cells.extend(sums_cells(&g.sums));
                cells.push(crate::report::percent(g.attainment));
                goal_row(g, cells)
            })
            .collect(),
    });

    let mut columns = vec![
        Column::user(lang, Text::HeaderGoal, 12),
        Column::text(lang, Text::FieldFund, 14),
    ];
    columns.extend(sums_columns(lang));
    list.push(Section {
        title: lang.t(Text::ReportSectionGoalFunds).into(),
        columns,
        rows: shown_goals(report)
            .flat_map(|g| {
                g.by_fund.iter().map(move |f| {
                    let mut cells = vec![g.code.clone(), fund_name(f.fund, lang)];
                    cells.extend(sums_cells(&f.sums));
                    (g, cells)
                })
            })
            .map(|(g, cells)| goal_row(g, cells))
            .collect(),
    });

    let mut columns = vec![
        Column::text(lang, Text::FieldFund, 14),
        Column::number(lang, Text::FieldMeasures),
    ];
    columns.extend(sums_columns(lang));
    let mut rows: Vec<Row> = report
        .by_fund
        .iter()
        .map(|f| {
            let cells = [
                vec![fund_name(f.fund, lang), f.measures.to_string()],
                sums_cells(&f.sums).to_vec(),
            ];
            Row::new(cells.concat())
        })
        .collect();
    rows.push(total_row(
        lang.t(Text::Total).into(),
        report.measures,
        &report.total,
    ));
    list.push(Section {
        title: lang.t(Text::ReportSectionFunds).into(),
        columns,
        rows,
    });

    let mut columns = vec![
        Column::text(lang, Text::FieldYear, 10),
        Column::number(lang, Text::FieldMeasures),
    ];
    columns.extend(sums_columns(lang));
    let mut rows: Vec<Row> = report
        .by_year
        .iter()
        .map(|y| {
            let year = y
                .year
                .map_or_else(|| lang.t(Text::ReportNoYear).to_string(), |y| y.to_string());
            Row::new(
                [
                    vec![year, y.measures.to_string()],
                    sums_cells(&y.sums).to_vec(),
                ]
                .concat(),
            )
        })
        .collect();
    if !rows.is_empty() {
        rows.push(total_row(
            lang.t(Text::Total).into(),
            report.measures,
            &report.total,
        ));
    }
    list.push(Section {
        title: lang.t(Text::ReportSectionYears).into(),
        columns,
        rows,
    });

    list.push(Section {
        title: fill(
            lang.t(Text::ReportSectionEnding),
            &[("days", &ENDING_WITHIN_DAYS)],
        ),
        columns: vec![
            Column::text(lang, Text::ReportMeasure, 8),
            Column::user(lang, Text::FieldTitle, 44),
            Column::text(lang, Text::FieldEnd, 10),
            Column::number(lang, Text::ReportDaysLeft),
            Column::text(lang, Text::FieldFund, 14),
            Column::number(lang, Text::FieldApproved),
        ],
        rows: report
            .ending_soon
            .iter()
            .map(|m| {
                let end = m.end.unwrap_or(report.today);
                Row::new(vec![
                    m.id.to_string(),
                    m.title.clone(),
                    format_date_de(end),
                    (end - report.today).num_days().to_string(),
                    fund_name(m.fund, lang),
                    m.approved.map_or_else(|| "–".into(), money),
                ])
            })
            .collect(),
    });

    list.push(Section {
        title: lang.t(Text::ReportSectionOverdue).into(),
        columns: vec![
            Column::text(lang, Text::ReportMeasure, 8),
            Column::user(lang, Text::FieldTitle, 44),
            Column::text(lang, Text::FieldEnd, 10),
            Column::number(lang, Text::ReportDaysOver),
            Column::text(lang, Text::FieldStatus, 13),
            Column::text(lang, Text::FieldFund, 14),
        ],
        rows: report
            .overdue
            .iter()
            .map(|m| {
                let end = m.end.unwrap_or(report.today);
                Row::new(vec![
                    m.id.to_string(),
                    m.title.clone(),
                    format_date_de(end),
                    (report.today - end).num_days().to_string(),
                    status_name(m.status, lang).into(),
                    fund_name(m.fund, lang),
                ])
            })
            .collect(),
    });

    list.push(Section {
        title: lang.t(Text::ReportSectionGoalsWithout).into(),
        columns: vec![
            Column::user(lang, Text::HeaderGoal, 12),
            Column::user(lang, Text::FieldTitle, 60),
        ],
        rows: report
            .goals_without_measures()
            .map(|g| goal_row(g, vec![g.code.clone(), g.title.clone()]))
            .collect(),
    });

    list.push(Section {
        title: lang.t(Text::ReportSectionMeasuresWithout).into(),
        columns: vec![
            Column::text(lang, Text::ReportMeasure, 8),
            Column::user(lang, Text::FieldTitle, 44),
            Column::text(lang, Text::FieldFund, 14),
            Column::number(lang, Text::FieldApproved),
        ],
        rows: report
            .measures_without_goal
            .iter()
            .map(|m| {
                Row::new(vec![
                    m.id.to_string(),
                    m.title.clone(),
                    fund_name(m.fund, lang),
                    m.approved.map_or_else(|| "–".into(), money),
                ])
            })
            .collect(),
    });
    list
}
