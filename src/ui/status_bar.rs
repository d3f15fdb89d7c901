//! The bottom line: the mode, then either the current message (`gespeichert`, an error) or the
//! search line, or the most useful keys of the current mode — taken from the keymap.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::keymap::display_key;
use crate::app::{Action, App, Focus, MessageKind, Mode};
use crate::i18n::{Text, fill};
use crate::text::{sanitize_line, truncate, width};

/// The mode label for the left end of the bar.
fn mode_label(app: &App) -> Text {
    match &app.mode {
        Mode::Normal => match app.focus {
            Focus::Tree => Text::ModeTree,
            Focus::Measures => Text::ModeMeasures,
            Focus::Detail => Text::ModeDetail,
        },
        Mode::Help { .. } => Text::ModeHelp,
        Mode::Form(_) => Text::ModeForm,
        Mode::Conflict(_) => Text::ModeConflict,
        Mode::Confirm(_) => Text::ModeConfirm,
        Mode::Picker(_) => Text::ModePicker,
        Mode::Search(_) => Text::ModeSearch,
        Mode::Filter(_) => Text::ModeFilter,
        Mode::Report(_) => Text::ModeReport,
        Mode::History(_) => Text::ModeHistory,
        Mode::Export(_) => Text::ModeExport,
        Mode::Messages { .. } => Text::ModeMessages,
        Mode::Course { .. } => Text::ModeCourse,
        Mode::SetStatus(_) => Text::ModeSetStatus,
        Mode::Payments(_) => Text::ModePayments,
        Mode::Sessions(_) => Text::ModeSessions,
        Mode::Termine(_) => Text::ModeTermine,
    }
}

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let label = format!(" {} ", app.lang.t(mode_label(app)));
    let mut spans = vec![
        Span::styled(label.clone(), theme.selected()),
        Span::raw(" "),
    ];
    let room = (area.width as usize).saturating_sub(width(&label) + 1);
    // Help and quit stay at the right end whatever else has to go; a message too long for the
    // bar takes quit's place first (help always stays).
    let (mut pinned, others) = hints(app);
    let pinned_all: usize = pinned.iter().map(Hint::width).sum();
    let message_text = app.message.as_ref().map(|m| sanitize_line(&m.text));
    if message_text
        .as_ref()
        .is_some_and(|text| width(text) > room.saturating_sub(pinned_all))
    {
        pinned.retain(|hint| hint.is_help);
    }
    if let Some(last) = pinned.last_mut() {
        // Flush right, one space from the edge.
        last.text = format!("{} ", last.text.trim_end());
    }
    // Who else works on the database, just left of the pinned hints, while it leaves the left
    // part at least half the bar.
    let presence = (!app.others.is_empty())
        .then(|| {
            let names = sanitize_line(&app.other_names().join(", ")).into_owned();
            format!(
                "{}  ",
                fill(app.lang.t(Text::PresenceOthers), &[("names", &names)])
            )
        })
        .filter(|text| width(text) * 2 <= room);
    if let Some(text) = &presence {
        pinned.insert(0, Hint::plain(text.clone()));
    }
    // Overdue deadlines (issue 15), on the first screen, counted when deadlines change.
    let overdue = (matches!(app.mode, Mode::Normal) && app.overdue() > 0).then(|| {
        let text = fill(app.lang.t(Text::StatusOverdue), &[("n", &app.overdue())]);
        format!("{text}  ")
    });
    if let Some(text) = overdue.filter(|text| width(text) * 2 <= room) {
        pinned.insert(
            0,
            Hint {
                alert: true,
                ..Hint::plain(text)
            },
        );
    }
    // Work running in the background (an export), just left of the pinned hints.
    if let Some(label) = app.job_label() {
        pinned.insert(0, Hint::plain(format!("{label}  ")));
    }
    let pinned_width: usize = pinned.iter().map(Hint::width).sum();
    let left_room = room.saturating_sub(pinned_width);
    let mut used = 0;
    if let Mode::Search(search) = &app.mode {
        let query = sanitize_line(search.input.value()).into_owned();
        let count = app.last_search.as_ref().map_or(String::new(), |s| {
            let current = if s.hits.is_empty() { 0 } else { s.current + 1 };
            fill(
                app.lang.t(Text::SearchCount),
                &[("current", &current), ("total", &s.hits.len())],
            )
        });
        let line = format!("/{query}");
        let shown = truncate(&line, room.saturating_sub(width(&count) + 2)).into_owned();
        let cursor = area.x + (width(&label) + 1 + width(&shown)) as u16;
        spans.push(Span::raw(shown));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(count, theme.dim()));
        frame.set_cursor_position(Position::new(cursor.min(area.right() - 1), area.y));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    if let (Some(message), Some(text)) = (&app.message, message_text) {
        let style = match message.kind {
            MessageKind::Info => theme.normal(),
            MessageKind::Success => theme.success(),
            MessageKind::Error => theme.error(),
        };
        if width(&text) <= left_room {
            used = width(&text);
            spans.push(Span::styled(text.into_owned(), style));
        } else {
            // Cut: the whole message is in the log, and the bar says where.
            let more = format!(" {}", display_key("C-g", app.lang));
            let cut = truncate(&text, left_room.saturating_sub(width(&more))).into_owned();
            used = width(&cut) + width(&more);
            spans.push(Span::styled(cut, style));
            spans.push(Span::styled(more, theme.key()));
        }
    } else {
        for hint in others {
            if used + hint.width() > left_room {
                break;
            }
            used += hint.width();
            hint.push_to(&mut spans, theme);
        }
    }
    if !pinned.is_empty() {
        spans.push(Span::raw(" ".repeat(left_room.saturating_sub(used))));
        for hint in pinned {
            hint.push_to(&mut spans, theme);
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// One `key label` hint of the bar.
struct Hint {
    key: String,
    text: String,
    is_help: bool,
    /// Drawn as an error (overdue deadlines).
    alert: bool,
}

impl Hint {
    /// Text without a key.
    fn plain(text: String) -> Hint {
        Hint {
            key: String::new(),
            text,
            is_help: false,
            alert: false,
        }
    }

    /// Columns taken, with the two spaces after it.
    fn width(&self) -> usize {
        width(&self.key) + width(&self.text)
    }

    fn push_to(self, spans: &mut Vec<Span<'static>>, theme: Theme) {
        spans.push(Span::styled(self.key, theme.key()));
        match self.alert {
            true => spans.push(Span::styled(self.text, theme.error())),
            false => spans.push(Span::raw(self.text)),
        }
    }
}

/// The hints of the active contexts from the keymap: help and quit (kept at the right end),
/// and the others in table order (`a neu  e bearbeiten  …`, as many as fit).
fn hints(app: &App) -> (Vec<Hint>, Vec<Hint>) {
    let (mut pinned, mut others) = (Vec::new(), Vec::new());
    for context in app.contexts() {
        for binding in app.keymap.bindings_of(context) {
            let (Some(hint), Some(key)) = (binding.hint, binding.keys.first()) else {
                continue;
            };
            let entry = Hint {
                key: display_key(key, app.lang),
                text: format!(" {}  ", app.lang.t(hint)),
                is_help: binding.action == Action::Help,
                alert: false,
            };
            if matches!(binding.action, Action::Help | Action::Quit) {
                pinned.push(entry);
            } else {
                others.push(entry);
            }
        }
    }
    (pinned, others)
}
