//! The generic entry point against each format's own verifier, on the same bytes.
//!
//! `verify_bytes` detects the format and runs that format's checks; what it adds (detection,
//! the summary it returns) must stay small. For the PINT demo envelope the format's verifier
//! is `pint::verify_envelope`; for the 5 KB TradeTrust B/L it is `WrappedDocument::from_bytes`,
//! its integrity check and the DNS identity check on the answers supplied. After the criterion
//! runs it prints both ratios as the median of interleaved rounds (budget: ≤ 1.15 each), which
//! `scripts/bench` reads.

use std::collections::BTreeMap;
use std::hint::black_box;

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use ebl::openattestation::{WrappedDocument, verify_dns_txt};
use ebl::pint::{EnvelopeVerifyOptions, verify_envelope};
use ebl::verify::{VerifyContext, verify_bytes};

fn testdata(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../testdata/{path}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

struct Fixture {
    pint: Vec<u8>,
    oa: Vec<u8>,
    dns: BTreeMap<String, Vec<String>>,
    context: VerifyContext,
    options: EnvelopeVerifyOptions,
}

fn fixture() -> Fixture {
    let at = "2026-11-26T00:00:00Z".parse().expect("time");
    let mut context = VerifyContext::at(at);
    for name in ["ed25519-carrier", "ed25519-eblplatform"] {
        context
            .add_keys(&testdata(&format!(
                "dcsa/pint-demo/keys-public/{name}.example.com.public.jwk"
            )))
            .expect("key");
    }
    let dns_bytes = testdata("openattestation/sg-shenzhen-5kb.dns-txt.json");
    context.add_dns_txt_answers(&dns_bytes).expect("answers");
    Fixture {
        pint: testdata("dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json"),
        oa: testdata("openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json"),
        dns: ebl::json::from_slice(&dns_bytes).expect("answers"),
        context,
        options: EnvelopeVerifyOptions::at(at),
    }
}

fn generic(bytes: &[u8], context: &VerifyContext) {
    let verification = verify_bytes(black_box(bytes), context).expect("verifies");
    assert!(verification.valid);
    black_box(verification);
}

fn pint_own(f: &Fixture) {
    let report = verify_envelope(black_box(&f.pint), &f.context.pint, &f.options).expect("parses");
    assert!(report.is_accepted());
    black_box(report);
}

fn oa_own(f: &Fixture) {
    let document = WrappedDocument::from_bytes(black_box(&f.oa)).expect("parses");
    let integrity = document.verify();
    let identity = verify_dns_txt(&document, &f.dns, None);
    assert!(integrity.is_valid() && identity.is_valid());
    black_box((integrity, identity));
}

fn bench(c: &mut Criterion) {
    let f = fixture();
    let mut group = c.benchmark_group("verify_bytes");
    group.bench_function("pint/verify_bytes", |b| {
        b.iter(|| generic(&f.pint, &f.context))
    });
    group.bench_function("pint/verify_envelope", |b| b.iter(|| pint_own(&f)));
    group.bench_function("openattestation/verify_bytes", |b| {
        b.iter(|| generic(&f.oa, &f.context))
    });
    group.bench_function("openattestation/own", |b| b.iter(|| oa_own(&f)));
    group.finish();

    let (pint, pint_generic, pint_format) =
        support::interleaved_ratio(|| generic(&f.pint, &f.context), || pint_own(&f));
    let (oa, oa_generic, oa_format) =
        support::interleaved_ratio(|| generic(&f.oa, &f.context), || oa_own(&f));
    println!(
        "verify_bytes vs format verifier: pint {:.1} us / {:.1} us ratio {pint:.3}; openattestation {:.1} us / {:.1} us ratio {oa:.3} (median of interleaved rounds)",
        pint_generic.as_secs_f64() * 1e6,
        pint_format.as_secs_f64() * 1e6,
        oa_generic.as_secs_f64() * 1e6,
        oa_format.as_secs_f64() * 1e6,
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
