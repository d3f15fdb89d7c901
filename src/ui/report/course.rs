//! The tabs *Beschlüsse* and *Fristen* (issue 15): the decisions per session and year, the
//! Aktionsfonds actions and the days from Antrag to Bewilligung; the overdue deadlines (red) and
//! the deadlines and sessions of the next 30 days — the same tables `quartier report` prints.
//! A table wider than the tab loses its least needed columns first (the counts of rejections
//! and deferrals), then its widest text column is narrowed, so the sums stay in view at 80x24.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::table::SectionTable;
use crate::app::App;
use crate::report::table::Section;
use crate::report::{Report, course_sections as sections};
use crate::ui::Theme;

/// How a section gives way when it is too wide: columns it may drop (in this order) and the
/// column it may narrow.
struct GiveWay {
    drop: &'static [usize],
    narrow: Option<usize>,
}

/// `section` made to fit `width` as `give_way` allows.
fn fitted<'a>(
    app: &'a App,
    theme: Theme,
    mut section: Section,
    width: u16,
    give_way: &GiveWay,
) -> SectionTable<'a> {
    for &index in give_way.drop {
        let table = SectionTable::new(app, theme, section.clone());
        if table.width() <= width || index >= section.columns.len() {
            break;
        }
        section.columns.remove(index);
        for row in &mut section.rows {
            if index < row.cells.len() {
                row.cells.remove(index);
            }
        }
    }
    if let Some(index) = give_way.narrow {
        let over = SectionTable::new(app, theme, section.clone()).width();
        if over > width
            && let Some(column) = section.columns.get_mut(index)
        {
            let title = crate::text::width(&column.title);
            column.max = (column.max.saturating_sub((over - width) as usize)).max(title.max(8));
        }
    }
    SectionTable::new(app, theme, section)
}

/// Tables one below the other, `width` wide.
fn stacked(tables: Vec<SectionTable>, width: u16) -> Buffer {
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

/// The tab *Beschlüsse*.
pub(super) fn decisions(app: &App, theme: Theme, report: &Report, width: u16) -> Buffer {
    let lang = app.lang;
    let counts = GiveWay {
        drop: &[5, 5],
        narrow: Some(2),
    };
    let years = GiveWay {
        drop: &[4, 4],
        narrow: None,
    };
    let text = |narrow| GiveWay { drop: &[], narrow };
    let tables = vec![
        fitted(app, theme, sections::sessions(report, lang), width, &counts),
        fitted(
            app,
            theme,
            sections::decision_years(report, lang),
            width,
            &years,
        ),
        fitted(
            app,
            theme,
            sections::actions(report, lang),
            width,
            &text(Some(2)),
        ),
        fitted(
            app,
            theme,
            sections::approval_times(report, lang),
            width,
            &text(None),
        ),
    ];
    stacked(tables, width)
}

/// The tab *Fristen*: overdue deadlines in red, then the next 30 days.
pub(super) fn deadlines(app: &App, theme: Theme, report: &Report, width: u16) -> Buffer {
    let lang = app.lang;
    let notes = GiveWay {
        drop: &[],
        narrow: Some(5),
    };
    let tables = vec![
        fitted(
            app,
            theme,
            sections::overdue_deadlines(report, lang),
            width,
            &notes,
        ),
        fitted(
            app,
            theme,
            sections::upcoming_deadlines(report, lang),
            width,
            &notes,
        ),
    ];
    stacked(tables, width)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use ratatui::style::Color;

    use crate::app::tests::{Fixture, fixture_with, press};
    use crate::model::{
        Body, Cents, Deadline, DeadlineId, DeadlineKind, Decision, DecisionId, MeasureId, Outcome,
        Session, SessionId, Status, Votes,
    };
    use crate::ops::Op;
    use crate::ui::Theme;
    use crate::ui::tests::{draw, draw_in, screen};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The fixture with three sessions, three decisions, steps from Antrag to Bewilligung and
    /// two deadlines, its report open as of 25.11.2026 on the tab `tabs` presses of Tab on.
    fn open(tabs: usize) -> Fixture {
        let mut f = fixture_with(|store| {
            let mut ops = Vec::new();
            for (body, date, note) in [
                (Body::Quartiersrat, day(2026, 3, 12), "Protokoll QR/2026"),
                (Body::AktionsfondsJury, day(2025, 5, 20), ""),
                (Body::Quartiersrat, day(2026, 12, 4), "Raum 2"),
            ] {
                let session = Session {
                    id: SessionId(0),
                    body,
                    date,
                    note: note.into(),
                };
                ops.push(Op::AddSession { session });
            }
            for (session, measure, outcome, euro) in [
                (1, 1, Outcome::Zustimmung, 12_500),
                (1, 3, Outcome::ZustimmungMitAuflagen, 8_000),
                (2, 2, Outcome::Zustimmung, 1_200),
            ] {
                let decision = Decision {
                    id: DecisionId(0),
                    session: SessionId(session),
                    measure: MeasureId(measure),
                    outcome,
                    votes: Some(Votes {
                        yes: 9,
                        no: 1,
                        abstain: 2,
                    }),
                    amount: Some(Cents(euro * 100)),
                    conditions: String::new(),
                };
                ops.push(Op::AddDecision { decision });
            }
            for (measure, to, date) in [
                (1, Status::Beantragt, day(2026, 1, 10)),
                (1, Status::Bewilligt, day(2026, 3, 20)),
                (1, Status::Laufend, day(2026, 4, 1)),
                (3, Status::Beantragt, day(2026, 2, 1)),
                (3, Status::Bewilligt, day(2026, 3, 15)),
            ] {
                ops.push(Op::SetStatus {
                    measure: MeasureId(measure),
                    to,
                    date,
                    note: String::new(),
                });
            }
            for (kind, due, measure, note) in [
                (DeadlineKind::Sachbericht, day(2026, 11, 20), 1, ""),
                (
                    DeadlineKind::Verwendungsnachweis,
                    day(2026, 12, 10),
                    3,
                    "mit Belegliste",
                ),
            ] {
                let deadline = Deadline {
                    id: DeadlineId(0),
                    kind,
                    due,
                    measure: Some(MeasureId(measure)),
                    note: note.into(),
                    done: None,
                };
                ops.push(Op::AddDeadline { deadline });
            }
            for op in ops {
                store.apply(op, "t").unwrap();
            }
        });
        f.app.open_report_on(day(2026, 11, 25));
        press(&mut f.app, &"<Tab>".repeat(tabs));
        f
    }

    #[test]
    fn report_decisions_80x24() {
        let f = open(3);
        let text = screen(draw(&f.app, 80, 24).backend().buffer());
        for expected in [
            "Beschlüsse je Sitzung",
            "S-0001  12.03.2026 Quartiersrat",
            "20.500,00 €",
            "Beschlüsse je Jahr",
            "Aktionsfonds: Aktionen je Jahr",
            "M-0002   Nachbarschaftsfest 20.05.2025 1.200,00 €",
            "Tage von Antrag bis Bewilligung je Fonds",
            "Projektfonds         2          55,5       42      69",
        ] {
            assert!(text.contains(expected), "{expected} missing:\n{text}");
        }
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn report_deadlines_80x24_overdue_in_red() {
        let f = open(4);
        let terminal = draw_in(&f.app, Theme::default(), 80, 24);
        let buffer = terminal.backend().buffer();
        let text = screen(buffer);
        for expected in [
            "Überfällige Fristen",
            "F-0001",
            "Fristen und Sitzungen der nächsten 30 Tage",
            "S-0003",
            "Quartiersrat · Raum 2",
            "mit Belegliste",
        ] {
            assert!(text.contains(expected), "{expected} missing:\n{text}");
        }
        let row = (0..24)
            .find(|&y| {
                let line: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
                line.contains("F-0001")
            })
            .unwrap();
        assert!((0..80).any(|x| buffer[(x, row)].fg == Color::Red), "{text}");
        insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    }

    #[test]
    fn a_year_keeps_its_sessions_and_actions_and_every_deadline() {
        let mut f = open(3);
        press(&mut f.app, "l");
        let crate::app::Mode::Report(view) = &f.app.mode else {
            panic!("no report");
        };
        assert_eq!(view.year, Some(2025));
        let course = &view.report.course;
        let sessions: Vec<u64> = course.sessions.iter().map(|r| r.session.id.0).collect();
        assert_eq!(sessions, [2]);
        assert_eq!(course.actions.len(), 1);
        assert!(
            course.approval_times.is_empty(),
            "both approvals were in 2026"
        );
        assert_eq!(course.due.overdue.len(), 1, "deadlines count from today");
        let text = screen(draw(&f.app, 80, 24).backend().buffer());
        assert!(
            text.contains("S-0002") && !text.contains("S-0001"),
            "{text}"
        );
    }

    #[test]
    fn report_deadlines_in_english_80x24() {
        let mut f = open(4);
        f.app.lang = crate::i18n::Lang::En;
        let text = screen(draw(&f.app, 80, 24).backend().buffer());
        assert!(text.contains("Overdue deadlines"), "{text}");
        assert!(text.contains("Deadlines"), "{text}");
    }
}
