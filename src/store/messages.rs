//! The store's errors, repairs and check findings in the user's language: each names its
//! sentence in the [`Text`] tables of `i18n`, which knows nothing of the store.

use super::{BlobDamage, Inconsistency, Repair, StopReason, StoreError, describe_disk_ptr};
use crate::i18n::{Lang, Localize, Text, explain_io, fill};

impl Localize for StoreError {
    fn localize(&self, lang: Lang) -> String {
        let t = |text| lang.t(text);
        match self {
            StoreError::Locked(path) => fill(t(Text::ErrLocked), &[("path", &path.display())]),
            StoreError::PermissionDenied(path) => {
                fill(t(Text::ErrPermissionDenied), &[("path", &path.display())])
            }
            StoreError::Io { path, source } => fill(
                t(Text::ErrIo),
                &[
                    ("path", &path.display()),
                    ("reason", &explain_io(path, source, lang)),
                ],
            ),
            StoreError::DiskFull { path, mount } => fill(
                t(Text::ErrDiskFullReadOnly),
                &[("path", &path.display()), ("mount", &mount.display())],
            ),
            StoreError::DamagedBlob { path, name, reason } => fill(
                t(Text::ErrDamagedBlob),
                &[
                    ("path", &path.display()),
                    ("name", name),
                    ("reason", &reason.localize(lang)),
                ],
            ),
            StoreError::Damaged { path, at } => fill(
                t(Text::ErrSledCorrupt),
                &[("path", &path.display()), ("at", at)],
            ),
            StoreError::Sled(sled::Error::Corruption { at, .. }) => fill(
                t(Text::ErrSledCorruptHere),
                &[("at", &describe_disk_ptr(*at))],
            ),
            StoreError::Sled(e) => fill(t(Text::ErrDatabase), &[("reason", e)]),
            StoreError::SchemaTooNew { found, supported } => fill(
                t(Text::ErrSchemaTooNew),
                &[("found", found), ("supported", supported)],
            ),
            StoreError::Corrupt { tree, key, reason } => fill(
                t(Text::ErrCorrupt),
                &[("tree", tree), ("key", key), ("reason", reason)],
            ),
            StoreError::Invalid(errors) => {
                let problems: Vec<String> = errors.iter().map(|e| e.localize(lang)).collect();
                fill(t(Text::ErrInvalid), &[("problems", &problems.join("; "))])
            }
            StoreError::GoalNotFound(code) => fill(t(Text::ErrGoalNotFound), &[("code", code)]),
            StoreError::MeasureNotFound(id) => fill(t(Text::ErrMeasureNotFound), &[("id", id)]),
            StoreError::IdOutOfRange { id, max } => {
                fill(t(Text::ErrIdOutOfRange), &[("id", id), ("max", max)])
            }
            StoreError::MeasureExists(id) => fill(t(Text::ErrMeasureExists), &[("id", id)]),
            StoreError::DuplicateCode(code) => fill(t(Text::ErrDuplicateCode), &[("code", code)]),
            StoreError::AlreadyLinked { measure, goal } => fill(
                t(Text::ErrAlreadyLinked),
                &[("measure", measure), ("goal", goal)],
            ),
            StoreError::NotLinked { measure, goal } => fill(
                t(Text::ErrNotLinked),
                &[("measure", measure), ("goal", goal)],
            ),
            StoreError::GoalInUse {
                code,
                measures,
                children,
            } => goal_in_use(code, *measures, *children, lang),
            StoreError::MoveIntoOwnSubtree(code) => {
                fill(t(Text::ErrMoveIntoOwnSubtree), &[("code", code)])
            }
            StoreError::Conflict { record, .. } => {
                fill(t(Text::ErrConflict), &[("record", record)])
            }
            StoreError::NothingToUndo => t(Text::ErrNothingToUndo).into(),
            StoreError::NothingToRedo => t(Text::ErrNothingToRedo).into(),
            StoreError::ChangedSince { redo, .. } => {
                let hint = if *redo {
                    Text::HintRedoForce
                } else {
                    Text::HintUndoForce
                };
                fill(t(hint), &[("changed", &changed_since(self, lang))])
            }
            StoreError::DeletedSince {
                user,
                record,
                time_ms,
                redo,
            } => {
                let text = if *redo {
                    Text::ErrDeletedSinceRedo
                } else {
                    Text::ErrDeletedSinceUndo
                };
                who_what_when(t(text), user, record, *time_ms)
            }
            StoreError::ServerGone => t(Text::ErrServerGone).into(),
            StoreError::Server(reason) => fill(t(Text::ErrServer), &[("reason", reason)]),
            StoreError::Refused(reason) => fill(t(Text::ErrServerRefused), &[("reason", reason)]),
            StoreError::NotFound(record) => match record {
                crate::ops::Record::Measure(id) | crate::ops::Record::Plan(id) => {
                    fill(t(Text::ErrMeasureNotFound), &[("id", id)])
                }
                crate::ops::Record::Goal(id) => fill(t(Text::ErrGoalNotFound), &[("code", id)]),
                crate::ops::Record::Pot { .. } => fill(t(Text::ErrPotNotFound), &[("pot", record)]),
                crate::ops::Record::Payment(_) => {
                    fill(t(Text::ErrPaymentNotFound), &[("payment", record)])
                }
            },
            StoreError::Exists(record) => fill(t(Text::ErrRecordExists), &[("record", record)]),
        }
    }
}

/// `anna hat M-0012 danach geändert (14:03)` for [`StoreError::ChangedSince`] (the time with
/// the date when it was not today), empty for any other error.
pub fn changed_since(error: &StoreError, lang: Lang) -> String {
    let StoreError::ChangedSince {
        user,
        record,
        time_ms,
        ..
    } = error
    else {
        return String::new();
    };
    who_what_when(lang.t(Text::ErrChangedSince), user, record, *time_ms)
}

/// Fills the `user`, `record` and `time` placeholders of a colleague's change: sanitised, the
/// time local, with the date when it was not today.
fn who_what_when(template: &str, user: &str, record: &super::RecordName, time_ms: i64) -> String {
    let time = chrono::DateTime::from_timestamp_millis(time_ms)
        .map(|t| {
            let local = t.with_timezone(&chrono::Local);
            let today = chrono::Local::now().date_naive() == local.date_naive();
            let format = if today { "%H:%M" } else { "%d.%m.%Y %H:%M" };
            local.format(format).to_string()
        })
        .unwrap_or_default();
    let record = record.to_string();
    fill(
        template,
        &[
            ("user", &crate::text::sanitize_line(user)),
            ("record", &crate::text::sanitize_line(&record)),
            ("time", &time),
        ],
    )
}

/// `Ziel Z5 hat 1 verknüpfte Maßnahme und 2 Unterziele`: only what there is, not `… und 0
/// Unterziele`.
fn goal_in_use(code: &str, measures: usize, children: usize, lang: Lang) -> String {
    let parts: Vec<String> = [
        (Text::GoalInUseMeasures, measures),
        (Text::GoalInUseChildren, children),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(text, n)| fill(lang.t(text), &[("n", &n)]))
    .collect();
    fill(
        lang.t(Text::ErrGoalInUse),
        &[("code", &code), ("what", &parts.join(lang.t(Text::And)))],
    )
}

impl Localize for Inconsistency {
    fn localize(&self, lang: Lang) -> String {
        let t = |text| lang.t(text);
        let id = |n: &u64| format!("{n:04}");
        match self {
            Inconsistency::Corrupt { tree, key, reason } => fill(
                t(Text::CheckCorrupt),
                &[("tree", tree), ("key", key), ("reason", reason)],
            ),
            Inconsistency::LinkMismatch { measure, goal } => fill(
                t(Text::CheckLinkMismatch),
                &[("measure", &id(measure)), ("goal", goal)],
            ),
            Inconsistency::DanglingLink { measure, goal } => fill(
                t(Text::CheckDanglingLink),
                &[("measure", &id(measure)), ("goal", goal)],
            ),
            Inconsistency::DanglingParent { goal, parent } => fill(
                t(Text::CheckDanglingParent),
                &[("code", goal), ("parent", parent)],
            ),
            Inconsistency::DuplicateCode(code) => {
                fill(t(Text::CheckDuplicateCode), &[("code", code)])
            }
            Inconsistency::PrimaryCount { measure, primaries } => fill(
                t(Text::CheckPrimaryCount),
                &[("measure", &id(measure)), ("count", primaries)],
            ),
            Inconsistency::CounterBehind { counter } => {
                fill(t(Text::CheckCounterBehind), &[("counter", counter)])
            }
            Inconsistency::DateOutOfRange {
                measure,
                field,
                date,
            } => fill(
                t(Text::CheckDateOutOfRange),
                &[
                    ("measure", &id(measure)),
                    ("field", &field.localize(lang)),
                    ("date", &crate::model::format_date_de(*date)),
                ],
            ),
            Inconsistency::Unreadable {
                tree,
                after,
                reason,
            } => fill(
                t(Text::CheckUnreadable),
                &[
                    ("tree", tree),
                    ("after", after),
                    ("reason", &reason.localize(lang)),
                ],
            ),
            Inconsistency::DamagedBlob { name, reason, path } => fill(
                t(Text::CheckDamagedBlob),
                &[
                    ("name", name),
                    ("reason", &reason.localize(lang)),
                    ("path", &path.display()),
                ],
            ),
            Inconsistency::Reported(text) => text.clone(),
            Inconsistency::OfMissingMeasure { record, measure } => {
                let record = match record {
                    crate::ops::Record::Plan(id) => fill(t(Text::MoneyPlanOf), &[("measure", id)]),
                    other => other.to_string(),
                };
                fill(
                    t(Text::CheckOfMissingMeasure),
                    &[("record", &record), ("measure", &id(measure))],
                )
            }
            Inconsistency::PaymentIndexMismatch { measure, payment } => fill(
                t(Text::CheckPaymentIndexMismatch),
                &[("measure", &id(measure)), ("payment", &id(payment))],
            ),
        }
    }
}

impl Localize for BlobDamage {
    fn localize(&self, lang: Lang) -> String {
        match self {
            BlobDamage::Empty => lang.t(Text::BlobEmpty).into(),
            BlobDamage::Short(len) => fill(lang.t(Text::BlobShort), &[("len", len)]),
            BlobDamage::Checksum => lang.t(Text::BlobChecksum).into(),
        }
    }
}

impl Localize for Repair {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Repair::RemovedUnfinishedSnapshot(name) => {
                fill(lang.t(Text::NoticeUnfinishedSnapshot), &[("name", name)])
            }
            Repair::ReadOnlyCopy { mount, copy } => fill(
                lang.t(Text::NoticeReadOnlyCopy),
                &[("mount", &mount.display()), ("copy", &copy.display())],
            ),
            Repair::DamagedBlob { name, reason, kept } => fill(
                lang.t(Text::NoticeDamagedBlob),
                &[
                    ("name", name),
                    ("reason", &reason.localize(lang)),
                    ("path", &kept.display()),
                ],
            ),
        }
    }
}

impl Localize for StopReason {
    fn localize(&self, lang: Lang) -> String {
        let t = |text| lang.t(text);
        match self {
            StopReason::Damaged(at) => fill(t(Text::StopDamaged), &[("at", at)]),
            StopReason::Io(kind) => fill(t(Text::StopIo), &[("kind", kind)]),
            StopReason::KeysOutOfOrder(key) => fill(t(Text::StopKeysOutOfOrder), &[("key", key)]),
            StopReason::TooMany(count) => fill(t(Text::StopTooMany), &[("count", count)]),
            StopReason::Stalled(secs) => fill(t(Text::StopStalled), &[("secs", secs)]),
            StopReason::Panicked => t(Text::StopPanicked).into(),
        }
    }
}
