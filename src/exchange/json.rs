//! The lossless `quartier/1` JSON document:
//! `{"format":"quartier/1","exported_at":"…","goals":[…],"measures":[…],"history":[…]?}`
//! with the goal and measure shapes of `--json` (see [`crate::json`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::lines::element_lines;
use super::{ImportProblem, Incoming, IncomingGoal, IncomingMeasure, Snapshot};
use crate::i18n::{Lang, Text, fill};
use crate::json::{GoalJson, IndicatorJson, MeasureJson};
use crate::model::{Indicator, Measure, MeasureId};
use crate::store::HistoryEntry;

/// The format tag of the document.
pub const FORMAT: &str = "quartier/1";

/// The exported document.
#[derive(Debug, Serialize)]
pub struct Document<'a> {
    pub format: &'static str,
    pub exported_at: String,
    pub goals: Vec<GoalJson>,
    pub measures: Vec<MeasureJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<&'a [HistoryEntry]>,
}

/// The whole database as pretty-printed JSON (history oldest first, when given).
pub fn export(snapshot: &Snapshot, history: Option<&[HistoryEntry]>, exported_at: &str) -> String {
    let document = Document {
        format: FORMAT,
        exported_at: exported_at.to_string(),
        goals: snapshot.goals_json(),
        measures: snapshot.measures_json(),
        history,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Turns bytes into text: UTF-8 (a byte-order mark is skipped), else a problem naming the byte.
pub fn utf8<'b>(bytes: &'b [u8], file: &str, lang: Lang) -> Result<&'b str, Vec<ImportProblem>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        let reason = fill(lang.t(Text::ImportNotUtf8), &[("offset", &e.valid_up_to())]);
        vec![ImportProblem::new(file, line, "", reason)]
    })
}

/// Parses a `quartier/1` document. Errors that stop the parse (not UTF-8, broken JSON, not a
/// `quartier/1` document) are `Err`; every goal or measure that does not fit its shape is put
/// into `Incoming::problems` with its line, and parsing goes on.
pub fn parse(bytes: &[u8], file: &str, lang: Lang) -> Result<Incoming, Vec<ImportProblem>> {
    let text = utf8(bytes, file, lang)?;
    // serde_json refuses nesting deeper than 128 levels, so hostile files cannot exhaust the stack.
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let reason = fill(lang.t(Text::ImportBadJson), &[("error", &e)]);
        vec![ImportProblem::new(file, e.line(), "", reason)]
    })?;
    let Value::Object(mut top) = value else {
        return Err(vec![ImportProblem::new(
            file,
            1,
            "",
            lang.t(Text::ImportNotQuartier),
        )]);
    };
    if top.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(vec![ImportProblem::new(
            file,
            1,
            "format",
            lang.t(Text::ImportNotQuartier),
        )]);
    }
    let mut incoming = Incoming {
        stamp: top
            .get("exported_at")
            .and_then(Value::as_str)
            .and_then(super::parse_stamp),
        ..Incoming::default()
    };
    let problems = &mut incoming.problems;
    let goal_lines = element_lines(text, "goals");
    for (index, value) in array(&mut top, "goals", file, lang, problems)
        .into_iter()
        .enumerate()
    {
        let line = goal_lines.get(index).copied().unwrap_or(0);
        match GoalJson::deserialize(value) {
            Ok(goal) => incoming.goals.push(IncomingGoal { line, goal }),
            Err(e) => problems.push(ImportProblem::new(file, line, "goals", e.to_string())),
        }
    }
    let measure_lines = element_lines(text, "measures");
    for (index, value) in array(&mut top, "measures", file, lang, problems)
        .into_iter()
        .enumerate()
    {
        let line = measure_lines.get(index).copied().unwrap_or(0);
        match MeasureJson::deserialize(value) {
            Ok(json) => incoming.measures.push(incoming_measure(json, line)),
            Err(e) => problems.push(ImportProblem::new(file, line, "measures", e.to_string())),
        }
    }
    Ok(incoming)
}

/// The elements of the top-level array `key` (missing = empty).
fn array(
    top: &mut serde_json::Map<String, Value>,
    key: &str,
    file: &str,
    lang: Lang,
    problems: &mut Vec<ImportProblem>,
) -> Vec<Value> {
    match top.remove(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            problems.push(ImportProblem::new(
                file,
                1,
                key,
                lang.t(Text::ImportNotAList),
            ));
            Vec::new()
        }
    }
}

fn incoming_measure(json: MeasureJson, line: usize) -> IncomingMeasure {
    let mut goals = json.goals;
    if let Some(primary) = &json.primary_goal {
        if let Some(at) = goals.iter().position(|g| g == primary) {
            let code = goals.remove(at);
            goals.insert(0, code);
        } else {
            goals.insert(0, primary.clone());
        }
    }
    let measure = Measure {
        id: MeasureId(json.id),
        title: json.title,
        description: json.description,
        organisation: json.organisation,
        contact: json.contact,
        responsible: json.responsible,
        reference: json.reference,
        fund: json.fund,
        requested: json.requested_cents,
        approved: json.approved_cents,
        cofunding: json.cofunding_cents,
        start: json.start,
        end: json.end,
        status: json.status,
        target_groups: json.target_groups,
        location: json.location,
        notes: json.notes,
        indicators: Vec::new(),
    };
    IncomingMeasure {
        line,
        id: (json.id != 0).then_some(MeasureId(json.id)),
        measure,
        indicators: Some(json.indicators.into_iter().map(indicator).collect()),
        goals: Some(goals),
    }
}

fn indicator(json: IndicatorJson) -> Indicator {
    Indicator {
        name: json.name,
        unit: json.unit,
        baseline: json.baseline,
        target: json.target,
        actual: json.actual,
    }
}
