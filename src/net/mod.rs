//! One server process owns a database; every quartier started on it is a client over a Unix
//! socket beside the database (tmux's model).
//!
//! [`frame`] and [`protocol`] are the wire, [`server`] the process that owns the [`Store`](crate::store::Store),
//! [`client`] a [`Repository`](crate::store::Repository) that asks it, and [`connect`] finds or
//! starts the server of a database.

pub mod client;
pub mod connect;
pub mod frame;
pub mod log;
pub mod protocol;
pub mod server;
pub mod socket;

pub use client::{Client, ConnectError};

/// Locks `mutex`, also after a thread panicked holding it (the data stays usable: every value
/// behind these locks is replaced whole).
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
pub use connect::connect;
pub use server::{ServeError, ServeOptions, serve};
