//! The measure pane: `Alle Maßnahmen`, search, filter and sort.

use super::*;

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
    press(app, "fllllll<Enter>");
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
    // Status cycles from "all" to idee, skizze, votum, beantragt, bewilligt, laufend.
    press(app, "llllll<Enter>");
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
fn enter_in_the_search_closes_it_on_the_hit_chosen_with_the_arrows() {
    let mut f = fixture();
    let app = &mut f.app;
    press(app, "/");
    type_text(app, "nachbarschaft");
    press(app, "<Down><Down>");
    let chosen = (app.tree.selected_node(), app.pane.selected_id(), app.focus);
    assert_eq!(app.last_search.as_ref().map(|s| s.current), Some(2));
    press(app, "<Enter>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        (app.tree.selected_node(), app.pane.selected_id(), app.focus),
        chosen
    );
    // `n` goes on from the chosen hit.
    press(app, "n");
    assert_eq!(
        app.last_search.as_ref().map(|s| s.current),
        Some(3 % hits(app))
    );
}

fn hits(app: &App) -> usize {
    app.last_search.as_ref().map_or(0, |s| s.hits.len())
}
