//! Every kind of bad config file: the problem names its line and reason, and the good parts
//! are still taken.

use super::*;
use crate::app::Action;

fn problems(text: &str) -> (Settings, Vec<(usize, String)>) {
    let settings = read::parse(text);
    let all = settings
        .all_problems()
        .iter()
        .map(|p| (p.line, p.reason.text(Lang::En)))
        .collect();
    (settings, all)
}

#[test]
fn a_good_file_sets_every_key() {
    let (settings, found) = problems(
        "database = \"/srv/qm/db\"\nlang = \"en\"\ndisplay_name = \"anna\"\nmouse = false\n\
         [theme]\nerror = \"magenta\"\n[keys]\ndelete = [\"D\", \"Delete\"]\n[keys.tree]\nrename = \"F\"\n",
    );
    assert_eq!(found, []);
    assert_eq!(settings.database, Some(PathBuf::from("/srv/qm/db")));
    assert_eq!(settings.lang, Some(Lang::En));
    assert_eq!(settings.display_name.as_deref(), Some("anna"));
    assert!(!settings.mouse());
    assert_eq!(settings.colours, [("error".to_string(), Color::Magenta)]);
    let (keymap, _) = settings.keymap();
    assert_eq!(keymap.keys_for(Context::Tree, Action::Rename), ["F"]);
    assert_eq!(
        keymap.keys_for(Context::Measures, Action::DeleteMeasure),
        ["D", "Delete"]
    );
}

use crate::app::Context;

#[test]
fn an_unknown_key_is_named_with_its_line_and_the_rest_is_taken() {
    let (settings, found) = problems("lang = \"en\"\ncolour = \"red\"\n[theme]\nfocus = \"red\"\n");
    assert_eq!(
        found,
        [
            (2, "unknown key `colour` (ignored)".to_string()),
            (4, "unknown key `theme.focus` (ignored)".to_string()),
        ]
    );
    assert_eq!(settings.lang, Some(Lang::En));
}

#[test]
fn a_wrong_type_keeps_the_default() {
    let (settings, found) = problems("\n\nmouse = \"no\"\nlang = 1\n[keys]\nquit = 5\n");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].0, 3);
    assert!(found[0].1.contains("`mouse` must be boolean"), "{found:?}");
    assert!(found[0].1.contains("not string"), "{found:?}");
    assert_eq!(found[1].0, 4);
    assert_eq!(found[2].0, 6);
    assert!(found[2].1.contains("keys.quit"), "{found:?}");
    assert!(settings.mouse());
    assert_eq!(settings.lang, None);
}

#[test]
fn unknown_values_are_refused_each_with_its_line() {
    let (settings, found) = problems(
        "lang = \"fr\"\n[theme]\nerror = \"purple\"\nwarning = \"blue\"\n[keys]\ndelet = [\"x\"]\n\
         undo = [\"Ctrl+z\"]\n[keys.panes]\nundo = [\"z\"]\n",
    );
    let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [1, 3, 6, 7, 8], "{found:?}");
    assert!(found[0].1.contains("not \"fr\""));
    assert!(found[1].1.contains("unknown colour \"purple\" for `error`"));
    assert!(found[2].1.contains("unknown action `delet`"));
    assert!(found[3].1.contains("unknown key \"Ctrl+z\""));
    assert!(found[4].1.contains("unknown context `[keys.panes]`"));
    // The good part of [theme] is taken.
    assert_eq!(settings.colours, [("warning".to_string(), Color::Blue)]);
    let (keymap, _) = settings.keymap();
    assert_eq!(keymap.keys_for(Context::Normal, Action::Undo), ["u"]);
}

#[test]
fn a_collision_names_both_actions_and_their_contexts() {
    let (settings, found) = problems("[keys.tree]\n\ndelete = [\"x\"]\n");
    assert_eq!(
        found,
        [(
            3,
            "key x for `delete` (Goal tree, [keys.tree]) is already `export` (All panes, \
             [keys.normal]) – refused, `delete` keeps its keys"
                .to_string()
        )]
    );
    let (keymap, _) = settings.keymap();
    assert_eq!(keymap.keys_for(Context::Tree, Action::DeleteGoal), ["d"]);
}

#[test]
fn broken_toml_gives_its_line_and_all_defaults() {
    let (settings, found) = problems("lang = \"en\"\n[keys\ndelete = 1\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 2);
    assert!(found[0].1.starts_with("not valid TOML"), "{found:?}");
    assert_eq!(settings.lang, None);
}

#[test]
fn the_default_file_is_valid_and_so_is_every_line_uncommented() {
    let text = default_file(Lang::De);
    let (_, found) = problems(&text);
    assert_eq!(found, []);
    let uncommented: String = text
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(rest) if !rest.starts_with(' ') && !rest.is_empty() => rest,
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let (settings, found) = problems(&uncommented);
    assert_eq!(found, [], "{uncommented}");
    assert!(settings.rebindings.len() > crate::app::keymap::BINDINGS.len());
    assert_eq!(settings.display_name.as_deref(), Some("anna"));
}

#[test]
fn a_missing_file_gives_the_defaults_without_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let settings = load(Some(dir.path().join("config.toml")));
    assert_eq!(settings.all_problems(), []);
    let settings = load(Some(dir.path().to_path_buf()));
    assert_eq!(
        settings.all_problems().len(),
        1,
        "a directory cannot be read"
    );
    assert_eq!(settings.all_problems()[0].line, 0);
}

#[test]
fn the_database_is_found_from_home_or_next_to_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "database = \"qm/db\"\n").unwrap();
    assert_eq!(
        load(Some(file.clone())).database,
        Some(dir.path().join("qm/db"))
    );
    std::fs::write(&file, "database = \"/srv/qm/db\"\n").unwrap();
    assert_eq!(
        load(Some(file.clone())).database,
        Some(PathBuf::from("/srv/qm/db"))
    );
    std::fs::write(&file, "database = \"~/qm/db\"\n").unwrap();
    let home = PathBuf::from(std::env::var_os("HOME").unwrap());
    assert_eq!(load(Some(file)).database, Some(home.join("qm/db")));
}

#[test]
fn proof_months_is_a_whole_number_of_months_from_1_to_60() {
    let (settings, found) = problems("proof_months = 3\n");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(settings.proof_months, Some(3));
    for bad in ["0", "61", "\"sechs\"", "2.5", "0x10"] {
        let (settings, found) = problems(&format!("\nproof_months = {bad}\n"));
        assert_eq!(found.len(), 1, "{bad}: {found:?}");
        assert_eq!(found[0].0, 2, "{bad}: the line");
        assert!(found[0].1.contains("`proof_months`"), "{bad}: {found:?}");
        assert_eq!(settings.proof_months, None, "{bad}: the default stays");
    }
}
