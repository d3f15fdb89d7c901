//! The Markdown report's appendix: per goal, the measures linked to it, so the sums above can
//! be traced to the measures behind them.

use super::sections::{fund_name, money, status_name};
use super::table::{ReportColumn, ReportRow, Section};
use crate::i18n::{Lang, Text};
use crate::report::Report;

/// One table per goal that has measures linked to it directly, in tree order; the title is the
/// goal's code and title. A `★` marks the goal as the measure's primary goal (its money counts
/// there).
pub(crate) fn appendix(report: &Report, lang: Lang) -> Vec<Section> {
    report
        .goals
        .iter()
        .filter(|g| !g.linked.is_empty())
        .map(|g| Section {
            title: format!("{} {}", g.code, g.title),
            columns: vec![
                ReportColumn::text(lang, Text::ReportMeasure, 8),
                ReportColumn::user(lang, Text::FieldTitle, 44),
                ReportColumn::text(lang, Text::FieldStatus, 13),
                ReportColumn::text(lang, Text::FieldFund, 14),
                ReportColumn::number(lang, Text::FieldApproved),
                ReportColumn::text(lang, Text::FieldPrimaryGoal, 9),
            ],
            rows: g
                .linked
                .iter()
                .map(|(m, primary)| {
                    ReportRow::new(vec![
                        m.id.to_string(),
                        m.title.clone(),
                        status_name(m.status, lang).into(),
                        fund_name(m.fund, lang),
                        m.approved.map_or_else(|| "–".into(), money),
                        if *primary {
                            "★".into()
                        } else {
                            String::new()
                        },
                    ])
                })
                .collect(),
        })
        .collect()
}
