//! The TUI's state machine: what is selected, which mode is open, what the store holds that is on
//! screen. It never touches the terminal; `update` turns one `Action` into state changes and store
//! `Op`s, so it is tested without a screen.

pub mod form;
