//! *Termine* (`T`, issue 15): the open deadlines and the coming sessions (each a deadline of
//! kind Sitzung), by due date — so the overdue ones come first (drawn red). `Enter` selects
//! the entry's measure in tree and table, `x` marks the selected deadline done today (the
//! CLI's `deadline done`, one op: `u` takes it back). The first screen's status bar counts the
//! overdue deadlines ([`App::overdue`]), counted at start and after a change of deadlines.

use chrono::NaiveDate;

use super::action::Action;
use super::keymap::Context;
use super::{App, Focus, MessageKind, Mode, Node};
use crate::i18n::{Text, fill};
use crate::model::{Deadline, DeadlineKind, MeasureId, Session, format_date_de};
use crate::ops::{Change, Op};
use crate::store::{Repository, StoreError};

/// What an entry of *Termine* is.
#[derive(Clone, Debug)]
pub enum Due {
    /// An open deadline with its revision.
    Deadline(u64, Deadline),
    /// A session today or later.
    Session(Session),
}

/// One entry of *Termine*, with its measure's title when it has one.
#[derive(Clone, Debug)]
pub struct Termin {
    pub due: Due,
    pub title: String,
}

impl Termin {
    /// The day it is due.
    pub fn date(&self) -> NaiveDate {
        match &self.due {
            Due::Deadline(_, d) => d.due,
            Due::Session(s) => s.date,
        }
    }

    pub fn kind(&self) -> DeadlineKind {
        match &self.due {
            Due::Deadline(_, d) => d.kind,
            Due::Session(_) => DeadlineKind::Sitzung,
        }
    }

    pub fn measure(&self) -> Option<MeasureId> {
        match &self.due {
            Due::Deadline(_, d) => d.measure,
            Due::Session(_) => None,
        }
    }

    /// The deadline's note, or the session's body and note.
    pub fn note(&self) -> String {
        match &self.due {
            Due::Deadline(_, d) => d.note.clone(),
            Due::Session(s) if s.note.is_empty() => s.body.name().to_string(),
            Due::Session(s) => format!("{}: {}", s.body.name(), s.note),
        }
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        matches!(&self.due, Due::Deadline(_, d) if d.is_overdue(today))
    }
}

/// The open *Termine* view.
#[derive(Clone, Debug)]
pub struct TermineView {
    pub entries: Vec<Termin>,
    pub selected: usize,
    pub today: NaiveDate,
}

impl TermineView {
    /// Reads the open deadlines and the sessions from `today` on, by due date.
    pub fn read(store: &dyn Repository, today: NaiveDate) -> Result<TermineView, StoreError> {
        let mut entries: Vec<Termin> = (store.deadlines()?.into_iter())
            .filter(|(_, d)| d.done.is_none())
            .map(|(revision, d)| Termin {
                due: Due::Deadline(revision, d),
                title: String::new(),
            })
            .collect();
        entries.extend(
            (store.sessions()?.into_iter())
                .filter(|(_, s)| s.date >= today)
                .map(|(_, s)| Termin {
                    due: Due::Session(s),
                    title: String::new(),
                }),
        );
        // Sessions after the deadlines of their day.
        entries.sort_by_key(|t| (t.date(), matches!(t.due, Due::Session(_))));
        Ok(TermineView {
            entries,
            selected: 0,
            today,
        })
    }

    pub fn selected_entry(&self) -> Option<&Termin> {
        self.entries.get(self.selected)
    }
}

/// The number of open deadlines due before `today`.
pub fn count_overdue(store: &dyn Repository, today: NaiveDate) -> Result<usize, StoreError> {
    let deadlines = store.deadlines()?;
    Ok(deadlines
        .iter()
        .filter(|(_, d)| d.is_overdue(today))
        .count())
}

impl App {
    /// The day deadlines count from: `$QUARTIER_TODAY` or the local date, as at start.
    pub(super) fn today(&self) -> NaiveDate {
        self.pane
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The overdue deadlines, as last counted.
    pub fn overdue(&self) -> usize {
        self.overdue
    }

    /// Counts the overdue deadlines again (at start, and after `changes` that touch
    /// deadlines; other changes cost nothing).
    pub(super) fn recount_overdue(&mut self, changes: Option<&[Change]>) {
        let touched = changes.is_none_or(|changes| {
            changes.iter().any(|c| {
                matches!(
                    c,
                    Change::DeadlineAdded(_)
                        | Change::DeadlineUpdated(_)
                        | Change::DeadlineRemoved(_)
                        | Change::MeasureDeleted(_)
                )
            })
        });
        if !touched {
            return;
        }
        match count_overdue(self.store(), self.today()) {
            Ok(n) => self.overdue = n,
            Err(error) => self.say_error(&error),
        }
    }

    /// `T`: *Termine*, selecting the entry at `index` (kept within the list).
    pub(super) fn open_termine(&mut self, index: usize) -> Mode {
        match TermineView::read(self.store(), self.today()) {
            Ok(mut view) => {
                let ids: Vec<MeasureId> = view.entries.iter().filter_map(Termin::measure).collect();
                let names = self.measure_names(&ids);
                for entry in &mut view.entries {
                    if let Some((title, _)) = entry.measure().and_then(|m| names.get(&m)) {
                        entry.title = title.clone();
                    }
                }
                view.selected = index.min(view.entries.len().saturating_sub(1));
                Mode::Termine(Box::new(view))
            }
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    /// Reads open *Termine* or *Sitzungen* again after a colleague's `changes` (pushed by the
    /// server), keeping the selected row.
    pub fn refresh_course_views(&mut self, changes: &[Change]) {
        if changes.is_empty() {
            return;
        }
        self.mode = match std::mem::take(&mut self.mode) {
            Mode::Termine(view) => self.open_termine(view.selected),
            Mode::Sessions(view) => self.reopen_sessions(view.selected),
            other => other,
        };
    }

    /// A bound key in *Termine*; the next mode.
    pub(super) fn update_termine(&mut self, mut view: Box<TermineView>, action: Action) -> Mode {
        let last = view.entries.len().saturating_sub(1);
        match action {
            Action::Cancel => return Mode::Normal,
            Action::MoveDown => view.selected = (view.selected + 1).min(last),
            Action::MoveUp => view.selected = view.selected.saturating_sub(1),
            Action::First => view.selected = 0,
            Action::Last => view.selected = last,
            Action::Confirm => return self.jump_to_termin(view),
            Action::DeadlineDone => return self.deadline_done(view),
            other => self.unbound(Context::Termine, other),
        }
        Mode::Termine(view)
    }

    /// `Enter`: selects the entry's measure in tree and table and closes the view.
    fn jump_to_termin(&mut self, view: Box<TermineView>) -> Mode {
        let Some(measure) = view.selected_entry().and_then(Termin::measure) else {
            self.say_text(MessageKind::Info, Text::TermineNoMeasure);
            return Mode::Termine(view);
        };
        let node = match self.links().goals_of(measure).first() {
            Some((goal, _)) => Node::Goal(*goal),
            None => Node::Orphans,
        };
        if self.tree.selected_node() != node {
            self.tree.select_node(node);
            self.goal_changed();
        }
        self.focus = Focus::Measures;
        match self.pane.position(measure) {
            Some(row) => self.pane.selected = row,
            None => self.say_text(MessageKind::Info, Text::HitFiltered),
        }
        Mode::Normal
    }

    /// `x`: the selected deadline is done today; the view is read again.
    fn deadline_done(&mut self, view: Box<TermineView>) -> Mode {
        let Some(Due::Deadline(revision, deadline)) = view.selected_entry().map(|t| &t.due) else {
            self.say_text(MessageKind::Info, Text::TermineNotADeadline);
            return Mode::Termine(view);
        };
        let (id, today) = (deadline.id, self.today());
        if let Err(error) = self.apply(Op::deadline_done(*revision, deadline.clone(), today)) {
            self.say_error(&error);
            return Mode::Termine(view);
        }
        let text = fill(
            self.lang.t(Text::DoneDeadlineDone),
            &[("deadline", &id), ("date", &format_date_de(today))],
        );
        self.say(MessageKind::Success, text);
        self.open_termine(view.selected)
    }
}
