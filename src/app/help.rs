//! The help overlay's content (`?`): every key of every mode from the keymap, the current
//! pane's first, and how many columns it takes. The app bounds the overlay's scrolling with it
//! and the view draws it.

use ratatui::widgets::Block;

use super::keymap::{Context, Keymap, TEXT_INPUT_KEYS, action_name, display_key, display_keys};
use super::layout::Areas;
use super::{App, Focus};
use crate::i18n::Lang;

/// The contexts the help lists: the focused pane and all panes first, then every other mode,
/// so one screen documents every key.
pub fn help_contexts(app: &App) -> Vec<Context> {
    let (pane, other) = match app.focus {
        Focus::Tree => (Context::Tree, Context::Measures),
        _ => (Context::Measures, Context::Tree),
    };
    vec![
        pane,
        Context::Normal,
        other,
        Context::Form,
        Context::Conflict,
        Context::Search,
        Context::Picker,
        Context::Filter,
        Context::Report,
        Context::History,
        Context::Course,
        Context::SetStatus,
        Context::Export,
        Context::Confirm,
        Context::Messages,
        Context::Help,
        Context::Global,
    ]
}

/// Help lines for `contexts`: a heading (`title`, "", ""), then (keys, description, name), the
/// name being the action's name in the config file's `[keys]` (empty for the keys of text
/// inputs, which cannot be rebound).
pub fn help_lines(
    keymap: &Keymap,
    contexts: &[Context],
    lang: Lang,
) -> Vec<(String, String, String)> {
    let mut lines = Vec::new();
    for context in contexts {
        let title = format!("{}:", lang.t(context.title()));
        lines.push((title, String::new(), String::new()));
        for binding in keymap.bindings_of(*context) {
            lines.push((
                display_keys(binding, lang),
                lang.t(binding.help).to_string(),
                action_name(binding.action),
            ));
        }
        if *context == Context::Form {
            for (keys, help) in TEXT_INPUT_KEYS {
                let keys: Vec<String> = keys.split(' ').map(|k| display_key(k, lang)).collect();
                lines.push((keys.join(" "), lang.t(*help).to_string(), String::new()));
            }
        }
    }
    lines
}

/// Columns of the overlay for an inner width.
pub fn columns(inner_width: u16) -> usize {
    if inner_width >= 100 { 2 } else { 1 }
}

impl App {
    /// How far the help overlay can scroll on the screen as last resized: its rows minus its
    /// height. `j` stops there, so scrolling past the end and back is one step back.
    pub fn help_max_scroll(&self) -> u16 {
        let inner = Block::bordered().inner(Areas::help(self.screen()));
        let entries = help_lines(&self.keymap, &help_contexts(self), self.lang).len();
        let rows = entries.div_ceil(columns(inner.width));
        u16::try_from(rows.saturating_sub(inner.height as usize)).unwrap_or(u16::MAX)
    }
}
