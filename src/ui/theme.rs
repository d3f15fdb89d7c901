//! The palette: only the 16 ANSI colours (they follow the user's terminal theme, so they read on
//! dark and light backgrounds), and no colour at all when `NO_COLOR` is set — then emphasis is
//! carried by reverse video, bold and underline alone.

use ratatui::style::{Color, Modifier, Style};

/// Styles for every kind of text on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    /// True when `NO_COLOR` is set (to any non-empty value): no foreground or background colours.
    pub no_color: bool,
}

impl Theme {
    /// The theme for this process: `NO_COLOR` (non-empty) switches colour off.
    pub fn from_env() -> Theme {
        Theme {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.no_color {
            Style::new()
        } else {
            Style::new().fg(color)
        }
    }

    /// Plain text.
    pub fn normal(self) -> Style {
        Style::new()
    }

    /// The selected row of the focused pane: reverse video works in every terminal and without colour.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The selected row of a pane without focus.
    pub fn selected_unfocused(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// Borders and titles of the focused pane.
    pub fn border_focused(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Borders of panes without focus.
    pub fn border(self) -> Style {
        Style::new()
    }

    /// Field labels and column headers.
    pub fn label(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Less important text (codes, hints, counts).
    pub fn dim(self) -> Style {
        if self.no_color {
            Style::new()
        } else {
            self.fg(Color::DarkGray)
        }
    }

    /// Validation errors and error messages.
    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Fund-rule warnings.
    pub fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }

    /// Success messages (`gespeichert`).
    pub fn success(self) -> Style {
        self.fg(Color::Green)
    }

    /// Keys named in the status bar and help.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The filled part of a progress bar.
    pub fn bar(self) -> Style {
        self.fg(Color::Green)
    }
}
