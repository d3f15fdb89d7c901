//! Descriptions of ops and history entries in both languages.

use super::*;
use crate::model::{Goal, MeasureId};

fn measure(id: u64, title: &str) -> Measure {
    let mut m = Measure::new(title);
    m.id = MeasureId(id);
    m
}

fn goal(id: u64, code: &str, title: &str) -> Goal {
    Goal {
        id: GoalId(id),
        parent: None,
        code: code.into(),
        title: title.into(),
        description: String::new(),
        position: 0,
    }
}

#[test]
fn undo_and_redo_name_the_users_action_not_the_inverse() {
    let delete = Op::DeleteMeasure { id: MeasureId(10) };
    let mut names = Names::default();
    names.learn(&Op::AddMeasure {
        measure: measure(10, "Kiezfest"),
        goals: vec![],
    });
    let undo = EntryKind::Undo { of: 1 };
    let redo = EntryKind::Redo { of: 1 };
    let de = |kind| describe_entry(kind, &delete, Lang::De, &names);
    assert_eq!(de(EntryKind::Do), "M-0010 „Kiezfest“ gelöscht");
    assert_eq!(de(undo), "Löschen von M-0010 „Kiezfest“ rückgängig gemacht");
    assert_eq!(de(redo), "Löschen von M-0010 „Kiezfest“ wiederholt");
    assert_eq!(
        describe_entry(undo, &delete, Lang::En, &names),
        "Undone: delete M-0010 \"Kiezfest\""
    );
    let unlink = Op::Unlink {
        measure: MeasureId(10),
        goal: GoalId(50),
    };
    let names = {
        let mut n = names.clone();
        n.learn(&Op::RestoreGoals {
            goals: vec![goal(50, "8.3", "Nachbarschaft")],
            links: vec![],
        });
        n
    };
    assert_eq!(
        describe_entry(undo, &unlink, Lang::De, &names),
        "Lösen der Verknüpfung M-0010 „Kiezfest“ ↔ Ziel 8.3 rückgängig gemacht"
    );
}

#[test]
fn a_deleted_goal_is_named_by_what_its_entry_remembers() {
    let mut names = Names::default();
    names.learn(&Op::RestoreGoals {
        goals: vec![goal(50, "Z5", "Wohnumfeld")],
        links: vec![],
    });
    let op = Op::DeleteGoal {
        id: GoalId(50),
        force: true,
    };
    assert_eq!(
        describe_entry(EntryKind::Do, &op, Lang::De, &names),
        "Ziel Z5 „Wohnumfeld“ gelöscht"
    );
    // Nobody remembers goal 51: its id is all there is.
    let op = Op::DeleteGoal {
        id: GoalId(51),
        force: false,
    };
    assert_eq!(
        describe_entry(EntryKind::Do, &op, Lang::De, &names),
        "Ziel #51 gelöscht"
    );
}

#[test]
fn an_import_is_summarised_with_its_file() {
    let ops = vec![
        Op::AddMeasure {
            measure: measure(1, "a"),
            goals: vec![],
        },
        Op::UpdateMeasure {
            measure: measure(2, "b"),
        },
        Op::UpdateMeasure {
            measure: measure(3, "c"),
        },
        Op::AddGoal {
            goal: goal(9, "Z9", "neu"),
        },
    ];
    let import = Op::labeled(
        Label::Import {
            file: "massnahmen.csv".into(),
        },
        ops.clone(),
    );
    let names = Names::default();
    assert_eq!(
        describe_entry(EntryKind::Do, &import, Lang::De, &names),
        "Import aus massnahmen.csv: 1 neu, 2 geändert, 1 Ziel neu"
    );
    assert_eq!(
        describe_entry(EntryKind::Undo { of: 1 }, &import, Lang::De, &names),
        "Import aus massnahmen.csv (1 neu, 2 geändert, 1 Ziel neu) rückgängig gemacht"
    );
    assert_eq!(
        describe_entry(EntryKind::Do, &import, Lang::En, &names),
        "import from massnahmen.csv: 1 new, 2 changed, 1 goal added"
    );
    assert_eq!(
        describe_entry(EntryKind::Do, &Op::Batch { ops }, Lang::De, &names),
        "Mehrere Änderungen: 1 neu, 2 geändert, 1 Ziel neu"
    );
}

#[test]
fn titles_with_control_characters_are_sanitised() {
    let op = Op::AddMeasure {
        measure: measure(1, "a\u{1b}[2Jb"),
        goals: vec![],
    };
    let text = describe_entry(EntryKind::Do, &op, Lang::De, &Names::default());
    assert!(!text.contains('\u{1b}'), "{text:?}");
}
