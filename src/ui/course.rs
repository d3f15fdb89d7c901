//! The Verlauf overlay (`v`, issue 15): a measure's status steps (date, from → to, who, note)
//! and decisions (session date and body, outcome, votes, amount, conditions), newest first.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use crate::app::App;
use crate::i18n::{Text, fill};
use crate::model::format_date_de;
use crate::text::sanitize_line;

/// One entry of the Verlauf: its date, an order among entries of the same date (newer
/// first), and its line.
type Entry<'a> = (Option<NaiveDate>, u64, Line<'a>);

pub fn render(app: &App, theme: Theme, scroll: u16, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let title = app.detail().measure().map_or(String::new(), |m| {
        let quoted = format!("{} „{}“", m.id, sanitize_line(&m.title));
        fill(lang.t(Text::CourseTitle), &[("measure", &quoted)])
    });
    let inner = super::popup::framed(frame, theme, &title, area);
    let course = app.detail().course();
    let mut entries: Vec<Entry> = Vec::new();
    for step in &course.steps {
        let mut text = format!(
            "{} → {}  ({})",
            lang.status(step.from),
            lang.status(step.to),
            step.who
        );
        if !step.note.is_empty() {
            text.push_str(&format!("  {}", step.note));
        }
        let line = Line::from(vec![
            Span::styled(format!("{}  ", format_date_de(step.date)), theme.dim()),
            Span::raw(sanitize_line(&text).into_owned()),
        ]);
        // Steps after decisions of the same day: the decision usually comes first.
        entries.push((Some(step.date), u64::MAX / 2 + step.id.0, line));
    }
    for (decision, session) in &course.decisions {
        let date = session.as_ref().map(|s| s.date);
        let mut text = match session {
            Some(s) => format!("{}: {}", s.body.name(), decision.outcome.name()),
            None => format!("{}: {}", decision.session, decision.outcome.name()),
        };
        if let Some(v) = decision.votes {
            text.push_str(&format!(" {}/{}/{}", v.yes, v.no, v.abstain));
        }
        if let Some(amount) = decision.amount {
            text.push_str(&format!(", {}", amount.format_de()));
        }
        if !decision.conditions.is_empty() {
            text.push_str(&format!(" – {}", decision.conditions));
        }
        let line = Line::from(vec![
            Span::styled(
                format!("{}  ", date.map(format_date_de).unwrap_or_default()),
                theme.dim(),
            ),
            Span::styled(sanitize_line(&text).into_owned(), theme.label()),
        ]);
        entries.push((date, decision.id.0, line));
    }
    entries.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
    let mut lines: Vec<Line> = entries.into_iter().map(|(_, _, line)| line).collect();
    if lines.is_empty() {
        lines.push(Line::styled(lang.t(Text::CourseNone), theme.dim()));
    }
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
}

/// The dialog of `S`: the status so far, the new one (`↑`/`↓`), date and note, and the problem
/// of the last try or the warning of a step off the usual course.
pub fn status_dialog(
    app: &App,
    theme: Theme,
    dialog: &crate::app::StatusDialog,
    frame: &mut Frame,
    area: Rect,
) {
    use crate::app::StatusField;
    use crate::text::cell;
    use ratatui::layout::Position;
    let lang = app.lang;
    let rect = super::popup::centered(area, 64, 10);
    frame.render_widget(Clear, rect);
    let title = fill(
        lang.t(Text::StatusDialogTitle),
        &[("measure", &dialog.measure)],
    );
    let block = super::popup::popup_block(theme, format!(" {title} "));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    const LABEL: usize = 8;
    let label = |text: Text| Span::styled(cell(lang.t(text), LABEL), theme.label());
    let field = |text: Text, input: &tui_input::Input| {
        Line::from(vec![
            label(text),
            Span::raw(sanitize_line(input.value()).into_owned()),
        ])
    };
    let mut lines = vec![
        Line::from(vec![
            label(Text::StatusDialogFrom),
            Span::raw(lang.status(dialog.from)),
        ]),
        Line::from(vec![
            label(Text::StatusDialogTo),
            Span::styled(format!("◂ {} ▸", lang.status(dialog.to)), theme.selected()),
        ]),
        field(Text::FieldDate, &dialog.date),
        field(Text::FieldNotes, &dialog.note),
    ];
    let warning = crate::model::course_warning(dialog.from, dialog.to)
        .map(|w| crate::i18n::Localize::localize(&w, lang));
    match (&dialog.error, warning) {
        (Some(error), _) => lines.push(Line::styled(
            sanitize_line(error).into_owned(),
            theme.error(),
        )),
        (None, Some(warning)) => lines.push(Line::styled(format!("⚠ {warning}"), theme.warning())),
        (None, None) => {}
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
    let (row, input) = match dialog.field {
        StatusField::Date => (2, &dialog.date),
        StatusField::Note => (3, &dialog.note),
    };
    let x = inner.x + LABEL as u16 + input.visual_cursor() as u16;
    frame.set_cursor_position(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y + row,
    ));
}
