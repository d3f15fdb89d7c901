//! User-facing strings: one table per language (`de.rs`, `en.rs`), German by default. Templates
//! carry named `{placeholders}` filled by [`fill`]. [`Localize`] turns typed errors and warnings
//! into sentences.

mod de;
mod en;
pub mod help;
mod io;
mod messages;

pub use io::{explain, explain_io};
pub use messages::{Localize, field_label};

/// The language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// The explicit choice if given, else English when `LC_ALL`, `LC_MESSAGES` or `LANG`
    /// starts with `en`, else German.
    pub fn detect(explicit: Option<Lang>) -> Lang {
        explicit.unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
                .unwrap_or_default();
            if locale.starts_with("en") {
                Lang::En
            } else {
                Lang::De
            }
        })
    }

    /// The string for `text` in this language.
    pub fn t(self, text: Text) -> &'static str {
        match self {
            Lang::De => de::text(text),
            Lang::En => en::text(text),
        }
    }

    /// A measure's status as shown in this language (the German words are the canonical names
    /// of [`crate::model::Status::name`]).
    pub fn status(self, status: crate::model::Status) -> &'static str {
        match self {
            Lang::De => status.name(),
            Lang::En => status.english(),
        }
    }
}

/// Replaces each `{name}` in `template` with its value, and each plural choice
/// `{name:singular|plural}` with the form the count `name` asks for (singular for exactly 1,
/// plural otherwise, also for 0 — the rule of German and English alike). This is the one
/// plural helper: every message with a count writes its noun as a choice, e.g.
/// `{links} {links:Verknüpfung|Verknüpfungen}`. Values are inserted once, never re-read, so
/// a title containing `{name}` stays as it is. Unknown placeholders are left untouched.
///
/// ```
/// use quartier::i18n::fill;
/// let t = "Mit {n} {n:Verknüpfung|Verknüpfungen}";
/// assert_eq!(fill(t, &[("n", &1)]), "Mit 1 Verknüpfung");
/// assert_eq!(fill(t, &[("n", &0)]), "Mit 0 Verknüpfungen");
/// ```
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let value = |name: &str| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    };
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let inner = &after[..close];
        let replaced = match inner.split_once(':') {
            Some((name, forms)) => match (value(name), forms.split_once('|')) {
                (Some(count), Some((one, many))) => {
                    Some(plural_form(&count, one, many).to_string())
                }
                _ => None,
            },
            None => value(inner),
        };
        match replaced {
            Some(text) => out.push_str(&text),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `one` when `count` reads as exactly 1 (or -1), else `many`.
fn plural_form<'a>(count: &str, one: &'a str, many: &'a str) -> &'a str {
    if matches!(count.trim().trim_start_matches('-'), "1") {
        one
    } else {
        many
    }
}

/// Every user-facing string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Text {
    ErrorPrefix,
    WarningPrefix,
    // Fields.
    FieldCode,
    FieldParent,
    FieldTitle,
    FieldDescription,
    FieldOrganisation,
    FieldContact,
    FieldResponsible,
    FieldReference,
    FieldFund,
    FieldRequested,
    FieldApproved,
    FieldCofunding,
    FieldStart,
    FieldEnd,
    FieldStatus,
    FieldTargetGroup,
    FieldTargetGroups,
    FieldLocation,
    FieldNotes,
    FieldIndicator,
    FieldIndicators,
    FieldGoals,
    FieldPrimaryGoal,
    FieldId,
    FieldMeasures,
    // Form.
    FormNewMeasure,
    FormEditMeasure,
    FormNewGoal,
    FormEditGoal,
    FormDiscard,
    FormListEmpty,
    FormIndicatorName,
    FormIndicatorUnit,
    FormIndicatorBaseline,
    FormIndicatorTarget,
    FormIndicatorActual,
    FormHintField,
    FormHintSave,
    FormHintCancel,
    FormHintChoose,
    FormHintNewline,
    FormHintAddEntry,
    FormHintRemoveEntry,
    // Problems.
    ProblemRequired,
    ProblemTooLong,
    ProblemControlCharacter,
    ProblemWhitespace,
    ProblemNegative,
    ProblemTooLarge,
    ProblemEndBeforeStart,
    ProblemNotFinite,
    ProblemInvalidAmount,
    ProblemInvalidDate,
    ProblemDateOutOfRange,
    ProblemInvalidNumber,
    ProblemUnknownFund,
    ProblemUnknownStatus,
    // Fund rules.
    WarnAktionsfondsAbove1500,
    WarnProjektfondsBelow5000,
    WarnProjektfondsLongerThan4Years,
    WarnProjektfondsCofunding,
    WarnBaufondsBelow50000,
    WarnNetzwerkfondsBelow50000,
    WarnApprovedAboveRequested,
    // Store errors.
    ErrLocked,
    ErrPermissionDenied,
    ErrIo,
    ErrDatabase,
    // Durability: I/O errors explained in one place (i18n::explain_io), repairs at open,
    // damaged blobs.
    IoDiskFull,
    IoPermission,
    IoNotFound,
    IoExists,
    IoReadOnly,
    IoNotRegular,
    IoNotADirectory,
    IoOther,
    ErrSledCorrupt,
    ErrSledCorruptHere,
    ErrDamagedBlob,
    ErrIdOutOfRange,
    ErrDiskFullReadOnly,
    NoticeReadOnlyCopy,
    NoticeUnfinishedSnapshot,
    NoticeDamagedBlob,
    CheckDamagedBlob,
    BlobEmpty,
    BlobShort,
    BlobChecksum,
    CheckUnreadable,
    StopDamaged,
    StopIo,
    StopKeysOutOfOrder,
    StopTooMany,
    StopStalled,
    StopPanicked,
    ErrSchemaTooNew,
    ErrCorrupt,
    ErrInvalid,
    ErrGoalNotFound,
    ErrMeasureNotFound,
    ErrMeasureExists,
    ErrDuplicateCode,
    ErrAlreadyLinked,
    ErrNotLinked,
    ErrGoalInUse,
    GoalInUseMeasures,
    GoalInUseChildren,
    And,
    ErrMoveIntoOwnSubtree,
    ErrNothingToUndo,
    ErrNothingToRedo,
    ErrServerGone,
    ErrServer,
    ErrServerRefused,
    ErrNoServer,
    ErrServerPermission,
    ErrServerVersion,
    ErrServerFailed,
    ErrServerNotStarted,
    ServerNone,
    HintServerRuns,
    LiveConnectionLost,
    LiveServerStopped,
    LiveReconnected,
    LiveChange,
    LiveSelectedDeleted,
    ServerStopped,
    ServerStatusHead,
    ServerStatusDatabase,
    ServerStatusSocket,
    ServerStatusOps,
    ServerStatusClients,
    ErrIndicatorNotFound,
    ErrDemoNotEmpty,
    HintForce,
    // Check.
    CheckCorrupt,
    CheckLinkMismatch,
    CheckDanglingLink,
    CheckDanglingParent,
    CheckDuplicateCode,
    CheckPrimaryCount,
    CheckCounterBehind,
    CheckDateOutOfRange,
    CheckOk,
    CheckProblems,
    // Command results.
    DoneMeasureAdded,
    DoneMeasureUpdated,
    DoneMeasureDeleted,
    DoneGoalAdded,
    DoneGoalUpdated,
    DoneGoalMoved,
    DoneGoalDeleted,
    DoneLinked,
    DoneUnlinked,
    NoticeOrphan,
    NoticeNewDatabase,
    DoneIndicatorAdded,
    DoneIndicatorSet,
    DoneIndicatorRemoved,
    IndicatorLine,
    NothingChangedMeasure,
    NothingChangedGoal,
    DoneUndo,
    DoneRedo,
    DoneDemoData,
    NoMeasures,
    MeasureListTotal,
    // Backup.
    BackupFailed,
    DoneBackup,
    DoneRestore,
    AskRestore,
    Aborted,
    ErrNeedsYes,
    // XLSX.
    XlsxNotWorkbook,
    XlsxNoSheets,
    XlsxMissingColumn,
    XlsxCellError,
    XlsxBadId,
    XlsxIndicatorWithoutMeasure,
    ErrXlsxNeedsFile,
    // Exchange.
    ImportTooLarge,
    ImportUnknownGoal,
    ImportDuplicate,
    ImportDuplicateId,
    ImportUnknownMeasure,
    ImportNotUtf8,
    ImportBadJson,
    ImportNotQuartier,
    ImportNotAList,
    DoneImport,
    DoneExport,
    DryRunAdded,
    DryRunChanged,
    DryRunUnchanged,
    DryRunGoalsAdded,
    DryRunGoalsChanged,
    DryRunNothingWritten,
    ErrImport,
    ErrFileExists,
    ErrFormatUnknown,
    ErrFormatUnsupported,
    // CSV.
    CsvNoHeader,
    CsvBinary,
    CsvUnknownColumn,
    CsvMissingColumn,
    CsvUnnamedColumn,
    CsvFieldCount,
    CsvBadId,
    CsvUnreadable,
    CsvTooManyProblems,
    // Import reports, encodings, limits.
    DryRunAbsent,
    ImportMoreProblems,
    ImportLikelyDuplicate,
    ImportDuplicateRow,
    ImportStale,
    ImportAndMore,
    ImportIgnoredColumns,
    ImportNoEncoding,
    ImportReadAsWindows1252,
    ImportLineBreak,
    XlsxSingleSheet,
    XlsxTooLargeUnpacked,
    XlsxTooManyColumns,
    XlsxTooManyRows,
    XlsxCellTooLong,
    ImportNewerFormat,
    ImportLosesLastGoal,
    DryRunMeasure,
    ImportQuoted,
    ImportIgnoredFields,
    ImportPrimaryNotListed,
    ImportMarkdownExportOnly,
    JsonNotAnObject,
    JsonMissingField,
    JsonExpectedText,
    JsonExpectedTextList,
    JsonExpectedList,
    JsonExpectedCents,
    JsonExpectedNumber,
    JsonExpectedPosition,
    ErrNoTerminal,
    // Table headers.
    HeaderGoal,
    HeaderCount,
    HeaderWhen,
    HeaderUser,
    HeaderWhat,
    Total,
    // History descriptions.
    LogAddGoal,
    LogUpdateGoal,
    LogMoveGoal,
    LogDeleteGoal,
    LogRestoreGoals,
    LogAddMeasure,
    LogUpdateMeasure,
    LogDeleteMeasure,
    LogLink,
    LogUnlink,
    LogSetPrimary,
    LogBatch,
    LogImport,
    LogRestore,
    LogDemoData,
    LogCount,
    // Undo/redo: the user's action as a noun phrase (`Löschen von M-0010 „…“`).
    ActAddGoal,
    ActUpdateGoal,
    ActMoveGoal,
    ActDeleteGoal,
    ActRestoreGoals,
    ActAddMeasure,
    ActUpdateMeasure,
    ActDeleteMeasure,
    ActLink,
    ActUnlink,
    ActSetPrimary,
    ActBatch,
    ActImport,
    ActRestore,
    ActDemoData,
    // Batch summaries (`1 neu, 2 geändert`).
    SumAdded,
    SumChanged,
    SumDeleted,
    SumGoalsAdded,
    SumGoalsChanged,
    SumGoalsDeleted,
    SumLinks,
    // Report.
    ReportTitle,
    ReportAsOf,
    ReportYearFilter,
    ReportAllYears,
    ReportNoYear,
    ReportNoFund,
    ReportRules,
    ReportRulesYear,
    ReportMeasureCount,
    ReportSectionGoals,
    ReportSectionGoalFunds,
    ReportSectionFunds,
    ReportSectionYears,
    ReportSectionEnding,
    ReportSectionGoalsWithout,
    ReportSectionMeasuresWithout,
    ReportSectionOverdue,
    ReportDaysOver,
    ReportAppendix,
    ReportAppendixNote,
    ReportNone,
    ReportAttainment,
    ReportMeasure,
    ReportDaysLeft,
    ReportWritten,
    ErrReportExists,
    HintReportForce,
    ErrReportWrite,
    ErrToday,
    CtxReport,
    ModeReport,
    KeyReport,
    KeyCloseReport,
    KeyYearPrev,
    KeyYearNext,
    KeyReportTab,
    HintReport,
    HintYear,
    HintReportTab,
    ReportTabFunds,
    ReportChartTitle,
    ReportAttainmentTitle,
    ReportSummary,
    // TUI.
    LoadingMeasures,
    CtxExport,
    KeyExport,
    KeyExportFormat,
    KeyExportFormatPrev,
    KeyExportWrite,
    HintFormat,
    HintWrite,
    ModeExport,
    ExportFormat,
    ExportFile,
    ExportHint,
    AskOverwrite,
    CtxGlobal,
    CtxNormal,
    CtxTree,
    CtxMeasures,
    CtxHelp,
    CtxConfirm,
    CtxPicker,
    CtxSearch,
    CtxFilter,
    CtxForm,
    KeyQuitAnywhere,
    KeyMoveDown,
    KeyMoveUp,
    KeyFirst,
    KeyLast,
    KeyPageDown,
    KeyPageUp,
    KeyFocusNext,
    KeyFocusPrev,
    KeySearch,
    KeyNextHit,
    KeyPrevHit,
    KeyFilter,
    KeySort,
    KeyUndo,
    KeyRedo,
    KeyHelp,
    KeyQuit,
    KeyBack,
    KeyExpand,
    KeyCollapse,
    KeyToggle,
    KeyAddGoal,
    KeyEditGoal,
    KeyRenameGoal,
    KeyDeleteGoal,
    KeyMoveGoalUp,
    KeyMoveGoalDown,
    KeyAddMeasure,
    KeyEditMeasure,
    KeyDeleteMeasure,
    KeyLink,
    KeyUnlink,
    KeySetPrimary,
    KeyScrollDown,
    KeyScrollUp,
    KeyCloseHelp,
    KeyYes,
    KeyNo,
    KeyPickGoal,
    KeyCancel,
    KeySearchKeep,
    KeySearchAbort,
    KeyChoicePrev,
    KeyChoiceNext,
    KeyClearFilter,
    KeyApplyFilter,
    KeyNextField,
    KeyPrevField,
    KeySave,
    KeyFormEnter,
    KeyFormCancel,
    KeyAddEntry,
    KeyRemoveEntry,
    KeyCursorOrChoice,
    KeyLineStartEnd,
    KeyDeleteWord,
    KeyDeleteLine,
    KeyNameHome,
    KeyNameEnd,
    KeyNamePageDown,
    KeyNamePageUp,
    KeyNameSpace,
    KeyNameShiftTab,
    KeyNameBackspace,
    KeyNameCtrl,
    HintPane,
    HintSearch,
    HintUndo,
    HintHelp,
    HintQuit,
    HintAdd,
    HintEdit,
    HintDelete,
    HintLink,
    HintClose,
    HintYes,
    HintNo,
    HintChoose,
    HintCancel,
    HintKeep,
    HintNextHit,
    HintChoice,
    HintApply,
    HintField,
    HintSave,
    HintScroll,
    SortedBy,
    FieldRuntime,
    FieldYear,
    Saved,
    NoMeasureSelected,
    DetailUnreadable,
    AskDeleteGoal,
    AskDeleteMeasure,
    LastLink,
    AlreadyPrimary,
    NoSearch,
    NoHits,
    HitFiltered,
    AskRestoreDraft,
    DraftUnreadable,
    TooSmall,
    ExportFormatMd,
    ExportFormatXlsx,
    ExportFormatCsv,
    ExportFormatJson,
    ExportFailed,
    ExportNotDir,
    ExportNoPermission,
    ExportNoDir,
    ExportIsDir,
    ExportNoName,
    HintMessages,
    MessagesNone,
    MessagesTitle,
    KeyCloseMessages,
    KeyMessages,
    ModeMessages,
    CtxMessages,
    TooSmallKeys,
    TooSmallKeysBusy,
    PasteNotHere,
    KeyNewLine,
    PaneGoals,
    PaneMeasures,
    PaneDetail,
    ModeTree,
    ModeMeasures,
    ModeDetail,
    ModeForm,
    ModeSearch,
    ModeHelp,
    ModeConfirm,
    ModePicker,
    ModeFilter,
    HelpTitle,
    NoMeasureForGoal,
    FilterAll,
    FilterHidden,
    PickerTitle,
    PickerEmpty,
    SearchCount,
    PrimaryLegend,
    NoGoals,
    // The tree's virtual rows, the measure table and the detail pane.
    TreeAll,
    TreeOrphans,
    PaneAll,
    PaneOrphans,
    NotAGoal,
    NoGoalHere,
    OrphanAfterOne,
    OrphanAfterMany,
    OrphanMore,
    ListAnd,
    ConfirmKeys,
    AskUnlinkLast,
    PaneSortedBy,
    OverdueEnd,
    NoMeasureAtAll,
    NoMeasureMatches,
    KeysThen,
    DetailMoreBelow,
    DetailMoreAbove,
    KeyMoveGoalTo,
    PickerMoveTitle,
    PickerTopLevel,
    GoalFirstAmongSiblings,
    GoalLastAmongSiblings,
}

#[cfg(test)]
mod tests;
