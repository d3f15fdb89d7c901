//! Reading a tree so that it ends on any bytes: at sled's first error, at a key not above the
//! one before, and after `limit` entries.

use std::sync::atomic::Ordering;

use super::{Inconsistency, Progress, StopReason};
use crate::store::StoreError;
use crate::store::keys::{TreeName, describe_key};
use crate::store::records::decode_at;
use crate::store::staging::Trees;

pub(super) fn corrupt(error: StoreError) -> Inconsistency {
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
pub(super) fn stop_reason(error: &sled::Error) -> StopReason {
    match error {
        sled::Error::Corruption { at, .. } => {
            StopReason::Damaged(crate::store::describe_disk_ptr(*at))
        }
        sled::Error::Io(e) => StopReason::Io(e.kind()),
        other => StopReason::Damaged(other.to_string()),
    }
}

/// Decodes every record of a tree, collecting failures; reads at most `limit` entries and
/// stops at the first sled error and at a key not above the one before.
pub(super) fn decode_all<T: serde::de::DeserializeOwned>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records::{LINK_FORMAT, LinkRecord};

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
