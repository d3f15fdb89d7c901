//! What the disk can do to a database: a full disk, an unfinished snapshot sled left behind,
//! blob files a power cut emptied. Every test runs the real binary on a real database.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{fails, ok, quartier};

/// A tmpfs of `size` mounted on a temporary directory, unmounted on drop. `None` where this
/// process may not mount (not root, a container without CAP_SYS_ADMIN).
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let status = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(SmallDisk { dir })
    }

    fn resize(&self, size: &str) {
        let status = std::process::Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(self.dir.path())
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("db")
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

fn files_of(db: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(db)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_unfinished_snapshot_is_removed_before_sled_opens_and_said() {
    // The state a failed open on a full disk leaves behind (an empty `snap.<n>.generating`,
    // which sled 0.34.7 takes for its newest snapshot), simulated so the test runs anywhere;
    // `a_full_disk_never_bricks_the_database` below produces it for real where it may mount.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(&db, &["goal", "add", "--title", "Bestätigtes Ziel"]);
    std::fs::write(db.join("snap.00000000FFFFFFFF.generating"), b"").unwrap();
    let out = quartier(&db, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("unfertige Momentaufnahme snap.00000000FFFFFFFF.generating entfernt"),
        "{stderr}"
    );
    assert!(!files_of(&db).iter().any(|n| n.ends_with(".generating")));
    assert!(ok(&db, &["goals"]).contains("Bestätigtes Ziel"));
}

#[test]
fn a_full_disk_never_bricks_the_database() {
    let Some(disk) = SmallDisk::mount("3M") else {
        eprintln!(
            "skipped: cannot mount a tmpfs here; the state it leaves is simulated by \
             an_unfinished_snapshot_is_removed_before_sled_opens_and_said"
        );
        return;
    };
    let db = disk.db();
    ok(&db, &["goal", "add", "--title", "Bestätigtes Ziel"]);
    let full = fails(&db, &["demo-data", "--measures", "5000"], 1);
    let mount = disk.dir.path().display().to_string();
    assert!(full.contains("kein Platz mehr"), "{full}");
    assert!(
        full.contains(&format!("eingehängt unter {mount}")),
        "{full}"
    );
    assert!(
        !full.contains("os error") && !full.contains("Os {"),
        "{full}"
    );
    // Whatever room the failed command left is taken too.
    {
        use std::io::Write;
        let mut filler = std::fs::File::create(disk.dir.path().join("filler")).unwrap();
        while filler.write_all(&[0u8; 4096]).is_ok() {}
        let _ = filler.sync_all();
    }
    // While the disk is full sled cannot open without writing: quartier reads a copy on
    // another disk and says so; reading works, changing is refused with the same advice.
    // (Whether sled needs to write while opening depends on where the failed command left its
    // log; when it does not, the database simply opens.)
    let mut from_copy = 0;
    for args in [&["check"][..], &["measure", "list"], &["goals"]] {
        let out = quartier(&db, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        if !stderr.is_empty() {
            assert!(stderr.contains("kann nichts ändern"), "{args:?}: {stderr}");
            assert!(stderr.contains(&mount), "{stderr}");
            from_copy += 1;
        }
    }
    eprintln!("reads while the disk was full: 3 ok, {from_copy} of them from a copy");
    assert!(ok(&db, &["goals"]).contains("Bestätigtes Ziel"));
    let elsewhere = tempfile::tempdir().unwrap();
    let export = elsewhere.path().join("export.json");
    ok(&db, &["export", "-o", export.to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&export)
            .unwrap()
            .contains("Bestätigtes Ziel")
    );
    // A change either fits into space sled's files already have (then it is confirmed and
    // durable) or is refused with the same advice.
    let change = quartier(&db, &["goal", "add", "--title", "Noch eins"]);
    let changed = change.status.success();
    if !changed {
        let refused = String::from_utf8_lossy(&change.stderr);
        assert!(
            refused.contains("Platz schaffen") && refused.contains(&mount),
            "{refused}"
        );
    }
    assert!(
        !files_of(&db).iter().any(|n| n.ends_with(".generating")),
        "a failed open cleans up after sled: {:?}",
        files_of(&db)
    );
    let copies = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.starts_with("quartier-read-only-")
        })
        .count();
    assert_eq!(copies, 0, "the temporary copies are deleted");
    std::fs::remove_file(disk.dir.path().join("filler")).unwrap();
    disk.resize("40M");
    let out = quartier(&db, &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let goals = ok(&db, &["goals"]);
    assert!(goals.contains("Bestätigtes Ziel"));
    assert_eq!(goals.contains("Noch eins"), changed, "{goals}");
}

/// Runs `quartier --db DB ARGS…` in a child limited to `limit` of address space, killed after
/// `seconds`. `None` when it had to be killed (a hang). `QUARTIER_TEST_BIN` runs another
/// binary instead (to measure a build without the fixes).
fn bounded(db: &Path, args: &[&str], seconds: u64, limit: u64) -> Option<std::process::Output> {
    use std::os::unix::process::CommandExt;
    let mut command = common::bin::command(db, args);
    if let Some(other) = std::env::var_os("QUARTIER_TEST_BIN") {
        // Runs another build (e.g. one without the fix) on the same databases.
        let mut replaced = std::process::Command::new(other);
        replaced
            .arg("--db")
            .arg(db)
            .args(args)
            .env("LANG", "de_DE.UTF-8")
            .stdin(std::process::Stdio::null());
        command = replaced;
    }
    // Output goes to files, not pipes: a child writing more than a pipe holds would block
    // and look like a hang.
    let output = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (output.path().join("out"), output.path().join("err"));
    command
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let rlimit = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &rlimit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    Some(std::process::Output {
        status: child.wait().unwrap(),
        stdout: std::fs::read(&out_path).unwrap(),
        stderr: std::fs::read(&err_path).unwrap(),
    })
}

const GIB: u64 = 1 << 30;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A database holding 1 000 imported measures, the import's history entry being a blob.
fn imported(dir: &Path) -> PathBuf {
    let source = dir.join("source");
    ok(&source, &["demo-data", "--measures", "1000"]);
    let file = dir.join("export.json");
    ok(&source, &["export", "-o", file.to_str().unwrap()]);
    let db = dir.join("db");
    ok(&db, &["import", file.to_str().unwrap()]);
    db
}

fn blobs_of(db: &Path) -> Vec<PathBuf> {
    let mut blobs: Vec<PathBuf> = std::fs::read_dir(db.join("blobs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    blobs.sort();
    blobs
}

#[test]
fn blobs_are_private_and_an_emptied_blob_is_named_by_check() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let expected = common::bin::json_export(&db);
    // A second open writes a snapshot past the import, so both kinds of blob are covered:
    // one sled reads while opening and one it reads only when the page is needed.
    ok(
        &db,
        &[
            "measure",
            "edit",
            "1",
            "--notes",
            &"lange Notiz ".repeat(1_500),
        ],
    );
    let blobs = blobs_of(&db);
    assert!(!blobs.is_empty(), "the import's history entry is a blob");
    for path in blobs.iter().chain([db.join("db")].iter()) {
        let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
    let (mut named, mut unneeded) = (0, 0);
    for blob in &blobs {
        let name = blob.file_name().unwrap().to_string_lossy().into_owned();
        let copy = dir.path().join(format!("emptied-{name}"));
        copy_dir(&db, &copy);
        std::fs::write(copy.join("blobs").join(&name), b"").unwrap();
        let out = bounded(&copy, &["check"], 30, 2 * GIB).expect("check finishes");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            // Only a blob sled no longer needs may be emptied without a word, and then
            // nothing may be missing.
            assert_eq!(
                common::bin::json_export(&copy),
                expected,
                "{name}: {stderr}"
            );
            unneeded += 1;
            continue;
        }
        named += 1;
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stdout.contains(&name) || stderr.contains(&name),
            "{name}: check names the blob:\n{stdout}\n{stderr}"
        );
        assert!(!stderr.contains("backtrace"), "{stderr}");
        // Still named on the next run, after sled dropped the blob itself.
        let again = bounded(&copy, &["check"], 30, 2 * GIB).expect("check finishes");
        assert_eq!(again.status.code(), Some(1));
        let text = String::from_utf8_lossy(&again.stdout) + String::from_utf8_lossy(&again.stderr);
        assert!(text.contains(&name), "{name}: {text}");
    }
    eprintln!(
        "emptied each of {} blobs: {named} named by check, {unneeded} no longer needed",
        blobs.len()
    );
}

/// A small xorshift generator: the same flips on every run of a seed.
struct Flips(u64);

impl Flips {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn check_finishes_on_randomly_damaged_databases() {
    // Each run copies a real database, flips bytes in its files and runs `check` in a child
    // limited to 1 GiB of address space and 20 s. QUARTIER_FUZZ_RUNS=200 runs longer.
    let runs: u64 = std::env::var("QUARTIER_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let seed: u64 = std::env::var("QUARTIER_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_CAFE);
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    ok(&db, &["measure", "edit", "2", "--title", "nach dem Import"]);
    // Opened again: sled writes a snapshot, so most pages are read only when needed (not
    // while opening), which is where damage used to make `check` loop.
    ok(&db, &["check"]);
    let flips_max: u64 = std::env::var("QUARTIER_FUZZ_FLIPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let mut rng = Flips(seed);
    let (mut hangs, mut panics, mut crashes, mut reported) = (0, 0, 0, 0);
    for run in 0..runs {
        let copy = dir.path().join(format!("run-{run}"));
        copy_dir(&db, &copy);
        let mut files: Vec<PathBuf> = vec![copy.join("db")];
        files.extend(blobs_of(&copy));
        for _ in 0..1 + rng.next() % flips_max {
            let file = &files[(rng.next() % files.len() as u64) as usize];
            let mut bytes = std::fs::read(file).unwrap();
            if bytes.is_empty() {
                continue;
            }
            let at = (rng.next() % bytes.len() as u64) as usize;
            bytes[at] ^= 1 << (rng.next() % 8);
            std::fs::write(file, bytes).unwrap();
        }
        let keep =
            std::env::var_os("QUARTIER_FUZZ_KEEP").map(|k| Path::new(&k).join(format!("in-{run}")));
        if let Some(keep) = &keep {
            copy_dir(&copy, keep);
        }
        match bounded(&copy, &["check"], 20, GIB) {
            None => {
                hangs += 1;
                eprintln!("run {run}: hang");
                if let Some(keep) = &keep {
                    eprintln!("run {run}: its input is kept in {}", keep.display());
                }
            }
            Some(out) => {
                let stderr = String::from_utf8_lossy(&out.stderr);
                if stderr.contains("panicked") || out.status.code() == Some(101) {
                    panics += 1;
                    eprintln!("run {run}: panic: {stderr}");
                } else if out.status.code().is_none() {
                    crashes += 1;
                    eprintln!("run {run}: killed by a signal: {stderr}");
                } else if !out.status.success() {
                    reported += 1;
                }
            }
        }
        std::fs::remove_dir_all(&copy).unwrap();
    }
    eprintln!(
        "byte-flip fuzz of check, seed {seed:#x}: {runs} runs, {hangs} hangs, {panics} panics, \
         {crashes} crashes, {reported} reported damage"
    );
    assert_eq!((hangs, panics, crashes), (0, 0, 0));
}

#[test]
fn exports_never_replace_devices_or_links_and_errors_name_the_path() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(&db, &["goal", "add", "--title", "Ziel"]);
    let stderr = fails(&db, &["export", "-o", "/dev/null", "--force"], 1);
    assert!(
        stderr.contains("/dev/null ist keine gewöhnliche Datei"),
        "{stderr}"
    );
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let target = dir.path().join("ziel.json");
    std::fs::write(&target, "bleibt").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let stderr = fails(&db, &["export", "-o", link.to_str().unwrap(), "--force"], 1);
    assert!(stderr.contains("keine gewöhnliche Datei"), "{stderr}");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "bleibt");

    let export = dir.path().join("export.csv");
    ok(
        &db,
        &["export", "--format", "csv", "-o", export.to_str().unwrap()],
    );
    let mode = std::fs::metadata(&export).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let missing = dir.path().join("fehlt").join("x.json");
    let stderr = fails(&db, &["export", "-o", missing.to_str().unwrap()], 1);
    assert!(
        stderr.contains(&format!("{} gibt es nicht", missing.display())),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
}

#[test]
fn backup_into_a_file_named_backups_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(&db, &["goal", "add", "--title", "Ziel"]);
    let backups = dir.path().join("backups");
    std::fs::remove_dir_all(&backups).unwrap();
    std::fs::write(&backups, "im Weg").unwrap();
    let stderr = fails(&db, &["backup"], 1);
    assert!(
        stderr.contains(&format!("{} ist kein Verzeichnis", backups.display())),
        "{stderr}"
    );
    assert!(
        !stderr.contains("--force") && !stderr.contains("os error"),
        "{stderr}"
    );
    let existing = dir.path().join("b.json");
    std::fs::write(&existing, "alt").unwrap();
    let stderr = fails(&db, &["backup", "-o", existing.to_str().unwrap()], 1);
    assert!(
        stderr.contains(&format!("{} gibt es schon", existing.display())),
        "{stderr}"
    );
    assert!(!stderr.contains("--force"), "{stderr}");
}

/// The number of measures `check` counts ("… 12 Maßnahmen …").
fn measure_count(db: &Path) -> usize {
    let text = ok(db, &["check"]);
    let before = text.split(" Maßnahmen").next().unwrap();
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn demo_data_is_all_or_nothing_under_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let mut outcomes = Vec::new();
    let mut reran = false;
    for (round, delay_ms) in [60u64, 200, 400].into_iter().enumerate() {
        let db = dir.path().join(format!("db-{round}"));
        ok(&db, &["goals"]);
        let mut child = common::bin::command(&db, &["demo-data", "--measures", "2000"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let count = measure_count(&db);
        assert!(
            count == 0 || count == 2000,
            "round {round}: {count} measures"
        );
        if count == 0 && !reran {
            // A rerun is not refused and fills everything.
            ok(&db, &["demo-data", "--measures", "2000"]);
            assert_eq!(measure_count(&db), 2000);
            reran = true;
        }
        outcomes.push((status.success(), count));
    }
    eprintln!("demo-data kill -9 rounds (finished, measures): {outcomes:?}");
}
