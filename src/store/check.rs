//! `quartier check`: every record decodes, links agree in both directions, nothing dangles,
//! every linked measure has exactly one primary goal, goal codes are unique, counters are ahead.
//!
//! It must finish on any bytes: reading a tree stops at sled's first error (sled repeats it
//! forever), at a key not above the one before (a loop in damaged pages), and after more
//! entries than the files could hold; [`Progress`] lets a watchdog stop waiting for a sled
//! that no longer returns.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::keys::{self, TreeName, describe_key, meta};
use super::records::{
    self, GOAL_FORMAT, HISTORY_FORMAT, LINK_FORMAT, LinkRecord, MEASURE_FORMAT, decode_at,
};
use super::staging::Trees;
use super::{HistoryEntry, StoreError};
use chrono::NaiveDate;

use crate::model::{Field, Goal, Measure, check_date_range};

/// One integrity problem, naming the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inconsistency {
    /// A record does not decode.
    Corrupt {
        tree: &'static str,
        key: String,
        reason: String,
    },
    /// A link exists in one direction only, or the two disagree.
    LinkMismatch { measure: u64, goal: u64 },
    /// A link names a measure or goal that does not exist.
    DanglingLink { measure: u64, goal: u64 },
    /// A goal's parent does not exist.
    DanglingParent { goal: String, parent: u64 },
    /// Two goals share a code.
    DuplicateCode(String),
    /// A measure with links has no primary, or several.
    PrimaryCount { measure: u64, primaries: usize },
    /// A counter would hand out an id that is in use.
    CounterBehind { counter: &'static str },
    /// Reading a tree stopped before its end; what came before was checked.
    Unreadable {
        tree: &'static str,
        /// Entries read before it stopped.
        after: u64,
        reason: StopReason,
    },
    /// A stored start or end date outside the accepted years (written before the date rule,
    /// e.g. a two-digit year read as year 26).
    DateOutOfRange {
        measure: u64,
        field: Field,
        date: NaiveDate,
    },
    /// A file sled keeps a large value in (`blobs/<n>`), or the copy open kept of one
    /// (`damaged/blob-<n>`), is empty, short or fails its checksum.
    DamagedBlob {
        name: String,
        reason: super::BlobDamage,
        /// The file itself.
        path: std::path::PathBuf,
    },
    /// A problem the database's server found and described (in the client's language).
    Reported(String),
}

/// Why reading a tree stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// sled found damaged data there (`blobs/<n>`, an offset in `db`).
    Damaged(String),
    /// sled could not read a file.
    Io(std::io::ErrorKind),
    /// A key not above the one before: iterating would never end.
    KeysOutOfOrder(String),
    /// More entries than the database's files could hold.
    TooMany(u64),
    /// sled returned nothing for this many seconds.
    Stalled(u64),
    /// sled panicked.
    Panicked,
}

impl std::fmt::Display for StopReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StopReason::Damaged(at) => write!(f, "damaged data at {at}"),
            StopReason::Io(kind) => write!(f, "read error: {kind}"),
            StopReason::KeysOutOfOrder(key) => write!(f, "keys out of order after {key}"),
            StopReason::TooMany(n) => write!(f, "more than {n} entries"),
            StopReason::Stalled(secs) => write!(f, "no progress for {secs} s"),
            StopReason::Panicked => write!(f, "sled panicked"),
        }
    }
}

/// How far a running check got: the tree being read and a count of entries, for a watchdog.
#[derive(Debug, Default)]
pub struct Progress {
    tree: AtomicUsize,
    items: AtomicU64,
}

impl Progress {
    /// The tree being read now.
    pub fn tree(&self) -> TreeName {
        TreeName::ALL
            .get(self.tree.load(Ordering::Relaxed))
            .copied()
            .unwrap_or(TreeName::Meta)
    }

    /// Entries (and lookups) done so far; grows while the check makes progress.
    pub fn items(&self) -> u64 {
        self.items.load(Ordering::Relaxed)
    }

    fn step(&self) {
        self.items.fetch_add(1, Ordering::Relaxed);
    }
}

impl std::fmt::Display for Inconsistency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Inconsistency::Corrupt { tree, key, reason } => write!(f, "{tree}/{key}: {reason}"),
            Inconsistency::LinkMismatch { measure, goal } => {
                write!(f, "links M-{measure:04} ↔ #{goal}: directions disagree")
            }
            Inconsistency::DanglingLink { measure, goal } => {
                write!(f, "link M-{measure:04} ↔ #{goal}: measure or goal missing")
            }
            Inconsistency::DanglingParent { goal, parent } => {
                write!(f, "goal {goal}: parent #{parent} missing")
            }
            Inconsistency::DuplicateCode(code) => write!(f, "goal code {code} used twice"),
            Inconsistency::PrimaryCount { measure, primaries } => {
                write!(f, "M-{measure:04}: {primaries} primary goals instead of 1")
            }
            Inconsistency::CounterBehind { counter } => {
                write!(f, "meta {counter} is behind the ids in use")
            }
            Inconsistency::DateOutOfRange {
                measure,
                field,
                date,
            } => write!(f, "M-{measure:04}: {field:?} {date} out of range"),
            Inconsistency::Reported(text) => f.write_str(text),
            Inconsistency::Unreadable {
                tree,
                after,
                reason,
            } => write!(f, "{tree}: unreadable after {after} entries: {reason}"),
            Inconsistency::DamagedBlob { name, reason, .. } => {
                write!(f, "{name}: damaged ({reason})")
            }
        }
    }
}

fn corrupt(error: StoreError) -> Inconsistency {
    match error {
        StoreError::Corrupt { tree, key, reason } => Inconsistency::Corrupt { tree, key, reason },
        StoreError::Sled(e) => Inconsistency::Corrupt {
            tree: "?",
            key: String::new(),
            reason: stop_reason(&e).to_string(),
        },
        other => Inconsistency::Corrupt {
            tree: "?",
            key: String::new(),
            reason: other.to_string(),
        },
    }
}

/// Why sled failed, without its debug text.
pub fn stop_reason(error: &sled::Error) -> StopReason {
    match error {
        sled::Error::Corruption { at, .. } => StopReason::Damaged(super::describe_disk_ptr(*at)),
        sled::Error::Io(e) => StopReason::Io(e.kind()),
        other => StopReason::Damaged(other.to_string()),
    }
}

/// Decodes every record of a tree, collecting failures; reads at most `limit` entries and
/// stops at the first sled error and at a key not above the one before.
fn decode_all<T: serde::de::DeserializeOwned>(
    trees: &Trees,
    tree: TreeName,
    version: u8,
    limit: u64,
    progress: &Progress,
    problems: &mut Vec<Inconsistency>,
) -> Vec<(Vec<u8>, T)> {
    progress.tree.store(tree as usize, Ordering::Relaxed);
    decode_entries(
        tree,
        trees.tree(tree).iter(),
        version,
        limit,
        progress,
        problems,
    )
}

/// [`decode_all`] over any sequence of entries as sled's iterator returns them.
fn decode_entries<T: serde::de::DeserializeOwned>(
    tree: TreeName,
    entries: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>,
    version: u8,
    limit: u64,
    progress: &Progress,
    problems: &mut Vec<Inconsistency>,
) -> Vec<(Vec<u8>, T)> {
    let mut good = Vec::new();
    let mut previous: Option<sled::IVec> = None;
    let stop = |after, reason| Inconsistency::Unreadable {
        tree: tree.name(),
        after,
        reason,
    };
    for (read, item) in (0u64..).zip(entries) {
        progress.step();
        let (key, bytes) = match item {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(stop(read, stop_reason(&e)));
                break;
            }
        };
        if let Some(previous) = previous.as_ref().filter(|p| **p >= key) {
            let reason = StopReason::KeysOutOfOrder(describe_key(tree, previous));
            problems.push(stop(read, reason));
            break;
        }
        if read >= limit {
            problems.push(stop(read, StopReason::TooMany(limit)));
            break;
        }
        match decode_at::<T>(tree, &key, &bytes, version) {
            Ok(value) => good.push((key.to_vec(), value)),
            Err(e) => problems.push(corrupt(e)),
        }
        previous = Some(key);
    }
    good
}

/// Runs every check, reading at most `limit` entries per tree (a bound from the size of the
/// database's files) and counting its steps in `progress`.
pub fn run(trees: &Trees, limit: u64, progress: &Progress) -> Vec<Inconsistency> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let goals: Vec<(Vec<u8>, Goal)> =
        decode_all(trees, TreeName::Goals, GOAL_FORMAT, limit, progress, p);
    let measures: Vec<(Vec<u8>, Measure)> = decode_all(
        trees,
        TreeName::Measures,
        MEASURE_FORMAT,
        limit,
        progress,
        p,
    );
    let by_measure: Vec<(Vec<u8>, LinkRecord)> = decode_all(
        trees,
        TreeName::LinksByMeasure,
        LINK_FORMAT,
        limit,
        progress,
        p,
    );
    let by_goal: Vec<(Vec<u8>, LinkRecord)> = decode_all(
        trees,
        TreeName::LinksByGoal,
        LINK_FORMAT,
        limit,
        progress,
        p,
    );
    let history: Vec<(Vec<u8>, HistoryEntry)> =
        decode_all(trees, TreeName::History, HISTORY_FORMAT, limit, progress, p);
    progress
        .tree
        .store(TreeName::Meta as usize, Ordering::Relaxed);
    for name in [
        meta::SCHEMA_VERSION,
        meta::NEXT_GOAL_ID,
        meta::NEXT_MEASURE_ID,
        meta::NEXT_HISTORY_SEQ,
        meta::UNDO_TOP,
        meta::REDO_TOP,
    ] {
        progress.step();
        if let Err(e) = records::meta_u64(trees, name) {
            problems.push(corrupt(e));
        }
    }

    let goal_ids: HashSet<u64> = goals.iter().map(|(_, g)| g.id.0).collect();
    let measure_ids: HashSet<u64> = measures.iter().map(|(_, m)| m.id.0).collect();
    for (key, goal) in &goals {
        if keys::id_at(key, 0) != Some(goal.id.0) {
            problems.push(Inconsistency::Corrupt {
                tree: TreeName::Goals.name(),
                key: describe_key(TreeName::Goals, key),
                reason: format!("record holds id {}", goal.id.0),
            });
        }
        if let Some(parent) = goal.parent.filter(|p| !goal_ids.contains(&p.0)) {
            problems.push(Inconsistency::DanglingParent {
                goal: goal.code.clone(),
                parent: parent.0,
            });
        }
    }
    let mut codes = HashSet::new();
    for (_, goal) in &goals {
        if !codes.insert(goal.code.to_lowercase()) {
            problems.push(Inconsistency::DuplicateCode(goal.code.clone()));
        }
    }
    for (key, measure) in &measures {
        if keys::id_at(key, 0) != Some(measure.id.0) {
            problems.push(Inconsistency::Corrupt {
                tree: TreeName::Measures.name(),
                key: describe_key(TreeName::Measures, key),
                reason: format!("record holds id {}", measure.id.0),
            });
        }
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

    for (tree, entries) in [
        (TreeName::LinksByMeasure, &by_measure),
        (TreeName::LinksByGoal, &by_goal),
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
        if !measure_ids.contains(&measure) || !goal_ids.contains(&goal) {
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

    let counter_ok = |name: &[u8], max: Option<u64>| {
        max.is_none_or(|max| records::meta_u64(trees, name).is_ok_and(|next| next > max))
    };
    for (name, label, max) in [
        (
            meta::NEXT_GOAL_ID,
            "next_goal_id",
            goal_ids.iter().max().copied(),
        ),
        (
            meta::NEXT_MEASURE_ID,
            "next_measure_id",
            measure_ids.iter().max().copied(),
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
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: u64) -> sled::Result<(sled::IVec, sled::IVec)> {
        let value = crate::store::codec::encode(LINK_FORMAT, &LinkRecord { primary: true });
        Ok((id.to_be_bytes().to_vec().into(), value.into()))
    }

    fn decode(
        entries: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>,
        limit: u64,
    ) -> (usize, Vec<Inconsistency>) {
        let mut problems = Vec::new();
        let progress = Progress::default();
        let good: Vec<(Vec<u8>, LinkRecord)> = decode_entries(
            TreeName::LinksByMeasure,
            entries,
            LINK_FORMAT,
            limit,
            &progress,
            &mut problems,
        );
        (good.len(), problems)
    }

    fn stopped(problems: &[Inconsistency]) -> Vec<(u64, StopReason)> {
        problems
            .iter()
            .filter_map(|p| match p {
                Inconsistency::Unreadable { after, reason, .. } => Some((*after, reason.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_repeated_sled_error_stops_the_tree_once() {
        // sled's iterator returns the same error on every call after damage; the `take` only
        // keeps this test finite should reading not stop.
        let error = || Err(sled::Error::Corruption { at: None, bt: () });
        let entries = [entry(1), entry(2)]
            .into_iter()
            .chain(std::iter::repeat_with(error).take(100_000));
        let (good, problems) = decode(entries, 1_000);
        assert_eq!(good, 2);
        assert_eq!(
            stopped(&problems),
            [(2, StopReason::Damaged("db".into()))],
            "{problems:?}"
        );
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn keys_out_of_order_and_too_many_entries_stop_the_tree() {
        let looping = [entry(1), entry(2), entry(3)]
            .into_iter()
            .cycle()
            .take(100_000);
        let (good, problems) = decode(looping, 1_000);
        assert_eq!(good, 3);
        assert!(matches!(
            stopped(&problems)[..],
            [(3, StopReason::KeysOutOfOrder(_))]
        ));
        let endless = (1..100_000).map(entry);
        let (good, problems) = decode(endless, 10);
        assert_eq!(good, 10);
        assert_eq!(stopped(&problems), [(10, StopReason::TooMany(10))]);
    }
}
