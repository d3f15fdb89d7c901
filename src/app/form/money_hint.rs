//! The warning of money over time next to the form's amount (issue 14): a pot this measure's
//! approval would take below zero (`Aktionsfonds 2026: 10.000,00 € Topf, 9.200,00 € verplant –
//! danach -700,00 €`), and a plan that does not add up to the approved amount. Computed from
//! what the form shows now and [`FormMoney`], read when the form opened — never from the store.

use std::collections::HashMap;

use chrono::Datelike;

use super::{Form, FormValue, Slot};
use crate::i18n::{Text, fill};
use crate::model::{Cents, Field, Fund, Plan, Pot, parse_amount, parse_date};

/// What the hint compares with, read when the form opened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormMoney {
    /// Every pot.
    pub pots: Vec<Pot>,
    /// Per fund and year with a pot, the instalments of every other measure.
    pub planned_by_others: HashMap<(Fund, i32), Cents>,
    /// This measure's plan, if it has one.
    pub plan: Option<Plan>,
}

impl Form {
    /// The form, comparing its amount with `money`.
    pub fn with_money(mut self, money: FormMoney) -> Form {
        self.money = Some(std::sync::Arc::new(money));
        self
    }

    /// The warning to show next to the approved amount, if any.
    pub fn money_hint(&self) -> Option<String> {
        let money = self.money.as_ref()?;
        let fund = Fund::parse(&self.text(Slot::Field(Field::Fund))?);
        let approved = parse_amount(&self.text(Slot::Field(Field::Approved))?).ok();
        let start = parse_date(&self.text(Slot::Field(Field::Start))?).ok();
        let lang = self.lang;
        let mut hints = Vec::new();
        let own: Vec<(i32, Cents)> = match (&money.plan, approved, start) {
            (Some(plan), _, _) if !plan.0.is_empty() => {
                plan.0.iter().map(|(y, a)| (*y, *a)).collect()
            }
            (_, Some(approved), Some(start)) => vec![(start.year(), approved)],
            _ => Vec::new(),
        };
        for (year, amount) in own.iter().filter(|_| fund.is_some()) {
            let fund = fund.unwrap_or(Fund::Other);
            let Some(pot) = money
                .pots
                .iter()
                .find(|p| p.fund == fund && p.year == *year)
            else {
                continue;
            };
            let others = (money.planned_by_others.get(&(fund, *year)))
                .copied()
                .unwrap_or_default();
            let free = Cents(pot.amount.0 - others.0 - amount.0);
            if free.0 < 0 {
                hints.push(fill(
                    lang.t(Text::WarnPotAfter),
                    &[
                        ("fund", &fund.name()),
                        ("year", year),
                        ("pot", &pot.amount.format_de()),
                        ("planned", &others.format_de()),
                        ("free", &free.format_de()),
                    ],
                ));
            }
        }
        if let Some(plan) = money.plan.as_ref().filter(|p| !p.0.is_empty()) {
            let approved = approved.unwrap_or_default();
            if plan.total() != approved {
                let id = match &self.original {
                    FormValue::Measure(m) => m.id.to_string(),
                    FormValue::Goal(_)
                    | FormValue::Payment(_)
                    | FormValue::Plan(_)
                    | FormValue::Decision(_) => String::new(),
                };
                hints.push(fill(
                    lang.t(Text::WarnPlanMismatch),
                    &[
                        ("measure", &id),
                        ("planned", &plan.total().format_de()),
                        ("approved", &approved.format_de()),
                    ],
                ));
            }
        }
        (!hints.is_empty()).then(|| hints.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Measure, MeasureId};

    fn action() -> Measure {
        Measure {
            id: MeasureId(8),
            fund: Some(Fund::Aktionsfonds),
            approved: Some(Cents(150_000)),
            start: chrono::NaiveDate::from_ymd_opt(2026, 5, 1),
            ..Measure::new("Hoffest")
        }
    }

    fn money(plan: Option<Plan>) -> FormMoney {
        FormMoney {
            pots: vec![Pot {
                fund: Fund::Aktionsfonds,
                year: 2026,
                amount: Cents(1_000_000),
                note: String::new(),
            }],
            planned_by_others: HashMap::from([((Fund::Aktionsfonds, 2026), Cents(920_000))]),
            plan,
        }
    }

    #[test]
    fn the_amount_that_takes_a_pot_below_zero_is_warned_about_as_typed() {
        let mut form = Form::measure(&action(), false, Lang::De).with_money(money(None));
        assert_eq!(
            form.money_hint().as_deref(),
            Some("Aktionsfonds 2026: 10.000,00 € Topf, 9.200,00 € verplant – danach -700,00 €")
        );
        form.set_text(Slot::Field(Field::Approved), "800");
        assert_eq!(form.money_hint(), None, "800 € fit");
        form.set_text(Slot::Field(Field::Approved), "1.000");
        form.set_text(Slot::Field(Field::Start), "01.01.2027");
        assert_eq!(form.money_hint(), None, "no pot for 2027");
        form.set_text(Slot::Field(Field::Start), "01.01.2026");
        form.set_text(Slot::Field(Field::Fund), "Projektfonds");
        assert_eq!(form.money_hint(), None, "no Projektfonds pot");
        // Without money read, never a hint.
        assert_eq!(Form::measure(&action(), false, Lang::De).money_hint(), None);
    }

    #[test]
    fn a_plan_that_does_not_add_up_to_the_typed_amount_is_warned_about() {
        let plan = Plan([(2026, Cents(50_000)), (2027, Cents(100_000))].into());
        let mut form = Form::measure(&action(), false, Lang::De).with_money(money(Some(plan)));
        assert_eq!(
            form.money_hint(),
            None,
            "the plan's 500 € in 2026 fit, 1.500 € in all"
        );
        form.set_text(Slot::Field(Field::Approved), "2.000");
        assert_eq!(
            form.money_hint().as_deref(),
            Some("M-0008: Jahresraten ergeben 1.500,00 €, bewilligt sind 2.000,00 €")
        );
    }
}
