//! The tab *Mittel*: approved sums per strategic goal as a bar chart, totals per fund and year.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, Row, Table, Widget};

use super::{AMOUNT, fund_name, section};
use crate::app::App;
use crate::i18n::{Lang, Text};
use crate::model::Cents;
use crate::report::{GoalFigures, Report};
use crate::text::cell;
use crate::ui::Theme;

/// `12,5` thousand euro (whole thousands from 100 000 € on, so values fit narrow bars).
pub(super) fn thousands(cents: Cents, lang: Lang) -> String {
    let tenths = (cents.0.max(0) + 5_000) / 10_000;
    if tenths >= 1_000 {
        return ((tenths + 5) / 10).to_string();
    }
    let separator = if lang == Lang::De { ',' } else { '.' };
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

fn right(text: String) -> Cell<'static> {
    Cell::from(Line::from(text).right_aligned())
}

/// The tab *Mittel*: bar chart (`chart_height` rows), then the fund and year tables (side by side when wide).
pub(super) fn money(
    app: &App,
    theme: Theme,
    report: &Report,
    width: u16,
    chart_height: u16,
) -> Buffer {
    let lang = app.lang;
    let strategic: Vec<&GoalFigures> = report.strategic_goals().collect();
    let funds_height = report.by_fund.len() as u16 + 4;
    let years_height = report.by_year.len() as u16 + 4;
    let side_by_side = width >= 100;
    let tables_height = if side_by_side {
        funds_height.max(years_height)
    } else {
        funds_height + years_height
    };
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, chart_height + tables_height));
    let [chart_area, tables] = buffer.area.layout(&Layout::vertical([
        Constraint::Length(chart_height),
        Constraint::Fill(1),
    ]));

    let count = strategic.len().max(1) as u16;
    let gap = if width >= 100 { 2 } else { 1 };
    let bar_width = (chart_area.width.saturating_sub(2 + gap * (count - 1)) / count).clamp(3, 10);
    let bars: Vec<Bar> = strategic
        .iter()
        .map(|g| {
            Bar::default()
                .value((g.sums.approved.0.max(0) / 10_000) as u64)
                .text_value(thousands(g.sums.approved, lang))
                .label(Line::from(
                    cell(&g.code, bar_width as usize).trim_end().to_string(),
                ))
        })
        .collect();
    BarChart::default()
        .block(section(theme, lang.t(Text::ReportChartTitle).into()))
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(gap)
        .bar_style(theme.bar())
        .value_style(theme.selected())
        .label_style(theme.label())
        .render(chart_area, &mut buffer);

    let (funds_area, years_area) = if side_by_side {
        let [f, y] = tables.layout(&Layout::horizontal([
            Constraint::Length(AMOUNT * 3 + 13 + 9 + 4 + 2),
            Constraint::Fill(1),
        ]));
        (f, y)
    } else {
        let [f, y] = tables.layout(&Layout::vertical([
            Constraint::Length(funds_height),
            Constraint::Length(years_height),
        ]));
        (f, y)
    };
    let header = |texts: &[Text]| {
        Row::new(texts.iter().enumerate().map(|(i, t)| {
            let line = Line::from(lang.t(*t));
            Cell::from(if i == 0 { line } else { line.right_aligned() })
        }))
        .style(theme.label())
    };
    let total_row = |first: &str, count: usize, amounts: Vec<Cents>| {
        let mut cells = vec![Cell::from(first.to_string()), right(count.to_string())];
        cells.extend(amounts.into_iter().map(|c| right(c.format_de())));
        Row::new(cells).style(theme.label())
    };

    let mut rows: Vec<Row> = report
        .by_fund
        .iter()
        .map(|f| {
            Row::new(vec![
                Cell::from(fund_name(f.fund, lang)),
                right(f.measures.to_string()),
                right(f.sums.requested.format_de()),
                right(f.sums.approved.format_de()),
                right(f.sums.cofunding.format_de()),
            ])
        })
        .collect();
    rows.push(total_row(
        lang.t(Text::Total),
        report.measures,
        vec![
            report.total.requested,
            report.total.approved,
            report.total.cofunding,
        ],
    ));
    Table::new(
        rows,
        [
            Constraint::Length(13),
            Constraint::Length(9),
            Constraint::Length(AMOUNT),
            Constraint::Length(AMOUNT),
            Constraint::Length(AMOUNT),
        ],
    )
    .header(header(&[
        Text::FieldFund,
        Text::FieldMeasures,
        Text::FieldRequested,
        Text::FieldApproved,
        Text::FieldCofunding,
    ]))
    .block(section(theme, lang.t(Text::ReportSectionFunds).into()))
    .render(funds_area, &mut buffer);

    let mut rows: Vec<Row> = report
        .by_year
        .iter()
        .map(|y| {
            let year = y
                .year
                .map_or_else(|| lang.t(Text::ReportNoYear).to_string(), |y| y.to_string());
            Row::new(vec![
                Cell::from(year),
                right(y.measures.to_string()),
                right(y.sums.approved.format_de()),
            ])
        })
        .collect();
    rows.push(total_row(
        lang.t(Text::Total),
        report.measures,
        vec![report.total.approved],
    ));
    Table::new(
        rows,
        [
            Constraint::Length(10),
            Constraint::Length(9),
            Constraint::Length(AMOUNT),
        ],
    )
    .header(header(&[
        Text::FieldYear,
        Text::FieldMeasures,
        Text::FieldApproved,
    ]))
    .block(section(theme, lang.t(Text::ReportSectionYears).into()))
    .render(years_area, &mut buffer);
    buffer
}
