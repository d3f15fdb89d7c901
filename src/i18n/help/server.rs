//! Help texts of the server: `serve`, `server status|stop`, and the global `--no-server` and
//! `--as`.

use super::Entry;

pub(super) const SERVER: &[Entry] = &[
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
        "serve --group",
        "Die Datenbank mit dieser Unix-Gruppe teilen (Verzeichnis 2770, Dateien und Socket 0660)",
        "Share the database with this Unix group (directory 2770, files and socket 0660)",
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
