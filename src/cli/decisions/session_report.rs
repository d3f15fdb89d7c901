//! `quartier session report <session> [--format md|txt|json]` (issue 15): the report of one
//! session to attach to the minutes ([`SessionReport`]), Markdown by default.

use std::collections::HashMap;
use std::io::Write;

use crate::cli::{CliError, ReportFormat};
use crate::i18n::Lang;
use crate::model::{Decision, Measure, MeasureId};
use crate::ops::Record;
use crate::report::session::SessionReport;
use crate::store::{Repository, StoreError};

/// Reads the session, its decisions and their measures, and writes the report.
pub(super) fn run(
    repo: &dyn Repository,
    lang: Lang,
    session: &str,
    format: ReportFormat,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let id = super::session_id(session)?;
    let (_, session) = repo
        .session(id)?
        .ok_or(StoreError::NotFound(Record::Session(id)))?;
    let decisions: Vec<Decision> = repo.decisions_in(id)?.into_iter().map(|(_, d)| d).collect();
    let mut ids: Vec<MeasureId> = decisions.iter().map(|d| d.measure).collect();
    ids.sort_unstable();
    ids.dedup();
    let measures: HashMap<MeasureId, Measure> = (repo.measures_by_id(&ids)?.into_iter())
        .map(|m| (m.id, m))
        .collect();
    let report = SessionReport::compute(session, &decisions, &measures);
    let text = match format {
        ReportFormat::Md => report.markdown(lang),
        ReportFormat::Txt => crate::cli::report::plain::session(&report, lang),
        ReportFormat::Json => report.json().map_err(std::io::Error::from)?,
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}
