//! The measure table's columns: which fit a pane of a given width, how wide each is, and the
//! text of each cell.

use chrono::NaiveDate;

use crate::app::measures::{Cached, overdue};
use crate::app::{App, SortColumn};
use crate::i18n::{Lang, Text};
use crate::model::{Status, format_date_de};
use crate::text::{cell, cell_right, width};

/// One column of the measure table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TableColumn {
    Via,
    Title,
    Organisation,
    Fund,
    Approved,
    Status,
    Runtime,
}

/// The title column's least width; the other columns are added while it keeps this.
pub(super) const TITLE_MIN: usize = 18;
/// Longest Träger shown; longer ones are cut.
pub(super) const ORGANISATION_MAX: usize = 16;
/// Longest goal code shown in the *Ziel* column.
pub(super) const VIA_MAX: usize = 6;

impl TableColumn {
    pub(super) fn header(self) -> Text {
        match self {
            TableColumn::Via => Text::HeaderGoal,
            TableColumn::Title => Text::FieldTitle,
            TableColumn::Organisation => Text::FieldOrganisation,
            TableColumn::Fund => Text::FieldFund,
            TableColumn::Approved => Text::FieldApproved,
            TableColumn::Status => Text::FieldStatus,
            TableColumn::Runtime => Text::FieldRuntime,
        }
    }

    pub(super) fn sort(self) -> Option<SortColumn> {
        Some(match self {
            TableColumn::Via => return None,
            TableColumn::Title => SortColumn::Title,
            TableColumn::Organisation => SortColumn::Organisation,
            TableColumn::Fund => SortColumn::Fund,
            TableColumn::Approved => SortColumn::Approved,
            TableColumn::Status => SortColumn::Status,
            TableColumn::Runtime => SortColumn::Runtime,
        })
    }
}

/// The columns that fit into `width` (besides the 2-column marker), in display order, and the
/// title column's width. `natural` is each column's width (header or widest value); the title
/// gets all that the others leave.
pub(super) fn layout(
    width: usize,
    with_via: bool,
    natural: impl Fn(TableColumn) -> usize,
) -> (Vec<TableColumn>, usize) {
    // Most important first; each is added while the title keeps its minimum width.
    let priority = [
        TableColumn::Approved,
        TableColumn::Status,
        TableColumn::Fund,
        TableColumn::Organisation,
        TableColumn::Runtime,
    ];
    let others = |cols: &[TableColumn]| {
        cols.iter()
            .filter(|c| **c != TableColumn::Title)
            .map(|c| natural(*c) + 1)
            .sum::<usize>()
    };
    let mut chosen = vec![TableColumn::Title];
    if with_via {
        chosen.push(TableColumn::Via);
    }
    for column in priority {
        let mut trial = chosen.clone();
        trial.push(column);
        if others(&trial) + TITLE_MIN + 3 <= width {
            chosen = trial;
        }
    }
    let order = [
        TableColumn::Via,
        TableColumn::Title,
        TableColumn::Organisation,
        TableColumn::Fund,
        TableColumn::Approved,
        TableColumn::Status,
        TableColumn::Runtime,
    ];
    let columns: Vec<TableColumn> = order.into_iter().filter(|c| chosen.contains(c)).collect();
    let title = width.saturating_sub(others(&columns) + 3).max(1);
    (columns, title)
}

/// The widest status label of the shown rows in this language.
pub(super) fn status_width(statuses: u32, lang: Lang) -> usize {
    Status::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| statuses & (1 << i) != 0)
        .map(|(_, s)| width(lang.status(*s)))
        .max()
        .unwrap_or(0)
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
pub(super) fn is_overdue(app: &App, measure: &Cached) -> bool {
    app.pane
        .today
        .is_some_and(|today| overdue(measure.status, measure.end, today))
}

/// One cell. `mark` is the column where an overdue measure shows `!` (none: the marker column).
pub(super) fn value(
    app: &App,
    column: TableColumn,
    measure: &Cached,
    via: &str,
    width: usize,
    mark: Option<TableColumn>,
) -> String {
    let overdue = is_overdue(app, measure);
    match column {
        TableColumn::Status if overdue && mark == Some(TableColumn::Status) => {
            let label = format!("! {}", app.lang.status(measure.status));
            cell(&label, width)
        }
        TableColumn::Runtime if overdue && mark == Some(TableColumn::Runtime) => {
            let start = measure.start.map(format_date_de).unwrap_or_default();
            let end = measure.end.map(format_date_de).unwrap_or_default();
            cell(&format!("{start}–!{end}"), width)
        }
        TableColumn::Via => cell(via, width),
        TableColumn::Title => cell(&measure.title, width),
        TableColumn::Organisation => cell(&measure.organisation, width),
        TableColumn::Fund => cell(measure.fund.map_or("", |f| f.name()), width),
        TableColumn::Approved => cell_right(
            &measure.approved.map(|c| c.format_de()).unwrap_or_default(),
            width,
        ),
        TableColumn::Status => cell(app.lang.status(measure.status), width),
        TableColumn::Runtime => cell(&runtime(measure.start, measure.end), width),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The widths the columns had before they were fitted to their content.
    fn fixed(c: TableColumn) -> usize {
        match c {
            TableColumn::Via => 6,
            TableColumn::Title => TITLE_MIN,
            TableColumn::Organisation => 16,
            TableColumn::Fund => 13,
            TableColumn::Approved => 14,
            TableColumn::Status => 11,
            TableColumn::Runtime => 21,
        }
    }

    #[test]
    fn narrow_tables_keep_title_amount_and_status() {
        let (columns, title) = layout(48, false, fixed);
        assert!(columns.contains(&TableColumn::Approved) && columns.contains(&TableColumn::Status));
        assert!(!columns.contains(&TableColumn::Runtime));
        assert!(title >= 18);
        let (wide, _) = layout(140, true, fixed);
        assert_eq!(wide.len(), 7);
    }

    #[test]
    fn the_title_gets_every_column_the_others_do_not_need() {
        // At 80x24 the table is 48 wide: amounts of 11 columns and statuses of 7 leave the
        // title 48 - 2 (marker) - 1 - 12 - 10 = 23 columns (18 with the old fixed widths).
        let natural = |c: TableColumn| match c {
            TableColumn::Approved => 11,
            TableColumn::Status => 9,
            other => fixed(other),
        };
        let (columns, title) = layout(48, false, natural);
        assert_eq!(
            columns,
            [
                TableColumn::Title,
                TableColumn::Approved,
                TableColumn::Status
            ]
        );
        assert_eq!(title, 23);
        let used: usize = 2 + title + 1 + 12 + 10;
        assert_eq!(used, 48, "no column left empty at the right");
        assert_eq!(layout(48, false, fixed).1, 18);
    }
}
