//! Help of the decision commands (issue 15): `session …`, `decision …`, `deadline …`, `due`
//! and `measure status`.

use super::Entry;

pub(super) const DECISIONS: &[Entry] = &[
    (
        "session",
        "Sitzungen der Gremien: anlegen, auflisten oder entfernen",
        "Sessions of the bodies: add, list or remove",
    ),
    (
        "session add",
        "Sitzung eines Gremiums erfassen; gibt ihre Nummer aus (S-0001)",
        "Record a session of a body; prints its id (S-0001)",
    ),
    (
        "session add --body",
        "Gremium: Quartiersrat, Aktionsfonds-Jury (oder Jury), Steuerungsrunde, Bezirksamt oder ein eigener Name",
        "Body: Quartiersrat, Aktionsfonds-Jury (or Jury), Steuerungsrunde, Bezirksamt or a name of your own",
    ),
    (
        "session add --date",
        "Datum der Sitzung: 12.03.2026 oder 2026-03-12",
        "Date of the session: 12.03.2026 or 2026-03-12",
    ),
    (
        "session add --note",
        "Notiz, z. B. wo das Protokoll liegt",
        "Note, e.g. where the minutes are",
    ),
    (
        "session list",
        "Alle Sitzungen nach Datum, mit der Zahl ihrer Beschlüsse",
        "Every session by date, with its number of decisions",
    ),
    (
        "session remove",
        "Sitzung ohne Beschlüsse entfernen",
        "Remove a session without decisions",
    ),
    (
        "session remove <session>",
        "Nummer der Sitzung (S-0001 oder 1)",
        "Session id (S-0001 or 1)",
    ),
    // issue 15 reports
    (
        "session report",
        "Bericht einer Sitzung fürs Protokoll: jeder Beschluss mit Maßnahme, Träger, Fonds, Ergebnis, Stimmen, Betrag und Auflagen, dann die Summen je Fonds",
        "Report of a session for the minutes: each decision with measure, Träger, fund, outcome, votes, amount and conditions, then the sums per fund",
    ),
    (
        "session report <session>",
        "Nummer der Sitzung (S-0001 oder 1)",
        "Session id (S-0001 or 1)",
    ),
    (
        "session report --format",
        "md (Markdown, Vorgabe), txt oder json",
        "md (Markdown, default), txt or json",
    ),
    (
        "decision",
        "Beschlüsse der Gremien zu Maßnahmen: erfassen, auflisten oder entfernen",
        "Decisions of the bodies on measures: add, list or remove",
    ),
    (
        "decision add",
        "Beschluss erfassen; gibt seine Nummer aus (B-0001) und nennt bei Zustimmung den nächsten Status und den Betrag als Vorschlag",
        "Record a decision; prints its id (B-0001) and, for a Zustimmung, proposes the next status and the amount",
    ),
    (
        "decision add --session",
        "Sitzung (S-0001 oder 1)",
        "Session (S-0001 or 1)",
    ),
    (
        "decision add --measure",
        "Maßnahme (M-0012 oder 12)",
        "Measure (M-0012 or 12)",
    ),
    (
        "decision add --outcome",
        "Zustimmung, \"Zustimmung mit Auflagen\", Ablehnung oder Vertagung",
        "Zustimmung, \"Zustimmung mit Auflagen\", Ablehnung or Vertagung",
    ),
    ("decision add --yes", "Ja-Stimmen", "Votes for"),
    ("decision add --no", "Nein-Stimmen", "Votes against"),
    ("decision add --abstain", "Enthaltungen", "Abstentions"),
    (
        "decision add --amount",
        "Beschlossener Betrag: 45.000 oder 45.000,00 €",
        "Amount decided: 45.000 or 45.000,00 €",
    ),
    (
        "decision add --conditions",
        "Auflagen oder weiterer Text des Protokolls",
        "Conditions or other text of the minutes",
    ),
    (
        "decision list",
        "Beschlüsse nach Datum der Sitzung",
        "Decisions by date of the session",
    ),
    (
        "decision list --measure",
        "Nur die Beschlüsse zu dieser Maßnahme",
        "Only the decisions on this measure",
    ),
    (
        "decision list --session",
        "Nur die Beschlüsse dieser Sitzung",
        "Only the decisions of this session",
    ),
    (
        "decision remove",
        "Beschluss entfernen",
        "Remove a decision",
    ),
    (
        "decision remove <decision>",
        "Nummer des Beschlusses (B-0001 oder 1)",
        "Decision id (B-0001 or 1)",
    ),
    (
        "deadline",
        "Fristen: anlegen, erledigen, entfernen oder auflisten",
        "Deadlines: add, mark done, remove or list",
    ),
    (
        "deadline add",
        "Frist anlegen; gibt ihre Nummer aus (F-0001)",
        "Add a deadline; prints its id (F-0001)",
    ),
    (
        "deadline add --kind",
        "Sachbericht, Zwischennachweis, Verwendungsnachweis, Antragsfrist, Sitzung oder sonstige",
        "Sachbericht, Zwischennachweis, Verwendungsnachweis, Antragsfrist, Sitzung or sonstige",
    ),
    (
        "deadline add --due",
        "Fällig am: 30.06.2027 oder 2027-06-30",
        "Due on: 30.06.2027 or 2027-06-30",
    ),
    (
        "deadline add --measure",
        "Maßnahme der Frist (ohne: eine Frist des Büros)",
        "Measure of the deadline (without: one of the office)",
    ),
    ("deadline add --note", "Notiz", "Note"),
    (
        "deadline done",
        "Frist als erledigt markieren (heute, oder --date)",
        "Mark a deadline done (today, or --date)",
    ),
    (
        "deadline done <deadline>",
        "Nummer der Frist (F-0001 oder 1)",
        "Deadline id (F-0001 or 1)",
    ),
    (
        "deadline done --date",
        "Tag der Erledigung",
        "Day it was done",
    ),
    ("deadline remove", "Frist entfernen", "Remove a deadline"),
    (
        "deadline remove <deadline>",
        "Nummer der Frist (F-0001 oder 1)",
        "Deadline id (F-0001 or 1)",
    ),
    (
        "deadline list",
        "Offene Fristen nach Fälligkeit",
        "Open deadlines by due date",
    ),
    (
        "deadline list --measure",
        "Nur die Fristen dieser Maßnahme",
        "Only the deadlines of this measure",
    ),
    (
        "deadline list --all",
        "Auch erledigte Fristen",
        "Also deadlines that are done",
    ),
    (
        "due",
        "Überfällige und bald fällige Fristen, kommende und kürzlich vergangene Sitzungen; Exit-Code 1, wenn eine Frist überfällig ist (für cron; eine vergangene Sitzung zählt nicht)",
        "Overdue deadlines and those due soon, upcoming and recent sessions; exit code 1 when a deadline is overdue (for cron; a past session does not count)",
    ),
    (
        "due --within",
        "So viele Tage voraus (heute eingeschlossen) und zurück für Sitzungen; Standard 30",
        "Days ahead (today included) and back for sessions; default 30",
    ),
    (
        "measure status",
        "Status einer Maßnahme setzen, als Schritt mit Datum und Notiz im Verlauf; warnt, wenn der übliche Verlauf übersprungen wird",
        "Set a measure's status, recorded as a step with date and note; warns when it skips the usual course",
    ),
    (
        "measure status <status>",
        "Neuer Status, z. B. bewilligt oder sachbericht-eingereicht",
        "New status, e.g. bewilligt or sachbericht-eingereicht",
    ),
    (
        "measure status --date",
        "Tag, ab dem er gilt, z. B. Datum des Bescheids (Standard: heute)",
        "Day it counts from, e.g. the date of the letter (default: today)",
    ),
    (
        "measure status --note",
        "Notiz zum Schritt",
        "Note on the step",
    ),
];
