//! The measure table: the measures linked to the selected goal (for a goal with sub-goals, also
//! theirs, with the sub-goal's code). `★` marks rows where this goal is the measure's primary
//! goal. Columns that do not fit are left out, least important first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane_block, row_style, scroll_offset};
use crate::app::keymap::{self, Context};
use crate::app::{Action, App, Focus, Node, SortColumn};
use crate::i18n::{Lang, Text, fill};
use chrono::NaiveDate;

use crate::app::measures::{Cached, overdue};
use crate::model::{Status, format_date_de};
use crate::text::{cell, cell_right, sanitize_line, width};

/// One column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Via,
    Title,
    Organisation,
    Fund,
    Approved,
    Status,
    Runtime,
}

/// The title column's least width; the other columns are added while it keeps this.
const TITLE_MIN: usize = 18;
/// Longest Träger shown; longer ones are cut.
const ORGANISATION_MAX: usize = 16;
/// Longest goal code shown in the *Ziel* column.
const VIA_MAX: usize = 6;

impl Column {
    fn header(self) -> Text {
        match self {
            Column::Via => Text::HeaderGoal,
            Column::Title => Text::FieldTitle,
            Column::Organisation => Text::FieldOrganisation,
            Column::Fund => Text::FieldFund,
            Column::Approved => Text::FieldApproved,
            Column::Status => Text::FieldStatus,
            Column::Runtime => Text::FieldRuntime,
        }
    }

    fn sort(self) -> Option<SortColumn> {
        Some(match self {
            Column::Via => return None,
            Column::Title => SortColumn::Title,
            Column::Organisation => SortColumn::Organisation,
            Column::Fund => SortColumn::Fund,
            Column::Approved => SortColumn::Approved,
            Column::Status => SortColumn::Status,
            Column::Runtime => SortColumn::Runtime,
        })
    }
}

/// The columns that fit into `width` (besides the 2-column marker), in display order, and the
/// title column's width. `natural` is each column's width (header or widest value); the title
/// gets all that the others leave.
fn layout(width: usize, with_via: bool, natural: impl Fn(Column) -> usize) -> (Vec<Column>, usize) {
    // Most important first; each is added while the title keeps its minimum width.
    let priority = [
        Column::Approved,
        Column::Status,
        Column::Fund,
        Column::Organisation,
        Column::Runtime,
    ];
    let others = |cols: &[Column]| {
        cols.iter()
            .filter(|c| **c != Column::Title)
            .map(|c| natural(*c) + 1)
            .sum::<usize>()
    };
    let mut chosen = vec![Column::Title];
    if with_via {
        chosen.push(Column::Via);
    }
    for column in priority {
        let mut trial = chosen.clone();
        trial.push(column);
        if others(&trial) + TITLE_MIN + 3 <= width {
            chosen = trial;
        }
    }
    let order = [
        Column::Via,
        Column::Title,
        Column::Organisation,
        Column::Fund,
        Column::Approved,
        Column::Status,
        Column::Runtime,
    ];
    let columns: Vec<Column> = order.into_iter().filter(|c| chosen.contains(c)).collect();
    let title = width.saturating_sub(others(&columns) + 3).max(1);
    (columns, title)
}

/// What an empty table says, naming the keys that work from the focused pane (from the keymap):
/// `a` adds a measure in the measure pane, but a goal in the tree, so there it is `Tab, dann a`.
fn empty_hint(app: &App) -> String {
    let lang = app.lang;
    let key = |context: Context, action: Action| {
        keymap::bindings_of(context)
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

/// The widest status label of the shown rows in this language.
fn status_width(statuses: u32, lang: Lang) -> usize {
    Status::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| statuses & (1 << i) != 0)
        .map(|(_, s)| width(status_label(*s, lang)))
        .max()
        .unwrap_or(0)
}

/// The status as shown in this language.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::De => status.name(),
        Lang::En => status.english(),
    }
}

/// `01.03.2026–31.12.2027`, open ends left empty.
pub fn runtime(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (None, None) => String::new(),
        (start, end) => format!(
            "{}–{}",
            start.map(format_date_de).unwrap_or_default(),
            end.map(format_date_de).unwrap_or_default()
        ),
    }
}

/// Whether the measure is overdue on the pane's day.
fn is_overdue(app: &App, measure: &Cached) -> bool {
    app.pane
        .today
        .is_some_and(|today| overdue(measure.status, measure.end, today))
}

/// One cell. `mark` is the column where an overdue measure shows `!` (none: the marker column).
fn value(
    app: &App,
    column: Column,
    measure: &Cached,
    via: &str,
    width: usize,
    mark: Option<Column>,
) -> String {
    let overdue = is_overdue(app, measure);
    match column {
        Column::Status if overdue && mark == Some(Column::Status) => {
            let label = format!("! {}", status_label(measure.status, app.lang));
            cell(&label, width)
        }
        Column::Runtime if overdue && mark == Some(Column::Runtime) => {
            let start = measure.start.map(format_date_de).unwrap_or_default();
            let end = measure.end.map(format_date_de).unwrap_or_default();
            cell(&format!("{start}–!{end}"), width)
        }
        Column::Via => cell(via, width),
        Column::Title => cell(&measure.title, width),
        Column::Organisation => cell(&measure.organisation, width),
        Column::Fund => cell(measure.fund.map_or("", |f| f.name()), width),
        Column::Approved => cell_right(
            &measure.approved.map(|c| c.format_de()).unwrap_or_default(),
            width,
        ),
        Column::Status => cell(status_label(measure.status, app.lang), width),
        Column::Runtime => cell(&runtime(measure.start, measure.end), width),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let node = app.tree.selected_node();
    let goal = app.tree.selected();
    let mut title = format!(" {}", lang.t(Text::PaneMeasures));
    match (node, goal) {
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
    // The goal column: under a goal with sub-goals, and under `Alle Maßnahmen` (primary goal).
    let with_via = node == Node::All || goal.is_some_and(|g| app.tree.goal_has_children(g.id));
    let widths = app.pane.widths;
    let header =
        |c: Column| width(lang.t(c.header())) + usize::from(c.sort() == Some(app.pane.sort));
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
        .map(|s| width(status_label(*s, lang)) + 2)
        .max()
        .unwrap_or(0);
    let natural = |c: Column, mark: Option<Column>| {
        let content = match c {
            Column::Via => via_width,
            Column::Title => TITLE_MIN,
            Column::Organisation => widths.organisation.min(ORGANISATION_MAX),
            Column::Fund => widths.fund,
            Column::Approved => widths.approved,
            Column::Status if widths.overdue && mark == Some(Column::Status) => {
                status_width(widths.statuses, lang).max(overdue_status)
            }
            Column::Status => status_width(widths.statuses, lang),
            Column::Runtime => widths.runtime + usize::from(widths.overdue),
        };
        content.max(header(c))
    };
    let inner_width = area.width.saturating_sub(2) as usize;
    let mut mark = Some(Column::Runtime);
    let (mut columns, mut title_width) = layout(inner_width, with_via, |c| natural(c, mark));
    if !columns.contains(&Column::Runtime) {
        let with_status = layout(inner_width, with_via, |c| natural(c, Some(Column::Status)));
        if with_status.0.contains(&Column::Status) {
            mark = Some(Column::Status);
            (columns, title_width) = with_status;
        } else {
            // The mark must not push the status out: keep the first layout, mark in `★!`.
            mark = None;
        }
    }
    let width_of = |c: Column| {
        if c == Column::Title {
            title_width
        } else {
            natural(c, mark)
        }
    };
    // Sorted by a column that does not fit: the title says which.
    if !columns.iter().any(|c| c.sort() == Some(app.pane.sort)) {
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
    let block = pane_block(app, Line::from(title), Focus::Measures);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let mut header = vec![Span::raw("  ")];
    for column in &columns {
        let mut name = lang.t(column.header()).to_string();
        if column.sort() == Some(app.pane.sort) {
            name.push('▼');
        }
        header.push(Span::styled(
            cell(&name, width_of(*column)),
            app.theme.label(),
        ));
        header.push(Span::raw(" "));
    }
    let mut lines = vec![Line::from(header)];

    let height = (inner.height as usize).saturating_sub(1);
    let offset = scroll_offset(
        app.view.table_offset.get(),
        app.pane.selected,
        height,
        app.pane.rows.len(),
    );
    app.view.table_offset.set(offset);
    if !app.measures_loaded {
        lines.push(Line::styled(lang.t(Text::LoadingMeasures), app.theme.dim()));
    } else if app.pane.rows.is_empty() {
        lines.push(Line::styled(empty_hint(app), app.theme.dim()));
    }
    for (index, row) in app.pane.rows.iter().enumerate().skip(offset).take(height) {
        let Some(measure) = app.row(row.id) else {
            continue;
        };
        let marker = match (row.primary, mark.is_none() && is_overdue(app, measure)) {
            (true, false) => "★ ",
            (true, true) => "★!",
            (false, false) => "  ",
            (false, true) => " !",
        };
        let via = row.via.map_or_else(|| "–".to_string(), |g| app.code_of(g));
        let mut spans = vec![Span::raw(marker)];
        for column in &columns {
            spans.push(Span::raw(value(
                app,
                *column,
                measure,
                &via,
                width_of(*column),
                mark,
            )));
            spans.push(Span::raw(" "));
        }
        let style = row_style(app, index == app.pane.selected, Focus::Measures);
        lines.push(Line::from(spans).style(style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The widths the columns had before they were fitted to their content.
    fn fixed(c: Column) -> usize {
        match c {
            Column::Via => 6,
            Column::Title => TITLE_MIN,
            Column::Organisation => 16,
            Column::Fund => 13,
            Column::Approved => 14,
            Column::Status => 11,
            Column::Runtime => 21,
        }
    }

    #[test]
    fn narrow_tables_keep_title_amount_and_status() {
        let (columns, title) = layout(48, false, fixed);
        assert!(columns.contains(&Column::Approved) && columns.contains(&Column::Status));
        assert!(!columns.contains(&Column::Runtime));
        assert!(title >= 18);
        let (wide, _) = layout(140, true, fixed);
        assert_eq!(wide.len(), 7);
    }

    #[test]
    fn the_title_gets_every_column_the_others_do_not_need() {
        // At 80x24 the table is 48 wide: amounts of 11 columns and statuses of 7 leave the
        // title 48 - 2 (marker) - 1 - 12 - 10 = 23 columns (18 with the old fixed widths).
        let natural = |c: Column| match c {
            Column::Approved => 11,
            Column::Status => 9,
            other => fixed(other),
        };
        let (columns, title) = layout(48, false, natural);
        assert_eq!(columns, [Column::Title, Column::Approved, Column::Status]);
        assert_eq!(title, 23);
        let used: usize = 2 + title + 1 + 12 + 10;
        assert_eq!(used, 48, "no column left empty at the right");
        assert_eq!(layout(48, false, fixed).1, 18);
    }
}
