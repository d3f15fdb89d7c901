//! `quartier` without a subcommand: the TUI on the opened repository, with the config file's
//! keys, theme and mouse setting; the file's problems go into the TUI's messages.

use super::{CliError, config, has_terminal};
use crate::i18n::Lang;
use crate::store::{Repository, current_user};

/// Opens the TUI on `store`; a draft left by a dropped connection is offered.
pub(super) fn run_tui(
    store: Box<dyn Repository>,
    server: Option<std::sync::mpsc::Receiver<crate::net::client::ServerEvent>>,
    lang: Lang,
    path: &std::path::Path,
    settings: &config::Settings,
) -> Result<i32, CliError> {
    if !has_terminal() {
        return Err(CliError::NoTerminal);
    }
    let draft = crate::app::draft::path_for(path, &current_user());
    let mut app = crate::app::App::without_measures(store, lang, Some(draft))?;
    let (keymap, _) = settings.keymap();
    app.keymap = keymap;
    app.proof_months = settings.proof_months.unwrap_or(crate::model::PROOF_MONTHS);
    for problem in settings.all_problems() {
        app.say(
            crate::app::MessageKind::Error,
            settings.describe(&problem, lang),
        );
    }
    let options = crate::tui::Options {
        theme: settings.theme(),
        mouse: settings.mouse(),
    };
    crate::tui::run(app, server, options).map_err(CliError::Output)?;
    Ok(0)
}
