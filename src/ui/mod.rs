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

mod conflict;
mod course;
mod detail;
pub mod form;
mod help;
mod history;
mod measures;
mod messages;
mod payments;
mod popup;
mod report;
mod sessions;
mod status_bar;
mod termine;
#[cfg(test)]
mod tests;
pub mod theme;
mod tree;
mod which_key;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

pub use theme::Theme;

use crate::app::{App, Focus, Mode, ScrollBounds};
use crate::i18n::Text;

pub use crate::app::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, inner_height};

/// How far the views let the detail pane and the report scroll: the terminal side hands this
/// to the app ([`App::set_scroll_bounds`]), which bounds `j`/`k`/`PgDn` with it.
pub const SCROLL_BOUNDS: ScrollBounds = ScrollBounds {
    detail: detail_max_scroll,
    report: report::max_scroll,
};

/// How far the detail pane can scroll for `measure` on a `screen` of this size (the same
/// wrapping as drawn).
fn detail_max_scroll(app: &App, measure: &crate::model::Measure, screen: Rect) -> u16 {
    detail::max_scroll(app, Some(measure), screen)
}

/// Draws the whole screen in `theme` (the terminal side owns the theme; the app does not).
pub fn render(app: &App, theme: Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, theme, frame, area);
        return;
    }
    let Areas { main, status, .. } = Areas::new(area);
    // The message log (`Ctrl-g`) is drawn over the mode it was opened from.
    let beneath = app.mode.beneath_messages();
    if let Mode::Report(view) = beneath {
        // The report covers the panes, so they are not drawn at all.
        report::render(app, theme, view, frame, main);
    } else if let Mode::History(view) = beneath {
        history::render(app, theme, view, frame, main);
    } else if let Mode::Payments(view) = beneath {
        payments::render(app, theme, view, frame, main);
    } else if let Mode::Sessions(view) = beneath {
        sessions::render(app, theme, view, frame, main);
    } else if let Mode::Termine(view) = beneath {
        termine::render(app, theme, view, frame, main);
    } else if let Mode::Confirm(confirm) = beneath
        && let crate::app::Pending::DeletePayment { view, .. } = &confirm.pending
    {
        // Deleting a payment asks over the payments view.
        payments::render(app, theme, view, frame, main);
        popup::confirm(app, theme, confirm, frame, main);
    } else {
        panes_and_overlay(app, theme, beneath, frame, main);
    }
    if let Mode::Messages { scroll, .. } = &app.mode {
        messages::render(app, theme, *scroll, frame, main);
    }
    which_key::render(app, theme, frame, main);
    status_bar::render(app, theme, frame, status);
}

/// The three panes and the popup or form of `mode` over them.
fn panes_and_overlay(app: &App, theme: Theme, mode: &Mode, frame: &mut Frame, main: Rect) {
    let Areas {
        tree: tree_area,
        table: table_area,
        detail: detail_area,
        ..
    } = Areas::new(frame.area());
    let right = table_area.union(detail_area);
    tree::render(app, theme, frame, tree_area);
    measures::render(app, theme, frame, table_area);
    detail::render(app, theme, frame, detail_area);
    match mode {
        Mode::Help { scroll } => help::render(app, theme, *scroll, frame, main),
        Mode::Course { scroll } => course::render(app, theme, *scroll, frame, main),
        Mode::SetStatus(dialog) => course::status_dialog(app, theme, dialog, frame, main),
        Mode::Form(state) => form::render(
            &state.form,
            &app.keymap,
            theme,
            right_or_all(main, right),
            frame,
        ),
        Mode::Conflict(c) => {
            form::render(
                &c.form.form,
                &app.keymap,
                theme,
                right_or_all(main, right),
                frame,
            );
            conflict::render(app, theme, c, frame, main);
        }
        Mode::Confirm(confirm) => popup::confirm(app, theme, confirm, frame, main),
        Mode::Picker(picker) => popup::picker(app, theme, picker, frame, main),
        Mode::Filter(filter) => popup::filter(app, theme, filter, frame, main),
        Mode::Export(dialog) => popup::export(app, theme, dialog, frame, main),
        Mode::Normal
        | Mode::Search(_)
        | Mode::Report(_)
        | Mode::History(_)
        | Mode::Payments(_)
        | Mode::Sessions(_)
        | Mode::Termine(_)
        | Mode::Messages { .. } => {}
    }
}

/// The notice for a terminal below the minimum size, with the keys that still work there; the
/// help overlay, when open, takes the whole small screen.
fn too_small(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    if let Mode::Help { scroll } = &app.mode {
        help::render(app, theme, *scroll, frame, area);
        return;
    }
    let keys = if matches!(app.mode, Mode::Normal) {
        Text::TooSmallKeys
    } else {
        Text::TooSmallKeysBusy
    };
    let text = vec![
        Line::from(app.lang.t(Text::TooSmall)).style(theme.error()),
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
fn pane_block<'a>(app: &App, theme: Theme, title: Line<'a>, focus: Focus) -> Block<'a> {
    let focused = app.focus == focus && matches!(app.mode, Mode::Normal | Mode::Search(_));
    let style = if focused {
        theme.border_focused()
    } else {
        theme.border()
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}

/// The style of the selected row of a pane: reverse video while the pane has the keyboard.
fn selected_style(app: &App, theme: Theme, focus: Focus) -> ratatui::style::Style {
    if app.focus == focus {
        theme.selected()
    } else {
        theme.selected_unfocused()
    }
}
