//! The subcommands of `quartier`.

use super::*;

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The goal tree with linked measures and approved sums per goal.
    Goals {
        #[arg(long)]
        json: bool,
    },
    /// Add, edit, move or delete a goal.
    #[command(subcommand)]
    Goal(GoalCommand),
    /// Add, list, show, edit or delete measures.
    #[command(subcommand)]
    Measure(Box<MeasureCommand>),
    /// Add, update or remove indicators of a measure.
    #[command(subcommand)]
    Indicator(IndicatorCommand),
    /// Link a measure to a goal.
    Link {
        /// Measure id (42 or M-0042).
        id: String,
        /// Goal code, e.g. 1.3.
        code: String,
        /// Make this goal the measure's primary goal.
        #[arg(long)]
        primary: bool,
    },
    /// Remove a link between a measure and a goal.
    Unlink { id: String, code: String },
    /// Revert your newest change (also one made in the TUI), never a colleague's.
    Undo {
        /// Also when a colleague changed the same record since.
        #[arg(long)]
        force: bool,
    },
    /// Re-apply your newest undone change.
    Redo {
        /// Also when a colleague changed the same record since.
        #[arg(long)]
        force: bool,
    },
    /// The history: time, user, change.
    Log {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Only the changes of this measure (42 or M-0042), with every field old → new.
        #[arg(long, value_name = "ID")]
        measure: Option<String>,
        /// Only the changes of this goal and its links (e.g. 1.3).
        #[arg(long, value_name = "CODE")]
        goal: Option<String>,
    },
    /// Check the database: every record readable, links consistent. Exit 1 on problems.
    Check,
    /// Write goals and measures as JSON (lossless), CSV (German Excel), XLSX or a Markdown report.
    Export(exchange::ExportArgs),
    /// Read a JSON, CSV or XLSX file: everything is checked first; one undo takes it back.
    Import(exchange::ImportArgs),
    /// Write a backup (quartier/3 JSON) now: to FILE, else to backups/ next to the database.
    Backup {
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Replace the whole database content with a backup, as one undoable change.
    Restore {
        file: PathBuf,
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Figures per goal, fund and year: measures, sums (primary links only), attainment.
    Report(ReportArgs),
    /// Fill an empty database with realistic example measures.
    DemoData {
        #[arg(long)]
        measures: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Run the database's server in the foreground (e.g. as a systemd unit).
    Serve {
        /// Leave the terminal's session (how clients start it).
        #[arg(long)]
        detach: bool,
        /// Stop after this many seconds without a client.
        #[arg(long, value_name = "SECONDS")]
        idle_exit: Option<u64>,
        /// Share the database with this Unix group (directory 2770, files and socket 0660).
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
    },
    /// The database's server: status or stop.
    #[command(subcommand)]
    Server(server::ServerCommand),
    /// Print the shell completion script (goal codes and measure ids complete from the database).
    Completions {
        #[arg(value_enum)]
        shell: shell::Shell,
    },
    /// Print the manual page (roff) with every subcommand.
    Man,
    /// The config file: its path, the commented defaults, or a check of it.
    Config {
        /// Print a config file with every key and its default, commented out.
        #[arg(long, conflicts_with = "check")]
        print_default: bool,
        /// Check the config file (--config, $QUARTIER_CONFIG or the default place); exit 1 on
        /// problems.
        #[arg(long)]
        check: bool,
    },
    /// A fund's money per year: set, list or remove pots.
    #[command(subcommand)]
    Pot(money::PotCommand),
    /// A measure's yearly instalments (Jahresraten): set or show.
    #[command(subcommand)]
    Plan(money::PlanCommand),
    /// Payments of measures: add, list or remove.
    #[command(subcommand)]
    Payment(money::PaymentCommand),
    /// Sessions of the bodies (Gremien): add, list or remove.
    #[command(subcommand)]
    Session(decisions::SessionCommand),
    /// Decisions of the bodies on measures: add, list or remove.
    #[command(subcommand)]
    Decision(decisions::DecisionCommand),
    /// Deadlines (Fristen): add, mark done, remove or list.
    #[command(subcommand)]
    Deadline(decisions::DeadlineCommand),
    /// Overdue deadlines and those due soon, upcoming and recent sessions; exit 1 when a
    /// deadline is overdue (a past session does not count).
    Due {
        /// Days ahead (today included).
        #[arg(long, default_value_t = 30)]
        within: u32,
        #[arg(long)]
        json: bool,
    },
}
