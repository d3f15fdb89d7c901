//! The commands that open no database: `completions`, `man` and `config` (issue 16).

use super::{CliError, output};
use crate::i18n::{Lang, Text};

/// Runs `write` on a buffered stdout; exit code 0.
pub(super) fn to_stdout(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<i32, CliError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write(&mut out)?;
    std::io::Write::flush(&mut out)?;
    Ok(0)
}

/// `quartier config`: the path of the config file, `--print-default` or `--check`.
pub(super) fn config(
    settings: &super::config::Settings,
    lang: Lang,
    print_default: bool,
    check: bool,
    out: &mut impl std::io::Write,
) -> Result<i32, CliError> {
    use crate::i18n::fill;
    if print_default {
        write!(out, "{}", super::config::default_file(lang))?;
        return Ok(0);
    }
    let path = settings.path.display();
    if !check {
        writeln!(out, "{}", crate::text::sanitize_line(&path.to_string()))?;
        return Ok(0);
    }
    if !settings.path.exists() {
        let text = fill(lang.t(Text::ConfigMissing), &[("path", &path)]);
        output::line(out, &text)?;
        return Ok(0);
    }
    let problems = settings.all_problems();
    for problem in &problems {
        output::line(out, &settings.describe(problem, lang))?;
    }
    if problems.is_empty() {
        output::line(out, &fill(lang.t(Text::ConfigOk), &[("path", &path)]))?;
        Ok(0)
    } else {
        let count = problems.len();
        let text = fill(
            lang.t(Text::ConfigProblems),
            &[("path", &path), ("count", &count)],
        );
        output::line(out, &text)?;
        Ok(1)
    }
}
