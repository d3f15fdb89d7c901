//! The JSON shapes of goals and measures, used by `--json` output and, later, import/export
//! (`quartier/1`). Goals are named by code, absent values are `null`.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Goal, Indicator, Kind, MEASURE_FIELDS, Measure, MeasureField, Value};
use crate::store::Link;

/// A goal as JSON: `{"code":"1.1","title":"…","parent":"Z1","description":"","position":0}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalJson {
    pub code: String,
    pub title: String,
    pub parent: Option<String>,
    pub description: String,
    pub position: u32,
}

impl GoalJson {
    /// The JSON shape of `goal`; `parent_code` resolves the parent id.
    pub fn new(goal: &Goal, parent_code: Option<&str>) -> GoalJson {
        GoalJson {
            code: goal.code.clone(),
            title: goal.title.clone(),
            parent: parent_code.map(str::to_string),
            description: goal.description.clone(),
            position: goal.position,
        }
    }
}

/// A measure as JSON, with its goals by code (primary first): `id`, then every field of
/// [`MEASURE_FIELDS`] under its [`json_key`] (absent values `null`), then `indicators`, `goals`
/// and `primary_goal`.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureJson {
    pub measure: Measure,
    pub goals: Vec<String>,
    pub primary_goal: Option<String>,
}

/// The JSON member of a field: its key, with `_cents` for amounts (`approved_cents`).
pub fn json_key(row: &MeasureField) -> String {
    match row.kind {
        Kind::Amount => format!("{}_cents", row.key),
        _ => row.key.to_string(),
    }
}

/// The members of a measure object, in order.
pub fn measure_keys() -> Vec<String> {
    let fields = MEASURE_FIELDS.iter().map(json_key);
    std::iter::once("id".to_string())
        .chain(fields)
        .chain(["indicators", "goals", "primary_goal"].map(str::to_string))
        .collect()
}

impl Serialize for MeasureJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = &self.measure;
        let mut map = serializer.serialize_map(Some(MEASURE_FIELDS.len() + 4))?;
        map.serialize_entry("id", &m.id.0)?;
        for row in &MEASURE_FIELDS {
            let key = json_key(row);
            match row.get(m) {
                Value::Text(text) => map.serialize_entry(&key, &text)?,
                Value::Amount(amount) => map.serialize_entry(&key, &amount)?,
                Value::Date(date) => map.serialize_entry(&key, &date)?,
                Value::Fund(fund) => map.serialize_entry(&key, &fund)?,
                Value::Status(status) => map.serialize_entry(&key, &status)?,
                Value::List(items) => map.serialize_entry(&key, &items)?,
            }
        }
        let indicators: Vec<IndicatorJson> = m
            .indicators
            .iter()
            .cloned()
            .map(IndicatorJson::from)
            .collect();
        map.serialize_entry("indicators", &indicators)?;
        map.serialize_entry("goals", &self.goals)?;
        map.serialize_entry("primary_goal", &self.primary_goal)?;
        map.end()
    }
}

/// An indicator as JSON; whole numbers print without a fraction (`40`, not `40.0`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorJson {
    pub name: String,
    pub unit: String,
    #[serde(serialize_with = "number")]
    pub baseline: f64,
    #[serde(serialize_with = "number")]
    pub target: f64,
    #[serde(serialize_with = "optional_number")]
    pub actual: Option<f64>,
}

fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

fn optional_number<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => number(v, serializer),
        None => serializer.serialize_none(),
    }
}

impl MeasureJson {
    /// The JSON shape of `measure`; `code_of` names each linked goal.
    pub fn new(
        measure: &Measure,
        links: &[Link],
        code_of: impl Fn(&Link) -> String,
    ) -> MeasureJson {
        MeasureJson {
            measure: measure.clone(),
            goals: links.iter().map(&code_of).collect(),
            primary_goal: links.iter().find(|l| l.primary).map(code_of),
        }
    }
}

impl From<Indicator> for IndicatorJson {
    fn from(i: Indicator) -> IndicatorJson {
        IndicatorJson {
            name: i.name,
            unit: i.unit,
            baseline: i.baseline,
            target: i.target,
            actual: i.actual,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Fund, GoalId, MeasureId, Status};
    use chrono::NaiveDate;

    #[test]
    fn measure_json_has_the_documented_shape() {
        let mut m = Measure::new("Kiezfest");
        m.id = MeasureId(7);
        m.fund = Some(Fund::Projektfonds);
        m.approved = Some(Cents(1_250_000));
        m.start = NaiveDate::from_ymd_opt(2026, 3, 1);
        m.status = Status::Laufend;
        m.indicators = vec![Indicator {
            name: "T".into(),
            unit: "P".into(),
            baseline: 0.0,
            target: 40.0,
            actual: Some(12.5),
        }];
        let links = [
            Link {
                measure: m.id,
                goal: GoalId(4),
                primary: true,
            },
            Link {
                measure: m.id,
                goal: GoalId(22),
                primary: false,
            },
        ];
        let json = MeasureJson::new(&m, &links, |l| {
            if l.goal.0 == 4 {
                "1.3".into()
            } else {
                "4.3".into()
            }
        });
        let text = serde_json::to_string(&json).unwrap();
        assert!(
            text.starts_with(r#"{"id":7,"title":"Kiezfest","description":"""#),
            "{text}"
        );
        assert!(
            text.contains(
                r#""fund":"Projektfonds","requested_cents":null,"approved_cents":1250000"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#""start":"2026-03-01","end":null,"status":"laufend""#),
            "{text}"
        );
        assert!(
            text.contains(r#""baseline":0,"target":40,"actual":12.5"#),
            "{text}"
        );
        assert!(
            text.ends_with(r#""goals":["1.3","4.3"],"primary_goal":"1.3"}"#),
            "{text}"
        );
        let keys: Vec<String> =
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
                .unwrap()
                .keys()
                .cloned()
                .collect();
        let mut expected = measure_keys();
        expected.sort();
        assert_eq!(keys, expected);
    }
}
