//! The Ed25519 and RS256 signatures of the pint-demo envelopes and issuance requests, verified
//! with the published JWKs and with their `x5c` chains against the demo root CA.

use chrono::{DateTime, Utc};
use ebl::ErrorCode;
use ebl::crypto::x509::{Certificate, CertificateAnchors};
use ebl::crypto::{Algorithm, AlgorithmSet, KeySet, jws};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn key_set() -> KeySet {
    let mut keys = KeySet::new();
    for name in [
        "ed25519-carrier.example.com",
        "ed25519-eblplatform.example.com",
        "rsa-carrier.example.com",
        "rsa-eblplatform.example.com",
    ] {
        let set = KeySet::from_jwks_bytes(&read(&format!("keys-public/{name}.public.jwk")))
            .expect("published JWK set");
        keys.extend(set).expect("distinct kids");
    }
    keys
}

fn anchors() -> CertificateAnchors {
    let pem = String::from_utf8(read("certs/root-ca.crt")).expect("PEM text");
    CertificateAnchors::from_pem(&pem).expect("root CA")
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("RFC 3339 time")
}

/// Every JWS compact string in the signed example files, with where it was found.
fn signed_contents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in [
        "HHL71800000-ebl-envelope-ed25519.json",
        "HHL71800000-ebl-envelope-nodocs-ed25519.json",
        "HHL71800000-ebl-envelope-rsa.json",
        "HHL71800000-ed25519.json",
        "HHL71800000-rsa.json",
        "HHL71800000-transfer-chain-entry-ISSU-ed25519.json",
        "HHL71800000-transfer-chain-entry-ISSU-rsa.json",
    ] {
        let value = ebl::json::parse(&read(file)).expect("strict JSON");
        let mut found = Vec::new();
        collect(&value, &format!("{file}:$"), &mut found);
        out.extend(found);
    }
    out
}

fn collect(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let child = format!("{path}.{k}");
                if let Value::String(s) = v
                    && k.ends_with("SignedContent")
                {
                    out.push((child, s.clone()));
                } else {
                    collect(v, &child, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                if let Value::String(s) = v
                    && path.ends_with("envelopeTransferChain")
                {
                    out.push((format!("{path}[{i}]"), s.clone()));
                } else {
                    collect(v, &format!("{path}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn finds_all_thirteen_signatures() {
    // 3 envelopes × (manifest + 2 chain entries) + 2 issuance requests + the issuance
    // manifests quoted in the 2 unsigned ISSUE chain-entry payloads.
    let all = signed_contents();
    assert_eq!(
        all.len(),
        13,
        "{:#?}",
        all.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
}

#[test]
fn every_signature_verifies_with_the_published_jwks() {
    let keys = key_set();
    let verifier = jws::JwsVerifier::new(AlgorithmSet::default(), keys, CertificateAnchors::new());
    let mut algs = Vec::new();
    for (path, compact) in signed_contents() {
        let verified = verifier
            .verify(&compact, at("2026-06-01T00:00:00Z"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(verified.trusted_kid().is_some(), "{path}");
        assert_eq!(verified.header().x5c().len(), 3, "{path}");
        verified.payload_json().expect("payload is strict JSON");
        algs.push(verified.header().alg());
    }
    assert!(algs.contains(&Algorithm::EdDSA));
    assert!(algs.contains(&Algorithm::RS256));
}

#[test]
fn every_signature_verifies_through_its_x5c_chain() {
    let verifier = jws::JwsVerifier::new(AlgorithmSet::default(), KeySet::new(), anchors());
    for (path, compact) in signed_contents() {
        let verified = verifier
            .verify(&compact, at("2026-06-01T00:00:00Z"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let chain = verified.certificate_chain();
        assert_eq!(chain.len(), 3, "{path}");
        assert_eq!(chain[0].public_key(), verified.key(), "{path}");
        assert!(chain[2].subject().contains("CN=Test Root CA"), "{path}");
    }
}

#[test]
fn x5c_and_kid_together_must_name_the_same_key() {
    let verifier = jws::JwsVerifier::new(AlgorithmSet::default(), key_set(), anchors());
    for (path, compact) in signed_contents() {
        let verified = verifier
            .verify(&compact, at("2026-06-01T00:00:00Z"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(verified.trusted_kid().is_some());
    }
    // Re-label the JWKs so each kid points at the other platform's key: the x5c leaf no
    // longer matches the key named by kid.
    let mut swapped = KeySet::new();
    let original = key_set();
    let pairs = [
        ("sBq4Mgu7lhEcfph7", "YLFVnyMkSsFTvj-H"),
        ("YLFVnyMkSsFTvj-H", "sBq4Mgu7lhEcfph7"),
        ("pQOEkO9v1KxTaF4T", "cbnuKK2OdATnMnmf"),
        ("cbnuKK2OdATnMnmf", "pQOEkO9v1KxTaF4T"),
    ];
    for (kid, other) in pairs {
        let key = original.get(other).expect("published kid").key.clone();
        swapped.insert(Some(kid.to_owned()), key).expect("insert");
    }
    let (path, compact) = &signed_contents()[0];
    let with_anchors = jws::JwsVerifier::new(AlgorithmSet::default(), swapped.clone(), anchors());
    let err = with_anchors
        .verify(compact, at("2026-06-01T00:00:00Z"))
        .expect_err("must be refused");
    assert_eq!(
        err.code(),
        ErrorCode::CryptoCertificateKeyMismatch,
        "{path}"
    );
    // Without anchors the swapped key simply does not verify the signature.
    let keys_only =
        jws::JwsVerifier::new(AlgorithmSet::default(), swapped, CertificateAnchors::new());
    let err = keys_only
        .verify(compact, at("2026-06-01T00:00:00Z"))
        .expect_err("must be refused");
    assert_eq!(err.code(), ErrorCode::CryptoSignatureInvalid, "{path}");
}

#[test]
fn certificate_validity_is_checked_at_the_callers_time() {
    let verifier = jws::JwsVerifier::new(AlgorithmSet::default(), KeySet::new(), anchors());
    let (_, compact) = &signed_contents()[0];
    let err = verifier
        .verify(compact, at("2036-03-05T00:00:00Z"))
        .expect_err("must be refused");
    assert_eq!(err.code(), ErrorCode::CryptoCertificateExpired);
    let err = verifier
        .verify(compact, at("2026-03-01T00:00:00Z"))
        .expect_err("must be refused");
    assert_eq!(err.code(), ErrorCode::CryptoCertificateNotYetValid);
}

#[test]
fn a_different_anchor_does_not_trust_the_chain() {
    let other = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/crypto/pki-root.pem"
    ))
    .expect("fixture");
    let verifier = jws::JwsVerifier::new(
        AlgorithmSet::default(),
        KeySet::new(),
        CertificateAnchors::from_pem(&other).expect("anchor"),
    );
    let (_, compact) = &signed_contents()[0];
    let err = verifier
        .verify(compact, at("2026-06-01T00:00:00Z"))
        .expect_err("must be refused");
    assert_eq!(err.code(), ErrorCode::CryptoCertificateUntrusted);
}

#[test]
fn intermediate_as_anchor_and_certificate_pem_keys() {
    let pem = String::from_utf8(read("certs/intermediate-ca.crt")).expect("PEM");
    let intermediate = Certificate::from_pem(&pem).expect("intermediate");
    assert!(intermediate.is_ca());
    let verifier = jws::JwsVerifier::new(
        AlgorithmSet::default(),
        KeySet::new(),
        CertificateAnchors::from_pem(&pem).expect("anchor"),
    );
    for (path, compact) in signed_contents() {
        let verified = verifier
            .verify(&compact, at("2026-06-01T00:00:00Z"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(verified.certificate_chain().len(), 3);
    }
    let key = ebl::crypto::PublicKey::from_pem(&pem).expect("key of a CERTIFICATE PEM");
    assert_eq!(&key, intermediate.public_key());
}

#[test]
fn allow_list_excludes_rs256() {
    let only_eddsa = AlgorithmSet::new([Algorithm::EdDSA]);
    let verifier = jws::JwsVerifier::new(only_eddsa, key_set(), CertificateAnchors::new());
    for (path, compact) in signed_contents() {
        let result = verifier.verify(&compact, at("2026-06-01T00:00:00Z"));
        if path.contains("rsa") {
            assert_eq!(
                result.expect_err("must be refused").code(),
                ErrorCode::CryptoAlgorithmNotAllowed,
                "{path}"
            );
        } else {
            assert!(result.is_ok(), "{path}");
        }
    }
}
