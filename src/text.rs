//! The one sanitiser every piece of user text passes before it reaches a terminal, plus
//! width-aware padding and truncation (wide characters count two columns, combining marks zero).

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::is_forbidden_in_line;

/// Shown instead of a character that must not reach the terminal.
pub const REPLACEMENT: char = '\u{fffd}';

/// One-line form: line breaks and tabs become spaces; every other control character, escape
/// introducer (ESC, CSI), C1 control and bidi control becomes `�`; invisible format characters
/// ([`is_invisible`]) are left out.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_forbidden_in_line(c) || is_invisible(c) || is_separator(c))
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                c if is_separator(c) => ' ',
                c if is_forbidden_in_line(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

/// Unicode's line and paragraph separators: shown as a space, like a line break.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Zero-width and format characters that draw nothing but that terminals count differently
/// (tmux, xterm, VTE disagree on ZWSP, ZWJ, variation selectors, soft hyphen …): drawn, they
/// shift the rest of a row and leave stale cells. The screen leaves them out (the data keeps
/// them). Emoji joined with ZWJ are shown as their parts.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06dd}'
            | '\u{070f}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08e2}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    ) && !is_forbidden_in_line(c)
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

/// A moment given in milliseconds since the Unix epoch, in local time as the UI shows it:
/// `25.11.2026 14:03:07` (empty for a moment chrono cannot represent).
pub fn local_time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%d.%m.%Y %H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
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
    fn zero_width_and_format_characters_are_left_out() {
        let sneaky = "a\u{200b}b\u{200c}c\u{200d}d\u{2060}e\u{feff}f\u{ad}g\u{fe0f}h\u{e0041}i";
        assert_eq!(sanitize_line(sneaky), "abcdefghi");
        assert_eq!(width(&sanitize_line(sneaky)), 9);
        // Bidi controls stay visible as `�`, as before.
        assert_eq!(sanitize_line("x\u{200f}y\u{202e}z"), "x�y�z");
        assert_eq!(sanitize_text("1\u{200b}\n2\u{200d}"), "1\n2");
        assert_eq!(cell("👨\u{200d}👩", 5), "👨👩 ");
        assert_eq!(sanitize_line("a\u{2028}b\u{202f}c"), "a b\u{202f}c");
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
