//! Stale files: measures the database changed after the file was written, which an import
//! would silently revert.

use std::collections::HashMap;

use super::Plan;
use crate::exchange::ImportProblem;
use crate::i18n::{Lang, Text, fill};
use crate::model::MeasureId;
use crate::store::Repository;

/// Measures the database changed after `stamp` (milliseconds since the epoch), with the time
/// and user of their newest change. Reads the history from the newest entry back to `stamp`.
pub fn changed_since(
    store: &dyn Repository,
    stamp: i64,
) -> Result<HashMap<MeasureId, (i64, String)>, crate::store::StoreError> {
    let mut changed = HashMap::new();
    let mut batch = 64;
    loop {
        let entries = store.history(batch)?;
        let done = entries.len() < batch || entries.last().is_some_and(|e| e.time_ms <= stamp);
        if done {
            for entry in entries.iter().take_while(|e| e.time_ms > stamp) {
                for id in entry.op.touched_measures() {
                    changed
                        .entry(id)
                        .or_insert((entry.time_ms, entry.user.clone()));
                }
            }
            return Ok(changed);
        }
        batch *= 4;
    }
}

/// Warns for every measure the plan changes that the database changed after the file's
/// `stamp` (milliseconds): importing the file would silently revert that change.
pub fn warn_stale(
    plan: &mut Plan,
    store: &dyn Repository,
    stamp: i64,
    file: &str,
    lang: Lang,
) -> Result<(), crate::store::StoreError> {
    if plan.diffs.is_empty() {
        return Ok(());
    }
    let changed = changed_since(store, stamp)?;
    let time = crate::text::local_time;
    for diff in &plan.diffs {
        if let Some((when, user)) = changed.get(&diff.id) {
            let reason = fill(
                lang.t(Text::ImportStale),
                &[
                    ("id", &diff.id),
                    ("title", &diff.title),
                    ("when", &time(*when)),
                    ("user", user),
                    ("stamp", &time(stamp)),
                ],
            );
            plan.warnings
                .push(ImportProblem::new(file, diff.line, "", reason));
        }
    }
    Ok(())
}
