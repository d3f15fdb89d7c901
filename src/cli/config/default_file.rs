//! `quartier config --print-default`: every key with its default, commented out, generated from
//! the theme's roles and the keymap so it cannot drift from them. Explanations start with `# `,
//! settings with `#` directly (`#lang = "de"`): removing that `#` gives a valid line.

use strum::IntoEnumIterator;

use crate::app::Context;
use crate::app::keymap::{Keymap, action_name};
use crate::i18n::Lang;
use crate::ui::theme::{COLOUR_NAMES, ROLES};

/// The commented default config file.
pub fn default_file(lang: Lang) -> String {
    let mut out = String::new();
    let push = |out: &mut String, line: &str| {
        out.push_str(line);
        out.push('\n');
    };
    push(
        &mut out,
        "# quartier: config file ($XDG_CONFIG_HOME/quartier/config.toml, or --config FILE,",
    );
    push(
        &mut out,
        "# or $QUARTIER_CONFIG). Every key is optional; `quartier config --check` checks the file.",
    );
    push(&mut out, "");
    push(
        &mut out,
        "# The database when neither --db nor $QUARTIER_DB is given.",
    );
    push(&mut out, "#database = \"/srv/quartier/db\"");
    push(
        &mut out,
        "# Language of screen, messages and --help: \"de\" or \"en\" (--lang wins).",
    );
    push(
        &mut out,
        &format!("#lang = \"{}\"", if lang == Lang::En { "en" } else { "de" }),
    );
    push(
        &mut out,
        "# A name recorded with your changes beside the Unix user (like --as NAME).",
    );
    push(&mut out, "#display_name = \"anna\"");
    push(
        &mut out,
        "# Mouse: a click selects and focuses, the wheel scrolls. false leaves the mouse",
    );
    push(&mut out, "# to the terminal (select text to copy).");
    push(&mut out, "#mouse = true");
    push(
        &mut out,
        "# Months after a measure's end its Verwendungsnachweis is due (the deadline proposed",
    );
    push(&mut out, "# when a measure gets an end date), 1 to 60.");
    push(
        &mut out,
        &format!("#proof_months = {}", crate::model::PROOF_MONTHS),
    );
    push(&mut out, "");
    push(&mut out, "[theme]");
    let names: Vec<&str> = COLOUR_NAMES.iter().map(|(n, _)| *n).collect();
    push(
        &mut out,
        &format!("# One colour per role: {}.", names.join(", ")),
    );
    push(
        &mut out,
        "# NO_COLOR in the environment still switches all colour off. selection \"default\" is",
    );
    push(
        &mut out,
        "# reverse video; another colour is the background of the selected row.",
    );
    for (role, colour) in ROLES {
        let name = COLOUR_NAMES
            .iter()
            .find(|(_, c)| c == colour)
            .map_or("default", |(n, _)| *n);
        push(&mut out, &format!("#{role} = \"{name}\""));
    }
    push(&mut out, "");
    push(&mut out, "[keys]");
    push(
        &mut out,
        "# Keys by the action's name the help (?) shows. Directly under [keys] a name counts in",
    );
    push(
        &mut out,
        "# every context that has it; under [keys.<context>] in that one only. A key already",
    );
    push(
        &mut out,
        "# bound to another action at the same time is refused (the message names both).",
    );
    push(
        &mut out,
        "# Key names: a, A, C-r (Ctrl), A-Enter (Alt), Enter, Esc, Tab, S-Tab, Space, Backspace,",
    );
    push(
        &mut out,
        "# Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn; \"Space d\" is Space, then d.",
    );
    push(&mut out, "#delete = [\"d\", \"Delete\"]");
    let keymap = Keymap::default();
    for context in Context::iter() {
        push(&mut out, "");
        push(&mut out, &format!("# {}", lang.t(context.title())));
        push(&mut out, &format!("#[keys.{}]", context.config_name()));
        for binding in keymap.bindings_of(context) {
            let keys: Vec<String> = binding.keys.iter().map(|k| format!("{k:?}")).collect();
            push(
                &mut out,
                &format!("#{} = [{}]", action_name(binding.action), keys.join(", ")),
            );
        }
    }
    out
}
