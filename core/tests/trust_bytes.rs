//! Trust files as bytes: stores merged and signed lists imported in order by
//! `TrustStore::add_bytes`, a list before its publisher refused with a clear error,
//! `TrustList::verify_signed` telling malformed from refused, and `TrustDocument` telling a
//! store from a list from a signed list.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use ebl::ErrorCode;
use ebl::crypto::{KeyType, PrivateKey};
use ebl::trust::{TrustDocument, TrustError, TrustList, TrustListVerdict, TrustStore};
use ring::rand::SystemRandom;
use serde_json::json;

const ISSUER: &str = "SG-ETR-PLATFORMS";

fn at() -> DateTime<Utc> {
    "2026-06-01T00:00:00Z".parse().unwrap()
}

fn store_file(authority: &PrivateKey) -> Vec<u8> {
    json!({"schema": "ebl-trust-store/1", "parties": [
        {"id": ISSUER, "kind": "authority",
         "keys": [{"jwk": authority.public_key().to_jwk(), "binding": "direct"}]}]})
    .to_string()
    .into_bytes()
}

fn list(sequence: u64) -> TrustList {
    TrustList::from_json(
        json!({"schema": "ebl-trust-list/1", "issuer": ISSUER, "sequence": sequence,
            "issued_at": "2026-01-01T00:00:00Z", "valid_from": "2026-01-01T00:00:00Z",
            "valid_until": "2027-01-01T00:00:00Z",
            "parties": [{"id": "SGTD", "kind": "platform", "jurisdiction": "SG"}]})
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

fn signed(sequence: u64, key: &PrivateKey) -> String {
    list(sequence)
        .sign_as(ISSUER, key, &SystemRandom::new())
        .unwrap()
}

#[test]
fn a_store_then_its_publishers_list_are_added_in_order() {
    let authority = PrivateKey::generate(KeyType::Ed25519, &SystemRandom::new()).unwrap();
    let mut store = TrustStore::new();
    assert_eq!(
        store
            .add_bytes(&store_file(&authority), "store.json", at())
            .unwrap(),
        None
    );
    let summary = store
        .add_bytes(signed(3, &authority).as_bytes(), "sg.jws", at())
        .unwrap()
        .expect("a list import");
    assert_eq!((summary.issuer.as_str(), summary.sequence), (ISSUER, 3));
    assert!(store.party("SGTD").is_some());
    assert_eq!(store.trust_list_sequence(ISSUER), Some(3));

    // The same list again is a replay: refused, and the store keeps what it had.
    let err = store
        .add_bytes(signed(3, &authority).as_bytes(), "sg-again.jws", at())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListReplayed);
    assert!(err.to_string().starts_with("trust list refused:"), "{err}");
    assert_eq!(store.trust_list_sequence(ISSUER), Some(3));
}

#[test]
fn a_list_before_its_publisher_is_refused_saying_why() {
    let authority = PrivateKey::generate(KeyType::Ed25519, &SystemRandom::new()).unwrap();
    let err = TrustStore::new()
        .add_bytes(signed(1, &authority).as_bytes(), "sg.jws", at())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListBadSignature);
    let message = err.to_string();
    assert!(
        message.contains("refused") && message.contains("hold no party 'SG-ETR-PLATFORMS'"),
        "{message}"
    );
    assert!(message.contains("publisher first"), "{message}");

    // A list signed by another key than the publisher's in the store: refused too.
    let stranger = PrivateKey::generate(KeyType::Ed25519, &SystemRandom::new()).unwrap();
    let mut store = TrustStore::new();
    store
        .add_bytes(&store_file(&authority), "store.json", at())
        .unwrap();
    let err = store
        .add_bytes(signed(1, &stranger).as_bytes(), "forged.jws", at())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListBadSignature, "{err}");
    assert!(store.party("SGTD").is_none());
}

#[test]
fn bytes_that_are_neither_are_unrecognised() {
    for garbage in [&b"not a jws"[..], b"\xff\xfe", b"a.b.c"] {
        let err = TrustStore::new()
            .add_bytes(garbage, "junk", at())
            .unwrap_err();
        assert!(
            matches!(err, ebl::Error::Trust(TrustError::Unrecognised { .. })),
            "{garbage:?}: {err}"
        );
        assert!(
            err.to_string()
                .contains("not a trust store (JSON) or a signed trust list (JWS)")
        );
        assert!(TrustDocument::from_bytes(garbage, "junk").is_err());
    }
    // A store with a bad member names the file.
    let err = TrustStore::new()
        .add_bytes(
            br#"{"schema": "ebl-trust-store/1", "parties": [{"id": 1}]}"#,
            "bad.json",
            at(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("bad.json"), "{err}");
}

#[test]
fn signed_lists_are_verified_with_any_of_several_keys() {
    let rng = SystemRandom::new();
    let authority = PrivateKey::generate(KeyType::P256, &rng).unwrap();
    let other = PrivateKey::generate(KeyType::Ed25519, &rng).unwrap();
    let jws = signed(5, &authority);
    let keys = [other.public_key().clone(), authority.public_key().clone()];
    let base = TrustStore::new();
    match TrustList::verify_signed(jws.as_bytes(), &keys, ISSUER, at(), &base).unwrap() {
        TrustListVerdict::Accepted(summary) => assert_eq!(summary.sequence, 5),
        TrustListVerdict::Refused(e) => panic!("refused: {e}"),
    }
    // Only the wrong key: refused, not malformed.
    let verdict =
        TrustList::verify_signed(jws.as_bytes(), &keys[..1], ISSUER, at(), &base).unwrap();
    assert!(
        matches!(verdict, TrustListVerdict::Refused(ref e) if e.code() == ErrorCode::TrustListBadSignature)
    );
    // No key at all: refused.
    assert!(matches!(
        TrustList::verify_signed(jws.as_bytes(), &[], ISSUER, at(), &base).unwrap(),
        TrustListVerdict::Refused(_)
    ));
    // Another issuer expected: refused.
    let verdict =
        TrustList::verify_signed(jws.as_bytes(), &keys, "CN-SZ-EBL", at(), &base).unwrap();
    assert!(
        matches!(verdict, TrustListVerdict::Refused(ref e) if e.code() == ErrorCode::TrustListWrongIssuer)
    );
    // Older than what the base store imported: refused.
    let mut seen = TrustStore::new();
    seen.add_bytes(
        json!({"schema": "ebl-trust-store/1", "parties": [],
            "imported_lists": [{"issuer": ISSUER, "sequence": 9}]})
        .to_string()
        .as_bytes(),
        "seen.json",
        at(),
    )
    .unwrap();
    let verdict = TrustList::verify_signed(jws.as_bytes(), &keys, ISSUER, at(), &seen).unwrap();
    assert!(
        matches!(verdict, TrustListVerdict::Refused(ref e) if e.code() == ErrorCode::TrustListReplayed)
    );
    // Not a JWS: malformed (the caller's unusable input).
    let err = TrustList::verify_signed(b"not a jws", &keys, ISSUER, at(), &base).unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListMalformed);
}

#[test]
fn documents_are_told_apart_with_their_json() {
    let authority = PrivateKey::generate(KeyType::Ed25519, &SystemRandom::new()).unwrap();
    let store = TrustDocument::from_bytes(&store_file(&authority), "store.json").unwrap();
    assert!(matches!(store, TrustDocument::Store(ref s) if s.party(ISSUER).is_some()));
    assert_eq!(store.to_json_value()["schema"], "ebl-trust-store/1");

    let unsigned = serde_json::to_vec(&list(2)).unwrap();
    let document = TrustDocument::from_bytes(&unsigned, "list.json").unwrap();
    assert_eq!(document, TrustDocument::List(list(2)));
    assert!(document.to_json_value().get("signature").is_none());

    let jws = signed(2, &authority);
    let document = TrustDocument::from_bytes(format!("{jws}\n").as_bytes(), "list.jws").unwrap();
    let TrustDocument::SignedList {
        list: inner,
        alg,
        kid,
    } = &document
    else {
        panic!("{document:?}");
    };
    assert_eq!(inner, &list(2));
    assert_eq!(alg, "EdDSA");
    assert_eq!(
        kid.as_deref(),
        Some(authority.public_key().thumbprint().as_str())
    );
    let value = document.to_json_value();
    assert_eq!(
        value["signature"],
        json!({"alg": "EdDSA", "kid": kid, "verified": false})
    );
    assert_eq!(value["sequence"], 2);
}

#[test]
fn a_list_is_signed_only_as_its_own_issuer() {
    let key = PrivateKey::generate(KeyType::Ed25519, &SystemRandom::new()).unwrap();
    let err = list(1)
        .sign_as("CN-SZ-EBL", &key, &SystemRandom::new())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListWrongIssuer);
    assert!(
        err.to_string().contains("'SG-ETR-PLATFORMS'") && err.to_string().contains("'CN-SZ-EBL'")
    );
}
