//! Schema fixtures: `tests/fixtures/schema-N/` is a real sled database written by quartier with
//! schema N — goals changed, five measures with every field set, links with a changed primary,
//! and a history ending in an undo. The tests open a copy with today's code and check every
//! value. A later schema change must keep them green by adding a migration (`store/migrate.rs`),
//! never by rewriting a fixture; a new schema gets a fixture of its own (`schema-3/`, …).
//!
//! Write the fixture of the current schema (only when its directory does not exist yet):
//! `QUARTIER_WRITE_FIXTURE=1 cargo test --test fixture -- --ignored`

mod common;
mod fixture_money;

use std::path::{Path, PathBuf};

use common::{date, gid, indicator};
use quartier::model::{Cents, Fund, Goal, GoalId, Measure, MeasureId, Status};
use quartier::ops::Op;
use quartier::store::migrate::Prepared;
use quartier::store::{EntryKind, Repository, Store};

const ACTOR: &str = "fixture";

fn fixture_dir(schema: u64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-{schema}"))
}

/// The five measures as stored, ids 1–5, every field set.
fn measures() -> Vec<Measure> {
    let m = |id: u64, title: &str| Measure {
        id: MeasureId(id),
        ..Measure::new(title)
    };
    vec![
        Measure {
            description: "Kinder lesen mit Ehrenamtlichen.\nZweimal pro Woche.".into(),
            organisation: "Bildungsverbund Nord e.V.".into(),
            contact: "Frau Öztürk, 030 1234567".into(),
            responsible: "K. Schmidt".into(),
            reference: "QM-2026/001".into(),
            fund: Some(Fund::Projektfonds),
            requested: Some(Cents(1_300_000)),
            approved: Some(Cents(1_250_050)),
            cofunding: Some(Cents(125_000)),
            start: date(2026, 1, 1),
            end: date(2026, 12, 31),
            status: Status::Laufend,
            target_groups: vec!["Kinder".into(), "Eltern".into()],
            location: "Grundschule am Kiez, Weserstraße 12".into(),
            notes: "Raum ab März\n\tmit Tab".into(),
            indicators: vec![
                indicator("Teilnehmende Kinder", 0.0, 40.0, Some(26.0)),
                indicator("Lesestunden", 0.0, 80.5, None),
            ],
            ..m(1, "Lesepaten an der Grundschule")
        },
        Measure {
            description: "Ein Fest für alle.".into(),
            organisation: "Nachbarschaftshaus Donaustraße".into(),
            contact: "info@example.org".into(),
            responsible: "B. Schulz".into(),
            reference: "AF-2025-17".into(),
            fund: Some(Fund::Aktionsfonds),
            requested: Some(Cents(150_000)),
            approved: Some(Cents(120_000)),
            cofunding: Some(Cents(0)),
            start: date(2025, 6, 1),
            end: date(2025, 6, 30),
            status: Status::Abgeschlossen,
            target_groups: vec!["Alle Bewohner".into()],
            location: "Donaustraße 7".into(),
            notes: "Abrechnung erledigt".into(),
            indicators: vec![indicator("Besucher", 100.0, 500.0, Some(620.0))],
            ..m(2, "Nachbarschaftsfest")
        },
        Measure {
            description: "Begrünung von drei Innenhöfen.".into(),
            organisation: "Grün im Kiez gGmbH".into(),
            contact: "Herr Nowak".into(),
            responsible: "A. Yılmaz".into(),
            reference: "BF-2024-03".into(),
            fund: Some(Fund::Baufonds),
            requested: Some(Cents(9_000_000)),
            approved: Some(Cents(8_750_000)),
            cofunding: Some(Cents(500_000)),
            start: date(2024, 4, 1),
            end: date(2027, 3, 31),
            status: Status::Bewilligt,
            target_groups: vec!["Mieter".into(), "Kinder".into(), "Ältere".into()],
            location: "Höfe Weichselstraße 1–5".into(),
            notes: "Bauantrag gestellt".into(),
            indicators: vec![indicator("Begrünte Fläche", 0.0, 1200.0, Some(300.25))],
            ..m(3, "Grüne Höfe")
        },
        Measure {
            description: "Beratung in drei Sprachen.".into(),
            organisation: "Sprachbrücke e.V.".into(),
            contact: "beratung@example.org".into(),
            responsible: "M. Haddad".into(),
            reference: "PF-2026-22".into(),
            fund: Some(Fund::Netzwerkfonds),
            requested: Some(Cents(6_000_000)),
            approved: Some(Cents(5_500_000)),
            cofunding: Some(Cents(99)),
            start: date(2026, 3, 1),
            end: date(2028, 2, 29),
            status: Status::Beantragt,
            target_groups: vec!["Neu Zugezogene".into()],
            location: "Stadtteilladen, Sonnenallee 100".into(),
            notes: "Antrag in Prüfung".into(),
            indicators: vec![
                indicator("Beratungen", 0.0, 300.0, None),
                indicator("Sprachen", 1.0, 3.0, Some(2.0)),
            ],
            ..m(4, "Sprachcafé und Beratung")
        },
        Measure {
            description: "Zu teuer, abgelehnt.".into(),
            organisation: "Kiezradio UG".into(),
            contact: "studio@example.org".into(),
            responsible: "L. Kowalski".into(),
            reference: "PF-2023-09".into(),
            fund: Some(Fund::Other),
            requested: Some(Cents(2_500_000)),
            approved: Some(Cents(0)),
            cofunding: Some(Cents(1)),
            start: date(2023, 9, 1),
            end: date(2023, 9, 1),
            status: Status::Abgelehnt,
            target_groups: vec!["Jugendliche".into()],
            location: "Online".into(),
            notes: "Neuer Antrag 2027?".into(),
            indicators: vec![indicator("Sendungen", -1.5, 12.0, Some(-1.0))],
            ..m(5, "Kiezradio")
        },
    ]
}

/// Measure 3's title before the undone edit.
const TITLE_BEFORE_UNDO: &str = "Grüne Höfe";
/// Measure 3's title after the edit that was undone (back with `redo`).
const TITLE_UNDONE: &str = "Grüne Höfe und Dächer";

/// Links as `(measure, goal code, primary)`, by measure, then goal id.
const LINKS: [(u64, &str, bool); 9] = [
    (1, "1.3", false),
    (1, "2.1", true),
    (2, "5.4", true),
    (2, "8.2", false),
    (3, "3.2", true),
    (3, "3.7", false),
    (4, "2.3", true),
    (5, "5.2", false),
    (5, "9.4", true),
];

/// History entries written, oldest first: 3 goal changes, 5 adds, 5 link changes, one edit,
/// and the undo of that edit (schema 4 and later: the money ops after the adds, see
/// `fixture_money`).
const HISTORY_LEN: usize = 15;

/// Writes the fixture of the current schema. Run with `QUARTIER_WRITE_FIXTURE=1 cargo test
/// --test fixture -- --ignored`; it refuses to overwrite an existing fixture.
#[test]
#[ignore = "writes tests/fixtures/schema-<current>; run by hand with QUARTIER_WRITE_FIXTURE=1"]
fn write_fixture() {
    if std::env::var("QUARTIER_WRITE_FIXTURE").as_deref() != Ok("1") {
        return;
    }
    let target = fixture_dir(quartier::store::migrate::SCHEMA_VERSION);
    assert!(
        !target.exists(),
        "{} exists; remove it first",
        target.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    {
        let mut store = Store::open(&path).unwrap();
        let apply = |store: &mut Store, op: Op| {
            store.apply(op, ACTOR).unwrap();
        };
        let g11 = gid(&store, "1.1");
        apply(
            &mut store,
            Op::UpdateGoal {
                id: g11,
                code: "1.1".into(),
                title: "Erhalt bestehender Arbeitsplätze im Kiez".into(),
                description: "Vom Büro geändert.\nZweite Zeile.".into(),
            },
        );
        let z3 = gid(&store, "Z3");
        apply(
            &mut store,
            Op::AddGoal {
                goal: Goal {
                    id: GoalId(0),
                    parent: Some(z3),
                    code: "3.7".into(),
                    title: "Klimaanpassung im Kiez".into(),
                    description: "Hitze, Starkregen".into(),
                    position: u32::MAX,
                },
            },
        );
        let (g94, z9) = (gid(&store, "9.4"), gid(&store, "Z9"));
        apply(
            &mut store,
            Op::MoveGoal {
                id: g94,
                parent: Some(z9),
                position: 0,
            },
        );
        let first_goals = ["1.3", "5.4", "3.2", "2.3", "5.2"];
        for (measure, code) in measures().into_iter().zip(first_goals) {
            let goals = vec![gid(&store, code)];
            let measure = Measure {
                id: MeasureId(0),
                ..measure
            };
            apply(&mut store, Op::AddMeasure { measure, goals });
        }
        for op in fixture_money::ops() {
            apply(&mut store, op);
        }
        let link = |store: &Store, m: u64, code: &str, primary: bool| Op::Link {
            measure: MeasureId(m),
            goal: gid(store, code),
            primary,
        };
        let op = link(&store, 1, "2.1", true);
        apply(&mut store, op);
        let op = link(&store, 2, "8.2", false);
        apply(&mut store, op);
        let op = link(&store, 3, "3.7", false);
        apply(&mut store, op);
        let op = link(&store, 5, "9.4", false);
        apply(&mut store, op);
        let op = Op::SetPrimary {
            measure: MeasureId(5),
            goal: gid(&store, "9.4"),
        };
        apply(&mut store, op);
        let edited = Measure {
            title: TITLE_UNDONE.into(),
            ..measures()[2].clone()
        };
        apply(&mut store, Op::UpdateMeasure { measure: edited });
        store.undo(ACTOR).unwrap();
        assert_eq!(store.check(), []);
        assert_eq!(
            store.history(100).unwrap().len(),
            HISTORY_LEN + fixture_money::OPS
        );
    }
    // Let sled's threads finish with the files before they are copied.
    std::thread::sleep(std::time::Duration::from_millis(500));
    copy_database(&path, &target);
}

/// Copies a sled database directory, leaving out quartier's lock file, drafts and empty
/// directories (git keeps none; sled creates its empty `blobs/` again on open).
fn copy_database(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        if name_str == "quartier.lock" || name_str.starts_with("draft-") {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            if std::fs::read_dir(entry.path()).unwrap().next().is_none() {
                continue;
            }
            copy_database(&entry.path(), &to.join(&name));
        } else {
            std::fs::copy(entry.path(), to.join(&name)).unwrap();
        }
    }
}

#[test]
fn schema_1_fixture_opens_with_todays_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    copy_database(&fixture_dir(1), &path);
    let store = Store::open(&path).expect("open the schema-1 fixture");
    assert_eq!(store.prepared(), &Prepared::Migrated { from: 1 });
    // Migration 1 → 2 gives every goal and measure revision 1.
    for goal in store.goals().unwrap() {
        assert_eq!(
            store.goal_revised(goal.id).unwrap().unwrap().0,
            1,
            "{}",
            goal.code
        );
    }
    for id in store.measure_ids().unwrap() {
        assert_eq!(store.measure_revised(id).unwrap().unwrap().0, 1, "{id}");
    }
    check_fixture_contents(store, 1);
}

#[test]
fn schema_2_fixture_opens_with_todays_code() {
    open_fixture_with_revisions(2);
}

/// Schema 3 differs from 2 only in keeping undo and redo per actor: the same records.
#[test]
fn schema_3_fixture_opens_with_todays_code() {
    open_fixture_with_revisions(3);
}

/// Schema 4 adds pots, plans and payments (issue 14).
#[test]
fn schema_4_fixture_opens_with_todays_code() {
    open_fixture_with_revisions(4);
}

/// Opens the fixture of `schema` (2 or later: records with revisions) and checks everything.
fn open_fixture_with_revisions(schema: u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    copy_database(&fixture_dir(schema), &path);
    let store = Store::open(&path).expect("open the fixture");
    let current = quartier::store::migrate::SCHEMA_VERSION;
    let expected = match schema == current {
        true => Prepared::Current,
        false => Prepared::Migrated { from: schema },
    };
    assert_eq!(store.prepared(), &expected, "schema {schema}");
    // Revisions as written: 1.1 renamed, 9.4 moved first (its siblings renumbered), measure 3
    // edited and the edit undone.
    let revision = |code: &str| {
        let goal = store.goal_by_code(code).unwrap().unwrap();
        store.goal_revised(goal.id).unwrap().unwrap().0
    };
    let goals: Vec<u64> = ["1.1", "1.2", "3.7", "9.4", "9.1", "9.3", "Z9"]
        .map(revision)
        .to_vec();
    assert_eq!(goals, [2, 1, 1, 2, 2, 2, 1]);
    let measures: Vec<u64> = (1..=5)
        .map(|id| store.measure_revised(MeasureId(id)).unwrap().unwrap().0)
        .collect();
    assert_eq!(measures, [1, 1, 3, 1, 1]);
    check_fixture_contents(store, schema);
}

/// Everything the fixture holds, read with today's code; then undo, redo and a new measure.
fn check_fixture_contents(mut store: Store, schema: u64) {
    assert_eq!(store.check(), []);
    fixture_money::check(&store, schema);
    let money_ops = match schema >= fixture_money::SINCE {
        true => fixture_money::OPS,
        false => 0,
    };

    // Goals: the seeded 48 plus 3.7, 1.1 renamed, 9.4 moved first under Z9.
    let goals = store.goals().unwrap();
    assert_eq!(goals.len(), 49);
    let g11 = store.goal_by_code("1.1").unwrap().unwrap();
    assert_eq!(g11.title, "Erhalt bestehender Arbeitsplätze im Kiez");
    assert_eq!(g11.description, "Vom Büro geändert.\nZweite Zeile.");
    let g37 = store.goal_by_code("3.7").unwrap().unwrap();
    assert_eq!(
        (g37.id, g37.parent, g37.title.as_str(), g37.position),
        (
            GoalId(49),
            Some(gid(&store, "Z3")),
            "Klimaanpassung im Kiez",
            6
        )
    );
    assert_eq!(
        common::child_codes(&store, Some(gid(&store, "Z9"))),
        ["9.4", "9.1", "9.2", "9.3"]
    );
    assert_eq!(
        common::child_codes(&store, Some(gid(&store, "Z3"))),
        ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"]
    );

    // Measures, every field.
    assert_eq!(store.measures().unwrap(), measures());

    // Links, both directions.
    let links: Vec<(u64, String, bool)> = store
        .links()
        .unwrap()
        .into_iter()
        .map(|l| (l.measure.0, common::code_of(&store, l.goal), l.primary))
        .collect();
    let mut expected: Vec<(u64, String, bool)> = LINKS
        .iter()
        .map(|&(m, code, primary)| (m, code.to_string(), primary))
        .collect();
    let id_of = |code: &str| gid(&store, code);
    expected.sort_by_key(|(m, code, _)| (*m, id_of(code)));
    assert_eq!(links, expected);
    for (m, code, primary) in LINKS {
        let back = store.links_of_goal(gid(&store, code)).unwrap();
        assert!(
            back.iter()
                .any(|l| l.measure == MeasureId(m) && l.primary == primary),
            "{m} ↔ {code} missing from links_of_goal"
        );
    }

    // History: 15 entries, the newest the undo of the edit before it.
    let history = store.history(100).unwrap();
    assert_eq!(history.len(), HISTORY_LEN + money_ops);
    assert_eq!(
        history[0].kind,
        EntryKind::Undo {
            of: 14 + money_ops as u64
        }
    );
    assert!(history.iter().skip(1).all(|e| e.kind == EntryKind::Do));
    assert!(history.iter().all(|e| e.user == ACTOR));
    assert_eq!(store.next_ids().unwrap(), (GoalId(50), MeasureId(6)));

    // Undo and redo continue where the fixture stopped.
    assert!(store.can_redo(ACTOR).unwrap());
    store.redo(ACTOR).expect("redo the undone edit");
    assert_eq!(
        store.measure(MeasureId(3)).unwrap().unwrap().title,
        TITLE_UNDONE
    );
    store.undo(ACTOR).expect("undo it again");
    assert_eq!(
        store.measure(MeasureId(3)).unwrap().unwrap().title,
        TITLE_BEFORE_UNDO
    );
    store.undo(ACTOR).expect("undo SetPrimary");
    assert_eq!(common::measure_links(&store, MeasureId(5)), ["5.2*", "9.4"]);
    store.undo(ACTOR).expect("undo a link");
    assert_eq!(common::measure_links(&store, MeasureId(5)), ["5.2*"]);
    assert_eq!(store.check(), []);

    // A new measure gets the next id, and the database reopens.
    let id = common::add_measure(&mut store, "Nach dem Öffnen", &["3.7"]);
    assert_eq!(id, MeasureId(6));
    let store = common::reopen(store);
    assert_eq!(store.measures().unwrap().len(), 6);
    assert_eq!(store.check(), []);
}
