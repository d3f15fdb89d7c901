//! The report view (`R`): the figures of [`crate::report`] for all years or one, on two tabs
//! (money, attainment). The store is read once when the view opens; changing the year
//! recomputes from that copy, so drawing never computes anything.

use chrono::NaiveDate;

use super::{Action, App, Mode};
use crate::report::{Inputs, Report, years_present};
use crate::store::StoreError;

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
    /// What the report was computed from; `None` when it was prepared in idle time (read when
    /// the year is changed).
    inputs: Option<Box<Inputs>>,
}

impl ReportView {
    /// Reads everything the report needs from `store` and computes it for `year`.
    fn load(
        store: &dyn crate::store::Repository,
        year: Option<i32>,
        today: NaiveDate,
    ) -> Result<ReportView, StoreError> {
        let inputs = Inputs::read(store)?;
        let years = years_present(&inputs.measures);
        let year = year.filter(|y| years.contains(y));
        let report = inputs.compute(year, today);
        Ok(ReportView {
            year,
            years,
            tab: ReportTab::default(),
            scroll: 0,
            report,
            today,
            inputs: Some(Box::new(inputs)),
        })
    }

    /// The view of a report prepared in idle time.
    fn prepared(prepared: &super::report_prep::Prepared) -> ReportView {
        ReportView {
            year: prepared.year,
            years: prepared.years.clone(),
            tab: ReportTab::default(),
            scroll: 0,
            report: prepared.report.clone(),
            today: prepared.today,
            inputs: None,
        }
    }

    /// Whether the report was prepared in idle time (nothing was read when the view opened).
    pub fn was_prepared(&self) -> bool {
        self.inputs.is_none()
    }

    /// The year after (`forward`) or before the one shown in "all years" and the years
    /// present; `None` when it stays.
    fn next_year(&self, forward: bool) -> Option<Option<i32>> {
        let position = self
            .year
            .and_then(|y| self.years.iter().position(|x| *x == y));
        let next = match (position, forward) {
            (None, true) => self.years.first().copied(),
            (None, false) => self.years.last().copied(),
            (Some(i), true) => self.years.get(i + 1).copied(),
            (Some(0), false) => None,
            (Some(i), false) => self.years.get(i - 1).copied(),
        };
        (!self.years.is_empty() && next != self.year).then_some(next)
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
        if let Some(prepared) = self.report_prep.ready(self.pane.filter.year, today) {
            return Mode::Report(Box::new(ReportView::prepared(prepared)));
        }
        match ReportView::load(self.store(), self.pane.filter.year, today) {
            Ok(view) => Mode::Report(Box::new(view)),
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    /// Steps through "all years" and the years present: `forward` to later years. A prepared
    /// report's inputs are read first (and kept for further steps).
    fn step_report_year(&mut self, view: &mut ReportView, forward: bool) {
        let Some(next) = view.next_year(forward) else {
            return;
        };
        if view.inputs.is_none() {
            match Inputs::read(self.store()) {
                Ok(inputs) => view.inputs = Some(Box::new(inputs)),
                Err(error) => return self.say_error(&error),
            }
        }
        let Some(inputs) = &view.inputs else { return };
        view.year = next;
        view.report = inputs.compute(next, view.today);
        view.scroll = 0;
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
            Action::NextYear => self.step_report_year(&mut view, true),
            Action::PrevYear => self.step_report_year(&mut view, false),
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
