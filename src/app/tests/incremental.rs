//! A change taken in incrementally leaves the app exactly where reading everything again would:
//! random sequences of changes (a colleague's, applied to the store under the app, then taken
//! in as a server push is) against the state rebuilt from the store.

use std::collections::HashMap;

use proptest::prelude::*;

use super::*;
use crate::app::measures::{Cached, ColumnWidths, MeasurePane};
use crate::model::GoalId;

/// One change a colleague could make, with indexes into what exists (taken modulo).
#[derive(Clone, Debug)]
enum Step {
    Add {
        title: u8,
        org: u8,
        goals: Vec<u8>,
    },
    Edit {
        measure: u8,
        title: u8,
        status: u8,
        euros: u16,
    },
    Delete {
        measure: u8,
    },
    Link {
        measure: u8,
        goal: u8,
        primary: bool,
    },
    Unlink {
        measure: u8,
        goal: u8,
    },
    MoveGoal {
        goal: u8,
        under: u8,
    },
    Visit {
        node: u8,
        sort: u8,
        status: Option<u8>,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (any::<u8>(), any::<u8>(), proptest::collection::vec(any::<u8>(), 0..3))
            .prop_map(|(title, org, goals)| Step::Add { title, org, goals }),
        3 => (any::<u8>(), any::<u8>(), any::<u8>(), any::<u16>())
            .prop_map(|(measure, title, status, euros)| Step::Edit { measure, title, status, euros }),
        1 => any::<u8>().prop_map(|measure| Step::Delete { measure }),
        2 => (any::<u8>(), any::<u8>(), any::<bool>())
            .prop_map(|(measure, goal, primary)| Step::Link { measure, goal, primary }),
        2 => (any::<u8>(), any::<u8>()).prop_map(|(measure, goal)| Step::Unlink { measure, goal }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(goal, under)| Step::MoveGoal { goal, under }),
        2 => (any::<u8>(), any::<u8>(), proptest::option::of(any::<u8>()))
            .prop_map(|(node, sort, status)| Step::Visit { node, sort, status }),
    ]
}

const TITLES: [&str; 6] = ["Lesecafé", "abend", "Zirkus", "ärztehaus", "Boule", "lesen"];
const ORGS: [&str; 4] = ["Kiezverein", "bildung e.V.", "Ämter", ""];

fn pick<T: Copy>(items: &[T], index: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[index as usize % items.len()])
}

/// The op a step stands for, if it makes sense on the current data.
fn op_of(step: &Step, store: &dyn Repository) -> Option<Op> {
    let goals: Vec<GoalId> = store.goals().unwrap().iter().map(|g| g.id).collect();
    let measures = store.measure_ids().unwrap();
    let goal = |i: u8| pick(&goals, i).unwrap();
    Some(match step {
        Step::Add { title, org, goals } => {
            let mut m = Measure::new(pick(&TITLES, *title).unwrap());
            m.organisation = pick(&ORGS, *org).unwrap().into();
            let mut linked: Vec<GoalId> = goals.iter().map(|g| goal(*g)).collect();
            linked.dedup();
            Op::AddMeasure {
                measure: m,
                goals: linked,
            }
        }
        Step::Edit {
            measure,
            title,
            status,
            euros,
        } => {
            let mut m = store.measure(pick(&measures, *measure)?).unwrap()?;
            m.title = pick(&TITLES, *title).unwrap().into();
            m.status = pick(&Status::ALL, *status).unwrap();
            m.approved = Some(Cents(i64::from(*euros) * 100));
            Op::UpdateMeasure { measure: m }
        }
        Step::Delete { measure } => Op::DeleteMeasure {
            id: pick(&measures, *measure)?,
        },
        Step::Link {
            measure,
            goal: g,
            primary,
        } => Op::Link {
            measure: pick(&measures, *measure)?,
            goal: goal(*g),
            primary: *primary,
        },
        Step::Unlink { measure, goal: g } => {
            let measure = pick(&measures, *measure)?;
            let links = store.links_of_measure(measure).unwrap();
            let link = pick(&links, *g)?;
            Op::Unlink {
                measure,
                goal: link.goal,
            }
        }
        Step::MoveGoal { goal: g, under } => Op::MoveGoal {
            id: goal(*g),
            parent: Some(goal(*under)),
            position: 0,
        },
        Step::Visit { .. } => return None,
    })
}

/// Shows a row of the tree with a sort and filter, so the app keeps its rows.
fn visit(app: &mut App, node: u8, sort: u8, status: Option<u8>) {
    let rows = app.tree.len();
    let node = app.tree.node_at(node as usize % rows).unwrap();
    app.tree.select_node(node);
    let mut column = SortColumn::default();
    for _ in 0..sort % 6 {
        column = column.next();
    }
    app.pane.sort = column;
    app.pane.filter.status = status.and_then(|s| pick(&Status::ALL, s));
    app.goal_changed();
}

/// Checks every view the app keeps against the store.
fn assert_matches_store(app: &mut App) {
    let store = app.store();
    let links = LinkIndex::new(&store.links().unwrap());
    let ids = store.measure_ids().unwrap();
    assert_eq!(app.measure_ids, ids, "measure ids");
    for id in &ids {
        assert_eq!(
            app.links.goals_of(*id),
            links.goals_of(*id),
            "links of {id}"
        );
    }
    let tree = &app.tree;
    let counts = links.counts(|g| tree.goal(g).and_then(|g| g.parent));
    for goal in app.tree.goals() {
        assert_eq!(
            app.count(goal.id),
            counts.get(&goal.id).copied().unwrap_or(0),
            "count of {}",
            goal.code
        );
    }
    let orphans: Vec<_> = ids
        .iter()
        .copied()
        .filter(|id| links.goals_of(*id).is_empty())
        .collect();
    assert_eq!(app.orphans, orphans, "orphans");
    let fresh: HashMap<MeasureId, Cached> = store
        .measures()
        .unwrap()
        .into_iter()
        .map(|m| (m.id, Cached::new(m)))
        .collect();
    for (id, cached) in &app.cache {
        assert_eq!(Some(cached), fresh.get(id), "cached row of {id}");
    }
    for ((node, sort, filter), (rows, unfiltered, widths)) in &app.rows_cache {
        let expected = match node {
            Node::Goal(goal) => measures::rows_of(&app.tree.subtree(*goal), &links),
            Node::All => measures::rows_of_all(&ids, &links),
            Node::Orphans => measures::rows_without_goal(&orphans),
        };
        let mut pane = MeasurePane {
            sort: *sort,
            filter: *filter,
            today: app.pane.today,
            ..MeasurePane::default()
        };
        pane.fill_rows(expected, |id| fresh.get(&id), None);
        assert_eq!(
            rows, &pane.rows,
            "rows of {node:?} by {sort:?} with {filter:?}"
        );
        assert_eq!(*unfiltered, pane.unfiltered, "unfiltered count of {node:?}");
        let mut wide = pane.widths;
        wide.widen(widths);
        assert_eq!(&wide, widths, "widths of {node:?} too narrow");
    }
    let _ = ColumnWidths::default();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn changes_taken_in_one_by_one_match_reading_everything(
        steps in proptest::collection::vec(step(), 1..25),
    ) {
        let Fixture { dir: _dir, mut app } = fixture();
        app.prefetch_all();
        // Visit every row once (rows kept), and search (index built).
        for node in 0..app.tree.len() as u8 {
            visit(&mut app, node, node, None);
        }
        let queries = ["les", "e", "ä"];
        for step in &steps {
            if let Step::Visit { node, sort, status } = step {
                visit(&mut app, *node, *sort, *status);
                continue;
            }
            let Some(op) = op_of(step, app.store()) else { continue };
            let Ok(applied) = app.store.apply(op, "ben") else { continue };
            app.refresh(&applied.changes);
            assert_matches_store(&mut app);
            let patched: Vec<_> = queries.iter().map(|q| app.find(q)).collect();
            app.forget_search_index();
            let rebuilt: Vec<_> = queries.iter().map(|q| app.find(q)).collect();
            prop_assert_eq!(patched, rebuilt, "search hits");
        }
    }
}
