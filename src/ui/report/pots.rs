//! The tab *Töpfe* (issue 14): per fund and year the pot, the approved instalments planned in
//! it, what was paid and what is free (over budget in red, saying by how much), then the pots
//! over budget and the plans that do not add up — the same tables `quartier report` prints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::table::SectionTable;
use crate::app::App;
use crate::report::{Report, pot_sections};
use crate::ui::Theme;

/// The tab's tables one below the other, `width` wide.
pub(super) fn pots(app: &App, theme: Theme, report: &Report, width: u16) -> Buffer {
    let tables = [
        pot_sections::pots(report, app.lang),
        pot_sections::pots_over_budget(report, app.lang),
        pot_sections::plan_mismatches(report, app.lang),
    ]
    .map(|section| SectionTable::new(app, theme, section));
    let height = tables.iter().map(SectionTable::height).sum();
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
    let mut y = 0;
    for table in tables {
        let area = Rect::new(0, y, table.width().min(width), table.height());
        y += table.height();
        table.render(area, &mut buffer);
    }
    buffer
}
