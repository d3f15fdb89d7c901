//! `quartier check`: every record decodes, links agree in both directions, nothing dangles,
//! every linked measure has exactly one primary goal, goal codes are unique, counters are ahead.
//!
//! It must finish on any bytes: reading a tree stops at sled's first error (sled repeats it
//! forever), at a key not above the one before (a loop in damaged pages), and after more
//! entries than the files could hold; [`Progress`] lets a watchdog stop waiting for a sled
//! that no longer returns.

mod money;
mod read;
mod rules;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::HistoryEntry;
use super::keys::{TreeName, meta};
use super::records::{self, GOAL_FORMAT, HISTORY_FORMAT, LINK_FORMAT, LinkRecord, MEASURE_FORMAT};
use super::staging::Trees;
use chrono::NaiveDate;

use crate::model::{Field, Goal, Measure};
use read::{corrupt, decode_all};

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
    /// A plan or payment of a measure that does not exist (issue 14).
    OfMissingMeasure {
        record: crate::ops::Record,
        measure: u64,
    },
    /// A payment and the index of payments by measure disagree.
    PaymentIndexMismatch { measure: u64, payment: u64 },
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
            Inconsistency::Unreadable {
                tree,
                after,
                reason,
            } => write!(f, "{tree}: unreadable after {after} entries: {reason}"),
            Inconsistency::DamagedBlob { name, reason, .. } => {
                write!(f, "{name}: damaged ({reason})")
            }
            Inconsistency::Reported(text) => f.write_str(text),
            Inconsistency::OfMissingMeasure { record, measure } => {
                write!(f, "{record}: measure M-{measure:04} missing")
            }
            Inconsistency::PaymentIndexMismatch { measure, payment } => {
                write!(
                    f,
                    "payment Z-{payment:04} of M-{measure:04}: index disagrees"
                )
            }
        }
    }
}

/// Every tree of the database, decoded as far as it could be read.
struct Decoded {
    goals: Vec<(Vec<u8>, Goal)>,
    measures: Vec<(Vec<u8>, Measure)>,
    by_measure: Vec<(Vec<u8>, LinkRecord)>,
    by_goal: Vec<(Vec<u8>, LinkRecord)>,
    history: Vec<(Vec<u8>, HistoryEntry)>,
}

/// Drops the revision of decoded goal or measure records (the rules do not look at it).
fn without_revision<T>(entries: Vec<(Vec<u8>, (u64, T))>) -> Vec<(Vec<u8>, T)> {
    entries
        .into_iter()
        .map(|(key, (_, value))| (key, value))
        .collect()
}

/// Reads every tree (at most `limit` entries each) and every meta value, collecting what
/// cannot be read or decoded.
fn decode_trees(
    trees: &Trees,
    limit: u64,
    progress: &Progress,
    problems: &mut Vec<Inconsistency>,
) -> Decoded {
    use TreeName::*;
    let p = problems;
    let decoded = Decoded {
        goals: without_revision(decode_all(trees, Goals, GOAL_FORMAT, limit, progress, p)),
        measures: without_revision(decode_all(
            trees,
            Measures,
            MEASURE_FORMAT,
            limit,
            progress,
            p,
        )),
        by_measure: decode_all(trees, LinksByMeasure, LINK_FORMAT, limit, progress, p),
        by_goal: decode_all(trees, LinksByGoal, LINK_FORMAT, limit, progress, p),
        history: decode_all(trees, History, HISTORY_FORMAT, limit, progress, p),
    };
    progress.tree.store(Meta as usize, Ordering::Relaxed);
    for name in [
        meta::SCHEMA_VERSION,
        meta::NEXT_GOAL_ID,
        meta::NEXT_MEASURE_ID,
        meta::NEXT_HISTORY_SEQ,
    ] {
        progress.step();
        if let Err(e) = records::meta_u64(trees, name) {
            p.push(corrupt(e));
        }
    }
    check_stack_tops(trees, limit, progress, p);
    decoded
}

/// Every actor's undo and redo top decodes (a bounded read, stopping at sled's first error).
fn check_stack_tops(trees: &Trees, limit: u64, progress: &Progress, p: &mut Vec<Inconsistency>) {
    let tree = trees.tree(TreeName::Meta);
    for prefix in [meta::UNDO_TOP_PREFIX, meta::REDO_TOP_PREFIX] {
        for entry in tree.scan_prefix(prefix).take(limit as usize) {
            progress.step();
            let (key, bytes) = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    p.push(corrupt(e.into()));
                    break;
                }
            };
            let decoded =
                records::decode_at::<u64>(TreeName::Meta, &key, &bytes, records::META_FORMAT);
            if let Err(e) = decoded {
                p.push(corrupt(e));
            }
        }
    }
}

/// Runs every check, reading at most `limit` entries per tree (a bound from the size of the
/// database's files) and counting its steps in `progress`.
pub fn run(trees: &Trees, limit: u64, progress: &Progress) -> Vec<Inconsistency> {
    let mut problems = Vec::new();
    let decoded = decode_trees(trees, limit, progress, &mut problems);
    let ids = rules::Ids::of(&decoded.goals, &decoded.measures);
    rules::goals(&decoded.goals, &ids, &mut problems);
    rules::measures(&decoded.measures, &mut problems);
    rules::links(&decoded.by_measure, &decoded.by_goal, &ids, &mut problems);
    rules::counters(trees, &ids, &decoded.history, &mut problems);
    money::check(trees, limit, progress, &ids, &mut problems);
    problems
}
