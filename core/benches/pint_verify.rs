//! PINT envelope verification against its floor.
//!
//! The floor is the work verification cannot avoid: one raw `ring` signature verification per
//! JWS (manifest, every chain entry, the issuance manifest), SHA-256 of every JWS string, and
//! SHA-256 of the document's canonical bytes. The bench measures both in the same run, for
//! chains of 1, 10 and 100 entries, and prints the ratio (budget: ≤ 1.25) and the cost per
//! entry (linear in chain length).

use std::hint::black_box;

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ebl::checksum::{canonical_json_sha256, sha256_hex};
use ebl::crypto::KeyType;
use ebl::crypto::PrivateKey;
use ebl::crypto::jws::decode_compact;
use ebl::pint::{
    ActionCode, EblEnvelope, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust, Signer,
    Transaction, TransactionParty, verify_envelope,
};
use ring::rand::SystemRandom;
use ring::signature::{ED25519, UnparsedPublicKey};

const LENGTHS: [usize; 3] = [1, 10, 100];

struct Fixture {
    bytes: Vec<u8>,
    envelope: EblEnvelope,
    trust: PintTrust,
    public_key: Vec<u8>,
}

fn fixture(length: usize) -> Fixture {
    let rng = SystemRandom::new();
    let key = PrivateKey::generate(KeyType::Ed25519, &rng).expect("key");
    let public_key =
        ebl::crypto::b64::decode_url(key.public_key().to_jwk()["x"].as_str().expect("x"), "x")
            .expect("raw key");
    let signer = Signer::new(key);
    let party =
        |i: usize| TransactionParty::new("SGP1", format!("Holder {i}"), "SGP1", format!("h{i}"));
    let at = |i: usize| {
        "2026-06-01T00:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .expect("time")
            + chrono::Duration::seconds(i64::try_from(i).unwrap_or(0))
    };
    let document = serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../testdata/dcsa/pint-demo/HHL71800000-unsigned.json"
        ))
        .expect("pint-demo document"),
    )
    .map(|v: serde_json::Value| v["transportDocument"].clone())
    .expect("json");
    let mut builder = EnvelopeBuilder::issue(
        document,
        Issuance {
            platform: "SGP1".into(),
            carrier: party(0),
            issue_to: party(1),
            at: at(0),
            visualisation: None,
        },
        &signer,
        &signer,
        &rng,
    )
    .expect("issue");
    for i in 1..length {
        let transfer = Transaction::new(ActionCode::Transfer, party(i), Some(party(i + 1)), at(i));
        builder
            .record("SGP1", vec![transfer], &signer, &rng)
            .expect("record");
    }
    let envelope = builder.seal(&signer, Vec::new(), &rng).expect("seal");
    let mut trust = PintTrust::default();
    trust
        .trust_platform_key("SGP1", signer.key.public_key().clone())
        .expect("trust");
    Fixture {
        bytes: envelope.to_json_pretty().into_bytes(),
        envelope,
        trust,
        public_key,
    }
}

fn options() -> EnvelopeVerifyOptions {
    let mut options = EnvelopeVerifyOptions::at("2026-07-01T00:00:00Z".parse().expect("time"));
    options.validate_document = false;
    options
}

/// What verification cannot avoid: ring's raw verify of each JWS and the SHA-256 checksums.
fn floor(f: &Fixture) {
    let key = UnparsedPublicKey::new(&ED25519, &f.public_key);
    black_box(canonical_json_sha256(&f.envelope.transport_document));
    let mut jws: Vec<&str> = vec![f.envelope.envelope_manifest_signed_content.as_str()];
    jws.extend(
        f.envelope
            .envelope_transfer_chain
            .iter()
            .map(String::as_str),
    );
    let mut issuance = String::new();
    if let Ok(first) = decode_compact(&f.envelope.envelope_transfer_chain[0]) {
        let entry: serde_json::Value = serde_json::from_slice(first.payload()).expect("entry");
        issuance = entry["issuanceManifestSignedContent"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
    }
    jws.push(&issuance);
    for compact in jws {
        black_box(sha256_hex(compact.as_bytes()));
        let (input, signature) = compact.rsplit_once('.').expect("jws");
        let signature = ebl::crypto::b64::decode_url(signature, "sig").expect("b64");
        key.verify(input.as_bytes(), &signature).expect("valid");
    }
}

fn full(f: &Fixture) {
    let report = verify_envelope(&f.bytes, &f.trust, &options()).expect("envelope");
    assert!(report.is_accepted());
    black_box(report);
}

fn bench(c: &mut Criterion) {
    let fixtures: Vec<(usize, Fixture)> = LENGTHS.iter().map(|&n| (n, fixture(n))).collect();
    let mut group = c.benchmark_group("pint_verify");
    for (length, f) in &fixtures {
        group.bench_with_input(BenchmarkId::new("verify_envelope", length), f, |b, f| {
            b.iter(|| full(f))
        });
        group.bench_with_input(BenchmarkId::new("floor", length), f, |b, f| {
            b.iter(|| floor(f))
        });
    }
    group.finish();

    println!(
        "\npint verify vs floor (median of interleaved rounds; budget ≤ 1.25×, linear in chain length):"
    );
    for (length, f) in &fixtures {
        let (ratio, full_time, floor_time) = support::interleaved_ratio(|| full(f), || floor(f));
        #[allow(clippy::cast_precision_loss)]
        let per_entry = full_time.as_secs_f64() * 1e6 / *length as f64;
        println!(
            "  {length:>3} entries: verify {:>9.1} µs, floor {:>9.1} µs, ratio {ratio:.2}, {per_entry:.1} µs/entry",
            full_time.as_secs_f64() * 1e6,
            floor_time.as_secs_f64() * 1e6,
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
