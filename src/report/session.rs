//! The report of one session (issue 15), to attach to the minutes: the session (body, date,
//! note), each decision with its measure, Träger, fund, outcome, votes, amount and conditions,
//! and the sums per fund of the agreeing decisions. Pure: [`SessionReport::compute`] takes the
//! records, the tables ([`SessionReport::sections`]) serve the Markdown form here, the plain
//! text of `quartier session report` and its JSON ([`SessionReport::json`]).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::course::DecisionCounts;
use super::course_sections::{counts_cells, counts_columns};
use super::sections::{fund_name, money};
use super::table::{Emphasis, ReportColumn, ReportRow, Section};
use crate::i18n::{Lang, Text, fill};
use crate::model::{Cents, Decision, Fund, Measure, MeasureId, Session, Votes, format_date_de};

/// A decision with what the report names of its measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionDecision {
    pub decision: Decision,
    /// Empty when the measure is gone (a damaged database).
    pub title: String,
    pub organisation: String,
    pub fund: Option<Fund>,
}

/// One fund's decisions of the session (`None`: measures without a fund).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundCounts {
    pub fund: Option<Fund>,
    pub counts: DecisionCounts,
}

/// Everything the report of one session shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionReport {
    pub session: Session,
    /// By id (the order they were taken in).
    pub decisions: Vec<SessionDecision>,
    /// In [`Fund::ALL`] order, measures without a fund last; only funds that occur.
    pub funds: Vec<FundCounts>,
    pub total: DecisionCounts,
}

impl SessionReport {
    /// The report of `session` with its `decisions`, naming their measures from `measures`.
    pub fn compute(
        session: Session,
        decisions: &[Decision],
        measures: &HashMap<MeasureId, Measure>,
    ) -> SessionReport {
        let mut rows: Vec<SessionDecision> = (decisions.iter())
            .filter(|d| d.session == session.id)
            .map(|d| {
                let measure = measures.get(&d.measure);
                SessionDecision {
                    decision: d.clone(),
                    title: measure.map_or_else(String::new, |m| m.title.clone()),
                    organisation: measure.map_or_else(String::new, |m| m.organisation.clone()),
                    fund: measure.and_then(|m| m.fund),
                }
            })
            .collect();
        rows.sort_by_key(|r| r.decision.id);
        let mut funds: BTreeMap<usize, FundCounts> = BTreeMap::new();
        let mut total = DecisionCounts::default();
        for row in &rows {
            let rank = (row.fund)
                .and_then(|f| Fund::ALL.iter().position(|a| *a == f))
                .unwrap_or(Fund::ALL.len());
            (funds.entry(rank))
                .or_insert(FundCounts {
                    fund: row.fund,
                    counts: DecisionCounts::default(),
                })
                .counts
                .add(&row.decision);
            total.add(&row.decision);
        }
        SessionReport {
            session,
            decisions: rows,
            funds: funds.into_values().collect(),
            total,
        }
    }

    /// `Beschlüsse der Sitzung S-0001`.
    pub fn title(&self, lang: Lang) -> String {
        fill(
            lang.t(Text::SessionReportTitle),
            &[("session", &self.session.id)],
        )
    }

    /// `Quartiersrat · 12.03.2026`, then the note if there is one.
    pub fn header(&self, lang: Lang) -> Vec<String> {
        let mut lines = vec![format!(
            "{} · {}",
            self.session.body.name(),
            format_date_de(self.session.date)
        )];
        if !self.session.note.trim().is_empty() {
            let note = crate::text::sanitize_line(&self.session.note);
            lines.push(fill(lang.t(Text::SessionReportNote), &[("note", &note)]));
        }
        lines
    }

    /// The decisions, then the sums per fund with their total.
    pub(crate) fn sections(&self, lang: Lang) -> Vec<Section> {
        vec![self.decision_table(lang), self.fund_table(lang)]
    }

    fn decision_table(&self, lang: Lang) -> Section {
        let rows = self.decisions.iter().map(|r| {
            let d = &r.decision;
            ReportRow::new(vec![
                d.id.to_string(),
                d.measure.to_string(),
                r.title.clone(),
                r.organisation.clone(),
                fund_name(r.fund, lang),
                d.outcome.name().to_string(),
                d.votes.map_or_else(String::new, votes),
                d.amount.map_or_else(|| "–".into(), money),
                d.conditions.lines().collect::<Vec<_>>().join(" / "),
            ])
        });
        Section {
            title: lang.t(Text::SessionReportDecisions).into(),
            columns: vec![
                ReportColumn::text(lang, Text::FieldId, 8),
                ReportColumn::text(lang, Text::ReportMeasure, 8),
                ReportColumn::user(lang, Text::FieldTitle, 30),
                ReportColumn::user(lang, Text::FieldOrganisation, 20),
                ReportColumn::text(lang, Text::FieldFund, 14),
                ReportColumn::text(lang, Text::ColOutcome, 23),
                ReportColumn::text(lang, Text::ColVotes, 13),
                ReportColumn::number(lang, Text::FieldAmount),
                ReportColumn::user(lang, Text::FieldConditions, 40),
            ],
            rows: rows.collect(),
        }
    }

    fn fund_table(&self, lang: Lang) -> Section {
        let mut columns = vec![ReportColumn::text(lang, Text::FieldFund, 14)];
        columns.extend(counts_columns(lang));
        let mut rows: Vec<ReportRow> = (self.funds.iter())
            .map(|f| {
                let mut cells = vec![fund_name(f.fund, lang)];
                cells.extend(counts_cells(&f.counts));
                ReportRow::new(cells)
            })
            .collect();
        if !rows.is_empty() {
            let mut cells = vec![lang.t(Text::Total).to_string()];
            cells.extend(counts_cells(&self.total));
            rows.push(ReportRow {
                emphasis: Emphasis::Total,
                ..ReportRow::new(cells)
            });
        }
        Section {
            title: lang.t(Text::SessionReportFunds).into(),
            columns,
            rows,
        }
    }

    /// The report as a Markdown document.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = format!("# {}\n\n", self.title(lang));
        for line in self.header(lang) {
            out.push_str(&super::markdown::escape(&line));
            out.push_str("\n\n");
        }
        for (i, section) in self.sections(lang).into_iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("## {}\n\n", section.title));
            if section.rows.is_empty() {
                out.push_str(&format!("{}\n", lang.t(Text::ReportNone)));
            } else {
                super::markdown::table(&mut out, &section);
            }
        }
        out
    }

    /// The report as pretty JSON with a final newline: ids as shown, ISO dates, cents.
    pub fn json(&self) -> Result<String, serde_json::Error> {
        let s = &self.session;
        let shape = SessionReportJson {
            session: SessionJson {
                id: s.id.to_string(),
                body: s.body.name(),
                date: s.date.to_string(),
                note: &s.note,
            },
            decisions: (self.decisions.iter())
                .map(|r| DecisionJson {
                    id: r.decision.id.to_string(),
                    measure: r.decision.measure.to_string(),
                    title: &r.title,
                    organisation: &r.organisation,
                    fund: r.fund,
                    outcome: r.decision.outcome.name(),
                    votes: r.decision.votes,
                    amount_cents: r.decision.amount,
                    conditions: &r.decision.conditions,
                })
                .collect(),
            funds: (self.funds.iter())
                .map(|f| FundJson::new(f.fund, &f.counts))
                .collect(),
            total: FundJson::new(None, &self.total),
        };
        let mut text = serde_json::to_string_pretty(&shape)?;
        text.push('\n');
        Ok(text)
    }
}

/// `9/1/2` (yes/no/abstain).
fn votes(v: Votes) -> String {
    format!("{}/{}/{}", v.yes, v.no, v.abstain)
}

#[derive(Serialize)]
struct SessionReportJson<'a> {
    session: SessionJson<'a>,
    decisions: Vec<DecisionJson<'a>>,
    funds: Vec<FundJson>,
    /// Every decision of the session (`fund` is `null`).
    total: FundJson,
}

#[derive(Serialize)]
struct SessionJson<'a> {
    id: String,
    body: &'a str,
    date: String,
    note: &'a str,
}

#[derive(Serialize)]
struct DecisionJson<'a> {
    id: String,
    measure: String,
    title: &'a str,
    organisation: &'a str,
    fund: Option<Fund>,
    outcome: &'a str,
    votes: Option<Votes>,
    amount_cents: Option<Cents>,
    conditions: &'a str,
}

#[derive(Serialize)]
struct FundJson {
    fund: Option<Fund>,
    decisions: usize,
    agreed: usize,
    rejected: usize,
    deferred: usize,
    /// The amounts of the agreeing decisions.
    agreed_cents: Cents,
}

impl FundJson {
    fn new(fund: Option<Fund>, c: &DecisionCounts) -> FundJson {
        FundJson {
            fund,
            decisions: c.decisions,
            agreed: c.agreed,
            rejected: c.rejected,
            deferred: c.deferred,
            agreed_cents: c.approved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, DecisionId, Outcome, SessionId};

    #[test]
    fn the_sums_per_fund_count_the_agreeing_decisions_only() {
        let session = Session {
            id: SessionId(1),
            body: Body::Quartiersrat,
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
            note: String::new(),
        };
        let measure = |id, fund| Measure {
            id: MeasureId(id),
            fund,
            ..Measure::new(format!("M{id}"))
        };
        let measures: HashMap<MeasureId, Measure> = [
            measure(1, Some(Fund::Projektfonds)),
            measure(2, Some(Fund::Projektfonds)),
            measure(3, Some(Fund::Aktionsfonds)),
            measure(4, None),
        ]
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
        let decision = |id, m, outcome, euro: i64| Decision {
            id: DecisionId(id),
            session: SessionId(if id == 9 { 2 } else { 1 }),
            measure: MeasureId(m),
            outcome,
            votes: None,
            amount: Some(Cents(euro * 100)),
            conditions: String::new(),
        };
        let decisions = [
            decision(4, 4, Outcome::Vertagung, 100),
            decision(1, 1, Outcome::Zustimmung, 45_000),
            decision(2, 2, Outcome::ZustimmungMitAuflagen, 5_000),
            decision(3, 3, Outcome::Ablehnung, 900),
            decision(9, 3, Outcome::Zustimmung, 700),
        ];
        let report = SessionReport::compute(session, &decisions, &measures);
        let ids: Vec<u64> = report.decisions.iter().map(|d| d.decision.id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4], "by id, only this session's");
        let funds: Vec<(Option<Fund>, usize, usize, i64)> = (report.funds.iter())
            .map(|f| {
                (
                    f.fund,
                    f.counts.decisions,
                    f.counts.agreed,
                    f.counts.approved.0,
                )
            })
            .collect();
        assert_eq!(
            funds,
            [
                (Some(Fund::Aktionsfonds), 1, 0, 0),
                (Some(Fund::Projektfonds), 2, 2, 5_000_000),
                (None, 1, 0, 0),
            ]
        );
        assert_eq!(report.total.approved, Cents(5_000_000));
        assert_eq!(report.total.decisions, 4);
    }
}
