//! Every binding of the keymap does something: for each context and each action bound in it,
//! the app is brought into that context, the action's keys are pressed by name, and the state,
//! the store or the status bar must change. An action whose mode lacks an arm changes nothing
//! (and trips the debug check in [`App::unbound`]), so this fails for it.

use super::*;
use crate::app::keymap::{BINDINGS, Context};

/// Ways into a context: each brings a fresh fixture there from a different place, because some
/// actions act only from some places (`k` on the first row, `x` on a filter that is still
/// empty). An action must act from at least one of them.
fn setups(context: Context) -> Vec<fn(&mut App)> {
    match context {
        Context::Global | Context::Normal | Context::Tree => {
            vec![|_| {}, |app| press(app, "ljjj"), |app| {
                press(app, "ljjj<Tab>j")
            }]
        }
        Context::Measures => vec![|app| press(app, "ljjj<Tab>")],
        Context::Help => vec![|app| press(app, "?"), |app| press(app, "?j")],
        Context::Confirm => vec![|app| press(app, "ljjjd")],
        Context::Picker => vec![|app| press(app, "ljjj<Tab>L"), |app| {
            press(app, "ljjj<Tab>L<Down>")
        }],
        Context::Search => vec![|app| {
            press(app, "/");
            type_text(app, "nachbarschaft");
        }],
        Context::Filter => vec![|app| press(app, "f"), |app| press(app, "fjl")],
        Context::Form => vec![
            |app| press(app, "ljjj<Tab>e"),
            |app| press(app, "ljjj<Tab>e<Tab>"),
            |app| {
                press(app, "ljjj<Tab>e");
                assert!(focus_slot(app, form::Slot::TargetGroup(0)));
            },
        ],
        Context::Report => vec![|app| press(app, "R"), |app| press(app, "R<PgDn>j")],
        Context::Export => vec![|app| press(app, "x")],
        Context::History => vec![|app| history::open_long(app), |app| {
            history::open_long(app);
            press(app, "G");
        }],
        Context::Messages => vec![|app| press(app, "<C-g>"), |app| press(app, "<C-g>j")],
        Context::Course => vec![|app| press(app, "ljjj<Tab>v"), |app| {
            press(app, "ljjj<Tab>vj")
        }],
        Context::SetStatus => vec![|app| press(app, "ljjj<Tab>S")],
        Context::Conflict => vec![into_conflict, |app| {
            into_conflict(app);
            press(app, "jT");
        }],
        Context::Payments => vec![with_two_payments, |app| {
            with_two_payments(app);
            press(app, "j");
        }],
        Context::Sessions => vec![|app| decisions::open_sessions(app), |app| {
            decisions::open_sessions(app);
            press(app, "j");
        }],
        Context::Termine => vec![|app| decisions::open_termine(app), |app| {
            decisions::open_termine(app);
            press(app, "j");
        }],
    }
}

/// Opens the payments of M-0001 after storing two of them.
fn with_two_payments(app: &mut App) {
    for reference in ["MA-1", "MA-2"] {
        let payment = crate::model::Payment {
            id: crate::model::PaymentId(0),
            measure: crate::model::MeasureId(1),
            date: NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
            amount: Cents(100),
            kind: crate::model::PaymentKind::Auszahlung,
            reference: reference.into(),
            note: String::new(),
        };
        app.store.apply(Op::AddPayment { payment }, "anna").unwrap();
    }
    payments::open(app);
}

/// Opens the conflict dialog: the form of M-0001 with title and description typed over, and a
/// colleague's different title and description stored meanwhile.
fn into_conflict(app: &mut App) {
    press(app, "ljjj<Tab>e");
    if let Mode::Form(state) = &mut app.mode {
        state.form.set_text(Field::Title, "Meins");
        state.form.set_text(Field::Description, "Meins");
    }
    let id = crate::model::MeasureId(1);
    let mut theirs = app.store.measure(id).unwrap().unwrap();
    theirs.title = "Ihrs".into();
    theirs.description = "Ihrs".into();
    app.store
        .apply(Op::UpdateMeasure { measure: theirs }, "ben")
        .unwrap();
    press(app, "<C-s>");
    assert!(matches!(app.mode, Mode::Conflict(_)), "{:?}", app.mode);
}

/// Everything a key can change: the mode (with its popup, form or view), selections, focus,
/// sort, filter, scroll, search, the message, quitting, and the store's data and history.
fn fingerprint(app: &App) -> String {
    let store = app.store();
    format!(
        "{:?}|{:?}|{:?}|{}|{}|{:?}|{:?}|{}|{:?}|{:?}|{}|{:?}|{:?}|{:?}",
        app.mode,
        app.focus,
        app.tree.selected_node(),
        app.tree.len(),
        app.pane.selected,
        app.pane.sort,
        app.pane.filter,
        app.detail_scroll,
        app.message,
        app.last_search,
        app.should_quit(),
        store.goals().map(|goals| goals.len()),
        store.links().map(|links| links.len()),
        store.history(1).map(|h| h.first().map(|e| e.seq)),
    )
}

/// The contexts whose bindings the setups of `context` can be checked in: a global binding acts
/// in every mode.
fn places(context: Context) -> Vec<Context> {
    use strum::IntoEnumIterator;
    match context {
        Context::Global => Context::iter().filter(|c| *c != Context::Global).collect(),
        other => vec![other],
    }
}

#[test]
fn every_bound_action_acts_in_its_context() {
    let mut silent = Vec::new();
    for binding in BINDINGS {
        for place in places(binding.context) {
            for name in binding.keys {
                let acted = setups(place).into_iter().any(|setup| {
                    let mut f = fixture();
                    f.app.resize(80, 24);
                    setup(&mut f.app);
                    let contexts = f.app.contexts();
                    assert!(
                        contexts.contains(&place),
                        "setup of {place:?} ends in {contexts:?}"
                    );
                    assert_eq!(
                        keymap::lookup(&contexts, &key(name)),
                        Some(binding.action),
                        "{name} in {place:?} is taken by another binding"
                    );
                    f.app.message = None;
                    let before = fingerprint(&f.app);
                    f.app.handle_key(key(name));
                    fingerprint(&f.app) != before
                });
                if !acted {
                    silent.push(format!(
                        "{:?} {name} ({:?}) in {place:?}",
                        binding.context, binding.action
                    ));
                }
            }
        }
    }
    assert!(
        silent.is_empty(),
        "bound keys that change nothing: {silent:#?}"
    );
}
