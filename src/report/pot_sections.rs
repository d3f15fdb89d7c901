//! The report's tables of money over time (issue 14): pots per fund and year, and the
//! attention lists of pots over budget and plans that do not add up. Shared by the plain-text
//! and Markdown reports like every table of [`super::sections`].

use super::pots::PotRow;
use super::sections::money;
use super::table::{Emphasis, ReportColumn, ReportRow, Section};
use crate::i18n::{Lang, Text};
use crate::report::Report;

fn money_or_dash(cents: Option<crate::model::Cents>) -> String {
    cents.map_or_else(|| "–".into(), money)
}

fn fund_year_columns(lang: Lang) -> Vec<ReportColumn> {
    vec![
        ReportColumn::text(lang, Text::FieldFund, 14),
        ReportColumn::text(lang, Text::FieldYear, 4),
        ReportColumn::number(lang, Text::ColPot),
        ReportColumn::number(lang, Text::ColPlanned),
    ]
}

fn fund_year_cells(row: &PotRow) -> Vec<String> {
    vec![
        row.fund.name().to_string(),
        row.year.to_string(),
        money_or_dash(row.pot),
        money(row.planned),
    ]
}

/// Per fund and year: pot, approved instalments, paid, free.
pub(crate) fn pots(report: &Report, lang: Lang) -> Section {
    let mut columns = fund_year_columns(lang);
    columns.extend([
        ReportColumn::number(lang, Text::ColPaid),
        ReportColumn::number(lang, Text::ColFree),
        ReportColumn::number(lang, Text::FieldMeasures),
    ]);
    let rows = report.pots.rows.iter().map(|r| {
        let mut cells = fund_year_cells(r);
        cells.extend([
            money(r.paid),
            money_or_dash(r.free()),
            r.measures.to_string(),
        ]);
        ReportRow {
            emphasis: match r.over_budget() {
                true => Emphasis::Warning,
                false => Emphasis::None,
            },
            ..ReportRow::new(cells)
        }
    });
    Section {
        title: lang.t(Text::ReportSectionPots).into(),
        columns,
        rows: rows.collect(),
    }
}

/// Pots planned beyond their amount, with by how much.
pub(crate) fn pots_over_budget(report: &Report, lang: Lang) -> Section {
    let mut columns = fund_year_columns(lang);
    columns.push(ReportColumn::number(lang, Text::ReportOverBy));
    let rows = report.pots.over_budget().map(|r| {
        let mut cells = fund_year_cells(r);
        let over = r.free().map(|free| crate::model::Cents(-free.0));
        cells.push(money_or_dash(over));
        ReportRow::new(cells)
    });
    Section {
        title: lang.t(Text::ReportSectionPotsOver).into(),
        columns,
        rows: rows.collect(),
    }
}

/// Measures whose instalments do not add up to the approved amount.
pub(crate) fn plan_mismatches(report: &Report, lang: Lang) -> Section {
    let rows = report.pots.plan_mismatches.iter().map(|m| {
        ReportRow::new(vec![
            m.measure.id.to_string(),
            m.measure.title.clone(),
            money(m.planned),
            money(m.approved),
        ])
    });
    Section {
        title: lang.t(Text::ReportSectionPlanMismatch).into(),
        columns: vec![
            ReportColumn::text(lang, Text::ReportMeasure, 8),
            ReportColumn::user(lang, Text::FieldTitle, 44),
            ReportColumn::number(lang, Text::ReportInstalments),
            ReportColumn::number(lang, Text::FieldApproved),
        ],
        rows: rows.collect(),
    }
}
