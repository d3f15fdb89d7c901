//! Sessions, decisions, steps and deadlines of an import (JSON `quartier/3`, issue 15): the ops
//! that make the database hold what the file holds. Records are matched by id; one without an
//! id (sessions, decisions, deadlines) is added. What the file does not name stays. A decision
//! of a session or measure neither in the database nor added by the file, a step or deadline of
//! an unknown measure, or an id twice in one list is a problem naming its line.

use std::collections::{HashMap, HashSet};

use super::Planner;
use crate::exchange::{ImportProblem, Incoming};
use crate::i18n::{Text, fill};
use crate::model::{MeasureId, SessionId, Step};
use crate::ops::Op;

/// The ops of issue 15's records: `steps` go before the measures' updates (a measure's new
/// status records a step with the next free id, which must not be one of the file's),
/// `others` after every measure op.
#[derive(Default)]
pub(super) struct CourseOps {
    pub steps: Vec<Op>,
    pub others: Vec<Op>,
}

impl CourseOps {
    pub(super) fn len(&self) -> usize {
        self.steps.len() + self.others.len()
    }
}

impl Planner<'_> {
    pub(super) fn plan_course(&mut self, incoming: &Incoming) -> CourseOps {
        let known: HashSet<MeasureId> = (self.snapshot.measures.iter())
            .map(|m| m.id)
            .chain(self.plan.added.iter().copied())
            .collect();
        let course = &incoming.course;
        let mut ops = CourseOps::default();
        let mut sessions: HashSet<SessionId> =
            self.snapshot.sessions.iter().map(|s| s.id).collect();
        let mut seen = HashMap::new();
        for (line, session) in &course.sessions {
            if session.id.0 != 0 && !self.first("sessions", &mut seen, session.id.0, *line) {
                continue;
            }
            sessions.insert(session.id);
            let stored = self.snapshot.sessions.iter().find(|s| s.id == session.id);
            let mut session = session.clone();
            if let Some(stored) = stored.filter(|_| course.keep_session_notes) {
                session.note = stored.note.clone();
            }
            match stored {
                Some(stored) if *stored == session => {}
                Some(_) => ops.others.push(Op::UpdateSession { session }),
                None => ops.others.push(Op::AddSession { session }),
            }
        }
        let mut seen = HashMap::new();
        for (line, decision) in &course.decisions {
            let mut fine =
                decision.id.0 == 0 || self.first("decisions", &mut seen, decision.id.0, *line);
            if !sessions.contains(&decision.session) || decision.session.0 == 0 {
                let reason = fill(
                    self.lang.t(Text::ErrRecordNotFound),
                    &[("record", &decision.session)],
                );
                self.named("decisions", *line, Text::ColSession, reason);
                fine = false;
            }
            if !known.contains(&decision.measure) {
                self.missing_measure("decisions", *line, decision.measure);
                fine = false;
            }
            if !fine {
                continue;
            }
            let stored = (self.snapshot.decisions.iter()).find(|d| d.id == decision.id);
            let decision = decision.clone();
            match stored {
                Some(stored) if *stored == decision => {}
                Some(_) => ops.others.push(Op::UpdateDecision { decision }),
                None => ops.others.push(Op::AddDecision { decision }),
            }
        }
        ops.steps = self.plan_steps(&course.steps, &known);
        let mut seen = HashMap::new();
        for (line, deadline) in &course.deadlines {
            let mut fine =
                deadline.id.0 == 0 || self.first("deadlines", &mut seen, deadline.id.0, *line);
            if let Some(measure) = deadline.measure.filter(|m| !known.contains(m)) {
                self.missing_measure("deadlines", *line, measure);
                fine = false;
            }
            if !fine {
                continue;
            }
            let stored = (self.snapshot.deadlines.iter()).find(|d| d.id == deadline.id);
            let deadline = deadline.clone();
            match stored {
                Some(stored) if *stored == deadline => {}
                Some(_) => ops.others.push(Op::UpdateDeadline { deadline }),
                None => ops.others.push(Op::AddDeadline { deadline }),
            }
        }
        ops
    }

    /// Steps are history: new ones are put back as they are; one whose id the database holds
    /// with other content replaces it. The measure's status is left to the measure's fields.
    fn plan_steps(&mut self, steps: &[(usize, Step)], known: &HashSet<MeasureId>) -> Vec<Op> {
        let mut seen = HashMap::new();
        let (mut forget, mut restore) = (Vec::new(), Vec::new());
        for (line, step) in steps {
            let first = self.first("steps", &mut seen, step.id.0, *line);
            if !known.contains(&step.measure) {
                self.missing_measure("steps", *line, step.measure);
                continue;
            }
            if !first {
                continue;
            }
            match self.snapshot.steps.iter().find(|s| s.id == step.id) {
                Some(stored) if stored == step => {}
                Some(stored) => {
                    forget.push(stored.clone());
                    restore.push(step.clone());
                }
                None => restore.push(step.clone()),
            }
        }
        let mut ops = Vec::new();
        if !forget.is_empty() {
            ops.push(Op::ForgetSteps { steps: forget });
        }
        if !restore.is_empty() {
            ops.push(Op::RestoreSteps { steps: restore });
        }
        ops
    }

    /// True the first time `id` comes in a list; else a problem naming the earlier line.
    fn first(&mut self, list: &str, seen: &mut HashMap<u64, usize>, id: u64, line: usize) -> bool {
        match seen.get(&id) {
            None => {
                seen.insert(id, line);
                true
            }
            Some(earlier) => {
                let reason = fill(self.lang.t(Text::ImportDuplicateId), &[("line", earlier)]);
                self.named(list, line, Text::FieldId, reason);
                false
            }
        }
    }

    fn named(&mut self, list: &str, line: usize, field: Text, reason: String) {
        let field = self.lang.t(field);
        let file = self.file_of(list);
        (self.problems).push(ImportProblem::new(&file, line, field, reason));
    }
}
