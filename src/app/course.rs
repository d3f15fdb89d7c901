//! The Verlauf overlay (`v`, issue 15): the status steps and decisions of the measure in the
//! detail pane, newest first. It shows what the detail pane read with the measure, so opening
//! it reads nothing.

use super::action::Action;
use super::keymap::Context;
use super::{App, MessageKind, Mode};
use crate::i18n::Text;

impl App {
    /// Opens the Verlauf of the measure in the detail pane; without one, says so.
    pub(super) fn open_course(&mut self) -> Mode {
        if self.detail().measure().is_none() {
            self.say(MessageKind::Info, self.lang.t(Text::CourseNoMeasure));
            return Mode::Normal;
        }
        Mode::Course { scroll: 0 }
    }

    /// A bound key in the Verlauf; the next mode.
    pub(super) fn update_course(&mut self, scroll: u16, action: Action) -> Mode {
        let scroll = match action {
            Action::MoveDown => scroll.saturating_add(1),
            Action::MoveUp => scroll.saturating_sub(1),
            Action::Cancel => return Mode::Normal,
            other => {
                self.unbound(Context::Course, other);
                scroll
            }
        };
        Mode::Course { scroll }
    }
}
