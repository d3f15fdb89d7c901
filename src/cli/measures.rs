//! `quartier measure …`, `indicator …`, `link`, `unlink`.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use super::CliError;
use super::args::{IndicatorCommand, MeasureCommand};
use super::goals::{goal_codes, resolve};
use super::output::{self, Align};
use crate::i18n::{Lang, Localize, Text, field_label, fill};
use crate::json_shapes::MeasureJson;
use crate::model::{
    Field, Fund, GoalId, Indicator, Kind, MEASURE_FIELDS, Measure, MeasureId, Status,
    ValidationError, Value, format_date_de, format_value, fund_warnings, parse_decimal,
};
use crate::ops::Op;
use crate::store::{Link, Repository};

/// Finds a measure by `42` or `M-0042`.
pub fn resolve_measure(repo: &dyn Repository, id: &str) -> Result<Measure, CliError> {
    MeasureId::parse(id)
        .map(|id| repo.measure(id))
        .transpose()?
        .flatten()
        // Named as everywhere else (`M-0099`), also when typed as `99`.
        .ok_or_else(|| {
            CliError::UnknownMeasure(
                MeasureId::parse(id).map_or_else(|| id.trim().to_string(), |id| id.to_string()),
            )
        })
}

fn warn(lang: Lang, measure: &Measure) {
    for warning in fund_warnings(measure) {
        eprintln!(
            "{}: {}",
            lang.t(Text::WarningPrefix),
            warning.localize(lang)
        );
    }
}

/// Runs a `measure` subcommand.
pub fn run(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: MeasureCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        MeasureCommand::Add { fields, goals } => {
            let mut measure = Measure::new("");
            fields
                .apply_and_validate(&mut measure)
                .map_err(CliError::Invalid)?;
            let goals = goals
                .iter()
                .map(|c| resolve(repo, c).map(|g| g.id))
                .collect::<Result<Vec<_>, _>>()?;
            let applied = repo.apply(
                Op::AddMeasure {
                    measure: measure.clone(),
                    goals,
                },
                actor,
            )?;
            let id = applied.added_measure().unwrap_or(MeasureId(0));
            writeln!(out, "{id}")?;
            warn(lang, &measure);
        }
        MeasureCommand::List {
            goal,
            status,
            fund,
            year,
            json,
        } => {
            let filter = ListFilter {
                goal,
                status,
                fund,
                year,
            };
            list(repo, lang, filter, json, out)?
        }
        MeasureCommand::Show { id, json } => {
            let measure = resolve_measure(repo, &id)?;
            let links = repo.links_of_measure(measure.id)?;
            let codes = goal_codes(repo)?;
            if json {
                output::json(
                    out,
                    &MeasureJson::new(&measure, &links, |l| code_of(&codes, l.goal)),
                )?;
            } else {
                show(lang, &measure, &links, &codes, out)?;
            }
        }
        MeasureCommand::Edit { id, fields } => {
            let stored = resolve_measure(repo, &id)?;
            let mut measure = stored.clone();
            fields
                .apply_and_validate(&mut measure)
                .map_err(CliError::Invalid)?;
            if measure == stored {
                // No flag, or only the values already stored: no history entry.
                return nothing_changed(lang, measure.id, out);
            }
            repo.apply(
                Op::UpdateMeasure {
                    measure: measure.clone(),
                },
                actor,
            )?;
            output::line(
                out,
                &fill(lang.t(Text::DoneMeasureUpdated), &[("id", &measure.id)]),
            )?;
            warn(lang, &measure);
        }
        MeasureCommand::Delete { id } => {
            let measure = resolve_measure(repo, &id)?;
            repo.apply(Op::DeleteMeasure { id: measure.id }, actor)?;
            output::line(
                out,
                &fill(lang.t(Text::DoneMeasureDeleted), &[("id", &measure.id)]),
            )?;
        }
    }
    Ok(())
}

fn nothing_changed(lang: Lang, id: MeasureId, out: &mut impl Write) -> Result<(), CliError> {
    output::line(
        out,
        &fill(lang.t(Text::NothingChangedMeasure), &[("id", &id)]),
    )?;
    Ok(())
}

fn code_of(codes: &HashMap<GoalId, String>, id: GoalId) -> String {
    codes
        .get(&id)
        .cloned()
        .unwrap_or_else(|| format!("#{}", id.0))
}

/// The flags of `measure list`.
struct ListFilter {
    goal: Option<String>,
    status: Option<String>,
    fund: Option<String>,
    year: Option<i32>,
}

fn list(
    repo: &dyn Repository,
    lang: Lang,
    filter: ListFilter,
    as_json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
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
    let goals = repo.goals()?;
    let codes: HashMap<GoalId, String> = goals.iter().map(|g| (g.id, g.code.clone())).collect();
    let links_by_measure = Link::by_measure(repo.links()?);
    let in_scope: Option<HashSet<GoalId>> = match goal {
        None => None,
        Some(code) => {
            let root = resolve(repo, &code)?;
            let mut scope = HashSet::from([root.id]);
            // Tree order: a child always comes after its parent.
            for g in &goals {
                if g.parent.is_some_and(|p| scope.contains(&p)) {
                    scope.insert(g.id);
                }
            }
            Some(scope)
        }
    };
    let none = Vec::new();
    let measures: Vec<(Measure, &Vec<Link>)> = repo
        .measures()?
        .into_iter()
        .filter(|m| status.is_none_or(|s| m.status == s) && fund.is_none_or(|f| m.fund == Some(f)))
        // The same rule as the TUI's year filter and the report's --year.
        .filter(|m| year.is_none_or(|y| crate::app::measures::runs_in(m, y)))
        .map(|m| {
            let links = links_by_measure.get(&m.id).unwrap_or(&none);
            (m, links)
        })
        .filter(|(_, links)| {
            in_scope
                .as_ref()
                .is_none_or(|scope| links.iter().any(|l| scope.contains(&l.goal)))
        })
        .collect();
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
                    .map_or(String::new(), |l| code_of(&codes, l.goal)),
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

/// A field value as `measure show` prints it: amounts `12.500,50 €`, dates `01.03.2026`.
fn shown(value: Value) -> String {
    match value {
        Value::Text(text) => text,
        Value::Amount(amount) => amount.map_or(String::new(), |a| a.format_de()),
        Value::Date(date) => date.map_or(String::new(), format_date_de),
        Value::Fund(fund) => fund.map_or(String::new(), |f| f.name().into()),
        Value::Status(status) => status.name().into(),
        Value::List(items) => items.join(", "),
    }
}

fn show(
    lang: Lang,
    m: &Measure,
    links: &[Link],
    codes: &HashMap<GoalId, String>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let t = |text| lang.t(text);
    output::line(out, &format!("{}  {}", m.id, m.title))?;
    // The fields of the list in order; the title heads the output, long texts follow the goals.
    let rows = (MEASURE_FIELDS.iter())
        .filter(|row| row.field != Field::Title && row.kind != Kind::Text)
        .map(|row| (t(field_label(row.field)), shown(row.get(m))));
    for (label, value) in rows {
        output::line(
            out,
            &format!("{}{value}", crate::text::cell(&format!("{label}:"), 16)),
        )?;
    }
    let goals: Vec<String> = links
        .iter()
        .map(|l| {
            format!(
                "{}{}",
                code_of(codes, l.goal),
                if l.primary { "*" } else { "" }
            )
        })
        .collect();
    output::line(
        out,
        &format!(
            "{}{}",
            crate::text::cell(&format!("{}:", t(Text::FieldGoals)), 16),
            goals.join(", ")
        ),
    )?;
    for row in MEASURE_FIELDS.iter().filter(|row| row.kind == Kind::Text) {
        let (label, text) = (t(field_label(row.field)), row.text(m).unwrap_or_default());
        if !text.is_empty() {
            output::line(out, &format!("{label}:"))?;
            for line in text.lines() {
                output::line(out, &format!("  {line}"))?;
            }
        }
    }
    if !m.indicators.is_empty() {
        output::line(out, &format!("{}:", t(Text::FieldIndicators)))?;
        let comma = lang == Lang::De;
        for i in &m.indicators {
            let value = |v: f64| format_value(v, comma);
            let actual = i.actual.map_or("–".to_string(), value);
            let percent = i
                .attainment()
                .map_or(String::new(), |a| format!("  ({:.0} %)", a * 100.0));
            // No space before the comma when there is no unit: `0 → 100, Ist 120`.
            let unit = if i.unit.trim().is_empty() {
                String::new()
            } else {
                format!(" {}", i.unit)
            };
            let text = fill(
                t(Text::IndicatorLine),
                &[
                    ("name", &i.name),
                    ("baseline", &value(i.baseline)),
                    ("target", &value(i.target)),
                    ("unit", &unit),
                    ("actual", &actual),
                    ("attainment", &percent),
                ],
            );
            output::line(out, &format!("  {text}"))?;
        }
    }
    for warning in fund_warnings(m) {
        output::line(
            out,
            &format!("{}: {}", t(Text::WarningPrefix), warning.localize(lang)),
        )?;
    }
    Ok(())
}

fn number(text: &str, field: Field) -> Result<f64, CliError> {
    parse_decimal(text).map_err(|p| CliError::Invalid(vec![ValidationError::new(field, p)]))
}

/// Runs an `indicator` subcommand (each is one `UpdateMeasure`).
pub fn indicator(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    command: IndicatorCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (id, name) = match &command {
        IndicatorCommand::Add { id, name, .. }
        | IndicatorCommand::Set { id, name, .. }
        | IndicatorCommand::Remove { id, name } => (id, name.trim().to_string()),
    };
    let stored = resolve_measure(repo, id)?;
    let mut measure = stored.clone();
    let position = measure
        .indicators
        .iter()
        .position(|i| i.name.eq_ignore_ascii_case(&name));
    let field = Field::Indicator(position.unwrap_or(measure.indicators.len()));
    let missing = || CliError::UnknownIndicator {
        measure: measure.id,
        name: name.clone(),
    };
    let done = match command {
        IndicatorCommand::Add {
            unit,
            baseline,
            target,
            actual,
            ..
        } => {
            let indicator = Indicator {
                name: name.clone(),
                unit,
                baseline: number(&baseline, field)?,
                target: number(&target, field)?,
                actual: actual
                    .filter(|a| !a.trim().is_empty())
                    .map(|a| number(&a, field))
                    .transpose()?,
            };
            measure.indicators.push(indicator);
            Text::DoneIndicatorAdded
        }
        IndicatorCommand::Set { actual, .. } => {
            let index = position.ok_or_else(missing)?;
            let value = if actual.trim().is_empty() {
                None
            } else {
                Some(number(&actual, field)?)
            };
            measure.indicators[index].actual = value;
            Text::DoneIndicatorSet
        }
        IndicatorCommand::Remove { .. } => {
            measure.indicators.remove(position.ok_or_else(missing)?);
            Text::DoneIndicatorRemoved
        }
    };
    if measure == stored {
        return nothing_changed(lang, measure.id, out);
    }
    repo.apply(
        Op::UpdateMeasure {
            measure: measure.clone(),
        },
        actor,
    )?;
    output::line(
        out,
        &fill(lang.t(done), &[("name", &name), ("measure", &measure.id)]),
    )?;
    Ok(())
}

/// `quartier link ID CODE [--primary]`.
pub fn link(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    id: &str,
    code: &str,
    primary: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let measure = resolve_measure(repo, id)?;
    let goal = resolve(repo, code)?;
    let already = repo
        .links_of_measure(measure.id)?
        .into_iter()
        .find(|l| l.goal == goal.id);
    let op = match already {
        Some(link) if primary && !link.primary => Op::SetPrimary {
            measure: measure.id,
            goal: goal.id,
        },
        _ => Op::Link {
            measure: measure.id,
            goal: goal.id,
            primary,
        },
    };
    repo.apply(op, actor)?;
    output::line(
        out,
        &fill(
            lang.t(Text::DoneLinked),
            &[("measure", &measure.id), ("goal", &goal.code)],
        ),
    )?;
    Ok(())
}

/// `quartier unlink ID CODE`.
pub fn unlink(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    id: &str,
    code: &str,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let measure = resolve_measure(repo, id)?;
    let goal = resolve(repo, code)?;
    repo.apply(
        Op::Unlink {
            measure: measure.id,
            goal: goal.id,
        },
        actor,
    )?;
    output::line(
        out,
        &fill(
            lang.t(Text::DoneUnlinked),
            &[("measure", &measure.id), ("goal", &goal.code)],
        ),
    )?;
    notice_orphans(repo, lang, [measure.id])?;
    Ok(())
}

/// The orphan rule: says on stderr (scripts are not asked) which of `candidates` have no goal
/// left, `Hinweis: M-0010 „…“ hat jetzt kein Ziel mehr (in der TUI unter „Ohne Ziel“).`
pub fn notice_orphans(
    repo: &dyn Repository,
    lang: Lang,
    candidates: impl IntoIterator<Item = MeasureId>,
) -> Result<(), CliError> {
    let mut seen = HashSet::new();
    for id in candidates {
        if !seen.insert(id) || !repo.links_of_measure(id)?.is_empty() {
            continue;
        }
        let Some(measure) = repo.measure(id)? else {
            continue;
        };
        let name = match lang {
            Lang::De => format!("{} „{}“", measure.id, measure.title),
            Lang::En => format!("{} \"{}\"", measure.id, measure.title),
        };
        let notice = fill(lang.t(Text::NoticeOrphan), &[("measure", &name)]);
        eprintln!(
            "{}: {}",
            lang.t(Text::WarningPrefix),
            crate::text::sanitize_line(&notice)
        );
    }
    Ok(())
}
