//! Money over time (issue 14): a fund's pot per year, a measure's yearly instalments
//! (Jahresraten) and its payments, each validated like the other records.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::date::{MAX_YEAR, MIN_YEAR, check_date_range};
use super::fund::Fund;
use super::measure::{MAX_LINE_CHARS, MeasureId};
use super::money::{Cents, MAX_CENTS, parse_amount};
use super::validation::{Field, Problem, ValidationError, check_one_line};

/// The money a fund has for one year (the Senate's letter may go into the note).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pot {
    pub fund: Fund,
    pub year: i32,
    pub amount: Cents,
    pub note: String,
}

impl Pot {
    /// Year in range, amount 0 … the largest amount, a one-line note.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        check_year(&mut errors, self.year);
        check_amount(&mut errors, Field::Amount, self.amount);
        check_one_line(&mut errors, Field::Notes, &self.note, MAX_LINE_CHARS);
        done(errors)
    }
}

/// A measure's approved money split by year: year → instalment. Empty: no plan (the measure
/// counts in its start year).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan(pub BTreeMap<i32, Cents>);

impl Plan {
    /// Every year in range, every instalment 0 … the largest amount.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        for (year, amount) in &self.0 {
            check_year(&mut errors, *year);
            check_amount(&mut errors, Field::Instalment(*year), *amount);
        }
        done(errors)
    }

    /// The sum of the instalments.
    pub fn total(&self) -> Cents {
        self.0.values().copied().sum()
    }

    /// Adds the instalment of `year`; a year given twice is refused (and the plan unchanged).
    pub fn add(&mut self, year: i32, amount: Cents) -> Result<(), ValidationError> {
        match self.0.entry(year) {
            std::collections::btree_map::Entry::Occupied(_) => Err(ValidationError::new(
                Field::Instalment(year),
                Problem::DuplicateYear(year),
            )),
            std::collections::btree_map::Entry::Vacant(entry) => {
                entry.insert(amount);
                Ok(())
            }
        }
    }

    /// Parses `2026=40.000 2027=40.000` (one argument per year; `:` works like `=`).
    pub fn parse<'a>(parts: impl IntoIterator<Item = &'a str>) -> Result<Plan, ValidationError> {
        let mut plan = Plan::default();
        for part in parts {
            let invalid = || ValidationError::new(Field::Year, Problem::InvalidYear(part.into()));
            let (year, amount) = part.split_once(['=', ':']).ok_or_else(invalid)?;
            let year = parse_year(year).map_err(|p| ValidationError::new(Field::Year, p))?;
            let amount = parse_amount(amount)
                .map_err(|p| ValidationError::new(Field::Instalment(year), p))?;
            plan.add(year, amount)?;
        }
        Ok(plan)
    }

    /// `2026: 40.000,00 €, 2027: 40.000,00 €`.
    pub fn format_de(&self) -> String {
        let parts: Vec<String> = (self.0.iter())
            .map(|(year, amount)| format!("{year}: {}", amount.format_de()))
            .collect();
        parts.join(", ")
    }

    /// A split of `approved` pro rata by the months from `start` to `end` in each year (the
    /// cents that do not divide evenly go to the last year); `None` without both dates or
    /// within one year.
    pub fn pro_rata(approved: Cents, start: NaiveDate, end: NaiveDate) -> Option<Plan> {
        if end < start || start.year() == end.year() {
            return None;
        }
        let month = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        let total_months = i64::from(month(end) - month(start) + 1);
        let mut plan = BTreeMap::new();
        let mut given = 0;
        for year in start.year()..=end.year() {
            let first = month(start).max(year * 12);
            let last = month(end).min(year * 12 + 11);
            let months = i64::from(last - first + 1);
            let share = if year == end.year() {
                approved.0 - given
            } else {
                (approved.0 as i128 * months as i128 / total_months as i128) as i64
            };
            given += share;
            plan.insert(year, Cents(share));
        }
        Some(Plan(plan))
    }
}

/// Database id of a payment; never reused. Shown as `Z-0003` (Zahlung).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PaymentId(pub u64);

impl std::fmt::Display for PaymentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Z-{:04}", self.0)
    }
}

impl PaymentId {
    /// Parses `3`, `Z-0003` or `z3`.
    pub fn parse(text: &str) -> Option<PaymentId> {
        let text = text.trim();
        let digits = (text.strip_prefix("Z-").or_else(|| text.strip_prefix("z-")))
            .or_else(|| text.strip_prefix(['Z', 'z']))
            .unwrap_or(text);
        digits.parse().ok().filter(|&n| n > 0).map(PaymentId)
    }
}

/// What a payment was. A Rückforderung (money paid back) counts against what was paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PaymentKind {
    Mittelabruf,
    Auszahlung,
    #[serde(rename = "Rückforderung")]
    Rueckforderung,
}

impl PaymentKind {
    pub const ALL: [PaymentKind; 3] = [
        PaymentKind::Mittelabruf,
        PaymentKind::Auszahlung,
        PaymentKind::Rueckforderung,
    ];

    /// The canonical (German) name, used in input, JSON and tables.
    pub fn name(self) -> &'static str {
        match self {
            PaymentKind::Mittelabruf => "Mittelabruf",
            PaymentKind::Auszahlung => "Auszahlung",
            PaymentKind::Rueckforderung => "Rückforderung",
        }
    }

    /// Parses the name in any case; `Rueckforderung` for keyboards without umlauts.
    pub fn parse_input(text: &str) -> Result<PaymentKind, Problem> {
        let lower = text.trim().to_lowercase().replace("ue", "ü");
        PaymentKind::ALL
            .into_iter()
            .find(|k| k.name().to_lowercase() == lower)
            .ok_or_else(|| Problem::UnknownKind(text.trim().to_string()))
    }

    /// The amount as it counts towards "paid": negative for a Rückforderung.
    pub fn signed(self, amount: Cents) -> Cents {
        match self {
            PaymentKind::Rueckforderung => Cents(-amount.0),
            _ => amount,
        }
    }
}

/// Money that went to (or came back from) a measure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: PaymentId,
    pub measure: MeasureId,
    pub date: NaiveDate,
    pub amount: Cents,
    pub kind: PaymentKind,
    pub reference: String,
    pub note: String,
}

impl Payment {
    /// Date in range, amount 0 … the largest amount, one-line reference and note.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        if let Err(problem) = check_date_range(self.date) {
            errors.push(ValidationError::new(Field::Date, problem));
        }
        check_amount(&mut errors, Field::Amount, self.amount);
        check_one_line(
            &mut errors,
            Field::Reference,
            &self.reference,
            MAX_LINE_CHARS,
        );
        check_one_line(&mut errors, Field::Notes, &self.note, MAX_LINE_CHARS);
        done(errors)
    }
}

/// Parses a year `2026` within the accepted years.
pub fn parse_year(text: &str) -> Result<i32, Problem> {
    let text = text.trim();
    let year: i32 = (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
        .ok_or_else(|| Problem::InvalidYear(text.to_string()))?;
    match (MIN_YEAR..=MAX_YEAR).contains(&year) {
        true => Ok(year),
        false => Err(Problem::DateOutOfRange(text.to_string())),
    }
}

fn check_year(errors: &mut Vec<ValidationError>, year: i32) {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        errors.push(ValidationError::new(
            Field::Year,
            Problem::DateOutOfRange(year.to_string()),
        ));
    }
}

fn check_amount(errors: &mut Vec<ValidationError>, field: Field, amount: Cents) {
    if amount.0 < 0 {
        errors.push(ValidationError::new(field, Problem::Negative));
    } else if amount.0 > MAX_CENTS {
        errors.push(ValidationError::new(field, Problem::TooLarge));
    }
}

fn done(errors: Vec<ValidationError>) -> Result<(), Vec<ValidationError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_plan_is_read_from_year_amount_pairs_in_german_money() {
        let plan = Plan::parse(["2026=40.000", "2027:40.000,50"]).unwrap();
        assert_eq!(plan.0[&2026], Cents(4_000_000));
        assert_eq!(plan.0[&2027], Cents(4_000_050));
        assert_eq!(plan.total(), Cents(8_000_050));
        assert_eq!(plan.format_de(), "2026: 40.000,00 €, 2027: 40.000,50 €");
        let error = Plan::parse(["2026=1", "2026=2"]).unwrap_err();
        assert_eq!(error.problem, Problem::DuplicateYear(2026));
        let error = Plan::parse(["26=1"]).unwrap_err();
        assert_eq!(error.problem, Problem::InvalidYear("26".into()));
        assert_eq!(
            Plan::parse(["2026=abc"]).unwrap_err().problem,
            Problem::InvalidAmount("abc".into())
        );
        assert!(Plan::parse(["2026"]).is_err());
    }

    #[test]
    fn pro_rata_splits_by_months_and_keeps_every_cent() {
        // 07/2026–06/2027: six months each.
        let plan = Plan::pro_rata(Cents(8_000_000), day(2026, 7, 1), day(2027, 6, 30)).unwrap();
        assert_eq!(
            plan.0.into_iter().collect::<Vec<_>>(),
            [(2026, Cents(4_000_000)), (2027, Cents(4_000_000))]
        );
        // 10/2025–03/2027: 3 + 12 + 3 months of 18; 1 cent left over goes to the last year.
        let plan = Plan::pro_rata(Cents(1_000_001), day(2025, 10, 1), day(2027, 3, 1)).unwrap();
        assert_eq!(plan.0[&2025], Cents(166_666));
        assert_eq!(plan.0[&2026], Cents(666_667));
        assert_eq!(plan.0[&2027], Cents(166_668));
        assert_eq!(plan.total(), Cents(1_000_001));
        assert_eq!(
            Plan::pro_rata(Cents(5), day(2026, 1, 1), day(2026, 12, 1)),
            None
        );
    }

    #[test]
    fn payment_ids_kinds_and_years_parse_as_people_write_them() {
        assert_eq!(PaymentId::parse("Z-0003"), Some(PaymentId(3)));
        assert_eq!(PaymentId::parse("z3"), Some(PaymentId(3)));
        assert_eq!(PaymentId::parse("0"), None);
        assert_eq!(PaymentId(12).to_string(), "Z-0012");
        assert_eq!(
            PaymentKind::parse_input("rueckforderung"),
            Ok(PaymentKind::Rueckforderung)
        );
        assert_eq!(
            PaymentKind::parse_input("AUSZAHLUNG"),
            Ok(PaymentKind::Auszahlung)
        );
        assert!(PaymentKind::parse_input("Spende").is_err());
        assert_eq!(parse_year("2026"), Ok(2026));
        assert_eq!(
            parse_year("2200"),
            Err(Problem::DateOutOfRange("2200".into()))
        );
        assert_eq!(parse_year("26"), Err(Problem::InvalidYear("26".into())));
    }

    #[test]
    fn records_are_validated_with_the_field_of_each_problem() {
        let pot = Pot {
            fund: Fund::Aktionsfonds,
            year: 1800,
            amount: Cents(-1),
            note: "a\u{7}".into(),
        };
        let fields: Vec<Field> = pot
            .validate()
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [Field::Year, Field::Amount, Field::Notes]);
        let payment = Payment {
            id: PaymentId(0),
            measure: MeasureId(1),
            date: day(1980, 1, 1),
            amount: Cents(MAX_CENTS + 1),
            kind: PaymentKind::Auszahlung,
            reference: String::new(),
            note: String::new(),
        };
        let fields: Vec<Field> = (payment.validate().unwrap_err().iter())
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [Field::Date, Field::Amount]);
        let plan = Plan([(2026, Cents(-5))].into());
        assert_eq!(
            plan.validate().unwrap_err()[0],
            ValidationError::new(Field::Instalment(2026), Problem::Negative)
        );
    }
}
