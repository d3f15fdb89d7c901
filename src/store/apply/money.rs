//! Money ops (issue 14): pots, plans and payments, each written with the revision after the
//! committed one, like goals and measures; and what deleting a measure does to its plan and
//! payments.

use super::{Planned, id_for, measure_exists};
use crate::model::{Fund, MeasureId, Payment, PaymentId, Plan, Pot};
use crate::ops::{Change, Op, Record};
use crate::store::error::StoreError;
use crate::store::keys::{self, TreeName, meta};
use crate::store::money::{self as records, encode_payment, encode_plan, encode_pot};
use crate::store::staging::Staging;

pub(super) fn set_pot(st: &mut Staging, pot: Pot) -> Result<Planned, StoreError> {
    pot.validate().map_err(StoreError::Invalid)?;
    let (fund, year) = (pot.fund, pot.year);
    let old = records::pot(st, fund, year)?;
    let revision = records::pot(st.live(), fund, year)?.map_or(0, |r| r.0);
    st.insert(
        TreeName::Pots,
        &keys::pot_key(fund, year),
        encode_pot(revision + 1, &pot),
    );
    Ok(Planned {
        inverse: match old {
            Some((_, old)) => Op::SetPot { pot: old },
            None => Op::RemovePot { fund, year },
        },
        op: Op::SetPot { pot },
        changes: vec![Change::PotSet { fund, year }],
    })
}

pub(super) fn remove_pot(st: &mut Staging, fund: Fund, year: i32) -> Result<Planned, StoreError> {
    let (_, old) =
        records::pot(st, fund, year)?.ok_or(StoreError::NotFound(Record::Pot { fund, year }))?;
    st.remove(TreeName::Pots, &keys::pot_key(fund, year));
    Ok(Planned {
        op: Op::RemovePot { fund, year },
        inverse: Op::SetPot { pot: old },
        changes: vec![Change::PotRemoved { fund, year }],
    })
}

pub(super) fn set_plan(
    st: &mut Staging,
    measure: MeasureId,
    plan: Plan,
) -> Result<Planned, StoreError> {
    measure_exists(st, measure)?;
    plan.validate().map_err(StoreError::Invalid)?;
    let old = records::plan(st, measure)?
        .map(|(_, p)| p)
        .unwrap_or_default();
    stage_plan(st, measure, &plan)?;
    Ok(Planned {
        op: Op::SetPlan { measure, plan },
        inverse: Op::SetPlan { measure, plan: old },
        changes: vec![Change::PlanSet(measure)],
    })
}

/// Writes a plan (an empty one: removes it).
fn stage_plan(st: &mut Staging, measure: MeasureId, plan: &Plan) -> Result<(), StoreError> {
    let key = keys::measure_key(measure);
    if plan.0.is_empty() {
        st.remove(TreeName::Plans, &key);
        return Ok(());
    }
    let revision = records::plan(st.live(), measure)?.map_or(0, |r| r.0);
    st.insert(TreeName::Plans, &key, encode_plan(revision + 1, plan));
    Ok(())
}

/// Writes a payment and its entry in the index of its measure.
fn stage_payment(st: &mut Staging, payment: &Payment) -> Result<(), StoreError> {
    let id = payment.id;
    let revision = records::payment(st.live(), id)?.map_or(0, |r| r.0);
    st.insert(
        TreeName::Payments,
        &keys::payment_key(id),
        encode_payment(revision + 1, payment),
    );
    st.insert(
        TreeName::PaymentsByMeasure,
        &keys::payment_by_measure_key(payment.measure, id),
        records::encode_payment_index(),
    );
    Ok(())
}

fn unstage_payment(st: &mut Staging, payment: &Payment) {
    st.remove(TreeName::Payments, &keys::payment_key(payment.id));
    st.remove(
        TreeName::PaymentsByMeasure,
        &keys::payment_by_measure_key(payment.measure, payment.id),
    );
}

pub(super) fn add_payment(st: &mut Staging, mut payment: Payment) -> Result<Planned, StoreError> {
    payment.validate().map_err(StoreError::Invalid)?;
    measure_exists(st, payment.measure)?;
    if payment.id.0 != 0 && records::payment(st, payment.id)?.is_some() {
        return Err(StoreError::Exists(Record::Payment(payment.id)));
    }
    payment.id = PaymentId(id_for(st, payment.id.0, meta::NEXT_PAYMENT_ID)?);
    stage_payment(st, &payment)?;
    let (measure, id) = (payment.measure, payment.id);
    Ok(Planned {
        op: Op::AddPayment { payment },
        inverse: Op::RemovePayment { measure, id },
        changes: vec![Change::PaymentAdded { measure, id }],
    })
}

pub(super) fn update_payment(st: &mut Staging, payment: Payment) -> Result<Planned, StoreError> {
    let (_, old) = records::payment(st, payment.id)?
        .ok_or(StoreError::NotFound(Record::Payment(payment.id)))?;
    payment.validate().map_err(StoreError::Invalid)?;
    measure_exists(st, payment.measure)?;
    unstage_payment(st, &old);
    stage_payment(st, &payment)?;
    let (measure, id) = (payment.measure, payment.id);
    Ok(Planned {
        op: Op::UpdatePayment { payment },
        inverse: Op::UpdatePayment { payment: old },
        changes: vec![Change::PaymentUpdated { measure, id }],
    })
}

pub(super) fn remove_payment(
    st: &mut Staging,
    measure: MeasureId,
    id: PaymentId,
) -> Result<Planned, StoreError> {
    let old = records::payment(st, id)?
        .map(|(_, p)| p)
        .filter(|p| p.measure == measure)
        .ok_or(StoreError::NotFound(Record::Payment(id)))?;
    unstage_payment(st, &old);
    Ok(Planned {
        op: Op::RemovePayment { measure, id },
        inverse: Op::AddPayment { payment: old },
        changes: vec![Change::PaymentRemoved { measure, id }],
    })
}

/// Removes a measure's plan and payments (it is being deleted): the ops that put them back,
/// and the changes.
pub(super) fn drop_of_measure(
    st: &mut Staging,
    measure: MeasureId,
) -> Result<(Vec<Op>, Vec<Change>), StoreError> {
    let mut restore = Vec::new();
    let mut changes = Vec::new();
    if let Some((_, plan)) = records::plan(st, measure)? {
        stage_plan(st, measure, &Plan::default())?;
        restore.push(Op::SetPlan { measure, plan });
        changes.push(Change::PlanSet(measure));
    }
    for (_, payment) in records::payments_of(st, measure)? {
        unstage_payment(st, &payment);
        changes.push(Change::PaymentRemoved {
            measure,
            id: payment.id,
        });
        restore.push(Op::AddPayment { payment });
    }
    Ok((restore, changes))
}
