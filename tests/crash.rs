//! Crash test: a child process applies edits through the real store and announces each one
//! only after `Store::apply` returned (committed, flushed, `fdatasync`ed). The parent kills it
//! with SIGKILL at random moments, over and over on the same database, and after every kill
//! checks that every confirmed edit is there with the right content, that `check()` finds
//! nothing, and that undo and redo still work.
//!
//! The child is this test binary itself, re-executed with [`CHILD_DB_VAR`] set and filtered to
//! the ignored test `crash_child`.
//!
//! Protocol on the child's stdout, one line each, flushed at once:
//! - `ready <next measure id>` once the store is open;
//! - `intent add <id> <title> <goal,goal>` / `intent update <id> <title>` /
//!   `intent link <id> <goal> <0|1 primary>` / `intent undo` before an op is applied;
//! - `confirmed <seq> <kind> <id> <title>` after `apply`/`undo` returned.
//!
//! The parent keeps its own model of every measure (title, Träger, goals, primary goal) and of
//! the undo stack, built only from these lines. An op announced but not confirmed when the
//! kill came may or may not have been committed; the newest history sequence number tells
//! which, and the model follows.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::open_after_close;
use quartier::model::{GoalId, Measure, MeasureId};
use quartier::ops::Op;
use quartier::store::Store;

/// Tells the re-executed test binary to act as the child, on this database.
const CHILD_DB_VAR: &str = "QUARTIER_CRASH_CHILD";
/// The child's random seed.
const CHILD_SEED_VAR: &str = "QUARTIER_CRASH_SEED";
/// A prefix for the child's titles, so each round's titles differ.
const CHILD_ROUND_VAR: &str = "QUARTIER_CRASH_ROUND";

/// Kills on the same database.
const ROUNDS: u64 = 30;
/// Operational goals the child links to (the seeded catalogue's codes).
const GOALS: [&str; 12] = [
    "1.1", "1.3", "2.1", "2.3", "3.2", "4.3", "5.2", "6.1", "7.2", "8.1", "9.1", "9.3",
];

/// splitmix64: small, deterministic, good enough to pick ops and delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// What the model knows of one measure.
#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    title: String,
    organisation: String,
    goals: BTreeSet<String>,
    primary: Option<String>,
}

fn organisation_for(title: &str) -> String {
    format!("Träger {title}")
}

/// An op as announced by an `intent` line.
#[derive(Clone, Debug)]
enum Intent {
    Add {
        id: u64,
        title: String,
        goals: Vec<String>,
    },
    Update {
        id: u64,
        title: String,
    },
    Link {
        id: u64,
        goal: String,
        primary: bool,
    },
    Undo,
}

impl Intent {
    fn kind(&self) -> &'static str {
        match self {
            Intent::Add { .. } => "add",
            Intent::Update { .. } => "update",
            Intent::Link { .. } => "link",
            Intent::Undo => "undo",
        }
    }

    fn parse(words: &[&str]) -> Intent {
        let id = |w: &str| w.parse::<u64>().expect("measure id");
        match words {
            ["add", i, title, goals] => Intent::Add {
                id: id(i),
                title: title.to_string(),
                goals: goals.split(',').map(String::from).collect(),
            },
            ["update", i, title] => Intent::Update {
                id: id(i),
                title: title.to_string(),
            },
            ["link", i, goal, primary] => Intent::Link {
                id: id(i),
                goal: goal.to_string(),
                primary: *primary == "1",
            },
            ["undo"] => Intent::Undo,
            other => panic!("unknown intent {other:?}"),
        }
    }
}

/// One change on the undo stack: which measure, and its state before and after.
#[derive(Clone, Debug)]
struct Step {
    id: u64,
    before: Option<State>,
    after: Option<State>,
}

/// The parent's picture of the database.
#[derive(Default)]
struct Model {
    measures: BTreeMap<u64, Option<State>>,
    undo: Vec<Step>,
    /// Newest history sequence number the model accounts for.
    seq: u64,
}

impl Model {
    fn state(&self, id: u64) -> Option<State> {
        self.measures.get(&id).cloned().flatten()
    }

    fn set(&mut self, id: u64, state: Option<State>) {
        self.measures.insert(id, state);
    }

    /// Applies an op that the database committed as history entry `seq`.
    fn apply(&mut self, intent: &Intent, seq: u64) {
        assert_eq!(
            seq,
            self.seq + 1,
            "history entries out of order for {intent:?}"
        );
        self.seq = seq;
        match intent {
            Intent::Undo => {
                let step = self
                    .undo
                    .pop()
                    .expect("child undid with an empty model stack");
                self.set(step.id, step.before);
            }
            Intent::Add { id, title, goals } => {
                assert!(self.state(*id).is_none(), "M{id} added twice");
                let after = State {
                    title: title.clone(),
                    organisation: organisation_for(title),
                    goals: goals.iter().cloned().collect(),
                    primary: goals.first().cloned(),
                };
                self.push(*id, Some(after));
            }
            Intent::Update { id, title } => {
                let mut after = self.state(*id).expect("update of a known measure");
                after.title = title.clone();
                after.organisation = organisation_for(title);
                self.push(*id, Some(after));
            }
            Intent::Link { id, goal, primary } => {
                let mut after = self.state(*id).expect("link of a known measure");
                after.goals.insert(goal.clone());
                if *primary || after.primary.is_none() {
                    after.primary = Some(goal.clone());
                }
                self.push(*id, Some(after));
            }
        }
    }

    fn push(&mut self, id: u64, after: Option<State>) {
        let before = self.state(id);
        self.set(id, after.clone());
        self.undo.push(Step { id, before, after });
    }
}

/// What one round of the child printed, split into complete lines.
fn lines_of(output: &Mutex<Vec<u8>>) -> Vec<String> {
    let bytes = output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&bytes);
    // A line cut by the kill has no newline and is ignored: the child had not finished it.
    let complete = match text.rfind('\n') {
        Some(end) => &text[..end],
        None => "",
    };
    complete.lines().map(String::from).collect()
}

/// The state of every measure on disk, as the model describes it.
fn on_disk(store: &Store) -> BTreeMap<u64, State> {
    let codes: BTreeMap<GoalId, String> = store
        .goals()
        .expect("goals")
        .into_iter()
        .map(|g| (g.id, g.code))
        .collect();
    store
        .measures()
        .expect("read every measure")
        .into_iter()
        .map(|m| {
            let links = store.links_of_measure(m.id).expect("links");
            let goals = links.iter().map(|l| codes[&l.goal].clone()).collect();
            let primary = links
                .iter()
                .find(|l| l.primary)
                .map(|l| codes[&l.goal].clone());
            let state = State {
                title: m.title,
                organisation: m.organisation,
                goals,
                primary,
            };
            (m.id.0, state)
        })
        .collect()
}

fn newest_seq(store: &Store) -> u64 {
    store
        .history(1)
        .expect("history")
        .first()
        .map_or(0, |e| e.seq)
}

/// Runs one child until `kill_after` past its start (or past `ready` when `from_ready`), then
/// SIGKILLs it; returns its complete stdout lines.
fn run_child(
    db: &Path,
    round: u64,
    seed: u64,
    kill_after: Duration,
    from_ready: bool,
) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "crash_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB_VAR, db)
        .env(CHILD_SEED_VAR, seed.to_string())
        .env(CHILD_ROUND_VAR, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn child");
    let started = Instant::now();
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().expect("child stdout");
    let shared = Arc::clone(&output);
    let reader = std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        loop {
            match std::io::Read::read(&mut stdout, &mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => shared.lock().unwrap().extend_from_slice(&buffer[..n]),
            }
        }
    });
    let mut stderr = child.stderr.take().expect("child stderr");
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let base = if from_ready {
        let deadline = started + Duration::from_secs(10);
        loop {
            if lines_of(&output).iter().any(|l| l.starts_with("ready ")) {
                break Instant::now();
            }
            if Instant::now() > deadline || child.try_wait().expect("try_wait").is_some() {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "child never got ready: {:?}\nstderr: {}",
                    lines_of(&output),
                    errors.join().unwrap()
                );
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    } else {
        started
    };
    std::thread::sleep(kill_after.saturating_sub(base.elapsed()));
    let ended_early = child.try_wait().expect("try_wait");
    // `Child::kill` sends SIGKILL on Unix.
    child.kill().expect("SIGKILL the child");
    let status = child.wait().expect("wait for the child");
    reader.join().expect("reader thread");
    let errors = errors.join().unwrap();
    assert!(
        ended_early.is_none(),
        "child ended before the kill ({status:?}): {errors}"
    );
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        status.signal(),
        Some(9),
        "child not killed by SIGKILL: {errors}"
    );
    lines_of(&output)
}

#[derive(Default)]
struct Tally {
    confirmed: u64,
    lost: u64,
    in_flight_committed: u64,
    in_flight_not_committed: u64,
    killed_before_ready: u64,
}

#[test]
fn sigkill_never_loses_a_confirmed_edit() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let db: PathBuf = dir.path().join("db");
    drop(Store::open(&db).expect("create and seed the database"));

    let mut model = Model::default();
    let mut tally = Tally::default();
    let mut rng = Rng(0x5eed_c0de);
    for round in 0..ROUNDS {
        let kill_after = Duration::from_millis(5 + rng.below(146));
        // Every fourth round counts from the start of the process, so some kills land while
        // the child is still opening the database.
        let from_ready = round % 4 != 3;
        let lines = run_child(&db, round, rng.next(), kill_after, from_ready);

        let mut pending: Option<Intent> = None;
        let mut ready = false;
        for line in &lines {
            let words: Vec<&str> = line.split(' ').collect();
            match words.as_slice() {
                ["ready", next] => {
                    ready = true;
                    let next: u64 = next.parse().unwrap();
                    let known = model.measures.keys().next_back().map_or(1, |m| m + 1);
                    assert!(next >= known, "next measure id {next} below {known}");
                }
                ["intent", rest @ ..] => {
                    assert!(pending.is_none(), "two intents without confirmation");
                    pending = Some(Intent::parse(rest));
                }
                ["confirmed", seq, kind, ..] => {
                    let intent = pending.take().expect("confirmation without intent");
                    let seq: u64 = seq.parse().unwrap();
                    assert_eq!(*kind, intent.kind(), "{line}");
                    model.apply(&intent, seq);
                    tally.confirmed += 1;
                }
                _ => {} // the test harness's own lines
            }
        }
        if !ready {
            tally.killed_before_ready += 1;
        }

        let mut store = open_after_close(&db)
            .unwrap_or_else(|e| panic!("round {round}: reopen after SIGKILL: {e:?}"));
        let newest = newest_seq(&store);
        if newest < model.seq {
            tally.lost += model.seq - newest;
            eprintln!(
                "round {round}: history ends at {newest}, confirmed up to {}",
                model.seq
            );
        }
        match pending {
            Some(intent) if newest == model.seq + 1 => {
                model.apply(&intent, newest);
                tally.in_flight_committed += 1;
            }
            Some(_) => tally.in_flight_not_committed += 1,
            None => {}
        }
        assert!(
            newest <= model.seq,
            "round {round}: history has {newest} entries, the model only {}",
            model.seq
        );

        let disk = on_disk(&store);
        for (id, expected) in &model.measures {
            let found = disk.get(id);
            if found != expected.as_ref() {
                tally.lost += 1;
                eprintln!("round {round}: M{id} expected {expected:?}, found {found:?}");
            }
        }
        let extra: Vec<&u64> = disk
            .keys()
            .filter(|id| !model.measures.contains_key(id))
            .collect();
        assert!(
            extra.is_empty(),
            "round {round}: unknown measures {extra:?}"
        );
        assert_eq!(store.check(), [], "round {round}: check after SIGKILL");
        assert_eq!(tally.lost, 0, "round {round}: confirmed edits lost");

        // Undo and redo work on the reopened store and move exactly the model's top step (undo
        // is per actor: the child's). A kill before the first edit of the test was confirmed
        // leaves nothing to undo.
        let Some(step) = model.undo.last().cloned() else {
            assert!(
                store.undo("crash-child").is_err(),
                "round {round}: undo with no confirmed edit"
            );
            drop(store);
            continue;
        };
        store.undo("crash-child").expect("undo after reopen");
        assert_eq!(
            on_disk(&store).get(&step.id),
            step.before.as_ref(),
            "round {round}: undo"
        );
        store.redo("crash-child").expect("redo after reopen");
        assert_eq!(
            on_disk(&store).get(&step.id),
            step.after.as_ref(),
            "round {round}: redo"
        );
        model.seq += 2;
        assert_eq!(newest_seq(&store), model.seq);
        drop(store);
    }

    let measures = model.measures.values().flatten().count();
    eprintln!(
        "crash test: {ROUNDS} SIGKILLs, {} confirmed edits, {} lost; in flight at the kill: {} \
         committed, {} not; {} kills before the store was open; {measures} measures; {:.1} s",
        tally.confirmed,
        tally.lost,
        tally.in_flight_committed,
        tally.in_flight_not_committed,
        tally.killed_before_ready,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(tally.lost, 0);
    assert!(tally.confirmed >= ROUNDS * 10, "too few edits to mean much");

    // The binary agrees the database is sound.
    let out = quartier_check(&db);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "quartier check: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("{measures} Maßnahmen")),
        "{stdout}"
    );
}

/// `quartier --db <db> check`, waiting out the lock this process's closed store may still hold
/// for some milliseconds (see `common::open_after_close`).
fn quartier_check(db: &Path) -> std::process::Output {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let out = Command::new(env!("CARGO_BIN_EXE_quartier"))
            .env("QUARTIER_NO_SERVER", "1")
            .arg("--db")
            .arg(db)
            .arg("check")
            .env("LANG", "de_DE.UTF-8")
            .env_remove("LC_ALL")
            .output()
            .expect("run quartier check");
        if out.status.code() != Some(2) || Instant::now() > deadline {
            return out;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Not a test of its own: run by `sigkill_never_loses_a_confirmed_edit` in a child process,
/// it edits the database until it is killed.
#[test]
#[ignore = "helper, run in a child process by the crash test"]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_DB_VAR) else {
        return;
    };
    let seed: u64 = std::env::var(CHILD_SEED_VAR).unwrap().parse().unwrap();
    let round = std::env::var(CHILD_ROUND_VAR).unwrap();
    let mut rng = Rng(seed);
    let mut store = open_after_close(Path::new(&path)).expect("child: open store");
    let goal_ids: BTreeMap<String, GoalId> = store
        .goals()
        .unwrap()
        .into_iter()
        .map(|g| (g.code, g.id))
        .collect();
    let mut ids: Vec<u64> = store.measures().unwrap().iter().map(|m| m.id.0).collect();
    let mut out = std::io::stdout().lock();
    let mut say = |text: String| {
        writeln!(out, "{text}").unwrap();
        out.flush().unwrap();
    };
    // The harness has printed `test crash_child ... ` without a line break: end that line first.
    say(format!("\nready {}", store.next_ids().unwrap().1.0));
    // A safety net: a child the parent failed to kill stops on its own.
    let stop = Instant::now() + Duration::from_secs(10);
    let mut step = 0u64;
    while Instant::now() < stop {
        step += 1;
        let title = format!("r{round}s{step}");
        let choice = rng.below(100);
        // A measure to edit, if one still exists (an undo may have removed it).
        let target = if ids.is_empty() || choice < 35 {
            None
        } else {
            let id = *rng.pick(&ids);
            match store.measure(MeasureId(id)).unwrap() {
                Some(_) => Some(id),
                None => {
                    ids.retain(|&i| i != id);
                    None
                }
            }
        };
        match (choice, target) {
            (85.., _) if store.can_undo("crash-child").unwrap() => {
                say("intent undo".into());
                let applied = store.undo("crash-child").expect("undo");
                say(format!("confirmed {} undo", applied.seq));
            }
            (35..=64, Some(id)) => {
                say(format!("intent update {id} {title}"));
                let measure = Measure {
                    id: MeasureId(id),
                    organisation: organisation_for(&title),
                    description: format!("Runde {round}\nSchritt {step}"),
                    ..Measure::new(title.clone())
                };
                let applied = store
                    .apply(Op::UpdateMeasure { measure }, "crash-child")
                    .expect("update");
                say(format!("confirmed {} update {id} {title}", applied.seq));
            }
            (65..=84, Some(id)) => {
                let linked: BTreeSet<GoalId> = store
                    .links_of_measure(MeasureId(id))
                    .unwrap()
                    .iter()
                    .map(|l| l.goal)
                    .collect();
                let free: Vec<&str> = GOALS
                    .iter()
                    .copied()
                    .filter(|c| !linked.contains(&goal_ids[*c]))
                    .collect();
                if free.is_empty() {
                    continue;
                }
                let code = *rng.pick(&free);
                let primary = rng.below(3) == 0;
                say(format!("intent link {id} {code} {}", u8::from(primary)));
                let applied = store
                    .apply(
                        Op::Link {
                            measure: MeasureId(id),
                            goal: goal_ids[code],
                            primary,
                        },
                        "crash-child",
                    )
                    .expect("link");
                say(format!("confirmed {} link {id} {title}", applied.seq));
            }
            _ => {
                let next = store.next_ids().unwrap().1.0;
                let count = 1 + rng.below(2) as usize;
                let mut codes: Vec<&str> = Vec::new();
                while codes.len() < count {
                    let code = *rng.pick(&GOALS);
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                }
                say(format!("intent add {next} {title} {}", codes.join(",")));
                let measure = Measure {
                    organisation: organisation_for(&title),
                    ..Measure::new(title.clone())
                };
                let goals = codes.iter().map(|c| goal_ids[*c]).collect();
                let applied = store
                    .apply(Op::AddMeasure { measure, goals }, "crash-child")
                    .expect("add");
                let id = applied.added_measure().expect("new id").0;
                assert_eq!(id, next, "the store gave another id than next_ids said");
                ids.push(id);
                say(format!("confirmed {} add {id} {title}", applied.seq));
            }
        }
    }
}
