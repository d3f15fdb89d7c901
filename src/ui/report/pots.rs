//! The tab *Töpfe* (issue 14): a bar per fund and year with a pot — how much of it is planned,
//! over budget in red — then per fund and year the pot, the approved instalments planned in
//! it, what was paid and what is free (over budget in red, saying by how much), then the pots
//! over budget and the plans that do not add up — the same tables `quartier report` prints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{LineGauge, Widget};

use super::section;
use super::table::SectionTable;
use crate::app::App;
use crate::i18n::Text;
use crate::report::pots::PotRow;
use crate::report::{Report, pot_sections};
use crate::ui::Theme;

/// The tab's bars and tables one below the other, `width` wide.
pub(super) fn pots(app: &App, theme: Theme, report: &Report, width: u16) -> Buffer {
    let tables = [
        pot_sections::pots(report, app.lang),
        pot_sections::pots_over_budget(report, app.lang),
        pot_sections::plan_mismatches(report, app.lang),
    ]
    .map(|section| SectionTable::new(app, theme, section));
    let with_pot: Vec<&PotRow> = report
        .pots
        .rows
        .iter()
        .filter(|r| r.pot.is_some())
        .collect();
    let bars_height = match with_pot.len() {
        0 => 0,
        n => n as u16 + 2,
    };
    let height = bars_height + tables.iter().map(SectionTable::height).sum::<u16>();
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
    if bars_height > 0 {
        let area = Rect::new(0, 0, width.min(tables[0].width().max(60)), bars_height);
        bars(app, theme, &with_pot, area, &mut buffer);
    }
    let mut y = bars_height;
    for table in tables {
        let area = Rect::new(0, y, table.width().min(width), table.height());
        y += table.height();
        table.render(area, &mut buffer);
    }
    buffer
}

/// Planned in per cent of the pot, a line per fund and year with a pot: full at 100 %, red
/// and saying by how much when over budget (the figure is there without colours too).
fn bars(app: &App, theme: Theme, rows: &[&PotRow], area: Rect, buffer: &mut Buffer) {
    let block = section(theme, app.lang.t(Text::ReportPotBars).into());
    let inner = block.inner(area);
    block.render(area, buffer);
    let labels: Vec<String> = rows.iter().map(|row| label(row)).collect();
    let label_width = labels
        .iter()
        .map(|l| crate::text::width(l))
        .max()
        .unwrap_or(0);
    for (i, (row, text)) in rows.iter().zip(labels).enumerate() {
        let line = Rect::new(inner.x, inner.y + i as u16, inner.width, 1);
        let pot = row.pot.map_or(0, |p| p.0).max(1) as f64;
        let ratio = (row.planned.0.max(0) as f64 / pot).clamp(0.0, 1.0);
        let style = match row.over_budget() {
            true => theme.error(),
            false => theme.bar(),
        };
        LineGauge::default()
            .ratio(ratio)
            .label(crate::text::cell(&text, label_width))
            .filled_symbol("█")
            .unfilled_symbol("░")
            .filled_style(style)
            .unfilled_style(theme.dim())
            .render(line, buffer);
    }
}

/// `Aktionsfonds 2026   92 %`, over budget `Projektfonds 2026  125 % -2.000,00 €`.
fn label(row: &PotRow) -> String {
    let pot = row.pot.map_or(0, |p| p.0);
    let percent = match pot {
        0 => "– %".to_string(),
        pot => format!("{} %", row.planned.0.max(0) as i128 * 100 / pot as i128),
    };
    let over = match row.free() {
        Some(free) if free.0 < 0 => format!(" {}", free.format_de()),
        _ => String::new(),
    };
    format!("{} {} {percent:>5}{over}", row.fund.name(), row.year)
}
