//! User-facing strings: one table per language ([`de`], [`en`]), German by default. Templates
//! carry named `{placeholders}` filled by [`fill`]. [`Localize`] turns typed errors and warnings
//! into sentences.

mod de;
mod en;
mod io;
mod messages;

pub use io::{explain, explain_io};
pub use messages::Localize;

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
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
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
    ErrMoveIntoOwnSubtree,
    ErrNothingToUndo,
    ErrNothingToRedo,
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
    DoneIndicatorAdded,
    DoneIndicatorSet,
    DoneUndo,
    DoneRedo,
    DoneDemoData,
    NoMeasures,
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
    LogUndo,
    LogRedo,
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
    // The tree's virtual rows, the truthful measure table and detail pane (helper "tree").
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
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{a} und {b}, {a}", &[("a", &1), ("b", &"x")]),
            "1 und x, 1"
        );
    }

    #[test]
    fn both_tables_fill_the_same_placeholders() {
        // Every placeholder a German string uses must exist in the English one and vice versa.
        use strum::IntoEnumIterator;
        for text in Text::iter() {
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(Lang::De.t(text)), names(Lang::En.t(text)), "{text:?}");
            assert!(!Lang::De.t(text).is_empty() && !Lang::En.t(text).is_empty());
        }
    }
}
