//! Text from the database that could break the screen (control and zero-width characters,
//! numbers at the limits of f64) never reaches a cell as it is.

use super::*;

/// Writes a measure straight into the store, bypassing validation, as an old or foreign
/// database might hold it.
fn raw_measure(store: &Store, id: u64, title: &str, goal: GoalId) {
    let mut measure = Measure::new(title);
    measure.id = MeasureId(id);
    measure.organisation = "Träger\u{9b}31m rot".into();
    measure.notes = "Zeile 1\n\x1b]52;c;Y2xpcA==\x07Zeile 2".into();
    store
        .raw_insert(
            TreeName::Measures,
            &measure_key(measure.id),
            &crate::store::encode_measure(1, &measure),
        )
        .unwrap();
    let link = codec::encode(1, &true);
    store
        .raw_insert(
            TreeName::LinksByMeasure,
            &link_by_measure_key(measure.id, goal),
            &link,
        )
        .unwrap();
    store
        .raw_insert(
            TreeName::LinksByGoal,
            &link_by_goal_key(goal, measure.id),
            &link,
        )
        .unwrap();
}

#[test]
fn hostile_text_from_the_database_never_reaches_a_cell() {
    let f = fixture();
    let store = f.app.into_store();
    let goal = store.goal_by_code("1.3").unwrap().unwrap().id;
    let title = "Böse\x1b[2J\x1b]0;evil\x07\u{202e}gnip 漢字 e\u{301}";
    raw_measure(&store, 9000, title, goal);
    let mut app = App::new(store, Lang::De, None).unwrap();
    press(&mut app, "ljjj<Tab>");
    let row = app.pane.position(MeasureId(9000)).expect("listed");
    app.pane.selected = row;
    app.refresh_detail();
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&app, w, h);
        let buffer = terminal.backend().buffer();
        for cell in &buffer.content {
            for c in cell.symbol().chars() {
                assert!(
                    !crate::model::is_forbidden_in_line(c),
                    "{c:?} reached the screen"
                );
            }
        }
        let text = screen(buffer);
        assert!(text.contains("Böse�[2J�]0;evil��gnip"), "{text}");
        assert!(text.contains("Träger�31m rot"), "{text}");
        // Wide characters take two cells (the second one hidden), a combining mark joins its
        // base character in one cell: the pane's right border stays in the last column.
        let y = text.lines().position(|l| l.contains("漢")).unwrap() as u16;
        assert_eq!(buffer[(w - 1, y)].symbol(), "│");
        let cells: Vec<&str> = (0..w).map(|x| buffer[(x, y)].symbol()).collect();
        assert!(cells.contains(&"e\u{301}"), "{cells:?}");
        let wide = cells.iter().position(|c| *c == "漢").unwrap();
        assert_eq!(cells[wide + 2], "字");
    }
    // The form shows it the same safe way.
    press(&mut app, "e");
    let text = screen(draw(&app, 80, 24).backend().buffer());
    assert!(text.contains("Böse�[2J"), "{text}");
}

#[test]
fn zero_width_characters_never_reach_a_cell_and_borders_stay_put() {
    let f = fixture();
    let store = f.app.into_store();
    let goal = store.goal_by_code("1.3").unwrap().unwrap().id;
    let title = "Null\u{200b}breite\u{200c}Zeichen\u{200d}X\u{2060}Y\u{feff}Z\u{ad}Q\u{fe0f}W";
    raw_measure(&store, 9001, title, goal);
    let mut app = App::new(store, Lang::De, None).unwrap();
    press(&mut app, "ljjj<Tab>");
    let row = app.pane.position(MeasureId(9001)).expect("listed");
    app.pane.selected = row;
    app.refresh_detail();
    let zero_width = [
        '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{fe0f}',
    ];
    let invisible = |symbol: &str| symbol.chars().any(|c| zero_width.contains(&c));
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&app, w, h);
        let buffer = terminal.backend().buffer();
        for cell in &buffer.content {
            assert!(
                !invisible(cell.symbol()),
                "{:?} reached a cell",
                cell.symbol()
            );
        }
        let text = screen(buffer);
        assert!(text.contains("NullbreiteZeichenXYZQW"), "{text}");
        for (y, line) in text.lines().enumerate() {
            if line.contains("Nullbreite") {
                assert_eq!(buffer[(w - 1, y as u16)].symbol(), "│", "row {y}: {line}");
            }
        }
    }
    press(&mut app, "e");
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(buffer.content.iter().all(|c| !invisible(c.symbol())));
    assert!(screen(buffer).contains("NullbreiteZeichenXYZQW"));
}

#[test]
fn the_report_and_the_detail_pane_draw_indicators_at_the_limits_of_f64() {
    let mut f = crate::app::tests::fixture_with_extremes();
    press(&mut f.app, "R<Tab>");
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(draw(&f.app, w, h).backend().buffer());
        assert!(text.contains("1.3 Verbesserung"), "{text}");
        assert!(!text.contains("NaN"), "{text}");
        assert!(!text.contains("inf"), "{text}");
    }
    press(&mut f.app, "<Esc>ljjj<Tab>");
    let id = f
        .app
        .store()
        .measures()
        .unwrap()
        .iter()
        .find(|m| m.title == "Grenzwerte")
        .unwrap()
        .id;
    f.app.pane.selected = f.app.pane.position(id).expect("listed");
    f.app.refresh_detail();
    // The detail pane (indicator bars) draws without panicking at both sizes.
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(draw(&f.app, w, h).backend().buffer());
        assert!(text.contains("Details M-0004"), "{text}");
    }
}
