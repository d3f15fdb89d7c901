//! The terminal side of the TUI: set-up and restore, the event loop, signals.
//!
//! - `ratatui::init` enters raw mode and the alternate screen and installs a panic hook that
//!   restores the terminal before the panic message is printed; quartier adds bracketed paste
//!   (a paste arrives as one event, not as keys) and turns it off again on every way out — quit,
//!   signal, vanished terminal and panic.
//! - One thread reads terminal events, another waits for SIGHUP (a dropped SSH connection),
//!   SIGTERM and SIGINT; both feed one channel, so the loop sleeps until something happens — no
//!   polling, no timer redraws. Everything already waiting in the channel is handled before the
//!   next frame is drawn, so a burst of input is never left unread behind a slow draw.
//! - On a signal, input the terminal had already delivered (a paste in flight) is still taken
//!   into the form; then an open form is saved as a draft, the terminal is restored and the
//!   store is dropped (which releases the database lock).
//! - An I/O error of the loop (the terminal cannot be written) ends it the same way, after which
//!   [`run`] returns the error, so the process exits with a failure code.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::App;
use crate::net::client::ServerEvent;
pub use modes::Options;
use modes::{disable_paste, enable_paste};

mod modes;

/// What wakes the loop.
enum Wake {
    /// Every event the terminal had ready, in order (a burst of typing comes as one batch).
    Terminal(Vec<Event>),
    /// Reading from the terminal failed: it is gone.
    InputClosed,
    Signal,
    /// A change by someone else, or news about the connection to the database's server.
    Server(ServerEvent),
    /// A job of the app (an export's file) is done.
    Job(crate::app::busy::JobDone),
    /// Idle work changed what the screen shows (a pane's rows arrived).
    Redraw,
}

/// After a signal, input still arriving is taken until the terminal has been quiet this long…
const QUIET: Duration = Duration::from_millis(50);
/// …but for no longer than this in all.
const LAST_INPUT_LIMIT: Duration = Duration::from_millis(400);

/// Runs the TUI on the real terminal until the user quits or a signal arrives; `server` brings
/// what the database's server pushes (none when the store is in this process). An error of the
/// event loop is returned once the terminal has been restored.
pub fn run(
    mut app: App,
    server: Option<mpsc::Receiver<ServerEvent>>,
    options: Options,
) -> std::io::Result<()> {
    let (sender, receiver) = mpsc::channel();
    if let Some(server) = server {
        let sender = sender.clone();
        std::thread::spawn(move || {
            for event in server {
                if sender.send(Wake::Server(event)).is_err() {
                    return;
                }
            }
        });
    }
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    let signal_sender = sender.clone();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = signal_sender.send(Wake::Signal);
        }
    });
    let mut terminal = ratatui::init();
    enable_paste(options.mouse);
    // crossterm registers its SIGWINCH handler when its event source is first used; do that
    // before the first frame reads the size, so a resize right after the start is not lost.
    let _ = event::poll(std::time::Duration::ZERO);
    let jobs = sender.clone();
    std::thread::spawn(move || read_terminal(&sender));
    let result = event_loop(&mut app, &mut terminal, &receiver, &jobs, options.theme);
    // Keep the form before anything else can fail.
    let draft = app.save_draft();
    disable_paste(options.mouse);
    ratatui::restore();
    drop(app);
    outcome(result, draft)
}

/// What [`run`] returns: the loop's error, if any. A draft that could not be saved is printed
/// (the loop's error, if there is one, is reported by the caller).
fn outcome(result: std::io::Result<()>, draft: std::io::Result<bool>) -> std::io::Result<()> {
    if let Err(error) = draft {
        eprintln!("quartier: {error}");
    }
    result
}

/// Most events sent as one batch.
const BATCH: usize = 4096;
/// How long the reader waits for the next event of a batch. Not zero: crossterm's poll with a
/// zero timeout does not even look at events it has already read and parsed.
const BATCH_WAIT: Duration = Duration::from_millis(1);

/// The reader thread: blocks for the next terminal event, then takes every event that is
/// already waiting, and sends them together, so the loop draws once per burst, not per key.
fn read_terminal(sender: &mpsc::Sender<Wake>) {
    loop {
        let mut events = Vec::new();
        let mut closed = false;
        match event::read() {
            Ok(event) => events.push(event),
            Err(_) => closed = true,
        }
        while !closed && events.len() < BATCH && matches!(event::poll(BATCH_WAIT), Ok(true)) {
            match event::read() {
                Ok(event) => events.push(event),
                Err(_) => closed = true,
            }
        }
        if !events.is_empty() && sender.send(Wake::Terminal(events)).is_err() {
            return;
        }
        if closed {
            let _ = sender.send(Wake::InputClosed);
            return;
        }
    }
}

/// What one wake-up did.
enum Step {
    /// Something may have changed on screen.
    Changed,
    /// Nothing to draw (a mouse or focus event).
    Unchanged,
    /// Leave the loop (the user quit, a signal arrived or the terminal is gone).
    Exit,
}

fn event_loop<B: Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    receiver: &mpsc::Receiver<Wake>,
    jobs: &mpsc::Sender<Wake>,
    theme: crate::ui::Theme,
) -> Result<(), B::Error> {
    // The terminal side owns the theme, and tells the app how far the views let text scroll.
    app.set_scroll_bounds(crate::ui::SCROLL_BOUNDS);
    // A long export is announced in the status bar before it runs.
    app.defer_long_work(true);
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    terminal.draw(|frame| crate::ui::render(app, theme, frame))?;
    if !app.measures_loaded {
        app.load_measures();
        terminal.draw(|frame| crate::ui::render(app, theme, frame))?;
    }
    loop {
        let Some(first) = next_wake(app, receiver, jobs) else {
            return Ok(());
        };
        let mut changed = false;
        // Everything already waiting is handled before the next frame.
        let mut next = Some(first);
        while let Some(wake) = next {
            match step(app, terminal, wake, receiver)? {
                Step::Changed => changed = true,
                Step::Unchanged => {}
                Step::Exit => return Ok(()),
            }
            next = receiver.try_recv().ok();
        }
        if changed {
            // Colleagues see `✎` at a record while this TUI has it open in a form.
            app.tell_editing();
            terminal.draw(|frame| crate::ui::render(app, theme, frame))?;
            if app.is_busy() {
                // The frame announcing the work is on screen: now start it, on a thread of its
                // own, and keep taking keys; its result wakes the loop.
                if let Some(job) = app.start_job() {
                    let jobs = jobs.clone();
                    std::thread::spawn(move || {
                        let _ = jobs.send(Wake::Job(job()));
                    });
                }
                terminal.draw(|frame| crate::ui::render(app, theme, frame))?;
            }
        }
    }
}

/// Waits for the next thing to do; while nothing is waiting, reads the next page of measures
/// in the background (see [`App::prefetch_step`]); the report computed from what was read
/// runs on a thread of its own. `None` when every sender is gone.
fn next_wake(
    app: &mut App,
    receiver: &mpsc::Receiver<Wake>,
    jobs: &mpsc::Sender<Wake>,
) -> Option<Wake> {
    while app.prefetching() {
        match receiver.try_recv() {
            Ok(wake) => return Some(wake),
            Err(mpsc::TryRecvError::Empty) => {
                app.prefetch_step();
                if let Some(job) = app.take_report_job() {
                    let jobs = jobs.clone();
                    std::thread::spawn(move || {
                        let _ = jobs.send(Wake::Job(job()));
                    });
                }
                if app.take_idle_redraw() {
                    return Some(Wake::Redraw);
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => return None,
        }
    }
    receiver.recv().ok()
}

fn step<B: Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    wake: Wake,
    receiver: &mpsc::Receiver<Wake>,
) -> Result<Step, B::Error> {
    match wake {
        Wake::Terminal(events) => {
            let (changed, resized) = apply_events(app, events);
            if resized {
                terminal.autoresize()?;
            }
            if app.should_quit() {
                return Ok(Step::Exit);
            }
            if !changed {
                return Ok(Step::Unchanged);
            }
        }
        Wake::InputClosed => return Ok(Step::Exit),
        Wake::Server(event) => app.on_server_event(event),
        Wake::Job(done) => app.job_done(done),
        Wake::Redraw => {}
        Wake::Signal => {
            take_last_input(app, receiver);
            return Ok(Step::Exit);
        }
    }
    Ok(if app.should_quit() {
        Step::Exit
    } else {
        Step::Changed
    })
}

/// Hands a batch of events to the app, in order: keys, pastes, resizes. A run of plain
/// characters typed into a form's text input is inserted at once. Returns whether anything
/// happened and whether the terminal was resized; stops early when the user quit.
fn apply_events(app: &mut App, events: Vec<Event>) -> (bool, bool) {
    let (mut changed, mut resized) = (false, false);
    let mut events = events.into_iter().peekable();
    while let Some(event) = events.next() {
        if app.should_quit() {
            break;
        }
        match event {
            Event::Key(key) => {
                if let Some(c) = app.typed_char(&key) {
                    let mut text = String::from(c);
                    while let Some(c) = events.peek().and_then(|next| match next {
                        Event::Key(next) => app.typed_char(next),
                        _ => None,
                    }) {
                        text.push(c);
                        events.next();
                    }
                    app.type_text(&text);
                    changed = true;
                } else if key.is_press() {
                    app.handle_key(key);
                    changed = true;
                }
            }
            Event::Paste(text) => {
                app.paste(&text);
                changed = true;
            }
            Event::Mouse(mouse) => changed |= app.mouse(mouse),
            Event::Resize(width, height) => {
                app.resize(width, height);
                (changed, resized) = (true, true);
            }
            _ => {}
        }
    }
    (changed, resized)
}

/// After a signal: the keys and pastes the terminal delivered before it went (a paste is still
/// being read when SIGHUP arrives) are applied, so the draft holds everything that was typed.
/// Stops once no input came for [`QUIET`], after [`LAST_INPUT_LIMIT`], or when the user quit.
fn take_last_input(app: &mut App, receiver: &mpsc::Receiver<Wake>) {
    let deadline = Instant::now() + LAST_INPUT_LIMIT;
    while !app.should_quit() {
        let wait = QUIET.min(deadline.saturating_duration_since(Instant::now()));
        match receiver.recv_timeout(wait) {
            Ok(Wake::Terminal(events)) => {
                apply_events(app, events);
            }
            Ok(Wake::Signal) | Ok(Wake::Server(_)) | Ok(Wake::Job(_)) | Ok(Wake::Redraw) => {}
            Ok(Wake::InputClosed) | Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests;
