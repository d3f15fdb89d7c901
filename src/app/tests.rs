//! `App::update` without a terminal: keys in, state and store out (helix-style key strings:
//! `"l j <Tab> d j"`; spaces separate nothing and are ignored, `<Space>` is the space bar).

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use super::*;
use crate::model::{Cents, Field, Fund, Status};
use crate::ops::Op;

pub(crate) struct Fixture {
    pub dir: TempDir,
    pub app: App,
}

/// The key named `name` (`j`, `J`, `Tab`, `S-Tab`, `C-r`, `Esc`, `Enter`, `Space`, `Down` …).
pub(crate) fn key(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "Tab" => plain(KeyCode::Tab),
        "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Esc" => plain(KeyCode::Esc),
        "Enter" => plain(KeyCode::Enter),
        "Space" => plain(KeyCode::Char(' ')),
        "Down" => plain(KeyCode::Down),
        "Up" => plain(KeyCode::Up),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "Backspace" => plain(KeyCode::Backspace),
        "PgDn" => plain(KeyCode::PageDown),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "PgUp" => plain(KeyCode::PageUp),
        ctrl if ctrl.starts_with("C-") => {
            let c = ctrl.chars().nth(2).unwrap_or(' ');
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        one => {
            let c = one.chars().next().unwrap_or(' ');
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), modifiers)
        }
    }
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
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
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
            &crate::store::codec::encode(1, &extreme),
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

#[test]
fn tree_navigation_expands_moves_and_collapses() {
    let mut f = fixture();
    let app = &mut f.app;
    assert_eq!(selected_code(app), "Z1");
    assert_eq!(
        app.tree.len(),
        10,
        "Alle Maßnahmen and nine strategic goals, collapsed"
    );
    press(app, "l");
    assert!(app.tree.len() > 10);
    press(app, "j");
    assert_eq!(selected_code(app), "1.1");
    press(app, "h");
    assert_eq!(selected_code(app), "Z1");
    press(app, "h");
    assert_eq!(app.tree.len(), 10);
    press(app, "G");
    assert_eq!(selected_code(app), "Z9");
    press(app, "g");
    assert_eq!(app.tree.selected_node(), Node::All);
    press(app, "<Down><Down><Down>");
    assert_eq!(selected_code(app), "Z3");
    press(app, "<Space>");
    assert_eq!(app.tree.rows().nth(3).unwrap().goal.code, "3.1");
    press(app, "<Space>");
    assert_eq!(app.tree.rows().nth(3).unwrap().goal.code, "Z4");
}

#[test]
fn a_strategic_goal_counts_and_lists_the_measures_of_its_children() {
    let mut f = fixture();
    let app = &mut f.app;
    let z1 = app.tree.selected_id().unwrap();
    assert_eq!(app.count(z1), 2);
    assert_eq!(
        pane_titles(app),
        ["Lesepaten an der Grundschule", "Nachbarschaftsfest"]
    );
    assert!(
        app.pane
            .rows
            .iter()
            .all(|r| r.via.map(|g| app.code_of(g)).as_deref() == Some("1.3"))
    );
    select_13(app);
    assert_eq!(app.pane.rows.len(), 2);
    press(app, "j");
    assert_eq!(selected_code(app), "1.4");
    assert!(app.pane.rows.is_empty());
}

#[test]
fn tab_cycles_panes_and_moves_stay_in_the_focused_pane() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>");
    assert_eq!(app.focus, Focus::Measures);
    press(app, "j");
    assert_eq!(app.pane.selected, 1);
    assert_eq!(selected_code(app), "1.3");
    press(app, "<Tab>");
    assert_eq!(app.focus, Focus::Detail);
    // The app knows how far the pane can scroll from the screen size, without a drawing.
    // (Here a stand-in for the views' wrapping: the pane can scroll 5 lines.)
    app.set_scroll_bounds(crate::app::ScrollBounds {
        detail: |_, _, _| 5,
        report: |_, _, _| 0,
    });
    let max = app.detail_max_scroll();
    assert_eq!(max, 5);
    press(app, "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj");
    assert_eq!(app.detail_scroll, max);
    press(app, "k");
    assert_eq!(app.detail_scroll, max.saturating_sub(1));
    press(app, "<S-Tab><S-Tab>");
    assert_eq!(app.focus, Focus::Tree);
    press(app, "<Tab><Esc>");
    assert_eq!(app.focus, Focus::Tree, "Esc goes back to the tree");
}

#[test]
fn delete_measure_asks_naming_it_and_no_keeps_it() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question: {:?}", app.mode);
    };
    assert!(confirm.question.contains("Lesepaten an der Grundschule"));
    assert!(
        confirm.question.contains("2 Verknüpfungen"),
        "{}",
        confirm.question
    );
    press(app, "n");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.pane.rows.len(), 2);
    press(app, "dy");
    assert_eq!(pane_titles(app), ["Nachbarschaftsfest"]);
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.store().measures().unwrap().len(), 2);
}

#[test]
fn delete_goal_names_children_and_links_then_undo_and_redo() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question");
    };
    assert!(
        confirm.question.starts_with("Ziel Z1"),
        "{}",
        confirm.question
    );
    assert!(
        confirm
            .question
            .contains("6 Unterzielen und 2 Verknüpfungen"),
        "{}",
        confirm.question
    );
    press(app, "j");
    assert_eq!(selected_code(app), "Z2");
    assert!(app.store().goal_by_code("1.3").unwrap().is_none());
    press(app, "u");
    assert_eq!(
        message(app),
        "Löschen von Ziel Z1 „Mehr Chancen auf dem Arbeitsmarkt“ rückgängig gemacht"
    );
    assert!(app.store().goal_by_code("1.3").unwrap().is_some());
    assert_eq!(
        app.tree
            .goals()
            .iter()
            .filter(|g| g.parent.is_none())
            .count(),
        9
    );
    press(app, "<C-r>");
    assert_eq!(
        message(app),
        "Löschen von Ziel Z1 „Mehr Chancen auf dem Arbeitsmarkt“ wiederholt"
    );
    assert!(app.store().goal_by_code("Z1").unwrap().is_none());
    press(app, "<C-r>");
    assert!(
        message(app).contains("nichts zu wiederholen"),
        "{}",
        message(app)
    );
}

#[test]
fn link_through_the_picker_then_primary_then_unlink() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>j"); // Nachbarschaftsfest, only under 1.3
    let fest = app.pane.selected_id().unwrap();
    press(app, "L");
    type_text(app, "9.2");
    let Mode::Picker(picker) = &app.mode else {
        panic!("no picker");
    };
    assert_eq!(picker.candidates.len(), 1);
    press(app, "<Enter>");
    assert_eq!(message(app), "gespeichert");
    let goals: Vec<String> = app
        .links()
        .goals_of(fest)
        .iter()
        .map(|(g, _)| app.code_of(*g))
        .collect();
    assert_eq!(goals, ["1.3", "9.2"]);
    press(app, "P");
    assert!(message(app).contains("bereits"), "1.3 is already primary");
    press(app, "U");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.links().goals_of(fest).len(), 1);
    assert_eq!(app.code_of(app.links().goals_of(fest)[0].0), "9.2");
    assert!(
        app.links().goals_of(fest)[0].1,
        "the remaining link became primary"
    );
    // The measure left 1.3's pane; the other one is selected now.
    assert_eq!(pane_titles(app), ["Lesepaten an der Grundschule"]);
}

#[test]
fn unlinking_the_last_link_asks_and_the_measure_goes_to_without_goal() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>jU");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question: {}", message(app));
    };
    assert_eq!(
        confirm.question,
        "M-0002 „Nachbarschaftsfest“ hat danach kein Ziel mehr (→ Ohne Ziel). \
         Verknüpfung trotzdem lösen? (j/n)"
    );
    press(app, "n");
    assert_eq!(app.pane.rows.len(), 2, "no keeps the link");
    assert!(!app.tree.has_orphans());
    press(app, "U");
    press(app, "j");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.pane.rows.len(), 1);
    assert!(app.links().goals_of(MeasureId(2)).is_empty());
    // The measure is under `Ohne Ziel`, the last row of the tree.
    press(app, "<Esc>G");
    assert_eq!(app.tree.selected_node(), Node::Orphans);
    assert_eq!(app.count_node(Node::Orphans), 1);
    assert_eq!(pane_titles(app), ["Nachbarschaftsfest"]);
    // Undo brings the link back and the row goes.
    press(app, "u");
    assert!(!app.tree.has_orphans());
    assert_eq!(app.links().goals_of(MeasureId(2)).len(), 1);
}

#[test]
fn deleting_a_goal_names_the_measure_that_loses_its_last_goal_which_stays_reachable() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "G");
    assert_eq!(selected_code(app), "Z9");
    press(app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question");
    };
    assert!(
        confirm
            .question
            .ends_with("M-0003 „Sprachcafé“ hat danach kein Ziel mehr (→ Ohne Ziel). (j/n)"),
        "{}",
        confirm.question
    );
    press(app, "j");
    assert!(app.tree.has_orphans());
    // `Ohne Ziel (1)` is the last row: the measure is shown, editable and found.
    press(app, "G");
    assert_eq!(app.tree.selected_node(), Node::Orphans);
    assert_eq!(pane_titles(app), ["Sprachcafé"]);
    press(app, "<Tab>e");
    assert!(matches!(app.mode, Mode::Form(_)), "e edits it");
    press(app, "<Esc>");
    press(app, "<Esc>g");
    assert_eq!(app.tree.selected_node(), Node::All);
    press(app, "/");
    type_text(app, "sprachcaf");
    press(app, "<Enter>");
    assert_eq!(
        app.tree.selected_node(),
        Node::Orphans,
        "its hit is `Ohne Ziel`"
    );
    assert_eq!(app.selected_measure().map(|m| m.id), Some(MeasureId(3)));
    // Linking moves it out of `Ohne Ziel`; the row goes.
    press(app, "L");
    type_text(app, "1.1");
    press(app, "<Enter>");
    assert_eq!(message(app), "gespeichert");
    assert!(!app.tree.has_orphans());
    assert_eq!(app.count_node(Node::All), 3);
}

#[test]
fn deleting_a_goal_lists_three_orphans_and_counts_the_rest() {
    let mut f = fixture_with(|store| {
        let goal = store.goal_by_code("8.1").unwrap().unwrap().id;
        for n in 1..=5 {
            let measure = Measure::new(format!("Maßnahme {n}"));
            store
                .apply(
                    Op::AddMeasure {
                        measure,
                        goals: vec![goal],
                    },
                    "test",
                )
                .unwrap();
        }
    });
    let app = &mut f.app;
    press(app, "Gk");
    assert_eq!(selected_code(app), "Z8");
    press(app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no question");
    };
    assert!(
        confirm.question.ends_with(
            "M-0004 „Maßnahme 1“, M-0005 „Maßnahme 2“, M-0006 „Maßnahme 3“ und 2 weitere \
             haben danach kein Ziel mehr (→ Ohne Ziel). (j/n)"
        ),
        "{}",
        confirm.question
    );
}

#[test]
fn all_measures_lists_every_measure_with_filter_and_sort() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "g");
    assert_eq!(app.tree.selected_node(), Node::All);
    assert_eq!(
        pane_titles(app),
        [
            "Lesepaten an der Grundschule",
            "Nachbarschaftsfest",
            "Sprachcafé"
        ]
    );
    // Each row is shown through its primary goal.
    let via: Vec<String> = app
        .pane
        .rows
        .iter()
        .map(|r| r.via.map(|g| app.code_of(g)).unwrap_or_default())
        .collect();
    assert_eq!(via, ["1.3", "1.3", "9.1"]);
    press(app, "fllll<Enter>");
    assert_eq!(app.pane.filter.status, Some(Status::Laufend));
    assert_eq!(pane_titles(app), ["Lesepaten an der Grundschule"]);
    assert_eq!(app.pane.unfiltered, 3);
    press(app, "fx<Enter>sss");
    assert_eq!(
        pane_titles(app),
        [
            "Lesepaten an der Grundschule",
            "Sprachcafé",
            "Nachbarschaftsfest"
        ],
        "sorted by the approved amount, largest first"
    );
}

#[test]
fn goal_actions_on_a_virtual_row_say_why_nothing_happens() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "g");
    for key in ["a", "r", "e", "d", "K", "J"] {
        press(app, key);
        assert!(matches!(app.mode, Mode::Normal), "{key} opened something");
        assert_eq!(
            message(app),
            "„Alle Maßnahmen“ ist kein Ziel – dafür ein Ziel im Baum wählen",
            "{key}"
        );
    }
    press(app, "<Tab>U");
    assert!(message(app).starts_with("Unter „Alle Maßnahmen“ ist kein Ziel gewählt"));
    // `a` in the measure pane of a virtual row: a measure without a goal.
    press(app, "a");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.purpose, Purpose::NewMeasureWithoutGoal);
    type_text(app, "Kiezgarten");
    press(app, "<C-s>");
    assert_eq!(message(app), "gespeichert");
    assert!(app.tree.has_orphans());
    assert_eq!(
        app.selected_measure().map(|m| m.title),
        Some("Kiezgarten".into())
    );
    assert_eq!(app.count_node(Node::All), 4);
}

#[test]
fn set_primary_through_a_secondary_goal() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "jlj"); // Z2 expanded, 2.1
    assert_eq!(selected_code(app), "2.1");
    press(app, "<Tab>");
    let row = app.pane.selected_row().unwrap();
    assert!(!row.primary);
    press(app, "P");
    assert_eq!(message(app), "gespeichert");
    assert!(app.pane.selected_row().unwrap().primary);
}

#[test]
fn search_jumps_across_goals_n_cycles_enter_keeps_esc_returns() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "/");
    type_text(app, "mit kinderbetr");
    assert_eq!(selected_code(app), "9.1", "found through the notes");
    assert_eq!(app.selected_measure().unwrap().title, "Sprachcafé");
    press(app, "<Esc>");
    assert_eq!(selected_code(app), "Z1");
    assert_eq!(app.focus, Focus::Tree);
    press(app, "/");
    type_text(app, "verein");
    // Goal titles do not contain "verein"; Träger "Kiezverein" does.
    assert_eq!(app.selected_measure().unwrap().title, "Nachbarschaftsfest");
    press(app, "<Enter>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(selected_code(app), "1.3");
    press(app, "/");
    type_text(app, "nachbarschaft");
    let hits = app.last_search.as_ref().unwrap().hits.len();
    assert!(hits >= 3, "goal titles and two measures: {hits}");
    press(app, "<Enter>");
    let first = (selected_code(app), app.pane.selected_id());
    press(app, "n");
    assert_ne!((selected_code(app), app.pane.selected_id()), first);
    press(app, "N");
    assert_eq!((selected_code(app), app.pane.selected_id()), first);
}

#[test]
fn filter_by_status_and_clear() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "f");
    assert!(matches!(app.mode, Mode::Filter(_)));
    // Status cycles from "all" to idee, beantragt, bewilligt, laufend.
    press(app, "llll<Enter>");
    assert_eq!(app.pane.filter.status, Some(Status::Laufend));
    assert_eq!(pane_titles(app), ["Lesepaten an der Grundschule"]);
    assert_eq!(app.pane.unfiltered, 2);
    press(app, "fjl<Enter>");
    assert_eq!(app.pane.filter.fund, Some(Fund::Aktionsfonds));
    assert!(app.pane.rows.is_empty());
    press(app, "fx<Enter>");
    assert!(!app.pane.filter.is_active());
    assert_eq!(app.pane.rows.len(), 2);
    press(app, "f<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn filter_by_year() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    let Mode::Normal = app.mode else { panic!() };
    press(app, "f");
    let Mode::Filter(popup) = &app.mode else {
        panic!()
    };
    let steps = popup.years.iter().position(|y| *y == 2025).unwrap() + 1;
    press(app, "jj");
    for _ in 0..steps {
        press(app, "l");
    }
    press(app, "<Enter>");
    assert_eq!(app.pane.filter.year, Some(2025));
    assert_eq!(pane_titles(app), ["Nachbarschaftsfest"]);
}

#[test]
fn sort_cycles_columns() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    assert_eq!(app.pane.sort, SortColumn::Title);
    press(app, "sss");
    assert_eq!(app.pane.sort, SortColumn::Approved);
    assert_eq!(message(app), "Sortiert nach Bewilligt");
    assert_eq!(
        pane_titles(app)[0],
        "Lesepaten an der Grundschule",
        "largest first"
    );
    press(app, "s");
    assert_eq!(app.pane.sort, SortColumn::Status);
    assert_eq!(
        pane_titles(app)[0],
        "Lesepaten an der Grundschule",
        "laufend before abgeschlossen"
    );
}

#[test]
fn move_goal_up_and_down_among_siblings() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "K");
    assert_eq!(message(app), "gespeichert");
    let order: Vec<String> = app
        .tree
        .rows()
        .map(|r| r.goal.code.clone())
        .take(4)
        .collect();
    assert_eq!(order, ["Z1", "1.1", "1.3", "1.2"]);
    assert_eq!(selected_code(app), "1.3");
    press(app, "JJ");
    let order: Vec<String> = app
        .tree
        .rows()
        .map(|r| r.goal.code.clone())
        .take(5)
        .collect();
    assert_eq!(order, ["Z1", "1.1", "1.2", "1.4", "1.3"]);
    press(app, "gjK");
    assert_eq!(selected_code(app), "Z1");
    assert_eq!(
        message(app),
        "Z1 ist schon das erste Ziel auf seiner Ebene – m verschiebt es unter ein anderes Ziel",
        "the first goal cannot move up: the status bar says why"
    );
    press(app, "GJ");
    assert_eq!(selected_code(app), "Z9");
    assert!(message(app).starts_with("Z9 ist schon das letzte Ziel auf seiner Ebene"));
}

#[test]
fn m_moves_a_goal_under_another_parent_in_one_undoable_op() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    let g13 = app.tree.selected_id().unwrap();
    let z1 = app.tree.selected().unwrap().parent;
    press(app, "m");
    let Mode::Picker(picker) = &app.mode else {
        panic!("no picker");
    };
    assert_eq!(picker.purpose, PickFor::MoveGoal(g13));
    assert_eq!(picker.candidates[0], None, "the top level comes first");
    assert!(!picker.candidates.contains(&Some(g13)), "not under itself");
    assert!(!picker.candidates.contains(&z1), "not where it is");
    type_text(app, "Z2");
    press(app, "<Enter>");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(selected_code(app), "1.3", "the moved goal stays selected");
    let z2 = app.tree.goals().iter().find(|g| g.code == "Z2").unwrap().id;
    assert_eq!(app.tree.goal(g13).unwrap().parent, Some(z2));
    // Its measures count under Z2 now, no longer under Z1.
    assert_eq!(app.count(z2), 2);
    assert_eq!(app.count(z1.unwrap()), 0);
    assert_eq!(app.store().history(1).unwrap().len(), 1);
    let last = &app.store().history(1).unwrap()[0];
    assert!(matches!(last.op, Op::MoveGoal { id, parent: Some(p), .. } if id == g13 && p == z2));
    // One undo puts it back where it was.
    press(app, "u");
    assert_eq!(app.tree.goal(g13).unwrap().parent, z1);
    assert_eq!(app.tree.goal(g13).unwrap().position, 2);
    // To the top level, and `Esc` closes the picker without a change.
    press(app, "m<Enter>");
    assert_eq!(app.tree.goal(g13).unwrap().parent, None);
    press(app, "m<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.tree.goal(g13).unwrap().parent, None);
    // On a virtual row `m` says why nothing happens.
    press(app, "gm");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(message(app).contains("ist kein Ziel"));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "?");
    assert!(matches!(app.mode, Mode::Help { scroll: 0 }));
    press(app, "jj");
    assert!(matches!(app.mode, Mode::Help { scroll: 2 }));
    press(app, "q");
    assert!(matches!(app.mode, Mode::Normal));
    // Scrolling stops at the end: 200 steps down and one up is one line above the end.
    app.resize(80, 24);
    press(app, "?");
    let max = app.help_max_scroll();
    assert!(max > 10, "{max}");
    for _ in 0..200 {
        press(app, "j");
    }
    assert!(matches!(app.mode, Mode::Help { scroll } if scroll == max));
    press(app, "k");
    assert!(matches!(app.mode, Mode::Help { scroll } if scroll == max - 1));
    press(app, "q");
    assert!(!app.should_quit(), "q closes the help, it does not quit");
    press(app, "q");
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_a_popup() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "f<C-c>");
    assert!(app.should_quit());
}

#[test]
fn changes_from_the_tui_are_undone_by_the_same_history_as_the_cli() {
    let mut f = fixture();
    select_13(&mut f.app);
    press(&mut f.app, "<Tab>dj");
    let store = f.app.into_store();
    let entry = store.history(1).unwrap().remove(0);
    assert!(matches!(entry.op, Op::DeleteMeasure { .. }));
    assert!(store.can_undo().unwrap());
    drop(f.dir);
}

#[test]
fn add_measure_through_the_form_links_it_to_the_goal_and_selects_it() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>a");
    assert!(matches!(app.mode, Mode::Form(_)));
    type_text(app, "Hausaufgabenhilfe");
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.message);
    assert_eq!(message(app), "gespeichert");
    assert_eq!(app.selected_measure().unwrap().title, "Hausaufgabenhilfe");
    let id = app.pane.selected_id().unwrap();
    let goals: Vec<String> = app
        .links()
        .goals_of(id)
        .iter()
        .map(|(g, _)| app.code_of(*g))
        .collect();
    assert_eq!(goals, ["1.3"]);
    assert!(app.store().measure(id).unwrap().is_some(), "on disk");
}

#[test]
fn an_invalid_form_stays_open_and_writes_nothing() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Title, "");
    state.form.set_text(Field::Approved, "12,3,4");
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("the form closed");
    };
    assert!(state.form.error_of(Field::Title).is_some());
    assert!(state.form.error_of(Field::Approved).is_some());
    assert_eq!(
        app.store()
            .measures()
            .unwrap()
            .iter()
            .filter(|m| m.title.is_empty())
            .count(),
        0
    );
    assert!(!app.store().can_redo().unwrap());
    let entries = app.store().history(10).unwrap().len();
    assert_eq!(entries, 3, "only the three adds of the fixture");
}

#[test]
fn edit_then_undo_and_redo_restore_the_fields() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab><Enter>");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state
        .form
        .set_text(Field::Organisation, "Neuer Träger e. V.");
    press(app, "<C-s>");
    assert_eq!(
        app.selected_measure().unwrap().organisation,
        "Neuer Träger e. V."
    );
    press(app, "u");
    assert_eq!(
        app.selected_measure().unwrap().organisation,
        "Bildungsverbund Nord"
    );
    press(app, "<C-r>");
    assert_eq!(
        app.selected_measure().unwrap().organisation,
        "Neuer Träger e. V."
    );
}

#[test]
fn esc_on_a_changed_form_asks_first() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>e");
    type_text(app, "x");
    press(app, "<Esc>");
    assert!(matches!(&app.mode, Mode::Form(s) if s.form.is_asking()));
    press(app, "n");
    assert!(matches!(&app.mode, Mode::Form(s) if !s.form.is_asking()));
    press(app, "<Esc>j");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.selected_measure().unwrap().title,
        "Lesepaten an der Grundschule"
    );
}

#[test]
fn add_goal_under_a_strategic_goal_gets_the_next_code() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "a");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.text(Field::Code).as_deref(), Some("1.7"));
    type_text(app, "Neues Handlungsfeld");
    press(app, "<C-s>");
    assert_eq!(message(app), "gespeichert");
    assert_eq!(selected_code(app), "1.7");
    assert_eq!(app.tree.selected().unwrap().title, "Neues Handlungsfeld");
    // On a sub-goal, `a` adds a sibling right after it.
    press(app, "kk"); // 1.5
    press(app, "a");
    type_text(app, "Dazwischen");
    press(app, "<C-s>");
    let order: Vec<String> = app
        .tree
        .rows()
        .map(|r| r.goal.code.clone())
        .take(8)
        .collect();
    assert_eq!(
        order,
        ["Z1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.8", "1.6"]
    );
}

#[test]
fn a_duplicate_goal_code_is_shown_at_the_code_field() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "e");
    let Mode::Form(state) = &mut app.mode else {
        panic!("no form");
    };
    state.form.set_text(Field::Code, "Z2");
    press(app, "<C-s>");
    let Mode::Form(state) = &app.mode else {
        panic!("the form closed");
    };
    assert!(state.form.error_of(Field::Code).is_some());
}

#[test]
fn rename_goal_starts_in_the_title() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "r");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.focused_label(), "Titel");
}

#[test]
fn a_draft_is_saved_and_offered_on_the_next_start() {
    let mut f = fixture();
    select_13(&mut f.app);
    press(&mut f.app, "<Tab>a");
    assert!(f.app.draft().is_none(), "nothing typed, nothing to keep");
    type_text(&mut f.app, "Halb getippt");
    assert!(f.app.save_draft().unwrap());
    let draft = f.dir.path().join("draft.json");
    assert!(draft.exists());
    let store = f.app.into_store();
    let mut app = App::new(store, Lang::De, Some(draft.clone())).unwrap();
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("no offer");
    };
    assert!(confirm.question.starts_with("Entwurf wiederherstellen?"));
    press(&mut app, "j");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(
        state.form.text(Field::Title).as_deref(),
        Some("Halb getippt")
    );
    assert!(!draft.exists(), "offered once");
    press(&mut app, "<C-s>");
    assert_eq!(app.selected_measure().unwrap().title, "Halb getippt");
    let goals = app.links().goals_of(app.pane.selected_id().unwrap());
    assert_eq!(
        app.code_of(goals[0].0),
        "1.3",
        "the draft remembers the goal"
    );
}

#[test]
fn declining_the_draft_deletes_it() {
    let mut f = fixture();
    press(&mut f.app, "e");
    type_text(&mut f.app, "x");
    f.app.save_draft().unwrap();
    let draft = f.dir.path().join("draft.json");
    let store = f.app.into_store();
    let mut app = App::new(store, Lang::De, Some(draft.clone())).unwrap();
    press(&mut app, "n");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!draft.exists());
}

#[test]
fn an_empty_tree_gets_a_new_top_level_goal() {
    let mut f = fixture();
    let app = &mut f.app;
    // Delete all nine strategic goals (each with its sub-goals and links).
    for _ in 0..9 {
        press(app, "gjdj");
    }
    assert!(app.tree.is_empty());
    assert_eq!(
        app.tree.selected_node(),
        Node::Orphans,
        "every measure lost its goal"
    );
    press(app, "a");
    let Mode::Form(state) = &app.mode else {
        panic!("no form");
    };
    assert_eq!(state.form.text(Field::Code).as_deref(), Some("Z1"));
    type_text(app, "Neu anfangen");
    press(app, "<C-s>");
    assert_eq!(selected_code(app), "Z1");
    assert_eq!(app.tree.len(), 3, "Alle Maßnahmen, Z1, Ohne Ziel");
}

#[test]
fn sorting_by_traeger_orders_by_organisation_ignoring_case() {
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    press(app, "<Tab>a");
    type_text(app, "Aaa zuerst nach Titel");
    press(app, "<Tab><Tab>");
    type_text(app, "zentrum am Platz");
    press(app, "<C-s>");
    assert_eq!(pane_titles(app)[0], "Aaa zuerst nach Titel");
    press(app, "s");
    assert_eq!(app.pane.sort, SortColumn::Organisation);
    assert_eq!(
        pane_titles(app),
        [
            "Lesepaten an der Grundschule",
            "Nachbarschaftsfest",
            "Aaa zuerst nach Titel"
        ],
        "Bildungsverbund, Kiezverein, zentrum"
    );
}

#[test]
fn on_the_too_small_screen_only_quit_and_help_act() {
    let mut f = fixture();
    f.app.resize(20, 5);
    let before = f.app.store().measures().expect("measures").len();
    press(&mut f.app, "ljjj<Tab>dj");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(f.app.focus, Focus::Tree);
    assert_eq!(selected_code(&f.app), "Z1");
    assert_eq!(f.app.store().measures().expect("measures").len(), before);
    press(&mut f.app, "?");
    assert!(matches!(f.app.mode, Mode::Help { .. }));
    press(&mut f.app, "<Esc>");
    assert!(matches!(f.app.mode, Mode::Normal));
    f.app.resize(80, 24);
    press(&mut f.app, "ljjj");
    assert_eq!(selected_code(&f.app), "1.3");
    f.app.resize(79, 24);
    press(&mut f.app, "q");
    assert!(f.app.should_quit());
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

#[test]
fn a_typed_burst_inserts_what_single_keys_insert() {
    let plain = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let mut one_by_one = fixture();
    let mut burst = fixture();
    for app in [&mut one_by_one.app, &mut burst.app] {
        assert_eq!(app.typed_char(&plain('a')), None, "normal mode");
        press(app, "ljjj<Tab>a");
        type_text(app, "Fest");
        press(app, "<Left><Left>");
    }
    let typed = "im Hof äö ";
    type_text(&mut one_by_one.app, typed);
    let chars: Option<String> = typed
        .chars()
        .map(|c| burst.app.typed_char(&plain(c)))
        .collect();
    burst
        .app
        .type_text(&chars.expect("every character is plain text"));
    assert_eq!(
        form_text(&burst.app, form::Slot::Field(Field::Title)),
        "Feim Hof äö st"
    );
    assert_eq!(
        form_text(&burst.app, form::Slot::Field(Field::Title)),
        form_text(&one_by_one.app, form::Slot::Field(Field::Title))
    );
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(burst.app.typed_char(&ctrl_s), None, "a binding");
    // Fonds is a choice: Space there is no text.
    assert!(focus_slot(&mut burst.app, form::Slot::Field(Field::Fund)));
    assert_eq!(burst.app.typed_char(&plain(' ')), None, "a choice");
}

#[test]
fn a_paste_goes_into_the_field_whole_and_elsewhere_changes_nothing() {
    let mut f = fixture();
    f.app.paste("dj");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert!(
        message(&f.app).contains("Einfügen nur in ein Textfeld"),
        "{}",
        message(&f.app)
    );
    press(&mut f.app, "ljjj<Tab>a");
    f.app.paste("Sommer\r\nfest");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Title)),
        "Sommer fest"
    );
    press(&mut f.app, "<Tab>");
    f.app.paste("eins\r\nzwei\rdrei\nvier");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Description)),
        "eins\nzwei\ndrei\nvier"
    );
    assert!(focus_slot(&mut f.app, form::Slot::Field(Field::Fund)));
    let fund = form_text(&f.app, form::Slot::Field(Field::Fund));
    f.app.paste("Baufonds");
    assert!(
        message(&f.app).contains("Einfügen nur"),
        "{}",
        message(&f.app)
    );
    assert_eq!(form_text(&f.app, form::Slot::Field(Field::Fund)), fund);
}

#[test]
fn the_message_log_keeps_the_last_20_newest_first_and_ctrl_g_returns_to_the_form() {
    let mut f = fixture();
    for n in 0..25 {
        f.app.say(MessageKind::Info, format!("Meldung {n}"));
    }
    let log: Vec<&str> = f
        .app
        .message_log()
        .map(|l| l.message.text.as_str())
        .collect();
    assert_eq!(log.len(), messages::LOG_LEN);
    assert_eq!(log[0], "Meldung 24");
    assert_eq!(log[19], "Meldung 5");
    // Over an open form: the form is kept, its draft too, and Esc goes back to it.
    press(&mut f.app, "ljjj<Tab>a");
    type_text(&mut f.app, "Halbfertig");
    press(&mut f.app, "<C-g>");
    assert!(matches!(f.app.mode, Mode::Messages { .. }));
    let draft = f.app.draft().expect("draft while the log is open");
    assert!(format!("{draft:?}").contains("Halbfertig"));
    press(&mut f.app, "jjk<Esc>");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Title)),
        "Halbfertig"
    );
    press(&mut f.app, "<C-g><C-g>");
    assert_eq!(
        form_text(&f.app, form::Slot::Field(Field::Title)),
        "Halbfertig"
    );
}

/// Presses a key by its binding name (`keymap::parse_key`), as the keymap spells it.
fn press_named(app: &mut App, name: &str) {
    let key = crate::app::keymap::parse_key(name).unwrap_or_else(|| panic!("no key {name}"));
    app.handle_key(key);
}

#[test]
fn the_discard_question_answers_to_the_keys_of_yes_no_questions_only() {
    use crate::app::keymap::{Context, keys_for};
    let mut f = fixture();
    let app = &mut f.app;
    select_13(app);
    let ask = |app: &mut App| {
        press(app, "<Tab>e");
        type_text(app, "x");
        press(app, "<Esc>");
        assert!(matches!(&app.mode, Mode::Form(s) if s.form.is_asking()));
    };
    for name in keys_for(Context::Confirm, Action::Deny) {
        ask(app);
        press_named(app, name);
        assert!(
            matches!(&app.mode, Mode::Form(s) if !s.form.is_asking()),
            "{name}"
        );
        press(app, "<Esc>");
        press_named(app, keys_for(Context::Confirm, Action::Confirm)[0]);
        assert!(matches!(app.mode, Mode::Normal), "{name}");
    }
    for name in keys_for(Context::Confirm, Action::Confirm) {
        ask(app);
        press_named(app, name);
        assert!(matches!(app.mode, Mode::Normal), "{name}");
    }
    // A key the table does not bind to yes or no answers nothing (`J` used to mean yes).
    ask(app);
    press_named(app, "J");
    assert!(matches!(&app.mode, Mode::Form(s) if s.form.is_asking()));
    press_named(app, "n");
    press(app, "<Esc>j");
    assert!(matches!(app.mode, Mode::Normal));
}
