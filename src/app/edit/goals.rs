//! Goal actions of the tree: add, edit, rename, delete (asking first), move among siblings or
//! under another parent.

use super::super::form::Form;
use super::super::popups::{Confirm, Pending, Picker};
use super::super::{App, MessageKind, Mode, Purpose};
use crate::i18n::{Text, fill};
use crate::model::{Goal, GoalId, MeasureId, next_code};
use crate::ops::Op;

impl App {
    /// `a` in the tree: the form for a new goal.
    pub(in crate::app) fn add_goal(&mut self) -> Mode {
        let selected = self.tree.selected().cloned();
        // In a tree without goals `a` makes the first goal from any row.
        if !self.tree.is_empty() && self.refuse_on_virtual_row() {
            return Mode::Normal;
        }
        // Under a top-level goal: a new child; under a sub-goal: a sibling after it; in an
        // empty tree: a new top-level goal.
        let (parent, position) = match &selected {
            None => (None, u32::MAX),
            Some(Goal {
                parent: None, id, ..
            }) => (Some(*id), u32::MAX),
            Some(Goal {
                parent: Some(parent),
                position,
                ..
            }) => (Some(*parent), position + 1),
        };
        let parent_goal = parent.and_then(|p| self.tree.goal(p));
        let goal = Goal {
            id: GoalId(0),
            parent,
            code: next_code(self.tree.goals(), parent_goal),
            title: String::new(),
            description: String::new(),
            position,
        };
        let mut form = Form::goal(&goal, true, self.lang);
        // The code is filled in; start at the title.
        form.next_field();
        Mode::form(form, Purpose::NewGoal)
    }

    /// `e` in the tree: the form for the selected goal.
    pub(in crate::app) fn edit_goal(&mut self) -> Mode {
        if self.refuse_on_virtual_row() {
            return Mode::Normal;
        }
        let Some(id) = self.tree.selected().map(|g| g.id) else {
            return Mode::Normal;
        };
        // Read with its revision, so saving notices a colleague's change in between.
        match self.store.goal_revised(id) {
            Ok(Some((revision, goal))) => Mode::form(
                Form::goal(&goal, false, self.lang).with_revision(revision),
                Purpose::EditGoal,
            ),
            Ok(None) => Mode::Normal,
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    /// `r`: the goal form with the cursor in the title.
    pub(in crate::app) fn rename_goal(&mut self) -> Mode {
        match self.edit_goal() {
            Mode::Form(mut state) => {
                state.form.next_field();
                Mode::Form(state)
            }
            other => other,
        }
    }

    /// `d`: asks before deleting, naming what goes, how many links, and the measures that
    /// lose their last goal with a goal.
    pub(in crate::app) fn ask_delete_goal(&mut self) -> Mode {
        let lang = self.lang;
        if self.refuse_on_virtual_row() {
            return Mode::Normal;
        }
        let Some(goal) = self.tree.selected().cloned() else {
            return Mode::Normal;
        };
        let subtree = self.tree.subtree(goal.id);
        let links: usize = subtree
            .iter()
            .map(|g| self.links.measures_of(*g).len())
            .sum();
        let title = crate::text::sanitize_line(&goal.title).into_owned();
        let question = fill(
            lang.t(Text::AskDeleteGoal),
            &[
                ("code", &goal.code),
                ("title", &title),
                ("children", &(subtree.len() - 1)),
                ("links", &links),
            ],
        );
        let orphaned = self.orphaned_by(&subtree);
        let question = self.with_orphans(question, &orphaned);
        Mode::Confirm(Confirm {
            question,
            pending: Pending::DeleteGoal(goal.id),
        })
    }

    /// Measures linked to goals of `goals` and to no other goal, ascending: they lose their
    /// last goal when those goals go.
    fn orphaned_by(&self, goals: &[GoalId]) -> Vec<MeasureId> {
        let mut orphaned: Vec<MeasureId> = goals
            .iter()
            .flat_map(|g| self.links.measures_of(*g))
            .map(|(m, _)| *m)
            .filter(|m| {
                self.links
                    .goals_of(*m)
                    .iter()
                    .all(|(g, _)| goals.contains(g))
            })
            .collect();
        orphaned.sort_unstable();
        orphaned.dedup();
        orphaned
    }

    /// `M-0010 „…“` for a measure in a question (title cut to fit a popup).
    fn measure_label(&self, id: MeasureId) -> String {
        let title = match self.store.measure(id) {
            Ok(Some(m)) => m.title,
            _ => String::new(),
        };
        let title = crate::text::sanitize_line(&title);
        let title = crate::text::truncate(&title, 40);
        fill("{id} „{title}“", &[("id", &id), ("title", &title)])
    }

    /// Adds `M-0010 „…“ hat danach kein Ziel mehr (→ Ohne Ziel).` before the `(j/n)` of a
    /// question, naming at most three measures and counting the rest.
    fn with_orphans(&self, question: String, orphaned: &[MeasureId]) -> String {
        if orphaned.is_empty() {
            return question;
        }
        let lang = self.lang;
        let mut names: Vec<String> = orphaned
            .iter()
            .take(3)
            .map(|id| self.measure_label(*id))
            .collect();
        if orphaned.len() > 3 {
            let rest = orphaned.len() - 3;
            names.push(fill(lang.t(Text::OrphanMore), &[("n", &rest)]));
        }
        let list = match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, first)) => {
                format!("{} {} {last}", first.join(", "), lang.t(Text::ListAnd))
            }
            None => String::new(),
        };
        let sentence = if orphaned.len() == 1 {
            Text::OrphanAfterOne
        } else {
            Text::OrphanAfterMany
        };
        let sentence = fill(lang.t(sentence), &[("list", &list)]);
        let keys = lang.t(Text::ConfirmKeys);
        match question.trim_end().strip_suffix(keys) {
            Some(head) => format!("{} {sentence} {keys}", head.trim_end()),
            None => format!("{question} {sentence}"),
        }
    }

    /// `K`/`J`: moves the selected goal among its siblings.
    pub(in crate::app) fn move_goal(&mut self, delta: i64) {
        if self.refuse_on_virtual_row() {
            return;
        }
        let Some(goal) = self.tree.selected().cloned() else {
            return;
        };
        let siblings = self.tree.siblings(goal.id).len() as i64;
        let position = goal.position as i64 + delta;
        if position < 0 || position >= siblings {
            let text = if delta < 0 {
                Text::GoalFirstAmongSiblings
            } else {
                Text::GoalLastAmongSiblings
            };
            let code = crate::text::sanitize_line(&goal.code).into_owned();
            let text = fill(self.lang.t(text), &[("code", &code)]);
            self.say(MessageKind::Info, text);
            return;
        }
        self.apply_or_say(Op::MoveGoal {
            id: goal.id,
            parent: goal.parent,
            position: position as u32,
        });
    }

    /// `m`: the goal picker for the selected goal's new parent.
    pub(in crate::app) fn open_move_picker(&mut self) -> Mode {
        if self.refuse_on_virtual_row() {
            return Mode::Normal;
        }
        match self.tree.selected() {
            Some(goal) => {
                let subtree = self.tree.subtree(goal.id);
                Mode::Picker(Picker::move_goal(goal, subtree, self.tree.goals()))
            }
            None => Mode::Normal,
        }
    }

    /// Moves `goal` to the end of `parent`'s sub-goals (`None`: the top level); one op, undone
    /// with `u`. The goal stays selected.
    pub(in crate::app) fn move_goal_to(&mut self, goal: GoalId, parent: Option<GoalId>) {
        let op = Op::MoveGoal {
            id: goal,
            parent,
            position: u32::MAX,
        };
        if self.apply_or_say(op).is_some() {
            self.tree.select(goal);
            self.goal_changed();
        }
    }
}
