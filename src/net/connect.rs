//! Finding the server of a database, starting one when nobody serves it.
//!
//! A client first connects to the database's socket. When nobody listens there (no socket, or
//! a stale one left by a crashed server), it starts `quartier serve --detach` in the
//! background and waits for it to answer. Two clients racing to start a server end with one:
//! each started server first takes the database lock, and the loser exits at once while its
//! client connects to the winner.

use std::io;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::client::{Client, ConnectError, Redial};
use super::frame::{self, MAX_FRAME};
use super::log::Log;
use super::protocol::{
    ClientMessage, Hello, MAGIC, PROTOCOL, ServerMessage, Welcome, swap_handshakes,
};
use super::socket;

/// How long a client waits for a server it started (opening 100 000 measures takes well under
/// a second; a cold disk can take longer).
pub const START_TIMEOUT: Duration = Duration::from_secs(15);

/// How long an automatically started server stays up with no client (`QUARTIER_SERVER_IDLE`
/// in seconds overrides it, for tests).
pub const IDLE_EXIT: Duration = Duration::from_secs(60);

/// The idle time of an automatically started server.
pub fn idle_exit() -> Duration {
    std::env::var("QUARTIER_SERVER_IDLE")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(IDLE_EXIT, Duration::from_secs)
}

/// Connects to the server of `db`; when nobody serves it, starts `program` (this quartier
/// binary) as its server, or fails with [`ConnectError::NoServer`] when `program` is `None`.
/// The client connects again by the same rule when its connection breaks.
pub fn connect(db: &Path, hello: Hello, program: Option<&Path>) -> Result<Client, ConnectError> {
    let redial = Redial {
        db: db.to_path_buf(),
        program: program.map(Path::to_path_buf),
    };
    // Find or start the server first, so the client's socket name is the one it listens on.
    let (stream, welcome) = dial_or_start(db, &hello, program)?;
    Client::open(
        &socket::socket_path(db),
        hello,
        Some(redial),
        stream,
        welcome,
    )
}

/// Connects to the server of `db`, starting `program` as it when nobody answers.
pub(super) fn dial_or_start(
    db: &Path,
    hello: &Hello,
    program: Option<&Path>,
) -> Result<(UnixStream, Welcome), ConnectError> {
    let connected = dial(&socket::socket_path(db), hello);
    let Some(program) = program else {
        return connected;
    };
    match connected {
        Err(ConnectError::NoServer(_)) => {}
        other => return other,
    }
    let mut server = start_server(program, db).map_err(|e| ConnectError::Failed {
        socket: socket::socket_path(db),
        reason: e.to_string(),
    })?;
    let begun = Instant::now();
    // A refused connect costs microseconds, so poll often: with a doubling pause a server
    // ready after 35 ms was only seen at 62 ms.
    let mut pause = Duration::from_millis(1);
    loop {
        match dial(&socket::socket_path(db), hello) {
            Err(ConnectError::NoServer(_)) => {}
            other => {
                reap(server);
                return other;
            }
        }
        if let Ok(Some(status)) = server.try_wait() {
            // Exit 0: another client's server won the race for the lock; keep trying to
            // connect to it. Anything else: the server could not start, its log says why.
            if !status.success() {
                return Err(ConnectError::ServerFailed {
                    log: Log::tail(db, 3),
                });
            }
        }
        if begun.elapsed() > START_TIMEOUT {
            return Err(ConnectError::ServerFailed {
                log: Log::tail(db, 3),
            });
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(4));
    }
}

/// Starts `program` as the database's server, detached from the terminal.
fn start_server(program: &Path, db: &Path) -> std::io::Result<std::process::Child> {
    let db: PathBuf = std::path::absolute(db)?;
    Command::new(program)
        .arg("--db")
        .arg(&db)
        .arg("serve")
        .arg("--detach")
        .arg("--idle-exit")
        .arg(idle_exit().as_secs().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .current_dir("/")
        .spawn()
}

/// Waits for the started server in the background, so it never stays a zombie of a
/// long-running client.
fn reap(mut server: std::process::Child) {
    std::thread::spawn(move || server.wait());
}

/// Connects to `socket` and exchanges handshakes and hello/welcome.
pub(super) fn dial(socket: &Path, hello: &Hello) -> Result<(UnixStream, Welcome), ConnectError> {
    let stream = UnixStream::connect(socket).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused => {
            ConnectError::NoServer(socket.to_path_buf())
        }
        io::ErrorKind::PermissionDenied => ConnectError::PermissionDenied(socket.to_path_buf()),
        _ => failed(socket, e),
    })?;
    let welcome = introduce(&stream, socket, hello.clone())?;
    Ok((stream, welcome))
}

pub(super) fn failed(socket: &Path, error: impl std::fmt::Display) -> ConnectError {
    ConnectError::Failed {
        socket: socket.to_path_buf(),
        reason: error.to_string(),
    }
}

/// Exchanges handshakes and hello/welcome.
fn introduce(stream: &UnixStream, socket: &Path, hello: Hello) -> Result<Welcome, ConnectError> {
    let mut io = stream;
    let theirs = swap_handshakes(stream, Duration::from_secs(10)).map_err(|e| failed(socket, e))?;
    if theirs.magic != MAGIC {
        return Err(failed(socket, "not a quartier server"));
    }
    if theirs.protocol != PROTOCOL {
        return Err(ConnectError::Version {
            server_protocol: theirs.protocol,
            server_program: crate::text::sanitize_line(&theirs.program).into_owned(),
        });
    }
    frame::send(&mut io, &ClientMessage::Hello(hello)).map_err(|e| failed(socket, e))?;
    let welcome = match frame::receive::<ServerMessage>(&mut io, MAX_FRAME) {
        Ok(ServerMessage::Welcome(welcome)) => welcome,
        Ok(_) => return Err(failed(socket, "no welcome")),
        Err(e) => return Err(failed(socket, e)),
    };
    let _ = stream.set_read_timeout(None);
    Ok(welcome)
}
