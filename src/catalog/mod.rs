//! The built-in goal system of the Quartiersmanagement programme (Z1–Z9 with their operational
//! goals), parsed from the seed text shipped in the binary. Owns no I/O: the store seeds a new
//! database from [`builtin_goals`].

/// The seed text exactly as published: one line per strategic goal, `Zn = Title<TAB>n.1 Title n.2 …`.
pub const SEED_TEXT: &str = include_str!("goals.txt");

/// One goal of the catalogue, before it gets a database id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogGoal {
    /// `Z3` for a strategic goal, `3.2` for an operational one.
    pub code: String,
    /// The title word for word as in the seed text.
    pub title: String,
    /// Code of the strategic parent; `None` for strategic goals.
    pub parent: Option<String>,
}

/// Parses the shipped seed text into 9 strategic and 39 operational goals, parents before children.
pub fn builtin_goals() -> Vec<CatalogGoal> {
    parse(SEED_TEXT)
}

/// Parses a seed text of the shipped shape. Lines that do not start with `Z<digits> = ` are skipped.
pub fn parse(text: &str) -> Vec<CatalogGoal> {
    let mut goals = Vec::new();
    for line in text.lines() {
        let Some((head, rest)) = line.split_once(" = ") else {
            continue;
        };
        let Some(number) = head.strip_prefix('Z').filter(|n| is_digits(n)) else {
            continue;
        };
        let (title, operational) = rest.split_once('\t').unwrap_or((rest, ""));
        let code = format!("Z{number}");
        goals.push(CatalogGoal {
            code: code.clone(),
            title: title.trim().to_string(),
            parent: None,
        });
        for (sub_code, sub_title) in split_operational(number, operational) {
            goals.push(CatalogGoal {
                code: sub_code,
                title: sub_title,
                parent: Some(code.clone()),
            });
        }
    }
    goals
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Splits `1.1 Title one 1.2 Title two` into `(code, title)` pairs. A code is `<number>.<digits>`
/// at the start of the text or after a space, followed by a space, so `z. B.` or `u.a.` inside a
/// title never start a new goal.
fn split_operational(number: &str, text: &str) -> Vec<(String, String)> {
    let prefix = format!("{number}.");
    let mut starts = Vec::new();
    for (index, _) in text.match_indices(&prefix) {
        let at_word_start = index == 0 || text[..index].ends_with(' ');
        let after = &text[index + prefix.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if at_word_start && digits > 0 && after[digits..].starts_with(' ') {
            starts.push((index, index + prefix.len() + digits));
        }
    }
    let mut goals = Vec::new();
    for (i, &(start, code_end)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |next| next.0);
        goals.push((
            text[start..code_end].to_string(),
            text[code_end..end].trim().to_string(),
        ));
    }
    goals
}

#[cfg(test)]
mod tests;
