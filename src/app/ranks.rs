//! The order of every measure by title and by Träger, kept once for all goals: sorting a goal's
//! thousands of rows by text would lower-case each title on every first visit; with a rank per
//! measure it is a sort of numbers. Ranks leave gaps, so a changed measure takes a free number
//! between its new neighbours and nothing else moves (all are numbered anew only when a gap is
//! used up).

use std::cmp::Ordering;
use std::collections::HashMap;

use super::measures::{Cached, SortColumn};
use crate::model::MeasureId;

/// Distance between neighbouring ranks when numbered anew.
const GAP: u32 = 1024;

/// Every measure in the order of one text column.
#[derive(Debug, Default)]
pub struct Ranks {
    /// Measures in order.
    order: Vec<MeasureId>,
    /// Rank of each measure, ascending along `order`.
    rank: HashMap<MeasureId, u32>,
}

impl Ranks {
    /// Orders all `measures` by `sort` (Title or Organisation).
    pub fn new<'m>(sort: SortColumn, measures: impl Iterator<Item = &'m Cached>) -> Ranks {
        let mut keyed: Vec<(String, MeasureId)> =
            measures.map(|m| (text_key(sort, m), m.id)).collect();
        keyed.sort_unstable();
        let mut ranks = Ranks {
            order: keyed.into_iter().map(|(_, id)| id).collect(),
            rank: HashMap::new(),
        };
        ranks.renumber();
        ranks
    }

    /// A measure's rank.
    pub fn of(&self, id: MeasureId) -> Option<u32> {
        self.rank.get(&id).copied()
    }

    /// Takes a measure out and, unless it was deleted (`None`), back in at its place by
    /// `sort`; `cached` looks up the others.
    pub fn update<'m>(
        &mut self,
        sort: SortColumn,
        id: MeasureId,
        now: Option<&Cached>,
        cached: impl Fn(MeasureId) -> Option<&'m Cached>,
    ) {
        if let Some(old) = self.rank.get(&id).copied() {
            let at = self.order.partition_point(|m| self.rank[m] < old);
            self.order.remove(at);
            self.rank.remove(&id);
        }
        let Some(measure) = now else { return };
        let at = self.order.partition_point(|other| {
            cached(*other).is_none_or(|other| sort.order(other, measure) == Ordering::Less)
        });
        let before = at.checked_sub(1).map(|i| self.rank[&self.order[i]]);
        let after = self.order.get(at).map(|m| self.rank[m]);
        self.order.insert(at, id);
        let free = match (before, after) {
            (None, None) => Some(0),
            (Some(low), None) => low.checked_add(GAP),
            (None, Some(high)) => high.checked_sub(GAP),
            (Some(low), Some(high)) => (high - low >= 2).then(|| low + (high - low) / 2),
        };
        match free {
            Some(rank) => {
                self.rank.insert(id, rank);
            }
            None => self.renumber(),
        }
    }

    fn renumber(&mut self) {
        self.rank = self
            .order
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, (i as u32).saturating_mul(GAP)))
            .collect();
    }
}

/// The text a measure is ordered by, lower-cased, then its id: the order
/// [`SortColumn::order`] gives.
fn text_key(sort: SortColumn, m: &Cached) -> String {
    match sort {
        SortColumn::Organisation => m.organisation.to_lowercase(),
        _ => m.title.to_lowercase(),
    }
}

/// Whether a column is sorted by text (and so by [`Ranks`]).
pub fn ranked(sort: SortColumn) -> bool {
    matches!(sort, SortColumn::Title | SortColumn::Organisation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;

    fn cached(id: u64, title: &str) -> Cached {
        let mut m = Measure::new(title);
        m.id = MeasureId(id);
        Cached::new(m)
    }

    #[test]
    fn updates_keep_the_order_sorting_would_give_and_use_up_gaps_by_renumbering() {
        let mut all: HashMap<MeasureId, Cached> = (1..=50)
            .map(|i| (MeasureId(i), cached(i, &format!("t{:03}", (i * 37) % 50))))
            .collect();
        let mut ranks = Ranks::new(SortColumn::Title, all.values());
        // Put 40 measures one after the other between the same two neighbours: the gap of
        // 1024 is used up after 10 and everything is numbered anew.
        for i in 0..40u64 {
            let id = MeasureId(i + 1);
            let now = cached(i + 1, &format!("t010{i:03}"));
            all.insert(id, now.clone());
            ranks.update(SortColumn::Title, id, Some(&now), |m| all.get(&m));
        }
        ranks.update(SortColumn::Title, MeasureId(50), None, |m| all.get(&m));
        all.remove(&MeasureId(50));
        let mut expected: Vec<&Cached> = all.values().collect();
        expected.sort_by(|a, b| SortColumn::Title.order(a, b));
        let expected: Vec<MeasureId> = expected.iter().map(|m| m.id).collect();
        assert_eq!(ranks.order, expected);
        let mut by_rank = expected.clone();
        by_rank.sort_by_key(|id| ranks.of(*id).unwrap());
        assert_eq!(by_rank, expected, "ranks ascend along the order");
    }
}
