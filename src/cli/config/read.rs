//! Reading the config file's TOML with the place of every key (toml's spanned document), so each
//! problem names its line and only the bad part falls back to the default.

use std::path::PathBuf;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Problem, Reason, Settings};
use crate::app::Context;
use crate::app::keymap::Rebinding;
use crate::i18n::Lang;

/// The settings in `text`, with a problem for everything not taken.
pub(super) fn parse(text: &str) -> Settings {
    let mut settings = Settings::default();
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => {
            let line = error.span().map_or(1, |span| line_of(text, span.start));
            settings.problems.push(Problem {
                line,
                reason: Reason::Syntax(error.message().trim().to_string()),
            });
            return settings;
        }
    };
    let mut reader = Reader {
        text,
        settings: &mut settings,
    };
    for (key, value) in document.get_ref() {
        reader.top(key, value);
    }
    settings.problems.sort_by_key(|p| p.line);
    settings
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The TOML type of a value, as messages name it.
fn type_name(value: &DeValue) -> String {
    value.type_str().to_string()
}

struct Reader<'t, 's> {
    text: &'t str,
    settings: &'s mut Settings,
}

type Key<'a> = Spanned<std::borrow::Cow<'a, str>>;
type Value<'a> = Spanned<DeValue<'a>>;

impl Reader<'_, '_> {
    fn line(&self, key: &Key) -> usize {
        line_of(self.text, key.span().start)
    }

    fn problem(&mut self, key: &Key, reason: Reason) {
        let line = self.line(key);
        self.settings.problems.push(Problem { line, reason });
    }

    fn wrong_type(&mut self, key: &Key, name: &str, expected: &'static str, value: &Value) {
        let reason = Reason::WrongType {
            key: name.to_string(),
            expected,
            found: type_name(value.get_ref()),
        };
        self.problem(key, reason);
    }

    /// A string value, or a wrong-type problem.
    fn string(&mut self, key: &Key, name: &str, value: &Value) -> Option<String> {
        match value.get_ref().as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(key, name, "string", value);
                None
            }
        }
    }

    fn top(&mut self, key: &Key, value: &Value) {
        let name = key.get_ref().as_ref();
        match name {
            "database" => {
                if let Some(path) = self.string(key, name, value) {
                    self.settings.database = Some(PathBuf::from(path));
                }
            }
            "lang" => match self.string(key, name, value).as_deref() {
                Some("de") => self.settings.lang = Some(Lang::De),
                Some("en") => self.settings.lang = Some(Lang::En),
                Some(other) => self.problem(key, Reason::UnknownLang(other.to_string())),
                None => {}
            },
            "display_name" => {
                if let Some(text) = self.string(key, name, value) {
                    self.settings.display_name = Some(text);
                }
            }
            "mouse" => match value.get_ref().as_bool() {
                Some(on) => self.settings.mouse = Some(on),
                None => self.wrong_type(key, name, "boolean (true/false)", value),
            },
            "proof_months" => match (value.get_ref().as_integer())
                .filter(|n| n.radix() == 10)
                .map(|n| n.as_str().replace('_', "").parse::<u32>())
            {
                Some(Ok(months @ 1..=60)) => self.settings.proof_months = Some(months),
                _ => self.wrong_type(key, name, "whole number of months (1 to 60)", value),
            },
            "theme" => match value.get_ref().as_table() {
                Some(table) => self.theme(table),
                None => self.wrong_type(key, name, "table", value),
            },
            "keys" => match value.get_ref().as_table() {
                Some(table) => self.keys(table),
                None => self.wrong_type(key, name, "table", value),
            },
            other => self.problem(key, Reason::UnknownKey(other.to_string())),
        }
    }

    fn theme(&mut self, table: &DeTable) {
        for (key, value) in table {
            let role = key.get_ref().as_ref();
            if !crate::ui::theme::ROLES.iter().any(|(r, _)| *r == role) {
                self.problem(key, Reason::UnknownKey(format!("theme.{role}")));
                continue;
            }
            let Some(name) = self.string(key, &format!("theme.{role}"), value) else {
                continue;
            };
            match crate::ui::theme::colour_named(&name) {
                Some(colour) => self.settings.colours.push((role.to_string(), colour)),
                None => self.problem(
                    key,
                    Reason::UnknownColour {
                        role: role.to_string(),
                        value: name,
                    },
                ),
            }
        }
    }

    fn keys(&mut self, table: &DeTable) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            if let Some(inner) = value.get_ref().as_table() {
                match Context::from_config_name(name) {
                    Some(context) => {
                        for (key, value) in inner {
                            self.rebinding(Some(context), key, value);
                        }
                    }
                    None => self.problem(key, Reason::UnknownContext(name.to_string())),
                }
            } else {
                self.rebinding(None, key, value);
            }
        }
    }

    fn rebinding(&mut self, context: Option<Context>, key: &Key, value: &Value) {
        let name = key.get_ref().to_string();
        let keys: Option<Vec<String>> = value.get_ref().as_array().and_then(|array| {
            array
                .iter()
                .map(|k| k.get_ref().as_str().map(str::to_string))
                .collect()
        });
        let keys = match (keys, value.get_ref().as_str()) {
            (Some(keys), _) => keys,
            (None, Some(one)) => vec![one.to_string()],
            (None, None) => {
                let place =
                    context.map_or("keys".to_string(), |c| format!("keys.{}", c.config_name()));
                self.wrong_type(key, &format!("{place}.{name}"), "array of key names", value);
                return;
            }
        };
        let line = self.line(key);
        self.settings.rebindings.push(Rebinding {
            context,
            name,
            keys,
            line,
        });
    }
}
