//! Who else is here: the colleagues a client hears about in the server's presence messages,
//! and the record this client has open in a form, which it tells the server (again after
//! connecting anew, since a new connection starts with none).

use super::{Client, Inner, Line};
use crate::net::frame;
use crate::net::lock;
use crate::net::protocol::{ClientInfo, ClientMessage};
use crate::store::Editing;

/// Someone else with a TUI open on the database.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Colleague {
    /// Their `--as` name (sanitised), else their Unix user.
    pub name: String,
    /// The record they have open in a form.
    pub editing: Option<Editing>,
}

/// The colleagues among `clients`: every TUI but this process's own.
pub(super) fn colleagues(clients: Vec<ClientInfo>) -> Vec<Colleague> {
    let me = std::process::id();
    clients
        .into_iter()
        .filter(|c| c.pid != me && c.purpose == "TUI")
        .map(|c| Colleague {
            name: match c.display_name {
                Some(name) => crate::text::sanitize_line(&name).into_owned(),
                None => c.user,
            },
            editing: c.editing,
        })
        .collect()
}

impl Client {
    /// Tells the server which record this client has open in a form (`None`: none). Sent
    /// only when it changed; without a connection it is sent once one is made again.
    pub fn set_editing(&self, editing: Option<Editing>) {
        let mut told = lock(&self.inner.editing);
        if *told == editing {
            return;
        }
        *told = editing;
        drop(told);
        let mut line = lock(&self.inner.line);
        tell_editing(&self.inner, &mut line);
    }
}

/// Sends the record this client has open in a form on the current connection, if any (a
/// failed send is left to the reading thread, which notices the broken connection).
pub(super) fn tell_editing(inner: &Inner, line: &mut Line) {
    let editing = *lock(&inner.editing);
    if let Some(stream) = line.stream.as_mut() {
        let _ = frame::send(stream, &ClientMessage::Editing(editing));
    }
}
