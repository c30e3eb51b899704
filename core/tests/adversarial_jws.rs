//! Adversarial catalogue, JWS: the tricks against a signature check, each refused with its
//! own error code (`alg: none`, HMAC keyed with the public key, algorithm confusion, `crit`,
//! unencoded payloads, keys offered in the header, bad `x5c` chains, stripped signatures,
//! keys outside the trust store, a platform's key used for another platform).

mod support;

use chrono::{DateTime, Utc};
use ebl::ErrorCode;
use ebl::crypto::b64::encode_url;
use ebl::crypto::jws::JwsVerifier;
use ebl::crypto::x509::CertificateAnchors;
use ebl::crypto::{Algorithm, AlgorithmSet, KeySet, PrivateKey};
use ebl::json::Value;
use ebl::pint::{
    EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust, Transaction,
    verify_parsed_envelope,
};
use ring::rand::SystemRandom;
use support::{at, carrier, ed25519_key, error_codes, shipper, signer};

fn now() -> DateTime<Utc> {
    at("2026-06-01T00:00:00Z")
}

/// A JWS whose signature `key` made over exactly `header` and `payload`.
fn craft_with(key: &PrivateKey, alg: Algorithm, header: &str, payload: &[u8]) -> String {
    let input = format!("{}.{}", encode_url(header.as_bytes()), encode_url(payload));
    let signature = key
        .sign_with(alg, input.as_bytes(), &SystemRandom::new())
        .expect("sign");
    format!("{input}.{}", encode_url(&signature))
}

fn craft(header: &str) -> String {
    craft_with(&ed25519_key(7), Algorithm::EdDSA, header, b"{}")
}

/// A verifier that trusts only key 7, under the key id `k7`.
fn verifier() -> JwsVerifier {
    let mut keys = KeySet::new();
    keys.insert(Some("k7".into()), ed25519_key(7).public_key().clone())
        .expect("key");
    JwsVerifier::new(AlgorithmSet::default(), keys, CertificateAnchors::new())
}

fn code(verifier: &JwsVerifier, compact: &str) -> ErrorCode {
    verifier
        .verify(compact, now())
        .expect_err("must be refused")
        .code()
}

#[test]
fn algorithm_tricks_are_refused_each_with_its_code() {
    let v = verifier();
    assert!(v.verify(&craft(r#"{"alg":"EdDSA"}"#), now()).is_ok());
    let public = ed25519_key(7).public_key().thumbprint();
    // HS256 "signed" with the public key as the HMAC secret: the classic confusion.
    let input = format!(
        "{}.{}",
        encode_url(br#"{"alg":"HS256"}"#),
        encode_url(b"{}")
    );
    let mac = ring::hmac::sign(
        &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, public.as_bytes()),
        input.as_bytes(),
    );
    let hs256 = format!("{input}.{}", encode_url(mac.as_ref()));
    let cases = [
        (
            format!("{}.e30.", encode_url(br#"{"alg":"none"}"#)),
            ErrorCode::CryptoAlgNone,
        ),
        (craft(r#"{"alg":"none"}"#), ErrorCode::CryptoAlgNone),
        (hs256, ErrorCode::CryptoHmacAlgorithm),
        (craft(r#"{"alg":"HS512"}"#), ErrorCode::CryptoHmacAlgorithm),
        (
            craft(r#"{"alg":"ES256","kid":"k7"}"#),
            ErrorCode::CryptoAlgorithmKeyMismatch,
        ),
        (
            craft(r#"{"alg":"RS256","kid":"k7"}"#),
            ErrorCode::CryptoAlgorithmKeyMismatch,
        ),
        // Without a kid no trusted key fits the algorithm at all.
        (craft(r#"{"alg":"ES256"}"#), ErrorCode::CryptoUnknownKey),
        (
            craft(r#"{"alg":"EdDSA","crit":["exp"],"exp":1}"#),
            ErrorCode::CryptoUnknownCritical,
        ),
        (
            craft(r#"{"alg":"EdDSA","crit":[]}"#),
            ErrorCode::CryptoUnknownCritical,
        ),
        (
            craft(r#"{"alg":"EdDSA","crit":"b64"}"#),
            ErrorCode::CryptoUnknownCritical,
        ),
        // RFC 7797 unencoded payloads are refused outright, understood-critical or not.
        (
            craft(r#"{"alg":"EdDSA","b64":false,"crit":["b64"]}"#),
            ErrorCode::CryptoJwsMalformed,
        ),
        (
            craft(r#"{"alg":"EdDSA","b64":false}"#),
            ErrorCode::CryptoJwsMalformed,
        ),
        (
            craft(r#"{"alg":"EdDSA","alg":"none"}"#),
            ErrorCode::JsonDuplicateKey,
        ),
    ];
    for (compact, expected) in cases {
        assert_eq!(code(&v, &compact), expected, "{compact}");
    }
    // An algorithm the caller did not allow, although the key could verify it.
    let only_es256 = JwsVerifier::new(
        AlgorithmSet::new([Algorithm::ES256]),
        verifier().keys,
        CertificateAnchors::new(),
    );
    assert_eq!(
        code(&only_es256, &craft(r#"{"alg":"EdDSA"}"#)),
        ErrorCode::CryptoAlgorithmNotAllowed
    );
}

#[test]
fn keys_offered_in_the_header_are_never_fetched_or_trusted() {
    // The attacker signs with their own key and points at it: jwk (embedded), jku and x5u
    // (URLs). None of these is looked at; only the trust store decides.
    let attacker = ed25519_key(66);
    let jwk = serde_json::to_string(&attacker.public_key().to_jwk()).expect("jwk");
    let v = verifier();
    // Without a kid the trusted keys are tried, and none verifies; with the attacker's kid
    // there is no such trusted key.
    let cases = [
        (
            format!(r#"{{"alg":"EdDSA","jwk":{jwk}}}"#),
            ErrorCode::CryptoSignatureInvalid,
        ),
        (
            r#"{"alg":"EdDSA","jku":"https://attacker.example/jwks.json"}"#.to_owned(),
            ErrorCode::CryptoSignatureInvalid,
        ),
        (
            r#"{"alg":"EdDSA","x5u":"https://attacker.example/cert.pem"}"#.to_owned(),
            ErrorCode::CryptoSignatureInvalid,
        ),
        (
            format!(
                r#"{{"alg":"EdDSA","kid":"{}","jwk":{jwk}}}"#,
                attacker.public_key().thumbprint()
            ),
            ErrorCode::CryptoUnknownKey,
        ),
    ];
    for (header, expected) in cases {
        let compact = craft_with(&attacker, Algorithm::EdDSA, &header, b"{}");
        assert_eq!(code(&v, &compact), expected, "{header}");
    }
}

#[test]
fn stripped_or_moved_signatures_are_refused() {
    let v = verifier();
    let valid = craft(r#"{"alg":"EdDSA"}"#);
    let (input, signature) = valid.rsplit_once('.').expect("three parts");
    let other = craft_with(
        &ed25519_key(7),
        Algorithm::EdDSA,
        r#"{"alg":"EdDSA"}"#,
        b"[]",
    );
    let other_signature = other.rsplit_once('.').expect("three parts").1;
    let cases = [
        (format!("{input}."), ErrorCode::CryptoJwsMalformed),
        (input.to_owned(), ErrorCode::CryptoJwsMalformed),
        (
            format!("{input}.{other_signature}"),
            ErrorCode::CryptoSignatureInvalid,
        ),
        (
            format!("{input}.{signature}.{signature}"),
            ErrorCode::CryptoJwsMalformed,
        ),
        (
            format!("{input}.{signature}="),
            ErrorCode::CryptoInvalidBase64,
        ),
    ];
    for (compact, expected) in cases {
        assert_eq!(code(&v, &compact), expected, "{compact}");
    }
}

fn pki() -> Value {
    let text = std::fs::read(support::testdata("crypto/pki.json")).expect("pki.json");
    ebl::json::parse(&text).expect("pki.json")
}

fn anchored(file: &str) -> JwsVerifier {
    let pem = std::fs::read_to_string(support::testdata(&format!("crypto/{file}"))).expect("pem");
    JwsVerifier::new(
        AlgorithmSet::default(),
        KeySet::new(),
        CertificateAnchors::from_pem(&pem).expect("anchor"),
    )
}

/// The `valid` JWS of the test PKI with its `x5c` replaced by `chain` (base64 DER).
fn with_x5c(chain: &[&str]) -> String {
    let compact = pki()["jws"]["valid"].as_str().expect("jws").to_owned();
    let mut parts = compact.split('.');
    let header = parts.next().expect("header");
    let mut json = ebl::json::parse(&ebl::crypto::b64::decode_url(header, "h").expect("b64"))
        .expect("header JSON");
    json["x5c"] = serde_json::json!(chain);
    let rest: Vec<&str> = parts.collect();
    format!(
        "{}.{}",
        encode_url(json.to_string().as_bytes()),
        rest.join(".")
    )
}

#[test]
fn bad_x5c_chains_are_refused_each_with_its_code() {
    let v = anchored("pki-root.pem");
    let later = at("2027-01-01T00:00:00Z");
    let pki = pki();
    let jws_of = |label: &str| pki["jws"][label].as_str().expect("jws").to_owned();
    let chain: Vec<&str> = pki["chains"]["valid"]
        .as_array()
        .expect("chain")
        .iter()
        .map(|c| c.as_str().expect("cert"))
        .collect();
    let root = chain[chain.len() - 1];
    let too_long: Vec<&str> = std::iter::repeat_n(chain[0], 9).collect();
    let cases = [
        (jws_of("expired_leaf"), ErrorCode::CryptoCertificateExpired),
        (
            jws_of("issuer_not_ca"),
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        (
            jws_of("pathlen_exceeded"),
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        (
            jws_of("unknown_critical"),
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        (
            with_x5c(&too_long),
            ErrorCode::CryptoCertificateChainInvalid,
        ),
        // The leaf alone, issuer missing: no path to the anchor.
        (with_x5c(&chain[..1]), ErrorCode::CryptoCertificateUntrusted),
        (with_x5c(&["AAAA"]), ErrorCode::CryptoCertificateMalformed),
    ];
    for (compact, expected) in cases {
        let err = v.verify(&compact, later).expect_err("bad chain");
        assert_eq!(err.code(), expected, "{err}");
    }
    // A self-signed CA certificate presented as the signer, against another PKI's anchor:
    // refused as a chain (a CA key may not sign documents), never trusted.
    let other = anchored("pki-other-root.pem");
    assert_eq!(
        other
            .verify(&with_x5c(&[root]), later)
            .expect_err("self-signed")
            .code(),
        ErrorCode::CryptoCertificateChainInvalid
    );
}

#[test]
fn a_platform_key_signing_for_another_platform_is_refused() {
    // SGP1's key is trusted, but only for SGP1: an entry it signs claiming to be SZP1's fails
    // the signer check even though the signature itself is good.
    let (carrier_key, sgp1, szp1) = (signer(1), signer(2), signer(3));
    let mut trust = PintTrust::default();
    trust
        .trust_carrier_key(carrier_key.key.public_key().clone())
        .expect("carrier");
    trust
        .trust_platform_key("SGP1", sgp1.key.public_key().clone())
        .expect("sgp1");
    trust
        .trust_platform_key("SZP1", szp1.key.public_key().clone())
        .expect("szp1");
    let rng = SystemRandom::new();
    let t = at("2026-06-01T08:00:00Z");
    let mut builder = EnvelopeBuilder::issue(
        serde_json::json!({"transportDocumentReference": "X1", "isToOrder": false}),
        Issuance::new(carrier(), shipper(), t),
        &carrier_key,
        &sgp1,
        &rng,
    )
    .expect("issue");
    let buyer = support::buyer();
    builder
        .record(
            "SZP1",
            vec![Transaction::transfer(shipper(), buyer, t)],
            &sgp1,
            &rng,
        )
        .expect("record");
    let envelope = builder.seal(&sgp1, Vec::new(), &rng).expect("seal");
    let report = verify_parsed_envelope(&envelope, &trust, &EnvelopeVerifyOptions::at(t));
    assert!(!report.is_accepted());
    assert!(
        error_codes(&report.findings).contains(&"entry-signer-not-entry-platform"),
        "{:?}",
        error_codes(&report.findings)
    );
}
