//! Money as integer euro cents: German and plain text forms, parsing of amounts and decimals,
//! the largest amount accepted.

use serde::{Deserialize, Serialize};

use super::validation::Problem;

/// An amount of money in euro cents. Never a float.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Cents(pub i64);

/// Largest accepted amount: 10 billion euro, far above any measure and far below overflow.
pub const MAX_CENTS: i64 = 1_000_000_000_000;

impl Cents {
    /// German display form with thousands dots, decimal comma and euro sign: `12.500,00 €`.
    pub fn format_de(self) -> String {
        format!("{} €", self.format_plain_de(true))
    }

    /// German number without euro sign, e.g. `12.500,50` (`grouped`) or `12500,50`.
    pub fn format_plain_de(self, grouped: bool) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let euros = (abs / 100).to_string();
        let euros = if grouped {
            group_thousands(&euros)
        } else {
            euros
        };
        format!("{sign}{euros},{:02}", abs % 100)
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents(0), |a, b| a + b)
    }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Parses a euro amount as office staff type it: `12500`, `12500.50`, `12.500,50`,
/// `12.500,50 €`, `12500,5`, `EUR 1.500`. A lone `.` followed by exactly three digits is a German
/// thousands separator (`1.500` is 1500 €); otherwise the last `.` or `,` before at most two
/// digits is the decimal separator. Negative amounts and more than two decimals are rejected.
pub fn parse_amount(input: &str) -> Result<Cents, Problem> {
    let invalid = || Problem::InvalidAmount(input.trim().to_string());
    let text: String = input
        .trim()
        .trim_end_matches('€')
        .trim_end_matches("EUR")
        .trim_start_matches('€')
        .trim_start_matches("EUR")
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if text.starts_with('-') {
        return Err(Problem::Negative);
    }
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(invalid());
    }
    let (whole, fraction) = split_decimal(&text).ok_or_else(invalid)?;
    let whole_digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    if whole_digits.is_empty() && fraction.is_empty() {
        return Err(invalid());
    }
    if !separators_are_grouping(whole) || fraction.len() > 2 {
        return Err(invalid());
    }
    let euros: i64 = if whole_digits.is_empty() {
        0
    } else {
        whole_digits.parse().map_err(|_| Problem::TooLarge)?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| invalid())? * 10,
        _ => fraction.parse().map_err(|_| invalid())?,
    };
    let total = euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(Problem::TooLarge)?;
    if total > MAX_CENTS {
        return Err(Problem::TooLarge);
    }
    Ok(Cents(total))
}

/// Splits into whole part (still with grouping separators) and decimal digits; `None` when the
/// separators cannot be read either way.
fn split_decimal(text: &str) -> Option<(&str, &str)> {
    let Some(last) = text.rfind(['.', ',']) else {
        return Some((text, ""));
    };
    let separator = text.as_bytes()[last];
    let after = &text[last + 1..];
    let other = if separator == b'.' { ',' } else { '.' };
    if text.contains(other) {
        // `1,500.25` or `12.500,50`: the last separator is the decimal one.
        return Some((&text[..last], after));
    }
    let count = text.bytes().filter(|&b| b == separator).count();
    if after.len() == 3 && (separator == b'.' || count > 1) {
        // `1.500` or `1.500.000`: thousands separators, no decimals.
        return Some((text, ""));
    }
    if count > 1 {
        return None;
    }
    Some((&text[..last], after))
}

/// True when every `.`/`,` in the whole part separates groups of exactly three digits.
fn separators_are_grouping(whole: &str) -> bool {
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    if groups.len() == 1 {
        return true;
    }
    let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
    let separators: std::collections::HashSet<char> =
        whole.chars().filter(|c| *c == '.' || *c == ',').collect();
    first_ok && separators.len() == 1 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Parses an indicator value: `12`, `12.5`, `12,5`, `1.000,5`. Must be finite.
pub fn parse_decimal(input: &str) -> Result<f64, Problem> {
    let text = input.trim().replace([' ', '\u{a0}'], "");
    let normalised = if text.contains(',') {
        text.replace('.', "").replace(',', ".")
    } else {
        text.clone()
    };
    let valid_chars = normalised
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    match normalised.parse::<f64>() {
        Ok(value) if valid_chars && super::value_in_range(value) => Ok(value),
        Ok(_) if valid_chars => Err(Problem::NotFinite),
        _ => Err(Problem::InvalidNumber(input.trim().to_string())),
    }
}

/// A decimal number as German text: decimal comma, no grouping, the shortest form that
/// [`parse_decimal`] reads back as the same value (`2,5`, `1000`, `0,1`).
pub fn format_decimal(value: f64) -> String {
    value.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_with_a_comma_and_read_back_unchanged() {
        for (value, text) in [
            (2.5, "2,5"),
            (1000.0, "1000"),
            (0.1, "0,1"),
            (-3.25, "-3,25"),
        ] {
            assert_eq!(format_decimal(value), text);
            assert_eq!(parse_decimal(&format_decimal(value)), Ok(value));
        }
    }

    fn cents(text: &str) -> i64 {
        parse_amount(text)
            .unwrap_or_else(|e| panic!("{text}: {e:?}"))
            .0
    }

    #[test]
    fn accepts_the_forms_offices_type() {
        assert_eq!(cents("12500"), 1_250_000);
        assert_eq!(cents("12500.50"), 1_250_050);
        assert_eq!(cents("12.500,50"), 1_250_050);
        assert_eq!(cents("12.500,50 €"), 1_250_050);
        assert_eq!(cents("12500,5"), 1_250_050);
        assert_eq!(cents("1.500"), 150_000);
        assert_eq!(cents("1.500.000"), 150_000_000);
        assert_eq!(cents("1,500.25"), 150_025);
        assert_eq!(cents("€ 99"), 9_900);
        assert_eq!(cents("0,99"), 99);
        assert_eq!(cents(",5"), 50);
        assert_eq!(cents("12 500,00 EUR"), 1_250_000);
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for bad in [
            "",
            "abc",
            "12,345,6",
            "1.2.3",
            "12,5,0",
            "1.50.0",
            "12.500,501",
            "1e5",
            "NaN",
            "12..5",
        ] {
            assert!(
                matches!(parse_amount(bad), Err(Problem::InvalidAmount(_))),
                "{bad:?} gave {:?}",
                parse_amount(bad)
            );
        }
        assert_eq!(parse_amount("-5"), Err(Problem::Negative));
        assert_eq!(parse_amount("99999999999999999999"), Err(Problem::TooLarge));
        assert_eq!(parse_amount("10.000.000.001"), Err(Problem::TooLarge));
    }

    #[test]
    fn formats_german() {
        assert_eq!(Cents(1_250_000).format_de(), "12.500,00 €");
        assert_eq!(Cents(5).format_de(), "0,05 €");
        assert_eq!(Cents(123_456_789).format_plain_de(false), "1234567,89");
        assert_eq!(Cents(100_000_000).format_plain_de(true), "1.000.000,00");
        assert_eq!(Cents(-150).format_plain_de(true), "-1,50");
    }

    #[test]
    fn decimals_accept_comma_and_point() {
        assert_eq!(parse_decimal("12,5"), Ok(12.5));
        assert_eq!(parse_decimal("12.5"), Ok(12.5));
        assert_eq!(parse_decimal("1.000,5"), Ok(1000.5));
        assert_eq!(parse_decimal("-3"), Ok(-3.0));
        assert!(parse_decimal("inf").is_err());
        assert!(parse_decimal("NaN").is_err());
        assert!(parse_decimal("").is_err());
    }
}
