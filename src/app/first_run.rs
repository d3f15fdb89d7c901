//! The first run (issue 16): while the database holds no measure at all, the measure pane shows a
//! short guide instead of an empty table. It goes as soon as there is a measure — added here,
//! by a colleague or by an import.

use super::App;

impl App {
    /// True while the database has no measure (once the pane has been filled).
    pub fn first_run(&self) -> bool {
        self.measures_loaded && self.measure_ids.is_empty()
    }
}
