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
        ProblemRequired => "must not be empty",
        ProblemTooLong => "is too long (at most {max} characters)",
        ProblemControlCharacter => "contains control characters",
        ProblemWhitespace => "must not contain spaces",
        ProblemNegative => "must not be negative",
        ProblemTooLarge => "is too large",
        ProblemEndBeforeStart => "is before the start",
        ProblemNotFinite => "must be a finite number",
        ProblemInvalidAmount => "\"{value}\" is not an amount (e.g. 12500.50)",
        ProblemInvalidDate => "\"{value}\" is not a valid date (DD.MM.YYYY or YYYY-MM-DD)",
        ProblemInvalidNumber => "\"{value}\" is not a number",
        ProblemUnknownFund => {
            "\"{value}\" is not a fund (Aktionsfonds, Projektfonds, Baufonds, Netzwerkfonds, sonstige, QF1–QF4)"
        }
        ProblemUnknownStatus => {
            "\"{value}\" is not a status (idee, beantragt, bewilligt, laufend, abgeschlossen, abgelehnt, abgebrochen)"
        }
        WarnAktionsfondsAbove1500 => "Aktionsfonds: more than 1,500 € per measure",
        WarnProjektfondsBelow5000 => "Projektfonds: less than 5,000 €",
        WarnProjektfondsLongerThan4Years => "Projektfonds: runs longer than 4 years",
        WarnProjektfondsCofunding => "Projektfonds: co-funding below 10 % of the approved sum",
        WarnBaufondsBelow50000 => "Baufonds: less than 50,000 €",
        WarnNetzwerkfondsBelow50000 => "Netzwerkfonds: less than 50,000 €",
        ErrLocked => "The database {path} is already in use by another quartier process.",
        ErrPermissionDenied => "No permission to open the database {path}.",
        ErrIo => "Cannot read or write the database {path}: {reason}",
        ErrDatabase => "Database error: {reason}",
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
        ErrGoalInUse => "Goal {code} has {measures} linked measures and {children} sub-goals.",
        ErrMoveIntoOwnSubtree => "Goal {code} cannot move under itself or one of its sub-goals.",
        ErrNothingToUndo => "Nothing to undo.",
        ErrNothingToRedo => "Nothing to redo.",
        ErrIndicatorNotFound => "{measure} has no indicator \"{name}\".",
        ErrDemoNotEmpty => {
            "The database holds {count} measures already; demo data goes only into an empty database."
        }
        HintForce => "With --force it is deleted with its sub-goals and the links are removed.",
        CheckCorrupt => "{tree}/{key}: record unreadable: {reason}",
        CheckLinkMismatch => "link M-{measure} ↔ goal #{goal}: the two directions disagree",
        CheckDanglingLink => "link M-{measure} ↔ goal #{goal}: measure or goal missing",
        CheckDanglingParent => "goal {code}: parent #{parent} missing",
        CheckDuplicateCode => "code {code} is used twice",
        CheckPrimaryCount => "M-{measure}: {count} primary goals instead of exactly one",
        CheckCounterBehind => "counter {counter} is behind the ids in use",
        CheckOk => "Database OK: {goals} goals, {measures} measures, {links} links.",
        CheckProblems => "{count} problems found:",
        DoneMeasureAdded => "Measure {id} added.",
        DoneMeasureUpdated => "Measure {id} saved.",
        DoneMeasureDeleted => "Measure {id} deleted.",
        DoneGoalAdded => "Goal {code} added.",
        DoneGoalUpdated => "Goal {code} saved.",
        DoneGoalMoved => "Goal {code} moved.",
        DoneGoalDeleted => "Goal {code} deleted.",
        DoneLinked => "{measure} linked to goal {goal}.",
        DoneUnlinked => "Link {measure} ↔ goal {goal} removed.",
        DoneIndicatorAdded => "Indicator \"{name}\" added to {measure}.",
        DoneIndicatorSet => "Indicator \"{name}\" of {measure} saved.",
        DoneUndo => "Undone: {what}",
        DoneRedo => "Redone: {what}",
        DoneDemoData => "{count} demo measures added.",
        NoMeasures => "No measures.",
        TuiNotYet => {
            "The screen interface comes with the next step. Until then, `quartier --help` lists every command."
        }
        HeaderGoal => "Goal",
        HeaderCount => "Count",
        HeaderWhen => "Time",
        HeaderUser => "User",
        HeaderWhat => "Change",
        Total => "Total",
        LogAddGoal => "goal {code} added",
        LogUpdateGoal => "goal {code} changed",
        LogMoveGoal => "goal {code} moved",
        LogDeleteGoal => "goal {code} deleted",
        LogRestoreGoals => "goal {code} restored",
        LogAddMeasure => "{id} \"{title}\" added",
        LogUpdateMeasure => "{id} \"{title}\" changed",
        LogDeleteMeasure => "{id} deleted",
        LogLink => "{id} linked to goal {code}",
        LogUnlink => "{id} unlinked from goal {code}",
        LogSetPrimary => "{id}: primary goal {code}",
        LogBatch => "{count} changes",
        LogUndo => "undone: {what}",
        LogRedo => "redone: {what}",
    }
}
