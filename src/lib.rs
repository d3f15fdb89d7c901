//! quartier: goals, measures and funds of a Berlin Quartiersmanagement office, kept in an
//! embedded sled database and edited from the keyboard.
//!
//! Layers, each only using those above it (the ranks `tests/layers.rs` checks; modules joined
//! by "and" share a rank): [`model`] (plain data, validation) and [`files`] (whole files,
//! written atomically) → [`text`] (sanitising) and [`catalog`] (the built-in goal system) →
//! [`i18n`] (German and English words) → [`ops`] (every change as one value, history entries) → [`store`] (sled,
//! codec, migrations, history) → [`json_shapes`] (the JSON shapes), [`report`] (report figures,
//! pure) and [`net`] (the database's server and its clients) → [`exchange`] (import and export) → [`backup`] and [`demo`] → [`app`] (the TUI's
//! state, no terminal) → [`ui`] (ratatui views) → [`tui`] (terminal, event loop, signals) and
//! [`cli`] (the command line).

pub mod app;
pub mod backup;
pub mod catalog;
pub mod cli;
pub mod demo;
pub mod exchange;
pub mod files;
pub mod i18n;
pub mod json_shapes;
pub mod model;
pub mod net;
pub mod ops;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
