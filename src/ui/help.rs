//! The help overlay (`?`): every key of the current mode, generated from the keymap, in two
//! columns when the screen is wide enough; `j`/`k` scroll.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::app::help::{columns, help_contexts, help_lines};
use crate::i18n::Text;
use crate::text::{cell, width};

pub fn render(app: &App, theme: Theme, scroll: u16, frame: &mut Frame, area: Rect) {
    let entries = help_lines(&app.keymap, &help_contexts(app), app.lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(format!(" {} ", app.lang.t(Text::HelpTitle)));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let key_width = entries
        .iter()
        .map(|(k, _, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(16);
    let columns = columns(inner.width);
    let column_width = inner.width as usize / columns;
    let per_column = entries.len().div_ceil(columns);
    let lines: Vec<Line> = (0..per_column)
        .map(|row| {
            let mut spans = Vec::new();
            for column in 0..columns {
                let Some((keys, help, name)) = entries.get(column * per_column + row) else {
                    continue;
                };
                if help.is_empty() {
                    spans.push(Span::styled(cell(keys, column_width), theme.label()));
                } else {
                    spans.push(Span::styled(
                        format!(" {} ", cell(keys, key_width)),
                        theme.key(),
                    ));
                    // The action's name (as the config file's `[keys]` names it) stays whole;
                    // the description gives way.
                    let rest = column_width.saturating_sub(key_width + 2);
                    let name = if name.is_empty() {
                        String::new()
                    } else {
                        format!(" {name} ")
                    };
                    let text = rest.saturating_sub(width(&name));
                    spans.push(Span::raw(cell(help, text)));
                    spans.push(Span::styled(name, theme.dim()));
                }
            }
            Line::from(spans)
        })
        .collect();
    let max_scroll = lines.len().saturating_sub(inner.height as usize) as u16;
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)),
        inner,
    );
}
