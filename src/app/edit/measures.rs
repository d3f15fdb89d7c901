//! Measure actions of the measure pane: add, edit, delete (asking first), link to another goal,
//! unlink, make a goal primary.

use super::super::form::Form;
use super::super::popups::{Confirm, Pending, Picker};
use super::super::{App, Focus, MeasureRow, MessageKind, Mode, Purpose};
use crate::i18n::{Text, fill};
use crate::model::{GoalId, Measure, MeasureId};
use crate::ops::Op;

impl App {
    /// `a` in the measure pane: the form for a new measure linked to the selected goal (without
    /// a goal on a virtual row).
    pub(in crate::app) fn add_measure(&mut self) -> Mode {
        let measure = Measure::new("");
        let purpose = match self.tree.selected() {
            Some(goal) => Purpose::NewMeasure { goal: goal.id },
            None => Purpose::NewMeasureWithoutGoal,
        };
        let form = Form::measure(&measure, true, self.lang);
        Mode::form(self.with_money(form, None), purpose)
    }

    /// `e`/Enter in the measure pane: the form for the selected measure.
    /// The form remembers the revision it was read at, so saving notices a colleague's change.
    pub(in crate::app) fn edit_measure(&mut self) -> Mode {
        let Some(id) = self.selected_measure().map(|m| m.id) else {
            self.say_text(MessageKind::Info, Text::NoMeasureSelected);
            return Mode::Normal;
        };
        match self.store.measure_revised(id) {
            Ok(Some((revision, measure))) => {
                let form = Form::measure(&measure, false, self.lang).with_revision(revision);
                Mode::form(self.with_money(form, Some(id)), Purpose::EditMeasure)
            }
            Ok(None) => {
                self.say_text(MessageKind::Info, Text::NoMeasureSelected);
                Mode::Normal
            }
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    /// Selects a measure in the pane (after adding it).
    pub(super) fn select_measure(&mut self, id: MeasureId) {
        if let Some(row) = self.pane.position(id) {
            self.pane.selected = row;
        }
    }

    /// `d` in the measure pane: asks before deleting the selected measure.
    pub(in crate::app) fn ask_delete_measure(&mut self) -> Mode {
        let Some(measure) = self.selected_measure() else {
            return Mode::Normal;
        };
        let links = self.links.goals_of(measure.id).len();
        let title = crate::text::sanitize_line(&measure.title).into_owned();
        let question = fill(
            self.lang.t(Text::AskDeleteMeasure),
            &[("id", &measure.id), ("title", &title), ("links", &links)],
        );
        Mode::Confirm(Confirm {
            question,
            pending: Pending::DeleteMeasure(measure.id),
        })
    }

    /// `L`: the goal picker for the selected measure.
    pub(in crate::app) fn open_picker(&mut self) -> Mode {
        match self.pane.selected_id() {
            Some(measure) if self.focus != Focus::Tree => {
                Mode::Picker(Picker::new(measure, self.tree.goals(), &self.links))
            }
            _ => {
                self.say_text(MessageKind::Info, Text::NoMeasureSelected);
                Mode::Normal
            }
        }
    }

    pub(in crate::app) fn link(&mut self, measure: MeasureId, goal: GoalId) {
        self.apply_or_say(Op::Link {
            measure,
            goal,
            primary: false,
        });
    }

    /// `U`: removes the link through which the measure appears under the selected goal. The
    /// last link is removed only after a question: the measure then is under `Ohne Ziel`.
    pub(in crate::app) fn unlink(&mut self) -> Mode {
        let Some(row) = self.selected_row_under_goal() else {
            return Mode::Normal;
        };
        let Some(goal) = row.via else {
            return Mode::Normal;
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
            return Mode::Confirm(Confirm {
                question,
                pending: Pending::Unlink {
                    measure: row.id,
                    goal,
                },
            });
        }
        self.apply_or_say(Op::Unlink {
            measure: row.id,
            goal,
        });
        Mode::Normal
    }

    /// The selected measure row when a goal is selected in the tree; otherwise says why `U`
    /// and `P` do nothing.
    fn selected_row_under_goal(&mut self) -> Option<MeasureRow> {
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
    pub(in crate::app) fn set_primary(&mut self) {
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
}

impl App {
    /// `form`, comparing its amount with the pots and the measure's plan (issue 14). Without
    /// pots and plan nothing more is read; a failed read leaves the form without the hint.
    fn with_money(&self, form: Form, id: Option<MeasureId>) -> Form {
        match self.form_money(id) {
            Ok(Some(money)) => form.with_money(money),
            _ => form,
        }
    }

    fn form_money(
        &self,
        id: Option<MeasureId>,
    ) -> Result<Option<super::super::form::FormMoney>, crate::store::StoreError> {
        let pots = self.store.pots()?;
        let plan = match id {
            Some(id) => self.store.plan(id)?.map(|(_, plan)| plan),
            None => None,
        };
        if pots.is_empty() && plan.is_none() {
            return Ok(None);
        }
        let mut planned_by_others = std::collections::HashMap::new();
        if !pots.is_empty() {
            let plans: std::collections::HashMap<_, _> = self.store.plans()?.into_iter().collect();
            let with_pot: std::collections::HashSet<_> =
                pots.iter().map(|p| (p.fund, p.year)).collect();
            self.store.for_each_measure(&mut |m| {
                let Some(fund) = m.fund.filter(|_| Some(m.id) != id) else {
                    return;
                };
                for (year, amount) in crate::model::instalments(&m, plans.get(&m.id)) {
                    if with_pot.contains(&(fund, year)) {
                        let sum = planned_by_others.entry((fund, year)).or_default();
                        *sum = *sum + amount;
                    }
                }
            })?;
        }
        Ok(Some(super::super::form::FormMoney {
            pots,
            planned_by_others,
            plan,
        }))
    }
}
