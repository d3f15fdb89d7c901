//! Plain data and validation: goals, measures, links, money and dates. No I/O, no display
//! decisions beyond the canonical text forms used for input and JSON.

mod course;
mod date;
mod date_format;
mod decisions;
mod fields;
mod fund;
mod funding;
mod funding_rules;
mod goal;
mod link;
mod measure;
mod money;
mod validation;
mod warnings;

pub use course::{COURSE, CourseWarning, course_warning, next_in_course, usual_next};
pub use date::{MAX_YEAR, MIN_YEAR, check_date_range, format_date_de, parse_date};
pub use decisions::{
    Body, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, Outcome, PROOF_MONTHS, Session,
    SessionId, Step, StepId, Votes, proposed_proof_due,
};
pub use fields::{Kind, MEASURE_FIELDS, MeasureField, Value, split_list};
pub use fund::{Fund, Status};
pub use funding::{Payment, PaymentId, PaymentKind, Plan, Pot, parse_year};
pub use funding_rules::{
    MoneyWarning, approved_on, instalments, paid, payment_warnings, plan_warning,
};
pub use goal::{Goal, GoalId, code_key, next_code, same_code, tree_order};
pub use link::Link;
pub use measure::{
    Indicator, MAX_INDICATOR_VALUE, Measure, MeasureId, format_value, overdue, runs_between,
    value_in_range,
};
pub use money::{Cents, format_decimal, parse_amount, parse_decimal};
pub use validation::{Field, Problem, ValidationError, is_forbidden_in_line};
pub use warnings::{FundWarning, fund_warnings};
