//! The JSON shapes of goals and measures, used by `--json` output and, later, import/export
//! (`quartier/1`). Goals are named by code, absent values are `null`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Cents, Fund, Goal, Indicator, Measure, Status};
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

/// A measure as JSON, with its goals by code (primary first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureJson {
    /// 0 or missing on import: a new measure.
    #[serde(default)]
    pub id: u64,
    pub title: String,
    pub description: String,
    pub organisation: String,
    pub contact: String,
    pub responsible: String,
    pub reference: String,
    pub fund: Option<Fund>,
    pub requested_cents: Option<Cents>,
    pub approved_cents: Option<Cents>,
    pub cofunding_cents: Option<Cents>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub status: Status,
    pub target_groups: Vec<String>,
    pub location: String,
    pub notes: String,
    pub indicators: Vec<IndicatorJson>,
    pub goals: Vec<String>,
    pub primary_goal: Option<String>,
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
        let m = measure.clone();
        MeasureJson {
            id: m.id.0,
            title: m.title,
            description: m.description,
            organisation: m.organisation,
            contact: m.contact,
            responsible: m.responsible,
            reference: m.reference,
            fund: m.fund,
            requested_cents: m.requested,
            approved_cents: m.approved,
            cofunding_cents: m.cofunding,
            start: m.start,
            end: m.end,
            status: m.status,
            target_groups: m.target_groups,
            location: m.location,
            notes: m.notes,
            indicators: m.indicators.into_iter().map(IndicatorJson::from).collect(),
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
    use crate::model::{GoalId, MeasureId};

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
        let back: MeasureJson = serde_json::from_str(&text).unwrap();
        assert_eq!(back, json);
    }
}
