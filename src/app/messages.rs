//! The message log: every status-bar message is kept (the last [`LOG_LEN`]), because the bar
//! shows one only until the next key and cuts what does not fit. `Ctrl-g` opens them over
//! whatever is open, newest first; `Esc`, `q` or `Ctrl-g` go back to exactly that.

use chrono::{Local, NaiveTime};

use super::{Action, App, Message, MessageKind, Mode};
use crate::i18n::{Localize, Text};
use crate::store::StoreError;

/// How many messages the log keeps.
pub const LOG_LEN: usize = 20;

/// A message and when it was shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub at: NaiveTime,
    pub message: Message,
}

impl Mode {
    /// The mode the message overlay was opened over (itself for every other mode): what the
    /// screen shows beneath, and what a draft is taken from.
    pub fn beneath_messages(&self) -> &Mode {
        match self {
            Mode::Messages { back, .. } => back.beneath_messages(),
            other => other,
        }
    }
}

impl App {
    /// Shows a message in the status bar.
    pub fn say(&mut self, kind: MessageKind, text: impl Into<String>) {
        let message = Message {
            text: text.into(),
            kind,
        };
        self.log_message(&message);
        self.message = Some(message);
    }

    pub(super) fn say_text(&mut self, kind: MessageKind, text: Text) {
        self.say(kind, self.lang.t(text));
    }

    pub(super) fn say_error(&mut self, error: &StoreError) {
        let text = format!(
            "{}: {}",
            self.lang.t(Text::ErrorPrefix),
            error.localize(self.lang)
        );
        self.say(MessageKind::Error, text);
    }

    /// The logged messages, newest first.
    pub fn message_log(&self) -> impl Iterator<Item = &Logged> {
        self.message_log.iter().rev()
    }

    pub(super) fn log_message(&mut self, message: &Message) {
        if self.message_log.len() == LOG_LEN {
            self.message_log.pop_front();
        }
        self.message_log.push_back(Logged {
            at: Local::now().time(),
            message: message.clone(),
        });
    }

    /// `Ctrl-g`: opens the log over the current mode, or closes it.
    pub(super) fn toggle_messages(&mut self) {
        self.mode = match std::mem::take(&mut self.mode) {
            Mode::Messages { back, .. } => *back,
            other => Mode::Messages {
                scroll: 0,
                back: Box::new(other),
            },
        };
    }

    pub(super) fn update_messages(&mut self, scroll: u16, back: Box<Mode>, action: Action) -> Mode {
        match action {
            Action::MoveDown => Mode::Messages {
                scroll: scroll.saturating_add(1),
                back,
            },
            Action::MoveUp => Mode::Messages {
                scroll: scroll.saturating_sub(1),
                back,
            },
            Action::Cancel => *back,
            other => {
                self.unbound(super::Context::Messages, other);
                Mode::Messages { scroll, back }
            }
        }
    }
}
