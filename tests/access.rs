//! Who may use a database, with real processes: by default its owner only (0700/0600, the
//! socket 0600); `quartier serve --group NAME` shares it with an office group (2770/0660, the
//! socket 0660), a shared database stays shared when a server is started again without
//! `--group` (as clients start one), and a user outside the group gets `keine Berechtigung für
//! …` and exit 2. Running clients as other users needs root; without root those tests say
//! that they were skipped.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::bin::{command, served};

/// `quartier --db DB serve ARGS…` in the foreground, as a child.
fn serve(db: &Path, args: &[&str]) -> Child {
    let mut all = vec!["serve"];
    all.extend_from_slice(args);
    command(db, &all)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start quartier serve")
}

/// Runs `quartier --db DB ARGS…` through the database's server and expects success.
fn ok_served(db: &Path, args: &[&str]) -> String {
    let out = served(db, args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Waits until the server of `db` answers.
fn wait_until_served(db: &Path) {
    let begun = Instant::now();
    while !command(db, &["server", "status"])
        .output()
        .unwrap()
        .status
        .success()
    {
        assert!(begun.elapsed() < Duration::from_secs(20), "no server");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Stops the server of `db` and waits until it is gone.
fn stop(db: &Path) {
    let out = command(db, &["server", "stop"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// Kills server children and stops auto-started servers at the end of a test.
struct Cleanup {
    children: Vec<Child>,
    db: PathBuf,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = command(&self.db, &["server", "stop"]).output();
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

fn group(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().gid()
}

/// Every file in `dir` and `dir/blobs` with its mode (drafts and temporaries left out).
fn files_of(dir: &Path) -> Vec<(PathBuf, u32)> {
    let mut found = Vec::new();
    for dir in [dir.to_path_buf(), dir.join("blobs")] {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_file() && !name.starts_with("draft-") {
                found.push((entry.path(), mode(&entry.path())));
            }
        }
    }
    found
}

/// Asserts that the database at `db` is shared with group `gid`: directory 2770, every file
/// and the socket 0660, all of group `gid`.
fn assert_shared(db: &Path, gid: u32) {
    assert_eq!(mode(db), 0o2770, "{}", db.display());
    assert_eq!(group(db), gid);
    let files = files_of(db);
    assert!(files.len() >= 4, "{files:?}");
    for (path, file_mode) in files {
        assert_eq!(file_mode, 0o660, "{}", path.display());
        assert_eq!(group(&path), gid, "{}", path.display());
    }
}

fn add_measure(db: &Path, title: &str) -> String {
    ok_served(db, &["measure", "add", "--title", title, "--goal", "1.1"])
}

#[test]
fn without_group_the_database_directory_files_and_socket_are_the_owners_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut cleanup = Cleanup {
        children: vec![serve(&db, &[])],
        db: db.clone(),
    };
    wait_until_served(&db);
    add_measure(&db, "Kiezfest");
    assert_eq!(mode(&db), 0o700);
    for (path, file_mode) in files_of(&db) {
        assert_eq!(file_mode, 0o600, "{}", path.display());
    }
    let socket = quartier::net::socket::socket_path(&db);
    assert_eq!(mode(&socket), 0o600);
    stop(&db);
    cleanup.children.clear();
}

#[test]
fn serve_group_shares_the_database_and_a_server_started_later_keeps_it_shared() {
    // The user's own primary group: giving a directory to it needs no root.
    let gid = rustix::process::getgid().as_raw();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _cleanup = Cleanup {
        children: vec![serve(&db, &["--group", &gid.to_string()])],
        db: db.clone(),
    };
    wait_until_served(&db);
    add_measure(&db, "Kiezfest");
    assert_shared(&db, gid);
    let socket = quartier::net::socket::socket_path(&db);
    assert_eq!(mode(&socket), 0o660);
    let backups = dir.path().join("backups");
    assert_eq!(mode(&backups), 0o2770);
    for entry in std::fs::read_dir(&backups).unwrap().flatten() {
        assert_eq!(mode(&entry.path()), 0o660, "{}", entry.path().display());
    }
    stop(&db);

    // A client finds no server and starts one (without --group): the database stays shared,
    // files the new server writes included.
    add_measure(&db, "Lesepaten");
    assert_shared(&db, gid);
    assert_eq!(mode(&socket), 0o660);
    let out = ok_served(&db, &["measure", "list"]);
    assert!(
        out.contains("Lesepaten") && out.contains("Kiezfest"),
        "{out}"
    );
}

#[test]
fn an_unknown_group_is_named_and_nothing_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let out = command(&db, &["serve", "--group", "keine-solche-gruppe-xyz"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Die Gruppe keine-solche-gruppe-xyz gibt es nicht"),
        "{stderr}"
    );
    assert!(!db.exists(), "no database created");
}

fn is_root() -> bool {
    rustix::process::getuid().is_root()
}

/// A Unix group made for one test, deleted at its end.
struct TestGroup {
    name: String,
    gid: u32,
}

impl TestGroup {
    /// Creates group `qtest<pid><tag>` (tests run in parallel: each its own tag).
    fn create(tag: &str) -> Option<TestGroup> {
        let name = format!("qtest{}{tag}", std::process::id());
        let made = Command::new("groupadd").arg(&name).status().ok()?;
        if !made.success() {
            return None;
        }
        let line = std::fs::read_to_string("/etc/group")
            .ok()?
            .lines()
            .find(|line| line.starts_with(&format!("{name}:")))?
            .to_string();
        let gid = line.split(':').nth(2)?.parse().ok()?;
        Some(TestGroup { name, gid })
    }
}

impl Drop for TestGroup {
    fn drop(&mut self) {
        let _ = Command::new("groupdel").arg(&self.name).status();
    }
}

/// `quartier --db DB ARGS…` through the server, run as `nobody` with the supplementary
/// groups `groups` (none: `--clear-groups`).
fn as_nobody(db: &Path, groups: Option<u32>, args: &[&str]) -> Option<Output> {
    let mut setpriv = Command::new("setpriv");
    setpriv.args(["--reuid=nobody", "--regid=nogroup"]);
    match groups {
        Some(gid) => setpriv.arg(format!("--groups={gid}")),
        None => setpriv.arg("--clear-groups"),
    };
    let served = served(db, args);
    setpriv.arg(served.get_program()).args(served.get_args());
    for (key, value) in served.get_envs() {
        match value {
            Some(value) => setpriv.env(key, value),
            None => setpriv.env_remove(key),
        };
    }
    setpriv.stdin(Stdio::null()).output().ok()
}

#[test]
fn a_group_member_works_on_a_shared_database_and_an_outsider_gets_the_permission_message() {
    if !is_root() {
        eprintln!("skipped: needs root to create a group and run clients as nobody");
        return;
    }
    let Some(office) = TestGroup::create("m") else {
        eprintln!("skipped: groupadd not available");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Others may pass through the temporary directory; the database decides who gets in.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.path().join("db");
    let _cleanup = Cleanup {
        children: vec![serve(&db, &["--group", &office.name])],
        db: db.clone(),
    };
    wait_until_served(&db);
    assert_shared(&db, office.gid);

    let Some(member) = as_nobody(
        &db,
        Some(office.gid),
        &["measure", "add", "--title", "Von nobody", "--goal", "1.1"],
    ) else {
        eprintln!("skipped: setpriv not available");
        return;
    };
    let stderr = String::from_utf8_lossy(&member.stderr);
    assert!(member.status.success(), "{stderr}");
    let log = ok_served(&db, &["log", "--limit", "1"]);
    assert!(
        log.contains("nobody") && log.contains("Von nobody"),
        "{log}"
    );

    let outsider = as_nobody(&db, None, &["measure", "list"]).unwrap();
    let stderr = String::from_utf8_lossy(&outsider.stderr);
    assert_eq!(outsider.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("keine Berechtigung für"), "{stderr}");

    // No server runs: a member's client starts one, as nobody; it keeps the database shared
    // and writes what it creates for the group.
    stop(&db);
    let started = as_nobody(
        &db,
        Some(office.gid),
        &[
            "measure",
            "add",
            "--title",
            "Zweiter Start",
            "--goal",
            "1.1",
        ],
    )
    .unwrap();
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    let status = ok_served(&db, &["server", "status"]);
    assert!(status.contains("Server pid"), "{status}");
    assert_shared(&db, office.gid);
    let outsider = as_nobody(&db, None, &["measure", "list"]).unwrap();
    assert_eq!(outsider.status.code(), Some(2));
    let log = ok_served(&db, &["log", "--limit", "1"]);
    assert!(
        log.contains("nobody") && log.contains("Zweiter Start"),
        "{log}"
    );
}

#[test]
fn a_user_who_may_not_give_the_directory_to_the_group_is_told_so() {
    if !is_root() {
        eprintln!("skipped: needs root to create a group and run serve as nobody");
        return;
    }
    let Some(office) = TestGroup::create("s") else {
        eprintln!("skipped: groupadd not available");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let db = dir.path().join("db");
    // nobody is not in the group, so the kernel refuses to give the directory to it.
    let served = command(&db, &["serve", "--group", &office.name]);
    let Ok(out) = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
        .arg(served.get_program())
        .args(served.get_args())
        .env("LANG", "de_DE.UTF-8")
        .env_remove("QUARTIER_DB")
        .stdin(Stdio::null())
        .output()
    else {
        eprintln!("skipped: setpriv not available");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "lässt sich nicht für die Gruppe {} freigeben",
            office.name
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("das kann nur root oder der Eigentümer des Verzeichnisses"),
        "{stderr}"
    );
    assert!(!db.exists(), "the directory made for it is gone again");
    assert!(
        !quartier::net::socket::socket_path(&db).exists(),
        "no server"
    );
}
