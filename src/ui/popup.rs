//! Popups over the panes: the yes/no question, the goal picker and the filter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use crate::app::{App, Confirm, FilterPopup, PickFor, Picker};
use crate::i18n::{Text, fill};
use crate::text::{cell, sanitize_line, width};

/// A centred rectangle of at most `w`x`h` inside `area`.
pub(super) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] =
        area.layout(&Layout::vertical([Constraint::Length(h.min(area.height))]).flex(Flex::Center));
    let [rect] =
        row.layout(&Layout::horizontal([Constraint::Length(w.min(area.width))]).flex(Flex::Center));
    rect
}

pub(super) fn popup_block(theme: Theme, title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(title)
}

/// Clears `area` and draws the focused frame titled ` {title} ` around it (the views over the
/// panes: Termine, Sitzungen, Zahlungen, Verlauf); returns the inside.
pub(super) fn framed(frame: &mut Frame, theme: Theme, title: &str, area: Rect) -> Rect {
    let block = popup_block(theme, format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}

pub fn confirm(app: &App, theme: Theme, confirm: &Confirm, frame: &mut Frame, area: Rect) {
    let text = sanitize_line(&confirm.question).into_owned();
    let inner_width = 60u16.min(area.width.saturating_sub(4));
    let lines = (width(&text) as u16).div_ceil(inner_width.max(1)).max(1);
    let rect = centered(area, inner_width + 2, lines + 2);
    frame.render_widget(Clear, rect);
    let block = popup_block(theme, format!(" {} ", app.lang.t(Text::CtxConfirm)));
    let paragraph = Paragraph::new(Line::styled(text, theme.label()))
        .block(block)
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, rect);
}

pub fn picker(app: &App, theme: Theme, picker: &Picker, frame: &mut Frame, area: Rect) {
    let rect = centered(area, 60, area.height.saturating_sub(2).min(18));
    frame.render_widget(Clear, rect);
    let title = match picker.purpose {
        PickFor::Link(measure) => fill(app.lang.t(Text::PickerTitle), &[("id", &measure)]),
        PickFor::MoveGoal(goal) => {
            let code = sanitize_line(&app.code_of(goal)).into_owned();
            fill(app.lang.t(Text::PickerMoveTitle), &[("code", &code)])
        }
    };
    let block = popup_block(theme, format!(" {title} "));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let query = sanitize_line(picker.input.value()).into_owned();
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme.key()),
        Span::raw(query.clone()),
    ])];
    let height = (inner.height as usize).saturating_sub(1);
    let offset = picker.selected.saturating_sub(height.saturating_sub(1));
    if picker.candidates.is_empty() {
        lines.push(Line::styled(app.lang.t(Text::PickerEmpty), theme.dim()));
    }
    for (index, goal) in picker
        .candidates
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
    {
        let text = match goal {
            None => app.lang.t(Text::PickerTopLevel).to_string(),
            Some(goal) => {
                let Some(goal) = app.tree.goal(*goal) else {
                    continue;
                };
                format!(
                    "{} {}",
                    sanitize_line(&goal.code),
                    sanitize_line(&goal.title)
                )
            }
        };
        let style = if index == picker.selected {
            theme.selected()
        } else {
            theme.normal()
        };
        lines.push(Line::styled(cell(&text, inner.width as usize), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let cursor = inner.x + 2 + picker.input.visual_cursor() as u16;
    frame.set_cursor_position(Position::new(
        cursor.min(inner.right().saturating_sub(1)),
        inner.y,
    ));
}

pub fn filter(app: &App, theme: Theme, popup: &FilterPopup, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let rect = centered(area, 44, 5);
    frame.render_widget(Clear, rect);
    let block = popup_block(theme, format!(" {} ", lang.t(Text::CtxFilter)));
    let all = lang.t(Text::FilterAll).to_string();
    let values = [
        (
            Text::FieldStatus,
            popup
                .draft
                .status
                .map_or(all.clone(), |s| lang.status(s).to_string()),
        ),
        (
            Text::FieldFund,
            popup
                .draft
                .fund
                .map_or(all.clone(), |f| f.name().to_string()),
        ),
        (
            Text::FieldYear,
            popup.draft.year.map_or(all, |y| y.to_string()),
        ),
    ];
    let lines: Vec<Line> = values
        .into_iter()
        .enumerate()
        .map(|(row, (label, value))| {
            let style = if row == popup.row {
                theme.selected()
            } else {
                theme.normal()
            };
            Line::from(vec![
                Span::styled(cell(lang.t(label), 12), theme.label()),
                Span::styled(format!("◀ {} ▶", cell(&value, 20)), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// The export dialog: the formats as a list (↑/↓), the file name, and — after a refused
/// attempt — why nothing was written, wrapped, in the error colour.
pub fn export(
    app: &App,
    theme: Theme,
    dialog: &crate::app::export::ExportDialog,
    frame: &mut Frame,
    area: Rect,
) {
    use crate::app::export::FORMATS;
    let lang = app.lang;
    let width_wanted: u16 = 72;
    let inner_width = usize::from(width_wanted.min(area.width).saturating_sub(2));
    let error = dialog
        .error
        .as_deref()
        .map(|e| sanitize_line(e).into_owned());
    let error_rows = error.as_ref().map_or(0, |e| {
        u16::try_from(width(e).div_ceil(inner_width.max(1)).clamp(1, 3)).unwrap_or(3)
    });
    let rows = FORMATS.len() as u16 + 2 + error_rows;
    let rect = centered(area, width_wanted, rows + 2);
    frame.render_widget(Clear, rect);
    let block = popup_block(theme, format!(" {} ", lang.t(Text::CtxExport)));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [formats_area, file_area, error_area, hint_area] = inner.layout(&Layout::vertical([
        Constraint::Length(FORMATS.len() as u16),
        Constraint::Length(1),
        Constraint::Length(error_rows),
        Constraint::Length(1),
    ]));
    let formats = format_lines(app, theme, dialog);
    frame.render_widget(Paragraph::new(formats), formats_area);
    let label = cell(lang.t(Text::ExportFile), 10);
    let room = (file_area.width as usize).saturating_sub(10);
    let value = sanitize_line(dialog.path.value()).into_owned();
    let scroll = dialog.path.visual_scroll(room.max(1));
    let shown: String = value.chars().skip(scroll).collect();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label, theme.label()),
            Span::raw(cell(&shown, room)),
        ])),
        file_area,
    );
    if let Some(error) = error {
        frame.render_widget(
            Paragraph::new(Line::styled(error, theme.error())).wrap(Wrap { trim: true }),
            error_area,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::styled(lang.t(Text::ExportHint), theme.dim())),
        hint_area,
    );
    let cursor = dialog.path.visual_cursor().saturating_sub(scroll);
    let x = file_area.x + 10 + cursor as u16;
    frame.set_cursor_position(Position::new(
        x.min(file_area.right().saturating_sub(1)),
        file_area.y,
    ));
}

/// The export dialog's format list, the chosen one marked `▸` and highlighted.
fn format_lines(
    app: &App,
    theme: Theme,
    dialog: &crate::app::export::ExportDialog,
) -> Vec<Line<'static>> {
    use crate::app::export::{FORMATS, describe};
    let lang = app.lang;
    FORMATS
        .iter()
        .enumerate()
        .map(|(i, format)| {
            let label = if i == 0 {
                lang.t(Text::ExportFormat)
            } else {
                ""
            };
            let (name, description) = describe(*format);
            let chosen = *format == dialog.format;
            let marker = if chosen { "▸ " } else { "  " };
            let name_style = if chosen {
                theme.selected()
            } else {
                theme.normal()
            };
            Line::from(vec![
                Span::styled(cell(label, 10), theme.label()),
                Span::raw(marker),
                Span::styled(format!(" {} ", cell(name, 8)), name_style),
                Span::styled(format!(" {}", lang.t(description)), theme.dim()),
            ])
        })
        .collect()
}
