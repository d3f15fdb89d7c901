//! CSV for German Excel, and plain CSV from other tools.
//!
//! **Export** ([`export_measures`], [`export_indicators`]): UTF-8 with byte-order mark, `;`
//! between fields, CRLF line ends, German headers, amounts `12500,50`, dates `01.03.2026`,
//! lists joined with `, `. Goal codes that do not start with a letter are written as
//! `Ziel 1.3` ([`goal_cell`]), so Excel cannot turn them into dates. Every text cell goes through
//! [`neutralise_formula`].
//!
//! **Import** ([`parse`]): our own file and plain CSV. The separator (`;`, `,` or tab) is read
//! from the header line; with `;` or tab numbers use the decimal comma (`12.500,50`,
//! `12500,50`, `12500.50` all work), with `,` the decimal point (`12500.50`, `12,500.50`).
//! Columns are matched by header name (German or English, any case, any order). A column that
//! is missing leaves that field of an existing measure as it is.

mod header;
mod numbers;
mod read;
mod record;
mod write;

use super::ImportProblem;
use crate::i18n::{Lang, Text, fill};

pub use read::{parse, parse_records};
pub use write::{export_indicators, export_measures, export_table};

#[cfg(test)]
use {
    super::formula_guard::{neutralise_formula, restore_formula},
    super::{Incoming, IndicatorUpdate, Snapshot},
    crate::exchange::columns::measure_headers,
    crate::model::{Cents, Fund, Indicator, Measure, MeasureId, Status},
    numbers::{Decimal, detect_separator, parse_amount_in, parse_decimal_in},
};

/// Written before goal codes that do not start with a letter (`Ziel 1.3`); removed on import.
pub const GOAL_PREFIX: &str = "Ziel ";

/// Parsing stops after this many problems (a wrong file must not print a million lines).
pub const MAX_PROBLEMS: usize = 500;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The cell for a goal code: `Ziel 1.3` for a code that does not start with a letter (Excel
/// would read `1.3` as the 1st of March and `1.13` as January 2013), the code itself otherwise
/// (`Z1`).
pub fn goal_cell(code: &str) -> String {
    if code.starts_with(char::is_alphabetic) {
        code.to_string()
    } else {
        format!("{GOAL_PREFIX}{code}")
    }
}

/// The goal code in a cell: `Ziel 1.3` (any case, any space after `Ziel`) and `1.3` both give
/// `1.3`. Codes never contain spaces, so `Ziel ` can never be part of one.
pub fn goal_code(cell: &str) -> &str {
    let cell = cell.trim();
    if let Some(head) = cell.get(..4)
        && head.eq_ignore_ascii_case("ziel")
        && cell[4..].starts_with(char::is_whitespace)
        && !cell[4..].trim().is_empty()
    {
        return cell[4..].trim_start();
    }
    cell
}

/// A note listing ignored column headers: the first ten, then how many more.
pub(crate) fn ignored_columns_note(
    file: &str,
    line: usize,
    ignored: &[String],
    lang: Lang,
) -> Option<ImportProblem> {
    ignored_note(file, line, ignored, Text::ImportIgnoredColumns, lang)
}

/// A note with `template` (which has `{names}`) listing ignored names: the first ten, then how
/// many more.
pub(crate) fn ignored_note(
    file: &str,
    line: usize,
    ignored: &[String],
    template: Text,
    lang: Lang,
) -> Option<ImportProblem> {
    const SHOWN: usize = 10;
    if ignored.is_empty() {
        return None;
    }
    let mut names = ignored
        .iter()
        .take(SHOWN)
        .map(|name| {
            fill(
                lang.t(Text::ImportQuoted),
                &[("value", &crate::text::truncate(name, 40))],
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    if ignored.len() > SHOWN {
        names.push_str(&fill(
            lang.t(Text::ImportAndMore),
            &[("count", &(ignored.len() - SHOWN))],
        ));
    }
    let reason = fill(lang.t(template), &[("names", &names)]);
    Some(ImportProblem::new(file, line, "", reason))
}

/// The text of an import file: UTF-8 when it is valid UTF-8 (a byte-order mark is skipped);
/// else Windows-1252 (Excel's "CSV (Trennzeichen-getrennt)") when every byte is a
/// Windows-1252 character, with a note saying so; else a problem naming the first byte that
/// is neither. Nothing is guessed beyond that.
pub fn decode<'b>(
    bytes: &'b [u8],
    file: &str,
    lang: Lang,
) -> Result<(std::borrow::Cow<'b, str>, Option<ImportProblem>), Vec<ImportProblem>> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((std::borrow::Cow::Borrowed(text), None));
    }
    // The five byte values Windows-1252 leaves undefined, and control characters other than
    // tab and line ends, which no text file of an office has.
    if let Some(offset) = bytes.iter().position(|b| {
        matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d | 0x7f)
            || (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
    }) {
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        let reason = fill(
            lang.t(Text::ImportNoEncoding),
            &[
                ("byte", &format!("0x{:02X}", bytes[offset])),
                ("offset", &offset),
            ],
        );
        return Err(vec![ImportProblem::new(file, line, "", reason)]);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let note = ImportProblem::whole_file(file, lang.t(Text::ImportReadAsWindows1252));
    Ok((text, Some(note)))
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
