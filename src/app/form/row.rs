//! One focusable line of the form: which value it edits ([`Slot`]), its input widget and its
//! error. Also the per-slot parsing shared by focus changes and submit.

use ratatui_textarea::{CursorMove, TextArea};
use serde::{Deserialize, Serialize};
use tui_input::Input;

use crate::i18n::{Lang, Localize, Text};
use crate::model::{Field, Problem, parse_amount, parse_date, parse_decimal};

/// One of the five inputs of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    Name,
    Unit,
    Baseline,
    Target,
    Actual,
}

impl Part {
    /// The inputs of one indicator in form order.
    pub const ALL: [Part; 5] = [
        Part::Name,
        Part::Unit,
        Part::Baseline,
        Part::Target,
        Part::Actual,
    ];

    fn text(self) -> Text {
        match self {
            Part::Name => Text::FormIndicatorName,
            Part::Unit => Text::FormIndicatorUnit,
            Part::Baseline => Text::FormIndicatorBaseline,
            Part::Target => Text::FormIndicatorTarget,
            Part::Actual => Text::FormIndicatorActual,
        }
    }
}

/// Names one input of the form. Finer than [`Field`]: an indicator has five inputs, and an empty
/// list has a placeholder line that only accepts Ctrl-n.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Slot {
    Code,
    Title,
    Description,
    Organisation,
    Contact,
    Responsible,
    Reference,
    Fund,
    Requested,
    Approved,
    Cofunding,
    Start,
    End,
    Status,
    /// The n-th target group (0-based).
    TargetGroup(usize),
    /// Placeholder while there is no target group.
    TargetGroups,
    Location,
    Notes,
    /// One input of the n-th indicator (0-based).
    Indicator(usize, Part),
    /// Placeholder while there is no indicator.
    Indicators,
}

impl Slot {
    /// The model field this input belongs to.
    pub fn field(self) -> Field {
        match self {
            Slot::Code => Field::Code,
            Slot::Title => Field::Title,
            Slot::Description => Field::Description,
            Slot::Organisation => Field::Organisation,
            Slot::Contact => Field::Contact,
            Slot::Responsible => Field::Responsible,
            Slot::Reference => Field::Reference,
            Slot::Fund => Field::Fund,
            Slot::Requested => Field::Requested,
            Slot::Approved => Field::Approved,
            Slot::Cofunding => Field::Cofunding,
            Slot::Start => Field::Start,
            Slot::End => Field::End,
            Slot::Status => Field::Status,
            Slot::TargetGroup(n) => Field::TargetGroup(n),
            Slot::TargetGroups => Field::TargetGroup(0),
            Slot::Location => Field::Location,
            Slot::Notes => Field::Notes,
            Slot::Indicator(n, _) => Field::Indicator(n),
            Slot::Indicators => Field::Indicator(0),
        }
    }

    /// True for target groups and indicators, where Ctrl-n and Ctrl-d work.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Slot::TargetGroup(_) | Slot::TargetGroups | Slot::Indicator(..) | Slot::Indicators
        )
    }

    /// The label shown left of the input, e.g. `Zielgruppe 1` or `Indikator 2: Zielwert`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Slot::TargetGroups => lang.t(Text::FieldTargetGroups).to_string(),
            Slot::Indicators => lang.t(Text::FieldIndicators).to_string(),
            Slot::Indicator(n, part) => format!(
                "{}: {}",
                Field::Indicator(n).localize(lang),
                lang.t(part.text())
            ),
            slot => slot.field().localize(lang),
        }
    }

    /// The problem that keeps this slot's text from being parsed, if any (amounts, dates,
    /// numbers; other slots always parse).
    pub fn parse_problem(self, text: &str) -> Option<Problem> {
        match self {
            Slot::Requested | Slot::Approved | Slot::Cofunding => parse_amount_opt(text).err(),
            Slot::Start | Slot::End => parse_date_opt(text).err(),
            Slot::Indicator(_, Part::Baseline | Part::Target) => parse_decimal_req(text).err(),
            Slot::Indicator(_, Part::Actual) => parse_decimal_opt(text).err(),
            _ => None,
        }
    }
}

impl From<Field> for Slot {
    /// The first input of `field`; fields without an input of their own (parent, goals) map to
    /// the title so an error about them is still shown.
    fn from(field: Field) -> Slot {
        match field {
            Field::Code => Slot::Code,
            Field::Title | Field::Parent | Field::Goals => Slot::Title,
            Field::Description => Slot::Description,
            Field::Organisation => Slot::Organisation,
            Field::Contact => Slot::Contact,
            Field::Responsible => Slot::Responsible,
            Field::Reference => Slot::Reference,
            Field::Fund => Slot::Fund,
            Field::Requested => Slot::Requested,
            Field::Approved => Slot::Approved,
            Field::Cofunding => Slot::Cofunding,
            Field::Start => Slot::Start,
            Field::End => Slot::End,
            Field::Status => Slot::Status,
            Field::TargetGroup(n) => Slot::TargetGroup(n),
            Field::Location => Slot::Location,
            Field::Notes => Slot::Notes,
            Field::Indicator(n) => Slot::Indicator(n, Part::Name),
        }
    }
}

/// Empty means no amount.
pub(super) fn parse_amount_opt(text: &str) -> Result<Option<crate::model::Cents>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_amount(text).map(Some)
    }
}

/// Empty means no date.
pub(super) fn parse_date_opt(text: &str) -> Result<Option<chrono::NaiveDate>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(text).map(Some)
    }
}

/// A number that must be given.
pub(super) fn parse_decimal_req(text: &str) -> Result<f64, Problem> {
    if text.trim().is_empty() {
        Err(Problem::Required)
    } else {
        parse_decimal(text)
    }
}

/// Empty means no number.
pub(super) fn parse_decimal_opt(text: &str) -> Result<Option<f64>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_decimal(text).map(Some)
    }
}

/// German display of an indicator value: shortest exact form, decimal comma, no grouping.
pub(super) fn format_decimal(value: f64) -> String {
    value.to_string().replace('.', ",")
}

/// The input widget of a row.
#[derive(Clone)]
pub(super) enum Widget {
    Line(Input),
    Text(Box<TextArea<'static>>),
    /// `options` pairs the raw value (kept in drafts) with its label.
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    Placeholder,
}

impl Widget {
    pub(super) fn line(text: &str) -> Widget {
        Widget::Line(Input::new(text.to_string()))
    }

    pub(super) fn text(text: &str) -> Widget {
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Widget::Text(Box::new(area))
    }

    /// The raw value: the text, or the chosen option's raw value.
    pub(super) fn value(&self) -> String {
        match self {
            Widget::Line(input) => input.value().to_string(),
            Widget::Text(area) => area.lines().join("\n"),
            Widget::Choice { options, index } => options
                .get(*index)
                .map(|(raw, _)| raw.clone())
                .unwrap_or_default(),
            Widget::Placeholder => String::new(),
        }
    }

    /// Replaces the value; a choice takes the option whose raw value matches (else unchanged).
    pub(super) fn set_value(&mut self, value: &str) {
        match self {
            Widget::Line(_) => *self = Widget::line(value),
            Widget::Text(_) => *self = Widget::text(value),
            Widget::Choice { options, index } => {
                if let Some(found) = options.iter().position(|(raw, _)| raw == value) {
                    *index = found;
                }
            }
            Widget::Placeholder => {}
        }
    }
}

/// An error shown next to a row, with the text it was about (so a changed value can clear it).
#[derive(Clone, Debug)]
pub(super) struct RowError {
    pub(super) message: String,
    pub(super) text: String,
}

/// One focusable line (or block of lines) of the form.
#[derive(Clone)]
pub(super) struct Row {
    pub(super) slot: Slot,
    pub(super) widget: Widget,
    pub(super) error: Option<RowError>,
}

impl Row {
    pub(super) fn new(slot: Slot, widget: Widget) -> Row {
        Row {
            slot,
            widget,
            error: None,
        }
    }

    /// Shows `message` next to the row unless it has an error already.
    pub(super) fn add_error(&mut self, message: String) {
        if self.error.is_none() {
            self.set_error(message);
        }
    }

    pub(super) fn set_error(&mut self, message: String) {
        self.error = Some(RowError {
            message,
            text: self.widget.value(),
        });
    }
}

/// What the renderer needs to know about one row.
#[derive(Clone, Copy, Debug)]
pub enum Content<'a> {
    /// A single-line input; `cursor` counts characters before the cursor.
    Line { text: &'a str, cursor: usize },
    /// A multi-line input; `cursor` is (line, characters before the cursor in that line).
    Text {
        lines: &'a [String],
        cursor: (usize, usize),
    },
    /// A choice, showing the label of the chosen option.
    Choice(&'a str),
    /// The placeholder of an empty list.
    Empty,
}

/// A read-only view of one row for drawing.
#[derive(Clone, Debug)]
pub struct RowView<'a> {
    /// Which input this is.
    pub slot: Slot,
    /// The localized label, e.g. `Zielgruppe 1`.
    pub label: String,
    /// The input's content and cursor.
    pub content: Content<'a>,
    /// The error to show next to it.
    pub error: Option<&'a str>,
    /// True for the focused row.
    pub focused: bool,
}

impl Row {
    pub(super) fn view(&self, lang: Lang, focused: bool) -> RowView<'_> {
        let content = match &self.widget {
            Widget::Line(input) => Content::Line {
                text: input.value(),
                cursor: input.cursor(),
            },
            Widget::Text(area) => {
                let cursor = area.cursor();
                Content::Text {
                    lines: area.lines(),
                    cursor: (cursor.0, cursor.1),
                }
            }
            Widget::Choice { options, index } => Content::Choice(
                options
                    .get(*index)
                    .map(|(_, label)| label.as_str())
                    .unwrap_or(""),
            ),
            Widget::Placeholder => Content::Empty,
        };
        RowView {
            slot: self.slot,
            label: self.slot.label(lang),
            content,
            error: self.error.as_ref().map(|e| e.message.as_str()),
            focused,
        }
    }
}
