//! The goal tree pane: `Alle Maßnahmen (n)` first, then each goal's code, title cut to fit, and
//! the number of linked measures (a goal counts those of its sub-goals too), and `Ohne Ziel (n)`
//! last while there are measures without a goal.
//!
//! A ratatui [`List`]; the app owns the scroll offset ([`crate::app::ViewState`]) and the view
//! draws from a copy of it, so nothing flows back from drawing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{Theme, pane_block, selected_style};
use crate::app::tree::{Row, TreeRow};
use crate::app::{App, Focus, Node};
use crate::i18n::Text;
use crate::text::{sanitize_line, truncate, width};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let title = Line::from(format!(" {} ", app.lang.t(Text::PaneGoals)));
    let block = pane_block(app, theme, title, Focus::Tree);
    let columns = block.inner(area).width as usize;
    let mut items: Vec<ListItem> = app
        .tree
        .all_rows()
        .map(|row| match row {
            Row::All => virtual_row(app, theme, Text::TreeAll, Node::All, columns),
            Row::Orphans => virtual_row(app, theme, Text::TreeOrphans, Node::Orphans, columns),
            Row::Goal(row) => goal_row(app, theme, row, columns),
        })
        .map(|line| ListItem::new(line).style(theme.normal()))
        .collect();
    let mut selected = app.tree.selected_row();
    if app.tree.is_empty() {
        // The notice goes below `Alle Maßnahmen`; the rows after it move down one.
        let notice = Line::styled(app.lang.t(Text::NoGoals), theme.dim());
        items.insert(1.min(items.len()), ListItem::new(notice));
        if selected >= 1 {
            selected += 1;
        }
    }
    let list = List::new(items)
        .block(block)
        .highlight_style(selected_style(app, theme, Focus::Tree));
    let mut state = ListState::default()
        .with_offset(app.view.tree_offset)
        .with_selected(Some(selected));
    frame.render_stateful_widget(list, area, &mut state);
}

/// `Alle Maßnahmen (12)` / `Ohne Ziel (1)`, in the label style to set them apart from goals.
fn virtual_row<'a>(app: &App, theme: Theme, name: Text, node: Node, columns: usize) -> Line<'a> {
    let text = format!("{} ({})", app.lang.t(name), app.count_node(node));
    let text = truncate(&text, columns).into_owned();
    Line::from(Span::styled(text, theme.label()))
}

fn goal_row<'a>(app: &App, theme: Theme, row: TreeRow<'_>, columns: usize) -> Line<'a> {
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
    // A goal a colleague has open in a form: `✎ anna` after the title, as in the table.
    let mark = app
        .goal_edited_by(row.goal.id)
        .map(|name| super::measures::editing_mark(name, room))
        .unwrap_or_default();
    let room = room.saturating_sub(width(&mark));
    let title = sanitize_line(&row.goal.title);
    let title = truncate(&title, room);
    let pad = columns.saturating_sub(width(&head) + width(&title) + width(&mark) + width(&count));
    Line::from(vec![
        Span::raw(head),
        Span::raw(title.into_owned()),
        Span::styled(mark, theme.warning()),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.dim()),
    ])
}
