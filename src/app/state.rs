//! The small state types of the TUI: which pane has the keyboard, what is open on top of the
//! panes and status-bar messages.

use super::export::ExportDialog;
use super::form::Form;
use super::history_view::HistoryView;
use super::{Confirm, FilterPopup, Picker, Purpose, ReportView, SearchInput};

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    Tree,
    Measures,
    Detail,
}

/// What is open on top of the panes.
#[derive(Debug, Default)]
pub enum Mode {
    #[default]
    Normal,
    Help {
        scroll: u16,
    },
    Form(Box<FormState>),
    /// Saving the form met a colleague's change of the same record.
    Conflict(Box<super::conflict::Conflict>),
    Confirm(Confirm),
    Picker(Picker),
    Search(SearchInput),
    Filter(FilterPopup),
    Report(Box<ReportView>),
    /// The history of a measure or goal (`H`).
    History(Box<HistoryView>),
    Export(ExportDialog),
    /// The last messages (`Ctrl-g`), over the mode they were opened from.
    Messages {
        scroll: u16,
        back: Box<Mode>,
    },
    /// The Verlauf of the measure in the detail pane (`v`, issue 15): steps and decisions,
    /// newest first.
    Course {
        scroll: u16,
    },
    /// Setting a measure's status with date and note (`S`, issue 15).
    SetStatus(Box<super::status_dialog::StatusDialog>),
    /// The payments of a measure (`z`, issue 14).
    Payments(Box<super::payments::PaymentsView>),
    /// The sessions with their decisions (`B`, issue 15).
    Sessions(Box<super::sessions::SessionsView>),
    /// The open deadlines and coming sessions (`T`, issue 15).
    Termine(Box<super::deadlines::TermineView>),
}

/// An open form and what saving it will do.
#[derive(Debug)]
pub struct FormState {
    pub form: Form,
    pub purpose: Purpose,
}

/// How a status-bar message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Success,
    Error,
}

/// A status-bar message; it stays until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
}

#[cfg(test)]
mod tests {
    /// The app, with the repository it holds, can be handed to another thread.
    #[test]
    fn the_app_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<super::super::App>();
    }
}
