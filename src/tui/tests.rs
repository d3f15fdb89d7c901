//! The event loop against a terminal that fails, and the quit key and signals that end it.

use super::*;
use ratatui::backend::{ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A terminal whose writes fail, as when it went away.
struct Broken(TestBackend);

fn gone() -> std::io::Error {
    std::io::Error::from(std::io::ErrorKind::BrokenPipe)
}

impl Backend for Broken {
    type Error = std::io::Error;
    fn draw<'a, I>(&mut self, _: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Err(gone())
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> std::io::Result<()> {
        Ok(())
    }
    fn clear(&mut self) -> std::io::Result<()> {
        Err(gone())
    }
    fn clear_region(&mut self, _: ClearType) -> std::io::Result<()> {
        Err(gone())
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(self.0.size().unwrap_or_default())
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Err(gone())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(gone())
    }
}

#[test]
fn a_terminal_that_cannot_be_written_ends_the_loop_with_its_error() {
    let mut f = crate::app::tests::fixture();
    let mut terminal = Terminal::new(Broken(TestBackend::new(100, 30))).unwrap();
    let (sender, receiver) = mpsc::channel();
    sender.send(Wake::Signal).unwrap();
    let result = event_loop(
        &mut f.app,
        &mut terminal,
        &receiver,
        &sender,
        crate::ui::Theme::default(),
    );
    let error = result.expect_err("the failed draw is returned");
    assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe);
    let returned = outcome(Err(error), Ok(false)).expect_err("run returns it");
    assert_eq!(returned.kind(), std::io::ErrorKind::BrokenPipe);
}

#[test]
fn quitting_and_signals_end_the_loop_without_an_error() {
    let mut f = crate::app::tests::fixture();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let (sender, receiver) = mpsc::channel();
    sender.send(Wake::Signal).unwrap();
    let result = event_loop(
        &mut f.app,
        &mut terminal,
        &receiver,
        &sender,
        crate::ui::Theme::default(),
    );
    assert!(result.is_ok());
    assert!(outcome(Ok(()), Ok(true)).is_ok());
}
