use chrono::NaiveDate;

use super::validation::Problem;

/// Parses `2026-03-01`, `01.03.2026` or `1.3.2026` into a calendar date.
pub fn parse_date(input: &str) -> Result<NaiveDate, Problem> {
    let text = input.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
        .filter(|_| text.len() >= 8)
        .ok_or_else(|| Problem::InvalidDate(text.to_string()))
}

/// German display form `01.03.2026`.
pub fn format_date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iso_and_german_dates() {
        let expected = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(parse_date("2026-03-01"), Ok(expected));
        assert_eq!(parse_date("01.03.2026"), Ok(expected));
        assert_eq!(parse_date(" 1.3.2026 "), Ok(expected));
        assert_eq!(format_date_de(expected), "01.03.2026");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "",
            "2026-02-30",
            "31.04.2026",
            "1.3.26",
            "heute",
            "2026/03/01",
        ] {
            assert!(
                matches!(parse_date(bad), Err(Problem::InvalidDate(_))),
                "{bad}"
            );
        }
    }
}
