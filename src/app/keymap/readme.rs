//! README's key table, generated from [`BINDINGS`](super::BINDINGS) so the two cannot drift
//! apart.

use crate::i18n::{Lang, Text};

use super::{Context, TEXT_INPUT_KEYS, action_name, bindings_of, display_key};

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
            "\n**{title}** (`[keys.{}]`)\n\n| Keys | Name | Deutsch | English |\n|---|---|---|---|\n",
            context.config_name()
        ));
        let mut rows: Vec<(Vec<String>, String, Text)> = bindings_of(context)
            .map(|b| {
                (
                    b.keys.iter().map(|k| display_key(k, Lang::En)).collect(),
                    format!("`{}`", action_name(b.action)),
                    b.help,
                )
            })
            .collect();
        if context == Context::Form {
            rows.extend(TEXT_INPUT_KEYS.iter().map(|(keys, help)| {
                let keys = keys.split(' ').map(|k| display_key(k, Lang::En)).collect();
                (keys, String::new(), *help)
            }));
        }
        for (keys, name, help) in rows {
            let keys = keys
                .iter()
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "| {keys} | {name} | {} | {} |\n",
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
