use super::*;

fn goal(id: u64, parent: Option<u64>, code: &str, position: u32) -> Goal {
    Goal {
        id: GoalId(id),
        parent: parent.map(GoalId),
        code: code.into(),
        title: format!("Ziel {code}"),
        description: String::new(),
        position,
    }
}

fn sample() -> GoalTree {
    // Z1 (1.1, 1.2), Z2 (2.1)
    GoalTree::new(vec![
        goal(1, None, "Z1", 0),
        goal(2, Some(1), "1.1", 0),
        goal(3, Some(1), "1.2", 1),
        goal(4, None, "Z2", 1),
        goal(5, Some(4), "2.1", 0),
    ])
}

fn codes(tree: &GoalTree) -> Vec<String> {
    tree.rows().map(|r| r.goal.code.clone()).collect()
}

#[test]
fn starts_collapsed_with_the_first_goal_selected() {
    let tree = sample();
    assert_eq!(codes(&tree), ["Z1", "Z2"]);
    assert_eq!(tree.selected().unwrap().code, "Z1");
}

#[test]
fn expand_then_child_then_parent_then_collapse() {
    let mut tree = sample();
    tree.expand_or_child();
    assert_eq!(codes(&tree), ["Z1", "1.1", "1.2", "Z2"]);
    assert_eq!(tree.selected().unwrap().code, "Z1");
    tree.expand_or_child();
    assert_eq!(tree.selected().unwrap().code, "1.1");
    tree.expand_or_child(); // a leaf: nothing happens
    assert_eq!(tree.selected().unwrap().code, "1.1");
    tree.collapse_or_parent();
    assert_eq!(tree.selected().unwrap().code, "Z1");
    tree.collapse_or_parent();
    assert_eq!(codes(&tree), ["Z1", "Z2"]);
}

#[test]
fn select_expands_ancestors_and_moves_stop_at_the_ends() {
    let mut tree = sample();
    tree.select(GoalId(5));
    assert_eq!(codes(&tree), ["Z1", "Z2", "2.1"]);
    assert_eq!(tree.selected().unwrap().code, "2.1");
    tree.move_by(10);
    assert_eq!(tree.selected().unwrap().code, "2.1");
    tree.move_by(-10);
    assert_eq!(
        tree.selected_node(),
        Node::All,
        "the first row is `Alle Maßnahmen`"
    );
    assert!(tree.selected().is_none());
    tree.move_by(1);
    assert_eq!(tree.selected().unwrap().code, "Z1");
    assert_eq!(tree.subtree(GoalId(1)), [GoalId(1), GoalId(2), GoalId(3)]);
}

#[test]
fn replacing_goals_with_fewer_or_none_never_reads_old_rows() {
    let mut tree = sample();
    tree.select(GoalId(5));
    tree.replace_goals(vec![goal(1, None, "Z1", 0)]);
    assert_eq!(tree.selected().unwrap().code, "Z1");
    tree.replace_goals(Vec::new());
    assert!(tree.selected().is_none());
    assert!(tree.is_empty());
}

#[test]
fn replacing_goals_keeps_selection_and_expansion() {
    let mut tree = sample();
    tree.select(GoalId(3));
    let mut goals = tree.goals().to_vec();
    goals.retain(|g| g.id != GoalId(2));
    tree.replace_goals(goals);
    assert_eq!(codes(&tree), ["Z1", "1.2", "Z2"]);
    assert_eq!(tree.selected().unwrap().code, "1.2");
}

#[test]
fn virtual_rows_come_first_and_last_and_survive_changes() {
    let mut tree = sample();
    assert_eq!(tree.len(), 3, "Alle Maßnahmen, Z1, Z2");
    assert_eq!(
        tree.selected_row(),
        1,
        "the first goal is selected at start"
    );
    tree.set_orphans(true);
    assert_eq!(tree.len(), 4);
    tree.select_node(Node::Orphans);
    assert_eq!(tree.selected_node(), Node::Orphans);
    // Expanding a goal above keeps `Ohne Ziel` selected, now further down.
    tree.select(GoalId(5));
    tree.select_node(Node::Orphans);
    assert_eq!(tree.selected_row(), 4);
    let goals = tree.goals().to_vec();
    tree.replace_goals(goals);
    assert_eq!(tree.selected_node(), Node::Orphans);
    // Goal keys do nothing on a virtual row.
    tree.toggle();
    tree.expand_or_child();
    tree.collapse_or_parent();
    assert_eq!(tree.selected_node(), Node::Orphans);
    // When the last measure gets a goal, the row goes and the selection stays in bounds.
    tree.set_orphans(false);
    assert_eq!(tree.selected_node(), Node::Goal(GoalId(5)));
    tree.select_node(Node::All);
    assert_eq!(tree.selected_node(), Node::All);
    let kinds: Vec<&str> = tree
        .all_rows()
        .map(|r| match r {
            Row::All => "all",
            Row::Goal(_) => "goal",
            Row::Orphans => "orphans",
        })
        .collect();
    assert_eq!(kinds, ["all", "goal", "goal", "goal"]);
}
