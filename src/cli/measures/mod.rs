//! `quartier measure …`, `indicator …`, `link`, `unlink`.

mod indicator;
mod links;
mod list;
mod show;

use std::collections::HashMap;
use std::io::Write;

use super::CliError;
use super::args::MeasureCommand;
use super::goals::{goal_codes, resolve};
use super::output;
use crate::i18n::{Lang, Localize, Text, fill};
use crate::json_shapes::MeasureJson;
use crate::model::{GoalId, Measure, MeasureId, fund_warnings};
use crate::ops::Op;
use crate::store::Repository;
pub use indicator::indicator;
pub use links::{link, notice_orphans, unlink};
use list::ListFilter;

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

/// [`resolve_measure`] with the record's revision, for a read-modify-write that must not
/// overwrite a change made in between.
pub fn resolve_measure_revised(
    repo: &dyn Repository,
    id: &str,
) -> Result<(u64, Measure), CliError> {
    let measure = resolve_measure(repo, id)?;
    repo.measure_revised(measure.id)?
        .ok_or_else(|| CliError::UnknownMeasure(measure.id.to_string()))
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
            add(repo, actor, lang, measure, &goals, out)
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
            list::list(repo, lang, filter, json, out)
        }
        MeasureCommand::Show { id, json } => show(repo, lang, &id, json, out),
        MeasureCommand::Edit { id, fields } => {
            let (revision, stored) = resolve_measure_revised(repo, &id)?;
            let mut measure = stored.clone();
            fields
                .apply_and_validate(&mut measure)
                .map_err(CliError::Invalid)?;
            edit(repo, actor, lang, (revision, &stored), measure, out)
        }
        MeasureCommand::Delete { id } => {
            let measure = resolve_measure(repo, &id)?;
            repo.apply(Op::DeleteMeasure { id: measure.id }, actor)?;
            output::line(
                out,
                &fill(lang.t(Text::DoneMeasureDeleted), &[("id", &measure.id)]),
            )?;
            Ok(())
        }
    }
}

/// `measure add`: stores `measure` linked to the goals of `codes`, prints its id.
fn add(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    measure: Measure,
    codes: &[String],
    out: &mut impl Write,
) -> Result<(), CliError> {
    let goals = codes
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
    crate::cli::money::after_measure_saved(repo, lang, id)?;
    Ok(())
}

/// `measure show`: the measure with its goals, as text or JSON.
fn show(
    repo: &dyn Repository,
    lang: Lang,
    id: &str,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let measure = resolve_measure(repo, id)?;
    let links = repo.links_of_measure(measure.id)?;
    let codes = goal_codes(repo)?;
    if json {
        output::json(
            out,
            &MeasureJson::new(&measure, &links, |l| code_of(&codes, l.goal)),
        )?;
        Ok(())
    } else {
        show::show(lang, &measure, &links, &codes, out)?;
        show::money(lang, &measure, &repo.measure_money(measure.id)?, out)
    }
}

/// `measure edit`: stores `measure` unless it equals `stored`.
fn edit(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    stored: (u64, &Measure),
    measure: Measure,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let done = fill(lang.t(Text::DoneMeasureUpdated), &[("id", &measure.id)]);
    if save_if_changed(repo, actor, lang, stored, &measure, &done, out)? {
        warn(lang, &measure);
        crate::cli::money::after_measure_saved(repo, lang, measure.id)?;
    }
    Ok(())
}

/// Stores `measure` and prints `done`, unless it equals `stored` (no flag, or only the values
/// already stored): then it says so and writes no history entry. The update expects the
/// revision `stored` was read at, so a change made in between is refused, not overwritten.
/// Whether it stored.
fn save_if_changed(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    (revision, stored): (u64, &Measure),
    measure: &Measure,
    done: &str,
    out: &mut impl Write,
) -> Result<bool, CliError> {
    if measure == stored {
        let text = fill(lang.t(Text::NothingChangedMeasure), &[("id", &measure.id)]);
        output::line(out, &text)?;
        return Ok(false);
    }
    let update = Op::UpdateMeasure {
        measure: measure.clone(),
    };
    repo.apply(
        update.expecting(crate::ops::Record::Measure(measure.id), revision),
        actor,
    )?;
    output::line(out, done)?;
    Ok(true)
}

fn code_of(codes: &HashMap<GoalId, String>, id: GoalId) -> String {
    codes.get(&id).cloned().unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod conflict_tests {
    use super::*;
    use crate::store::{Store, StoreError};

    /// `measure edit` read M-0001; a colleague saved before it wrote: refused, exit 1, with a
    /// hint, and the colleague's change stays.
    #[test]
    fn an_edit_based_on_an_old_read_is_refused_not_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db")).unwrap();
        let added = store
            .apply(
                Op::AddMeasure {
                    measure: Measure::new("Kiezfest"),
                    goals: Vec::new(),
                },
                "anna",
            )
            .unwrap();
        let id = added.added_measure().unwrap();
        let (revision, stored) = resolve_measure_revised(&store, "M-0001").unwrap();
        let mut theirs = stored.clone();
        theirs.notes = "von Ben".into();
        store
            .apply(Op::UpdateMeasure { measure: theirs }, "ben")
            .unwrap();
        let mut mine = stored.clone();
        mine.title = "Sommerfest".into();
        let mut out = Vec::new();
        let error = edit(
            &mut store,
            "anna",
            Lang::De,
            (revision, &stored),
            mine,
            &mut out,
        )
        .expect_err("a conflict");
        assert!(matches!(
            error,
            CliError::Store(StoreError::Conflict { .. })
        ));
        assert_eq!(error.exit_code(), 1);
        assert_eq!(
            error.localize(Lang::De),
            "M-0001 wurde inzwischen von jemand anderem geändert; nichts gespeichert."
        );
        assert!(error.hint(Lang::De).is_some());
        let now = store.measure(id).unwrap().unwrap();
        assert_eq!(
            (now.title.as_str(), now.notes.as_str()),
            ("Kiezfest", "von Ben")
        );
    }
}
