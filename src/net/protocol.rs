//! The messages between a client and the server.
//!
//! A connection starts with a [`Handshake`] each way, in a layout that never changes, so that
//! two different versions of quartier can always tell each other which versions they are. Then
//! the client says [`Hello`], the server answers [`Welcome`], and the client sends
//! [`Request`]s with ids; the server answers each with a [`ServerMessage::Response`] of the
//! same id and pushes every change anyone applied as a [`Push`].

mod wire;

use serde::{Deserialize, Serialize};

use crate::model::{Goal, GoalId, Measure, MeasureId};
use crate::ops::{Applied, Change, Op};
use crate::store::{
    CourseAnswer, CourseQuery, Editing, HistoryEntry, Link, MoneyAnswer, MoneyQuery,
};

/// Version of the messages after the handshake. Raise it on any change to them.
pub const PROTOCOL: u32 = 7;

/// Format byte of a [`Handshake`]: fixed forever, unlike [`super::frame::MESSAGE_FORMAT`].
pub const HANDSHAKE_FORMAT: u8 = 0x71;

/// Marks a quartier connection.
pub const MAGIC: [u8; 8] = *b"quartier";

/// The first frame each way: who speaks which protocol. Its layout never changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handshake {
    pub magic: [u8; 8],
    pub protocol: u32,
    /// The program's version, e.g. `0.1.0`.
    pub program: String,
}

impl Handshake {
    /// This program's handshake.
    pub fn ours() -> Handshake {
        Handshake {
            magic: MAGIC,
            protocol: PROTOCOL,
            program: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// Sends this program's handshake and reads the peer's, giving up after `timeout`. Both sides
/// write first: the frames are small, so neither waits for the other.
pub fn swap_handshakes(
    stream: &std::os::unix::net::UnixStream,
    timeout: std::time::Duration,
) -> Result<Handshake, String> {
    let mut io = stream;
    let _ = stream.set_read_timeout(Some(timeout));
    let ours = crate::store::codec::encode(HANDSHAKE_FORMAT, &Handshake::ours());
    super::frame::write_frame(&mut io, &ours).map_err(|e| e.to_string())?;
    let payload = super::frame::read_frame(&mut io, 4096).map_err(|e| e.to_string())?;
    crate::store::codec::decode(&payload, HANDSHAKE_FORMAT).map_err(|e| format!("handshake: {e}"))
}

/// What a client tells the server about itself after the handshake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// A name given by the user (`--as`), recorded beside the Unix user, never instead of it.
    pub display_name: Option<String>,
    /// What the client has open: `TUI`, or the subcommand.
    pub purpose: String,
    /// The client's language (`de`, `en`): the server describes check results in it.
    pub lang: String,
}

/// The server's answer to [`Hello`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    /// The name the server records for this client's changes.
    pub actor: String,
    pub server_pid: u32,
    /// The newest history sequence number when the client connected.
    pub head: u64,
}

/// Everything a client sends after the handshake.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ClientMessage {
    Hello(Hello),
    Request {
        id: u64,
        request: Request,
    },
    /// The record this client has open in a form now (`None`: none); no answer, the server
    /// tells everyone in the next [`ServerMessage::Presence`].
    Editing(Option<Editing>),
}

/// What a client asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Apply(Box<Op>),
    /// Undo the connection's actor's newest change; `anyway` overwrites colleagues' later
    /// changes to its records.
    Undo {
        anyway: bool,
    },
    /// Redo the connection's actor's newest undone change.
    Redo {
        anyway: bool,
    },
    Goals,
    Measure(MeasureId),
    /// One measure with its revision.
    MeasureRevised(MeasureId),
    /// One goal with its revision.
    GoalRevised(GoalId),
    /// Up to `limit` measures with ids above `after`, in id order: every measure is read page
    /// by page, so neither side holds all of them encoded at once.
    MeasuresAfter {
        after: MeasureId,
        limit: u32,
    },
    /// The measures with these ids that exist (at most [`crate::net::server::MAX_PAGE`] are
    /// answered), in the order asked.
    MeasuresById(Vec<MeasureId>),
    /// The id of every measure, ascending.
    MeasureIds,
    /// The ids the next added goal and measure will get.
    NextIds,
    /// Whether the connection's actor has something to undo.
    CanUndo,
    /// Whether the connection's actor has something to redo.
    CanRedo,
    LinksOfMeasure(MeasureId),
    LinksOfGoal(GoalId),
    Links,
    History {
        limit: u32,
    },
    HistoryEntry(u64),
    Check,
    Status,
    Stop,
    /// A question about pots, plans or payments (issue 14).
    Money(MoneyQuery),
    /// A question about sessions, decisions, steps or deadlines (issue 15).
    Course(CourseQuery),
}

/// Everything the server sends after the handshake.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ServerMessage {
    Welcome(Welcome),
    Response {
        id: u64,
        result: Box<Result<Reply, WireError>>,
    },
    Push(Push),
    /// Who is connected now and what they have open in a form; sent to everyone when someone
    /// comes or goes or opens or closes a form.
    Presence(Vec<ClientInfo>),
    /// The server is stopping on purpose (`server stop`, a signal, idle): do not start a new
    /// one behind the user's back.
    Closing,
}

/// The answer to a [`Request`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Applied(Applied),
    Goals(Vec<Goal>),
    Measure(Option<Box<Measure>>),
    MeasureRevised(Option<Box<(u64, Measure)>>),
    GoalRevised(Option<Box<(u64, Goal)>>),
    Measures(Vec<Measure>),
    MeasureIds(Vec<MeasureId>),
    NextIds(GoalId, MeasureId),
    Flag(bool),
    Links(Vec<Link>),
    History(Vec<HistoryEntry>),
    HistoryEntry(Option<Box<HistoryEntry>>),
    /// Problems `check` found, described in the client's language.
    Check(Vec<String>),
    Status(ServerStatus),
    Stopping,
    Money(MoneyAnswer),
    Course(CourseAnswer),
}

/// A change someone applied, sent to every other client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Push {
    pub seq: u64,
    pub actor: String,
    pub changes: Vec<Change>,
    /// What the change was, as the history names it (`M-0012 „…“ geändert`), in German and
    /// in English: described once by the server, so no client reads the history entry (an
    /// import's holds the whole batch) to say it.
    pub what: [String; 2],
}

impl Push {
    /// The description in `lang`.
    pub fn what(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::De => &self.what[0],
            crate::i18n::Lang::En => &self.what[1],
        }
    }
}

/// What `quartier server status` shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerStatus {
    pub pid: u32,
    /// Milliseconds since the Unix epoch.
    pub started_ms: i64,
    pub database: String,
    pub socket: String,
    pub program: String,
    pub ops_served: u64,
    pub clients: Vec<ClientInfo>,
}

/// One connected client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientInfo {
    /// The Unix user, from the socket's peer credentials.
    pub user: String,
    pub display_name: Option<String>,
    pub pid: u32,
    pub since_ms: i64,
    pub purpose: String,
    /// The record the client has open in a form, if any.
    pub editing: Option<Editing>,
}

/// A store error as it crosses the wire: the variants a client acts on keep their data, the
/// server's own trouble (disk, damage) arrives as its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WireError {
    Invalid(Vec<crate::model::ValidationError>),
    GoalNotFound(String),
    MeasureNotFound(MeasureId),
    IdOutOfRange {
        id: u64,
        max: u64,
    },
    MeasureExists(MeasureId),
    DuplicateCode(String),
    AlreadyLinked {
        measure: MeasureId,
        goal: String,
    },
    NotLinked {
        measure: MeasureId,
        goal: String,
    },
    GoalInUse {
        code: String,
        measures: usize,
        children: usize,
    },
    MoveIntoOwnSubtree(String),
    Conflict {
        record: crate::ops::Record,
        expected: u64,
        found: u64,
    },
    NothingToUndo,
    NothingToRedo,
    ChangedSince {
        user: String,
        record: crate::store::RecordName,
        time_ms: i64,
        redo: bool,
    },
    DeletedSince {
        user: String,
        record: crate::store::RecordName,
        time_ms: i64,
        redo: bool,
    },
    /// Anything else went wrong on the server; its description.
    Server(String),
    /// The request is not allowed on this connection (e.g. `Stop` from another user).
    Refused(String),
    NotFound(crate::ops::Record),
    Exists(crate::ops::Record),
    SessionHasDecisions {
        session: crate::model::SessionId,
        decisions: usize,
    },
}
