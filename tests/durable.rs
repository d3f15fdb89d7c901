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
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"])
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
    for stderr in [
        full,
        // While the disk is full sled cannot even open (it writes while opening): the message
        // says so and where to free space, never a raw `Os { code: 28, … }`.
        fails(&db, &["check"], 1),
        fails(&db, &["measure", "list"], 1),
    ] {
        assert!(stderr.contains("kein Platz mehr"), "{stderr}");
        assert!(stderr.contains(&format!("eingehängt unter {mount}")), "{stderr}");
        assert!(!stderr.contains("os error") && !stderr.contains("Os {"), "{stderr}");
    }
    assert!(
        !files_of(&db).iter().any(|n| n.ends_with(".generating")),
        "a failed open cleans up after sled: {:?}",
        files_of(&db)
    );
    disk.resize("40M");
    let out = quartier(&db, &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(ok(&db, &["goals"]).contains("Bestätigtes Ziel"));
}
