//! The measure table: the measures linked to the selected goal (for a goal with sub-goals, also
//! theirs, with the sub-goal's code). `★` marks rows where this goal is the measure's primary
//! goal. Columns that do not fit are left out, least important first. A measure a colleague
//! has open in a form shows `✎ anna` at the end of its title.
//!
//! A ratatui [`Table`]. The app owns the scroll offset ([`crate::app::ViewState`]); only the
//! rows on screen are built (a goal can have thousands of measures), and the table draws them
//! with the selection relative to that window, so nothing flows back from drawing.

mod columns;
mod first_run;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState};

pub use columns::runtime;
use columns::{
    ORGANISATION_MAX, TITLE_MIN, TableColumn, VIA_MAX, is_overdue, layout, status_width, value,
};

use super::{Theme, pane_block, selected_style};
use crate::app::keymap::{self, Context};
use crate::app::{Action, App, Focus, Node};
use crate::i18n::{Text, fill};
use crate::model::Status;
use crate::text::{cell, sanitize_line, truncate, width};

/// The columns chosen for a pane width and how wide each is drawn.
struct Fitted {
    columns: Vec<TableColumn>,
    title_width: usize,
    /// Where an overdue measure shows `!`: before the end date, before the status, or (none)
    /// in the marker column.
    mark: Option<TableColumn>,
    natural: Box<dyn Fn(TableColumn, Option<TableColumn>) -> usize>,
}

impl Fitted {
    fn width_of(&self, column: TableColumn) -> usize {
        if column == TableColumn::Title {
            self.title_width
        } else {
            (self.natural)(column, self.mark)
        }
    }
}

/// Lays the columns out for a table `inner_width` wide.
fn fit(app: &App, with_via: bool, inner_width: usize) -> Fitted {
    let lang = app.lang;
    let widths = app.pane.widths;
    let sort = app.pane.sort;
    let via_width = app
        .tree
        .goals()
        .iter()
        .map(|g| width(&sanitize_line(&g.code)))
        .max()
        .unwrap_or(0)
        .min(VIA_MAX);
    // The overdue mark `!` goes before the end date; when the *Laufzeit* column does not fit,
    // before the status; when that does not fit either, into the marker column (`★!`). Lay out
    // assuming the first, again if it did not fit.
    let overdue_status = [Status::Laufend, Status::Bewilligt]
        .iter()
        .map(|s| width(lang.status(*s)) + 2)
        .max()
        .unwrap_or(0);
    let natural = move |c: TableColumn, mark: Option<TableColumn>| {
        let content = match c {
            TableColumn::Via => via_width,
            TableColumn::Title => TITLE_MIN,
            TableColumn::Organisation => widths.organisation.min(ORGANISATION_MAX),
            TableColumn::Fund => widths.fund,
            TableColumn::Approved => widths.approved,
            TableColumn::Status if widths.overdue && mark == Some(TableColumn::Status) => {
                status_width(widths.statuses, lang).max(overdue_status)
            }
            TableColumn::Status => status_width(widths.statuses, lang),
            TableColumn::Runtime => widths.runtime + usize::from(widths.overdue),
        };
        content.max(width(lang.t(c.header())) + usize::from(c.sort() == Some(sort)))
    };
    let mut mark = Some(TableColumn::Runtime);
    let (mut columns, mut title_width) = layout(inner_width, with_via, |c| natural(c, mark));
    if !columns.contains(&TableColumn::Runtime) {
        let with_status = layout(inner_width, with_via, |c| {
            natural(c, Some(TableColumn::Status))
        });
        if with_status.0.contains(&TableColumn::Status) {
            mark = Some(TableColumn::Status);
            (columns, title_width) = with_status;
        } else {
            // The mark must not push the status out: keep the first layout, mark in `★!`.
            mark = None;
        }
    }
    Fitted {
        columns,
        title_width,
        mark,
        natural: Box::new(natural),
    }
}

/// ` Maßnahmen · 1.2 (4) `, with the sort column named when its column is not shown.
fn title(app: &App, fitted: &Fitted, inner_width: usize) -> String {
    let lang = app.lang;
    let mut title = format!(" {}", lang.t(Text::PaneMeasures));
    match (app.tree.selected_node(), app.tree.selected()) {
        (Node::Goal(_), Some(goal)) => title.push_str(&format!(" · {}", sanitize_line(&goal.code))),
        (Node::Orphans, _) => title.push_str(&format!(" · {}", lang.t(Text::PaneOrphans))),
        _ => title.push_str(&format!(" · {}", lang.t(Text::PaneAll))),
    }
    let shown = app.pane.rows.len();
    if app.pane.filter.is_active() {
        let count = fill(
            lang.t(Text::FilterHidden),
            &[("shown", &shown), ("total", &app.pane.unfiltered)],
        );
        title.push_str(&format!(" ({count})"));
    } else {
        title.push_str(&format!(" ({shown})"));
    }
    if !fitted
        .columns
        .iter()
        .any(|c| c.sort() == Some(app.pane.sort))
    {
        let column = lang.t(app.sort_label());
        let long = format!(
            " · {}",
            fill(lang.t(Text::PaneSortedBy), &[("column", &column)])
        );
        if width(&title) + width(&long) < inner_width {
            title.push_str(&long);
        } else {
            title.push_str(&format!(" · ▼{column}"));
        }
    }
    title.push(' ');
    title
}

/// What an empty table says, naming the keys that work from the focused pane (from the keymap):
/// `a` adds a measure in the measure pane, but a goal in the tree, so there it is `Tab, dann a`.
fn empty_hint(app: &App) -> String {
    let lang = app.lang;
    let key = |context: Context, action: Action| {
        app.keymap
            .bindings_of(context)
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(|k| keymap::display_key(k, lang))
            .unwrap_or_default()
    };
    if app.pane.filter.is_active() && app.pane.unfiltered > 0 {
        let keys = key(Context::Normal, Action::Filter);
        return fill(lang.t(Text::NoMeasureMatches), &[("keys", &keys)]);
    }
    let add = key(Context::Measures, Action::AddMeasure);
    let keys = if app.focus == Focus::Tree {
        let tab = key(Context::Normal, Action::FocusNext);
        fill(lang.t(Text::KeysThen), &[("first", &tab), ("second", &add)])
    } else {
        add
    };
    let text = if app.tree.selected_node() == Node::All {
        Text::NoMeasureAtAll
    } else {
        Text::NoMeasureForGoal
    };
    fill(lang.t(text), &[("keys", &keys)])
}

/// The header: column names, the sort column marked `▼`, after the marker column's two spaces.
fn header<'a>(app: &App, theme: Theme, fitted: &Fitted) -> Row<'a> {
    let cells = fitted.columns.iter().enumerate().map(|(i, column)| {
        let mut name = app.lang.t(column.header()).to_string();
        if column.sort() == Some(app.pane.sort) {
            name.push('▼');
        }
        let name = Span::styled(cell(&name, fitted.width_of(*column)), theme.label());
        if i == 0 {
            Line::from(vec![Span::raw("  "), name])
        } else {
            Line::from(name)
        }
    });
    Row::new(cells)
}

/// Widest name in an editing mark (`✎ annabell…`).
const EDITOR_MAX: usize = 10;

/// `✎ anna` for the end of the title of a measure that `name` has open in a form, with the
/// name cut to [`EDITOR_MAX`] columns; when that would take more than half of the title
/// column, `✎` alone.
pub(super) fn editing_mark(name: &str, title_width: usize) -> String {
    let full = format!(" ✎ {}", truncate(&sanitize_line(name), EDITOR_MAX));
    if width(&full) * 2 <= title_width {
        full
    } else {
        " ✎".to_string()
    }
}

/// The title cell: the title, and the editing mark when a colleague has the measure open.
fn title_cell(
    app: &App,
    theme: Theme,
    measure: &crate::app::measures::Cached,
    title_width: usize,
) -> Vec<Span<'static>> {
    let value = |w| value(app, TableColumn::Title, measure, "", w, None);
    match app.edited_by(measure.id) {
        Some(name) if title_width > 2 => {
            let mark = editing_mark(name, title_width);
            let title = value(title_width - width(&mark));
            vec![Span::raw(title), Span::styled(mark, theme.warning())]
        }
        _ => vec![Span::raw(value(title_width))],
    }
}

/// The rows from the app's offset that fit into `height`, and which of them is selected.
fn body<'a>(
    app: &App,
    theme: Theme,
    fitted: &Fitted,
    height: usize,
) -> (Vec<Row<'a>>, Option<usize>) {
    let mut rows = Vec::with_capacity(height);
    let mut selected = None;
    let window = app.pane.rows.iter().enumerate().skip(app.view.table_offset);
    for (index, row) in window.take(height) {
        let Some(measure) = app.row(row.id) else {
            continue;
        };
        let marker = match (
            row.primary,
            fitted.mark.is_none() && is_overdue(app, measure),
        ) {
            (true, false) => "★ ",
            (true, true) => "★!",
            (false, false) => "  ",
            (false, true) => " !",
        };
        let via = row.via.map_or_else(|| "–".to_string(), |g| app.code_of(g));
        let cells = fitted.columns.iter().enumerate().map(|(i, column)| {
            let mut spans = if *column == TableColumn::Title {
                title_cell(app, theme, measure, fitted.title_width)
            } else {
                let text = value(
                    app,
                    *column,
                    measure,
                    &via,
                    fitted.width_of(*column),
                    fitted.mark,
                );
                vec![Span::raw(text)]
            };
            if i == 0 {
                spans.insert(0, Span::raw(marker));
            }
            Line::from(spans)
        });
        if index == app.pane.selected {
            selected = Some(rows.len());
        }
        rows.push(Row::new(cells));
    }
    (rows, selected)
}

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let node = app.tree.selected_node();
    let goal = app.tree.selected();
    // The goal column: under a goal with sub-goals, and under `Alle Maßnahmen` (primary goal).
    let with_via = node == Node::All || goal.is_some_and(|g| app.tree.goal_has_children(g.id));
    let inner_width = area.width.saturating_sub(2) as usize;
    let fitted = fit(app, with_via, inner_width);
    let title = title(app, &fitted, inner_width);
    let block = pane_block(app, theme, Line::from(title), Focus::Measures);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.first_run() {
        first_run::render(app, theme, frame, inner);
        return;
    }

    let height = (inner.height as usize).saturating_sub(1);
    let (rows, selected) = body(app, theme, &fitted, height);
    let widths = fitted.columns.iter().enumerate().map(|(i, column)| {
        let marker = if i == 0 { 2 } else { 0 };
        Constraint::Length((marker + fitted.width_of(*column)) as u16)
    });
    let table = Table::new(rows, widths)
        .header(header(app, theme, &fitted))
        .column_spacing(1)
        .row_highlight_style(selected_style(app, theme, Focus::Measures));
    frame.render_stateful_widget(table, inner, &mut TableState::new().with_selected(selected));

    let hint = if !app.measures_loaded || app.pane_waiting() {
        Some(app.lang.t(Text::LoadingMeasures).to_string())
    } else if app.pane.rows.is_empty() {
        Some(empty_hint(app))
    } else {
        None
    };
    if let Some(hint) = hint {
        let below_header = inner.rows().nth(1).unwrap_or_default();
        frame.render_widget(
            Paragraph::new(Line::styled(hint, theme.dim())),
            below_header,
        );
    }
}

#[cfg(test)]
mod tests;
