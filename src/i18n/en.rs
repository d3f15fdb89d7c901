//! English strings (`--lang en`).

use super::Text::{self, *};

/// The English string for `text`.
pub fn text(text: Text) -> &'static str {
    match text {
        ErrorPrefix => "Error",
        WarningPrefix => "Warning",
        FieldCode => "Code",
        FieldParent => "Parent goal",
        FieldTitle => "Title",
        FieldDescription => "Description",
        FieldOrganisation => "Organisation",
        FieldContact => "Contact",
        FieldResponsible => "Responsible",
        FieldReference => "Reference",
        FieldFund => "Fund",
        FieldRequested => "Requested",
        FieldApproved => "Approved",
        FieldCofunding => "Co-funding",
        FieldStart => "Start",
        FieldEnd => "End",
        FieldStatus => "Status",
        FieldTargetGroup => "Target group {n}",
        FieldTargetGroups => "Target groups",
        FieldLocation => "Location",
        FieldNotes => "Notes",
        FieldIndicator => "Indicator {n}",
        FieldIndicators => "Indicators",
        FieldGoals => "Goals",
        FieldPrimaryGoal => "Primary goal",
        FieldId => "ID",
        FieldMeasures => "Measures",
        FormNewMeasure => "New measure",
        FormEditMeasure => "Edit measure {id}",
        FormNewGoal => "New goal",
        FormEditGoal => "Edit goal {code}",
        FormDiscard => "Discard changes? (y/n)",
        FormListEmpty => "none – add an entry: Ctrl-n",
        FormIndicatorName => "Name",
        FormIndicatorUnit => "Unit",
        FormIndicatorBaseline => "Baseline",
        FormIndicatorTarget => "Target",
        FormIndicatorActual => "Actual",
        FormHintField => "field",
        FormHintSave => "save",
        FormHintCancel => "cancel",
        FormHintChoose => "choose",
        FormHintNewline => "new line",
        FormHintAddEntry => "add entry",
        FormHintRemoveEntry => "remove",
        ProblemRequired => "must not be empty",
        ProblemTooLong => "is too long (at most {max} characters)",
        ProblemControlCharacter => "contains control characters",
        ProblemWhitespace => "must not contain spaces",
        ProblemNegative => "must not be negative",
        ProblemTooLarge => "is too large",
        ProblemEndBeforeStart => "is before the start",
        ProblemNotFinite => "must be a number between -1,000,000,000,000 and 1,000,000,000,000",
        ProblemInvalidAmount => "\"{value}\" is not an amount (e.g. 12500.50)",
        ProblemInvalidDate => {
            "\"{value}\" is not a valid date (DD.MM.YYYY, DD.MM.YY or YYYY-MM-DD)"
        }
        ProblemDateOutOfRange => "\"{value}\": the year must be between 1990 and 2100",
        ProblemInvalidNumber => "\"{value}\" is not a number",
        ProblemUnknownFund => {
            "\"{value}\" is not a fund (Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige, QF1–QF4)"
        }
        ProblemUnknownStatus => {
            "\"{value}\" is not a status (idee, skizze, votum, beantragt, bewilligt, laufend, sachbericht-eingereicht, verwendungsnachweis-eingereicht, verwendungsnachweis-geprueft, abgeschlossen, abgelehnt, abgebrochen)"
        }
        WarnAktionsfondsAbove1500 => "Aktionsfonds: more than 1,500 € per measure",
        WarnProjektfondsBelow5000 => "Projektfonds: less than 5,000 €",
        WarnProjektfondsLongerThan4Years => "Projektfonds: runs longer than 4 years",
        WarnProjektfondsCofunding => "Projektfonds: co-funding below 10 % of the approved sum",
        WarnBaufondsBelow50000 => "Baufonds: less than 50,000 €",
        WarnNetzwerkfondsBelow50000 => "Netzwerkfonds: less than 50,000 €",
        WarnApprovedAboveRequested => "More approved than requested",
        ErrLocked => "The database {path} is already in use by another quartier process.",
        ErrPermissionDenied => "No permission to open the database {path}.",
        ErrIo => "Cannot read or write the database {path}: {reason}",
        ErrDatabase => "Database error: {reason}",
        IoDiskFull => {
            "no space left on the disk of {path} (mounted at {mount}). Free space there (e.g. delete old exports or backups) and try again"
        }
        IoPermission => {
            "no permission for {path} (owned by {owner}). Work as {owner} or have the permissions changed"
        }
        IoNotFound => "{path} does not exist (or a directory leading to it is missing)",
        IoExists => "{path} exists already",
        IoReadOnly => "{path} is on a read-only file system",
        IoNotRegular => {
            "{path} is not a regular file (a device, directory or symbolic link) and is never replaced. Please give another file name"
        }
        IoNotADirectory => "{path} is not a directory (a file of that name is in the way)",
        IoOther => "input/output error at {path}: {reason}",
        ErrSledCorrupt => {
            "The database {path} is damaged (sled cannot read {at}). `quartier check` tells more; otherwise restore the newest backup into a new database with `quartier restore`."
        }
        ErrDamagedBlob => {
            "The database {path} cannot be opened: {name} is damaged ({reason}). Please restore the newest backup into a new database: quartier --db NEW-DIRECTORY restore BACKUP.json"
        }
        ErrIdOutOfRange => "The id {id} is too large (at most {max}).",
        ErrSledCorruptHere => {
            "The database is damaged (sled cannot read {at}). `quartier check` tells more; otherwise restore the newest backup into a new database with `quartier restore`."
        }
        BlobEmpty => "empty",
        BlobShort => "only {len} bytes",
        BlobChecksum => "checksum mismatch",
        CheckUnreadable => {
            "{tree}: unreadable after {after} entries ({reason}); what comes before was checked. Compare with the newest backup"
        }
        StopDamaged => "damaged data at {at}",
        StopIo => "read error: {kind}",
        StopKeysOutOfOrder => "keys out of order after {key}",
        StopTooMany => "more than {count} entries, more than the files can hold",
        StopStalled => "sled made no progress for {secs} s",
        StopPanicked => "sled crashed while reading",
        ErrDiskFullReadOnly => {
            "The disk of the database {path} is full (mounted at {mount}): nothing was changed. Please free space there (e.g. delete old exports or backups) and try again."
        }
        NoticeReadOnlyCopy => {
            "the disk at {mount} is full: quartier reads the database from a copy ({copy}) and cannot change anything until there is space."
        }
        NoticeUnfinishedSnapshot => {
            "removed the unfinished snapshot {name} (an earlier start was interrupted, e.g. on a full disk); the database rebuilds it from its log."
        }
        NoticeDamagedBlob => {
            "{name} of the database is damaged ({reason}); changes from there on may be missing. A copy is kept in {path}; `quartier check` reports it until it is deleted."
        }
        CheckDamagedBlob => {
            "{name}: large file of the database damaged ({reason}); changes from there on may be missing. Compare with the newest backup, then delete {path}"
        }
        ErrSchemaTooNew => {
            "The database has schema version {found}; this quartier knows up to {supported}. Please update quartier."
        }
        ErrCorrupt => {
            "Corrupt record in {tree}, key {key}: {reason}. `quartier check` lists every problem."
        }
        ErrInvalid => "Invalid input: {problems}",
        ErrGoalNotFound => "There is no goal {code}.",
        ErrMeasureNotFound => "There is no measure {id}.",
        ErrMeasureExists => "Measure {id} exists already.",
        ErrDuplicateCode => "The code {code} is taken already.",
        ErrAlreadyLinked => "{measure} is linked to goal {goal} already.",
        ErrNotLinked => "{measure} is not linked to goal {goal}.",
        ErrGoalInUse => "Goal {code} has {what}.",
        GoalInUseMeasures => "{n} linked {n:measure|measures}",
        GoalInUseChildren => "{n} {n:sub-goal|sub-goals}",
        And => " and ",
        ErrMoveIntoOwnSubtree => "Goal {code} cannot move under itself or one of its sub-goals.",
        ErrConflict => "{record} was changed by someone else meanwhile; nothing was saved.",
        ErrNothingToUndo => "Nothing to undo.",
        ErrNothingToRedo => "Nothing to redo.",
        ErrChangedSince => "{user} changed {record} afterwards ({time})",
        AskUndoAnyway => "{changed} – undo anyway?",
        AskRedoAnyway => "{changed} – redo anyway?",
        HintUndoForce => "{changed} – `quartier undo --force` undoes it anyway.",
        HintRedoForce => "{changed} – `quartier redo --force` redoes it anyway.",
        ErrDeletedSinceUndo => {
            "{user} deleted {record} afterwards ({time}) – the change can no longer be undone."
        }
        ErrDeletedSinceRedo => {
            "{user} deleted {record} afterwards ({time}) – the change can no longer be redone."
        }
        ErrServerGone => "connection to the server lost",
        ErrServer => "server: {reason}",
        ErrServerRefused => "refused by the server: {reason}",
        ErrNoServer => "No server for {path}",
        ErrServerPermission => "no permission for {path}",
        ErrServerVersion => {
            "The server speaks protocol {server_protocol} (quartier {server_version}), this program protocol {protocol} (quartier {version}): stop the server with `quartier server stop`, then start again."
        }
        ErrServerFailed => "Server at {path}: {reason}",
        ErrServerNotStarted => "The server did not start: {log}",
        ErrUnknownGroup => "There is no group {group} (see /etc/group).",
        ErrShareGroup => {
            "Cannot share {path} with the group {group}: only root, or the directory's owner if a member of the group, can."
        }
        ErrShareGroupFailed => "Cannot share {path} with the group {group}: {reason}",
        ServerNone => "No server is running for {path}.",
        PresenceOthers => "also here: {names}",
        LiveConnectionLost => "Connection to the server lost – reconnecting …",
        LiveServerStopped => "The server was stopped; the next change starts it again.",
        LiveReconnected => "Connected to the server again; everything read anew.",
        LiveChange => "{who}: {what}",
        LiveSelectedDeleted => "{who} deleted {id}, the selected measure.",
        HintServerRuns => {
            "Hint: the database's server is running (`quartier server status`). Without --no-server this call works through it."
        }
        ServerStopped => "Server (pid {pid}) stopped.",
        ServerStatusHead => {
            "Server pid {pid}, quartier {version}, running since {since} ({uptime})"
        }
        ServerStatusDatabase => "Database: {path}",
        ServerStatusSocket => "Socket:   {path}",
        ServerStatusOps => "Changes:  {count}",
        ServerStatusClients => "Connected: {count}",
        ErrIndicatorNotFound => "{measure} has no indicator \"{name}\".",
        ErrDemoNotEmpty => {
            "The database holds {count} {count:measure|measures} already; demo data goes only into an empty database."
        }
        HintForce => "With --force it is deleted with its sub-goals and the links are removed.",
        CheckCorrupt => "{tree}/{key}: record unreadable: {reason}",
        CheckLinkMismatch => "link M-{measure} ↔ goal #{goal}: the two directions disagree",
        CheckDanglingLink => "link M-{measure} ↔ goal #{goal}: measure or goal missing",
        CheckDanglingParent => "goal {code}: parent #{parent} missing",
        CheckDuplicateCode => "code {code} is used twice",
        CheckPrimaryCount => {
            "M-{measure}: {count} primary {count:goal|goals} instead of exactly one"
        }
        CheckCounterBehind => "counter {counter} is behind the ids in use",
        CheckDateOutOfRange => {
            "M-{measure}: {field} {date} is not between 1990 and 2100 (correct it with `measure edit`)"
        }
        CheckOk => {
            "Database OK: {goals} {goals:goal|goals}, {measures} {measures:measure|measures}, {links} {links:link|links}."
        }
        CheckProblems => "{count} {count:problem|problems} found:",
        DoneMeasureAdded => "Measure {id} added.",
        DoneMeasureUpdated => "Measure {id} saved.",
        DoneMeasureDeleted => "Measure {id} deleted.",
        DoneGoalAdded => "Goal {code} added.",
        DoneGoalUpdated => "Goal {code} saved.",
        DoneGoalMoved => "Goal {code} moved.",
        DoneGoalDeleted => "Goal {code} deleted.",
        DoneLinked => "{measure} linked to goal {goal}.",
        DoneUnlinked => "Link {measure} ↔ goal {goal} removed.",
        NoticeOrphan => "{measure} now has no goal (in the TUI under \"Without goal\").",
        NoticeNewDatabase => "New database created: {path}",
        DoneIndicatorAdded => "Indicator \"{name}\" added to {measure}.",
        DoneIndicatorSet => "Indicator \"{name}\" of {measure} saved.",
        DoneIndicatorRemoved => "Indicator \"{name}\" removed from {measure}.",
        IndicatorLine => "{name}: {baseline} → {target}{unit}, actual {actual}{attainment}",
        NothingChangedMeasure => "Measure {id}: nothing changed, the values are already stored.",
        NothingChangedGoal => "Goal {code}: nothing changed, the values are already stored.",
        DoneUndo => "Undone: {what}",
        DoneRedo => "Redone: {what}",
        DoneDemoData => "{count} demo {count:measure|measures} added.",
        NoMeasures => "No measures.",
        MeasureListTotal => {
            "Total: {count} {count:measure|measures}, requested {requested}, approved {approved}"
        }
        BackupFailed => "backup not written: {error}",
        DoneBackup => "Backup written: {path}",
        DoneRestore => {
            "Restored: {measures} {measures:measure|measures}, {goals} {goals:goal|goals}. “quartier undo” takes it back."
        }
        AskRestore => {
            "Replace the database with {file}? Now {measures} {measures:measure|measures} and {goals} {goals:goal|goals}, afterwards {new_measures} {new_measures:measure|measures} and {new_goals} {new_goals:goal|goals}. (y/n)"
        }
        Aborted => "Cancelled, nothing was changed.",
        ErrNeedsYes => "without a terminal only with --yes",
        XlsxNotWorkbook => "not a readable XLSX workbook ({error})",
        XlsxNoSheets => "neither a sheet “Maßnahmen” nor a sheet “Indikatoren”",
        XlsxMissingColumn => "column missing",
        XlsxCellError => "cell holds the error value {value}",
        XlsxBadId => "“{value}” is not a measure id (e.g. M-0042)",
        XlsxIndicatorWithoutMeasure => "no id, and not exactly one new measure is titled “{title}”",
        ErrXlsxNeedsFile => {
            "XLSX cannot go to standard output: write it to a file with -o FILE.xlsx"
        }
        ImportTooLarge => "file is too large (at most {max} MB)",
        ImportUnknownGoal => "unknown goal “{code}” (create it with --create-goals)",
        ImportDuplicate => "“{value}” occurs twice",
        ImportDuplicateId => "the same id is already on line {line}",
        ImportUnknownMeasure => "measure {id} does not exist",
        ImportNotUtf8 => "not a UTF-8 file (invalid byte after {offset} bytes)",
        ImportBadJson => "not valid JSON: {error}",
        ImportNotQuartier => "not a quartier document (expected \"format\": \"quartier/1\")",
        ImportNotAList => "must be a list",
        DoneImport => {
            "Import: {added} added, {changed} changed, {unchanged} unchanged, {goals} {goals:goal|goals} added."
        }
        DoneExport => "Written: {path}",
        DryRunAdded => "Added",
        DryRunChanged => "Changed",
        DryRunUnchanged => "Unchanged",
        DryRunGoalsAdded => "Goals added",
        DryRunGoalsChanged => "Goals changed",
        DryRunNothingWritten => "Dry run: nothing was written.",
        ErrImport => "{count} {count:problem|problems} in the file; nothing was changed.",
        ErrFileExists => "{path} already exists (overwrite with --force)",
        ErrFormatUnknown => "unknown format of {path}: give --format json|csv|xlsx",
        ErrFormatUnsupported => "format {format} is not possible here",
        CsvNoHeader => "no header line: the file is empty",
        CsvBinary => "not a text file (zero byte after {offset} bytes)",
        CsvUnknownColumn => "unknown column; known are: {known}",
        CsvMissingColumn => "column missing, it is required",
        CsvUnnamedColumn => "value in a column without a header",
        CsvFieldCount => "{found} {found:field|fields}, the header has {expected}",
        CsvBadId => "\"{value}\" is not a measure id (e.g. M-0042)",
        CsvUnreadable => "CSV not readable: {error}",
        CsvTooManyProblems => {
            "more than {count} {count:problem|problems}; the rest of the file was not checked"
        }
        // Import reports, encodings, limits.
        DryRunAbsent => "Not in the file (stay as they are)",
        ImportMoreProblems => "… and {count} more {count:problem|problems} (not shown)",
        ImportLikelyDuplicate => {
            "\"{title}\" (organisation \"{organisation}\") already exists as {ids}; without an id the measure is added again"
        }
        ImportDuplicateRow => {
            "\"{title}\" (organisation \"{organisation}\") is already in line {line} without an id; it is added twice"
        }
        ImportAndMore => " and {count} more",
        ImportIgnoredColumns => "columns quartier does not know are ignored: {names}",
        ImportNoEncoding => {
            "neither UTF-8 nor Windows-1252 (byte {byte} after {offset} bytes); please save as \"CSV UTF-8\""
        }
        ImportReadAsWindows1252 => {
            "not a UTF-8 file: read as Windows-1252 (Excel \"CSV (comma delimited)\")"
        }
        ImportLineBreak => {
            "line break in {field}: the field has one line only (description and notes may have several; lists may be split by lines)"
        }
        XlsxSingleSheet => {
            "no sheet “Maßnahmen” or “Indikatoren”: the only sheet “{sheet}” is read as {kind}"
        }
        XlsxTooLargeUnpacked => {
            "too large unpacked: part “{part}” has {size} MB (at most {max} MB per part, {total} MB together)"
        }
        XlsxTooManyColumns => {
            "cell {cell} lies right of column {max}; quartier does not read sheets that wide"
        }
        XlsxTooManyRows => {
            "cell {cell}: more than {max} rows; quartier does not read sheets that long"
        }
        XlsxCellTooLong => {
            "cell {cell} has more than {max} characters (Excel does not allow more either)"
        }
        ImportNewerFormat => {
            "the file has the format {format} of a newer quartier version; this version reads quartier/1 (please update quartier)"
        }
        ImportIgnoredFields => "fields quartier does not know are ignored: {names}",
        ImportPrimaryNotListed => "primary goal \"{code}\" is not among the goals",
        ImportMarkdownExportOnly => {
            "Markdown (.md) is an export format only (the report); JSON, CSV and XLSX can be imported"
        }
        JsonNotAnObject => "must be an object {…}",
        JsonMissingField => "missing (\"{key}\" is required)",
        JsonExpectedText => "must be text (in quotes)",
        JsonExpectedTextList => "must be a list of texts",
        JsonExpectedList => "must be a list",
        JsonExpectedCents => "{value} is not an amount in cents (whole number, e.g. 1250050)",
        JsonExpectedNumber => "{value} is not a number",
        JsonExpectedPosition => "position must be a whole number from 0",
        ImportLosesLastGoal => "{id} \"{title}\" has no goal afterwards (→ Without goal)",
        DryRunMeasure => "{id} \"{title}\"",
        ImportQuoted => "\"{value}\"",
        ImportStale => {
            "{id} \"{title}\" was changed on {when} by {user}, after the file was written ({stamp}); the import reverts that change"
        }
        ErrNoTerminal => {
            "The screen interface needs a terminal; scripts use the subcommands (quartier --help)"
        }
        HeaderGoal => "Goal",
        HeaderCount => "Count",
        HeaderWhen => "Time",
        HeaderUser => "User",
        HeaderWhat => "Change",
        Total => "Total",
        LogAddGoal => "goal {goal} added",
        LogUpdateGoal => "goal {goal} changed",
        LogMoveGoal => "goal {goal} moved",
        LogDeleteGoal => "goal {goal} deleted",
        LogRestoreGoals => "goal {goal} restored",
        LogAddMeasure => "{measure} added",
        LogUpdateMeasure => "{measure} changed",
        LogDeleteMeasure => "{measure} deleted",
        LogLink => "{measure} linked to goal {goal}",
        LogUnlink => "link {measure} ↔ goal {goal} removed",
        LogSetPrimary => "{measure}: primary goal now {goal}",
        LogBatch => "several changes: {summary}",
        LogImport => "import from {file}: {summary}",
        LogRestore => "restore from {file}: {summary}",
        LogDemoData => "example data: {summary}",
        LogCount => "{count} {count:change|changes}",
        ActAddGoal => "add goal {goal}",
        ActUpdateGoal => "change goal {goal}",
        ActMoveGoal => "move goal {goal}",
        ActDeleteGoal => "delete goal {goal}",
        ActRestoreGoals => "restore goal {goal}",
        ActAddMeasure => "add {measure}",
        ActUpdateMeasure => "change {measure}",
        ActDeleteMeasure => "delete {measure}",
        ActLink => "link {measure} to goal {goal}",
        ActUnlink => "unlink {measure} from goal {goal}",
        ActSetPrimary => "make {goal} the primary goal of {measure}",
        ActBatch => "several changes ({summary})",
        ActImport => "import from {file} ({summary})",
        ActRestore => "restore from {file} ({summary})",
        ActDemoData => "example data ({summary})",
        SumAdded => "{n} new",
        SumChanged => "{n} changed",
        SumDeleted => "{n} deleted",
        SumGoalsAdded => "{n} {n:goal|goals} added",
        SumGoalsChanged => "{n} {n:goal|goals} changed",
        SumGoalsDeleted => "{n} {n:goal|goals} deleted",
        SumLinks => "{n} {n:link|links} changed",
        ReportTitle => "Goal attainment",
        ReportAsOf => "As of {date}",
        ReportYearFilter => "Year: {year}",
        ReportAllYears => "all years",
        ReportNoYear => "no year",
        ReportNoFund => "no fund",
        ReportRules => {
            "Amounts count only under a measure's primary goal, so every euro is counted once; a parent goal includes the amounts of its sub-goals. Measures count under every linked goal. Attainment: mean of the indicators that have an actual value. Per year, the approved amount counts by instalments, without instalments in the start year."
        }
        ReportRulesYear => "Only measures running in {year}.",
        ReportMeasureCount => "{count} {count:measure|measures}",
        ReportSectionGoals => "By goal",
        ReportSectionGoalFunds => "Funds by goal and fund",
        ReportSectionFunds => "Totals by fund",
        ReportSectionYears => "Totals by year of start",
        ReportSectionEnding => "Ending within the next {days} {days:day|days}",
        ReportSectionGoalsWithout => "Goals without measures",
        ReportSectionMeasuresWithout => "Measures without a goal",
        ReportSectionOverdue => "Past their end date, status still running or approved",
        ReportDaysOver => "Days over",
        ReportAppendix => "Appendix: measures per goal",
        ReportAppendixNote => {
            "Each measure is listed under every goal it is linked to directly; ★ marks its primary goal, where its amounts count."
        }
        ReportNone => "None.",
        ReportAttainment => "Attainment",
        ReportMeasure => "Measure",
        ReportDaysLeft => "Days",
        ReportWritten => "Report written to {path}.",
        ErrReportExists => "{path} already exists",
        HintReportForce => "--force overwrites the file.",
        ErrReportWrite => "cannot write {path}: {error}",
        ErrToday => "QUARTIER_TODAY \"{value}\" is not a date (YYYY-MM-DD)",
        CtxReport => "Report",
        ModeReport => "REPORT",
        KeyReport => "Report: funds and goal attainment",
        KeyCloseReport => "Close report",
        KeyYearPrev => "Previous year",
        KeyYearNext => "Next year (or all years)",
        KeyReportTab => "Switch funds / attainment / pots / decisions / deadlines",
        HintReport => "report",
        HintYear => "year",
        HintReportTab => "view",
        CtxHistory => "History",
        ModeHistory => "HISTORY",
        KeyGoalHistory => "Goal history: who, when, what",
        KeyMeasureHistory => "Measure history: who, when, what",
        KeyHistoryNewest => "To the newest entry",
        KeyHistoryOldest => "To the oldest entry",
        KeyCloseHistory => "Close history",
        HistoryTitle => "History: {subject}",
        HistoryMore => "Only the newest {count} entries – more: quartier log {args} --limit 1000",
        HistorySearched => {
            "Only the newest {count} entries of the history searched – all: quartier log {args}"
        }
        HistoryEmpty => "No history entries.",
        ReportTabFunds => "Funds",
        ReportChartTitle => "Approved per strategic goal (k€)",
        ReportAttainmentTitle => "Attainment per goal (indicators)",
        ReportSummary => {
            "{measures} {measures:measure|measures} · {without} without goal · {ending} ending within {days} {days:day|days}"
        }
        CtxExport => "Export",
        KeyExport => "Export (JSON, CSV, XLSX, report as Markdown)",
        KeyExportFormat => "Next format",
        KeyExportFormatPrev => "Previous format",
        KeyExportWrite => "Write (asks before replacing a file)",
        HintFormat => "format",
        HintWrite => "write",
        ModeExport => "EXPORT",
        ExportFormat => "Format",
        ExportFile => "File",
        ExportHint => "↑/↓ format · Enter write · Esc cancel",
        AskOverwrite => "{path} already exists. Replace it? (y/n)",
        LoadingMeasures => "Loading measures …",
        CtxGlobal => "Everywhere",
        CtxNormal => "All panes",
        CtxTree => "Goal tree",
        CtxMeasures => "Measures and details",
        CtxHelp => "Help",
        CtxConfirm => "Question",
        CtxPicker => "Goal picker",
        CtxSearch => "Search",
        CtxFilter => "Filter",
        CtxForm => "Form",
        KeyQuitAnywhere => "Quit (an open form is kept as a draft)",
        KeyMoveDown => "Down",
        KeyMoveUp => "Up",
        KeyFirst => "To the first",
        KeyLast => "To the last",
        KeyPageDown => "Page down",
        KeyPageUp => "Page up",
        KeyFocusNext => "Next pane",
        KeyFocusPrev => "Previous pane",
        KeySearch => "Search (goals, measures, Träger, notes)",
        KeyNextHit => "Next hit",
        KeyPrevHit => "Previous hit",
        KeyFilter => "Filter measures (status, fund, year)",
        KeySort => "Cycle sort column",
        KeyUndo => "Undo",
        KeyRedo => "Redo",
        KeyHelp => "Help",
        KeyQuit => "Quit",
        KeyBack => "Back to the goal tree",
        KeyExpand => "Expand / go to child",
        KeyCollapse => "Collapse / go to parent",
        KeyToggle => "Expand or collapse",
        KeyAddGoal => "New goal (under a Z goal, or a sibling)",
        KeyEditGoal => "Edit goal",
        KeyRenameGoal => "Rename goal",
        KeyDeleteGoal => "Delete goal (asks first)",
        KeyMoveGoalUp => "Move goal up",
        KeyMoveGoalDown => "Move goal down",
        KeyAddMeasure => "New measure for this goal",
        KeyEditMeasure => "Edit measure",
        KeyDeleteMeasure => "Delete measure (asks first)",
        KeyLink => "Link to another goal",
        KeyUnlink => "Unlink from this goal",
        KeySetPrimary => "Make this goal the primary goal",
        KeyScrollDown => "Scroll down",
        KeyScrollUp => "Scroll up",
        KeyCloseHelp => "Close help",
        KeyYes => "Yes",
        KeyNo => "No",
        KeyPickGoal => "Choose goal",
        KeyCancel => "Cancel",
        KeySearchKeep => "End search, keep the hit",
        KeySearchAbort => "Cancel search, go back",
        KeyChoicePrev => "Previous value",
        KeyChoiceNext => "Next value",
        KeyClearFilter => "Clear all filters",
        KeyApplyFilter => "Apply filter",
        KeyNextField => "Next field",
        KeyPrevField => "Previous field",
        KeySave => "Save",
        KeyFormEnter => "Next field (in Beschreibung/Notizen too), save on the last field",
        KeyFormCancel => "Cancel (asks if something changed)",
        KeyAddEntry => "Add target group/indicator",
        KeyRemoveEntry => "Remove target group/indicator",
        KeyCursorOrChoice => "Move cursor / change choice",
        KeyLineStartEnd => "Start / end of line",
        KeyDeleteWord => "Delete word before cursor",
        KeyDeleteLine => "Delete to start of line",
        KeyNameHome => "Home",
        KeyNameEnd => "End",
        KeyNamePageDown => "PgDn",
        KeyNamePageUp => "PgUp",
        KeyNameSpace => "Space",
        KeyNameShiftTab => "Shift-Tab",
        KeyNameBackspace => "Backspace",
        KeyNameCtrl => "Ctrl",
        HintPane => "pane",
        HintSearch => "search",
        HintUndo => "undo",
        HintHelp => "help",
        HintQuit => "quit",
        HintAdd => "new",
        HintEdit => "edit",
        HintDelete => "delete",
        HintLink => "link",
        HintClose => "close",
        HintYes => "yes",
        HintNo => "no",
        HintChoose => "choose",
        HintCancel => "cancel",
        HintKeep => "keep",
        HintNextHit => "next",
        HintChoice => "value",
        HintApply => "apply",
        HintField => "field",
        HintSave => "save",
        HintScroll => "scroll",
        SortedBy => "Sorted by {column}",
        FieldRuntime => "Runtime",
        FieldYear => "Year",
        Saved => "saved",
        NoMeasureSelected => "No measure selected",
        DetailUnreadable => "Measure {id} could not be read: {error}",
        AskDeleteGoal => {
            "Delete goal {code} “{title}”? With {children} {children:sub-goal|sub-goals} and {links} {links:link|links}. (y/n)"
        }
        AskDeleteMeasure => "Delete measure {id} “{title}”? With {links} {links:link|links}. (y/n)",
        LastLink => "Last link: link another goal with L first (or delete with d)",
        AlreadyPrimary => "Already the primary goal",
        NoSearch => "No search – press / to search",
        NoHits => "No hits for “{query}”",
        HitFiltered => "Hit is hidden by the filter (f)",
        AskRestoreDraft => "Restore draft? A form was still open last time. (y/n)",
        DraftUnreadable => "Draft not readable: {error}",
        TooSmall => "Terminal too small (at least 80x24)",
        ExportFormatMd => "report to read (Markdown)",
        ExportFormatXlsx => "Excel workbook",
        ExportFormatCsv => "measures as a table for Excel",
        ExportFormatJson => "complete, for importing again",
        ExportFailed => "Cannot write {path}: {error}",
        ExportNotDir => "Cannot write {path}: {dir} is not a directory.",
        ExportNoPermission => "Cannot write {path}: no permission to write to {dir}.",
        ExportNoDir => "Cannot write {path}: the directory {dir} does not exist.",
        ExportIsDir => "{path} is a directory – please add a file name.",
        ExportNoName => "Please give a file name.",
        HintMessages => "messages",
        MessagesNone => "No messages yet.",
        MessagesTitle => "Last messages, newest first",
        KeyCloseMessages => "Close the messages",
        KeyMessages => "Show the last messages (newest first) / close them again",
        ModeMessages => "MESSAGES",
        CtxMessages => "Messages (Ctrl-g)",
        TooSmallKeys => "? help · q quit · enlarge the window to go on",
        TooSmallKeysBusy => "Ctrl-c quit · enlarge the window to go on",
        PasteNotHere => {
            "Pasting works only into a text field (form, search, file name) – nothing changed"
        }
        KeyNewLine => "New line in Beschreibung and Notizen",
        PaneGoals => "Goals",
        PaneMeasures => "Measures",
        PaneDetail => "Details",
        ModeTree => "GOALS",
        ModeMeasures => "MEASURES",
        ModeDetail => "DETAILS",
        ModeForm => "FORM",
        ModeSearch => "SEARCH",
        ModeHelp => "HELP",
        ModeConfirm => "CONFIRM",
        ModePicker => "GOAL",
        ModeFilter => "FILTER",
        HelpTitle => "Keys",
        NoMeasureForGoal => "No measures for this goal – add one with {keys}",
        FilterAll => "all",
        FilterHidden => "{shown} of {total} (filtered)",
        PickerTitle => "Link {id} to …",
        PickerEmpty => "No matching goal",
        SearchCount => "{current}/{total} hits",
        PrimaryLegend => "★ primary goal",
        NoGoals => "No goals",
        TreeAll => "All measures",
        TreeOrphans => "Without goal",
        PaneAll => "all",
        PaneOrphans => "without goal",
        NotAGoal => "“{node}” is not a goal – choose a goal in the tree for this",
        NoGoalHere => "No goal is chosen under “{node}” – U and P work under a goal",
        OrphanAfterOne => "{list} will have no goal left (→ Without goal).",
        OrphanAfterMany => "{list} will have no goal left (→ Without goal).",
        OrphanMore => "{n} more",
        ListAnd => "and",
        ConfirmKeys => "(y/n)",
        AskUnlinkLast => {
            "{id} “{title}” will have no goal left (→ Without goal). Remove the link anyway? (y/n)"
        }
        PaneSortedBy => "sorted by {column}",
        OverdueEnd => "end date passed",
        NoMeasureAtAll => "No measures yet – add one with {keys}",
        NoMeasureMatches => "No measure matches the filter – change it with {keys}",
        KeysThen => "{first}, then {second}",
        DetailMoreBelow => "↓ more",
        DetailMoreAbove => "↑ more",
        KeyMoveGoalTo => "Move goal under another goal",
        PickerMoveTitle => "Move {code} under …",
        PickerTopLevel => "(top level)",
        GoalFirstAmongSiblings => {
            "{code} is already the first goal at its level – m moves it under another goal"
        }
        GoalLastAmongSiblings => {
            "{code} is already the last goal at its level – m moves it under another goal"
        }
        // Conflicts between edits of the same record.
        CtxConflict => "Conflict",
        ModeConflict => "CONFLICT",
        KeyKeepMine => "This field: keep my input",
        KeyTakeTheirs => "This field: take the stored value",
        KeyKeepAllMine => "Every field: keep my input",
        KeyTakeAllTheirs => "Every field: take the stored value",
        KeySaveResolved => "Save with these choices",
        KeyBackToForm => "Back to the form (nothing is lost)",
        HintMine => "mine",
        HintTheirs => "stored",
        HintBackToForm => "to the form",
        ConflictTitle => "Conflict: {record}",
        ConflictIntro => {
            "Someone else changed {record} meanwhile. What only one side changed is merged; both changed these fields differently:"
        }
        ConflictMine => "mine",
        ConflictTheirs => "stored",
        SavedMerged => "saved – merged with the changes stored meanwhile",
        DeletedMeanwhileMeasure => {
            "Someone else deleted {record} meanwhile. Your input is still here: Ctrl-s saves it as a new measure."
        }
        DeletedMeanwhileGoal => {
            "Someone else deleted goal {record} meanwhile. Your input is still here: Ctrl-s saves it as a new goal."
        }
        HintRunAgain => "Run the command again: it then reads the new state.",
        // Issue 16 (fit the habits of terminal users): the config file.
        ConfigUnreadable => "cannot be read: {error}",
        ConfigSyntax => "not valid TOML: {message}",
        ConfigUnknownKey => "unknown key `{key}` (ignored)",
        ConfigWrongType => "`{key}` must be {expected}, not {found} (the default stays)",
        ConfigUnknownLang => "`lang` is \"de\" or \"en\", not \"{value}\" (the default stays)",
        ConfigUnknownColour => {
            "unknown colour \"{value}\" for `{role}` (the default stays; one of: {names})"
        }
        ConfigUnknownContext => "unknown context `[keys.{name}]` (one of: {names})",
        ConfigUnknownAction => "unknown action `{name}`{place} – the help (?) shows the names",
        ConfigUnknownKeyName => {
            "unknown key \"{key}\" (e.g. d, D, Delete, C-r, A-Enter, S-Tab, PgDn, Space); the keys stay as they were"
        }
        ConfigNoKeys => "`{name}` needs at least one key; the keys stay as they were",
        ConfigCollision => {
            "key {key} for `{name}` ({context}) is already `{other}` ({other_context}) – refused, `{name}` keeps its keys"
        }
        ConfigOk => "{path}: ok",
        ConfigMissing => "{path}: no config file, the defaults apply",
        ConfigTypesText => {
            "{key} types a character and cannot be bound where text is typed ({context}) – the keys stay as they were"
        }
        ConfigProblems => "{path}: {count} {count:problem|problems}; the defaults apply there",
        // Issue 16: progress of long commands.
        ProgressReadDatabase => "reading the database",
        ProgressReadFile => "reading the file",
        ProgressCheck => "checking",
        ProgressStore => "writing to the database",
        ProgressConvert => "reading and converting",
        ProgressWriteFile => "writing the file",
        ProgressBackup => "writing the backup",
        ProgressGenerate => "making and writing example data",
        ProgressCount => "{step}: {count} {count:measure|measures}, {rate}/s",
        // Issue 16: the first-run guide in the measure pane.
        GuideWelcome => "Welcome! No measure recorded yet.",
        GuideAdd => "new measure (in the goal tree {tab} first)",
        GuideEdit => "edit",
        GuideSearch => "search",
        GuideHelp => "all keys",
        GuideQuit => "quit",
        GuideImport => "Bring in an existing Excel list:",
        GuideImportCommand => "quartier import list.xlsx (or .csv)",
        // Issue 16: long work announced in the TUI's status bar.
        ExportRunning => "Exporting to {path} ({format}) …",
        ExportInProgress => "exporting …",
        ExportStillRunning => "An export is still running – the next one after it",
        // Money over time (issue 14).
        FieldAmount => "Amount",
        FieldInstalment => "Instalment {year}",
        FieldDate => "Date",
        FieldKind => "Kind",
        ProblemInvalidYear => "\"{value}\" is not a year (four digits, e.g. 2026)",
        ProblemDuplicateYear => "year {year} given twice",
        ProblemUnknownKind => {
            "unknown payment kind \"{value}\" (Mittelabruf, Auszahlung, Rückforderung)"
        }
        LogSetPot => "pot {what} set",
        ActSetPot => "set pot {what}",
        LogRemovePot => "pot {what} removed",
        ActRemovePot => "remove pot {what}",
        LogSetPlan => "instalments of {measure} set ({what})",
        ActSetPlan => "set instalments of {measure}",
        LogRemovePlan => "instalments of {measure} removed",
        ActRemovePlan => "remove instalments of {measure}",
        LogAddPayment => "payment {what} for {measure} added",
        ActAddPayment => "add payment {what} for {measure}",
        LogUpdatePayment => "payment {what} of {measure} changed",
        ActUpdatePayment => "change payment {what} of {measure}",
        LogRemovePayment => "payment {what} of {measure} removed",
        ActRemovePayment => "remove payment {what} of {measure}",
        SumMoney => "{n} {n:pot/plan/payment|pots/plans/payments} changed",
        ErrPotNotFound => "No pot {pot}.",
        ErrPaymentNotFound => "Payment {payment} not found.",
        ErrRecordExists => "{record} exists already.",
        MoneyPlanOf => "instalments of M-{measure}",
        CheckOfMissingMeasure => "{record}: measure M-{measure} missing",
        CheckPaymentIndexMismatch => {
            "payment Z-{payment} of M-{measure}: index by measure disagrees"
        }
        ColPot => "Pot",
        ColPlanned => "Planned",
        ColPaid => "Paid",
        ColFree => "Free",
        ColMeasure => "Measure",
        NoPots => "No pots, instalments or payments.",
        NoPayments => "No payments.",
        DonePotSet => "Pot {fund} {year}: {amount}.",
        DonePotRemoved => "Pot {fund} {year} removed.",
        DonePlanSet => "Instalments of {measure}: {plan}.",
        DonePlanRemoved => {
            "Instalments of {measure} removed: the approved amount counts in the start year."
        }
        DonePaymentRemoved => "Payment {payment} removed.",
        PlanNoneStartYear => {
            "{measure} has no instalments: {amount} counts in its start year, {year}."
        }
        PlanNoneNothing => {
            "{measure} has no instalments and counts in no year (no approved amount or start date)."
        }
        PlanTotal => "Total {planned} of {approved} approved",
        PaidTotal => "Total (less Rückforderungen): {paid}",
        WarnPotAfter => "{fund} {year}: {pot} pot, {planned} planned – after this {free}",
        WarnPotOver => "{fund} {year}: {pot} pot, {planned} planned – free {free}",
        WarnPlanMismatch => "{measure}: instalments add up to {planned}, approved is {approved}",
        WarnPaymentBeforeApproval => {
            "payment before the approval of {measure} (no approved amount, status idee, beantragt or abgelehnt, or dated before the approval)"
        }
        WarnPaymentOutsideRuntime => "payment outside the runtime of {measure}",
        WarnPaidAboveApproved => "{measure}: {paid} paid, only {approved} approved",
        ReportSectionPots => "Pots by fund and year",
        ReportSectionPotsOver => "Pots over budget",
        ReportSectionPlanMismatch => "Instalments not adding up to the approved amount",
        ReportOverBy => "Over by",
        ReportInstalments => "Instalments",
        DetailPaid => "paid {paid} of {approved}",
        ReportTabPots => "Pots",
        // Decisions and deadlines (issue 15).
        FieldBody => "Body",
        FieldConditions => "Conditions",
        FieldDue => "Due",
        ProblemUnknownOutcome => {
            "unknown outcome \"{value}\" (Zustimmung, Zustimmung mit Auflagen, Ablehnung, Vertagung)"
        }
        ProblemUnknownDeadlineKind => {
            "unknown kind of deadline \"{value}\" (Sachbericht, Zwischennachweis, Verwendungsnachweis, Antragsfrist, Sitzung, sonstige)"
        }
        ProblemStatusUnchanged => "the status is already \"{value}\"",
        LogAddSession => "session {what} added",
        ActAddSession => "add session {what}",
        LogUpdateSession => "session {what} changed",
        ActUpdateSession => "change session {what}",
        LogRemoveSession => "session {what} removed",
        ActRemoveSession => "remove session {what}",
        LogAddDecision => "decision {what} on {measure} added",
        ActAddDecision => "add decision {what} on {measure}",
        LogUpdateDecision => "decision {what} on {measure} changed",
        ActUpdateDecision => "change decision {what} on {measure}",
        LogRemoveDecision => "decision {what} on {measure} removed",
        ActRemoveDecision => "remove decision {what} on {measure}",
        LogSetStatus => "status of {measure} set to {what}",
        ActSetStatus => "set the status of {measure} to {what}",
        LogRevertStep => "status step {what} of {measure} taken back",
        ActRevertStep => "take back status step {what} of {measure}",
        LogRestoreStep => "status step {what} of {measure} restored",
        ActRestoreStep => "restore status step {what} of {measure}",
        LogRestoreSteps => "{what} status steps of {measure} restored",
        ActRestoreSteps => "restore {what} status steps of {measure}",
        LogForgetSteps => "{what} status steps of {measure} removed",
        ActForgetSteps => "remove {what} status steps of {measure}",
        LogAddDeadline => "deadline {what} added",
        ActAddDeadline => "add deadline {what}",
        LogUpdateDeadline => "deadline {what} changed",
        ActUpdateDeadline => "change deadline {what}",
        LogDoneDeadline => "deadline {what} done",
        ActDoneDeadline => "mark deadline {what} done",
        LogRemoveDeadline => "deadline {what} removed",
        ActRemoveDeadline => "remove deadline {what}",
        SumCourse => {
            "{n} {n:session/decision/deadline/status step|sessions/decisions/deadlines/status steps} changed"
        }
        ErrRecordNotFound => "{record} not found.",
        ErrSessionHasDecisions => {
            "Session {session} still has {n} {n:decision|decisions}; remove them first."
        }
        CheckDecisionOf => "{record}: {missing} missing",
        CheckDecisionIndexMismatch => "decision B-{decision}: index disagrees",
        WarnCourseWithoutApproval => "{to} without approval (usual course: {from} → {way} → {to})",
        WarnCourseSkipped => "{to} without {way} (usual course: {from} → {way} → {to})",
        WarnCourseBack => "{from} → {to}: against the usual course",
        DoneSessionRemoved => "Session {session} removed.",
        DoneDecisionRemoved => "Decision {decision} removed.",
        DoneDeadlineDone => "Deadline {deadline} done on {date}.",
        DoneDeadlineRemoved => "Deadline {deadline} removed.",
        DoneStatusSet => "{measure}: {from} → {to} ({date}).",
        NoSessions => "No sessions.",
        NoDecisions => "No decisions.",
        NoDeadlines => "No deadlines.",
        HintProposedStatus => {
            "Proposed: status {status} – quartier measure status {measure} {status} --date {date}"
        }
        HintProposedAmount => {
            "Proposed: approved {amount} (so far {approved}) – quartier measure edit {measure} --approved {amount}"
        }
        HintProposedDeadline => {
            "Proposed: Verwendungsnachweis due on {due} – quartier deadline add --kind Verwendungsnachweis --due {due} --measure {measure}"
        }
        DueOverdue => "Overdue:",
        DueUpcoming => "Due within the next {days} {days:day|days}:",
        DueNothing => "No deadline overdue or due within the next {days} {days:day|days}.",
        DueDaysOver => "{n} {n:day|days} overdue",
        DueDaysLeft => "in {n} {n:day|days}",
        DueToday => "today",
        ColOutcome => "Outcome",
        ColVotes => "yes/no/abst.",
        ColSession => "Session",
        ColDecisions => "Decisions",
        ColDone => "Done",
        ColWhen => "When",
        ErrUnknownId => "\"{id}\" is not an id (e.g. {example}).",
        DetailDecision => "Decision",
        DetailStep => "Course",
        DetailDeadline => "Deadline",
        DetailOverdue => "overdue",
        CtxCourse => "The Verlauf of a measure",
        KeyCourse => "Status course (steps, decisions)",
        KeyCloseCourse => "Close the Verlauf",
        ModeCourse => "COURSE",
        CourseTitle => "Course of {measure}",
        CourseNone => "No status steps or decisions yet.",
        CourseNoMeasure => "No measure selected.",
        CtxSetStatus => "Set the status",
        KeySetStatus => "Set the status (with date and note)",
        KeyStatusNext => "Next status",
        KeyStatusPrev => "Previous status",
        KeyStatusField => "Switch between date and note",
        KeyStatusSave => "Set the status",
        ModeSetStatus => "STATUS",
        StatusDialogTitle => "Status of {measure}",
        StatusDialogFrom => "so far",
        StatusDialogTo => "new",
        // Payments view (issue 14).
        CtxPayments => "Payments",
        ModePayments => "PAYMENTS",
        KeyPayments => "Payments of the measure",
        KeyAddPayment => "Add a payment",
        KeyEditPayment => "Edit the payment",
        KeyDeletePayment => "Delete the payment",
        KeyClosePayments => "Close the payments",
        PaymentsTitle => "Payments {measure} “{title}”",
        PaymentsEmpty => "No payments yet – a adds one.",
        FormNewPayment => "New payment for {measure}",
        FormEditPayment => "Edit payment {id}",
        AskDeletePayment => "Delete payment {id} of {date} over {amount}? (y/n)",
        NoPaymentSelected => "No payment selected",
        // Issue 14, lead: pot bars, plan form.
        ReportPotBars => "Planned as % of the pot",
        FormPlan => "Instalments {measure} “{title}”",
        FormPlanProposed => "Instalments {measure}, proposed pro rata by months: “{title}”",
        PlanSumDiffers => "Sum {sum} – approved is {approved}",
        KeyPlan => "Edit the measure's yearly instalments",
        DonePlanForm => "Instalments of {measure} saved",
        AskProofDeadline => "Add the Verwendungsnachweis of {measure} due on {due}? (y/n)",
        // issue 15 reports
        ReportSectionSessions => "Decisions per session",
        ReportSectionDecisionYears => "Decisions per year",
        ReportSectionActions => "Aktionsfonds: actions per year",
        ReportSectionDueOverdue => "Overdue deadlines",
        ReportSectionDueUpcoming => "Deadlines and sessions in the next {days} {days:day|days}",
        ReportSectionApprovalTimes => "Days from application to approval per fund",
        ColSessions => "Sessions",
        ColAgreed => "Agreed",
        ColRejected => "Rejected",
        ColDeferred => "Deferred",
        ColAgreedSum => "Agreed sum",
        ColJury => "Jury",
        ColMedianDays => "Median (days)",
        ColFastest => "Shortest",
        ColSlowest => "Longest",
        ReportTabDecisions => "Decisions",
        ReportTabDeadlines => "Deadlines",
        SessionReportTitle => "Decisions of session {session}",
        SessionReportDecisions => "Decisions",
        SessionReportFunds => "Sums per fund (agreed)",
        SessionReportNote => "Note: {note}",
        DuePastSessions => "Sessions of the last {days} {days:day|days}:",
        DueDaysAgo => "{n} {n:day|days} ago",
        // Decisions and deadlines in the TUI (issue 15 TUI).
        FormNewDecision => "Record a decision on {measure}",
        DecisionNewSession => "new session",
        KeyDecision => "Record a decision (pick or add the session)",
        ProposeStatus => "status “{status}” from {date}",
        ProposeAmount => "approved {amount} (was {approved})",
        ProposeQuestion => "{decision} on {measure} proposes: {what} – take it over? (y/n)",
        ProposeStepNote => "decision {decision}",
        CtxSessions => "Sessions",
        ModeSessions => "SESSIONS",
        KeySessions => "Sessions with their decisions",
        KeyCloseSessions => "Close the sessions",
        SessionsTitle => "Sessions",
        SessionsEmpty => "No sessions yet – b on a measure records a decision.",
        SessionsDecisions => "Decisions {session}",
        SessionsNoDecisions => "No decisions in this session.",
        ColVotesShort => "Votes",
        CtxTermine => "Deadlines",
        ModeTermine => "DEADLINES",
        KeyTermine => "Deadlines: open ones and coming sessions",
        KeyTermineJump => "Go to the measure",
        HintTermineJump => "to measure",
        KeyDeadlineDone => "Mark the deadline done (today)",
        HintDeadlineDone => "done",
        KeyCloseTermine => "Close the deadlines",
        TermineTitle => "Deadlines – today {today}",
        TermineEmpty => "No open deadlines and no coming sessions.",
        TermineNoMeasure => "This entry belongs to no measure.",
        TermineNotADeadline => "A session is not a deadline to mark done.",
        StatusOverdue => "{n} {n:deadline|deadlines} overdue",
        // exchange 14/15: CSV and XLSX import of the record tables.
        ImportSessionDiffers => {
            "session {session} has another body, date or note here than on line {line}"
        }
        ImportWhatNeedsCsv => {
            "--what applies to importing CSV only (JSON and XLSX hold everything)"
        }
    }
}
