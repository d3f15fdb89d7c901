//! Random key sequences through the whole TUI: app and views together.

use proptest::prelude::*;

use crate::app::keymap;
use crate::app::tests::{fixture, fixture_with_extremes, key};
use crate::ui::Theme;

/// Keys a user can press: every key name of the keymap, plus text and editing keys.
fn any_key() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = keymap::BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().map(|k| (*k).to_string()))
        .collect();
    names.extend(
        [
            "x",
            "1",
            ".",
            ",",
            "ä",
            "€",
            "Backspace",
            "Left",
            "Right",
            "Home",
            "End",
        ]
        .map(String::from),
    );
    // Without the quit keys, so sequences get deep into the modes.
    names.retain(|k| k != "q" && k != "C-c");
    names.sort();
    names.dedup();
    proptest::sample::select(names)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever a user types, in whatever mode, the app neither panics nor leaves the
    /// store inconsistent, and every view still draws.
    #[test]
    fn random_key_sequences_never_panic(
        keys in proptest::collection::vec(any_key(), 1..80),
        extremes in any::<bool>(),
    ) {
        // Half the runs with indicators at the limits of f64 (report gauges, detail bars).
        let mut f = if extremes { fixture_with_extremes() } else { fixture() };
        f.app.set_scroll_bounds(crate::ui::SCROLL_BOUNDS);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        for name in &keys {
            f.app.handle_key(key(name));
            terminal.draw(|frame| crate::ui::render(&f.app, Theme::monochrome(), frame)).unwrap();
        }
        prop_assert!(f.app.store().check().is_empty());
    }
}
