//! Schema 2 → 3 (and 1 → 3): schemas 1 and 2 had one undo and one redo stack for everyone;
//! schema 3 has a pair per actor, rebuilt by the migration from the history so that each user's undo
//! and redo go on where they stood.

mod common;

use std::path::Path;

use common::*;
use quartier::model::MeasureId;
use quartier::ops::{EntryKind, Op};
use quartier::store::keys::{TreeName, history_key, meta};
use quartier::store::migrate::Prepared;
use quartier::store::{Store, StoreError, codec};

/// Format byte of meta values and history entries in schemas 1 and 2.
const FORMAT: u8 = 1;

fn retitle(store: &mut Store, actor: &str, id: MeasureId, title: &str) {
    let measure = renamed(id, title);
    store.apply(Op::UpdateMeasure { measure }, actor).unwrap();
}

fn title(store: &Store, id: MeasureId) -> String {
    store.measure(id).unwrap().unwrap().title
}

/// Rewrites a database into the schema-1 layout: every entry's `link` threads one global undo
/// and redo stack (schema 1's rules: a new change clears the redo stack of everyone), the
/// global tops in meta, no per-actor tops, schema version 1.
fn downgrade_to_schema_1(store: &Store) {
    let entries: Vec<_> = store.history(1000).unwrap().into_iter().rev().collect();
    let (mut undo_top, mut redo_top) = (0u64, 0u64);
    let mut links = std::collections::HashMap::new();
    for mut entry in entries {
        let link = match entry.kind {
            EntryKind::Do => {
                let link = undo_top;
                (undo_top, redo_top) = (entry.seq, 0);
                link
            }
            EntryKind::Undo { of } => {
                let link = redo_top;
                (undo_top, redo_top) = (links[&of], entry.seq);
                link
            }
            EntryKind::Redo { .. } => {
                let link = undo_top;
                (undo_top, redo_top) = (entry.seq, links[&redo_top]);
                link
            }
        };
        links.insert(entry.seq, link);
        entry.link = link;
        let bytes = codec::encode(FORMAT, &entry);
        store
            .raw_insert(TreeName::History, &history_key(entry.seq), &bytes)
            .unwrap();
    }
    let raw_meta = |key: &[u8], value: u64| {
        store
            .raw_insert(TreeName::Meta, key, &codec::encode(FORMAT, &value))
            .unwrap()
    };
    raw_meta(meta::UNDO_TOP, undo_top);
    raw_meta(meta::REDO_TOP, redo_top);
    for actor in ["anna", "ben"] {
        raw_meta(&meta::undo_top(actor), 0);
        raw_meta(&meta::redo_top(actor), 0);
    }
    raw_meta(meta::SCHEMA_VERSION, 1);
}

#[test]
fn a_mixed_history_becomes_one_pair_of_stacks_per_user() {
    let (_dir, mut store) = fresh();
    let m1 = add_measure(&mut store, "Eins", &["1.1"]); // 1 tester
    let m2 = add_measure(&mut store, "Zwei", &["1.2"]); // 2 tester
    retitle(&mut store, "anna", m1, "Anna 1"); // 3
    retitle(&mut store, "ben", m2, "Ben 1"); // 4
    retitle(&mut store, "anna", m1, "Anna 2"); // 5
    store.undo("anna").unwrap(); // 6: undo of 5
    retitle(&mut store, "ben", m2, "Ben 2"); // 7
    store.undo("ben").unwrap(); // 8: undo of 7
    store.undo("ben").unwrap(); // 9: undo of 4 …
    // … which schema 1 let anna make: the newest change of all was ben's 4.
    let mut nine = store.entry(9).unwrap().unwrap();
    assert_eq!(nine.kind, EntryKind::Undo { of: 4 });
    nine.user = "anna".into();
    store
        .raw_insert(
            TreeName::History,
            &history_key(9),
            &codec::encode(FORMAT, &nine),
        )
        .unwrap();
    downgrade_to_schema_1(&store);
    assert_eq!(
        store.entry(9).unwrap().unwrap().link,
        8,
        "threaded globally"
    );
    assert_eq!(
        (title(&store, m1), title(&store, m2)),
        ("Anna 1".into(), "Zwei".into())
    );

    let mut store = reopen(store);
    assert_eq!(store.prepared(), &Prepared::Migrated { from: 1 });
    assert_eq!(store.check(), []);
    let links: Vec<u64> = (1..=9)
        .map(|seq| store.entry(seq).unwrap().unwrap().link)
        .collect();
    // tester 1←2; anna 3←5, undo 6; ben 4←7, undo 8←9 (anna's undo of ben's 4 is ben's).
    assert_eq!(links, [0, 1, 0, 0, 3, 0, 4, 0, 8]);

    // Anna: her 3 to undo, her undone 5 to redo; nothing of ben's.
    assert!(store.can_undo("anna").unwrap() && store.can_redo("anna").unwrap());
    // Ben: nothing left to undo (4 was undone), 4 and then 7 to redo.
    assert!(!store.can_undo("ben").unwrap() && store.can_redo("ben").unwrap());
    assert!(matches!(store.undo("ben"), Err(StoreError::NothingToUndo)));
    store.redo("ben").unwrap();
    assert_eq!(title(&store, m2), "Ben 1");
    store.redo("ben").unwrap();
    assert_eq!(title(&store, m2), "Ben 2");
    assert!(matches!(store.redo("ben"), Err(StoreError::NothingToRedo)));
    store.undo("anna").unwrap();
    assert_eq!(title(&store, m1), "Eins");
    assert!(matches!(store.undo("anna"), Err(StoreError::NothingToUndo)));
    assert_eq!(
        title(&store, m2),
        "Ben 2",
        "anna's undo left ben's changes alone"
    );
    // The migration runs once.
    let store = reopen(store);
    assert_eq!(store.prepared(), &Prepared::Current);
    assert_eq!(store.check(), []);
}

#[test]
fn a_single_users_history_keeps_its_links_and_only_moves_the_tops() {
    let (_dir, mut store) = fresh();
    let m1 = add_measure(&mut store, "Eins", &["1.1"]);
    retitle(&mut store, USER, m1, "Zweiter");
    retitle(&mut store, USER, m1, "Dritter");
    store.undo(USER).unwrap();
    let before: Vec<_> = store.history(10).unwrap();
    downgrade_to_schema_1(&store);
    assert_eq!(
        store.history(10).unwrap(),
        before,
        "one user: the same links"
    );

    let mut store = reopen(store);
    assert_eq!(store.prepared(), &Prepared::Migrated { from: 1 });
    assert_eq!(store.history(10).unwrap(), before);
    assert!(!store.can_undo("anna").unwrap());
    store.redo(USER).unwrap();
    assert_eq!(title(&store, m1), "Dritter");
    store.undo(USER).unwrap();
    store.undo(USER).unwrap();
    store.undo(USER).unwrap();
    assert!(store.measure(m1).unwrap().is_none());
    assert!(matches!(store.undo(USER), Err(StoreError::NothingToUndo)));
}

/// Copies a database directory without quartier's lock file.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() == "quartier.lock" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_schema_1_fixture_keeps_its_users_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-1");
    copy_dir(&fixture, &path);
    let mut store = open(&path);
    assert_eq!(store.prepared(), &Prepared::Migrated { from: 1 });
    // 14 changes by `fixture`, then the undo of the 14th: one user, one thread.
    let links: Vec<u64> = (1..=15)
        .map(|seq| store.entry(seq).unwrap().unwrap().link)
        .collect();
    let mut expected: Vec<u64> = (0..14).collect();
    expected.push(0);
    assert_eq!(links, expected);
    assert!(store.can_undo("fixture").unwrap() && store.can_redo("fixture").unwrap());
    assert!(!store.can_undo(USER).unwrap() && !store.can_redo(USER).unwrap());
    assert!(matches!(store.undo(USER), Err(StoreError::NothingToUndo)));
    for _ in 0..13 {
        store.undo("fixture").unwrap();
    }
    assert!(matches!(
        store.undo("fixture"),
        Err(StoreError::NothingToUndo)
    ));
    assert_eq!(store.check(), []);
}
