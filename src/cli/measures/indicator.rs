//! `quartier indicator add|set|remove`: each one `UpdateMeasure` of the measure's indicators.

use std::io::Write;

use super::{resolve_measure_revised, save_if_changed};
use crate::cli::CliError;
use crate::cli::args::IndicatorCommand;
use crate::i18n::{Lang, Text, fill};
use crate::model::{Field, Indicator, ValidationError, parse_decimal};
use crate::store::Repository;

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
    let (revision, stored) = resolve_measure_revised(repo, id)?;
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
    let done = fill(lang.t(done), &[("name", &name), ("measure", &measure.id)]);
    save_if_changed(repo, actor, lang, (revision, &stored), &measure, &done, out)?;
    Ok(())
}
