//! The export dialog (`x`): choose a format (↑/↓, the formats are a list), edit the file name
//! (a path in the current directory by default; `~` is the home directory), Enter writes —
//! after asking when the file already exists. The dialog stays open, with the typed name, until
//! the file is written: a refused path shows why (in the user's language, naming the path)
//! and answering `n` to "replace?" comes back to it. The bytes come from the same function as
//! `quartier export`.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::popups::{Confirm, Pending};
use super::{Action, App, MessageKind, Mode};
use crate::exchange::Format;
use crate::exchange::export::ExportError;
use crate::i18n::{Lang, Localize, Text, fill};

/// Formats offered, in order.
pub const FORMATS: [Format; 4] = [Format::Json, Format::Csv, Format::Xlsx, Format::Md];

/// The open export dialog.
#[derive(Debug)]
pub struct ExportDialog {
    pub format: Format,
    pub path: Input,
    /// Why the last attempt wrote nothing; cleared when the name is edited.
    pub error: Option<String>,
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
        Format::Md => "md",
    }
}

/// The name and one-line description of a format, for the dialog's list.
pub fn describe(format: Format) -> (&'static str, Text) {
    match format {
        Format::Json => ("JSON", Text::ExportFormatJson),
        Format::Csv => ("CSV", Text::ExportFormatCsv),
        Format::Xlsx => ("XLSX", Text::ExportFormatXlsx),
        Format::Md => ("Markdown", Text::ExportFormatMd),
    }
}

/// The file a typed name means: `~` and `~/…` are the home directory (`$HOME`), a relative
/// name lies in `dir`; the result is absolute, so messages name the full path.
pub fn resolve(typed: &str, dir: &Path) -> PathBuf {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    let path = match typed.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(typed)),
        Some(rest) if rest.starts_with('/') => home().map_or_else(
            || PathBuf::from(typed),
            |home| home.join(rest.trim_start_matches('/')),
        ),
        _ => PathBuf::from(typed),
    };
    let path = if path.is_relative() {
        dir.join(path)
    } else {
        path
    };
    std::path::absolute(&path).unwrap_or(path)
}

/// Why writing `path` failed, as a sentence naming it.
fn write_error(lang: Lang, path: &Path, error: &std::io::Error) -> String {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("/"));
    let text = match error.kind() {
        ErrorKind::NotFound => Text::ExportNoDir,
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => Text::ExportNoPermission,
        ErrorKind::NotADirectory => Text::ExportNotDir,
        ErrorKind::IsADirectory => Text::ExportIsDir,
        _ => Text::ExportFailed,
    };
    fill(
        lang.t(text),
        &[
            ("path", &path.display()),
            ("dir", &dir.display()),
            ("error", error),
        ],
    )
}

impl ExportDialog {
    /// JSON to `quartier-YYYY-MM-DD.json` in `dir` (shown without a directory when `dir` is
    /// the current one).
    pub fn new(dir: &std::path::Path) -> ExportDialog {
        let day = chrono::Local::now().format("%Y-%m-%d");
        let name = format!("quartier-{day}.json");
        let path = if dir == std::path::Path::new(".") {
            name
        } else {
            dir.join(name).display().to_string()
        };
        ExportDialog {
            format: Format::Json,
            path: Input::new(path),
            error: None,
        }
    }

    /// The next or previous format; the file name's extension follows.
    pub fn cycle(&mut self, forward: bool) {
        let at = FORMATS.iter().position(|f| *f == self.format).unwrap_or(0);
        let n = FORMATS.len();
        let next = FORMATS[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        let old = format!(".{}", extension(self.format));
        let value = self.path.value();
        if let Some(stem) = value.strip_suffix(&old) {
            self.path = Input::new(format!("{stem}.{}", extension(next)));
        }
        self.format = next;
    }

    /// Passes a key to the file name.
    pub fn edit(&mut self, key: KeyEvent) {
        let before = self.path.value().to_string();
        self.path.handle_event(&Event::Key(key));
        if self.path.value() != before {
            self.error = None;
        }
    }
}

impl App {
    pub(super) fn update_export(&mut self, mut dialog: ExportDialog, action: Action) -> Mode {
        match action {
            Action::MoveDown | Action::ChoiceNext => dialog.cycle(true),
            Action::MoveUp | Action::ChoicePrev => dialog.cycle(false),
            Action::Cancel => return Mode::Normal,
            Action::Confirm => {
                let typed = dialog.path.value().trim().to_string();
                if typed.is_empty() {
                    dialog.error = Some(self.lang.t(Text::ExportNoName).to_string());
                    return Mode::Export(dialog);
                }
                let path = resolve(&typed, &self.export_dir);
                return if path.is_dir() {
                    let text = fill(self.lang.t(Text::ExportIsDir), &[("path", &path.display())]);
                    self.refuse_export(dialog, text)
                } else if path.exists() {
                    let question = fill(
                        self.lang.t(Text::AskOverwrite),
                        &[("path", &path.display())],
                    );
                    Mode::Confirm(Confirm {
                        question,
                        pending: Pending::Export(Box::new(dialog), path),
                    })
                } else {
                    self.export_to(dialog, path, false)
                };
            }
            other => self.unbound(super::Context::Export, other),
        }
        Mode::Export(dialog)
    }

    /// Writes the export (replacing an existing file only when `replace`). Success closes the
    /// dialog and names the full path; a failure keeps it open with the reason.
    pub(super) fn write_export(
        &mut self,
        dialog: ExportDialog,
        path: PathBuf,
        replace: bool,
    ) -> Mode {
        let bytes =
            crate::exchange::export::bytes(self.store(), super::busy::request(&dialog), self.lang);
        self.finish_export(dialog, path, replace, bytes)
    }

    /// Writes the bytes of an export (or says why there are none): success closes the dialog
    /// and names the full path; a failure keeps it open with the reason.
    pub(super) fn finish_export(
        &mut self,
        dialog: ExportDialog,
        path: PathBuf,
        replace: bool,
        bytes: Result<Vec<u8>, ExportError>,
    ) -> Mode {
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                let reason = match &error {
                    ExportError::Store(error) => error.localize(self.lang),
                    other => other.to_string(),
                };
                let text = fill(
                    self.lang.t(Text::ExportFailed),
                    &[("path", &path.display()), ("error", &reason)],
                );
                return self.refuse_export(dialog, text);
            }
        };
        match crate::files::write_private(&path, &bytes, replace) {
            Ok(()) => {
                let text = fill(self.lang.t(Text::DoneExport), &[("path", &path.display())]);
                self.say(MessageKind::Success, text);
                Mode::Normal
            }
            Err(error) => {
                let text = write_error(self.lang, &path, &error);
                self.refuse_export(dialog, text)
            }
        }
    }

    /// Keeps the dialog open showing `text` (which also goes to the status bar and its log).
    fn refuse_export(&mut self, mut dialog: ExportDialog, text: String) -> Mode {
        let message = format!("{}: {text}", self.lang.t(Text::ErrorPrefix));
        self.say(MessageKind::Error, message);
        dialog.error = Some(text);
        Mode::Export(dialog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::{fixture, press, type_text};

    #[test]
    fn export_writes_the_chosen_format_and_asks_before_overwriting() {
        let mut f = fixture();
        let app = &mut f.app;
        press(app, "x");
        let Mode::Export(dialog) = &mut app.mode else {
            panic!("no dialog");
        };
        assert!(dialog.path.value().ends_with(".json"));
        let target = f.dir.path().join("bericht.json");
        dialog.path = Input::new(target.display().to_string());
        press(app, "<Down>");
        let Mode::Export(dialog) = &app.mode else {
            panic!("closed");
        };
        assert_eq!(dialog.format, Format::Csv);
        assert!(dialog.path.value().ends_with("bericht.csv"));
        press(app, "<Enter>");
        let csv = f.dir.path().join("bericht.csv");
        let bytes = std::fs::read(&csv).unwrap();
        assert!(bytes.starts_with(b"\xef\xbb\xbfID;Titel;"));
        assert!(app.message.as_ref().unwrap().text.contains("bericht.csv"));
        // Again: the file exists, so it asks; `n` keeps the old file.
        std::fs::write(&csv, "alt").unwrap();
        press(app, "x");
        if let Mode::Export(dialog) = &mut app.mode {
            dialog.path = Input::new(csv.display().to_string());
            dialog.format = Format::Csv;
        }
        press(app, "<Enter>");
        assert!(matches!(app.mode, Mode::Confirm(_)));
        press(app, "n");
        assert_eq!(std::fs::read_to_string(&csv).unwrap(), "alt");
        // `n` goes back to the dialog, name and format kept.
        let Mode::Export(dialog) = &app.mode else {
            panic!("the dialog did not come back: {:?}", app.mode);
        };
        assert_eq!(dialog.path.value(), csv.display().to_string());
        assert_eq!(dialog.format, Format::Csv);
        press(app, "<Enter>j");
        assert!(std::fs::read(&csv).unwrap().starts_with(b"\xef\xbb\xbfID;"));
        // Typing edits the file name.
        press(app, "x<End>");
        type_text(app, "x");
        let Mode::Export(dialog) = &app.mode else {
            panic!("closed");
        };
        assert!(
            dialog.path.value().ends_with(".jsonx"),
            "{}",
            dialog.path.value()
        );
        press(app, "<Esc>");
        assert!(matches!(app.mode, Mode::Normal));
    }

    fn dialog(app: &App) -> &ExportDialog {
        match &app.mode {
            Mode::Export(dialog) => dialog,
            other => panic!("the dialog closed: {other:?}"),
        }
    }

    /// Opens the dialog with `name` typed as the file name.
    fn type_name(app: &mut App, name: &str) {
        press(app, "x");
        if let Mode::Export(dialog) = &mut app.mode {
            dialog.path = Input::default();
        }
        type_text(app, name);
    }

    #[test]
    fn a_missing_directory_keeps_the_dialog_open_and_names_it_in_german() {
        let mut f = fixture();
        let missing = f.dir.path().join("gibt-es-nicht");
        let typed = missing.join("bericht.json").display().to_string();
        type_name(&mut f.app, &typed);
        press(&mut f.app, "<Down><Enter>");
        let open = dialog(&f.app);
        assert_eq!(
            open.path.value(),
            missing.join("bericht.csv").display().to_string()
        );
        let error = open.error.as_deref().expect("reason shown in the dialog");
        assert_eq!(
            error,
            format!(
                "{}/bericht.csv kann nicht geschrieben werden: Das Verzeichnis {} gibt es nicht.",
                missing.display(),
                missing.display()
            )
        );
        let message = &f.app.message.as_ref().expect("status message").text;
        assert!(message.starts_with("Fehler: "), "{message}");
        assert!(!message.contains("os error"), "{message}");
        assert!(!missing.exists());
        // Fixing the name clears the reason; Enter then writes and closes the dialog.
        press(&mut f.app, "<C-u>");
        type_text(&mut f.app, "bericht.csv");
        assert!(dialog(&f.app).error.is_none());
        press(&mut f.app, "<Enter>");
        assert!(matches!(f.app.mode, Mode::Normal), "{:?}", f.app.mode);
        let written = f.dir.path().join("bericht.csv");
        assert!(written.exists());
        // A relative name lies in the export directory; the message names the full path.
        let message = &f.app.message.as_ref().expect("status message").text;
        assert_eq!(message, &format!("Geschrieben: {}", written.display()));
    }

    #[test]
    fn english_messages_and_a_directory_as_name() {
        let mut f = fixture();
        f.app.lang = crate::i18n::Lang::En;
        type_name(
            &mut f.app,
            &f.dir.path().join("nope/x.json").display().to_string(),
        );
        press(&mut f.app, "<Enter>");
        let error = dialog(&f.app).error.clone().unwrap_or_default();
        assert!(error.starts_with("Cannot write "), "{error}");
        assert!(error.contains("does not exist"), "{error}");
        type_name(&mut f.app, &f.dir.path().display().to_string());
        press(&mut f.app, "<Enter>");
        let error = dialog(&f.app).error.clone().unwrap_or_default();
        assert!(error.contains("is a directory"), "{error}");
        type_name(&mut f.app, "   ");
        press(&mut f.app, "<Enter>");
        assert_eq!(
            dialog(&f.app).error.as_deref(),
            Some("Please give a file name.")
        );
    }

    #[test]
    fn a_tilde_means_the_home_directory() {
        let home = PathBuf::from(std::env::var_os("HOME").expect("HOME is set"));
        let dir = Path::new("/somewhere/else");
        assert_eq!(resolve("~/x.json", dir), home.join("x.json"));
        assert_eq!(resolve("~", dir), home);
        assert_eq!(resolve("x.json", dir), dir.join("x.json"));
        assert_eq!(resolve("/abs/x.json", dir), PathBuf::from("/abs/x.json"));
        // `~name` is not expanded: it is a file name like any other.
        assert_eq!(resolve("~name", dir), dir.join("~name"));
        let relative = resolve("x.json", Path::new("."));
        assert!(relative.is_absolute(), "{}", relative.display());
        // In the dialog: nothing is written to a home directory that lacks the folder, and the
        // reason names the expanded path.
        let mut f = fixture();
        let folder = format!("quartier-test-missing-{}", std::process::id());
        type_name(&mut f.app, &format!("~/{folder}/x.json"));
        press(&mut f.app, "<Enter>");
        let error = dialog(&f.app).error.clone().unwrap_or_default();
        assert!(
            error.contains(&home.join(&folder).join("x.json").display().to_string()),
            "{error}"
        );
        assert!(!home.join(&folder).exists());
    }
}
