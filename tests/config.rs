//! The config file through the real binary: `config --check` names file, line and reason and
//! exits 1; a bad file never stops a command, which runs with the defaults for the bad part;
//! `config --print-default` checks clean; the file's database, language and display name count.

mod common;

use std::path::Path;

use common::bin::{command, ok};

fn write(dir: &Path, text: &str) -> String {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn check_names_file_line_and_reason_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = write(
        dir.path(),
        "lang = \"en\"\nmouse = 3\n[keys]\ndelet = [\"x\"]\n[keys.tree]\ndelete = [\"x\"]\n",
    );
    let out = command(&db, &["--config", &file, "config", "--check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with(&format!("{file}:2: `mouse` must be boolean")),
        "{text}"
    );
    assert!(
        lines[1].starts_with(&format!("{file}:4: unknown action `delet`")),
        "{text}"
    );
    assert!(
        lines[2].starts_with(&format!("{file}:6: key x for `delete`")),
        "{text}"
    );
    assert!(lines[2].contains("`export`"), "{text}");
    assert!(lines[3].contains("3 problems"), "{text}");
    assert!(!db.exists(), "checking opens no database");
}

#[test]
fn a_bad_file_does_not_stop_a_command_and_its_good_parts_count() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("configured-db");
    let file = write(
        dir.path(),
        &format!(
            "database = {:?}\nlang = \"en\"\ndisplay_name = \"anna\"\ncolour = 1\n[theme\n",
            db.display()
        ),
    );
    // Broken TOML: all defaults, the command runs, stderr says why.
    let mut run = std::process::Command::new(env!("CARGO_BIN_EXE_quartier"));
    let out = run
        .args(["--config", &file, "measure", "add", "--title", "Kiezfest"])
        .env("QUARTIER_NO_SERVER", "1")
        .env("QUARTIER_DB", dir.path().join("env-db"))
        .env("LANG", "de_DE.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{file}:5: kein gültiges TOML")),
        "{stderr}"
    );
    assert!(dir.path().join("env-db").exists());

    // A good file with one bad key: database, language and name are taken.
    let file = write(
        dir.path(),
        &format!(
            "database = {:?}\nlang = \"en\"\ndisplay_name = \"anna\"\ncolour = 1\n",
            db.display()
        ),
    );
    let mut run = std::process::Command::new(env!("CARGO_BIN_EXE_quartier"));
    let out = run
        .args(["--config", &file, "measure", "add", "--title", "Kiezfest"])
        .env("QUARTIER_NO_SERVER", "1")
        .env_remove("QUARTIER_DB")
        .env("LANG", "de_DE.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{file}:4: unknown key `colour`")),
        "{stderr}"
    );
    assert!(stderr.contains("New database created"), "English: {stderr}");
    assert!(db.exists(), "the configured database");
    // The display name is sent to the server with each change, like --as.
    let out = common::bin::served(
        &db,
        &["--config", &file, "measure", "add", "--title", "Fest"],
    )
    .output()
    .unwrap();
    assert!(out.status.success(), "{out:?}");
    let log = common::bin::served(&db, &["log"]).output().unwrap();
    let log = String::from_utf8_lossy(&log.stdout).into_owned();
    let _ = common::bin::served(&db, &["server", "stop"]).output();
    assert!(log.contains("anna (über"), "{log}");
}

#[test]
fn the_printed_default_file_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let text = ok(&db, &["config", "--print-default"]);
    assert!(text.contains("#[keys.measures]"), "{text}");
    assert!(text.contains("#delete = [\"d\"]"), "{text}");
    let file = write(dir.path(), &text);
    let out = ok(&db, &["--config", &file, "config", "--check"]);
    assert_eq!(out, format!("{file}: in Ordnung\n"));
    let missing = dir.path().join("none.toml");
    let out = ok(
        &db,
        &["--config", &missing.to_string_lossy(), "config", "--check"],
    );
    assert!(out.contains("keine Konfigurationsdatei"), "{out}");
}
