//! German strings (the default).

use super::Text::{self, *};

/// The German string for `text`.
pub fn text(text: Text) -> &'static str {
    match text {
        ErrorPrefix => "Fehler",
        WarningPrefix => "Hinweis",
        FieldCode => "Kürzel",
        FieldParent => "Oberziel",
        FieldTitle => "Titel",
        FieldDescription => "Beschreibung",
        FieldOrganisation => "Träger",
        FieldContact => "Kontakt",
        FieldResponsible => "Verantwortlich",
        FieldReference => "Aktenzeichen",
        FieldFund => "Fonds",
        FieldRequested => "Beantragt",
        FieldApproved => "Bewilligt",
        FieldCofunding => "Kofinanzierung",
        FieldStart => "Beginn",
        FieldEnd => "Ende",
        FieldStatus => "Status",
        FieldTargetGroup => "Zielgruppe {n}",
        FieldTargetGroups => "Zielgruppen",
        FieldLocation => "Ort",
        FieldNotes => "Notizen",
        FieldIndicator => "Indikator {n}",
        FieldIndicators => "Indikatoren",
        FieldGoals => "Ziele",
        FieldPrimaryGoal => "Hauptziel",
        FieldId => "ID",
        FieldMeasures => "Maßnahmen",
        FormNewMeasure => "Neue Maßnahme",
        FormEditMeasure => "Maßnahme {id} bearbeiten",
        FormNewGoal => "Neues Ziel",
        FormEditGoal => "Ziel {code} bearbeiten",
        FormDiscard => "Änderungen verwerfen? (j/n)",
        FormListEmpty => "keine – Eintrag hinzufügen: Ctrl-n",
        FormIndicatorName => "Name",
        FormIndicatorUnit => "Einheit",
        FormIndicatorBaseline => "Ausgangswert",
        FormIndicatorTarget => "Zielwert",
        FormIndicatorActual => "Istwert",
        FormHintField => "Feld",
        FormHintSave => "speichern",
        FormHintCancel => "abbrechen",
        FormHintChoose => "auswählen",
        FormHintNewline => "neue Zeile",
        FormHintAddEntry => "Eintrag hinzufügen",
        FormHintRemoveEntry => "entfernen",
        ProblemRequired => "darf nicht leer sein",
        ProblemTooLong => "ist zu lang (höchstens {max} Zeichen)",
        ProblemControlCharacter => "enthält Steuerzeichen",
        ProblemWhitespace => "darf keine Leerzeichen enthalten",
        ProblemNegative => "darf nicht negativ sein",
        ProblemTooLarge => "ist zu groß",
        ProblemEndBeforeStart => "liegt vor dem Beginn",
        ProblemNotFinite => "muss eine endliche Zahl sein",
        ProblemInvalidAmount => "„{value}“ ist kein Betrag (z. B. 12.500,50)",
        ProblemInvalidDate => "„{value}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)",
        ProblemInvalidNumber => "„{value}“ ist keine Zahl",
        ProblemUnknownFund => {
            "„{value}“ ist kein Fonds (Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige, QF1–QF4)"
        }
        ProblemUnknownStatus => {
            "„{value}“ ist kein Status (idee, beantragt, bewilligt, laufend, abgeschlossen, abgelehnt, abgebrochen)"
        }
        WarnAktionsfondsAbove1500 => "Aktionsfonds: mehr als 1.500 € je Maßnahme",
        WarnProjektfondsBelow5000 => "Projektfonds: weniger als 5.000 €",
        WarnProjektfondsLongerThan4Years => "Projektfonds: Laufzeit länger als 4 Jahre",
        WarnProjektfondsCofunding => "Projektfonds: Kofinanzierung unter 10 % der Bewilligung",
        WarnBaufondsBelow50000 => "Baufonds: weniger als 50.000 €",
        WarnNetzwerkfondsBelow50000 => "Netzwerkfonds: weniger als 50.000 €",
        ErrLocked => {
            "Die Datenbank {path} wird bereits von einem anderen quartier-Prozess verwendet."
        }
        ErrPermissionDenied => "Keine Berechtigung für die Datenbank {path}.",
        ErrIo => "Die Datenbank {path} kann nicht gelesen oder geschrieben werden: {reason}",
        ErrDatabase => "Datenbankfehler: {reason}",
        ErrSchemaTooNew => {
            "Die Datenbank hat Schema-Version {found}, dieses quartier kennt nur bis {supported}. Bitte quartier aktualisieren."
        }
        ErrCorrupt => {
            "Beschädigter Datensatz in {tree}, Schlüssel {key}: {reason}. „quartier check“ listet alle Probleme."
        }
        ErrInvalid => "Ungültige Eingabe: {problems}",
        ErrGoalNotFound => "Ziel {code} gibt es nicht.",
        ErrMeasureNotFound => "Maßnahme {id} gibt es nicht.",
        ErrMeasureExists => "Maßnahme {id} gibt es schon.",
        ErrDuplicateCode => "Das Kürzel {code} ist schon vergeben.",
        ErrAlreadyLinked => "{measure} ist schon mit Ziel {goal} verknüpft.",
        ErrNotLinked => "{measure} ist nicht mit Ziel {goal} verknüpft.",
        ErrGoalInUse => {
            "Ziel {code} hat {measures} verknüpfte Maßnahmen und {children} Unterziele."
        }
        ErrMoveIntoOwnSubtree => {
            "Ziel {code} kann nicht unter sich selbst oder eines seiner Unterziele verschoben werden."
        }
        ErrNothingToUndo => "Es gibt nichts rückgängig zu machen.",
        ErrNothingToRedo => "Es gibt nichts wiederherzustellen.",
        ErrIndicatorNotFound => "{measure} hat keinen Indikator „{name}“.",
        ErrDemoNotEmpty => {
            "Die Datenbank enthält schon {count} Maßnahmen; Beispieldaten nur in eine leere Datenbank."
        }
        HintForce => {
            "Mit --force wird es samt Unterzielen gelöscht und die Verknüpfungen werden gelöst."
        }
        CheckCorrupt => "{tree}/{key}: Datensatz nicht lesbar: {reason}",
        CheckLinkMismatch => {
            "Verknüpfung M-{measure} ↔ Ziel #{goal}: beide Richtungen stimmen nicht überein"
        }
        CheckDanglingLink => "Verknüpfung M-{measure} ↔ Ziel #{goal}: Maßnahme oder Ziel fehlt",
        CheckDanglingParent => "Ziel {code}: Oberziel #{parent} fehlt",
        CheckDuplicateCode => "Kürzel {code} ist doppelt vergeben",
        CheckPrimaryCount => "M-{measure}: {count} Hauptziele statt genau einem",
        CheckCounterBehind => "Zähler {counter} liegt hinter den vergebenen IDs",
        CheckOk => {
            "Datenbank in Ordnung: {goals} Ziele, {measures} Maßnahmen, {links} Verknüpfungen."
        }
        CheckProblems => "{count} Probleme gefunden:",
        DoneMeasureAdded => "Maßnahme {id} angelegt.",
        DoneMeasureUpdated => "Maßnahme {id} gespeichert.",
        DoneMeasureDeleted => "Maßnahme {id} gelöscht.",
        DoneGoalAdded => "Ziel {code} angelegt.",
        DoneGoalUpdated => "Ziel {code} gespeichert.",
        DoneGoalMoved => "Ziel {code} verschoben.",
        DoneGoalDeleted => "Ziel {code} gelöscht.",
        DoneLinked => "{measure} mit Ziel {goal} verknüpft.",
        DoneUnlinked => "Verknüpfung {measure} ↔ Ziel {goal} gelöst.",
        DoneIndicatorAdded => "Indikator „{name}“ zu {measure} hinzugefügt.",
        DoneIndicatorSet => "Indikator „{name}“ von {measure} gespeichert.",
        DoneUndo => "Rückgängig gemacht: {what}",
        DoneRedo => "Wiederhergestellt: {what}",
        DoneDemoData => "{count} Beispiel-Maßnahmen angelegt.",
        NoMeasures => "Keine Maßnahmen.",
        TuiNotYet => {
            "Die Bildschirmoberfläche kommt mit dem nächsten Schritt. Bis dahin: „quartier --help“ zeigt alle Befehle."
        }
        HeaderGoal => "Ziel",
        HeaderCount => "Anzahl",
        HeaderWhen => "Zeit",
        HeaderUser => "Benutzer",
        HeaderWhat => "Änderung",
        Total => "Summe",
        LogAddGoal => "Ziel {code} angelegt",
        LogUpdateGoal => "Ziel {code} geändert",
        LogMoveGoal => "Ziel {code} verschoben",
        LogDeleteGoal => "Ziel {code} gelöscht",
        LogRestoreGoals => "Ziel {code} wiederhergestellt",
        LogAddMeasure => "{id} „{title}“ angelegt",
        LogUpdateMeasure => "{id} „{title}“ geändert",
        LogDeleteMeasure => "{id} gelöscht",
        LogLink => "{id} mit Ziel {code} verknüpft",
        LogUnlink => "{id} von Ziel {code} gelöst",
        LogSetPrimary => "{id}: Hauptziel {code}",
        LogBatch => "{count} Änderungen",
        LogUndo => "rückgängig: {what}",
        LogRedo => "wiederholt: {what}",
    }
}
