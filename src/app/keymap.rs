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

const fn bind(
    context: Context,
    keys: &'static [&'static str],
    action: Action,
    help: Text,
    hint: Option<Text>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

use Action as A;
use Context as C;
use Text as T;

/// Every key binding of quartier.
pub const BINDINGS: &[Binding] = &[
    bind(C::Global, &["C-c"], A::Quit, T::KeyQuitAnywhere, None),
    bind(C::Global, &["C-g"], A::Messages, T::KeyMessages, None),
    // Normal mode, every pane.
    bind(C::Normal, &["j", "Down"], A::MoveDown, T::KeyMoveDown, None),
    bind(C::Normal, &["k", "Up"], A::MoveUp, T::KeyMoveUp, None),
    bind(C::Normal, &["g", "Home"], A::First, T::KeyFirst, None),
    bind(C::Normal, &["G", "End"], A::Last, T::KeyLast, None),
    bind(C::Normal, &["PgDn"], A::PageDown, T::KeyPageDown, None),
    bind(C::Normal, &["PgUp"], A::PageUp, T::KeyPageUp, None),
    bind(
        C::Normal,
        &["Tab"],
        A::FocusNext,
        T::KeyFocusNext,
        Some(T::HintPane),
    ),
    bind(C::Normal, &["S-Tab"], A::FocusPrev, T::KeyFocusPrev, None),
    bind(
        C::Normal,
        &["/"],
        A::Search,
        T::KeySearch,
        Some(T::HintSearch),
    ),
    bind(C::Normal, &["n"], A::NextHit, T::KeyNextHit, None),
    bind(C::Normal, &["N"], A::PrevHit, T::KeyPrevHit, None),
    bind(C::Normal, &["f"], A::Filter, T::KeyFilter, None),
    bind(C::Normal, &["s"], A::Sort, T::KeySort, None),
    bind(C::Normal, &["u"], A::Undo, T::KeyUndo, Some(T::HintUndo)),
    bind(C::Normal, &["C-r"], A::Redo, T::KeyRedo, None),
    bind(C::Normal, &["?"], A::Help, T::KeyHelp, Some(T::HintHelp)),
    bind(C::Normal, &["q"], A::Quit, T::KeyQuit, Some(T::HintQuit)),
    bind(C::Normal, &["Esc"], A::Cancel, T::KeyBack, None),
    bind(
        C::Normal,
        &["R"],
        A::Report,
        T::KeyReport,
        Some(T::HintReport),
    ),
    bind(C::Normal, &["x"], A::Export, T::KeyExport, None),
    // The goal tree.
    bind(
        C::Tree,
        &["l", "Right", "Enter"],
        A::ExpandOrChild,
        T::KeyExpand,
        None,
    ),
    bind(
        C::Tree,
        &["h", "Left"],
        A::CollapseOrParent,
        T::KeyCollapse,
        None,
    ),
    bind(C::Tree, &["Space"], A::Toggle, T::KeyToggle, None),
    bind(C::Tree, &["a"], A::Add, T::KeyAddGoal, Some(T::HintAdd)),
    bind(C::Tree, &["e"], A::Edit, T::KeyEditGoal, Some(T::HintEdit)),
    bind(C::Tree, &["r"], A::Rename, T::KeyRenameGoal, None),
    bind(
        C::Tree,
        &["d"],
        A::Delete,
        T::KeyDeleteGoal,
        Some(T::HintDelete),
    ),
    bind(C::Tree, &["K"], A::MoveGoalUp, T::KeyMoveGoalUp, None),
    bind(C::Tree, &["J"], A::MoveGoalDown, T::KeyMoveGoalDown, None),
    bind(C::Tree, &["m"], A::MoveGoalTo, T::KeyMoveGoalTo, None),
    // The measure table and detail pane.
    bind(
        C::Measures,
        &["a"],
        A::Add,
        T::KeyAddMeasure,
        Some(T::HintAdd),
    ),
    bind(
        C::Measures,
        &["e", "Enter"],
        A::Edit,
        T::KeyEditMeasure,
        Some(T::HintEdit),
    ),
    bind(
        C::Measures,
        &["d"],
        A::Delete,
        T::KeyDeleteMeasure,
        Some(T::HintDelete),
    ),
    bind(C::Measures, &["L"], A::Link, T::KeyLink, Some(T::HintLink)),
    bind(C::Measures, &["U"], A::Unlink, T::KeyUnlink, None),
    bind(C::Measures, &["P"], A::SetPrimary, T::KeySetPrimary, None),
    bind(
        C::Measures,
        &["h", "Left"],
        A::FocusPrev,
        T::KeyFocusPrev,
        None,
    ),
    // Help overlay.
    bind(
        C::Help,
        &["j", "Down"],
        A::MoveDown,
        T::KeyScrollDown,
        Some(T::HintScroll),
    ),
    bind(C::Help, &["k", "Up"], A::MoveUp, T::KeyScrollUp, None),
    bind(
        C::Help,
        &["Esc", "?", "q"],
        A::Cancel,
        T::KeyCloseHelp,
        Some(T::HintClose),
    ),
    // Yes/no questions.
    bind(
        C::Confirm,
        &["j", "y", "Enter"],
        A::Confirm,
        T::KeyYes,
        Some(T::HintYes),
    ),
    bind(
        C::Confirm,
        &["n", "Esc"],
        A::Deny,
        T::KeyNo,
        Some(T::HintNo),
    ),
    // Goal picker.
    bind(
        C::Picker,
        &["Down", "C-n"],
        A::MoveDown,
        T::KeyMoveDown,
        None,
    ),
    bind(C::Picker, &["Up", "C-p"], A::MoveUp, T::KeyMoveUp, None),
    bind(
        C::Picker,
        &["Enter"],
        A::Confirm,
        T::KeyPickGoal,
        Some(T::HintChoose),
    ),
    bind(
        C::Picker,
        &["Esc"],
        A::Cancel,
        T::KeyCancel,
        Some(T::HintCancel),
    ),
    // Search.
    bind(
        C::Search,
        &["Enter"],
        A::Confirm,
        T::KeySearchKeep,
        Some(T::HintKeep),
    ),
    bind(
        C::Search,
        &["Esc"],
        A::Cancel,
        T::KeySearchAbort,
        Some(T::HintCancel),
    ),
    bind(
        C::Search,
        &["Down", "C-n"],
        A::NextHit,
        T::KeyNextHit,
        Some(T::HintNextHit),
    ),
    bind(C::Search, &["Up", "C-p"], A::PrevHit, T::KeyPrevHit, None),
    // Filter popup.
    bind(C::Filter, &["j", "Down"], A::MoveDown, T::KeyMoveDown, None),
    bind(C::Filter, &["k", "Up"], A::MoveUp, T::KeyMoveUp, None),
    bind(
        C::Filter,
        &["h", "Left"],
        A::ChoicePrev,
        T::KeyChoicePrev,
        None,
    ),
    bind(
        C::Filter,
        &["l", "Right", "Space"],
        A::ChoiceNext,
        T::KeyChoiceNext,
        Some(T::HintChoice),
    ),
    bind(
        C::Filter,
        &["x", "Backspace"],
        A::ClearFilter,
        T::KeyClearFilter,
        None,
    ),
    bind(
        C::Filter,
        &["Enter"],
        A::Confirm,
        T::KeyApplyFilter,
        Some(T::HintApply),
    ),
    bind(
        C::Filter,
        &["Esc"],
        A::Cancel,
        T::KeyCancel,
        Some(T::HintCancel),
    ),
    // Export dialog.
    bind(
        C::Export,
        &["Down", "C-n"],
        A::ChoiceNext,
        T::KeyExportFormat,
        Some(T::HintFormat),
    ),
    bind(
        C::Export,
        &["Up", "C-p"],
        A::ChoicePrev,
        T::KeyExportFormatPrev,
        None,
    ),
    bind(
        C::Export,
        &["Enter"],
        A::Confirm,
        T::KeyExportWrite,
        Some(T::HintWrite),
    ),
    bind(
        C::Export,
        &["Esc"],
        A::Cancel,
        T::KeyCancel,
        Some(T::HintCancel),
    ),
    // Edit forms.
    bind(
        C::Form,
        &["Tab"],
        A::NextField,
        T::KeyNextField,
        Some(T::HintField),
    ),
    bind(C::Form, &["S-Tab"], A::PrevField, T::KeyPrevField, None),
    bind(C::Form, &["C-s"], A::Save, T::KeySave, Some(T::HintSave)),
    bind(C::Form, &["Enter"], A::FormEnter, T::KeyFormEnter, None),
    // Not Enter, not Ctrl-Enter (terminals send both as CR): ESC CR and LF reach us intact,
    // over SSH too.
    bind(
        C::Form,
        &["A-Enter", "C-j"],
        A::NewLine,
        T::KeyNewLine,
        None,
    ),
    bind(
        C::Form,
        &["Esc"],
        A::Cancel,
        T::KeyFormCancel,
        Some(T::HintCancel),
    ),
    bind(C::Form, &["C-n"], A::AddEntry, T::KeyAddEntry, None),
    bind(C::Form, &["C-d"], A::RemoveEntry, T::KeyRemoveEntry, None),
    // The report view.
    bind(
        C::Report,
        &["Tab"],
        A::SwitchTab,
        T::KeyReportTab,
        Some(T::HintReportTab),
    ),
    bind(
        C::Report,
        &["l", "Right"],
        A::NextYear,
        T::KeyYearNext,
        Some(T::HintYear),
    ),
    bind(C::Report, &["h", "Left"], A::PrevYear, T::KeyYearPrev, None),
    bind(
        C::Report,
        &["j", "Down"],
        A::MoveDown,
        T::KeyScrollDown,
        Some(T::HintScroll),
    ),
    bind(C::Report, &["k", "Up"], A::MoveUp, T::KeyScrollUp, None),
    bind(C::Report, &["PgDn"], A::PageDown, T::KeyPageDown, None),
    bind(C::Report, &["PgUp"], A::PageUp, T::KeyPageUp, None),
    bind(
        C::Report,
        &["Esc", "q", "R"],
        A::Cancel,
        T::KeyCloseReport,
        Some(T::HintClose),
    ),
    // The message log.
    bind(
        C::Messages,
        &["j", "Down"],
        A::MoveDown,
        T::KeyScrollDown,
        Some(T::HintScroll),
    ),
    bind(C::Messages, &["k", "Up"], A::MoveUp, T::KeyScrollUp, None),
    bind(
        C::Messages,
        &["Esc", "q"],
        A::Cancel,
        T::KeyCloseMessages,
        Some(T::HintClose),
    ),
];

/// Keys the text inputs of forms, the search line and the picker handle themselves; listed in
/// the help so every key a user can press is documented.
pub const TEXT_INPUT_KEYS: &[(&str, Text)] = &[
    ("Left Right", T::KeyCursorOrChoice),
    ("Home End", T::KeyLineStartEnd),
    ("C-w", T::KeyDeleteWord),
    ("C-u", T::KeyDeleteLine),
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
        "Home" => lang.t(T::KeyNameHome).into(),
        "End" => lang.t(T::KeyNameEnd).into(),
        "PgDn" => lang.t(T::KeyNamePageDown).into(),
        "PgUp" => lang.t(T::KeyNamePageUp).into(),
        "Space" => lang.t(T::KeyNameSpace).into(),
        "S-Tab" => lang.t(T::KeyNameShiftTab).into(),
        "Backspace" => lang.t(T::KeyNameBackspace).into(),
        "A-Enter" => "Alt-Enter".into(),
        other => match other.strip_prefix("C-") {
            Some(rest) => format!("{}-{rest}", lang.t(T::KeyNameCtrl)),
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
