//! [`Repository`] over the socket: each method one request, its reply unpacked.

use super::{Client, unexpected};
use crate::model::{Goal, GoalId, Measure, MeasureId};
use crate::net::protocol::{Reply, Request};
use crate::ops::{Applied, Op};
use crate::store::{
    HistoryEntry, Inconsistency, Link, MoneyAnswer, MoneyQuery, Repository, StoreError,
};

/// Measures per request when reading all of them (the server caps a page at
/// [`crate::net::server::MAX_PAGE`]).
const PAGE: usize = 1000;

macro_rules! ask {
    ($client:expr, $request:expr, $pattern:pat => $value:expr) => {
        match $client.call($request)? {
            $pattern => Ok($value),
            other => Err(unexpected(&other)),
        }
    };
}

impl Repository for Client {
    fn set_editing(&self, editing: Option<crate::store::Editing>) {
        Client::set_editing(self, editing);
    }

    fn apply(&mut self, op: Op, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Apply(Box::new(op)))
    }

    // The server undoes and redoes for the actor it knows this connection by.
    fn undo(&mut self, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Undo { anyway: false })
    }

    fn undo_anyway(&mut self, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Undo { anyway: true })
    }

    fn redo(&mut self, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Redo { anyway: false })
    }

    fn redo_anyway(&mut self, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Redo { anyway: true })
    }

    fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        ask!(self, Request::Goals, Reply::Goals(goals) => goals)
    }

    fn measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError> {
        ask!(self, Request::Measure(id), Reply::Measure(measure) => measure.map(|m| *m))
    }

    fn measure_revised(&self, id: MeasureId) -> Result<Option<(u64, Measure)>, StoreError> {
        ask!(self, Request::MeasureRevised(id), Reply::MeasureRevised(m) => m.map(|m| *m))
    }

    fn goal_revised(&self, id: GoalId) -> Result<Option<(u64, Goal)>, StoreError> {
        ask!(self, Request::GoalRevised(id), Reply::GoalRevised(g) => g.map(|g| *g))
    }

    fn measures(&self) -> Result<Vec<Measure>, StoreError> {
        let mut measures = Vec::new();
        self.for_each_measure(&mut |m| measures.push(m))?;
        Ok(measures)
    }

    fn for_each_measure(&self, visit: &mut dyn FnMut(Measure)) -> Result<(), StoreError> {
        let mut after = MeasureId(0);
        loop {
            let page = self.measures_after(after, PAGE)?;
            let full = page.len() >= PAGE;
            for measure in page {
                after = measure.id;
                visit(measure);
            }
            if !full {
                return Ok(());
            }
        }
    }

    fn measures_by_id(&self, ids: &[MeasureId]) -> Result<Vec<Measure>, StoreError> {
        let mut found = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(PAGE) {
            let request = Request::MeasuresById(chunk.to_vec());
            found.extend(ask!(self, request, Reply::Measures(page) => page)?);
        }
        Ok(found)
    }

    fn measures_after(&self, after: MeasureId, limit: usize) -> Result<Vec<Measure>, StoreError> {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        ask!(self, Request::MeasuresAfter { after, limit }, Reply::Measures(page) => page)
    }

    fn measure_ids(&self) -> Result<Vec<MeasureId>, StoreError> {
        ask!(self, Request::MeasureIds, Reply::MeasureIds(ids) => ids)
    }

    fn next_ids(&self) -> Result<(GoalId, MeasureId), StoreError> {
        ask!(self, Request::NextIds, Reply::NextIds(goal, measure) => (goal, measure))
    }

    fn can_undo(&self, _actor: &str) -> Result<bool, StoreError> {
        ask!(self, Request::CanUndo, Reply::Flag(flag) => flag)
    }

    fn can_redo(&self, _actor: &str) -> Result<bool, StoreError> {
        ask!(self, Request::CanRedo, Reply::Flag(flag) => flag)
    }

    fn links_of_measure(&self, id: MeasureId) -> Result<Vec<Link>, StoreError> {
        ask!(self, Request::LinksOfMeasure(id), Reply::Links(links) => links)
    }

    fn links_of_goal(&self, id: GoalId) -> Result<Vec<Link>, StoreError> {
        ask!(self, Request::LinksOfGoal(id), Reply::Links(links) => links)
    }

    fn links(&self) -> Result<Vec<Link>, StoreError> {
        ask!(self, Request::Links, Reply::Links(links) => links)
    }

    fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        ask!(self, Request::History { limit }, Reply::History(entries) => entries)
    }

    fn history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError> {
        ask!(self, Request::HistoryEntry(seq), Reply::HistoryEntry(entry) => entry.map(|e| *e))
    }

    fn money(&self, query: &MoneyQuery) -> Result<MoneyAnswer, StoreError> {
        ask!(self, Request::Money(query.clone()), Reply::Money(answer) => answer)
    }

    fn check(&self) -> Vec<Inconsistency> {
        match self.call(Request::Check) {
            Ok(Reply::Check(problems)) => {
                problems.into_iter().map(Inconsistency::Reported).collect()
            }
            Ok(other) => vec![Inconsistency::Reported(unexpected(&other).to_string())],
            Err(error) => vec![Inconsistency::Reported(error.to_string())],
        }
    }
}
