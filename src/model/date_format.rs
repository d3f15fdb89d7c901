//! Serde for optional calendar dates: `"2026-03-01"` in human-readable formats (JSON), a
//! compact day number (days since 0001-01-01) in binary ones (the store's bincode records),
//! which decode without parsing text.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serialises an optional date.
pub fn serialize<S: Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        date.serialize(serializer)
    } else {
        date.map(|d| d.num_days_from_ce()).serialize(serializer)
    }
}

/// Deserialises what [`serialize`] wrote.
pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    if deserializer.is_human_readable() {
        Option::<NaiveDate>::deserialize(deserializer)
    } else {
        match Option::<i32>::deserialize(deserializer)? {
            None => Ok(None),
            Some(days) => NaiveDate::from_num_days_from_ce_opt(days)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("day number {days} out of range"))),
        }
    }
}
