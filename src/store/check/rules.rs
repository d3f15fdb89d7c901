//! The rules records must keep with each other: ids match their keys, parents exist, codes are
//! unique, dates lie in range, links agree in both directions with one primary goal per
//! measure, and counters are ahead of every id and sequence number in use.

use std::collections::{HashMap, HashSet};

use super::Inconsistency;
use crate::model::{Field, Goal, Measure, check_date_range};
use crate::store::HistoryEntry;
use crate::store::keys::{self, TreeName, describe_key, meta};
use crate::store::records::{self, LinkRecord};
use crate::store::staging::Trees;

/// The ids of the goals and measures that could be read.
pub(super) struct Ids {
    goals: HashSet<u64>,
    measures: HashSet<u64>,
}

impl Ids {
    /// Whether a measure with this id could be read.
    pub(super) fn has_measure(&self, id: u64) -> bool {
        self.measures.contains(&id)
    }

    pub(super) fn of(goals: &[(Vec<u8>, Goal)], measures: &[(Vec<u8>, Measure)]) -> Ids {
        Ids {
            goals: goals.iter().map(|(_, g)| g.id.0).collect(),
            measures: measures.iter().map(|(_, m)| m.id.0).collect(),
        }
    }
}

/// A record whose key names another id than the record holds.
fn wrong_id(tree: TreeName, key: &[u8], id: u64) -> Option<Inconsistency> {
    (keys::id_at(key, 0) != Some(id)).then(|| Inconsistency::Corrupt {
        tree: tree.name(),
        key: describe_key(tree, key),
        reason: format!("record holds id {id}"),
    })
}

/// Goals: id and key agree, the parent exists, codes are unique (ignoring case).
pub(super) fn goals(goals: &[(Vec<u8>, Goal)], ids: &Ids, problems: &mut Vec<Inconsistency>) {
    for (key, goal) in goals {
        problems.extend(wrong_id(TreeName::Goals, key, goal.id.0));
        if let Some(parent) = goal.parent.filter(|p| !ids.goals.contains(&p.0)) {
            problems.push(Inconsistency::DanglingParent {
                goal: goal.code.clone(),
                parent: parent.0,
            });
        }
    }
    let mut codes = HashSet::new();
    for (_, goal) in goals {
        if !codes.insert(goal.code.to_lowercase()) {
            problems.push(Inconsistency::DuplicateCode(goal.code.clone()));
        }
    }
}

/// Measures: id and key agree, start and end lie in the accepted years.
pub(super) fn measures(measures: &[(Vec<u8>, Measure)], problems: &mut Vec<Inconsistency>) {
    for (key, measure) in measures {
        problems.extend(wrong_id(TreeName::Measures, key, measure.id.0));
        for (field, date) in [(Field::Start, measure.start), (Field::End, measure.end)] {
            if let Some(date) = date.filter(|d| check_date_range(*d).is_err()) {
                problems.push(Inconsistency::DateOutOfRange {
                    measure: measure.id.0,
                    field,
                    date,
                });
            }
        }
    }
}

/// Links: keys have the right length, both directions agree, both ends exist, and every
/// linked measure has exactly one primary goal.
pub(super) fn links(
    by_measure: &[(Vec<u8>, LinkRecord)],
    by_goal: &[(Vec<u8>, LinkRecord)],
    ids: &Ids,
    problems: &mut Vec<Inconsistency>,
) {
    for (tree, entries) in [
        (TreeName::LinksByMeasure, by_measure),
        (TreeName::LinksByGoal, by_goal),
    ] {
        for (key, _) in entries.iter().filter(|(k, _)| k.len() != 16) {
            problems.push(Inconsistency::Corrupt {
                tree: tree.name(),
                key: describe_key(tree, key),
                reason: "key has the wrong length".into(),
            });
        }
    }
    let forward: HashMap<(u64, u64), bool> = by_measure
        .iter()
        .filter_map(|(k, r)| Some(((keys::id_at(k, 0)?, keys::id_at(k, 8)?), r.primary)))
        .collect();
    let backward: HashMap<(u64, u64), bool> = by_goal
        .iter()
        .filter_map(|(k, r)| Some(((keys::id_at(k, 8)?, keys::id_at(k, 0)?), r.primary)))
        .collect();
    let mut pairs: Vec<&(u64, u64)> = forward
        .keys()
        .chain(backward.keys())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    pairs.sort();
    let mut primaries: HashMap<u64, usize> = HashMap::new();
    for &(measure, goal) in pairs {
        let (f, b) = (
            forward.get(&(measure, goal)),
            backward.get(&(measure, goal)),
        );
        if f != b {
            problems.push(Inconsistency::LinkMismatch { measure, goal });
        }
        if !ids.measures.contains(&measure) || !ids.goals.contains(&goal) {
            problems.push(Inconsistency::DanglingLink { measure, goal });
        }
        let count = primaries.entry(measure).or_default();
        if f == Some(&true) {
            *count += 1;
        }
    }
    let mut counts: Vec<_> = primaries.into_iter().filter(|(_, n)| *n != 1).collect();
    counts.sort();
    problems.extend(
        counts
            .into_iter()
            .map(|(measure, primaries)| Inconsistency::PrimaryCount { measure, primaries }),
    );
}

/// Counters: the next goal id, measure id and history number lie above every one in use.
pub(super) fn counters(
    trees: &Trees,
    ids: &Ids,
    history: &[(Vec<u8>, HistoryEntry)],
    problems: &mut Vec<Inconsistency>,
) {
    let counter_ok = |name: &[u8], max: Option<u64>| {
        max.is_none_or(|max| records::meta_u64(trees, name).is_ok_and(|next| next > max))
    };
    for (name, label, max) in [
        (
            meta::NEXT_GOAL_ID,
            "next_goal_id",
            ids.goals.iter().max().copied(),
        ),
        (
            meta::NEXT_MEASURE_ID,
            "next_measure_id",
            ids.measures.iter().max().copied(),
        ),
        (
            meta::NEXT_HISTORY_SEQ,
            "next_history_seq",
            history.last().map(|(_, e)| e.seq),
        ),
    ] {
        if !counter_ok(name, max) {
            problems.push(Inconsistency::CounterBehind { counter: label });
        }
    }
}
