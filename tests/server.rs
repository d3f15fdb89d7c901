//! The database's server as a real process on a real Unix socket: start, status, stop, idle
//! exit, a stale socket, a start race, a path too long for a socket address, and clients that
//! misbehave. (The CLI and TUI through the server are tested in cli_server.rs and the pty tests.)

mod common;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::bin::{command, quartier};
use quartier::net::frame;
use quartier::net::protocol::{
    ClientMessage, HANDSHAKE_FORMAT, Handshake, Hello, Request, ServerMessage,
};
use quartier::store::codec;

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

fn socket_of(db: &Path) -> PathBuf {
    quartier::net::socket::socket_path(db)
}

/// Waits until the server of `db` answers `server status`.
fn wait_until_served(db: &Path) -> String {
    let begun = Instant::now();
    loop {
        let out = quartier(db, &["server", "status"]);
        if out.status.success() {
            return String::from_utf8(out.stdout).unwrap();
        }
        assert!(
            begun.elapsed() < Duration::from_secs(20),
            "no server came up"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_exit(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let begun = Instant::now();
    while begun.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// Stops a server child for sure at the end of a test.
struct Reaper(Vec<Child>);
impl Drop for Reaper {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A raw connection that has done the handshake and hello.
fn raw_client(db: &Path) -> UnixStream {
    let mut stream = UnixStream::connect(socket_of(db)).unwrap();
    frame::write_frame(
        &mut stream,
        &codec::encode(HANDSHAKE_FORMAT, &Handshake::ours()),
    )
    .unwrap();
    let _theirs = frame::read_frame(&mut stream, 4096).unwrap();
    let hello = Hello {
        display_name: None,
        purpose: "test".into(),
        lang: "de".into(),
    };
    frame::send(&mut stream, &ClientMessage::Hello(hello)).unwrap();
    match frame::receive::<ServerMessage>(&mut stream, frame::MAX_FRAME).unwrap() {
        ServerMessage::Welcome(_) => {}
        other => panic!("expected welcome, got {other:?}"),
    }
    stream
}

#[test]
fn serve_answers_status_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let server = serve(&db, &[]);
    let pid = server.id();
    let mut reaper = Reaper(vec![server]);
    let status = wait_until_served(&db);
    assert!(status.contains(&format!("Server pid {pid}")), "{status}");
    assert!(status.contains("Verbunden: 1"), "{status}");
    assert!(status.contains("server status"), "{status}");
    assert!(
        status.contains(&db.canonicalize().unwrap().display().to_string()),
        "{status}"
    );

    let out = quartier(&db, &["server", "stop"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("Server (pid {pid}) beendet.")
    );
    let exit = wait_exit(&mut reaper.0[0], Duration::from_secs(10)).expect("server exited");
    assert!(exit.success());
    assert!(!socket_of(&db).exists(), "socket removed");
    let log = std::fs::read_to_string(db.join("server.log")).unwrap();
    assert!(log.contains("stopped (stop requested)"), "{log}");

    let out = quartier(&db, &["server", "status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Kein Server läuft"));
}

#[test]
fn an_idle_server_stops_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut reaper = Reaper(vec![serve(&db, &["--idle-exit", "1"])]);
    wait_until_served(&db);
    let exit = wait_exit(&mut reaper.0[0], Duration::from_secs(15)).expect("idle server exited");
    assert!(exit.success());
    let log = std::fs::read_to_string(db.join("server.log")).unwrap();
    assert!(log.contains("stopped (idle)"), "{log}");
}

#[test]
fn a_stale_socket_of_a_killed_server_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut first = serve(&db, &[]);
    wait_until_served(&db);
    first.kill().unwrap();
    first.wait().unwrap();
    assert!(socket_of(&db).exists(), "kill -9 leaves the socket behind");
    let out = quartier(&db, &["server", "status"]);
    assert_eq!(out.status.code(), Some(1), "a stale socket is no server");

    let second = serve(&db, &[]);
    let pid = second.id();
    let _reaper = Reaper(vec![second]);
    let status = wait_until_served(&db);
    assert!(status.contains(&format!("Server pid {pid}")), "{status}");
}

#[test]
fn two_servers_started_at_once_end_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    std::fs::create_dir_all(&db).unwrap();
    let mut reaper = Reaper(vec![serve(&db, &[]), serve(&db, &[])]);
    let status = wait_until_served(&db);
    // The loser finds the winner answering and exits 0; the winner keeps serving.
    let begun = Instant::now();
    let (exited, running): (Vec<_>, Vec<_>) = loop {
        let states: Vec<_> = reaper.0.iter_mut().map(|c| c.try_wait().unwrap()).collect();
        if states.iter().any(Option::is_some) || begun.elapsed() > Duration::from_secs(10) {
            break states.into_iter().partition(Option::is_some);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!((exited.len(), running.len()), (1, 1), "{status}");
    assert!(exited[0].unwrap().success(), "the loser exits 0");
    let winner = reaper
        .0
        .iter()
        .position(|c| status.contains(&format!("Server pid {}", c.id())));
    assert!(winner.is_some(), "{status}");
}

#[test]
fn a_database_path_too_long_for_a_socket_address_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir
        .path()
        .join("a".repeat(50))
        .join("b".repeat(50))
        .join("db");
    assert!(db.join("quartier.sock").as_os_str().len() > 107);
    let _reaper = Reaper(vec![serve(&db, &[])]);
    let status = wait_until_served(&db);
    let socket = socket_of(&db);
    assert!(socket.as_os_str().len() <= 107, "{}", socket.display());
    assert!(status.contains(&socket.display().to_string()), "{status}");
    let record = std::fs::read_to_string(db.join("quartier.sock.path")).unwrap();
    assert_eq!(record.trim(), socket.display().to_string());
}

#[test]
fn garbage_an_oversized_frame_or_silence_closes_only_that_client() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _reaper = Reaper(vec![serve(&db, &[])]);
    wait_until_served(&db);

    // Not a quartier handshake at all.
    let mut garbage = UnixStream::connect(socket_of(&db)).unwrap();
    garbage.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
    // A frame announcing 4 GiB.
    let mut huge = raw_client(&db);
    huge.write_all(&u32::MAX.to_be_bytes()).unwrap();
    // A well-formed frame that is not a message.
    let mut malformed = raw_client(&db);
    frame::write_frame(&mut malformed, &[1, 0xff, 0xff, 0xff, 0xff, 0xff]).unwrap();
    // A client that connects and says nothing at all.
    let _silent = UnixStream::connect(socket_of(&db)).unwrap();

    for stream in [&mut huge, &mut malformed] {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut rest = Vec::new();
        let read = stream.read_to_end(&mut rest);
        assert!(read.is_ok(), "the server closes the connection: {read:?}");
    }
    // Everyone else is served as before.
    let status = wait_until_served(&db);
    assert!(status.contains("Verbunden: 1"), "{status}");
}

#[test]
fn a_client_that_stops_reading_is_disconnected_and_the_others_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _reaper = Reaper(vec![serve(&db, &[])]);
    wait_until_served(&db);
    let mut sleeper = raw_client(&db);
    let mut writer = raw_client(&db);
    // Every change is pushed to the sleeper, who never reads: its queue fills up.
    let mut applied = 0;
    for id in 0..3000u64 {
        let op = quartier::ops::Op::UpdateGoal {
            id: quartier::model::GoalId(1),
            code: "Z1".into(),
            title: format!("Titel {id}"),
            description: String::new(),
        };
        frame::send(
            &mut writer,
            &ClientMessage::Request {
                id,
                request: Request::Apply(Box::new(op)),
            },
        )
        .unwrap();
        // Who-is-connected notes may come between the answers.
        loop {
            match frame::receive::<ServerMessage>(&mut writer, frame::MAX_FRAME).unwrap() {
                ServerMessage::Response { result, .. } if result.is_ok() => break,
                ServerMessage::Presence(_) => {}
                other => panic!("{other:?}"),
            }
        }
        applied += 1;
    }
    assert_eq!(applied, 3000);
    let log = std::fs::read_to_string(db.join("server.log")).unwrap();
    assert!(log.contains("stopped reading: disconnected"), "{log}");
    sleeper
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut rest = Vec::new();
    assert!(
        sleeper.read_to_end(&mut rest).is_ok(),
        "the sleeper's connection ends"
    );
    let status = wait_until_served(&db);
    assert!(status.contains("Änderungen: 3000"), "{status}");
}

#[test]
fn a_client_of_another_protocol_version_is_told_both_versions() {
    // A fake server that speaks protocol 999.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    std::fs::create_dir_all(&db).unwrap();
    let listener = std::os::unix::net::UnixListener::bind(socket_of(&db)).unwrap();
    let fake = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _ = frame::read_frame(&mut stream, 4096);
        let theirs = Handshake {
            protocol: 999,
            program: "9.9.9".into(),
            ..Handshake::ours()
        };
        frame::write_frame(&mut stream, &codec::encode(HANDSHAKE_FORMAT, &theirs)).unwrap();
    });
    let out = quartier(&db, &["server", "status"]);
    fake.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Protokoll 999 (quartier 9.9.9)")
            && stderr.contains(&format!("quartier {}", env!("CARGO_PKG_VERSION")))
            && stderr.contains("quartier server stop"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_user_without_access_gets_a_permission_message_not_a_hang() {
    if !rustix_is_root() {
        eprintln!("skipped: needs root to run a client as another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let _reaper = Reaper(vec![serve(&db, &[])]);
    wait_until_served(&db);
    // The temp dir is private to root, so `nobody` cannot reach the socket.
    let Ok(out) = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_quartier"))
        .arg("--db")
        .arg(&db)
        .args(["server", "status"])
        .env("LANG", "de_DE.UTF-8")
        .env_remove("QUARTIER_DB")
        .output()
    else {
        eprintln!("skipped: setpriv not available");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("keine Berechtigung für"), "{stderr}");
}

fn rustix_is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}

#[test]
fn a_client_connects_again_after_its_server_is_killed_and_no_acknowledged_change_is_lost() {
    use quartier::net::client::ServerEvent;
    use quartier::store::Repository;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let program = Path::new(env!("CARGO_BIN_EXE_quartier"));
    let hello = Hello {
        display_name: None,
        purpose: "test".into(),
        lang: "de".into(),
    };
    let mut client = quartier::net::connect(&db, hello, Some(program)).expect("connect");
    let events = client.subscribe();
    let first = client.welcome().server_pid;
    let goal = client.goal_by_code("1.1").unwrap().unwrap();
    let applied = client
        .apply(
            quartier::ops::Op::UpdateGoal {
                id: goal.id,
                code: goal.code.clone(),
                title: "Bestätigt vor dem Absturz".into(),
                description: String::new(),
            },
            "ignored",
        )
        .unwrap();
    assert!(applied.seq > 0);

    let killed = Command::new("kill")
        .args(["-9", &first.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut seen = Vec::new();
    let begun = Instant::now();
    while !seen.contains(&ServerEvent::Reconnected) {
        assert!(
            begun.elapsed() < Duration::from_secs(20),
            "no reconnect: {seen:?}"
        );
        match events.recv_timeout(Duration::from_millis(100)) {
            Ok(ServerEvent::Presence(_)) | Err(_) => {}
            Ok(event) => seen.push(event),
        }
    }
    assert_eq!(seen, [ServerEvent::Lost, ServerEvent::Reconnected]);
    let second = client.welcome().server_pid;
    assert_ne!(first, second, "a new server was started");
    let goal = client.goal_by_code("1.1").unwrap().unwrap();
    assert_eq!(goal.title, "Bestätigt vor dem Absturz");
    client.stop().unwrap();
}

/// Four clients change at once (their changes are synced in groups): every acknowledged change
/// reaches a fifth client as a push exactly once, in history order, and the others' pushes
/// reach each writer too.
#[test]
fn changes_synced_in_groups_are_pushed_once_each_in_history_order() {
    use quartier::net::client::ServerEvent;
    use quartier::store::Repository;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let program = Path::new(env!("CARGO_BIN_EXE_quartier"));
    let hello = |purpose: &str| Hello {
        display_name: None,
        purpose: purpose.into(),
        lang: "de".into(),
    };
    let observer = quartier::net::connect(&db, hello("observer"), Some(program)).unwrap();
    let pushes = observer.subscribe();
    const EACH: usize = 40;
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let db = db.clone();
            let mut client = quartier::net::connect(&db, hello("writer"), Some(program)).unwrap();
            std::thread::spawn(move || {
                (0..EACH)
                    .map(|i| {
                        let measure = quartier::model::Measure::new(format!("W{w} #{i}"));
                        let op = quartier::ops::Op::AddMeasure {
                            measure,
                            goals: vec![],
                        };
                        client.apply(op, "ignored").expect("apply").seq
                    })
                    .collect::<Vec<u64>>()
            })
        })
        .collect();
    let mut acked: Vec<u64> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    acked.sort_unstable();
    let mut pushed = Vec::new();
    let begun = Instant::now();
    while pushed.len() < acked.len() && begun.elapsed() < Duration::from_secs(20) {
        if let Ok(ServerEvent::Pushed(push)) = pushes.recv_timeout(Duration::from_millis(100)) {
            assert!(
                push.what[0].contains("angelegt"),
                "a push says what happened: {:?}",
                push.what
            );
            pushed.push(push.seq);
        }
    }
    assert!(
        pushed.windows(2).all(|w| w[0] < w[1]),
        "pushes out of history order: {pushed:?}"
    );
    assert_eq!(pushed, acked, "every acknowledged change pushed once");
    assert_eq!(observer.measure_ids().unwrap().len(), 4 * EACH);
    observer.stop().unwrap();
}
