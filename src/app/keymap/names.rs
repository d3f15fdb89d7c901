//! Key names as the keymap spells them (`j`, `J`, `Down`, `C-r`, `S-Tab`, `Space` …): from a key
//! press, back to one, and as shown to users.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{Lang, Text};

use super::Binding;

/// The canonical name of a key press (`j`, `J`, `Down`, `C-r`, `S-Tab`, `Space` …); `None` for
/// keys no binding can name.
pub fn key_name(key: &KeyEvent) -> Option<String> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if ctrl => format!("C-{}", c.to_ascii_lowercase()),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "Down".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Enter if key.modifiers.contains(KeyModifiers::ALT) => "A-Enter".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => "S-Tab".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        _ => return None,
    };
    Some(name)
}

/// The key press a key name stands for: the inverse of [`key_name`] (`j`, `J`, `C-s`, `S-Tab`,
/// `A-Enter`, `PgDn` …); `None` for a name no key has. Tests press keys by these names.
pub fn parse_key(name: &str) -> Option<KeyEvent> {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match name {
        "Space" => plain(KeyCode::Char(' ')),
        "Down" => plain(KeyCode::Down),
        "Up" => plain(KeyCode::Up),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "PgDn" => plain(KeyCode::PageDown),
        "PgUp" => plain(KeyCode::PageUp),
        "A-Enter" => Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)),
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "S-Tab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "Tab" => plain(KeyCode::Tab),
        "Backspace" => plain(KeyCode::Backspace),
        "Delete" => plain(KeyCode::Delete),
        _ => {
            let (ctrl, rest) = match name.strip_prefix("C-") {
                Some(rest) => (true, rest),
                None => (false, name),
            };
            let mut chars = rest.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            let modifiers = match (ctrl, c.is_uppercase()) {
                (true, _) => KeyModifiers::CONTROL,
                (false, true) => KeyModifiers::SHIFT,
                (false, false) => KeyModifiers::NONE,
            };
            Some(KeyEvent::new(KeyCode::Char(c), modifiers))
        }
    }
}

/// How a key name is shown to users: arrows as symbols, `C-r` as `Ctrl-r`.
pub fn display_key(name: &str, lang: Lang) -> String {
    // A key sequence (`Space d`) or a pair of keys (`Left Right`): each key as shown.
    if name.contains(' ') {
        let keys: Vec<String> = name.split(' ').map(|k| display_key(k, lang)).collect();
        return keys.join(" ");
    }
    match name {
        "Down" => "↓".into(),
        "Up" => "↑".into(),
        "Left" => "←".into(),
        "Right" => "→".into(),
        "Home" => lang.t(Text::KeyNameHome).into(),
        "End" => lang.t(Text::KeyNameEnd).into(),
        "PgDn" => lang.t(Text::KeyNamePageDown).into(),
        "PgUp" => lang.t(Text::KeyNamePageUp).into(),
        "Space" => lang.t(Text::KeyNameSpace).into(),
        "S-Tab" => lang.t(Text::KeyNameShiftTab).into(),
        "Backspace" => lang.t(Text::KeyNameBackspace).into(),
        "A-Enter" => "Alt-Enter".into(),
        other => match other.strip_prefix("C-") {
            Some(rest) => format!("{}-{rest}", lang.t(Text::KeyNameCtrl)),
            None => other.to_string(),
        },
    }
}

/// All keys of a binding for display, separated by `/`.
pub fn display_keys(binding: &Binding, lang: Lang) -> String {
    binding
        .keys
        .iter()
        .map(|k| display_key(k, lang))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::keymap::{BINDINGS, Context, lookup};

    #[test]
    fn every_key_name_in_the_table_can_be_pressed() {
        // Each name must be producible by key_name, or the binding is dead.
        let pressable = |name: &str| -> bool {
            let codes = [
                KeyCode::Down,
                KeyCode::Up,
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::PageDown,
                KeyCode::PageUp,
                KeyCode::Enter,
                KeyCode::Esc,
                KeyCode::Tab,
                KeyCode::BackTab,
                KeyCode::Backspace,
                KeyCode::Char(' '),
            ];
            let mut events: Vec<KeyEvent> = codes
                .iter()
                .map(|c| KeyEvent::new(*c, KeyModifiers::NONE))
                .collect();
            events.push(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
            for c in name.chars() {
                events.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                events.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
            }
            events.iter().any(|e| key_name(e).as_deref() == Some(name))
        };
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(pressable(key), "{key} cannot be pressed");
            }
        }
    }

    #[test]
    fn parse_key_is_the_inverse_of_key_name() {
        for binding in BINDINGS {
            for name in binding.keys {
                let key = parse_key(name).unwrap_or_else(|| panic!("{name} cannot be parsed"));
                assert_eq!(key_name(&key).as_deref(), Some(*name));
            }
        }
        assert_eq!(parse_key("nonsense"), None);
    }

    #[test]
    fn shifted_letters_and_ctrl_are_told_apart() {
        let shift_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(
            lookup(&[Context::Tree], &shift_j),
            Some(Action::MoveGoalDown)
        );
        assert_eq!(lookup(&[Context::Normal], &ctrl_r), Some(Action::Redo));
        let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
        assert_eq!(lookup(&[Context::Normal], &r), None);
    }
}
