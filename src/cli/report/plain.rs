//! `quartier report` (default format): the report as aligned plain-text tables, like
//! `quartier goals`. Every cell passes the sanitiser (in [`output::table`]).

use super::super::output::{self, Align};
use crate::i18n::{Lang, Text};
use crate::report::Report;
use crate::report::sections::{rules, sections, subtitle};
use crate::report::session::SessionReport;
use crate::report::table::Section;
use crate::text::width;

/// Longest line of the explanation paragraph.
const WRAP: usize = 78;

/// The report as plain text.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    heading(&mut out, lang.t(Text::ReportTitle), '=');
    out.push_str(&subtitle(report, lang));
    out.push_str("\n\n");
    out.push_str(&wrap(&rules(report, lang), WRAP));
    for section in sections(report, lang) {
        out.push('\n');
        section_text(&mut out, &section, lang);
    }
    out
}

/// One section: its title underlined, then its table (or `Keine.`).
pub(crate) fn section_text(out: &mut String, section: &Section, lang: Lang) {
    heading(out, &section.title, '-');
    if section.rows.is_empty() {
        out.push_str(lang.t(Text::ReportNone));
        out.push('\n');
        return;
    }
    let header: Vec<&str> = section.columns.iter().map(|c| c.title.as_str()).collect();
    let columns: Vec<(Align, usize)> = section
        .columns
        .iter()
        .map(|c| (if c.right { Align::Right } else { Align::Left }, c.max))
        .collect();
    let rows: Vec<Vec<String>> = section
        .rows
        .iter()
        .map(|row| {
            let mut cells = row.cells.clone();
            if let Some(first) = cells.first_mut() {
                *first = format!("{}{first}", "  ".repeat(row.depth));
            }
            cells
        })
        .collect();
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = output::table(&mut bytes, &header, &columns, &rows);
    out.push_str(&String::from_utf8_lossy(&bytes));
}

/// The report of one session (issue 15) as plain text.
pub fn session(report: &SessionReport, lang: Lang) -> String {
    let mut out = String::new();
    heading(&mut out, &report.title(lang), '=');
    for line in report.header(lang) {
        out.push_str(&crate::text::sanitize_line(&line));
        out.push('\n');
    }
    for section in report.sections(lang) {
        out.push('\n');
        section_text(&mut out, &section, lang);
    }
    out
}

fn heading(out: &mut String, title: &str, underline: char) {
    out.push_str(title);
    out.push('\n');
    out.push_str(&underline.to_string().repeat(width(title)));
    out.push_str("\n\n");
}

/// Breaks `text` into lines of at most `columns` (longer words stay whole).
fn wrap(text: &str, columns: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && width(&line) + 1 + width(word) > columns {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words() {
        assert_eq!(wrap("eins zwei drei", 9), "eins zwei\ndrei\n");
        assert_eq!(wrap("Donaudampfschiff x", 4), "Donaudampfschiff\nx\n");
    }
}
