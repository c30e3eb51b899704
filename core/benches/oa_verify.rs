//! OpenAttestation v2 verification of the 5 KB B/L against its Keccak-256 floor.
//!
//! `oa_verify/verify` is the full integrity check of the parsed document
//! ([`ebl::openattestation::IntegrityVerifier`]); `oa_verify/keccak_floor` only hashes the byte strings
//! that verification must hash (the 134 leaf preimages and the sorted-list preimage),
//! prepared in advance. After the criterion runs it prints the verify / floor ratio as the
//! median of interleaved rounds (`oa verify vs floor: ...`), which `scripts/bench-openattestation`
//! reads, with the JavaScript library's rate on the same file.

use std::hint::black_box;

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use ebl::json::{Map, Value, to_js_string};
use ebl::openattestation::{IntegrityVerifier, WrappedDocument, keccak256};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json"
);

/// The leaf preimages `{"path":value}` of `value`, computed independently of the library.
fn preimages(value: &Value, prefix: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(m) if !m.is_empty() => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(a) if !a.is_empty() => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => {
            let mut one = Map::new();
            one.insert(prefix.to_owned(), value.clone());
            out.push(to_js_string(&Value::Object(one)));
            return;
        }
    };
    for (k, v) in children {
        let path = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        preimages(v, &path, out);
    }
}

fn bench(c: &mut Criterion) {
    let bytes = std::fs::read(FILE).expect("the 5 KB B/L vector");
    let doc = WrappedDocument::from_bytes(&bytes).expect("parses");

    // The floor: exactly the strings verification hashes.
    let mut leaves = Vec::new();
    preimages(&doc.as_value()["data"], "", &mut leaves);
    let mut hashes: Vec<String> = leaves
        .iter()
        .map(|p| hex::encode(keccak256(p.as_bytes())))
        .collect();
    hashes.sort();
    let list = to_js_string(&Value::Array(
        hashes.into_iter().map(Value::String).collect(),
    ));
    assert_eq!(
        Some(hex::encode(keccak256(list.as_bytes())).as_str()),
        doc.target_hash()
    );
    eprintln!(
        "oa_verify: {} leaves, list preimage {} bytes",
        leaves.len(),
        list.len()
    );

    let mut group = c.benchmark_group("oa_verify");
    let mut verifier = IntegrityVerifier::new();
    assert!(verifier.verify(&doc).is_valid());
    group.bench_function("verify", |b| {
        b.iter(|| black_box(verifier.verify(black_box(&doc))));
    });
    group.bench_function("keccak_floor", |b| {
        b.iter(|| {
            for p in &leaves {
                black_box(keccak256(black_box(p.as_bytes())));
            }
            black_box(keccak256(black_box(list.as_bytes())))
        });
    });
    group.bench_function("parse_and_verify", |b| {
        b.iter(|| {
            let d = WrappedDocument::from_bytes(black_box(&bytes)).expect("parses");
            black_box(verifier.verify(&d))
        });
    });
    group.finish();

    let floor = || {
        for p in &leaves {
            black_box(keccak256(black_box(p.as_bytes())));
        }
        black_box(keccak256(black_box(list.as_bytes())));
    };
    let (ratio, verify_time, floor_time) = support::interleaved_ratio(
        || {
            black_box(verifier.verify(black_box(&doc)));
        },
        floor,
    );
    println!(
        "oa verify vs floor: verify {:.1} us, floor {:.1} us, ratio {ratio:.3} (median of interleaved rounds)",
        verify_time.as_secs_f64() * 1e6,
        floor_time.as_secs_f64() * 1e6,
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
