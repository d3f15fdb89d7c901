//! ratatui views: pure functions of `&App` that draw into a `Frame`. Nothing here changes data,
//! touches the store or writes to the terminal directly. Every piece of user text goes through
//! [`crate::text`] before it becomes a `Span`.
//!
//! Layout (80x24 and up):
//! ```text
//! ┌Ziele──────────┐┌Maßnahmen──────────────────┐
//! │ tree          ││ table of measures         │
//! │               │└───────────────────────────┘
//! │               │┌Details────────────────────┐
//! │               ││ the selected measure      │
//! └───────────────┘└───────────────────────────┘
//!  status bar: mode · message or key hints
//! ```

mod detail;
pub mod form;
mod help;
mod measures;
mod messages;
mod popup;
mod report;
mod status_bar;
#[cfg(test)]
mod tests;
pub mod theme;
mod tree;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

pub use theme::Theme;

use crate::app::{App, Focus, Mode};
use crate::i18n::Text;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 80;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 24;

/// Where everything goes on a screen of a given size. The views draw into these areas and the
/// app asks for them on a resize (page sizes, scroll bounds), so the view never has to tell the
/// app how big it drew anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// Panes and overlays (everything but the status bar).
    pub main: Rect,
    pub status: Rect,
    pub tree: Rect,
    pub table: Rect,
    pub detail: Rect,
}

impl Areas {
    /// The areas of a `screen` at least [`MIN_WIDTH`] x [`MIN_HEIGHT`].
    pub fn new(screen: Rect) -> Areas {
        let [main, status] = screen.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        let tree_width = (main.width * 3 / 8).clamp(30, 48);
        let [tree, right] = main.layout(&Layout::horizontal([
            Constraint::Length(tree_width),
            Constraint::Fill(1),
        ]));
        let table_height = (right.height * 2 / 5).max(7);
        let [table, detail] = right.layout(&Layout::vertical([
            Constraint::Length(table_height),
            Constraint::Fill(1),
        ]));
        Areas {
            main,
            status,
            tree,
            table,
            detail,
        }
    }

    /// The area the help overlay covers (the whole small screen below the minimum size).
    pub fn help(screen: Rect) -> Rect {
        if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
            screen
        } else {
            Areas::new(screen).main
        }
    }
}

/// Rows inside a bordered pane.
pub fn inner_height(area: Rect) -> usize {
    area.height.saturating_sub(2) as usize
}

pub use detail::max_scroll as detail_max_scroll;
pub use help::max_scroll as help_max_scroll;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let Areas { main, status, .. } = Areas::new(area);
    // The message log (`Ctrl-g`) is drawn over the mode it was opened from.
    let beneath = app.mode.beneath_messages();
    if let Mode::Report(view) = beneath {
        // The report covers the panes, so they are not drawn at all.
        report::render(app, view, frame, main);
    } else {
        panes_and_overlay(app, beneath, frame, main);
    }
    if let Mode::Messages { scroll, .. } = &app.mode {
        messages::render(app, *scroll, frame, main);
    }
    status_bar::render(app, frame, status);
}

/// The three panes and the popup or form of `mode` over them.
fn panes_and_overlay(app: &App, mode: &Mode, frame: &mut Frame, main: Rect) {
    let Areas {
        tree: tree_area,
        table: table_area,
        detail: detail_area,
        ..
    } = Areas::new(frame.area());
    let right = table_area.union(detail_area);
    tree::render(app, frame, tree_area);
    measures::render(app, frame, table_area);
    detail::render(app, frame, detail_area);
    match mode {
        Mode::Help { scroll } => help::render(app, *scroll, frame, main),
        Mode::Form(state) => form::render(&state.form, app.theme, right_or_all(main, right), frame),
        Mode::Confirm(confirm) => popup::confirm(app, confirm, frame, main),
        Mode::Picker(picker) => popup::picker(app, picker, frame, main),
        Mode::Filter(filter) => popup::filter(app, filter, frame, main),
        Mode::Export(dialog) => popup::export(app, dialog, frame, main),
        Mode::Normal | Mode::Search(_) | Mode::Report(_) | Mode::Messages { .. } => {}
    }
}

/// The notice for a terminal below the minimum size, with the keys that still work there; the
/// help overlay, when open, takes the whole small screen.
fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    if let Mode::Help { scroll } = &app.mode {
        help::render(app, *scroll, frame, area);
        return;
    }
    let keys = if matches!(app.mode, Mode::Normal) {
        Text::TooSmallKeys
    } else {
        Text::TooSmallKeysBusy
    };
    let text = vec![
        Line::from(app.lang.t(Text::TooSmall)).style(app.theme.error()),
        Line::from(app.lang.t(keys)),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// Forms get the whole main area below 120 columns, the right side above.
fn right_or_all(main: Rect, right: Rect) -> Rect {
    if main.width >= 120 { right } else { main }
}

/// A pane's frame: a border and title, highlighted when the pane has the keyboard.
fn pane_block<'a>(app: &App, title: Line<'a>, focus: Focus) -> Block<'a> {
    let focused = app.focus == focus && matches!(app.mode, Mode::Normal | Mode::Search(_));
    let style = if focused {
        app.theme.border_focused()
    } else {
        app.theme.border()
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}

/// The row style of a list entry.
fn row_style(app: &App, selected: bool, focus: Focus) -> ratatui::style::Style {
    if !selected {
        app.theme.normal()
    } else if app.focus == focus {
        app.theme.selected()
    } else {
        app.theme.selected_unfocused()
    }
}

/// The first row to show so that `selected` is visible, keeping the previous offset when
/// possible (scrolls like a list, not by pages).
fn scroll_offset(previous: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let mut offset = previous.min(len.saturating_sub(height));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset
}
