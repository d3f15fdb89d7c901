//! The measure table: the measures linked to the selected goal (for a goal with sub-goals, also
//! theirs, with the sub-goal's code). `★` marks rows where this goal is the measure's primary
//! goal. Columns that do not fit are left out, least important first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane_block, row_style, scroll_offset};
use crate::app::{App, Focus, Node, SortColumn};
use crate::i18n::{Lang, Text, fill};
use chrono::NaiveDate;

use crate::app::measures::Cached;
use crate::model::{Status, format_date_de};
use crate::text::{cell, cell_right, sanitize_line};

/// One column of the table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Via,
    Title,
    Organisation,
    Fund,
    Approved,
    Status,
    Runtime,
}

impl Column {
    fn width(self) -> usize {
        match self {
            Column::Via => 6,
            Column::Title => 18,
            Column::Organisation => 16,
            Column::Fund => 13,
            Column::Approved => 14,
            Column::Status => 11,
            Column::Runtime => 21,
        }
    }

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
/// title column's width.
fn layout(width: usize, with_via: bool) -> (Vec<Column>, usize) {
    // Most important first; each is added while the title keeps its minimum width.
    let priority = [
        Column::Approved,
        Column::Status,
        Column::Fund,
        Column::Organisation,
        Column::Runtime,
    ];
    let mut chosen = vec![Column::Title];
    if with_via {
        chosen.push(Column::Via);
    }
    let used = |cols: &[Column]| cols.iter().map(|c| c.width() + 1).sum::<usize>() + 2;
    for column in priority {
        let mut trial = chosen.clone();
        trial.push(column);
        if used(&trial) <= width {
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
    let others: usize = columns
        .iter()
        .filter(|c| **c != Column::Title)
        .map(|c| c.width() + 1)
        .sum();
    let title = width.saturating_sub(others + 3).max(1);
    (columns, title)
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

fn value(app: &App, column: Column, measure: &Cached, via: &str, width: usize) -> String {
    match column {
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
    title.push(' ');
    let block = pane_block(app, Line::from(title), Focus::Measures);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The goal column: under a goal with sub-goals, and under `Alle Maßnahmen` (primary goal).
    let with_via =
        node == Node::All || goal.is_some_and(|g| app.tree.goal_has_children(g.id));
    let (columns, title_width) = layout(inner.width as usize, with_via);
    let width_of = |c: Column| {
        if c == Column::Title {
            title_width
        } else {
            c.width()
        }
    };

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
    app.view.table_height.set(height);
    if !app.measures_loaded {
        lines.push(Line::styled(lang.t(Text::LoadingMeasures), app.theme.dim()));
    } else if app.pane.rows.is_empty() {
        lines.push(Line::styled(
            lang.t(Text::NoMeasureForGoal),
            app.theme.dim(),
        ));
    }
    for (index, row) in app.pane.rows.iter().enumerate().skip(offset).take(height) {
        let Some(measure) = app.row(row.id) else {
            continue;
        };
        let marker = if row.primary { "★ " } else { "  " };
        let via = row.via.map_or_else(|| "–".to_string(), |g| app.code_of(g));
        let mut spans = vec![Span::raw(marker)];
        for column in &columns {
            spans.push(Span::raw(value(
                app,
                *column,
                measure,
                &via,
                width_of(*column),
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

    #[test]
    fn narrow_tables_keep_title_amount_and_status() {
        let (columns, title) = layout(48, false);
        assert!(columns.contains(&Column::Approved) && columns.contains(&Column::Status));
        assert!(!columns.contains(&Column::Runtime));
        assert!(title >= 18);
        let (wide, _) = layout(140, true);
        assert_eq!(wide.len(), 7);
    }
}
