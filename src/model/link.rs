//! The many-to-many link between a measure and a goal; one link per measure is primary.

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
