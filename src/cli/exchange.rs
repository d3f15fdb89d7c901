//! `quartier export` and `quartier import`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;
use crate::exchange::{self, Format, ImportOptions, Incoming, Plan, Snapshot};
use crate::i18n::{Lang, Text, fill};
use crate::store::Store;

/// What a CSV export contains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// One row per measure.
    #[default]
    Measures,
    /// One row per indicator.
    Indicators,
}

/// Options of `quartier export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// json, csv, xlsx or md; default: from the file's extension, else json.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output (required for xlsx).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// JSON: include the history.
    #[arg(long)]
    pub with_history: bool,
    /// CSV: measures (default) or indicators.
    #[arg(long, value_enum, default_value_t = What::Measures)]
    pub what: What,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// Options of `quartier import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file to read.
    pub file: PathBuf,
    /// json, csv or xlsx; default: from the file's extension.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Show what would be added, changed or left unchanged, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Create goals for unknown goal codes instead of refusing the file.
    #[arg(long)]
    pub create_goals: bool,
}

/// `quartier export`.
pub fn export(
    store: &Store,
    lang: Lang,
    args: ExportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let format = Format::detect(args.format, args.output.as_deref()).unwrap_or(Format::Json);
    let snapshot = Snapshot::read(store)?;
    let bytes = match format {
        Format::Json => {
            let history = if args.with_history {
                let mut entries = store.history(usize::MAX)?;
                entries.reverse();
                Some(entries)
            } else {
                None
            };
            let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            exchange::json::export(&snapshot, history.as_deref(), &now).into_bytes()
        }
        Format::Xlsx => xlsx_bytes(&snapshot, args.output.as_deref())?, // XLSX:
        Format::Csv | Format::Md => {
            return Err(CliError::FormatUnsupported(
                format!("{format:?}").to_lowercase(),
            ));
        }
    };
    let _ = args.what;
    match &args.output {
        Some(path) => {
            write_new(path, &bytes, args.force)?;
            let text = fill(lang.t(Text::DoneExport), &[("path", &path.display())]);
            eprintln!("{}", crate::text::sanitize_line(&text));
        }
        None => out.write_all(&bytes)?,
    }
    Ok(())
}

/// The XLSX workbook; refused without an output file (binary data is no use on a terminal).
fn xlsx_bytes(snapshot: &Snapshot, output: Option<&Path>) -> Result<Vec<u8>, CliError> {
    if output.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    exchange::xlsx::export(snapshot).map_err(|e| CliError::Output(std::io::Error::other(e)))
}

/// Writes `bytes` to `path` through a temporary file and a rename, so a reader never sees half a
/// file; refuses to replace an existing file unless `force`.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), CliError> {
    if path.exists() && !force {
        return Err(CliError::FileExists(path.to_path_buf()));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map_err(CliError::Output)
}

/// Parses a file of any supported format.
pub fn parse(path: &Path, format: Format, lang: Lang) -> Result<Incoming, CliError> {
    let file = path.display().to_string();
    let bytes = exchange::read_file(path, lang).map_err(CliError::Import)?;
    match format {
        Format::Json => exchange::json::parse(&bytes, &file, lang).map_err(CliError::Import),
        Format::Xlsx => exchange::xlsx::parse(&bytes, &file, lang).map_err(CliError::Import), // XLSX:
        Format::Csv | Format::Md => Err(CliError::FormatUnsupported(
            format!("{format:?}").to_lowercase(),
        )),
    }
}

/// `quartier import`.
pub fn import(
    store: &mut Store,
    actor: &str,
    lang: Lang,
    args: ImportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let format = Format::detect(args.format, Some(&args.file))
        .ok_or_else(|| CliError::FormatUnknown(args.file.clone()))?;
    let incoming = parse(&args.file, format, lang)?;
    let options = ImportOptions {
        create_goals: args.create_goals,
    };
    let file = args.file.display().to_string();
    let plan = exchange::plan(store, &incoming, options, &file, lang).map_err(CliError::Import)?;
    if args.dry_run {
        print_plan(&plan, lang, out)?;
        return Ok(());
    }
    let summary = summary(&plan, lang);
    if let Some(op) = plan.into_op() {
        store.apply(op, actor)?;
    }
    writeln!(out, "{summary}")?;
    Ok(())
}

fn summary(plan: &Plan, lang: Lang) -> String {
    fill(
        lang.t(Text::DoneImport),
        &[
            ("added", &plan.added.len()),
            ("changed", &plan.changed.len()),
            ("unchanged", &plan.unchanged.len()),
            ("goals", &plan.goals_added.len()),
        ],
    )
}

fn print_plan(plan: &Plan, lang: Lang, out: &mut impl Write) -> Result<(), CliError> {
    let list = |ids: &[crate::model::MeasureId]| {
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (text, ids) in [
        (Text::DryRunAdded, &plan.added),
        (Text::DryRunChanged, &plan.changed),
        (Text::DryRunUnchanged, &plan.unchanged),
    ] {
        writeln!(out, "{}: {}", lang.t(text), list(ids))?;
    }
    if !plan.goals_added.is_empty() || !plan.goals_changed.is_empty() {
        let added = crate::text::sanitize_line(&plan.goals_added.join(", ")).into_owned();
        let changed = crate::text::sanitize_line(&plan.goals_changed.join(", ")).into_owned();
        writeln!(out, "{}: {added}", lang.t(Text::DryRunGoalsAdded))?;
        writeln!(out, "{}: {changed}", lang.t(Text::DryRunGoalsChanged))?;
    }
    writeln!(out, "{}", lang.t(Text::DryRunNothingWritten))?;
    Ok(())
}
