//! What arrives from the database's server while the TUI runs: changes colleagues (or the
//! command line) made, and the state of the connection. A change is taken in as if it were the
//! user's own (the same refresh), keeping selection, scroll, open form and search; the status
//! bar says who did what. When the connection breaks the client connects again by itself; after
//! that everything is read again, because changes made meanwhile were not pushed.

use super::{App, MessageKind};
use crate::i18n::{Text, fill};
use crate::net::client::ServerEvent;
use crate::net::protocol::Push;
use crate::ops::Change;

impl App {
    /// Takes in one event from the server.
    pub fn on_server_event(&mut self, event: ServerEvent) {
        match event {
            ServerEvent::Pushed(push) => self.changed_by_others(&push),
            ServerEvent::Lost => self.say_text(MessageKind::Error, Text::LiveConnectionLost),
            ServerEvent::Stopped => self.say_text(MessageKind::Info, Text::LiveServerStopped),
            ServerEvent::Presence(mut others) => {
                others.sort();
                self.others = others;
            }
            ServerEvent::Reconnected => {
                self.cache.clear();
                // `reload` refills the pane, which marks the detail for a new read.
                self.reload(true);
                self.recount_overdue(None);
                self.restart_prefetch();
                self.refresh_detail();
                self.say_text(MessageKind::Success, Text::LiveReconnected);
            }
        }
    }

    fn changed_by_others(&mut self, push: &Push) {
        let selected = self.pane.selected_id();
        // `refresh` refills the pane, which marks the detail for a new read.
        self.refresh(&push.changes);
        self.refresh_history(&push.changes);
        self.refresh_payments(&push.changes);
        self.refresh_course_views(&push.changes);
        self.refresh_detail();
        let who = crate::text::sanitize_line(&push.actor).into_owned();
        let deleted = selected.filter(|id| push.changes.contains(&Change::MeasureDeleted(*id)));
        let text = match deleted {
            Some(id) => fill(
                self.lang.t(Text::LiveSelectedDeleted),
                &[("who", &who), ("id", &id)],
            ),
            None => fill(
                self.lang.t(Text::LiveChange),
                &[("who", &who), ("what", &push.what(self.lang))],
            ),
        };
        self.say(MessageKind::Info, text);
    }
}
