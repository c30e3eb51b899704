//! Batch verification on every core: 64 PINT envelopes (the golden 10-entry chain and the
//! Singapore → Shenzhen envelope, alternating), verified one after another with `verify_bytes`
//! and all at once with `verify_batch`. After the criterion runs it prints the speed-up as the
//! median of interleaved rounds (budget: ≥ 0.9 × the number of cores, 1.8× on two).

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ebl::verify::{VerifyContext, verify_batch, verify_bytes};

const BATCH: usize = 64;

fn testdata(name: &str) -> String {
    format!("{}/../testdata/pint/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> (Vec<Vec<u8>>, VerifyContext) {
    let envelopes = [
        "valid-chain-of-10.json",
        "valid-to-order-sg-to-shenzhen.json",
    ]
    .map(|name| std::fs::read(testdata(name)).expect("golden vector"));
    let batch = (0..BATCH).map(|i| envelopes[i % 2].clone()).collect();
    let mut context = VerifyContext::at("2026-07-01T00:00:00Z".parse().expect("time"));
    for key in ["carrier", "sgtt", "szeb"] {
        let jwk = std::fs::read(testdata(&format!("keys/{key}.jwk"))).expect("key");
        context.add_keys(&jwk).expect("key");
    }
    (batch, context)
}

fn one_by_one(batch: &[Vec<u8>], context: &VerifyContext) {
    for bytes in batch {
        let verification = verify_bytes(bytes, context).expect("verifies");
        assert!(verification.valid);
        black_box(verification);
    }
}

fn all_at_once(batch: &[Vec<u8>], context: &VerifyContext) {
    for result in verify_batch(batch, context) {
        assert!(result.expect("verifies").valid);
    }
}

fn bench(c: &mut Criterion) {
    let (batch, context) = fixture();
    let mut group = c.benchmark_group("batch_verify");
    group.sample_size(20);
    group.bench_function("one_by_one_64", |b| b.iter(|| one_by_one(&batch, &context)));
    group.bench_function("verify_batch_64", |b| {
        b.iter(|| all_at_once(&batch, &context))
    });
    group.finish();

    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let (speedup, sequential, parallel) = support::interleaved_ratio(
        || one_by_one(&batch, &context),
        || all_at_once(&batch, &context),
    );
    println!(
        "batch verify vs one by one: {cores} cores, one by one {:.1} ms, batch {:.1} ms, speed-up {speedup:.2} (median of interleaved rounds)",
        sequential.as_secs_f64() * 1e3,
        parallel.as_secs_f64() * 1e3,
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
