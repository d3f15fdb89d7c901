//! Goals: a strategic (`Z3`) or operational (`3.2`) goal or one the office added, its
//! validation, how codes compare, the next free code and the tree order.

use serde::{Deserialize, Serialize};

use super::validation::{Field, Problem, ValidationError, check_multi_line, check_one_line};

/// Database id of a goal. Internal: users see the goal's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GoalId(pub u64);

/// `#50`: how a goal is named where its code is not known (a goal that is gone).
impl std::fmt::Display for GoalId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

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

/// Whether two goal codes name the same goal: codes compare case-insensitively (Unicode).
pub fn same_code(a: &str, b: &str) -> bool {
    code_key(a) == code_key(b)
}

/// The form of a goal code under which equal codes (see [`same_code`]) are equal: for maps.
pub fn code_key(code: &str) -> String {
    code.trim().to_lowercase()
}

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
        } else if code
            .chars()
            .any(|c| c.is_whitespace() || super::validation::is_forbidden_in_line(c))
        {
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

/// The next free code: `Z10` at top level, `3.7` under `Z3`, `X.1` under `X`.
pub fn next_code(goals: &[Goal], parent: Option<&Goal>) -> String {
    let taken = |code: &str| goals.iter().any(|g| same_code(&g.code, code));
    let (prefix, mut n) = match parent {
        None => (
            "Z".to_string(),
            goals.iter().filter(|g| g.parent.is_none()).count() + 1,
        ),
        Some(p) => {
            let number = p
                .code
                .strip_prefix(['Z', 'z'])
                .filter(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty());
            let prefix = format!("{}.", number.unwrap_or(&p.code));
            (
                prefix,
                goals.iter().filter(|g| g.parent == Some(p.id)).count() + 1,
            )
        }
    };
    while taken(&format!("{prefix}{n}")) {
        n += 1;
    }
    format!("{prefix}{n}")
}

/// Orders goals depth-first: each top-level goal followed by its subtree, siblings in the order
/// given (callers sort by position first). Goals whose parent is missing come last.
pub fn tree_order(goals: Vec<Goal>) -> Vec<Goal> {
    use std::collections::{HashMap, HashSet};
    let ids: HashSet<GoalId> = goals.iter().map(|g| g.id).collect();
    let mut children: HashMap<Option<GoalId>, Vec<Goal>> = HashMap::new();
    let mut orphans = Vec::new();
    for goal in goals {
        match goal.parent {
            Some(parent) if !ids.contains(&parent) => orphans.push(goal),
            parent => children.entry(parent).or_default().push(goal),
        }
    }
    let mut ordered = Vec::with_capacity(ids.len());
    let mut stack: Vec<Goal> = children.remove(&None).unwrap_or_default();
    stack.reverse();
    while let Some(goal) = stack.pop() {
        if let Some(mut kids) = children.remove(&Some(goal.id)) {
            kids.reverse();
            stack.extend(kids);
        }
        ordered.push(goal);
    }
    // Cycles (only in a corrupt database) leave goals behind; keep them visible.
    ordered.extend(children.into_values().flatten());
    ordered.extend(orphans);
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_id_shows_as_hash_and_number() {
        assert_eq!(GoalId(50).to_string(), "#50");
        assert_eq!(format!("Ziel {}", GoalId(7)), "Ziel #7");
    }
}
