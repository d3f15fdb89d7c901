//! The command line's help texts in both languages: one row per command (`"measure add"`) or
//! argument (`"measure add --title"`, positionals as `<id>`), German first. `cli::help` applies
//! them to the clap command at run time, so `--help` follows `--lang`/`LANG` like every other
//! message. A key `"* --json"` is the text for that argument in any command without a row of
//! its own.

mod data;
mod decisions;
mod fit;
mod goals;
mod measures;
mod money;
mod server;

/// `(key, German, English)`.
type Entry = (&'static str, &'static str, &'static str);

/// Every help text, German first; the root command's key is `""`.
pub const HELP: &[Entry] = &ALL;

const ALL: [Entry;
    GENERAL.len()
        + goals::GOALS.len()
        + measures::MEASURES.len()
        + data::DATA.len()
        + server::SERVER.len()
        + fit::FIT.len()
        + money::MONEY.len()
        + decisions::DECISIONS.len()] = concat([
    GENERAL,
    goals::GOALS,
    measures::MEASURES,
    data::DATA,
    server::SERVER,
    fit::FIT,
    money::MONEY,
    decisions::DECISIONS,
]);

/// The parts one after the other, in one array (a `const` slice cannot be joined otherwise).
const fn concat<const N: usize>(parts: [&[Entry]; 8]) -> [Entry; N] {
    let mut all = [("", "", ""); N];
    let mut at = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            all[at] = parts[part][i];
            at += 1;
            i += 1;
        }
        part += 1;
    }
    all
}

/// The root command, the global options and the arguments every command has.
const GENERAL: &[Entry] = &[
    (
        "",
        "Tastaturgesteuertes Terminalprogramm für Berliner Quartiersmanagements: Ziele, Maßnahmen, Fonds",
        "Keyboard-driven terminal tool for Berlin Quartiersmanagement offices: goals, measures, funds",
    ),
    (
        "--lang",
        "Sprache der Meldungen und der Hilfe: de (Standard) oder en. Ohne die Angabe wählt LANG/LC_ALL mit `en` am Anfang Englisch",
        "Language of messages and help: de (default) or en. Without it, LANG/LC_ALL starting with `en` choose English",
    ),
    (
        "--db",
        "Datenbankverzeichnis. Standard: $QUARTIER_DB, sonst `database` der Konfigurationsdatei, sonst $XDG_DATA_HOME/quartier/db (~/.local/share/quartier/db); ein neues wird angelegt und gemeldet",
        "Database directory. Default: $QUARTIER_DB, else the config file's `database`, else $XDG_DATA_HOME/quartier/db (~/.local/share/quartier/db); a new one is created and announced",
    ),
    ("* --help", "Hilfe anzeigen", "Print help"),
    ("* --version", "Version anzeigen", "Print version"),
    (
        "help",
        "Diese Hilfe oder die Hilfe der genannten Unterbefehle anzeigen",
        "Print this message or the help of the given subcommand(s)",
    ),
    ("* --json", "Als JSON ausgeben", "Print as JSON"),
];

/// Headings and the usage label of the help screen: `(German, English)`.
pub const USAGE: (&str, &str) = ("Aufruf:", "Usage:");
/// Heading of the subcommand list.
pub const COMMANDS: (&str, &str) = ("Befehle", "Commands");
/// Heading of the positional arguments.
pub const ARGUMENTS: (&str, &str) = ("Argumente", "Arguments");
/// Heading of the options.
pub const OPTIONS: (&str, &str) = ("Optionen", "Options");
