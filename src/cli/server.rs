//! `quartier serve`, `quartier server status|stop`, and connecting every other command to the
//! database's server.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use clap::Subcommand;

use super::CliError;
use super::output;
use crate::i18n::{Lang, Localize, Text, fill};
use crate::net::protocol::{Hello, ServerStatus};
use crate::net::{Client, ConnectError, ServeOptions, socket};
use crate::store::StoreError;

/// `quartier server …`.
#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// Pid, uptime, database, connected users and ops served.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Stop the server cleanly (every client is disconnected).
    Stop,
}

/// Runs the server in the foreground (`--detach`: in the background, as clients start it);
/// `group` shares the database with that Unix group (a name or a number).
pub fn serve(
    path: &Path,
    detach: bool,
    idle_exit: Option<u64>,
    group: Option<&str>,
) -> Result<i32, CliError> {
    let gid = match group {
        Some(name) => Some(group_id(name).ok_or_else(|| CliError::UnknownGroup(name.to_string()))?),
        None => None,
    };
    let options = ServeOptions {
        idle_exit: idle_exit.map(Duration::from_secs),
        detach,
        group: gid,
    };
    let repairs_logged = std::cell::Cell::new(false);
    let housekeeping = |store: &crate::store::Store, log: &crate::net::log::Log| {
        if !repairs_logged.replace(true) {
            for repair in store.repairs() {
                log.line(&format!("repaired on open: {}", repair.localize(Lang::En)));
            }
        }
        match crate::backup::daily(store, store.path(), chrono::Local::now().date_naive()) {
            Ok(Some(file)) => log.line(&format!("daily backup {}", file.display())),
            Ok(None) => {}
            Err(error) => log.line(&format!("daily backup failed: {error}")),
        }
    };
    match crate::net::serve(path, &options, &housekeeping) {
        Ok(()) => Ok(0),
        Err(crate::net::ServeError::Store(StoreError::Locked(locked))) => {
            // Another process holds the database: when it is a server (it answers on the
            // socket, perhaps after a moment), this one lost a start race and is not needed.
            if served(path) {
                Ok(0)
            } else {
                Err(CliError::Store(StoreError::Locked(locked)))
            }
        }
        Err(crate::net::ServeError::Store(error)) => Err(CliError::Store(error)),
        Err(crate::net::ServeError::Share { path, source, .. }) => Err(CliError::ShareGroup {
            path,
            group: group.unwrap_or_default().to_string(),
            source,
        }),
        Err(crate::net::ServeError::Socket { path, source }) => {
            Err(CliError::Connect(ConnectError::Failed {
                socket: path,
                reason: source.to_string(),
            }))
        }
    }
}

/// The id of the Unix group `name` (from /etc/group, as user names come from /etc/passwd), or
/// `name` itself when it is a number.
fn group_id(name: &str) -> Option<u32> {
    if let Ok(gid) = name.parse::<u32>() {
        return Some(gid);
    }
    let groups = std::fs::read_to_string("/etc/group").ok()?;
    groups.lines().find_map(|line| {
        let mut fields = line.split(':');
        (fields.next()? == name).then_some(())?;
        fields.nth(1)?.parse::<u32>().ok()
    })
}

/// Whether a server answers for `path` within two seconds.
fn served(path: &Path) -> bool {
    let begun = std::time::Instant::now();
    while begun.elapsed() < Duration::from_secs(2) {
        if std::os::unix::net::UnixStream::connect(socket::socket_path(path)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// The hello of this process.
pub fn hello(lang: Lang, display_name: Option<String>, purpose: &str) -> Hello {
    Hello {
        display_name,
        purpose: purpose.to_string(),
        lang: match lang {
            Lang::De => "de",
            Lang::En => "en",
        }
        .to_string(),
    }
}

/// `server status` and `server stop`: they talk to a running server and never start one.
pub fn run(
    path: &Path,
    lang: Lang,
    command: ServerCommand,
    out: &mut impl Write,
) -> Result<i32, CliError> {
    let purpose = match command {
        ServerCommand::Status { .. } => "server status",
        ServerCommand::Stop => "server stop",
    };
    let client = match Client::connect(&socket::socket_path(path), hello(lang, None, purpose)) {
        Ok(client) => client,
        Err(ConnectError::NoServer(_)) => {
            let text = fill(lang.t(Text::ServerNone), &[("path", &path.display())]);
            output::line(out, &text)?;
            return Ok(match command {
                ServerCommand::Status { .. } => 1,
                ServerCommand::Stop => 0,
            });
        }
        Err(error) => return Err(CliError::Connect(error)),
    };
    match command {
        ServerCommand::Status { json } => {
            let status = client.status()?;
            let codes = goal_codes(&client, &status)?;
            if json {
                output::json(out, &status_json(&status, &codes))?;
            } else {
                for line in status_lines(&status, &codes, lang) {
                    output::line(out, &line)?;
                }
            }
        }
        ServerCommand::Stop => {
            let pid = client.welcome().server_pid;
            client.stop()?;
            wait_gone(&socket::socket_path(path));
            let text = fill(lang.t(Text::ServerStopped), &[("pid", &pid)]);
            output::line(out, &text)?;
        }
    }
    Ok(0)
}

/// Waits until nobody listens on `socket` any more (the server removes it last).
fn wait_gone(socket: &Path) {
    let begun = std::time::Instant::now();
    while socket.exists() && begun.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(10));
    }
}

use crate::text::local_time;

/// Goal codes by id, read only when a client has a goal open in a form.
type GoalCodes = std::collections::HashMap<crate::model::GoalId, String>;

fn goal_codes(client: &Client, status: &ServerStatus) -> Result<GoalCodes, CliError> {
    use crate::store::{Editing, Repository};
    let any_goal = status
        .clients
        .iter()
        .any(|c| matches!(c.editing, Some(Editing::Goal(_))));
    if !any_goal {
        return Ok(GoalCodes::new());
    }
    Ok(client
        .goals()?
        .into_iter()
        .map(|g| (g.id, g.code))
        .collect())
}

/// What a client has open in a form: `M-0012`, or a goal's code.
fn editing_text(editing: Option<crate::store::Editing>, codes: &GoalCodes) -> Option<String> {
    use crate::store::Editing;
    match editing? {
        Editing::Measure(id) => Some(id.to_string()),
        Editing::Goal(id) => Some(codes.get(&id).cloned().unwrap_or_else(|| "?".into())),
    }
}

fn status_lines(status: &ServerStatus, codes: &GoalCodes, lang: Lang) -> Vec<String> {
    let uptime = (chrono::Utc::now().timestamp_millis() - status.started_ms).max(0) / 1000;
    let mut lines = vec![
        fill(
            lang.t(Text::ServerStatusHead),
            &[
                ("pid", &status.pid),
                ("since", &local_time(status.started_ms)),
                (
                    "uptime",
                    &format!(
                        "{}:{:02}:{:02}",
                        uptime / 3600,
                        uptime / 60 % 60,
                        uptime % 60
                    ),
                ),
                ("version", &status.program),
            ],
        ),
        fill(
            lang.t(Text::ServerStatusDatabase),
            &[("path", &status.database)],
        ),
        fill(
            lang.t(Text::ServerStatusSocket),
            &[("path", &status.socket)],
        ),
        fill(
            lang.t(Text::ServerStatusOps),
            &[("count", &status.ops_served)],
        ),
        fill(
            lang.t(Text::ServerStatusClients),
            &[("count", &status.clients.len())],
        ),
    ];
    for client in &status.clients {
        let who = match &client.display_name {
            Some(name) => format!("{name} ({})", client.user),
            None => client.user.clone(),
        };
        let mut line = format!(
            "  {who}  pid {}  {}  {}",
            client.pid,
            local_time(client.since_ms),
            client.purpose
        );
        if let Some(open) = editing_text(client.editing, codes) {
            line.push_str(&format!("  ✎ {open}"));
        }
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|line| crate::text::sanitize_line(&line).into_owned())
        .collect()
}

fn status_json(status: &ServerStatus, codes: &GoalCodes) -> serde_json::Value {
    serde_json::json!({
        "pid": status.pid,
        "started": local_time(status.started_ms),
        "database": status.database,
        "socket": status.socket,
        "version": status.program,
        "ops_served": status.ops_served,
        "clients": status.clients.iter().map(|c| serde_json::json!({
            "user": c.user,
            "name": c.display_name,
            "pid": c.pid,
            "since": local_time(c.since_ms),
            "open": c.purpose,
            "editing": editing_text(c.editing, codes),
        })).collect::<Vec<_>>(),
    })
}
