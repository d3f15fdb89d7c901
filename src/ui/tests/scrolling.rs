//! Scrolling is the app's: bounded without a frame drawn, and the same rows whether frames
//! were drawn in between or not.

use super::*;

#[test]
fn the_detail_pane_shows_there_is_more_and_scrolls_no_further_than_its_end() {
    let mut f = fixture_with(|store| {
        let goal = store.goal_by_code("1.1").unwrap().unwrap().id;
        let mut measure = Measure::new("Lange Notizen");
        measure.notes = (1..=40)
            .map(|n| format!("Zeile {n}"))
            .collect::<Vec<_>>()
            .join("\n");
        let op = crate::ops::Op::AddMeasure {
            measure,
            goals: vec![goal],
        };
        store.apply(op, "test").unwrap();
    });
    press(&mut f.app, "lj<Tab><Tab>");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("↓ mehr"), "{shown}");
    assert!(!shown.contains("↑ mehr"));
    // Bounded by the app itself, without a drawing in between.
    f.app.resize(80, 24);
    f.app.set_scroll_bounds(crate::ui::SCROLL_BOUNDS);
    let max = f.app.detail_max_scroll();
    assert!(max > 20, "{max}");
    for _ in 0..200 {
        press(&mut f.app, "j");
    }
    assert_eq!(f.app.detail_scroll, max, "bounded by the end of the text");
    let shown = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(shown.contains("Zeile 40"), "{shown}");
    assert!(
        shown.contains("↑ mehr") && !shown.contains("↓ mehr"),
        "{shown}"
    );
    // One step back up is one line, not two hundred.
    press(&mut f.app, "k");
    assert_eq!(f.app.detail_scroll, max - 1);
}

#[test]
fn help_scrolled_past_its_end_comes_back_one_line_per_key() {
    let mut f = fixture();
    f.app.resize(80, 24);
    press(&mut f.app, "?");
    for _ in 0..200 {
        press(&mut f.app, "j");
    }
    let at_end = screen(draw(&f.app, 80, 24).backend().buffer());
    press(&mut f.app, "k");
    let one_up = screen(draw(&f.app, 80, 24).backend().buffer());
    assert_ne!(at_end, one_up, "k after scrolling past the end must move");
}

#[test]
fn the_table_looks_the_same_whether_frames_were_drawn_between_keys_or_not() {
    // Scrolling is the app's: drawing changes nothing, so skipping frames (a burst of keys
    // handled before the next frame) shows the same rows.
    let keys = "k<Tab>jjjjjjjjjjkk";
    let mut drawn = crate::app::scroll::tests::many_measures();
    let mut skipped = crate::app::scroll::tests::many_measures();
    for key in ["k", "<Tab>"]
        .into_iter()
        .chain(std::iter::repeat_n("j", 10))
        .chain(["k", "k"])
    {
        press(&mut drawn.app, key);
        draw(&drawn.app, 80, 24);
    }
    press(&mut skipped.app, keys);
    let shown = screen(draw(&skipped.app, 80, 24).backend().buffer());
    assert_eq!(screen(draw(&drawn.app, 80, 24).backend().buffer()), shown);
    assert!(
        shown.contains("Maßnahme 04") && !shown.contains("Maßnahme 03"),
        "{shown}"
    );
}

#[test]
fn the_report_scrolls_no_further_than_its_end_without_a_frame_drawn() {
    let mut f = fixture();
    f.app.set_scroll_bounds(crate::ui::SCROLL_BOUNDS);
    f.app.resize(80, 24);
    press(&mut f.app, "R");
    let Mode::Report(view) = &f.app.mode else {
        panic!("no report");
    };
    let max = f.app.report_max_scroll(view);
    assert!(max > 5, "{max}");
    press(&mut f.app, "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>");
    let scroll = |app: &App| match &app.mode {
        Mode::Report(view) => view.scroll,
        _ => panic!("no report"),
    };
    assert_eq!(scroll(&f.app), max, "bounded by the end of the content");
    press(&mut f.app, "k");
    assert_eq!(scroll(&f.app), max - 1, "one step back from the end");
    // A page is the body's height less one row: 24 - status - 2 borders - tabs - 1 = 19.
    assert_eq!(f.app.report_page(), 19);
}
