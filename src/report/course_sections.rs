//! The report's tables of decisions and deadlines (issue 15): decisions per session and per
//! year, the Aktionsfonds actions, overdue and upcoming deadlines, the days from Antrag to
//! Bewilligung per fund. Shared by the plain-text and Markdown reports and the TUI's tabs
//! *Beschlüsse* and *Fristen* like every table of [`super::sections`].

use super::course::{DUE_WITHIN_DAYS, DecisionCounts, DueItem};
use super::sections::{fund_name, money, status_name};
use super::table::{Emphasis, ReportColumn, ReportRow, Section};
use crate::i18n::{Lang, Text, fill};
use crate::model::format_date_de;
use crate::report::Report;

pub(crate) fn counts_columns(lang: Lang) -> [ReportColumn; 5] {
    [
        ReportColumn::number(lang, Text::ColDecisions),
        ReportColumn::number(lang, Text::ColAgreed),
        ReportColumn::number(lang, Text::ColRejected),
        ReportColumn::number(lang, Text::ColDeferred),
        ReportColumn::number(lang, Text::ColAgreedSum),
    ]
}

pub(crate) fn counts_cells(counts: &DecisionCounts) -> [String; 5] {
    [
        counts.decisions.to_string(),
        counts.agreed.to_string(),
        counts.rejected.to_string(),
        counts.deferred.to_string(),
        money(counts.approved),
    ]
}

/// Each session of the year (all years): date, body, its decisions counted, the agreed sum.
pub(crate) fn sessions(report: &Report, lang: Lang) -> Section {
    let mut columns = vec![
        ReportColumn::text(lang, Text::ColSession, 8),
        ReportColumn::text(lang, Text::FieldDate, 10),
        ReportColumn::user(lang, Text::FieldBody, 20),
    ];
    columns.extend(counts_columns(lang));
    let rows = report.course.sessions.iter().map(|r| {
        let mut cells = vec![
            r.session.id.to_string(),
            format_date_de(r.session.date),
            r.session.body.name().to_string(),
        ];
        cells.extend(counts_cells(&r.counts));
        ReportRow::new(cells)
    });
    Section {
        title: lang.t(Text::ReportSectionSessions).into(),
        columns,
        rows: rows.collect(),
    }
}

/// Per year: sessions, decisions counted, the agreed sum; a total under more than one year.
pub(crate) fn decision_years(report: &Report, lang: Lang) -> Section {
    let mut columns = vec![
        ReportColumn::text(lang, Text::FieldYear, 10),
        ReportColumn::number(lang, Text::ColSessions),
    ];
    columns.extend(counts_columns(lang));
    let years = &report.course.years;
    let mut rows: Vec<ReportRow> = (years.iter())
        .map(|y| {
            let mut cells = vec![y.year.to_string(), y.sessions.to_string()];
            cells.extend(counts_cells(&y.counts));
            ReportRow::new(cells)
        })
        .collect();
    if years.len() > 1 {
        let mut total = DecisionCounts::default();
        let mut sessions = 0;
        for y in years {
            sessions += y.sessions;
            total.merge(&y.counts);
        }
        let mut cells = vec![lang.t(Text::Total).to_string(), sessions.to_string()];
        cells.extend(counts_cells(&total));
        rows.push(ReportRow {
            emphasis: Emphasis::Total,
            ..ReportRow::new(cells)
        });
    }
    Section {
        title: lang.t(Text::ReportSectionDecisionYears).into(),
        columns,
        rows,
    }
}

/// Each Aktionsfonds action of the year (all years): jury date, amount, status.
pub(crate) fn actions(report: &Report, lang: Lang) -> Section {
    let rows = report.course.actions.iter().map(|a| {
        ReportRow::new(vec![
            (a.year).map_or_else(|| lang.t(Text::ReportNoYear).to_string(), |y| y.to_string()),
            a.measure.id.to_string(),
            a.measure.title.clone(),
            a.jury.map_or_else(|| "–".into(), format_date_de),
            a.amount.map_or_else(|| "–".into(), money),
            status_name(a.measure.status, lang).into(),
        ])
    });
    Section {
        title: lang.t(Text::ReportSectionActions).into(),
        columns: vec![
            ReportColumn::text(lang, Text::FieldYear, 8),
            ReportColumn::text(lang, Text::ReportMeasure, 8),
            ReportColumn::user(lang, Text::FieldTitle, 36),
            ReportColumn::text(lang, Text::ColJury, 10),
            ReportColumn::number(lang, Text::FieldAmount),
            ReportColumn::text(lang, Text::FieldStatus, 13),
        ],
        rows: rows.collect(),
    }
}

/// A deadline's or session's row: id, date, days (over or left), kind, measure, note.
fn due_rows(report: &Report, items: &[DueItem], over: bool) -> Vec<ReportRow> {
    (items.iter())
        .map(|item| {
            let days = (item.date() - report.today).num_days();
            let row = ReportRow::new(vec![
                item.id(),
                format_date_de(item.date()),
                (if over { -days } else { days }).to_string(),
                item.kind().name().to_string(),
                item.measure().map_or_else(String::new, |m| m.to_string()),
                item.note(),
            ]);
            match over {
                true => ReportRow {
                    emphasis: Emphasis::Warning,
                    ..row
                },
                false => row,
            }
        })
        .collect()
}

fn due_columns(lang: Lang, days: Text) -> Vec<ReportColumn> {
    vec![
        ReportColumn::text(lang, Text::FieldId, 8),
        ReportColumn::text(lang, Text::FieldDue, 10),
        ReportColumn::number(lang, days),
        ReportColumn::text(lang, Text::FieldKind, 19),
        ReportColumn::text(lang, Text::ReportMeasure, 8),
        ReportColumn::user(lang, Text::FieldNotes, 36),
    ]
}

/// Open deadlines due before the report's day (red in the TUI).
pub(crate) fn overdue_deadlines(report: &Report, lang: Lang) -> Section {
    Section {
        title: lang.t(Text::ReportSectionDueOverdue).into(),
        columns: due_columns(lang, Text::ReportDaysOver),
        rows: due_rows(report, &report.course.due.overdue, true),
    }
}

/// Open deadlines and sessions from the report's day to [`DUE_WITHIN_DAYS`] ahead.
pub(crate) fn upcoming_deadlines(report: &Report, lang: Lang) -> Section {
    Section {
        title: fill(
            lang.t(Text::ReportSectionDueUpcoming),
            &[("days", &DUE_WITHIN_DAYS)],
        ),
        columns: due_columns(lang, Text::ReportDaysLeft),
        rows: due_rows(report, &report.course.due.upcoming, false),
    }
}

/// `37,5` (German) or `37.5`; whole days without a decimal.
pub(crate) fn days(days: f64, lang: Lang) -> String {
    let text = match days.fract() == 0.0 {
        true => format!("{days:.0}"),
        false => format!("{days:.1}"),
    };
    match lang {
        Lang::De => text.replace('.', ","),
        _ => text,
    }
}

/// Per fund: measures with an Antrag and a Bewilligung, the median days between, the range.
pub(crate) fn approval_times(report: &Report, lang: Lang) -> Section {
    let rows = report.course.approval_times.iter().map(|t| {
        ReportRow::new(vec![
            fund_name(Some(t.fund), lang),
            t.measures.to_string(),
            days(t.median_days, lang),
            t.fastest.to_string(),
            t.slowest.to_string(),
        ])
    });
    Section {
        title: lang.t(Text::ReportSectionApprovalTimes).into(),
        columns: vec![
            ReportColumn::text(lang, Text::FieldFund, 14),
            ReportColumn::number(lang, Text::FieldMeasures),
            ReportColumn::number(lang, Text::ColMedianDays),
            ReportColumn::number(lang, Text::ColFastest),
            ReportColumn::number(lang, Text::ColSlowest),
        ],
        rows: rows.collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_as_the_language_writes_them() {
        assert_eq!(days(37.5, Lang::De), "37,5");
        assert_eq!(days(37.5, Lang::En), "37.5");
        assert_eq!(days(30.0, Lang::De), "30");
    }
}
