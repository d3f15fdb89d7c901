//! The detail pane's lines, and that it draws what the app read, without reading the store.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::*;
use crate::app::tests::{fixture, press};
use crate::model::{Cents, Fund, GoalId, MeasureId, Status};
use crate::ops::{Applied, Op};
use crate::store::{HistoryEntry, Inconsistency, Link, Repository, Store, StoreError};

/// A store that counts every read and, once told to, fails to read measures.
struct Watched {
    store: Store,
    reads: Arc<AtomicUsize>,
    fail: Arc<AtomicBool>,
}

impl Watched {
    fn read(&self) -> &Store {
        self.reads.fetch_add(1, Ordering::SeqCst);
        &self.store
    }
}

impl Repository for Watched {
    fn apply(&mut self, op: Op, actor: &str) -> Result<Applied, StoreError> {
        self.store.apply(op, actor)
    }
    fn undo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.store.undo(actor)
    }
    fn undo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.store.undo_anyway(actor)
    }
    fn redo(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.store.redo(actor)
    }
    fn redo_anyway(&mut self, actor: &str) -> Result<Applied, StoreError> {
        self.store.redo_anyway(actor)
    }
    fn goals(&self) -> Result<Vec<crate::model::Goal>, StoreError> {
        self.read().goals()
    }
    fn measure(&self, id: MeasureId) -> Result<Option<Measure>, StoreError> {
        if self.fail.load(Ordering::SeqCst) {
            let error = std::io::Error::other("Netz weg");
            return Err(StoreError::Sled(sled::Error::Io(error)));
        }
        self.read().measure(id)
    }
    fn measure_revised(&self, id: MeasureId) -> Result<Option<(u64, Measure)>, StoreError> {
        self.read().measure_revised(id)
    }
    fn goal_revised(&self, id: GoalId) -> Result<Option<(u64, crate::model::Goal)>, StoreError> {
        self.read().goal_revised(id)
    }
    fn measures(&self) -> Result<Vec<Measure>, StoreError> {
        self.read().measures()
    }
    fn for_each_measure(&self, visit: &mut dyn FnMut(Measure)) -> Result<(), StoreError> {
        self.read().for_each_measure(visit)
    }
    fn measures_after(&self, after: MeasureId, limit: usize) -> Result<Vec<Measure>, StoreError> {
        self.read().measures_after(after, limit)
    }
    fn measure_ids(&self) -> Result<Vec<MeasureId>, StoreError> {
        self.read().measure_ids()
    }
    fn next_ids(&self) -> Result<(GoalId, MeasureId), StoreError> {
        self.read().next_ids()
    }
    fn can_undo(&self, actor: &str) -> Result<bool, StoreError> {
        self.read().can_undo(actor)
    }
    fn can_redo(&self, actor: &str) -> Result<bool, StoreError> {
        self.read().can_redo(actor)
    }
    fn links_of_measure(&self, id: MeasureId) -> Result<Vec<Link>, StoreError> {
        self.read().links_of_measure(id)
    }
    fn links_of_goal(&self, id: GoalId) -> Result<Vec<Link>, StoreError> {
        self.read().links_of_goal(id)
    }
    fn links(&self) -> Result<Vec<Link>, StoreError> {
        self.read().links()
    }
    fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        self.read().history(limit)
    }
    fn history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>, StoreError> {
        self.read().entry(seq)
    }
    fn check(&self) -> Vec<Inconsistency> {
        self.read().check()
    }
    fn money(
        &self,
        query: &crate::store::MoneyQuery,
    ) -> Result<crate::store::MoneyAnswer, StoreError> {
        self.read().money(query)
    }
}

/// The fixture's app, reading through a [`Watched`] store, with goal 1.3's first measure
/// selected in the measure pane.
fn watched() -> (tempfile::TempDir, App, Arc<AtomicUsize>, Arc<AtomicBool>) {
    let f = fixture();
    let (reads, fail) = (Arc::default(), Arc::<AtomicBool>::default());
    let store: Box<dyn Repository> = Box::new(Watched {
        store: f.app.into_store(),
        reads: Arc::clone(&reads),
        fail: Arc::clone(&fail),
    });
    let mut app = App::new(store, Lang::De, None).unwrap();
    press(&mut app, "ljjj<Tab>");
    (f.dir, app, reads, fail)
}

fn screen(app: &App) -> String {
    let terminal = crate::ui::tests::draw_in(app, Theme::default(), 120, 40);
    crate::ui::tests::screen(terminal.backend().buffer())
}

#[test]
fn the_detail_pane_draws_without_reading_the_store() {
    let (_dir, app, reads, _) = watched();
    reads.store(0, Ordering::SeqCst);
    let text = screen(&app);
    assert_eq!(reads.load(Ordering::SeqCst), 0, "read while drawing");
    assert!(text.contains("Details M-0001"), "{text}");
    assert!(text.contains("Teilnehmende Kinder"), "{text}");
}

#[test]
fn a_measure_that_cannot_be_read_says_so_in_the_pane_and_the_status_bar() {
    let (_dir, mut app, _, fail) = watched();
    fail.store(true, Ordering::SeqCst);
    press(&mut app, "j");
    let message = app.message.clone().expect("a message");
    assert_eq!(message.kind, crate::app::MessageKind::Error);
    assert!(message.text.contains("M-0002"), "{message:?}");
    assert!(message.text.contains("Netz weg"), "{message:?}");
    let text = screen(&app);
    assert!(
        text.contains("Maßnahme M-0002 konnte nicht gelesen"),
        "{text}"
    );
    assert!(!text.contains("Keine Maßnahme ausgewählt"), "{text}");
}

#[test]
fn every_field_of_the_list_is_shown_the_rest_in_list_order() {
    let f = fixture();
    let mut m = Measure::new("Kiezfest");
    m.organisation = "Nachbarschaftshaus".into();
    m.contact = "kontakt@example.org".into();
    m.responsible = "Anna".into();
    m.reference = "AZ-7".into();
    m.fund = Some(Fund::Projektfonds);
    m.requested = Some(Cents(100));
    m.approved = Some(Cents(100));
    m.cofunding = Some(Cents(50));
    m.start = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
    m.status = Status::Laufend;
    m.target_groups = vec!["Eltern".into()];
    m.location = "Kiez".into();
    m.description = "Ein Fest.".into();
    m.notes = "Bühne leihen.".into();
    let text: Vec<String> = lines(&f.app, Theme::default(), &m, 200)
        .iter()
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let at = |label: Text| {
        let label = f.app.lang.t(label);
        text.iter().position(|l| l.contains(label))
    };
    for row in &MEASURE_FIELDS {
        if !matches!(row.field, Field::Title | Field::Start | Field::End) {
            assert!(
                at(field_label(row.field)).is_some(),
                "{:?} missing in {text:#?}",
                row.field
            );
        }
    }
    let rest: Vec<Option<usize>> = (MEASURE_FIELDS.iter())
        .filter(|r| !SUMMARY.contains(&r.field) && r.kind != Kind::Text)
        .map(|r| at(field_label(r.field)))
        .collect();
    assert!(rest.is_sorted(), "{rest:?} in {text:#?}");
}

/// Issue 14: `ausgezahlt … von …`, the instalments and the warnings of plan and payments.
#[test]
fn the_detail_pane_shows_paid_of_approved_the_plan_and_its_warnings() {
    use crate::model::{Payment, PaymentId, PaymentKind, Plan};
    let mut f = crate::app::tests::fixture_with(|store| {
        let m = MeasureId(1);
        let plan = Plan([(2026, Cents(1_000_000))].into());
        store.apply(Op::SetPlan { measure: m, plan }, "t").unwrap();
        for (date, cents) in [((2026, 3, 1), 500_000), ((2027, 1, 15), 50_000)] {
            let payment = Payment {
                id: PaymentId(0),
                measure: m,
                date: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
                amount: Cents(cents),
                kind: PaymentKind::Auszahlung,
                reference: String::new(),
                note: String::new(),
            };
            store.apply(Op::AddPayment { payment }, "t").unwrap();
        }
    });
    press(&mut f.app, "ljjj<Tab>");
    let text = screen(&f.app);
    assert!(text.contains("Details M-0001"), "{text}");
    assert!(
        text.contains("ausgezahlt 5.500,00 € von 12.500,00 €"),
        "{text}"
    );
    assert!(text.contains("Jahresraten: 2026: 10.000,00 €"), "{text}");
    assert!(
        text.contains("⚠ M-0001: Jahresraten ergeben 10.000,00 €, bewilligt sind 12.500,00 €"),
        "{text}"
    );
    assert!(
        text.contains("⚠ Z-0002: Zahlung außerhalb der Laufzeit von M-0001"),
        "{text}"
    );
    // Another measure without money says nothing of it.
    press(&mut f.app, "j");
    let text = screen(&f.app);
    assert!(!text.contains("Jahresraten:"), "{text}");
}
