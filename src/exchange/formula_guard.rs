//! Spreadsheet cells that must never run as formulas (CSV and XLSX exports).
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return may be executed by a
//! spreadsheet (CSV/formula injection). [`neutralise_formula`] puts one `'` in front of such a
//! cell, the OWASP recommendation; [`restore_formula`] takes exactly that `'` away again, so
//! export → import gives back the original text.
//!
//! The pair is lossless for every text: a text that already begins with apostrophes followed by
//! one of those characters (`'=x`) gets one more (`''=x`), and restoring removes one. A plain
//! number such as `-3` or `-2,5` is left alone: a spreadsheet reads it as that number, which is
//! what it is, and sums over it keep working.

use std::borrow::Cow;

/// The characters that make a spreadsheet treat a cell as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text`, without leading apostrophes, begins with a formula character.
fn starts_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(FORMULA_STARTS.as_slice())
}

/// `-3`, `-2,5` or `-2.5`: an optional minus, digits, at most one decimal separator with
/// digits after it.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits)
}

/// The cell text a spreadsheet shows but never executes: `'` + `text` when `text` would start
/// a formula, else `text` itself.
pub fn neutralise_formula(text: &str) -> Cow<'_, str> {
    if starts_like_formula(text) && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undoes [`neutralise_formula`]: removes the one `'` it added, and nothing else.
pub fn restore_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_get_an_apostrophe() {
        assert_eq!(
            neutralise_formula("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for text in [
            "+1", "-x", "@SUM(A1)", "\tx", "\rx", "'=x", "''+x", "-", "--3",
        ] {
            assert_eq!(neutralise_formula(text), format!("'{text}"), "{text:?}");
        }
        for text in [
            "", "Kiezfest", "x=1", " =1", "'", "'x", "-3", "-2,5", "-0.25", "12",
        ] {
            assert_eq!(neutralise_formula(text), text, "{text:?}");
        }
    }

    #[test]
    fn restoring_gives_back_the_original() {
        for text in [
            "", "=1+1", "'=1+1", "''=1+1", "'", "''", "'x", "-3", "'-3", "-x", "@", "\t", "a'=b",
        ] {
            assert_eq!(restore_formula(&neutralise_formula(text)), text, "{text:?}");
        }
        // Only the added apostrophe goes.
        assert_eq!(restore_formula("'Name"), "'Name");
        assert_eq!(restore_formula("'=x"), "=x");
    }
}
