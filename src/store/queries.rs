//! Reading a database: goals, measures, links and history, each decoded from its tree, and
//! [`Store::check`], which reads every record in a watched thread.

use super::keys::{self, TreeName};
use super::records::{self, HISTORY_FORMAT, Reader};
use super::{CHECK_STALL, HistoryEntry, Inconsistency, Link, Store, StoreError, check, disk};
use crate::model::{Goal, GoalId, Measure, MeasureId};

impl Store {
    /// One history entry by sequence number.
    pub fn entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError> {
        if seq == 0 {
            return Ok(None);
        }
        let key = keys::history_key(seq);
        self.trees
            .get(TreeName::History, &key)?
            .map(|bytes| records::decode_at(TreeName::History, &key, &bytes, HISTORY_FORMAT))
            .transpose()
    }

    /// The newest `limit` history entries, newest first.
    pub fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        let tree = self.trees.tree(TreeName::History);
        tree.iter()
            .rev()
            .take(limit)
            .map(|item| {
                let (key, bytes) = item?;
                records::decode_at(TreeName::History, &key, &bytes, HISTORY_FORMAT)
            })
            .collect()
    }

    /// The newest history sequence number, 0 when there is none; reads the key only (the newest
    /// entry may be an import of 100 000 measures).
    pub fn history_head(&self) -> Result<u64, StoreError> {
        let tree = self.trees.tree(TreeName::History);
        Ok(tree
            .last()?
            .and_then(|(key, _)| super::keys::id_at(&key, 0))
            .unwrap_or(0))
    }

    /// Every goal in tree order.
    pub fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        records::all_goals(&self.trees)
    }

    /// One goal by id.
    pub fn goal(&self, id: GoalId) -> Result<Option<Goal>, StoreError> {
        records::goal(&self.trees, id)
    }

    /// One measure by id.
    pub fn measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError> {
        records::measure(&self.trees, id)
    }

    /// One measure with its revision (see [`records::Revision`]).
    pub fn measure_revised(&self, id: MeasureId) -> Result<Option<(u64, Measure)>, StoreError> {
        records::measure_revised(&self.trees, id)
    }

    /// One goal with its revision.
    pub fn goal_revised(&self, id: GoalId) -> Result<Option<(u64, Goal)>, StoreError> {
        records::goal_revised(&self.trees, id)
    }

    /// Every measure, by id.
    pub fn measures(&self) -> Result<Vec<Measure>, StoreError> {
        records::all_measures(&self.trees)
    }

    /// Calls `visit` with every measure, by id, decoding one at a time straight from sled's
    /// buffers (no list of all records or measures is ever held: the TUI's search index at
    /// 100 000 measures).
    pub fn for_each_measure(&self, mut visit: impl FnMut(Measure)) -> Result<(), StoreError> {
        let tree = TreeName::Measures;
        for item in self.trees.tree(tree).iter() {
            let (key, value) = item?;
            let (_, measure) = records::decode_measure(&key, &value)?;
            visit(measure);
        }
        Ok(())
    }

    /// Up to `limit` measures with ids above `after`, by id.
    pub fn measures_after(
        &self,
        after: MeasureId,
        limit: usize,
    ) -> Result<Vec<Measure>, StoreError> {
        let tree = TreeName::Measures;
        let start = keys::measure_key(MeasureId(after.0.saturating_add(1)));
        let mut page = Vec::new();
        for item in self.trees.tree(tree).range(start..).take(limit) {
            let (key, value) = item?;
            page.push(records::decode_measure(&key, &value)?.1);
        }
        Ok(page)
    }

    /// The id of every measure, ascending, read from the keys alone (no record is decoded):
    /// the TUI finds the measures without a goal with it.
    pub fn measure_ids(&self) -> Result<Vec<MeasureId>, StoreError> {
        let mut ids = Vec::new();
        for key in self.trees.tree(TreeName::Measures).iter().keys() {
            if let Some(id) = keys::id_at(&key?, 0) {
                ids.push(MeasureId(id));
            }
        }
        Ok(ids)
    }

    /// Links of one measure, primary first.
    pub fn links_of_measure(&self, id: MeasureId) -> Result<Vec<Link>, StoreError> {
        records::links_of_measure(&self.trees, id)
    }

    /// Links of one goal, by measure id.
    pub fn links_of_goal(&self, id: GoalId) -> Result<Vec<Link>, StoreError> {
        records::links_of_goal(&self.trees, id)
    }

    /// Every link, by measure.
    pub fn links(&self) -> Result<Vec<Link>, StoreError> {
        // Hot path at start (one entry per link, 200 000 at 100 000 measures): read sled's
        // buffers in place and recognise the two-byte record `[format, primary]` directly; any
        // other value goes through the codec, which reports it as corrupt.
        let tree = TreeName::LinksByMeasure;
        let mut links = Vec::new();
        for item in self.trees.tree(tree).iter() {
            let (key, value) = item?;
            let primary = match *value {
                [records::LINK_FORMAT, flag @ (0 | 1)] => flag == 1,
                _ => {
                    let record: records::LinkRecord =
                        records::decode_at(tree, &key, &value, records::LINK_FORMAT)?;
                    record.primary
                }
            };
            if let (Some(m), Some(g)) = (keys::id_at(&key, 0), keys::id_at(&key, 8)) {
                links.push(Link {
                    measure: MeasureId(m),
                    goal: GoalId(g),
                    primary,
                });
            }
        }
        Ok(links)
    }

    /// Checks every record and the links' agreement; empty when all is well.
    ///
    /// Bounded on any bytes: each tree is read at most as many entries as the files have
    /// bytes, and the reading runs in a thread that is abandoned (and reported) when sled makes
    /// no progress for [`CHECK_STALL`].
    pub fn check(&self) -> Vec<Inconsistency> {
        let mut problems = self.check_records();
        problems.extend(
            disk::damaged_blobs(&self.files)
                .into_iter()
                .map(|(name, reason)| Inconsistency::DamagedBlob {
                    path: self.files.join(&name),
                    name,
                    reason,
                }),
        );
        problems
    }

    fn check_records(&self) -> Vec<Inconsistency> {
        let limit = disk::size_of(&self.files).saturating_add(1024);
        let progress = std::sync::Arc::new(check::Progress::default());
        let (sender, receiver) = std::sync::mpsc::channel();
        let worker = {
            let trees = self.trees.clone();
            let progress = progress.clone();
            std::thread::Builder::new()
                .name("check".into())
                .spawn(move || {
                    let _ = sender.send(check::run(&trees, limit, &progress));
                })
        };
        if worker.is_err() {
            return check::run(&self.trees, limit, &progress);
        }
        let poll = std::time::Duration::from_millis(20);
        let mut last = (progress.items(), std::time::Instant::now());
        loop {
            let stopped = |reason| {
                vec![Inconsistency::Unreadable {
                    tree: progress.tree().name(),
                    after: progress.items(),
                    reason,
                }]
            };
            match receiver.recv_timeout(poll) {
                Ok(problems) => return problems,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return stopped(check::StopReason::Panicked);
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    let items = progress.items();
                    if items != last.0 {
                        last = (items, std::time::Instant::now());
                    } else if last.1.elapsed() >= CHECK_STALL {
                        // The thread stays stuck inside sled until the process ends.
                        return stopped(check::StopReason::Stalled(CHECK_STALL.as_secs()));
                    }
                }
            }
        }
    }
}
