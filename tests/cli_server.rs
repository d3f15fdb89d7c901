//! The command line through the database's server: the same output as in-process, many
//! processes writing at once, the Unix user in the history whatever the client says, and
//! `--no-server` next to a running server.

mod common;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use common::bin::{command, served};

fn run_served(db: &Path, args: &[&str]) -> Output {
    served(db, args).output().expect("run quartier")
}

fn stop(db: &Path) {
    let _ = command(db, &["server", "stop"]).output();
}

/// Stops the server of a database when the test ends, also on failure.
struct StopOnDrop<'a>(&'a Path);
impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        stop(self.0);
    }
}

/// What a command printed, without what differs by nature: times, the new-database notice, and
/// clap naming `--no-server` in a usage line when `QUARTIER_NO_SERVER` set it.
fn comparable(out: &Output) -> (Option<i32>, String, String) {
    let strip = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .filter(|l| !l.starts_with("Neue Datenbank angelegt"))
            .map(|l| {
                l.split("  ")
                    .filter(|part| !part.starts_with("2026-") && !part.contains("exported_at"))
                    .collect::<Vec<_>>()
                    .join("  ")
            })
            .collect::<Vec<_>>()
            .join("\n")
            .replace(" --no-server", "")
    };
    (out.status.code(), strip(&out.stdout), strip(&out.stderr))
}

#[test]
fn every_command_prints_through_the_server_what_it_prints_in_process() {
    let dir = tempfile::tempdir().unwrap();
    let through = dir.path().join("served");
    let local = dir.path().join("local");
    let _stop = StopOnDrop(&through);
    let script: &[&[&str]] = &[
        &["goals"],
        &[
            "measure",
            "add",
            "--title",
            "Kiezfest",
            "--fund",
            "Aktionsfonds",
            "--goal",
            "1.1",
        ],
        &[
            "measure",
            "add",
            "--title",
            "Lesepaten",
            "--approved",
            "1.500,00",
            "--goal",
            "2.1",
        ],
        &["measure", "add", "--title", "", "--goal", "2.1"],
        &[
            "measure",
            "edit",
            "M-0001",
            "--organisation",
            "Kiezverein e. V.",
        ],
        &["link", "M-0001", "3.2"],
        &["unlink", "M-0001", "9.9"],
        &[
            "indicator",
            "add",
            "M-0002",
            "--name",
            "Kinder",
            "--target",
            "20",
        ],
        &["measure", "list"],
        &["measure", "show", "M-0001"],
        &["goal", "add", "--parent", "Z1", "--title", "Neues Ziel"],
        &["goal", "delete", "1.1"],
        &["undo"],
        &["redo"],
        &["undo"],
        &["log", "--limit", "5"],
        &["report"],
        &["check"],
        &["export", "--format", "csv"],
        &["measure", "delete", "M-0099"],
    ];
    for args in script {
        let served_out = run_served(&through, args);
        let local_out = command(&local, args).output().unwrap();
        assert_eq!(
            comparable(&served_out),
            comparable(&local_out),
            "quartier {}",
            args.join(" ")
        );
    }
    let export = |db: &Path, served_mode: bool| {
        let mut c = if served_mode {
            served(db, &["export", "--format", "json"])
        } else {
            command(db, &["export", "--format", "json"])
        };
        let out = c.output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| !l.contains("exported_at"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(export(&through, true), export(&local, false));
}

#[test]
fn four_processes_adding_250_measures_each_end_with_exactly_1000() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _stop = StopOnDrop(&db);
    let out = run_served(&db, &["goals"]);
    assert!(out.status.success());
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let db = db.clone();
            std::thread::spawn(move || {
                (0..250)
                    .map(|n| {
                        let title = format!("Schreiber {writer} Nr. {n}");
                        let out = run_served(&db, &["measure", "add", "--title", &title]);
                        assert!(
                            out.status.success(),
                            "{}",
                            String::from_utf8_lossy(&out.stderr)
                        );
                        String::from_utf8(out.stdout).unwrap().trim().to_string()
                    })
                    .collect::<Vec<String>>()
            })
        })
        .collect();
    let mut printed: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().expect("writer"))
        .collect();
    printed.sort();
    printed.dedup();
    assert_eq!(printed.len(), 1000, "every add printed its own id");
    let list = run_served(&db, &["measure", "list", "--json"]);
    let measures: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let ids: Vec<String> = measures
        .as_array()
        .unwrap()
        .iter()
        .map(|m| format!("M-{:04}", m["id"].as_u64().unwrap()))
        .collect();
    assert_eq!(ids.len(), 1000);
    for id in &printed {
        assert!(ids.contains(id), "{id} printed but not stored");
    }
    let check = run_served(&db, &["check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn the_history_names_the_unix_user_whatever_the_client_says() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _stop = StopOnDrop(&db);
    let me = quartier::store::user_name(
        std::fs::metadata("/proc/self")
            .map(|m| std::os::unix::fs::MetadataExt::uid(&m))
            .unwrap(),
    )
    .unwrap();
    let out = served(&db, &["measure", "add", "--title", "Von Mallory?"])
        .env("USER", "mallory")
        .env("LOGNAME", "mallory")
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = served(
        &db,
        &["--as", "Anna", "measure", "add", "--title", "Von Anna"],
    )
    .env("USER", "mallory")
    .output()
    .unwrap();
    assert!(out.status.success());
    let log = run_served(&db, &["log", "--json", "--limit", "2"]);
    let entries: serde_json::Value = serde_json::from_slice(&log.stdout).unwrap();
    let users: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["user"].as_str().unwrap())
        .collect();
    assert_eq!(users, [format!("Anna (über {me})"), me.clone()]);
}

#[test]
fn no_server_next_to_a_running_server_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _stop = StopOnDrop(&db);
    let mut keeper = served(&db, &["serve"]).spawn().unwrap();
    let begun = Instant::now();
    while !quartier::net::socket::socket_path(&db).exists() {
        assert!(begun.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = command(&db, &["goals"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("wird bereits von einem anderen quartier-Prozess verwendet"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Der Server der Datenbank läuft"),
        "{stderr}"
    );
    stop(&db);
    let _ = keeper.wait();
}

#[test]
fn a_server_started_by_a_command_stops_after_its_idle_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let out = run_served(&db, &["goals"]);
    assert!(out.status.success());
    let socket = quartier::net::socket::socket_path(&db);
    assert!(socket.exists(), "the command started a server");
    let begun = Instant::now();
    while socket.exists() {
        assert!(
            begun.elapsed() < Duration::from_secs(20),
            "the server did not stop"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = std::fs::read_to_string(db.join("server.log")).unwrap();
    assert!(log.contains("stopped (idle)"), "{log}");
}
