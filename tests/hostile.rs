//! Hostile input: arbitrary and truncated bytes where records are expected, lying length
//! prefixes, arbitrary strings for the amount/date/number parsers, control characters for the
//! sanitiser, and a database with damaged measure records. Nothing may panic; damage must be
//! reported naming tree and key.
//!
//! A counting global allocator lets the tests see the largest single allocation a decode asks
//! for, so a lying length prefix that made bincode reserve memory would show.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use std::process::{Command, Output};

use chrono::{Datelike, NaiveDate};
use proptest::collection::vec;
use proptest::prelude::*;
use quartier::model::{
    Cents, Fund, Goal, GoalId, Indicator, Measure, MeasureId, Problem, Status, format_date_de,
    parse_amount, parse_date, parse_decimal,
};
use quartier::ops::Op;
use quartier::store::keys::TreeName;
use quartier::store::{EntryKind, HistoryEntry, Link, StoreError, codec};
use quartier::text::{sanitize_line, sanitize_text};

// ---------------------------------------------------------------------------------------------
// Allocation probe

struct Counting;

thread_local! {
    static ARMED: Cell<bool> = const { Cell::new(false) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note(size: usize) {
    let _ = ARMED.try_with(|armed| {
        if armed.get() {
            let _ = LARGEST.try_with(|largest| largest.set(largest.get().max(size)));
        }
    });
}

// SAFETY: every call is passed on to the system allocator unchanged; `note` only reads and
// writes two const-initialised thread-locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the largest single allocation it made on this thread.
fn largest_allocation<T>(f: impl FnOnce() -> T) -> (T, usize) {
    LARGEST.with(|l| l.set(0));
    ARMED.with(|a| a.set(true));
    let result = f();
    ARMED.with(|a| a.set(false));
    (result, LARGEST.with(Cell::get))
}

/// No decode of a small input may ask for more than this at once. serde caps what a sequence
/// reserves from its declared length at 1 MiB (`serde::de::size_hint::cautious`), whatever the
/// input; strings are read from the input, never reserved.
const SMALL_ALLOCATION: usize = 1024 * 1024;

/// Proptest settings: `cases` cases, no regression files written into the source tree.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Record strategies

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-ZäöüßÄÖÜ .,-]{0,20}",
        any::<String>().prop_map(|s| s.chars().take(30).collect()),
    ]
}

fn cents() -> impl Strategy<Value = Option<Cents>> {
    proptest::option::of(any::<i64>().prop_map(Cents))
}

fn day() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of(
        (-100_000i32..3_000_000).prop_filter_map("valid day", NaiveDate::from_num_days_from_ce_opt),
    )
}

fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |v| v.is_finite())
}

fn measure() -> impl Strategy<Value = Measure> {
    let indicator = (
        text(),
        text(),
        finite(),
        finite(),
        proptest::option::of(finite()),
    )
        .prop_map(|(name, unit, baseline, target, actual)| Indicator {
            name,
            unit,
            baseline,
            target,
            actual,
        });
    (
        (any::<u64>(), text(), text(), text(), text(), text(), text()),
        (
            proptest::option::of(prop_oneof![
                Just(Fund::Aktionsfonds),
                Just(Fund::Projektfonds),
                Just(Fund::Baufonds),
                Just(Fund::Netzwerkfonds),
            ]),
            cents(),
            cents(),
            cents(),
            day(),
            day(),
            prop_oneof![
                Just(Status::Idee),
                Just(Status::Laufend),
                Just(Status::Abgebrochen)
            ],
        ),
        (vec(text(), 0..3), text(), text(), vec(indicator, 0..3)),
    )
        .prop_map(
            |(
                (id, title, description, organisation, contact, responsible, reference),
                (fund, requested, approved, cofunding, start, end, status),
                (target_groups, location, notes, indicators),
            )| Measure {
                id: MeasureId(id),
                title,
                description,
                organisation,
                contact,
                responsible,
                reference,
                fund,
                requested,
                approved,
                cofunding,
                start,
                end,
                status,
                target_groups,
                location,
                notes,
                indicators,
            },
        )
}

fn history_entry(measure: Measure) -> HistoryEntry {
    let inverse = Op::Batch {
        ops: vec![
            Op::DeleteMeasure { id: measure.id },
            Op::Link {
                measure: measure.id,
                goal: GoalId(3),
                primary: true,
            },
        ],
    };
    HistoryEntry {
        seq: 42,
        time_ms: 1_764_000_000_000,
        user: "qm".into(),
        kind: EntryKind::Undo { of: 41 },
        op: Op::UpdateMeasure { measure },
        inverse,
        link: 40,
    }
}

/// Decodes `bytes` as every record type the store keeps; none may panic.
fn decode_as_everything(bytes: &[u8], version: u8) {
    let _ = codec::decode::<Measure>(bytes, version);
    let _ = codec::decode::<Goal>(bytes, version);
    let _ = codec::decode::<HistoryEntry>(bytes, version);
    let _ = codec::decode::<Op>(bytes, version);
    let _ = codec::decode::<Link>(bytes, version);
    let _ = codec::decode::<u64>(bytes, version);
    let _ = codec::decode::<bool>(bytes, version);
}

/// A measure record whose title claims `length` bytes: version, id 1, then the length as
/// bincode's varint (`253` + u64 little-endian), then only a few bytes.
fn lying_title(length: u64) -> Vec<u8> {
    let mut bytes = vec![1, 1, 253];
    bytes.extend(length.to_le_bytes());
    bytes.extend(b"Kiezfest");
    bytes
}

/// A measure record with empty strings up to `target_groups`, whose count claims `count`.
fn lying_target_groups(count: u64) -> Vec<u8> {
    // version, id, 6 empty strings, fund None, 3 amounts None, 2 dates None, status 0.
    let mut bytes = vec![1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253];
    bytes.extend(count.to_le_bytes());
    bytes.extend([3, b'a', b'b', b'c']);
    bytes
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_decode_to_an_error_or_a_value(
        version in prop_oneof![3 => Just(1u8), 1 => any::<u8>()],
        payload in vec(any::<u8>(), 0..300),
    ) {
        let mut bytes = vec![version];
        bytes.extend(&payload);
        let ((), largest) = largest_allocation(|| decode_as_everything(&bytes, 1));
        prop_assert!(largest <= SMALL_ALLOCATION, "{largest} bytes for a {}-byte input", bytes.len());
        decode_as_everything(&payload, 0);
    }

    #[test]
    fn every_truncation_of_a_valid_record_is_an_error(measure in measure()) {
        let bytes = codec::encode(1, &measure);
        prop_assert_eq!(codec::decode::<Measure>(&bytes, 1), Ok(measure.clone()));
        for cut in 0..bytes.len() {
            prop_assert!(codec::decode::<Measure>(&bytes[..cut], 1).is_err(), "cut at {}", cut);
        }
        let entry = history_entry(measure);
        let bytes = codec::encode(1, &entry);
        prop_assert_eq!(codec::decode::<HistoryEntry>(&bytes, 1), Ok(entry));
        for cut in 0..bytes.len() {
            prop_assert!(codec::decode::<HistoryEntry>(&bytes[..cut], 1).is_err(), "cut at {}", cut);
        }
    }

    #[test]
    fn a_lying_length_prefix_allocates_nothing_large(length in any::<u64>()) {
        for bytes in [lying_title(length), lying_target_groups(length)] {
            let (result, largest) = largest_allocation(|| codec::decode::<Measure>(&bytes, 1));
            prop_assert!(result.is_err(), "{length}: {result:?}");
            prop_assert!(largest <= SMALL_ALLOCATION, "{length}: asked for {largest} bytes");
        }
    }
}

#[test]
fn lengths_beyond_the_64_mib_limit_are_refused() {
    // The hand-made records above follow the real layout.
    let plain = codec::encode(
        1,
        &Measure {
            id: MeasureId(1),
            ..Measure::new("")
        },
    );
    assert_eq!(plain[..15], lying_target_groups(0)[..15]);
    assert_eq!(plain[..2], lying_title(0)[..2]);
    for length in [64 << 20, (64 << 20) + 1, 1 << 40, u64::MAX] {
        let bytes = lying_title(length);
        let (result, largest) = largest_allocation(|| codec::decode::<Measure>(&bytes, 1));
        assert!(result.is_err(), "{length}");
        assert!(
            largest <= SMALL_ALLOCATION,
            "{length}: asked for {largest} bytes"
        );
    }
    // The probe works: a real 1 MiB title is one allocation of at least 1 MiB.
    let big = Measure::new("x".repeat(1 << 20));
    let bytes = codec::encode(1, &big);
    let (result, largest) = largest_allocation(|| codec::decode::<Measure>(&bytes, 1));
    assert_eq!(result, Ok(big));
    assert!(largest >= 1 << 20, "probe saw only {largest} bytes");
}

// ---------------------------------------------------------------------------------------------
// Parsers

/// Strings made of what amounts, dates and numbers are made of, plus anything.
fn number_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9.,€ EURe+\\-']{0,24}",
        "[0-9]{1,25}([.,][0-9]{0,4}){0,4}",
        any::<String>(),
        "[0-9]{1,4}[.\\-/][0-9]{1,4}[.\\-/][0-9]{1,6}",
    ]
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn parsers_never_panic(input in number_like()) {
        if let Ok(Cents(c)) = parse_amount(&input) {
            prop_assert!((0..=1_000_000_000_000).contains(&c), "{input:?} gave {c}");
        }
        let _ = parse_date(&input);
        if let Ok(value) = parse_decimal(&input) {
            prop_assert!(value.is_finite(), "{input:?} gave {value}");
        }
    }

    #[test]
    fn formatted_amounts_parse_back(c in 0i64..=1_000_000_000_000) {
        let amount = Cents(c);
        for text in [
            amount.format_plain_de(true),
            amount.format_plain_de(false),
            amount.format_de(),
        ] {
            prop_assert_eq!(parse_amount(&text), Ok(amount), "{}", text);
        }
    }

    #[test]
    fn formatted_dates_parse_back(days in 726_468i32..=767_009) {
        // 1990-01-01 ..= 2100-12-31: the accepted years.
        let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
        prop_assert_eq!(parse_date(&format_date_de(date)), Ok(date));
        prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        // The two-digit form of this century's dates reads back as the same date.
        if (2000..=2099).contains(&date.year()) {
            prop_assert_eq!(parse_date(&date.format("%d.%m.%y").to_string()), Ok(date));
        }
    }

    #[test]
    fn dates_outside_the_accepted_years_are_refused(days in 364_878i32..=3_652_058) {
        // 1000-01-01 ..= 9999-12-31, four-digit years; only 1990–2100 may pass.
        let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
        let text = format_date_de(date);
        if (1990..=2100).contains(&date.year()) {
            prop_assert_eq!(parse_date(&text), Ok(date));
        } else {
            prop_assert_eq!(parse_date(&text), Err(Problem::DateOutOfRange(text.clone())));
        }
    }

    #[test]
    fn formatted_decimals_parse_back(value in finite()) {
        // Within the one range rule for numbers (±1e12) a value parses back; beyond it the
        // parser refuses it with the model's problem.
        let expected = if value.abs() <= quartier::model::MAX_INDICATOR_VALUE {
            Ok(value)
        } else {
            Err(Problem::NotFinite)
        };
        let point = value.to_string();
        prop_assert_eq!(parse_decimal(&point), expected.clone(), "{}", point);
        let comma = point.replace('.', ",");
        prop_assert_eq!(parse_decimal(&comma), expected, "{}", comma);
    }
}

// ---------------------------------------------------------------------------------------------
// Sanitiser

/// Bidi controls (Unicode's Bidi_Control property).
const BIDI: [char; 12] = [
    '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Pieces of hostile text: control characters, C1, bidi controls, escape sequences, and
/// ordinary text around them.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        1 => Just("\u{7f}".to_string()),
        3 => (0x80u32..0xa0).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        3 => proptest::sample::select(BIDI.to_vec()).prop_map(String::from),
        2 => "\u{1b}\\[[0-9;?]{0,6}[A-Za-z]",
        2 => "\u{1b}\\][0-9];[a-z]{0,5}(\u{7}|\u{1b}\\\\)",
        1 => "\u{9b}[0-9;]{0,4}[a-z]",
        1 => Just("\r\n".to_string()),
        3 => "[a-zäöüß€ ]{0,5}",
        2 => any::<char>().prop_map(String::from),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    vec(hostile_piece(), 0..24).prop_map(|pieces| pieces.concat())
}

/// What may never reach a terminal.
fn forbidden(c: char) -> bool {
    (c as u32) < 0x20 || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) || BIDI.contains(&c)
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn sanitize_line_lets_no_control_through(input in hostile_text()) {
        let clean = sanitize_line(&input);
        let bad: Vec<char> = clean.chars().filter(|&c| forbidden(c)).collect();
        prop_assert!(bad.is_empty(), "{:?} → {:?} keeps {:?}", input, clean, bad);
    }

    #[test]
    fn sanitize_text_lets_only_line_breaks_through(input in hostile_text()) {
        let clean = sanitize_text(&input);
        let bad: Vec<char> = clean.chars().filter(|&c| c != '\n' && forbidden(c)).collect();
        prop_assert!(bad.is_empty(), "{:?} → {:?} keeps {:?}", input, clean, bad);
    }
}

#[test]
fn every_forbidden_character_is_replaced() {
    for c in (0u32..0x110000)
        .filter_map(char::from_u32)
        .filter(|&c| forbidden(c))
    {
        let line = format!("a{c}b");
        let clean = sanitize_line(&line);
        assert!(!clean.contains(c), "sanitize_line keeps U+{:04X}", c as u32);
        if c != '\n' {
            assert!(
                !sanitize_text(&line).contains(c),
                "sanitize_text keeps U+{:04X}",
                c as u32
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A damaged database

fn quartier(db: &Path, args: &[&str]) -> Output {
    // The test's own store may hold sled's lock for some milliseconds after it is dropped.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    loop {
        let out = Command::new(env!("CARGO_BIN_EXE_quartier"))
            .env("QUARTIER_NO_SERVER", "1")
            .arg("--db")
            .arg(db)
            .args(args)
            .env("LANG", "de_DE.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("QUARTIER_DB")
            .output()
            .expect("run quartier");
        if out.status.code() != Some(2) || std::time::Instant::now() > deadline {
            return out;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// `store_robustness.rs` covers single truncated and garbage records through the store, and
/// `cli.rs` `quartier check` on a garbage record. This one cuts a real measure record (with
/// links) at every length, overwrites real records with the pieces, and asks the store and the
/// binary.
#[test]
fn truncated_measure_records_are_named_by_the_store_and_by_quartier_check() {
    let (dir, mut store) = common::fresh();
    let path = dir.path().join("db");
    let mut full = common::full_measure();
    let id = common::add_measure(&mut store, "Vorlage", &["1.3", "4.3"]);
    full.id = id;
    common::apply(
        &mut store,
        Op::UpdateMeasure {
            measure: full.clone(),
        },
    );
    let bytes = quartier::store::encode_measure(1, &full);
    // Cuts at a few interesting places: right after the version byte, in the title, in the
    // middle, one byte short; plus the record with garbage appended and with a wrong version.
    let mut damaged: Vec<Vec<u8>> = [1, 5, bytes.len() / 2, bytes.len() - 1]
        .iter()
        .map(|&cut| bytes[..cut].to_vec())
        .collect();
    damaged.push([&bytes[..], b"\xff\xfe"].concat());
    damaged.push([&[7u8][..], &bytes[1..]].concat());
    let mut ids = Vec::new();
    for value in &damaged {
        let id = common::add_measure(&mut store, "wird beschädigt", &["2.1"]);
        store
            .raw_insert(TreeName::Measures, &id.0.to_be_bytes(), value)
            .unwrap();
        ids.push(id);
    }
    // Every cut goes through the store, under one key of its own; the last (one byte short)
    // stays there.
    let spare = MeasureId(999_999);
    for cut in 0..bytes.len() {
        store
            .raw_insert(TreeName::Measures, &spare.0.to_be_bytes(), &bytes[..cut])
            .unwrap();
        match store.measure(spare) {
            Err(StoreError::Corrupt { tree, key, reason }) => {
                assert_eq!((tree, key.as_str()), ("measures", "999999"), "{reason}");
            }
            other => panic!("cut at {cut}: expected Corrupt, got {other:?}"),
        }
    }
    ids.push(spare);
    drop(store);

    // The database still opens, and names each damaged record.
    let store = common::open(&path);
    assert_eq!(store.measure(id).unwrap(), Some(full));
    for damaged_id in &ids {
        match store.measure(*damaged_id) {
            Err(StoreError::Corrupt { tree, key, .. }) => {
                assert_eq!((tree, key), ("measures", damaged_id.0.to_string()))
            }
            other => panic!("{damaged_id}: expected Corrupt, got {other:?}"),
        }
    }
    drop(store);

    let out = quartier(&path, &["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for damaged_id in &ids {
        let line = format!("  measures/{}: Datensatz nicht lesbar", damaged_id.0);
        assert!(stdout.contains(&line), "{line:?} missing:\n{stdout}");
    }
    let shown = quartier(&path, &["measure", "show", &ids[0].0.to_string()]);
    let stderr = String::from_utf8_lossy(&shown.stderr);
    assert_eq!(shown.status.code(), Some(1), "{stderr}");
    // (The daily backup cannot be written from a damaged database either: a warning line
    // before the error says so.)
    assert!(
        stderr
            .lines()
            .last()
            .unwrap_or_default()
            .starts_with(&format!(
                "Fehler: Beschädigter Datensatz in measures, Schlüssel {}",
                ids[0].0
            )),
        "{stderr}"
    );
    let good = quartier(&path, &["measure", "show", &id.0.to_string()]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
}

/// A history record holding an `Op::Batch` nested 20 000 deep (40 KB). bincode has no depth
/// limit, so decoding it recurses until the stack overflows and the process aborts: `check` and
/// `log` die with SIGABRT instead of naming the record.
#[test]
fn deeply_nested_batch_in_the_history_is_reported_not_a_crash() {
    let (dir, store) = common::fresh();
    let path = dir.path().join("db");
    // seq 1, time 0, user "", kind Do, then the op: Batch (variant 11) of one element, again
    // and again, ending in DeleteMeasure (7) { id: 1 }; inverse DeleteMeasure { id: 1 }; link 0.
    let mut bytes = vec![1, 1, 0, 0, 0];
    for _ in 0..20_000 {
        bytes.extend([11, 1]);
    }
    bytes.extend([7, 1, 7, 1, 0]);
    store
        .raw_insert(TreeName::History, &1u64.to_be_bytes(), &bytes)
        .unwrap();
    drop(store);
    for args in [&["check"][..], &["log"][..]] {
        let out = quartier(&path, args);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "quartier {args:?}: {:?}\n{all}",
            out.status
        );
        assert!(
            all.contains("history"),
            "quartier {args:?} does not name the record:\n{all}"
        );
    }
}

/// A 7-byte measure record whose title claims 16 MiB (found by the proptest above): decode
/// must fail without allocating what the prefix claims.
#[test]
fn a_short_record_claiming_a_long_title_allocates_little() {
    let bytes = [1u8, 0, 252, 0, 0, 0, 1];
    let (result, largest) = largest_allocation(|| codec::decode::<Measure>(&bytes, 1));
    assert!(result.is_err(), "{result:?}");
    assert!(largest <= SMALL_ALLOCATION, "{largest} bytes for 7 bytes");
}
