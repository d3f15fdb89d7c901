//! Decisions and deadlines in the detail pane (issue 15): the measure's decisions (session
//! date, body, outcome, votes, amount), its last status steps newest first with who made them,
//! the warning of a last step that left the usual course (beside the fund-rule warnings), and
//! its open deadlines (overdue ones marked).

use ratatui::text::{Line, Span};

use super::{Theme, field_line};
use crate::app::App;
use crate::i18n::{Localize, Text};
use crate::model::{course_warning, format_date_de};
use crate::text::sanitize_line;

/// How many of the newest steps the pane shows (the Verlauf has them all).
const STEPS_SHOWN: usize = 3;

pub(super) fn course_lines<'a>(app: &App, theme: Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let course = app.detail().course();
    let mut out = Vec::new();
    if let Some(step) = course.steps.last()
        && let Some(warning) = course_warning(step.from, step.to)
    {
        out.push(Line::styled(
            format!("⚠ {}", warning.localize(lang)),
            theme.warning(),
        ));
    }
    let mut decisions: Vec<_> = course.decisions.iter().collect();
    decisions.sort_by_key(|(d, s)| (s.as_ref().map(|s| s.date), d.id));
    for (decision, session) in decisions {
        let mut text = match session {
            Some(s) => format!("{} {}", format_date_de(s.date), s.body.name()),
            None => decision.session.to_string(),
        };
        text.push_str(&format!(" – {}", decision.outcome.name()));
        if let Some(v) = decision.votes {
            text.push_str(&format!(" {}/{}/{}", v.yes, v.no, v.abstain));
        }
        if let Some(amount) = decision.amount {
            text.push_str(&format!(", {}", amount.format_de()));
        }
        let text = sanitize_line(&text).into_owned();
        out.push(field_line(lang, theme, Text::DetailDecision, text));
    }
    for step in course.steps.iter().rev().take(STEPS_SHOWN) {
        let text = format!(
            "{} {} → {} ({})",
            format_date_de(step.date),
            lang.status(step.from),
            lang.status(step.to),
            step.who
        );
        let text = sanitize_line(&text).into_owned();
        out.push(field_line(lang, theme, Text::DetailStep, text));
    }
    for deadline in course.deadlines.iter().filter(|d| d.done.is_none()) {
        let text = format!("{} {}", deadline.kind.name(), format_date_de(deadline.due));
        let mut line = field_line(lang, theme, Text::DetailDeadline, text);
        if app
            .pane
            .today
            .is_some_and(|today| deadline.is_overdue(today))
        {
            line.push_span(Span::styled(
                format!("  ! {}", lang.t(Text::DetailOverdue)),
                theme.warning(),
            ));
        }
        out.push(line);
    }
    out
}
