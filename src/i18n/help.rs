//! The command line's help texts in both languages: one row per command (`"measure add"`) or
//! argument (`"measure add --title"`, positionals as `<id>`), German first. `cli::help` applies
//! them to the clap command at run time, so `--help` follows `--lang`/`LANG` like every other
//! message. A key `"* --json"` is the text for that argument in any command without a row of
//! its own.

/// `(key, German, English)`; the root command's key is `""`.
pub const HELP: &[(&str, &str, &str)] = &[
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
        "Datenbankverzeichnis. Standard: $QUARTIER_DB, sonst $XDG_DATA_HOME/quartier/db (~/.local/share/quartier/db); ein neues wird angelegt und gemeldet",
        "Database directory. Default: $QUARTIER_DB, else $XDG_DATA_HOME/quartier/db (~/.local/share/quartier/db); a new one is created and announced",
    ),
    ("* --help", "Hilfe anzeigen", "Print help"),
    ("* --version", "Version anzeigen", "Print version"),
    (
        "help",
        "Diese Hilfe oder die Hilfe der genannten Unterbefehle anzeigen",
        "Print this message or the help of the given subcommand(s)",
    ),
    ("* --json", "Als JSON ausgeben", "Print as JSON"),
    (
        "goals",
        "Der Zielbaum mit verknüpften Maßnahmen und bewilligten Summen je Ziel",
        "The goal tree with linked measures and approved sums per goal",
    ),
    (
        "goal",
        "Ziel anlegen, bearbeiten, verschieben oder löschen",
        "Add, edit, move or delete a goal",
    ),
    (
        "goal add",
        "Ziel anlegen: unter --parent, ohne die Angabe als neues oberstes Ziel",
        "Add a goal: under --parent, or a new top-level goal without it",
    ),
    (
        "goal add --parent",
        "Kürzel des Oberziels",
        "Code of the parent goal",
    ),
    (
        "goal add --code",
        "Kürzel des neuen Ziels; Standard: das nächste freie (z. B. 3.7 unter Z3, Z10 oben)",
        "Code of the new goal; default: next free one (e.g. 3.7 under Z3, Z10 at top level)",
    ),
    ("goal add --title", "Titel des Ziels", "Title of the goal"),
    ("goal add --description", "Beschreibung", "Description"),
    (
        "goal edit",
        "Titel, Beschreibung oder Kürzel eines Ziels ändern",
        "Change a goal's title, description or code",
    ),
    ("goal edit <code>", "Kürzel des Ziels", "Code of the goal"),
    ("goal edit --title", "Neuer Titel", "New title"),
    (
        "goal edit --description",
        "Neue Beschreibung",
        "New description",
    ),
    (
        "goal edit --code",
        "Neues Kürzel",
        "A new code for the goal",
    ),
    (
        "goal move",
        "Ziel unter ein anderes Oberziel (`--parent -` für ganz oben) und/oder an eine Position verschieben",
        "Move a goal under another parent (`--parent -` for top level) and/or to a position",
    ),
    ("goal move <code>", "Kürzel des Ziels", "Code of the goal"),
    (
        "goal move --parent",
        "Kürzel des neuen Oberziels, `-` für ganz oben",
        "Code of the new parent, `-` for top level",
    ),
    (
        "goal move --position",
        "Position unter den neuen Geschwistern, ab 1; Standard: zuletzt",
        "1-based position among the new siblings; default: last",
    ),
    (
        "goal delete",
        "Ziel löschen. Mit verknüpften Maßnahmen oder Unterzielen nur mit --force",
        "Delete a goal. With linked measures or sub-goals only with --force",
    ),
    ("goal delete <code>", "Kürzel des Ziels", "Code of the goal"),
    (
        "goal delete --force",
        "Samt Unterzielen löschen und Verknüpfungen lösen; Maßnahmen ohne Ziel werden genannt",
        "Delete with sub-goals and remove links; measures left without goal are named",
    ),
    (
        "measure",
        "Maßnahmen anlegen, auflisten, anzeigen, bearbeiten oder löschen",
        "Add, list, show, edit or delete measures",
    ),
    (
        "measure add",
        "Maßnahme anlegen; gibt ihre ID aus. Das erste --goal ist das Hauptziel",
        "Add a measure; prints its id. The first --goal is the primary goal",
    ),
    ("* --title", "Titel", "Title"),
    (
        "* --description",
        "Beschreibung (mehrzeilig)",
        "Description (multi-line)",
    ),
    ("* --organisation", "Träger", "Träger (organisation)"),
    ("* --contact", "Kontakt", "Contact"),
    (
        "* --responsible",
        "Verantwortlich im QM-Team",
        "QM staff member in charge",
    ),
    (
        "* --reference",
        "Aktenzeichen, z. B. aus dem Fördersystem",
        "E.g. the funding system's file number",
    ),
    (
        "* --fund",
        "Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige (QF1–QF4 gehen auch)",
        "Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige (QF1–QF4 accepted)",
    ),
    (
        "* --requested",
        "Beantragter Betrag in Euro: 12500, 12500.50, 12.500,50 €",
        "Requested amount in euro: 12500, 12500.50, 12.500,50 €",
    ),
    (
        "* --approved",
        "Bewilligter Betrag in Euro",
        "Approved amount in euro",
    ),
    (
        "* --cofunding",
        "Kofinanzierung (Eigenanteil) in Euro",
        "Co-funding (Eigenanteil) in euro",
    ),
    (
        "* --start",
        "Beginn: 2026-03-01, 01.03.2026 oder 01.03.26",
        "Start date: 2026-03-01, 01.03.2026 or 01.03.26",
    ),
    ("* --end", "Ende", "End date"),
    (
        "* --status",
        "idee, beantragt, bewilligt, laufend, abgeschlossen, abgelehnt, abgebrochen",
        "idee, beantragt, bewilligt, laufend, abgeschlossen, abgelehnt, abgebrochen",
    ),
    (
        "* --target-group",
        "Zielgruppe (wiederholbar; einmal angegeben, ersetzt es die Liste)",
        "Target group (repeatable; given at all, it replaces the list)",
    ),
    ("* --location", "Ort", "Location"),
    ("* --notes", "Notizen (mehrzeilig)", "Notes (multi-line)"),
    (
        "measure add --goal",
        "Kürzel eines Ziels (wiederholbar; das erste ist das Hauptziel)",
        "Goal code to link (repeatable; the first is primary)",
    ),
    (
        "measure list",
        "Maßnahmen als Tabelle (oder JSON) auflisten, mit Summenzeile",
        "List measures as a table (or JSON), with a total line",
    ),
    (
        "measure list --goal",
        "Nur Maßnahmen dieses Ziels oder seiner Unterziele",
        "Only measures linked to this goal or its sub-goals",
    ),
    (
        "measure list --status",
        "Nur Maßnahmen mit diesem Status",
        "Only measures with this status",
    ),
    (
        "measure list --fund",
        "Nur Maßnahmen dieses Fonds",
        "Only measures of this fund",
    ),
    (
        "measure list --year",
        "Nur Maßnahmen, die in diesem Jahr laufen (Beginn bis Ende überschneidet es)",
        "Only measures running in this year (start..end overlaps it)",
    ),
    (
        "measure show",
        "Eine Maßnahme mit allen Feldern, Indikatoren, Zielen und Hinweisen anzeigen",
        "Show one measure with every field, indicators, goals and warnings",
    ),
    (
        "* <id>",
        "ID der Maßnahme (42 oder M-0042)",
        "Measure id (42 or M-0042)",
    ),
    (
        "measure edit",
        "Felder einer Maßnahme ändern; ein leerer Wert leert das Feld",
        "Change fields of a measure; an empty value clears a field",
    ),
    (
        "measure delete",
        "Maßnahme samt Verknüpfungen löschen",
        "Delete a measure and its links",
    ),
    (
        "indicator",
        "Indikatoren einer Maßnahme anlegen, setzen oder entfernen",
        "Add, update or remove indicators of a measure",
    ),
    (
        "indicator add",
        "Indikator zu einer Maßnahme hinzufügen",
        "Add an indicator to a measure",
    ),
    (
        "indicator add --name",
        "Name des Indikators",
        "Name of the indicator",
    ),
    (
        "indicator add --unit",
        "Einheit, z. B. Personen",
        "Unit, e.g. Personen",
    ),
    (
        "indicator add --baseline",
        "Ausgangswert (Zahl, höchstens ±10¹²)",
        "Baseline (a number, at most ±10¹²)",
    ),
    (
        "indicator add --target",
        "Zielwert (Zahl, höchstens ±10¹²)",
        "Target (a number, at most ±10¹²)",
    ),
    (
        "* --actual",
        "Istwert (Zahl, höchstens ±10¹²; leer löscht ihn)",
        "Actual value (a number, at most ±10¹²; empty clears it)",
    ),
    (
        "indicator set",
        "Istwert eines Indikators setzen (leer löscht ihn)",
        "Set the actual value of an indicator (empty clears it)",
    ),
    ("* <name>", "Name des Indikators", "Name of the indicator"),
    (
        "indicator remove",
        "Indikator entfernen",
        "Remove an indicator",
    ),
    (
        "link",
        "Maßnahme mit einem Ziel verknüpfen",
        "Link a measure to a goal",
    ),
    (
        "* <code>",
        "Kürzel des Ziels, z. B. 1.3",
        "Goal code, e.g. 1.3",
    ),
    (
        "link --primary",
        "Dieses Ziel zum Hauptziel der Maßnahme machen",
        "Make this goal the measure's primary goal",
    ),
    (
        "unlink",
        "Verknüpfung zwischen Maßnahme und Ziel lösen; eine Maßnahme ohne Ziel wird genannt",
        "Remove a link between a measure and a goal; a measure left without goal is named",
    ),
    (
        "undo",
        "Die neueste Änderung rückgängig machen (auch eine aus der Oberfläche)",
        "Revert the newest change (also one made in the TUI)",
    ),
    (
        "redo",
        "Die neueste rückgängig gemachte Änderung wiederholen",
        "Re-apply the newest undone change",
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
        "CSV: measures (Maßnahmen, Standard) oder indicators (Indikatoren)",
        "CSV: measures (default) or indicators",
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
    (
        "backup",
        "Jetzt eine Sicherung (quartier/1-JSON) schreiben: nach DATEI, sonst nach backups/ neben der Datenbank",
        "Write a backup (quartier/1 JSON) now: to FILE, else to backups/ next to the database",
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
    (
        "--no-server",
        "Die Datenbank in diesem Prozess öffnen statt über ihren Server (nur für eine Person)",
        "Open the database in this process instead of through its server (one user only)",
    ),
    (
        "--as",
        "Name, der neben dem Unix-Benutzer bei Änderungen vermerkt wird (wenn sich ein Büro ein Konto teilt)",
        "A name recorded with changes beside the Unix user (where an office shares an account)",
    ),
    (
        "serve",
        "Den Server der Datenbank im Vordergrund betreiben (z. B. als systemd-Dienst)",
        "Run the database's server in the foreground (e.g. as a systemd unit)",
    ),
    (
        "serve --detach",
        "Die Sitzung des Terminals verlassen (so starten ihn die Clients)",
        "Leave the terminal's session (how clients start it)",
    ),
    (
        "serve --idle-exit",
        "Nach so vielen Sekunden ohne Client beenden",
        "Stop after this many seconds without a client",
    ),
    (
        "server",
        "Der Server der Datenbank: Status oder beenden",
        "The database's server: status or stop",
    ),
    (
        "server status",
        "Pid, Laufzeit, Datenbank, verbundene Personen und bediente Änderungen",
        "Pid, uptime, database, connected users and changes served",
    ),
    (
        "server stop",
        "Den Server sauber beenden (alle Clients werden getrennt)",
        "Stop the server cleanly (every client is disconnected)",
    ),
];

/// Headings and the usage label of the help screen: `(German, English)`.
pub const USAGE: (&str, &str) = ("Aufruf:", "Usage:");
/// Heading of the subcommand list.
pub const COMMANDS: (&str, &str) = ("Befehle", "Commands");
/// Heading of the positional arguments.
pub const ARGUMENTS: (&str, &str) = ("Argumente", "Arguments");
/// Heading of the options.
pub const OPTIONS: (&str, &str) = ("Optionen", "Options");
