//! The tab *Zielerreichung*: a gauge per goal, then the lists that need attention.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Widget};

use super::section;
use crate::app::App;
use crate::i18n::{Text, fill};
use crate::model::format_date_de;
use crate::report::sections::{fund_name, shown_goals};
use crate::report::{ENDING_WITHIN_DAYS, GoalFigures, Report, percent};
use crate::text::{cell, width};
use crate::ui::Theme;

/// The tab *Zielerreichung*: one gauge per goal (strategic goals, and sub-goals with
/// measures), then measures ending soon, measures without goal and goals without measures.
pub(super) fn attainment(app: &App, theme: Theme, report: &Report, columns: u16) -> Buffer {
    let lang = app.lang;
    let inner = columns.saturating_sub(2) as usize;
    let goals: Vec<&GoalFigures> = shown_goals(report).collect();
    let lists = [
        (
            fill(
                lang.t(Text::ReportSectionEnding),
                &[("days", &ENDING_WITHIN_DAYS)],
            ),
            ending_lines(app, theme, report, inner),
        ),
        (
            lang.t(Text::ReportSectionMeasuresWithout).to_string(),
            without_goal_lines(app, theme, report, inner),
        ),
        (
            lang.t(Text::ReportSectionGoalsWithout).to_string(),
            pack(
                report
                    .goals_without_measures()
                    .map(|g| cell(&g.code, 12).trim_end().to_string()),
                inner,
            ),
        ),
    ]
    .map(|(title, lines)| (title, or_none(app, theme, lines)));
    let heights = [
        goals.len() as u16 + 2,
        lists[0].1.len() as u16 + 2,
        lists[1].1.len() as u16 + 2,
        lists[2].1.len() as u16 + 2,
    ];
    let total: u16 = heights.iter().sum();
    let mut buffer = Buffer::empty(Rect::new(0, 0, columns, total));
    let [gauges, ending_area, orphans_area, empty_area] = buffer
        .area
        .layout(&Layout::vertical(heights.map(Constraint::Length)));
    draw_gauges(app, theme, &goals, gauges, &mut buffer);
    for (area, (title, lines)) in [ending_area, orphans_area, empty_area]
        .into_iter()
        .zip(lists)
    {
        Paragraph::new(lines)
            .block(section(theme, title))
            .render(area, &mut buffer);
    }
    buffer
}

/// `lines`, or one dim line saying there is nothing.
fn or_none(app: &App, theme: Theme, lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    if lines.is_empty() {
        vec![Line::styled(app.lang.t(Text::ReportNone), theme.dim())]
    } else {
        lines
    }
}

/// A measure in a list: dim id, title cut to what `inner` columns leave, then `tail`.
fn measure_line(
    theme: Theme,
    inner: usize,
    id: String,
    title: &str,
    tail: String,
) -> Line<'static> {
    let room = inner.saturating_sub(width(&id) + width(&tail) + 3);
    Line::from(vec![
        Span::styled(id, theme.dim()),
        Span::raw(" "),
        Span::raw(cell(title, room)),
        Span::raw("  "),
        Span::raw(tail),
    ])
}

/// Measures ending soon, with end date and days left.
fn ending_lines(app: &App, theme: Theme, report: &Report, inner: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    (report.ending_soon.iter())
        .map(|m| {
            let end = m.end.unwrap_or(report.today);
            let days = (end - report.today).num_days();
            let tail = format!(
                "{} ({days} {})",
                format_date_de(end),
                lang.t(Text::ReportDaysLeft)
            );
            measure_line(theme, inner, m.id.to_string(), &m.title, tail)
        })
        .collect()
}

/// Measures without a goal, with fund and approved amount.
fn without_goal_lines(
    app: &App,
    theme: Theme,
    report: &Report,
    inner: usize,
) -> Vec<Line<'static>> {
    (report.measures_without_goal.iter())
        .map(|m| {
            let tail = format!(
                "{} {}",
                fund_name(m.fund, app.lang),
                m.approved.map_or_else(|| "–".into(), |c| c.format_de())
            );
            measure_line(theme, inner, m.id.to_string(), &m.title, tail)
        })
        .collect()
}

/// One line per goal in a bordered section: indented code and title, measure count, gauge.
fn draw_gauges(app: &App, theme: Theme, goals: &[&GoalFigures], area: Rect, buffer: &mut Buffer) {
    let block = section(theme, app.lang.t(Text::ReportAttainmentTitle).into());
    let rows_area = block.inner(area);
    block.render(area, buffer);
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
            .render(label, buffer);
        Paragraph::new(Line::from(goal.measures.to_string()).right_aligned())
            .style(theme.dim())
            .render(count, buffer);
        let gauge = Rect::new(gauge.x + 1, gauge.y, gauge.width.saturating_sub(1), 1);
        match goal.attainment.and_then(gauge_ratio) {
            Some(ratio) => LineGauge::default()
                .ratio(ratio)
                .label(format!("{:>5} ", percent(Some(ratio))))
                .filled_symbol("█")
                .unfilled_symbol("░")
                .filled_style(theme.bar())
                .unfilled_style(theme.dim())
                .render(gauge, buffer),
            None => Paragraph::new(format!("{:>5}", percent(None)))
                .style(theme.dim())
                .render(gauge, buffer),
        }
    }
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

/// A ratio ratatui's gauges accept: clamped to 0–1; `None` (drawn as `–`) for NaN, which
/// `clamp` passes through and the gauge panics on. Infinite ratios clamp to 0 or 1.
pub(super) fn gauge_ratio(ratio: f64) -> Option<f64> {
    (!ratio.is_nan()).then(|| ratio.clamp(0.0, 1.0))
}

#[cfg(test)]
mod gauge_tests {
    use super::gauge_ratio;

    #[test]
    fn gauge_ratios_are_always_within_0_and_1() {
        assert_eq!(gauge_ratio(f64::NAN), None);
        assert_eq!(gauge_ratio(f64::INFINITY), Some(1.0));
        assert_eq!(gauge_ratio(f64::NEG_INFINITY), Some(0.0));
        assert_eq!(gauge_ratio(0.65), Some(0.65));
        assert_eq!(gauge_ratio(-0.0), Some(0.0));
    }
}
