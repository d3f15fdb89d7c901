//! Which-key: after the first key of a sequence from the config file, a box names what may
//! follow; the next key acts, `Esc` ends the sequence (issue 16).

use super::*;
use crate::app::Context;
use crate::app::keymap::{Keymap, Rebinding};

#[test]
fn which_key_after_space_80x24() {
    let mut f = fixture();
    let (keymap, problems) = Keymap::with(&[
        Rebinding {
            context: Some(Context::Measures),
            name: "delete".into(),
            keys: vec!["Space d".into()],
            line: 1,
        },
        Rebinding {
            context: Some(Context::Measures),
            name: "link".into(),
            keys: vec!["Space l".into(), "L".into()],
            line: 2,
        },
    ]);
    assert_eq!(problems, []);
    f.app.keymap = keymap;
    press(&mut f.app, "ljjj<Tab><Space>");
    assert_eq!(f.app.pending_sequence().as_deref(), Some("Space"));
    insta::assert_snapshot!(draw(&f.app, 80, 24).backend());
    // `Esc` ends the sequence without acting; `d` alone does nothing now.
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.pending_sequence(), None);
    assert_eq!(f.app.focus, crate::app::Focus::Measures, "Esc did not act");
    press(&mut f.app, "d");
    assert!(matches!(f.app.mode, Mode::Normal));
    // The whole sequence asks.
    press(&mut f.app, "<Space>d");
    assert!(matches!(f.app.mode, Mode::Confirm(_)));
    let text = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(!text.contains("Leertaste …"), "the box is gone");
}
