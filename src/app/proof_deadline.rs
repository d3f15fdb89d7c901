//! A measure saved with a new end date and no open Verwendungsnachweis deadline: the TUI asks
//! whether to add one, due `proof_months` after the end (issue 15; the config file's
//! `proof_months`, 6 by default), as the command line proposes it on stderr. Yes adds the
//! deadline as one op; no leaves everything as it is.

use super::form::FormValue;
use super::{App, Confirm, Mode, Pending};
use crate::i18n::{Text, fill};
use crate::model::{
    Deadline, DeadlineId, DeadlineKind, MeasureId, format_date_de, proposed_proof_due,
};
use crate::ops::Op;

impl App {
    /// After an edited record was saved: for a measure, the Verwendungsnachweis question.
    pub(super) fn after_saved(&mut self, base: &FormValue, saved: &FormValue) -> Mode {
        match (base, saved) {
            (FormValue::Measure(before), FormValue::Measure(m)) => {
                self.propose_proof_deadline(m.id, before.end, m.end)
            }
            _ => Mode::Normal,
        }
    }

    /// After measure `id` was saved with `end` (`before`: its end until then, `None` for a new
    /// measure): the question whether to add the Verwendungsnachweis deadline, or normal mode.
    pub(super) fn propose_proof_deadline(
        &mut self,
        id: MeasureId,
        before: Option<chrono::NaiveDate>,
        end: Option<chrono::NaiveDate>,
    ) -> Mode {
        let Some(end) = end.filter(|end| before != Some(*end)) else {
            return Mode::Normal;
        };
        let has_proof = match self.store.course_of(id) {
            Ok(course) => (course.deadlines.iter())
                .any(|d| d.kind == DeadlineKind::Verwendungsnachweis && d.done.is_none()),
            Err(error) => {
                self.say_error(&error);
                return Mode::Normal;
            }
        };
        let Some(due) = proposed_proof_due(end, self.proof_months).filter(|_| !has_proof) else {
            return Mode::Normal;
        };
        let question = fill(
            self.lang.t(Text::AskProofDeadline),
            &[("measure", &id), ("due", &format_date_de(due))],
        );
        let deadline = Deadline {
            id: DeadlineId(0),
            kind: DeadlineKind::Verwendungsnachweis,
            due,
            measure: Some(id),
            note: String::new(),
            done: None,
        };
        Mode::Confirm(Confirm {
            question,
            pending: Pending::AddDeadline(Box::new(deadline)),
        })
    }

    /// The user said yes: the deadline is added (one op, `u` takes it back).
    pub(super) fn add_proposed_deadline(&mut self, deadline: Deadline) -> Mode {
        self.apply_or_say(Op::AddDeadline { deadline });
        Mode::Normal
    }
}
