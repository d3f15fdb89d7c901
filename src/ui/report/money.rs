//! The tab *Mittel*: approved sums per strategic goal as a bar chart, then the report's fund and
//! year tables ([`sections::funds`], [`sections::years`]) — the same rows `quartier report`
//! prints.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::section;
use super::table::SectionTable;
use crate::app::App;
use crate::i18n::{Lang, Text};
use crate::model::Cents;
use crate::report::{Report, sections};
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

/// The tab *Mittel*: bar chart (`chart_height` rows), then the fund and year tables (side by
/// side when both fit in `width`).
pub(super) fn money(
    app: &App,
    theme: Theme,
    report: &Report,
    width: u16,
    chart_height: u16,
) -> Buffer {
    let funds = SectionTable::new(app, theme, sections::funds(report, app.lang));
    let years = SectionTable::new(app, theme, sections::years(report, app.lang));
    let side_by_side = funds.width() + years.width() <= width;
    let tables_height = if side_by_side {
        funds.height().max(years.height())
    } else {
        funds.height() + years.height()
    };
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, chart_height + tables_height));
    let [chart_area, tables] = buffer.area.layout(&Layout::vertical([
        Constraint::Length(chart_height),
        Constraint::Fill(1),
    ]));
    chart(app, theme, report, chart_area, &mut buffer);
    let [funds_area, years_area] = if side_by_side {
        tables.layout(&Layout::horizontal([
            Constraint::Length(funds.width()),
            Constraint::Fill(1),
        ]))
    } else {
        tables.layout(&Layout::vertical([
            Constraint::Length(funds.height()),
            Constraint::Length(years.height()),
        ]))
    };
    funds.render(funds_area, &mut buffer);
    years.render(years_area, &mut buffer);
    buffer
}

/// Approved sums per strategic goal in thousand euro, one bar per goal.
fn chart(app: &App, theme: Theme, report: &Report, area: Rect, buffer: &mut Buffer) {
    let lang = app.lang;
    let count = report.strategic_goals().count().max(1) as u16;
    let gap = if area.width >= 100 { 2 } else { 1 };
    let bar_width = (area.width.saturating_sub(2 + gap * (count - 1)) / count).clamp(3, 10);
    let bars: Vec<Bar> = report
        .strategic_goals()
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
        .render(area, buffer);
}
