//! Errors at the command-line edge, each one localised line.

use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{MeasureId, ValidationError};
use crate::store::StoreError;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("invalid input")]
    Invalid(Vec<ValidationError>),
    #[error("no such goal {0}")]
    UnknownGoal(String),
    #[error("no such measure {0}")]
    UnknownMeasure(String),
    #[error("no such payment {0}")]
    UnknownPayment(String),
    #[error("no indicator {name} on {measure}")]
    UnknownIndicator { measure: MeasureId, name: String },
    #[error("database not empty")]
    DemoNotEmpty(usize),
    #[error("no home directory")]
    NoHome,
    #[error("standard input/output is not a terminal")]
    NoTerminal,
    #[error("the import file has problems")]
    Import(Vec<crate::exchange::ImportProblem>),
    #[error("file exists: {0}")]
    FileExists(std::path::PathBuf),
    #[error("restore needs --yes without a terminal")]
    NeedsYes,
    #[error("unknown format of {0}")]
    FormatUnknown(std::path::PathBuf),
    #[error("format not supported here: {0}")]
    FormatUnsupported(String),
    #[error("output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{0} exists")]
    ReportExists(std::path::PathBuf),
    #[error("cannot write {path}: {source}")]
    ReportWrite {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("QUARTIER_TODAY is not a date: {0}")]
    Today(String),
    #[error("xlsx needs an output file")]
    XlsxNeedsFile,
    #[error(transparent)]
    Connect(#[from] crate::net::ConnectError),
    #[error("no group {0}")]
    UnknownGroup(String),
    #[error("cannot share {path} with group {group}: {source}")]
    ShareGroup {
        path: std::path::PathBuf,
        group: String,
        source: std::io::Error,
    },
}

impl From<crate::demo::DemoError> for CliError {
    fn from(error: crate::demo::DemoError) -> CliError {
        match error {
            crate::demo::DemoError::NotEmpty(count) => CliError::DemoNotEmpty(count),
            crate::demo::DemoError::Store(e) => CliError::Store(e),
        }
    }
}

impl CliError {
    /// 2 when the database is held by another process (scripts can retry), else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Store(StoreError::Locked(_)) => 2,
            CliError::Connect(crate::net::ConnectError::PermissionDenied(_)) => 2,
            _ => 1,
        }
    }

    /// Lines to print before the error line: the problems of an import file, at most
    /// [`crate::exchange::MAX_SHOWN_PROBLEMS`] of them and then how many more there are.
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match self {
            CliError::Import(problems) => crate::exchange::shown_problems(problems, lang),
            _ => Vec::new(),
        }
    }

    /// A second line telling the user how to proceed, where there is one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        match self {
            CliError::Store(StoreError::GoalInUse { .. }) => Some(lang.t(Text::HintForce).into()),
            CliError::ReportExists(_) => Some(lang.t(Text::HintReportForce).into()),
            CliError::Store(StoreError::Conflict { .. }) => Some(lang.t(Text::HintRunAgain).into()),
            CliError::Store(StoreError::Locked(path))
                if crate::net::socket::socket_path(path).exists() =>
            {
                Some(lang.t(Text::HintServerRuns).into())
            }
            _ => None,
        }
    }
}

impl Localize for CliError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            CliError::Store(e) => e.localize(lang),
            CliError::Invalid(errors) => StoreError::Invalid(errors.clone()).localize(lang),
            CliError::UnknownGoal(code) => fill(lang.t(Text::ErrGoalNotFound), &[("code", code)]),
            CliError::UnknownMeasure(id) => fill(lang.t(Text::ErrMeasureNotFound), &[("id", id)]),
            CliError::UnknownPayment(id) => {
                fill(lang.t(Text::ErrPaymentNotFound), &[("payment", id)])
            }
            CliError::UnknownIndicator { measure, name } => fill(
                lang.t(Text::ErrIndicatorNotFound),
                &[("measure", measure), ("name", name)],
            ),
            CliError::DemoNotEmpty(count) => {
                fill(lang.t(Text::ErrDemoNotEmpty), &[("count", count)])
            }
            CliError::NoHome => "HOME / XDG_DATA_HOME?".into(),
            CliError::NoTerminal => lang.t(Text::ErrNoTerminal).into(),
            CliError::Import(problems) => {
                fill(lang.t(Text::ErrImport), &[("count", &problems.len())])
            }
            CliError::FileExists(path) => {
                fill(lang.t(Text::ErrFileExists), &[("path", &path.display())])
            }
            CliError::NeedsYes => lang.t(Text::ErrNeedsYes).into(),
            CliError::FormatUnknown(path) => {
                fill(lang.t(Text::ErrFormatUnknown), &[("path", &path.display())])
            }
            CliError::FormatUnsupported(format) => {
                fill(lang.t(Text::ErrFormatUnsupported), &[("format", format)])
            }
            CliError::Output(e) => crate::i18n::explain(e, lang).unwrap_or_else(|| e.to_string()),
            CliError::ReportExists(path) => {
                fill(lang.t(Text::ErrReportExists), &[("path", &path.display())])
            }
            CliError::ReportWrite { path, source } => fill(
                lang.t(Text::ErrReportWrite),
                &[
                    ("path", &path.display()),
                    (
                        "error",
                        &crate::i18n::explain(source, lang)
                            .unwrap_or_else(|| crate::i18n::explain_io(path, source, lang)),
                    ),
                ],
            ),
            CliError::Today(value) => fill(lang.t(Text::ErrToday), &[("value", value)]),
            CliError::XlsxNeedsFile => lang.t(Text::ErrXlsxNeedsFile).into(),
            CliError::Connect(error) => connect_message(error, lang),
            CliError::UnknownGroup(group) => {
                fill(lang.t(Text::ErrUnknownGroup), &[("group", group)])
            }
            CliError::ShareGroup {
                path,
                group,
                source,
            } if source.kind() == std::io::ErrorKind::PermissionDenied => fill(
                lang.t(Text::ErrShareGroup),
                &[("path", &path.display()), ("group", group)],
            ),
            CliError::ShareGroup {
                path,
                group,
                source,
            } => fill(
                lang.t(Text::ErrShareGroupFailed),
                &[
                    ("path", &path.display()),
                    ("group", group),
                    ("reason", &crate::i18n::explain_io(path, source, lang)),
                ],
            ),
        }
        .chars()
        .map(|c| {
            if crate::model::is_forbidden_in_line(c) {
                crate::text::REPLACEMENT
            } else {
                c
            }
        })
        .collect()
    }
}

/// Prints what opening the database found and changed before sled saw it (one notice each).
pub fn print_repairs(store: &crate::store::Store, lang: Lang) {
    for repair in store.repairs() {
        eprintln!(
            "{}: {}",
            lang.t(Text::WarningPrefix),
            crate::text::sanitize_line(&repair.localize(lang))
        );
    }
}

fn connect_message(error: &crate::net::ConnectError, lang: Lang) -> String {
    use crate::net::ConnectError as E;
    match error {
        E::NoServer(path) => fill(lang.t(Text::ErrNoServer), &[("path", &path.display())]),
        E::PermissionDenied(path) => fill(
            lang.t(Text::ErrServerPermission),
            &[("path", &path.display())],
        ),
        E::Version {
            server_protocol,
            server_program,
        } => fill(
            lang.t(Text::ErrServerVersion),
            &[
                ("server_protocol", server_protocol),
                ("server_version", server_program),
                ("protocol", &crate::net::protocol::PROTOCOL),
                ("version", &env!("CARGO_PKG_VERSION")),
            ],
        ),
        E::Failed { socket, reason } => fill(
            lang.t(Text::ErrServerFailed),
            &[("path", &socket.display()), ("reason", reason)],
        ),
        E::ServerFailed { log } => fill(
            lang.t(Text::ErrServerNotStarted),
            &[("log", &log.join(" | "))],
        ),
    }
}
