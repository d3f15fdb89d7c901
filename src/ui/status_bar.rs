//! The bottom line: the mode, then either the current message (`gespeichert`, an error) or the
//! search line, or the most useful keys of the current mode — taken from the keymap.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::keymap::{BINDINGS, display_key};
use crate::app::{App, Focus, MessageKind, Mode};
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
        Mode::Confirm(_) => Text::ModeConfirm,
        Mode::Picker(_) => Text::ModePicker,
        Mode::Search(_) => Text::ModeSearch,
        Mode::Filter(_) => Text::ModeFilter,
        Mode::Report(_) => Text::ModeReport,
        Mode::Export(_) => Text::ModeExport,
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let label = format!(" {} ", app.lang.t(mode_label(app)));
    let mut spans = vec![
        Span::styled(label.clone(), theme.selected()),
        Span::raw(" "),
    ];
    let room = (area.width as usize).saturating_sub(width(&label) + 1);
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
    } else if let Some(message) = &app.message {
        let style = match message.kind {
            MessageKind::Info => theme.normal(),
            MessageKind::Success => theme.success(),
            MessageKind::Error => theme.error(),
        };
        let text = sanitize_line(&message.text);
        spans.push(Span::styled(truncate(&text, room).into_owned(), style));
    } else {
        spans.extend(hints(app, room));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// `a neu  e bearbeiten  …` for the active contexts, as many as fit.
fn hints(app: &App, room: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    for context in app.contexts() {
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            let Some(hint) = binding.hint else { continue };
            let key = display_key(binding.keys[0], app.lang);
            let text = format!(" {}  ", app.lang.t(hint));
            let needed = width(&key) + width(&text);
            if used + needed > room {
                return spans;
            }
            used += needed;
            spans.push(Span::styled(key, app.theme.key()));
            spans.push(Span::raw(text));
        }
    }
    spans
}
