//! Crash safety and concurrency of the SQLite registry with real processes.
//!
//! A receiving `ebl receive` child is SIGKILLed at seeded random moments across several
//! hundred receives; after every child (killed or not) the registry must open, pass
//! `PRAGMA integrity_check`, hold every transfer a child printed as `RECE`, and show nothing
//! half-written. Then two processes race, round after round, to accept two continuations of
//! one eBL into one file: exactly one `RECE`, the other `DISE`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ebl::title::SqliteRegistry;
use support::registry::{checksum, receive_args, transfer, write_keys};
use support::temp_dir;

/// How many different eBLs the crash test receives.
const BILLS: usize = 200;

/// xorshift64*: a seeded, dependency-free source of kill moments (the same every run).
struct Moments(u64);

impl Moments {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn spawn(dir: &std::path::Path, envelope: &std::path::Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_ebl"))
        .args(receive_args(Some("registry.sqlite"), envelope))
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ebl")
}

/// Every accepted transfer in the file, by transport document checksum, read in one query
/// (the test checks all of them after every child). A record that does not parse fails here.
fn recorded_transfers(
    path: &std::path::Path,
) -> std::collections::HashMap<String, Vec<ebl::title::AcceptedTransfer>> {
    let raw =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open read-only");
    // Nothing half-written: every record has its key and every key its record.
    let (keys, records, joined): (i64, i64, i64) = raw
        .query_row(
            "SELECT (SELECT count(*) FROM ebl_transfer_key), (SELECT count(*) FROM ebl_transfer_record), (SELECT count(*) FROM ebl_transfer_key k JOIN ebl_transfer_record r ON r.id = k.record)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap();
    assert_eq!((keys, records), (joined, joined), "a transfer half-written");
    let mut statement = raw
        .prepare("SELECT lower(hex(k.td)), r.record FROM ebl_transfer_key k JOIN ebl_transfer_record r ON r.id = k.record")
        .unwrap();
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .unwrap();
    let mut recorded = std::collections::HashMap::<_, Vec<_>>::new();
    for row in rows {
        let (td, record) = row.unwrap();
        let transfer: ebl::title::AcceptedTransfer =
            serde_json::from_str(&record).expect("a complete record");
        assert_eq!(
            transfer.transport_document_checksum, td,
            "record and key disagree"
        );
        recorded.entry(td).or_default().push(transfer);
    }
    recorded
}

/// What the child printed as its verdict, if it lived to print one.
fn printed_code(child: std::process::Child) -> Option<String> {
    let output = child.wait_with_output().expect("wait");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    json["responseCode"].as_str().map(str::to_owned)
}

#[test]
fn sigkill_at_random_moments_never_loses_or_half_writes_an_acceptance() {
    let dir = temp_dir("registry-crash");
    write_keys(&dir);
    let bills: Vec<_> = (0..BILLS)
        .map(|i| {
            transfer(
                &dir,
                &format!("bill-{i}.json"),
                &format!("CRASH-{i}"),
                "qianhai",
                Vec::new(),
            )
        })
        .collect();

    assert_eq!(
        printed_code(spawn(&dir, &dir.join("bill-0.json"))).as_deref(),
        Some("RECE")
    );
    // How long one receive takes here, once the file exists: kill moments are spread over it.
    let started = Instant::now();
    assert_eq!(
        printed_code(spawn(&dir, &dir.join("bill-0.json"))).as_deref(),
        Some("DUPE")
    );
    let span = started.elapsed().as_micros().max(1000) as u64;
    eprintln!("one receive takes about {span} µs here");

    let mut moments = Moments(0x0005_EED0_FEB1);
    let mut printed_rece = [false; BILLS];
    printed_rece[0] = true;
    let (mut kills, mut receives) = (0, 2);
    for (i, (path, _)) in bills.iter().enumerate().skip(1) {
        let mut answered = None;
        while answered.is_none() {
            receives += 1;
            let mut child = spawn(&dir, path);
            let kill_after = Duration::from_micros(moments.next() % (span * 5 / 4));
            std::thread::sleep(kill_after);
            if child.try_wait().expect("try_wait").is_none() {
                child.kill().expect("SIGKILL");
                kills += 1;
            }
            answered = printed_code(child);
            // After every child: the file opens and is sound, and holds what was printed.
            let registry =
                SqliteRegistry::open(&dir.join("registry.sqlite")).expect("reopen after a kill");
            assert_eq!(registry.integrity_check().unwrap(), "ok", "after bill {i}");
            if answered.as_deref() == Some("RECE") {
                printed_rece[i] = true;
            }
            drop(registry);
            let recorded = recorded_transfers(&dir.join("registry.sqlite"));
            for (j, (_, earlier)) in bills.iter().enumerate().take(i + 1) {
                let history = recorded
                    .get(&checksum(earlier))
                    .map_or(&[][..], Vec::as_slice);
                assert!(history.len() <= 1, "bill {j} accepted twice");
                if printed_rece[j] {
                    assert_eq!(
                        history.len(),
                        1,
                        "bill {j} was answered RECE but is not recorded"
                    );
                }
                if let Some(t) = history.first() {
                    assert_eq!(t.chain.len(), 2, "bill {j}: half-written chain");
                    assert_eq!(
                        t.last_entry_checksum(),
                        ebl::checksum::sha256_hex(earlier.envelope_transfer_chain[1].as_bytes())
                    );
                    assert_eq!(
                        t.response.split('.').count(),
                        3,
                        "bill {j}: half-written answer"
                    );
                }
            }
        }
        // A retry after a kill that came after the commit is a duplicate: accepted either way.
        assert!(
            matches!(answered.as_deref(), Some("RECE" | "DUPE")),
            "bill {i}: {answered:?}"
        );
    }
    eprintln!("{receives} receives, {kills} killed");
    assert!(kills >= 20, "too few kills to mean anything ({kills})");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn two_processes_race_two_continuations_and_exactly_one_wins() {
    let dir = temp_dir("registry-race");
    write_keys(&dir);
    drop(SqliteRegistry::open(&dir.join("registry.sqlite")).unwrap());
    for round in 0..40 {
        let reference = format!("RACE-{round}");
        let (a, _) = transfer(
            &dir,
            &format!("a-{round}.json"),
            &reference,
            "qianhai",
            Vec::new(),
        );
        let (b, _) = transfer(
            &dir,
            &format!("b-{round}.json"),
            &reference,
            "someone-else",
            Vec::new(),
        );
        let (first, second) = (spawn(&dir, &a), spawn(&dir, &b));
        let mut codes = [printed_code(first), printed_code(second)];
        codes.sort();
        assert_eq!(
            codes,
            [Some("DISE".to_owned()), Some("RECE".to_owned())],
            "round {round}"
        );
    }
    let registry = SqliteRegistry::open(&dir.join("registry.sqlite")).unwrap();
    assert_eq!(registry.integrity_check().unwrap(), "ok");
    std::fs::remove_dir_all(&dir).unwrap();
}
