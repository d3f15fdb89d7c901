//! Rebinding from the config file: names, keys, collisions.

use super::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn rebind(context: Option<Context>, name: &str, keys: &[&str], line: usize) -> Rebinding {
    Rebinding {
        context,
        name: name.into(),
        keys: keys.iter().map(|k| k.to_string()).collect(),
        line,
    }
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn the_default_keymap_has_no_collision_among_contexts_active_together() {
    let keymap = Keymap::default();
    let all: Vec<(usize, usize)> = (0..BINDINGS.len()).map(|i| (i, 0)).collect();
    assert_eq!(keymap.collision(&all), None);
}

#[test]
fn every_action_name_is_unique_in_its_context() {
    use std::collections::HashSet;
    let mut seen = HashSet::new();
    for b in BINDINGS {
        assert!(
            seen.insert((b.context, action_name(b.action))),
            "{:?} twice in {:?}",
            b.action,
            b.context
        );
    }
    assert_eq!(action_name(Action::DeleteMeasure), "delete");
    assert_eq!(action_name(Action::MoveGoalTo), "move_goal_to");
}

#[test]
fn a_rebinding_without_context_applies_wherever_the_action_is() {
    let (keymap, problems) = Keymap::with(&[rebind(None, "delete", &["D", "Delete"], 3)]);
    assert_eq!(problems, []);
    let delete = KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE);
    let measures = [Context::Measures, Context::Normal];
    assert_eq!(
        keymap.lookup(&measures, &delete),
        Some(Action::DeleteMeasure)
    );
    assert_eq!(
        keymap.lookup(&[Context::Tree, Context::Normal], &delete),
        Some(Action::DeleteGoal)
    );
    assert_eq!(keymap.lookup(&measures, &press('d')), None);
}

#[test]
fn a_collision_is_refused_naming_both_and_the_defaults_stay() {
    let (keymap, problems) = Keymap::with(&[rebind(Some(Context::Tree), "delete", &["x"], 7)]);
    assert_eq!(
        problems,
        [KeyProblem::Collision {
            line: 7,
            key: "x".into(),
            name: "delete".into(),
            context: Context::Tree,
            other: "export".into(),
            other_context: Context::Normal,
        }]
    );
    assert_eq!(keymap.keys_for(Context::Tree, Action::DeleteGoal), ["d"]);
}

#[test]
fn swapping_two_keys_is_no_collision() {
    let (keymap, problems) = Keymap::with(&[
        rebind(Some(Context::Normal), "undo", &["U"], 1),
        rebind(Some(Context::Measures), "unlink", &["u"], 2),
    ]);
    assert_eq!(problems, []);
    let measures = [Context::Measures, Context::Normal];
    assert_eq!(keymap.lookup(&measures, &press('u')), Some(Action::Unlink));
}

#[test]
fn unknown_names_and_keys_are_refused_with_their_line() {
    let (keymap, problems) = Keymap::with(&[
        rebind(None, "delet", &["x"], 2),
        rebind(None, "delete", &["Ctrl+x"], 3),
        rebind(Some(Context::Help), "delete", &["x"], 4),
        rebind(None, "delete", &[], 5),
    ]);
    assert_eq!(
        problems,
        [
            KeyProblem::UnknownAction {
                line: 2,
                context: None,
                name: "delet".into()
            },
            KeyProblem::UnknownKey {
                line: 3,
                key: "Ctrl+x".into()
            },
            KeyProblem::UnknownAction {
                line: 4,
                context: Some(Context::Help),
                name: "delete".into()
            },
            KeyProblem::NoKeys {
                line: 5,
                name: "delete".into()
            },
        ]
    );
    assert_eq!(
        keymap.keys_for(Context::Measures, Action::DeleteMeasure),
        ["d"]
    );
}

#[test]
fn a_name_under_keys_leaves_the_global_binding_alone() {
    let (keymap, problems) = Keymap::with(&[rebind(None, "quit", &["Q"], 1)]);
    assert_eq!(problems, []);
    assert_eq!(keymap.keys_for(Context::Normal, Action::Quit), ["Q"]);
    assert_eq!(keymap.keys_for(Context::Global, Action::Quit), ["C-c"]);
    // Named in [keys.global], it changes there (a key that types nothing).
    let (keymap, problems) = Keymap::with(&[rebind(Some(Context::Global), "quit", &["C-q"], 1)]);
    assert_eq!(problems, []);
    assert_eq!(keymap.keys_for(Context::Global, Action::Quit), ["C-q"]);
    // The only binding of its name: [keys] is enough.
    let (keymap, problems) = Keymap::with(&[rebind(None, "messages", &["C-l"], 1)]);
    assert_eq!(problems, []);
    assert_eq!(keymap.keys_for(Context::Global, Action::Messages), ["C-l"]);
}

#[test]
fn a_key_that_types_is_refused_where_text_is_typed() {
    let (keymap, problems) = Keymap::with(&[
        rebind(Some(Context::Form), "save", &["s"], 1),
        rebind(Some(Context::Global), "quit", &["Space"], 2),
        rebind(Some(Context::Search), "next_hit", &["Tab"], 3),
    ]);
    assert_eq!(
        problems,
        [
            KeyProblem::TypesText {
                line: 1,
                key: "s".into(),
                context: Context::Form
            },
            KeyProblem::TypesText {
                line: 2,
                key: "Space".into(),
                context: Context::Global
            },
        ]
    );
    assert_eq!(keymap.keys_for(Context::Form, Action::Save), ["C-s"]);
    assert_eq!(keymap.keys_for(Context::Search, Action::NextHit), ["Tab"]);
}

#[test]
fn a_key_sequence_is_a_prefix_then_an_action() {
    let (keymap, problems) =
        Keymap::with(&[rebind(Some(Context::Measures), "delete", &["Space d"], 1)]);
    assert_eq!(problems, []);
    let measures = [Context::Measures, Context::Normal];
    assert_eq!(keymap.find(&measures, "Space"), Found::Prefix);
    assert_eq!(
        keymap.find(&measures, "Space d"),
        Found::Action(Action::DeleteMeasure)
    );
    assert_eq!(keymap.find(&measures, "Space x"), Found::Nothing);
    assert_eq!(keymap.find(&measures, "d"), Found::Nothing);
    let next = keymap.continuations(&measures, "Space");
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].0, "d");
    assert_eq!(next[0].1.action, Action::DeleteMeasure);
}

#[test]
fn a_sequence_starting_with_a_bound_key_collides_with_it() {
    // `Space` toggles in the tree, so `Space d` could never be typed there.
    let (keymap, problems) =
        Keymap::with(&[rebind(Some(Context::Tree), "delete", &["Space d"], 4)]);
    assert_eq!(
        problems,
        [KeyProblem::Collision {
            line: 4,
            key: "Space d".into(),
            name: "delete".into(),
            context: Context::Tree,
            other: "toggle".into(),
            other_context: Context::Tree,
        }]
    );
    assert_eq!(keymap.keys_for(Context::Tree, Action::DeleteGoal), ["d"]);
    // Bad parts of a sequence are named.
    let (_, problems) = Keymap::with(&[rebind(None, "delete", &["Space Ctrl+d"], 5)]);
    assert_eq!(
        problems,
        [KeyProblem::UnknownKey {
            line: 5,
            key: "Space Ctrl+d".into()
        }]
    );
}
