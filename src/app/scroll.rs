//! The scroll offsets of the goal tree and the measure table. The app keeps them and moves
//! them after every event, from the pane heights of the screen it was told about, the way
//! ratatui's `List` and `Table` scroll: the selected row stays where it is on screen while it is
//! visible, and the view scrolls just far enough when it leaves the pane. The views only read
//! them.

use ratatui::layout::Rect;

use super::layout::{Areas, inner_height};
use super::{App, ReportView};
use crate::model::Measure;

/// How far the views let the detail pane and the report scroll on a screen of a given size.
/// Only the views know (it depends on how they wrap and lay out text); the terminal side
/// passes theirs (`ui::SCROLL_BOUNDS`) to [`App::set_scroll_bounds`], so the app bounds
/// scrolling without drawing and without depending on the views.
#[derive(Clone, Copy, Debug)]
pub struct ScrollBounds {
    /// The detail pane's largest scroll for a measure.
    pub detail: fn(&App, &Measure, Rect) -> u16,
    /// The report's largest scroll.
    pub report: fn(&App, &ReportView, Rect) -> u16,
}

/// First rows shown of the tree and the table, and what bounds the other panes' scrolling.
#[derive(Clone, Copy, Debug, Default)]
pub struct ViewState {
    pub tree_offset: usize,
    pub table_offset: usize,
    /// Unset (tests of the app alone, benchmarks): the detail pane and the report scroll
    /// without bound.
    bounds: Option<ScrollBounds>,
}

impl App {
    /// Tells the app how far the views let the detail pane and the report scroll.
    pub fn set_scroll_bounds(&mut self, bounds: ScrollBounds) {
        self.view.bounds = Some(bounds);
    }

    /// How far the detail pane can scroll for the selected measure on the screen as last
    /// resized: 0 without a measure.
    pub fn detail_max_scroll(&self) -> u16 {
        match (self.selected_measure(), self.view.bounds) {
            (None, _) => 0,
            (Some(measure), Some(bounds)) => (bounds.detail)(self, &measure, self.screen()),
            (Some(_), None) => u16::MAX,
        }
    }

    /// How far the report can scroll on the screen as last resized.
    pub fn report_max_scroll(&self, report: &ReportView) -> u16 {
        self.view.bounds.map_or(u16::MAX, |bounds| {
            (bounds.report)(self, report, self.screen())
        })
    }

    /// Rows one page of the report scrolls: its body (the main area inside the border, below
    /// the tab row) less one row that stays in view.
    pub fn report_page(&self) -> u16 {
        let body = inner_height(Areas::new(self.screen()).main).saturating_sub(1);
        u16::try_from(body.saturating_sub(1).max(1)).unwrap_or(u16::MAX)
    }

    /// Scrolls the tree and the table so that their selected rows are on screen.
    pub(super) fn follow_selection(&mut self) {
        if self.too_small() {
            return;
        }
        let areas = Areas::new(self.screen());
        self.view.tree_offset = offset(
            self.view.tree_offset,
            self.tree.selected_row(),
            inner_height(areas.tree),
            self.tree.len(),
        );
        // The table's first row is its header.
        self.view.table_offset = offset(
            self.view.table_offset,
            self.pane.selected,
            inner_height(areas.table).saturating_sub(1),
            self.pane.rows.len(),
        );
    }
}

/// The first row to show so that `selected` is visible, keeping `previous` when possible
/// (scrolls like a list, not by pages).
pub(super) fn offset(previous: usize, selected: usize, height: usize, len: usize) -> usize {
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

#[cfg(test)]
pub(crate) mod tests {
    use super::offset;
    use crate::app::tests::{Fixture, fixture_with, press};
    use crate::model::Measure;
    use crate::ops::Op;
    use crate::store::Repository;

    /// The fixture plus 20 measures under goal 1.3: more than the table shows at 80x24.
    pub(crate) fn many_measures() -> Fixture {
        fixture_with(|store| {
            let goal = store.goal_by_code("1.3").unwrap().unwrap().id;
            for i in 0..20 {
                let measure = Measure::new(format!("Maßnahme {i:02}"));
                let op = Op::AddMeasure {
                    measure,
                    goals: vec![goal],
                };
                store.apply(op, "test").expect("add");
            }
        })
    }

    #[test]
    fn the_app_scrolls_the_table_itself_without_a_frame_drawn() {
        let mut f = many_measures();
        f.app.resize(80, 24);
        // `Alle Maßnahmen`, then the table: 6 rows fit under its header at 80x24.
        press(&mut f.app, "k<Tab>jjjjjjjjjj");
        assert_eq!(f.app.pane.selected, 10);
        assert_eq!(f.app.view.table_offset, 5);
        // Back up inside the rows on screen: nothing moves.
        press(&mut f.app, "kk");
        assert_eq!(f.app.view.table_offset, 5);
        press(&mut f.app, "kkkk");
        assert_eq!(f.app.view.table_offset, 4);
        // A taller screen shows everything from the top.
        f.app.resize(80, 100);
        assert_eq!(f.app.view.table_offset, 0);
    }

    #[test]
    fn the_offset_moves_only_when_the_selection_leaves_the_pane() {
        // 10 rows in view: moving inside them keeps the offset.
        assert_eq!(offset(0, 9, 10, 100), 0);
        assert_eq!(offset(0, 10, 10, 100), 1);
        assert_eq!(offset(5, 7, 10, 100), 5);
        assert_eq!(offset(5, 4, 10, 100), 4);
        // Fewer rows than before (a filter): no empty space below the last row.
        assert_eq!(offset(50, 3, 10, 12), 2);
        assert_eq!(offset(3, 0, 0, 5), 0);
    }
}
