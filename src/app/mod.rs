//! The TUI's state machine: what is selected, which mode is open, what the store holds that is on
//! screen. It never touches the terminal; [`App::handle_key`] turns a key into an [`Action`]
//! through the keymap and [`App::update`] carries it out, changing state and applying store
//! [`Op`](crate::ops::Op)s — so all of it is tested without a screen.

pub mod action;
pub mod busy;
pub mod conflict;
mod course;
pub mod deadlines;
mod decisions;
mod detail;
pub mod draft;
mod edit;
pub mod export;
mod first_run;
pub mod form;
pub mod help;
pub mod history_view;
mod incremental;
pub mod keymap;
pub mod layout;
mod live;
pub mod measures;
mod messages;
pub mod mouse;
mod navigate;
mod paste;
pub mod payments;
mod plan;
pub mod popups;
mod prefetch;
mod prefix;
mod presence;
mod proof_deadline;
mod ranks;
pub mod report;
mod report_prep;
mod rows;
pub(crate) mod scroll;
pub mod search;
pub mod sessions;
mod state;
mod status_dialog;
pub mod tree;

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

pub use action::Action;
pub use detail::{Detail, Shown};
pub use draft::{Draft, Purpose};
pub use keymap::Context;
pub use measures::{Filter, LinkIndex, MeasurePane, MeasureRow, SortColumn};
pub use popups::{Confirm, FilterPopup, Pending, PickFor, Picker};
pub use report::{ReportTab, ReportView};
pub use scroll::{ScrollBounds, ViewState};
pub use search::{SearchHits, SearchInput};
pub use state::{Focus, FormState, Message, MessageKind, Mode};
pub use status_dialog::{StatusDialog, StatusField};
pub use tree::{GoalTree, Node};

use crate::i18n::{Lang, Text};
use crate::model::{GoalId, MeasureId};
use crate::store::{Repository, StoreError, current_user};

/// Rows of the measure pane kept for a (row of the tree, sort, filter): the rows, how many
/// there were before the filter, and the column widths.
type CachedRows = (Vec<MeasureRow>, usize, measures::ColumnWidths);

/// The whole state of the TUI.
pub struct App {
    store: Box<dyn Repository>,
    actor: String,
    pub lang: Lang,
    pub tree: GoalTree,
    links: LinkIndex,
    /// Distinct measures linked to each goal or its sub-goals.
    counts: HashMap<GoalId, usize>,
    /// The sorted, filtered rows of every row of the tree already shown, so going back to a
    /// goal with thousands of measures does not sort them again; a change of a measure puts its
    /// row at its place in each (see `incremental`).
    rows_cache: HashMap<(Node, SortColumn, Filter), CachedRows>,
    /// Every measure's id, ascending (for `Alle Maßnahmen`).
    measure_ids: Vec<MeasureId>,
    /// Measures without any goal, ascending (for `Ohne Ziel`).
    orphans: Vec<MeasureId>,
    /// The table's columns of every measure read so far: all of them once the background
    /// reading after the first frame is done (see `prefetch`), kept current change by change.
    cache: HashMap<MeasureId, measures::Cached>,
    /// How far the background reading of all measures got; `None` when done.
    prefetch: Option<prefetch::Prefetch>,
    /// Whether idle time still sorts the rows of goals not yet visited (after `prefetch`).
    prewarm: bool,
    /// The report view's figures, kept ready in idle time (see `report_prep`).
    report_prep: report_prep::ReportPrep,
    /// The order of every measure by title and by Träger, once all are read.
    ranks: HashMap<SortColumn, ranks::Ranks>,
    pub pane: MeasurePane,
    pub focus: Focus,
    pub mode: Mode,
    pub message: Option<Message>,
    /// Who else has the database open in a TUI, and what in a form (see `presence.rs`).
    pub others: Vec<crate::net::client::Colleague>,
    /// The record open in this TUI's form as last told to the store ([`App::tell_editing`]).
    editing_told: Option<crate::store::Editing>,
    /// The last [`messages::LOG_LEN`] messages, newest last (the `Ctrl-g` overlay).
    message_log: std::collections::VecDeque<messages::Logged>,
    /// The selected measure as the detail pane shows it (see [`App::refresh_detail`]).
    detail: Detail,
    pub detail_scroll: u16,
    /// The last search, for `n`/`N` after it ended.
    pub last_search: Option<SearchHits>,
    search_index: Option<search::SearchIndex>,
    pub view: ViewState,
    /// Where the export dialog proposes to write (the current directory).
    pub export_dir: PathBuf,
    /// False between [`App::without_measures`] and [`App::load_measures`].
    pub measures_loaded: bool,
    draft_path: Option<PathBuf>,
    quit: bool,
    /// The terminal is below the minimum size: the screen shows only a notice, so keys that
    /// would act unseen are ignored (see [`App::resize`]).
    too_small: bool,
    /// The keys of this session: the keymap with the config file's rebindings.
    pub keymap: keymap::Keymap,
    /// Months from a measure's end to its Verwendungsnachweis (config `proof_months`).
    pub proof_months: u32,
    /// Long work announced or running on another thread (see `busy`).
    work: busy::Work,
    /// The keys of a key sequence pressed so far (`Space` of `Space d`; see `prefix`).
    pub pending_keys: Vec<String>,
    /// The terminal's size, as told by [`App::resize`]: page sizes and scroll bounds come from
    /// it (the views never write sizes back).
    screen: ratatui::layout::Rect,
    /// Open deadlines due before today (the first screen's status bar; see `deadlines`).
    overdue: usize,
}

impl App {
    /// Loads goals and links from `store` (a [`crate::store::Store`] or any other
    /// [`Repository`]). A draft left by a dropped connection at `draft_path` is offered for
    /// restoring.
    pub fn new(
        store: impl Into<Box<dyn Repository>>,
        lang: Lang,
        draft_path: Option<PathBuf>,
    ) -> Result<App, StoreError> {
        let mut app = App::without_measures(store, lang, draft_path)?;
        app.load_measures();
        Ok(app)
    }

    /// Like [`App::new`], but the measure pane stays empty until [`App::load_measures`]: the
    /// TUI draws the tree first and fills the pane right after (at 100 000 measures, decoding
    /// the first goal's measures would otherwise delay the first frame).
    pub fn without_measures(
        store: impl Into<Box<dyn Repository>>,
        lang: Lang,
        draft_path: Option<PathBuf>,
    ) -> Result<App, StoreError> {
        let store = store.into();
        let tree = GoalTree::new(store.goals()?);
        let links = LinkIndex::new(&store.links()?);
        let measure_ids = store.measure_ids()?;
        let mut app = App {
            store,
            actor: current_user(),
            lang,
            tree,
            links,
            counts: HashMap::new(),
            cache: HashMap::new(),
            prefetch: None,
            prewarm: false,
            report_prep: report_prep::ReportPrep::default(),
            ranks: HashMap::new(),
            rows_cache: HashMap::new(),
            measure_ids,
            orphans: Vec::new(),
            pane: MeasurePane::default(),
            focus: Focus::Tree,
            mode: Mode::Normal,
            message: None,
            others: Vec::new(),
            editing_told: None,
            message_log: std::collections::VecDeque::new(),
            detail: Detail::default(),
            detail_scroll: 0,
            last_search: None,
            search_index: None,
            view: ViewState::default(),
            export_dir: PathBuf::from("."),
            measures_loaded: false,
            draft_path,
            quit: false,
            too_small: false,
            screen: ratatui::layout::Rect::new(0, 0, layout::MIN_WIDTH, layout::MIN_HEIGHT),
            keymap: keymap::Keymap::default(),
            proof_months: crate::model::PROOF_MONTHS,
            work: busy::Work::default(),
            pending_keys: Vec::new(),
            overdue: 0,
        };
        app.recount();
        match crate::report::today() {
            Ok(today) => app.pane.today = Some(today),
            Err(value) => {
                // No day, no overdue marks; the message says why.
                let text = crate::i18n::fill(app.lang.t(Text::ErrToday), &[("value", &value)]);
                app.say(MessageKind::Error, text);
            }
        }
        app.offer_draft();
        Ok(app)
    }

    /// Fills the measure pane for the selected goal (after [`App::without_measures`]).
    pub fn load_measures(&mut self) {
        self.measures_loaded = true;
        self.recount_overdue(None);
        self.restart_prefetch();
        self.fill_pane();
        self.follow_selection();
        self.refresh_detail();
    }

    /// Sets the day overdue measures are counted from (tests; the TUI takes `report::today()`
    /// at start) and redraws the table's marks.
    pub fn set_today(&mut self, today: Option<chrono::NaiveDate>) {
        self.pane.today = today;
        self.rows_cache.clear();
        self.recount_overdue(None);
        self.fill_pane();
        self.follow_selection();
        self.refresh_detail();
    }

    /// True once the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The repository (read-only), for tests and the history message.
    pub fn store(&self) -> &dyn Repository {
        self.store.as_ref()
    }

    /// Gives the repository back (the TUI drops it on exit, which releases the database).
    pub fn into_repository(self) -> Box<dyn Repository> {
        self.store
    }

    /// Gives back the store a test handed in.
    #[cfg(test)]
    pub(crate) fn into_store(self) -> crate::store::Store {
        let any: Box<dyn std::any::Any> = self.store;
        *any.downcast().expect("the app holds a Store")
    }

    /// The table row of a measure shown on screen (cached when its goal was selected).
    pub fn row(&self, id: MeasureId) -> Option<&measures::Cached> {
        self.cache.get(&id)
    }

    /// Distinct measures linked to a goal or its sub-goals.
    pub fn count(&self, goal: GoalId) -> usize {
        self.counts.get(&goal).copied().unwrap_or(0)
    }

    /// The links of every measure and goal.
    pub fn links(&self) -> &LinkIndex {
        &self.links
    }

    /// One key press: looked up in the keymap; keys without a binding go to the text input of a
    /// form, the search line or the goal picker.
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.dispatch_key(key);
        self.follow_selection();
        self.refresh_detail();
    }

    fn dispatch_key(&mut self, key: KeyEvent) {
        self.message = None;
        if self.too_small {
            self.key_while_too_small(key);
            return;
        }
        if let Mode::Form(state) = &mut self.mode {
            // While the form asks "discard changes?", every key answers it.
            if state.form.is_asking() {
                let answer = self.keymap.lookup(&[Context::Confirm], &key);
                let outcome = state.form.answer(answer);
                self.form_outcome(outcome);
                return;
            }
        }
        self.dispatch_bound(key);
    }

    /// On the too-small screen nothing may act unseen: only quitting, the help overlay (which
    /// is drawn there) and its own keys.
    fn key_while_too_small(&mut self, key: KeyEvent) {
        let action = self.keymap.lookup(&self.contexts(), &key);
        let allowed = matches!(
            (&self.mode, action),
            (_, Some(Action::Quit))
                | (Mode::Normal, Some(Action::Help))
                | (Mode::Help { .. }, Some(_))
        );
        if let (true, Some(action)) = (allowed, action) {
            self.update(action);
        }
    }

    /// Carries out one action in the current mode.
    pub fn update(&mut self, action: Action) {
        self.act(action);
        self.follow_selection();
        self.refresh_detail();
    }

    fn act(&mut self, action: Action) {
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        if action == Action::Messages {
            self.toggle_messages();
            return;
        }
        // Each mode's handler gets the mode and returns the one that follows; none sets
        // `self.mode` itself.
        let next = match std::mem::take(&mut self.mode) {
            Mode::Normal => self.update_normal(action),
            Mode::Help { scroll } => self.update_help(scroll, action),
            Mode::Form(state) => self.update_form(state, action),
            Mode::Conflict(conflict) => self.update_conflict(conflict, action),
            Mode::Confirm(confirm) => self.update_confirm(confirm, action),
            Mode::Picker(picker) => self.update_picker(picker, action),
            Mode::Search(input) => self.update_search(input, action),
            Mode::Filter(popup) => self.update_filter(popup, action),
            Mode::Report(view) => self.update_report(view, action),
            Mode::History(view) => self.update_history(view, action),
            Mode::Export(dialog) => self.update_export(dialog, action),
            Mode::Messages { scroll, back } => self.update_messages(scroll, back, action),
            Mode::Course { scroll } => self.update_course(scroll, action),
            Mode::SetStatus(dialog) => self.update_set_status(dialog, action),
            Mode::Payments(view) => self.update_payments(view, action),
            Mode::Sessions(view) => self.update_sessions(view, action),
            Mode::Termine(view) => self.update_termine(view, action),
        };
        debug_assert!(
            matches!(self.mode, Mode::Normal),
            "a mode handler set self.mode instead of returning it"
        );
        self.mode = next;
    }

    /// A key no binding claimed: text for the open input, if any.
    fn input(&mut self, key: KeyEvent) {
        match std::mem::take(&mut self.mode) {
            Mode::Form(mut state) => {
                let outcome = state.form.input(key);
                self.mode = Mode::Form(state);
                self.form_outcome(outcome);
            }
            Mode::Search(mut input) => {
                if input.edit(key) {
                    self.mode = Mode::Search(input);
                    self.run_search();
                } else {
                    self.mode = Mode::Search(input);
                }
            }
            Mode::Export(mut dialog) => {
                dialog.edit(key);
                self.mode = Mode::Export(dialog);
            }
            Mode::SetStatus(mut dialog) => {
                dialog.edit(key);
                self.mode = Mode::SetStatus(dialog);
            }
            Mode::Picker(mut picker) => {
                if picker.edit(key) {
                    picker.refilter(self.tree.goals());
                }
                self.mode = Mode::Picker(picker);
            }
            other => self.mode = other,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
