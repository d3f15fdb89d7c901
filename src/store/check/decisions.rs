//! The rules the records of decisions and deadlines keep (issue 15): keys match the records,
//! decisions, steps and deadlines belong to measures (and decisions to sessions) that exist,
//! both decision indexes agree with the decisions, and the counters are ahead.

use std::collections::HashSet;

use super::read::decode_all;
use super::rules::Ids;
use super::{Inconsistency, Progress};
use crate::model::{Deadline, Decision, Session, Step};
use crate::ops::Record;
use crate::store::decisions::{
    DEADLINE_FORMAT, DECISION_FORMAT, DECISION_INDEX_FORMAT, SESSION_FORMAT, STEP_FORMAT,
};
use crate::store::keys::{self, TreeName, describe_key};
use crate::store::records;
use crate::store::staging::Trees;

fn wrong_key(tree: TreeName, key: &[u8], holds: String) -> Inconsistency {
    Inconsistency::Corrupt {
        tree: tree.name(),
        key: describe_key(tree, key),
        reason: format!("record holds {holds}"),
    }
}

/// Pairs `(owner, decision)` an index holds.
fn index(
    trees: &Trees,
    tree: TreeName,
    limit: u64,
    progress: &Progress,
    p: &mut Vec<Inconsistency>,
) -> HashSet<(u64, u64)> {
    let entries: Vec<(Vec<u8>, ())> =
        decode_all(trees, tree, DECISION_INDEX_FORMAT, limit, progress, p);
    (entries.iter())
        .filter_map(|(k, _)| Some((keys::id_at(k, 0)?, keys::id_at(k, 8)?)))
        .collect()
}

fn counter_ahead(trees: &Trees, max: Option<u64>, name: &'static str, p: &mut Vec<Inconsistency>) {
    let counter = name.as_bytes();
    let next = records::meta_u64(trees, counter);
    if max.is_some_and(|max| !next.is_ok_and(|next| next > max)) {
        p.push(Inconsistency::CounterBehind { counter: name });
    }
}

/// Reads the trees of decisions and deadlines and checks their rules.
pub(super) fn check(
    trees: &Trees,
    limit: u64,
    progress: &Progress,
    ids: &Ids,
    p: &mut Vec<Inconsistency>,
) {
    use TreeName::*;
    let sessions: Vec<(Vec<u8>, (u64, Session))> =
        decode_all(trees, Sessions, SESSION_FORMAT, limit, progress, p);
    let mut session_ids = HashSet::new();
    for (key, (_, session)) in &sessions {
        if keys::id_at(key, 0) != Some(session.id.0) {
            p.push(wrong_key(Sessions, key, session.id.to_string()));
        }
        session_ids.insert(session.id.0);
    }
    let decisions: Vec<(Vec<u8>, (u64, Decision))> =
        decode_all(trees, Decisions, DECISION_FORMAT, limit, progress, p);
    let by_measure = index(trees, DecisionsByMeasure, limit, progress, p);
    let by_session = index(trees, DecisionsBySession, limit, progress, p);
    let (mut stored_m, mut stored_s) = (HashSet::new(), HashSet::new());
    for (key, (_, decision)) in &decisions {
        let id = decision.id;
        if keys::id_at(key, 0) != Some(id.0) {
            p.push(wrong_key(Decisions, key, id.to_string()));
        }
        if !ids.has_measure(decision.measure.0) {
            p.push(Inconsistency::OfMissingMeasure {
                record: Record::Decision(id),
                measure: decision.measure.0,
            });
        }
        if !session_ids.contains(&decision.session.0) {
            p.push(Inconsistency::DecisionOfMissingSession {
                decision: id.0,
                session: decision.session.0,
            });
        }
        stored_m.insert((decision.measure.0, id.0));
        stored_s.insert((decision.session.0, id.0));
    }
    let mut mismatched: Vec<u64> = (by_measure.symmetric_difference(&stored_m))
        .chain(by_session.symmetric_difference(&stored_s))
        .map(|(_, decision)| *decision)
        .collect();
    mismatched.sort();
    mismatched.dedup();
    for decision in mismatched {
        p.push(Inconsistency::DecisionIndexMismatch { decision });
    }
    let steps: Vec<(Vec<u8>, Step)> = decode_all(trees, Steps, STEP_FORMAT, limit, progress, p);
    for (key, step) in &steps {
        if keys::id_at(key, 0) != Some(step.measure.0) || keys::id_at(key, 8) != Some(step.id.0) {
            p.push(wrong_key(Steps, key, step.id.to_string()));
        }
        if !ids.has_measure(step.measure.0) {
            p.push(Inconsistency::OfMissingMeasure {
                record: Record::Step(step.id),
                measure: step.measure.0,
            });
        }
    }
    let deadlines: Vec<(Vec<u8>, (u64, Deadline))> =
        decode_all(trees, Deadlines, DEADLINE_FORMAT, limit, progress, p);
    for (key, (_, deadline)) in &deadlines {
        if keys::id_at(key, 0) != Some(deadline.id.0) {
            p.push(wrong_key(Deadlines, key, deadline.id.to_string()));
        }
        if let Some(measure) = deadline.measure.filter(|m| !ids.has_measure(m.0)) {
            p.push(Inconsistency::OfMissingMeasure {
                record: Record::Deadline(deadline.id),
                measure: measure.0,
            });
        }
    }
    let max_of = |ids: Vec<u64>| ids.into_iter().max();
    let sessions_max = max_of(sessions.iter().map(|(_, (_, s))| s.id.0).collect());
    counter_ahead(trees, sessions_max, "next_session_id", p);
    let decisions_max = max_of(decisions.iter().map(|(_, (_, d))| d.id.0).collect());
    counter_ahead(trees, decisions_max, "next_decision_id", p);
    let steps_max = max_of(steps.iter().map(|(_, s)| s.id.0).collect());
    counter_ahead(trees, steps_max, "next_step_id", p);
    let deadlines_max = max_of(deadlines.iter().map(|(_, (_, d))| d.id.0).collect());
    counter_ahead(trees, deadlines_max, "next_deadline_id", p);
}
