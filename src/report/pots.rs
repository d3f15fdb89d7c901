//! Money over time (issue 14), pure: per fund and year the pot, the approved instalments
//! planned in it, what was paid and what is free; and what needs attention (pots over budget,
//! plans that do not add up). `quartier pot list`, `quartier report` and the TUI show it.
//!
//! Counting rules: a measure's money falls into years by its plan, else wholly into its start
//! year ([`instalments`]); payments count in the year of their date, under their measure's
//! fund, Rückforderungen negative ([`PaymentKind::signed`]); measures without a fund have no
//! pot and are left out.
//!
//! [`PaymentKind::signed`]: crate::model::PaymentKind::signed

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;

use super::MeasureRef;
use crate::model::{
    Cents, Fund, Measure, MeasureId, Payment, Plan, Pot, instalments, plan_warning,
};

/// The pots, plans and payments the money figures are computed from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Money {
    pub pots: Vec<Pot>,
    pub plans: HashMap<MeasureId, Plan>,
    pub payments: Vec<Payment>,
}

impl Money {
    /// Reads every pot, plan and payment.
    pub fn read(repo: &dyn crate::store::Repository) -> Result<Money, crate::store::StoreError> {
        Ok(Money {
            pots: repo.pots()?,
            plans: repo.plans()?.into_iter().collect(),
            payments: repo.payments()?,
        })
    }
}

/// One fund's money of one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PotRow {
    pub fund: Fund,
    pub year: i32,
    /// The pot, if one is set.
    pub pot: Option<Cents>,
    pub note: String,
    /// Approved instalments of the year.
    pub planned: Cents,
    /// Paid in the year (less Rückforderungen).
    pub paid: Cents,
    /// Measures with an instalment in the year.
    pub measures: usize,
}

impl PotRow {
    /// Pot less planned; `None` without a pot.
    pub fn free(&self) -> Option<Cents> {
        self.pot
            .map(|pot| Cents(pot.0.saturating_sub(self.planned.0)))
    }

    /// Whether more is planned than the pot holds.
    pub fn over_budget(&self) -> bool {
        self.free().is_some_and(|free| free.0 < 0)
    }
}

/// A measure whose plan does not add up to its approved amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMismatch {
    pub measure: MeasureRef,
    pub planned: Cents,
    pub approved: Cents,
}

/// The money figures of a report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PotFigures {
    /// By fund (in [`Fund::ALL`] order), then year.
    pub rows: Vec<PotRow>,
    /// Measures whose plan does not add up, by id.
    pub plan_mismatches: Vec<PlanMismatch>,
}

impl PotFigures {
    /// Computes the figures; with `year`, only that year's rows (the attention list of plans
    /// keeps every measure with an instalment in that year).
    pub fn compute(
        measures: &[Measure],
        plans: &HashMap<MeasureId, Plan>,
        payments: &[Payment],
        pots: &[Pot],
        year: Option<i32>,
    ) -> PotFigures {
        let wanted = |y: i32| year.is_none_or(|w| w == y);
        let mut rows: BTreeMap<(usize, i32), PotRow> = BTreeMap::new();
        for pot in pots.iter().filter(|p| wanted(p.year)) {
            let r = row_at(&mut rows, pot.fund, pot.year);
            r.pot = Some(pot.amount);
            r.note = pot.note.clone();
        }
        let mut plan_mismatches = Vec::new();
        let mut fund_of = HashMap::with_capacity(measures.len());
        for measure in measures {
            fund_of.insert(measure.id, measure.fund);
            let plan = plans.get(&measure.id);
            let years = instalments(measure, plan);
            if let Some(plan) = plan
                && years.iter().any(|(y, _)| wanted(*y))
                && let Some(crate::model::MoneyWarning::PlanMismatch { planned, approved }) =
                    plan_warning(measure, plan)
            {
                plan_mismatches.push(PlanMismatch {
                    measure: MeasureRef::new(measure),
                    planned,
                    approved,
                });
            }
            let Some(fund) = measure.fund else { continue };
            for (y, amount) in years.into_iter().filter(|(y, _)| wanted(*y)) {
                let r = row_at(&mut rows, fund, y);
                r.planned = r.planned + amount;
                r.measures += 1;
            }
        }
        for payment in payments {
            let y = payment.date.year();
            if let (true, Some(Some(fund))) = (wanted(y), fund_of.get(&payment.measure)) {
                let r = row_at(&mut rows, *fund, y);
                r.paid = r.paid + payment.kind.signed(payment.amount);
            }
        }
        PotFigures {
            rows: rows.into_values().collect(),
            plan_mismatches,
        }
    }

    /// [`PotFigures::compute`] over [`Money`].
    pub fn of(measures: &[Measure], money: &Money, year: Option<i32>) -> PotFigures {
        PotFigures::compute(measures, &money.plans, &money.payments, &money.pots, year)
    }

    /// The rows whose pot is planned beyond its amount.
    pub fn over_budget(&self) -> impl Iterator<Item = &PotRow> {
        self.rows.iter().filter(|r| r.over_budget())
    }

    /// The row of a fund and year, if it has any money.
    pub fn row(&self, fund: Fund, year: i32) -> Option<&PotRow> {
        (self.rows.iter()).find(|r| r.fund == fund && r.year == year)
    }
}

/// The row of `fund` and `year`, added empty when missing.
fn row_at(rows: &mut BTreeMap<(usize, i32), PotRow>, fund: Fund, year: i32) -> &mut PotRow {
    let rank = Fund::ALL.iter().position(|f| *f == fund).unwrap_or(0);
    rows.entry((rank, year)).or_insert_with(|| PotRow {
        fund,
        year,
        pot: None,
        note: String::new(),
        planned: Cents(0),
        paid: Cents(0),
        measures: 0,
    })
}

#[cfg(test)]
mod tests;
