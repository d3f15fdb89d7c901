//! Calendar dates as users type them, and the range quartier accepts.
//!
//! Accepted input: `JJJJ-MM-TT` (ISO, four-digit year), `TT.MM.JJJJ` and `TT.MM.JJ`; day and
//! month may have one or two digits. A two-digit year `JJ` is read as 20JJ (`01.02.26` is
//! 1 February 2026): LibreOffice and Excel write dates as displayed, and German sheets often
//! display `TT.MM.JJ`. Every date must lie in the years [`MIN_YEAR`]–[`MAX_YEAR`]; anything
//! else (`26-02-01`, `01.01.0000`, `01.01.-100`) is refused, never guessed.

use chrono::{Datelike, NaiveDate};

use super::validation::Problem;

/// Earliest year a measure's date may have.
pub const MIN_YEAR: i32 = 1990;
/// Latest year a measure's date may have.
pub const MAX_YEAR: i32 = 2100;

/// Parses `2026-03-01`, `01.03.2026`, `1.3.2026` or `01.03.26` (= 2026) into a calendar date
/// within [`MIN_YEAR`]–[`MAX_YEAR`].
pub fn parse_date(input: &str) -> Result<NaiveDate, Problem> {
    let text = input.trim();
    let invalid = || Problem::InvalidDate(text.to_string());
    let (year, month, day) = split_iso(text)
        .or_else(|| split_german(text))
        .ok_or_else(invalid)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(Problem::DateOutOfRange(text.to_string()));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(invalid)
}

/// `Ok` when a stored or imported date lies within [`MIN_YEAR`]–[`MAX_YEAR`].
pub fn check_date_range(date: NaiveDate) -> Result<(), Problem> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(Problem::DateOutOfRange(format_date_de(date)))
    }
}

/// German display form `01.03.2026`.
pub fn format_date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// `JJJJ-MM-TT`: exactly four year digits, one or two for month and day.
fn split_iso(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !digits(year, 4, 4) || !digits(month, 1, 2) || !digits(day, 1, 2) {
        return None;
    }
    Some((year.parse().ok()?, month.parse().ok()?, day.parse().ok()?))
}

/// `TT.MM.JJJJ` or `TT.MM.JJ` (two digits: 20JJ).
fn split_german(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !digits(day, 1, 2) || !digits(month, 1, 2) {
        return None;
    }
    let year: i32 = match year.len() {
        2 if digits(year, 2, 2) => 2000 + year.parse::<i32>().ok()?,
        4 if digits(year, 4, 4) => year.parse().ok()?,
        _ => return None,
    };
    Some((year, month.parse().ok()?, day.parse().ok()?))
}

fn digits(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn accepts_iso_and_german_dates() {
        let expected = ymd(2026, 3, 1);
        assert_eq!(parse_date("2026-03-01"), Ok(expected));
        assert_eq!(parse_date("2026-3-1"), Ok(expected));
        assert_eq!(parse_date("01.03.2026"), Ok(expected));
        assert_eq!(parse_date(" 1.3.2026 "), Ok(expected));
        assert_eq!(format_date_de(expected), "01.03.2026");
    }

    #[test]
    fn two_digit_years_are_this_century() {
        assert_eq!(parse_date("01.02.26"), Ok(ymd(2026, 2, 1)));
        assert_eq!(parse_date("1.3.26"), Ok(ymd(2026, 3, 1)));
        assert_eq!(parse_date("31.12.99"), Ok(ymd(2099, 12, 31)));
        assert_eq!(parse_date("01.01.00"), Ok(ymd(2000, 1, 1)));
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "",
            "2026-02-30",
            "31.04.2026",
            "heute",
            "2026/03/01",
            "26-02-01",
            "1.3.026",
            "1.3.2026.",
            "+2026-03-01",
            "01.03.２０２６",
        ] {
            assert!(
                matches!(parse_date(bad), Err(Problem::InvalidDate(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_years_outside_the_range() {
        for bad in [
            "01.01.0000",
            "01.02.0026",
            "31.12.1989",
            "01.01.2101",
            "0026-02-01",
        ] {
            assert_eq!(
                parse_date(bad),
                Err(Problem::DateOutOfRange(bad.to_string())),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_date("01.01.-100"),
            Err(Problem::InvalidDate(_))
        ));
        assert_eq!(parse_date("01.01.1990"), Ok(ymd(1990, 1, 1)));
        assert_eq!(parse_date("31.12.2100"), Ok(ymd(2100, 12, 31)));
        assert_eq!(
            check_date_range(ymd(26, 2, 1)),
            Err(Problem::DateOutOfRange("01.02.0026".into()))
        );
        assert_eq!(check_date_range(ymd(2026, 2, 1)), Ok(()));
    }
}
