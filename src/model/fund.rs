//! The funding programmes (Aktionsfonds … sonstige, legacy `QF1`–`QF4` codes read onto them)
//! and the status of a measure (`idee` … `abgebrochen`), with their canonical text forms.

use serde::{Deserialize, Serialize};

/// The funding programme a measure is paid from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Fund {
    Aktionsfonds,
    Projektfonds,
    Baufonds,
    Netzwerkfonds,
    #[serde(rename = "sonstige")]
    Other,
}

impl Fund {
    /// All funds in display order.
    pub const ALL: [Fund; 5] = [
        Fund::Aktionsfonds,
        Fund::Projektfonds,
        Fund::Baufonds,
        Fund::Netzwerkfonds,
        Fund::Other,
    ];

    /// Canonical name used in input, JSON and tables (the funds' own German names).
    pub fn name(self) -> &'static str {
        match self {
            Fund::Aktionsfonds => "Aktionsfonds",
            Fund::Projektfonds => "Projektfonds",
            Fund::Baufonds => "Baufonds",
            Fund::Netzwerkfonds => "Netzwerkfonds",
            Fund::Other => "sonstige",
        }
    }

    /// Like [`Fund::parse`], with the problem to show when the text is no fund.
    pub fn parse_input(text: &str) -> Result<Fund, super::Problem> {
        Fund::parse(text).ok_or_else(|| super::Problem::UnknownFund(text.trim().to_string()))
    }

    /// Parses a fund name (any case) or a legacy code `QF1`–`QF4`.
    pub fn parse(text: &str) -> Option<Fund> {
        let text = text.trim();
        let lower = text.to_lowercase();
        let fund = match lower.as_str() {
            "qf1" => Fund::Aktionsfonds,
            "qf2" | "qf3" => Fund::Projektfonds,
            "qf4" => Fund::Baufonds,
            "sonstige" | "sonstiges" | "other" => Fund::Other,
            _ => {
                return Fund::ALL
                    .into_iter()
                    .find(|f| f.name().to_lowercase() == lower);
            }
        };
        Some(fund)
    }
}

/// Where a measure stands, from idea to end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Idee,
    Beantragt,
    Bewilligt,
    Laufend,
    Abgeschlossen,
    Abgelehnt,
    Abgebrochen,
}

impl Status {
    /// All states in lifecycle order.
    pub const ALL: [Status; 7] = [
        Status::Idee,
        Status::Beantragt,
        Status::Bewilligt,
        Status::Laufend,
        Status::Abgeschlossen,
        Status::Abgelehnt,
        Status::Abgebrochen,
    ];

    /// Canonical (German, lower-case) name used in input and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Status::Idee => "idee",
            Status::Beantragt => "beantragt",
            Status::Bewilligt => "bewilligt",
            Status::Laufend => "laufend",
            Status::Abgeschlossen => "abgeschlossen",
            Status::Abgelehnt => "abgelehnt",
            Status::Abgebrochen => "abgebrochen",
        }
    }

    /// English label, accepted on input as well.
    pub fn english(self) -> &'static str {
        match self {
            Status::Idee => "idea",
            Status::Beantragt => "applied",
            Status::Bewilligt => "approved",
            Status::Laufend => "running",
            Status::Abgeschlossen => "completed",
            Status::Abgelehnt => "rejected",
            Status::Abgebrochen => "cancelled",
        }
    }

    /// Like [`Status::parse`], with the problem to show when the text is no status.
    pub fn parse_input(text: &str) -> Result<Status, super::Problem> {
        Status::parse(text).ok_or_else(|| super::Problem::UnknownStatus(text.trim().to_string()))
    }

    /// Parses the German or English name, any case.
    pub fn parse(text: &str) -> Option<Status> {
        let lower = text.trim().to_lowercase();
        Status::ALL
            .into_iter()
            .find(|s| s.name() == lower || s.english() == lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_fund_codes_map_onto_funds() {
        assert_eq!(Fund::parse("QF1"), Some(Fund::Aktionsfonds));
        assert_eq!(Fund::parse("qf2"), Some(Fund::Projektfonds));
        assert_eq!(Fund::parse("QF3"), Some(Fund::Projektfonds));
        assert_eq!(Fund::parse("QF4"), Some(Fund::Baufonds));
        assert_eq!(Fund::parse(" projektfonds "), Some(Fund::Projektfonds));
        assert_eq!(Fund::parse("sonstige"), Some(Fund::Other));
        assert_eq!(Fund::parse("QF5"), None);
    }

    #[test]
    fn status_parses_german_and_english() {
        assert_eq!(Status::parse("Laufend"), Some(Status::Laufend));
        assert_eq!(Status::parse("running"), Some(Status::Laufend));
        assert_eq!(Status::parse("fertig"), None);
        for status in Status::ALL {
            assert_eq!(Status::parse(status.name()), Some(status));
        }
    }
}
