//! Goal ⇄ form rows: code, title and a one-line description. Id, parent and position are kept
//! from the original goal.

use crate::i18n::{Lang, Localize};
use crate::model::{Field, Goal};

use super::row::{Row, RowInput};
use super::slot::Slot;

/// The rows of `goal`, in form order.
pub(super) fn rows(goal: &Goal) -> Vec<Row> {
    vec![
        Row::new(Slot::Code, RowInput::line(&goal.code)),
        Row::new(Slot::TITLE, RowInput::line(&goal.title)),
        Row::new(
            Slot::Field(Field::Description),
            RowInput::line(&goal.description),
        ),
    ]
}

/// Reads the rows into a copy of `original`; validation errors are stored on their rows.
/// `None` when any row has an error.
pub(super) fn collect(original: &Goal, rows: &mut [Row], lang: Lang) -> Option<Goal> {
    let mut goal = original.clone();
    for row in rows.iter() {
        let text = row.input.value();
        match row.slot {
            Slot::Code => goal.code = text,
            Slot::TITLE => goal.title = text,
            Slot::Field(Field::Description) => goal.description = text,
            _ => {}
        }
    }
    match goal.validate() {
        Ok(()) => Some(goal),
        Err(errors) => {
            for error in errors {
                if let Some(row) = super::row_of(rows, Slot::from(error.field)) {
                    row.add_error(error.problem.localize(lang));
                }
            }
            None
        }
    }
}
