//! quartier: goals, measures and funds of a Berlin Quartiersmanagement office, kept in an
//! embedded sled database and edited from the keyboard.
//!
//! Layers, each only using those above it: [`model`] (plain data, validation) → [`catalog`]
//! (the built-in goal system) → [`store`] (sled, codec, migrations, history) and [`ops`] (every
//! change as one value) → [`report`] (report figures, pure) → [`app`] (the TUI's state, no terminal) → [`ui`] (ratatui views) → [`tui`] (terminal,
//! event loop, signals) and [`cli`] (the command line).

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
pub mod ops;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
