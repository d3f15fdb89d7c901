//! Everything an export needs, read from the store once: goals in tree order, measures by id,
//! links — and the JSON shapes built from them.

use std::collections::HashMap;

use crate::json_shapes::{GoalJson, MeasureJson};
use crate::model::{
    Deadline, Decision, Goal, GoalId, Measure, MeasureId, Payment, Plan, Pot, Session, Step,
};
use crate::store::{Link, Repository, StoreError};

/// The database content at one moment.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// Goals in tree order.
    pub goals: Vec<Goal>,
    /// Measures by id.
    pub measures: Vec<Measure>,
    /// Links of each measure, primary first.
    pub links: HashMap<MeasureId, Vec<Link>>,
    codes: HashMap<GoalId, String>,
    /// Pots by fund and year, plans by measure, payments by id (issue 14).
    pub pots: Vec<Pot>,
    pub plans: Vec<(MeasureId, Plan)>,
    pub payments: Vec<Payment>,
    /// Sessions by date, decisions by id, steps by measure and id, deadlines by due date
    /// (issue 15).
    pub sessions: Vec<Session>,
    pub decisions: Vec<Decision>,
    pub steps: Vec<Step>,
    pub deadlines: Vec<Deadline>,
}

impl Snapshot {
    /// Reads goals, measures, links, pots, plans and payments.
    pub fn read(store: &dyn Repository) -> Result<Snapshot, StoreError> {
        Ok(Snapshot {
            pots: store.pots()?,
            plans: store.plans()?,
            payments: store.payments()?,
            sessions: without_revision(store.sessions()?),
            decisions: without_revision(store.decisions()?),
            steps: store.all_steps()?,
            deadlines: without_revision(store.deadlines()?),
            ..Snapshot::new(store.goals()?, store.measures()?, store.links()?)
        })
    }

    /// A snapshot of the given records.
    pub fn new(goals: Vec<Goal>, measures: Vec<Measure>, links: Vec<Link>) -> Snapshot {
        let codes = goals.iter().map(|g| (g.id, g.code.clone())).collect();
        Snapshot {
            goals,
            measures,
            links: Link::by_measure(links),
            codes,
            pots: Vec::new(),
            plans: Vec::new(),
            payments: Vec::new(),
            sessions: Vec::new(),
            decisions: Vec::new(),
            steps: Vec::new(),
            deadlines: Vec::new(),
        }
    }

    /// A goal's code (`#id` if it is missing, which only a corrupt database has).
    pub fn code(&self, goal: GoalId) -> String {
        self.codes
            .get(&goal)
            .cloned()
            .unwrap_or_else(|| goal.to_string())
    }

    /// Links of one measure, primary first.
    pub fn links_of(&self, measure: MeasureId) -> &[Link] {
        self.links.get(&measure).map_or(&[], Vec::as_slice)
    }

    /// Goal codes of one measure, primary first.
    pub fn goal_codes(&self, measure: MeasureId) -> Vec<String> {
        self.links_of(measure)
            .iter()
            .map(|l| self.code(l.goal))
            .collect()
    }

    /// The primary goal's code.
    pub fn primary_code(&self, measure: MeasureId) -> Option<String> {
        self.links_of(measure)
            .iter()
            .find(|l| l.primary)
            .map(|l| self.code(l.goal))
    }

    /// Every goal in its JSON shape, tree order.
    pub fn goals_json(&self) -> Vec<GoalJson> {
        self.goals
            .iter()
            .map(|g| {
                let parent = g.parent.map(|p| self.code(p));
                GoalJson::new(g, parent.as_deref())
            })
            .collect()
    }

    /// Every measure in its JSON shape, by id.
    pub fn measures_json(&self) -> Vec<MeasureJson> {
        self.measures
            .iter()
            .map(|m| MeasureJson::new(m, self.links_of(m.id), |l| self.code(l.goal)))
            .collect()
    }
}

fn without_revision<T>(records: Vec<(u64, T)>) -> Vec<T> {
    records.into_iter().map(|(_, record)| record).collect()
}
