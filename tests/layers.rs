//! The layers of `src/lib.rs` hold: a module may use only modules of its own or a lower rank.
//! Every `crate::<module>` path in `src/` is read as text (comments excluded), so a new
//! back-edge fails this test with the file and line that added it.
//!
//! `KNOWN_BACK_EDGES` lists the edges that exist today and are to be removed (the "shape"
//! issue); it may only shrink: an entry that no longer occurs fails the test too, so the list
//! stays true.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Rank of each top-level module: lower ranks never use higher ones.
const RANKS: &[(&str, u8)] = &[
    ("model", 0),
    ("files", 0),
    ("text", 1),
    ("catalog", 1),
    ("i18n", 2),
    ("ops", 3),
    ("store", 4),
    ("json_shapes", 5),
    ("report", 5),
    ("net", 5),
    ("exchange", 6),
    ("backup", 7),
    ("demo", 7),
    ("app", 8),
    ("ui", 9),
    ("tui", 10),
    ("cli", 10),
    ("main", 11),
    ("lib", 11),
];

/// (from, to) pairs that break the order today.
const KNOWN_BACK_EDGES: &[(&str, &str)] = &[];

fn rank(module: &str) -> u8 {
    RANKS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, rank)| *rank)
        .unwrap_or_else(|| panic!("module `{module}` has no rank in tests/layers.rs"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to.
fn module_of(src: &Path, file: &Path) -> String {
    let first = file.strip_prefix(src).unwrap().components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// Every `crate::<name>` in the code (not in comments) of `text`, with its line number.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((number + 1, name));
            }
            rest = after;
        }
    }
    found
}

#[test]
fn no_module_uses_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut seen_known = BTreeSet::new();
    for file in &files {
        let from = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for (line, to) in crate_paths(&text) {
            if to == from || rank(&to) <= rank(&from) {
                continue;
            }
            if KNOWN_BACK_EDGES.contains(&(from.as_str(), to.as_str())) {
                seen_known.insert((from.clone(), to.clone()));
                continue;
            }
            violations.push(format!(
                "{}:{line}: `{from}` (layer {}) uses `{to}` (layer {})",
                file.strip_prefix(&src).unwrap().display(),
                rank(&from),
                rank(&to)
            ));
        }
    }
    assert!(
        violations.is_empty(),
        "lower layers use higher ones:\n{}",
        violations.join("\n")
    );
    let stale: Vec<_> = KNOWN_BACK_EDGES
        .iter()
        .filter(|(f, t)| !seen_known.contains(&(f.to_string(), t.to_string())))
        .collect();
    assert!(
        stale.is_empty(),
        "these known back-edges are gone: remove them from KNOWN_BACK_EDGES: {stale:?}"
    );
}

#[test]
fn the_scanner_sees_paths_and_skips_comments() {
    let text = "use crate::ui::Theme;\n// crate::cli in a comment\nlet x = crate::app::f(); // crate::tui\n";
    assert_eq!(
        crate_paths(text),
        [(1, "ui".to_string()), (3, "app".to_string())]
    );
}

/// The modules named as `` [`name`] `` in `text`, in order.
fn named_modules(text: &str) -> Vec<String> {
    text.split("[`")
        .skip(1)
        .filter_map(|part| part.split_once("`]").map(|(name, _)| name.to_string()))
        .collect()
}

#[test]
fn the_layer_comment_in_lib_rs_follows_the_ranks() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let doc: String = lib
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .collect::<Vec<_>>()
        .join(" ");
    let layers = &doc[doc.find("Layers").expect("lib.rs names its layers")..];
    // `a and b → c`: a and b share a rank, c's is higher.
    let steps: Vec<Vec<String>> = layers.split('→').map(named_modules).collect();
    let mut previous = None;
    for step in &steps {
        let ranks: BTreeSet<u8> = step.iter().map(|m| rank(m)).collect();
        assert_eq!(
            ranks.len(),
            1,
            "lib.rs puts {step:?} on one layer: {ranks:?}"
        );
        let here = ranks.into_iter().next().unwrap();
        assert!(
            previous.is_none_or(|p| p < here),
            "lib.rs puts {step:?} (rank {here}) after rank {previous:?}"
        );
        previous = Some(here);
    }
    let named: BTreeSet<&str> = steps.iter().flatten().map(String::as_str).collect();
    let missing: Vec<_> = RANKS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !["main", "lib"].contains(name) && !named.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "lib.rs's layer comment leaves out {missing:?}"
    );
}
