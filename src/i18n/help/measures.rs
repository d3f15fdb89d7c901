//! Help of the measure commands: `measure …`, `indicator …`, `link`, `unlink`, and the
//! arguments they share (`* --title` …).

use super::Entry;

pub(super) const MEASURES: &[Entry] = &[
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
        "idee, skizze, votum, beantragt, bewilligt, laufend, sachbericht-eingereicht, verwendungsnachweis-eingereicht, verwendungsnachweis-geprueft, abgeschlossen, abgelehnt, abgebrochen",
        "idee, skizze, votum, beantragt, bewilligt, laufend, sachbericht-eingereicht, verwendungsnachweis-eingereicht, verwendungsnachweis-geprueft, abgeschlossen, abgelehnt, abgebrochen",
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
];
