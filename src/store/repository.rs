//! The one handle the command line and the TUI use. Today [`Store`] implements it directly; a
//! client of the planned shared server will implement it by sending the same [`Op`]s over a
//! socket, without touching app or ui code: the app holds a `Box<dyn Repository>`, and exports,
//! reports and backups read through the trait.

use std::collections::{HashMap, HashSet};

use super::decisions::{CourseAnswer, CourseQuery, MeasureCourse};
use super::money::{MoneyAnswer, MoneyQuery};
use super::{HistoryEntry, Inconsistency, Link, Store, StoreError};
use crate::model::{
    Cents, Deadline, DeadlineId, Decision, DecisionId, Fund, Goal, GoalId, Measure, MeasureId,
    Payment, PaymentId, Plan, Pot, Session, SessionId, Step, StepId,
};
use crate::ops::{Applied, Op};

/// Asks [`Repository::money`] and unpacks the answer of the expected kind.
macro_rules! ask_money {
    ($repo:expr, $query:expr, $pattern:pat => $value:expr) => {
        match $repo.money(&$query)? {
            $pattern => Ok($value),
            other => Err(other.unexpected()),
        }
    };
}

/// Asks [`Repository::course`] and unpacks the answer of the expected kind.
macro_rules! ask_course {
    ($repo:expr, $query:expr, $pattern:pat => $value:expr) => {
        match $repo.course(&$query)? {
            $pattern => Ok($value),
            other => Err(other.unexpected()),
        }
    };
}

/// Read and write access to a quartier database. Object-safe and `Send` (a client lives beside
/// an event-loop thread); `Any` lets tests take back the [`Store`] they handed in.
pub trait Repository: Send + std::any::Any {
    /// Applies one op; returns once it is durable.
    fn apply(&mut self, op: Op, actor: &str) -> Result<Applied, StoreError>;
    /// Reverts `actor`'s newest change not yet undone; refuses with
    /// [`StoreError::ChangedSince`] when someone else changed one of its records since.
    fn undo(&mut self, actor: &str) -> Result<Applied, StoreError>;
    /// [`Repository::undo`], overwriting what others changed since.
    fn undo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError>;
    /// Re-applies `actor`'s newest undone change; refuses like [`Repository::undo`].
    fn redo(&mut self, actor: &str) -> Result<Applied, StoreError>;
    /// [`Repository::redo`], overwriting what others changed since.
    fn redo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError>;
    /// Every goal in tree order.
    fn goals(&self) -> Result<Vec<Goal>, StoreError>;
    /// One measure.
    fn measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError>;
    /// One measure with its revision (raised by every change; an edit expects it, see
    /// [`Op::Expect`]).
    fn measure_revised(&self, id: MeasureId) -> Result<Option<(u64, Measure)>, StoreError>;
    /// One goal with its revision.
    fn goal_revised(&self, id: GoalId) -> Result<Option<(u64, Goal)>, StoreError>;
    /// Every measure by id.
    fn measures(&self) -> Result<Vec<Measure>, StoreError>;
    /// Calls `visit` with every measure, by id, without holding all of them at once.
    fn for_each_measure(&self, visit: &mut dyn FnMut(Measure)) -> Result<(), StoreError>;
    /// Up to `limit` measures with ids above `after`, by id: every measure a page at a time.
    fn measures_after(&self, after: MeasureId, limit: usize) -> Result<Vec<Measure>, StoreError>;
    /// The measures with these ids that exist, in the order asked (a client asks for many in
    /// one request instead of one request each).
    fn measures_by_id(&self, ids: &[MeasureId]) -> Result<Vec<Measure>, StoreError> {
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            found.extend(self.measure(*id)?);
        }
        Ok(found)
    }
    /// The id of every measure, ascending.
    fn measure_ids(&self) -> Result<Vec<MeasureId>, StoreError>;
    /// The ids the next added goal and measure will get when their op asks for one.
    fn next_ids(&self) -> Result<(GoalId, MeasureId), StoreError>;
    /// Whether [`Repository::undo`] has something of `actor`'s to revert.
    fn can_undo(&self, actor: &str) -> Result<bool, StoreError>;
    /// Whether [`Repository::redo`] has something of `actor`'s to re-apply.
    fn can_redo(&self, actor: &str) -> Result<bool, StoreError>;
    /// Links of a measure, primary first.
    fn links_of_measure(&self, id: MeasureId) -> Result<Vec<Link>, StoreError>;
    /// Links of a goal, by measure id.
    fn links_of_goal(&self, id: GoalId) -> Result<Vec<Link>, StoreError>;
    /// Every link.
    fn links(&self) -> Result<Vec<Link>, StoreError>;
    /// Newest history entries first.
    fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError>;
    /// One history entry by sequence number.
    fn history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError>;
    /// Integrity problems, empty when all is well.
    fn check(&self) -> Vec<Inconsistency>;
    /// Answers a question about pots, plans or payments (issue 14); the methods below ask it.
    fn money(&self, query: &MoneyQuery) -> Result<MoneyAnswer, StoreError>;

    /// Every pot, by fund and year.
    fn pots(&self) -> Result<Vec<Pot>, StoreError> {
        ask_money!(self, MoneyQuery::Pots, MoneyAnswer::Pots(pots) => pots)
    }
    /// One fund's pot of a year, with its revision.
    fn pot(&self, fund: Fund, year: i32) -> Result<Option<(u64, Pot)>, StoreError> {
        ask_money!(self, MoneyQuery::Pot { fund, year }, MoneyAnswer::Pot(pot) => pot)
    }
    /// A measure's plan with its revision; `None`: no plan.
    fn plan(&self, id: MeasureId) -> Result<Option<(u64, Plan)>, StoreError> {
        ask_money!(self, MoneyQuery::Plan(id), MoneyAnswer::Plan(plan) => plan)
    }
    /// Every plan, by measure id.
    fn plans(&self) -> Result<Vec<(MeasureId, Plan)>, StoreError> {
        ask_money!(self, MoneyQuery::Plans, MoneyAnswer::Plans(plans) => plans)
    }
    /// Up to `limit` plans of measures with ids above `after` (every plan a page at a time).
    fn plans_after(
        &self,
        after: MeasureId,
        limit: usize,
    ) -> Result<Vec<(MeasureId, Plan)>, StoreError> {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        let query = MoneyQuery::PlansAfter { after, limit };
        ask_money!(self, query, MoneyAnswer::Plans(plans) => plans)
    }
    /// A measure's payments with their revisions, by date.
    fn payments_of(&self, id: MeasureId) -> Result<Vec<(u64, Payment)>, StoreError> {
        ask_money!(self, MoneyQuery::PaymentsOf(id), MoneyAnswer::Payments(found) => found)
    }
    /// One payment with its revision.
    fn payment(&self, id: PaymentId) -> Result<Option<(u64, Payment)>, StoreError> {
        ask_money!(self, MoneyQuery::Payment(id), MoneyAnswer::Payment(found) => found)
    }
    /// A measure's plan and payments, asked at once.
    fn measure_money(&self, id: MeasureId) -> Result<super::money::MeasureMoney, StoreError> {
        ask_money!(self, MoneyQuery::OfMeasure(id), MoneyAnswer::OfMeasure(found) => found)
    }
    /// Every payment, by id.
    fn payments(&self) -> Result<Vec<Payment>, StoreError> {
        let all = ask_money!(self, MoneyQuery::Payments, MoneyAnswer::Payments(all) => all)?;
        Ok(all.into_iter().map(|(_, payment)| payment).collect())
    }
    /// Up to `limit` payments with ids above `after`, by id (every payment a page at a time).
    fn payments_after(&self, after: PaymentId, limit: usize) -> Result<Vec<Payment>, StoreError> {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        let query = MoneyQuery::PaymentsAfter { after, limit };
        let page = ask_money!(self, query, MoneyAnswer::Payments(page) => page)?;
        Ok(page.into_iter().map(|(_, payment)| payment).collect())
    }

    /// Answers a question about sessions, decisions, steps or deadlines (issue 15); the
    /// methods below ask it.
    fn course(&self, query: &CourseQuery) -> Result<CourseAnswer, StoreError>;

    /// Every session with its revision, by date.
    fn sessions(&self) -> Result<Vec<(u64, Session)>, StoreError> {
        ask_course!(self, CourseQuery::Sessions, CourseAnswer::Sessions(found) => found)
    }
    /// One session with its revision.
    fn session(&self, id: SessionId) -> Result<Option<(u64, Session)>, StoreError> {
        ask_course!(self, CourseQuery::Session(id), CourseAnswer::Session(found) => found)
    }
    /// Every decision with its revision, by id.
    fn decisions(&self) -> Result<Vec<(u64, Decision)>, StoreError> {
        ask_course!(self, CourseQuery::Decisions, CourseAnswer::Decisions(found) => found)
    }
    /// Up to `limit` decisions with ids above `after` (every decision a page at a time).
    fn decisions_after(
        &self,
        after: DecisionId,
        limit: usize,
    ) -> Result<Vec<(u64, Decision)>, StoreError> {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        let query = CourseQuery::DecisionsAfter { after, limit };
        ask_course!(self, query, CourseAnswer::Decisions(found) => found)
    }
    /// One decision with its revision.
    fn decision(&self, id: DecisionId) -> Result<Option<(u64, Decision)>, StoreError> {
        ask_course!(self, CourseQuery::Decision(id), CourseAnswer::Decision(found) => found)
    }
    /// The decisions on a measure, by id.
    fn decisions_of(&self, id: MeasureId) -> Result<Vec<(u64, Decision)>, StoreError> {
        ask_course!(self, CourseQuery::DecisionsOf(id), CourseAnswer::Decisions(found) => found)
    }
    /// The decisions of a session, by id.
    fn decisions_in(&self, id: SessionId) -> Result<Vec<(u64, Decision)>, StoreError> {
        ask_course!(self, CourseQuery::DecisionsIn(id), CourseAnswer::Decisions(found) => found)
    }
    /// A measure's status steps, oldest first.
    fn steps_of(&self, id: MeasureId) -> Result<Vec<Step>, StoreError> {
        ask_course!(self, CourseQuery::Steps(id), CourseAnswer::Steps(found) => found)
    }
    /// Every measure's steps, by measure, each measure's oldest first.
    fn all_steps(&self) -> Result<Vec<Step>, StoreError> {
        ask_course!(self, CourseQuery::AllSteps, CourseAnswer::Steps(found) => found)
    }
    /// Up to `limit` steps after the step `after` (measure, step id), in the order of
    /// [`Repository::all_steps`] (every step a page at a time).
    fn steps_after(
        &self,
        after: (MeasureId, StepId),
        limit: usize,
    ) -> Result<Vec<Step>, StoreError> {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        let query = CourseQuery::StepsAfter { after, limit };
        ask_course!(self, query, CourseAnswer::Steps(found) => found)
    }
    /// Every deadline with its revision, by due date.
    fn deadlines(&self) -> Result<Vec<(u64, Deadline)>, StoreError> {
        ask_course!(self, CourseQuery::Deadlines, CourseAnswer::Deadlines(found) => found)
    }
    /// One deadline with its revision.
    fn deadline(&self, id: DeadlineId) -> Result<Option<(u64, Deadline)>, StoreError> {
        ask_course!(self, CourseQuery::Deadline(id), CourseAnswer::Deadline(found) => found)
    }
    /// A measure's decisions (with sessions), steps and deadlines in one answer.
    fn course_of(&self, id: MeasureId) -> Result<MeasureCourse, StoreError> {
        ask_course!(self, CourseQuery::OfMeasure(id), CourseAnswer::OfMeasure(found) => found)
    }

    /// Tells the others working on the database which record this user has open in a form
    /// (`None`: none), for the `✎` marks in their tables. Only a client of the server passes
    /// it on; in this process there are no others.
    fn set_editing(&self, _editing: Option<Editing>) {}

    /// The goal with this code, case-insensitive.
    fn goal_by_code(&self, code: &str) -> Result<Option<Goal>, StoreError> {
        let code = code.trim();
        Ok(self
            .goals()?
            .into_iter()
            .find(|g| crate::model::same_code(&g.code, code)))
    }

    /// Per goal: linked measures and approved sum, each including the goal's sub-goals.
    fn goal_stats(&self) -> Result<HashMap<GoalId, GoalStats>, StoreError> {
        let goals = self.goals()?;
        let approved: HashMap<MeasureId, Cents> = self
            .measures()?
            .into_iter()
            .map(|m| (m.id, m.approved.unwrap_or_default()))
            .collect();
        Ok(goal_stats(&goals, &self.links()?, &approved))
    }
}

/// A stored record someone has open in a form.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Editing {
    Measure(MeasureId),
    Goal(GoalId),
}

/// Figures of one goal including its sub-goals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalStats {
    /// Distinct measures linked to the goal or a sub-goal.
    pub measures: usize,
    /// Approved sum of measures whose primary goal is the goal or a sub-goal.
    pub approved: Cents,
}

/// Computes [`GoalStats`] for every goal from all links and approved amounts.
pub fn goal_stats(
    goals: &[Goal],
    links: &[Link],
    approved: &HashMap<MeasureId, Cents>,
) -> HashMap<GoalId, GoalStats> {
    let parent: HashMap<GoalId, Option<GoalId>> = goals.iter().map(|g| (g.id, g.parent)).collect();
    let mut linked: HashMap<GoalId, HashSet<MeasureId>> = HashMap::new();
    let mut sums: HashMap<GoalId, Cents> = HashMap::new();
    for link in links {
        // Walk up to the root; the depth bound guards against cycles in a corrupt database.
        let mut current = Some(link.goal);
        for _ in 0..goals.len() {
            let Some(goal) = current.filter(|g| parent.contains_key(g)) else {
                break;
            };
            linked.entry(goal).or_default().insert(link.measure);
            if link.primary {
                let sum = sums.entry(goal).or_default();
                *sum = *sum + approved.get(&link.measure).copied().unwrap_or_default();
            }
            current = parent[&goal];
        }
    }
    goals
        .iter()
        .map(|g| {
            let stats = GoalStats {
                measures: linked.get(&g.id).map_or(0, HashSet::len),
                approved: sums.get(&g.id).copied().unwrap_or_default(),
            };
            (g.id, stats)
        })
        .collect()
}

impl Repository for Store {
    fn apply(&mut self, op: Op, actor: &str) -> Result<Applied, StoreError> {
        Store::apply(self, op, actor)
    }
    fn undo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        Store::undo(self, actor)
    }
    fn undo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError> {
        Store::undo_anyway(self, actor)
    }
    fn redo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        Store::redo(self, actor)
    }
    fn redo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError> {
        Store::redo_anyway(self, actor)
    }
    fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        Store::goals(self)
    }
    fn measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError> {
        Store::measure(self, id)
    }
    fn measure_revised(&self, id: MeasureId) -> Result<Option<(u64, Measure)>, StoreError> {
        Store::measure_revised(self, id)
    }
    fn goal_revised(&self, id: GoalId) -> Result<Option<(u64, Goal)>, StoreError> {
        Store::goal_revised(self, id)
    }
    fn measures(&self) -> Result<Vec<Measure>, StoreError> {
        Store::measures(self)
    }
    fn for_each_measure(&self, visit: &mut dyn FnMut(Measure)) -> Result<(), StoreError> {
        Store::for_each_measure(self, visit)
    }
    fn measures_after(&self, after: MeasureId, limit: usize) -> Result<Vec<Measure>, StoreError> {
        Store::measures_after(self, after, limit)
    }
    fn measure_ids(&self) -> Result<Vec<MeasureId>, StoreError> {
        Store::measure_ids(self)
    }
    fn next_ids(&self) -> Result<(GoalId, MeasureId), StoreError> {
        Store::next_ids(self)
    }
    fn can_undo(&self, actor: &str) -> Result<bool, StoreError> {
        Store::can_undo(self, actor)
    }
    fn can_redo(&self, actor: &str) -> Result<bool, StoreError> {
        Store::can_redo(self, actor)
    }
    fn links_of_measure(&self, id: MeasureId) -> Result<Vec<Link>, StoreError> {
        Store::links_of_measure(self, id)
    }
    fn links_of_goal(&self, id: GoalId) -> Result<Vec<Link>, StoreError> {
        Store::links_of_goal(self, id)
    }
    fn links(&self) -> Result<Vec<Link>, StoreError> {
        Store::links(self)
    }
    fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        Store::history(self, limit)
    }
    fn history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError> {
        Store::entry(self, seq)
    }
    fn check(&self) -> Vec<Inconsistency> {
        Store::check(self)
    }
    fn money(&self, query: &MoneyQuery) -> Result<MoneyAnswer, StoreError> {
        Store::money(self, query)
    }
    fn course(&self, query: &CourseQuery) -> Result<CourseAnswer, StoreError> {
        Store::course(self, query)
    }
}

impl From<Store> for Box<dyn Repository> {
    fn from(store: Store) -> Self {
        Box::new(store)
    }
}

#[cfg(test)]
mod tests {
    /// The shared server's client will live beside an event-loop thread.
    #[test]
    fn a_boxed_repository_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<Box<dyn super::Repository>>();
    }
}
