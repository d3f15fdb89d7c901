//! Errors of the store and of applying operations. Typed, so callers can match and localise them.

use std::path::PathBuf;

use crate::model::{MeasureId, ValidationError};

/// Where sled found damaged data, in words: `blobs/<n>` or an offset in the `db` file.
pub fn describe_disk_ptr(at: Option<sled::DiskPtr>) -> String {
    match at {
        Some(sled::DiskPtr::Blob(_, blob)) => format!("blobs/{blob}"),
        Some(sled::DiskPtr::Inline(offset)) => format!("db @ {offset}"),
        None => "db".into(),
    }
}

impl StoreError {
    /// Names the database directory in a sled error where sled does not: an I/O error becomes
    /// [`StoreError::Io`], damaged data [`StoreError::Damaged`].
    pub fn at_path(self, path: &std::path::Path) -> StoreError {
        match self {
            StoreError::Sled(sled::Error::Io(source)) => StoreError::Io {
                path: path.to_path_buf(),
                source,
            },
            StoreError::Sled(sled::Error::Corruption { at, .. }) => StoreError::Damaged {
                path: path.to_path_buf(),
                at: describe_disk_ptr(at),
            },
            other => other,
        }
    }
}

/// A measure or goal named in an error: `M-0012`, or the goal's code.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordName {
    Measure(MeasureId),
    Goal(String),
    /// A fund's pot of a year, `Aktionsfonds 2026` (issue 14).
    Pot(String),
}

impl std::fmt::Display for RecordName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordName::Measure(id) => write!(f, "{id}"),
            RecordName::Goal(code) | RecordName::Pot(code) => f.write_str(code),
        }
    }
}

/// Everything that can go wrong opening the database or applying a change.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the database.
    #[error("database {0} is in use by another quartier process")]
    Locked(PathBuf),
    /// The files belong to someone else or are read-only.
    #[error("no permission to open database {0}")]
    PermissionDenied(PathBuf),
    #[error("database {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("sled: {0}")]
    Sled(#[from] sled::Error),
    /// The disk is full: the database was opened from a copy, read only.
    #[error("disk of {path} is full (mounted at {mount}): read only")]
    DiskFull { path: PathBuf, mount: PathBuf },
    /// sled cannot open the database because a blob file is damaged.
    #[error("database {path}: blob {name} is damaged ({reason})")]
    DamagedBlob {
        path: PathBuf,
        name: String,
        reason: super::disk::BlobDamage,
    },
    /// sled found data it cannot read (a damaged file of the database).
    #[error("database {path} is damaged at {at}")]
    Damaged { path: PathBuf, at: String },
    /// Written by a newer quartier.
    #[error("database schema version {found} is newer than this program's {supported}")]
    SchemaTooNew { found: u64, supported: u64 },
    /// A stored record does not decode.
    #[error("corrupt record in {tree} at key {key}: {reason}")]
    Corrupt {
        tree: &'static str,
        key: String,
        reason: String,
    },
    #[error("invalid input")]
    Invalid(Vec<ValidationError>),
    #[error("goal {0} not found")]
    GoalNotFound(String),
    #[error("measure {0} not found")]
    MeasureNotFound(MeasureId),
    /// An op carries an id above [`super::MAX_ID`].
    #[error("id {id} is above the largest allowed id {max}")]
    IdOutOfRange { id: u64, max: u64 },
    #[error("measure {0} exists already")]
    MeasureExists(MeasureId),
    #[error("goal code {0} exists already")]
    DuplicateCode(String),
    #[error("measure {measure} is linked to goal {goal} already")]
    AlreadyLinked { measure: MeasureId, goal: String },
    #[error("measure {measure} is not linked to goal {goal}")]
    NotLinked { measure: MeasureId, goal: String },
    /// Deleting would unlink measures or delete sub-goals; needs `force`.
    #[error("goal {code} has {measures} linked measures and {children} sub-goals")]
    GoalInUse {
        code: String,
        measures: usize,
        children: usize,
    },
    #[error("goal {0} cannot move under itself or its own sub-goal")]
    MoveIntoOwnSubtree(String),
    /// Someone changed the record since the edit read it: its revision is `found`, not the
    /// `expected` one the edit was based on. Nothing was changed.
    #[error("{record} was changed meanwhile (revision {found}, edit based on {expected})")]
    Conflict {
        record: crate::ops::Record,
        expected: u64,
        found: u64,
    },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    /// Someone else changed a record of the change being undone (or redone) afterwards; only
    /// an undo or redo `anyway` overwrites their change.
    #[error("{user} changed {record} afterwards")]
    ChangedSince {
        /// Who made the newest such change (the actor recorded in the history).
        user: String,
        record: RecordName,
        /// When, in milliseconds since the Unix epoch.
        time_ms: i64,
        /// True when redoing, false when undoing.
        redo: bool,
    },
    /// Someone else deleted the measure of the change being undone (or redone) afterwards:
    /// refused, also `anyway`.
    #[error("{user} deleted {record} afterwards")]
    DeletedSince {
        user: String,
        record: RecordName,
        time_ms: i64,
        redo: bool,
    },
    /// The connection to the database's server ended.
    #[error("connection to the server lost")]
    ServerGone,
    /// The server could not carry out a request; its description.
    #[error("server: {0}")]
    Server(String),
    /// The server does not allow this request from this client.
    #[error("refused by the server: {0}")]
    Refused(String),
    /// A pot, plan or payment an op names does not exist (issue 14).
    #[error("{0} not found")]
    NotFound(crate::ops::Record),
    /// An op adds a payment with an id in use.
    #[error("{0} exists already")]
    Exists(crate::ops::Record),
}
