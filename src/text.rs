//! The one sanitiser every piece of user text passes before it reaches a terminal, plus
//! width-aware padding and truncation (wide characters count two columns, combining marks zero).

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::is_forbidden_in_line;

/// Shown instead of a character that must not reach the terminal.
pub const REPLACEMENT: char = '\u{fffd}';

/// One-line form: line breaks and tabs become spaces; every other control character, escape
/// introducer (ESC, CSI), C1 control and bidi control becomes `�`.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_forbidden_in_line) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                c if is_forbidden_in_line(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

/// Multi-line form: keeps `\n`, turns tabs into spaces, replaces everything else as
/// [`sanitize_line`] does.
pub fn sanitize_text(text: &str) -> String {
    text.lines()
        .map(|line| sanitize_line(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Pasted text for a multi-line input: every line break (`\r\n`, `\r` — what terminals send —
/// or `\n`) becomes `\n`. Nothing else changes; validation judges the rest.
pub fn pasted_lines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Pasted text for a single-line input: every line break becomes one space.
pub fn pasted_line(text: &str) -> String {
    pasted_lines(text).replace('\n', " ")
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Cuts `text` to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if text.width() <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Sanitises, truncates to `columns` and pads with spaces to exactly `columns`.
pub fn cell(text: &str, columns: usize) -> String {
    let clean = sanitize_line(text);
    let cut = truncate(&clean, columns);
    let pad = columns.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

/// Like [`cell`], right-aligned.
pub fn cell_right(text: &str, columns: usize) -> String {
    let clean = sanitize_line(text);
    let cut = truncate(&clean, columns);
    let pad = columns.saturating_sub(cut.width());
    format!("{}{cut}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_never_pass() {
        let hostile = "a\x1b[2Jb\x1b]0;evil\x07c\u{202e}d\u{9b}e\u{7f}f\r\ng";
        let clean = sanitize_line(hostile);
        assert!(
            !clean
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))
        );
        assert_eq!(clean, "a�[2Jb�]0;evil�c�d�e�f  g");
        let multi = sanitize_text("one\x1b\ntwo");
        assert_eq!(multi, "one�\ntwo");
    }

    #[test]
    fn pasted_line_breaks_become_newlines_or_spaces() {
        assert_eq!(pasted_lines("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(pasted_line("a\r\nb\rc\nd\te"), "a b c d\te");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize_line("Kiezfest Ü"), Cow::Borrowed(_)));
    }

    #[test]
    fn cells_respect_wide_and_combining_characters() {
        assert_eq!(cell("日本語テキスト", 7), "日本語…");
        assert_eq!(width(&cell("日本語テキスト", 7)), 7);
        assert_eq!(cell("e\u{301}te\u{301}", 5), "e\u{301}te\u{301}  ");
        assert_eq!(cell_right("12,00 €", 9), "  12,00 €");
        assert_eq!(truncate("abc", 0), "");
    }
}
