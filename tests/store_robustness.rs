//! What a real sled database may hold besides good data: a newer schema, corrupt records, the
//! schema-0 prototype layout, and a second process wanting the same database.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use quartier::model::{Cents, Fund, Measure, MeasureId, Status};
use quartier::store::keys::TreeName;
use quartier::store::migrate::{MeasureV0, Prepared};
use quartier::store::{Inconsistency, Store, StoreError, codec};

/// Env vars telling the child-process helper which database to try, and whether to wait for
/// the parent's sled handle to wind down (see `common::open_after_close`).
const CHILD_PATH_VAR: &str = "QUARTIER_TEST_LOCKED_PATH";
const CHILD_WAIT_VAR: &str = "QUARTIER_TEST_CHILD_WAIT";

/// Opens a database this process closed before, expecting an error.
fn open_err(path: &Path) -> StoreError {
    match open_after_close(path) {
        Ok(_) => panic!("opening {} should fail", path.display()),
        Err(e) => e,
    }
}

fn assert_corrupt(result: Result<impl std::fmt::Debug, StoreError>, tree: &str, key: &str) {
    match result {
        Err(StoreError::Corrupt {
            tree: t,
            key: k,
            reason,
        }) => {
            assert_eq!((t, k.as_str()), (tree, key), "reason: {reason}");
            assert!(!reason.is_empty());
        }
        other => panic!("expected Corrupt in {tree}/{key}, got {other:?}"),
    }
}

fn names_record(problems: &[Inconsistency], tree: &str, key: &str) -> bool {
    problems.iter().any(
        |p| matches!(p, Inconsistency::Corrupt { tree: t, key: k, .. } if *t == tree && k == key),
    )
}

#[test]
fn newer_schema_is_refused_and_releases_the_database() {
    let (_dir, store) = fresh();
    let path = store.path().to_path_buf();
    store
        .raw_insert(TreeName::Meta, b"schema_version", &codec::encode(1, &99u64))
        .unwrap();
    drop(store);
    for attempt in 0..2 {
        match open_err(&path) {
            StoreError::SchemaTooNew { found, supported } => {
                assert_eq!((found, supported), (99, 2), "attempt {attempt}")
            }
            other => panic!("attempt {attempt}: expected SchemaTooNew, got {other:?}"),
        }
    }
}

#[test]
fn corrupt_schema_version_is_an_error_naming_it() {
    let (_dir, store) = fresh();
    let path = store.path().to_path_buf();
    store
        .raw_insert(TreeName::Meta, b"schema_version", b"zz")
        .unwrap();
    drop(store);
    match open_err(&path) {
        StoreError::Corrupt { tree, key, .. } => {
            assert_eq!((tree, key.as_str()), ("meta", "schema_version"))
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn check_names_a_malformed_link_key() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "M", &["1.3"]);
    let mut key = m.0.to_be_bytes().to_vec();
    key.extend([0, 0, 0, 9]);
    store
        .raw_insert(TreeName::LinksByMeasure, &key, &codec::encode(1, &false))
        .unwrap();
    let shown = format!("{key:02x?}");
    assert_corrupt(store.links_of_measure(m), "links_by_measure", &shown);
    let problems = store.check();
    assert!(
        names_record(&problems, "links_by_measure", &shown),
        "{problems:?}"
    );
}

#[test]
fn corrupt_measure_is_reported_with_tree_and_key() {
    let (_dir, mut store) = fresh();
    let good = add_measure(&mut store, "Gut", &["1.1"]);
    store
        .raw_insert(
            TreeName::Measures,
            &7u64.to_be_bytes(),
            b"\x01\xff\xff\xff garbage",
        )
        .unwrap();
    assert_corrupt(store.measure(MeasureId(7)), "measures", "7");
    assert_corrupt(store.measures(), "measures", "7");
    assert_eq!(store.measure(good).unwrap().unwrap().title, "Gut");
    let problems = store.check();
    assert!(names_record(&problems, "measures", "7"), "{problems:?}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(shown[0].starts_with("measures/7: "), "{shown:?}");

    // The database still opens; the record stays reported after a restart.
    let store = reopen(store);
    assert_corrupt(store.measure(MeasureId(7)), "measures", "7");
    assert!(names_record(&store.check(), "measures", "7"));
}

#[test]
fn other_corrupt_records_are_named_too() {
    let (_dir, mut store) = fresh();
    let m = add_measure(&mut store, "M", &["1.1"]);
    // A record of the current version but cut short.
    let mut truncated = quartier::store::encode_measure(1, &Measure::new("abgeschnitten"));
    truncated.truncate(truncated.len() - 3);
    let raw = |tree, key: &[u8], value: &[u8]| store.raw_insert(tree, key, value).unwrap();
    raw(TreeName::Measures, &9u64.to_be_bytes(), &truncated);
    // A good record under the wrong key.
    let moved = quartier::store::encode_measure(1, &renamed(MeasureId(8), "falscher Schlüssel"));
    raw(TreeName::Measures, &10u64.to_be_bytes(), &moved);
    raw(TreeName::History, &1u64.to_be_bytes(), b"");
    raw(TreeName::Meta, b"undo_top", b"\x07");
    assert_corrupt(store.measure(MeasureId(9)), "measures", "9");
    assert_corrupt(store.history(5), "history", "1");
    assert_corrupt(store.undo(USER), "meta", "undo_top");
    let problems = store.check();
    for (tree, key) in [
        ("measures", "9"),
        ("measures", "10"),
        ("history", "1"),
        ("meta", "undo_top"),
    ] {
        assert!(
            names_record(&problems, tree, key),
            "{tree}/{key} not in {problems:?}"
        );
    }
    assert_eq!(measure_links(&store, m), ["1.1*"]);
}

#[test]
fn schema_0_database_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alt");
    let old = MeasureV0 {
        id: MeasureId(5),
        title: "Nachbarschaftsgarten".into(),
        description: "aus dem Prototyp".into(),
        organisation: "Gartenverein".into(),
        fund: Some(Fund::Baufonds),
        approved: Some(Cents(420_000)),
        start: date(2024, 4, 1),
        end: date(2025, 3, 31),
        status: Status::Abgeschlossen,
        notes: "alte Notiz".into(),
    };
    {
        let db = sled::open(&path).unwrap();
        let measures = db.open_tree("measures").unwrap();
        measures
            .insert(5u64.to_be_bytes(), codec::encode(0, &old))
            .unwrap();
        db.flush().unwrap();
    }
    let mut store = open(&path);
    assert_eq!(store.prepared(), &Prepared::Migrated { from: 0 });
    let back = store
        .measure(MeasureId(5))
        .unwrap()
        .expect("migrated measure");
    let expected = Measure {
        id: MeasureId(5),
        description: "aus dem Prototyp".into(),
        organisation: "Gartenverein".into(),
        fund: Some(Fund::Baufonds),
        approved: Some(Cents(420_000)),
        start: date(2024, 4, 1),
        end: date(2025, 3, 31),
        status: Status::Abgeschlossen,
        notes: "alte Notiz".into(),
        ..Measure::new("Nachbarschaftsgarten")
    };
    assert_eq!(back, expected);
    assert!(back.contact.is_empty() && back.requested.is_none() && back.cofunding.is_none());
    assert!(back.target_groups.is_empty() && back.indicators.is_empty());
    assert_eq!(store.check(), []);
    assert_eq!(add_measure(&mut store, "Neu", &[]), MeasureId(6));

    let store = reopen(store);
    assert_eq!(store.prepared(), &Prepared::Current);
    assert_eq!(store.measure(MeasureId(5)).unwrap(), Some(expected));
    assert_eq!(store.measures().unwrap().len(), 2);
}

#[test]
fn second_open_in_same_process_is_locked() {
    let (_dir, store) = fresh();
    let path = store.path().to_path_buf();
    match Store::open(&path) {
        Err(StoreError::Locked(p)) => assert_eq!(p, path),
        other => panic!("expected Locked, got {:?}", other.map(|_| "a store")),
    }
    // The refused open must not have disturbed the holder.
    let mut store = store;
    add_measure(&mut store, "noch da", &[]);
    drop(store);
    let store = open(&path);
    assert_eq!(store.measures().unwrap().len(), 1);
}

#[test]
fn second_process_is_locked_out_until_the_holder_closes() {
    let (_dir, store) = fresh();
    let path = store.path().to_path_buf();
    let run_child = |wait: &str| {
        let output = Command::new(std::env::current_exe().unwrap())
            .args(["child_tries_to_open", "--exact", "--ignored", "--nocapture"])
            .env(CHILD_PATH_VAR, &path)
            .env(CHILD_WAIT_VAR, wait)
            .output()
            .expect("run child test process");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(output.status.success(), "child failed: {stdout}");
        assert!(
            stdout.contains("1 passed"),
            "child test did not run: {stdout}"
        );
        stdout
    };
    let held = run_child("no");
    assert!(held.contains("child open: Locked"), "{held}");
    drop(store);
    let free = run_child("yes");
    assert!(free.contains("child open: ok"), "{free}");
}

/// Not a test of its own: run by `second_process_is_locked_out_until_the_holder_closes` in a
/// child process, it reports what opening the database there gives.
#[test]
#[ignore = "helper, run in a child process"]
fn child_tries_to_open() {
    let path = std::env::var_os(CHILD_PATH_VAR).expect("only run by the parent test");
    let path = Path::new(&path);
    let wait = std::env::var(CHILD_WAIT_VAR).is_ok_and(|w| w == "yes");
    let result = if wait {
        open_after_close(path)
    } else {
        Store::open(path)
    };
    match result {
        Ok(_) => println!("child open: ok"),
        Err(StoreError::Locked(_)) => println!("child open: Locked"),
        Err(other) => panic!("unexpected error in child: {other:?}"),
    }
}

#[test]
fn reopen_right_after_close_is_not_locked() {
    let (_dir, mut store) = fresh();
    let path = store.path().to_path_buf();
    for i in 0..1000 {
        add_measure(&mut store, &format!("M{i}"), &[]);
        drop(store);
        store = match Store::open(&path) {
            Ok(store) => store,
            Err(e) => panic!("reopen {i} after close: {e:?}"),
        };
    }
}

#[test]
fn ids_beyond_the_range_are_refused_and_counters_never_overflow() {
    let (_dir, mut store) = fresh();
    let z1 = gid(&store, "Z1");
    let before = store.next_ids().unwrap();
    let huge = add_op(renamed(MeasureId(u64::MAX), "Riesig"), vec![z1]);
    assert!(matches!(
        refused(&mut store, huge),
        StoreError::IdOutOfRange { id: u64::MAX, .. }
    ));
    assert_eq!(store.next_ids().unwrap(), before, "nothing changed");
    // The largest allowed id is taken; the next added measure is then refused, not wrapped.
    let top = quartier::store::MAX_ID;
    apply(
        &mut store,
        add_op(renamed(MeasureId(top), "Oben"), vec![z1]),
    );
    assert!(store.check().is_empty(), "{:?}", store.check());
    assert!(matches!(
        refused(&mut store, add_op(renamed(MeasureId(0), "Neu"), vec![z1])),
        StoreError::IdOutOfRange { .. }
    ));
    assert!(store.check().is_empty());
}
