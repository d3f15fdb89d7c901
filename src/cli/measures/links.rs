//! `quartier link` and `unlink`, and the notice for measures left without a goal.

use std::collections::HashSet;
use std::io::Write;

use super::resolve_measure;
use crate::cli::CliError;
use crate::cli::goals::resolve;
use crate::cli::output;
use crate::i18n::{Lang, Text, fill};
use crate::model::MeasureId;
use crate::ops::Op;
use crate::store::Repository;

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
