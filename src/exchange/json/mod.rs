//! The lossless JSON document:
//! `{"format":"quartier/3","exported_at":"…","goals":[…],"measures":[…],"pots":[…],"plans":[…],
//! "payments":[…],"sessions":[…],"decisions":[…],"steps":[…],"deadlines":[…],"history":[…]?}`
//! with the goal and measure shapes of `--json` (see [`crate::json_shapes`]), those of money
//! over time (`money.rs`) and those of decisions and deadlines (`course.rs`). `quartier/1`
//! (without the money lists) and `quartier/2` (without decisions and deadlines) are still read.

use serde::Serialize;
use serde_json::Value;

use super::lines::element_lines;
use super::{ImportProblem, Incoming, IncomingGoal, Snapshot};
use crate::i18n::{Lang, Text, fill};
use crate::json_shapes::{GoalJson, MeasureJson};
use crate::store::HistoryEntry;

/// The format tag of the document.
pub const FORMAT: &str = "quartier/3";

/// Formats this program reads: the first, without pots, plans and payments; the second,
/// without sessions, decisions, steps and deadlines; and [`FORMAT`].
const READ_FORMATS: [&str; 3] = ["quartier/1", "quartier/2", FORMAT];

/// The number of [`FORMAT`]: a document with a larger one is newer than this program.
const NEWEST: u32 = 3;

/// The exported document.
#[derive(Debug, Serialize)]
pub struct Document<'a> {
    pub format: &'static str,
    pub exported_at: String,
    pub goals: Vec<GoalJson>,
    pub measures: Vec<MeasureJson>,
    pub pots: Vec<money::PotJson>,
    pub plans: Vec<money::PlanJson>,
    pub payments: Vec<money::PaymentJson>,
    pub sessions: Vec<course::SessionJson>,
    pub decisions: Vec<course::DecisionJson>,
    pub steps: Vec<course::StepJson>,
    pub deadlines: Vec<course::DeadlineJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<&'a [HistoryEntry]>,
}

/// The whole database as pretty-printed JSON (history oldest first, when given).
pub mod course;
pub mod money;
mod object;

use object::{Object, Unknown};

pub fn export(snapshot: &Snapshot, history: Option<&[HistoryEntry]>, exported_at: &str) -> String {
    let (pots, plans, payments) = money::shapes(snapshot);
    let course = course::shapes(snapshot);
    let document = Document {
        format: FORMAT,
        exported_at: exported_at.to_string(),
        goals: snapshot.goals_json(),
        measures: snapshot.measures_json(),
        pots,
        plans,
        payments,
        sessions: course.sessions,
        decisions: course.decisions,
        steps: course.steps,
        deadlines: course.deadlines,
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

/// Parses a `quartier/1`, `/2` or `/3` document. Errors that stop the parse (not UTF-8, broken JSON, not a
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
    let mut top = document(text, file, lang)?;
    let mut incoming = Incoming {
        stamp: top
            .get("exported_at")
            .and_then(Value::as_str)
            .and_then(super::parse_stamp),
        ..Incoming::default()
    };
    let mut unknown = Unknown::default();
    for key in top.keys() {
        let known = ["format", "exported_at", "goals", "measures", "history"];
        let lists = money::KNOWN.iter().chain(course::KNOWN.iter());
        if !known.contains(&key.as_str()) && !lists.clone().any(|(list, _)| list == key) {
            unknown.add(key, 1);
        }
    }
    let mut elements = |key: &str, problems: &mut Vec<ImportProblem>| {
        let lines = element_lines(text, key);
        let values = array(&mut top, key, file, lang, problems);
        (values.into_iter().enumerate())
            .map(move |(index, value)| (lines.get(index).copied().unwrap_or(0), value))
    };
    for (line, value) in elements("goals", &mut incoming.problems) {
        if too_many_problems(&mut incoming.problems, file, lang) {
            break;
        }
        let problems = &mut incoming.problems;
        let mut object = Object::new(value, file, line, lang, "goals", problems, &mut unknown);
        if let Some(goal) = object.goal() {
            incoming.goals.push(IncomingGoal { line, goal });
        }
    }
    for (line, value) in elements("measures", &mut incoming.problems) {
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
    let mut money = money::IncomingMoney::default();
    for (line, value) in elements("pots", &mut incoming.problems) {
        money.pot(
            value,
            (file, line),
            lang,
            &mut unknown,
            &mut incoming.problems,
        );
    }
    for (line, value) in elements("plans", &mut incoming.problems) {
        money.plan(
            value,
            (file, line),
            lang,
            &mut unknown,
            &mut incoming.problems,
        );
    }
    for (line, value) in elements("payments", &mut incoming.problems) {
        money.payment(
            value,
            (file, line),
            lang,
            &mut unknown,
            &mut incoming.problems,
        );
    }
    incoming.money = money;
    let mut course = course::IncomingCourse::default();
    type Read = fn(&mut course::IncomingCourse, Value, course::At);
    let readers: [(&str, Read); 4] = [
        ("sessions", course::IncomingCourse::session),
        ("decisions", course::IncomingCourse::decision),
        ("steps", course::IncomingCourse::step),
        ("deadlines", course::IncomingCourse::deadline),
    ];
    for (list, read) in readers {
        for (line, value) in elements(list, &mut incoming.problems) {
            let at = course::At {
                at: (file, line),
                lang,
                unknown: &mut unknown,
                problems: &mut incoming.problems,
            };
            read(&mut course, value, at);
        }
    }
    incoming.course = course;
    incoming.notes.extend(unknown.note(file, lang));
    Ok(incoming)
}

/// The top-level object of a `quartier/1` document; broken JSON, another document or a newer
/// format is one problem.
fn document(
    text: &str,
    file: &str,
    lang: Lang,
) -> Result<serde_json::Map<String, Value>, Vec<ImportProblem>> {
    // serde_json refuses nesting deeper than 128 levels, so hostile files cannot exhaust the stack.
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let reason = fill(lang.t(Text::ImportBadJson), &[("error", &e)]);
        vec![ImportProblem::new(file, e.line(), "", reason)]
    })?;
    let Value::Object(top) = value else {
        let reason = lang.t(Text::ImportNotQuartier);
        return Err(vec![ImportProblem::new(file, 1, "", reason)]);
    };
    let format = top.get("format").and_then(Value::as_str).unwrap_or("");
    if READ_FORMATS.contains(&format) {
        return Ok(top);
    }
    let newer = format
        .strip_prefix("quartier/")
        .and_then(|v| v.parse::<u32>().ok())
        .is_some_and(|v| v > NEWEST);
    let reason = if newer {
        fill(lang.t(Text::ImportNewerFormat), &[("format", &format)])
    } else {
        lang.t(Text::ImportNotQuartier).to_string()
    };
    Err(vec![ImportProblem::new(file, 1, "format", reason)])
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
