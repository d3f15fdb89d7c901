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
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::frame;
use super::log::Log;
use super::protocol::{ClientInfo, ServerMessage};
use super::{lock, socket};

mod commit;
mod connection;
mod memory;

pub use connection::MAX_PAGE;

use crate::store::{Store, StoreError};
use connection::{accept, post, read_store};

/// How the server runs.
#[derive(Clone, Debug, Default)]
pub struct ServeOptions {
    /// Stop when no client has been connected for this long (`None`: run until stopped).
    pub idle_exit: Option<Duration>,
    /// Leave the terminal's session: started in the background by a client.
    pub detach: bool,
    /// Share the database with this group (`serve --group`): directory 2770, files and socket
    /// 0660. Without it a directory shared before stays shared ([`crate::files::shared_group`]).
    pub group: Option<u32>,
}

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("socket {path}: {source}")]
    Socket { path: PathBuf, source: io::Error },
    /// The database directory could not be given to the group of `serve --group`.
    #[error("sharing {path} with group {gid}: {source}")]
    Share {
        path: PathBuf,
        gid: u32,
        source: io::Error,
    },
}

/// What the main thread of the server is told.
enum Event {
    ClientLeft,
    Stop(&'static str),
}

/// State every thread of the server shares.
struct Shared {
    store: RwLock<Option<Store>>,
    /// Syncs the store without its lock (see `commit`).
    durability: crate::store::Durability,
    /// Changes applied and waiting for the sync that makes them durable.
    commits: commit::Commits,
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
    memory::limit_arenas();
    if options.detach {
        // Own session: a hang-up of the terminal that started it does not reach the server.
        let _ = rustix::process::setsid();
    }
    if let Some(gid) = options.group {
        share_database(db, gid).map_err(|source| ServeError::Share {
            path: db.to_path_buf(),
            gid,
            source,
        })?;
    }
    if crate::files::shared_group(db).is_some() {
        // The log, the socket and every file sled writes: the group's too.
        crate::files::allow_group_access();
    }
    let log = Log::open(db);
    if options.detach {
        log.capture_stderr();
    }
    let store = match Store::open(db) {
        // Changes are made durable in groups (`commit`), not each by itself.
        Ok(store) => store.syncing_in_groups(),
        Err(error) => {
            log.line(&format!("cannot open the database: {error}"));
            return Err(error.into());
        }
    };
    // Housekeeping (the daily backup) runs once the socket answers: the first start of the
    // day does not keep the first client waiting for it.
    let socket = socket::socket_path(db);
    let listener = bind(&socket, db).map_err(|source| ServeError::Socket {
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
        durability: store.durability(),
        store: RwLock::new(Some(store)),
        commits: commit::Commits::default(),
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

/// Gives the database directory at `db` (created if missing) to group `gid` with mode 2770,
/// and every file already in it (and in `blobs/`) to that group; opening the store then sets
/// their modes (0660). A file this user may not change is left to the store's repair; a
/// directory this user may not give to the group is an error (and is removed again when this
/// call created it).
fn share_database(db: &Path, gid: u32) -> io::Result<()> {
    let existed = db.exists();
    if let Err(error) = crate::files::share_dir(db, gid) {
        if !existed {
            // Nothing is left behind: the directory this call created goes again.
            let _ = std::fs::remove_dir(db);
        }
        return Err(error);
    }
    for dir in [db.to_path_buf(), db.join("blobs")] {
        if dir != db && dir.is_dir() {
            crate::files::share_dir(&dir, gid)?;
        }
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::os::unix::fs::chown(entry.path(), None, Some(gid));
            }
        }
    }
    Ok(())
}

/// Binds the socket, replacing a stale one: the database lock is ours, so no other server
/// can be listening on it. The socket is 0600, or 0660 when the database directory `db` is
/// shared with a group (connecting needs write permission on it).
fn bind(socket: &Path, db: &Path) -> io::Result<UnixListener> {
    use std::os::unix::fs::PermissionsExt;
    socket::prepare_socket_dir(socket)?;
    match std::fs::remove_file(socket) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let listener = UnixListener::bind(socket)?;
    let mode = match crate::files::shared_group(db) {
        Some(_) => crate::files::GROUP_FILE_MODE,
        None => 0o600,
    };
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(mode))?;
    Ok(listener)
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
    let mut kept: Option<Instant> = None;
    let mut trimmed = Instant::now();
    loop {
        if trimmed.elapsed() >= memory::GIVE_BACK_EVERY {
            trimmed = Instant::now();
            memory::give_back();
        }
        if kept.is_none_or(|kept| kept.elapsed() >= HOUSEKEEPING) {
            kept = Some(Instant::now());
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

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
