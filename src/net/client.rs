//! The client: a [`Repository`] whose every read and write is a request to the server.
//!
//! Requests are sent one at a time (the connection is held for the round trip); a reading
//! thread hands responses to the waiting caller and every pushed change to the subscriber, if
//! any (the TUI's event loop).

use std::io;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use super::frame::{self, FrameError, MAX_FRAME};
use super::protocol::{
    ClientMessage, HANDSHAKE_FORMAT, Handshake, Hello, MAGIC, PROTOCOL, Push, Reply, Request,
    ServerMessage, ServerStatus, Welcome, WireError,
};
use crate::model::{Goal, GoalId, Measure, MeasureId};
use crate::ops::{Applied, Op};
use crate::store::{HistoryEntry, Inconsistency, Link, Repository, StoreError, codec};

/// Why a connection could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// Nobody listens on the socket (no server, or a stale socket).
    #[error("no server at {0}")]
    NoServer(PathBuf),
    /// The socket or the database belongs to someone else.
    #[error("no permission for {0}")]
    PermissionDenied(PathBuf),
    /// The server speaks another protocol version.
    #[error(
        "server speaks protocol {server_protocol} (quartier {server_program}), this program {PROTOCOL} (quartier {})",
        env!("CARGO_PKG_VERSION")
    )]
    Version {
        server_protocol: u32,
        server_program: String,
    },
    /// Something else went wrong talking to the server.
    #[error("{socket}: {reason}")]
    Failed { socket: PathBuf, reason: String },
    /// A server was started but did not come up; the last lines of its log.
    #[error("the server did not start: {}", .log.join(" | "))]
    ServerFailed { log: Vec<String> },
}

/// A connection to the server of one database.
pub struct Client {
    writer: Mutex<UnixStream>,
    responses: Mutex<Receiver<(u64, Result<Reply, WireError>)>>,
    pushes: Arc<Mutex<Option<Sender<Push>>>>,
    next_id: AtomicU64,
    welcome: Welcome,
    socket: PathBuf,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("socket", &self.socket)
            .field("welcome", &self.welcome)
            .finish()
    }
}

impl Client {
    /// Connects to the server listening on `socket` and introduces this client.
    pub fn connect(socket: &Path, hello: Hello) -> Result<Client, ConnectError> {
        let stream = UnixStream::connect(socket).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused => {
                ConnectError::NoServer(socket.to_path_buf())
            }
            io::ErrorKind::PermissionDenied => ConnectError::PermissionDenied(socket.to_path_buf()),
            _ => failed(socket, e),
        })?;
        let welcome = introduce(&stream, socket, hello)?;
        let reader = stream.try_clone().map_err(|e| failed(socket, e))?;
        let (responses, receiver) = mpsc::channel();
        let pushes: Arc<Mutex<Option<Sender<Push>>>> = Arc::default();
        {
            let pushes = Arc::clone(&pushes);
            std::thread::spawn(move || read_messages(reader, &responses, &pushes));
        }
        Ok(Client {
            writer: Mutex::new(stream),
            responses: Mutex::new(receiver),
            pushes,
            next_id: AtomicU64::new(1),
            welcome,
            socket: socket.to_path_buf(),
        })
    }

    /// What the server said on connecting: the recorded name and the head of history.
    pub fn welcome(&self) -> &Welcome {
        &self.welcome
    }

    /// The socket this client is connected to.
    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// Every change others apply from now on, in history order.
    pub fn subscribe(&self) -> Receiver<Push> {
        let (sender, receiver) = mpsc::channel();
        *self.pushes.lock().unwrap_or_else(|e| e.into_inner()) = Some(sender);
        receiver
    }

    /// The server's pid, clients and counters.
    pub fn status(&self) -> Result<ServerStatus, StoreError> {
        match self.call(Request::Status)? {
            Reply::Status(status) => Ok(status),
            other => Err(unexpected(&other)),
        }
    }

    /// Asks the server to stop (it disconnects everyone, closes the database, exits).
    pub fn stop(&self) -> Result<(), StoreError> {
        match self.call(Request::Stop)? {
            Reply::Stopping => Ok(()),
            other => Err(unexpected(&other)),
        }
    }

    /// Sends one request and waits for its response.
    fn call(&self, request: Request) -> Result<Reply, StoreError> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        frame::send(&mut *writer, &ClientMessage::Request { id, request })
            .map_err(|_| StoreError::ServerGone)?;
        let responses = self.responses.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            match responses.recv() {
                Ok((answered, result)) if answered == id => {
                    return result.map_err(StoreError::from);
                }
                Ok(_) => continue,
                Err(_) => return Err(StoreError::ServerGone),
            }
        }
    }

    fn change(&self, request: Request) -> Result<Applied, StoreError> {
        match self.call(request)? {
            Reply::Applied(applied) => Ok(applied),
            other => Err(unexpected(&other)),
        }
    }
}

fn failed(socket: &Path, error: impl std::fmt::Display) -> ConnectError {
    ConnectError::Failed {
        socket: socket.to_path_buf(),
        reason: error.to_string(),
    }
}

/// Exchanges handshakes and hello/welcome.
fn introduce(stream: &UnixStream, socket: &Path, hello: Hello) -> Result<Welcome, ConnectError> {
    let mut io = stream;
    let timeout = Some(std::time::Duration::from_secs(10));
    let _ = stream.set_read_timeout(timeout);
    frame::write_frame(
        &mut io,
        &codec::encode(HANDSHAKE_FORMAT, &Handshake::ours()),
    )
    .map_err(|e| failed(socket, e))?;
    let payload = frame::read_frame(&mut io, 4096).map_err(|e| failed(socket, e))?;
    let theirs: Handshake =
        codec::decode(&payload, HANDSHAKE_FORMAT).map_err(|e| failed(socket, e))?;
    if theirs.magic != MAGIC {
        return Err(failed(socket, "not a quartier server"));
    }
    if theirs.protocol != PROTOCOL {
        return Err(ConnectError::Version {
            server_protocol: theirs.protocol,
            server_program: crate::text::sanitize_line(&theirs.program).into_owned(),
        });
    }
    frame::send(&mut io, &ClientMessage::Hello(hello)).map_err(|e| failed(socket, e))?;
    let welcome = match frame::receive::<ServerMessage>(&mut io, MAX_FRAME) {
        Ok(ServerMessage::Welcome(welcome)) => welcome,
        Ok(_) => return Err(failed(socket, "no welcome")),
        Err(e) => return Err(failed(socket, e)),
    };
    let _ = stream.set_read_timeout(None);
    Ok(welcome)
}

/// Reads the server's messages until the connection ends.
fn read_messages(
    stream: UnixStream,
    responses: &Sender<(u64, Result<Reply, WireError>)>,
    pushes: &Mutex<Option<Sender<Push>>>,
) {
    let mut reader = io::BufReader::new(stream);
    loop {
        match frame::receive::<ServerMessage>(&mut reader, MAX_FRAME) {
            Ok(ServerMessage::Response { id, result }) => {
                if responses.send((id, result)).is_err() {
                    return;
                }
            }
            Ok(ServerMessage::Push(push)) => {
                let pushes = pushes.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(sender) = pushes.as_ref() {
                    let _ = sender.send(push);
                }
            }
            Ok(ServerMessage::Welcome(_)) => {}
            Err(FrameError::Closed) | Err(_) => return,
        }
    }
}

fn unexpected(reply: &Reply) -> StoreError {
    StoreError::Server(format!("unexpected reply {reply:?}"))
}

impl Repository for Client {
    fn apply(&mut self, op: Op, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Apply(op))
    }

    fn undo(&mut self, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Undo)
    }

    fn redo(&mut self, _actor: &str) -> Result<Applied, StoreError> {
        self.change(Request::Redo)
    }

    fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        match self.call(Request::Goals)? {
            Reply::Goals(goals) => Ok(goals),
            other => Err(unexpected(&other)),
        }
    }

    fn measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError> {
        match self.call(Request::Measure(id))? {
            Reply::Measure(measure) => Ok(measure),
            other => Err(unexpected(&other)),
        }
    }

    fn measures(&self) -> Result<Vec<Measure>, StoreError> {
        match self.call(Request::Measures)? {
            Reply::Measures(measures) => Ok(measures),
            other => Err(unexpected(&other)),
        }
    }

    fn links_of_measure(&self, id: MeasureId) -> Result<Vec<Link>, StoreError> {
        match self.call(Request::LinksOfMeasure(id))? {
            Reply::Links(links) => Ok(links),
            other => Err(unexpected(&other)),
        }
    }

    fn links_of_goal(&self, id: GoalId) -> Result<Vec<Link>, StoreError> {
        match self.call(Request::LinksOfGoal(id))? {
            Reply::Links(links) => Ok(links),
            other => Err(unexpected(&other)),
        }
    }

    fn links(&self) -> Result<Vec<Link>, StoreError> {
        match self.call(Request::Links)? {
            Reply::Links(links) => Ok(links),
            other => Err(unexpected(&other)),
        }
    }

    fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        match self.call(Request::History { limit })? {
            Reply::History(entries) => Ok(entries),
            other => Err(unexpected(&other)),
        }
    }

    fn history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError> {
        match self.call(Request::HistoryEntry(seq))? {
            Reply::HistoryEntry(entry) => Ok(entry),
            other => Err(unexpected(&other)),
        }
    }

    fn check(&self) -> Vec<Inconsistency> {
        match self.call(Request::Check) {
            Ok(Reply::Check(problems)) => {
                problems.into_iter().map(Inconsistency::Reported).collect()
            }
            Ok(other) => vec![Inconsistency::Reported(unexpected(&other).to_string())],
            Err(error) => vec![Inconsistency::Reported(error.to_string())],
        }
    }
}
