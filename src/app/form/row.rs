//! One focusable line of the form: the input of a [`Slot`], its error, and the read-only
//! view the renderer draws.

use ratatui_textarea::{CursorMove, TextArea};
use tui_input::Input;

use super::slot::Slot;
use crate::i18n::Lang;

/// The input of a row: a line, a text area, a choice or an empty list's placeholder.
#[derive(Clone)]
pub(super) enum RowInput {
    Line(Input),
    Text(Box<TextArea<'static>>),
    /// `options` pairs the raw value (kept in drafts) with its label.
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    Placeholder,
}

impl RowInput {
    pub(super) fn line(text: &str) -> RowInput {
        RowInput::Line(Input::new(text.to_string()))
    }

    pub(super) fn text(text: &str) -> RowInput {
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        RowInput::Text(Box::new(area))
    }

    /// The raw value: the text, or the chosen option's raw value.
    pub(super) fn value(&self) -> String {
        match self {
            RowInput::Line(input) => input.value().to_string(),
            RowInput::Text(area) => area.lines().join("\n"),
            RowInput::Choice { options, index } => options
                .get(*index)
                .map(|(raw, _)| raw.clone())
                .unwrap_or_default(),
            RowInput::Placeholder => String::new(),
        }
    }

    /// True for the multi-line input.
    pub(super) fn is_multi_line(&self) -> bool {
        matches!(self, RowInput::Text(_))
    }

    /// Replaces the value; a choice takes the option whose raw value matches (else unchanged).
    pub(super) fn set_value(&mut self, value: &str) {
        match self {
            RowInput::Line(_) => *self = RowInput::line(value),
            RowInput::Text(_) => *self = RowInput::text(value),
            RowInput::Choice { options, index } => {
                if let Some(found) = options.iter().position(|(raw, _)| raw == value) {
                    *index = found;
                }
            }
            RowInput::Placeholder => {}
        }
    }
}

/// An error shown next to a row, with the text it was about (so a changed value can clear it).
#[derive(Clone, Debug)]
pub(super) struct RowError {
    pub(super) message: String,
    pub(super) text: String,
}

/// One focusable line (or block of lines) of the form.
#[derive(Clone)]
pub(super) struct Row {
    pub(super) slot: Slot,
    pub(super) input: RowInput,
    pub(super) error: Option<RowError>,
}

impl Row {
    pub(super) fn new(slot: Slot, input: RowInput) -> Row {
        Row {
            slot,
            input,
            error: None,
        }
    }

    /// Shows `message` next to the row unless it has an error already.
    pub(super) fn add_error(&mut self, message: String) {
        if self.error.is_none() {
            self.set_error(message);
        }
    }

    pub(super) fn set_error(&mut self, message: String) {
        self.error = Some(RowError {
            message,
            text: self.input.value(),
        });
    }
}

/// What the renderer needs to know about one row.
#[derive(Clone, Copy, Debug)]
pub enum Content<'a> {
    /// A single-line input; `cursor` counts characters before the cursor.
    Line { text: &'a str, cursor: usize },
    /// A multi-line input; `cursor` is (line, characters before the cursor in that line).
    Text {
        lines: &'a [String],
        cursor: (usize, usize),
    },
    /// A choice, showing the label of the chosen option.
    Choice(&'a str),
    /// The placeholder of an empty list.
    Empty,
}

/// A read-only view of one row for drawing.
#[derive(Clone, Debug)]
pub struct RowView<'a> {
    /// Which input this is.
    pub slot: Slot,
    /// The localized label, e.g. `Zielgruppe 1`.
    pub label: String,
    /// The input's content and cursor.
    pub content: Content<'a>,
    /// The error to show next to it.
    pub error: Option<&'a str>,
    /// A warning to show next to it when there is no error (issue 14: pots and plan).
    pub warning: Option<String>,
    /// True for the focused row.
    pub focused: bool,
}

impl Row {
    pub(super) fn view(&self, lang: Lang, focused: bool) -> RowView<'_> {
        let content = match &self.input {
            RowInput::Line(input) => Content::Line {
                text: input.value(),
                cursor: input.cursor(),
            },
            RowInput::Text(area) => {
                let cursor = area.cursor();
                Content::Text {
                    lines: area.lines(),
                    cursor: (cursor.0, cursor.1),
                }
            }
            RowInput::Choice { options, index } => Content::Choice(
                options
                    .get(*index)
                    .map(|(_, label)| label.as_str())
                    .unwrap_or(""),
            ),
            RowInput::Placeholder => Content::Empty,
        };
        RowView {
            slot: self.slot,
            label: self.slot.label(lang),
            content,
            error: self.error.as_ref().map(|e| e.message.as_str()),
            warning: None,
            focused,
        }
    }
}
