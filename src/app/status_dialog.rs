//! `S` (issue 15): sets the selected measure's status through a small dialog — the status
//! (the usual next one first, `↑`/`↓` choose another), the date it counts from (today unless
//! typed) and a note; `Enter` records it as one step (`Op::SetStatus`), `Esc` cancels. A step
//! off the usual course is saved and its warning shown in the status bar.

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::action::Action;
use super::keymap::Context;
use super::{App, MessageKind, Mode};
use crate::i18n::{Localize, Text};
use crate::model::{
    Field, MeasureId, Status, ValidationError, course_warning, format_date_de, next_in_course,
    parse_date,
};
use crate::ops::Op;

/// The dialog's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusField {
    Date,
    Note,
}

/// What `S` opened.
#[derive(Debug)]
pub struct StatusDialog {
    pub measure: MeasureId,
    pub from: Status,
    pub to: Status,
    pub date: Input,
    pub note: Input,
    pub field: StatusField,
    pub error: Option<String>,
}

impl StatusDialog {
    /// For a measure at `from`: its usual next status (else the next in [`Status::ALL`]),
    /// dated `today`.
    pub fn new(measure: MeasureId, from: Status, today: NaiveDate) -> StatusDialog {
        let mut dialog = StatusDialog {
            measure,
            from,
            to: from,
            date: Input::new(format_date_de(today)),
            note: Input::default(),
            field: StatusField::Date,
            error: None,
        };
        match next_in_course(from) {
            Some(next) => dialog.to = next,
            None => dialog.cycle(true),
        }
        dialog
    }

    /// The next or previous status, skipping the one the measure has.
    pub fn cycle(&mut self, forward: bool) {
        let n = Status::ALL.len();
        let mut at = self.to.rank();
        loop {
            at = if forward {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            if Status::ALL[at] != self.from {
                break;
            }
        }
        self.to = Status::ALL[at];
    }

    /// Passes a key to the focused text field.
    pub fn edit(&mut self, key: KeyEvent) {
        let input = match self.field {
            StatusField::Date => &mut self.date,
            StatusField::Note => &mut self.note,
        };
        let before = input.value().to_string();
        input.handle_event(&Event::Key(key));
        if input.value() != before {
            self.error = None;
        }
    }

    /// The focused text field.
    pub fn focused_input(&mut self) -> &mut Input {
        match self.field {
            StatusField::Date => &mut self.date,
            StatusField::Note => &mut self.note,
        }
    }
}

impl App {
    /// Opens the dialog for the measure in the detail pane; without one, says so.
    pub(super) fn open_set_status(&mut self) -> Mode {
        let Some(measure) = self.detail().measure() else {
            self.say(MessageKind::Info, self.lang.t(Text::CourseNoMeasure));
            return Mode::Normal;
        };
        let today = (self.pane.today).unwrap_or_else(|| chrono::Local::now().date_naive());
        Mode::SetStatus(Box::new(StatusDialog::new(
            measure.id,
            measure.status,
            today,
        )))
    }

    /// A bound key in the dialog; the next mode.
    pub(super) fn update_set_status(
        &mut self,
        mut dialog: Box<StatusDialog>,
        action: Action,
    ) -> Mode {
        match action {
            Action::ChoiceNext => dialog.cycle(true),
            Action::ChoicePrev => dialog.cycle(false),
            Action::NextField => {
                dialog.field = match dialog.field {
                    StatusField::Date => StatusField::Note,
                    StatusField::Note => StatusField::Date,
                }
            }
            Action::Cancel => return Mode::Normal,
            Action::Confirm => return self.save_status(dialog),
            other => self.unbound(Context::SetStatus, other),
        }
        Mode::SetStatus(dialog)
    }

    /// Records the step; a bad date keeps the dialog open with the problem.
    fn save_status(&mut self, mut dialog: Box<StatusDialog>) -> Mode {
        let date = match parse_date(dialog.date.value()) {
            Ok(date) => date,
            Err(problem) => {
                let error = ValidationError::new(Field::Date, problem);
                dialog.error = Some(error.localize(self.lang));
                dialog.field = StatusField::Date;
                return Mode::SetStatus(dialog);
            }
        };
        let op = Op::SetStatus {
            measure: dialog.measure,
            to: dialog.to,
            date,
            note: dialog.note.value().trim().to_string(),
        };
        match self.apply(op) {
            Ok(_) => {
                if let Some(warning) = course_warning(dialog.from, dialog.to) {
                    self.say(
                        MessageKind::Info,
                        format!("⚠ {}", warning.localize(self.lang)),
                    );
                }
                Mode::Normal
            }
            Err(error) => {
                dialog.error = Some(error.localize(self.lang));
                Mode::SetStatus(dialog)
            }
        }
    }
}
