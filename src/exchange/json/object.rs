//! One object of a JSON import file (a goal or a measure), read member by member so that every
//! wrong member is its own problem naming the field.

use serde_json::Value;

use crate::exchange::{ImportProblem, IncomingMeasure};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::json_shapes::{GoalJson, json_key};
use crate::model::{
    Cents, Field, Fund, Indicator, Kind as FieldKind, MEASURE_FIELDS, Measure, MeasureId, Problem,
    Status, Value as FieldValue, parse_date, same_code,
};

/// Field names quartier does not know, each once, with the first line it appears on.
#[derive(Default)]
pub(super) struct Unknown {
    pub names: Vec<(String, usize)>,
}

impl Unknown {
    pub(super) fn add(&mut self, name: &str, line: usize) {
        if self.names.len() < 1000 && !self.names.iter().any(|(n, _)| n == name) {
            self.names.push((name.to_string(), line));
        }
    }

    /// One note naming the ignored fields, at the line of the first; none without any.
    pub(super) fn note(&self, file: &str, lang: Lang) -> Option<ImportProblem> {
        let names: Vec<String> = self.names.iter().map(|(n, _)| n.clone()).collect();
        let line = self.names.first().map_or(0, |(_, l)| *l);
        let template = crate::i18n::Text::ImportIgnoredFields;
        crate::exchange::csv::ignored_note(file, line, &names, template, lang)
    }
}

/// One goal or measure object being read, with its problems.
pub(super) struct Object<'a> {
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
    pub(super) fn new(
        value: Value,
        file: &'a str,
        line: usize,
        lang: Lang,
        list: &str,
        problems: &'a mut Vec<ImportProblem>,
        unknown: &mut Unknown,
    ) -> Object<'a> {
        let measure_keys = crate::json_shapes::measure_keys();
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

    pub(super) fn goal(&mut self) -> Option<GoalJson> {
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
    pub(super) fn measure(&mut self) -> (IncomingMeasure, bool) {
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
