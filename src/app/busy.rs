//! Long work the TUI shows before doing it (issue 16): an export writes the status bar's
//! `Exportiere nach … (XLSX) …` first and runs after that frame is drawn, so a slow export
//! (seconds for XLSX at 100 000 measures) is never a frozen screen without a word. The terminal
//! side asks for this with [`App::defer_long_work`]; without it (tests, benchmarks) the work runs
//! at once, as before.

use std::path::PathBuf;

use super::export::ExportDialog;
use super::{App, MessageKind, Mode};
use crate::i18n::{Text, fill};

/// Work announced in the status bar and waiting for the next frame to be drawn.
pub(super) enum Busy {
    Export {
        dialog: ExportDialog,
        path: PathBuf,
        replace: bool,
    },
}

impl App {
    /// Long work is announced in the status bar and runs after the next frame
    /// ([`App::run_busy`]), instead of at once.
    pub fn defer_long_work(&mut self, defer: bool) {
        self.defer_work = defer;
    }

    /// True while announced work waits for [`App::run_busy`].
    pub fn is_busy(&self) -> bool {
        self.busy.is_some()
    }

    /// Runs the announced work, if any; the TUI calls it right after drawing the frame that
    /// announces it.
    pub fn run_busy(&mut self) {
        let Some(busy) = self.busy.take() else {
            return;
        };
        match busy {
            Busy::Export {
                dialog,
                path,
                replace,
            } => {
                let next = self.write_export(dialog, path, replace);
                self.mode = next;
            }
        }
    }

    /// An export: at once, or announced and deferred (see [`App::defer_long_work`]).
    pub(super) fn export_to(&mut self, dialog: ExportDialog, path: PathBuf, replace: bool) -> Mode {
        if !self.defer_work {
            return self.write_export(dialog, path, replace);
        }
        let format = super::export::describe(dialog.format).0;
        let text = fill(
            self.lang.t(Text::ExportRunning),
            &[("path", &path.display()), ("format", &format)],
        );
        self.say(MessageKind::Info, text);
        self.busy = Some(Busy::Export {
            dialog,
            path,
            replace,
        });
        Mode::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::{fixture, press, type_text};

    #[test]
    fn a_deferred_export_is_announced_first_and_written_by_run_busy() {
        let mut f = fixture();
        f.app.defer_long_work(true);
        press(&mut f.app, "x");
        press(&mut f.app, "<C-u>");
        type_text(&mut f.app, "liste.csv");
        press(&mut f.app, "<Enter>");
        let path = f.dir.path().join("liste.csv");
        assert!(f.app.is_busy());
        assert!(!path.exists(), "nothing written before the frame");
        let message = f
            .app
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default();
        assert!(message.starts_with("Exportiere nach "), "{message}");
        assert!(message.contains("liste.csv"), "{message}");
        f.app.run_busy();
        assert!(!f.app.is_busy());
        assert!(path.exists());
        assert!(matches!(f.app.mode, Mode::Normal));
        let message = f
            .app
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default();
        assert!(message.starts_with("Geschrieben: "), "{message}");
    }
}
