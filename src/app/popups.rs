//! Small popups: the yes/no question before destructive actions, the goal picker for `L` and
//! the filter of the measure pane.

use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{Action, App, Context, Filter, LinkIndex, Mode};
use crate::model::{Fund, Goal, GoalId, MeasureId, Status};

/// What a confirmed question does. The code that carries it out never asks again.
#[derive(Debug)]
pub enum Pending {
    DeleteMeasure(MeasureId),
    DeleteGoal(GoalId),
    /// Remove a measure's last link (it then has no goal).
    Unlink {
        measure: MeasureId,
        goal: GoalId,
    },
    RestoreDraft(Box<super::Draft>),
    /// Replace an existing file with an export; "no" goes back to the dialog.
    Export(Box<super::export::ExportDialog>, std::path::PathBuf),
    /// Undo (or redo) the user's own change although a colleague changed the same record since.
    HistoryAnyway {
        redo: bool,
    },
    /// Delete a payment; either answer goes back to the payments view (issue 14), which is
    /// drawn beneath the question.
    DeletePayment {
        view: Box<super::payments::PaymentsView>,
        id: crate::model::PaymentId,
    },
    /// Take over what a decision proposes: the next status and the approved amount (issue 15).
    AcceptProposal(Box<super::decisions::Proposal>),
    /// Add the Verwendungsnachweis deadline a new end date proposes (issue 15).
    AddDeadline(Box<crate::model::Deadline>),
}

/// A yes/no question (`j`/`y`/Enter, `n`/Esc).
#[derive(Debug)]
pub struct Confirm {
    /// The full question, naming exactly what will happen.
    pub question: String,
    pub pending: Pending,
}

/// What the goal picker chooses a goal for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickFor {
    /// `L`: a goal to link the measure to.
    Link(MeasureId),
    /// `m`: the new parent of a goal (or the top level).
    MoveGoal(GoalId),
}

/// The goal picker: type to filter by code or title, choose with Enter.
#[derive(Debug)]
pub struct Picker {
    pub purpose: PickFor,
    pub input: Input,
    /// Goals matching the filter and not excluded; `None` is the top level (moving only).
    pub candidates: Vec<Option<GoalId>>,
    pub selected: usize,
    /// Goals never offered: those the measure is linked to, or the moved goal, its sub-goals
    /// and its current parent.
    excluded: Vec<GoalId>,
    /// Whether the top level is offered (moving a goal that has a parent).
    top_level: bool,
}

impl Picker {
    /// A picker for linking `measure`, showing every goal it is not linked to.
    pub fn new(measure: MeasureId, goals: &[Goal], links: &LinkIndex) -> Picker {
        let excluded = links.goals_of(measure).iter().map(|(g, _)| *g).collect();
        Picker::with(PickFor::Link(measure), goals, excluded, false)
    }

    /// A picker for the new parent of `goal`: every goal but itself, its sub-goals and its
    /// current parent, and the top level if it is not there already.
    pub fn move_goal(goal: &Goal, subtree: Vec<GoalId>, goals: &[Goal]) -> Picker {
        let mut excluded = subtree;
        excluded.extend(goal.parent);
        Picker::with(
            PickFor::MoveGoal(goal.id),
            goals,
            excluded,
            goal.parent.is_some(),
        )
    }

    fn with(purpose: PickFor, goals: &[Goal], excluded: Vec<GoalId>, top_level: bool) -> Picker {
        let mut picker = Picker {
            purpose,
            input: Input::default(),
            candidates: Vec::new(),
            selected: 0,
            excluded,
            top_level,
        };
        picker.refilter(goals);
        picker
    }

    /// Passes a key to the filter line; true when the text changed.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let before = self.input.value().to_string();
        self.input.handle_event(&Event::Key(key));
        self.input.value() != before
    }

    /// Recomputes the candidates after the filter text changed.
    pub fn refilter(&mut self, goals: &[Goal]) {
        let query = self.input.value().trim().to_lowercase();
        let top = (self.top_level && query.is_empty()).then_some(None);
        self.candidates = top
            .into_iter()
            .chain(
                goals
                    .iter()
                    .filter(|g| !self.excluded.contains(&g.id))
                    .filter(|g| {
                        query.is_empty()
                            || g.code.to_lowercase().starts_with(&query)
                            || g.title.to_lowercase().contains(&query)
                    })
                    .map(|g| Some(g.id)),
            )
            .collect();
        self.selected = 0;
    }
}

/// The filter popup: three criteria, each cycled with ←/→.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterPopup {
    /// The filter being edited; applied with Enter.
    pub draft: Filter,
    /// 0 = status, 1 = fund, 2 = year.
    pub row: usize,
    /// Years offered.
    pub years: Vec<i32>,
}

impl FilterPopup {
    /// Opens with the current filter.
    pub fn new(current: Filter, years: Vec<i32>) -> FilterPopup {
        FilterPopup {
            draft: current,
            row: 0,
            years,
        }
    }

    /// Cycles the focused criterion by one step (`None` is "all").
    pub fn cycle(&mut self, forward: bool) {
        match self.row {
            0 => self.draft.status = step(&Status::ALL, self.draft.status, forward),
            1 => self.draft.fund = step(&Fund::ALL, self.draft.fund, forward),
            _ => self.draft.year = step(&self.years, self.draft.year, forward),
        }
    }
}

/// The next (or previous) of `None, all[0], all[1], …`, wrapping around.
fn step<T: Copy + PartialEq>(all: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let n = all.len() + 1;
    let index = current
        .and_then(|c| all.iter().position(|x| *x == c))
        .map_or(0, |i| i + 1);
    let next = if forward {
        (index + 1) % n
    } else {
        (index + n - 1) % n
    };
    next.checked_sub(1).map(|i| all[i])
}

impl App {
    /// A bound key in a yes/no question; the next mode.
    pub(super) fn update_confirm(&mut self, confirm: Confirm, action: Action) -> Mode {
        match action {
            Action::Confirm => self.run_pending(confirm.pending),
            Action::Deny | Action::Cancel => match confirm.pending {
                Pending::RestoreDraft(_) => {
                    self.discard_draft();
                    Mode::Normal
                }
                Pending::Export(dialog, _) => Mode::Export(*dialog),
                Pending::DeleteMeasure(_)
                | Pending::DeleteGoal(_)
                | Pending::Unlink { .. }
                | Pending::HistoryAnyway { .. }
                | Pending::AcceptProposal(_)
                | Pending::AddDeadline(_) => Mode::Normal,
                Pending::DeletePayment { view, .. } => Mode::Payments(view),
            },
            other => {
                self.unbound(Context::Confirm, other);
                Mode::Confirm(confirm)
            }
        }
    }

    /// A bound key in the goal picker; the next mode.
    pub(super) fn update_picker(&mut self, mut picker: Picker, action: Action) -> Mode {
        match action {
            Action::MoveDown => {
                picker.selected =
                    (picker.selected + 1).min(picker.candidates.len().saturating_sub(1));
            }
            Action::MoveUp => picker.selected = picker.selected.saturating_sub(1),
            Action::Confirm => {
                match (picker.purpose, picker.candidates.get(picker.selected)) {
                    (PickFor::Link(measure), Some(Some(goal))) => self.link(measure, *goal),
                    (PickFor::MoveGoal(goal), Some(parent)) => self.move_goal_to(goal, *parent),
                    // Nothing to choose (the filter matches no goal): the picker closes.
                    (PickFor::Link(_), Some(None) | None) | (PickFor::MoveGoal(_), None) => {}
                }
                return Mode::Normal;
            }
            Action::Cancel => return Mode::Normal,
            other => self.unbound(Context::Picker, other),
        }
        Mode::Picker(picker)
    }

    /// A bound key in the filter popup; the next mode.
    pub(super) fn update_filter(&mut self, mut popup: FilterPopup, action: Action) -> Mode {
        match action {
            Action::MoveDown => popup.row = (popup.row + 1).min(2),
            Action::MoveUp => popup.row = popup.row.saturating_sub(1),
            Action::ChoiceNext => popup.cycle(true),
            Action::ChoicePrev => popup.cycle(false),
            Action::ClearFilter => popup.draft = Filter::default(),
            Action::Confirm => {
                self.pane.filter = popup.draft;
                self.fill_pane();
                return Mode::Normal;
            }
            Action::Cancel => return Mode::Normal,
            other => self.unbound(Context::Filter, other),
        }
        Mode::Filter(popup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_cycles_through_none_and_every_value() {
        let all = [1, 2];
        assert_eq!(step(&all, None, true), Some(1));
        assert_eq!(step(&all, Some(1), true), Some(2));
        assert_eq!(step(&all, Some(2), true), None);
        assert_eq!(step(&all, None, false), Some(2));
        assert_eq!(step(&[] as &[i32], None, true), None);
    }
}
