//! `App::update` without a terminal: keys in, state and store out (helix-style key strings:
//! `"l j <Tab> d j"`; spaces separate nothing and are ignored, `<Space>` is the space bar).

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use super::*;
use crate::model::{Cents, Field, Fund, Measure, Status};
use crate::ops::Op;
use crate::store::{Repository, Store};

pub(crate) mod decisions;
mod drafts;
mod forms;
pub(crate) mod history;
mod incremental;
mod input;
mod keymap_coverage;
mod links;
mod mouse;
mod overlays;
mod pane;
pub(crate) mod payments;
mod plan;
mod proof_deadline;
mod report_prep;
mod termine;
mod tree;
mod undo;
pub(crate) mod waiting;

pub(crate) struct Fixture {
    pub dir: TempDir,
    pub app: App,
}

/// The key named `name` as the keymap spells it (`j`, `J`, `Tab`, `S-Tab`, `C-r`, `Esc`,
/// `Enter`, `Space`, `Down` …), through [`keymap::parse_key`].
pub(crate) fn key(name: &str) -> KeyEvent {
    keymap::parse_key(name).unwrap_or_else(|| panic!("no key is named {name}"))
}

/// Presses every key of `keys`: single characters, or `<Name>` for named keys.
pub(crate) fn press(app: &mut App, keys: &str) {
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' => {}
            '<' => {
                let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
                app.handle_key(key(&name));
            }
            c => app.handle_key(key(&c.to_string())),
        }
    }
}

/// Types text literally (spaces included) into whatever input is open.
pub(crate) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(text_key(c));
    }
}

/// The key that types `c` (text, not a binding name: `q` here is a letter, not quit).
pub(crate) fn text_key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn measure(title: &str, organisation: &str, fund: Fund, euros: i64, status: Status) -> Measure {
    let mut m = Measure::new(title);
    m.organisation = organisation.into();
    m.fund = Some(fund);
    m.approved = Some(Cents(euros * 100));
    m.status = status;
    m
}

/// A seeded database with three measures: two under 1.3 (one also under 2.1), one under 9.1.
pub(crate) fn fixture() -> Fixture {
    fixture_with(|_| {})
}

/// [`fixture`], with `more` changing the store before the app opens it.
pub(crate) fn fixture_with(more: impl FnOnce(&mut Store)) -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("db")).expect("open");
    let goal = |store: &Store, code: &str| store.goal_by_code(code).unwrap().unwrap().id;
    let (g13, g21, g91) = (
        goal(&store, "1.3"),
        goal(&store, "2.1"),
        goal(&store, "9.1"),
    );
    let mut lesepaten = measure(
        "Lesepaten an der Grundschule",
        "Bildungsverbund Nord",
        Fund::Projektfonds,
        12_500,
        Status::Laufend,
    );
    lesepaten.start = NaiveDate::from_ymd_opt(2026, 1, 1);
    lesepaten.end = NaiveDate::from_ymd_opt(2026, 12, 31);
    lesepaten.target_groups = vec!["Kinder".into(), "Eltern".into()];
    lesepaten.indicators = vec![crate::model::Indicator {
        name: "Teilnehmende Kinder".into(),
        unit: "Kinder".into(),
        baseline: 0.0,
        target: 40.0,
        actual: Some(26.0),
    }];
    let mut fest = measure(
        "Nachbarschaftsfest",
        "Kiezverein",
        Fund::Aktionsfonds,
        1_200,
        Status::Abgeschlossen,
    );
    fest.start = NaiveDate::from_ymd_opt(2025, 6, 1);
    fest.end = NaiveDate::from_ymd_opt(2025, 6, 30);
    let mut cafe = measure(
        "Sprachcafé",
        "Nachbarschaftshaus",
        Fund::Projektfonds,
        8_000,
        Status::Bewilligt,
    );
    cafe.notes = "mit Kinderbetreuung".into();
    for (m, goals) in [
        (lesepaten, vec![g13, g21]),
        (fest, vec![g13]),
        (cafe, vec![g91]),
    ] {
        store
            .apply(Op::AddMeasure { measure: m, goals }, "test")
            .expect("add");
    }
    more(&mut store);
    let draft = dir.path().join("draft.json");
    let mut app = App::new(store, Lang::De, Some(draft)).expect("app");
    // Exports from tests land in the temp dir, never in the working directory.
    app.export_dir = dir.path().to_path_buf();
    // A fixed day, so that no measure becomes overdue as the calendar moves on.
    app.set_today(NaiveDate::from_ymd_opt(2026, 6, 1));
    Fixture { dir, app }
}

/// The fixture plus a measure under 1.3 whose indicators push the arithmetic to its limits:
/// `-1e308 → 1e308` (the span overflows to infinity, the ratio is NaN), a target next to zero
/// (the ratio overflows) and a negative span.
pub(crate) fn fixture_with_extremes() -> Fixture {
    let Fixture { dir, app } = fixture();
    let mut store = app.into_store();
    let goal = store.goal_by_code("1.3").unwrap().unwrap().id;
    let indicator = |name: &str, baseline, target, actual| crate::model::Indicator {
        name: name.into(),
        unit: "x".into(),
        baseline,
        target,
        actual: Some(actual),
    };
    // Validation refuses such values today (|v| ≤ 1e12), but an older version stored them: the
    // measure is added plainly and its record then overwritten as that version wrote it.
    let applied = store
        .apply(
            Op::AddMeasure {
                measure: Measure::new("Grenzwerte"),
                goals: vec![goal],
            },
            "test",
        )
        .expect("add measure");
    let id = applied
        .changes
        .iter()
        .find_map(|change| match change {
            crate::ops::Change::MeasureAdded(id) => Some(*id),
            _ => None,
        })
        .expect("the added measure");
    let mut extreme = store.measure(id).unwrap().unwrap();
    extreme.indicators = vec![
        indicator("Überlauf", -1e308, 1e308, 1e308),
        indicator("Winzig", 0.0, f64::MIN_POSITIVE, 1e308),
        indicator("Rückwärts", 1e308, -1e308, -1e308),
    ];
    store
        .raw_insert(
            crate::store::keys::TreeName::Measures,
            &id.0.to_be_bytes(),
            &crate::store::encode_measure(1, &extreme),
        )
        .expect("store extreme measure");
    let draft = dir.path().join("draft.json");
    let mut app = App::new(store, Lang::De, Some(draft)).expect("app");
    app.export_dir = dir.path().to_path_buf();
    Fixture { dir, app }
}

fn selected_code(app: &App) -> String {
    app.tree
        .selected()
        .map(|g| g.code.clone())
        .unwrap_or_default()
}

fn pane_titles(app: &App) -> Vec<String> {
    app.pane
        .rows
        .iter()
        .map(|r| app.row(r.id).unwrap().title.to_string())
        .collect()
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// Selects goal 1.3 in the tree: `l` expands Z1, `j` `j` `j` walks 1.1 → 1.3.
fn select_13(app: &mut App) {
    press(app, "ljjj");
    assert_eq!(selected_code(app), "1.3");
}

fn form_text(app: &App, slot: form::Slot) -> String {
    match &app.mode {
        Mode::Form(state) => state.form.text(slot).unwrap_or_default(),
        _ => panic!("no form open"),
    }
}

fn focus_slot(app: &mut App, slot: form::Slot) -> bool {
    match &mut app.mode {
        Mode::Form(state) => state.form.focus(slot),
        _ => false,
    }
}

/// Applies `op` to the store under the app as a colleague would (no refresh, as if the push had
/// not arrived yet).
pub(crate) fn as_colleague(app: &mut App, op: Op) {
    app.store.apply(op, "ben").expect("the colleague's change");
}

/// Presses a key by its binding name, as the keymap spells it.
fn press_named(app: &mut App, name: &str) {
    app.handle_key(key(name));
}
