//! The client: a [`Repository`](crate::store::Repository) whose every read and write is a request to the server.
//!
//! Requests are sent one at a time (the connection is held for the round trip); a reading
//! thread hands responses to the waiting caller and every pushed change to the subscriber, if
//! any (the TUI's event loop).
//!
//! When the connection breaks (the server was killed, or stopped), a client made by
//! [`super::connect`] connects again, starting a new server if none answers: in the background
//! at once when the server went away unannounced, and on the next request otherwise. A read
//! whose answer was lost is asked again; a change whose answer was lost is reported as
//! [`StoreError::ServerGone`], never sent twice (it may or may not have been applied).

use std::io;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use super::connect::{dial, failed};
use super::frame::{self, MAX_FRAME};
use super::lock;

mod presence;
mod repository;
use super::protocol::{
    ClientMessage, Hello, PROTOCOL, Push, Reply, Request, ServerMessage, ServerStatus, Welcome,
    WireError,
};
use crate::ops::Applied;
use crate::store::StoreError;
pub use presence::Colleague;

/// How long the background reconnection keeps trying before it waits for the next request.
const RECONNECT_FOR: Duration = Duration::from_secs(60);

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

/// What the subscriber of a client hears besides answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerEvent {
    /// Someone else applied a change.
    Pushed(Push),
    /// The connection broke; the client is connecting again.
    Lost,
    /// The server stopped on purpose; the next request starts or finds one.
    Stopped,
    /// Connected again: changes made meanwhile were not pushed, so read everything again.
    Reconnected,
    /// Who else has a TUI open on the database now (names as `server status` shows them), and
    /// what they have open in a form.
    Presence(Vec<Colleague>),
}

/// How to connect again: the database and the program to start as its server.
#[derive(Clone, Debug)]
pub(super) struct Redial {
    pub db: PathBuf,
    pub program: Option<PathBuf>,
}

/// A connection to the server of one database.
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    socket: PathBuf,
    hello: Hello,
    redial: Option<Redial>,
    line: Mutex<Line>,
    incoming: Mutex<Receiver<Incoming>>,
    incoming_sender: Sender<Incoming>,
    events: Mutex<Option<Sender<ServerEvent>>>,
    next_id: AtomicU64,
    /// The record open in a form, as last told to the server ([`Client::set_editing`]).
    editing: Mutex<Option<crate::store::Editing>>,
}

/// The current connection, if any, and how many there have been.
struct Line {
    stream: Option<UnixStream>,
    generation: u64,
    welcome: Welcome,
}

/// What the reading thread hands to a waiting caller.
enum Incoming {
    Response(u64, Box<Result<Reply, WireError>>),
    Closed(u64),
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("socket", &self.inner.socket)
            .finish()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Some(stream) = lock(&self.inner.line).stream.take() {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    }
}

impl Client {
    /// Connects to the server listening on `socket` and introduces this client; it does not
    /// connect again when the connection breaks.
    pub fn connect(socket: &Path, hello: Hello) -> Result<Client, ConnectError> {
        let (stream, welcome) = dial(socket, &hello)?;
        Client::open(socket, hello, None, stream, welcome)
    }

    /// A client on a connection made by [`dial`].
    pub(super) fn open(
        socket: &Path,
        hello: Hello,
        redial: Option<Redial>,
        stream: UnixStream,
        welcome: Welcome,
    ) -> Result<Client, ConnectError> {
        let (incoming_sender, incoming) = mpsc::channel();
        let inner = Arc::new(Inner {
            socket: socket.to_path_buf(),
            hello,
            redial,
            line: Mutex::new(Line {
                stream: None,
                generation: 0,
                welcome,
            }),
            incoming: Mutex::new(incoming),
            incoming_sender,
            events: Mutex::new(None),
            next_id: AtomicU64::new(1),
            editing: Mutex::new(None),
        });
        install(&inner, &mut lock(&inner.line), stream).map_err(|e| failed(socket, e))?;
        Ok(Client { inner })
    }

    /// What the server said on connecting: the recorded name and the head of history.
    pub fn welcome(&self) -> Welcome {
        lock(&self.inner.line).welcome.clone()
    }

    /// The socket this client is connected to.
    pub fn socket(&self) -> &Path {
        &self.inner.socket
    }

    /// Every change others apply from now on, in history order, and the connection's state.
    pub fn subscribe(&self) -> Receiver<ServerEvent> {
        let (sender, receiver) = mpsc::channel();
        *lock(&self.inner.events) = Some(sender);
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

    /// Sends one request and waits for its response, connecting again first if the line is
    /// down. A read is asked again once if its answer was lost.
    fn call(&self, request: Request) -> Result<Reply, StoreError> {
        let repeatable = !matches!(
            request,
            Request::Apply(_) | Request::Undo { .. } | Request::Redo { .. } | Request::Stop
        );
        let mut line = lock(&self.inner.line);
        let mut attempts = 0;
        loop {
            attempts += 1;
            if line.stream.is_none() {
                redial(&self.inner, &mut line)?;
            }
            let id = self.inner.next_id.fetch_add(1, Ordering::Relaxed);
            let message = ClientMessage::Request {
                id,
                request: request.clone(),
            };
            let Some(stream) = line.stream.as_mut() else {
                return Err(StoreError::ServerGone);
            };
            if frame::send(stream, &message).is_err() {
                // Not sent: safe to send again on a new connection.
                line.stream = None;
                if attempts < 2 {
                    continue;
                }
                return Err(StoreError::ServerGone);
            }
            match wait_for(&self.inner, id, line.generation) {
                Some(result) => return result.map_err(StoreError::from),
                None => {
                    line.stream = None;
                    if repeatable && attempts < 2 {
                        continue;
                    }
                    return Err(StoreError::ServerGone);
                }
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

/// Waits for the answer to request `id`; `None` when the connection closed first.
fn wait_for(inner: &Inner, id: u64, generation: u64) -> Option<Result<Reply, WireError>> {
    let incoming = lock(&inner.incoming);
    loop {
        match incoming.recv() {
            Ok(Incoming::Response(answered, result)) if answered == id => return Some(*result),
            Ok(Incoming::Closed(closed)) if closed == generation => return None,
            Ok(_) => continue,
            Err(_) => return None,
        }
    }
}

/// Connects again (starting a server when this client may) and installs the new line.
fn redial(inner: &Arc<Inner>, line: &mut Line) -> Result<(), StoreError> {
    let connected = match &inner.redial {
        Some(redial) => {
            super::connect::dial_or_start(&redial.db, &inner.hello, redial.program.as_deref())
        }
        None => dial(&inner.socket, &inner.hello),
    };
    let (stream, welcome) = connected.map_err(|_| StoreError::ServerGone)?;
    line.welcome = welcome;
    install(inner, line, stream).map_err(|_| StoreError::ServerGone)?;
    presence::tell_editing(inner, line);
    Ok(())
}

/// Makes `stream` the current line and starts its reading thread.
fn install(inner: &Arc<Inner>, line: &mut Line, stream: UnixStream) -> io::Result<()> {
    let reader = stream.try_clone()?;
    line.generation += 1;
    line.stream = Some(stream);
    let generation = line.generation;
    let weak = Arc::downgrade(inner);
    let sender = inner.incoming_sender.clone();
    std::thread::spawn(move || read_messages(reader, generation, &sender, &weak));
    Ok(())
}

/// Reads the server's messages until the connection ends, then tells the waiting caller and
/// the subscriber, and connects again in the background unless the server stopped on purpose.
fn read_messages(
    stream: UnixStream,
    generation: u64,
    incoming: &Sender<Incoming>,
    inner: &Weak<Inner>,
) {
    let mut reader = io::BufReader::new(stream);
    let mut announced = false;
    loop {
        match frame::receive::<ServerMessage>(&mut reader, MAX_FRAME) {
            Ok(ServerMessage::Response { id, result }) => {
                let _ = incoming.send(Incoming::Response(id, result));
            }
            Ok(ServerMessage::Push(push)) => tell(inner, ServerEvent::Pushed(push)),
            Ok(ServerMessage::Closing) => announced = true,
            Ok(ServerMessage::Presence(clients)) => {
                tell(inner, ServerEvent::Presence(presence::colleagues(clients)));
            }
            Ok(ServerMessage::Welcome(_)) => {}
            Err(_) => break,
        }
    }
    let _ = incoming.send(Incoming::Closed(generation));
    if announced {
        tell(inner, ServerEvent::Stopped);
        return;
    }
    tell(inner, ServerEvent::Lost);
    reconnect_in_background(inner, generation);
}

/// Tries to connect again until it works, someone else did, or [`RECONNECT_FOR`] passed.
fn reconnect_in_background(inner: &Weak<Inner>, generation: u64) {
    let begun = Instant::now();
    while begun.elapsed() < RECONNECT_FOR {
        let Some(strong) = inner.upgrade() else {
            return;
        };
        if strong.redial.is_none() {
            return;
        }
        {
            let mut line = lock(&strong.line);
            if line.generation != generation {
                return;
            }
            line.stream = None;
            if redial(&strong, &mut line).is_ok() {
                drop(line);
                tell(inner, ServerEvent::Reconnected);
                return;
            }
        }
        drop(strong);
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn tell(inner: &Weak<Inner>, event: ServerEvent) {
    if let Some(inner) = inner.upgrade()
        && let Some(sender) = lock(&inner.events).as_ref()
    {
        let _ = sender.send(event);
    }
}

fn unexpected(reply: &Reply) -> StoreError {
    StoreError::Server(format!("unexpected reply {reply:?}"))
}
