//! Where each pane goes on a screen of a given size. The app knows the screen size from the
//! resize it is told, so it can bound scrolling and paging itself; the views draw into the same
//! areas.

use ratatui::layout::{Constraint, Layout, Rect};

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

impl super::App {
    /// The terminal's size changed (and at start). Below the minimum size only quit, help and
    /// resizing do anything.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        self.screen = ratatui::layout::Rect::new(0, 0, width, height);
        self.follow_selection();
    }

    /// The terminal's size as last told by [`App::resize`].
    pub fn screen(&self) -> ratatui::layout::Rect {
        self.screen
    }

    /// True while the terminal is below the minimum size.
    pub fn too_small(&self) -> bool {
        self.too_small
    }
}
