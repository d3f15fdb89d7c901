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
pub use connect::connect;
pub use server::{ServeError, ServeOptions, serve};
