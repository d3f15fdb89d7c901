//! The lossless `quartier/1` JSON document:
//! `{"format":"quartier/1","exported_at":"…","goals":[…],"measures":[…],"history":[…]?}`
//! with the goal and measure shapes of `--json` (see [`crate::json`]).

use serde::Serialize;
use serde_json::Value;

use super::lines::element_lines;
use super::{ImportProblem, Incoming, IncomingGoal, IncomingMeasure, Snapshot};
use crate::i18n::Localize;
use crate::i18n::{Lang, Text, fill};
use crate::json::{GoalJson, MeasureJson, json_key};
use crate::model::{
    Cents, Field, Fund, Indicator, Kind as FieldKind, MEASURE_FIELDS, Measure, MeasureId, Problem,
    Status, Value as FieldValue, parse_date, same_code,
};
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
/// `quartier` document, a newer format) are `Err`; every goal or measure that does not fit its
/// shape is put into `Incoming::problems` with its line, and parsing goes on.
///
/// Rules for fields (README "JSON"): `title` (and a goal's `code`) is required; every other
/// field may be missing and then is empty (`""`, `null`, `[]`; `status` is `idee`, a missing
/// `id` or `0` adds a new measure, a goal without `position` keeps its place or goes last).
/// Unknown fields are ignored with one note. A value of the wrong type or a wrong date,
/// amount, fund or status is a problem naming the measure, the field and the value.
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
    let format = top.get("format").and_then(Value::as_str).unwrap_or("");
    if format != FORMAT {
        let newer = format
            .strip_prefix("quartier/")
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|v| v > 1);
        let reason = if newer {
            fill(lang.t(Text::ImportNewerFormat), &[("format", &format)])
        } else {
            lang.t(Text::ImportNotQuartier).to_string()
        };
        return Err(vec![ImportProblem::new(file, 1, "format", reason)]);
    }
    let mut incoming = Incoming {
        stamp: top
            .get("exported_at")
            .and_then(Value::as_str)
            .and_then(super::parse_stamp),
        ..Incoming::default()
    };
    let mut unknown = Unknown::default();
    for key in top.keys() {
        if !["format", "exported_at", "goals", "measures", "history"].contains(&key.as_str()) {
            unknown.add(key, 1);
        }
    }
    let goal_lines = element_lines(text, "goals");
    for (index, value) in array(&mut top, "goals", file, lang, &mut incoming.problems)
        .into_iter()
        .enumerate()
    {
        let line = goal_lines.get(index).copied().unwrap_or(0);
        if too_many_problems(&mut incoming.problems, file, lang) {
            break;
        }
        let problems = &mut incoming.problems;
        let mut object = Object::new(value, file, line, lang, "goals", problems, &mut unknown);
        if let Some(goal) = object.goal() {
            incoming.goals.push(IncomingGoal { line, goal });
        }
    }
    let measure_lines = element_lines(text, "measures");
    for (index, value) in array(&mut top, "measures", file, lang, &mut incoming.problems)
        .into_iter()
        .enumerate()
    {
        let line = measure_lines.get(index).copied().unwrap_or(0);
        if too_many_problems(&mut incoming.problems, file, lang) {
            break;
        }
        let problems = &mut incoming.problems;
        let mut object = Object::new(value, file, line, lang, "measures", problems, &mut unknown);
        let (item, failed) = object.measure();
        if failed {
            // Its goal codes are still checked, so one pass lists every problem.
            incoming.check_goals_of(&item);
        } else {
            incoming.measures.push(item);
        }
    }
    let names: Vec<String> = unknown.names.iter().map(|(n, _)| n.clone()).collect();
    let line = unknown.names.first().map_or(0, |(_, l)| *l);
    incoming.notes.extend(super::csv::ignored_note(
        file,
        line,
        &names,
        Text::ImportIgnoredFields,
        lang,
    ));
    Ok(incoming)
}

/// True once there are [`super::csv::MAX_PROBLEMS`] problems: the rest of the file is not
/// checked, and one problem says so.
fn too_many_problems(problems: &mut Vec<ImportProblem>, file: &str, lang: Lang) -> bool {
    let max = super::csv::MAX_PROBLEMS;
    if problems.len() < max {
        return false;
    }
    let reason = fill(lang.t(Text::CsvTooManyProblems), &[("count", &max)]);
    if problems.last().is_none_or(|p| p.reason != reason) {
        problems.push(ImportProblem::whole_file(file, reason));
    }
    true
}

/// Field names quartier does not know, each once, with the first line it appears on.
#[derive(Default)]
struct Unknown {
    names: Vec<(String, usize)>,
}

impl Unknown {
    fn add(&mut self, name: &str, line: usize) {
        if self.names.len() < 1000 && !self.names.iter().any(|(n, _)| n == name) {
            self.names.push((name.to_string(), line));
        }
    }
}

/// One goal or measure object being read, with its problems.
struct Object<'a> {
    map: serde_json::Map<String, Value>,
    file: &'a str,
    line: usize,
    lang: Lang,
    /// `M-0003 „Kiezfest“`: names the element in problems.
    label: String,
    problems: &'a mut Vec<ImportProblem>,
    failed: bool,
}

impl<'a> Object<'a> {
    fn new(
        value: Value,
        file: &'a str,
        line: usize,
        lang: Lang,
        list: &str,
        problems: &'a mut Vec<ImportProblem>,
        unknown: &mut Unknown,
    ) -> Object<'a> {
        let measure_keys = crate::json::measure_keys();
        let known: Vec<&str> = if list == "goals" {
            GOAL_FIELDS.to_vec()
        } else {
            measure_keys.iter().map(String::as_str).collect()
        };
        let (map, failed) = match value {
            Value::Object(map) => (map, false),
            _ => {
                problems.push(ImportProblem::new(
                    file,
                    line,
                    list,
                    lang.t(Text::JsonNotAnObject),
                ));
                (serde_json::Map::new(), true)
            }
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                unknown.add(key, line);
            }
        }
        let title = map.get("title").and_then(Value::as_str).unwrap_or("");
        let title = crate::text::truncate(title, 40).into_owned();
        let quoted = fill(lang.t(Text::ImportQuoted), &[("value", &title)]);
        let label = match map.get("id").and_then(Value::as_u64).filter(|id| *id > 0) {
            Some(id) => format!("{} {quoted}", MeasureId(id)),
            None if list == "goals" => {
                let code = map.get("code").and_then(Value::as_str).unwrap_or("");
                format!("{code} {quoted}")
            }
            None => quoted,
        };
        Object {
            map,
            file,
            line,
            lang,
            label,
            problems,
            failed,
        }
    }

    fn problem(&mut self, field: Field, reason: String) {
        let name = field.localize(self.lang);
        self.problem_in(&name, reason);
    }

    /// A problem in the field shown as `name`, after the element's label.
    fn problem_in(&mut self, name: &str, reason: String) {
        self.failed = true;
        let field = format!("{}, {name}", self.label);
        self.problems
            .push(ImportProblem::new(self.file, self.line, field, reason));
    }

    fn wrong_type(&mut self, field: Field, expected: Text) {
        let reason = self.lang.t(expected).to_string();
        self.problem(field, reason);
    }

    /// A text field; missing or `null` is empty.
    fn text(&mut self, key: &str, field: Field) -> String {
        match self.map.remove(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(text)) => text,
            Some(_) => {
                self.wrong_type(field, Text::JsonExpectedText);
                String::new()
            }
        }
    }

    /// A text that must be there.
    fn required_text(&mut self, key: &str, field: Field) -> String {
        if !self.map.contains_key(key) {
            let reason = fill(self.lang.t(Text::JsonMissingField), &[("key", &key)]);
            self.problem(field, reason);
            return String::new();
        }
        self.text(key, field)
    }

    /// An optional value parsed from text (`"2026-03-01"`, `"Projektfonds"`).
    fn parsed<T>(
        &mut self,
        key: &str,
        field: Field,
        parse: impl FnOnce(&str) -> Result<T, Problem>,
    ) -> Option<T> {
        let text = match self.map.remove(key) {
            None | Some(Value::Null) => return None,
            Some(Value::String(text)) => text,
            Some(_) => {
                self.wrong_type(field, Text::JsonExpectedText);
                return None;
            }
        };
        match parse(&text) {
            Ok(value) => Some(value),
            Err(problem) => {
                let reason = problem.localize(self.lang);
                self.problem(field, reason);
                None
            }
        }
    }

    /// Cents: a whole number from 0 up, or `null`.
    fn cents(&mut self, key: &str, field: Field) -> Option<Cents> {
        match self.map.remove(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64().map(Cents),
            Some(other) => {
                let reason = fill(
                    self.lang.t(Text::JsonExpectedCents),
                    &[("value", &crate::text::truncate(&other.to_string(), 40))],
                );
                self.problem(field, reason);
                None
            }
        }
    }

    fn number(&mut self, value: Option<Value>, field: Field) -> Option<f64> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64(),
            Some(other) => {
                let reason = fill(
                    self.lang.t(Text::JsonExpectedNumber),
                    &[("value", &crate::text::truncate(&other.to_string(), 40))],
                );
                self.problem(field, reason);
                None
            }
        }
    }

    /// A list of texts; missing or `null` is empty.
    fn texts(&mut self, key: &str, field: Field) -> Vec<String> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(text) => out.push(text),
                        _ => {
                            self.wrong_type(field, Text::JsonExpectedTextList);
                            return Vec::new();
                        }
                    }
                }
                out
            }
            Some(_) => {
                self.wrong_type(field, Text::JsonExpectedTextList);
                Vec::new()
            }
        }
    }

    fn indicators(&mut self) -> Vec<Indicator> {
        let items = match self.map.remove("indicators") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.wrong_type(Field::Indicator(0), Text::JsonExpectedList);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (n, item) in items.into_iter().enumerate() {
            let field = Field::Indicator(n);
            let Value::Object(mut map) = item else {
                self.wrong_type(field, Text::JsonNotAnObject);
                continue;
            };
            let name = match map.remove("name") {
                Some(Value::String(name)) => name,
                None | Some(Value::Null) => String::new(),
                Some(_) => {
                    self.wrong_type(field, Text::JsonExpectedText);
                    continue;
                }
            };
            let unit = match map.remove("unit") {
                Some(Value::String(unit)) => unit,
                None | Some(Value::Null) => String::new(),
                Some(_) => {
                    self.wrong_type(field, Text::JsonExpectedText);
                    continue;
                }
            };
            let baseline = self.number(map.remove("baseline"), field);
            let target = self.number(map.remove("target"), field);
            let actual = self.number(map.remove("actual"), field);
            out.push(Indicator {
                name,
                unit,
                baseline: baseline.unwrap_or(0.0),
                target: target.unwrap_or(0.0),
                actual,
            });
        }
        out
    }

    fn goal(&mut self) -> Option<GoalJson> {
        let code = self.required_text("code", Field::Code);
        let title = self.required_text("title", Field::Title);
        let description = self.text("description", Field::Description);
        let parent = self.parsed("parent", Field::Parent, |t| Ok(t.to_string()));
        let position = match self.map.remove("position") {
            None | Some(Value::Null) => u32::MAX,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|p| p < u64::from(u32::MAX)) => {
                n.as_u64().unwrap_or(0) as u32
            }
            Some(_) => {
                let reason = self.lang.t(Text::JsonExpectedPosition).to_string();
                self.problem_in("position", reason);
                u32::MAX
            }
        };
        (!self.failed).then_some(GoalJson {
            code,
            title,
            parent,
            description,
            position,
        })
    }

    /// The measure, and whether it had problems (then it is not imported).
    fn measure(&mut self) -> (IncomingMeasure, bool) {
        let id = match self.map.remove("id") {
            None | Some(Value::Null) => 0,
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or(0),
            Some(Value::String(text)) if MeasureId::parse(&text).is_some() => {
                MeasureId::parse(&text).map_or(0, |id| id.0)
            }
            Some(other) => {
                let reason = fill(
                    self.lang.t(Text::CsvBadId),
                    &[("value", &crate::text::truncate(&other.to_string(), 40))],
                );
                self.problem_in(self.lang.t(Text::FieldId), reason);
                0
            }
        };
        let mut measure = Measure::new("");
        measure.id = MeasureId(id);
        for row in &MEASURE_FIELDS {
            let key = json_key(row);
            let field = row.field;
            let value = match row.kind {
                FieldKind::Line | FieldKind::Text if field == Field::Title => {
                    FieldValue::Text(self.required_text(&key, field))
                }
                FieldKind::Line | FieldKind::Text => FieldValue::Text(self.text(&key, field)),
                FieldKind::Amount => FieldValue::Amount(self.cents(&key, field)),
                FieldKind::Date => FieldValue::Date(self.parsed(&key, field, parse_date)),
                FieldKind::Fund => FieldValue::Fund(self.parsed(&key, field, Fund::parse_input)),
                FieldKind::Status => FieldValue::Status(
                    self.parsed(&key, field, Status::parse_input)
                        .unwrap_or(Status::Idee),
                ),
                FieldKind::List => FieldValue::List(self.texts(&key, field)),
            };
            row.set(&mut measure, value);
        }
        let indicators = self.indicators();
        let mut goals = self.texts("goals", Field::Goals);
        let primary = self.parsed("primary_goal", Field::Goals, |t| Ok(t.to_string()));
        if let Some(primary) = &primary {
            match goals.iter().position(|g| same_code(g, primary)) {
                Some(at) => {
                    let code = goals.remove(at);
                    goals.insert(0, code);
                }
                None => {
                    let reason = fill(
                        self.lang.t(Text::ImportPrimaryNotListed),
                        &[("code", primary)],
                    );
                    self.problem(Field::Goals, reason);
                }
            }
        }
        let item = IncomingMeasure {
            line: self.line,
            id: (id != 0).then_some(MeasureId(id)),
            measure,
            indicators: Some(indicators),
            goals: Some(goals),
        };
        (item, self.failed)
    }
}

/// Fields of a goal object.
const GOAL_FIELDS: [&str; 5] = ["code", "title", "parent", "description", "position"];

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
