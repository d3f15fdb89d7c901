//! The history view (`H`): the changes of the selected measure (or, from the tree, goal),
//! newest first — when, who as recorded, what in the status bar's words and each changed field
//! old → new. The store is read once when the view opens, at most [`LIMIT`] entries of the
//! newest [`SCAN`] (the end says what was left out); keys only scroll the lines kept here.

use chrono::TimeZone;

use super::layout::{Areas, inner_height};
use super::{Action, App, Context, MessageKind, Mode};
use crate::exchange::FieldChange;
use crate::exchange::record_log::{self, LogItem, Of, Selection};
use crate::i18n::{Lang, Text, fill};
use crate::ops::Change;
use crate::store::{Repository, StoreError};
use crate::text::{sanitize_line, width};

/// Most entries the view shows.
pub const LIMIT: usize = 200;
/// Most history entries read to find them.
pub const SCAN: usize = 20_000;

/// One entry as the view shows it; every string is one sanitised line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryItem {
    /// The entry's history number.
    pub seq: u64,
    /// Local time, `2026-12-02 14:03`.
    pub time: String,
    /// The actor as recorded: `anna (über qmbuero)`.
    pub who: String,
    /// The status bar's sentence; undo and redo say so.
    pub what: String,
    pub changes: Vec<FieldChange>,
}

/// How a line of the view is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Time and who: the first line of an entry.
    Head,
    What,
    Change,
    /// Nothing found, or what was left out.
    Note,
}

/// State of the open history view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryView {
    /// `M-0012 Kiezfest`, `1.3 Nachbarschaft stärken`.
    pub subject: String,
    pub items: Vec<HistoryItem>,
    /// Said after the last entry (nothing found, or what was left out).
    pub note: Option<String>,
    /// First line shown.
    pub scroll: usize,
    of: Of,
    /// `--measure M-0012`: how `quartier log` names the record, for the note.
    log_args: String,
}

impl HistoryView {
    /// Reads the newest entries of `of` from `store`, described in `lang`.
    fn read(
        store: &dyn Repository,
        of: Of,
        subject: &str,
        log_args: String,
        lang: Lang,
    ) -> Result<HistoryView, StoreError> {
        let mut selection = record_log::select(store, of, LIMIT, Some(SCAN))?;
        let entries = std::mem::take(&mut selection.entries);
        let items = record_log::describe(store, of, entries, lang)?;
        Ok(HistoryView {
            subject: sanitize_line(subject).into_owned(),
            note: note(&selection, items.len(), &log_args, lang),
            items: items.into_iter().map(item).collect(),
            scroll: 0,
            of,
            log_args,
        })
    }

    /// True when one of `changes` touches the measure or goal the view shows.
    pub fn touched_by(&self, changes: &[Change]) -> bool {
        changes.iter().any(|change| match (self.of, change) {
            (Of::All, _) => true,
            (
                Of::Measure(id),
                Change::MeasureAdded(m) | Change::MeasureUpdated(m) | Change::MeasureDeleted(m),
            ) => *m == id,
            (
                Of::Measure(id),
                Change::Linked { measure, .. }
                | Change::Unlinked { measure, .. }
                | Change::PrimarySet { measure, .. },
            ) => *measure == id,
            (
                Of::Goal(id),
                Change::GoalAdded(g)
                | Change::GoalUpdated(g)
                | Change::GoalMoved(g)
                | Change::GoalDeleted(g),
            ) => *g == id,
            (
                Of::Goal(id),
                Change::Linked { goal, .. }
                | Change::Unlinked { goal, .. }
                | Change::PrimarySet { goal, .. },
            ) => *goal == id,
            _ => false,
        })
    }

    /// The view's lines wrapped to `columns`, continuation lines indented like their first.
    pub fn lines(&self, columns: usize) -> Vec<(LineKind, String)> {
        let mut lines = Vec::new();
        let mut push = |kind: LineKind, indent: usize, text: &str| {
            for line in wrap(text, columns.saturating_sub(indent).max(8)) {
                lines.push((kind, format!("{}{line}", " ".repeat(indent))));
            }
        };
        for item in &self.items {
            push(LineKind::Head, 0, &format!("{}  {}", item.time, item.who));
            push(LineKind::What, 2, &item.what);
            for change in &item.changes {
                push(LineKind::Change, 4, &change.to_string());
            }
        }
        if let Some(note) = &self.note {
            push(LineKind::Note, 0, note);
        }
        lines
    }

    fn scroll_to(&mut self, line: isize, max: usize) {
        self.scroll = line.clamp(0, max as isize) as usize;
    }
}

/// `text` in lines of at most `columns`, broken at spaces (a longer word is cut); spaces
/// inside a line are kept.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for chunk in text.split_inclusive(' ') {
        let word = chunk.trim_end_matches(' ');
        let spaces = &chunk[word.len()..];
        let line = lines.last_mut().expect("one line at least");
        if width(line) + width(word) > columns && !line.trim_end().is_empty() {
            lines.push(String::new());
        }
        for c in word.chars() {
            let line = lines.last_mut().expect("one line at least");
            if width(line) + width(c.encode_utf8(&mut [0; 4])) > columns && !line.is_empty() {
                lines.push(String::new());
            }
            lines.last_mut().expect("one line at least").push(c);
        }
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() {
            line.push_str(spaces);
        }
    }
    lines.iter().map(|l| l.trim_end().to_string()).collect()
}

/// A moment as the view shows it, `2026-12-02 14:03`, in `zone`.
pub fn time_in<Z: TimeZone>(ms: i64, zone: &Z) -> String
where
    Z::Offset: std::fmt::Display,
{
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.with_timezone(zone).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// What the view says after its last entry: nothing found, or what was left out and where
/// the rest is (`quartier log`).
fn note(selection: &Selection, shown: usize, log_args: &str, lang: Lang) -> Option<String> {
    if selection.more {
        let text = lang.t(Text::HistoryMore);
        return Some(fill(text, &[("count", &shown), ("args", &log_args)]));
    }
    if let Some(searched) = selection.searched {
        let text = lang.t(Text::HistorySearched);
        return Some(fill(text, &[("count", &searched), ("args", &log_args)]));
    }
    (shown == 0).then(|| lang.t(Text::HistoryEmpty).to_string())
}

fn item(log: LogItem) -> HistoryItem {
    HistoryItem {
        seq: log.entry.seq,
        time: time_in(log.entry.time_ms, &chrono::Local),
        who: sanitize_line(&log.entry.user).into_owned(),
        what: sanitize_line(&log.what).into_owned(),
        changes: log.changes,
    }
}

impl App {
    /// `H`: the history of the selected measure (measure pane or detail focused) or goal
    /// (tree focused); normal mode and a message when there is none or it cannot be read.
    pub(super) fn open_history(&mut self) -> Mode {
        let subject = match self.focus {
            super::Focus::Tree => self.goal_subject(),
            _ => self.measure_subject(),
        };
        let Some((of, subject, log_args)) = subject else {
            return Mode::Normal;
        };
        match HistoryView::read(self.store(), of, &subject, log_args, self.lang) {
            Ok(view) => Mode::History(Box::new(view)),
            Err(error) => {
                self.say_error(&error);
                Mode::Normal
            }
        }
    }

    /// Reads the open history view again when `changes` (a colleague's, pushed by the server)
    /// touch its record. The lines in view stay in view; at the top, the new entries show.
    pub fn refresh_history(&mut self, changes: &[Change]) {
        let Mode::History(view) = &self.mode else {
            return;
        };
        if !view.touched_by(changes) {
            return;
        }
        let read = HistoryView::read(
            self.store(),
            view.of,
            &view.subject,
            view.log_args.clone(),
            self.lang,
        );
        let mut fresh = match read {
            Ok(fresh) => fresh,
            Err(error) => {
                self.say_error(&error);
                return;
            }
        };
        if view.scroll > 0 {
            // The entries newer than the view's newest push the lines in view down.
            let newest = view.items.first().map_or(0, |item| item.seq);
            let added = HistoryView {
                items: fresh
                    .items
                    .iter()
                    .take_while(|i| i.seq > newest)
                    .cloned()
                    .collect(),
                note: None,
                subject: String::new(),
                scroll: 0,
                of: fresh.of,
                log_args: String::new(),
            };
            let shift = added.lines(self.history_area().0).len();
            fresh.scroll = (view.scroll + shift).min(self.history_max_scroll(&fresh));
        }
        self.mode = Mode::History(Box::new(fresh));
    }

    fn measure_subject(&mut self) -> Option<(Of, String, String)> {
        let Some(id) = self.pane.selected_id() else {
            self.say_text(MessageKind::Info, Text::NoMeasureSelected);
            return None;
        };
        let title = self.selected_measure().map(|m| m.title).unwrap_or_default();
        Some((
            Of::Measure(id),
            format!("{id} {title}"),
            format!("--measure {id}"),
        ))
    }

    fn goal_subject(&mut self) -> Option<(Of, String, String)> {
        if self.refuse_on_virtual_row() {
            return None;
        }
        let goal = self.tree.selected()?;
        Some((
            Of::Goal(goal.id),
            format!("{} {}", goal.code, goal.title),
            format!("--goal {}", goal.code),
        ))
    }

    /// The view's text width and height on the screen as last resized (inside the border).
    pub fn history_area(&self) -> (usize, usize) {
        let main = Areas::new(self.screen()).main;
        (main.width.saturating_sub(2) as usize, inner_height(main))
    }

    /// How far the history view can scroll on the screen as last resized.
    pub fn history_max_scroll(&self, view: &HistoryView) -> usize {
        let (columns, rows) = self.history_area();
        view.lines(columns).len().saturating_sub(rows)
    }

    pub(super) fn update_history(&mut self, mut view: Box<HistoryView>, action: Action) -> Mode {
        let max = self.history_max_scroll(&view);
        let page = self.history_area().1.saturating_sub(1).max(1) as isize;
        let at = view.scroll as isize;
        match action {
            Action::Cancel => return Mode::Normal,
            Action::MoveDown => view.scroll_to(at + 1, max),
            Action::MoveUp => view.scroll_to(at - 1, max),
            Action::PageDown => view.scroll_to(at + page, max),
            Action::PageUp => view.scroll_to(at - page, max),
            Action::First => view.scroll_to(0, max),
            Action::Last => view.scroll_to(max as isize, max),
            other => self.unbound(Context::History, other),
        }
        Mode::History(view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("", 3), [""]);
        assert_eq!(wrap("14:03  anna", 20), ["14:03  anna"]);
        assert_eq!(wrap("ab   cd", 3), ["ab", "cd"]);
        assert_eq!(
            wrap("Bewilligt: – → 1.000,00 €", 12),
            ["Bewilligt: –", "→ 1.000,00 €"]
        );
    }

    #[test]
    fn times_are_minutes_in_the_given_zone() {
        let ms = 1_796_220_180_000; // 2026-12-02 14:03 UTC
        assert_eq!(time_in(ms, &chrono::Utc), "2026-12-02 14:03");
        let berlin = chrono::FixedOffset::east_opt(3600).unwrap();
        assert_eq!(time_in(ms, &berlin), "2026-12-02 15:03");
    }
}
