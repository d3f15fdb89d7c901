//! The one keymap: a table of (context, keys, action, help text). Key handling, the help overlay,
//! the status-bar hints and README's key table are all generated from [`BINDINGS`], so they
//! cannot drift apart. Key names are in `names`, README's table is made in `readme`;
//! [`super::App::contexts`] says which contexts the app's mode makes active.

mod custom;
mod names;
mod readme;

pub use custom::{Found, KeyProblem, Keymap, Rebinding, action_name};
pub use names::{display_key, display_keys, key_name, parse_key};
pub use readme::{markdown_table, replace_between};

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::{Focus, Mode};
use crate::i18n::{Lang, Text};

/// Where a binding applies. In every mode, [`Context::Global`] is tried first, then the mode's
/// own contexts (see [`super::App::contexts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Context {
    /// Everywhere, even in forms.
    Global,
    /// Every pane in normal mode.
    Normal,
    /// The goal tree.
    Tree,
    /// The measure table and the detail pane.
    Measures,
    /// The help overlay.
    Help,
    /// A yes/no question.
    Confirm,
    /// The goal picker (type to filter).
    Picker,
    /// Typing a search.
    Search,
    /// The filter popup.
    Filter,
    /// An edit form (other keys edit the focused field).
    Form,
    /// The report view.
    Report,
    /// The history view of a measure or goal.
    History,
    /// The export dialog (type the file name).
    Export,
    /// The last messages (`Ctrl-g`).
    Messages,
    /// Saving met a colleague's change: mine or theirs, per field.
    Conflict,
    /// The Verlauf of a measure (issue 15).
    Course,
    /// Setting a measure's status (issue 15; other keys edit the date or note).
    SetStatus,
    /// The payments of a measure (issue 14).
    Payments,
    /// The sessions with their decisions (issue 15).
    Sessions,
    /// The open deadlines and coming sessions (issue 15).
    Termine,
}

impl Context {
    /// The heading of this context in the help overlay and README.
    pub fn title(self) -> Text {
        match self {
            Context::Global => Text::CtxGlobal,
            Context::Normal => Text::CtxNormal,
            Context::Tree => Text::CtxTree,
            Context::Measures => Text::CtxMeasures,
            Context::Help => Text::CtxHelp,
            Context::Confirm => Text::CtxConfirm,
            Context::Picker => Text::CtxPicker,
            Context::Search => Text::CtxSearch,
            Context::Filter => Text::CtxFilter,
            Context::Form => Text::CtxForm,
            Context::Report => Text::CtxReport,
            Context::History => Text::CtxHistory,
            Context::Export => Text::CtxExport,
            Context::Messages => Text::CtxMessages,
            Context::Conflict => Text::CtxConflict,
            Context::Course => Text::CtxCourse,
            Context::SetStatus => Text::CtxSetStatus,
            Context::Payments => Text::CtxPayments,
            Context::Sessions => Text::CtxSessions,
            Context::Termine => Text::CtxTermine,
        }
    }
}

/// One row of the keymap.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub context: Context,
    /// Key names as understood by [`key_name`]: `j`, `J`, `Down`, `C-r`, `S-Tab`, `Space` …
    pub keys: &'static [&'static str],
    pub action: Action,
    /// What the key does, for the help overlay.
    pub help: Text,
    /// Short label for the status bar; `None` keeps the key out of the hints.
    pub hint: Option<Text>,
}

/// The keymap table, one binding per line (in the style of helix's `keymap!`).
macro_rules! keymap {
    ($($context:ident [$($key:literal)+] => $action:ident, $help:ident $(, $hint:ident)?;)*) => {
        &[$(Binding {
            context: Context::$context,
            keys: &[$($key),+],
            action: Action::$action,
            help: Text::$help,
            hint: keymap!(@hint $($hint)?),
        }),*]
    };
    (@hint) => { None };
    (@hint $hint:ident) => { Some(Text::$hint) };
}

/// Every key binding of quartier, one per line:
/// `Context [keys] => Action, help text[, status-bar hint];`.
pub const BINDINGS: &[Binding] = keymap! {
    Global ["C-c"] => Quit, KeyQuitAnywhere;
    Global ["C-g"] => Messages, KeyMessages;
    // Normal mode, every pane.
    Normal ["j" "Down"] => MoveDown, KeyMoveDown;
    Normal ["k" "Up"] => MoveUp, KeyMoveUp;
    Normal ["g" "Home"] => First, KeyFirst;
    Normal ["G" "End"] => Last, KeyLast;
    Normal ["PgDn"] => PageDown, KeyPageDown;
    Normal ["PgUp"] => PageUp, KeyPageUp;
    Normal ["Tab"] => FocusNext, KeyFocusNext, HintPane;
    Normal ["S-Tab"] => FocusPrev, KeyFocusPrev;
    Normal ["/"] => Search, KeySearch, HintSearch;
    Normal ["n"] => NextHit, KeyNextHit;
    Normal ["N"] => PrevHit, KeyPrevHit;
    Normal ["f"] => Filter, KeyFilter;
    Normal ["s"] => Sort, KeySort;
    Normal ["u"] => Undo, KeyUndo, HintUndo;
    Normal ["C-r"] => Redo, KeyRedo;
    Normal ["?"] => Help, KeyHelp, HintHelp;
    Normal ["q"] => Quit, KeyQuit, HintQuit;
    Normal ["Esc"] => Cancel, KeyBack;
    Normal ["R"] => Report, KeyReport, HintReport;
    Normal ["x"] => Export, KeyExport;
    Normal ["B"] => Sessions, KeySessions;
    Normal ["T"] => Deadlines, KeyTermine;
    // The goal tree.
    Tree ["l" "Right" "Enter"] => ExpandOrChild, KeyExpand;
    Tree ["h" "Left"] => CollapseOrParent, KeyCollapse;
    Tree ["Space"] => Toggle, KeyToggle;
    Tree ["a"] => AddGoal, KeyAddGoal, HintAdd;
    Tree ["e"] => EditGoal, KeyEditGoal, HintEdit;
    Tree ["r"] => Rename, KeyRenameGoal;
    Tree ["d"] => DeleteGoal, KeyDeleteGoal, HintDelete;
    Tree ["K"] => MoveGoalUp, KeyMoveGoalUp;
    Tree ["J"] => MoveGoalDown, KeyMoveGoalDown;
    Tree ["m"] => MoveGoalTo, KeyMoveGoalTo;
    Tree ["H"] => History, KeyGoalHistory;
    // The measure table and detail pane.
    Measures ["a"] => AddMeasure, KeyAddMeasure, HintAdd;
    Measures ["e" "Enter"] => EditMeasure, KeyEditMeasure, HintEdit;
    Measures ["d"] => DeleteMeasure, KeyDeleteMeasure, HintDelete;
    Measures ["L"] => Link, KeyLink, HintLink;
    Measures ["U"] => Unlink, KeyUnlink;
    Measures ["P"] => SetPrimary, KeySetPrimary;
    Measures ["h" "Left"] => FocusPrev, KeyFocusPrev;
    Measures ["H"] => History, KeyMeasureHistory;
    Measures ["v"] => Course, KeyCourse;
    Measures ["S"] => SetStatus, KeySetStatus;
    Measures ["z"] => Payments, KeyPayments;
    Measures ["J"] => Plan, KeyPlan;
    Measures ["b"] => Decision, KeyDecision;
    // Help overlay.
    Help ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    Help ["k" "Up"] => MoveUp, KeyScrollUp;
    Help ["Esc" "?" "q"] => Cancel, KeyCloseHelp, HintClose;
    // Yes/no questions.
    Confirm ["j" "y" "Enter"] => Confirm, KeyYes, HintYes;
    Confirm ["n" "Esc"] => Deny, KeyNo, HintNo;
    // Goal picker.
    Picker ["Down" "C-n"] => MoveDown, KeyMoveDown;
    Picker ["Up" "C-p"] => MoveUp, KeyMoveUp;
    Picker ["Enter"] => Confirm, KeyPickGoal, HintChoose;
    Picker ["Esc"] => Cancel, KeyCancel, HintCancel;
    // Search.
    Search ["Enter"] => Confirm, KeySearchKeep, HintKeep;
    Search ["Esc"] => Cancel, KeySearchAbort, HintCancel;
    Search ["Down" "C-n"] => NextHit, KeyNextHit, HintNextHit;
    Search ["Up" "C-p"] => PrevHit, KeyPrevHit;
    // Filter popup.
    Filter ["j" "Down"] => MoveDown, KeyMoveDown;
    Filter ["k" "Up"] => MoveUp, KeyMoveUp;
    Filter ["h" "Left"] => ChoicePrev, KeyChoicePrev;
    Filter ["l" "Right" "Space"] => ChoiceNext, KeyChoiceNext, HintChoice;
    Filter ["x" "Backspace"] => ClearFilter, KeyClearFilter;
    Filter ["Enter"] => Confirm, KeyApplyFilter, HintApply;
    Filter ["Esc"] => Cancel, KeyCancel, HintCancel;
    // Export dialog.
    Export ["Down" "C-n"] => ChoiceNext, KeyExportFormat, HintFormat;
    Export ["Up" "C-p"] => ChoicePrev, KeyExportFormatPrev;
    Export ["Enter"] => Confirm, KeyExportWrite, HintWrite;
    Export ["Esc"] => Cancel, KeyCancel, HintCancel;
    // Edit forms.
    Form ["Tab"] => NextField, KeyNextField, HintField;
    Form ["S-Tab"] => PrevField, KeyPrevField;
    Form ["C-s"] => Save, KeySave, HintSave;
    Form ["Enter"] => FormEnter, KeyFormEnter;
    // Not Enter, not Ctrl-Enter (terminals send both as CR): ESC CR and LF reach us intact,
    // over SSH too.
    Form ["A-Enter" "C-j"] => NewLine, KeyNewLine;
    Form ["Esc"] => Cancel, KeyFormCancel, HintCancel;
    Form ["C-n"] => AddEntry, KeyAddEntry;
    Form ["C-d"] => RemoveEntry, KeyRemoveEntry;
    // The report view.
    Report ["Tab"] => SwitchTab, KeyReportTab, HintReportTab;
    Report ["l" "Right"] => NextYear, KeyYearNext, HintYear;
    Report ["h" "Left"] => PrevYear, KeyYearPrev;
    Report ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    Report ["k" "Up"] => MoveUp, KeyScrollUp;
    Report ["PgDn"] => PageDown, KeyPageDown;
    Report ["PgUp"] => PageUp, KeyPageUp;
    Report ["Esc" "q" "R"] => Cancel, KeyCloseReport, HintClose;
    // The history view.
    History ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    History ["k" "Up"] => MoveUp, KeyScrollUp;
    History ["PgDn"] => PageDown, KeyPageDown;
    History ["PgUp"] => PageUp, KeyPageUp;
    History ["g" "Home"] => First, KeyHistoryNewest;
    History ["G" "End"] => Last, KeyHistoryOldest;
    History ["Esc" "q" "H"] => Cancel, KeyCloseHistory, HintClose;
    // The message log.
    Messages ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    Messages ["k" "Up"] => MoveUp, KeyScrollUp;
    Messages ["Esc" "q"] => Cancel, KeyCloseMessages, HintClose;
    // The conflict dialog.
    Conflict ["j" "Down"] => MoveDown, KeyMoveDown;
    Conflict ["k" "Up"] => MoveUp, KeyMoveUp;
    Conflict ["m" "Left"] => KeepMine, KeyKeepMine, HintMine;
    Conflict ["t" "Right"] => TakeTheirs, KeyTakeTheirs, HintTheirs;
    Conflict ["M"] => KeepAllMine, KeyKeepAllMine;
    Conflict ["T"] => TakeAllTheirs, KeyTakeAllTheirs;
    Conflict ["C-s" "Enter"] => Save, KeySaveResolved, HintSave;
    Conflict ["Esc"] => Cancel, KeyBackToForm, HintBackToForm;
    // The Verlauf of a measure (issue 15).
    Course ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    Course ["k" "Up"] => MoveUp, KeyScrollUp;
    Course ["Esc" "q" "v"] => Cancel, KeyCloseCourse, HintClose;
    // Setting a measure's status (issue 15).
    SetStatus ["Down" "C-n"] => ChoiceNext, KeyStatusNext, HintChoice;
    SetStatus ["Up" "C-p"] => ChoicePrev, KeyStatusPrev;
    SetStatus ["Tab"] => NextField, KeyStatusField, HintField;
    SetStatus ["Enter"] => Confirm, KeyStatusSave, HintSave;
    SetStatus ["Esc"] => Cancel, KeyCancel, HintCancel;
    // The payments view (issue 14).
    Payments ["j" "Down"] => MoveDown, KeyMoveDown;
    Payments ["k" "Up"] => MoveUp, KeyMoveUp;
    Payments ["a"] => AddPayment, KeyAddPayment, HintAdd;
    Payments ["e" "Enter"] => EditPayment, KeyEditPayment, HintEdit;
    Payments ["d"] => DeletePayment, KeyDeletePayment, HintDelete;
    Payments ["Esc" "q" "z"] => Cancel, KeyClosePayments, HintClose;
    // The sessions view (issue 15).
    Sessions ["j" "Down"] => MoveDown, KeyMoveDown;
    Sessions ["k" "Up"] => MoveUp, KeyMoveUp;
    Sessions ["g" "Home"] => First, KeyFirst;
    Sessions ["G" "End"] => Last, KeyLast;
    Sessions ["Esc" "q" "B"] => Cancel, KeyCloseSessions, HintClose;
    // The deadlines view (issue 15).
    Termine ["j" "Down"] => MoveDown, KeyMoveDown;
    Termine ["k" "Up"] => MoveUp, KeyMoveUp;
    Termine ["g" "Home"] => First, KeyFirst;
    Termine ["G" "End"] => Last, KeyLast;
    Termine ["Enter"] => Confirm, KeyTermineJump, HintTermineJump;
    Termine ["x"] => DeadlineDone, KeyDeadlineDone, HintDeadlineDone;
    Termine ["Esc" "q" "T"] => Cancel, KeyCloseTermine, HintClose;
};

impl super::App {
    /// The keymap contexts active now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = vec![Context::Global];
        match &self.mode {
            Mode::Normal => {
                contexts.push(match self.focus {
                    Focus::Tree => Context::Tree,
                    Focus::Measures | Focus::Detail => Context::Measures,
                });
                contexts.push(Context::Normal);
            }
            Mode::Help { .. } => contexts.push(Context::Help),
            Mode::Form(_) => contexts.push(Context::Form),
            Mode::Conflict(_) => contexts.push(Context::Conflict),
            Mode::Confirm(_) => contexts.push(Context::Confirm),
            Mode::Picker(_) => contexts.push(Context::Picker),
            Mode::Search(_) => contexts.push(Context::Search),
            Mode::Filter(_) => contexts.push(Context::Filter),
            Mode::Report(_) => contexts.push(Context::Report),
            Mode::History(_) => contexts.push(Context::History),
            Mode::Export(_) => contexts.push(Context::Export),
            Mode::Messages { .. } => contexts.push(Context::Messages),
            Mode::Course { .. } => contexts.push(Context::Course),
            Mode::SetStatus(_) => contexts.push(Context::SetStatus),
            Mode::Payments(_) => contexts.push(Context::Payments),
            Mode::Sessions(_) => contexts.push(Context::Sessions),
            Mode::Termine(_) => contexts.push(Context::Termine),
        }
        contexts
    }
}

/// Keys the text inputs of forms, the search line and the picker handle themselves; listed in
/// the help so every key a user can press is documented.
pub const TEXT_INPUT_KEYS: &[(&str, Text)] = &[
    ("Left Right", Text::KeyCursorOrChoice),
    ("Home End", Text::KeyLineStartEnd),
    ("C-w", Text::KeyDeleteWord),
    ("C-u", Text::KeyDeleteLine),
];

/// The key names bound to `action` in `context` (empty when none is).
pub fn keys_for(context: Context, action: Action) -> &'static [&'static str] {
    bindings_of(context)
        .find(|b| b.action == action)
        .map_or(&[], |b| b.keys)
}

/// The keys bound to `action` in `context` for display, separated by `/`.
pub fn display_keys_for(context: Context, action: Action, lang: Lang) -> String {
    keys_for(context, action)
        .iter()
        .map(|k| display_key(k, lang))
        .collect::<Vec<_>>()
        .join("/")
}

/// True when `context` binds a key to `action`.
pub fn binds(context: Context, action: Action) -> bool {
    bindings_of(context).any(|b| b.action == action)
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], key: &KeyEvent) -> Option<Action> {
    let name = key_name(key)?;
    contexts.iter().find_map(|context| {
        BINDINGS
            .iter()
            .find(|b| b.context == *context && b.keys.contains(&name.as_str()))
            .map(|b| b.action)
    })
}

/// The bindings of one context, in table order.
pub fn bindings_of(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen = HashSet::new();
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(
                    seen.insert((binding.context, *key)),
                    "{key} bound twice in {:?}",
                    binding.context
                );
            }
        }
    }
}
