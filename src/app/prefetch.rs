//! After the first frame, while the user does nothing, the table rows of every measure are read
//! a page at a time (and the search index is built from the same pages), so a first visit of a
//! goal sorts rows already in memory instead of decoding thousands of records. The event loop
//! calls [`App::prefetch_step`] whenever no input is waiting; one page takes a few
//! milliseconds, so a key pressed meanwhile waits at most that long. After that, still in idle
//! time, the rows of every goal are sorted one goal per step and kept, so that even a goal's
//! first visit finds them ready (with the table's sort and filter at that time).

use super::measures::Cached;
use super::search::{SearchIndex, goal_order, place_of};
use super::{App, MeasureRow};
use crate::model::MeasureId;

/// Measures read per step.
pub const PAGE: usize = 250;

/// How far the reading got.
#[derive(Debug)]
pub struct Prefetch {
    /// The last measure read.
    after: MeasureId,
    /// The search index being built from the same pages; dropped when data changes meanwhile
    /// or a search built its own.
    index: Option<SearchIndex>,
    /// The measures the pane waits for (see [`App::wait_for_rows`]), read before the pages.
    waiting: Option<Vec<MeasureId>>,
    /// Set when idle work changed what the screen shows.
    redraw: bool,
}

impl Prefetch {
    fn new() -> Prefetch {
        Prefetch {
            after: MeasureId(0),
            index: Some(SearchIndex::default()),
            waiting: None,
            redraw: false,
        }
    }
}

impl App {
    /// Whether work remains for idle time: rows to read, goals whose rows to sort, or the
    /// report to prepare (see `report_prep`).
    pub fn prefetching(&self) -> bool {
        self.prefetch.is_some() || self.prewarm || self.report_prep.has_work()
    }

    /// One piece of idle-time work: reads the next page of measures into the row cache, or,
    /// once all are read, sorts the rows of one more goal not yet visited, then prepares the
    /// report view's figures; false when nothing is left. A read that fails ends the reading (goals are then read as they are visited)
    /// and says why.
    pub fn prefetch_step(&mut self) -> bool {
        let Some(mut prefetch) = self.prefetch.take() else {
            if self.prewarm {
                self.prewarm = self.prewarm_step();
                return true;
            }
            return self.report_prep_step();
        };
        if let Some(waiting) = prefetch.waiting.take() {
            self.prefetch = Some(prefetch);
            self.read_waiting(waiting);
            return true;
        }
        let page = match self.store.measures_after(prefetch.after, PAGE) {
            Ok(page) => page,
            Err(error) => {
                self.say_error(&error);
                return false;
            }
        };
        let done = page.len() < PAGE;
        if self.search_index.is_some() {
            prefetch.index = None;
        }
        let order = prefetch.index.as_ref().map(|_| goal_order(self));
        for measure in page {
            prefetch.after = measure.id;
            if let (Some(index), Some(order)) = (&mut prefetch.index, &order)
                && let Some(place) = place_of(order, &self.links, measure.id)
            {
                index.push(place, &measure);
            }
            self.cache.insert(measure.id, Cached::new(measure));
        }
        if !done {
            self.prefetch = Some(prefetch);
            return true;
        }
        if let Some(mut index) = prefetch.index {
            index.finish();
            self.search_index = Some(index);
        }
        // The table's default order, so the first visit of any goal sorts numbers.
        self.make_ranks(self.pane.sort);
        self.prewarm = true;
        true
    }

    /// While the background reading runs, a pane whose goal has many measures not read yet
    /// waits for them instead of reading them all at once (tens of thousands take a quarter
    /// of a second at 100 000 measures, and keys would wait that long): idle time reads them
    /// first, a page per step, then the pane is filled. True when the pane waits.
    pub(super) fn wait_for_rows(&mut self, rows: &[MeasureRow]) -> bool {
        let cache = &self.cache;
        let Some(prefetch) = &mut self.prefetch else {
            return false;
        };
        let missing: Vec<MeasureId> = rows
            .iter()
            .map(|row| row.id)
            .filter(|id| !cache.contains_key(id))
            .collect();
        prefetch.waiting = (missing.len() > PAGE).then_some(missing);
        prefetch.waiting.is_some()
    }

    /// The pane shows rows that need no reading.
    pub(super) fn stop_waiting(&mut self) {
        if let Some(prefetch) = &mut self.prefetch {
            prefetch.waiting = None;
        }
    }

    /// Whether the measure pane waits for its rows (it says `werden geladen`).
    pub fn pane_waiting(&self) -> bool {
        self.prefetch.as_ref().is_some_and(|p| p.waiting.is_some())
    }

    /// Whether idle work changed what the screen shows since the last call.
    pub fn take_idle_redraw(&mut self) -> bool {
        self.prefetch
            .as_mut()
            .is_some_and(|p| std::mem::take(&mut p.redraw))
    }

    /// Reads the next page of the measures the pane waits for; fills the pane when none is
    /// left. A failed read ends the background reading (the pane then reads as it always did).
    fn read_waiting(&mut self, mut waiting: Vec<MeasureId>) {
        let page = waiting.split_off(waiting.len().saturating_sub(PAGE));
        let wanted: Vec<MeasureId> = page
            .into_iter()
            .filter(|id| !self.cache.contains_key(id))
            .collect();
        match self.store.measures_by_id(&wanted) {
            Ok(found) => {
                for measure in found {
                    self.cache.insert(measure.id, Cached::new(measure));
                }
            }
            Err(error) => {
                self.prefetch = None;
                self.say_error(&error);
                self.fill_pane();
                return;
            }
        }
        if waiting.is_empty() {
            self.fill_pane();
            self.follow_selection();
            self.refresh_detail();
            if let Some(prefetch) = &mut self.prefetch {
                prefetch.redraw = true;
            }
        } else if let Some(prefetch) = &mut self.prefetch {
            prefetch.waiting = Some(waiting);
        }
    }

    /// Reads every measure's row now (tests and benchmarks; the TUI reads them in idle time).
    pub fn prefetch_all(&mut self) {
        while self.prefetch_step() {}
    }

    /// Starts reading every measure's row from the first (at start and after everything was
    /// read again).
    pub(super) fn restart_prefetch(&mut self) {
        self.prefetch = Some(Prefetch::new());
        self.prewarm = false;
        self.report_prep.stale();
        self.ranks.clear();
    }

    /// Data changed while the pages were read: the pages already read are patched like the
    /// rest, but the half-built search index would miss the change, so it is given up (the
    /// first search builds its own).
    pub(super) fn prefetch_saw_change(&mut self) {
        if let Some(prefetch) = &mut self.prefetch {
            prefetch.index = None;
        }
    }
}
