//! x5c chains from a test PKI made by pyca/cryptography (ECDSA root, RSA intermediate,
//! P-256 leaf; see testdata/crypto/generate.py), checked at the caller's time.

use chrono::{DateTime, Utc};
use ebl::ErrorCode;
use ebl::crypto::x509::CertificateAnchors;
use ebl::crypto::{AlgorithmSet, KeySet, jws};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/crypto");

fn pki() -> Value {
    let text = std::fs::read(format!("{DIR}/pki.json")).expect("pki.json");
    ebl::json::parse(&text).expect("strict JSON")
}

fn anchors(file: &str) -> CertificateAnchors {
    let pem = std::fs::read_to_string(format!("{DIR}/{file}")).expect("anchor PEM");
    CertificateAnchors::from_pem(&pem).expect("anchor")
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("time")
}

fn verify(
    label: &str,
    anchor_file: &str,
    time: &str,
) -> Result<jws::VerifiedJws, ebl::crypto::CryptoError> {
    let v = pki();
    let compact = v["jws"][label].as_str().expect("jws");
    jws::JwsVerifier::new(AlgorithmSet::default(), KeySet::new(), anchors(anchor_file))
        .verify(compact, at(time))
}

#[test]
fn valid_chains_verify() {
    for label in ["valid", "valid_without_root"] {
        let verified = verify(label, "pki-root.pem", "2027-01-01T00:00:00Z")
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        assert!(
            verified.certificate_chain()[0]
                .subject()
                .contains("CN=Signer")
        );
        assert_eq!(verified.certificate_chain()[0].public_key(), verified.key());
    }
}

#[test]
fn each_chain_failure_has_its_code() {
    let cases = [
        (
            "valid",
            "pki-other-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateUntrusted,
        ),
        (
            "valid_without_root",
            "pki-other-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateUntrusted,
        ),
        (
            "valid",
            "pki-root.pem",
            "2031-06-01T00:00:00Z",
            ErrorCode::CryptoCertificateExpired,
        ),
        (
            "valid",
            "pki-root.pem",
            "2025-06-01T00:00:00Z",
            ErrorCode::CryptoCertificateNotYetValid,
        ),
        (
            "expired_leaf",
            "pki-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateExpired,
        ),
        (
            "unknown_critical",
            "pki-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        (
            "leaf_key_encipherment_only",
            "pki-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        (
            "pathlen_exceeded",
            "pki-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        (
            "issuer_not_ca",
            "pki-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        (
            "out_of_order",
            "pki-root.pem",
            "2027-01-01T00:00:00Z",
            ErrorCode::CryptoCertificateChainInvalid,
        ),
    ];
    for (label, anchor, time, expected) in cases {
        let err = verify(label, anchor, time).expect_err("refused");
        assert_eq!(err.code(), expected, "{label} at {time}: {err}");
    }
}

#[test]
fn signing_refuses_an_x5c_leaf_for_another_key() {
    let rng = ring::rand::SystemRandom::new();
    let v = pki();
    let leaf_b64 = v["chains"]["valid"][0].as_str().expect("leaf");
    let leaf = ebl::crypto::b64::decode_standard(leaf_b64, "leaf").expect("DER");
    let other = ebl::crypto::PrivateKey::generate(ebl::crypto::KeyType::P256, &rng).expect("key");
    let header = jws::JwsHeader {
        x5c: vec![leaf],
        ..Default::default()
    };
    let err = jws::sign_compact(b"{}", &other, &header, &rng).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::CryptoCertificateKeyMismatch);
}
