//! The records of money over time (schema 4, issue 14): pots, plans and payments, each stored
//! with its revision like goals and measures, and the one query a [`Repository`] answers about
//! them ([`MoneyQuery`]), so the server's client forwards it as one request kind.
//!
//! [`Repository`]: super::Repository

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::keys::{self, TreeName};
use super::records::{Reader, Revision, decode_all, decode_at, decode_page};
use super::{Store, codec};
use crate::model::{Fund, MeasureId, Payment, PaymentId, Plan, Pot};

/// Format version of pot records: `(revision, Pot)`.
pub const POT_FORMAT: u8 = 1;
/// Format version of plan records: `(revision, Plan)`.
pub const PLAN_FORMAT: u8 = 1;
/// Format version of payment records: `(revision, Payment)`.
pub const PAYMENT_FORMAT: u8 = 1;
/// Format version of the (empty) values of [`TreeName::PaymentsByMeasure`].
pub const PAYMENT_INDEX_FORMAT: u8 = 1;

/// A question about pots, plans or payments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoneyQuery {
    /// Every pot, by fund and year.
    Pots,
    /// One pot with its revision.
    Pot { fund: Fund, year: i32 },
    /// One measure's plan with its revision.
    Plan(MeasureId),
    /// Every measure's plan, by measure id.
    Plans,
    /// One measure's payments with their revisions, by date and id.
    PaymentsOf(MeasureId),
    /// One payment with its revision.
    Payment(PaymentId),
    /// Every payment, by id.
    Payments,
    /// One measure's plan and payments in one answer (the TUI's detail pane).
    OfMeasure(MeasureId),
    /// Up to `limit` payments with ids above `after`, by id: every payment a page at a time
    /// (the TUI's report preparation in idle time).
    PaymentsAfter { after: PaymentId, limit: u32 },
    /// Up to `limit` plans of measures with ids above `after`, by measure id.
    PlansAfter { after: MeasureId, limit: u32 },
}

/// The answer to a [`MoneyQuery`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoneyAnswer {
    Pots(Vec<Pot>),
    Pot(Option<(Revision, Pot)>),
    Plan(Option<(Revision, Plan)>),
    Plans(Vec<(MeasureId, Plan)>),
    Payments(Vec<(Revision, Payment)>),
    Payment(Option<(Revision, Payment)>),
    OfMeasure(MeasureMoney),
}

/// A measure's plan and payments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureMoney {
    pub plan: Option<(Revision, Plan)>,
    /// By date, then id.
    pub payments: Vec<(Revision, Payment)>,
}

impl MoneyAnswer {
    /// The server's answer to another question than asked.
    pub fn unexpected(&self) -> StoreError {
        StoreError::Server(format!("unexpected answer {self:?}"))
    }
}

pub fn encode_pot(revision: Revision, pot: &Pot) -> Vec<u8> {
    codec::encode(POT_FORMAT, &(revision, pot))
}

pub fn encode_plan(revision: Revision, plan: &Plan) -> Vec<u8> {
    codec::encode(PLAN_FORMAT, &(revision, plan))
}

pub fn encode_payment(revision: Revision, payment: &Payment) -> Vec<u8> {
    codec::encode(PAYMENT_FORMAT, &(revision, payment))
}

pub fn encode_payment_index() -> Vec<u8> {
    codec::encode(PAYMENT_INDEX_FORMAT, &())
}

fn read<T: serde::de::DeserializeOwned>(
    r: &impl Reader,
    tree: TreeName,
    key: &[u8],
    format: u8,
) -> Result<Option<(Revision, T)>, StoreError> {
    r.get(tree, key)?
        .map(|bytes| decode_at(tree, key, &bytes, format))
        .transpose()
}

/// A pot with its revision.
pub fn pot(r: &impl Reader, fund: Fund, year: i32) -> Result<Option<(Revision, Pot)>, StoreError> {
    read(r, TreeName::Pots, &keys::pot_key(fund, year), POT_FORMAT)
}

/// Every pot, by fund (in [`Fund::ALL`] order) and year.
pub fn pots(r: &impl Reader) -> Result<Vec<Pot>, StoreError> {
    let pots: Vec<(u64, Pot)> = decode_all(r, TreeName::Pots, POT_FORMAT)?;
    Ok(pots.into_iter().map(|(_, pot)| pot).collect())
}

/// A measure's plan with its revision.
pub fn plan(r: &impl Reader, measure: MeasureId) -> Result<Option<(Revision, Plan)>, StoreError> {
    read(r, TreeName::Plans, &keys::measure_key(measure), PLAN_FORMAT)
}

/// Up to `limit` plans of measures with ids above `after`, by measure id.
fn plans_after(
    r: &impl Reader,
    after: MeasureId,
    limit: usize,
) -> Result<Vec<(MeasureId, Plan)>, StoreError> {
    let tree = TreeName::Plans;
    let mut plans = Vec::new();
    for (key, value) in r.page(tree, &keys::measure_key(after), limit)? {
        let (_, plan): (u64, Plan) = decode_at(tree, &key, &value, PLAN_FORMAT)?;
        plans.push((MeasureId(keys::id_at(&key, 0).unwrap_or(0)), plan));
    }
    Ok(plans)
}

/// Every plan, by measure id.
pub fn plans(r: &impl Reader) -> Result<Vec<(MeasureId, Plan)>, StoreError> {
    let tree = TreeName::Plans;
    let mut plans = Vec::new();
    r.visit(tree, &[], &mut |key, value| {
        let (_, plan): (u64, Plan) = decode_at(tree, key, value, PLAN_FORMAT)?;
        plans.push((MeasureId(keys::id_at(key, 0).unwrap_or(0)), plan));
        Ok(())
    })?;
    Ok(plans)
}

/// A payment with its revision.
pub fn payment(r: &impl Reader, id: PaymentId) -> Result<Option<(Revision, Payment)>, StoreError> {
    read(
        r,
        TreeName::Payments,
        &keys::payment_key(id),
        PAYMENT_FORMAT,
    )
}

/// The payments of a measure with their revisions, by date, then id.
pub fn payments_of(
    r: &impl Reader,
    measure: MeasureId,
) -> Result<Vec<(Revision, Payment)>, StoreError> {
    let mut found = Vec::new();
    for (key, _) in r.scan(TreeName::PaymentsByMeasure, &keys::measure_key(measure))? {
        let id = PaymentId(keys::id_at(&key, 8).unwrap_or(0));
        found.extend(payment(r, id)?);
    }
    found.sort_by_key(|(_, p)| (p.date, p.id));
    Ok(found)
}

/// Every payment with its revision, by id.
pub fn payments(r: &impl Reader) -> Result<Vec<(Revision, Payment)>, StoreError> {
    decode_all(r, TreeName::Payments, PAYMENT_FORMAT)
}

/// Answers `query` from `r`.
pub fn answer(r: &impl Reader, query: &MoneyQuery) -> Result<MoneyAnswer, StoreError> {
    Ok(match query {
        MoneyQuery::Pots => MoneyAnswer::Pots(pots(r)?),
        MoneyQuery::Pot { fund, year } => MoneyAnswer::Pot(pot(r, *fund, *year)?),
        MoneyQuery::Plan(id) => MoneyAnswer::Plan(plan(r, *id)?),
        MoneyQuery::Plans => MoneyAnswer::Plans(plans(r)?),
        MoneyQuery::PaymentsOf(id) => MoneyAnswer::Payments(payments_of(r, *id)?),
        MoneyQuery::Payment(id) => MoneyAnswer::Payment(payment(r, *id)?),
        MoneyQuery::Payments => MoneyAnswer::Payments(payments(r)?),
        MoneyQuery::PlansAfter { after, limit } => {
            MoneyAnswer::Plans(plans_after(r, *after, *limit as usize)?)
        }
        MoneyQuery::PaymentsAfter { after, limit } => {
            let after = keys::payment_key(*after);
            let page = decode_page(
                r,
                TreeName::Payments,
                PAYMENT_FORMAT,
                &after,
                *limit as usize,
            );
            MoneyAnswer::Payments(page?)
        }
        MoneyQuery::OfMeasure(id) => MoneyAnswer::OfMeasure(MeasureMoney {
            plan: plan(r, *id)?,
            payments: payments_of(r, *id)?,
        }),
    })
}

impl Store {
    /// Answers a question about pots, plans or payments.
    pub fn money(&self, query: &MoneyQuery) -> Result<MoneyAnswer, StoreError> {
        answer(&self.trees, query)
    }
}
