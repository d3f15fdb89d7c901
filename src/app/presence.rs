//! Colleagues on the same database: whom the status bar names, which measures the table marks
//! `✎ anna` because a colleague has them open in a form, and telling the others (through the
//! store, which passes it to the server) which record this TUI has open in a form.

use super::{App, Mode};
use crate::model::MeasureId;
use crate::store::Editing;

impl App {
    /// The names of the others with a TUI open, sorted, each once.
    pub fn other_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.others.iter().map(|c| c.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The name of a colleague who has measure `id` open in a form (the first by name).
    pub fn edited_by(&self, id: MeasureId) -> Option<&str> {
        self.others
            .iter()
            .find(|c| c.editing == Some(Editing::Measure(id)))
            .map(|c| c.name.as_str())
    }

    /// Who has the goal open in a form, if a colleague has.
    pub fn goal_edited_by(&self, id: crate::model::GoalId) -> Option<&str> {
        self.others
            .iter()
            .find(|c| c.editing == Some(Editing::Goal(id)))
            .map(|c| c.name.as_str())
    }

    /// The stored record open in this TUI's form, also under the message overlay.
    pub fn editing(&self) -> Option<Editing> {
        let mut mode = &self.mode;
        loop {
            match mode {
                Mode::Form(state) => return state.form.record(),
                Mode::Messages { back, .. } => mode = back,
                _ => return None,
            }
        }
    }

    /// Tells the store which record is open in a form when that changed since the last call
    /// (the event loop calls it before each frame).
    pub fn tell_editing(&mut self) {
        let editing = self.editing();
        if editing != self.editing_told {
            self.editing_told = editing;
            self.store.set_editing(editing);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::app::tests::{fixture, press};
    use crate::store::Editing;

    #[test]
    fn the_record_open_in_a_form_is_the_one_the_app_tells_about() {
        let mut f = fixture();
        press(&mut f.app, "ljjj<Tab>");
        let id = f.app.pane.rows[0].id;
        assert_eq!(f.app.editing(), None);
        press(&mut f.app, "e");
        assert_eq!(f.app.editing(), Some(Editing::Measure(id)));
        // Still open under the message overlay.
        press(&mut f.app, "<C-g>");
        assert_eq!(f.app.editing(), Some(Editing::Measure(id)));
        press(&mut f.app, "<Esc><Esc>");
        assert_eq!(f.app.editing(), None);
        // A new measure is nobody else's business yet.
        press(&mut f.app, "a");
        assert_eq!(f.app.editing(), None);
        press(&mut f.app, "<Esc>");
        // A goal's form.
        press(&mut f.app, "<S-Tab>e");
        assert!(
            matches!(f.app.editing(), Some(Editing::Goal(_))),
            "{:?}",
            f.app.mode
        );
    }
}
