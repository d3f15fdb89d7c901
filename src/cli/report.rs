//! `quartier report [--year Y] [--format txt|md|json] [-o FILE [--force]]`: the figures of
//! [`crate::report`] as aligned text (default), a Markdown document or JSON. The text and
//! Markdown forms share one list of tables (`report/sections.rs`), so they always show the same.

pub(crate) mod plain;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::CliError;
use super::output;
use crate::i18n::{Lang, Text, fill};
use crate::store::Repository;

/// Output formats of `quartier report`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned plain-text tables.
    #[default]
    Txt,
    /// A Markdown document.
    Md,
    /// JSON, amounts in cents.
    Json,
}

/// Options of `quartier report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only measures running in this year (start..end overlaps it).
    #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub year: Option<i32>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Computes the report and prints it or writes it to the file.
pub fn run(
    repo: &dyn Repository,
    lang: Lang,
    args: ReportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let today = crate::report::today().map_err(CliError::Today)?;
    let report = crate::report::Inputs::read(repo)?.compute(args.year, today);
    let text = match args.format {
        ReportFormat::Txt => plain::render(&report, lang),
        ReportFormat::Md => crate::report::markdown::render(&report, lang),
        ReportFormat::Json => {
            crate::report::json_output::render(&report).map_err(std::io::Error::from)?
        }
    };
    match args.output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            write_file(&path, text.as_bytes(), args.force)?;
            let done = fill(lang.t(Text::ReportWritten), &[("path", &path.display())]);
            output::line(out, &done)?;
        }
    }
    Ok(())
}

/// Writes the report, never half a file; without `force` an existing file is refused.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), CliError> {
    crate::files::write_atomically(path, bytes, force, crate::files::Access::Shared).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists && !force {
            CliError::ReportExists(path.to_path_buf())
        } else {
            CliError::ReportWrite {
                path: path.to_path_buf(),
                source: e,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, GoalId, Measure, MeasureId};
    use crate::report::Report;

    #[test]
    fn hostile_titles_reach_neither_text_nor_markdown_raw() {
        let goal = Goal {
            id: GoalId(1),
            parent: None,
            code: "Z1".into(),
            title: "Ziel\u{202e} eins".into(),
            description: String::new(),
            position: 0,
        };
        let mut measure = Measure::new("Böse\x1b[2J\x1b]0;x\x07| # *fett*\nzweite Zeile");
        measure.id = MeasureId(1);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let report = Report::compute(&[goal], &[measure], &[], None, today);
        for text in [
            plain::render(&report, Lang::De),
            crate::report::markdown::render(&report, Lang::De),
        ] {
            assert!(
                !text
                    .chars()
                    .any(|c| c != '\n' && crate::model::is_forbidden_in_line(c)),
                "{text}"
            );
        }
        let md = crate::report::markdown::render(&report, Lang::De);
        assert!(
            md.contains("| Böse�\\[2J�\\]0;x�\\| \\# \\*fett\\* zweite Zeile |"),
            "{md}"
        );
        let txt = plain::render(&report, Lang::De);
        assert!(
            txt.contains("Böse�[2J�]0;x�| # *fett* zweite Zeile"),
            "{txt}"
        );
    }
}
