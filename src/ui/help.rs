//! The help overlay (`?`): every key of the current mode, generated from the keymap, in two
//! columns when the screen is wide enough; `j`/`k` scroll.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::keymap::{Context, TEXT_INPUT_KEYS, bindings_of, display_key, display_keys};
use crate::app::{App, Focus};
use crate::i18n::{Lang, Text};
use crate::text::{cell, width};

/// The contexts the help lists: the focused pane and all panes first, then every other mode,
/// so one screen documents every key.
fn help_contexts(app: &App) -> Vec<Context> {
    let (pane, other) = match app.focus {
        Focus::Tree => (Context::Tree, Context::Measures),
        _ => (Context::Measures, Context::Tree),
    };
    vec![
        pane,
        Context::Normal,
        other,
        Context::Form,
        Context::Search,
        Context::Picker,
        Context::Filter,
        Context::Report,
        Context::Export,
        Context::Confirm,
        Context::Messages,
        Context::Help,
        Context::Global,
    ]
}

/// Help lines (heading, then `keys  description`) for `contexts`.
pub fn help_lines(contexts: &[Context], lang: Lang) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for context in contexts {
        lines.push((format!("{}:", lang.t(context.title())), String::new()));
        for binding in bindings_of(*context) {
            lines.push((
                display_keys(binding, lang),
                lang.t(binding.help).to_string(),
            ));
        }
        if *context == Context::Form {
            for (keys, help) in TEXT_INPUT_KEYS {
                let keys: Vec<String> = keys.split(' ').map(|k| display_key(k, lang)).collect();
                lines.push((keys.join(" "), lang.t(*help).to_string()));
            }
        }
    }
    lines
}

/// Columns of the overlay for an inner width.
fn columns(inner_width: u16) -> usize {
    if inner_width >= 100 { 2 } else { 1 }
}

/// How far the help overlay can scroll on a `screen` of this size: its rows minus its height.
/// The app bounds `j` with it, so scrolling past the end and back is one step back.
pub fn max_scroll(app: &App, screen: Rect) -> u16 {
    let inner = Block::default()
        .borders(Borders::ALL)
        .inner(super::Areas::help(screen));
    let entries = help_lines(&help_contexts(app), app.lang).len();
    let rows = entries.div_ceil(columns(inner.width));
    u16::try_from(rows.saturating_sub(inner.height as usize)).unwrap_or(u16::MAX)
}

pub fn render(app: &App, theme: Theme, scroll: u16, frame: &mut Frame, area: Rect) {
    let entries = help_lines(&help_contexts(app), app.lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(format!(" {} ", app.lang.t(Text::HelpTitle)));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let key_width = entries
        .iter()
        .map(|(k, _)| width(k))
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
                let Some((keys, help)) = entries.get(column * per_column + row) else {
                    continue;
                };
                if help.is_empty() {
                    spans.push(Span::styled(cell(keys, column_width), theme.label()));
                } else {
                    spans.push(Span::styled(
                        format!(" {} ", cell(keys, key_width)),
                        theme.key(),
                    ));
                    let rest = column_width.saturating_sub(key_width + 2);
                    spans.push(Span::raw(cell(help, rest)));
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
