//! What the detail pane shows: the selected measure, read from the repository when the
//! selection or the data changes — never while drawing. A failed read is kept as its message,
//! shown in the pane and in the status bar, so the pane is never silently empty.

use super::{App, MessageKind};
use crate::i18n::{Localize, Text, fill};
use crate::model::{Measure, MeasureId};

/// The measure the detail pane shows, as last read.
#[derive(Debug, Default)]
pub struct Detail {
    /// The measure it was read for (`None`: nothing selected).
    id: Option<MeasureId>,
    shown: Shown,
    /// The data changed since the read: read again before the next frame.
    stale: bool,
    /// The measure's plan and payments (issue 14), read with it.
    money: crate::store::MeasureMoney,
}

/// The outcome of the last read.
#[derive(Debug, Default)]
pub enum Shown {
    /// Nothing selected, or the measure no longer exists.
    #[default]
    Nothing,
    Measure(Box<Measure>),
    /// Reading it failed; the message says why.
    Unreadable(String),
}

impl Detail {
    /// What the pane shows.
    pub fn shown(&self) -> &Shown {
        &self.shown
    }

    /// The measure shown, if it was read.
    pub fn measure(&self) -> Option<&Measure> {
        match &self.shown {
            Shown::Measure(measure) => Some(measure),
            _ => None,
        }
    }

    /// The shown measure's plan and payments.
    pub fn money(&self) -> &crate::store::MeasureMoney {
        &self.money
    }

    /// Marks the measure for a new read (its data may have changed).
    pub fn invalidate(&mut self) {
        self.stale = true;
    }
}

impl App {
    /// The detail pane's content.
    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    /// The measure selected in the measure pane, as the detail pane shows it.
    pub fn selected_measure(&self) -> Option<Measure> {
        self.detail.measure().cloned()
    }

    /// Reads the selected measure when the selection moved or the data changed since the last
    /// read; a failure becomes a status message and the pane's text.
    pub fn refresh_detail(&mut self) {
        let id = self.pane.selected_id();
        if id == self.detail.id && !self.detail.stale {
            return;
        }
        self.detail.id = id;
        self.detail.stale = false;
        self.detail.shown = match id.map(|id| (id, self.store.measure(id))) {
            None | Some((_, Ok(None))) => Shown::Nothing,
            Some((_, Ok(Some(measure)))) => Shown::Measure(Box::new(measure)),
            Some((id, Err(error))) => {
                let error = error.localize(self.lang);
                let text = fill(
                    self.lang.t(Text::DetailUnreadable),
                    &[("id", &id.to_string()), ("error", &error)],
                );
                self.say(MessageKind::Error, text.clone());
                Shown::Unreadable(text)
            }
        };
        self.detail.money = match (&self.detail.shown, id) {
            (Shown::Measure(_), Some(id)) => match self.store.measure_money(id) {
                Ok(money) => money,
                Err(error) => {
                    self.say(MessageKind::Error, error.localize(self.lang));
                    Default::default()
                }
            },
            _ => Default::default(),
        };
    }
}
