//! The server: the one process that owns a database's sled files and serves every quartier
//! started on it, over a Unix socket.
//!
//! One thread accepts connections; each client gets a reading thread (its requests, answered
//! in order) and a writing thread fed by a bounded queue. Changes are applied one at a time
//! under the store's write lock, flushed and synced by [`Store::apply`], acknowledged to the
//! client that sent them and then pushed to every other client, still under the lock, so every
//! client sees changes in history order. A client whose queue is full, who sends a frame that
//! is too large or malformed, or who goes away, is disconnected alone.

use std::io;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::frame::{self, FrameError, MAX_FRAME};
use super::log::Log;
use super::protocol::{
    ClientInfo, ClientMessage, HANDSHAKE_FORMAT, Handshake, Hello, MAGIC, PROTOCOL, Push, Reply,
    Request, ServerMessage, ServerStatus, Welcome, WireError,
};
use super::socket;
use crate::i18n::{Lang, Localize};
use crate::store::{Repository, Store, StoreError, codec};

/// Frames a client may have waiting to be written before it counts as not reading.
const OUTBOX: usize = 1024;

/// How long a new connection may take for its handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

/// How the server runs.
#[derive(Clone, Debug, Default)]
pub struct ServeOptions {
    /// Stop when no client has been connected for this long (`None`: run until stopped).
    pub idle_exit: Option<Duration>,
    /// Leave the terminal's session: started in the background by a client.
    pub detach: bool,
}

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("socket {path}: {source}")]
    Socket { path: PathBuf, source: io::Error },
}

/// What the main thread of the server is told.
enum Event {
    ClientLeft,
    Stop(&'static str),
}

/// State every thread of the server shares.
struct Shared {
    store: RwLock<Option<Store>>,
    clients: Mutex<Vec<Peer>>,
    ops_served: AtomicU64,
    next_client: AtomicU64,
    started_ms: i64,
    database: PathBuf,
    socket: PathBuf,
    owner_uid: u32,
    events: mpsc::Sender<Event>,
    log: Log,
    /// Writing threads still running; shutting down waits for them to empty their queues.
    writers: Arc<AtomicU64>,
}

/// A connected client as the server sees it.
struct Peer {
    id: u64,
    info: ClientInfo,
    outbox: SyncSender<Arc<Vec<u8>>>,
    stream: UnixStream,
}

/// How often the server does its housekeeping (e.g. the daily backup) while it runs.
const HOUSEKEEPING: Duration = Duration::from_secs(3600);

/// Work the layers above the server do on its store: at start and every hour (the command
/// line passes the daily backup and the report of repairs made on opening).
pub type Housekeeping<'a> = &'a dyn Fn(&Store, &Log);

/// Runs the server of the database at `db` until it is stopped (or idle, see
/// [`ServeOptions::idle_exit`]). Returns [`StoreError::Locked`] when another process holds the
/// database: then that process is the server.
pub fn serve(
    db: &Path,
    options: &ServeOptions,
    housekeeping: Housekeeping<'_>,
) -> Result<(), ServeError> {
    if options.detach {
        // Own session: a hang-up of the terminal that started it does not reach the server.
        let _ = rustix::process::setsid();
    }
    let log = Log::open(db);
    if options.detach {
        log.capture_stderr();
    }
    let store = match Store::open(db) {
        Ok(store) => store,
        Err(error) => {
            log.line(&format!("cannot open the database: {error}"));
            return Err(error.into());
        }
    };
    housekeeping(&store, &log);
    let socket = socket::socket_path(db);
    let listener = bind(&socket).map_err(|source| ServeError::Socket {
        path: socket.clone(),
        source,
    })?;
    let record = db.join(socket::SOCKET_RECORD);
    if socket.parent() != std::fs::canonicalize(db).ok().as_deref() {
        let _ = std::fs::write(&record, format!("{}\n", socket.display()));
    } else {
        let _ = std::fs::remove_file(&record);
    }
    let (events, receiver) = mpsc::channel();
    let shared = Arc::new(Shared {
        store: RwLock::new(Some(store)),
        clients: Mutex::new(Vec::new()),
        ops_served: AtomicU64::new(0),
        next_client: AtomicU64::new(1),
        started_ms: now_ms(),
        database: std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf()),
        socket: socket.clone(),
        owner_uid: rustix::process::getuid().as_raw(),
        events,
        log,
        writers: Arc::default(),
    });
    watch_signals(&shared);
    shared.log.line(&format!(
        "serving {} on {} (pid {})",
        shared.database.display(),
        socket.display(),
        std::process::id()
    ));
    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || accept(listener, shared));
    }
    let reason = wait_for_stop(&shared, &receiver, options.idle_exit, housekeeping);
    shut_down(&shared, reason);
    Ok(())
}

/// Binds the socket, replacing a stale one: the database lock is ours, so no other server
/// can be listening on it.
fn bind(socket: &Path) -> io::Result<UnixListener> {
    socket::prepare_socket_dir(socket)?;
    match std::fs::remove_file(socket) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    UnixListener::bind(socket)
}

fn watch_signals(shared: &Arc<Shared>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM]) else {
        return;
    };
    let events = shared.events.clone();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            // A hang-up of a terminal the server may once have had is not a reason to stop.
            if signal != SIGHUP {
                let _ = events.send(Event::Stop("signal"));
                return;
            }
        }
    });
}

/// Blocks until a stop request, a signal, or the idle time ran out; returns why.
fn wait_for_stop(
    shared: &Shared,
    receiver: &Receiver<Event>,
    idle_exit: Option<Duration>,
    housekeeping: Housekeeping<'_>,
) -> &'static str {
    let mut idle_since = Some(Instant::now());
    let mut kept = Instant::now();
    loop {
        if kept.elapsed() >= HOUSEKEEPING {
            kept = Instant::now();
            let _ = read_store(shared, |store| {
                housekeeping(store, &shared.log);
                Ok(())
            });
        }
        match receiver.recv_timeout(Duration::from_millis(250)) {
            Ok(Event::Stop(reason)) => return reason,
            Ok(Event::ClientLeft) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return "internal",
        }
        let connected = !lock(&shared.clients).is_empty();
        idle_since = match (connected, idle_since) {
            (true, _) => None,
            (false, None) => Some(Instant::now()),
            (false, since) => since,
        };
        if let (Some(limit), Some(since)) = (idle_exit, idle_since)
            && since.elapsed() >= limit
        {
            return "idle";
        }
    }
}

/// Disconnects every client (after what is queued for it, such as the answer to `stop`, is
/// written), closes the store (flushed and synced) and removes the socket.
fn shut_down(shared: &Shared, reason: &str) {
    let mut store = shared.store.write().unwrap_or_else(|e| e.into_inner());
    let closing = Arc::new(frame::encode(&ServerMessage::Closing));
    for peer in lock(&shared.clients).drain(..) {
        let _ = post(&peer.outbox, Arc::clone(&closing));
        let _ = peer.stream.shutdown(std::net::Shutdown::Read);
    }
    let begun = Instant::now();
    while shared.writers.load(Ordering::Relaxed) > 0 && begun.elapsed() < Duration::from_secs(1) {
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(store.take());
    let _ = std::fs::remove_file(&shared.socket);
    shared.log.line(&format!("stopped ({reason})"));
}

fn accept(listener: UnixListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            let reason = session(&shared, stream);
            if let Some(reason) = reason {
                shared.log.line(&reason);
            }
            let _ = shared.events.send(Event::ClientLeft);
        });
    }
}

/// Serves one connection until it ends; returns a line for the log when it ended badly.
fn session(shared: &Arc<Shared>, stream: UnixStream) -> Option<String> {
    let (user, uid, pid) = match socket::peer(&stream) {
        Ok(peer) => peer,
        Err(e) => return Some(format!("peer credentials: {e}")),
    };
    let hello = match greet(&stream) {
        Ok(hello) => hello,
        Err(reason) => return Some(format!("client {user} pid {pid}: {reason}")),
    };
    let lang = if hello.lang == "en" {
        Lang::En
    } else {
        Lang::De
    };
    let actor = match &hello.display_name {
        Some(name) => format!("{} (über {user})", crate::text::sanitize_line(name)),
        None => user.clone(),
    };
    let head = read_store(shared, Store::history_head).unwrap_or(0);
    let welcome = ServerMessage::Welcome(Welcome {
        actor: actor.clone(),
        server_pid: std::process::id(),
        head,
    });
    let mut writer = stream.try_clone().ok()?;
    frame::send(&mut writer, &welcome).ok()?;
    let id = shared.next_client.fetch_add(1, Ordering::Relaxed);
    let (outbox, queue) = mpsc::sync_channel::<Arc<Vec<u8>>>(OUTBOX);
    let writers = Arc::clone(&shared.writers);
    writers.fetch_add(1, Ordering::Relaxed);
    std::thread::spawn(move || {
        write_queue(writer, queue);
        writers.fetch_sub(1, Ordering::Relaxed);
    });
    lock(&shared.clients).push(Peer {
        id,
        info: ClientInfo {
            user,
            display_name: hello.display_name,
            pid,
            since_ms: now_ms(),
            purpose: crate::text::sanitize_line(&hello.purpose).into_owned(),
        },
        outbox: outbox.clone(),
        stream: stream.try_clone().ok()?,
    });
    announce_presence(shared);
    let ended = serve_requests(shared, &stream, id, uid, lang, &actor, &outbox);
    lock(&shared.clients).retain(|peer| peer.id != id);
    announce_presence(shared);
    // The writing thread closes the connection once it has written what is queued.
    let _ = stream.shutdown(std::net::Shutdown::Read);
    ended
}

/// Exchanges handshakes and reads the client's hello.
fn greet(stream: &UnixStream) -> Result<Hello, String> {
    let mut reader = stream;
    let _ = stream.set_read_timeout(Some(HANDSHAKE_TIMEOUT));
    let payload = frame::read_frame(&mut reader, 4096).map_err(|e| e.to_string())?;
    let theirs: Handshake =
        codec::decode(&payload, HANDSHAKE_FORMAT).map_err(|e| format!("handshake: {e}"))?;
    let mut writer = stream;
    frame::write_frame(
        &mut writer,
        &codec::encode(HANDSHAKE_FORMAT, &Handshake::ours()),
    )
    .map_err(|e| e.to_string())?;
    if theirs.magic != MAGIC {
        return Err("not a quartier client".into());
    }
    if theirs.protocol != PROTOCOL {
        return Err(format!(
            "protocol {} (quartier {}) refused, this server speaks {PROTOCOL}",
            theirs.protocol,
            crate::text::sanitize_line(&theirs.program)
        ));
    }
    let hello = match frame::receive::<ClientMessage>(&mut reader, 64 * 1024) {
        Ok(ClientMessage::Hello(hello)) => hello,
        Ok(_) => return Err("request before hello".into()),
        Err(e) => return Err(e.to_string()),
    };
    let _ = stream.set_read_timeout(None);
    Ok(hello)
}

/// Answers requests until the client goes away or misbehaves.
fn serve_requests(
    shared: &Arc<Shared>,
    stream: &UnixStream,
    id: u64,
    uid: u32,
    lang: Lang,
    actor: &str,
    outbox: &SyncSender<Arc<Vec<u8>>>,
) -> Option<String> {
    let mut reader = io::BufReader::new(stream);
    loop {
        let (request_id, request) = match frame::receive::<ClientMessage>(&mut reader, MAX_FRAME) {
            Ok(ClientMessage::Request { id, request }) => (id, request),
            Ok(ClientMessage::Hello(_)) => return Some("second hello".into()),
            Err(FrameError::Closed) => return None,
            Err(e) => return Some(format!("client {id}: {e}")),
        };
        let stop = matches!(request, Request::Stop);
        let posted = match request {
            Request::Apply(op) => change(shared, id, actor, outbox, request_id, |store| {
                store.apply(*op, actor)
            }),
            Request::Undo => change(shared, id, actor, outbox, request_id, |store| {
                store.undo(actor)
            }),
            Request::Redo => change(shared, id, actor, outbox, request_id, |store| {
                store.redo(actor)
            }),
            request => {
                let response = ServerMessage::Response {
                    id: request_id,
                    result: Box::new(handle(shared, uid, lang, request)),
                };
                post(outbox, Arc::new(frame::encode(&response)))
            }
        };
        if let Err(reason) = posted {
            return Some(format!("client {id}: {reason}"));
        }
        if stop {
            return None;
        }
    }
}

/// Queues a frame for a client; a full queue means the client stopped reading.
fn post(outbox: &SyncSender<Arc<Vec<u8>>>, bytes: Arc<Vec<u8>>) -> Result<(), &'static str> {
    match outbox.try_send(bytes) {
        Ok(()) => Ok(()),
        Err(TrySendError::Full(_)) => Err("stopped reading (queue full)"),
        Err(TrySendError::Disconnected(_)) => Err("gone"),
    }
}

fn write_queue(mut stream: UnixStream, queue: Receiver<Arc<Vec<u8>>>) {
    for bytes in queue {
        if frame::write_frame(&mut stream, &bytes).is_err() {
            break;
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// Answers a request that changes nothing.
fn handle(
    shared: &Arc<Shared>,
    uid: u32,
    lang: Lang,
    request: Request,
) -> Result<Reply, WireError> {
    let result = match request {
        Request::Apply(_) | Request::Undo | Request::Redo => {
            return Err(WireError::Refused("a change outside the write path".into()));
        }
        Request::Goals => read_store(shared, |s| s.goals()).map(Reply::Goals),
        Request::Measure(id) => {
            read_store(shared, |s| s.measure(id)).map(|m| Reply::Measure(m.map(Box::new)))
        }
        Request::Measures => read_store(shared, |s| s.measures()).map(Reply::Measures),
        Request::MeasureIds => read_store(shared, |s| s.measure_ids()).map(Reply::MeasureIds),
        Request::NextIds => read_store(shared, |s| s.next_ids())
            .map(|(goal, measure)| Reply::NextIds(goal, measure)),
        Request::CanUndo => read_store(shared, |s| s.can_undo()).map(Reply::Flag),
        Request::CanRedo => read_store(shared, |s| s.can_redo()).map(Reply::Flag),
        Request::LinksOfMeasure(id) => {
            read_store(shared, |s| s.links_of_measure(id)).map(Reply::Links)
        }
        Request::LinksOfGoal(id) => read_store(shared, |s| s.links_of_goal(id)).map(Reply::Links),
        Request::Links => read_store(shared, |s| s.links()).map(Reply::Links),
        Request::History { limit } => {
            read_store(shared, |s| s.history(limit as usize)).map(Reply::History)
        }
        Request::HistoryEntry(seq) => read_store(shared, |s| s.history_entry(seq))
            .map(|e| Reply::HistoryEntry(e.map(Box::new))),
        Request::Check => read_store(shared, |s| Ok(s.check()))
            .map(|problems| Reply::Check(problems.iter().map(|p| p.localize(lang)).collect())),
        Request::Status => return Ok(Reply::Status(status(shared))),
        Request::Stop => {
            if uid != shared.owner_uid && uid != 0 {
                return Err(WireError::Refused(
                    "only the server's owner can stop it".into(),
                ));
            }
            let _ = shared.events.send(Event::Stop("stop requested"));
            return Ok(Reply::Stopping);
        }
    };
    result.map_err(WireError::from)
}

/// Applies a change under the write lock (durable when `apply` returns), acknowledges it to
/// the client that sent it, then pushes it to every other client, still under the lock, so
/// all clients receive changes in history order.
fn change(
    shared: &Arc<Shared>,
    client: u64,
    actor: &str,
    outbox: &SyncSender<Arc<Vec<u8>>>,
    request_id: u64,
    apply: impl FnOnce(&mut Store) -> Result<crate::ops::Applied, StoreError>,
) -> Result<(), &'static str> {
    let mut guard = shared.store.write().unwrap_or_else(|e| e.into_inner());
    let result = match guard.as_mut() {
        Some(store) => apply(store).map_err(WireError::from),
        None => Err(WireError::Server("the server is stopping".into())),
    };
    let push = result.as_ref().ok().map(|applied| {
        Arc::new(frame::encode(&ServerMessage::Push(Push {
            seq: applied.seq,
            actor: actor.to_string(),
            changes: applied.changes.clone(),
        })))
    });
    let response = ServerMessage::Response {
        id: request_id,
        result: Box::new(result.map(Reply::Applied)),
    };
    let acknowledged = post(outbox, Arc::new(frame::encode(&response)));
    if let Some(push) = push {
        shared.ops_served.fetch_add(1, Ordering::Relaxed);
        let slow: Vec<u64> = lock(&shared.clients)
            .iter()
            .filter(|peer| peer.id != client && post(&peer.outbox, Arc::clone(&push)).is_err())
            .map(|peer| peer.id)
            .collect();
        if !slow.is_empty() {
            disconnect(shared, &slow);
        }
    }
    drop(guard);
    acknowledged
}

/// Tells every client who is connected now (a client that cannot take it is left to its
/// reader: presence is not worth disconnecting anyone for).
fn announce_presence(shared: &Shared) {
    let clients = lock(&shared.clients);
    let who: Vec<ClientInfo> = clients.iter().map(|peer| peer.info.clone()).collect();
    let message = Arc::new(frame::encode(&ServerMessage::Presence(who)));
    for peer in clients.iter() {
        let _ = peer.outbox.try_send(Arc::clone(&message));
    }
}

/// Closes the connections of clients that stopped reading; they reconnect and resync.
fn disconnect(shared: &Shared, ids: &[u64]) {
    let mut clients = lock(&shared.clients);
    for peer in clients.iter().filter(|peer| ids.contains(&peer.id)) {
        shared.log.line(&format!(
            "client {} ({} pid {}) stopped reading: disconnected",
            peer.id, peer.info.user, peer.info.pid
        ));
        let _ = peer.stream.shutdown(std::net::Shutdown::Both);
    }
    clients.retain(|peer| !ids.contains(&peer.id));
}

fn read_store<T>(
    shared: &Shared,
    read: impl FnOnce(&Store) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let guard = shared.store.read().unwrap_or_else(|e| e.into_inner());
    match guard.as_ref() {
        Some(store) => read(store),
        None => Err(StoreError::Io {
            path: shared.database.clone(),
            source: io::Error::other("server is stopping"),
        }),
    }
}

fn status(shared: &Shared) -> ServerStatus {
    ServerStatus {
        pid: std::process::id(),
        started_ms: shared.started_ms,
        database: shared.database.display().to_string(),
        socket: shared.socket.display().to_string(),
        program: env!("CARGO_PKG_VERSION").to_string(),
        ops_served: shared.ops_served.load(Ordering::Relaxed),
        clients: lock(&shared.clients)
            .iter()
            .map(|peer| peer.info.clone())
            .collect(),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
