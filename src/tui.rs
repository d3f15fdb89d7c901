//! The terminal side of the TUI: set-up and restore, the event loop, signals.
//!
//! - `ratatui::init` enters raw mode and the alternate screen and installs a panic hook that
//!   restores the terminal before the panic message is printed.
//! - One thread reads terminal events, another waits for SIGHUP (a dropped SSH connection),
//!   SIGTERM and SIGINT; both feed one channel, so the loop sleeps until something happens — no
//!   polling, no timer redraws.
//! - On a signal, or when the terminal is gone, an open form is saved as a draft, the terminal
//!   is restored and the store is dropped (which releases the database lock).

use std::io::Write;
use std::sync::mpsc;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::App;

/// What wakes the loop.
enum Wake {
    Terminal(Event),
    /// Reading from the terminal failed: it is gone.
    InputClosed,
    Signal,
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal or a vanished terminal.
    Stopped,
}

/// Runs the TUI on the real terminal until the user quits or a signal arrives.
pub fn run(mut app: App) -> anyhow::Result<()> {
    let (sender, receiver) = mpsc::channel();
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    let signal_sender = sender.clone();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = signal_sender.send(Wake::Signal);
        }
    });
    let mut terminal = ratatui::init();
    // crossterm registers its SIGWINCH handler when its event source is first used; do that
    // before the first frame reads the size, so a resize right after the start is not lost.
    let _ = event::poll(std::time::Duration::ZERO);
    std::thread::spawn(move || {
        loop {
            let wake = match event::read() {
                Ok(event) => Wake::Terminal(event),
                Err(_) => Wake::InputClosed,
            };
            let closed = matches!(wake, Wake::InputClosed);
            if sender.send(wake).is_err() || closed {
                break;
            }
        }
    });
    let result = event_loop(&mut app, &mut terminal, &receiver);
    // Keep the form before anything else can fail.
    let draft = app.save_draft();
    ratatui::restore();
    drop(app);
    if let Err(error) = draft {
        eprintln!("quartier: {error}");
    }
    if let Err(error) = result {
        let _ = writeln!(std::io::stderr(), "quartier: {error}");
    }
    Ok(())
}

fn event_loop<B: Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    receiver: &mpsc::Receiver<Wake>,
) -> Result<Exit, B::Error> {
    terminal.draw(|frame| crate::ui::render(app, frame))?;
    if !app.measures_loaded {
        app.load_measures();
        terminal.draw(|frame| crate::ui::render(app, frame))?;
    }
    loop {
        let Ok(wake) = receiver.recv() else {
            return Ok(Exit::Stopped);
        };
        match wake {
            Wake::Terminal(Event::Key(key)) if key.is_press() => app.handle_key(key),
            Wake::Terminal(Event::Resize(_, _)) => terminal.autoresize()?,
            Wake::Terminal(_) => continue,
            Wake::InputClosed | Wake::Signal => return Ok(Exit::Stopped),
        }
        if app.should_quit() {
            return Ok(Exit::Quit);
        }
        terminal.draw(|frame| crate::ui::render(app, frame))?;
    }
}
