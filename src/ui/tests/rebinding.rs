//! A rebinding from the config file changes what the keys do, the help overlay, the status-bar
//! hints and the form's footer alike (issue 16).

use super::*;
use crate::app::Context;
use crate::app::keymap::{Keymap, Rebinding};

fn rebind(context: Option<Context>, name: &str, keys: &[&str]) -> Rebinding {
    Rebinding {
        context,
        name: name.into(),
        keys: keys.iter().map(|k| k.to_string()).collect(),
        line: 1,
    }
}

#[test]
fn a_rebinding_changes_behaviour_help_hints_and_the_form_footer() {
    let mut f = fixture();
    let (keymap, problems) = Keymap::with(&[
        rebind(None, "delete", &["D", "Delete"]),
        rebind(Some(Context::Form), "save", &["C-o"]),
    ]);
    assert_eq!(problems, []);
    f.app.keymap = keymap;
    press(&mut f.app, "ljjj<Tab>");
    // The hints name the new key.
    let bottom = screen(draw(&f.app, 80, 24).backend().buffer());
    let status = bottom.lines().last().unwrap().to_string();
    assert!(status.contains("D löschen"), "{status}");
    assert!(!status.contains("d löschen"), "{status}");
    // `d` no longer deletes; `D` and `Delete` ask.
    press(&mut f.app, "d");
    assert!(matches!(f.app.mode, Mode::Normal));
    press(&mut f.app, "<Delete>");
    assert!(matches!(f.app.mode, Mode::Confirm(_)));
    press(&mut f.app, "n");
    press(&mut f.app, "D");
    assert!(matches!(f.app.mode, Mode::Confirm(_)));
    press(&mut f.app, "n");
    // The help overlay lists the new keys with the action's name.
    press(&mut f.app, "?");
    let help = screen(draw(&f.app, 80, 24).backend().buffer());
    let line = help
        .lines()
        .find(|l| l.contains("Maßnahme löschen"))
        .expect("delete in the help");
    assert!(
        line.contains(" D/Entf ") || line.contains(" D/Delete "),
        "{line}"
    );
    assert!(line.contains("delete"), "{line}");
    press(&mut f.app, "<Esc>");
    // The form's footer names the new save key, and it saves.
    press(&mut f.app, "e");
    let form = screen(draw(&f.app, 80, 24).backend().buffer());
    assert!(form.contains("Strg-o"), "{form}");
    assert!(!form.contains("Strg-s"), "{form}");
    press(&mut f.app, "<C-s>");
    assert!(matches!(f.app.mode, Mode::Form(_)), "C-s no longer saves");
    press(&mut f.app, "<C-o>");
    assert!(matches!(f.app.mode, Mode::Normal), "C-o saves");
}
