//! The config file (issue 16): `$XDG_CONFIG_HOME/quartier/config.toml`, or `--config FILE` /
//! `$QUARTIER_CONFIG`. Every key is optional: default database, language, display name, mouse,
//! `[theme]` colours per role and `[keys]` rebindings by action name. A bad part (unknown key,
//! wrong type, unknown action, colour or key name, a colliding key) is reported with file, line
//! and reason, and the defaults stay for that part only; reading a config never fails.

mod default_file;
mod read;

use std::path::{Path, PathBuf};

use ratatui::style::Color;

pub use default_file::default_file;

use crate::app::keymap::{KeyProblem, Keymap, Rebinding};
use crate::i18n::{Lang, Text, fill};
use crate::ui::Theme;

/// The environment variable naming the config file (tests, several setups).
pub const CONFIG_VAR: &str = "QUARTIER_CONFIG";

/// What the config file says; defaults where it says nothing or something wrong.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The file read (it need not exist).
    pub path: PathBuf,
    pub database: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub display_name: Option<String>,
    /// `None`: not set (the mouse is on).
    pub mouse: Option<bool>,
    /// Months after a measure's end its Verwendungsnachweis is due (office default; 6).
    pub proof_months: Option<u32>,
    /// (role, colour) in file order.
    pub colours: Vec<(String, Color)>,
    pub rebindings: Vec<Rebinding>,
    /// Everything that was wrong, in file order (key rebindings are checked by
    /// [`Settings::keymap`]).
    pub problems: Vec<Problem>,
}

/// One problem of the file: its line (1-based) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub reason: Reason,
}

/// Why a part of the file was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Unreadable(String),
    Syntax(String),
    UnknownKey(String),
    WrongType {
        key: String,
        expected: &'static str,
        found: String,
    },
    UnknownLang(String),
    UnknownColour {
        role: String,
        value: String,
    },
    UnknownContext(String),
    Keys(KeyProblem),
}

/// The config file to read: `--config`, else `$QUARTIER_CONFIG`, else
/// `$XDG_CONFIG_HOME/quartier/config.toml`; `None` without a home directory.
pub fn config_path(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(CONFIG_VAR)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| {
            directories::ProjectDirs::from("", "", "quartier")
                .map(|dirs| dirs.config_dir().join("config.toml"))
        })
}

/// `--config FILE` / `--config=FILE` as given on the command line, before parsing.
pub fn path_from_args(args: &[std::ffi::OsString]) -> Option<PathBuf> {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            break;
        }
        if text == "--config" {
            return iter.next().map(PathBuf::from);
        }
        if let Some(value) = text.strip_prefix("--config=") {
            return Some(PathBuf::from(value));
        }
    }
    None
}

/// Reads the settings at `path`; a missing file gives the defaults without a problem.
pub fn load(path: Option<PathBuf>) -> Settings {
    let Some(path) = path else {
        return Settings::default();
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        // Missing, or in a directory this user may not look into (`sudo -u` keeps a HOME
        // that is not theirs): no config file for this user. A file that is there but cannot be
        // read is a problem.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound || path.try_exists().is_err() => {
            return Settings {
                path,
                ..Settings::default()
            };
        }
        Err(e) => {
            let problems = vec![Problem {
                line: 0,
                reason: Reason::Unreadable(e.to_string()),
            }];
            return Settings {
                path,
                problems,
                ..Settings::default()
            };
        }
    };
    let mut settings = read::parse(&text);
    settings.database = settings.database.map(|db| place(&db, &path));
    settings.path = path;
    settings
}

/// Where the file's `database` is: `~/…` in the home directory, a relative path next to the
/// config file (not in whatever directory quartier was started from).
fn place(database: &Path, config: &Path) -> PathBuf {
    if let Ok(rest) = database.strip_prefix("~")
        && let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
    {
        return PathBuf::from(home).join(rest);
    }
    if database.is_relative() {
        let dir = config.parent().unwrap_or(Path::new("."));
        return dir.join(database);
    }
    database.to_path_buf()
}

impl Settings {
    /// The keymap with the file's rebindings, and the refused ones as problems.
    pub fn keymap(&self) -> (Keymap, Vec<Problem>) {
        let (keymap, refused) = Keymap::with(&self.rebindings);
        let problems = refused
            .into_iter()
            .map(|p| Problem {
                line: p.line(),
                reason: Reason::Keys(p),
            })
            .collect();
        (keymap, problems)
    }

    /// The theme: the file's colours over the defaults; `NO_COLOR` from the environment wins.
    pub fn theme(&self) -> Theme {
        let mut theme = Theme::from_env();
        for (role, colour) in &self.colours {
            theme = theme.with_colour(role, *colour).unwrap_or(theme);
        }
        theme
    }

    /// Whether the TUI captures the mouse (default: yes).
    pub fn mouse(&self) -> bool {
        self.mouse.unwrap_or(true)
    }

    /// Every problem of the file, the keys' included, in line order.
    pub fn all_problems(&self) -> Vec<Problem> {
        let mut all = self.problems.clone();
        all.extend(self.keymap().1);
        all.sort_by_key(|p| p.line);
        all
    }

    /// A problem as one line: `file:line: reason`.
    pub fn describe(&self, problem: &Problem, lang: Lang) -> String {
        describe(&self.path, problem, lang)
    }
}

/// A problem as one line: `file:line: reason` (without a line for an unreadable file).
pub fn describe(path: &Path, problem: &Problem, lang: Lang) -> String {
    let reason = problem.reason.text(lang);
    let line = if problem.line == 0 {
        format!("{}: {reason}", path.display())
    } else {
        format!("{}:{}: {reason}", path.display(), problem.line)
    };
    crate::text::sanitize_line(&line).to_string()
}

impl Reason {
    /// Why, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Reason::Unreadable(error) => fill(lang.t(Text::ConfigUnreadable), &[("error", error)]),
            Reason::Syntax(message) => fill(lang.t(Text::ConfigSyntax), &[("message", message)]),
            Reason::UnknownKey(key) => fill(lang.t(Text::ConfigUnknownKey), &[("key", key)]),
            Reason::WrongType {
                key,
                expected,
                found,
            } => fill(
                lang.t(Text::ConfigWrongType),
                &[("key", key), ("expected", expected), ("found", found)],
            ),
            Reason::UnknownLang(value) => {
                fill(lang.t(Text::ConfigUnknownLang), &[("value", value)])
            }
            Reason::UnknownColour { role, value } => {
                let names: Vec<&str> = crate::ui::theme::COLOUR_NAMES
                    .iter()
                    .map(|(n, _)| *n)
                    .collect();
                fill(
                    lang.t(Text::ConfigUnknownColour),
                    &[
                        ("role", role),
                        ("value", value),
                        ("names", &names.join(", ")),
                    ],
                )
            }
            Reason::UnknownContext(name) => {
                use strum::IntoEnumIterator;
                let names: Vec<&str> = crate::app::Context::iter()
                    .map(|c| c.config_name())
                    .collect();
                fill(
                    lang.t(Text::ConfigUnknownContext),
                    &[("name", name), ("names", &names.join(", "))],
                )
            }
            Reason::Keys(problem) => key_problem(problem, lang),
        }
    }
}

fn key_problem(problem: &KeyProblem, lang: Lang) -> String {
    let context =
        |c: &crate::app::Context| format!("{}, [keys.{}]", lang.t(c.title()), c.config_name());
    match problem {
        KeyProblem::UnknownAction {
            context: c, name, ..
        } => {
            let place = c.map(|c| format!(" ({})", context(&c))).unwrap_or_default();
            fill(
                lang.t(Text::ConfigUnknownAction),
                &[("name", name), ("place", &place)],
            )
        }
        KeyProblem::UnknownKey { key, .. } => {
            fill(lang.t(Text::ConfigUnknownKeyName), &[("key", key)])
        }
        KeyProblem::NoKeys { name, .. } => fill(lang.t(Text::ConfigNoKeys), &[("name", name)]),
        KeyProblem::TypesText {
            key, context: c, ..
        } => fill(
            lang.t(Text::ConfigTypesText),
            &[("key", key), ("context", &context(c))],
        ),
        KeyProblem::Collision {
            key,
            name,
            context: c,
            other,
            other_context,
            ..
        } => fill(
            lang.t(Text::ConfigCollision),
            &[
                ("key", key),
                ("name", name),
                ("context", &context(c)),
                ("other", other),
                ("other_context", &context(other_context)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests;
