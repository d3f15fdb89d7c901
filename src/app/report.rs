//! The report view (`R`): the figures of [`crate::report`] for all years or one, on two tabs
//! (money, attainment). The store is read once when the view opens; changing the year
//! recomputes from that copy, so drawing never computes anything.

use chrono::NaiveDate;

use super::{Action, App, Mode};
use crate::model::{Goal, Measure};
use crate::report::{Report, years_present};
use crate::store::{Link, StoreError};

/// The tabs of the report view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReportTab {
    /// Approved sums per strategic goal, totals per fund and year.
    #[default]
    Money,
    /// Attainment per goal; goals and measures that need attention.
    Attainment,
    /// Per fund and year: pot, planned, paid, free (issue 14).
    Pots,
    /// Decisions per session and year, Aktionsfonds actions, days to approval (issue 15).
    Decisions,
    /// Overdue and upcoming deadlines and sessions (issue 15).
    Deadlines,
}

/// State of the open report view.
#[derive(Debug)]
pub struct ReportView {
    /// `None`: all years.
    pub year: Option<i32>,
    /// The years to choose from (those the measures run in), ascending.
    pub years: Vec<i32>,
    pub tab: ReportTab,
    /// First content row shown.
    pub scroll: u16,
    pub report: Report,
    today: NaiveDate,
    goals: Vec<Goal>,
    measures: Vec<Measure>,
    links: Vec<Link>,
    money: crate::report::pots::Money,
    /// Sessions, decisions, steps and deadlines (issue 15).
    course: crate::report::course::Course,
}

impl ReportView {
    /// Reads everything the report needs from `store` and computes it for `year`.
    fn load(
        store: &dyn crate::store::Repository,
        year: Option<i32>,
        today: NaiveDate,
    ) -> Result<ReportView, StoreError> {
        let goals = store.goals()?;
        let measures = store.measures()?;
        let links = store.links()?;
        let years = years_present(&measures);
        let year = year.filter(|y| years.contains(y));
        let money = crate::report::pots::Money::read(store)?;
        let mut report = Report::compute_with_money(&goals, &measures, &links, &money, year, today);
        let course = crate::report::course::Course::read(store)?;
        report.add_course(&measures, &course);
        Ok(ReportView {
            year,
            years,
            tab: ReportTab::default(),
            scroll: 0,
            report,
            today,
            goals,
            measures,
            links,
            money,
            course,
        })
    }

    /// Steps through "all years" and the years present: `forward` to later years.
    pub fn step_year(&mut self, forward: bool) {
        let position = self
            .year
            .and_then(|y| self.years.iter().position(|x| *x == y));
        let count = self.years.len();
        let next = match (position, forward) {
            (None, true) => self.years.first().copied(),
            (None, false) => self.years.last().copied(),
            (Some(i), true) => self.years.get(i + 1).copied(),
            (Some(0), false) => None,
            (Some(i), false) => self.years.get(i - 1).copied(),
        };
        if count == 0 || next == self.year {
            return;
        }
        self.year = next;
        self.report = Report::compute_with_money(
            &self.goals,
            &self.measures,
            &self.links,
            &self.money,
            self.year,
            self.today,
        );
        self.report.add_course(&self.measures, &self.course);
        self.scroll = 0;
    }

    fn scroll_by(&mut self, delta: i32, max: u16) {
        self.scroll = (i32::from(self.scroll) + delta).clamp(0, i32::from(max)) as u16;
    }
}

impl App {
    /// Opens the report view for the year of the measure filter (or all years), counting
    /// "ending soon" from today (`$QUARTIER_TODAY` if set).
    pub(super) fn open_report(&mut self) -> Mode {
        match crate::report::today() {
            Ok(today) => self.report_on(today),
            Err(value) => {
                let text = crate::i18n::fill(
                    self.lang.t(crate::i18n::Text::ErrToday),
                    &[("value", &value)],
                );
                self.say(super::MessageKind::Error, text);
                Mode::Normal
            }
        }
    }

    /// Opens the report view with `today` as the day "ending soon" counts from.
    pub fn open_report_on(&mut self, today: NaiveDate) {
        self.mode = self.report_on(today);
    }

    /// The report view with `today` as the day "ending soon" counts from; normal mode (and a
    /// message) when the report cannot be read.
    fn report_on(&mut self, today: NaiveDate) -> Mode {
        match ReportView::load(self.store(), self.pane.filter.year, today) {
            Ok(view) => Mode::Report(Box::new(view)),
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    pub(super) fn update_report(&mut self, mut view: Box<ReportView>, action: Action) -> Mode {
        let page = i32::from(self.report_page());
        let max = self.report_max_scroll(&view);
        match action {
            Action::Cancel => return Mode::Normal,
            Action::MoveDown => view.scroll_by(1, max),
            Action::MoveUp => view.scroll_by(-1, max),
            Action::PageDown => view.scroll_by(page, max),
            Action::PageUp => view.scroll_by(-page, max),
            Action::NextYear => view.step_year(true),
            Action::PrevYear => view.step_year(false),
            Action::SwitchTab => {
                view.tab = match view.tab {
                    ReportTab::Money => ReportTab::Attainment,
                    ReportTab::Attainment => ReportTab::Pots,
                    ReportTab::Pots => ReportTab::Decisions,
                    ReportTab::Decisions => ReportTab::Deadlines,
                    ReportTab::Deadlines => ReportTab::Money,
                };
                view.scroll = 0;
            }
            other => self.unbound(super::Context::Report, other),
        }
        Mode::Report(view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::{fixture, press};
    use crate::app::{Filter, Focus};

    fn view(app: &App) -> &ReportView {
        match &app.mode {
            Mode::Report(view) => view,
            other => panic!("no report: {other:?}"),
        }
    }

    #[test]
    fn r_opens_the_report_and_esc_q_r_return_to_the_tree() {
        let mut f = fixture();
        let app = &mut f.app;
        press(app, "<Tab>");
        for close in ["<Esc>", "q", "R"] {
            press(app, "R");
            assert_eq!(view(app).year, None);
            assert_eq!(view(app).report.measures, 3);
            press(app, close);
            assert!(matches!(app.mode, Mode::Normal), "{close}");
            assert!(
                !app.should_quit(),
                "{close} closes the report, not the program"
            );
        }
        assert_eq!(app.focus, Focus::Measures, "the panes are as they were");
        press(app, "R<C-c>");
        assert!(app.should_quit());
    }

    #[test]
    fn year_cycling_changes_the_figures() {
        let mut f = fixture();
        let app = &mut f.app;
        press(app, "R");
        assert_eq!(view(app).years, [2025, 2026]);
        let approved = |app: &App| {
            let z1 = &view(app).report.goals[0];
            assert_eq!(z1.code, "Z1");
            (z1.measures, z1.sums.approved.0 / 100)
        };
        assert_eq!(approved(app), (2, 13_700));
        press(app, "l");
        assert_eq!(view(app).year, Some(2025));
        assert_eq!(view(app).report.year, Some(2025));
        assert_eq!(approved(app), (1, 1_200));
        press(app, "<Right>");
        assert_eq!(view(app).year, Some(2026));
        assert_eq!(approved(app), (1, 12_500));
        press(app, "l");
        assert_eq!(view(app).year, None, "after the last year: all years again");
        press(app, "h");
        assert_eq!(view(app).year, Some(2026));
        press(app, "<Left><Left>");
        assert_eq!(view(app).year, None);
    }

    #[test]
    fn tab_switches_and_j_k_scroll() {
        let mut f = fixture();
        let app = &mut f.app;
        press(app, "R");
        assert_eq!(view(app).tab, ReportTab::Money);
        press(app, "jjj");
        assert_eq!(view(app).scroll, 3);
        press(app, "k");
        assert_eq!(view(app).scroll, 2);
        press(app, "<Tab>");
        assert_eq!(view(app).tab, ReportTab::Attainment);
        assert_eq!(view(app).scroll, 0, "a new tab starts at the top");
        press(app, "<Tab>");
        assert_eq!(view(app).tab, ReportTab::Pots);
        press(app, "<Tab>");
        assert_eq!(view(app).tab, ReportTab::Decisions);
        press(app, "<Tab>");
        assert_eq!(view(app).tab, ReportTab::Deadlines);
        press(app, "<Tab>");
        assert_eq!(view(app).tab, ReportTab::Money);
        press(app, "k");
        assert_eq!(view(app).scroll, 0);
    }

    #[test]
    fn the_report_starts_with_the_year_of_the_measure_filter() {
        let mut f = fixture();
        let app = &mut f.app;
        app.pane.filter = Filter {
            year: Some(2026),
            ..Filter::default()
        };
        press(app, "R");
        assert_eq!(view(app).year, Some(2026));
        assert_eq!(view(app).report.measures, 1);
    }

    #[test]
    fn ending_soon_counts_from_the_given_day() {
        let mut f = fixture();
        let app = &mut f.app;
        app.open_report_on(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let ids: Vec<u64> = view(app)
            .report
            .ending_soon
            .iter()
            .map(|m| m.id.0)
            .collect();
        assert_eq!(ids, [1], "Lesepaten ends on 31.12.2026");
        app.open_report_on(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
        assert!(view(app).report.ending_soon.is_empty());
    }
}
