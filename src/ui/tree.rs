//! The goal tree pane: code, title cut to fit, and the number of linked measures (a goal counts
//! those of its sub-goals too).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane_block, row_style, scroll_offset};
use crate::app::{App, Focus};
use crate::i18n::Text;
use crate::text::{sanitize_line, truncate, width};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let title = Line::from(format!(" {} ", app.lang.t(Text::PaneGoals)));
    let block = pane_block(app, title, Focus::Tree);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let offset = scroll_offset(
        app.view.tree_offset.get(),
        app.tree.selected_row(),
        height,
        app.tree.len(),
    );
    app.view.tree_offset.set(offset);
    app.view.tree_height.set(height);
    if app.tree.is_empty() {
        frame.render_widget(Paragraph::new(app.lang.t(Text::NoGoals)), inner);
        return;
    }
    let columns = inner.width as usize;
    let lines: Vec<Line> = app
        .tree
        .rows()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(index, row)| {
            let marker = match (row.has_children, row.expanded) {
                (true, true) => "▾ ",
                (true, false) => "▸ ",
                _ => "  ",
            };
            let indent = "  ".repeat(row.depth.min(6));
            let count = app.count(row.goal.id);
            let count = if count > 0 {
                format!(" {count}")
            } else {
                String::new()
            };
            let code = sanitize_line(&row.goal.code);
            let head = format!("{indent}{marker}{code} ");
            let room = columns.saturating_sub(width(&head) + width(&count));
            let title = sanitize_line(&row.goal.title);
            let title = truncate(&title, room);
            let pad = columns.saturating_sub(width(&head) + width(&title) + width(&count));
            let style = row_style(app, index == app.tree.selected_row(), Focus::Tree);
            Line::from(vec![
                Span::raw(head),
                Span::raw(title.into_owned()),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.dim()),
            ])
            .style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
