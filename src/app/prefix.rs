//! Key sequences (issue 16): the config file may bind an action to keys pressed one after the
//! other (`delete = ["Space d"]`). After the first key the app waits for the next one and the
//! screen shows what may follow (which-key, as helix and lazygit do); `Esc` or a key that
//! continues nothing ends the wait without acting.

use ratatui::crossterm::event::KeyEvent;

use super::App;
use super::keymap::{Found, key_name};

impl App {
    /// A key press in the active contexts: an action, the start or continuation of a key
    /// sequence, or input for the open text field.
    pub(super) fn dispatch_bound(&mut self, key: KeyEvent) {
        let contexts = self.contexts();
        let pending = std::mem::take(&mut self.pending_keys);
        let Some(name) = key_name(&key) else {
            if pending.is_empty() {
                self.input(key);
            }
            return;
        };
        let mut typed = pending.clone();
        typed.push(name);
        match self.keymap.find(&contexts, &typed.join(" ")) {
            Found::Action(action) => self.update(action),
            Found::Prefix => self.pending_keys = typed,
            Found::Nothing if pending.is_empty() => self.input(key),
            // A key that continues no sequence (`Esc` too) ends it.
            Found::Nothing => {}
        }
    }

    /// The keys of the sequence pressed so far, as one name (`Space`); `None` outside one.
    pub fn pending_sequence(&self) -> Option<String> {
        (!self.pending_keys.is_empty()).then(|| self.pending_keys.join(" "))
    }
}
