//! The report view (`R`): on the tab *Mittel* the approved sums per strategic goal as a bar
//! chart (thousand euro) and the totals per fund and per year; on the tab *Zielerreichung* a
//! gauge per goal and the lists that need attention. The content is drawn into an off-screen
//! buffer as tall as it needs and the visible rows are copied into the frame, so charts scroll
//! like text (`j`/`k`) at 80x24; at 100 columns and more the fund and year tables sit side by
//! side.

mod attainment;
mod course;
mod money;
mod pots;
mod table;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs};

use super::{Areas, Theme};
use crate::app::{App, ReportTab, ReportView};
use crate::i18n::{Text, fill};
use crate::report::ENDING_WITHIN_DAYS;
use crate::text::{cell_right, width};
use ratatui::buffer::Buffer;

/// Draws the report over `area` (everything above the status bar).
pub fn render(app: &App, theme: Theme, view: &ReportView, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let year = view.year.map_or_else(
        || lang.t(Text::ReportAllYears).to_string(),
        |y| y.to_string(),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused())
        .title(format!(" {} ", lang.t(Text::CtxReport)))
        .title(Line::from(format!(" ← {year} → ")).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let [head, body] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let titles = [
        lang.t(Text::ReportTabFunds),
        lang.t(Text::ReportAttainment),
        lang.t(Text::ReportTabPots),
        lang.t(Text::ReportTabDecisions),
        lang.t(Text::ReportTabDeadlines),
    ];
    // The titles with a space either side and a divider between two.
    let tabs_width =
        titles.iter().map(|t| width(t) as u16 + 2).sum::<u16>() + titles.len() as u16 - 1;
    let tabs = Tabs::new(titles)
        .select(match view.tab {
            ReportTab::Money => 0,
            ReportTab::Attainment => 1,
            ReportTab::Pots => 2,
            ReportTab::Decisions => 3,
            ReportTab::Deadlines => 4,
        })
        .highlight_style(theme.selected())
        .padding(" ", " ");
    let report = &view.report;
    let summary = fill(
        lang.t(Text::ReportSummary),
        &[
            ("measures", &report.measures),
            ("without", &report.measures_without_goal.len()),
            ("ending", &report.ending_soon.len()),
            ("days", &ENDING_WITHIN_DAYS),
        ],
    );
    let summary_width = (width(&summary) as u16 + 1).min(head.width.saturating_sub(tabs_width));
    let [tabs_area, summary_area] = head.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(summary_width),
    ]));
    frame.render_widget(tabs, tabs_area);
    frame.render_widget(
        Paragraph::new(cell_right(&format!("{summary} "), summary_width as usize))
            .style(theme.dim()),
        summary_area,
    );

    let content = content(app, theme, view, body);
    let height = content.area.height;
    let max_scroll = height.saturating_sub(body.height);
    let scroll = view.scroll.min(max_scroll);
    let target = frame.buffer_mut();
    for y in 0..body.height.min(height - scroll) {
        for x in 0..body.width {
            target[(body.x + x, body.y + y)] = content[(x, y + scroll)].clone();
        }
    }
}

/// The whole content of the open tab, as tall as it is, for a body `body` wide.
fn content(app: &App, theme: Theme, view: &ReportView, body: Rect) -> Buffer {
    match view.tab {
        ReportTab::Money => money::money(
            app,
            theme,
            &view.report,
            body.width,
            (body.height / 2).clamp(12, 18),
        ),
        ReportTab::Attainment => attainment::attainment(app, theme, &view.report, body.width),
        ReportTab::Pots => pots::pots(app, theme, &view.report, body.width),
        ReportTab::Decisions => course::decisions(app, theme, &view.report, body.width),
        ReportTab::Deadlines => course::deadlines(app, theme, &view.report, body.width),
    }
}

/// The report's body on a `screen`: inside the border, below the tab row.
fn body_area(screen: Rect) -> Rect {
    let inner = Block::bordered().inner(Areas::new(screen).main);
    let [_, body] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    body
}

/// How far the report can scroll on a `screen` of this size: its content's rows minus the
/// body's. The app bounds `j` and `PgDn` with it.
pub fn max_scroll(app: &App, view: &ReportView, screen: Rect) -> u16 {
    let body = body_area(screen);
    let height = content(app, Theme::default(), view, body).area.height;
    height.saturating_sub(body.height)
}

/// A titled, bordered section.
fn section<'a>(theme: Theme, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(format!(" {title} "), theme.label()))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;

    use super::money::thousands;
    use super::*;
    use crate::app::tests::{fixture, press};
    use crate::i18n::Lang;
    use crate::model::Cents;
    use crate::ui::Theme;

    fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
        draw_in(app, Theme::monochrome(), width, height)
    }

    fn draw_in(app: &App, theme: Theme, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| crate::ui::render(app, theme, frame))
            .expect("draw");
        terminal
    }

    /// The fixture's report as of 25.11.2026.
    fn open(keys: &str) -> crate::app::tests::Fixture {
        let mut f = fixture();
        f.app
            .open_report_on(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        press(&mut f.app, keys);
        f
    }

    /// Issue 14: the tab *Töpfe* at 80x24, a pot over budget in red saying by how much.
    #[test]
    fn report_pots_80x24() {
        use crate::model::{Fund, MeasureId, Plan, Pot};
        use crate::ops::Op;
        let mut f = crate::app::tests::fixture_with(|store| {
            let pot = |fund, euro: i64| Pot {
                fund,
                year: 2026,
                amount: Cents(euro * 100),
                note: String::new(),
            };
            for pot in [
                pot(Fund::Projektfonds, 8_000),
                pot(Fund::Aktionsfonds, 5_000),
            ] {
                store.apply(Op::SetPot { pot }, "t").unwrap();
            }
            let plan = Plan([(2026, Cents(1_000_000)), (2027, Cents(200_000))].into());
            let set = Op::SetPlan {
                measure: MeasureId(1),
                plan,
            };
            store.apply(set, "t").unwrap();
        });
        f.app
            .open_report_on(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        press(&mut f.app, "<Tab><Tab>");
        let terminal = draw_in(&f.app, Theme::default(), 80, 24);
        let screen = crate::ui::tests::screen(terminal.backend().buffer());
        for text in [
            "Töpfe je Fonds und Jahr",
            "Töpfe über dem Budget",
            "Jahresraten, die nicht den bewilligten Betrag ergeben",
        ] {
            assert!(screen.contains(text), "{text} missing:\n{screen}");
        }
        let buffer = terminal.backend().buffer();
        let row = (0..24)
            .find(|&y| {
                let line: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
                line.contains("Projektfonds") && line.contains("-2.000,00 €")
            })
            .unwrap_or_else(|| panic!("no row over budget:\n{screen}"));
        let red = (0..80).any(|x| buffer[(x, row)].fg == Color::Red);
        assert!(red, "the row over budget is not red:\n{screen}");
        // The bars: 0 % of the Aktionsfonds pot, the Projektfonds pot full and red.
        let line = |y: u16| -> String { (0..80).map(|x| buffer[(x, y)].symbol()).collect() };
        let bar = (0..24)
            .find(|&y| line(y).contains("125 % -2.000,00 €"))
            .unwrap_or_else(|| panic!("no bar over budget:\n{screen}"));
        assert!(
            (0..80).any(|x| buffer[(x, bar)].symbol() == "█" && buffer[(x, bar)].fg == Color::Red)
        );
        assert!(!line(bar).contains('░'), "over budget: the bar is full");
        assert!(screen.contains("Aktionsfonds 2026   0 %"), "{screen}");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_money_80x24() {
        let f = open("");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_money_scrolled_to_the_end_80x24() {
        let mut f = open("");
        f.app.set_scroll_bounds(crate::ui::SCROLL_BOUNDS);
        press(&mut f.app, "<PgDn><PgDn><PgDn>");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_attainment_80x24() {
        let f = open("<Tab>");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_money_2026_120x40() {
        let f = open("ll");
        insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
    }

    #[test]
    fn report_attainment_120x40() {
        let f = open("<Tab>");
        insta::assert_snapshot!(draw(&f.app, 120, 40).backend());
    }

    #[test]
    fn report_in_english_80x24() {
        let mut f = open("");
        f.app.lang = Lang::En;
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn without_colour_the_report_has_none_and_with_colour_bars_are_green() {
        let mut f = open("");
        let theme = Theme::monochrome();
        for keys in ["", "<Tab>"] {
            press(&mut f.app, keys);
            let terminal = draw_in(&f.app, theme, 80, 24);
            assert!(
                terminal
                    .backend()
                    .buffer()
                    .content
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
            );
        }
        let f = open("");
        let theme = Theme::default();
        let terminal = draw_in(&f.app, theme, 80, 24);
        assert!(
            terminal
                .backend()
                .buffer()
                .content
                .iter()
                .any(|c| c.symbol() == "█" && c.fg == Color::Green)
        );
    }

    /// Every line of `buffer` with runs of spaces collapsed to one.
    fn collapsed_lines(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
        let area = buffer.area;
        (0..area.height)
            .map(|y| {
                let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
                line.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .collect()
    }

    #[test]
    fn the_money_tab_shows_the_fund_and_year_rows_of_the_printed_report() {
        let f = open("");
        let crate::app::Mode::Report(view) = &f.app.mode else {
            panic!("no report");
        };
        for lang in [Lang::De, Lang::En] {
            let mut app = open("").app;
            app.lang = lang;
            let lines =
                collapsed_lines(&money::money(&app, Theme::default(), &view.report, 80, 12));
            let sections = [
                crate::report::sections::funds(&view.report, lang),
                crate::report::sections::years(&view.report, lang),
            ];
            for section in sections {
                assert!(!section.rows.is_empty());
                let header: Vec<&str> = section.columns.iter().map(|c| c.title.as_str()).collect();
                for cells in std::iter::once(header.join(" "))
                    .chain(section.rows.iter().map(|row| row.cells.join(" ")))
                {
                    assert!(
                        lines.iter().any(|line| line.contains(&cells)),
                        "{cells:?} missing from {lines:#?}"
                    );
                }
            }
        }
    }

    #[test]
    fn thousands_fit_narrow_bars() {
        assert_eq!(thousands(Cents(1_370_000), Lang::De), "13,7");
        assert_eq!(thousands(Cents(1_370_000), Lang::En), "13.7");
        assert_eq!(thousands(Cents(4_000), Lang::De), "0,0");
        assert_eq!(thousands(Cents(14_423_900), Lang::De), "144");
        assert_eq!(thousands(Cents(0), Lang::De), "0,0");
    }
}
