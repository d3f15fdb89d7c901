//! Drawing the edit form (measure or goal): a bordered box with the form's title, one line per
//! input (label column, value, error), a one-line key hint or the discard question at the bottom.
//! The body scrolls so the focused input is always visible, and the terminal cursor sits in the
//! focused text input. Every piece of user text passes [`crate::text`] first; nothing here
//! changes the form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use unicode_width::UnicodeWidthChar;

mod hint;

use super::Theme;
use crate::app::form::{Content, Form, RowView};
use crate::app::keymap::Keymap;
use crate::i18n::{Lang, Text};
use crate::text::{cell, sanitize_line, truncate, width};

/// Narrowest label column.
const LABEL_MIN: usize = 16;
/// Widest label column (`Indikator 10: Ausgangswert` fits).
const LABEL_MAX: usize = 28;
/// Lines shown of a multi-line input while it has the focus.
const TEXT_LINES_FOCUSED: usize = 4;
/// Most lines shown of a multi-line input without focus.
const TEXT_LINES: usize = 3;

/// One input drawn: its screen lines and where the cursor goes (line, column in the value).
struct Drawn {
    lines: Vec<Line<'static>>,
    cursor: Option<(usize, usize)>,
}

/// Draws `form` over `area` (cleared first).
pub fn render(form: &Form, keymap: &Keymap, theme: Theme, area: Rect, frame: &mut Frame) {
    frame.render_widget(Clear, area);
    let title = format!(" {} ", sanitize_line(&form.title()));
    let block = Block::bordered()
        .border_style(theme.border_focused())
        .title(Span::styled(title, theme.border_focused()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let [body, footer] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let views: Vec<RowView> = form.rows().collect();
    let label_width = views
        .iter()
        .map(|v| width(&v.label) + 1)
        .max()
        .unwrap_or(0)
        .clamp(LABEL_MIN, LABEL_MAX)
        .min(usize::from(body.width) / 3);
    let value_width = usize::from(body.width).saturating_sub(label_width + 1);
    let body_lines = BodyLines::new(&views, form.lang(), theme, label_width, value_width);
    let height = usize::from(body.height);
    let total = body_lines.lines.len();
    let offset = scroll_offset(body_lines.focused, total, height);
    let BodyLines { lines, cursor, .. } = body_lines;
    for (i, line) in lines.into_iter().skip(offset).take(height).enumerate() {
        let y = body.y.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        frame.render_widget(line, Rect::new(body.x, y, body.width, 1));
    }
    // Arrows on the right border tell that more inputs are above or below.
    let border_x = inner.right();
    if border_x < area.right() {
        let buffer = frame.buffer_mut();
        if offset > 0 {
            buffer[(border_x, body.y)]
                .set_symbol("▲")
                .set_style(theme.border_focused());
        }
        if offset + height < total {
            buffer[(border_x, body.bottom() - 1)]
                .set_symbol("▼")
                .set_style(theme.border_focused());
        }
    }
    if let Some((line, column)) = cursor
        && !form.is_asking()
        && (offset..offset + height).contains(&line)
    {
        let x = usize::from(body.x) + label_width + 1 + column.min(value_width.saturating_sub(1));
        let y = usize::from(body.y) + line - offset;
        if let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y)) {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
    frame.render_widget(
        hint::footer_line(form, keymap, &views, theme, footer.width),
        footer,
    );
}

/// Every screen line of the form's body, before scrolling.
struct BodyLines {
    lines: Vec<Line<'static>>,
    /// The focused input's lines, `start..end`.
    focused: (usize, usize),
    /// Where the terminal cursor goes (line, column in the value).
    cursor: Option<(usize, usize)>,
}

impl BodyLines {
    fn new(
        views: &[RowView],
        lang: Lang,
        theme: Theme,
        label_width: usize,
        value_width: usize,
    ) -> BodyLines {
        let mut body = BodyLines {
            lines: Vec::new(),
            focused: (0, 0),
            cursor: None,
        };
        for view in views {
            let drawn = draw_row(view, lang, theme, label_width, value_width);
            let start = body.lines.len();
            if view.focused {
                body.focused = (start, start + drawn.lines.len());
                body.cursor = drawn.cursor.map(|(line, column)| (start + line, column));
            }
            body.lines.extend(drawn.lines);
        }
        body
    }
}

/// First screen line to show so that the focused lines `start..end` (and one line after them
/// when there is one) are visible.
fn scroll_offset((start, end): (usize, usize), total: usize, height: usize) -> usize {
    let wanted_end = (end + 1).min(total);
    wanted_end.saturating_sub(height).min(start)
}

/// The spans of each value line of an input, before the label column.
type ValueLines = Vec<Vec<Span<'static>>>;

/// The label column, value lines and error of one input.
fn draw_row(
    view: &RowView,
    lang: Lang,
    theme: Theme,
    label_width: usize,
    value_width: usize,
) -> Drawn {
    let (mut values, cursor) = match view.content {
        Content::Line { text, cursor: at } => {
            let (shown, column) = visible(text, at, view.focused, value_width);
            (vec![vec![Span::raw(shown)]], column.map(|c| (0, c)))
        }
        Content::Text { lines, cursor } => text_lines(view, lines, cursor, theme, value_width),
        Content::Choice(label) => {
            let arrows = if view.focused {
                theme.key()
            } else {
                theme.dim()
            };
            let spans = vec![
                Span::styled("◀ ", arrows),
                Span::raw(sanitize_line(label).into_owned()),
                Span::styled(" ▶", arrows),
            ];
            (vec![spans], None)
        }
        Content::Empty => {
            let hint = truncate(lang.t(Text::FormListEmpty), value_width).into_owned();
            (vec![vec![Span::styled(hint, theme.dim())]], None)
        }
    };
    let single_line = !matches!(view.content, Content::Text { .. });
    let error_line = match (view.error, &view.warning) {
        (Some(error), _) => {
            let style = (theme.error(), false);
            add_error(&mut values, error, single_line, style, value_width)
        }
        // A warning is wrapped, never cut: its end says by how much (issue 14).
        (None, Some(warning)) => {
            let style = (theme.warning(), true);
            add_error(&mut values, warning, single_line, style, value_width)
        }
        (None, None) => None,
    };
    let label_style = if view.focused {
        theme.selected()
    } else {
        theme.label()
    };
    let blank = " ".repeat(label_width + 1);
    let lines = values
        .into_iter()
        .chain(error_line.into_iter().flatten())
        .enumerate()
        .map(|(i, spans)| {
            let mut line = if i == 0 {
                vec![
                    Span::styled(cell(&view.label, label_width), label_style),
                    Span::raw(" "),
                ]
            } else {
                vec![Span::raw(blank.clone())]
            };
            line.extend(spans);
            Line::from(line)
        })
        .collect();
    Drawn { lines, cursor }
}

/// The visible lines of a multi-line input (more while it has the focus, scrolled to the
/// cursor), `…` after the last one when lines are hidden, and the cursor.
fn text_lines(
    view: &RowView,
    lines: &[String],
    (row, at): (usize, usize),
    theme: Theme,
    value_width: usize,
) -> (ValueLines, Option<(usize, usize)>) {
    let height = if view.focused {
        TEXT_LINES_FOCUSED
    } else {
        lines.len().clamp(1, TEXT_LINES)
    };
    let top = if view.focused {
        row.saturating_sub(height - 1)
    } else {
        0
    };
    let current = lines.get(row).map_or("", String::as_str);
    let (_, column) = visible(current, at, view.focused, value_width);
    let scroll = column.map_or(0, |c| cursor_column(current, at) - c);
    let mut values: ValueLines = (0..height)
        .map(|i| {
            let clean = sanitize_line(lines.get(top + i).map_or("", String::as_str));
            let shown = if view.focused {
                columns(&clean, scroll, value_width)
            } else {
                truncate(&clean, value_width).into_owned()
            };
            vec![Span::raw(shown)]
        })
        .collect();
    if !view.focused
        && lines.len() > height
        && let Some(last) = values.last_mut()
    {
        last.push(Span::styled(" …", theme.dim()));
    }
    (values, column.map(|c| (row - top, c)))
}

/// Puts `error` behind a one-line value when it fits; else returns it as a line of its own, cut
/// to the width (or, `wrapped`, as lines of their own).
fn add_error(
    values: &mut ValueLines,
    error: &str,
    single_line: bool,
    (style, wrapped): (ratatui::style::Style, bool),
    value_width: usize,
) -> Option<ValueLines> {
    let error = sanitize_line(error).into_owned();
    let used: usize = values
        .first()
        .map_or(0, |spans| spans.iter().map(Span::width).sum());
    match values.first_mut() {
        Some(first) if single_line && used + 2 + width(&error) <= value_width => {
            first.push(Span::raw("  "));
            first.push(Span::styled(error, style));
            None
        }
        _ if wrapped => Some(
            (wrap(&error, value_width).into_iter())
                .map(|line| vec![Span::styled(line, style)])
                .collect(),
        ),
        _ => {
            let cut = truncate(&error, value_width).into_owned();
            Some(vec![vec![Span::styled(cut, style)]])
        }
    }
}

/// `text` in lines of at most `columns`, broken between words (a longer word is cut).
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = width(&line) + usize::from(!line.is_empty()) + width(word);
        if !line.is_empty() && needed > columns {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    (lines.iter())
        .map(|l| truncate(l, columns).into_owned())
        .collect()
}

/// The part of a one-line value that fits `max` columns, sanitised. With focus it scrolls
/// horizontally to keep the cursor (given in characters) visible and returns the cursor column.
fn visible(text: &str, cursor: usize, focused: bool, max: usize) -> (String, Option<usize>) {
    let clean = sanitize_line(text);
    if !focused {
        return (truncate(&clean, max).into_owned(), None);
    }
    let column = cursor_column(text, cursor);
    let scroll = if max > 0 && column >= max {
        column + 1 - max
    } else {
        0
    };
    (columns(&clean, scroll, max), Some(column - scroll))
}

/// Screen column of the cursor after `cursor` characters of `text`, measured on the sanitised
/// text (the sanitiser maps character by character, so the prefix stays a prefix).
fn cursor_column(text: &str, cursor: usize) -> usize {
    let prefix: String = text.chars().take(cursor).collect();
    width(&sanitize_line(&prefix))
}

/// The columns `skip..skip + max` of `text`: a wide character cut at the left edge becomes
/// spaces, one that would cross the right edge is left out, and combining marks stay with their
/// base character.
fn columns(text: &str, skip: usize, max: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        let start = column;
        column += w;
        if start < skip {
            if column > skip {
                out.push_str(&" ".repeat(column - skip));
                used += column - skip;
            }
            continue;
        }
        if w == 0 {
            if !out.is_empty() {
                out.push(c);
            }
            continue;
        }
        if used + w > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

#[cfg(test)]
mod tests;
