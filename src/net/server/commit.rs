//! Group commit: changes are applied one at a time under the store's write lock, in one
//! order, but made durable together. The first writer that finds nobody syncing flushes and
//! syncs everything applied so far (sled's flush covers all of it), then, still in history
//! order, acknowledges each change of that batch to its sender and pushes it to everyone else.
//! Writers that arrive during a sync apply their change meanwhile and go into the next batch,
//! so four writers at once share one `fdatasync` instead of queueing for four.
//!
//! Nothing is acknowledged or pushed before the sync that covers it returned: "gespeichert"
//! still means on disk.

use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Condvar, Mutex};

use super::Shared;
use super::connection::{disconnect, post};
use crate::net::frame;
use crate::net::lock;
use crate::net::protocol::{Reply, ServerMessage, WireError};
use crate::ops::Applied;

/// A change applied but not yet durable, with what to send once it is.
pub struct Waiting {
    pub seq: u64,
    /// The client that sent it, its outbox and its request's id.
    pub client: u64,
    pub outbox: SyncSender<Arc<Vec<u8>>>,
    pub request_id: u64,
    pub applied: Applied,
    /// The encoded push for everyone else.
    pub push: Arc<Vec<u8>>,
}

/// Changes waiting for a sync, and whether one is running.
#[derive(Default)]
pub struct Commits {
    state: Mutex<State>,
    synced: Condvar,
}

#[derive(Default)]
struct State {
    /// In history order (entered under the store's write lock).
    waiting: Vec<Waiting>,
    syncing: bool,
}

impl Commits {
    /// Enters a change just applied. Call under the store's write lock, so the order here is
    /// the history's.
    pub fn enter(&self, waiting: Waiting) {
        lock(&self.state).waiting.push(waiting);
    }

    /// Returns once change `seq` was made durable and sent, by this thread or another (a
    /// sender that cannot take its acknowledgement is disconnected like a slow reader).
    pub fn make_durable(&self, shared: &Shared, seq: u64) {
        let mut state = lock(&self.state);
        loop {
            if !state.waiting.iter().any(|w| w.seq == seq) {
                return;
            }
            if state.syncing {
                state = self.synced.wait(state).unwrap_or_else(|e| e.into_inner());
                continue;
            }
            state.syncing = true;
            let last = state.waiting.last().map_or(seq, |w| w.seq);
            drop(state);
            // Everything entered so far was applied before it was entered: one sync covers it.
            // Without the store's lock: the next writers apply their changes meanwhile.
            let synced = shared.durability.sync().map_err(WireError::from);
            state = lock(&self.state);
            let batch: Vec<Waiting> = {
                let end = state.waiting.partition_point(|w| w.seq <= last);
                state.waiting.drain(..end).collect()
            };
            // Sent while holding the state, so batches go out in order.
            send(shared, batch, &synced);
            state.syncing = false;
            self.synced.notify_all();
        }
    }
}

/// Acknowledges every change of a synced batch to its sender and pushes it to the others; a
/// failed sync is reported to each sender and pushed to nobody.
fn send(shared: &Shared, batch: Vec<Waiting>, synced: &Result<(), WireError>) {
    let mut slow = Vec::new();
    for waiting in batch {
        let result = match synced {
            Ok(()) => Ok(Reply::Applied(waiting.applied)),
            Err(error) => Err(error.clone()),
        };
        let response = ServerMessage::Response {
            id: waiting.request_id,
            result: Box::new(result),
        };
        if post(&waiting.outbox, Arc::new(frame::encode(&response))).is_err() {
            slow.push(waiting.client);
        }
        if synced.is_err() {
            continue;
        }
        shared
            .ops_served
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        for peer in lock(&shared.clients).iter() {
            if peer.id != waiting.client && post(&peer.outbox, Arc::clone(&waiting.push)).is_err() {
                slow.push(peer.id);
            }
        }
    }
    slow.sort_unstable();
    slow.dedup();
    if !slow.is_empty() {
        disconnect(shared, &slow);
    }
}
