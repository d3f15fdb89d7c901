//! One connection of the server: the handshake and hello, then requests answered in order
//! (changes applied under the write lock, acknowledged, pushed to everyone else), a writing
//! thread fed by a bounded queue, and who is connected.

use std::io;
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::time::Duration;

use super::super::frame::{self, FrameError, MAX_FRAME};
use super::super::lock;
use super::super::protocol::{
    ClientInfo, ClientMessage, Hello, MAGIC, PROTOCOL, Push, Reply, Request, ServerMessage,
    ServerStatus, Welcome, WireError, swap_handshakes,
};
use super::super::socket;
use super::commit::Waiting;
use super::{Event, Peer, Shared, now_ms};
use crate::i18n::{Lang, Localize};
use crate::store::{Repository, Store, StoreError};

/// Frames a client may have waiting to be written before it counts as not reading.
const OUTBOX: usize = 1024;

/// How long a new connection may take for its handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

pub(super) fn accept(listener: UnixListener, shared: Arc<Shared>) {
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
            editing: None,
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
    let theirs = swap_handshakes(stream, HANDSHAKE_TIMEOUT)?;
    let mut reader = stream;
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
            Ok(ClientMessage::Editing(editing)) => {
                note_editing(shared, id, editing);
                continue;
            }
            Err(FrameError::Closed) => return None,
            Err(e) => return Some(format!("client {id}: {e}")),
        };
        let stop = matches!(request, Request::Stop);
        let posted = match request {
            Request::Apply(op) => change(shared, id, actor, outbox, request_id, |store| {
                store.apply(*op, actor)
            }),
            Request::Undo { anyway } => change(shared, id, actor, outbox, request_id, |s| {
                step(s, actor, false, anyway)
            }),
            Request::Redo { anyway } => change(shared, id, actor, outbox, request_id, |s| {
                step(s, actor, true, anyway)
            }),
            request => {
                let response = ServerMessage::Response {
                    id: request_id,
                    result: Box::new(handle(shared, uid, lang, actor, request)),
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

/// The actor's undo (or redo), overwriting colleagues' later changes when `anyway`.
fn step(
    store: &mut Store,
    actor: &str,
    redo: bool,
    anyway: bool,
) -> Result<crate::ops::Applied, StoreError> {
    match (redo, anyway) {
        (false, false) => store.undo(actor),
        (false, true) => store.undo_anyway(actor),
        (true, false) => store.redo(actor),
        (true, true) => store.redo_anyway(actor),
    }
}

/// Queues a frame for a client; a full queue means the client stopped reading.
pub(super) fn post(
    outbox: &SyncSender<Arc<Vec<u8>>>,
    bytes: Arc<Vec<u8>>,
) -> Result<(), &'static str> {
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
        if bytes.len() >= super::memory::LARGE_FRAME {
            drop(bytes);
            super::memory::give_back();
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// The most measures one [`Request::MeasuresAfter`] returns (about 1 MiB encoded).
pub const MAX_PAGE: usize = 2000;

/// Answers a request that changes nothing.
fn handle(
    shared: &Arc<Shared>,
    uid: u32,
    lang: Lang,
    actor: &str,
    request: Request,
) -> Result<Reply, WireError> {
    let result = match request {
        Request::Apply(_) | Request::Undo { .. } | Request::Redo { .. } => {
            return Err(WireError::Refused("a change outside the write path".into()));
        }
        Request::Goals => read_store(shared, |s| s.goals()).map(Reply::Goals),
        Request::Measure(id) => {
            read_store(shared, |s| s.measure(id)).map(|m| Reply::Measure(m.map(Box::new)))
        }
        Request::MeasureRevised(id) => read_store(shared, |s| s.measure_revised(id))
            .map(|m| Reply::MeasureRevised(m.map(Box::new))),
        Request::GoalRevised(id) => {
            read_store(shared, |s| s.goal_revised(id)).map(|g| Reply::GoalRevised(g.map(Box::new)))
        }
        Request::MeasuresAfter { after, limit } => {
            let limit = (limit as usize).min(MAX_PAGE);
            read_store(shared, |s| s.measures_after(after, limit)).map(Reply::Measures)
        }
        Request::MeasuresById(mut ids) => {
            ids.truncate(MAX_PAGE);
            read_store(shared, |s| s.measures_by_id(&ids)).map(Reply::Measures)
        }
        Request::MeasureIds => read_store(shared, |s| s.measure_ids()).map(Reply::MeasureIds),
        Request::NextIds => read_store(shared, |s| s.next_ids())
            .map(|(goal, measure)| Reply::NextIds(goal, measure)),
        Request::CanUndo => read_store(shared, |s| s.can_undo(actor)).map(Reply::Flag),
        Request::CanRedo => read_store(shared, |s| s.can_redo(actor)).map(Reply::Flag),
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
        Request::Money(query) => read_store(shared, |s| s.money(&query)).map(Reply::Money),
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

/// Applies a change under the write lock, then waits until it is durable (see
/// [`super::commit`]): its acknowledgement and the push to every other client go out in
/// history order once the sync that covers it returned. A refused change is answered at once.
fn change(
    shared: &Arc<Shared>,
    client: u64,
    actor: &str,
    outbox: &SyncSender<Arc<Vec<u8>>>,
    request_id: u64,
    apply: impl FnOnce(&mut Store) -> Result<crate::ops::Applied, StoreError>,
) -> Result<(), &'static str> {
    let mut guard = shared.store.write().unwrap_or_else(|e| e.into_inner());
    let (applied, store) = match guard.as_mut() {
        Some(store) => match apply(store) {
            Ok(applied) => (applied, store),
            Err(error) => return refuse(outbox, request_id, WireError::from(error)),
        },
        None => {
            let stopping = WireError::Server("the server is stopping".into());
            return refuse(outbox, request_id, stopping);
        }
    };
    let push = Arc::new(frame::encode(&ServerMessage::Push(Push {
        seq: applied.seq,
        actor: actor.to_string(),
        changes: applied.changes.clone(),
        what: [Lang::De, Lang::En].map(|lang| {
            crate::ops::history_message(&*store, applied.seq, lang).unwrap_or_default()
        }),
    })));
    let seq = applied.seq;
    shared.commits.enter(Waiting {
        seq,
        client,
        outbox: outbox.clone(),
        request_id,
        applied,
        push,
    });
    drop(guard);
    shared.commits.make_durable(shared, seq);
    Ok(())
}

/// Answers a change that was not applied.
fn refuse(
    outbox: &SyncSender<Arc<Vec<u8>>>,
    request_id: u64,
    error: WireError,
) -> Result<(), &'static str> {
    let response = ServerMessage::Response {
        id: request_id,
        result: Box::new(Err(error)),
    };
    post(outbox, Arc::new(frame::encode(&response)))
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

/// Records which record client `id` has open in a form and tells everyone (only when it
/// changed: a client repeating itself costs no broadcast).
fn note_editing(shared: &Shared, id: u64, editing: Option<crate::store::Editing>) {
    let changed = lock(&shared.clients)
        .iter_mut()
        .find(|peer| peer.id == id)
        .is_some_and(|peer| std::mem::replace(&mut peer.info.editing, editing) != editing);
    if changed {
        announce_presence(shared);
    }
}

/// Closes the connections of clients that stopped reading; they reconnect and resync.
pub(super) fn disconnect(shared: &Shared, ids: &[u64]) {
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

pub(super) fn read_store<T>(
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
