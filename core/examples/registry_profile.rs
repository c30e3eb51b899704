//! Receives N distinct envelopes (the shape of `core/benches/registry_receive.rs`) stateless,
//! with the SQLite registry, or not at all, for instruction counts under callgrind:
//! `registry_profile none|stateless|recorded [N]`. The cost per envelope of a mode is
//! `(instructions(mode) - instructions(none)) / N`: building the envelopes is the same in all.
//!
//! System calls per receive the same way, from two runs that differ only in N (opening the
//! registry and the checkpoint on close cancel out):
//! `strace -c -f -o 500.txt registry_profile recorded 500`, the same with 1500, then
//! `(calls(1500) - calls(500)) / 1000` for each system call.
//!
//! WAL pages per acceptance, and which table each belongs to: trace the 24-byte WAL frame
//! headers (`strace -f -e trace=pwrite64 -s 8 -xx -o pw.txt`, with `REGISTRY_PROFILE_KEEP=1`
//! so the file stays), read each header's page number (bytes 0–3) and commit mark (bytes 4–7,
//! non-zero on a commit's last frame), and name the pages with SQLite's `dbstat` table on the
//! kept file. Measured with 600 receives (the last 400 commits): version 1 of the schema wrote
//! 6.95 pages per acceptance (three index leaves, a table leaf, a new table page and page 1 on
//! every one), version 2 writes 4.7 (its key leaf, its reference leaf, the record table's last
//! leaf, and every other commit a new record page with page 1).

use ebl::pint::{
    DuplicatePolicy, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust, Signer,
    Transaction, TransactionParty, receive_envelope, receive_envelope_recorded,
};
use ebl::title::SqliteRegistry;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mode = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "recorded".to_owned());
    let count: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let rng = ring::rand::SystemRandom::new();
    let key = |seed: u8| -> Result<Signer, Box<dyn std::error::Error>> {
        Ok(Signer::new(ebl::crypto::PrivateKey::from_ed25519_seed(
            &[seed; 32],
            &rng,
        )?))
    };
    let (sgp1, szp1) = (key(41)?, key(42)?);
    let mut trust = PintTrust::default();
    trust.trust_platform_key("SGP1", sgp1.key.public_key().clone())?;
    let at = "2026-06-16T07:00:00Z".parse()?;
    let options = EnvelopeVerifyOptions::receiving("SZP1", at, []);
    let shipper = TransactionParty::new("SGP1", "Straits Precision", "SGP1", "straits");
    let buyer = TransactionParty::new("SZP1", "Qianhai Electronics", "SZP1", "qianhai");
    let mut envelopes = Vec::with_capacity(count);
    for i in 0..count {
        let td = serde_json::json!({"transportDocumentReference": format!("PROF{i:05}"), "isToOrder": false});
        let carrier = TransactionParty::new("SGP1", "Lion City Ocean Lines", "SMDG", "LCOL");
        let mut builder = EnvelopeBuilder::issue(
            td,
            Issuance::new(carrier, shipper.clone(), at),
            &sgp1,
            &sgp1,
            &rng,
        )?;
        builder.record(
            "SGP1",
            vec![Transaction::transfer(shipper.clone(), buyer.clone(), at)],
            &sgp1,
            &rng,
        )?;
        envelopes.push(
            builder
                .seal(&sgp1, Vec::new(), &rng)?
                .to_json_pretty()
                .into_bytes(),
        );
    }
    let dir = std::env::temp_dir().join(format!("ebl-registry-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let registry = SqliteRegistry::open(&dir.join("registry.sqlite"))?;
    for bytes in &envelopes {
        let received = match mode.as_str() {
            "none" => continue,
            "stateless" => receive_envelope(bytes, &trust, &options, &szp1, &rng)?,
            _ => receive_envelope_recorded(
                bytes,
                &trust,
                &options,
                &szp1,
                &rng,
                &registry,
                DuplicatePolicy::SameEntry,
            )?,
        };
        assert!(received.is_accepted(), "{:?}", received.report.findings);
    }
    drop(registry);
    if std::env::var_os("REGISTRY_PROFILE_KEEP").is_some() {
        eprintln!("kept {}", dir.display());
    } else {
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(())
}
