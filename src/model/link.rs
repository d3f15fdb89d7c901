//! The many-to-many link between a measure and a goal; one link per measure is primary.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{GoalId, MeasureId};

/// One link of a measure to a goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub measure: MeasureId,
    pub goal: GoalId,
    /// True for the measure's primary goal, under which its money is counted.
    pub primary: bool,
}

impl Link {
    /// The links of each measure, its primary goal first, then by goal id.
    pub fn by_measure(links: impl IntoIterator<Item = Link>) -> HashMap<MeasureId, Vec<Link>> {
        let mut by_measure: HashMap<MeasureId, Vec<Link>> = HashMap::new();
        for link in links {
            by_measure.entry(link.measure).or_default().push(link);
        }
        for list in by_measure.values_mut() {
            list.sort_by_key(|l| (!l.primary, l.goal));
        }
        by_measure
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_grouped_by_measure_primary_first_then_by_goal() {
        let link = |measure, goal, primary| Link {
            measure: MeasureId(measure),
            goal: GoalId(goal),
            primary,
        };
        let grouped = Link::by_measure([
            link(1, 5, false),
            link(2, 3, true),
            link(1, 2, false),
            link(1, 9, true),
        ]);
        assert_eq!(
            grouped[&MeasureId(1)],
            [link(1, 9, true), link(1, 2, false), link(1, 5, false)]
        );
        assert_eq!(grouped[&MeasureId(2)], [link(2, 3, true)]);
        assert_eq!(grouped.len(), 2);
    }
}
