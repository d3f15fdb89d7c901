//! `quartier undo` and `redo` through the server with two users (`--as`): each undoes only
//! their own changes, and an undo over a colleague's later change of the same measure is
//! refused with exit 1 unless `--force`.

mod common;

use std::path::Path;
use std::process::Output;

use common::bin::{command, served};

fn run(db: &Path, who: &str, args: &[&str]) -> Output {
    let mut all = vec!["--as", who];
    all.extend_from_slice(args);
    served(db, &all).output().expect("run quartier")
}

fn ok(db: &Path, who: &str, args: &[&str]) -> String {
    let out = run(db, who, args);
    assert!(
        out.status.success(),
        "{who} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The titles of all measures, by id.
fn titles(db: &Path) -> Vec<String> {
    let json = ok(db, "Anna", &["measure", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap().to_string())
        .collect()
}

/// Stops the server of a database when the test ends, also on failure.
struct StopOnDrop<'a>(&'a Path);
impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        let _ = command(self.0, &["server", "stop"]).output();
    }
}

#[test]
fn each_user_undoes_their_own_change_and_is_asked_before_overwriting_a_colleagues() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _stop = StopOnDrop(&db);
    let add = |who: &str, title: &str, goal: &str| {
        ok(
            &db,
            who,
            &["measure", "add", "--title", title, "--goal", goal],
        );
    };
    add("Anna", "Von Anna", "1.1");
    add("Ben", "Von Ben", "1.2");

    let said = ok(&db, "Anna", &["undo"]);
    assert!(said.contains("M-0001"), "{said}");
    assert_eq!(
        titles(&db),
        ["Von Ben"],
        "Anna's undo left Ben's measure alone"
    );
    ok(&db, "Ben", &["undo"]);
    assert!(titles(&db).is_empty());
    let nothing = run(&db, "Ben", &["undo"]);
    assert_eq!(nothing.status.code(), Some(1));
    ok(&db, "Anna", &["redo"]);
    assert_eq!(titles(&db), ["Von Anna"]);

    ok(
        &db,
        "Ben",
        &["measure", "edit", "1", "--title", "Ben war hier"],
    );
    let refused = run(&db, "Anna", &["undo"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Ben (über "), "{stderr}");
    assert!(
        stderr.contains(") hat M-0001 danach geändert ("),
        "{stderr}"
    );
    assert!(stderr.contains("quartier undo --force"), "{stderr}");
    assert_eq!(titles(&db), ["Ben war hier"], "refused: nothing changed");

    let said = ok(&db, "Anna", &["undo", "--force"]);
    assert!(said.contains("rückgängig gemacht"), "{said}");
    assert!(titles(&db).is_empty());
}
