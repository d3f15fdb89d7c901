//! The mouse (issue 16): a left click selects a goal or a measure and gives its pane the
//! keyboard (a click into the detail pane focuses it); the wheel scrolls the pane under the
//! pointer, whichever has the keyboard, and the help, report, history and message views; a
//! click on a tab of the report view switches to it. Positions are read against the same
//! [`Areas`] the views draw into, and the same scroll offsets, so nothing flows back from
//! drawing. Mouse capture can be switched off in the config file.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Block;

use super::layout::Areas;
use super::{Action, App, Focus, Mode, ReportTab};
use crate::i18n::Text;
use crate::text::width;

/// Rows (or lines) one step of the wheel moves.
pub const WHEEL_STEP: usize = 3;

impl App {
    /// One mouse event; returns whether anything changed.
    pub fn mouse(&mut self, event: MouseEvent) -> bool {
        if self.too_small() {
            return false;
        }
        let at = Position::new(event.column, event.row);
        let changed = match event.kind {
            MouseEventKind::Down(MouseButton::Left) => self.click(at),
            MouseEventKind::ScrollDown => self.wheel(at, Action::MoveDown),
            MouseEventKind::ScrollUp => self.wheel(at, Action::MoveUp),
            _ => false,
        };
        if changed {
            self.message = None;
            self.follow_selection();
            self.refresh_detail();
        }
        changed
    }

    fn click(&mut self, at: Position) -> bool {
        let areas = Areas::new(self.screen());
        if let Mode::Report(view) = &mut self.mode {
            return match report_tab_at(self.lang, areas.main, at) {
                Some(tab) if tab != view.tab => {
                    view.tab = tab;
                    view.scroll = 0;
                    true
                }
                _ => false,
            };
        }
        if !matches!(self.mode, Mode::Normal) {
            return false;
        }
        let inner = |area: Rect| Block::bordered().inner(area);
        let (tree, table, detail) = (inner(areas.tree), inner(areas.table), inner(areas.detail));
        if tree.contains(at) {
            let row = self.view.tree_offset + usize::from(at.y - tree.y);
            let Some(node) = self.tree.node_at(row) else {
                self.focus = Focus::Tree;
                return true;
            };
            self.focus = Focus::Tree;
            if node != self.tree.selected_node() {
                self.tree.select_node(node);
                self.goal_changed();
            }
            true
        } else if table.contains(at) {
            self.focus = Focus::Measures;
            // The table's first row is its header.
            if at.y > table.y {
                let row = self.view.table_offset + usize::from(at.y - table.y - 1);
                if row < self.pane.rows.len() && row != self.pane.selected {
                    self.pane.selected = row;
                    self.detail_scroll = 0;
                }
            }
            true
        } else if detail.contains(at) {
            self.focus = Focus::Detail;
            true
        } else {
            false
        }
    }

    /// The wheel: in normal mode the pane under the pointer moves (its selection, or the
    /// detail's text) without taking the keyboard; the views scroll as with `j`/`k`.
    fn wheel(&mut self, at: Position, action: Action) -> bool {
        match self.mode {
            Mode::Normal => {
                let areas = Areas::new(self.screen());
                let pane = [
                    (areas.tree, Focus::Tree),
                    (areas.table, Focus::Measures),
                    (areas.detail, Focus::Detail),
                ]
                .into_iter()
                .find(|(area, _)| area.contains(at));
                let Some((_, pane)) = pane else {
                    return false;
                };
                let focus = std::mem::replace(&mut self.focus, pane);
                for _ in 0..WHEEL_STEP {
                    self.update(action);
                }
                self.focus = focus;
                true
            }
            Mode::Help { .. } | Mode::Report(_) | Mode::History(_) | Mode::Messages { .. } => {
                for _ in 0..WHEEL_STEP {
                    self.update(action);
                }
                true
            }
            _ => false,
        }
    }
}

/// The report tab under `at`, the view covering `main`: the tab row is the first row inside its
/// border, each title with a space either side, one divider between them (as drawn in
/// `ui::report`).
fn report_tab_at(lang: crate::i18n::Lang, main: Rect, at: Position) -> Option<ReportTab> {
    let inner = Block::bordered().inner(main);
    if at.y != inner.y || at.x < inner.x {
        return None;
    }
    let x = usize::from(at.x - inner.x);
    let tabs = [
        (ReportTab::Money, Text::ReportTabFunds),
        (ReportTab::Attainment, Text::ReportAttainment),
        (ReportTab::Pots, Text::ReportTabPots),
        (ReportTab::Decisions, Text::ReportTabDecisions),
        (ReportTab::Deadlines, Text::ReportTabDeadlines),
    ];
    let mut start = 0;
    for (tab, title) in tabs {
        let end = start + width(lang.t(title)) + 2;
        if (start..end).contains(&x) {
            return Some(tab);
        }
        // One column of divider between two titles.
        start = end + 1;
    }
    None
}
