//! What the integration tests share, in one place: repository paths, fixed keys, parties and
//! times here; the helpers of one area in a submodule ([`model`] for `model_*`, [`title`] for
//! `title_*`, [`recognition`] for `recognition_*` and `trust_*`). A test file declares
//! `mod support;` and uses what it needs; every test binary compiles all of it and uses a
//! part, hence `dead_code` is allowed.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod model;
pub mod recognition;
pub mod registry;
pub mod title;

use ebl::crypto::PrivateKey;
use ebl::pint::{Signer, TransactionParty};
use ring::rand::SystemRandom;

/// A file of the repository's `testdata/` (see `testdata/SOURCES.md` for where each came from).
pub fn testdata(path: &str) -> String {
    format!("{}/../testdata/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The DCSA pint-demo directory, copied into `testdata/dcsa/pint-demo`.
pub fn pint_demo(path: &str) -> String {
    testdata(&format!("dcsa/pint-demo/{path}"))
}

/// The codes of the error findings, in order: what a test of a refusal compares.
pub fn error_codes(findings: &[ebl::report::Finding]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.code.as_str())
        .collect()
}

/// What a caller sees of one verification result, as one comparable line.
pub fn verification_summary(result: &ebl::Result<ebl::verify::Verification>) -> String {
    match result {
        Ok(v) => format!(
            "{} {} {:?} {:?}",
            v.valid,
            v.format,
            v.response_code,
            v.findings
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>()
        ),
        Err(e) => format!("error {}", e.code()),
    }
}

/// PINT trust in the pint-demo public keys named (`ed25519-carrier`, `rsa-eblplatform`, …).
pub fn pint_demo_trust(names: &[&str]) -> ebl::pint::PintTrust {
    let mut trust = ebl::pint::PintTrust::default();
    for name in names {
        let jwk = read(&pint_demo(&format!(
            "keys-public/{name}.example.com.public.jwk"
        )));
        trust
            .verifier
            .keys
            .extend(ebl::crypto::KeySet::from_jwks_bytes(&jwk).expect("jwk"))
            .expect("keys");
    }
    trust
}

/// The carrier of the Singapore → Shenzhen journey (platform SGP1).
pub fn carrier() -> TransactionParty {
    party("SGP1", "Lion City Ocean Lines", "lcol")
}

/// The shipper (SGP1).
pub fn shipper() -> TransactionParty {
    party("SGP1", "Straits Precision", "straits")
}

/// The negotiating bank (SGP1).
pub fn bank() -> TransactionParty {
    party("SGP1", "Bank of China Singapore", "boc-sg")
}

/// The buyer and consignee in Shenzhen (SZP1).
pub fn buyer() -> TransactionParty {
    party("SZP1", "Qianhai Electronics", "qianhai")
}

pub fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// An Ed25519 key from a fixed seed: Ed25519 signatures are deterministic, so everything
/// signed with these keys is the same on every run.
pub fn ed25519_key(seed_byte: u8) -> PrivateKey {
    PrivateKey::from_ed25519_seed(&[seed_byte; 32], &SystemRandom::new()).expect("seed")
}

pub fn signer(seed_byte: u8) -> Signer {
    Signer::new(ed25519_key(seed_byte))
}

/// The seeds of the PINT tests' cast: the carrier's key and the two platforms' keys.
pub const CARRIER_SEED: u8 = 1;
pub const SGP1_SEED: u8 = 2;
pub const SZP1_SEED: u8 = 3;

/// PINT trust in the cast: the carrier's key, and SGP1's and SZP1's keys bound to their
/// platform codes.
pub fn cast_trust() -> ebl::pint::PintTrust {
    let mut trust = ebl::pint::PintTrust::default();
    trust
        .trust_carrier_key(signer(CARRIER_SEED).key.public_key().clone())
        .expect("carrier");
    for (platform, seed) in [("SGP1", SGP1_SEED), ("SZP1", SZP1_SEED)] {
        trust
            .trust_platform_key(platform, signer(seed).key.public_key().clone())
            .expect("platform");
    }
    trust
}

pub fn party(platform: &str, name: &str, code: &str) -> TransactionParty {
    TransactionParty::new(platform, name, platform, code)
}

pub fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().expect("RFC 3339 time")
}

/// A file of the golden PINT vectors (`testdata/pint/`).
pub fn golden_pint(name: &str) -> String {
    format!("{}/../testdata/pint/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A verification context at the golden vectors' time, trusting their three test keys.
pub fn golden_context() -> ebl::verify::VerifyContext {
    let mut context = ebl::verify::VerifyContext::at(at("2026-07-01T00:00:00Z"));
    for key in ["carrier", "sgtt", "szeb"] {
        context
            .add_keys(&read(&golden_pint(&format!("keys/{key}.jwk"))))
            .expect("golden key");
    }
    context
}

/// Inputs of every kind `verify_bytes` meets, in a fixed order: valid and broken golden PINT
/// envelopes, a DCSA issuance request and bytes that are not JSON.
pub fn mixed_verify_inputs() -> Vec<Vec<u8>> {
    let mut inputs: Vec<Vec<u8>> = [
        "valid-to-order-sg-to-shenzhen.json",
        "fail-document-changed.json",
        "valid-chain-of-10.json",
        "fail-manifest-signature.json",
        "fail-straight-bill-endorsed.json",
    ]
    .iter()
    .map(|name| read(&golden_pint(name)))
    .collect();
    inputs.push(b"not json".to_vec());
    inputs.push(read(&pint_demo("HHL71800000-unsigned.json")));
    inputs
}

/// The property tests' configuration: `cases` cases drawn from a fixed seed, so a run tests the
/// same inputs on every machine and a failure reproduces. `PROPTEST_RNG_SEED=<u64>` explores
/// other inputs (proptest reads it); a failure it finds belongs in the test as a fixed case.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let mut config = proptest::test_runner::Config::with_cases(cases);
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = proptest::test_runner::RngSeed::Fixed(0x0eb1_0f1a_d1e6);
    }
    config
}

/// One fixed key of every supported type (`testdata/crypto/*.pkcs8.pem`: Ed25519, P-256, P-384,
/// RSA-2048), read once per test binary.
pub fn key_of_each_type() -> &'static [PrivateKey] {
    static KEYS: std::sync::OnceLock<Vec<PrivateKey>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        ["ed25519", "p256", "p384", "rsa2048"]
            .iter()
            .map(|name| {
                let pem = std::fs::read_to_string(testdata(&format!("crypto/{name}.pkcs8.pem")))
                    .expect("key fixture");
                PrivateKey::from_pem(&pem, &SystemRandom::new()).expect("key")
            })
            .collect()
    })
}
