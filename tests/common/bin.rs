//! Running the real `quartier` binary: German messages, no `QUARTIER_DB` from the caller's
//! environment, no terminal on standard input.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The command `quartier --db DB ARGS…`, ready to run (callers may add environment).
pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_quartier"));
    command.env("QUARTIER_NO_SERVER", "1");
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("QUARTIER_DB")
        // No config file of the person running the tests (`--config` in a test still wins).
        .env("QUARTIER_CONFIG", "/nonexistent/quartier-tests/config.toml")
        .env("LANG", "de_DE.UTF-8")
        .env_remove("LC_ALL")
        .stdin(Stdio::null());
    command
}

/// Runs `quartier --db DB ARGS…`.
pub fn quartier(db: &Path, args: &[&str]) -> Output {
    command(db, args).output().expect("run quartier")
}

/// Runs and expects success; returns stdout as bytes.
pub fn ok_bytes(db: &Path, args: &[&str]) -> Vec<u8> {
    let out = quartier(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs and expects success; returns stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    String::from_utf8(ok_bytes(db, args)).expect("UTF-8 output")
}

/// Runs and expects failure with `code`; returns stderr.
pub fn fails(db: &Path, args: &[&str], code: i32) -> String {
    let out = quartier(db, args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).expect("UTF-8 errors")
}

/// The JSON export without its `exported_at` line: equal for equal database content.
pub fn json_export(db: &Path) -> String {
    ok(db, &["export", "--format", "json"])
        .lines()
        .filter(|l| !l.contains("\"exported_at\""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The command `quartier --db DB ARGS…` through the database's server (started when none
/// runs; it stops 3 s after its last client).
pub fn served(db: &Path, args: &[&str]) -> Command {
    let mut command = command(db, args);
    command
        .env_remove("QUARTIER_NO_SERVER")
        .env("QUARTIER_SERVER_IDLE", "3");
    command
}
