//! Help of the commands on the database as a whole: history (`undo`, `redo`, `log`), `check`,
//! exchange (`export`, `import`), backups, `report` and `demo-data`.

use super::Entry;

pub(super) const DATA: &[Entry] = &[
    (
        "undo",
        "Die eigene neueste Änderung rückgängig machen (auch eine aus der Oberfläche), nie die eines Kollegen",
        "Revert your newest change (also one made in the TUI), never a colleague's",
    ),
    (
        "undo --force",
        "Auch dann, wenn ein Kollege denselben Datensatz inzwischen geändert hat",
        "Also when a colleague changed the same record since",
    ),
    (
        "redo",
        "Die eigene neueste rückgängig gemachte Änderung wiederholen",
        "Re-apply your newest undone change",
    ),
    (
        "redo --force",
        "Auch dann, wenn ein Kollege denselben Datensatz inzwischen geändert hat",
        "Also when a colleague changed the same record since",
    ),
    (
        "log",
        "Der Verlauf: Zeit, Benutzer, Änderung",
        "The history: time, user, change",
    ),
    (
        "log --limit",
        "Höchstens so viele Einträge, die neuesten zuerst (Standard: 20)",
        "At most this many entries, newest first",
    ),
    (
        "log --measure",
        "Nur die Änderungen dieser Maßnahme (42 oder M-0042), jedes Feld alt → neu",
        "Only the changes of this measure (42 or M-0042), every field old → new",
    ),
    (
        "log --goal",
        "Nur die Änderungen dieses Ziels und seiner Verknüpfungen (z. B. 1.3)",
        "Only the changes of this goal and its links (e.g. 1.3)",
    ),
    (
        "check",
        "Datenbank prüfen: jeder Datensatz lesbar, Verknüpfungen stimmig. Exit 1 bei Problemen",
        "Check the database: every record readable, links consistent. Exit 1 on problems",
    ),
    (
        "export",
        "Ziele und Maßnahmen als JSON (verlustfrei), CSV (deutsches Excel), XLSX oder Markdown-Bericht schreiben",
        "Write goals and measures as JSON (lossless), CSV (German Excel), XLSX or a Markdown report",
    ),
    (
        "export --format",
        "json, csv, xlsx oder md; Standard: nach der Dateiendung, sonst json",
        "json, csv, xlsx or md; default: from the file's extension, else json",
    ),
    (
        "export --output",
        "In diese Datei statt auf die Standardausgabe schreiben (für xlsx nötig)",
        "Write to this file instead of standard output (required for xlsx)",
    ),
    (
        "export --with-history",
        "JSON: den Verlauf mitschreiben",
        "JSON: include the history",
    ),
    (
        "export --what",
        "CSV: measures (Maßnahmen, Standard), indicators (Indikatoren), payments (Zahlungen), plan (Jahresraten), pots (Töpfe), decisions (Beschlüsse) oder deadlines (Fristen)",
        "CSV: measures (default), indicators, payments, plan, pots, decisions or deadlines",
    ),
    (
        "export --force",
        "Eine vorhandene Datei überschreiben",
        "Overwrite an existing file",
    ),
    (
        "import",
        "JSON-, CSV- oder XLSX-Datei einlesen: erst wird alles geprüft; ein Rückgängig nimmt sie zurück",
        "Read a JSON, CSV or XLSX file: everything is checked first; one undo takes it back",
    ),
    (
        "import <file>",
        "Die einzulesende Datei",
        "The file to read",
    ),
    (
        "import --format",
        "json, csv oder xlsx; Standard: nach der Dateiendung",
        "json, csv or xlsx; default: from the file's extension",
    ),
    (
        "import --dry-run",
        "Zeigen, was neu, geändert oder unverändert wäre, und nichts schreiben",
        "Show what would be added, changed or left unchanged, and write nothing",
    ),
    (
        "import --create-goals",
        "Unbekannte Zielkürzel als neue Ziele anlegen, statt die Datei abzulehnen",
        "Create goals for unknown goal codes instead of refusing the file",
    ),
    // exchange 14/15
    (
        "import --what",
        "CSV: was die Datei enthält – payments, plan, pots, decisions oder deadlines (Standard: Maßnahmen oder Indikatoren, nach den Spaltenköpfen)",
        "CSV: what the file holds (default: measures or indicators, told by the header)",
    ),
    (
        "backup",
        "Jetzt eine Sicherung (quartier/3-JSON) schreiben: nach DATEI, sonst nach backups/ neben der Datenbank",
        "Write a backup (quartier/3 JSON) now: to FILE, else to backups/ next to the database",
    ),
    (
        "backup --output",
        "Die Sicherung in diese Datei schreiben",
        "Write the backup to this file",
    ),
    (
        "restore",
        "Den ganzen Inhalt der Datenbank durch eine Sicherung ersetzen, als eine rückgängig zu machende Änderung",
        "Replace the whole database content with a backup, as one undoable change",
    ),
    ("restore <file>", "Die Sicherungsdatei", "The backup file"),
    (
        "restore --yes",
        "Nicht nachfragen (für Skripte)",
        "Do not ask (for scripts)",
    ),
    (
        "report",
        "Zahlen je Ziel, Fonds und Jahr: Maßnahmen, Summen (nur Hauptziele), Zielerreichung, Handlungsbedarf",
        "Figures per goal, fund and year: measures, sums (primary links only), attainment, attention list",
    ),
    (
        "report --year",
        "Nur Maßnahmen, die in diesem Jahr laufen (Beginn bis Ende überschneidet es)",
        "Only measures running in this year (start..end overlaps it)",
    ),
    (
        "report --format",
        "txt (Tabellen, Standard), md (Markdown) oder json (Beträge in Cent)",
        "txt (tables, default), md (Markdown) or json (amounts in cents)",
    ),
    (
        "report --output",
        "Den Bericht in diese Datei statt auf die Standardausgabe schreiben",
        "Write the report to FILE instead of standard output",
    ),
    (
        "report --force",
        "Die Datei überschreiben, wenn es sie gibt",
        "Overwrite FILE if it exists",
    ),
    (
        "demo-data",
        "Eine leere Datenbank mit realistischen Beispiel-Maßnahmen füllen",
        "Fill an empty database with realistic example measures",
    ),
    (
        "demo-data --measures",
        "Anzahl der Maßnahmen",
        "Number of measures",
    ),
    (
        "demo-data --seed",
        "Startwert des Zufalls (gleicher Wert, gleiche Daten; Standard: 1)",
        "Random seed (same seed, same data)",
    ),
];
