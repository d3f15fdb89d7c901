//! Typed reads and writes of records on top of any [`Reader`]: the live trees or a
//! [`Staging`](super::staging::Staging) of pending changes. Format versions live here.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::codec;
use super::error::StoreError;
use super::keys::{self, TreeName, describe_key};
pub use crate::model::Link;
use crate::model::{Goal, GoalId, Measure, MeasureId};

/// Format version of goal records: `(revision, Goal)` (1 was a plain `Goal`, see `migrate`).
pub const GOAL_FORMAT: u8 = 2;
/// Format version of measure records: `(revision, Measure)` (0 was the prototype layout, 1 a
/// plain `Measure`, see `migrate`).
pub const MEASURE_FORMAT: u8 = 2;
/// Format version of link records.
pub const LINK_FORMAT: u8 = 1;
/// Format version of meta values.
pub const META_FORMAT: u8 = 1;
/// Format version of history entries.
pub const HISTORY_FORMAT: u8 = 1;

/// The value stored under both link keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRecord {
    /// True for the measure's primary goal, under which its money is counted.
    pub primary: bool,
}

/// Key/value pairs as read from a tree.
pub type Entries = Vec<(Vec<u8>, Vec<u8>)>;

/// Raw access to trees; implemented by the live database and by a staging overlay.
/// What [`Reader::visit`] calls with each key and value.
pub type Visitor<'v> = dyn FnMut(&[u8], &[u8]) -> Result<(), StoreError> + 'v;

pub trait Reader {
    /// The value under `key`, if any.
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// All entries whose key starts with `prefix`, in key order.
    fn scan(&self, tree: TreeName, prefix: &[u8]) -> Result<Entries, StoreError>;
    /// Calls `visit` with every entry whose key starts with `prefix`, in key order. The live
    /// trees hand out sled's buffers without copying them (whole-tree reads of tens of
    /// thousands of records are hot paths); the overlay copies, as [`Reader::scan`] does.
    fn visit(&self, tree: TreeName, prefix: &[u8], visit: &mut Visitor) -> Result<(), StoreError> {
        for (key, value) in self.scan(tree, prefix)? {
            visit(&key, &value)?;
        }
        Ok(())
    }
    /// Up to `limit` entries with keys above `after`, in key order: a whole tree a page at a
    /// time. The overlay's default reads the tree; the live trees read only the page.
    fn page(&self, tree: TreeName, after: &[u8], limit: usize) -> Result<Entries, StoreError> {
        let all = self.scan(tree, &[])?.into_iter();
        Ok(all
            .filter(|(key, _)| key.as_slice() > after)
            .take(limit)
            .collect())
    }
}

/// Up to `limit` records of `tree` (stored in `format`) with keys above `after`.
pub fn decode_page<T: DeserializeOwned>(
    r: &impl Reader,
    tree: TreeName,
    format: u8,
    after: &[u8],
    limit: usize,
) -> Result<Vec<T>, StoreError> {
    (r.page(tree, after, limit)?.into_iter())
        .map(|(key, value)| decode_at(tree, &key, &value, format))
        .collect()
}

/// Every record of `tree` (stored in `format`), in key order.
pub fn decode_all<T: DeserializeOwned>(
    r: &impl Reader,
    tree: TreeName,
    format: u8,
) -> Result<Vec<T>, StoreError> {
    let mut all = Vec::new();
    r.visit(tree, &[], &mut |key, value| {
        all.push(decode_at(tree, key, value, format)?);
        Ok(())
    })?;
    Ok(all)
}

/// Decodes a record, naming tree and key when it is corrupt.
pub fn decode_at<T: DeserializeOwned>(
    tree: TreeName,
    key: &[u8],
    bytes: &[u8],
    version: u8,
) -> Result<T, StoreError> {
    codec::decode(bytes, version).map_err(|e| StoreError::Corrupt {
        tree: tree.name(),
        key: describe_key(tree, key),
        reason: e.to_string(),
    })
}

fn read<T: DeserializeOwned>(
    r: &impl Reader,
    tree: TreeName,
    key: &[u8],
    version: u8,
) -> Result<Option<T>, StoreError> {
    r.get(tree, key)?
        .map(|bytes| decode_at(tree, key, &bytes, version))
        .transpose()
}

/// How often a goal or measure record has been written: 1 when it was added (or migrated), one
/// more with every change. An update based on an older revision is a conflict.
pub type Revision = u64;

/// Encodes a goal record with its revision.
pub fn encode_goal(revision: Revision, goal: &Goal) -> Vec<u8> {
    codec::encode(GOAL_FORMAT, &(revision, goal))
}

/// Encodes a measure record with its revision.
pub fn encode_measure(revision: Revision, measure: &Measure) -> Vec<u8> {
    codec::encode(MEASURE_FORMAT, &(revision, measure))
}

/// Decodes a stored goal record.
pub fn decode_goal(key: &[u8], bytes: &[u8]) -> Result<(Revision, Goal), StoreError> {
    decode_at(TreeName::Goals, key, bytes, GOAL_FORMAT)
}

/// Decodes a stored measure record.
pub fn decode_measure(key: &[u8], bytes: &[u8]) -> Result<(Revision, Measure), StoreError> {
    decode_at(TreeName::Measures, key, bytes, MEASURE_FORMAT)
}

/// A goal by id, with its revision.
pub fn goal_revised(r: &impl Reader, id: GoalId) -> Result<Option<(Revision, Goal)>, StoreError> {
    read(r, TreeName::Goals, &keys::goal_key(id), GOAL_FORMAT)
}

/// A goal by id.
pub fn goal(r: &impl Reader, id: GoalId) -> Result<Option<Goal>, StoreError> {
    Ok(goal_revised(r, id)?.map(|(_, goal)| goal))
}

/// Every goal, in tree order: top-level goals by position, each followed by its subtree.
pub fn all_goals(r: &impl Reader) -> Result<Vec<Goal>, StoreError> {
    let mut goals: Vec<Goal> = r
        .scan(TreeName::Goals, &[])?
        .into_iter()
        .map(|(k, v)| decode_goal(&k, &v).map(|(_, goal)| goal))
        .collect::<Result<_, _>>()?;
    goals.sort_by_key(|g| (g.position, g.id));
    Ok(crate::model::tree_order(goals))
}

/// A measure by id, with its revision.
pub fn measure_revised(
    r: &impl Reader,
    id: MeasureId,
) -> Result<Option<(Revision, Measure)>, StoreError> {
    read(
        r,
        TreeName::Measures,
        &keys::measure_key(id),
        MEASURE_FORMAT,
    )
}

/// A measure by id.
pub fn measure(r: &impl Reader, id: MeasureId) -> Result<Option<Measure>, StoreError> {
    Ok(measure_revised(r, id)?.map(|(_, measure)| measure))
}

/// Every measure, by id.
pub fn all_measures(r: &impl Reader) -> Result<Vec<Measure>, StoreError> {
    let mut all = Vec::new();
    r.visit(TreeName::Measures, &[], &mut |key, value| {
        all.push(decode_measure(key, value)?.1);
        Ok(())
    })?;
    Ok(all)
}

/// Links of one measure, primary first, then by goal id.
pub fn links_of_measure(r: &impl Reader, measure: MeasureId) -> Result<Vec<Link>, StoreError> {
    let tree = TreeName::LinksByMeasure;
    let mut links = Vec::new();
    for (key, value) in r.scan(tree, &keys::measure_key(measure))? {
        let record: LinkRecord = decode_at(tree, &key, &value, LINK_FORMAT)?;
        let goal = keys::id_at(&key, 8).ok_or_else(|| bad_key(tree, &key))?;
        links.push(Link {
            measure,
            goal: GoalId(goal),
            primary: record.primary,
        });
    }
    links.sort_by_key(|l| !l.primary);
    Ok(links)
}

/// Links of one goal, by measure id.
pub fn links_of_goal(r: &impl Reader, goal: GoalId) -> Result<Vec<Link>, StoreError> {
    let tree = TreeName::LinksByGoal;
    let mut links = Vec::new();
    for (key, value) in r.scan(tree, &keys::goal_key(goal))? {
        let record: LinkRecord = decode_at(tree, &key, &value, LINK_FORMAT)?;
        let measure = keys::id_at(&key, 8).ok_or_else(|| bad_key(tree, &key))?;
        links.push(Link {
            measure: MeasureId(measure),
            goal,
            primary: record.primary,
        });
    }
    Ok(links)
}

fn bad_key(tree: TreeName, key: &[u8]) -> StoreError {
    StoreError::Corrupt {
        tree: tree.name(),
        key: describe_key(tree, key),
        reason: "key has the wrong length".into(),
    }
}

/// A numeric meta value; 0 when absent.
pub fn meta_u64(r: &impl Reader, name: &[u8]) -> Result<u64, StoreError> {
    Ok(read(r, TreeName::Meta, name, META_FORMAT)?.unwrap_or(0))
}

/// Encodes a meta value.
pub fn encode_meta(value: u64) -> Vec<u8> {
    codec::encode(META_FORMAT, &value)
}
