//! The message log (`Ctrl-g`): the last status-bar messages, newest first, each with its time
//! and wrapped to the width, so a message the status bar had to cut can be read whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use crate::app::{App, MessageKind};
use crate::i18n::Text;
use crate::text::sanitize_line;

pub fn render(app: &App, theme: Theme, scroll: u16, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(format!(" {} ", app.lang.t(Text::MessagesTitle)));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = app
        .message_log()
        .map(|logged| {
            let style = match logged.message.kind {
                MessageKind::Info => theme.normal(),
                MessageKind::Success => theme.success(),
                MessageKind::Error => theme.error(),
            };
            Line::from(vec![
                Span::styled(format!("{} ", logged.at.format("%H:%M:%S")), theme.dim()),
                Span::styled(sanitize_line(&logged.message.text).into_owned(), style),
            ])
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(app.lang.t(Text::MessagesNone), theme.dim()));
    }
    // Rows after wrapping, at least (word wrapping can take a few more).
    let columns = usize::from(inner.width.max(1));
    let height: usize = lines
        .iter()
        .map(|line| line.width().div_ceil(columns).max(1))
        .sum();
    let max_scroll = u16::try_from(height)
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(paragraph.scroll((scroll.min(max_scroll), 0)), inner);
}
