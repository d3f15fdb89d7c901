//! How the history says the decision ops of issue 15: sessions, decisions, status steps and
//! deadlines.

use super::Phrasing;
use crate::i18n::{Text, fill};
use crate::model::{Deadline, Decision, MeasureId, Session, Step, format_date_de};
use crate::ops::Op;

/// `S-0003 ` for a stored record, nothing for a new one without its id yet.
fn id_prefix(id: u64, shown: String) -> String {
    match id {
        0 => String::new(),
        _ => format!("{shown} "),
    }
}

fn session_words(s: &Session) -> String {
    let id = id_prefix(s.id.0, s.id.to_string());
    format!("{id}{} {}", s.body.name(), format_date_de(s.date))
}

fn decision_words(d: &Decision) -> String {
    let id = id_prefix(d.id.0, d.id.to_string());
    format!("{id}({})", d.outcome.name())
}

fn deadline_words(d: &Deadline) -> String {
    let id = id_prefix(d.id.0, d.id.to_string());
    format!("{id}{} {}", d.kind.name(), format_date_de(d.due))
}

fn step_words(s: &Step) -> String {
    format!(
        "{} → {} ({})",
        s.from.name(),
        s.to.name(),
        format_date_de(s.date)
    )
}

impl Phrasing<'_> {
    pub(super) fn course_op(&self, op: &Op) -> String {
        let (done, action, what, measure): (Text, Text, String, Option<MeasureId>) = match op {
            Op::AddSession { session } => (
                Text::LogAddSession,
                Text::ActAddSession,
                session_words(session),
                None,
            ),
            Op::UpdateSession { session } => (
                Text::LogUpdateSession,
                Text::ActUpdateSession,
                session_words(session),
                None,
            ),
            Op::RemoveSession { id } => (
                Text::LogRemoveSession,
                Text::ActRemoveSession,
                id.to_string(),
                None,
            ),
            Op::AddDecision { decision } => (
                Text::LogAddDecision,
                Text::ActAddDecision,
                decision_words(decision),
                Some(decision.measure),
            ),
            Op::UpdateDecision { decision } => (
                Text::LogUpdateDecision,
                Text::ActUpdateDecision,
                decision_words(decision),
                Some(decision.measure),
            ),
            Op::RemoveDecision { measure, id } => (
                Text::LogRemoveDecision,
                Text::ActRemoveDecision,
                id.to_string(),
                Some(*measure),
            ),
            Op::SetStatus {
                measure, to, date, ..
            } => (
                Text::LogSetStatus,
                Text::ActSetStatus,
                format!("{} ({})", to.name(), format_date_de(*date)),
                Some(*measure),
            ),
            Op::RevertStep { step } => (
                Text::LogRevertStep,
                Text::ActRevertStep,
                step_words(step),
                Some(step.measure),
            ),
            Op::RestoreStep { step } => (
                Text::LogRestoreStep,
                Text::ActRestoreStep,
                step_words(step),
                Some(step.measure),
            ),
            Op::RestoreSteps { steps } | Op::ForgetSteps { steps } => {
                let (done, action) = match op {
                    Op::RestoreSteps { .. } => (Text::LogRestoreSteps, Text::ActRestoreSteps),
                    _ => (Text::LogForgetSteps, Text::ActForgetSteps),
                };
                let measure = steps.first().map(|s| s.measure);
                (done, action, steps.len().to_string(), measure)
            }
            Op::AddDeadline { deadline } => (
                Text::LogAddDeadline,
                Text::ActAddDeadline,
                deadline_words(deadline),
                deadline.measure,
            ),
            Op::UpdateDeadline { deadline } if deadline.done.is_some() => (
                Text::LogDoneDeadline,
                Text::ActDoneDeadline,
                deadline_words(deadline),
                deadline.measure,
            ),
            Op::UpdateDeadline { deadline } => (
                Text::LogUpdateDeadline,
                Text::ActUpdateDeadline,
                deadline_words(deadline),
                deadline.measure,
            ),
            Op::RemoveDeadline { id } => (
                Text::LogRemoveDeadline,
                Text::ActRemoveDeadline,
                id.to_string(),
                None,
            ),
            _ => return String::new(),
        };
        let measure = measure.map_or_else(String::new, |m| self.names.measure(m, self.lang));
        fill(
            self.pick(done, action),
            &[("what", &what), ("measure", &measure)],
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::i18n::Lang;
    use crate::model::{Body, Measure, MeasureId, Session, SessionId, Status};
    use crate::ops::describe::{Names, describe_entry};
    use crate::ops::{EntryKind, Op};

    #[test]
    fn decision_ops_are_said_with_the_measure_and_the_record() {
        let mut names = Names::default();
        let mut measure = Measure::new("Kiezküche");
        measure.id = MeasureId(12);
        names.add_measure(&measure);
        let say = |op: &Op, kind, lang| describe_entry(kind, op, lang, &names);
        let day = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let status = Op::SetStatus {
            measure: MeasureId(12),
            to: Status::Bewilligt,
            date: day,
            note: String::new(),
        };
        assert_eq!(
            say(&status, EntryKind::Do, Lang::De),
            "Status von M-0012 „Kiezküche“ auf bewilligt (01.04.2026) gesetzt"
        );
        assert_eq!(
            say(&status, EntryKind::Undo { of: 1 }, Lang::En),
            "Undone: set the status of M-0012 \"Kiezküche\" to bewilligt (01.04.2026)"
        );
        let session = Op::AddSession {
            session: Session {
                id: SessionId(3),
                body: Body::Quartiersrat,
                date: day,
                note: String::new(),
            },
        };
        assert_eq!(
            say(&session, EntryKind::Do, Lang::De),
            "Sitzung S-0003 Quartiersrat 01.04.2026 angelegt"
        );
    }
}
