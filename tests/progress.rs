//! Progress of long commands: with a terminal on stderr a bar is drawn while 10 000 measures are
//! imported; with a pipe, stdout and stderr are exactly what they were without progress.

mod pty;

use std::time::Duration;

use pty::{Db, Tui, contains};

/// A CSV file of 10 000 measures, exported from demo data.
fn ten_thousand(db: &Db) -> String {
    db.ok(&["demo-data", "--measures", "10000"]);
    let file = db.path.with_file_name("massnahmen.csv");
    db.ok(&["export", "-o", &file.to_string_lossy()]);
    file.to_string_lossy().into_owned()
}

#[test]
fn a_bar_is_drawn_on_a_terminal_and_nothing_extra_into_a_pipe() {
    let source = Db::new();
    let file = ten_thousand(&source);

    // A pty on stdout and stderr: the bar appears, and is gone at the end.
    let target = Db::new();
    let mut tui = Tui::start_with_env(&target.path, &["import", &file], &[]);
    let status = tui
        .wait_exit(Duration::from_secs(120))
        .expect("import ends");
    assert!(status.success(), "{}", tui.screen());
    let raw = tui.raw();
    assert!(contains(&raw, b"import ["), "a bar");
    assert!(contains(&raw, "█".as_bytes()), "a filled part");
    assert!(contains(&raw, "10000 Maßnahmen".as_bytes()), "the count");
    assert!(contains(&raw, b"/s"), "the rate");
    assert!(
        tui.screen().contains("Import: 10000 neu"),
        "{}",
        tui.screen()
    );
    assert!(!tui.screen().contains("import ["), "the bar is cleared");

    // Pipes: exactly the lines quartier printed before it had progress.
    let piped = Db::new();
    let out = piped.run(&["import", &file]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Import: 10000 neu, 0 geändert, 0 unverändert, 0 Ziele neu.\n"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("Neue Datenbank angelegt: {}\n", piped.path.display())
    );
    // The other long commands print nothing extra into a pipe either.
    let backup = piped.path.with_file_name("backup.json");
    let backup = backup.to_string_lossy();
    for (args, stdout) in [
        (vec!["backup", "-o", &backup], format!("Sicherung geschrieben: {backup}\n")),
        (
            vec!["restore", &backup, "--yes"],
            "Wiederhergestellt: 10000 Maßnahmen, 48 Ziele. Mit „quartier undo“ rückgängig zu machen.\n"
                .to_string(),
        ),
    ] {
        let out = piped.run(&args);
        assert!(out.status.success(), "{args:?}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), stdout, "{args:?}");
        assert_eq!(out.stderr, b"", "{args:?}");
    }
    let out = piped.run(&["export", "--format", "json"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"{"));
    assert_eq!(out.stderr, b"");
}
