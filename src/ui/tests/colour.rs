//! Colours and emphasis: none at all with `NO_COLOR`, the selection in reverse video.

use super::*;

/// Every cell of `buffer` without any colour.
fn colourless(buffer: &Buffer) -> bool {
    buffer
        .content
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
}

#[test]
fn no_color_means_no_colour_and_selection_by_reverse_video() {
    let mut f = fixture();
    let theme = Theme::monochrome();
    press(&mut f.app, "ljjj<Tab>e");
    if let Mode::Form(state) = &mut f.app.mode {
        state.form.set_text(Field::Approved, "12,3,4");
    }
    press(&mut f.app, "<C-s><Esc>j");
    assert!(colourless(
        draw_in(&f.app, theme, 80, 24).backend().buffer()
    ));
    press(&mut f.app, "?");
    assert!(colourless(
        draw_in(&f.app, theme, 80, 24).backend().buffer()
    ));
    press(&mut f.app, "<Esc>");
    let terminal = draw_in(&f.app, theme, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(colourless(buffer));
    // The selected measure row (first data row under the header) is reversed.
    let text = screen(buffer);
    let y = text
        .lines()
        .position(|l| l.contains("★ Lesepaten"))
        .expect("row") as u16;
    let x = text
        .lines()
        .nth(y as usize)
        .unwrap()
        .chars()
        .position(|c| c == '★')
        .unwrap() as u16;
    assert!(buffer[(x + 2, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn with_colour_the_focused_border_is_cyan_and_errors_are_red() {
    let mut f = fixture();
    let theme = Theme::default();
    let terminal = draw_in(&f.app, theme, 80, 24);
    assert_eq!(terminal.backend().buffer()[(0, 0)].fg, Color::Cyan);
    press(&mut f.app, "<C-r>");
    let terminal = draw_in(&f.app, theme, 80, 24);
    let buffer = terminal.backend().buffer();
    let y = 23;
    let text: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
    let x = text.find("Fehler").expect("error in the status bar") as u16;
    assert_eq!(buffer[(x, y)].fg, Color::Red);
}
