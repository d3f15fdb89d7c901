//! Numbers in CSV files: the separator of the header line tells the decimal style, and amounts
//! and indicator values are read in that style.

use crate::model::{Cents, Problem, parse_amount, parse_decimal};

/// How numbers are written in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Decimal {
    /// `;` or tab separator: `12.500,50` (German).
    Comma,
    /// `,` separator: `12,500.50`.
    Point,
}

/// The separator of the header line: whichever of `;`, tab and `,` occurs most outside quotes
/// (`;` on a tie, and for a single column).
pub(super) fn detect_separator(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(b, _)| *b == byte) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    // max_by_key returns the last maximum: iterate in reverse so `;` wins ties.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b';', |(b, _)| *b)
}

/// In a point file, whether the `,`s in `whole` (the part before the decimal point) group
/// thousands: `1,500,000` yes, `1,5` no.
fn comma_groups_ok(whole: &str) -> bool {
    let digits: String = whole
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let mut groups = digits.split(',');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    rest.is_empty() || ((1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3))
}

/// Parses an amount in the file's decimal style.
pub(super) fn parse_amount_in(text: &str, style: Decimal) -> Result<Cents, Problem> {
    let trimmed = text.trim();
    let last = trimmed.rfind(['.', ',']).map(|at| trimmed.as_bytes()[at]);
    if style == Decimal::Comma || last != Some(b'.') {
        // Decimal comma — or, in a point file, a value such as `12.500,50` or `12` that reads
        // the same either way.
        if style == Decimal::Point && !trimmed.contains('.') && trimmed.contains(',') {
            // `1,500` in a point file: grouping.
            if !comma_groups_ok(trimmed) {
                return Err(Problem::InvalidAmount(trimmed.to_string()));
            }
            return parse_amount(&trimmed.replace(',', ""));
        }
        return parse_amount(trimmed);
    }
    // Decimal point: `,` groups, the one `.` separates the cents.
    let invalid = || Problem::InvalidAmount(trimmed.to_string());
    if !comma_groups_ok(trimmed.split('.').next().unwrap_or("")) {
        return Err(invalid());
    }
    let plain: String = trimmed.chars().filter(|c| *c != ',').collect();
    let (whole, fraction) = plain.split_once('.').ok_or_else(invalid)?;
    if fraction.contains('.') {
        return Err(invalid());
    }
    // `1.500` is one euro fifty here; zeros beyond the cents say nothing.
    let fraction = if fraction.len() > 2 {
        let short = fraction.trim_end_matches('0');
        &fraction[..short.len().max(2).min(fraction.len())]
    } else {
        fraction
    };
    parse_amount(&format!("{whole},{fraction}")).map_err(|e| match e {
        Problem::InvalidAmount(_) => invalid(),
        other => other,
    })
}

/// Parses an indicator value in the file's decimal style.
pub(super) fn parse_decimal_in(text: &str, style: Decimal) -> Result<f64, Problem> {
    let trimmed = text.trim();
    if style == Decimal::Point && !comma_groups_ok(trimmed.split('.').next().unwrap_or("")) {
        return Err(Problem::InvalidNumber(trimmed.to_string()));
    }
    if style == Decimal::Point && trimmed.contains('.') {
        let last_is_point =
            trimmed.rfind(['.', ',']).map(|at| trimmed.as_bytes()[at]) == Some(b'.');
        if last_is_point {
            return parse_decimal(&trimmed.replace(',', ""))
                .map_err(|_| Problem::InvalidNumber(trimmed.to_string()));
        }
    } else if style == Decimal::Point && trimmed.contains(',') {
        return parse_decimal(&trimmed.replace(',', ""))
            .map_err(|_| Problem::InvalidNumber(trimmed.to_string()));
    }
    parse_decimal(trimmed)
}
