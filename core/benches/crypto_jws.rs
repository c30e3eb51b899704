//! JWS verification cost against the raw signature check it must do (the floor).

use criterion::{Criterion, criterion_group, criterion_main};
use ebl::crypto::{AlgorithmSet, KeySet, jws};
use std::hint::black_box;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");

fn load(envelope: &str, jwk: &str) -> (String, ebl::crypto::PublicKey) {
    let env = std::fs::read(format!("{DIR}/{envelope}")).expect("envelope");
    let env = ebl::json::parse(&env).expect("json");
    let compact = env["envelopeManifestSignedContent"]
        .as_str()
        .expect("manifest")
        .to_owned();
    let keys =
        KeySet::from_jwks_bytes(&std::fs::read(format!("{DIR}/keys-public/{jwk}")).expect("jwk"))
            .expect("keys");
    let key = keys.iter().next().expect("one key").key.clone();
    (compact, key)
}

fn bench(c: &mut Criterion) {
    for (name, envelope, jwk) in [
        (
            "EdDSA",
            "HHL71800000-ebl-envelope-ed25519.json",
            "ed25519-eblplatform.example.com.public.jwk",
        ),
        (
            "RS256",
            "HHL71800000-ebl-envelope-rsa.json",
            "rsa-eblplatform.example.com.public.jwk",
        ),
    ] {
        let (compact, key) = load(envelope, jwk);
        let decoded = jws::decode_compact(&compact).expect("decode");
        let alg = decoded.header().alg();
        let input = decoded.signing_input().to_vec();
        let signature = decoded.signature().to_vec();
        let allowed = AlgorithmSet::default();
        c.bench_function(&format!("{name}/raw ring verify"), |b| {
            b.iter(|| key.verify(alg, black_box(&input), black_box(&signature)))
        });
        c.bench_function(&format!("{name}/jws verify_compact"), |b| {
            b.iter(|| jws::verify_compact(black_box(&compact), &key, &allowed))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
