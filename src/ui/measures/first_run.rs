//! The first-run guide in the measure pane (see [`App::first_run`]): the five keys that matter,
//! as the keymap binds them (a rebinding shows here too), and how to bring in an Excel list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{Action, App, Context};
use crate::i18n::{Text, fill};
use crate::text::cell;
use crate::ui::Theme;

/// The first key bound to `action` in `context`, as shown.
fn key(app: &App, context: Context, action: Action) -> String {
    app.keymap
        .keys_for(context, action)
        .first()
        .map(|k| crate::app::keymap::display_key(k, app.lang))
        .unwrap_or_default()
}

/// Draws the guide into the pane's inner area.
pub(super) fn render(app: &App, theme: Theme, frame: &mut Frame, inner: Rect) {
    let lang = app.lang;
    let pair = |context, action, text: String, width: usize| {
        vec![
            Span::styled(
                format!(" {} ", cell(&key(app, context, action), 3)),
                theme.key(),
            ),
            Span::raw(cell(&text, width)),
        ]
    };
    let tab = key(app, Context::Normal, Action::FocusNext);
    let add = fill(lang.t(Text::GuideAdd), &[("tab", &tab)]);
    let mut edit_search = pair(
        Context::Measures,
        Action::EditMeasure,
        lang.t(Text::GuideEdit).to_string(),
        14,
    );
    edit_search.extend(pair(
        Context::Normal,
        Action::Search,
        lang.t(Text::GuideSearch).to_string(),
        14,
    ));
    let mut help_quit = pair(
        Context::Normal,
        Action::Help,
        lang.t(Text::GuideHelp).to_string(),
        14,
    );
    help_quit.extend(pair(
        Context::Normal,
        Action::Quit,
        lang.t(Text::GuideQuit).to_string(),
        14,
    ));
    let lines = vec![
        Line::styled(lang.t(Text::GuideWelcome), theme.label()),
        Line::from(pair(Context::Measures, Action::AddMeasure, add, 40)),
        Line::from(edit_search),
        Line::from(help_quit),
        Line::styled(lang.t(Text::GuideImport), theme.label()),
        Line::from(vec![
            Span::raw(" "),
            Span::styled(lang.t(Text::GuideImportCommand), theme.key()),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
