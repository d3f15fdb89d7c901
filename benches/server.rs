//! The database's server under load: acknowledgement latency of changes with 1 and with 4
//! concurrent writers, the delay from one client's acknowledgement to the push arriving at
//! another client, the first connection with and without starting the server, and the
//! server's memory after every measure was read.
//!
//! Run with `cargo bench --bench server`. `QUARTIER_BENCH_MEASURES` sets the number of demo
//! measures (default 10 000). The server is the real binary, started as a client starts it.

#[path = "common/mod.rs"]
mod common;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{BenchResult, Stats, Table, fmt_ms, machine, ms, verdict};

use quartier::model::MeasureId;
use quartier::net::client::ServerEvent;
use quartier::net::protocol::Hello;
use quartier::net::{Client, connect};
use quartier::ops::Op;
use quartier::store::Repository;

const DEFAULT_MEASURES: usize = 10_000;
const ONE_WRITER_OPS: usize = 1_000;
const FOUR_WRITER_OPS: usize = 250;
const PUSH_SAMPLES: usize = 300;
const FIRST_CONTACTS: usize = 10;

const ACK_P99_TARGET_MS: f64 = 5.0;
const PUSH_P95_TARGET_MS: f64 = 50.0;
const SERVER_RSS_TARGET_MIB: f64 = 150.0;

fn program() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_quartier"))
}

fn hello(purpose: &str) -> Hello {
    Hello {
        display_name: None,
        purpose: purpose.into(),
        lang: "de".into(),
    }
}

fn client(db: &Path, purpose: &str) -> BenchResult<Client> {
    Ok(connect(db, hello(purpose), Some(program()))?)
}

fn main() -> BenchResult<()> {
    let count = common::measures_from_env(DEFAULT_MEASURES)?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    let filled = std::process::Command::new(program())
        .arg("--db")
        .arg(&db)
        .args(["--no-server", "demo-data", "--measures", &count.to_string()])
        .output()?;
    assert!(filled.status.success(), "demo-data failed");
    println!("server bench: {count} demo measures; {}", machine());
    let mut table = Table::new(&["what", "median", "p95", "p99", "max", "target"]);

    // First contact: with the server start, then with a running server.
    let mut cold = Vec::new();
    for _ in 0..FIRST_CONTACTS {
        let begun = Instant::now();
        let first = client(&db, "bench")?;
        let _ = first.goals()?;
        cold.push(begun.elapsed());
        first.stop()?;
        wait_gone(&db);
    }
    row(
        &mut table,
        "first contact, server started",
        Stats::new(cold),
        None,
    );
    let keeper = client(&db, "bench keeper")?;
    let mut warm = Vec::new();
    for _ in 0..FIRST_CONTACTS * 5 {
        let begun = Instant::now();
        let next = client(&db, "bench")?;
        let _ = next.goals()?;
        warm.push(begun.elapsed());
    }
    row(
        &mut table,
        "first contact, server running",
        Stats::new(warm),
        None,
    );

    let measures = keeper.measures()?;
    let ids: Vec<MeasureId> = measures.iter().map(|m| m.id).collect();

    // One writer.
    let mut writer = client(&db, "bench writer")?;
    let mut acks = Vec::new();
    for round in 0..ONE_WRITER_OPS {
        let mut measure = measures[round % measures.len()].clone();
        measure.notes = format!("bench {round}");
        let begun = Instant::now();
        writer.apply(Op::UpdateMeasure { measure }, "bench")?;
        acks.push(begun.elapsed());
    }
    row(
        &mut table,
        "ack of one change, 1 writer",
        Stats::new(acks),
        Some(ACK_P99_TARGET_MS),
    );

    // Four writers at once, each on its own measures.
    let mut threads = Vec::new();
    for writer_index in 0..4 {
        let db = db.clone();
        let mine: Vec<_> = measures
            .iter()
            .skip(writer_index)
            .step_by(4)
            .take(FOUR_WRITER_OPS)
            .cloned()
            .collect();
        threads.push(std::thread::spawn(move || -> Vec<Duration> {
            let mut writer = client(&db, "bench writer").expect("connect");
            let mut acks = Vec::new();
            for (round, measure) in mine.into_iter().enumerate() {
                let mut measure = measure;
                measure.notes = format!("four {writer_index} {round}");
                let begun = Instant::now();
                writer
                    .apply(Op::UpdateMeasure { measure }, "bench")
                    .expect("apply");
                acks.push(begun.elapsed());
            }
            acks
        }));
    }
    let acks: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("writer thread"))
        .collect();
    row(
        &mut table,
        "ack of one change, 4 writers",
        Stats::new(acks),
        Some(ACK_P99_TARGET_MS),
    );

    // From the writer's acknowledgement to the push at another client.
    let watcher = client(&db, "bench watcher")?;
    let pushes = watcher.subscribe();
    let done = Arc::new(AtomicBool::new(false));
    let mut delays = Vec::new();
    for round in 0..PUSH_SAMPLES {
        let mut measure = measures[round % measures.len()].clone();
        measure.notes = format!("push {round}");
        writer.apply(Op::UpdateMeasure { measure }, "bench")?;
        let acked = Instant::now();
        // Who-is-connected notes may come first.
        loop {
            match pushes.recv_timeout(Duration::from_secs(5))? {
                ServerEvent::Pushed(push) => break assert!(push.seq > 0),
                ServerEvent::Presence(_) => {}
                other => panic!("expected a push, got {other:?}"),
            }
        }
        delays.push(acked.elapsed());
    }
    done.store(true, Ordering::Relaxed);
    row(
        &mut table,
        "ack → push at another client",
        Stats::new(delays),
        Some(PUSH_P95_TARGET_MS),
    );

    // Reading every measure over the socket, and the server's memory afterwards.
    let mut reads = Vec::new();
    for _ in 0..5 {
        let begun = Instant::now();
        let all = keeper.measures()?;
        reads.push(begun.elapsed());
        assert_eq!(all.len(), ids.len());
    }
    row(
        &mut table,
        "all measures over the socket",
        Stats::new(reads),
        None,
    );
    let pid = keeper.welcome().server_pid;
    let rss = rss_mib(pid);
    table.row(vec![
        "server RSS after reads".into(),
        format!("{rss:.1} MiB"),
        String::new(),
        String::new(),
        String::new(),
        format!(
            "≤ {SERVER_RSS_TARGET_MIB} MiB {}",
            verdict(rss, SERVER_RSS_TARGET_MIB)
        ),
    ]);
    table.print();
    keeper.stop()?;
    Ok(())
}

fn row(table: &mut Table, what: &str, stats: Stats, p_target: Option<f64>) {
    let target = match p_target {
        Some(t) if what.contains("push") => format!("p95 ≤ {t} ms {}", verdict(stats.p95, t)),
        Some(t) => format!("p99 ≤ {t} ms {}", verdict(stats.p99, t)),
        None => String::new(),
    };
    table.row(vec![
        what.into(),
        fmt_ms(stats.median),
        fmt_ms(stats.p95),
        fmt_ms(stats.p99),
        fmt_ms(stats.max),
        target,
    ]);
}

fn wait_gone(db: &Path) {
    let socket = quartier::net::socket::socket_path(db);
    let begun = Instant::now();
    while socket.exists() && begun.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = ms(begun.elapsed());
}

fn rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}
