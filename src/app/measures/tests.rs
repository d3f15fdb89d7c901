use super::*;
use crate::model::Link;
use chrono::NaiveDate;

fn measure(id: u64, title: &str) -> Measure {
    let mut m = Measure::new(title);
    m.id = MeasureId(id);
    m
}

fn link(m: u64, g: u64, primary: bool) -> Link {
    Link {
        measure: MeasureId(m),
        goal: GoalId(g),
        primary,
    }
}

#[test]
fn a_measure_linked_twice_in_a_subtree_shows_once_through_its_primary_goal() {
    let links = LinkIndex::new(&[link(1, 2, false), link(1, 3, true), link(2, 2, true)]);
    let measures = [
        Cached::new(measure(1, "Beta")),
        Cached::new(measure(2, "alpha")),
    ];
    let mut pane = MeasurePane::default();
    pane.fill(&[GoalId(1), GoalId(2), GoalId(3)], &links, |id| {
        measures.iter().find(|m| m.id == id)
    });
    assert_eq!(pane.rows.len(), 2);
    assert_eq!(pane.rows[0].id, MeasureId(2), "sorted by title");
    assert_eq!(pane.rows[1].via, Some(GoalId(3)));
    assert!(pane.rows[1].primary);
    assert_eq!(links.count_in(&[GoalId(1), GoalId(2), GoalId(3)]), 2);
    // Goals 2 and 3 are children of 1.
    let parent = |g: GoalId| (g != GoalId(1)).then_some(GoalId(1));
    let counts = links.counts(parent);
    assert_eq!(counts[&GoalId(1)], 2);
    assert_eq!(counts[&GoalId(2)], 2);
    assert_eq!(counts[&GoalId(3)], 1);
    assert_eq!(
        links.goals_of(MeasureId(1)),
        [(GoalId(3), true), (GoalId(2), false)]
    );
    assert_eq!(links.goals_of(MeasureId(9)), []);
}

#[test]
fn filter_by_year_status_and_fund() {
    let mut m = measure(1, "x");
    m.start = NaiveDate::from_ymd_opt(2025, 3, 1);
    m.end = NaiveDate::from_ymd_opt(2026, 2, 28);
    m.fund = Some(Fund::Projektfonds);
    let m = Cached::new(m);
    let mut filter = Filter {
        year: Some(2026),
        ..Filter::default()
    };
    assert!(filter.matches(&m));
    filter.year = Some(2027);
    assert!(!filter.matches(&m));
    filter.year = None;
    filter.fund = Some(Fund::Aktionsfonds);
    assert!(!filter.matches(&m));
    filter.fund = Some(Fund::Projektfonds);
    filter.status = Some(m.status);
    assert!(filter.matches(&m));
}
