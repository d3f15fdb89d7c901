//! Sentences for typed errors and warnings, in the user's language.

use super::{Lang, Text, fill};
use crate::model::{Field, FundWarning, Problem, ValidationError};
use crate::store::{Inconsistency, StoreError};

/// Something that can say itself in the user's language.
pub trait Localize {
    /// The sentence in `lang`.
    fn localize(&self, lang: Lang) -> String;
}

/// The label of a field (of a list field: the whole list, `Zielgruppen`). The German label of a
/// measure field is also its column header in CSV and XLSX files.
pub fn field_label(field: Field) -> Text {
    match field {
        Field::Code => Text::FieldCode,
        Field::Parent => Text::FieldParent,
        Field::Title => Text::FieldTitle,
        Field::Description => Text::FieldDescription,
        Field::Organisation => Text::FieldOrganisation,
        Field::Contact => Text::FieldContact,
        Field::Responsible => Text::FieldResponsible,
        Field::Reference => Text::FieldReference,
        Field::Fund => Text::FieldFund,
        Field::Requested => Text::FieldRequested,
        Field::Approved => Text::FieldApproved,
        Field::Cofunding => Text::FieldCofunding,
        Field::Start => Text::FieldStart,
        Field::End => Text::FieldEnd,
        Field::Status => Text::FieldStatus,
        Field::TargetGroup(_) => Text::FieldTargetGroups,
        Field::Location => Text::FieldLocation,
        Field::Notes => Text::FieldNotes,
        Field::Indicator(_) => Text::FieldIndicators,
        Field::Goals => Text::FieldGoals,
    }
}

impl Localize for Field {
    fn localize(&self, lang: Lang) -> String {
        let text = match self {
            Field::TargetGroup(n) => {
                return fill(lang.t(Text::FieldTargetGroup), &[("n", &(n + 1))]);
            }
            Field::Indicator(n) => return fill(lang.t(Text::FieldIndicator), &[("n", &(n + 1))]),
            field => field_label(*field),
        };
        lang.t(text).to_string()
    }
}

impl Localize for Problem {
    fn localize(&self, lang: Lang) -> String {
        let with_value = |text: Text, value: &str| fill(lang.t(text), &[("value", &value)]);
        match self {
            Problem::Required => lang.t(Text::ProblemRequired).into(),
            Problem::TooLong { max } => fill(lang.t(Text::ProblemTooLong), &[("max", max)]),
            Problem::ControlCharacter => lang.t(Text::ProblemControlCharacter).into(),
            Problem::Whitespace => lang.t(Text::ProblemWhitespace).into(),
            Problem::Negative => lang.t(Text::ProblemNegative).into(),
            Problem::TooLarge => lang.t(Text::ProblemTooLarge).into(),
            Problem::EndBeforeStart => lang.t(Text::ProblemEndBeforeStart).into(),
            Problem::NotFinite => lang.t(Text::ProblemNotFinite).into(),
            Problem::InvalidAmount(v) => with_value(Text::ProblemInvalidAmount, v),
            Problem::InvalidDate(v) => with_value(Text::ProblemInvalidDate, v),
            Problem::DateOutOfRange(v) => with_value(Text::ProblemDateOutOfRange, v),
            Problem::InvalidNumber(v) => with_value(Text::ProblemInvalidNumber, v),
            Problem::UnknownFund(v) => with_value(Text::ProblemUnknownFund, v),
            Problem::UnknownStatus(v) => with_value(Text::ProblemUnknownStatus, v),
        }
    }
}

impl Localize for ValidationError {
    fn localize(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            self.field.localize(lang),
            self.problem.localize(lang)
        )
    }
}

impl Localize for FundWarning {
    fn localize(&self, lang: Lang) -> String {
        lang.t(match self {
            FundWarning::AktionsfondsAbove1500 => Text::WarnAktionsfondsAbove1500,
            FundWarning::ProjektfondsBelow5000 => Text::WarnProjektfondsBelow5000,
            FundWarning::ProjektfondsLongerThan4Years => Text::WarnProjektfondsLongerThan4Years,
            FundWarning::ProjektfondsCofundingBelow10Percent => Text::WarnProjektfondsCofunding,
            FundWarning::BaufondsBelow50000 => Text::WarnBaufondsBelow50000,
            FundWarning::NetzwerkfondsBelow50000 => Text::WarnNetzwerkfondsBelow50000,
            FundWarning::ApprovedAboveRequested => Text::WarnApprovedAboveRequested,
        })
        .to_string()
    }
}

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
                    ("reason", &crate::i18n::explain_io(path, source, lang)),
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
                &[("at", &crate::store::describe_disk_ptr(*at))],
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
            } => {
                // Only what there is: `hat 1 verknüpfte Maßnahme`, not `… und 0 Unterziele`.
                let parts: Vec<String> = [
                    (Text::GoalInUseMeasures, *measures),
                    (Text::GoalInUseChildren, *children),
                ]
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(text, n)| fill(t(text), &[("n", &n)]))
                .collect();
                fill(
                    t(Text::ErrGoalInUse),
                    &[("code", code), ("what", &parts.join(t(Text::And)))],
                )
            }
            StoreError::MoveIntoOwnSubtree(code) => {
                fill(t(Text::ErrMoveIntoOwnSubtree), &[("code", code)])
            }
            StoreError::NothingToUndo => t(Text::ErrNothingToUndo).into(),
            StoreError::NothingToRedo => t(Text::ErrNothingToRedo).into(),
            StoreError::ServerGone => t(Text::ErrServerGone).into(),
            StoreError::Server(reason) => fill(t(Text::ErrServer), &[("reason", reason)]),
            StoreError::Refused(reason) => fill(t(Text::ErrServerRefused), &[("reason", reason)]),
        }
    }
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
        }
    }
}

impl Localize for crate::store::BlobDamage {
    fn localize(&self, lang: Lang) -> String {
        use crate::store::BlobDamage;
        match self {
            BlobDamage::Empty => lang.t(Text::BlobEmpty).into(),
            BlobDamage::Short(len) => fill(lang.t(Text::BlobShort), &[("len", len)]),
            BlobDamage::Checksum => lang.t(Text::BlobChecksum).into(),
        }
    }
}

impl Localize for crate::store::Repair {
    fn localize(&self, lang: Lang) -> String {
        use crate::store::Repair;
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

impl Localize for crate::store::StopReason {
    fn localize(&self, lang: Lang) -> String {
        use crate::store::StopReason;
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
