//! Progress of long commands (`import`, `export`, `demo-data`, `backup`, `restore`) on stderr,
//! with indicatif: a bar over the command's steps, the step being done, how many measures it
//! handles and how many per second the steps so far managed. Only when stderr is a terminal:
//! otherwise nothing at all is drawn, so scripts and CI see byte for byte what they saw before.
//! The bar is cleared when the command ends or asks something.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::{Lang, Text, fill};

/// The progress of one command; does nothing when stderr is not a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
    lang: Lang,
    started: Instant,
    /// Measures handled so far, for the rate.
    count: Option<usize>,
}

impl Progress {
    /// A bar of `steps` steps named `command` (`import`), shown only on a terminal.
    pub fn start(lang: Lang, command: &str, steps: u64) -> Progress {
        let shown = std::io::stderr().is_terminal();
        Progress::with_target(lang, command, steps, shown)
    }

    fn with_target(lang: Lang, command: &str, steps: u64, shown: bool) -> Progress {
        let bar = shown.then(|| {
            let bar = ProgressBar::with_draw_target(Some(steps), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{spinner} {prefix} [{bar:20}] {pos}/{len} {elapsed} {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("█▌░");
            bar.set_style(style);
            bar.set_prefix(command.to_string());
            bar.enable_steady_tick(Duration::from_millis(100));
            bar
        });
        Progress {
            bar,
            lang,
            started: Instant::now(),
            count: None,
        }
    }

    /// True when the bar is drawn.
    #[cfg(test)]
    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }

    /// The number of measures the command handles, once known (it is named in each step).
    pub fn set_count(&mut self, count: usize) {
        self.count = Some(count);
    }

    /// Starts the next step: the bar moves on one and names it.
    pub fn step(&self, step: Text) {
        let Some(bar) = &self.bar else {
            return;
        };
        if bar.message().is_empty() && bar.position() == 0 {
            bar.set_message(self.message(step));
            return;
        }
        bar.inc(1);
        bar.set_message(self.message(step));
    }

    fn message(&self, step: Text) -> String {
        let step = self.lang.t(step);
        match self.count {
            None => step.to_string(),
            Some(count) => {
                let seconds = self.started.elapsed().as_secs_f64().max(0.001);
                let rate = (count as f64 / seconds).round() as u64;
                fill(
                    self.lang.t(Text::ProgressCount),
                    &[("step", &step), ("count", &count), ("rate", &rate)],
                )
            }
        }
    }

    /// Runs `f` (which writes to stderr) with the bar hidden, then draws it again.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the bar (before a question, and at the end).
    pub fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_terminal_nothing_is_drawn() {
        let progress = Progress::with_target(Lang::De, "import", 3, false);
        assert!(!progress.is_shown());
        progress.step(Text::ProgressReadFile);
    }

    #[test]
    fn steps_move_the_bar_and_name_count_and_rate() {
        let mut progress = Progress::with_target(Lang::En, "import", 3, true);
        progress.step(Text::ProgressReadFile);
        progress.set_count(10_000);
        progress.step(Text::ProgressCheck);
        let bar = progress.bar.as_ref().unwrap();
        assert_eq!(bar.position(), 1);
        let message = bar.message();
        assert!(message.contains("10000 measures"), "{message}");
        assert!(message.contains("/s"), "{message}");
    }
}
