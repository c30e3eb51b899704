//! The native side of `scripts/bench-python`: the time of one `ebl::verify::verify_bytes` call
//! on a file, under the context the Python side builds from the same arguments, so that the
//! two figures differ only by the Python layer.
//!
//! `cargo run --release -p ebl-python --example verify_native -- FILE AT CALLS [--key F]... [--dns-txt F]`
//! prints the best per-call time in nanoseconds over 15 rounds of CALLS calls.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, at, calls, options @ ..] = args.as_slice() else {
        panic!("usage: verify_native FILE AT CALLS [--key F]... [--dns-txt F]");
    };
    let bytes = std::fs::read(file).expect("input file");
    let mut context = ebl::verify::VerifyContext::at(at.parse().expect("RFC 3339 time"));
    for pair in options.chunks(2) {
        let data = std::fs::read(&pair[1]).expect("option file");
        match pair[0].as_str() {
            "--key" => context.add_keys(&data).map(drop).expect("key"),
            "--dns-txt" => context.add_dns_txt_answers(&data).map(drop).expect("dns"),
            other => panic!("unknown option {other}"),
        }
    }
    let calls: u32 = calls.parse().expect("CALLS");
    let mut best = f64::INFINITY;
    for _ in 0..15 {
        let start = Instant::now();
        for _ in 0..calls {
            let verification = ebl::verify::verify_bytes(&bytes, &context).expect("verifies");
            std::hint::black_box(verification);
        }
        best = best.min(start.elapsed().as_nanos() as f64 / f64::from(calls));
    }
    println!("{best:.0}");
}
