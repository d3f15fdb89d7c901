//! Which-key (issue 16): after the first key of a sequence from the config file (`Space` of
//! `Space d`), a box at the bottom right lists the keys that may follow, with what they do and
//! the action's name — as helix and lazygit do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::app::keymap::{action_name, display_key};
use crate::text::{cell, width};

/// Draws the box over the bottom right of `main` while a key sequence waits for its next key.
pub fn render(app: &App, theme: Theme, frame: &mut Frame, main: Rect) {
    let Some(pending) = app.pending_sequence() else {
        return;
    };
    let lang = app.lang;
    let rows: Vec<(String, String, String)> = app
        .keymap
        .continuations(&app.contexts(), &pending)
        .into_iter()
        .map(|(rest, binding)| {
            let help = lang.t(binding.help).to_string();
            (display_key(&rest, lang), help, action_name(binding.action))
        })
        .collect();
    let key_width = rows.iter().map(|(k, _, _)| width(k)).max().unwrap_or(0);
    let line_width = rows
        .iter()
        .map(|(_, help, name)| key_width + width(help) + width(name) + 5)
        .max()
        .unwrap_or(0);
    let title = format!(" {} … ", display_key(&pending, lang));
    let inner_width = line_width
        .max(width(&title) + 2)
        .min(main.width.saturating_sub(2) as usize);
    let height = (rows.len() as u16 + 2).min(main.height);
    let area = Rect {
        x: main.right().saturating_sub(inner_width as u16 + 2),
        y: main.bottom().saturating_sub(height),
        width: (inner_width as u16 + 2).min(main.width),
        height,
    };
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(key, help, name)| {
            let name = format!(" {name}");
            let text = inner_width.saturating_sub(key_width + 2 + width(&name));
            Line::from(vec![
                Span::styled(format!(" {} ", cell(&key, key_width)), theme.key()),
                Span::raw(cell(&help, text)),
                Span::styled(name, theme.dim()),
            ])
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(title);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
