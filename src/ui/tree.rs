//! The goal tree pane: `Alle Maßnahmen (n)` first, then each goal's code, title cut to fit, and
//! the number of linked measures (a goal counts those of its sub-goals too), and `Ohne Ziel (n)`
//! last while there are measures without a goal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane_block, row_style, scroll_offset};
use crate::app::tree::{Row, TreeRow};
use crate::app::{App, Focus, Node};
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
    let columns = inner.width as usize;
    let mut lines: Vec<Line> = app
        .tree
        .all_rows()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(index, row)| {
            let style = row_style(app, index == app.tree.selected_row(), Focus::Tree);
            let line = match row {
                Row::All => virtual_row(app, Text::TreeAll, Node::All, columns),
                Row::Orphans => virtual_row(app, Text::TreeOrphans, Node::Orphans, columns),
                Row::Goal(row) => goal_row(app, row, columns),
            };
            line.style(style)
        })
        .collect();
    if app.tree.is_empty() && lines.len() < height {
        lines.insert(1, Line::styled(app.lang.t(Text::NoGoals), app.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `Alle Maßnahmen (12)` / `Ohne Ziel (1)`, in the label style to set them apart from goals.
fn virtual_row<'a>(app: &App, name: Text, node: Node, columns: usize) -> Line<'a> {
    let text = format!("{} ({})", app.lang.t(name), app.count_node(node));
    let text = truncate(&text, columns).into_owned();
    Line::from(Span::styled(text, app.theme.label()))
}

fn goal_row<'a>(app: &App, row: TreeRow<'_>, columns: usize) -> Line<'a> {
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
    Line::from(vec![
        Span::raw(head),
        Span::raw(title.into_owned()),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, app.theme.dim()),
    ])
}
