use serde::{Deserialize, Serialize};

use super::validation::{Field, Problem, ValidationError, check_multi_line, check_one_line};

/// Database id of a goal. Internal: users see the goal's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GoalId(pub u64);

/// A strategic (`Z3`) or operational (`3.2`) goal, or one the office added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    /// `None` for a top-level goal.
    pub parent: Option<GoalId>,
    /// Unique short code shown to users, e.g. `Z3` or `3.2`.
    pub code: String,
    pub title: String,
    pub description: String,
    /// Index among its siblings, dense from 0.
    pub position: u32,
}

/// Longest accepted goal code.
pub const MAX_CODE_CHARS: usize = 20;
/// Longest accepted goal title.
pub const MAX_GOAL_TITLE_CHARS: usize = 300;

impl Goal {
    /// Checks code, title and description; returns every problem found.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        let code = self.code.as_str();
        if code.is_empty() {
            errors.push(ValidationError::new(Field::Code, Problem::Required));
        } else if code.chars().count() > MAX_CODE_CHARS {
            errors.push(ValidationError::new(
                Field::Code,
                Problem::TooLong {
                    max: MAX_CODE_CHARS,
                },
            ));
        } else if code.chars().any(|c| c.is_whitespace() || c.is_control()) {
            errors.push(ValidationError::new(Field::Code, Problem::Whitespace));
        }
        if self.title.trim().is_empty() {
            errors.push(ValidationError::new(Field::Title, Problem::Required));
        }
        check_one_line(&mut errors, Field::Title, &self.title, MAX_GOAL_TITLE_CHARS);
        check_multi_line(&mut errors, Field::Description, &self.description);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
