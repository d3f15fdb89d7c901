//! Help texts of issue 16 (fit the habits of terminal users): `completions`, `man`, `config`
//! and the global `--config`.

use super::Entry;

pub(super) const FIT: &[Entry] = &[
    (
        "completions",
        "Das Vervollständigungs-Skript der Shell ausgeben (Zielcodes und Maßnahmen-Nummern kommen aus der Datenbank)",
        "Print the shell completion script (goal codes and measure ids complete from the database)",
    ),
    (
        "completions <shell>",
        "bash, zsh oder fish",
        "bash, zsh or fish",
    ),
    (
        "man",
        "Die Handbuchseite (roff) mit allen Unterbefehlen ausgeben",
        "Print the manual page (roff) with every subcommand",
    ),
    (
        "--config",
        "Die Konfigurationsdatei. Standard: $QUARTIER_CONFIG, sonst $XDG_CONFIG_HOME/quartier/config.toml",
        "The config file. Default: $QUARTIER_CONFIG, else $XDG_CONFIG_HOME/quartier/config.toml",
    ),
    (
        "config",
        "Die Konfigurationsdatei: ihr Pfad, die kommentierten Vorgaben oder eine Prüfung",
        "The config file: its path, the commented defaults, or a check of it",
    ),
    (
        "config --print-default",
        "Eine Konfigurationsdatei mit jedem Schlüssel und seiner Vorgabe ausgeben, auskommentiert",
        "Print a config file with every key and its default, commented out",
    ),
    (
        "config --check",
        "Die Konfigurationsdatei prüfen (--config, $QUARTIER_CONFIG oder der Standardort); Exit 1 bei Fehlern",
        "Check the config file (--config, $QUARTIER_CONFIG or the default place); exit 1 on problems",
    ),
];
