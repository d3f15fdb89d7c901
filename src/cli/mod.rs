//! The command line (clap 4): `quartier` opens the TUI; subcommands do the same work for scripts.
//! Errors are one clear line on stderr in the user's language, with a non-zero exit code.

mod args;
mod backup;
mod command;
pub mod config;
mod decisions;
mod error;
pub mod exchange;
mod goals;
pub mod help;
mod history;
mod log;
mod measures;
mod money;
mod output;
mod progress;
mod report;
mod server;
mod shell;
mod standalone;
mod start_tui;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use args::{GoalCommand, IndicatorCommand, MeasureCommand, MeasureFields};
pub use command::Command;
pub use error::CliError;
pub use report::{ReportArgs, ReportFormat};

use crate::i18n::{Lang, Localize, Text};
use crate::store::{Repository, Store, current_user};

/// quartier: Maßnahmen und Ziele eines Quartiersmanagements / measures and goals of a
/// Quartiersmanagement office.
#[derive(Debug, Parser)]
#[command(name = "quartier", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages: de (default) or en. Without it, LANG/LC_ALL starting with `en`
    /// choose English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Database directory. Default: $QUARTIER_DB, else the config file's `database`, else
    /// $XDG_DATA_HOME/quartier/db
    /// (~/.local/share/quartier/db).
    #[arg(long, global = true, env = "QUARTIER_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Open the database in this process instead of through its server (one user only).
    #[arg(
        long,
        global = true,
        env = "QUARTIER_NO_SERVER",
        value_parser = clap::builder::FalseyValueParser::new()
    )]
    pub no_server: bool,
    /// A name recorded with changes beside the Unix user (where an office shares an account).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub display_name: Option<String>,
    /// The config file. Default: $QUARTIER_CONFIG, else $XDG_CONFIG_HOME/quartier/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// What this process has open (`TUI`, `measure add`), told to the server for
    /// `server status`; set from the parsed arguments.
    #[arg(skip)]
    pub purpose: String,
    /// The config file as read before parsing (for the language of `--help`); read again
    /// from `--config` when missing.
    #[arg(skip)]
    pub settings: Option<config::Settings>,
}

/// The database directory: `explicit` (`--db`, `$QUARTIER_DB` or the config file's), else the
/// XDG data dir.
pub fn database_path(explicit: Option<PathBuf>) -> Result<PathBuf, CliError> {
    if let Some(path) = explicit {
        return Ok(path);
    }
    directories::ProjectDirs::from("", "", "quartier")
        .map(|dirs| dirs.data_dir().join("db"))
        .ok_or(CliError::NoHome)
}

/// True when stdin and stdout are a terminal (the TUI needs one).
fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Parses the process's arguments with help texts in the UI language, runs, and returns the
/// exit code. `--help` follows `--lang`/`LANG` like every other message.
pub fn main() -> i32 {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let settings = config::load(config::config_path(config::path_from_args(&args)));
    let lang = help::lang_from_args(&args, settings.lang);
    shell::complete(lang);
    let matches = help::command(lang).get_matches_from(args);
    match Cli::from_arg_matches(&matches) {
        Ok(mut cli) => {
            cli.purpose = help::purpose(&matches);
            cli.settings = Some(settings);
            run(cli)
        }
        Err(error) => error.exit(),
    }
}

/// Runs the command line; returns the process exit code.
pub fn run(mut cli: Cli) -> i32 {
    let settings = match cli.settings.take() {
        Some(settings) => settings,
        None => config::load(config::config_path(cli.config.clone())),
    };
    let lang = Lang::detect(cli.lang.or(settings.lang));
    match execute(cli, settings, lang) {
        Ok(code) => code,
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(error) => {
            for line in error.details(lang) {
                eprintln!("{line}");
            }
            eprintln!("{}: {}", lang.t(Text::ErrorPrefix), error.localize(lang));
            if let Some(hint) = error.hint(lang) {
                eprintln!("{hint}");
            }
            error.exit_code()
        }
    }
}

fn execute(cli: Cli, settings: config::Settings, lang: Lang) -> Result<i32, CliError> {
    if let Some(Command::Config {
        print_default,
        check,
    }) = cli.command
    {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let code = standalone::config(&settings, lang, print_default, check, &mut out)?;
        std::io::Write::flush(&mut out)?;
        return Ok(code);
    }
    // Problems of the config file are said once, on stderr (the TUI also lists them in its
    // messages, Ctrl-g); the program goes on with the defaults for the bad parts.
    let problems = settings.all_problems();
    if cli.command.is_some() || !has_terminal() {
        for problem in &problems {
            eprintln!("quartier: {}", settings.describe(problem, lang));
        }
    }
    let path = database_path(cli.db.or_else(|| settings.database.clone()))?;
    let display_name = cli.display_name.or_else(|| settings.display_name.clone());
    decisions::set_proof_months(settings.proof_months);
    match cli.command {
        Some(Command::Serve {
            detach,
            idle_exit,
            group,
        }) => {
            return server::serve(&path, detach, idle_exit, group.as_deref());
        }
        Some(Command::Server(command)) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let code = server::run(&path, lang, command, &mut out)?;
            std::io::Write::flush(&mut out)?;
            return Ok(code);
        }
        Some(Command::Completions { shell }) => {
            return standalone::to_stdout(|out| shell::write_completions(shell, out));
        }
        Some(Command::Man) => return standalone::to_stdout(|out| shell::write_man(lang, out)),
        _ => {}
    }
    // A missing or empty directory becomes a new database: say so, once, on stderr, so a
    // mistyped --db or a forgotten QUARTIER_DB does not go unnoticed.
    let new = std::fs::read_dir(&path).map_or(true, |mut entries| entries.next().is_none());
    if cli.command.is_none() && new && !has_terminal() {
        // Refused before opening, so no database is created for nothing. (An existing one is
        // opened first, so a held database still says that it is in use.)
        return Err(CliError::NoTerminal);
    }
    let (mut store, events) = if cli.no_server {
        let store = Store::open(&path)?;
        error::print_repairs(&store, lang);
        backup::daily(&store, lang);
        (Box::new(store) as Box<dyn Repository>, None)
    } else {
        let hello = server::hello(lang, display_name, &cli.purpose);
        let program = std::env::current_exe()?;
        let client = crate::net::connect(&path, hello, Some(&program))?;
        // Only the TUI shows what others change while it runs.
        let events = cli.command.is_none().then(|| client.subscribe());
        (Box::new(client) as Box<dyn Repository>, events)
    };
    if new {
        eprintln!(
            "{}",
            crate::text::sanitize_line(&crate::i18n::fill(
                lang.t(Text::NoticeNewDatabase),
                &[("path", &path.display())]
            ))
        );
    }
    let Some(command) = cli.command else {
        return start_tui::run_tui(store, events, lang, &path, &settings);
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let code = dispatch(&mut *store, &path, lang, command, &mut out)?;
    std::io::Write::flush(&mut out)?;
    Ok(code)
}

fn dispatch(
    store: &mut dyn Repository,
    path: &std::path::Path,
    lang: Lang,
    command: Command,
    out: &mut impl std::io::Write,
) -> Result<i32, CliError> {
    let actor = current_user();
    match command {
        Command::Goals { json } => goals::list(store, lang, json, out)?,
        Command::Goal(command) => goals::run(store, &actor, lang, command, out)?,
        Command::Measure(command) => measures::run(store, &actor, lang, *command, out)?,
        Command::Indicator(command) => measures::indicator(store, &actor, lang, command, out)?,
        Command::Link { id, code, primary } => {
            measures::link(store, &actor, lang, &id, &code, primary, out)?
        }
        Command::Unlink { id, code } => measures::unlink(store, &actor, lang, &id, &code, out)?,
        Command::Undo { force } => history::undo(store, &actor, force, lang, out)?,
        Command::Redo { force } => history::redo(store, &actor, force, lang, out)?,
        Command::Log {
            json,
            limit,
            measure,
            goal,
        } => {
            let of = log::of(store, measure.as_deref(), goal.as_deref())?;
            log::log(store, lang, json, limit, of, out)?
        }
        Command::Check => return history::check(store, lang, out),
        Command::Backup { output } => backup::run(store, path, lang, output.as_deref(), out)?,
        Command::Restore { file, yes } => backup::restore(store, &actor, lang, &file, yes, out)?,
        Command::Export(args) => exchange::export(store, lang, args, out)?,
        Command::Import(args) => exchange::import(store, &actor, lang, args, out)?,
        Command::Report(args) => report::run(store, lang, args, out)?,
        Command::DemoData { measures, seed } => {
            let mut progress = progress::Progress::start(lang, "demo-data", 1);
            progress.set_count(measures);
            progress.step(Text::ProgressGenerate);
            let count = crate::demo::fill(store, &actor, measures, seed)?;
            progress.clear();
            let done = crate::i18n::fill(lang.t(Text::DoneDemoData), &[("count", &count)]);
            output::line(out, &done)?;
        }
        Command::Pot(command) => money::pot(store, &actor, lang, command, out)?,
        Command::Plan(command) => money::plan(store, &actor, lang, command, out)?,
        Command::Payment(command) => money::payment(store, &actor, lang, command, out)?,
        Command::Session(command) => decisions::session(store, &actor, lang, command, out)?,
        Command::Decision(command) => decisions::decision(store, &actor, lang, command, out)?,
        Command::Deadline(command) => decisions::deadline(store, &actor, lang, command, out)?,
        Command::Due { within, json } => return decisions::due(store, lang, within, json, out),
        Command::Serve { .. }
        | Command::Server(_)
        | Command::Completions { .. }
        | Command::Man
        | Command::Config { .. } => {
            unreachable!("handled before the store opens")
        }
    }
    Ok(0)
}
