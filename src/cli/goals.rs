//! `quartier goals` and `quartier goal add|edit|move|delete`.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::args::GoalCommand;
use super::output::{self, Align};
use crate::i18n::{Lang, Text, fill};
use crate::json_shapes::GoalJson;
use crate::model::{Cents, Goal, GoalId, MeasureId, next_code};
use crate::ops::Op;
use crate::store::Repository;

/// Goal codes by id, to name goals in output.
pub fn goal_codes(repo: &dyn Repository) -> Result<HashMap<GoalId, String>, CliError> {
    Ok(repo.goals()?.into_iter().map(|g| (g.id, g.code)).collect())
}

/// Finds a goal by code or fails with a clear message.
pub fn resolve(repo: &dyn Repository, code: &str) -> Result<Goal, CliError> {
    repo.goal_by_code(code)?
        .ok_or_else(|| CliError::UnknownGoal(code.trim().to_string()))
}

#[derive(Serialize)]
struct GoalListJson {
    #[serde(flatten)]
    goal: GoalJson,
    measure_count: usize,
    approved_cents: Cents,
}

/// Prints the goal tree with measure counts and approved sums (sub-goals included).
pub fn list(
    repo: &dyn Repository,
    lang: Lang,
    as_json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let goals = repo.goals()?;
    let stats = repo.goal_stats()?;
    let codes: HashMap<GoalId, &str> = goals.iter().map(|g| (g.id, g.code.as_str())).collect();
    if as_json {
        let list: Vec<GoalListJson> = goals
            .iter()
            .map(|g| GoalListJson {
                goal: GoalJson::new(g, g.parent.and_then(|p| codes.get(&p).copied())),
                measure_count: stats.get(&g.id).map_or(0, |s| s.measures),
                approved_cents: stats.get(&g.id).map_or(Cents(0), |s| s.approved),
            })
            .collect();
        output::json(out, &list)?;
        return Ok(());
    }
    let depth = depths(&goals);
    let rows: Vec<Vec<String>> = goals
        .iter()
        .map(|g| {
            let s = stats.get(&g.id).cloned().unwrap_or_default();
            let indent = "  ".repeat(depth.get(&g.id).copied().unwrap_or(0));
            vec![
                format!("{indent}{}", g.code),
                g.title.clone(),
                s.measures.to_string(),
                s.approved.format_de(),
            ]
        })
        .collect();
    let header = [
        lang.t(Text::HeaderGoal),
        lang.t(Text::FieldTitle),
        lang.t(Text::FieldMeasures),
        lang.t(Text::FieldApproved),
    ];
    output::table(
        out,
        &header,
        &[
            (Align::Left, 12),
            (Align::Left, 60),
            (Align::Right, 10),
            (Align::Right, 18),
        ],
        &rows,
    )?;
    Ok(())
}

fn depths(goals: &[Goal]) -> HashMap<GoalId, usize> {
    let mut depth = HashMap::new();
    for goal in goals {
        // Tree order puts parents first.
        let d = goal
            .parent
            .and_then(|p| depth.get(&p).copied())
            .map_or(0, |d: usize| d + 1);
        depth.insert(goal.id, d);
    }
    depth
}

/// Runs a `goal` subcommand.
pub fn run(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: GoalCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let done = |text: Text, code: &str| fill(lang.t(text), &[("code", &code)]);
    match command {
        GoalCommand::Add {
            parent,
            code,
            title,
            description,
        } => {
            let code = add(repo, actor, parent, code, title, description)?;
            output::line(out, &done(Text::DoneGoalAdded, &code))?;
        }
        GoalCommand::Edit {
            code,
            title,
            description,
            new_code,
        } => {
            let goal = resolve(repo, &code)?;
            let new_code = new_code.map_or(goal.code.clone(), |c| c.trim().to_string());
            let title = title.unwrap_or(goal.title.clone());
            let description = description.unwrap_or(goal.description.clone());
            if (&new_code, &title, &description) == (&goal.code, &goal.title, &goal.description) {
                output::line(out, &done(Text::NothingChangedGoal, &goal.code))?;
                return Ok(());
            }
            let op = Op::UpdateGoal {
                id: goal.id,
                code: new_code,
                title,
                description,
            };
            repo.apply(op, actor)?;
            output::line(out, &done(Text::DoneGoalUpdated, &code))?;
        }
        GoalCommand::Move {
            code,
            parent,
            position,
        } => {
            let goal = resolve(repo, &code)?;
            let parent = match parent.as_deref().map(str::trim) {
                None => goal.parent,
                Some("-") | Some("") => None,
                Some(p) => Some(resolve(repo, p)?.id),
            };
            let position = position.map_or(u32::MAX, |p| p.saturating_sub(1));
            repo.apply(
                Op::MoveGoal {
                    id: goal.id,
                    parent,
                    position,
                },
                actor,
            )?;
            output::line(out, &done(Text::DoneGoalMoved, &goal.code))?;
        }
        GoalCommand::Delete { code, force } => {
            let goal = resolve(repo, &code)?;
            let affected = delete(repo, actor, &goal, force)?;
            output::line(out, &done(Text::DoneGoalDeleted, &goal.code))?;
            super::measures::notice_orphans(repo, lang, affected)?;
        }
    }
    Ok(())
}

/// `goal add`: a new goal under `parent` (a code) with `code` or the next free one; returns
/// the code.
fn add(
    repo: &mut dyn Repository,
    actor: &str,
    parent: Option<String>,
    code: Option<String>,
    title: String,
    description: String,
) -> Result<String, CliError> {
    let parent = parent.map(|p| resolve(repo, &p)).transpose()?;
    let code = match code {
        Some(code) => code.trim().to_string(),
        None => next_code(&repo.goals()?, parent.as_ref()),
    };
    let goal = Goal {
        id: GoalId(0),
        parent: parent.map(|p| p.id),
        code: code.clone(),
        title,
        description,
        position: u32::MAX,
    };
    repo.apply(Op::AddGoal { goal }, actor)?;
    Ok(code)
}

/// `goal delete`: deletes `goal`; returns the measures that were linked to it or a sub-goal
/// (they may have lost their last goal).
fn delete(
    repo: &mut dyn Repository,
    actor: &str,
    goal: &Goal,
    force: bool,
) -> Result<Vec<MeasureId>, CliError> {
    let goals = repo.goals()?;
    let mut subtree = std::collections::HashSet::from([goal.id]);
    // Tree order: a child always comes after its parent.
    for g in &goals {
        if g.parent.is_some_and(|p| subtree.contains(&p)) {
            subtree.insert(g.id);
        }
    }
    let affected = repo
        .links()?
        .into_iter()
        .filter(|l| subtree.contains(&l.goal))
        .map(|l| l.measure)
        .collect();
    repo.apply(Op::DeleteGoal { id: goal.id, force }, actor)?;
    Ok(affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(id: u64, parent: Option<u64>, code: &str) -> Goal {
        Goal {
            id: GoalId(id),
            parent: parent.map(GoalId),
            code: code.into(),
            title: "t".into(),
            description: String::new(),
            position: 0,
        }
    }

    #[test]
    fn next_codes_follow_the_numbering() {
        let goals = vec![
            goal(1, None, "Z1"),
            goal(2, Some(1), "1.1"),
            goal(3, Some(1), "1.2"),
            goal(4, None, "Z2"),
            goal(5, None, "HF"),
        ];
        assert_eq!(next_code(&goals, None), "Z4");
        assert_eq!(next_code(&goals, Some(&goals[0])), "1.3");
        assert_eq!(next_code(&goals, Some(&goals[3])), "2.1");
        assert_eq!(next_code(&goals, Some(&goals[4])), "HF.1");
    }
}
