//! A bracketed paste from the terminal: the whole text arrives as one event and goes into the
//! open text input as one edit. Outside a text input it does nothing and says so — a paste must
//! never turn into a burst of keys that act on the data.

use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

use super::form::insert_into_line;
use super::{App, KeyEvent, MessageKind, Mode};
use crate::i18n::Text;
use crate::text::pasted_line;

impl App {
    /// Inserts pasted `text` into the focused form field, the search line, the goal picker's
    /// filter or the export dialog's file name; elsewhere only shows a message.
    pub fn paste(&mut self, text: &str) {
        self.message = None;
        if self.too_small() {
            return;
        }
        let mut mode = std::mem::take(&mut self.mode);
        let pasted = match &mut mode {
            Mode::Form(state) => state.form.paste(text),
            Mode::Search(search) => {
                insert_into_line(&mut search.input, &pasted_line(text));
                true
            }
            Mode::Picker(picker) => {
                insert_into_line(&mut picker.input, &pasted_line(text));
                picker.refilter(self.tree.goals());
                true
            }
            Mode::Export(dialog) => {
                insert_into_line(&mut dialog.path, &pasted_line(text));
                true
            }
            Mode::SetStatus(dialog) => {
                insert_into_line(dialog.focused_input(), &pasted_line(text));
                true
            }
            _ => false,
        };
        let search = matches!(mode, Mode::Search(_));
        self.mode = mode;
        if search {
            self.run_search();
            self.follow_selection();
            self.refresh_detail();
        }
        if !pasted {
            self.say_text(MessageKind::Error, Text::PasteNotHere);
        }
    }

    /// The character `key` would insert into the focused text input of an open form, if that
    /// is all it would do (no binding, no question open). Lets the terminal loop insert a burst
    /// of typed characters at once with [`App::type_text`]: the same result as one key at a
    /// time, without redoing the per-key work on a long text thousands of times.
    pub fn typed_char(&self, key: &KeyEvent) -> Option<char> {
        let KeyCode::Char(c) = key.code else {
            return None;
        };
        let Mode::Form(state) = &self.mode else {
            return None;
        };
        let plain = key.kind == KeyEventKind::Press
            && (key.modifiers - KeyModifiers::SHIFT).is_empty()
            && !self.too_small()
            && !state.form.is_asking()
            && state.form.focused_is_text()
            && self.keymap.lookup(&self.contexts(), key).is_none();
        plain.then_some(c)
    }

    /// Inserts characters accepted by [`App::typed_char`], in order, as if typed.
    pub fn type_text(&mut self, text: &str) {
        self.message = None;
        if let Mode::Form(state) = &mut self.mode {
            state.form.paste(text);
        }
    }
}
