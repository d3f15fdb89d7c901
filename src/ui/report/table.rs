//! A report table ([`Section`]) drawn as a bordered ratatui table: the columns and rows of
//! `quartier report`, each column as wide as its content (at most the column's `max`), numbers
//! right-aligned, totals and strategic goals in the label style.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget};

use super::section;
use crate::app::App;
use crate::i18n::Text;
use crate::report::table::{Emphasis, ReportRow, Section};
use crate::text::{cell, cell_right, sanitize_line, width};
use crate::ui::Theme;

/// Columns between two table columns (ratatui's default spacing).
const SPACING: u16 = 1;

/// A report section ready to draw, with the width and height it needs.
pub(super) struct SectionTable<'a> {
    app: &'a App,
    theme: Theme,
    section: Section,
    widths: Vec<u16>,
}

/// The first cell of a row, indented by the goal depth.
fn first_cell(row: &ReportRow, text: &str) -> String {
    format!("{}{text}", "  ".repeat(row.depth.min(4)))
}

/// The text of cell `index` of `row` as drawn (before padding).
fn cell_text(row: &ReportRow, index: usize) -> String {
    let text = sanitize_line(row.cells.get(index).map_or("", String::as_str)).into_owned();
    if index == 0 {
        first_cell(row, &text)
    } else {
        text
    }
}

impl<'a> SectionTable<'a> {
    /// Measures every column of `section`.
    pub(super) fn new(app: &'a App, theme: Theme, section: Section) -> SectionTable<'a> {
        let widths = (section.columns.iter().enumerate())
            .map(|(index, column)| {
                let content = (section.rows.iter())
                    .map(|row| width(&cell_text(row, index)))
                    .max()
                    .unwrap_or(0)
                    .min(column.max);
                content.max(width(&column.title)) as u16
            })
            .collect();
        SectionTable {
            app,
            theme,
            section,
            widths,
        }
    }

    /// Columns the bordered table needs.
    pub(super) fn width(&self) -> u16 {
        let gaps = SPACING * self.widths.len().saturating_sub(1) as u16;
        self.widths.iter().sum::<u16>() + gaps + 2
    }

    /// Rows the bordered table needs: header and rows, or one line saying there is nothing.
    pub(super) fn height(&self) -> u16 {
        if self.section.rows.is_empty() {
            3
        } else {
            self.section.rows.len() as u16 + 3
        }
    }

    /// Draws the table into `area` of `buffer`.
    pub(super) fn render(self, area: Rect, buffer: &mut Buffer) {
        let theme = self.theme;
        let block = section(self.theme, self.section.title.clone());
        if self.section.rows.is_empty() {
            Paragraph::new(self.app.lang.t(Text::ReportNone))
                .style(theme.dim())
                .block(block)
                .render(area, buffer);
            return;
        }
        let columns = &self.section.columns;
        let fit = |index: usize, text: &str| {
            let columns_wide = self.widths[index] as usize;
            if columns[index].right {
                cell_right(text, columns_wide)
            } else {
                cell(text, columns_wide)
            }
        };
        let header =
            Row::new((columns.iter().enumerate()).map(|(i, c)| Cell::from(fit(i, &c.title))))
                .style(theme.label());
        let rows = self.section.rows.iter().map(|row| {
            let cells = (0..columns.len()).map(|i| Cell::from(fit(i, &cell_text(row, i))));
            let style = match row.emphasis {
                Emphasis::None => Style::default(),
                Emphasis::Heading | Emphasis::Total => theme.label(),
                Emphasis::Warning => theme.error(),
            };
            Row::new(cells).style(style)
        });
        Table::new(rows, self.widths.iter().map(|w| Constraint::Length(*w)))
            .column_spacing(SPACING)
            .header(header)
            .block(block)
            .render(area, buffer);
    }
}
