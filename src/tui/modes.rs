//! Terminal modes quartier switches on beside ratatui's raw mode and alternate screen:
//! bracketed paste and (unless the config file says `mouse = false`) mouse capture — off again on
//! every way out, the panic hook included.

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// How the terminal is used, from the config file.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Colours (`NO_COLOR` already applied).
    pub theme: crate::ui::Theme,
    /// Capture the mouse (clicks and the wheel go to quartier, not to the terminal).
    pub mouse: bool,
}

/// Turns bracketed paste (and, when `mouse`, mouse capture) on and makes the panic hook
/// (ratatui's, which restores the terminal) turn them off first.
pub(super) fn enable_paste(mouse: bool) {
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        disable_paste(mouse);
        restore(info);
    }));
}

/// Turns bracketed paste and mouse capture off (errors are ignored: the terminal may be gone).
pub(super) fn disable_paste(mouse: bool) {
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
}
