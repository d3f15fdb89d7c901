//! The rules on money over time (issue 14), as warnings (the office may have reasons): how a
//! measure's approved money falls into years, plans that do not add up, payments above the
//! approved amount, before the approval or outside the runtime, pots taken below zero.

use chrono::Datelike;

use super::fund::{Fund, Status};
use super::funding::{Payment, PaymentId, Plan};
use super::measure::Measure;
use super::money::Cents;

/// The money of `measure` per year: its plan's instalments when it has a plan, else its
/// approved amount in its start year (none without an approved amount or a start date).
pub fn instalments(measure: &Measure, plan: Option<&Plan>) -> Vec<(i32, Cents)> {
    match plan.filter(|p| !p.0.is_empty()) {
        Some(plan) => plan.0.iter().map(|(y, a)| (*y, *a)).collect(),
        None => match (measure.approved, measure.start) {
            (Some(approved), Some(start)) => vec![(start.year(), approved)],
            _ => Vec::new(),
        },
    }
}

/// What is paid on a measure: Mittelabrufe and Auszahlungen, less Rückforderungen.
pub fn paid<'p>(payments: impl IntoIterator<Item = &'p Payment>) -> Cents {
    payments.into_iter().map(|p| p.kind.signed(p.amount)).sum()
}

/// A rule on money over time that something breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyWarning {
    /// A plan whose instalments do not add up to the approved amount (`None`: no amount).
    PlanMismatch { planned: Cents, approved: Cents },
    /// More paid than approved.
    PaidAboveApproved { paid: Cents, approved: Cents },
    /// A payment while the measure is not (yet) approved: no approved amount, or the status
    /// is idee, beantragt or abgelehnt, or the payment is dated before the approval (the first
    /// status step to bewilligt, when the course has one).
    PaymentBeforeApproval(PaymentId),
    /// A payment dated before the measure's start or after its end.
    PaymentOutsideRuntime(PaymentId),
    /// A fund's pot of a year is planned beyond its amount: `free` is below zero.
    PotOverBudget {
        fund: Fund,
        year: i32,
        pot: Cents,
        planned: Cents,
    },
}

/// The plan's warning, if its instalments do not add up to the approved amount.
pub fn plan_warning(measure: &Measure, plan: &Plan) -> Option<MoneyWarning> {
    if plan.0.is_empty() {
        return None;
    }
    let approved = measure.approved.unwrap_or_default();
    let planned = plan.total();
    (planned != approved).then_some(MoneyWarning::PlanMismatch { planned, approved })
}

/// Whether a measure in `status` with `approved` counts as approved for its payments.
fn is_approved(status: Status, approved: Option<Cents>) -> bool {
    approved.is_some_and(|a| a.0 > 0)
        && !matches!(status, Status::Idee | Status::Beantragt | Status::Abgelehnt)
}

/// The day a measure was approved: the earliest of its status steps to bewilligt (issue 15's
/// course), `None` when none was recorded (e.g. approved before steps existed).
pub fn approved_on(steps: &[crate::model::Step]) -> Option<chrono::NaiveDate> {
    (steps.iter())
        .filter(|s| s.to == Status::Bewilligt)
        .map(|s| s.date)
        .min()
}

/// The warnings on a measure's payments: each payment before the approval or outside the
/// runtime, and the sum above the approved amount. A payment is before the approval while
/// the measure is not approved (see [`MoneyWarning::PaymentBeforeApproval`]) or when it is
/// dated before `approved_on` (see [`approved_on`]).
pub fn payment_warnings(
    measure: &Measure,
    payments: &[Payment],
    approved_on: Option<chrono::NaiveDate>,
) -> Vec<MoneyWarning> {
    let mut warnings = Vec::new();
    for payment in payments {
        let early = approved_on.is_some_and(|day| payment.date < day);
        if early || !is_approved(measure.status, measure.approved) {
            warnings.push(MoneyWarning::PaymentBeforeApproval(payment.id));
        }
        let early = measure.start.is_some_and(|start| payment.date < start);
        let late = measure.end.is_some_and(|end| payment.date > end);
        if early || late {
            warnings.push(MoneyWarning::PaymentOutsideRuntime(payment.id));
        }
    }
    let paid = paid(payments);
    let approved = measure.approved.unwrap_or_default();
    if !payments.is_empty() && paid > approved {
        warnings.push(MoneyWarning::PaidAboveApproved { paid, approved });
    }
    warnings
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{MeasureId, PaymentKind};

    fn measure() -> Measure {
        Measure {
            id: MeasureId(12),
            fund: Some(Fund::Projektfonds),
            approved: Some(Cents(8_000_000)),
            start: NaiveDate::from_ymd_opt(2026, 7, 1),
            end: NaiveDate::from_ymd_opt(2027, 6, 30),
            status: Status::Laufend,
            ..Measure::new("Kiezküche")
        }
    }

    fn payment(id: u64, date: (i32, u32, u32), euro: i64, kind: PaymentKind) -> Payment {
        Payment {
            id: PaymentId(id),
            measure: MeasureId(12),
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            amount: Cents(euro * 100),
            kind,
            reference: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn without_a_plan_the_approved_money_falls_into_the_start_year() {
        let m = measure();
        assert_eq!(instalments(&m, None), [(2026, Cents(8_000_000))]);
        assert_eq!(
            instalments(&m, Some(&Plan::default())),
            [(2026, Cents(8_000_000))]
        );
        let plan = Plan([(2026, Cents(4_000_000)), (2027, Cents(4_000_000))].into());
        assert_eq!(
            instalments(&m, Some(&plan)),
            [(2026, Cents(4_000_000)), (2027, Cents(4_000_000))]
        );
        assert_eq!(plan_warning(&m, &plan), None);
        let short = Plan([(2026, Cents(4_000_000))].into());
        assert_eq!(
            plan_warning(&m, &short),
            Some(MoneyWarning::PlanMismatch {
                planned: Cents(4_000_000),
                approved: Cents(8_000_000)
            })
        );
        assert!(instalments(&Measure::new("ohne Geld"), None).is_empty());
    }

    #[test]
    fn payments_are_summed_and_warned_about() {
        let mut m = measure();
        let payments = [
            payment(1, (2026, 7, 15), 50_000, PaymentKind::Auszahlung),
            payment(2, (2027, 8, 1), 40_000, PaymentKind::Mittelabruf),
            payment(3, (2027, 1, 1), 5_000, PaymentKind::Rueckforderung),
        ];
        assert_eq!(paid(&payments), Cents(8_500_000));
        assert_eq!(
            payment_warnings(&m, &payments, None),
            [
                MoneyWarning::PaymentOutsideRuntime(PaymentId(2)),
                MoneyWarning::PaidAboveApproved {
                    paid: Cents(8_500_000),
                    approved: Cents(8_000_000)
                }
            ]
        );
        m.status = Status::Beantragt;
        let warnings = payment_warnings(&m, &payments[..1], None);
        assert_eq!(
            warnings,
            [MoneyWarning::PaymentBeforeApproval(PaymentId(1))]
        );
        assert!(payment_warnings(&measure(), &[], None).is_empty());
    }

    #[test]
    fn a_payment_dated_before_the_recorded_approval_is_warned_about() {
        use crate::model::{Step, StepId};
        let step = |id, to, day| Step {
            id: StepId(id),
            measure: MeasureId(12),
            from: Status::Idee,
            to,
            date: NaiveDate::from_ymd_opt(2026, 7, day).unwrap(),
            who: "anna".into(),
            note: String::new(),
        };
        let steps = [
            step(1, Status::Beantragt, 1),
            step(2, Status::Bewilligt, 20),
            step(3, Status::Bewilligt, 25),
        ];
        let on = approved_on(&steps);
        assert_eq!(
            on,
            NaiveDate::from_ymd_opt(2026, 7, 20),
            "the first approval"
        );
        assert_eq!(approved_on(&steps[..1]), None);
        let payments = [
            payment(1, (2026, 7, 15), 1_000, PaymentKind::Auszahlung),
            payment(2, (2026, 7, 20), 1_000, PaymentKind::Auszahlung),
        ];
        assert_eq!(
            payment_warnings(&measure(), &payments, on),
            [MoneyWarning::PaymentBeforeApproval(PaymentId(1))],
            "on the day of the approval is not before it"
        );
        assert!(payment_warnings(&measure(), &payments, None).is_empty());
    }
}
