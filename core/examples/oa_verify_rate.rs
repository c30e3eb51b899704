//! How fast `ebl` verifies one OpenAttestation document on one core, measured the way
//! `scripts/oa-peer/bench.js` measures the JavaScript library (parsed once, then verified in a
//! loop for a fixed time), so that `scripts/bench-openattestation` can alternate the two
//! processes and take the median ratio: `oa_verify_rate FILE [SECONDS]`, printing
//! `{"ops_per_s": ..., "us_per_op": ...}`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ebl::openattestation::{IntegrityVerifier, WrappedDocument};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args.next().ok_or("usage: oa_verify_rate FILE [SECONDS]")?;
    let seconds: f64 = args.next().map_or(Ok(1.5), |s| s.parse())?;
    let doc = WrappedDocument::from_bytes(&std::fs::read(file)?)?;
    let mut verifier = IntegrityVerifier::new();
    if !verifier.verify(&doc).is_valid() {
        return Err("the document does not verify".into());
    }
    for _ in 0..300 {
        black_box(verifier.verify(black_box(&doc)));
    }
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < budget {
        for _ in 0..20 {
            black_box(verifier.verify(black_box(&doc)));
        }
        calls += 20;
    }
    let rate = f64::from(calls) / start.elapsed().as_secs_f64();
    println!(r#"{{"ops_per_s": {rate}, "us_per_op": {}}}"#, 1e6 / rate);
    Ok(())
}
