//! Receiving with the SQLite registry against receiving stateless (budget: the registry adds
//! at most 15 % per envelope).
//!
//! Every round receives 400 new envelopes (distinct eBLs, the demo's shape: an issue and a
//! transfer to this platform, Ed25519) both ways, one after the other, so every recorded
//! receive is a real acceptance: a chain comparison, a document lookup and one committed
//! transaction. The registry is one file for all rounds, as on a platform, so its WAL
//! checkpoints (two `fsync`s every few thousand pages) fall into the timed rounds in their
//! true proportion; the ratio is taken over the sums of the rounds, which interleave the two
//! ways so that the load of a noisy machine hits both alike. Prints one line
//! `scripts/bench-registry` reads.

use std::time::{Duration, Instant};

use ebl::pint::{
    DuplicatePolicy, EblEnvelope, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust,
    Signer, Transaction, TransactionParty, receive_envelope, receive_envelope_recorded,
};
use ebl::title::{SqliteDurability, SqliteRegistry};
use ring::rand::SystemRandom;

const ENVELOPES: usize = 400;
const ROUNDS: usize = 7;

fn main() {
    let rng = SystemRandom::new();
    let key = |seed: u8| {
        Signer::new(ebl::crypto::PrivateKey::from_ed25519_seed(&[seed; 32], &rng).expect("key"))
    };
    let (sgp1, szp1) = (key(41), key(42));
    let mut trust = PintTrust::default();
    trust
        .trust_platform_key("SGP1", sgp1.key.public_key().clone())
        .expect("trust");
    let at = "2026-06-16T07:00:00Z".parse().expect("time");
    let options = EnvelopeVerifyOptions::receiving("SZP1", at, []);
    let shipper = TransactionParty::new("SGP1", "Straits Precision", "SGP1", "straits");
    let buyer = TransactionParty::new("SZP1", "Qianhai Electronics", "SZP1", "qianhai");
    let envelopes = |round: usize| -> Vec<Vec<u8>> {
        (0..ENVELOPES)
            .map(|i| {
                let td = serde_json::json!({"transportDocumentReference": format!("BENCH{round}-{i:05}"), "isToOrder": false});
                let carrier = TransactionParty::new("SGP1", "Lion City Ocean Lines", "SMDG", "LCOL");
                let issuance = Issuance::new(carrier, shipper.clone(), at);
                let mut builder =
                    EnvelopeBuilder::issue(td, issuance, &sgp1, &sgp1, &rng).expect("issue");
                builder
                    .record("SGP1", vec![Transaction::transfer(shipper.clone(), buyer.clone(), at)], &sgp1, &rng)
                    .expect("transfer");
                let envelope: EblEnvelope = builder.seal(&sgp1, Vec::new(), &rng).expect("seal");
                envelope.to_json_pretty().into_bytes()
            })
            .collect()
    };

    let dir = std::env::temp_dir().join(format!("ebl-bench-registry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let registry = SqliteRegistry::open(&dir.join("registry.sqlite")).expect("registry");
    // The same with an fsync per acceptance (survives a power cut): reported, no budget.
    let synced_registry = SqliteRegistry::open_with_durability(
        &dir.join("registry-full.sqlite"),
        SqliteDurability::PowerLoss,
    )
    .expect("registry");
    let recorded_receive = |registry: &SqliteRegistry, envelopes: &[Vec<u8>]| {
        let started = Instant::now();
        for bytes in envelopes {
            let received = receive_envelope_recorded(
                bytes,
                &trust,
                &options,
                &szp1,
                &rng,
                registry,
                DuplicatePolicy::SameEntry,
            )
            .expect("receive");
            assert!(received.is_accepted(), "{:?}", received.report.findings);
        }
        started.elapsed()
    };
    let (mut stateless, mut recorded, mut synced) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for round in 0..=ROUNDS {
        let envelopes = envelopes(round);
        let started = Instant::now();
        for bytes in &envelopes {
            let received = receive_envelope(bytes, &trust, &options, &szp1, &rng).expect("receive");
            assert!(received.is_accepted());
        }
        let stateless_round = started.elapsed();
        let recorded_round = recorded_receive(&registry, &envelopes);
        let synced_round = recorded_receive(&synced_registry, &envelopes);
        if round > 0 {
            // Round 0 warms caches and the file system.
            stateless += stateless_round;
            recorded += recorded_round;
            synced += synced_round;
        }
    }
    drop((registry, synced_registry));
    std::fs::remove_dir_all(&dir).ok();
    let envelopes_timed = ENVELOPES * ROUNDS;
    let per = |d: Duration| d.as_secs_f64() * 1e6 / envelopes_timed as f64;
    println!(
        "registry receive vs stateless: stateless {:.1} µs/envelope, sqlite registry {:.1} µs/envelope, ratio {:.3}, {:.0} receives/s; with an fsync per acceptance {:.1} µs/envelope",
        per(stateless),
        per(recorded),
        recorded.as_secs_f64() / stateless.as_secs_f64(),
        envelopes_timed as f64 / recorded.as_secs_f64(),
        per(synced)
    );
}
