//! What the user wants, independent of the key that asked for it. The keymap turns keys into
//! actions; `App::update` carries them out.

/// One user intent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the program (asks nothing; open forms are kept as drafts).
    Quit,
    MoveDown,
    MoveUp,
    First,
    Last,
    PageDown,
    PageUp,
    FocusNext,
    FocusPrev,
    /// Tree: expand the goal, or go to its first child when already expanded.
    ExpandOrChild,
    /// Tree: collapse the goal, or go to its parent.
    CollapseOrParent,
    /// Tree: expand or collapse.
    Toggle,
    /// Tree: a new sub-goal or sibling (or the first goal of an empty tree).
    AddGoal,
    /// Measure pane: a new measure linked to the selected goal.
    AddMeasure,
    /// Edit the selected goal in a form.
    EditGoal,
    /// Edit the selected measure in a form.
    EditMeasure,
    /// Change the selected goal's title.
    Rename,
    /// Delete the selected goal (and its sub-goals), after a confirmation.
    DeleteGoal,
    /// Delete the selected measure, after a confirmation.
    DeleteMeasure,
    /// Link the selected measure to another goal, chosen in a picker.
    Link,
    /// Remove the link of the selected measure to the selected goal.
    Unlink,
    /// Make the selected goal the selected measure's primary goal.
    SetPrimary,
    /// Move the selected goal up among its siblings.
    MoveGoalUp,
    /// Move the selected goal down among its siblings.
    MoveGoalDown,
    /// Move the selected goal under another parent (or to the top level), chosen in a picker.
    MoveGoalTo,
    Undo,
    Redo,
    /// Start an incremental search.
    Search,
    NextHit,
    PrevHit,
    /// Open the filter of the measure pane.
    Filter,
    /// Sort the measure pane by the next column.
    Sort,
    /// Open the report view (money and attainment per goal).
    Report,
    /// Open the export dialog.
    Export,
    /// Open the history of the selected measure or goal.
    History,
    /// Report: the previous year (or all years).
    PrevYear,
    /// Report: the next year (or all years).
    NextYear,
    /// Report: switch between the money and the attainment tab.
    SwitchTab,
    /// Show the keys of the current mode.
    Help,
    /// Show (or close) the last status-bar messages over whatever is open.
    Messages,
    /// Close, cancel, go back one level.
    Cancel,
    /// Confirm a question or choice (Enter, `j`, `y`).
    Confirm,
    /// Answer no to a question (`n`).
    Deny,
    /// Form: next field.
    NextField,
    /// Form: previous field.
    PrevField,
    /// Form: save.
    Save,
    /// Form: Enter (next field, save on the last).
    FormEnter,
    /// Form: a new line in a multi-line field (Alt-Enter, Ctrl-j).
    NewLine,
    /// Form: add an entry to a list (target groups, indicators).
    AddEntry,
    /// Form: remove the focused list entry.
    RemoveEntry,
    /// Filter popup: previous value of the focused criterion.
    ChoicePrev,
    /// Filter popup: next value of the focused criterion.
    ChoiceNext,
    /// Filter popup: clear every criterion.
    ClearFilter,
    /// Conflict dialog: keep my input for the selected field.
    KeepMine,
    /// Conflict dialog: take the stored value for the selected field.
    TakeTheirs,
    /// Conflict dialog: keep my input for every field.
    KeepAllMine,
    /// Conflict dialog: take the stored value for every field.
    TakeAllTheirs,
    /// Open the Verlauf of the selected measure: its status steps and decisions (issue 15).
    Course,
    /// Open the dialog that sets the selected measure's status with date and note (issue 15).
    SetStatus,
    // Payments view (issue 14).
    /// Open the payments of the selected measure (`z`).
    Payments,
    /// Payments view: add a payment.
    AddPayment,
    /// Payments view: edit the selected payment.
    EditPayment,
    /// Payments view: delete the selected payment (asks first).
    DeletePayment,
    /// Open the form of the selected measure's yearly instalments (issue 14).
    Plan,
    // Decisions and deadlines in the TUI (issue 15).
    /// Record a decision on the selected measure (`b`).
    Decision,
    /// Open the sessions with their decisions (`B`).
    Sessions,
    /// Open *Termine*: the open deadlines and coming sessions (`T`).
    Deadlines,
    /// *Termine*: mark the selected deadline done today.
    DeadlineDone,
}
