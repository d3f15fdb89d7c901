//! The *Sitzungen* view (`B`, issue 15) over the panes: the sessions, newest first (date, body,
//! number of decisions, sum agreed, note), the selected one highlighted; below, the decisions
//! of the selected session (measure, title, Träger, outcome, votes, amount).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Text as Lines};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::Theme;
use crate::app::App;
use crate::app::sessions::SessionsView;
use crate::i18n::{Localize, Text, fill};
use crate::model::{Cents, Field, format_date_de};
use crate::text::sanitize_line;

fn right(text: String) -> Cell<'static> {
    Cell::from(Lines::from(text).right_aligned())
}

/// Draws `view` over `area` (everything above the status bar).
pub fn render(app: &App, theme: Theme, view: &SessionsView, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let inner = super::popup::framed(frame, theme, lang.t(Text::SessionsTitle), area);
    if view.sessions.is_empty() {
        let empty = Paragraph::new(Line::styled(lang.t(Text::SessionsEmpty), theme.dim()));
        frame.render_widget(empty, inner);
        return;
    }
    let [top, heading, bottom] = Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Length(1),
        Constraint::Min(2),
    ])
    .areas(inner);
    let label = |field: Field| Cell::from(field.localize(lang));
    let header = Row::new([
        label(Field::Date),
        label(Field::Body),
        right(lang.t(Text::ColDecisions).to_string()),
        right(lang.t(Text::ColAgreedSum).to_string()),
        label(Field::Notes),
    ])
    .style(theme.label());
    let rows = view.sessions.iter().map(|row| {
        Row::new([
            Cell::from(format_date_de(row.session.date)),
            Cell::from(sanitize_line(row.session.body.name()).into_owned()),
            right(row.decisions.to_string()),
            right(row.agreed.format_de()),
            Cell::from(sanitize_line(&row.session.note).into_owned()),
        ])
    });
    let widths = [
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(15),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected());
    let mut state = TableState::default().with_selected(Some(view.selected));
    frame.render_stateful_widget(table, top, &mut state);
    let session = view.selected_session().map_or(String::new(), |s| {
        let name = format!("{} {}", format_date_de(s.date), s.body.name());
        sanitize_line(&name).into_owned()
    });
    let title = fill(lang.t(Text::SessionsDecisions), &[("session", &session)]);
    frame.render_widget(Paragraph::new(Line::styled(title, theme.label())), heading);
    decisions(app, theme, view, frame, bottom);
}

/// The decisions of the selected session.
fn decisions(app: &App, theme: Theme, view: &SessionsView, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    if view.decisions.is_empty() {
        let empty = Paragraph::new(Line::styled(lang.t(Text::SessionsNoDecisions), theme.dim()));
        frame.render_widget(empty, area);
        return;
    }
    let header = Row::new([
        Cell::from(lang.t(Text::ColMeasure)),
        Cell::from(Field::Title.localize(lang)),
        Cell::from(Field::Organisation.localize(lang)),
        Cell::from(lang.t(Text::ColOutcome)),
        Cell::from(lang.t(Text::ColVotesShort)),
        right(Field::Amount.localize(lang)),
    ])
    .style(theme.dim());
    let rows = view.decisions.iter().map(|row| {
        let d = &row.decision;
        let votes = d.votes.map_or(String::new(), |v| {
            format!("{}/{}/{}", v.yes, v.no, v.abstain)
        });
        Row::new([
            Cell::from(d.measure.to_string()),
            Cell::from(sanitize_line(&row.title).into_owned()),
            Cell::from(sanitize_line(&row.organisation).into_owned()),
            Cell::from(d.outcome.name()),
            Cell::from(votes),
            right(d.amount.map_or(String::new(), Cents::format_de)),
        ])
    });
    let widths = [
        Constraint::Length(6),
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Length(23),
        Constraint::Length(8),
        Constraint::Length(13),
    ];
    frame.render_widget(Table::new(rows, widths).header(header), area);
}
