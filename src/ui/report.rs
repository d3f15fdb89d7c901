//! The report view (`R`): on the tab *Mittel* the approved sums per strategic goal as a bar
//! chart (thousand euro) and the totals per fund and per year; on the tab *Zielerreichung* a
//! gauge per goal and the lists that need attention. The content is drawn into an off-screen
//! buffer as tall as it needs and the visible rows are copied into the frame, so charts scroll
//! like text (`j`/`k`) at 80x24; at 100 columns and more the fund and year tables sit side by
//! side.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Cell, Clear, LineGauge, Paragraph, Row, Table, Tabs,
    Widget,
};

use crate::app::{App, ReportTab, ReportView};
use crate::i18n::{Lang, Text, fill};
use crate::model::{Cents, Fund, format_date_de};
use crate::report::{ENDING_WITHIN_DAYS, GoalFigures, Report, percent};
use crate::text::{cell, cell_right, width};

/// Width of an amount column (`1.234.567,00 €`).
const AMOUNT: u16 = 14;

/// Draws the report over `area` (everything above the status bar).
pub fn render(app: &App, view: &ReportView, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let theme = app.theme;
    let year = view.year.map_or_else(
        || lang.t(Text::ReportAllYears).to_string(),
        |y| y.to_string(),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(format!(" {} ", lang.t(Text::CtxReport)))
        .title(Line::from(format!(" ← {year} → ")).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let [head, body] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let titles = [lang.t(Text::ReportTabFunds), lang.t(Text::ReportAttainment)];
    // Two titles with a space either side and one divider.
    let tabs_width = titles.iter().map(|t| width(t) as u16 + 2).sum::<u16>() + 1;
    let tabs = Tabs::new(titles)
        .select(match view.tab {
            ReportTab::Money => 0,
            ReportTab::Attainment => 1,
        })
        .highlight_style(theme.selected())
        .padding(" ", " ");
    let report = &view.report;
    let summary = fill(
        lang.t(Text::ReportSummary),
        &[
            ("measures", &report.measures),
            ("without", &report.measures_without_goal.len()),
            ("ending", &report.ending_soon.len()),
            ("days", &ENDING_WITHIN_DAYS),
        ],
    );
    let summary_width = (width(&summary) as u16 + 1).min(head.width.saturating_sub(tabs_width));
    let [tabs_area, summary_area] = head.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(summary_width),
    ]));
    frame.render_widget(tabs, tabs_area);
    frame.render_widget(
        Paragraph::new(cell_right(&format!("{summary} "), summary_width as usize))
            .style(theme.dim()),
        summary_area,
    );

    let content = match view.tab {
        ReportTab::Money => money(app, report, body.width, (body.height / 2).clamp(12, 18)),
        ReportTab::Attainment => attainment(app, report, body.width),
    };
    let height = content.area.height;
    let max_scroll = height.saturating_sub(body.height);
    view.max_scroll.set(max_scroll);
    view.page.set(body.height.saturating_sub(1).max(1));
    let scroll = view.scroll.min(max_scroll);
    let target = frame.buffer_mut();
    for y in 0..body.height.min(height - scroll) {
        for x in 0..body.width {
            target[(body.x + x, body.y + y)] = content[(x, y + scroll)].clone();
        }
    }
}

/// A titled, bordered section.
fn section<'a>(app: &App, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .title(Span::styled(format!(" {title} "), app.theme.label()))
}

/// `12,5` thousand euro (whole thousands from 100 000 € on, so values fit narrow bars).
fn thousands(cents: Cents, lang: Lang) -> String {
    let tenths = (cents.0.max(0) + 5_000) / 10_000;
    if tenths >= 1_000 {
        return ((tenths + 5) / 10).to_string();
    }
    let separator = if lang == Lang::De { ',' } else { '.' };
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

fn fund_name(fund: Option<Fund>, lang: Lang) -> String {
    fund.map_or_else(
        || lang.t(Text::ReportNoFund).to_string(),
        |f| f.name().into(),
    )
}

fn right(text: String) -> Cell<'static> {
    Cell::from(Line::from(text).right_aligned())
}

/// The tab *Mittel*: bar chart (`chart_height` rows), then the fund and year tables (side by side when wide).
fn money(app: &App, report: &Report, width: u16, chart_height: u16) -> Buffer {
    let lang = app.lang;
    let theme = app.theme;
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
        .block(section(app, lang.t(Text::ReportChartTitle).into()))
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
    .block(section(app, lang.t(Text::ReportSectionFunds).into()))
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
    .block(section(app, lang.t(Text::ReportSectionYears).into()))
    .render(years_area, &mut buffer);
    buffer
}

/// The tab *Zielerreichung*: one gauge per goal (strategic goals, and sub-goals with
/// measures), then measures ending soon, measures without goal and goals without measures.
fn attainment(app: &App, report: &Report, columns: u16) -> Buffer {
    let lang = app.lang;
    let theme = app.theme;
    let inner = columns.saturating_sub(2) as usize;
    let goals: Vec<&GoalFigures> = report
        .goals
        .iter()
        .filter(|g| g.depth == 0 || g.measures > 0)
        .collect();
    let measure_line = |id: String, title: &str, tail: String| {
        let room = inner.saturating_sub(width(&id) + width(&tail) + 3);
        Line::from(vec![
            Span::styled(id, theme.dim()),
            Span::raw(" "),
            Span::raw(cell(title, room)),
            Span::raw("  "),
            Span::raw(tail),
        ])
    };
    let none = || vec![Line::styled(lang.t(Text::ReportNone), theme.dim())];
    let mut ending: Vec<Line> = report
        .ending_soon
        .iter()
        .map(|m| {
            let end = m.end.unwrap_or(report.today);
            let days = (end - report.today).num_days();
            let tail = format!(
                "{} ({days} {})",
                format_date_de(end),
                lang.t(Text::ReportDaysLeft)
            );
            measure_line(m.id.to_string(), &m.title, tail)
        })
        .collect();
    if ending.is_empty() {
        ending = none();
    }
    let mut orphans: Vec<Line> = report
        .measures_without_goal
        .iter()
        .map(|m| {
            let tail = format!(
                "{} {}",
                fund_name(m.fund, lang),
                m.approved.map_or_else(|| "–".into(), |c| c.format_de())
            );
            measure_line(m.id.to_string(), &m.title, tail)
        })
        .collect();
    if orphans.is_empty() {
        orphans = none();
    }
    let mut empty_goals = pack(
        report
            .goals_without_measures()
            .map(|g| cell(&g.code, 12).trim_end().to_string()),
        inner,
    );
    if empty_goals.is_empty() {
        empty_goals = none();
    }

    let heights = [
        goals.len() as u16 + 2,
        ending.len() as u16 + 2,
        orphans.len() as u16 + 2,
        empty_goals.len() as u16 + 2,
    ];
    let total: u16 = heights.iter().sum();
    let mut buffer = Buffer::empty(Rect::new(0, 0, columns, total));
    let [gauges, ending_area, orphans_area, empty_area] = buffer
        .area
        .layout(&Layout::vertical(heights.map(Constraint::Length)));

    let block = section(app, lang.t(Text::ReportAttainmentTitle).into());
    let rows_area = block.inner(gauges);
    block.render(gauges, &mut buffer);
    let gauge_width = (rows_area.width / 3).clamp(14, 40);
    for (i, goal) in goals.iter().enumerate() {
        let row = Rect::new(rows_area.x, rows_area.y + i as u16, rows_area.width, 1);
        let [label, count, gauge] = row.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(5),
            Constraint::Length(gauge_width + 1),
        ]));
        let indent = "  ".repeat(goal.depth.min(4));
        let text = format!("{indent}{} {}", goal.code, goal.title);
        let style = if goal.depth == 0 {
            theme.label()
        } else {
            theme.normal()
        };
        Paragraph::new(Line::styled(cell(&text, label.width as usize), style))
            .render(label, &mut buffer);
        Paragraph::new(Line::from(goal.measures.to_string()).right_aligned())
            .style(theme.dim())
            .render(count, &mut buffer);
        let gauge = Rect::new(gauge.x + 1, gauge.y, gauge.width.saturating_sub(1), 1);
        match goal.attainment {
            Some(ratio) => LineGauge::default()
                .ratio(ratio.clamp(0.0, 1.0))
                .label(format!("{:>5} ", percent(Some(ratio))))
                .filled_symbol("█")
                .unfilled_symbol("░")
                .filled_style(theme.bar())
                .unfilled_style(theme.dim())
                .render(gauge, &mut buffer),
            None => Paragraph::new(format!("{:>5}", percent(None)))
                .style(theme.dim())
                .render(gauge, &mut buffer),
        }
    }
    let ending_title = fill(
        lang.t(Text::ReportSectionEnding),
        &[("days", &ENDING_WITHIN_DAYS)],
    );
    for (area, title, lines) in [
        (ending_area, ending_title, ending),
        (
            orphans_area,
            lang.t(Text::ReportSectionMeasuresWithout).to_string(),
            orphans,
        ),
        (
            empty_area,
            lang.t(Text::ReportSectionGoalsWithout).to_string(),
            empty_goals,
        ),
    ] {
        Paragraph::new(lines)
            .block(section(app, title))
            .render(area, &mut buffer);
    }
    buffer
}

/// Packs words into lines of at most `columns`, separated by `, `.
fn pack(words: impl Iterator<Item = String>, columns: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && width(&line) + 2 + width(&word) > columns {
            line.push(',');
            lines.push(Line::from(std::mem::take(&mut line)));
        }
        if !line.is_empty() {
            line.push_str(", ");
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;

    use super::*;
    use crate::app::tests::{fixture, press};
    use crate::ui::{Theme, render};

    fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal.draw(|frame| render(app, frame)).expect("draw");
        terminal
    }

    /// The fixture's report as of 25.11.2026.
    fn open(keys: &str) -> crate::app::tests::Fixture {
        let mut f = fixture();
        f.app
            .open_report_on(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        press(&mut f.app, keys);
        f
    }

    #[test]
    fn report_money_80x24() {
        let f = open("");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_money_scrolled_to_the_end_80x24() {
        let f = open("");
        // The first draw tells the view how far it can scroll.
        draw(&f.app, 80, 24);
        let mut f = f;
        press(&mut f.app, "<PgDn><PgDn><PgDn>");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_attainment_80x24() {
        let f = open("<Tab>");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_money_2026_120x40() {
        let f = open("ll");
        insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
    }

    #[test]
    fn report_attainment_120x40() {
        let f = open("<Tab>");
        insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
    }

    #[test]
    fn report_in_english_80x24() {
        let mut f = open("");
        f.app.lang = Lang::En;
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn without_colour_the_report_has_none_and_with_colour_bars_are_green() {
        let mut f = open("");
        f.app.theme = Theme { no_color: true };
        for keys in ["", "<Tab>"] {
            press(&mut f.app, keys);
            let terminal = draw(&f.app, 80, 24);
            assert!(
                terminal
                    .backend()
                    .buffer()
                    .content
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
            );
        }
        let mut f = open("");
        f.app.theme = Theme { no_color: false };
        let terminal = draw(&f.app, 80, 24);
        assert!(
            terminal
                .backend()
                .buffer()
                .content
                .iter()
                .any(|c| c.symbol() == "█" && c.fg == Color::Green)
        );
    }

    #[test]
    fn thousands_fit_narrow_bars() {
        assert_eq!(thousands(Cents(1_370_000), Lang::De), "13,7");
        assert_eq!(thousands(Cents(1_370_000), Lang::En), "13.7");
        assert_eq!(thousands(Cents(4_000), Lang::De), "0,0");
        assert_eq!(thousands(Cents(14_423_900), Lang::De), "144");
        assert_eq!(thousands(Cents(0), Lang::De), "0,0");
    }
}
