//! The payments view (`z`, issue 14) over the panes: the measure in the title, `ausgezahlt X
//! von Y`, a table of the payments by date (Datum, Art, Betrag, Aktenzeichen, Notizen) with the
//! selected one highlighted, and the warnings at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Text as Lines};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::Theme;
use crate::app::App;
use crate::app::payments::PaymentsView;
use crate::i18n::{Text, fill};
use crate::model::{Field, format_date_de};
use crate::text::{sanitize_line, truncate};

/// At most this many warning lines; the table keeps the rest.
const MAX_WARNING_LINES: usize = 4;

/// Draws `view` over `area` (everything above the status bar).
pub fn render(app: &App, theme: Theme, view: &PaymentsView, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let title = fill(
        lang.t(Text::PaymentsTitle),
        &[
            ("measure", &view.measure.id),
            ("title", &sanitize_line(&view.measure.title)),
        ],
    );
    let room = area.width.saturating_sub(4) as usize;
    let inner = super::popup::framed(frame, theme, &truncate(&title, room), area);
    let warnings = view.warnings(lang);
    let shown = warnings.len().min(MAX_WARNING_LINES);
    let [sum, table, bottom] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(2),
        Constraint::Length(shown as u16),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(Line::raw(view.sum_line(lang))), sum);
    let width = inner.width as usize;
    let lines: Vec<Line> = (warnings.iter().take(shown))
        .map(|w| {
            Line::styled(
                truncate(&format!("⚠ {w}"), width).into_owned(),
                theme.warning(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), bottom);
    if view.payments.is_empty() {
        let empty = Paragraph::new(Line::styled(lang.t(Text::PaymentsEmpty), theme.dim()));
        frame.render_widget(empty, table);
        return;
    }
    let label = |field: Field| Cell::from(crate::i18n::Localize::localize(&field, lang));
    let header = Row::new([
        label(Field::Date),
        label(Field::Kind),
        Cell::from(
            Lines::from(crate::i18n::Localize::localize(&Field::Amount, lang)).right_aligned(),
        ),
        label(Field::Reference),
        label(Field::Notes),
    ])
    .style(theme.label());
    let rows = view.payments.iter().map(|(_, p)| {
        Row::new([
            Cell::from(format_date_de(p.date)),
            Cell::from(p.kind.name()),
            Cell::from(Lines::from(p.amount.format_de()).right_aligned()),
            Cell::from(sanitize_line(&p.reference).into_owned()),
            Cell::from(sanitize_line(&p.note).into_owned()),
        ])
    });
    let widths = [
        Constraint::Length(10),
        Constraint::Length(13),
        Constraint::Length(15),
        Constraint::Fill(1),
        Constraint::Fill(2),
    ];
    let widget = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected());
    let mut state = TableState::default().with_selected(Some(view.selected));
    frame.render_stateful_widget(widget, table, &mut state);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::super::render as render_screen;
    use crate::app::tests::{fixture_with, press};
    use crate::model::{Cents, MeasureId, Payment, PaymentId, PaymentKind};
    use crate::ops::Op;

    fn payment(date: (i32, u32), euros: i64, kind: PaymentKind, reference: &str) -> Payment {
        Payment {
            id: PaymentId(0),
            measure: MeasureId(1),
            date: chrono::NaiveDate::from_ymd_opt(date.0, 3, date.1).unwrap(),
            amount: Cents(euros * 100),
            kind,
            reference: reference.into(),
            note: "erste Rate <b>".into(),
        }
    }

    #[test]
    fn deleting_asks_over_the_payments_view() {
        let mut f = fixture_with(|store| {
            let p = payment((2026, 2), 1_500, PaymentKind::Auszahlung, "AZ-7");
            store.apply(Op::AddPayment { payment: p }, "anna").unwrap();
        });
        f.app.resize(80, 24);
        press(&mut f.app, "ljjj<Tab>zd");
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let theme = crate::ui::Theme::monochrome();
        terminal
            .draw(|frame| render_screen(&f.app, theme, frame))
            .unwrap();
        let screen = terminal.backend().to_string();
        assert!(screen.contains("Zahlungen M-0001"), "{screen}");
        assert!(screen.contains("AZ-7"), "{screen}");
        assert!(screen.contains("Zahlung Z-0001 vom 02.03.2026"), "{screen}");
    }

    #[test]
    fn payments_of_a_measure_80x24() {
        let mut f = fixture_with(|store| {
            for p in [
                payment((2026, 15), 2_000, PaymentKind::Mittelabruf, "MA-1"),
                payment((2026, 2), 1_500, PaymentKind::Auszahlung, "AZ-7"),
                payment((2027, 20), 300, PaymentKind::Rueckforderung, ""),
            ] {
                store.apply(Op::AddPayment { payment: p }, "anna").unwrap();
            }
        });
        f.app.resize(80, 24);
        press(&mut f.app, "ljjj<Tab>zj");
        assert_eq!(f.app.store().payments_of(MeasureId(1)).unwrap().len(), 3);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let theme = crate::ui::Theme::monochrome();
        terminal
            .draw(|frame| render_screen(&f.app, theme, frame))
            .unwrap();
        let screen = terminal.backend().to_string();
        assert!(
            screen.contains("ausgezahlt 3.200,00 € von 12.500,00 €"),
            "{screen}"
        );
        assert!(
            screen.contains("Zahlung außerhalb der Laufzeit"),
            "{screen}"
        );
        assert!(!screen.contains('\x1b'));
        insta::assert_snapshot!(terminal.backend());
    }
}
