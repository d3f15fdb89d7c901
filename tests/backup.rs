//! Backups end to end: the daily backup on the first start, `backup`, `restore` as one undoable
//! change, and owner-only file modes.

mod common;

use common::bin::{json_export as export, ok, quartier as run};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_first_start_of_a_day_writes_one_private_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(&db, &["goals"]);
    let backups = dir.path().join("backups");
    let today = chrono::Local::now().date_naive();
    let daily = backups.join(quartier::backup::daily_name(today));
    let first = std::fs::read_to_string(&daily).unwrap();
    assert!(first.contains("\"format\": \"quartier/3\""));
    assert_eq!(mode(&backups), 0o700);
    assert_eq!(mode(&daily), 0o600);
    ok(&db, &["demo-data", "--measures", "3"]);
    assert_eq!(
        std::fs::read_to_string(&daily).unwrap(),
        first,
        "once a day"
    );
    assert_eq!(std::fs::read_dir(&backups).unwrap().count(), 1);
    for entry in std::fs::read_dir(&db).unwrap().flatten() {
        if entry.file_type().unwrap().is_file() {
            assert_eq!(mode(&entry.path()), 0o600, "{:?}", entry.path());
        }
    }
    assert_eq!(mode(&db), 0o700);
}

#[test]
fn restore_replaces_everything_as_one_undoable_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(&db, &["demo-data", "--measures", "25"]);
    let file = dir.path().join("stand.json");
    let out = ok(&db, &["backup", "-o", file.to_str().unwrap()]);
    assert!(out.contains("Sicherung geschrieben"), "{out}");
    assert_eq!(mode(&file), 0o600);
    let saved = export(&db);
    ok(&db, &["measure", "delete", "4"]);
    ok(
        &db,
        &[
            "goal",
            "add",
            "--parent",
            "Z2",
            "--title",
            "Später dazugekommen",
        ],
    );
    ok(&db, &["goal", "edit", "1.1", "--title", "Umbenannt"]);
    let changed = export(&db);
    // Without a terminal and without --yes nothing happens.
    let refused = run(&db, &["restore", file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));
    assert_eq!(export(&db), changed);
    let out = ok(&db, &["restore", "--yes", file.to_str().unwrap()]);
    assert!(out.contains("25 Maßnahmen"), "{out}");
    assert_eq!(export(&db), saved);
    ok(&db, &["undo"]);
    assert_eq!(export(&db), changed);
    ok(&db, &["redo"]);
    assert_eq!(export(&db), saved);
    assert!(ok(&db, &["check"]).contains("in Ordnung") || run(&db, &["check"]).status.success());
}

#[test]
fn backup_never_overwrites_and_a_broken_backup_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(&db, &["demo-data", "--measures", "5"]);
    let file = dir.path().join("b.json");
    std::fs::write(&file, "alt").unwrap();
    let out = run(&db, &["backup", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "alt");
    let before = export(&db);
    std::fs::write(
        &file,
        "{\"format\": \"quartier/1\", \"measures\": [{\"title\": 5}]}",
    )
    .unwrap();
    let out = run(&db, &["restore", "--yes", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("b.json:1"));
    assert_eq!(export(&db), before);
    // On-demand backups go next to the database by default.
    let out = ok(&db, &["backup"]);
    assert!(out.contains("backups/quartier-"), "{out}");
}
