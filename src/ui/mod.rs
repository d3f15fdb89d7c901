//! ratatui views: pure functions of `&App` that draw into a `Frame`. Nothing here changes state,
//! touches the store or writes to the terminal directly. Every piece of user text goes through
//! [`crate::text`] before it becomes a `Span`.

pub mod form;
pub mod theme;

pub use theme::Theme;
