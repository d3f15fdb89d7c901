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
        FormListEmpty => "keine – Eintrag hinzufügen: Strg-n",
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
        ProblemNotFinite => "muss eine Zahl zwischen -1.000.000.000.000 und 1.000.000.000.000 sein",
        ProblemInvalidAmount => "„{value}“ ist kein Betrag (z. B. 12.500,50)",
        ProblemInvalidDate => {
            "„{value}“ ist kein gültiges Datum (TT.MM.JJJJ, TT.MM.JJ oder JJJJ-MM-TT)"
        }
        ProblemDateOutOfRange => "„{value}“: das Jahr muss zwischen 1990 und 2100 liegen",
        ProblemInvalidNumber => "„{value}“ ist keine Zahl",
        ProblemUnknownFund => {
            "„{value}“ ist kein Fonds (Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige, QF1–QF4)"
        }
        ProblemUnknownStatus => {
            "„{value}“ ist kein Status (idee, skizze, votum, beantragt, bewilligt, laufend, sachbericht-eingereicht, verwendungsnachweis-eingereicht, verwendungsnachweis-geprueft, abgeschlossen, abgelehnt, abgebrochen)"
        }
        WarnAktionsfondsAbove1500 => "Aktionsfonds: mehr als 1.500 € je Maßnahme",
        WarnProjektfondsBelow5000 => "Projektfonds: weniger als 5.000 €",
        WarnProjektfondsLongerThan4Years => "Projektfonds: Laufzeit länger als 4 Jahre",
        WarnProjektfondsCofunding => "Projektfonds: Kofinanzierung unter 10 % der Bewilligung",
        WarnBaufondsBelow50000 => "Baufonds: weniger als 50.000 €",
        WarnNetzwerkfondsBelow50000 => "Netzwerkfonds: weniger als 50.000 €",
        WarnApprovedAboveRequested => "Bewilligt ist mehr als beantragt",
        ErrLocked => {
            "Die Datenbank {path} wird bereits von einem anderen quartier-Prozess verwendet."
        }
        ErrPermissionDenied => "Keine Berechtigung für die Datenbank {path}.",
        ErrIo => "Die Datenbank {path} kann nicht gelesen oder geschrieben werden: {reason}",
        ErrDatabase => "Datenbankfehler: {reason}",
        IoDiskFull => {
            "kein Platz mehr auf dem Datenträger von {path} (eingehängt unter {mount}). Bitte dort Platz schaffen (z. B. alte Exporte oder Sicherungen löschen) und erneut versuchen"
        }
        IoPermission => {
            "keine Berechtigung für {path} (gehört {owner}). Als {owner} arbeiten oder die Rechte anpassen lassen"
        }
        IoNotFound => "{path} gibt es nicht (oder ein Verzeichnis davor fehlt)",
        IoExists => "{path} gibt es schon",
        IoReadOnly => "{path} liegt auf einem schreibgeschützten Datenträger",
        IoNotRegular => {
            "{path} ist keine gewöhnliche Datei (Gerät, Verzeichnis oder symbolische Verknüpfung) und wird nicht ersetzt. Bitte einen anderen Dateinamen angeben"
        }
        IoNotADirectory => "{path} ist kein Verzeichnis (eine Datei dieses Namens steht im Weg)",
        IoOther => "Ein-/Ausgabefehler bei {path}: {reason}",
        ErrSledCorrupt => {
            "Die Datenbank {path} ist beschädigt (sled kann {at} nicht lesen). „quartier check“ zeigt mehr; sonst die neueste Sicherung mit „quartier restore“ in eine neue Datenbank einspielen."
        }
        ErrDamagedBlob => {
            "Die Datenbank {path} lässt sich nicht öffnen: {name} ist beschädigt ({reason}). Bitte die neueste Sicherung in eine neue Datenbank einspielen: quartier --db NEUER-ORDNER restore SICHERUNG.json"
        }
        ErrIdOutOfRange => "Die Nummer {id} ist zu groß (höchstens {max}).",
        ErrSledCorruptHere => {
            "Die Datenbank ist beschädigt (sled kann {at} nicht lesen). „quartier check“ zeigt mehr; sonst die neueste Sicherung mit „quartier restore“ in eine neue Datenbank einspielen."
        }
        BlobEmpty => "leer",
        BlobShort => "nur {len} Bytes",
        BlobChecksum => "Prüfsumme stimmt nicht",
        CheckUnreadable => {
            "{tree}: nach {after} Einträgen nicht weiter lesbar ({reason}); was davor steht, ist geprüft. Mit der neuesten Sicherung vergleichen"
        }
        StopDamaged => "beschädigte Daten bei {at}",
        StopIo => "Lesefehler: {kind}",
        StopKeysOutOfOrder => "Schlüssel nicht aufsteigend nach {key}",
        StopTooMany => "mehr als {count} Einträge, mehr als die Dateien fassen können",
        StopStalled => "sled kommt seit {secs} s nicht weiter",
        StopPanicked => "sled ist beim Lesen abgestürzt",
        ErrDiskFullReadOnly => {
            "Der Datenträger der Datenbank {path} ist voll (eingehängt unter {mount}): nichts wurde geändert. Bitte dort Platz schaffen (z. B. alte Exporte oder Sicherungen löschen) und erneut versuchen."
        }
        NoticeReadOnlyCopy => {
            "der Datenträger unter {mount} ist voll: quartier liest die Datenbank aus einer Kopie ({copy}) und kann nichts ändern, bis dort Platz ist."
        }
        NoticeUnfinishedSnapshot => {
            "unfertige Momentaufnahme {name} entfernt (ein früherer Start wurde unterbrochen, z. B. bei vollem Datenträger); die Datenbank liest sie aus ihrem Protokoll neu."
        }
        NoticeDamagedBlob => {
            "{name} in der Datenbank ist beschädigt ({reason}); Änderungen ab dieser Stelle können fehlen. Eine Kopie liegt in {path}; „quartier check“ meldet sie, bis sie gelöscht ist."
        }
        CheckDamagedBlob => {
            "{name}: große Datei der Datenbank beschädigt ({reason}); Änderungen ab dort können fehlen. Mit der neuesten Sicherung vergleichen, dann {path} löschen"
        }
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
        ErrGoalInUse => "Ziel {code} hat {what}.",
        GoalInUseMeasures => "{n} {n:verknüpfte Maßnahme|verknüpfte Maßnahmen}",
        GoalInUseChildren => "{n} {n:Unterziel|Unterziele}",
        And => " und ",
        ErrMoveIntoOwnSubtree => {
            "Ziel {code} kann nicht unter sich selbst oder eines seiner Unterziele verschoben werden."
        }
        ErrConflict => "{record} wurde inzwischen von jemand anderem geändert; nichts gespeichert.",
        ErrNothingToUndo => "Es gibt nichts rückgängig zu machen.",
        ErrNothingToRedo => "Es gibt nichts zu wiederholen.",
        ErrChangedSince => "{user} hat {record} danach geändert ({time})",
        AskUndoAnyway => "{changed} – trotzdem rückgängig machen?",
        AskRedoAnyway => "{changed} – trotzdem wiederholen?",
        HintUndoForce => "{changed} – mit „quartier undo --force“ trotzdem rückgängig machen.",
        HintRedoForce => "{changed} – mit „quartier redo --force“ trotzdem wiederholen.",
        ErrDeletedSinceUndo => {
            "{user} hat {record} danach gelöscht ({time}) – die Änderung lässt sich nicht mehr rückgängig machen."
        }
        ErrDeletedSinceRedo => {
            "{user} hat {record} danach gelöscht ({time}) – die Änderung lässt sich nicht mehr wiederholen."
        }
        ErrServerGone => "Verbindung zum Server verloren",
        ErrServer => "Server: {reason}",
        ErrServerRefused => "vom Server abgelehnt: {reason}",
        ErrNoServer => "Kein Server für {path}",
        ErrServerPermission => "keine Berechtigung für {path}",
        ErrServerVersion => {
            "Der Server spricht Protokoll {server_protocol} (quartier {server_version}), dieses Programm Protokoll {protocol} (quartier {version}): den Server mit `quartier server stop` beenden, dann neu starten."
        }
        ErrServerFailed => "Server unter {path}: {reason}",
        ErrServerNotStarted => "Der Server ist nicht gestartet: {log}",
        ErrUnknownGroup => "Die Gruppe {group} gibt es nicht (siehe /etc/group).",
        ErrShareGroup => {
            "{path} lässt sich nicht für die Gruppe {group} freigeben: das kann nur root oder der Eigentümer des Verzeichnisses, wenn er Mitglied der Gruppe ist."
        }
        ErrShareGroupFailed => "{path} lässt sich nicht für die Gruppe {group} freigeben: {reason}",
        ServerNone => "Kein Server läuft für {path}.",
        PresenceOthers => "auch hier: {names}",
        LiveConnectionLost => "Verbindung zum Server verloren – verbinde neu …",
        LiveServerStopped => "Der Server wurde beendet; die nächste Änderung startet ihn neu.",
        LiveReconnected => "Wieder mit dem Server verbunden; alles neu gelesen.",
        LiveChange => "{who}: {what}",
        LiveSelectedDeleted => "{who} hat {id} gelöscht, die gewählte Maßnahme.",
        HintServerRuns => {
            "Hinweis: Der Server der Datenbank läuft (`quartier server status`). Ohne --no-server arbeitet dieser Aufruf über ihn."
        }
        ServerStopped => "Server (pid {pid}) beendet.",
        ServerStatusHead => "Server pid {pid}, quartier {version}, läuft seit {since} ({uptime})",
        ServerStatusDatabase => "Datenbank: {path}",
        ServerStatusSocket => "Socket:    {path}",
        ServerStatusOps => "Änderungen: {count}",
        ServerStatusClients => "Verbunden: {count}",
        ErrIndicatorNotFound => "{measure} hat keinen Indikator „{name}“.",
        ErrDemoNotEmpty => {
            "Die Datenbank enthält schon {count} {count:Maßnahme|Maßnahmen}; Beispieldaten nur in eine leere Datenbank."
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
        CheckPrimaryCount => "M-{measure}: {count} {count:Hauptziel|Hauptziele} statt genau einem",
        CheckCounterBehind => "Zähler {counter} liegt hinter den vergebenen IDs",
        CheckDateOutOfRange => {
            "M-{measure}: {field} {date} liegt nicht zwischen 1990 und 2100 (mit `measure edit` korrigieren)"
        }
        CheckOk => {
            "Datenbank in Ordnung: {goals} {goals:Ziel|Ziele}, {measures} {measures:Maßnahme|Maßnahmen}, {links} {links:Verknüpfung|Verknüpfungen}."
        }
        CheckProblems => "{count} {count:Problem|Probleme} gefunden:",
        DoneMeasureAdded => "Maßnahme {id} angelegt.",
        DoneMeasureUpdated => "Maßnahme {id} gespeichert.",
        DoneMeasureDeleted => "Maßnahme {id} gelöscht.",
        DoneGoalAdded => "Ziel {code} angelegt.",
        DoneGoalUpdated => "Ziel {code} gespeichert.",
        DoneGoalMoved => "Ziel {code} verschoben.",
        DoneGoalDeleted => "Ziel {code} gelöscht.",
        DoneLinked => "{measure} mit Ziel {goal} verknüpft.",
        DoneUnlinked => "Verknüpfung {measure} ↔ Ziel {goal} gelöst.",
        NoticeOrphan => "{measure} hat jetzt kein Ziel mehr (in der TUI unter „Ohne Ziel“).",
        NoticeNewDatabase => "Neue Datenbank angelegt: {path}",
        DoneIndicatorAdded => "Indikator „{name}“ zu {measure} hinzugefügt.",
        DoneIndicatorSet => "Indikator „{name}“ von {measure} gespeichert.",
        DoneIndicatorRemoved => "Indikator „{name}“ von {measure} entfernt.",
        IndicatorLine => "{name}: {baseline} → {target}{unit}, Ist {actual}{attainment}",
        NothingChangedMeasure => {
            "Maßnahme {id}: nichts geändert, die Werte sind schon so gespeichert."
        }
        NothingChangedGoal => "Ziel {code}: nichts geändert, die Werte sind schon so gespeichert.",
        DoneUndo => "{what} rückgängig gemacht",
        DoneRedo => "{what} wiederholt",
        DoneDemoData => "{count} {count:Beispiel-Maßnahme|Beispiel-Maßnahmen} angelegt.",
        NoMeasures => "Keine Maßnahmen.",
        MeasureListTotal => {
            "Summe: {count} {count:Maßnahme|Maßnahmen}, beantragt {requested}, bewilligt {approved}"
        }
        BackupFailed => "Sicherung nicht geschrieben: {error}",
        DoneBackup => "Sicherung geschrieben: {path}",
        DoneRestore => {
            "Wiederhergestellt: {measures} {measures:Maßnahme|Maßnahmen}, {goals} {goals:Ziel|Ziele}. Mit „quartier undo“ rückgängig zu machen."
        }
        AskRestore => {
            "Datenbank durch {file} ersetzen? Jetzt {measures} {measures:Maßnahme|Maßnahmen} und {goals} {goals:Ziel|Ziele}, danach {new_measures} {new_measures:Maßnahme|Maßnahmen} und {new_goals} {new_goals:Ziel|Ziele}. (j/n)"
        }
        Aborted => "Abgebrochen, nichts wurde geändert.",
        ErrNeedsYes => "ohne Terminal nur mit --yes",
        XlsxNotWorkbook => "keine lesbare XLSX-Arbeitsmappe ({error})",
        XlsxNoSheets => "weder ein Blatt „Maßnahmen“ noch ein Blatt „Indikatoren“",
        XlsxMissingColumn => "Spalte fehlt",
        XlsxCellError => "Zelle enthält den Fehlerwert {value}",
        XlsxBadId => "„{value}“ ist keine Maßnahmen-ID (z. B. M-0042)",
        XlsxIndicatorWithoutMeasure => "ID fehlt, und keine einzige neue Maßnahme heißt „{title}“",
        ErrXlsxNeedsFile => {
            "XLSX geht nicht auf die Standardausgabe: mit -o DATEI.xlsx in eine Datei schreiben"
        }
        ImportTooLarge => "Datei ist zu groß (höchstens {max} MB)",
        ImportUnknownGoal => "unbekanntes Ziel „{code}“ (mit --create-goals anlegen)",
        ImportDuplicate => "„{value}“ kommt doppelt vor",
        ImportDuplicateId => "dieselbe ID steht schon in Zeile {line}",
        ImportUnknownMeasure => "Maßnahme {id} gibt es nicht",
        ImportNotUtf8 => "keine UTF-8-Datei (ungültiges Byte nach {offset} Bytes)",
        ImportBadJson => "kein gültiges JSON: {error}",
        ImportNotQuartier => "kein quartier-Dokument (erwartet \"format\": \"quartier/1\")",
        ImportNotAList => "muss eine Liste sein",
        DoneImport => {
            "Import: {added} neu, {changed} geändert, {unchanged} unverändert, {goals} {goals:Ziel|Ziele} neu."
        }
        DoneExport => "Geschrieben: {path}",
        DryRunAdded => "Neu",
        DryRunChanged => "Geändert",
        DryRunUnchanged => "Unverändert",
        DryRunGoalsAdded => "Neue Ziele",
        DryRunGoalsChanged => "Geänderte Ziele",
        DryRunNothingWritten => "Probelauf: nichts wurde geschrieben.",
        ErrImport => "{count} {count:Problem|Probleme} in der Datei; nichts wurde geändert.",
        ErrFileExists => "{path} gibt es schon (mit --force überschreiben)",
        ErrFormatUnknown => "Format von {path} unbekannt: --format json|csv|xlsx angeben",
        ErrFormatUnsupported => "Format {format} geht hier nicht",
        CsvNoHeader => "keine Kopfzeile: die Datei ist leer",
        CsvBinary => "keine Textdatei (Nullbyte nach {offset} Bytes)",
        CsvUnknownColumn => "unbekannte Spalte; bekannt sind: {known}",
        CsvMissingColumn => "Spalte fehlt, sie ist nötig",
        CsvUnnamedColumn => "Wert in einer Spalte ohne Überschrift",
        CsvFieldCount => "{found} {found:Feld|Felder}, die Kopfzeile hat {expected}",
        CsvBadId => "„{value}“ ist keine Maßnahmen-ID (z. B. M-0042)",
        CsvUnreadable => "CSV nicht lesbar: {error}",
        CsvTooManyProblems => {
            "mehr als {count} {count:Problem|Probleme}; der Rest der Datei wurde nicht geprüft"
        }
        // Import reports, encodings, limits.
        DryRunAbsent => "Nicht in der Datei (bleiben unverändert)",
        ImportMoreProblems => {
            "… und {count} {count:weiteres Problem|weitere Probleme} (nicht gezeigt)"
        }
        ImportLikelyDuplicate => {
            "„{title}“ (Träger „{organisation}“) gibt es schon als {ids}; ohne ID wird die Maßnahme noch einmal angelegt"
        }
        ImportDuplicateRow => {
            "„{title}“ (Träger „{organisation}“) steht ohne ID schon in Zeile {line}; sie wird zweimal angelegt"
        }
        ImportAndMore => " und {count} weitere",
        ImportIgnoredColumns => "Spalten ohne Bedeutung für quartier werden ignoriert: {names}",
        ImportNoEncoding => {
            "weder UTF-8 noch Windows-1252 (Byte {byte} nach {offset} Bytes); bitte als „CSV UTF-8“ speichern"
        }
        ImportReadAsWindows1252 => {
            "keine UTF-8-Datei: als Windows-1252 gelesen (Excel „CSV (Trennzeichen-getrennt)“)"
        }
        ImportLineBreak => {
            "Zeilenumbruch in {field}: das Feld hat nur eine Zeile (mehrere Zeilen gehen in Beschreibung und Notizen; Listen dürfen Zeilen trennen)"
        }
        XlsxSingleSheet => {
            "kein Blatt „Maßnahmen“ oder „Indikatoren“: das einzige Blatt „{sheet}“ wird als {kind} gelesen"
        }
        XlsxTooLargeUnpacked => {
            "entpackt zu groß: Teil „{part}“ hat {size} MB (höchstens {max} MB je Teil, {total} MB zusammen)"
        }
        XlsxTooManyColumns => {
            "Zelle {cell} liegt rechts der {max}. Spalte; so breite Blätter liest quartier nicht"
        }
        XlsxTooManyRows => {
            "Zelle {cell}: mehr als {max} Zeilen; so lange Blätter liest quartier nicht"
        }
        XlsxCellTooLong => {
            "Zelle {cell} hat mehr als {max} Zeichen (mehr erlaubt auch Excel nicht)"
        }
        ImportNewerFormat => {
            "die Datei hat das Format {format} einer neueren quartier-Version; diese Version liest quartier/1 (bitte quartier aktualisieren)"
        }
        ImportIgnoredFields => "Felder ohne Bedeutung für quartier werden ignoriert: {names}",
        ImportPrimaryNotListed => "Hauptziel „{code}“ steht nicht unter den Zielen (goals)",
        ImportMarkdownExportOnly => {
            "Markdown (.md) ist nur ein Exportformat (der Bericht); importieren lassen sich JSON, CSV und XLSX"
        }
        JsonNotAnObject => "muss ein Objekt {…} sein",
        JsonMissingField => "fehlt („{key}“ ist nötig)",
        JsonExpectedText => "muss Text sein (in Anführungszeichen)",
        JsonExpectedTextList => "muss eine Liste von Texten sein",
        JsonExpectedList => "muss eine Liste sein",
        JsonExpectedCents => "{value} ist kein Betrag in Cent (ganze Zahl, z. B. 1250050)",
        JsonExpectedNumber => "{value} ist keine Zahl",
        JsonExpectedPosition => "Position muss eine ganze Zahl ab 0 sein",
        ImportLosesLastGoal => "{id} „{title}“ hat danach kein Ziel mehr (→ Ohne Ziel)",
        DryRunMeasure => "{id} „{title}“",
        ImportQuoted => "„{value}“",
        ImportStale => {
            "{id} „{title}“ wurde am {when} von {user} geändert, nach dem Stand der Datei ({stamp}); der Import setzt diese Änderung zurück"
        }
        ErrNoTerminal => {
            "Die Oberfläche braucht ein Terminal; für Skripte gibt es die Unterbefehle (quartier --help)"
        }
        HeaderGoal => "Ziel",
        HeaderCount => "Anzahl",
        HeaderWhen => "Zeit",
        HeaderUser => "Benutzer",
        HeaderWhat => "Änderung",
        Total => "Summe",
        LogAddGoal => "Ziel {goal} angelegt",
        LogUpdateGoal => "Ziel {goal} geändert",
        LogMoveGoal => "Ziel {goal} verschoben",
        LogDeleteGoal => "Ziel {goal} gelöscht",
        LogRestoreGoals => "Ziel {goal} wiederhergestellt",
        LogAddMeasure => "{measure} angelegt",
        LogUpdateMeasure => "{measure} geändert",
        LogDeleteMeasure => "{measure} gelöscht",
        LogLink => "{measure} mit Ziel {goal} verknüpft",
        LogUnlink => "Verknüpfung {measure} ↔ Ziel {goal} gelöst",
        LogSetPrimary => "{measure}: Hauptziel jetzt {goal}",
        LogBatch => "Mehrere Änderungen: {summary}",
        LogImport => "Import aus {file}: {summary}",
        LogRestore => "Wiederherstellung aus {file}: {summary}",
        LogDemoData => "Beispieldaten: {summary}",
        LogCount => "{count} {count:Änderung|Änderungen}",
        ActAddGoal => "Anlegen von Ziel {goal}",
        ActUpdateGoal => "Ändern von Ziel {goal}",
        ActMoveGoal => "Verschieben von Ziel {goal}",
        ActDeleteGoal => "Löschen von Ziel {goal}",
        ActRestoreGoals => "Wiederherstellen von Ziel {goal}",
        ActAddMeasure => "Anlegen von {measure}",
        ActUpdateMeasure => "Ändern von {measure}",
        ActDeleteMeasure => "Löschen von {measure}",
        ActLink => "Verknüpfen von {measure} mit Ziel {goal}",
        ActUnlink => "Lösen der Verknüpfung {measure} ↔ Ziel {goal}",
        ActSetPrimary => "Hauptziel {goal} für {measure}",
        ActBatch => "Mehrere Änderungen ({summary})",
        ActImport => "Import aus {file} ({summary})",
        ActRestore => "Wiederherstellung aus {file} ({summary})",
        ActDemoData => "Beispieldaten ({summary})",
        SumAdded => "{n} neu",
        SumChanged => "{n} geändert",
        SumDeleted => "{n} gelöscht",
        SumGoalsAdded => "{n} {n:Ziel|Ziele} neu",
        SumGoalsChanged => "{n} {n:Ziel|Ziele} geändert",
        SumGoalsDeleted => "{n} {n:Ziel|Ziele} gelöscht",
        SumLinks => "{n} {n:Verknüpfung|Verknüpfungen} geändert",
        ReportTitle => "Zielerreichung",
        ReportAsOf => "Stand: {date}",
        ReportYearFilter => "Jahr: {year}",
        ReportAllYears => "alle Jahre",
        ReportNoYear => "ohne Jahr",
        ReportNoFund => "ohne Fonds",
        ReportRules => {
            "Beträge zählen nur beim Hauptziel einer Maßnahme, jeder Euro also einmal; ein Oberziel enthält die Beträge seiner Unterziele. Maßnahmen zählen bei jedem verknüpften Ziel. Zielerreichung: Mittelwert der Indikatoren mit Ist-Wert. Je Jahr zählt der bewilligte Betrag nach Jahresraten, ohne Jahresraten im Jahr des Beginns."
        }
        ReportRulesYear => "Nur Maßnahmen, die {year} laufen.",
        ReportMeasureCount => "{count} {count:Maßnahme|Maßnahmen}",
        ReportSectionGoals => "Übersicht je Ziel",
        ReportSectionGoalFunds => "Mittel je Ziel und Fonds",
        ReportSectionFunds => "Summen je Fonds",
        ReportSectionYears => "Summen je Jahr des Beginns",
        ReportSectionEnding => "Enden in den nächsten {days} {days:Tag|Tagen}",
        ReportSectionGoalsWithout => "Ziele ohne Maßnahmen",
        ReportSectionMeasuresWithout => "Maßnahmen ohne Ziel",
        ReportSectionOverdue => "Ende überschritten, Status noch laufend oder bewilligt",
        ReportDaysOver => "Tage drüber",
        ReportAppendix => "Anhang: Maßnahmen je Ziel",
        ReportAppendixNote => {
            "Jede Maßnahme steht bei jedem Ziel, mit dem sie direkt verknüpft ist; ★ markiert ihr Hauptziel, bei dem ihre Beträge zählen."
        }
        ReportNone => "Keine.",
        ReportAttainment => "Zielerreichung",
        ReportMeasure => "Maßnahme",
        ReportDaysLeft => "Tage",
        ReportWritten => "Bericht nach {path} geschrieben.",
        ErrReportExists => "{path} gibt es schon",
        HintReportForce => "--force überschreibt die Datei.",
        ErrReportWrite => "{path} lässt sich nicht schreiben: {error}",
        ErrToday => "QUARTIER_TODAY „{value}“ ist kein Datum (JJJJ-MM-TT)",
        CtxReport => "Bericht",
        ModeReport => "BERICHT",
        KeyReport => "Bericht: Mittel und Zielerreichung",
        KeyCloseReport => "Bericht schließen",
        KeyYearPrev => "Vorheriges Jahr",
        KeyYearNext => "Nächstes Jahr (oder alle Jahre)",
        KeyReportTab => "Mittel / Ziele / Töpfe / Beschlüsse / Fristen umschalten",
        HintReport => "Bericht",
        HintYear => "Jahr",
        HintReportTab => "Ansicht",
        CtxHistory => "Verlauf",
        ModeHistory => "VERLAUF",
        KeyGoalHistory => "Verlauf des Ziels (wer, wann, was)",
        KeyMeasureHistory => "Verlauf der Maßnahme (wer, wann, was)",
        KeyHistoryNewest => "Zum neuesten Eintrag",
        KeyHistoryOldest => "Zum ältesten Eintrag",
        KeyCloseHistory => "Verlauf schließen",
        HistoryTitle => "Verlauf: {subject}",
        HistoryMore => {
            "Nur die neuesten {count} Einträge – mehr zeigt: quartier log {args} --limit 1000"
        }
        HistorySearched => {
            "Nur die neuesten {count} Einträge des Verlaufs durchsucht – alle: quartier log {args}"
        }
        HistoryEmpty => "Kein Eintrag im Verlauf.",
        ReportTabFunds => "Mittel",
        ReportChartTitle => "Bewilligt je Oberziel (Tsd. €)",
        ReportAttainmentTitle => "Zielerreichung je Ziel (Indikatoren)",
        ReportSummary => {
            "{measures} {measures:Maßnahme|Maßnahmen} · {without} ohne Ziel · {ending} {ending:endet|enden} in {days} {days:Tag|Tagen}"
        }
        CtxExport => "Export",
        KeyExport => "Exportieren (JSON, CSV, XLSX, Bericht als Markdown)",
        KeyExportFormat => "Nächstes Format",
        KeyExportFormatPrev => "Vorheriges Format",
        KeyExportWrite => "Schreiben (fragt, bevor eine Datei ersetzt wird)",
        HintFormat => "Format",
        HintWrite => "schreiben",
        ModeExport => "EXPORT",
        ExportFormat => "Format",
        ExportFile => "Datei",
        ExportHint => "↑/↓ Format · Enter schreiben · Esc abbrechen",
        AskOverwrite => "{path} gibt es schon. Ersetzen? (j/n)",
        LoadingMeasures => "Maßnahmen werden geladen …",
        CtxGlobal => "Überall",
        CtxNormal => "Alle Bereiche",
        CtxTree => "Zielbaum",
        CtxMeasures => "Maßnahmen und Details",
        CtxHelp => "Hilfe",
        CtxConfirm => "Rückfrage",
        CtxPicker => "Ziel auswählen",
        CtxSearch => "Suche",
        CtxFilter => "Filter",
        CtxForm => "Formular",
        KeyQuitAnywhere => "Beenden (offenes Formular wird als Entwurf behalten)",
        KeyMoveDown => "Nach unten",
        KeyMoveUp => "Nach oben",
        KeyFirst => "Zum Anfang",
        KeyLast => "Zum Ende",
        KeyPageDown => "Seite nach unten",
        KeyPageUp => "Seite nach oben",
        KeyFocusNext => "Nächster Bereich",
        KeyFocusPrev => "Vorheriger Bereich",
        KeySearch => "Suchen (Ziele, Maßnahmen, Träger, Notizen)",
        KeyNextHit => "Nächster Treffer",
        KeyPrevHit => "Vorheriger Treffer",
        KeyFilter => "Maßnahmen filtern (Status, Fonds, Jahr)",
        KeySort => "Sortierspalte wechseln",
        KeyUndo => "Rückgängig",
        KeyRedo => "Wiederherstellen",
        KeyHelp => "Hilfe",
        KeyQuit => "Beenden",
        KeyBack => "Zurück zum Zielbaum",
        KeyExpand => "Aufklappen / zum Unterziel",
        KeyCollapse => "Zuklappen / zum Oberziel",
        KeyToggle => "Auf- oder zuklappen",
        KeyAddGoal => "Neues Ziel (unter Z-Ziel oder daneben)",
        KeyEditGoal => "Ziel bearbeiten",
        KeyRenameGoal => "Ziel umbenennen",
        KeyDeleteGoal => "Ziel löschen (mit Rückfrage)",
        KeyMoveGoalUp => "Ziel nach oben verschieben",
        KeyMoveGoalDown => "Ziel nach unten verschieben",
        KeyAddMeasure => "Neue Maßnahme zu diesem Ziel",
        KeyEditMeasure => "Maßnahme bearbeiten",
        KeyDeleteMeasure => "Maßnahme löschen (mit Rückfrage)",
        KeyLink => "Mit weiterem Ziel verknüpfen",
        KeyUnlink => "Verknüpfung mit diesem Ziel lösen",
        KeySetPrimary => "Dieses Ziel zum Hauptziel machen",
        KeyScrollDown => "Nach unten blättern",
        KeyScrollUp => "Nach oben blättern",
        KeyCloseHelp => "Hilfe schließen",
        KeyYes => "Ja",
        KeyNo => "Nein",
        KeyPickGoal => "Ziel übernehmen",
        KeyCancel => "Abbrechen",
        KeySearchKeep => "Suche beenden, Treffer behalten",
        KeySearchAbort => "Suche abbrechen, zurück zum Ausgangspunkt",
        KeyChoicePrev => "Vorheriger Wert",
        KeyChoiceNext => "Nächster Wert",
        KeyClearFilter => "Alle Filter löschen",
        KeyApplyFilter => "Filter anwenden",
        KeyNextField => "Nächstes Feld",
        KeyPrevField => "Vorheriges Feld",
        KeySave => "Speichern",
        KeyFormEnter => "Nächstes Feld (auch in Beschreibung/Notizen), im letzten Feld speichern",
        KeyFormCancel => "Abbrechen (fragt bei Änderungen)",
        KeyAddEntry => "Zielgruppe/Indikator hinzufügen",
        KeyRemoveEntry => "Zielgruppe/Indikator entfernen",
        KeyCursorOrChoice => "Cursor bewegen / Auswahl ändern",
        KeyLineStartEnd => "Zeilenanfang / Zeilenende",
        KeyDeleteWord => "Wort vor dem Cursor löschen",
        KeyDeleteLine => "Bis Zeilenanfang löschen",
        KeyNameHome => "Pos1",
        KeyNameEnd => "Ende",
        KeyNamePageDown => "Bild↓",
        KeyNamePageUp => "Bild↑",
        KeyNameSpace => "Leertaste",
        KeyNameShiftTab => "Shift-Tab",
        KeyNameBackspace => "Rücktaste",
        KeyNameCtrl => "Strg",
        HintPane => "Bereich",
        HintSearch => "Suche",
        HintUndo => "rückgängig",
        HintHelp => "Hilfe",
        HintQuit => "Ende",
        HintAdd => "neu",
        HintEdit => "bearbeiten",
        HintDelete => "löschen",
        HintLink => "verknüpfen",
        HintClose => "schließen",
        HintYes => "ja",
        HintNo => "nein",
        HintChoose => "übernehmen",
        HintCancel => "abbrechen",
        HintKeep => "übernehmen",
        HintNextHit => "nächster",
        HintChoice => "Wert",
        HintApply => "anwenden",
        HintField => "Feld",
        HintSave => "speichern",
        HintScroll => "blättern",
        SortedBy => "Sortiert nach {column}",
        FieldRuntime => "Laufzeit",
        FieldYear => "Jahr",
        Saved => "gespeichert",
        NoMeasureSelected => "Keine Maßnahme ausgewählt",
        DetailUnreadable => "Maßnahme {id} konnte nicht gelesen werden: {error}",
        AskDeleteGoal => {
            "Ziel {code} „{title}“ löschen? Mit {children} {children:Unterziel|Unterzielen} und {links} {links:Verknüpfung|Verknüpfungen}. (j/n)"
        }
        AskDeleteMeasure => {
            "Maßnahme {id} „{title}“ löschen? Mit {links} {links:Verknüpfung|Verknüpfungen}. (j/n)"
        }
        LastLink => {
            "Letzte Verknüpfung: erst mit L ein anderes Ziel verknüpfen (oder mit d löschen)"
        }
        AlreadyPrimary => "Ist bereits das Hauptziel",
        NoSearch => "Keine Suche – mit / suchen",
        NoHits => "Keine Treffer für „{query}“",
        HitFiltered => "Treffer ist durch den Filter verborgen (f)",
        AskRestoreDraft => {
            "Entwurf wiederherstellen? Ein Formular war beim letzten Mal noch offen. (j/n)"
        }
        DraftUnreadable => "Entwurf nicht lesbar: {error}",
        TooSmall => "Terminal zu klein (mind. 80x24)",
        ExportFormatMd => "Bericht zum Lesen (Markdown)",
        ExportFormatXlsx => "Excel-Arbeitsmappe",
        ExportFormatCsv => "Maßnahmen als Tabelle für Excel",
        ExportFormatJson => "vollständig, zum Wieder-Einlesen",
        ExportFailed => "{path} kann nicht geschrieben werden: {error}",
        ExportNotDir => "{path} kann nicht geschrieben werden: {dir} ist kein Verzeichnis.",
        ExportNoPermission => {
            "{path} kann nicht geschrieben werden: keine Schreibberechtigung für {dir}."
        }
        ExportNoDir => "{path} kann nicht geschrieben werden: Das Verzeichnis {dir} gibt es nicht.",
        ExportIsDir => "{path} ist ein Verzeichnis – bitte einen Dateinamen dazuschreiben.",
        ExportNoName => "Bitte einen Dateinamen angeben.",
        HintMessages => "Meldungen",
        MessagesNone => "Noch keine Meldungen.",
        MessagesTitle => "Letzte Meldungen, neueste zuerst",
        KeyCloseMessages => "Meldungen schließen",
        KeyMessages => "Die letzten Meldungen zeigen (neueste zuerst) / wieder schließen",
        ModeMessages => "MELDUNGEN",
        CtxMessages => "Meldungen (Strg-g)",
        TooSmallKeys => "? Hilfe · q Ende · Fenster vergrößern, um weiterzuarbeiten",
        TooSmallKeysBusy => "Strg-c Ende · Fenster vergrößern, um weiterzuarbeiten",
        PasteNotHere => {
            "Einfügen nur in ein Textfeld (Formular, Suche, Dateiname) – nichts geändert"
        }
        KeyNewLine => "Neue Zeile in Beschreibung und Notizen",
        PaneGoals => "Ziele",
        PaneMeasures => "Maßnahmen",
        PaneDetail => "Details",
        ModeTree => "ZIELE",
        ModeMeasures => "MASSNAHMEN",
        ModeDetail => "DETAILS",
        ModeForm => "FORMULAR",
        ModeSearch => "SUCHE",
        ModeHelp => "HILFE",
        ModeConfirm => "FRAGE",
        ModePicker => "ZIEL",
        ModeFilter => "FILTER",
        HelpTitle => "Tastenkürzel",
        NoMeasureForGoal => "Keine Maßnahmen bei diesem Ziel – anlegen mit {keys}",
        FilterAll => "alle",
        FilterHidden => "{shown} von {total} (Filter)",
        PickerTitle => "{id} verknüpfen mit …",
        PickerEmpty => "Kein passendes Ziel",
        SearchCount => "{current}/{total} Treffer",
        PrimaryLegend => "★ Hauptziel",
        NoGoals => "Keine Ziele",
        TreeAll => "Alle Maßnahmen",
        TreeOrphans => "Ohne Ziel",
        PaneAll => "alle",
        PaneOrphans => "ohne Ziel",
        NotAGoal => "„{node}“ ist kein Ziel – dafür ein Ziel im Baum wählen",
        NoGoalHere => "Unter „{node}“ ist kein Ziel gewählt – U und P wirken unter einem Ziel",
        OrphanAfterOne => "{list} hat danach kein Ziel mehr (→ Ohne Ziel).",
        OrphanAfterMany => "{list} haben danach kein Ziel mehr (→ Ohne Ziel).",
        OrphanMore => "{n} weitere",
        ListAnd => "und",
        ConfirmKeys => "(j/n)",
        AskUnlinkLast => {
            "{id} „{title}“ hat danach kein Ziel mehr (→ Ohne Ziel). Verknüpfung trotzdem lösen? (j/n)"
        }
        PaneSortedBy => "sortiert nach {column}",
        OverdueEnd => "Ende überschritten",
        NoMeasureAtAll => "Noch keine Maßnahmen – anlegen mit {keys}",
        NoMeasureMatches => "Keine Maßnahme passt zum Filter – ändern mit {keys}",
        KeysThen => "{first}, dann {second}",
        DetailMoreBelow => "↓ mehr",
        DetailMoreAbove => "↑ mehr",
        KeyMoveGoalTo => "Ziel unter ein anderes Ziel verschieben",
        PickerMoveTitle => "{code} verschieben unter …",
        PickerTopLevel => "(oberste Ebene)",
        GoalFirstAmongSiblings => {
            "{code} ist schon das erste Ziel auf seiner Ebene – m verschiebt es unter ein anderes Ziel"
        }
        GoalLastAmongSiblings => {
            "{code} ist schon das letzte Ziel auf seiner Ebene – m verschiebt es unter ein anderes Ziel"
        }
        // Conflicts between edits of the same record.
        CtxConflict => "Konflikt",
        ModeConflict => "KONFLIKT",
        KeyKeepMine => "Dieses Feld: meine Eingabe behalten",
        KeyTakeTheirs => "Dieses Feld: gespeicherten Wert nehmen",
        KeyKeepAllMine => "Alle Felder: meine Eingabe behalten",
        KeyTakeAllTheirs => "Alle Felder: gespeicherten Wert nehmen",
        KeySaveResolved => "Mit dieser Auswahl speichern",
        KeyBackToForm => "Zurück zum Formular (alles bleibt)",
        HintMine => "meins",
        HintTheirs => "gespeichert",
        HintBackToForm => "zum Formular",
        ConflictTitle => "Konflikt: {record}",
        ConflictIntro => {
            "{record} wurde inzwischen von jemand anderem geändert. Was nur eine Seite geändert hat, ist übernommen; diese Felder haben beide anders geändert:"
        }
        ConflictMine => "meins",
        ConflictTheirs => "gespeichert",
        SavedMerged => {
            "gespeichert – zusammengeführt mit den Änderungen, die inzwischen gespeichert wurden"
        }
        DeletedMeanwhileMeasure => {
            "{record} wurde inzwischen von jemand anderem gelöscht. Ihre Eingaben sind noch da: Strg-s speichert sie als neue Maßnahme."
        }
        DeletedMeanwhileGoal => {
            "Ziel {record} wurde inzwischen von jemand anderem gelöscht. Ihre Eingaben sind noch da: Strg-s speichert sie als neues Ziel."
        }
        HintRunAgain => "Bitte den Befehl erneut ausführen: er liest dann den neuen Stand.",
        // Issue 16 (fit the habits of terminal users): the config file.
        ConfigUnreadable => "kann nicht gelesen werden: {error}",
        ConfigSyntax => "kein gültiges TOML: {message}",
        ConfigUnknownKey => "unbekannter Schlüssel `{key}` (übergangen)",
        ConfigWrongType => "`{key}` muss {expected} sein, nicht {found} (es gilt die Vorgabe)",
        ConfigUnknownLang => "`lang` ist \"de\" oder \"en\", nicht „{value}“ (es gilt die Vorgabe)",
        ConfigUnknownColour => {
            "unbekannte Farbe „{value}“ für `{role}` (es gilt die Vorgabe; möglich: {names})"
        }
        ConfigUnknownContext => "unbekannter Bereich `[keys.{name}]` (möglich: {names})",
        ConfigUnknownAction => "unbekannte Aktion `{name}`{place} – die Namen zeigt die Hilfe (?)",
        ConfigUnknownKeyName => {
            "unbekannte Taste „{key}“ (z. B. d, D, Delete, C-r, A-Enter, S-Tab, PgDn, Space); es gelten die bisherigen Tasten"
        }
        ConfigNoKeys => "`{name}` braucht mindestens eine Taste; es gelten die bisherigen",
        ConfigCollision => {
            "Taste {key} für `{name}` ({context}) ist schon `{other}` ({other_context}) – abgelehnt, `{name}` behält seine bisherigen Tasten"
        }
        ConfigOk => "{path}: in Ordnung",
        ConfigMissing => "{path}: keine Konfigurationsdatei, es gelten die Vorgaben",
        ConfigTypesText => {
            "{key} tippt ein Zeichen und kann dort ({context}) nicht gebunden werden, wo Text eingegeben wird – es gelten die bisherigen Tasten"
        }
        ConfigProblems => "{path}: {count} {count:Fehler|Fehler}; dafür gelten die Vorgaben",
        // Issue 16: progress of long commands.
        ProgressReadDatabase => "Datenbank lesen",
        ProgressReadFile => "Datei lesen",
        ProgressCheck => "prüfen",
        ProgressStore => "in die Datenbank schreiben",
        ProgressConvert => "Daten lesen und umwandeln",
        ProgressWriteFile => "Datei schreiben",
        ProgressBackup => "Sicherung schreiben",
        ProgressGenerate => "Beispieldaten erzeugen und schreiben",
        ProgressCount => "{step}: {count} {count:Maßnahme|Maßnahmen}, {rate}/s",
        // Issue 16: the first-run guide in the measure pane.
        GuideWelcome => "Willkommen! Noch keine Maßnahme erfasst.",
        GuideAdd => "neue Maßnahme (im Zielbaum erst {tab})",
        GuideEdit => "bearbeiten",
        GuideSearch => "suchen",
        GuideHelp => "alle Tasten",
        GuideQuit => "beenden",
        GuideImport => "Eine vorhandene Excel-Liste übernehmen:",
        GuideImportCommand => "quartier import liste.xlsx (oder .csv)",
        // Issue 16: long work announced in the TUI's status bar.
        ExportRunning => "Exportiere nach {path} ({format}) …",
        ExportInProgress => "Export läuft …",
        ExportStillRunning => "Ein Export läuft noch – danach geht der nächste",
        // Money over time (issue 14).
        FieldAmount => "Betrag",
        FieldInstalment => "Jahresrate {year}",
        FieldDate => "Datum",
        FieldKind => "Art",
        ProblemInvalidYear => "„{value}“ ist kein Jahr (vierstellig, z. B. 2026)",
        ProblemDuplicateYear => "Jahr {year} doppelt angegeben",
        ProblemUnknownKind => {
            "unbekannte Zahlungsart „{value}“ (Mittelabruf, Auszahlung, Rückforderung)"
        }
        LogSetPot => "Topf {what} gesetzt",
        ActSetPot => "Setzen des Topfs {what}",
        LogRemovePot => "Topf {what} entfernt",
        ActRemovePot => "Entfernen des Topfs {what}",
        LogSetPlan => "Jahresraten von {measure} gesetzt ({what})",
        ActSetPlan => "Setzen der Jahresraten von {measure}",
        LogRemovePlan => "Jahresraten von {measure} entfernt",
        ActRemovePlan => "Entfernen der Jahresraten von {measure}",
        LogAddPayment => "Zahlung {what} für {measure} erfasst",
        ActAddPayment => "Erfassen der Zahlung {what} für {measure}",
        LogUpdatePayment => "Zahlung {what} von {measure} geändert",
        ActUpdatePayment => "Ändern der Zahlung {what} von {measure}",
        LogRemovePayment => "Zahlung {what} von {measure} entfernt",
        ActRemovePayment => "Entfernen der Zahlung {what} von {measure}",
        SumMoney => "{n} {n:Topf/Rate/Zahlung|Töpfe/Raten/Zahlungen} geändert",
        ErrPotNotFound => "Kein Topf {pot}.",
        ErrPaymentNotFound => "Zahlung {payment} nicht gefunden.",
        ErrRecordExists => "{record} gibt es schon.",
        MoneyPlanOf => "Jahresraten von M-{measure}",
        CheckOfMissingMeasure => "{record}: Maßnahme M-{measure} fehlt",
        CheckPaymentIndexMismatch => {
            "Zahlung Z-{payment} von M-{measure}: Verzeichnis nach Maßnahme stimmt nicht"
        }
        ColPot => "Topf",
        ColPlanned => "verplant",
        ColPaid => "ausgezahlt",
        ColFree => "frei",
        ColMeasure => "Maßnahme",
        NoPots => "Keine Töpfe, Jahresraten oder Zahlungen.",
        NoPayments => "Keine Zahlungen.",
        DonePotSet => "Topf {fund} {year}: {amount}.",
        DonePotRemoved => "Topf {fund} {year} entfernt.",
        DonePlanSet => "Jahresraten von {measure}: {plan}.",
        DonePlanRemoved => {
            "Jahresraten von {measure} entfernt: bewilligt zählt im Jahr des Beginns."
        }
        DonePaymentRemoved => "Zahlung {payment} entfernt.",
        PlanNoneStartYear => {
            "{measure} hat keine Jahresraten: {amount} zählt im Jahr des Beginns, {year}."
        }
        PlanNoneNothing => {
            "{measure} hat keine Jahresraten und zählt in keinem Jahr (ohne bewilligten Betrag oder Beginn)."
        }
        PlanTotal => "Summe {planned} von {approved} bewilligt",
        PaidTotal => "Summe (Rückforderungen abgezogen): {paid}",
        WarnPotAfter => "{fund} {year}: {pot} Topf, {planned} verplant – danach {free}",
        WarnPotOver => "{fund} {year}: {pot} Topf, {planned} verplant – frei {free}",
        WarnPlanMismatch => "{measure}: Jahresraten ergeben {planned}, bewilligt sind {approved}",
        WarnPaymentBeforeApproval => {
            "Zahlung vor der Bewilligung von {measure} (kein bewilligter Betrag, Status idee, beantragt oder abgelehnt, oder vor dem Tag der Bewilligung)"
        }
        WarnPaymentOutsideRuntime => "Zahlung außerhalb der Laufzeit von {measure}",
        WarnPaidAboveApproved => "{measure}: ausgezahlt {paid}, bewilligt nur {approved}",
        ReportSectionPots => "Töpfe je Fonds und Jahr",
        ReportSectionPotsOver => "Töpfe über dem Budget",
        ReportSectionPlanMismatch => "Jahresraten, die nicht den bewilligten Betrag ergeben",
        ReportOverBy => "über um",
        ReportInstalments => "Jahresraten",
        DetailPaid => "ausgezahlt {paid} von {approved}",
        ReportTabPots => "Töpfe",
        // Decisions and deadlines (issue 15).
        FieldBody => "Gremium",
        FieldConditions => "Auflagen",
        FieldDue => "fällig am",
        ProblemUnknownOutcome => {
            "unbekanntes Ergebnis „{value}“ (Zustimmung, Zustimmung mit Auflagen, Ablehnung, Vertagung)"
        }
        ProblemUnknownDeadlineKind => {
            "unbekannte Fristart „{value}“ (Sachbericht, Zwischennachweis, Verwendungsnachweis, Antragsfrist, Sitzung, sonstige)"
        }
        ProblemStatusUnchanged => "der Status ist schon „{value}“",
        LogAddSession => "Sitzung {what} angelegt",
        ActAddSession => "Anlegen der Sitzung {what}",
        LogUpdateSession => "Sitzung {what} geändert",
        ActUpdateSession => "Ändern der Sitzung {what}",
        LogRemoveSession => "Sitzung {what} entfernt",
        ActRemoveSession => "Entfernen der Sitzung {what}",
        LogAddDecision => "Beschluss {what} zu {measure} erfasst",
        ActAddDecision => "Erfassen des Beschlusses {what} zu {measure}",
        LogUpdateDecision => "Beschluss {what} zu {measure} geändert",
        ActUpdateDecision => "Ändern des Beschlusses {what} zu {measure}",
        LogRemoveDecision => "Beschluss {what} zu {measure} entfernt",
        ActRemoveDecision => "Entfernen des Beschlusses {what} zu {measure}",
        LogSetStatus => "Status von {measure} auf {what} gesetzt",
        ActSetStatus => "Setzen des Status von {measure} auf {what}",
        LogRevertStep => "Statusschritt {what} von {measure} zurückgenommen",
        ActRevertStep => "Zurücknehmen des Statusschritts {what} von {measure}",
        LogRestoreStep => "Statusschritt {what} von {measure} wiederhergestellt",
        ActRestoreStep => "Wiederherstellen des Statusschritts {what} von {measure}",
        LogRestoreSteps => "{what} Statusschritte von {measure} wiederhergestellt",
        ActRestoreSteps => "Wiederherstellen von {what} Statusschritten von {measure}",
        LogForgetSteps => "{what} Statusschritte von {measure} entfernt",
        ActForgetSteps => "Entfernen von {what} Statusschritten von {measure}",
        LogAddDeadline => "Frist {what} angelegt",
        ActAddDeadline => "Anlegen der Frist {what}",
        LogUpdateDeadline => "Frist {what} geändert",
        ActUpdateDeadline => "Ändern der Frist {what}",
        LogDoneDeadline => "Frist {what} erledigt",
        ActDoneDeadline => "Erledigen der Frist {what}",
        LogRemoveDeadline => "Frist {what} entfernt",
        ActRemoveDeadline => "Entfernen der Frist {what}",
        SumCourse => {
            "{n} {n:Sitzung/Beschluss/Frist/Statusschritt|Sitzungen/Beschlüsse/Fristen/Statusschritte} geändert"
        }
        ErrRecordNotFound => "{record} nicht gefunden.",
        ErrSessionHasDecisions => {
            "Sitzung {session} hat noch {n} {n:Beschluss|Beschlüsse}; erst die Beschlüsse entfernen."
        }
        CheckDecisionOf => "{record}: {missing} fehlt",
        CheckDecisionIndexMismatch => "Beschluss B-{decision}: Verzeichnis stimmt nicht",
        WarnCourseWithoutApproval => {
            "{to} ohne Bewilligung (üblicher Verlauf: {from} → {way} → {to})"
        }
        WarnCourseSkipped => "{to} ohne {way} (üblicher Verlauf: {from} → {way} → {to})",
        WarnCourseBack => "{from} → {to}: entgegen dem üblichen Verlauf",
        DoneSessionRemoved => "Sitzung {session} entfernt.",
        DoneDecisionRemoved => "Beschluss {decision} entfernt.",
        DoneDeadlineDone => "Frist {deadline} erledigt am {date}.",
        DoneDeadlineRemoved => "Frist {deadline} entfernt.",
        DoneStatusSet => "{measure}: {from} → {to} ({date}).",
        NoSessions => "Keine Sitzungen.",
        NoDecisions => "Keine Beschlüsse.",
        NoDeadlines => "Keine Fristen.",
        HintProposedStatus => {
            "Vorschlag: Status {status} – quartier measure status {measure} {status} --date {date}"
        }
        HintProposedAmount => {
            "Vorschlag: bewilligt {amount} (bisher {approved}) – quartier measure edit {measure} --approved {amount}"
        }
        HintProposedDeadline => {
            "Vorschlag: Verwendungsnachweis fällig am {due} – quartier deadline add --kind Verwendungsnachweis --due {due} --measure {measure}"
        }
        DueOverdue => "Überfällig:",
        DueUpcoming => "Fällig in den nächsten {days} {days:Tag|Tagen}:",
        DueNothing => "Keine Frist überfällig oder in den nächsten {days} {days:Tag|Tagen} fällig.",
        DueDaysOver => "{n} {n:Tag|Tage} überfällig",
        DueDaysLeft => "in {n} {n:Tag|Tagen}",
        DueToday => "heute",
        ColOutcome => "Ergebnis",
        ColVotes => "ja/nein/Enth.",
        ColSession => "Sitzung",
        ColDecisions => "Beschlüsse",
        ColDone => "erledigt",
        ColWhen => "wann",
        ErrUnknownId => "„{id}“ ist keine Nummer (z. B. {example}).",
        DetailDecision => "Beschluss",
        DetailStep => "Verlauf",
        DetailDeadline => "Frist",
        DetailOverdue => "überfällig",
        CtxCourse => "Statusverlauf einer Maßnahme",
        KeyCourse => "Statusverlauf (Schritte, Beschlüsse)",
        KeyCloseCourse => "Statusverlauf schließen",
        ModeCourse => "STATUSVERLAUF",
        CourseTitle => "Statusverlauf {measure}",
        CourseNone => "Noch keine Statusschritte oder Beschlüsse.",
        CourseNoMeasure => "Keine Maßnahme gewählt.",
        CtxSetStatus => "Status setzen",
        KeySetStatus => "Status setzen (mit Datum und Notiz)",
        KeyStatusNext => "Nächster Status",
        KeyStatusPrev => "Vorheriger Status",
        KeyStatusField => "Zwischen Datum und Notiz wechseln",
        KeyStatusSave => "Status setzen",
        ModeSetStatus => "STATUS",
        StatusDialogTitle => "Status von {measure}",
        StatusDialogFrom => "bisher",
        StatusDialogTo => "neu",
        // Payments view (issue 14).
        CtxPayments => "Zahlungen",
        ModePayments => "ZAHLUNGEN",
        KeyPayments => "Zahlungen der Maßnahme",
        KeyAddPayment => "Zahlung erfassen",
        KeyEditPayment => "Zahlung bearbeiten",
        KeyDeletePayment => "Zahlung löschen",
        KeyClosePayments => "Zahlungen schließen",
        PaymentsTitle => "Zahlungen {measure} „{title}“",
        PaymentsEmpty => "Noch keine Zahlungen – mit a erfassen.",
        FormNewPayment => "Neue Zahlung für {measure}",
        FormEditPayment => "Zahlung {id} bearbeiten",
        AskDeletePayment => "Zahlung {id} vom {date} über {amount} löschen? (j/n)",
        NoPaymentSelected => "Keine Zahlung ausgewählt",
        // Issue 14, lead: pot bars, plan form.
        ReportPotBars => "Verplant in % des Topfs",
        FormPlan => "Jahresraten {measure} „{title}“",
        FormPlanProposed => "Jahresraten {measure}, Vorschlag anteilig nach Monaten: „{title}“",
        PlanSumDiffers => "Summe {sum} – bewilligt sind {approved}",
        KeyPlan => "Jahresraten der Maßnahme bearbeiten",
        DonePlanForm => "Jahresraten von {measure} gespeichert",
        AskProofDeadline => "Verwendungsnachweis für {measure} fällig am {due} anlegen? (j/n)",
        // issue 15 reports
        ReportSectionSessions => "Beschlüsse je Sitzung",
        ReportSectionDecisionYears => "Beschlüsse je Jahr",
        ReportSectionActions => "Aktionsfonds: Aktionen je Jahr",
        ReportSectionDueOverdue => "Überfällige Fristen",
        ReportSectionDueUpcoming => "Fristen und Sitzungen der nächsten {days} {days:Tag|Tage}",
        ReportSectionApprovalTimes => "Tage von Antrag bis Bewilligung je Fonds",
        ColSessions => "Sitzungen",
        ColAgreed => "Zustimmungen",
        ColRejected => "Ablehnungen",
        ColDeferred => "Vertagungen",
        ColAgreedSum => "zugestimmt",
        ColJury => "Jury",
        ColMedianDays => "Median (Tage)",
        ColFastest => "kürzeste",
        ColSlowest => "längste",
        ReportTabDecisions => "Beschlüsse",
        ReportTabDeadlines => "Fristen",
        SessionReportTitle => "Beschlüsse der Sitzung {session}",
        SessionReportDecisions => "Beschlüsse",
        SessionReportFunds => "Summen je Fonds (Zustimmungen)",
        SessionReportNote => "Notiz: {note}",
        DuePastSessions => "Sitzungen der letzten {days} {days:Tag|Tage}:",
        DueDaysAgo => "vor {n} {n:Tag|Tagen}",
        // Decisions and deadlines in the TUI (issue 15 TUI).
        FormNewDecision => "Beschluss zu {measure} erfassen",
        DecisionNewSession => "neue Sitzung",
        KeyDecision => "Beschluss erfassen (Sitzung wählen oder neu anlegen)",
        ProposeStatus => "Status „{status}“ ab {date}",
        ProposeAmount => "bewilligt {amount} (bisher {approved})",
        ProposeQuestion => "{decision} zu {measure} schlägt vor: {what} – übernehmen? (j/n)",
        ProposeStepNote => "Beschluss {decision}",
        CtxSessions => "Sitzungen",
        ModeSessions => "SITZUNGEN",
        KeySessions => "Sitzungen mit ihren Beschlüssen",
        KeyCloseSessions => "Sitzungen schließen",
        SessionsTitle => "Sitzungen",
        SessionsEmpty => "Noch keine Sitzungen – b an einer Maßnahme erfasst einen Beschluss.",
        SessionsDecisions => "Beschlüsse {session}",
        SessionsNoDecisions => "Keine Beschlüsse in dieser Sitzung.",
        ColVotesShort => "Stimmen",
        CtxTermine => "Termine",
        ModeTermine => "TERMINE",
        KeyTermine => "Termine: offene Fristen und kommende Sitzungen",
        KeyTermineJump => "Zur Maßnahme springen",
        HintTermineJump => "zur Maßnahme",
        KeyDeadlineDone => "Frist als erledigt markieren (heute)",
        HintDeadlineDone => "erledigt",
        KeyCloseTermine => "Termine schließen",
        TermineTitle => "Termine – heute {today}",
        TermineEmpty => "Keine offenen Fristen und keine kommenden Sitzungen.",
        TermineNoMeasure => "Dieser Termin gehört zu keiner Maßnahme.",
        TermineNotADeadline => "Eine Sitzung ist keine Frist zum Erledigen.",
        StatusOverdue => "{n} {n:Frist|Fristen} überfällig",
        // exchange 14/15: CSV and XLSX import of the record tables.
        ImportSessionDiffers => {
            "Sitzung {session} hat hier anderes Gremium, Datum oder Notiz als in Zeile {line}"
        }
        ImportWhatNeedsCsv => "--what gilt beim Import nur für CSV (JSON und XLSX enthalten alles)",
    }
}
