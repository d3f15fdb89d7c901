//! The history view (`H`) over the panes: one bordered box titled with the measure or goal,
//! each entry's time and who, what it did, and its changed fields old → new, wrapped to the
//! box (lines come from [`HistoryView::lines`], which the app also scrolls by).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::app::history_view::{HistoryView, LineKind};
use crate::i18n::{Text, fill};
use crate::text::{sanitize_line, truncate};

/// Draws the history of `view` over `area` (everything above the status bar).
pub fn render(app: &App, theme: Theme, view: &HistoryView, frame: &mut Frame, area: Rect) {
    let subject = sanitize_line(&view.subject);
    let title = fill(app.lang.t(Text::HistoryTitle), &[("subject", &subject)]);
    let room = area.width.saturating_sub(4) as usize;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(format!(" {} ", truncate(&title, room)));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let all = view.lines(inner.width as usize);
    // After a resize the scroll may lie past the end until the next key bounds it.
    let scroll = view
        .scroll
        .min(all.len().saturating_sub(inner.height as usize));
    let lines: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .map(|(kind, text)| {
            let style = match kind {
                LineKind::Head => theme.label(),
                LineKind::What => theme.normal(),
                LineKind::Change | LineKind::Note => theme.dim(),
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::super::render as render_screen;
    use super::*;
    use crate::app::Mode;
    use crate::app::tests::history::three_edits;
    use crate::app::tests::press;

    /// The fixture's `Lesepaten` with three edits, its history open, times fixed (they are
    /// the moment the test ran, in the machine's zone).
    fn open() -> crate::app::tests::Fixture {
        let mut f = three_edits();
        f.app.resize(80, 24);
        press(&mut f.app, "ljjj<Tab>H");
        let Mode::History(view) = &mut f.app.mode else {
            panic!("no history view");
        };
        for (n, item) in view.items.iter_mut().enumerate() {
            item.time = format!("2026-12-02 14:0{}", 9 - n);
        }
        f
    }

    fn draw(app: &App) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let theme = Theme::monochrome();
        terminal
            .draw(|frame| render_screen(app, theme, frame))
            .expect("draw");
        terminal
    }

    #[test]
    fn history_of_a_measure_80x24() {
        let f = open();
        insta::assert_snapshot!(draw(&f.app).backend());
    }

    #[test]
    fn a_scroll_past_the_end_after_a_resize_still_shows_the_last_lines() {
        let mut f = open();
        let Mode::History(view) = &mut f.app.mode else {
            panic!("no history view");
        };
        view.scroll = 50;
        let terminal = draw(&f.app);
        let buffer = terminal.backend().buffer();
        let row: String = (0..80).map(|x| buffer[(x, 1)].symbol()).collect();
        assert!(row.contains("2026-12-02 14:09  anna"), "{row}");
    }

    #[test]
    fn long_values_wrap_inside_the_box_and_hostile_text_is_dropped() {
        let mut f = open();
        let Mode::History(view) = &mut f.app.mode else {
            panic!("no history view");
        };
        view.items[0].who = "mallory\x1b[2J (über qmbuero)".into();
        let long = "sehr ".repeat(30);
        view.items[0].changes[0].new = long.trim().into();
        let terminal = draw(&f.app);
        let buffer = terminal.backend().buffer();
        let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert!(!text.contains('\x1b'));
        // Every row keeps its right border: nothing ran over the box.
        for y in 0..23 {
            assert_eq!(
                buffer[(79, y)].symbol(),
                if y == 0 {
                    "┐"
                } else if y == 22 {
                    "┘"
                } else {
                    "│"
                },
                "row {y}"
            );
        }
        assert!(
            text.contains("    sehr sehr"),
            "continuation lines keep the indent"
        );
    }
}
