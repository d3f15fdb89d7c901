//! *Termine* (`T`, issue 15) over the panes: the open deadlines and coming sessions by due
//! date — the overdue ones first, in red — with how far off each is, its kind, measure and
//! note; the selected one highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::Theme;
use crate::app::App;
use crate::app::deadlines::{Termin, TermineView};
use crate::i18n::{Lang, Localize, Text, fill};
use crate::model::{Field, format_date_de};
use crate::text::sanitize_line;

/// `3 Tage überfällig`, `heute`, `in 12 Tagen`.
fn when(lang: Lang, entry: &Termin, today: chrono::NaiveDate) -> String {
    match (entry.date() - today).num_days() {
        0 => lang.t(Text::DueToday).to_string(),
        n if n < 0 => fill(lang.t(Text::DueDaysOver), &[("n", &-n)]),
        n => fill(lang.t(Text::DueDaysLeft), &[("n", &n)]),
    }
}

/// Draws `view` over `area` (everything above the status bar).
pub fn render(app: &App, theme: Theme, view: &TermineView, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let title = fill(
        lang.t(Text::TermineTitle),
        &[("today", &format_date_de(view.today))],
    );
    let inner = super::popup::framed(frame, theme, &title, area);
    if view.entries.is_empty() {
        let empty = Paragraph::new(Line::styled(lang.t(Text::TermineEmpty), theme.dim()));
        frame.render_widget(empty, inner);
        return;
    }
    let header = Row::new([
        Cell::from(Field::Due.localize(lang)),
        Cell::from(lang.t(Text::ColWhen)),
        Cell::from(Field::Kind.localize(lang)),
        Cell::from(lang.t(Text::ColMeasure)),
        Cell::from(Field::Notes.localize(lang)),
    ])
    .style(theme.label());
    // Only the rows on screen are built (thousands of deadlines): the page of the selection.
    let page = (inner.height.saturating_sub(1) as usize).max(1);
    let start = view.selected / page * page;
    let shown = &view.entries[start..(start + page).min(view.entries.len())];
    let rows = shown.iter().map(|entry| {
        let measure = entry.measure().map_or(String::new(), |m| m.to_string());
        let note = match (entry.title.is_empty(), entry.note()) {
            (true, note) => note,
            (false, note) if note.is_empty() => entry.title.clone(),
            (false, note) => format!("{} – {note}", entry.title),
        };
        let row = Row::new([
            Cell::from(format_date_de(entry.date())),
            Cell::from(when(lang, entry, view.today)),
            Cell::from(entry.kind().name()),
            Cell::from(measure),
            Cell::from(sanitize_line(&note).into_owned()),
        ]);
        match entry.is_overdue(view.today) {
            true => row.style(theme.error()),
            false => row,
        }
    });
    let widths = [
        Constraint::Length(10),
        Constraint::Length(18),
        Constraint::Length(19),
        Constraint::Length(8),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected());
    let mut state = TableState::default().with_selected(Some(view.selected - start));
    frame.render_stateful_widget(table, inner, &mut state);
}
