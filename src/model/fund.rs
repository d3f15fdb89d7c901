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
///
/// The variants are stored by their index, so new ones are appended at the end (issue 15 added
/// the five after `Abgebrochen`; an old record keeps its meaning). [`Status::ALL`] lists them
/// in the order of the usual course, and ordering (`Ord`) follows that list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Idee,
    Beantragt,
    Bewilligt,
    Laufend,
    Abgeschlossen,
    Abgelehnt,
    Abgebrochen,
    // Decisions and deadlines (issue 15).
    Skizze,
    Votum,
    #[serde(rename = "sachbericht-eingereicht")]
    SachberichtEingereicht,
    #[serde(rename = "verwendungsnachweis-eingereicht")]
    VerwendungsnachweisEingereicht,
    #[serde(rename = "verwendungsnachweis-geprueft")]
    VerwendungsnachweisGeprueft,
}

impl Status {
    /// All states in the order of the usual course, then the two ends without it.
    pub const ALL: [Status; 12] = [
        Status::Idee,
        Status::Skizze,
        Status::Votum,
        Status::Beantragt,
        Status::Bewilligt,
        Status::Laufend,
        Status::SachberichtEingereicht,
        Status::VerwendungsnachweisEingereicht,
        Status::VerwendungsnachweisGeprueft,
        Status::Abgeschlossen,
        Status::Abgelehnt,
        Status::Abgebrochen,
    ];

    /// The place in [`Status::ALL`].
    pub fn rank(self) -> usize {
        Status::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

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
            Status::Skizze => "skizze",
            Status::Votum => "votum",
            Status::SachberichtEingereicht => "sachbericht-eingereicht",
            Status::VerwendungsnachweisEingereicht => "verwendungsnachweis-eingereicht",
            Status::VerwendungsnachweisGeprueft => "verwendungsnachweis-geprueft",
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
            Status::Skizze => "sketch",
            Status::Votum => "vote",
            Status::SachberichtEingereicht => "report-submitted",
            Status::VerwendungsnachweisEingereicht => "proof-submitted",
            Status::VerwendungsnachweisGeprueft => "proof-checked",
        }
    }

    /// Like [`Status::parse`], with the problem to show when the text is no status.
    pub fn parse_input(text: &str) -> Result<Status, super::Problem> {
        Status::parse(text).ok_or_else(|| super::Problem::UnknownStatus(text.trim().to_string()))
    }

    /// Parses the German or English name, any case; spaces or `_` work like `-`, and `ü` like
    /// `ue` (`Verwendungsnachweis geprüft`).
    pub fn parse(text: &str) -> Option<Status> {
        let lower = (text.trim().to_lowercase())
            .replace(['_', ' '], "-")
            .replace('ü', "ue");
        Status::ALL
            .into_iter()
            .find(|s| s.name() == lower || s.english() == lower)
    }
}

impl PartialOrd for Status {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Status {
    /// By the usual course ([`Status::ALL`]), not by the stored index.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
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

    /// Old records keep their meaning: the first seven variants keep their stored index, and
    /// JSON names match the canonical names.
    #[test]
    fn statuses_keep_their_stored_index_and_sort_by_course() {
        let old = [
            Status::Idee,
            Status::Beantragt,
            Status::Bewilligt,
            Status::Laufend,
            Status::Abgeschlossen,
            Status::Abgelehnt,
            Status::Abgebrochen,
        ];
        for (index, status) in old.into_iter().enumerate() {
            assert_eq!(status as usize, index);
        }
        assert_eq!(Status::Skizze as usize, 7);
        assert_eq!(Status::VerwendungsnachweisGeprueft as usize, 11);
        for status in Status::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.name()));
        }
        let mut sorted = Status::ALL;
        sorted.reverse();
        sorted.sort();
        assert_eq!(sorted, Status::ALL);
        assert!(Status::Skizze < Status::Beantragt);
    }

    #[test]
    fn status_parses_german_and_english() {
        assert_eq!(Status::parse("Laufend"), Some(Status::Laufend));
        assert_eq!(Status::parse("running"), Some(Status::Laufend));
        assert_eq!(Status::parse("fertig"), None);
        for status in Status::ALL {
            assert_eq!(Status::parse(status.name()), Some(status));
            assert_eq!(Status::parse(status.english()), Some(status));
        }
        assert_eq!(
            Status::parse("Verwendungsnachweis geprüft"),
            Some(Status::VerwendungsnachweisGeprueft)
        );
        assert_eq!(
            Status::parse("sachbericht_eingereicht"),
            Some(Status::SachberichtEingereicht)
        );
    }
}
