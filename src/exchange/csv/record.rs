//! One record of a CSV import file being read: its cells by column, parsed into a measure or
//! an indicator, with every problem of the record collected.

use super::goal_code;
use super::header::{CsvColumn, CsvHeader};
use super::numbers::{Decimal, parse_amount_in, parse_decimal_in};
use crate::exchange::columns::MeasureColumnKind;
use crate::exchange::formula_guard::restore_formula;
use crate::exchange::{ImportProblem, IncomingMeasure, Snapshot};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{
    Fund, Indicator, Kind as FieldKind, MEASURE_FIELDS, Measure, MeasureId, Problem, Status, Value,
    parse_date, same_code, split_list,
};

/// One record being read: its cells by column, and the problems found in it.
pub(super) struct CsvRecord<'r> {
    pub(super) record: &'r ::csv::StringRecord,
    pub(super) header: &'r CsvHeader,
    pub(super) file: &'r str,
    pub(super) line: usize,
    pub(super) lang: Lang,
    pub(super) style: Decimal,
    pub(super) problems: Vec<ImportProblem>,
}

impl<'r> CsvRecord<'r> {
    /// The cell of `col` with a neutralising `'` removed; `None` when the file has no such column.
    fn cell(&self, col: CsvColumn) -> Option<&'r str> {
        let index = *self.header.at.get(&col)?;
        Some(restore_formula(self.record.get(index).unwrap_or("")))
    }

    fn problem(&mut self, col: CsvColumn, reason: String) {
        let field = self
            .header
            .at
            .get(&col)
            .map(|&i| self.header.names[i].clone())
            .unwrap_or_default();
        self.problems
            .push(ImportProblem::new(self.file, self.line, field, reason));
    }

    /// Parses a present, non-empty cell with `parse`; `Some(None)` for an empty cell, `None`
    /// when the column is missing or the value is wrong (then a problem is recorded).
    fn value<T>(
        &mut self,
        col: CsvColumn,
        parse: impl FnOnce(&str) -> Result<T, Problem>,
    ) -> Option<Option<T>> {
        let cell = self.cell(col)?;
        if cell.trim().is_empty() {
            return Some(None);
        }
        match parse(cell) {
            Ok(value) => Some(Some(value)),
            Err(problem) => {
                let reason = problem.localize(self.lang);
                self.problem(col, reason);
                None
            }
        }
    }

    /// The measure id, `None` for an empty cell; problems for anything else.
    fn id(&mut self) -> Result<Option<MeasureId>, ()> {
        let Some(cell) = self.cell(CsvColumn::Id) else {
            return Ok(None);
        };
        if cell.trim().is_empty() {
            return Ok(None);
        }
        match MeasureId::parse(cell) {
            Some(id) => Ok(Some(id)),
            None => {
                let reason = fill(self.lang.t(Text::CsvBadId), &[("value", &cell.trim())]);
                self.problem(CsvColumn::Id, reason);
                Err(())
            }
        }
    }

    /// The measure of this row. With problems (see `self.problems`) the caller drops it but
    /// still has its goal codes checked, so one pass reports every problem of the file.
    pub(super) fn measure(&mut self, existing: Option<&Snapshot>) -> IncomingMeasure {
        // A bad id is a problem; the other cells are still checked.
        let id = self.id().ok().flatten();
        let old = id.and_then(|id| existing?.measures.iter().find(|m| m.id == id));
        let mut m = old.cloned().unwrap_or_else(|| Measure::new(""));
        m.id = id.unwrap_or(MeasureId(0));
        let style = self.style;
        for row in &MEASURE_FIELDS {
            let col = CsvColumn::Measure(MeasureColumnKind::Field(row.field));
            let value = match row.kind {
                FieldKind::Line | FieldKind::Text => {
                    self.cell(col).map(|cell| Value::Text(cell.to_string()))
                }
                FieldKind::List => self
                    .cell(col)
                    .map(|cell| Value::List(split_list(cell).map(str::to_string).collect())),
                FieldKind::Amount => self
                    .value(col, |t| parse_amount_in(t, style))
                    .map(Value::Amount),
                FieldKind::Date => self.value(col, parse_date).map(Value::Date),
                FieldKind::Fund => self.value(col, Fund::parse_input).map(Value::Fund),
                // An empty status cell keeps the measure's status.
                FieldKind::Status => self.value(col, Status::parse_input).map(|status| {
                    Value::Status(status.unwrap_or(old.map_or(Status::Idee, |o| o.status)))
                }),
            };
            if let Some(value) = value {
                row.set(&mut m, value);
            }
        }
        let goals = self.goals(old.and(existing));
        IncomingMeasure {
            line: self.line,
            id,
            measure: m,
            indicators: None,
            goals,
        }
    }

    /// Goal codes, primary first: `Hauptziel` then `Ziele`, each code once. A missing column
    /// keeps what the existing measure has (`existing` is given only for an existing measure).
    fn goals(&self, existing: Option<&Snapshot>) -> Option<Vec<String>> {
        let id = MeasureId::parse(self.cell(CsvColumn::Id).unwrap_or(""));
        let old = |snapshot: &Snapshot| id.map(|id| snapshot.goal_codes(id)).unwrap_or_default();
        let primary = self
            .cell(CsvColumn::Measure(MeasureColumnKind::PrimaryGoal))
            .map(|c| goal_code(c).to_string());
        let listed = self
            .cell(CsvColumn::Measure(MeasureColumnKind::Goals))
            .map(|c| {
                split_list(c)
                    .map(|code| goal_code(code).to_string())
                    .collect::<Vec<_>>()
            });
        let codes: Vec<String> = match (primary, listed) {
            (None, None) => return None,
            (Some(primary), None) => std::iter::once(primary)
                .chain(existing.map(old).unwrap_or_default())
                .collect(),
            (None, Some(mut listed)) => {
                // Keep the existing primary goal primary if it is still listed.
                let old_primary = existing
                    .and_then(|s| id.and_then(|id| s.primary_code(id)))
                    .and_then(|p| listed.iter().position(|c| same_code(c, &p)));
                if let Some(at) = old_primary {
                    let code = listed.remove(at);
                    listed.insert(0, code);
                }
                listed
            }
            (Some(primary), Some(listed)) => std::iter::once(primary).chain(listed).collect(),
        };
        let mut unique: Vec<String> = Vec::with_capacity(codes.len());
        for code in codes {
            if !code.is_empty() && !unique.iter().any(|u| same_code(u, &code)) {
                unique.push(code);
            }
        }
        Some(unique)
    }

    /// One indicator of an indicator file; `Ok(None)` for a row that only names the measure
    /// (no indicator, no values): that measure's list becomes empty.
    pub(super) fn indicator(&mut self) -> Option<(MeasureId, Option<Indicator>)> {
        let id = match self.id() {
            Ok(Some(id)) => Some(id),
            Ok(None) => {
                self.problem(
                    CsvColumn::Id,
                    self.lang.t(Text::ProblemRequired).to_string(),
                );
                None
            }
            Err(()) => None,
        };
        let name = self.cell(CsvColumn::Indicator).unwrap_or("");
        let unit = self.cell(CsvColumn::Unit).unwrap_or("");
        let style = self.style;
        let baseline = self.value(CsvColumn::Baseline, |t| parse_decimal_in(t, style));
        let target = self.value(CsvColumn::Target, |t| parse_decimal_in(t, style));
        let actual = match self.cell(CsvColumn::Actual) {
            Some(_) => self.value(CsvColumn::Actual, |t| parse_decimal_in(t, style)),
            None => Some(None),
        };
        let (Some(id), Some(baseline), Some(target), Some(actual)) = (id, baseline, target, actual)
        else {
            return None;
        };
        if name.trim().is_empty() && baseline.is_none() && target.is_none() && actual.is_none() {
            return Some((id, None));
        }
        let required = self.lang.t(Text::ProblemRequired).to_string();
        if baseline.is_none() {
            self.problem(CsvColumn::Baseline, required.clone());
        }
        if target.is_none() {
            self.problem(CsvColumn::Target, required);
        }
        let (Some(baseline), Some(target)) = (baseline, target) else {
            return None;
        };
        Some((
            id,
            Some(Indicator {
                name: name.to_string(),
                unit: unit.to_string(),
                baseline,
                target,
                actual,
            }),
        ))
    }
}
