//! Pots, plans and payments of an import (JSON `quartier/2`, issue 14): the ops that make the
//! database hold what the file holds. What the file does not name stays; a payment without an
//! id is added; plans and payments of a measure neither in the database nor added by the
//! file are problems naming their line.

use std::collections::HashSet;

use super::Planner;
use crate::exchange::{ImportProblem, Incoming};
use crate::i18n::{Text, fill};
use crate::model::MeasureId;
use crate::ops::Op;

impl Planner<'_> {
    /// The money ops of `incoming`, after every measure op (they name the measures).
    pub(super) fn plan_money(&mut self, incoming: &Incoming) -> Vec<Op> {
        let known: HashSet<MeasureId> = (self.snapshot.measures.iter())
            .map(|m| m.id)
            .chain(self.plan.added.iter().copied())
            .collect();
        let mut ops = Vec::new();
        let money = &incoming.money;
        for (_, pot) in &money.pots {
            if !self.snapshot.pots.contains(pot) {
                ops.push(Op::SetPot { pot: pot.clone() });
            }
        }
        for (line, measure, plan) in &money.plans {
            if !known.contains(measure) {
                self.missing_measure("plans", *line, *measure);
                continue;
            }
            let stored = self.snapshot.plans.iter().find(|(m, _)| m == measure);
            if stored.map(|(_, p)| p) != Some(plan) {
                ops.push(Op::SetPlan {
                    measure: *measure,
                    plan: plan.clone(),
                });
            }
        }
        for (line, payment) in &money.payments {
            if !known.contains(&payment.measure) {
                self.missing_measure("payments", *line, payment.measure);
                continue;
            }
            let stored = (self.snapshot.payments.iter()).find(|p| p.id == payment.id);
            match stored {
                Some(stored) if stored == payment => {}
                Some(_) => ops.push(Op::UpdatePayment {
                    payment: payment.clone(),
                }),
                None => ops.push(Op::AddPayment {
                    payment: payment.clone(),
                }),
            }
        }
        ops
    }

    /// A record of `list` naming a measure neither in the database nor in the file.
    pub(super) fn missing_measure(&mut self, list: &str, line: usize, measure: MeasureId) {
        let reason = fill(self.lang.t(Text::ErrMeasureNotFound), &[("id", &measure)]);
        let field = self.lang.t(Text::ColMeasure);
        let file = self.file_of(list);
        (self.problems).push(ImportProblem::new(&file, line, field, reason));
    }

    /// The file (or sheet) `list`'s records came from.
    pub(super) fn file_of(&self, list: &str) -> String {
        (self.record_files.get(list).cloned()).unwrap_or_else(|| self.file.to_string())
    }
}
