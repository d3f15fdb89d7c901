//! `quartier report --format md`: a Markdown document to hand on — a title, the date and year,
//! how things are counted, then one table per section. User text is escaped so a title cannot
//! break a table or start markup.

use super::appendix::appendix;
use super::sections::{rules, sections, subtitle};
use super::table::{Emphasis, ReportColumn, Section};
use crate::i18n::{Lang, Text};
use crate::report::Report;
use crate::text::{sanitize_line, width};

/// The report as a Markdown document.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", lang.t(Text::ReportTitle));
    out.push_str(&subtitle(report, lang));
    out.push_str("\n\n");
    out.push_str(&rules(report, lang));
    out.push('\n');
    for section in sections(report, lang) {
        out.push_str(&format!("\n## {}\n\n", section.title));
        if section.rows.is_empty() {
            out.push_str(&format!("{}\n", lang.t(Text::ReportNone)));
        } else {
            table(&mut out, &section);
        }
    }
    // The measures behind the figures, goal by goal.
    out.push_str(&format!("\n## {}\n\n", lang.t(Text::ReportAppendix)));
    out.push_str(lang.t(Text::ReportAppendixNote));
    out.push('\n');
    let goals = appendix(report, lang);
    if goals.is_empty() {
        out.push_str(&format!("\n{}\n", lang.t(Text::ReportNone)));
    }
    for section in goals {
        out.push_str(&format!("\n### {}\n\n", escape(&section.title)));
        table(&mut out, &section);
    }
    out
}

/// Escapes user text for a table cell: one line, control characters shown as `�` (the
/// sanitiser), and every character Markdown could read as markup or as a cell border behind a
/// backslash.
pub fn escape(text: &str) -> String {
    let line = sanitize_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.trim().chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Cells up to this width are padded to a common width; longer ones (long goal titles) stick
/// out rather than widen every row.
const PAD_LIMIT: usize = 48;

/// A GitHub-flavoured Markdown table, cells padded so the source reads as a table too.
pub(crate) fn table(out: &mut String, section: &Section) {
    let cell_text = |text: &str, emphasis: Emphasis, column: &ReportColumn| {
        let strong = match emphasis {
            Emphasis::None | Emphasis::Warning => false,
            Emphasis::Heading => !column.right,
            Emphasis::Total => true,
        };
        let text = if column.user_text {
            escape(text)
        } else {
            text.to_string()
        };
        if strong && !text.is_empty() {
            format!("**{text}**")
        } else {
            text
        }
    };
    let rows: Vec<Vec<String>> = section
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .zip(&section.columns)
                .map(|(text, column)| cell_text(text, row.emphasis, column))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = section
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            rows.iter()
                .map(|r| width(&r[i]))
                .filter(|w| *w <= PAD_LIMIT)
                .chain([width(&column.title), 3])
                .max()
                .unwrap_or(3)
        })
        .collect();
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(section.columns.iter().zip(&widths))
            .map(|(text, (column, w))| pad(text, *w, column))
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    out.push_str(&line(
        section.columns.iter().map(|c| c.title.clone()).collect(),
    ));
    let rule: Vec<String> = section
        .columns
        .iter()
        .zip(&widths)
        .map(|(column, w)| {
            if column.right {
                format!("{}:", "-".repeat(w - 1))
            } else {
                "-".repeat(*w)
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in rows {
        out.push_str(&line(row));
    }
}

fn pad(text: &str, columns: usize, column: &ReportColumn) -> String {
    let fill = " ".repeat(columns.saturating_sub(width(text)));
    if column.right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_cannot_break_a_table_or_start_markup() {
        assert_eq!(escape("Kiez | Fest"), "Kiez \\| Fest");
        assert_eq!(escape("# Überschrift"), "\\# Überschrift");
        assert_eq!(escape("*fett* _kursiv_"), "\\*fett\\* \\_kursiv\\_");
        assert_eq!(escape("<script>&amp;"), "\\<script\\>\\&amp;");
        assert_eq!(escape("[Link](x)"), "\\[Link\\](x)");
        assert_eq!(escape("a\\|b"), "a\\\\\\|b");
        assert_eq!(escape("Zeile 1\nZeile 2\x1b[2J"), "Zeile 1 Zeile 2�\\[2J");
        assert_eq!(escape("(Re-)Integration"), "(Re-)Integration");
    }
}
