//! `quartier export` and `quartier import`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;
use crate::exchange::{
    self, ExportError, ExportRequest, Format, ImportOptions, Incoming, Plan, Snapshot, What,
};
use crate::i18n::{Lang, Text, fill};
use crate::store::Repository;

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
    /// CSV: measures (default), indicators, payments, plan, pots, decisions or deadlines.
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
    /// CSV: what the file holds (default: measures or indicators, told by the header).
    #[arg(long, value_enum)]
    pub what: Option<What>,
}

/// `quartier export`.
pub fn export(
    store: &dyn Repository,
    lang: Lang,
    args: ExportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let format = Format::detect(args.format, args.output.as_deref()).unwrap_or(Format::Json);
    if format == Format::Xlsx && args.output.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    let request = ExportRequest {
        format,
        what: args.what,
        with_history: args.with_history,
    };
    let progress = super::progress::Progress::start(lang, "export", 2);
    progress.step(Text::ProgressConvert);
    let bytes = exchange::export::bytes(store, request, lang).map_err(|e| match e {
        ExportError::Store(e) => CliError::Store(e),
        ExportError::Unsupported(format) => unsupported(format),
        ExportError::Other(text) => CliError::Output(std::io::Error::other(text)),
    })?;
    progress.step(Text::ProgressWriteFile);
    match &args.output {
        Some(path) => {
            write_new(path, &bytes, args.force)?;
            progress.clear();
            let text = fill(lang.t(Text::DoneExport), &[("path", &path.display())]);
            eprintln!("{}", crate::text::sanitize_line(&text));
        }
        None => {
            progress.clear();
            out.write_all(&bytes)?
        }
    }
    Ok(())
}

/// Writes an export to `path`, never half a file; refuses to replace an existing file unless
/// `force`.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), CliError> {
    crate::files::write_atomically(path, bytes, force, crate::files::Access::Shared).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::FileExists(path.to_path_buf())
        } else {
            CliError::Output(e)
        }
    })
}

/// Parses a file of any supported format. `existing` (the database) lets a CSV file without
/// some columns keep those fields of the measures it names.
pub fn parse(
    path: &Path,
    format: Format,
    lang: Lang,
    existing: Option<&Snapshot>,
) -> Result<Incoming, CliError> {
    parse_what(path, format, lang, existing, None)
}

/// Like [`parse`]; `what` names the record table a CSV file holds (`--what payments`).
pub fn parse_what(
    path: &Path,
    format: Format,
    lang: Lang,
    existing: Option<&Snapshot>,
    what: Option<What>,
) -> Result<Incoming, CliError> {
    let file = path.display().to_string();
    let table = what.and_then(What::record_table);
    if table.is_some() && format != Format::Csv {
        return Err(CliError::Import(vec![exchange::ImportProblem::whole_file(
            &file,
            lang.t(Text::ImportWhatNeedsCsv),
        )]));
    }
    if format == Format::Md {
        return Err(CliError::Import(vec![exchange::ImportProblem::whole_file(
            &file,
            lang.t(Text::ImportMarkdownExportOnly),
        )]));
    }
    let bytes = exchange::read_file(path, lang).map_err(CliError::Import)?;
    match format {
        Format::Json => exchange::json::parse(&bytes, &file, lang).map_err(CliError::Import),
        Format::Csv => match table {
            Some(table) => exchange::csv::parse_records(&bytes, &file, lang, table),
            None => exchange::csv::parse(&bytes, &file, lang, existing),
        }
        .map_err(CliError::Import),
        Format::Xlsx => exchange::xlsx::parse(&bytes, &file, lang).map_err(CliError::Import),
        // Refused above.
        Format::Md => Ok(Incoming::default()),
    }
}

fn unsupported(format: Format) -> CliError {
    CliError::FormatUnsupported(format!("{format:?}").to_lowercase())
}

/// `quartier import`.
pub fn import(
    store: &mut dyn Repository,
    actor: &str,
    lang: Lang,
    args: ImportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let format = Format::detect(args.format, Some(&args.file))
        .ok_or_else(|| CliError::FormatUnknown(args.file.clone()))?;
    let mut progress =
        super::progress::Progress::start(lang, "import", if args.dry_run { 3 } else { 4 });
    progress.step(Text::ProgressReadDatabase);
    let existing = Snapshot::read(store)?;
    progress.step(Text::ProgressReadFile);
    let incoming = parse_what(&args.file, format, lang, Some(&existing), args.what)?;
    progress.set_count(incoming.measures.len());
    progress.step(Text::ProgressCheck);
    let options = ImportOptions {
        create_goals: args.create_goals,
    };
    let file = args.file.display().to_string();
    // The database was read once above; the plan checks against that same snapshot.
    let plan = exchange::plan_against(
        &existing,
        store.next_ids()?,
        &incoming,
        options,
        &file,
        lang,
    )
    .map_err(|problems| {
        progress.clear();
        // The notes (encoding, ignored columns) help to read the problems.
        for line in exchange::shown_problems(&incoming.notes, lang) {
            eprintln!("{}: {line}", lang.t(Text::WarningPrefix));
        }
        CliError::Import(problems)
    })?;
    let mut plan = plan;
    if let Some(stamp) = incoming.stamp {
        exchange::warn_stale(&mut plan, store, stamp, &file, lang)?;
    }
    progress.suspend(|| print_warnings(&plan, lang));
    if args.dry_run {
        progress.clear();
        print_plan(&plan, lang, out)?;
        return Ok(());
    }
    let summary = summary(&plan, lang);
    if let Some(op) = plan.into_op() {
        // Labeled, so `log` and undo say `Import aus massnahmen.csv: 1 neu, 2 geändert`.
        let ops = match op {
            crate::ops::Op::Batch { ops } => ops,
            other => vec![other],
        };
        let label = crate::ops::Label::Import { file };
        progress.step(Text::ProgressStore);
        store.apply(crate::ops::Op::labeled(label, ops), actor)?;
    }
    progress.clear();
    writeln!(out, "{summary}")?;
    Ok(())
}

fn summary(plan: &Plan, lang: Lang) -> String {
    let mut text = fill(
        lang.t(Text::DoneImport),
        &[
            ("added", &plan.added.len()),
            ("changed", &plan.changed.len()),
            ("unchanged", &plan.unchanged.len()),
            ("goals", &plan.goals_added.len()),
        ],
    );
    let parts: Vec<String> = [(Text::SumMoney, plan.money), (Text::SumCourse, plan.course)]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(template, n)| fill(lang.t(template), &[("n", &n)]))
        .collect();
    if !parts.is_empty() {
        text = format!("{text} ({})", parts.join(", "));
    }
    text
}

/// Every warning of the plan on standard error, `Hinweis: Datei:Zeile: …`, at most
/// [`exchange::MAX_SHOWN_PROBLEMS`] and then how many more.
fn print_warnings(plan: &Plan, lang: Lang) {
    for line in exchange::shown_problems(&plan.warnings, lang) {
        eprintln!("{}: {line}", lang.t(Text::WarningPrefix));
    }
}

fn print_plan(plan: &Plan, lang: Lang, out: &mut impl Write) -> Result<(), CliError> {
    let list = |ids: &[crate::model::MeasureId]| {
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "{}: {}", lang.t(Text::DryRunAdded), list(&plan.added))?;
    writeln!(
        out,
        "{}: {}",
        lang.t(Text::DryRunChanged),
        list(&plan.changed)
    )?;
    for diff in &plan.diffs {
        let title = crate::text::sanitize_line(&diff.title);
        let title = crate::text::truncate(&title, 60);
        let heading = fill(
            lang.t(Text::DryRunMeasure),
            &[("id", &diff.id), ("title", &title)],
        );
        writeln!(out, "  {heading}")?;
        for change in &diff.changes {
            writeln!(out, "    {change}")?;
        }
    }
    writeln!(
        out,
        "{}: {}",
        lang.t(Text::DryRunUnchanged),
        list(&plan.unchanged)
    )?;
    if !plan.absent.is_empty() {
        writeln!(
            out,
            "{}: {}",
            lang.t(Text::DryRunAbsent),
            list(&plan.absent)
        )?;
    }
    if !plan.goals_added.is_empty() || !plan.goals_changed.is_empty() {
        let added = crate::text::sanitize_line(&plan.goals_added.join(", ")).into_owned();
        let changed = crate::text::sanitize_line(&plan.goals_changed.join(", ")).into_owned();
        writeln!(out, "{}: {added}", lang.t(Text::DryRunGoalsAdded))?;
        writeln!(out, "{}: {changed}", lang.t(Text::DryRunGoalsChanged))?;
    }
    for (template, n) in [(Text::SumMoney, plan.money), (Text::SumCourse, plan.course)] {
        if n > 0 {
            writeln!(out, "{}", fill(lang.t(template), &[("n", &n)]))?;
        }
    }
    writeln!(out, "{}", lang.t(Text::DryRunNothingWritten))?;
    Ok(())
}
