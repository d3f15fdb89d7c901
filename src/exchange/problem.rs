//! One problem of an import file: `Datei:Zeile: Feld: Grund`.

use std::fmt;

/// Where and why an import file is wrong.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ImportProblem {
    pub file: String,
    /// 1-based line or spreadsheet row; 0 for the whole file.
    pub line: usize,
    /// Column header or JSON field, as the file names it; empty for the whole file or row.
    pub field: String,
    /// The reason, in the user's language.
    pub reason: String,
}

impl ImportProblem {
    /// A problem at `line`, in `field`.
    pub fn new(
        file: &str,
        line: usize,
        field: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        ImportProblem {
            file: file.to_string(),
            line,
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// A problem with the whole file (unreadable, not UTF-8, too large).
    pub fn whole_file(file: &str, reason: impl Into<String>) -> Self {
        ImportProblem::new(file, 0, "", reason)
    }
}

impl fmt::Display for ImportProblem {
    /// `Datei:Zeile: Feld: Grund`, leaving out what is not known. The text is sanitised: a file
    /// name or value from a hostile file cannot send escape sequences to the terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = self.file.clone();
        if self.line > 0 {
            text.push_str(&format!(":{}", self.line));
        }
        text.push_str(": ");
        if !self.field.is_empty() {
            text.push_str(&format!("{}: ", self.field));
        }
        text.push_str(&self.reason);
        f.write_str(&crate::text::sanitize_line(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_file_line_field_and_reason() {
        let p = ImportProblem::new("a.csv", 3, "Bewilligt", "ist kein Betrag");
        assert_eq!(p.to_string(), "a.csv:3: Bewilligt: ist kein Betrag");
        let p = ImportProblem::whole_file("a.csv", "kein UTF-8\x1b[2J");
        assert_eq!(p.to_string(), "a.csv: kein UTF-8�[2J");
    }
}
