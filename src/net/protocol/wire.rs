//! A store error as it crosses the wire and back: [`WireError`] from and into
//! [`crate::store::StoreError`].

use super::WireError;

impl From<crate::store::StoreError> for WireError {
    fn from(error: crate::store::StoreError) -> WireError {
        use crate::store::StoreError as E;
        match error {
            E::Invalid(errors) => WireError::Invalid(errors),
            E::GoalNotFound(code) => WireError::GoalNotFound(code),
            E::MeasureNotFound(id) => WireError::MeasureNotFound(id),
            E::IdOutOfRange { id, max } => WireError::IdOutOfRange { id, max },
            E::MeasureExists(id) => WireError::MeasureExists(id),
            E::DuplicateCode(code) => WireError::DuplicateCode(code),
            E::AlreadyLinked { measure, goal } => WireError::AlreadyLinked { measure, goal },
            E::NotLinked { measure, goal } => WireError::NotLinked { measure, goal },
            E::GoalInUse {
                code,
                measures,
                children,
            } => WireError::GoalInUse {
                code,
                measures,
                children,
            },
            E::MoveIntoOwnSubtree(code) => WireError::MoveIntoOwnSubtree(code),
            E::Conflict {
                record,
                expected,
                found,
            } => WireError::Conflict {
                record,
                expected,
                found,
            },
            E::NothingToUndo => WireError::NothingToUndo,
            E::NothingToRedo => WireError::NothingToRedo,
            E::ChangedSince {
                user,
                record,
                time_ms,
                redo,
            } => WireError::ChangedSince {
                user,
                record,
                time_ms,
                redo,
            },
            E::DeletedSince {
                user,
                record,
                time_ms,
                redo,
            } => WireError::DeletedSince {
                user,
                record,
                time_ms,
                redo,
            },
            E::Refused(reason) => WireError::Refused(reason),
            E::NotFound(record) => WireError::NotFound(record),
            E::Exists(record) => WireError::Exists(record),
            other => WireError::Server(other.to_string()),
        }
    }
}

impl From<WireError> for crate::store::StoreError {
    fn from(error: WireError) -> crate::store::StoreError {
        use crate::store::StoreError as E;
        match error {
            WireError::Invalid(errors) => E::Invalid(errors),
            WireError::GoalNotFound(code) => E::GoalNotFound(code),
            WireError::MeasureNotFound(id) => E::MeasureNotFound(id),
            WireError::IdOutOfRange { id, max } => E::IdOutOfRange { id, max },
            WireError::MeasureExists(id) => E::MeasureExists(id),
            WireError::DuplicateCode(code) => E::DuplicateCode(code),
            WireError::AlreadyLinked { measure, goal } => E::AlreadyLinked { measure, goal },
            WireError::NotLinked { measure, goal } => E::NotLinked { measure, goal },
            WireError::GoalInUse {
                code,
                measures,
                children,
            } => E::GoalInUse {
                code,
                measures,
                children,
            },
            WireError::MoveIntoOwnSubtree(code) => E::MoveIntoOwnSubtree(code),
            WireError::Conflict {
                record,
                expected,
                found,
            } => E::Conflict {
                record,
                expected,
                found,
            },
            WireError::NothingToUndo => E::NothingToUndo,
            WireError::NothingToRedo => E::NothingToRedo,
            WireError::ChangedSince {
                user,
                record,
                time_ms,
                redo,
            } => E::ChangedSince {
                user,
                record,
                time_ms,
                redo,
            },
            WireError::DeletedSince {
                user,
                record,
                time_ms,
                redo,
            } => E::DeletedSince {
                user,
                record,
                time_ms,
                redo,
            },
            WireError::Server(reason) => E::Server(reason),
            WireError::Refused(reason) => E::Refused(reason),
            WireError::NotFound(record) => E::NotFound(record),
            WireError::Exists(record) => E::Exists(record),
        }
    }
}
