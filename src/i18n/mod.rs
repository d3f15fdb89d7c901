//! User-facing strings: one table per language (`de.rs`, `en.rs`), German by default. Templates
//! carry named `{placeholders}` filled by [`fill`]. [`Localize`] turns typed errors and warnings
//! into sentences.

mod de;
mod en;
pub mod help;
mod io;
mod messages;
mod text;

pub use io::{explain, explain_io};
pub use messages::{Localize, field_label};
pub use text::Text;

/// The language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// The explicit choice if given, else English when `LC_ALL`, `LC_MESSAGES` or `LANG`
    /// starts with `en`, else German.
    pub fn detect(explicit: Option<Lang>) -> Lang {
        explicit.unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
                .unwrap_or_default();
            if locale.starts_with("en") {
                Lang::En
            } else {
                Lang::De
            }
        })
    }

    /// The string for `text` in this language.
    pub fn t(self, text: Text) -> &'static str {
        match self {
            Lang::De => de::text(text),
            Lang::En => en::text(text),
        }
    }

    /// A measure's status as shown in this language (the German words are the canonical names
    /// of [`crate::model::Status::name`]).
    pub fn status(self, status: crate::model::Status) -> &'static str {
        match self {
            Lang::De => status.name(),
            Lang::En => status.english(),
        }
    }
}

/// Replaces each `{name}` in `template` with its value, and each plural choice
/// `{name:singular|plural}` with the form the count `name` asks for (singular for exactly 1,
/// plural otherwise, also for 0 — the rule of German and English alike). This is the one
/// plural helper: every message with a count writes its noun as a choice, e.g.
/// `{links} {links:Verknüpfung|Verknüpfungen}`. Values are inserted once, never re-read, so
/// a title containing `{name}` stays as it is. Unknown placeholders are left untouched.
///
/// ```
/// use quartier::i18n::fill;
/// let t = "Mit {n} {n:Verknüpfung|Verknüpfungen}";
/// assert_eq!(fill(t, &[("n", &1)]), "Mit 1 Verknüpfung");
/// assert_eq!(fill(t, &[("n", &0)]), "Mit 0 Verknüpfungen");
/// ```
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let value = |name: &str| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    };
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let inner = &after[..close];
        let replaced = match inner.split_once(':') {
            Some((name, forms)) => match (value(name), forms.split_once('|')) {
                (Some(count), Some((one, many))) => {
                    Some(plural_form(&count, one, many).to_string())
                }
                _ => None,
            },
            None => value(inner),
        };
        match replaced {
            Some(text) => out.push_str(&text),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `one` when `count` reads as exactly 1 (or -1), else `many`.
fn plural_form<'a>(count: &str, one: &'a str, many: &'a str) -> &'a str {
    if matches!(count.trim().trim_start_matches('-'), "1") {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests;
