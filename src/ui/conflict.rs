//! The `Konflikt` dialog over the open form: why it opened, then per clashing field its label,
//! my value and the stored value, the chosen one marked. Values are one sanitised line each,
//! cut to the dialog's width (the full text stays in the form, one Esc away).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::popup::{centered, popup_block};
use crate::app::App;
use crate::app::conflict::Conflict;
use crate::i18n::{Text, fill};
use crate::text::{cell, sanitize_line, width};

/// Draws the dialog centred in `area`.
pub fn render(app: &App, theme: Theme, conflict: &Conflict, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let name = conflict.record_name();
    let inner_width = 76u16.min(area.width.saturating_sub(4)).max(10);
    let intro = fill(lang.t(Text::ConflictIntro), &[("record", &name)]);
    let intro_lines = (width(&intro) as u16).div_ceil(inner_width.saturating_sub(2).max(1));
    let wanted = intro_lines + 1 + 3 * conflict.clashes.len() as u16 + 2;
    let rect = centered(area, inner_width + 2, wanted.min(area.height));
    frame.render_widget(Clear, rect);
    let title = fill(lang.t(Text::ConflictTitle), &[("record", &name)]);
    let block = popup_block(theme, format!(" {title} "));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);

    let [intro_area, list_area] = inner.layout(&ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length((intro_lines + 1).min(inner.height / 2)),
        ratatui::layout::Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::styled(intro, theme.label())).wrap(Wrap { trim: true }),
        intro_area,
    );

    let (mine, theirs) = (lang.t(Text::ConflictMine), lang.t(Text::ConflictTheirs));
    let tag = width(mine).max(width(theirs)) + 2;
    let room = (list_area.width as usize).saturating_sub(tag + 6);
    let mut lines = Vec::new();
    for (index, clash) in conflict.clashes.iter().enumerate() {
        let selected = index == conflict.selected;
        let marker = if selected { "▸ " } else { "  " };
        let style = if selected {
            theme.selected()
        } else {
            theme.label()
        };
        lines.push(Line::styled(
            format!("{marker}{}", sanitize_line(&clash.label)),
            style,
        ));
        for (label, value, chosen) in [
            (mine, &clash.mine, !clash.take_theirs),
            (theirs, &clash.theirs, clash.take_theirs),
        ] {
            let radio = if chosen { "(•) " } else { "( ) " };
            let value = sanitize_line(value);
            let value = if value.is_empty() {
                "–".into()
            } else {
                value
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(radio, if chosen { theme.key() } else { theme.dim() }),
                Span::styled(cell(&format!("{label}:"), tag), theme.dim()),
                Span::raw(cell(&value, room)),
            ]));
        }
    }
    // Keep the selected field in view: each field takes three lines.
    let height = list_area.height as usize;
    let end = 3 * (conflict.selected + 1);
    let skip = end.saturating_sub(height);
    let lines: Vec<Line> = lines.into_iter().skip(skip).take(height).collect();
    frame.render_widget(Paragraph::new(lines), list_area);
}
