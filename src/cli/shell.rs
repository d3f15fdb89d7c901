//! Fitting into the shell: `quartier completions bash|zsh|fish` (clap_complete's dynamic
//! completion, so goal codes and measure ids come from the database while typing) and
//! `quartier man` (clap_mangen, one page with every subcommand).
//!
//! The completion script calls `quartier` again with `COMPLETE=<shell>` set; [`complete`] answers
//! that call before anything else runs (nothing is written to stdout before it). Candidates for
//! goal codes and measure ids are read from the database only when it already exists: through
//! its running server, else in this process; completion never creates a database or starts a
//! server.

use std::io::Write;
use std::path::PathBuf;

use clap::{Command, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::Shells;

use crate::i18n::Lang;
use crate::store::{Repository, Store};

/// The environment variable the completion scripts set when they ask for candidates.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// The shells `quartier completions` writes a script for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
        }
    }
}

/// Answers a completion request (`COMPLETE=bash quartier -- …`) and exits; returns at once when
/// the process was not started for completion.
pub fn complete(lang: Lang) {
    clap_complete::CompleteEnv::with_factory(move || completing(super::help::command(lang)))
        .var(COMPLETE_VAR)
        .complete();
}

/// Writes the completion script of `shell` (what `COMPLETE=<shell> quartier` prints).
pub fn write_completions(shell: Shell, out: &mut dyn Write) -> std::io::Result<()> {
    let program = std::env::current_exe()?;
    let completer = program.to_string_lossy();
    let shells = Shells::builtins();
    let Some(writer) = shells.completer(shell.name()) else {
        return Err(std::io::Error::other(format!(
            "no completion for {}",
            shell.name()
        )));
    };
    writer.write_registration(COMPLETE_VAR, "quartier", "quartier", &completer, out)
}

/// Writes one man page: the command and, after it, a section for every subcommand with its
/// synopsis and options.
pub fn write_man(lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let mut command = super::help::command(lang).disable_help_subcommand(true);
    command.build();
    clap_mangen::Man::new(command.clone()).render(out)?;
    write_subcommands(&command, "quartier", out)
}

fn write_subcommands(command: &Command, path: &str, out: &mut dyn Write) -> std::io::Result<()> {
    for sub in command.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let path = format!("{path} {}", sub.get_name());
        let sub = sub.clone().bin_name(&path);
        let man = clap_mangen::Man::new(sub.clone());
        let mut page = Vec::new();
        man.render_synopsis_section(&mut page)?;
        man.render_description_section(&mut page)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut page)?;
        }
        // The subcommand's own headings become sub-headings under its name.
        let page = String::from_utf8_lossy(&page).replace(".SH ", ".SS ");
        writeln!(out, ".SH \"{}\"", path.to_uppercase())?;
        out.write_all(page.as_bytes())?;
        write_subcommands(&sub, &path, out)?;
    }
    Ok(())
}

/// What an argument names, for completion.
#[derive(Clone, Copy)]
enum Names {
    Goal,
    Measure,
}

/// The argument ids that name a goal or a measure, in any subcommand.
fn names_of(id: &str) -> Option<Names> {
    match id {
        "code" | "parent" | "goal" | "goals" => Some(Names::Goal),
        "id" | "measure" => Some(Names::Measure),
        _ => None,
    }
}

/// The command with candidates for every argument that names a goal or a measure.
fn completing(mut command: Command) -> Command {
    let ids: Vec<(String, Names)> = command
        .get_arguments()
        .filter_map(|a| Some((a.get_id().to_string(), names_of(a.get_id().as_str())?)))
        .collect();
    for (id, names) in ids {
        command = command.mut_arg(id, |arg| {
            arg.add(ArgValueCandidates::new(move || candidates(names)))
        });
    }
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        command = command.mut_subcommand(name, completing);
    }
    command
}

/// Goal codes (with their titles) or measure ids from the database; none when it cannot be read.
fn candidates(names: Names) -> Vec<CompletionCandidate> {
    let Some(store) = open_existing(&database()) else {
        return Vec::new();
    };
    let found = match names {
        Names::Goal => store.goals().map(|goals| {
            goals
                .into_iter()
                .map(|g| {
                    let title = crate::text::sanitize_line(&g.title).to_string();
                    CompletionCandidate::new(g.code).help(Some(title.into()))
                })
                .collect()
        }),
        Names::Measure => store.measure_ids().map(|ids| {
            ids.into_iter()
                .map(|id| CompletionCandidate::new(id.to_string()))
                .collect()
        }),
    };
    found.unwrap_or_default()
}

/// The database completion reads: `$QUARTIER_DB`, else the config file's, else the default.
fn database() -> PathBuf {
    let explicit = std::env::var_os("QUARTIER_DB")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let configured =
        explicit.or_else(|| super::config::load(super::config::config_path(None)).database);
    super::database_path(configured).unwrap_or_default()
}

/// The database at `path` through its running server, else in this process; `None` when it
/// does not exist yet (completion creates nothing) or cannot be opened.
fn open_existing(path: &std::path::Path) -> Option<Box<dyn Repository>> {
    let mut entries = std::fs::read_dir(path).ok()?;
    let _first = entries.next()?;
    let socket = crate::net::socket::socket_path(path);
    let hello = super::server::hello(Lang::En, None, "completion");
    if let Ok(client) = crate::net::client::Client::connect(&socket, hello) {
        return Some(Box::new(client));
    }
    Store::open(path)
        .ok()
        .map(|store| Box::new(store) as Box<dyn Repository>)
}
