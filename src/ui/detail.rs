//! The detail pane: every field of the selected measure, its indicators with a progress bar,
//! its goals (★ = primary) and the fund-rule warnings. Scrolls when focused (`j`/`k`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::measures::runtime;
use super::{Theme, pane_block};
use crate::app::measures::overdue;
use crate::app::{App, Focus, Shown};
use crate::i18n::{Lang, Localize, Text, field_label, fill};
use crate::model::{
    Cents, Field, Indicator, Kind, MEASURE_FIELDS, Measure, Value, format_date_de, fund_warnings,
};
use crate::text::{sanitize_line, sanitize_text, truncate, width};

/// Fields shown at the top of the pane in their own arrangement; the others follow in list order.
const SUMMARY: [Field; 10] = [
    Field::Title,
    Field::Organisation,
    Field::Contact,
    Field::Fund,
    Field::Status,
    Field::Approved,
    Field::Requested,
    Field::Cofunding,
    Field::Start,
    Field::End,
];

/// Columns of an indicator's progress bar.
const BAR: usize = 10;

/// Draws what the app read for the selected measure (nothing is read from the store here).
pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let shown = app.detail().shown();
    let mut title = format!(" {}", lang.t(Text::PaneDetail));
    if let Shown::Measure(m) = shown {
        title.push_str(&format!(" {}", m.id));
    }
    title.push(' ');
    let block = pane_block(app, theme, Line::from(title), Focus::Detail);
    let measure = match shown {
        Shown::Measure(measure) => measure,
        Shown::Nothing => {
            let text = Line::styled(lang.t(Text::NoMeasureSelected), theme.dim());
            frame.render_widget(Paragraph::new(text).block(block), area);
            return;
        }
        Shown::Unreadable(message) => {
            let text = Line::styled(sanitize_line(message).into_owned(), theme.warning());
            let paragraph = Paragraph::new(text).wrap(Wrap { trim: false });
            frame.render_widget(paragraph.block(block), area);
            return;
        }
    };
    let inner = block.inner(area);
    let (paragraph, max) = wrapped(app, theme, measure, inner);
    let scroll = app.detail_scroll.min(max);
    let mut block = block;
    if scroll > 0 {
        let above = format!(" {} ", lang.t(Text::DetailMoreAbove));
        block = block.title(Line::styled(above, theme.key()).right_aligned());
    }
    if scroll < max {
        let below = format!(" {} ", lang.t(Text::DetailMoreBelow));
        block = block.title_bottom(Line::styled(below, theme.key()).right_aligned());
    }
    frame.render_widget(block, area);
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
}

/// The wrapped text of `measure` for the pane's `inner` area and how far it can scroll.
fn wrapped<'a>(app: &App, theme: Theme, measure: &'a Measure, inner: Rect) -> (Paragraph<'a>, u16) {
    let lines = lines(app, theme, measure, inner.width as usize);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width);
    let max = total.saturating_sub(inner.height as usize);
    (paragraph, u16::try_from(max).unwrap_or(u16::MAX))
}

/// How far the detail pane can scroll for the selected measure on a `screen` of this size (the
/// same wrapping as drawn); the app bounds `j`/`k` with it.
pub fn max_scroll(app: &App, measure: Option<&Measure>, screen: Rect) -> u16 {
    let Some(measure) = measure else {
        return 0;
    };
    let area = super::Areas::new(screen).detail;
    let inner = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .inner(area);
    // Styles do not change how the text wraps.
    wrapped(app, Theme::default(), measure, inner).1
}

/// The lines of a measure for a pane `columns` wide.
fn lines<'a>(app: &App, theme: Theme, m: &'a Measure, columns: usize) -> Vec<Line<'a>> {
    let lang = app.lang;
    let field = |label: Text, value: String| field_line(lang, theme, label, value);
    let text = |s: &str| sanitize_line(s).into_owned();
    let money = money_text;
    let mut out = vec![Line::styled(text(&m.title), theme.label())];
    out.push(field(Text::FieldOrganisation, text(&m.organisation)));
    if !m.contact.is_empty() {
        out.push(field(Text::FieldContact, text(&m.contact)));
    }
    let fund = m.fund.map_or("–", |f| f.name());
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", lang.t(Text::FieldFund)), theme.label()),
        Span::raw(fund),
        Span::styled(format!("  {}: ", lang.t(Text::FieldStatus)), theme.label()),
        Span::raw(lang.status(m.status)),
    ]));
    out.push(field(Text::FieldApproved, money(m.approved)));
    out.extend(money_lines(app, theme, m));
    out.push(field(Text::FieldRequested, money(m.requested)));
    if m.cofunding.is_some() {
        out.push(field(Text::FieldCofunding, money(m.cofunding)));
    }
    let mut runtime_line = field(Text::FieldRuntime, runtime(m.start, m.end));
    if app
        .pane
        .today
        .is_some_and(|today| overdue(m.status, m.end, today))
    {
        runtime_line.push_span(Span::styled(
            format!("  ! {}", lang.t(Text::OverdueEnd)),
            theme.warning(),
        ));
    }
    out.push(runtime_line);
    let goals: Vec<String> = app
        .links()
        .goals_of(m.id)
        .iter()
        .map(|(goal, primary)| {
            let code = sanitize_line(&app.code_of(*goal)).into_owned();
            if *primary { format!("★{code}") } else { code }
        })
        .collect();
    let goals = if goals.is_empty() {
        "–".to_string()
    } else {
        goals.join(", ")
    };
    out.push(field(Text::FieldGoals, goals));
    for warning in fund_warnings(m) {
        out.push(Line::styled(
            format!("⚠ {}", warning.localize(lang)),
            theme.warning(),
        ));
    }
    out.extend(course::course_lines(app, theme));
    if !m.indicators.is_empty() {
        out.push(Line::styled(lang.t(Text::FieldIndicators), theme.label()));
        for indicator in &m.indicators {
            out.push(indicator_line(app, theme, indicator, columns));
        }
    }
    out.extend(other_fields(app, theme, m));
    out
}

/// Every field of the list not in [`SUMMARY`], in list order: one-line values first, long texts
/// below.
fn other_fields<'a>(app: &App, theme: Theme, m: &Measure) -> Vec<Line<'a>> {
    let lang = app.lang;
    let field = |label: Text, value: String| field_line(lang, theme, label, value);
    let text = |s: &str| sanitize_line(s).into_owned();
    let money = money_text;
    let mut out = Vec::new();
    let rest = || {
        MEASURE_FIELDS
            .iter()
            .filter(|f| !SUMMARY.contains(&f.field))
    };
    for row in rest().filter(|f| f.kind != Kind::Text) {
        let value = match row.get(m) {
            Value::Text(value) => text(&value),
            Value::Amount(amount) => money(amount),
            Value::Date(date) => date.map(format_date_de).unwrap_or_default(),
            Value::Fund(fund) => fund.map_or("", |f| f.name()).to_string(),
            Value::Status(status) => lang.status(status).to_string(),
            Value::List(items) => items.iter().map(|g| text(g)).collect::<Vec<_>>().join(", "),
        };
        if !value.is_empty() {
            out.push(field(field_label(row.field), value));
        }
    }
    for row in rest().filter(|f| f.kind == Kind::Text) {
        let Some(value) = row.text(m).filter(|v| !v.is_empty()) else {
            continue;
        };
        out.push(Line::styled(
            format!("{}:", lang.t(field_label(row.field))),
            theme.label(),
        ));
        out.extend(
            sanitize_text(&value)
                .lines()
                .map(|l| Line::raw(l.to_string())),
        );
    }
    out
}

/// `Teilnehmende  ██████░░░░  60 %  30/50 Personen` in one line of `columns`: the name is cut
/// to keep bar, values and unit together (and the unit too if even that does not fit).
fn indicator_line<'a>(app: &App, theme: Theme, indicator: &Indicator, columns: usize) -> Line<'a> {
    let lang = app.lang;
    let filled = indicator
        .attainment()
        .map_or(0, |a| (a * BAR as f64).round() as usize)
        .min(BAR);
    let percent = indicator
        .attainment()
        .map_or_else(|| "–".to_string(), |a| format!("{} %", (a * 100.0).round()));
    let actual = indicator
        .actual
        .map_or_else(|| "–".to_string(), |v| number(v, lang));
    let unit = sanitize_line(&indicator.unit).into_owned();
    let values = format!(" {percent}  {actual}/{}", number(indicator.target, lang));
    let name = sanitize_line(&indicator.name);
    // `  ` name ` ` bar values ` ` unit
    let fixed = 2 + 1 + BAR + width(&values);
    let unit_room = columns.saturating_sub(fixed + 1 + NAME_MIN);
    let unit = truncate(&unit, unit_room).into_owned();
    let unit_part = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let name_room = columns.saturating_sub(fixed + width(&unit_part)).max(1);
    let name = truncate(&name, name_room).into_owned();
    Line::from(vec![
        Span::raw(format!("  {name} ")),
        Span::styled("█".repeat(filled), theme.bar()),
        Span::styled("░".repeat(BAR - filled), theme.dim()),
        Span::raw(format!("{values}{unit_part}")),
    ])
}

/// Columns an indicator's name keeps before its unit is cut.
const NAME_MIN: usize = 6;

/// A number as users write it: no `.0`, German decimal comma.
pub fn number(value: f64, lang: Lang) -> String {
    let text = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    match lang {
        Lang::De => text.replace('.', ","),
        Lang::En => text,
    }
}

/// `Label: value`, the label styled.
fn field_line<'a>(lang: Lang, theme: Theme, label: Text, value: String) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{}: ", lang.t(label)), theme.label()),
        Span::raw(value),
    ])
}

/// Money over time (issue 14): `ausgezahlt 20.000,00 € von 80.000,00 €`, the instalments, and
/// the warnings of plan and payments.
fn money_lines<'a>(app: &App, theme: Theme, m: &Measure) -> Vec<Line<'a>> {
    let lang = app.lang;
    let stored = app.detail().money();
    let payments: Vec<crate::model::Payment> =
        stored.payments.iter().map(|(_, p)| p.clone()).collect();
    let plan = stored.plan.as_ref().map(|(_, plan)| plan);
    let mut out = Vec::new();
    // Only with payments or a plan, so a measure without either looks as before.
    if !payments.is_empty() || plan.is_some() {
        let paid = crate::model::paid(&payments);
        let text = fill(
            lang.t(Text::DetailPaid),
            &[
                ("paid", &paid.format_de()),
                ("approved", &money_text(m.approved)),
            ],
        );
        out.push(Line::raw(text));
    }
    if let Some(plan) = plan {
        out.push(field_line(
            lang,
            theme,
            Text::ReportInstalments,
            plan.format_de(),
        ));
    }
    let mut warnings: Vec<String> = Vec::new();
    if let Some(crate::model::MoneyWarning::PlanMismatch { planned, approved }) =
        plan.and_then(|plan| crate::model::plan_warning(m, plan))
    {
        warnings.push(fill(
            lang.t(Text::WarnPlanMismatch),
            &[
                ("measure", &m.id),
                ("planned", &planned.format_de()),
                ("approved", &approved.format_de()),
            ],
        ));
    }
    let approved_on = crate::model::approved_on(&app.detail().course().steps);
    for warning in crate::model::payment_warnings(m, &payments, approved_on) {
        let (text, payment) = match warning {
            crate::model::MoneyWarning::PaymentBeforeApproval(id) => {
                (Text::WarnPaymentBeforeApproval, id)
            }
            crate::model::MoneyWarning::PaymentOutsideRuntime(id) => {
                (Text::WarnPaymentOutsideRuntime, id)
            }
            crate::model::MoneyWarning::PaidAboveApproved { paid, approved } => {
                warnings.push(fill(
                    lang.t(Text::WarnPaidAboveApproved),
                    &[
                        ("measure", &m.id),
                        ("paid", &paid.format_de()),
                        ("approved", &approved.format_de()),
                    ],
                ));
                continue;
            }
            _ => continue,
        };
        warnings.push(format!(
            "{payment}: {}",
            fill(lang.t(text), &[("measure", &m.id)])
        ));
    }
    out.extend((warnings.into_iter()).map(|w| Line::styled(format!("⚠ {w}"), theme.warning())));
    out
}

/// An amount as the pane shows it: `1.500,00 €`, or `–` when there is none.
fn money_text(amount: Option<Cents>) -> String {
    amount.map_or_else(|| "–".into(), |c| c.format_de())
}

mod course;
#[cfg(test)]
mod tests;
