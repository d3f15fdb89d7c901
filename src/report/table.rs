//! A report table as data: a title, columns that say how they align and what they hold, and
//! rows of finished cell texts. [`super::sections`] builds them; the plain-text and Markdown
//! renderers and the TUI's money tab only decide how a table looks.

use crate::i18n::{Lang, Text};

/// A column of a report table.
#[derive(Clone)]
pub(crate) struct ReportColumn {
    pub(crate) title: String,
    /// Numbers are right-aligned.
    pub(crate) right: bool,
    /// Holds text from the database (sanitised, escaped in Markdown).
    pub(crate) user_text: bool,
    /// Widest the plain-text table and the TUI make it.
    pub(crate) max: usize,
}

impl ReportColumn {
    /// A column of our own text (fund names, dates), left-aligned.
    pub(crate) fn text(lang: Lang, title: Text, max: usize) -> ReportColumn {
        ReportColumn {
            title: lang.t(title).to_string(),
            right: false,
            user_text: false,
            max,
        }
    }

    /// A column of text from the database (codes, titles), left-aligned.
    pub(crate) fn user(lang: Lang, title: Text, max: usize) -> ReportColumn {
        ReportColumn {
            user_text: true,
            ..ReportColumn::text(lang, title, max)
        }
    }

    /// A column of numbers or amounts, right-aligned.
    pub(crate) fn number(lang: Lang, title: Text) -> ReportColumn {
        ReportColumn {
            right: true,
            ..ReportColumn::text(lang, title, 20)
        }
    }
}

/// How a row stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Emphasis {
    None,
    /// A strategic goal: code and text in bold.
    Heading,
    /// A total: every cell in bold.
    Total,
    /// Over budget (issue 14): red in the TUI, plain elsewhere (the row says by how much).
    Warning,
}

/// A row of a report table.
#[derive(Clone)]
pub(crate) struct ReportRow {
    pub(crate) cells: Vec<String>,
    pub(crate) emphasis: Emphasis,
    /// Indentation of the first cell (goal depth).
    pub(crate) depth: usize,
}

impl ReportRow {
    /// A plain row.
    pub(crate) fn new(cells: Vec<String>) -> ReportRow {
        ReportRow {
            cells,
            emphasis: Emphasis::None,
            depth: 0,
        }
    }
}

/// One titled table of the report.
#[derive(Clone)]
pub(crate) struct Section {
    pub(crate) title: String,
    pub(crate) columns: Vec<ReportColumn>,
    pub(crate) rows: Vec<ReportRow>,
}
