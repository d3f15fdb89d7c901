//! Long work in the TUI (issue 16). An export is announced in the status bar
//! (`Exportiere nach … (XLSX) …`) in the frame drawn right after `Enter`; then the TUI reads what
//! it needs from the database ([`App::start_job`]) and makes the file's bytes on a thread of its
//! own, so keys keep working while a large XLSX file is made; the status bar says `Export läuft`
//! until [`App::job_done`] writes the file and says where. The terminal side asks for this with
//! [`App::defer_long_work`]; without it (tests, benchmarks) the export runs at once, as before.

use std::path::PathBuf;

use super::export::ExportDialog;
use super::{App, MessageKind, Mode};
use crate::exchange::export::{ExportError, ExportRequest, What};
use crate::i18n::{Text, fill};

/// Work announced in the status bar and waiting for the next frame to be drawn.
pub(super) enum Busy {
    Export {
        dialog: ExportDialog,
        path: PathBuf,
        replace: bool,
    },
}

/// The app's long work: whether it is deferred, what is announced, what runs.
#[derive(Default)]
pub(super) struct Work {
    defer: bool,
    announced: Option<Busy>,
    running: Option<Running>,
}

/// Work running on another thread: what is needed to finish it.
pub(super) struct Running {
    dialog: ExportDialog,
    path: PathBuf,
    replace: bool,
}

/// The work a thread does for the TUI, and what it hands back.
pub type Job = Box<dyn FnOnce() -> JobDone + Send>;

/// The result of a [`Job`], for [`App::job_done`].
pub enum JobDone {
    /// The bytes of an export file (or why there are none).
    Export(Result<Vec<u8>, ExportError>),
    /// A report computed in idle time for the data as of a generation (see `report_prep`).
    Report(u64, Box<super::report_prep::Prepared>),
}

/// What the export dialog exports: the measures in its format.
pub(super) fn request(dialog: &ExportDialog) -> ExportRequest {
    ExportRequest {
        format: dialog.format,
        what: What::Measures,
        with_history: false,
    }
}

impl App {
    /// Long work is announced in the status bar and run as a [`Job`] ([`App::start_job`])
    /// instead of at once.
    pub fn defer_long_work(&mut self, defer: bool) {
        self.work.defer = defer;
    }

    /// Whether long work runs on other threads (see [`App::defer_long_work`]).
    pub(super) fn work_is_deferred(&self) -> bool {
        self.work.defer
    }

    /// True while announced work waits for [`App::start_job`].
    pub fn is_busy(&self) -> bool {
        self.work.announced.is_some()
    }

    /// True while a job runs on another thread.
    pub fn job_running(&self) -> bool {
        self.work.running.is_some()
    }

    /// `x`: the export dialog, unless an export is still being made.
    pub(super) fn open_export(&mut self) -> Mode {
        if self.job_running() || self.is_busy() {
            self.say_text(MessageKind::Info, Text::ExportStillRunning);
            return Mode::Normal;
        }
        Mode::Export(ExportDialog::new(&self.export_dir))
    }

    /// Takes the announced work: reads what it needs from the database here and returns the
    /// rest as a [`Job`] for another thread (`None` when nothing waits, or reading failed —
    /// then the dialog is open again with the reason).
    pub fn start_job(&mut self) -> Option<Job> {
        let Busy::Export {
            dialog,
            path,
            replace,
        } = self.work.announced.take()?;
        let request = request(&dialog);
        match crate::exchange::export::read(self.store(), request) {
            Ok(input) => {
                let lang = self.lang;
                self.work.running = Some(Running {
                    dialog,
                    path,
                    replace,
                });
                Some(Box::new(move || {
                    JobDone::Export(crate::exchange::export::convert(input, request, lang))
                }))
            }
            Err(error) => {
                self.mode = self.finish_export(dialog, path, replace, Err(error));
                None
            }
        }
    }

    /// A job's result: the export file is written and the status bar says where (or why not;
    /// the dialog opens again with the reason when nothing else is open).
    pub fn job_done(&mut self, done: JobDone) {
        let bytes = match done {
            JobDone::Export(bytes) => bytes,
            JobDone::Report(..) => return self.report_done(done),
        };
        let Some(Running {
            dialog,
            path,
            replace,
        }) = self.work.running.take()
        else {
            return;
        };
        let next = self.finish_export(dialog, path, replace, bytes);
        if matches!(self.mode, Mode::Normal) {
            self.mode = next;
        }
    }

    /// While a job runs: what the status bar says about it.
    pub fn job_label(&self) -> Option<&'static str> {
        self.work
            .running
            .as_ref()
            .map(|_| self.lang.t(Text::ExportInProgress))
    }

    /// An export: at once, or announced and deferred (see [`App::defer_long_work`]).
    pub(super) fn export_to(&mut self, dialog: ExportDialog, path: PathBuf, replace: bool) -> Mode {
        if !self.work.defer {
            return self.write_export(dialog, path, replace);
        }
        let format = super::export::describe(dialog.format).0;
        let text = fill(
            self.lang.t(Text::ExportRunning),
            &[("path", &path.display()), ("format", &format)],
        );
        self.say(MessageKind::Info, text);
        self.work.announced = Some(Busy::Export {
            dialog,
            path,
            replace,
        });
        Mode::Normal
    }
}

#[cfg(test)]
mod tests;
