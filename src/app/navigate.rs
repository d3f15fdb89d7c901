//! Normal mode: moving through the tree and the measure table, switching panes, opening the
//! popups; the help overlay. Changes to data are in `edit/`. Each mode's `update_*` returns
//! the mode that follows.

use super::{Action, App, Context, Focus, MessageKind, Mode, keymap};
use crate::app::popups::FilterPopup;
use crate::app::search::SearchInput;
use crate::i18n::{Text, fill};

impl App {
    /// A goal's code, or `#id` for an unknown goal.
    pub fn code_of(&self, goal: crate::model::GoalId) -> String {
        self.tree
            .goal(goal)
            .map_or_else(|| goal.to_string(), |g| g.code.clone())
    }

    /// A bound key in normal mode (every pane); the next mode.
    pub(super) fn update_normal(&mut self, action: Action) -> Mode {
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::FocusNext => self.set_focus(match self.focus {
                Focus::Tree => Focus::Measures,
                Focus::Measures => Focus::Detail,
                Focus::Detail => Focus::Tree,
            }),
            Action::FocusPrev => self.set_focus(match self.focus {
                Focus::Tree => Focus::Detail,
                Focus::Measures => Focus::Tree,
                Focus::Detail => Focus::Measures,
            }),
            Action::Cancel => self.set_focus(Focus::Tree),
            Action::ExpandOrChild => {
                self.tree.expand_or_child();
                self.goal_changed();
            }
            Action::CollapseOrParent => {
                self.tree.collapse_or_parent();
                self.goal_changed();
            }
            Action::Toggle => {
                self.tree.toggle();
                self.goal_changed();
            }
            Action::NextHit => self.step_hit(1),
            Action::PrevHit => self.step_hit(-1),
            Action::Sort => self.next_sort(),
            Action::Link => return self.open_picker(),
            Action::Unlink => return self.unlink(),
            Action::SetPrimary => self.set_primary(),
            Action::MoveGoalUp => self.move_goal(-1),
            Action::MoveGoalDown => self.move_goal(1),
            Action::MoveGoalTo => return self.open_move_picker(),
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            other => return self.open_from_normal(other),
        }
        Mode::Normal
    }

    /// Normal-mode actions that open a mode (a form, a question, a popup, a view).
    fn open_from_normal(&mut self, action: Action) -> Mode {
        match action {
            Action::Help => Mode::Help { scroll: 0 },
            Action::Search => Mode::Search(SearchInput::new(
                self.tree.selected_node(),
                self.pane.selected_id(),
                self.focus,
            )),
            Action::Filter => Mode::Filter(FilterPopup::new(self.pane.filter, self.known_years())),
            Action::AddGoal => self.add_goal(),
            Action::AddMeasure => self.add_measure(),
            Action::EditGoal => self.edit_goal(),
            Action::EditMeasure => self.edit_measure(),
            Action::Rename => self.rename_goal(),
            Action::DeleteGoal => self.ask_delete_goal(),
            Action::DeleteMeasure => self.ask_delete_measure(),
            Action::Report => self.open_report(),
            Action::History => self.open_history(),
            Action::Course => self.open_course(),
            Action::SetStatus => self.open_set_status(),
            Action::Export => self.open_export(),
            Action::Payments => self.open_payments(),
            Action::Plan => self.open_plan(),
            Action::Decision => self.open_decision(),
            Action::Sessions => self.open_sessions(),
            Action::Deadlines => self.open_termine(0),
            other => {
                for context in [Context::Normal, Context::Tree, Context::Measures] {
                    self.unbound(context, other);
                }
                Mode::Normal
            }
        }
    }

    /// A bound key in the help overlay; the next mode.
    pub(super) fn update_help(&mut self, scroll: u16, action: Action) -> Mode {
        let scroll = match action {
            Action::MoveDown => scroll.saturating_add(1).min(self.help_max_scroll()),
            Action::MoveUp => scroll.saturating_sub(1),
            Action::Cancel => return Mode::Normal,
            other => {
                self.unbound(Context::Help, other);
                scroll
            }
        };
        Mode::Help { scroll }
    }

    /// An action that `context` binds no key to (only a direct [`App::update`] sends one): it
    /// leaves the mode as it is. A bound action arriving here lacks its arm, which debug builds
    /// (and so every test) report.
    pub(super) fn unbound(&self, context: Context, action: Action) {
        debug_assert!(
            !keymap::binds(context, action),
            "{action:?} is bound in {context:?} but its mode has no arm for it"
        );
    }

    /// `s`: sorts by the next column and says which.
    fn next_sort(&mut self) {
        self.pane.sort = self.pane.sort.next();
        self.fill_pane();
        let name = self.lang.t(self.sort_label());
        let text = fill(self.lang.t(Text::SortedBy), &[("column", &name)]);
        self.say(MessageKind::Info, text);
    }

    fn page(&self) -> usize {
        let areas = super::layout::Areas::new(self.screen());
        let height = super::layout::inner_height(match self.focus {
            Focus::Tree => areas.tree,
            Focus::Measures => areas.table,
            Focus::Detail => areas.detail,
        });
        // The table's first row is its header.
        let height = match self.focus {
            Focus::Measures => height.saturating_sub(1),
            _ => height,
        };
        height.saturating_sub(1).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => {
                let before = self.tree.selected_node();
                self.tree.move_by(delta);
                if self.tree.selected_node() != before {
                    self.goal_changed();
                }
            }
            Focus::Measures => {
                self.pane.move_by(delta);
                self.detail_scroll = 0;
            }
            Focus::Detail => {
                // Bounded by the end of the text as drawn on this screen.
                let max = self.detail_max_scroll() as isize;
                let scroll = self.detail_scroll as isize + delta.clamp(-1000, 1000);
                self.detail_scroll = scroll.clamp(0, max) as u16;
            }
        }
    }

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
    }

    /// After the selected goal changed: new rows, first row selected.
    pub(super) fn goal_changed(&mut self) {
        self.pane.selected = 0;
        self.pane.rows.clear();
        self.fill_pane();
        self.detail_scroll = 0;
    }

    /// The label of the current sort column.
    pub fn sort_label(&self) -> Text {
        use crate::app::SortColumn::*;
        match self.pane.sort {
            Title => Text::FieldTitle,
            Organisation => Text::FieldOrganisation,
            Fund => Text::FieldFund,
            Approved => Text::FieldApproved,
            Status => Text::FieldStatus,
            Runtime => Text::FieldRuntime,
        }
    }

    /// Years the loaded measures run in, plus the current year (for the filter's year choice).
    fn known_years(&self) -> Vec<i32> {
        use chrono::Datelike;
        let this_year = chrono::Local::now().year();
        let mut low = this_year;
        let mut high = this_year;
        for cached in self.cache.values() {
            for date in [cached.start, cached.end].into_iter().flatten() {
                low = low.min(date.year());
                high = high.max(date.year());
            }
        }
        let low = low.max(high - 30);
        (low..=high).collect()
    }
}
