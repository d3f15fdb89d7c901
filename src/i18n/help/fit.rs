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
];
