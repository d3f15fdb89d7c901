//! `quartier measure status M-0012 bewilligt --date … --note …`, and what a saved measure
//! says about its course: a status change that skips the usual course (warned, not refused),
//! and a new end date's Verwendungsnachweis deadline (proposed with the command to create it).

use std::io::Write;

use super::{date_of, say, today};
use crate::cli::CliError;
use crate::cli::measures::resolve_measure;
use crate::cli::output;
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    DeadlineKind, Field, Measure, Status, course_warning, format_date_de, proposed_proof_due,
};
use crate::ops::Op;
use crate::store::Repository;

/// What `measure status` was given: measure, status, date and note as typed.
pub struct StatusArgs {
    pub id: String,
    pub status: String,
    pub date: Option<String>,
    pub note: String,
}

/// `measure status`: sets the status with date (default today) and note, recorded as a step.
pub fn set_status(
    repo: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    args: StatusArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let StatusArgs {
        id,
        status,
        date,
        note,
    } = args;
    let measure = resolve_measure(repo, &id)?;
    let to = Status::parse_input(&status).map_err(|p| super::invalid(Field::Status, p))?;
    let date = match date {
        Some(text) => date_of(Field::Date, &text)?,
        None => today()?,
    };
    let op = Op::SetStatus {
        measure: measure.id,
        to,
        date,
        note,
    };
    repo.apply(op, actor)?;
    let done = fill(
        lang.t(Text::DoneStatusSet),
        &[
            ("measure", &measure.id),
            ("from", &lang.status(measure.status)),
            ("to", &lang.status(to)),
            ("date", &format_date_de(date)),
        ],
    );
    output::line(out, &done)?;
    warn_course(lang, measure.status, to);
    Ok(())
}

/// Warns on stderr when `from` → `to` leaves the usual course.
fn warn_course(lang: Lang, from: Status, to: Status) {
    if let Some(warning) = course_warning(from, to) {
        say(lang, &warning.localize(lang));
    }
}

/// After `measure add` (`before` is `None`) or `measure edit`: warns about a status change
/// off the usual course, and proposes the Verwendungsnachweis deadline for a new end date
/// unless the measure has one.
pub fn after_measure_saved(
    repo: &dyn Repository,
    lang: Lang,
    before: Option<&Measure>,
    saved: &Measure,
) -> Result<(), CliError> {
    if let Some(before) = before {
        warn_course(lang, before.status, saved.status);
    }
    let Some(end) = saved
        .end
        .filter(|end| before.is_none_or(|b| b.end != Some(*end)))
    else {
        return Ok(());
    };
    let has_proof = (repo.course_of(saved.id)?.deadlines.iter())
        .any(|d| d.kind == DeadlineKind::Verwendungsnachweis && d.done.is_none());
    if let (false, Some(due)) = (has_proof, proposed_proof_due(end, super::proof_months())) {
        let text = fill(
            lang.t(Text::HintProposedDeadline),
            &[("due", &format_date_de(due)), ("measure", &saved.id)],
        );
        say(lang, &text);
    }
    Ok(())
}
