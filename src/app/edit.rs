//! Every change the TUI makes: each becomes one store [`Op`], applied through [`App::apply`],
//! after which the views are refreshed and the status bar says `gespeichert` — only once the
//! store returned, i.e. after the change was flushed to disk.

use super::Node;
use super::form::{Form, FormOutcome, FormValue};
use super::popups::{Confirm, Pending, Picker};
use super::{Action, App, Draft, Focus, FormState, MessageKind, Mode, Purpose};
use crate::i18n::{Text, fill};
use crate::model::{Field, Goal, GoalId, Measure, MeasureId, next_code};
use crate::ops::{Applied, Change, Op};
use crate::store::StoreError;

impl App {
    /// Applies `op`, refreshes every view and reports `gespeichert`.
    fn apply(&mut self, op: Op) -> Result<Applied, StoreError> {
        let applied = self.store.apply(op, &self.actor)?;
        self.refresh(&applied.changes);
        self.say_text(MessageKind::Success, Text::Saved);
        Ok(applied)
    }

    /// Applies `op`; a refusal goes to the status bar.
    fn apply_or_say(&mut self, op: Op) -> Option<Applied> {
        match self.apply(op) {
            Ok(applied) => Some(applied),
            Err(error) => {
                self.say_error(&error);
                None
            }
        }
    }

    /// Reloads goals and links and forgets changed measures, keeping selections.
    fn refresh(&mut self, changes: &[Change]) {
        for change in changes {
            match change {
                Change::MeasureAdded(id)
                | Change::MeasureUpdated(id)
                | Change::MeasureDeleted(id) => {
                    self.cache.remove(id);
                }
                _ => {}
            }
        }
        self.forget_search_index();
        self.rows_cache.clear();
        // The set of measures changes only when one is added or deleted (a scan of every key
        // at 100 000 measures is not worth making on each edit).
        let added_or_deleted = changes
            .iter()
            .any(|c| matches!(c, Change::MeasureAdded(_) | Change::MeasureDeleted(_)));
        let reloaded = self.store.goals().and_then(|goals| {
            let ids = match added_or_deleted {
                true => Some(self.store.measure_ids()?),
                false => None,
            };
            Ok((goals, self.store.links()?, ids))
        });
        match reloaded {
            Ok((goals, links, ids)) => {
                self.tree.replace_goals(goals);
                self.links = super::LinkIndex::new(&links);
                if let Some(ids) = ids {
                    self.measure_ids = ids;
                }
            }
            Err(error) => self.say_error(&error),
        }
        self.recount();
        self.fill_pane();
    }

    /// On a virtual row of the tree, says that goal actions need a goal; true there.
    pub(super) fn refuse_on_virtual_row(&mut self) -> bool {
        let node = self.tree.selected_node();
        if node.goal().is_some() {
            return false;
        }
        let name = self.lang.t(self.node_name(node));
        let text = fill(self.lang.t(Text::NotAGoal), &[("node", &name)]);
        self.say(MessageKind::Info, text);
        true
    }

    /// The name of a virtual row.
    pub(super) fn node_name(&self, node: Node) -> Text {
        match node {
            Node::Orphans => Text::TreeOrphans,
            _ => Text::TreeAll,
        }
    }

    /// `a` in the tree: a new goal.
    pub(super) fn add_goal(&mut self) {
        let selected = self.tree.selected().cloned();
        // In a tree without goals `a` makes the first goal from any row.
        if !self.tree.is_empty() && self.refuse_on_virtual_row() {
            return;
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
        self.open_form(Form::goal(&goal, true, self.lang), Purpose::NewGoal);
        // The code is filled in; start at the title.
        if let Mode::Form(state) = &mut self.mode {
            state.form.next_field();
        }
    }

    /// `a` in the measure pane: a new measure linked to the selected goal (without a goal on a
    /// virtual row).
    pub(super) fn add_measure(&mut self) {
        let measure = Measure::new("");
        let purpose = match self.tree.selected() {
            Some(goal) => Purpose::NewMeasure { goal: goal.id },
            None => Purpose::NewMeasureWithoutGoal,
        };
        self.open_form(Form::measure(&measure, true, self.lang), purpose);
    }

    /// `e`/Enter: edit the selected goal or measure.
    pub(super) fn edit_goal(&mut self) {
        if self.refuse_on_virtual_row() {
            return;
        }
        if let Some(goal) = self.tree.selected().cloned() {
            self.open_form(Form::goal(&goal, false, self.lang), Purpose::EditGoal);
        }
    }

    /// `e`/Enter in the measure pane: edit the selected measure.
    pub(super) fn edit_measure(&mut self) {
        if let Some(measure) = self.selected_measure() {
            self.open_form(
                Form::measure(&measure, false, self.lang),
                Purpose::EditMeasure,
            );
        } else {
            self.say_text(MessageKind::Info, Text::NoMeasureSelected);
        }
    }

    /// `r`: the goal form with the cursor in the title.
    pub(super) fn rename_goal(&mut self) {
        if self.refuse_on_virtual_row() {
            return;
        }
        if let Some(goal) = self.tree.selected().cloned() {
            self.open_form(Form::goal(&goal, false, self.lang), Purpose::EditGoal);
            if let Mode::Form(state) = &mut self.mode {
                state.form.next_field();
            }
        }
    }

    fn open_form(&mut self, form: Form, purpose: Purpose) {
        self.mode = Mode::Form(Box::new(FormState { form, purpose }));
    }

    pub(super) fn update_form(&mut self, mut state: Box<FormState>, action: Action) {
        let outcome = match action {
            Action::NextField => {
                state.form.next_field();
                FormOutcome::Pending
            }
            Action::PrevField => {
                state.form.prev_field();
                FormOutcome::Pending
            }
            Action::Save => state.form.submit(),
            Action::FormEnter => state.form.enter(),
            Action::NewLine => {
                state.form.new_line();
                FormOutcome::Pending
            }
            Action::Cancel => state.form.cancel(),
            Action::AddEntry => {
                state.form.add_entry();
                FormOutcome::Pending
            }
            Action::RemoveEntry => {
                state.form.remove_entry();
                FormOutcome::Pending
            }
            _ => FormOutcome::Pending,
        };
        self.mode = Mode::Form(state);
        self.form_outcome(outcome);
    }

    /// Acts on what the form answered: close, or save (the form stays open if the store refuses).
    pub(super) fn form_outcome(&mut self, outcome: FormOutcome) {
        match outcome {
            FormOutcome::Pending => {}
            FormOutcome::Cancelled => self.mode = Mode::Normal,
            FormOutcome::Submit(value) => self.save_form(value),
        }
    }

    fn save_form(&mut self, value: FormValue) {
        let Mode::Form(state) = &self.mode else {
            return;
        };
        let purpose = state.purpose;
        let op = match (purpose, value) {
            (Purpose::NewMeasure { goal }, FormValue::Measure(measure)) => Op::AddMeasure {
                measure,
                goals: vec![goal],
            },
            (Purpose::NewMeasureWithoutGoal, FormValue::Measure(measure)) => Op::AddMeasure {
                measure,
                goals: Vec::new(),
            },
            (Purpose::EditMeasure, FormValue::Measure(measure)) => Op::UpdateMeasure { measure },
            (Purpose::NewGoal, FormValue::Goal(goal)) => Op::AddGoal { goal },
            (Purpose::EditGoal, FormValue::Goal(goal)) => Op::UpdateGoal {
                id: goal.id,
                code: goal.code,
                title: goal.title,
                description: goal.description,
            },
            _ => return,
        };
        match self.apply(op) {
            Ok(applied) => {
                self.mode = Mode::Normal;
                if let Some(id) = applied.added_measure() {
                    self.focus = Focus::Measures;
                    self.select_measure(id);
                }
                if let Some(id) = applied.added_goal() {
                    self.tree.select(id);
                    self.goal_changed();
                }
            }
            Err(error) => {
                // The form stays open with the reason next to the field.
                let field = match &error {
                    StoreError::DuplicateCode(_) => Some(Field::Code),
                    _ => None,
                };
                let text = crate::i18n::Localize::localize(&error, self.lang);
                match (field, &mut self.mode) {
                    (Some(field), Mode::Form(state)) => state.form.set_error(field, text),
                    (_, Mode::Form(state)) => {
                        if let StoreError::Invalid(errors) = &error {
                            for e in errors {
                                let reason = crate::i18n::Localize::localize(&e.problem, self.lang);
                                state.form.set_error(e.field, reason);
                            }
                        }
                        self.say_error(&error);
                    }
                    _ => self.say_error(&error),
                }
            }
        }
    }

    /// Selects a measure in the pane (after adding it).
    fn select_measure(&mut self, id: MeasureId) {
        if let Some(row) = self.pane.position(id) {
            self.pane.selected = row;
        }
    }

    /// `d`: asks before deleting, naming what goes, how many links, and the measures that
    /// lose their last goal with a goal.
    pub(super) fn ask_delete_goal(&mut self) {
        let lang = self.lang;
        if self.refuse_on_virtual_row() {
            return;
        }
        let Some(goal) = self.tree.selected().cloned() else {
            return;
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
        self.mode = Mode::Confirm(Confirm {
            question,
            pending: Pending::DeleteGoal(goal.id),
        });
    }

    /// `d` in the measure pane: asks before deleting the selected measure.
    pub(super) fn ask_delete_measure(&mut self) {
        let lang = self.lang;
        if let Some(measure) = self.selected_measure() {
            let links = self.links.goals_of(measure.id).len();
            let title = crate::text::sanitize_line(&measure.title).into_owned();
            let question = fill(
                lang.t(Text::AskDeleteMeasure),
                &[("id", &measure.id), ("title", &title), ("links", &links)],
            );
            self.mode = Mode::Confirm(Confirm {
                question,
                pending: Pending::DeleteMeasure(measure.id),
            });
        }
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
        crate::i18n::fill("{id} „{title}“", &[("id", &id), ("title", &title)])
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

    pub(super) fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::DeleteMeasure(id) => {
                self.apply_or_say(Op::DeleteMeasure { id });
            }
            Pending::DeleteGoal(id) => {
                self.apply_or_say(Op::DeleteGoal { id, force: true });
            }
            Pending::Unlink { measure, goal } => {
                self.apply_or_say(Op::Unlink { measure, goal });
            }
            Pending::Export(dialog, path) => self.export_to(*dialog, path, true),
            Pending::RestoreDraft(draft) => {
                let Draft { purpose, form } = *draft;
                self.open_form(Form::from_draft(form, self.lang), purpose);
                self.remove_draft_file();
            }
        }
    }

    /// The user declined the draft: it is gone.
    pub(super) fn discard_draft(&mut self) {
        self.remove_draft_file();
    }

    fn remove_draft_file(&mut self) {
        if let Some(Err(error)) = self.draft_path.as_deref().map(super::draft::remove) {
            let text = fill(self.lang.t(Text::DraftUnreadable), &[("error", &error)]);
            self.say(MessageKind::Error, text);
        }
    }

    /// `L`: the goal picker for the selected measure.
    pub(super) fn open_picker(&mut self) {
        match self.pane.selected_id() {
            Some(measure) if self.focus != Focus::Tree => {
                self.mode = Mode::Picker(Picker::new(measure, self.tree.goals(), &self.links));
            }
            _ => self.say_text(MessageKind::Info, Text::NoMeasureSelected),
        }
    }

    pub(super) fn link(&mut self, measure: MeasureId, goal: GoalId) {
        self.apply_or_say(Op::Link {
            measure,
            goal,
            primary: false,
        });
    }

    /// `U`: removes the link through which the measure appears under the selected goal. The
    /// last link is removed only after a question: the measure then is under `Ohne Ziel`.
    pub(super) fn unlink(&mut self) {
        let Some(row) = self.selected_row_under_goal() else {
            return;
        };
        let Some(goal) = row.via else {
            return;
        };
        if self.links.goals_of(row.id).len() <= 1 {
            let title = match self.store.measure(row.id) {
                Ok(Some(m)) => m.title,
                _ => String::new(),
            };
            let title = crate::text::sanitize_line(&title).into_owned();
            let question = fill(
                self.lang.t(Text::AskUnlinkLast),
                &[("id", &row.id), ("title", &title)],
            );
            self.mode = Mode::Confirm(Confirm {
                question,
                pending: Pending::Unlink {
                    measure: row.id,
                    goal,
                },
            });
            return;
        }
        self.apply_or_say(Op::Unlink {
            measure: row.id,
            goal,
        });
    }

    /// The selected measure row when a goal is selected in the tree; otherwise says why `U`
    /// and `P` do nothing.
    fn selected_row_under_goal(&mut self) -> Option<super::MeasureRow> {
        let Some(row) = self.pane.selected_row() else {
            self.say_text(MessageKind::Info, Text::NoMeasureSelected);
            return None;
        };
        let node = self.tree.selected_node();
        if node.goal().is_none() || row.via.is_none() {
            let name = self.lang.t(self.node_name(node));
            let text = fill(self.lang.t(Text::NoGoalHere), &[("node", &name)]);
            self.say(MessageKind::Info, text);
            return None;
        }
        Some(row)
    }

    /// `P`: the selected goal (or the sub-goal the measure is linked through) becomes primary.
    pub(super) fn set_primary(&mut self) {
        let Some(row) = self.selected_row_under_goal() else {
            return;
        };
        let Some(goal) = row.via else {
            return;
        };
        if row.primary {
            self.say_text(MessageKind::Info, Text::AlreadyPrimary);
            return;
        }
        self.apply_or_say(Op::SetPrimary {
            measure: row.id,
            goal,
        });
    }

    /// `K`/`J`: moves the selected goal among its siblings.
    pub(super) fn move_goal(&mut self, delta: i64) {
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
    pub(super) fn open_move_picker(&mut self) {
        if self.refuse_on_virtual_row() {
            return;
        }
        if let Some(goal) = self.tree.selected() {
            let subtree = self.tree.subtree(goal.id);
            let picker = Picker::move_goal(goal, subtree, self.tree.goals());
            self.mode = Mode::Picker(picker);
        }
    }

    /// Moves `goal` to the end of `parent`'s sub-goals (`None`: the top level); one op, undone
    /// with `u`. The goal stays selected.
    pub(super) fn move_goal_to(&mut self, goal: GoalId, parent: Option<GoalId>) {
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

    pub(super) fn undo(&mut self) {
        let result = self.store.undo(&self.actor);
        self.after_history(result, Text::DoneUndo);
    }

    pub(super) fn redo(&mut self) {
        let result = self.store.redo(&self.actor);
        self.after_history(result, Text::DoneRedo);
    }

    fn after_history(&mut self, result: Result<Applied, StoreError>, done: Text) {
        match result {
            Ok(applied) => {
                self.refresh(&applied.changes);
                // Names the user's action (`Löschen von M-0010 „…“ rückgängig gemacht`), the
                // same sentence as the CLI's undo/redo; `done` only picks the fallback.
                let text = crate::ops::history_message(self.store(), applied.seq, self.lang)
                    .ok()
                    .filter(|text| !text.is_empty())
                    .unwrap_or_else(|| fill(self.lang.t(done), &[("what", &"")]));
                self.say(MessageKind::Success, text);
            }
            Err(error) => self.say_error(&error),
        }
    }
}
