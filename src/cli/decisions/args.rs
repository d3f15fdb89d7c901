//! The arguments of `quartier session …`, `decision …`, `deadline …` and `due` (issue 15).

use clap::Subcommand;

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
