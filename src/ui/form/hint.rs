//! The bottom line of the form: the discard question, or the keys that work in the focused input.

use ratatui::text::{Line, Span};

use crate::app::action::Action;
use crate::app::form::{Content, Form, RowView};
use crate::app::keymap::{Context, Keymap, display_key};
use crate::i18n::Text;
use crate::text::{cell, width};
use crate::ui::Theme;

/// The discard question, or the keys that work in the focused input, as many as fit.
pub(super) fn footer_line(
    form: &Form,
    keymap: &Keymap,
    views: &[RowView],
    theme: Theme,
    columns: u16,
) -> Line<'static> {
    let lang = form.lang();
    let columns = usize::from(columns);
    if form.is_asking() {
        return Line::from(Span::styled(
            cell(lang.t(Text::FormDiscard), columns),
            theme.selected(),
        ));
    }
    // The keys the keymap binds in forms, as it shows them (`Strg-s` in German).
    let keys = |action: Action| keymap.display_keys_for(Context::Form, action, lang);
    let first = |action: Action| {
        keymap
            .keys_for(Context::Form, action)
            .first()
            .map(|k| display_key(k, lang))
            .unwrap_or_default()
    };
    let mut hints = vec![
        (keys(Action::Save), Text::FormHintSave),
        (keys(Action::Cancel), Text::FormHintCancel),
    ];
    // In a multi-line input the footer says both: which keys make a new line, and that Enter
    // moves on there too (Shift-Tab is left out so the line fits 80 columns).
    let mut field_keys = format!("{}/{}", first(Action::NextField), first(Action::PrevField));
    if let Some(view) = views.iter().find(|v| v.focused) {
        match view.content {
            Content::Choice(_) => hints.push(("←/→".into(), Text::FormHintChoose)),
            Content::Text { .. } => {
                hints.push((keys(Action::NewLine), Text::FormHintNewline));
                field_keys = format!("{}/{}", first(Action::FormEnter), first(Action::NextField));
            }
            Content::Empty => hints.push((keys(Action::AddEntry), Text::FormHintAddEntry)),
            Content::Line { .. } if view.slot.is_list() => {
                hints.push((keys(Action::AddEntry), Text::FormHintAddEntry));
                hints.push((keys(Action::RemoveEntry), Text::FormHintRemoveEntry));
            }
            Content::Line { .. } => {}
        }
    }
    hints.push((field_keys, Text::FormHintField));
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, text) in hints {
        let separator = if spans.is_empty() { "" } else { "  " };
        let description = lang.t(text);
        let needed = width(separator) + width(&key) + 1 + width(description);
        if used + needed > columns {
            break;
        }
        used += needed;
        spans.push(Span::raw(separator));
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(format!(" {description}"), theme.dim()));
    }
    Line::from(spans)
}
