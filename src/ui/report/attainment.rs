//! The tab *Zielerreichung*: a gauge per goal, then the lists that need attention.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Widget};

use super::{fund_name, section};
use crate::app::App;
use crate::i18n::{Text, fill};
use crate::model::format_date_de;
use crate::report::{ENDING_WITHIN_DAYS, GoalFigures, Report, percent};
use crate::text::{cell, width};
use crate::ui::Theme;

/// The tab *Zielerreichung*: one gauge per goal (strategic goals, and sub-goals with
/// measures), then measures ending soon, measures without goal and goals without measures.
pub(super) fn attainment(app: &App, theme: Theme, report: &Report, columns: u16) -> Buffer {
    let lang = app.lang;
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

    let block = section(theme, lang.t(Text::ReportAttainmentTitle).into());
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
        match goal.attainment.and_then(gauge_ratio) {
            Some(ratio) => LineGauge::default()
                .ratio(ratio)
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
            .block(section(theme, title))
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
