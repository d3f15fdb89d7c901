//! Incremental search over goal codes and titles and over measure titles, Träger and notes.
//! Hits are places in the tree (a goal, or a measure under its primary goal, or under `Ohne
//! Ziel` when it has no goal); the search jumps from goal to goal. `Enter` keeps the hit, `Esc`
//! goes back to where the search started.

use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{Action, App, Context, Focus, MessageKind, Mode, Node};
use crate::i18n::{Text, fill};
use std::collections::HashMap;

use super::LinkIndex;
use crate::model::{GoalId, Measure, MeasureId};

/// Where a search started, to return there on `Esc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub node: Node,
    pub measure: Option<MeasureId>,
    pub focus: Focus,
}

/// The search line being typed.
#[derive(Debug)]
pub struct SearchInput {
    pub input: Input,
    pub origin: Origin,
}

impl SearchInput {
    /// Starts a search at the current place.
    pub fn new(node: Node, measure: Option<MeasureId>, focus: Focus) -> SearchInput {
        SearchInput {
            input: Input::default(),
            origin: Origin {
                node,
                measure,
                focus,
            },
        }
    }

    /// Passes a key to the line; true when the text changed.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let before = self.input.value().to_string();
        self.input.handle_event(&Event::Key(key));
        self.input.value() != before
    }
}

/// One place that matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The goal row (or `Ohne Ziel`) the hit is shown under.
    pub node: Node,
    pub measure: Option<MeasureId>,
}

/// The hits of a search and which one is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchHits {
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: usize,
}

/// Lower-cased searchable text of every measure, in tree order of its primary goal (then by
/// id; measures without a goal last, under `Ohne Ziel`), built on the first search and dropped
/// when data changes. Keeping the entries in hit order makes a keystroke one scan, with no
/// lookups or sorting per hit.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// (tree position of the primary goal, its row, measure, start and end of its text).
    measures: Vec<(u32, Node, MeasureId, u32, u32)>,
    /// The lower-cased texts of all measures, one after the other: one allocation instead of
    /// one per measure (2 MiB less at 100 000 measures).
    text: String,
}

/// Where a measure is found: tree position of its primary goal, and that row.
type Place = (u32, Node);

impl SearchIndex {
    /// Adds a measure's text at the end (call [`SearchIndex::finish`] after the last).
    pub fn push(&mut self, place: Place, m: &Measure) {
        let start = self.text.len() as u32;
        for part in [&m.title, &m.organisation, &m.notes] {
            self.text.extend(part.chars().flat_map(char::to_lowercase));
            self.text.push('\n');
        }
        let (position, node) = place;
        self.measures
            .push((position, node, m.id, start, self.text.len() as u32));
    }

    /// Puts the entries in hit order.
    pub fn finish(&mut self) {
        self.measures
            .sort_unstable_by_key(|(position, _, id, _, _)| (*position, *id));
        self.text.shrink_to_fit();
        self.measures.shrink_to_fit();
    }

    /// Takes a measure out, and back in at its place with its text as it is now (`None`: it
    /// was deleted). Its old text stays in the string unused.
    fn replace(&mut self, id: MeasureId, now: Option<(Place, &Measure)>) {
        self.measures.retain(|entry| entry.2 != id);
        if let Some((place, m)) = now {
            self.push(place, m);
            let entry = self.measures.pop().expect("just pushed");
            let at = self
                .measures
                .partition_point(|e| (e.0, e.2) < (entry.0, entry.2));
            self.measures.insert(at, entry);
        }
    }
}

/// Tree position of every goal, for [`place_of`].
pub fn goal_order(app: &App) -> HashMap<GoalId, u32> {
    app.tree
        .goals()
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id, i as u32))
        .collect()
}

/// A measure is found under its primary goal, one without goals under `Ohne Ziel`; `None` for
/// a measure whose goal is not in the tree.
pub fn place_of(order: &HashMap<GoalId, u32>, links: &LinkIndex, id: MeasureId) -> Option<Place> {
    match links.goals_of(id).first() {
        Some((goal, _)) => order
            .get(goal)
            .map(|position| (*position, Node::Goal(*goal))),
        None => Some((u32::MAX, Node::Orphans)),
    }
}

impl App {
    fn search_index(&mut self) -> &SearchIndex {
        if self.search_index.is_none() {
            let order = goal_order(self);
            let links = &self.links;
            let mut index = SearchIndex::default();
            let read = self.store.for_each_measure(&mut |m| {
                if let Some(place) = place_of(&order, links, m.id) {
                    index.push(place, &m);
                }
            });
            if let Err(error) = read {
                self.say_error(&error);
                index = SearchIndex::default();
            }
            index.finish();
            self.search_index = Some(index);
        }
        self.search_index.get_or_insert_default()
    }

    /// Brings one measure's entry in the search index (if one was built) up to date.
    pub(super) fn patch_search_index(&mut self, id: MeasureId, measure: Option<&Measure>) {
        if self.search_index.is_none() {
            return;
        }
        let order = goal_order(self);
        let place = place_of(&order, &self.links, id);
        if let Some(index) = &mut self.search_index {
            index.replace(id, place.zip(measure));
        }
    }

    /// Every hit for `query`, in tree order (a goal before the measures under it).
    pub fn find(&mut self, query: &str) -> Vec<Hit> {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return Vec::new();
        }
        let goal_hits: Vec<(usize, GoalId)> = self
            .tree
            .goals()
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.code.to_lowercase().contains(&query) || g.title.to_lowercase().contains(&query)
            })
            .map(|(i, g)| (i, g.id))
            .collect();
        let index = self.search_index();
        let mut hits = Vec::new();
        let mut goals = goal_hits.into_iter().peekable();
        for (position, node, id, start, end) in &index.measures {
            let text = &index.text[*start as usize..*end as usize];
            if !text.contains(&query) {
                continue;
            }
            let position = *position as usize;
            // Goal hits up to this position come first (a goal before its measures).
            while let Some((_, g)) = goals.next_if(|(p, _)| *p <= position) {
                hits.push(Hit {
                    node: Node::Goal(g),
                    measure: None,
                });
            }
            hits.push(Hit {
                node: *node,
                measure: Some(*id),
            });
        }
        hits.extend(goals.map(|(_, g)| Hit {
            node: Node::Goal(g),
            measure: None,
        }));
        hits
    }

    /// After each keystroke in the search line: new hits, jump to the first.
    pub(super) fn run_search(&mut self) {
        let Mode::Search(input) = &self.mode else {
            return;
        };
        let query = input.input.value().to_string();
        let origin = input.origin;
        let hits = self.find(&query);
        self.last_search = Some(SearchHits {
            query,
            hits,
            current: 0,
        });
        if self.show_current_hit() {
            return;
        }
        self.go_to_origin(origin);
    }

    /// A bound key while typing a search; the next mode.
    pub(super) fn update_search(&mut self, input: SearchInput, action: Action) -> Mode {
        match action {
            // The current hit is already selected: Enter keeps it and ends the search.
            Action::Confirm => Mode::Normal,
            Action::Cancel => {
                self.go_to_origin(input.origin);
                Mode::Normal
            }
            Action::NextHit => {
                self.step_hit(1);
                Mode::Search(input)
            }
            Action::PrevHit => {
                self.step_hit(-1);
                Mode::Search(input)
            }
            other => {
                self.unbound(Context::Search, other);
                Mode::Search(input)
            }
        }
    }

    /// `n`/`N`: the next or previous hit of the last search, wrapping around.
    pub(super) fn step_hit(&mut self, delta: isize) {
        let Some(search) = &mut self.last_search else {
            self.say_text(MessageKind::Info, Text::NoSearch);
            return;
        };
        let n = search.hits.len() as isize;
        if n == 0 {
            let text = fill(self.lang.t(Text::NoHits), &[("query", &search.query)]);
            self.say(MessageKind::Info, text);
            return;
        }
        search.current = (search.current as isize + delta).rem_euclid(n) as usize;
        self.show_current_hit();
    }

    /// Selects the current hit; false when there is none.
    fn show_current_hit(&mut self) -> bool {
        let Some(hit) = self
            .last_search
            .as_ref()
            .and_then(|s| s.hits.get(s.current).copied())
        else {
            return false;
        };
        if self.tree.selected_node() != hit.node {
            self.tree.select_node(hit.node);
            self.goal_changed();
        }
        match hit.measure {
            Some(measure) => {
                self.focus = Focus::Measures;
                match self.pane.position(measure) {
                    Some(row) => self.pane.selected = row,
                    None => self.say_text(MessageKind::Info, Text::HitFiltered),
                }
            }
            None => self.focus = Focus::Tree,
        }
        true
    }

    fn go_to_origin(&mut self, origin: Origin) {
        if self.tree.selected_node() != origin.node {
            self.tree.select_node(origin.node);
            self.goal_changed();
        }
        if let Some(row) = origin.measure.and_then(|m| self.pane.position(m)) {
            self.pane.selected = row;
        }
        self.focus = origin.focus;
    }

    /// Drops the search index (after data changed).
    pub(super) fn forget_search_index(&mut self) {
        self.search_index = None;
    }
}
