//! The one keymap: a table of (context, keys, action, help text). Key handling, the help overlay,
//! the status-bar hints and README's key table are all generated from [`BINDINGS`], so they
//! cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::i18n::{Lang, Text};

/// Where a binding applies. In every mode, [`Context::Global`] is tried first, then the mode's
/// own contexts (see [`super::App::contexts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Context {
    /// Everywhere, even in forms.
    Global,
    /// Every pane in normal mode.
    Normal,
    /// The goal tree.
    Tree,
    /// The measure table and the detail pane.
    Measures,
    /// The help overlay.
    Help,
    /// A yes/no question.
    Confirm,
    /// The goal picker (type to filter).
    Picker,
    /// Typing a search.
    Search,
    /// The filter popup.
    Filter,
    /// An edit form (other keys edit the focused field).
    Form,
    /// The report view.
    Report,
    /// The export dialog (type the file name).
    Export,
    /// The last messages (`Ctrl-g`).
    Messages,
}

impl Context {
    /// The heading of this context in the help overlay and README.
    pub fn title(self) -> Text {
        match self {
            Context::Global => Text::CtxGlobal,
            Context::Normal => Text::CtxNormal,
            Context::Tree => Text::CtxTree,
            Context::Measures => Text::CtxMeasures,
            Context::Help => Text::CtxHelp,
            Context::Confirm => Text::CtxConfirm,
            Context::Picker => Text::CtxPicker,
            Context::Search => Text::CtxSearch,
            Context::Filter => Text::CtxFilter,
            Context::Form => Text::CtxForm,
            Context::Report => Text::CtxReport,
            Context::Export => Text::CtxExport,
            Context::Messages => Text::CtxMessages,
        }
    }
}

/// One row of the keymap.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub context: Context,
    /// Key names as understood by [`key_name`]: `j`, `J`, `Down`, `C-r`, `S-Tab`, `Space` …
    pub keys: &'static [&'static str],
    pub action: Action,
    /// What the key does, for the help overlay.
    pub help: Text,
    /// Short label for the status bar; `None` keeps the key out of the hints.
    pub hint: Option<Text>,
}

/// The keymap table, one binding per line (in the style of helix's `keymap!`).
macro_rules! keymap {
    ($($context:ident [$($key:literal)+] => $action:ident, $help:ident $(, $hint:ident)?;)*) => {
        &[$(Binding {
            context: Context::$context,
            keys: &[$($key),+],
            action: Action::$action,
            help: Text::$help,
            hint: keymap!(@hint $($hint)?),
        }),*]
    };
    (@hint) => { None };
    (@hint $hint:ident) => { Some(Text::$hint) };
}

/// Every key binding of quartier, one per line:
/// `Context [keys] => Action, help text[, status-bar hint];`.
pub const BINDINGS: &[Binding] = keymap! {
    Global ["C-c"] => Quit, KeyQuitAnywhere;
    Global ["C-g"] => Messages, KeyMessages;
    // Normal mode, every pane.
    Normal ["j" "Down"] => MoveDown, KeyMoveDown;
    Normal ["k" "Up"] => MoveUp, KeyMoveUp;
    Normal ["g" "Home"] => First, KeyFirst;
    Normal ["G" "End"] => Last, KeyLast;
    Normal ["PgDn"] => PageDown, KeyPageDown;
    Normal ["PgUp"] => PageUp, KeyPageUp;
    Normal ["Tab"] => FocusNext, KeyFocusNext, HintPane;
    Normal ["S-Tab"] => FocusPrev, KeyFocusPrev;
    Normal ["/"] => Search, KeySearch, HintSearch;
    Normal ["n"] => NextHit, KeyNextHit;
    Normal ["N"] => PrevHit, KeyPrevHit;
    Normal ["f"] => Filter, KeyFilter;
    Normal ["s"] => Sort, KeySort;
    Normal ["u"] => Undo, KeyUndo, HintUndo;
    Normal ["C-r"] => Redo, KeyRedo;
    Normal ["?"] => Help, KeyHelp, HintHelp;
    Normal ["q"] => Quit, KeyQuit, HintQuit;
    Normal ["Esc"] => Cancel, KeyBack;
    Normal ["R"] => Report, KeyReport, HintReport;
    Normal ["x"] => Export, KeyExport;
    // The goal tree.
    Tree ["l" "Right" "Enter"] => ExpandOrChild, KeyExpand;
    Tree ["h" "Left"] => CollapseOrParent, KeyCollapse;
    Tree ["Space"] => Toggle, KeyToggle;
    Tree ["a"] => AddGoal, KeyAddGoal, HintAdd;
    Tree ["e"] => EditGoal, KeyEditGoal, HintEdit;
    Tree ["r"] => Rename, KeyRenameGoal;
    Tree ["d"] => DeleteGoal, KeyDeleteGoal, HintDelete;
    Tree ["K"] => MoveGoalUp, KeyMoveGoalUp;
    Tree ["J"] => MoveGoalDown, KeyMoveGoalDown;
    Tree ["m"] => MoveGoalTo, KeyMoveGoalTo;
    // The measure table and detail pane.
    Measures ["a"] => AddMeasure, KeyAddMeasure, HintAdd;
    Measures ["e" "Enter"] => EditMeasure, KeyEditMeasure, HintEdit;
    Measures ["d"] => DeleteMeasure, KeyDeleteMeasure, HintDelete;
    Measures ["L"] => Link, KeyLink, HintLink;
    Measures ["U"] => Unlink, KeyUnlink;
    Measures ["P"] => SetPrimary, KeySetPrimary;
    Measures ["h" "Left"] => FocusPrev, KeyFocusPrev;
    // Help overlay.
    Help ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    Help ["k" "Up"] => MoveUp, KeyScrollUp;
    Help ["Esc" "?" "q"] => Cancel, KeyCloseHelp, HintClose;
    // Yes/no questions.
    Confirm ["j" "y" "Enter"] => Confirm, KeyYes, HintYes;
    Confirm ["n" "Esc"] => Deny, KeyNo, HintNo;
    // Goal picker.
    Picker ["Down" "C-n"] => MoveDown, KeyMoveDown;
    Picker ["Up" "C-p"] => MoveUp, KeyMoveUp;
    Picker ["Enter"] => Confirm, KeyPickGoal, HintChoose;
    Picker ["Esc"] => Cancel, KeyCancel, HintCancel;
    // Search.
    Search ["Enter"] => Confirm, KeySearchKeep, HintKeep;
    Search ["Esc"] => Cancel, KeySearchAbort, HintCancel;
    Search ["Down" "C-n"] => NextHit, KeyNextHit, HintNextHit;
    Search ["Up" "C-p"] => PrevHit, KeyPrevHit;
    // Filter popup.
    Filter ["j" "Down"] => MoveDown, KeyMoveDown;
    Filter ["k" "Up"] => MoveUp, KeyMoveUp;
    Filter ["h" "Left"] => ChoicePrev, KeyChoicePrev;
    Filter ["l" "Right" "Space"] => ChoiceNext, KeyChoiceNext, HintChoice;
    Filter ["x" "Backspace"] => ClearFilter, KeyClearFilter;
    Filter ["Enter"] => Confirm, KeyApplyFilter, HintApply;
    Filter ["Esc"] => Cancel, KeyCancel, HintCancel;
    // Export dialog.
    Export ["Down" "C-n"] => ChoiceNext, KeyExportFormat, HintFormat;
    Export ["Up" "C-p"] => ChoicePrev, KeyExportFormatPrev;
    Export ["Enter"] => Confirm, KeyExportWrite, HintWrite;
    Export ["Esc"] => Cancel, KeyCancel, HintCancel;
    // Edit forms.
    Form ["Tab"] => NextField, KeyNextField, HintField;
    Form ["S-Tab"] => PrevField, KeyPrevField;
    Form ["C-s"] => Save, KeySave, HintSave;
    Form ["Enter"] => FormEnter, KeyFormEnter;
    // Not Enter, not Ctrl-Enter (terminals send both as CR): ESC CR and LF reach us intact,
    // over SSH too.
    Form ["A-Enter" "C-j"] => NewLine, KeyNewLine;
    Form ["Esc"] => Cancel, KeyFormCancel, HintCancel;
    Form ["C-n"] => AddEntry, KeyAddEntry;
    Form ["C-d"] => RemoveEntry, KeyRemoveEntry;
    // The report view.
    Report ["Tab"] => SwitchTab, KeyReportTab, HintReportTab;
    Report ["l" "Right"] => NextYear, KeyYearNext, HintYear;
    Report ["h" "Left"] => PrevYear, KeyYearPrev;
    Report ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    Report ["k" "Up"] => MoveUp, KeyScrollUp;
    Report ["PgDn"] => PageDown, KeyPageDown;
    Report ["PgUp"] => PageUp, KeyPageUp;
    Report ["Esc" "q" "R"] => Cancel, KeyCloseReport, HintClose;
    // The message log.
    Messages ["j" "Down"] => MoveDown, KeyScrollDown, HintScroll;
    Messages ["k" "Up"] => MoveUp, KeyScrollUp;
    Messages ["Esc" "q"] => Cancel, KeyCloseMessages, HintClose;
};

/// Keys the text inputs of forms, the search line and the picker handle themselves; listed in
/// the help so every key a user can press is documented.
pub const TEXT_INPUT_KEYS: &[(&str, Text)] = &[
    ("Left Right", Text::KeyCursorOrChoice),
    ("Home End", Text::KeyLineStartEnd),
    ("C-w", Text::KeyDeleteWord),
    ("C-u", Text::KeyDeleteLine),
];

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

/// The key names bound to `action` in `context` (empty when none is).
pub fn keys_for(context: Context, action: Action) -> &'static [&'static str] {
    bindings_of(context)
        .find(|b| b.action == action)
        .map_or(&[], |b| b.keys)
}

/// The keys bound to `action` in `context` for display, separated by `/`.
pub fn display_keys_for(context: Context, action: Action, lang: Lang) -> String {
    keys_for(context, action)
        .iter()
        .map(|k| display_key(k, lang))
        .collect::<Vec<_>>()
        .join("/")
}

/// True when `context` binds a key to `action`.
pub fn binds(context: Context, action: Action) -> bool {
    bindings_of(context).any(|b| b.action == action)
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], key: &KeyEvent) -> Option<Action> {
    let name = key_name(key)?;
    contexts.iter().find_map(|context| {
        BINDINGS
            .iter()
            .find(|b| b.context == *context && b.keys.contains(&name.as_str()))
            .map(|b| b.action)
    })
}

/// How a key name is shown to users: arrows as symbols, `C-r` as `Ctrl-r`.
pub fn display_key(name: &str, lang: Lang) -> String {
    match name {
        "Down" => "↓".into(),
        "Up" => "↑".into(),
        "Left" => "←".into(),
        "Right" => "→".into(),
        "Left Right" => "← →".into(),
        "Home End" => format!("{} {}", display_key("Home", lang), display_key("End", lang)),
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

/// The bindings of one context, in table order.
pub fn bindings_of(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen = HashSet::new();
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(
                    seen.insert((binding.context, *key)),
                    "{key} bound twice in {:?}",
                    binding.context
                );
            }
        }
    }

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

/// The key table for README.md: one section per context, German and English descriptions.
pub fn markdown_table() -> String {
    use strum::IntoEnumIterator;
    let mut out = String::new();
    for context in Context::iter() {
        let title = format!(
            "{} / {}",
            Lang::De.t(context.title()),
            Lang::En.t(context.title())
        );
        out.push_str(&format!(
            "\n**{title}**\n\n| Keys | Deutsch | English |\n|---|---|---|\n"
        ));
        let mut rows: Vec<(Vec<String>, Text)> = bindings_of(context)
            .map(|b| {
                (
                    b.keys.iter().map(|k| display_key(k, Lang::En)).collect(),
                    b.help,
                )
            })
            .collect();
        if context == Context::Form {
            rows.extend(TEXT_INPUT_KEYS.iter().map(|(keys, help)| {
                let keys = keys.split(' ').map(|k| display_key(k, Lang::En)).collect();
                (keys, *help)
            }));
        }
        for (keys, help) in rows {
            let keys = keys
                .iter()
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "| {keys} | {} | {} |\n",
                Lang::De.t(help),
                Lang::En.t(help)
            ));
        }
    }
    out
}

/// Replaces the text between `<!-- {name}:start -->` and `<!-- {name}:end -->` in `document`;
/// `None` when the markers are missing.
pub fn replace_between(document: &str, name: &str, content: &str) -> Option<String> {
    let start = format!("<!-- {name}:start -->");
    let end = format!("<!-- {name}:end -->");
    let from = document.find(&start)? + start.len();
    let to = from + document[from..].find(&end)?;
    Some(format!(
        "{}\n{}\n{}",
        &document[..from],
        content.trim_matches('\n'),
        &document[to..]
    ))
}

#[cfg(test)]
mod readme_tests {
    use super::*;

    /// README's key table is generated from [`BINDINGS`]; run with `QUARTIER_UPDATE_README=1`
    /// to regenerate it after changing a key.
    #[test]
    fn readme_key_table_matches_the_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).expect("README.md");
        let expected = replace_between(&readme, "keys", &markdown_table()).expect("key markers");
        if std::env::var_os("QUARTIER_UPDATE_README").is_some() {
            std::fs::write(path, &expected).expect("write README.md");
        } else {
            assert!(
                readme == expected,
                "README.md's key table is out of date: run QUARTIER_UPDATE_README=1 cargo test"
            );
        }
    }
}
