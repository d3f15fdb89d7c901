//! The rules the records of money over time keep (issue 14): keys match the records, plans and
//! payments belong to measures that exist, the index of payments by measure agrees with the
//! payments, and the payment counter is ahead.

use std::collections::HashSet;

use super::read::decode_all;
use super::rules::Ids;
use super::{Inconsistency, Progress};
use crate::model::{MeasureId, Payment, Plan, Pot};
use crate::ops::Record;
use crate::store::keys::{self, TreeName, describe_key, meta};
use crate::store::money::{PAYMENT_FORMAT, PAYMENT_INDEX_FORMAT, PLAN_FORMAT, POT_FORMAT};
use crate::store::records;
use crate::store::staging::Trees;

fn wrong_key(tree: TreeName, key: &[u8], holds: String) -> Inconsistency {
    Inconsistency::Corrupt {
        tree: tree.name(),
        key: describe_key(tree, key),
        reason: format!("record holds {holds}"),
    }
}

/// Reads the money trees and checks their rules.
pub(super) fn check(
    trees: &Trees,
    limit: u64,
    progress: &Progress,
    ids: &Ids,
    problems: &mut Vec<Inconsistency>,
) {
    use TreeName::*;
    let p = problems;
    let pots: Vec<(Vec<u8>, (u64, Pot))> = decode_all(trees, Pots, POT_FORMAT, limit, progress, p);
    for (key, (_, pot)) in &pots {
        if keys::pot_of_key(key) != Some((pot.fund, pot.year)) {
            p.push(wrong_key(
                Pots,
                key,
                format!("{} {}", pot.fund.name(), pot.year),
            ));
        }
    }
    let plans: Vec<(Vec<u8>, (u64, Plan))> =
        decode_all(trees, Plans, PLAN_FORMAT, limit, progress, p);
    for (key, _) in &plans {
        let measure = MeasureId(keys::id_at(key, 0).unwrap_or(0));
        if !ids.has_measure(measure.0) {
            p.push(Inconsistency::OfMissingMeasure {
                record: Record::Plan(measure),
                measure: measure.0,
            });
        }
    }
    let payments: Vec<(Vec<u8>, (u64, Payment))> =
        decode_all(trees, Payments, PAYMENT_FORMAT, limit, progress, p);
    let index: Vec<(Vec<u8>, ())> = decode_all(
        trees,
        PaymentsByMeasure,
        PAYMENT_INDEX_FORMAT,
        limit,
        progress,
        p,
    );
    let indexed: HashSet<(u64, u64)> = (index.iter())
        .filter_map(|(k, _)| Some((keys::id_at(k, 0)?, keys::id_at(k, 8)?)))
        .collect();
    let mut stored = HashSet::new();
    for (key, (_, payment)) in &payments {
        if keys::id_at(key, 0) != Some(payment.id.0) {
            p.push(wrong_key(Payments, key, payment.id.to_string()));
        }
        let record = Record::Payment(payment.id);
        if !ids.has_measure(payment.measure.0) {
            p.push(Inconsistency::OfMissingMeasure {
                record,
                measure: payment.measure.0,
            });
        }
        stored.insert((payment.measure.0, payment.id.0));
    }
    let mut mismatched: Vec<&(u64, u64)> = indexed.symmetric_difference(&stored).collect();
    mismatched.sort();
    for &(measure, payment) in mismatched {
        p.push(Inconsistency::PaymentIndexMismatch { measure, payment });
    }
    let max = payments.iter().map(|(_, (_, p))| p.id.0).max();
    let next = records::meta_u64(trees, meta::NEXT_PAYMENT_ID);
    if max.is_some_and(|max| !next.is_ok_and(|next| next > max)) {
        p.push(Inconsistency::CounterBehind {
            counter: "next_payment_id",
        });
    }
}
