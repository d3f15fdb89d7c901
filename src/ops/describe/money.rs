//! How the history says the money ops of issue 14: pots, plans, payments.

use super::Phrasing;
use crate::i18n::{Text, fill};
use crate::ops::Op;

impl Phrasing<'_> {
    pub(super) fn money_op(&self, op: &Op) -> String {
        let (done, action, what, measure) = match op {
            Op::SetPot { pot } => (
                Text::LogSetPot,
                Text::ActSetPot,
                format!(
                    "{} {}: {}",
                    pot.fund.name(),
                    pot.year,
                    pot.amount.format_de()
                ),
                None,
            ),
            Op::RemovePot { fund, year } => (
                Text::LogRemovePot,
                Text::ActRemovePot,
                format!("{} {year}", fund.name()),
                None,
            ),
            Op::SetPlan { measure, plan } if plan.0.is_empty() => (
                Text::LogRemovePlan,
                Text::ActRemovePlan,
                String::new(),
                Some(*measure),
            ),
            Op::SetPlan { measure, plan } => (
                Text::LogSetPlan,
                Text::ActSetPlan,
                plan.format_de(),
                Some(*measure),
            ),
            Op::AddPayment { payment } => (
                Text::LogAddPayment,
                Text::ActAddPayment,
                payment_words(payment),
                Some(payment.measure),
            ),
            Op::UpdatePayment { payment } => (
                Text::LogUpdatePayment,
                Text::ActUpdatePayment,
                payment_words(payment),
                Some(payment.measure),
            ),
            Op::RemovePayment { measure, id } => (
                Text::LogRemovePayment,
                Text::ActRemovePayment,
                id.to_string(),
                Some(*measure),
            ),
            _ => return String::new(),
        };
        let measure = measure.map_or_else(String::new, |m| self.names.measure(m, self.lang));
        fill(
            self.pick(done, action),
            &[("what", &what), ("measure", &measure)],
        )
    }
}

/// `Z-0003 (Auszahlung 20.000,00 € am 15.03.2026)`; a new payment without its id yet.
fn payment_words(payment: &crate::model::Payment) -> String {
    let id = match payment.id.0 {
        0 => String::new(),
        _ => format!("{} ", payment.id),
    };
    format!(
        "{id}({} {}, {})",
        payment.kind.name(),
        payment.amount.format_de(),
        crate::model::format_date_de(payment.date)
    )
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::model::{
        Cents, Fund, Measure, MeasureId, Payment, PaymentId, PaymentKind, Plan, Pot,
    };
    use crate::ops::describe::{Names, describe_entry};
    use crate::ops::{EntryKind, Op};

    #[test]
    fn money_ops_are_said_with_the_measure_and_the_amounts() {
        let mut names = Names::default();
        let mut measure = Measure::new("Kiezküche");
        measure.id = MeasureId(12);
        names.add_measure(&measure);
        let say = |op: &Op, kind, lang| describe_entry(kind, op, lang, &names);
        let pot = Op::SetPot {
            pot: Pot {
                fund: Fund::Aktionsfonds,
                year: 2026,
                amount: Cents(1_000_000),
                note: String::new(),
            },
        };
        assert_eq!(
            say(&pot, EntryKind::Do, Lang::De),
            "Topf Aktionsfonds 2026: 10.000,00 € gesetzt"
        );
        let plan = Op::SetPlan {
            measure: MeasureId(12),
            plan: Plan([(2026, Cents(4_000_000)), (2027, Cents(4_000_000))].into()),
        };
        assert_eq!(
            say(&plan, EntryKind::Do, Lang::De),
            "Jahresraten von M-0012 „Kiezküche“ gesetzt (2026: 40.000,00 €, 2027: 40.000,00 €)"
        );
        let payment = Op::AddPayment {
            payment: Payment {
                id: PaymentId(3),
                measure: MeasureId(12),
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
                amount: Cents(2_000_000),
                kind: PaymentKind::Auszahlung,
                reference: String::new(),
                note: String::new(),
            },
        };
        assert_eq!(
            say(&payment, EntryKind::Undo { of: 1 }, Lang::De),
            "Erfassen der Zahlung Z-0003 (Auszahlung 20.000,00 €, 15.03.2026) für M-0012 „Kiezküche“ rückgängig gemacht"
        );
        let remove = Op::RemovePayment {
            measure: MeasureId(12),
            id: PaymentId(3),
        };
        assert_eq!(
            say(&remove, EntryKind::Do, Lang::En),
            "payment Z-0003 of M-0012 \"Kiezküche\" removed"
        );
    }
}
