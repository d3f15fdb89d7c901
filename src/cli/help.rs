//! `--help` in the user's language: the command clap derives from [`super::Cli`], with every
//! about and help text set from [`crate::i18n::help::HELP`]. The language is decided from
//! `--lang`/`LANG` before parsing, so help follows it like every other message.

use std::ffi::OsString;

use clap::{Command, CommandFactory};

use super::Cli;
use crate::i18n::Lang;
use crate::i18n::help::{ARGUMENTS, COMMANDS, HELP, OPTIONS, USAGE};

/// The UI language as `--lang X` / `--lang=X` on the command line says, else from the
/// environment (as [`Lang::detect`]). Unknown values are left to clap to report.
pub fn lang_from_args(args: &[OsString], configured: Option<Lang>) -> Lang {
    let mut explicit = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => iter.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("de") => explicit = Some(Lang::De),
            Some("en") => explicit = Some(Lang::En),
            _ => {}
        }
    }
    Lang::detect(explicit.or(configured))
}

/// The clap command with help texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut command = Cli::command();
    // Building first creates the help flags and `help` subcommands, so they are localised too.
    command.build();
    localize(command, "", lang)
}

fn pick(pair: (&'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::De => pair.0,
        Lang::En => pair.1,
    }
}

/// The text for `key` in `lang`.
fn text(key: &str, lang: Lang) -> Option<&'static str> {
    HELP.iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, de, en)| pick((de, en), lang))
}

/// The key of a command's about: `help goal add` (clap's help subcommand) names `goal add`.
fn about_key(path: &str) -> String {
    let parts: Vec<&str> = path.split(' ').filter(|p| !p.is_empty()).collect();
    match parts.iter().position(|p| *p == "help") {
        Some(_) if parts.last() == Some(&"help") => "help".into(),
        Some(pos) => [&parts[..pos], &parts[pos + 1..]].concat().join(" "),
        None => parts.join(" "),
    }
}

/// Help text of an argument shown as `key` (`--title`, `<id>`) in the command at `path`.
pub(crate) fn arg_text(path: &str, key: &str, lang: Lang) -> Option<&'static str> {
    text(format!("{path} {key}").trim(), lang)
        .or_else(|| text(&format!("* {key}"), lang))
        .or_else(|| text(key, lang))
}

fn localize(mut command: Command, path: &str, lang: Lang) -> Command {
    if let Some(about) = text(&about_key(path), lang) {
        command = command.about(about).long_about(None);
    }
    let args: Vec<(String, String, bool)> = command
        .get_arguments()
        .map(|a| {
            let positional = a.is_positional();
            let key = match a.get_long() {
                Some(long) if !positional => format!("--{long}"),
                _ => format!("<{}>", a.get_id()),
            };
            (a.get_id().to_string(), key, positional)
        })
        .collect();
    for (id, key, positional) in args {
        let help = arg_text(path, &key, lang);
        command = command.mut_arg(id, |arg| {
            let arg = match help {
                Some(help) => arg.help(help).long_help(None),
                None => arg,
            };
            match lang {
                Lang::En => arg,
                // clap's own notes (`[possible values: …]`, `[env: …]`, `[default: …]`) are
                // English: the German texts name values, defaults and $QUARTIER_DB themselves.
                Lang::De => arg
                    .help_heading(pick(if positional { ARGUMENTS } else { OPTIONS }, lang))
                    .hide_possible_values(true)
                    .hide_env(true)
                    .hide_default_value(true),
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = format!("{path} {name}").trim().to_string();
        command = command.mut_subcommand(name, |s| localize(s, &sub, lang));
    }
    match lang {
        Lang::En => command,
        Lang::De => command
            .subcommand_help_heading(pick(COMMANDS, lang))
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                pick(USAGE, lang)
            )),
    }
}

/// The subcommand path of the arguments (`measure add`), or `TUI`.
pub(super) fn purpose(matches: &clap::ArgMatches) -> String {
    let mut words = Vec::new();
    let mut at = matches;
    while let Some((name, sub)) = at.subcommand() {
        words.push(name.to_string());
        at = sub;
    }
    if words.is_empty() {
        "TUI".into()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(command: &Command, path: &str, visit: &mut impl FnMut(&str, &Command)) {
        visit(path, command);
        for sub in command.get_subcommands() {
            walk(sub, format!("{path} {}", sub.get_name()).trim(), visit);
        }
    }

    /// Every command and argument has a text in both languages, so `--help` never falls back
    /// to the other language (a new flag without a row fails here).
    #[test]
    fn every_command_and_argument_has_a_help_text_in_both_languages() {
        let mut command = Cli::command();
        command.build();
        let mut missing = Vec::new();
        walk(&command, "", &mut |path, c| {
            if text(&about_key(path), Lang::De).is_none() {
                missing.push(format!("command `{path}`"));
            }
            for a in c.get_arguments() {
                let key = match a.get_long() {
                    Some(long) if !a.is_positional() => format!("--{long}"),
                    _ => format!("<{}>", a.get_id()),
                };
                if arg_text(path, &key, Lang::De).is_none() {
                    missing.push(format!("`{path} {key}`"));
                }
            }
        });
        assert!(missing.is_empty(), "no help text for: {missing:#?}");
    }

    #[test]
    fn the_language_comes_from_the_lang_flag_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_from_args(&args(&["q", "--lang", "en", "--help"]), None),
            Lang::En
        );
        assert_eq!(
            lang_from_args(&args(&["q", "measure", "--lang=de"]), None),
            Lang::De
        );
        assert_eq!(
            lang_from_args(&args(&["q", "--lang", "en", "x", "--lang", "de"]), None),
            Lang::De
        );
    }

    #[test]
    fn german_help_is_german_throughout() {
        let help = command(Lang::De)
            .find_subcommand_mut("measure")
            .and_then(|m| m.find_subcommand_mut("edit"))
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        for expected in [
            "Felder einer Maßnahme ändern",
            "Aufruf:",
            "Optionen:",
            "Argumente:",
            "Hilfe anzeigen",
            "Beginn: 2026-03-01",
        ] {
            assert!(help.contains(expected), "{expected}: {help}");
        }
        for english in ["Usage:", "Options:", "Print help", "Change fields"] {
            assert!(!help.contains(english), "{english}: {help}");
        }
    }
}
