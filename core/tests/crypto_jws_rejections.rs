//! Every refusal a JWS verifier must make, each with its own error code.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use ebl::ErrorCode;
use ebl::crypto::b64::encode_url;
use ebl::crypto::x509::CertificateAnchors;
use ebl::crypto::{Algorithm, AlgorithmSet, KeySet, PrivateKey, jws};
use ring::rand::SystemRandom;
use serde_json::json;

/// The RFC 8037 A.1 key: deterministic signatures make these tests reproducible.
fn key() -> PrivateKey {
    PrivateKey::from_jwk(
        &json!({
            "kty": "OKP", "crv": "Ed25519",
            "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
            "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        }),
        &SystemRandom::new(),
    )
    .expect("RFC 8037 key")
}

/// A correctly signed JWS over exactly `header` text (whatever it says).
fn craft(header: &str, payload: &[u8]) -> String {
    let signing_input = format!("{}.{}", encode_url(header.as_bytes()), encode_url(payload));
    let signature = key()
        .sign_with(
            Algorithm::EdDSA,
            signing_input.as_bytes(),
            &SystemRandom::new(),
        )
        .expect("sign");
    format!("{signing_input}.{}", encode_url(&signature))
}

fn code_of(compact: &str) -> ErrorCode {
    jws::verify_compact(compact, key().public_key(), &AlgorithmSet::default())
        .expect_err("must be refused")
        .code()
}

fn now() -> DateTime<Utc> {
    "2026-06-01T00:00:00Z".parse().expect("time")
}

#[test]
fn the_received_header_text_is_the_signing_input() {
    let compact = craft("{ \"kid\" : \"a\",\n \"alg\":\"EdDSA\" }", b"x");
    let verified = jws::verify_compact(&compact, key().public_key(), &AlgorithmSet::default())
        .expect("verifies over the header as received");
    assert_eq!(verified.header().kid(), Some("a"));
    assert_eq!(
        verified.header().json().keys().collect::<Vec<_>>(),
        ["kid", "alg"]
    );
}

#[test]
fn refusals_have_distinct_codes() {
    let valid = craft(r#"{"alg":"EdDSA"}"#, b"payload");
    assert!(jws::verify_compact(&valid, key().public_key(), &AlgorithmSet::default()).is_ok());
    let [h, p, s] = <[&str; 3]>::try_from(valid.split('.').collect::<Vec<_>>()).expect("3 parts");

    let cases: Vec<(&str, String, ErrorCode)> = vec![
        (
            "alg none",
            craft(r#"{"alg":"none"}"#, b"payload"),
            ErrorCode::CryptoAlgNone,
        ),
        (
            "alg none, empty signature",
            format!("{}.{p}.", encode_url(br#"{"alg":"none"}"#)),
            ErrorCode::CryptoAlgNone,
        ),
        (
            "HMAC",
            craft(r#"{"alg":"HS256"}"#, b"payload"),
            ErrorCode::CryptoHmacAlgorithm,
        ),
        (
            "unknown alg",
            craft(r#"{"alg":"ES512"}"#, b"payload"),
            ErrorCode::CryptoUnsupportedAlgorithm,
        ),
        (
            "alg/key mismatch",
            craft(r#"{"alg":"RS256"}"#, b"payload"),
            ErrorCode::CryptoAlgorithmKeyMismatch,
        ),
        (
            "unknown crit",
            craft(r#"{"alg":"EdDSA","crit":["exp"],"exp":1}"#, b"payload"),
            ErrorCode::CryptoUnknownCritical,
        ),
        (
            "padding in header",
            format!("{h}=.{p}.{s}"),
            ErrorCode::CryptoInvalidBase64,
        ),
        (
            "non-canonical trailing bits in payload",
            // "cGF5bG9hZA" encodes "payload"; "cGF5bG9hZB" decodes to the same bytes.
            format!("{h}.cGF5bG9hZB.{s}"),
            ErrorCode::CryptoInvalidBase64,
        ),
        (
            "standard alphabet in signature",
            format!("{h}.{p}.{}", s.replace('-', "+").replace('_', "/") + "+"),
            ErrorCode::CryptoInvalidBase64,
        ),
        (
            "duplicate header member",
            craft(r#"{"alg":"EdDSA","alg":"EdDSA"}"#, b"payload"),
            ErrorCode::JsonDuplicateKey,
        ),
        (
            "two parts",
            format!("{h}.{p}"),
            ErrorCode::CryptoJwsMalformed,
        ),
        (
            "signature flipped",
            format!("{h}.{p}.{}", flip_first(s)),
            ErrorCode::CryptoSignatureInvalid,
        ),
    ];
    let mut seen = BTreeSet::new();
    for (what, compact, expected) in &cases {
        assert_eq!(code_of(compact), *expected, "{what}: {compact}");
        seen.insert(*expected);
    }
    // One code per kind of refusal (the two alg-none and two base64 cases share theirs).
    assert_eq!(seen.len(), 9);

    let only_es256 = AlgorithmSet::new([Algorithm::ES256]);
    let err = jws::verify_compact(&valid, key().public_key(), &only_es256).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::CryptoAlgorithmNotAllowed);
}

fn flip_first(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    chars[0] = if chars[0] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

#[test]
fn malformed_headers() {
    let cases = [
        "[]",
        r#"{"kid":"no alg"}"#,
        r#"{"alg":256}"#,
        r#"{"alg":"EdDSA","kid":7}"#,
        r#"{"alg":"EdDSA","x5c":[]}"#,
        r#"{"alg":"EdDSA","b64":false,"crit":["b64"]}"#,
    ];
    for header in cases {
        assert_eq!(
            code_of(&craft(header, b"p")),
            ErrorCode::CryptoJwsMalformed,
            "{header}"
        );
    }
    for header in [
        r#"{"alg":"EdDSA","crit":[]}"#,
        r#"{"alg":"EdDSA","crit":["missing"]}"#,
        r#"{"alg":"EdDSA","crit":"exp","exp":1}"#,
    ] {
        assert_eq!(
            code_of(&craft(header, b"p")),
            ErrorCode::CryptoUnknownCritical,
            "{header}"
        );
    }
    assert_eq!(code_of("a.b.c.d"), ErrorCode::CryptoJwsMalformed);
    assert_eq!(
        code_of(&craft(r#"{"alg":"EdDSA","x5c":["AAA"]}"#, b"p")),
        ErrorCode::CryptoInvalidBase64
    );
    // Header that is not JSON at all.
    assert_eq!(code_of(&craft("alg=EdDSA", b"p")), ErrorCode::JsonSyntax);
}

#[test]
fn key_resolution_errors() {
    let signed_with_kid = craft(r#"{"alg":"EdDSA","kid":"k1"}"#, b"p");
    let signed_without_kid = craft(r#"{"alg":"EdDSA"}"#, b"p");

    let empty = jws::JwsVerifier::default();
    for compact in [&signed_with_kid, &signed_without_kid] {
        let err = empty.verify(compact, now()).expect_err("no keys");
        assert_eq!(err.code(), ErrorCode::CryptoUnknownKey);
    }

    let mut keys = KeySet::new();
    keys.insert(Some("other".into()), key().public_key().clone())
        .expect("insert");
    let verifier = jws::JwsVerifier::new(
        AlgorithmSet::default(),
        keys.clone(),
        CertificateAnchors::new(),
    );
    let err = verifier
        .verify(&signed_with_kid, now())
        .expect_err("kid unknown");
    assert_eq!(err.code(), ErrorCode::CryptoUnknownKey);
    assert!(err.to_string().contains("k1"));
    // Without a kid, every fitting key is tried.
    let ok = verifier
        .verify(&signed_without_kid, now())
        .expect("found by trying");
    assert_eq!(ok.trusted_kid(), Some("other"));
    // A kid may also be the key's RFC 7638 thumbprint.
    let by_thumbprint = craft(
        &format!(
            r#"{{"alg":"EdDSA","kid":"{}"}}"#,
            key().public_key().thumbprint()
        ),
        b"p",
    );
    assert!(verifier.verify(&by_thumbprint, now()).is_ok());

    // A key restricted by its JWK "alg" to another algorithm: refused as a mismatch.
    let mut restricted = KeySet::new();
    restricted
        .push(ebl::crypto::KeyEntry {
            kid: Some("k1".into()),
            key: key().public_key().clone(),
            algorithm: Some(Algorithm::ES256),
        })
        .expect_err("ES256 does not fit an Ed25519 key");

    // Duplicate kids are refused.
    keys.insert(Some("other".into()), key().public_key().clone())
        .expect_err("duplicate kid");
}
