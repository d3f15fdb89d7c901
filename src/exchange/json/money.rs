//! Money over time in the JSON document (`quartier/2`, issue 14): `pots`, `plans` and
//! `payments` as lists beside `goals` and `measures`. Written in store order (pots by fund and
//! year, plans by measure, payments by id), so an export is byte-stable; read element by
//! element, every wrong member a problem with its line and field.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::object::Unknown;
use crate::exchange::{ImportProblem, Snapshot};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    Cents, Field, Fund, MeasureId, Payment, PaymentId, PaymentKind, Plan, Pot, ValidationError,
    parse_date,
};

/// A pot: `{"fund":"Aktionsfonds","year":2026,"amount_cents":1000000,"note":""}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct PotJson {
    pub fund: String,
    pub year: i32,
    pub amount_cents: i64,
    #[serde(default)]
    pub note: String,
}

/// A plan: `{"measure":12,"instalments":[{"year":2026,"amount_cents":4000000}]}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct PlanJson {
    pub measure: u64,
    pub instalments: Vec<InstalmentJson>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct InstalmentJson {
    pub year: i32,
    pub amount_cents: i64,
}

/// A payment: `{"id":3,"measure":12,"date":"2026-03-15","amount_cents":2000000,
/// "kind":"Auszahlung","reference":"","note":""}`; `id` 0 or missing adds a new payment.
#[derive(Debug, Serialize, Deserialize)]
pub struct PaymentJson {
    #[serde(default)]
    pub id: u64,
    pub measure: u64,
    pub date: String,
    pub amount_cents: i64,
    pub kind: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub note: String,
}

/// The money lists of a snapshot in their JSON shapes.
pub fn shapes(snapshot: &Snapshot) -> (Vec<PotJson>, Vec<PlanJson>, Vec<PaymentJson>) {
    let pots = (snapshot.pots.iter())
        .map(|p| PotJson {
            fund: p.fund.name().into(),
            year: p.year,
            amount_cents: p.amount.0,
            note: p.note.clone(),
        })
        .collect();
    let plans = (snapshot.plans.iter())
        .map(|(measure, plan)| PlanJson {
            measure: measure.0,
            instalments: (plan.0.iter())
                .map(|(year, amount)| InstalmentJson {
                    year: *year,
                    amount_cents: amount.0,
                })
                .collect(),
        })
        .collect();
    let payments = (snapshot.payments.iter())
        .map(|p| PaymentJson {
            id: p.id.0,
            measure: p.measure.0,
            date: p.date.to_string(),
            amount_cents: p.amount.0,
            kind: p.kind.name().into(),
            reference: p.reference.clone(),
            note: p.note.clone(),
        })
        .collect();
    (pots, plans, payments)
}

/// Pots, plans and payments read from a file, each with its line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncomingMoney {
    pub pots: Vec<(usize, Pot)>,
    pub plans: Vec<(usize, MeasureId, Plan)>,
    pub payments: Vec<(usize, Payment)>,
}

/// The members each list knows; others are ignored with the document's one note.
pub(super) const KNOWN: [(&str, &[&str]); 3] = [
    ("pots", &["fund", "year", "amount_cents", "note"]),
    ("plans", &["measure", "instalments"]),
    (
        "payments",
        &[
            "id",
            "measure",
            "date",
            "amount_cents",
            "kind",
            "reference",
            "note",
        ],
    ),
];

/// Reads one element; a problem (with the member, else `list`, as its field) when it has not
/// the shape. Unknown members go to `unknown`.
pub(super) fn element<T: serde::de::DeserializeOwned>(
    value: Value,
    list: &str,
    at: (&str, usize),
    lang: Lang,
    unknown: &mut Unknown,
    problems: &mut Vec<ImportProblem>,
) -> Option<T> {
    let known = (KNOWN.iter().chain(super::course::KNOWN.iter()))
        .find(|(l, _)| *l == list)
        .map_or(&[][..], |(_, k)| *k);
    if let Value::Object(map) = &value {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            unknown.add(key, at.1);
        }
    }
    serde_json::from_value(value)
        .map_err(|e| {
            let text = e.to_string();
            let missing =
                (text.strip_prefix("missing field `")).and_then(|rest| rest.split('`').next());
            let (field, reason) = match missing {
                Some(key) => (
                    key.to_string(),
                    fill(lang.t(Text::JsonMissingField), &[("key", &key)]),
                ),
                None => (list.to_string(), text),
            };
            problems.push(ImportProblem::new(at.0, at.1, field, reason));
        })
        .ok()
}

/// Each validation error of a record as a problem naming its field.
pub(super) fn invalid(
    errors: Vec<ValidationError>,
    at: (&str, usize),
    lang: Lang,
    problems: &mut Vec<ImportProblem>,
) {
    for error in errors {
        let field = error.field.localize(lang);
        problems.push(ImportProblem::new(
            at.0,
            at.1,
            field,
            error.problem.localize(lang),
        ));
    }
}

impl IncomingMoney {
    /// Reads a pot at `line`.
    pub(super) fn pot(
        &mut self,
        value: Value,
        at: (&str, usize),
        lang: Lang,
        u: &mut Unknown,
        p: &mut Vec<ImportProblem>,
    ) {
        let Some(shape) = element::<PotJson>(value, "pots", at, lang, u, p) else {
            return;
        };
        let fund = match Fund::parse_input(&shape.fund) {
            Ok(fund) => fund,
            Err(problem) => {
                return invalid(
                    vec![ValidationError::new(Field::Fund, problem)],
                    at,
                    lang,
                    p,
                );
            }
        };
        let pot = Pot {
            fund,
            year: shape.year,
            amount: Cents(shape.amount_cents),
            note: shape.note,
        };
        match pot.validate() {
            Ok(()) => self.pots.push((at.1, pot)),
            Err(errors) => invalid(errors, at, lang, p),
        }
    }

    /// Reads a plan at `line`.
    pub(super) fn plan(
        &mut self,
        value: Value,
        at: (&str, usize),
        lang: Lang,
        u: &mut Unknown,
        p: &mut Vec<ImportProblem>,
    ) {
        let Some(shape) = element::<PlanJson>(value, "plans", at, lang, u, p) else {
            return;
        };
        let mut plan = Plan::default();
        for instalment in shape.instalments {
            if let Err(error) = plan.add(instalment.year, Cents(instalment.amount_cents)) {
                return invalid(vec![error], at, lang, p);
            }
        }
        match plan.validate() {
            Ok(()) => self.plans.push((at.1, MeasureId(shape.measure), plan)),
            Err(errors) => invalid(errors, at, lang, p),
        }
    }

    /// Reads a payment at `line`.
    pub(super) fn payment(
        &mut self,
        value: Value,
        at: (&str, usize),
        lang: Lang,
        u: &mut Unknown,
        p: &mut Vec<ImportProblem>,
    ) {
        let Some(shape) = element::<PaymentJson>(value, "payments", at, lang, u, p) else {
            return;
        };
        let mut errors = Vec::new();
        let date = (parse_date(&shape.date))
            .map_err(|e| errors.push(ValidationError::new(Field::Date, e)))
            .ok();
        let kind = (PaymentKind::parse_input(&shape.kind))
            .map_err(|e| errors.push(ValidationError::new(Field::Kind, e)))
            .ok();
        let (Some(date), Some(kind)) = (date, kind) else {
            if shape.amount_cents < 0 {
                let negative = crate::model::Problem::Negative;
                errors.push(ValidationError::new(Field::Amount, negative));
            }
            return invalid(errors, at, lang, p);
        };
        let payment = Payment {
            id: PaymentId(shape.id),
            measure: MeasureId(shape.measure),
            date,
            amount: Cents(shape.amount_cents),
            kind,
            reference: shape.reference,
            note: shape.note,
        };
        match payment.validate() {
            Ok(()) => self.payments.push((at.1, payment)),
            Err(errors) => invalid(errors, at, lang, p),
        }
    }
}
