//! The keymap a session uses: [`BINDINGS`] with the config file's rebindings (issue 16). An
//! action is named as the help overlay shows it (`delete`, `move_down`, `add`); a rebinding
//! replaces the keys of that action in one context (`[keys.tree]`) or in every context that has
//! it (`[keys]`). A rebinding with an unknown name or key, or whose key collides with another
//! binding active at the same time, is refused with a [`KeyProblem`] and the defaults stay.

use ratatui::crossterm::event::KeyEvent;

use super::{BINDINGS, Binding, Context, display_key, key_name, parse_key};
use crate::app::action::Action;
use crate::i18n::Lang;

/// The name of a binding's action in the config file and the help (`delete`, `move_down`):
/// the action in snake case, where the goal and measure variants of add, edit and delete share
/// one name (they live in different contexts).
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let short = match debug.as_str() {
        "AddGoal" | "AddMeasure" => "Add",
        "EditGoal" | "EditMeasure" => "Edit",
        "DeleteGoal" | "DeleteMeasure" => "Delete",
        other => other,
    };
    let mut name = String::new();
    for (i, c) in short.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

impl Context {
    /// The context's name in the config file (`[keys.tree]`).
    pub fn config_name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Normal => "normal",
            Context::Tree => "tree",
            Context::Measures => "measures",
            Context::Help => "help",
            Context::Confirm => "confirm",
            Context::Picker => "picker",
            Context::Search => "search",
            Context::Filter => "filter",
            Context::Form => "form",
            Context::Report => "report",
            Context::History => "history",
            Context::Export => "export",
            Context::Messages => "messages",
            Context::Conflict => "conflict",
            Context::Course => "course",
            Context::SetStatus => "set_status",
            Context::Payments => "payments",
            Context::Sessions => "sessions",
            Context::Termine => "deadlines",
        }
    }

    /// The context a config name stands for.
    pub fn from_config_name(name: &str) -> Option<Context> {
        use strum::IntoEnumIterator;
        Context::iter().find(|c| c.config_name() == name)
    }

    /// True where the user types text: keys that type a character belong to the input there.
    fn has_text_input(self) -> bool {
        matches!(
            self,
            Context::Global
                | Context::Form
                | Context::Search
                | Context::Picker
                | Context::Export
                | Context::SetStatus
        )
    }

    /// The contexts whose keys are looked up together with this one's (see
    /// [`crate::app::App::contexts`]): a key may be bound only once among them.
    fn active_with(self) -> &'static [Context] {
        match self {
            Context::Normal => &[Context::Global, Context::Tree, Context::Measures],
            Context::Tree | Context::Measures => &[Context::Global, Context::Normal],
            Context::Global => &[],
            _ => &[Context::Global],
        }
    }
}

/// One rebinding asked for by the config file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rebinding {
    /// `None`: every context that has an action of this name.
    pub context: Option<Context>,
    pub name: String,
    pub keys: Vec<String>,
    /// Where the config file asks for it (1-based), for the messages.
    pub line: usize,
}

/// Why a rebinding was refused; the defaults stay for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// No action of this name (in that context).
    UnknownAction {
        line: usize,
        context: Option<Context>,
        name: String,
    },
    /// A key name no key has.
    UnknownKey { line: usize, key: String },
    /// An empty list of keys.
    NoKeys { line: usize, name: String },
    /// A key that types a character, in a context where text is typed.
    TypesText {
        line: usize,
        key: String,
        context: Context,
    },
    /// The key is bound to another action active at the same time.
    Collision {
        line: usize,
        key: String,
        name: String,
        context: Context,
        other: String,
        other_context: Context,
    },
}

/// The bindings of one session.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

/// True for a key (or a sequence whose first key) types a character (`d`, `D`, `Space`,
/// `Space d`), not `C-d` or `Delete`.
fn types_text(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or_default();
    first == "Space" || first.chars().count() == 1
}

/// True for a canonical key name (`d`, `C-r`, `PgDn`), as [`key_name`] gives it.
fn is_key_name(name: &str) -> bool {
    parse_key(name).and_then(|e| key_name(&e)).as_deref() == Some(name)
}

/// Two keys that cannot both be bound at the same time: equal, or one starts the other's
/// sequence (`Space` and `Space d`).
fn clash(a: &str, b: &str) -> bool {
    let starts = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' '))
    };
    a == b || starts(a, b) || starts(b, a)
}

/// What the keys pressed so far mean in the active contexts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Action(Action),
    /// The start of a key sequence: wait for the next key.
    Prefix,
    Nothing,
}

/// A key list for the life of the process (a config is read once per process).
fn leak(keys: &[String]) -> &'static [&'static str] {
    let keys: Vec<&'static str> = keys
        .iter()
        .map(|k| &*Box::leak(k.clone().into_boxed_str()))
        .collect();
    Box::leak(keys.into_boxed_slice())
}

impl Keymap {
    /// The default keymap with `rebindings` applied; the refused ones are returned.
    pub fn with(rebindings: &[Rebinding]) -> (Keymap, Vec<KeyProblem>) {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        // (binding index, line) of every applied rebinding.
        let mut changed: Vec<(usize, usize)> = Vec::new();
        for rebinding in rebindings {
            let line = rebinding.line;
            let bad: Vec<&String> = (rebinding.keys.iter())
                .filter(|k| !k.split(' ').all(is_key_name))
                .collect();
            if !bad.is_empty() {
                problems.extend(bad.into_iter().map(|key| KeyProblem::UnknownKey {
                    line,
                    key: key.clone(),
                }));
                continue;
            }
            let mut found: Vec<usize> = (0..keymap.bindings.len())
                .filter(|i| {
                    let b = &keymap.bindings[*i];
                    rebinding.context.is_none_or(|c| c == b.context)
                        && action_name(b.action) == rebinding.name
                })
                .collect();
            // `[keys] quit = …` means the panes' `q`: a global binding (which works in forms
            // too) changes only when named in `[keys.global]` or when it is the only one.
            if found
                .iter()
                .any(|i| keymap.bindings[*i].context != Context::Global)
            {
                found.retain(|i| keymap.bindings[*i].context != Context::Global);
            }
            if found.is_empty() {
                problems.push(KeyProblem::UnknownAction {
                    line,
                    context: rebinding.context,
                    name: rebinding.name.clone(),
                });
                continue;
            }
            if rebinding.keys.is_empty() {
                problems.push(KeyProblem::NoKeys {
                    line,
                    name: rebinding.name.clone(),
                });
                continue;
            }
            // Where text is typed (forms, search, picker, file name; global keys work there
            // too), a key that types a character cannot be bound.
            let typed: Vec<(Context, &String)> = found
                .iter()
                .map(|i| keymap.bindings[*i].context)
                .filter(|c| c.has_text_input())
                .flat_map(|c| {
                    rebinding
                        .keys
                        .iter()
                        .filter(|k| types_text(k))
                        .map(move |k| (c, k))
                })
                .collect();
            if let Some((context, key)) = typed.first() {
                problems.push(KeyProblem::TypesText {
                    line,
                    key: (*key).clone(),
                    context: *context,
                });
                continue;
            }
            let keys = leak(&rebinding.keys);
            for index in found {
                keymap.bindings[index].keys = keys;
                changed.retain(|(i, _)| *i != index);
                changed.push((index, line));
            }
        }
        // Undo rebindings that collide, the later one in the file first, until none does.
        while let Some((index, other, key)) = keymap.collision(&changed) {
            let Some(at) = changed
                .iter()
                .rposition(|(i, _)| *i == index || *i == other)
            else {
                break;
            };
            let (refused, line) = changed.remove(at);
            let kept = if refused == index { other } else { index };
            let (b, o) = (&keymap.bindings[refused], &keymap.bindings[kept]);
            problems.push(KeyProblem::Collision {
                line,
                key,
                name: action_name(b.action),
                context: b.context,
                other: action_name(o.action),
                other_context: o.context,
            });
            keymap.bindings[refused].keys = BINDINGS[refused].keys;
        }
        problems.sort_by_key(KeyProblem::line);
        (keymap, problems)
    }

    /// Two bindings active together that share a key, one of them rebound: (rebound, other,
    /// key).
    fn collision(&self, changed: &[(usize, usize)]) -> Option<(usize, usize, String)> {
        for (index, _) in changed {
            let binding = &self.bindings[*index];
            for (other, b) in self.bindings.iter().enumerate() {
                let together = b.context == binding.context
                    || binding.context.active_with().contains(&b.context);
                if other == *index || !together {
                    continue;
                }
                if let Some(key) =
                    (binding.keys.iter()).find(|k| b.keys.iter().any(|o| clash(k, o)))
                {
                    return Some((*index, other, key.to_string()));
                }
            }
        }
        None
    }

    /// What `typed` (one key name, or a sequence `Space d`) means in the first of `contexts`
    /// that knows it.
    pub fn find(&self, contexts: &[Context], typed: &str) -> Found {
        let prefix = format!("{typed} ");
        for context in contexts {
            for binding in self.bindings_of(*context) {
                if binding.keys.contains(&typed) {
                    return Found::Action(binding.action);
                }
                if binding.keys.iter().any(|k| k.starts_with(&prefix)) {
                    return Found::Prefix;
                }
            }
        }
        Found::Nothing
    }

    /// The keys that may follow `pending` in `contexts`: (rest of the sequence, binding).
    pub fn continuations(&self, contexts: &[Context], pending: &str) -> Vec<(String, &Binding)> {
        let prefix = format!("{pending} ");
        let mut found = Vec::new();
        for context in contexts {
            for binding in self.bindings_of(*context) {
                for key in binding.keys {
                    if let Some(rest) = key.strip_prefix(&prefix) {
                        found.push((rest.to_string(), binding));
                    }
                }
            }
        }
        found
    }

    /// The action bound to `key` in the first of `contexts` that binds it.
    pub fn lookup(&self, contexts: &[Context], key: &KeyEvent) -> Option<Action> {
        let name = key_name(key)?;
        contexts.iter().find_map(|context| {
            self.bindings_of(*context)
                .find(|b| b.keys.contains(&name.as_str()))
                .map(|b| b.action)
        })
    }

    /// The bindings of one context, in table order.
    pub fn bindings_of(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The key names bound to `action` in `context` (empty when none is).
    pub fn keys_for(&self, context: Context, action: Action) -> &'static [&'static str] {
        self.bindings_of(context)
            .find(|b| b.action == action)
            .map_or(&[], |b| b.keys)
    }

    /// The keys bound to `action` in `context` for display, separated by `/`.
    pub fn display_keys_for(&self, context: Context, action: Action, lang: Lang) -> String {
        self.keys_for(context, action)
            .iter()
            .map(|k| display_key(k, lang))
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl KeyProblem {
    /// The line of the config file the problem is on.
    pub fn line(&self) -> usize {
        match self {
            KeyProblem::UnknownAction { line, .. }
            | KeyProblem::UnknownKey { line, .. }
            | KeyProblem::NoKeys { line, .. }
            | KeyProblem::TypesText { line, .. }
            | KeyProblem::Collision { line, .. } => *line,
        }
    }
}

#[cfg(test)]
mod tests;
