//! Editing a form: focus movement (with the parse check when a field is left), keys for the
//! focused input, Enter, the discard question and adding/removing list entries.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;
use tui_input::backend::crossterm::to_input_request;

use super::row::{Row, RowInput};
use super::slot::{Part, Slot};
use super::{Form, FormOutcome, FormValue, measure};
use crate::i18n::Localize;

/// Inserts `text` (one line) at the cursor of a single-line input and moves the cursor after it.
pub(crate) fn insert_into_line(input: &mut tui_input::Input, text: &str) {
    let cursor = input.cursor();
    let value = input.value();
    let at = value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(i, _)| i);
    let joined = format!("{}{text}{}", &value[..at], &value[at..]);
    *input = tui_input::Input::new(joined).with_cursor(cursor + text.chars().count());
}

impl Form {
    /// Tab: focus the next input (after the last comes the first).
    pub fn next_field(&mut self) {
        if !self.rows.is_empty() {
            self.move_focus((self.focus + 1) % self.rows.len());
        }
    }

    /// Shift-Tab: focus the previous input (before the first comes the last).
    pub fn prev_field(&mut self) {
        if !self.rows.is_empty() {
            self.move_focus((self.focus + self.rows.len() - 1) % self.rows.len());
        }
    }

    /// Enter: "yes" to the discard question, submit on the last input, else the next input —
    /// in multi-line inputs too (a new line there is [`Form::new_line`]).
    pub fn enter(&mut self) -> FormOutcome {
        if self.asking {
            self.asking = false;
            return FormOutcome::Cancelled;
        }
        if self.focus + 1 >= self.rows.len() {
            return self.submit();
        }
        self.next_field();
        FormOutcome::Pending
    }

    /// Alt-Enter / Ctrl-j: a new line in a multi-line input. False (nothing happens) in any
    /// other input or while the discard question is open.
    pub fn new_line(&mut self) -> bool {
        if self.asking {
            return false;
        }
        match self.rows.get_mut(self.focus) {
            Some(Row {
                input: RowInput::Text(area),
                ..
            }) => {
                area.insert_newline();
                true
            }
            _ => false,
        }
    }

    /// The answer to the discard question: the action the key pressed is bound to in questions
    /// (yes discards, no goes back to the form, anything else is ignored).
    pub fn answer(&mut self, action: Option<crate::app::action::Action>) -> FormOutcome {
        use crate::app::action::Action;
        let outcome = match action {
            Some(Action::Confirm) => FormOutcome::Cancelled,
            Some(Action::Deny) => FormOutcome::Pending,
            _ => return FormOutcome::Pending,
        };
        self.asking = false;
        outcome
    }

    /// Every other key: edits the focused input (shell-like keys in text, ←/→/Space in a
    /// choice), or answers the discard question with the keys the keymap binds to yes and no
    /// in questions (other keys are ignored there).
    pub fn input(&mut self, key: KeyEvent) -> FormOutcome {
        if key.kind == KeyEventKind::Release {
            return FormOutcome::Pending;
        }
        if self.asking {
            use crate::app::keymap;
            return self.answer(keymap::lookup(&[keymap::Context::Confirm], &key));
        }
        let delete_to_start =
            key.code == KeyCode::Char('u') && key.modifiers == KeyModifiers::CONTROL;
        let Some(row) = self.rows.get_mut(self.focus) else {
            return FormOutcome::Pending;
        };
        match &mut row.input {
            RowInput::Line(input) => {
                let request = if delete_to_start {
                    Some(InputRequest::DeleteFromStart)
                } else {
                    to_input_request(&Event::Key(key))
                };
                if let Some(request) = request {
                    input.handle(request);
                }
            }
            RowInput::Text(area) => {
                if delete_to_start {
                    area.delete_line_by_head();
                } else if key.code == KeyCode::Enter {
                    area.insert_newline();
                } else {
                    area.input(key);
                }
            }
            RowInput::Choice { options, index } if !options.is_empty() => match key.code {
                KeyCode::Left => *index = (*index + options.len() - 1) % options.len(),
                KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % options.len(),
                _ => {}
            },
            RowInput::Choice { .. } | RowInput::Placeholder => {}
        }
        FormOutcome::Pending
    }

    /// A paste: the whole text goes into the focused input as one edit (line breaks become
    /// spaces in a single-line input). False, and nothing changes, when the focused row is no
    /// text input (a choice or an empty list).
    pub fn paste(&mut self, text: &str) -> bool {
        if self.asking {
            return false;
        }
        let Some(row) = self.rows.get_mut(self.focus) else {
            return false;
        };
        match &mut row.input {
            RowInput::Line(input) => {
                insert_into_line(input, &crate::text::pasted_line(text));
                true
            }
            RowInput::Text(area) => {
                area.insert_str(crate::text::pasted_lines(text));
                true
            }
            RowInput::Choice { .. } | RowInput::Placeholder => false,
        }
    }

    /// Ctrl-n: in target groups or indicators, adds an empty entry after the focused one and
    /// focuses it. False (and nothing happens) elsewhere.
    pub fn add_entry(&mut self) -> bool {
        let FormValue::Measure(_) = self.original else {
            return false;
        };
        let at = self.focus;
        match self.focused_slot() {
            Slot::TargetGroups => {
                self.rows[at] = Row::new(Slot::TargetGroup(0), RowInput::line(""));
            }
            Slot::Indicators => {
                self.rows.splice(at..=at, measure::indicator_rows(0, None));
            }
            Slot::TargetGroup(_) => {
                self.leave(at);
                let row = Row::new(Slot::TargetGroup(0), RowInput::line(""));
                self.rows.insert(at + 1, row);
                self.focus = at + 1;
            }
            Slot::Indicator(n, _) => {
                self.leave(at);
                let end = self.group_range(n).end;
                self.rows.splice(end..end, measure::indicator_rows(0, None));
                self.focus = end;
            }
            _ => return false,
        }
        self.renumber();
        true
    }

    /// Ctrl-d: removes the focused target group or indicator (all five inputs). False elsewhere.
    pub fn remove_entry(&mut self) -> bool {
        match self.focused_slot() {
            Slot::TargetGroup(_) => {
                let at = self.focus;
                self.rows.remove(at);
                let any_left = self
                    .rows
                    .iter()
                    .any(|r| matches!(r.slot, Slot::TargetGroup(_)));
                if !any_left {
                    self.rows
                        .insert(at, Row::new(Slot::TargetGroups, RowInput::Placeholder));
                }
                let here = self.rows.get(at).map(|r| r.slot);
                self.focus = match here {
                    Some(Slot::TargetGroup(_) | Slot::TargetGroups) => at,
                    _ => at.saturating_sub(1),
                };
            }
            Slot::Indicator(n, _) => {
                let range = self.group_range(n);
                let start = range.start;
                self.rows.drain(range);
                let previous = start
                    .checked_sub(1)
                    .and_then(|i| self.rows.get(i))
                    .map(|r| r.slot);
                let next = self.rows.get(start).map(|r| r.slot);
                self.focus = match (next, previous) {
                    (Some(Slot::Indicator(..)), _) => start,
                    (_, Some(Slot::Indicator(m, _))) => self.group_range(m).start,
                    _ => {
                        self.rows
                            .insert(start, Row::new(Slot::Indicators, RowInput::Placeholder));
                        start
                    }
                };
            }
            _ => return false,
        }
        self.renumber();
        true
    }

    /// Moves the focus, checking the row that is left.
    pub(super) fn move_focus(&mut self, to: usize) {
        if to != self.focus {
            self.leave(self.focus);
        }
        self.focus = to.min(self.rows.len().saturating_sub(1));
    }

    /// The check when focus leaves a row: a value that cannot be parsed gets its error; an error
    /// goes once the changed value parses (and a required value is given).
    fn leave(&mut self, index: usize) {
        let lang = self.lang;
        let Some(row) = self.rows.get_mut(index) else {
            return;
        };
        let text = row.input.value();
        if let Some(problem) = row.slot.parse_problem(&text) {
            row.set_error(problem.localize(lang));
            return;
        }
        let required = matches!(
            row.slot,
            Slot::TITLE | Slot::Code | Slot::TargetGroup(_) | Slot::Indicator(_, Part::Name)
        );
        let changed = row.error.as_ref().is_some_and(|e| e.text != text);
        if changed && !(required && text.trim().is_empty()) {
            row.error = None;
        }
    }

    /// The rows of the n-th indicator.
    fn group_range(&self, n: usize) -> std::ops::Range<usize> {
        let is_group = |r: &Row| matches!(r.slot, Slot::Indicator(m, _) if m == n);
        let start = self
            .rows
            .iter()
            .position(is_group)
            .unwrap_or(self.rows.len());
        let len = self.rows[start..]
            .iter()
            .take_while(|r| is_group(r))
            .count();
        start..start + len
    }

    /// Numbers target groups and indicators from 0 in row order after an insert or removal.
    fn renumber(&mut self) {
        let mut groups = 0;
        let mut indicators: usize = 0;
        for row in &mut self.rows {
            match row.slot {
                Slot::TargetGroup(_) => {
                    row.slot = Slot::TargetGroup(groups);
                    groups += 1;
                }
                Slot::Indicator(_, part) => {
                    if part == Part::Name {
                        indicators += 1;
                    }
                    row.slot = Slot::Indicator(indicators.saturating_sub(1), part);
                }
                _ => {}
            }
        }
    }

    /// True when the focused input takes text (one line or several).
    pub fn focused_is_text(&self) -> bool {
        self.rows
            .get(self.focus)
            .is_some_and(|r| matches!(r.input, RowInput::Line(_) | RowInput::Text(_)))
    }

    /// True when the focused input takes several lines (Enter adds a line there).
    pub fn focused_is_multi_line(&self) -> bool {
        self.rows
            .get(self.focus)
            .is_some_and(|r| r.input.is_multi_line())
    }
}
