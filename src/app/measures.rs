//! The measure pane's data: which measures belong to the selected goal (through links, for a
//! strategic goal also through its sub-goals), in which order, after which filter.

use std::collections::HashMap;

use chrono::NaiveDate;

mod links;
pub use links::{LinkIndex, reach};

use crate::model::{Cents, Fund, GoalId, Measure, MeasureId, Status, runs_between};

/// The column the measure table is sorted by; `s` cycles through them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortColumn {
    #[default]
    Title,
    Organisation,
    Fund,
    Approved,
    Status,
    Runtime,
}

impl SortColumn {
    /// The next column in the cycle.
    pub fn next(self) -> SortColumn {
        use SortColumn::*;
        match self {
            Title => Organisation,
            Organisation => Fund,
            Fund => Approved,
            Approved => Status,
            Status => Runtime,
            Runtime => Title,
        }
    }

    /// The order of two measures in a table sorted by this column: the order
    /// [`MeasurePane::fill_rows`] sorts in, for putting one changed row at its place.
    pub fn order(self, a: &Cached, b: &Cached) -> std::cmp::Ordering {
        match self {
            SortColumn::Title => {
                (a.title.to_lowercase(), a.id).cmp(&(b.title.to_lowercase(), b.id))
            }
            SortColumn::Organisation => {
                (a.organisation.to_lowercase(), a.id).cmp(&(b.organisation.to_lowercase(), b.id))
            }
            _ => self.compare(a, b),
        }
    }

    fn compare(self, a: &Cached, b: &Cached) -> std::cmp::Ordering {
        match self {
            // Text columns are sorted by keys made once per sort (see `MeasurePane::fill`).
            SortColumn::Title | SortColumn::Organisation => std::cmp::Ordering::Equal,
            SortColumn::Fund => a.fund.map(|f| f.name()).cmp(&b.fund.map(|f| f.name())),
            // Largest amounts first: that is what one looks for.
            SortColumn::Approved => b.approved.cmp(&a.approved),
            SortColumn::Status => a.status.cmp(&b.status),
            SortColumn::Runtime => (a.start, a.end).cmp(&(b.start, b.end)),
        }
        .then(a.id.cmp(&b.id))
    }
}

/// What the measure table needs of a measure: its columns. The full measure (description,
/// notes, indicators …) is read from the store only for the selected one: keeping every
/// visited measure whole cost ~0.9 KB each, 90 MB at 100 000 measures.
#[derive(Clone, Debug, PartialEq)]
pub struct Cached {
    pub id: MeasureId,
    pub title: Box<str>,
    pub organisation: Box<str>,
    pub fund: Option<Fund>,
    pub approved: Option<Cents>,
    pub status: Status,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Columns the Träger needs on screen (after making it safe to show).
    pub organisation_width: u16,
}

impl Cached {
    /// The table's view of a measure.
    pub fn new(measure: Measure) -> Cached {
        let organisation_width =
            crate::text::width(&crate::text::sanitize_line(&measure.organisation));
        Cached {
            organisation_width: u16::try_from(organisation_width).unwrap_or(u16::MAX),
            id: measure.id,
            title: measure.title.into(),
            organisation: measure.organisation.into(),
            fund: measure.fund,
            approved: measure.approved,
            status: measure.status,
            start: measure.start,
            end: measure.end,
        }
    }
}

/// Whether a measure is overdue on `today`: its end date has passed while it is still
/// `laufend` or `bewilligt`.
/// The one rule lives in the model ([`crate::model::overdue`]); the report uses it too.
pub fn overdue(status: Status, end: Option<NaiveDate>, today: NaiveDate) -> bool {
    crate::model::overdue(status, end, today)
}

/// What the widest value of each column needs over all shown rows (not only those on screen,
/// so columns keep their width while scrolling). The title column gets what the others leave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnWidths {
    pub organisation: usize,
    pub fund: usize,
    pub approved: usize,
    pub runtime: usize,
    /// Bit `i` is set when `Status::ALL[i]` occurs (labels differ by language).
    pub statuses: u32,
    /// Whether any shown measure is overdue (see [`overdue`]).
    pub overdue: bool,
}

impl ColumnWidths {
    /// The widths of `rows`, overdue counted on `today` (none without a day).
    pub fn of<'m>(rows: impl Iterator<Item = &'m Cached>, today: Option<NaiveDate>) -> Self {
        use crate::text::width;
        let mut widths = ColumnWidths::default();
        let (mut low, mut high) = (None::<Cents>, None::<Cents>);
        for m in rows {
            widths.organisation = widths.organisation.max(usize::from(m.organisation_width));
            widths.fund = widths.fund.max(m.fund.map_or(0, |f| width(f.name())));
            if let Some(amount) = m.approved {
                low = Some(low.map_or(amount, |l| l.min(amount)));
                high = Some(high.map_or(amount, |h| h.max(amount)));
            }
            // `01.03.2026–31.12.2027`: 10 columns per date and the dash.
            let runtime = match (m.start, m.end) {
                (None, None) => 0,
                (Some(_), Some(_)) => 21,
                _ => 11,
            };
            widths.runtime = widths.runtime.max(runtime);
            if let Some(i) = Status::ALL.iter().position(|s| *s == m.status) {
                widths.statuses |= 1 << i;
            }
            widths.overdue |= today.is_some_and(|t| overdue(m.status, m.end, t));
        }
        widths.approved = [low, high]
            .into_iter()
            .flatten()
            .map(|c| width(&c.format_de()))
            .max()
            .unwrap_or(0);
        widths
    }

    /// Makes room for what `other` needs too (a row added to the table). Widths never shrink
    /// here: after a row left, a column may stay wider than needed until the rows are sorted
    /// anew.
    pub fn widen(&mut self, other: &ColumnWidths) {
        self.organisation = self.organisation.max(other.organisation);
        self.fund = self.fund.max(other.fund);
        self.approved = self.approved.max(other.approved);
        self.runtime = self.runtime.max(other.runtime);
        self.statuses |= other.statuses;
        self.overdue |= other.overdue;
    }
}

/// What the measure pane shows; every criterion is optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub status: Option<Status>,
    pub fund: Option<Fund>,
    /// Measures running at some time in this calendar year.
    pub year: Option<i32>,
}

impl Filter {
    /// Whether any criterion is set.
    pub fn is_active(&self) -> bool {
        self.status.is_some() || self.fund.is_some() || self.year.is_some()
    }

    /// Whether a row passes.
    pub fn matches(&self, row: &Cached) -> bool {
        self.status.is_none_or(|s| row.status == s)
            && self.fund.is_none_or(|f| row.fund == Some(f))
            && self
                .year
                .is_none_or(|year| runs_between(row.start, row.end, year))
    }
}

/// One row of the measure table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeasureRow {
    pub id: MeasureId,
    /// The goal the measure is linked through (the selected goal or one of its sub-goals; under
    /// `Alle Maßnahmen` its primary goal); none for a measure without a goal.
    pub via: Option<GoalId>,
    /// Whether `via` is the measure's primary goal.
    pub primary: bool,
}

/// One row per measure linked to a goal of `subtree`, through its primary goal when that is
/// in the subtree.
pub fn rows_of(subtree: &[GoalId], links: &LinkIndex) -> Vec<MeasureRow> {
    let mut rows: HashMap<MeasureId, MeasureRow> = HashMap::new();
    for goal in subtree {
        for (id, primary) in links.measures_of(*goal) {
            let row = MeasureRow {
                id: *id,
                via: Some(*goal),
                primary: *primary,
            };
            rows.entry(*id)
                .and_modify(|old| {
                    if row.primary && !old.primary {
                        *old = row;
                    }
                })
                .or_insert(row);
        }
    }
    rows.into_values().collect()
}

/// One row per measure of `ids`, through its primary goal (none without a goal).
pub fn rows_of_all(ids: &[MeasureId], links: &LinkIndex) -> Vec<MeasureRow> {
    ids.iter()
        .map(|id| {
            let first = links.goals_of(*id).first();
            MeasureRow {
                id: *id,
                via: first.map(|(goal, _)| *goal),
                primary: first.is_some_and(|(_, primary)| *primary),
            }
        })
        .collect()
}

/// One row per measure of `ids`, which have no goal.
pub fn rows_without_goal(ids: &[MeasureId]) -> Vec<MeasureRow> {
    ids.iter()
        .map(|id| MeasureRow {
            id: *id,
            via: None,
            primary: false,
        })
        .collect()
}

/// The rows of the measure pane and the selection among them.
#[derive(Clone, Debug, Default)]
pub struct MeasurePane {
    pub rows: Vec<MeasureRow>,
    /// Measures linked before the filter.
    pub unfiltered: usize,
    pub selected: usize,
    pub sort: SortColumn,
    pub filter: Filter,
    /// The widest value of each column over the shown rows.
    pub widths: ColumnWidths,
    /// The day overdue measures are counted from (`$QUARTIER_TODAY` or today).
    pub today: Option<NaiveDate>,
}

impl MeasurePane {
    /// Fills the rows for the goals in `subtree` (the selected goal first). `measure` looks a
    /// measure up (from the cache); rows whose measure is missing are skipped. The previously
    /// selected measure stays selected if it is still there.
    pub fn fill<'m>(
        &mut self,
        subtree: &[GoalId],
        links: &LinkIndex,
        measure: impl Fn(MeasureId) -> Option<&'m Cached>,
    ) {
        self.fill_rows(rows_of(subtree, links), measure, None);
    }

    /// Filters and sorts `rows` (one per measure) and shows them; see [`MeasurePane::fill`].
    /// `ranks`, when given, is the order of every measure by the sorted text column.
    pub fn fill_rows<'m>(
        &mut self,
        rows: Vec<MeasureRow>,
        measure: impl Fn(MeasureId) -> Option<&'m Cached>,
        ranks: Option<&super::ranks::Ranks>,
    ) {
        let keep = self.selected_id();
        self.unfiltered = rows.len();
        let mut rows: Vec<(MeasureRow, &Cached)> = rows
            .into_iter()
            .filter_map(|row| measure(row.id).map(|m| (row, m)))
            .filter(|(_, m)| self.filter.matches(m))
            .collect();
        let sort = self.sort;
        // Text columns: one lower-cased key per row and sort (not per comparison, which was the
        // slowest step of the TUI; not stored per measure, which cost memory at 100 000).
        if let Some(ranks) = ranks.filter(|_| super::ranks::ranked(sort)) {
            rows.sort_by_cached_key(|(_, m)| (ranks.of(m.id).unwrap_or(u32::MAX), m.id));
        } else if sort == SortColumn::Title {
            rows.sort_by_cached_key(|(_, m)| (m.title.to_lowercase(), m.id));
        } else if sort == SortColumn::Organisation {
            rows.sort_by_cached_key(|(_, m)| (m.organisation.to_lowercase(), m.id));
        } else {
            rows.sort_by(|a, b| sort.compare(a.1, b.1));
        }
        self.widths = ColumnWidths::of(rows.iter().map(|(_, m)| *m), self.today);
        self.rows = rows.into_iter().map(|(row, _)| row).collect();
        self.select(keep);
    }

    /// Shows rows computed earlier (see [`MeasurePane::fill`]).
    pub fn set_rows(&mut self, rows: Vec<MeasureRow>, unfiltered: usize, widths: ColumnWidths) {
        let keep = self.selected_id();
        self.rows = rows;
        self.unfiltered = unfiltered;
        self.widths = widths;
        self.select(keep);
    }

    /// Selects `keep` if it is among the rows, else the first row.
    fn select(&mut self, keep: Option<MeasureId>) {
        self.selected = keep
            .and_then(|id| self.position(id))
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<MeasureRow> {
        self.rows.get(self.selected).copied()
    }

    /// The selected measure's id.
    pub fn selected_id(&self) -> Option<MeasureId> {
        self.selected_row().map(|r| r.id)
    }

    /// The row index of a measure.
    pub fn position(&self, id: MeasureId) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    /// Moves the selection by `delta`, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
    }
}

#[cfg(test)]
mod tests;
