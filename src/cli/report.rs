//! `quartier report [--year Y] [--format txt|md|json] [-o FILE [--force]]`: the figures of
//! [`crate::report`] as aligned text (default), a Markdown document or JSON. The text and
//! Markdown forms share one list of [`Section`]s, so they always show the same tables.

mod json;
mod markdown;
mod plain;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::CliError;
use super::output;
use crate::i18n::{Lang, Text, fill};
use crate::model::{Cents, Fund, format_date_de};
use crate::report::{ENDING_WITHIN_DAYS, GoalFigures, Report, Sums};
use crate::store::Repository;

/// Output formats of `quartier report`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned plain-text tables.
    #[default]
    Txt,
    /// A Markdown document.
    Md,
    /// JSON, amounts in cents.
    Json,
}

/// Options of `quartier report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only measures running in this year (start..end overlaps it).
    #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub year: Option<i32>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Computes the report and prints it or writes it to the file.
pub fn run(
    repo: &dyn Repository,
    lang: Lang,
    args: ReportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let today = crate::report::today().map_err(CliError::Today)?;
    let report = Report::compute(
        &repo.goals()?,
        &repo.measures()?,
        &repo.links()?,
        args.year,
        today,
    );
    let text = match args.format {
        ReportFormat::Txt => plain::render(&report, lang),
        ReportFormat::Md => markdown::render(&report, lang),
        ReportFormat::Json => json::render(&report).map_err(std::io::Error::from)?,
    };
    match args.output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            write_file(&path, text.as_bytes(), args.force)?;
            let done = fill(lang.t(Text::ReportWritten), &[("path", &path.display())]);
            output::line(out, &done)?;
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same directory (written, synced,
/// then renamed into place), so a reader never sees half a report. Without `force` an existing
/// file is refused — also one that appears while writing (the final step is a hard link, which
/// never replaces a file).
fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), CliError> {
    let exists = || CliError::ReportExists(path.to_path_buf());
    let failed = |source: std::io::Error| CliError::ReportWrite {
        path: path.to_path_buf(),
        source,
    };
    if !force && path.symlink_metadata().is_ok() {
        return Err(exists());
    }
    let name = path
        .file_name()
        .ok_or_else(|| failed(std::io::ErrorKind::InvalidInput.into()))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    let place = || -> std::io::Result<()> {
        if force {
            return std::fs::rename(&temp, path);
        }
        match std::fs::hard_link(&temp, path) {
            Ok(()) => std::fs::remove_file(&temp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            // File systems without hard links: the check above has to do.
            Err(_) => std::fs::rename(&temp, path),
        }
    };
    let result = write().and_then(|()| place());
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists && !force {
            exists()
        } else {
            failed(e)
        }
    })
}

/// A column of a report table.
struct Column {
    title: String,
    /// Numbers are right-aligned.
    right: bool,
    /// Holds text from the database (sanitised, escaped in Markdown).
    user_text: bool,
    /// Widest the plain-text table makes it.
    max: usize,
}

impl Column {
    fn text(lang: Lang, title: Text, max: usize) -> Column {
        Column {
            title: lang.t(title).to_string(),
            right: false,
            user_text: false,
            max,
        }
    }

    fn user(lang: Lang, title: Text, max: usize) -> Column {
        Column {
            user_text: true,
            ..Column::text(lang, title, max)
        }
    }

    fn number(lang: Lang, title: Text) -> Column {
        Column {
            right: true,
            ..Column::text(lang, title, 20)
        }
    }
}

/// How a row stands out in Markdown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Emphasis {
    None,
    /// A strategic goal: code and text in bold.
    Heading,
    /// A total: every cell in bold.
    Total,
}

/// A row of a report table.
struct Row {
    cells: Vec<String>,
    emphasis: Emphasis,
    /// Indentation of the first cell in plain text (goal depth).
    depth: usize,
}

impl Row {
    fn new(cells: Vec<String>) -> Row {
        Row {
            cells,
            emphasis: Emphasis::None,
            depth: 0,
        }
    }
}

/// One titled table of the report.
struct Section {
    title: String,
    columns: Vec<Column>,
    rows: Vec<Row>,
}

/// `Stand: 25.11.2026 · Jahr: 2026 · 5 Maßnahmen`
fn subtitle(report: &Report, lang: Lang) -> String {
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
fn rules(report: &Report, lang: Lang) -> String {
    let mut text = String::new();
    if let Some(year) = report.year {
        text.push_str(&fill(lang.t(Text::ReportRulesYear), &[("year", &year)]));
        text.push(' ');
    }
    text.push_str(lang.t(Text::ReportRules));
    text
}

fn fund_name(fund: Option<Fund>, lang: Lang) -> String {
    fund.map_or_else(
        || lang.t(Text::ReportNoFund).to_string(),
        |f| f.name().into(),
    )
}

fn money(cents: Cents) -> String {
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
fn sections(report: &Report, lang: Lang) -> Vec<Section> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, GoalId, Measure, MeasureId};

    #[test]
    fn hostile_titles_reach_neither_text_nor_markdown_raw() {
        let goal = Goal {
            id: GoalId(1),
            parent: None,
            code: "Z1".into(),
            title: "Ziel\u{202e} eins".into(),
            description: String::new(),
            position: 0,
        };
        let mut measure = Measure::new("Böse\x1b[2J\x1b]0;x\x07| # *fett*\nzweite Zeile");
        measure.id = MeasureId(1);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let report = Report::compute(&[goal], &[measure], &[], None, today);
        for text in [
            plain::render(&report, Lang::De),
            markdown::render(&report, Lang::De),
        ] {
            assert!(
                !text
                    .chars()
                    .any(|c| c != '\n' && crate::model::is_forbidden_in_line(c)),
                "{text}"
            );
        }
        let md = markdown::render(&report, Lang::De);
        assert!(
            md.contains("| Böse�\\[2J�\\]0;x�\\| \\# \\*fett\\* zweite Zeile |"),
            "{md}"
        );
        let txt = plain::render(&report, Lang::De);
        assert!(
            txt.contains("Böse�[2J�]0;x�| # *fett* zweite Zeile"),
            "{txt}"
        );
    }
}
