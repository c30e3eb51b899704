//! Trust stores and signed trust lists: loading, key status over time, and refusal of a bad
//! signature, a replayed or older list, an expired list and a wrong issuer.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use ebl::ErrorCode;
use ebl::crypto::{KeyType, PrivateKey};
use ebl::trust::{EvidenceKind, KeyBinding, KeyStatus, TrustStore};
use serde_json::json;
use support::recognition::{Fixture, SG_LIST, t};

fn store(parties: serde_json::Value) -> ebl::Result<TrustStore> {
    let v = json!({"schema": "ebl-trust-store/1", "parties": parties});
    TrustStore::from_json(v.to_string().as_bytes(), "store.json")
}

#[test]
fn imported_parties_carry_trust_list_evidence_and_bindings() {
    let fx = Fixture::valid();
    let trust = fx.trust();
    let sgtd = trust.party("SGTD").unwrap();
    assert_eq!(sgtd.listed_by.as_deref(), Some(SG_LIST));
    assert!(sgtd.keys.iter().all(|k| k.binding == KeyBinding::TrustList));
    let listed = sgtd
        .evidence
        .iter()
        .find(|e| e.kind == EvidenceKind::TrustList)
        .unwrap();
    assert_eq!(listed.scheme, SG_LIST);
    assert_eq!(trust.trust_list_sequence(SG_LIST), Some(1));
    // The store round-trips through its JSON format, replay protection included.
    let again = TrustStore::from_value(&trust.to_json_value(), "again.json").unwrap();
    assert_eq!(again.trust_list_sequence(SG_LIST), Some(1));
    assert_eq!(again.parties().len(), trust.parties().len());
}

#[test]
fn a_newer_list_replaces_the_issuers_parties() {
    let mut fx = Fixture::valid();
    let mut trust = fx.trust();
    fx.list_sgtd = false;
    let newer = fx.signed_list(2, "2026-06-01T00:00:00Z", "2028-01-01T00:00:00Z");
    let summary = trust
        .import_signed_trust_list(&newer, SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap();
    assert_eq!((summary.sequence, summary.previous), (2, Some(1)));
    assert_eq!(summary.parties, ["CARRIER"]);
    assert!(trust.party("SGTD").is_none());
    assert!(
        trust.party("SHIPPER").is_some(),
        "locally configured parties stay"
    );
}

#[test]
fn a_list_with_a_bad_signature_is_refused() {
    let fx = Fixture::valid();
    let mut trust = fx.trust();
    let good = fx.signed_list(2, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
    // Tamper with the payload: swap in the payload of a different list.
    let other = fx.signed_list(9, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
    let mut parts: Vec<&str> = good.split('.').collect();
    let other_payload = other.split('.').nth(1).unwrap();
    parts[1] = other_payload;
    let tampered = parts.join(".");
    let err = trust
        .import_signed_trust_list(&tampered, SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListBadSignature);
    assert!(err.to_string().contains("bad signature"), "{err}");

    // Signed by someone else's key.
    let rng = ring::rand::SystemRandom::new();
    let impostor = PrivateKey::generate(KeyType::P256, &rng).unwrap();
    let forged = fx
        .list(3, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z")
        .sign(&impostor, &rng)
        .unwrap();
    let err = trust
        .import_signed_trust_list(&forged, SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListBadSignature);

    let err = trust
        .import_signed_trust_list("not.a-jws", SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListMalformed);
    assert_eq!(
        trust.trust_list_sequence(SG_LIST),
        Some(1),
        "nothing was imported"
    );
}

#[test]
fn an_older_or_replayed_list_is_refused() {
    let fx = Fixture::valid();
    let mut trust = fx.trust();
    let newer = fx.signed_list(5, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
    trust
        .import_signed_trust_list(&newer, SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap();
    for sequence in [5, 4] {
        let old = fx.signed_list(sequence, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
        let err = trust
            .import_signed_trust_list(&old, SG_LIST, t("2026-07-02T00:00:00Z"))
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::TrustListReplayed);
        assert!(
            err.to_string().contains(&format!(
                "sequence number {sequence}, not newer than the imported 5"
            )),
            "{err}"
        );
    }
}

#[test]
fn an_expired_or_future_list_is_refused() {
    let fx = Fixture::valid();
    let mut trust = fx.trust();
    let expired = fx.signed_list(2, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
    let err = trust
        .import_signed_trust_list(&expired, SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListOutsideValidity);
    assert!(
        err.to_string().contains("is expired at 2026-07-01"),
        "{err}"
    );
    let future = fx.signed_list(2, "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
    let err = trust
        .import_signed_trust_list(&future, SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap_err();
    assert!(err.to_string().contains("not yet valid"), "{err}");
}

#[test]
fn a_list_from_another_issuer_is_refused() {
    let fx = Fixture::valid();
    let mut trust = TrustStore::new();
    let signed = fx.signed_list(1, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
    let err = trust
        .import_signed_trust_list_with_key(
            &signed,
            &fx.authority_public(),
            "CN-SZ-EBL",
            t("2026-07-01T00:00:00Z"),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListWrongIssuer);
    // Without the publisher in the store there is no key to verify with.
    let err = trust
        .import_signed_trust_list(&signed, SG_LIST, t("2026-07-01T00:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustListBadSignature);
    assert!(
        err.to_string().contains("holds no key of publisher"),
        "{err}"
    );
    // With the key given explicitly, a first import works.
    trust
        .import_signed_trust_list_with_key(
            &signed,
            &fx.authority_public(),
            SG_LIST,
            t("2026-07-01T00:00:00Z"),
        )
        .unwrap();
    assert!(trust.party("CARRIER").is_some());
}

#[test]
fn key_status_follows_windows_and_revocations() {
    let rng = ring::rand::SystemRandom::new();
    let key = PrivateKey::generate(KeyType::Ed25519, &rng).unwrap();
    let jwk = key.public_key().to_jwk();
    let s = store(json!([{"id": "P", "kind": "platform",
        "keys": [{"kid": "k", "jwk": jwk, "binding": "x5c", "valid_from": "2025-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z"}],
        "revocations": [{"kid": "k", "at": "2026-06-01T00:00:00Z", "reason": "key compromise"}]}]))
    .unwrap();
    assert_eq!(
        s.key_status("k", t("2024-06-01T00:00:00Z")),
        KeyStatus::OutsideValidity {
            party: "P".into(),
            state: "not yet valid"
        }
    );
    assert!(matches!(
        s.key_status("k", t("2026-01-01T00:00:00Z")),
        KeyStatus::Valid {
            binding: KeyBinding::X5c,
            ..
        }
    ));
    assert!(matches!(
        s.key_status("k", t("2026-06-01T00:00:00Z")),
        KeyStatus::Revoked { .. }
    ));
    // The key is also found by its RFC 7638 thumbprint.
    assert!(s.key(&key.public_key().thumbprint()).is_some());
    assert_eq!(
        s.key_status("other", t("2026-01-01T00:00:00Z")),
        KeyStatus::Unknown
    );
}

#[test]
fn malformed_stores_are_refused_with_their_path() {
    let jwk =
        json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
    let err = store(json!([{"id": "A", "kind": "platform"}, {"id": "A", "kind": "carrier"}]))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustDuplicate);
    assert_eq!(
        err.to_string(),
        "store.json: $.parties[1].id: duplicate party id 'A'"
    );

    let err = store(json!([{"id": "A", "kind": "platform", "keys": [{"jwk": jwk, "binding": "direct"}]},
                           {"id": "B", "kind": "platform", "keys": [{"jwk": jwk, "binding": "direct"}]}])).unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustDuplicate);

    let err = store(json!([{"id": "A", "kind": "platform", "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2025-01-01T00:00:00Z"}])).unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustInvalidWindow);

    let err = store(json!([{"id": "A", "kind": "platform", "revocations": [{"kid": "x", "at": "2026-01-01T00:00:00Z"}]}])).unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustUnknownKey);
    assert!(
        err.to_string().contains("$.parties[0].revocations[0]"),
        "{err}"
    );

    let err = store(json!([{"id": "A", "kind": "platform", "keys": [{"jwk": {"kty": "EC", "crv": "secp256k1", "x": "AA", "y": "AA"}, "binding": "did"}]}])).unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustStoreInvalid);
    assert!(
        err.to_string().contains("$.parties[0].keys[0].jwk"),
        "{err}"
    );
    // ... but accepted with an explicit kid (a key type only another layer verifies).
    store(json!([{"id": "A", "kind": "platform", "keys": [{"kid": "did:ethr:0xabc#controller", "jwk": {"kty": "EC", "crv": "secp256k1", "x": "AA", "y": "AA"}, "binding": "did"}]}])).unwrap();

    let err = store(json!([{"id": "A", "kind": "spaceship"}])).unwrap_err();
    assert_eq!(err.code(), ErrorCode::TrustStoreInvalid);
    assert!(
        err.to_string().starts_with("store.json: $.parties[0].kind"),
        "{err}"
    );
}
