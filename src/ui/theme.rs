//! The palette: only the 16 ANSI colours (they follow the user's terminal theme, so they read on
//! dark and light backgrounds), and no colour at all when `NO_COLOR` is set — then emphasis is
//! carried by reverse video, bold and underline alone. The config file's `[theme]` picks one of
//! the 16 names for each role ([`ROLES`]); `NO_COLOR` still wins over it.

use ratatui::style::{Color, Modifier, Style};

/// The roles a colour can be set for in the config file's `[theme]`, with their defaults.
pub const ROLES: &[(&str, Color)] = &[
    ("selection", Color::Reset),
    ("focus_border", Color::Cyan),
    ("dim", Color::DarkGray),
    ("error", Color::Red),
    ("warning", Color::Yellow),
    ("success", Color::Green),
    ("key", Color::Cyan),
    ("bar", Color::Green),
];

/// The 16 ANSI colour names the config file accepts, and `default` (the terminal's own colour).
pub const COLOUR_NAMES: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
    ("default", Color::Reset),
];

/// The colour of a config name (`light_blue`), if it is one of [`COLOUR_NAMES`].
pub fn colour_named(name: &str) -> Option<Color> {
    COLOUR_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
}

/// Styles for every kind of text on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// True when `NO_COLOR` is set (to any non-empty value): no foreground or background colours.
    pub no_color: bool,
    /// The colour of each of [`ROLES`], in that order.
    colours: [Color; 8],
}

impl Default for Theme {
    fn default() -> Theme {
        let mut colours = [Color::Reset; 8];
        for (slot, (_, colour)) in colours.iter_mut().zip(ROLES) {
            *slot = *colour;
        }
        Theme {
            no_color: false,
            colours,
        }
    }
}

impl Theme {
    /// The theme for this process: `NO_COLOR` (non-empty) switches colour off.
    pub fn from_env() -> Theme {
        Theme {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            ..Theme::default()
        }
    }

    /// No colour at all, as with `NO_COLOR`.
    pub fn monochrome() -> Theme {
        Theme {
            no_color: true,
            ..Theme::default()
        }
    }

    /// This theme with `role` (one of [`ROLES`]) in `colour`; `None` for an unknown role.
    /// `NO_COLOR` still wins: the colour is kept but not drawn.
    pub fn with_colour(mut self, role: &str, colour: Color) -> Option<Theme> {
        let index = ROLES.iter().position(|(r, _)| *r == role)?;
        self.colours[index] = colour;
        Some(self)
    }

    fn colour(self, role: &str) -> Color {
        let index = ROLES.iter().position(|(r, _)| *r == role).unwrap_or(0);
        self.colours[index]
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
    /// A `selection` colour from the config file is used as the background instead.
    pub fn selected(self) -> Style {
        match self.colour("selection") {
            Color::Reset => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            _ if self.no_color => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            colour => Style::new().bg(colour).add_modifier(Modifier::BOLD),
        }
    }

    /// The selected row of a pane without focus.
    pub fn selected_unfocused(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// Borders and titles of the focused pane.
    pub fn border_focused(self) -> Style {
        self.fg(self.colour("focus_border"))
            .add_modifier(Modifier::BOLD)
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
            self.fg(self.colour("dim"))
        }
    }

    /// Validation errors and error messages.
    pub fn error(self) -> Style {
        self.fg(self.colour("error")).add_modifier(Modifier::BOLD)
    }

    /// Fund-rule warnings.
    pub fn warning(self) -> Style {
        self.fg(self.colour("warning"))
    }

    /// Success messages (`gespeichert`).
    pub fn success(self) -> Style {
        self.fg(self.colour("success"))
    }

    /// Keys named in the status bar and help.
    pub fn key(self) -> Style {
        self.fg(self.colour("key")).add_modifier(Modifier::BOLD)
    }

    /// The filled part of a progress bar.
    pub fn bar(self) -> Style {
        self.fg(self.colour("bar"))
    }
}
