//! `quartier measure list`: the measures a goal, status, fund and year select, as a table with
//! a total line or as JSON.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use super::code_of;
use crate::cli::CliError;
use crate::cli::goals::resolve;
use crate::cli::output::{self, Align};
use crate::i18n::{Lang, Text, fill};
use crate::json_shapes::MeasureJson;
use crate::model::{Field, Fund, Goal, GoalId, Link, Measure, MeasureId, Status, ValidationError};
use crate::store::Repository;

/// The flags of `measure list`.
pub(super) struct ListFilter {
    pub goal: Option<String>,
    pub status: Option<String>,
    pub fund: Option<String>,
    pub year: Option<i32>,
}

/// `measure list`.
pub(super) fn list(
    repo: &dyn Repository,
    lang: Lang,
    filter: ListFilter,
    as_json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let goals = repo.goals()?;
    let codes: HashMap<GoalId, String> = goals.iter().map(|g| (g.id, g.code.clone())).collect();
    let links = links_by_measure(repo)?;
    let measures = select(repo, &goals, &links, filter)?;
    if as_json {
        let list: Vec<MeasureJson> = measures
            .iter()
            .map(|(m, links)| MeasureJson::new(m, links, |l| code_of(&codes, l.goal)))
            .collect();
        output::json(out, &list)?;
        return Ok(());
    }
    if measures.is_empty() {
        output::line(out, lang.t(Text::NoMeasures))?;
        return Ok(());
    }
    print_table(lang, &measures, &codes, out)
}

/// Every measure's links, primary first.
fn links_by_measure(repo: &dyn Repository) -> Result<HashMap<MeasureId, Vec<Link>>, CliError> {
    Ok(Link::by_measure(repo.links()?))
}

/// The goal of `code` and every goal below it (`goals` in tree order).
fn subtree(repo: &dyn Repository, goals: &[Goal], code: &str) -> Result<HashSet<GoalId>, CliError> {
    let root = resolve(repo, code)?;
    let mut scope = HashSet::from([root.id]);
    // Tree order: a child always comes after its parent.
    for g in goals {
        if g.parent.is_some_and(|p| scope.contains(&p)) {
            scope.insert(g.id);
        }
    }
    Ok(scope)
}

/// The measures `filter` selects, each with its links.
fn select<'a>(
    repo: &dyn Repository,
    goals: &[Goal],
    links_by_measure: &'a HashMap<MeasureId, Vec<Link>>,
    filter: ListFilter,
) -> Result<Vec<(Measure, &'a [Link])>, CliError> {
    let ListFilter {
        goal,
        status,
        fund,
        year,
    } = filter;
    let invalid =
        |field| move |problem| CliError::Invalid(vec![ValidationError::new(field, problem)]);
    let status = status
        .map(|s| Status::parse_input(&s).map_err(invalid(Field::Status)))
        .transpose()?;
    let fund = fund
        .map(|f| Fund::parse_input(&f).map_err(invalid(Field::Fund)))
        .transpose()?;
    let in_scope = goal.map(|code| subtree(repo, goals, &code)).transpose()?;
    Ok(repo
        .measures()?
        .into_iter()
        .filter(|m| status.is_none_or(|s| m.status == s) && fund.is_none_or(|f| m.fund == Some(f)))
        // The same rule as the TUI's year filter and the report's --year.
        .filter(|m| year.is_none_or(|y| m.runs_in(y)))
        .map(|m| {
            let links = links_by_measure.get(&m.id).map_or(&[][..], Vec::as_slice);
            (m, links)
        })
        .filter(|(_, links)| {
            in_scope
                .as_ref()
                .is_none_or(|scope| links.iter().any(|l| scope.contains(&l.goal)))
        })
        .collect())
}

/// The table of `measures` and the line with their count and sums.
fn print_table(
    lang: Lang,
    measures: &[(Measure, &[Link])],
    codes: &HashMap<GoalId, String>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let rows: Vec<Vec<String>> = measures
        .iter()
        .map(|(m, links)| {
            vec![
                m.id.to_string(),
                m.title.clone(),
                m.organisation.clone(),
                m.fund.map_or(String::new(), |f| f.name().to_string()),
                m.approved.map_or(String::new(), |a| a.format_de()),
                m.status.name().to_string(),
                links
                    .first()
                    .map_or(String::new(), |l| code_of(codes, l.goal)),
            ]
        })
        .collect();
    let header = [
        lang.t(Text::FieldId),
        lang.t(Text::FieldTitle),
        lang.t(Text::FieldOrganisation),
        lang.t(Text::FieldFund),
        lang.t(Text::FieldApproved),
        lang.t(Text::FieldStatus),
        lang.t(Text::FieldPrimaryGoal),
    ];
    let columns = [
        (Align::Left, 8),
        (Align::Left, 40),
        (Align::Left, 24),
        (Align::Left, 13),
        (Align::Right, 16),
        (Align::Left, 13),
        (Align::Left, 9),
    ];
    output::table(out, &header, &columns, &rows)?;
    let mut sums = crate::report::Sums::default();
    measures.iter().for_each(|(m, _)| sums.add(m));
    output::line(
        out,
        &fill(
            lang.t(Text::MeasureListTotal),
            &[
                ("count", &measures.len()),
                ("requested", &sums.requested.format_de()),
                ("approved", &sums.approved.format_de()),
            ],
        ),
    )?;
    Ok(())
}
