//! The export dialog (`x`): choose a format (↑/↓), edit the file name (a path in the current
//! directory by default), Enter writes — after asking when the file already exists. The bytes
//! come from the same function as `quartier export`.

use std::path::PathBuf;

use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::popups::{Confirm, Pending};
use super::{Action, App, MessageKind, Mode};
use crate::exchange::{ExportRequest, Format, What};
use crate::i18n::{Text, fill};

/// Formats offered, in order.
pub const FORMATS: [Format; 4] = [Format::Json, Format::Csv, Format::Xlsx, Format::Md];

/// The open export dialog.
#[derive(Debug)]
pub struct ExportDialog {
    pub format: Format,
    pub path: Input,
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
        Format::Md => "md",
    }
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
        self.path.handle_event(&Event::Key(key));
    }
}

impl App {
    pub(super) fn update_export(&mut self, mut dialog: ExportDialog, action: Action) {
        match action {
            Action::MoveDown | Action::ChoiceNext => dialog.cycle(true),
            Action::MoveUp | Action::ChoicePrev => dialog.cycle(false),
            Action::Cancel => return,
            Action::Confirm => {
                let path = PathBuf::from(dialog.path.value().trim());
                if path.as_os_str().is_empty() {
                    self.mode = Mode::Export(dialog);
                    return;
                }
                if path.exists() {
                    let question = fill(
                        self.lang.t(Text::AskOverwrite),
                        &[("path", &path.display())],
                    );
                    self.mode = Mode::Confirm(Confirm {
                        question,
                        pending: Pending::Export(dialog.format, path),
                    });
                } else {
                    self.export_to(dialog.format, path, false);
                }
                return;
            }
            _ => {}
        }
        self.mode = Mode::Export(dialog);
    }

    /// Writes the export (replacing an existing file only when `replace`).
    pub(super) fn export_to(&mut self, format: Format, path: PathBuf, replace: bool) {
        let request = ExportRequest {
            format,
            what: What::Measures,
            with_history: false,
        };
        let written = crate::exchange::export::bytes(&self.store, request, self.lang)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                crate::backup::write_private(&path, &bytes, replace).map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => {
                let text = fill(self.lang.t(Text::DoneExport), &[("path", &path.display())]);
                self.say(MessageKind::Success, text);
            }
            Err(error) => {
                let text = format!("{}: {error}", self.lang.t(Text::ErrorPrefix));
                self.say(MessageKind::Error, text);
            }
        }
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
        press(app, "x");
        if let Mode::Export(dialog) = &mut app.mode {
            dialog.path = Input::new(csv.display().to_string());
            dialog.format = Format::Csv;
        }
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
}
