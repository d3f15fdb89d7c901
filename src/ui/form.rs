//! Placeholder until the edit form lands (next commits).
pub fn render(
    _f: &crate::app::form::Form,
    _t: crate::ui::Theme,
    _a: ratatui::layout::Rect,
    _fr: &mut ratatui::Frame,
) {
}
