//! The arguments of `quartier session …`, `decision …`, `deadline …` and `due` (issue 15).

use clap::Subcommand;

use crate::cli::CliError;
use crate::model::{DecisionId, SessionId};

/// A session id argument (`S-0001` or `1`).
pub(super) fn session_id(text: &str) -> Result<SessionId, CliError> {
    SessionId::parse(text).ok_or_else(|| CliError::UnknownId {
        id: text.trim().to_string(),
        example: "S-0001",
    })
}

/// A decision id argument (`B-0001` or `1`).
pub(super) fn decision_id(text: &str) -> Result<DecisionId, CliError> {
    DecisionId::parse(text).ok_or_else(|| CliError::UnknownId {
        id: text.trim().to_string(),
        example: "B-0001",
    })
}

/// `quartier session …`
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Record a session of a body; prints its id.
    Add {
        /// Quartiersrat, Aktionsfonds-Jury, Steuerungsrunde, Bezirksamt, or the office's own.
        #[arg(long)]
        body: String,
        #[arg(long)]
        date: String,
        /// E.g. where the minutes are.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Every session by date, with its number of decisions.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a session without decisions (S-0001 or 1).
    Remove { session: String },
    /// The report of a session for the minutes: its decisions and the sums per fund.
    Report {
        session: String,
        #[arg(long, value_enum, default_value_t = crate::cli::ReportFormat::Md)]
        format: crate::cli::ReportFormat,
    },
}

/// `quartier decision …`
#[derive(Debug, Subcommand)]
pub enum DecisionCommand {
    /// Record a body's decision on a measure; prints its id and what it proposes.
    Add {
        #[arg(long)]
        session: String,
        #[arg(long)]
        measure: String,
        /// Zustimmung, "Zustimmung mit Auflagen", Ablehnung, Vertagung.
        #[arg(long)]
        outcome: String,
        #[arg(long, value_name = "N")]
        yes: Option<u32>,
        #[arg(long, value_name = "N")]
        no: Option<u32>,
        #[arg(long, value_name = "N")]
        abstain: Option<u32>,
        #[arg(long)]
        amount: Option<String>,
        #[arg(long, default_value = "")]
        conditions: String,
    },
    /// List decisions, by session date.
    List {
        #[arg(long, value_name = "ID")]
        measure: Option<String>,
        #[arg(long, value_name = "ID")]
        session: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Remove a decision (B-0001 or 1).
    Remove { decision: String },
}

/// `quartier deadline …`
#[derive(Debug, Subcommand)]
pub enum DeadlineCommand {
    /// Record a deadline; prints its id.
    Add {
        /// Sachbericht, Zwischennachweis, Verwendungsnachweis, Antragsfrist, Sitzung, sonstige.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        due: String,
        #[arg(long, value_name = "ID")]
        measure: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Mark a deadline done (today, or --date).
    Done {
        deadline: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Remove a deadline (F-0001 or 1).
    Remove { deadline: String },
    /// Open deadlines by due date (with --all also the done ones).
    List {
        #[arg(long, value_name = "ID")]
        measure: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}
