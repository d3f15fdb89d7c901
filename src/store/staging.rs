//! Pending changes on top of the live trees. An operation is planned against a [`Staging`]
//! (reads see earlier writes of the same operation, prefix scans included) and then committed
//! as one sled transaction across all trees it touched.

use std::collections::BTreeMap;

use sled::Transactional;

use super::error::StoreError;
use super::keys::TreeName;
use super::records::{Entries, Reader};

/// The live sled trees, indexed by [`TreeName`] (cloning shares them).
#[derive(Clone)]
pub struct Trees(pub [sled::Tree; TREES]);

/// How many trees quartier keeps.
const TREES: usize = TreeName::ALL.len();

impl Trees {
    /// Opens (creating if needed) every tree of `db`.
    pub fn open(db: &sled::Db) -> Result<Trees, StoreError> {
        let mut trees = Vec::with_capacity(TREES);
        for name in TreeName::ALL {
            trees.push(db.open_tree(name.name())?);
        }
        let trees: [sled::Tree; TREES] = trees.try_into().unwrap_or_else(|_| unreachable!());
        Ok(Trees(trees))
    }

    /// The sled tree behind a name.
    pub fn tree(&self, name: TreeName) -> &sled::Tree {
        &self.0[name as usize]
    }
}

impl Reader for Trees {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.tree(tree).get(key)?.map(|v| v.to_vec()))
    }

    fn scan(&self, tree: TreeName, prefix: &[u8]) -> Result<Entries, StoreError> {
        self.tree(tree)
            .scan_prefix(prefix)
            .map(|entry| {
                let (k, v) = entry?;
                Ok((k.to_vec(), v.to_vec()))
            })
            .collect()
    }

    fn visit(
        &self,
        tree: TreeName,
        prefix: &[u8],
        visit: &mut super::records::Visitor,
    ) -> Result<(), StoreError> {
        for entry in self.tree(tree).scan_prefix(prefix) {
            let (key, value) = entry?;
            visit(&key, &value)?;
        }
        Ok(())
    }

    fn page(&self, tree: TreeName, after: &[u8], limit: usize) -> Result<Entries, StoreError> {
        use std::ops::Bound;
        let range = (Bound::Excluded(after.to_vec()), Bound::Unbounded);
        (self.tree(tree).range(range).take(limit))
            .map(|entry| {
                let (key, value) = entry?;
                Ok((key.to_vec(), value.to_vec()))
            })
            .collect()
    }
}

/// Writes not yet committed, read through on top of the live trees.
pub struct Staging<'t> {
    trees: &'t Trees,
    writes: BTreeMap<(TreeName, Vec<u8>), Option<Vec<u8>>>,
    /// Who applies the op (recorded in status steps); empty for migrations.
    actor: String,
}

impl<'t> Staging<'t> {
    /// An empty overlay over `trees`.
    pub fn new(trees: &'t Trees) -> Staging<'t> {
        Staging {
            trees,
            writes: BTreeMap::new(),
            actor: String::new(),
        }
    }

    /// The same overlay, for an op applied by `actor`.
    pub fn acting_as(mut self, actor: &str) -> Staging<'t> {
        self.actor = actor.to_string();
        self
    }

    /// Who applies the op.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The committed trees under the overlay.
    pub fn live(&self) -> &'t Trees {
        self.trees
    }

    /// Stages `value` under `key`.
    pub fn insert(&mut self, tree: TreeName, key: &[u8], value: Vec<u8>) {
        self.writes.insert((tree, key.to_vec()), Some(value));
    }

    /// Stages the removal of `key`.
    pub fn remove(&mut self, tree: TreeName, key: &[u8]) {
        self.writes.insert((tree, key.to_vec()), None);
    }

    /// Applies every staged write in one transaction over the trees it touches; all or
    /// nothing.
    pub fn commit(self) -> Result<(), StoreError> {
        let mut batches: BTreeMap<TreeName, sled::Batch> = BTreeMap::new();
        for ((tree, key), value) in self.writes {
            let batch = batches.entry(tree).or_default();
            match value {
                Some(value) => batch.insert(key, value),
                None => batch.remove(key),
            }
        }
        let touched: Vec<sled::Tree> = (batches.keys())
            .map(|name| self.trees.tree(*name).clone())
            .collect();
        if touched.is_empty() {
            return Ok(());
        }
        touched
            .as_slice()
            .transaction(|trees| {
                for (tree, batch) in trees.iter().zip(batches.values()) {
                    tree.apply_batch(batch)?;
                }
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Sled(e),
                sled::transaction::TransactionError::Abort(()) => {
                    StoreError::Sled(sled::Error::Unsupported("transaction aborted".into()))
                }
            })
    }
}

impl Reader for Staging<'_> {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        match self.writes.get(&(tree, key.to_vec())) {
            Some(staged) => Ok(staged.clone()),
            None => self.trees.get(tree, key),
        }
    }

    fn scan(&self, tree: TreeName, prefix: &[u8]) -> Result<Entries, StoreError> {
        let mut merged: BTreeMap<Vec<u8>, Vec<u8>> =
            self.trees.scan(tree, prefix)?.into_iter().collect();
        let start = (tree, prefix.to_vec());
        for ((_, key), value) in self
            .writes
            .range(start..)
            .take_while(|((t, k), _)| *t == tree && k.starts_with(prefix))
        {
            match value {
                Some(value) => merged.insert(key.clone(), value.clone()),
                None => merged.remove(key),
            };
        }
        Ok(merged.into_iter().collect())
    }
}
