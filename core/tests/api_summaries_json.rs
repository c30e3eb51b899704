//! Every summary a binding hands back serialises to JSON, with the field names of its
//! neighbours (snake_case in `trust`, camelCase beside `verify::Verification`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use ebl::crypto::{KeyType, PrivateKey};
use ebl::pint::PintTrust;
use ebl::trust::{TRUST_LIST_SCHEMA, TrustList, TrustStore};
use serde_json::{Value, json};

fn t(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().unwrap()
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serialises")
}

#[test]
fn an_import_summary_serialises() {
    let list = TrustList {
        schema: TRUST_LIST_SCHEMA.to_owned(),
        issuer: "LIST-1".to_owned(),
        sequence: 3,
        issued_at: t("2026-06-01T00:00:00Z"),
        valid_from: t("2026-06-01T00:00:00Z"),
        valid_until: t("2026-09-01T00:00:00Z"),
        parties: Vec::new(),
    };
    let summary = TrustStore::new()
        .apply_trust_list(list, "LIST-1", t("2026-07-01T00:00:00Z"))
        .unwrap();
    assert_eq!(
        to_json(&summary),
        json!({"issuer": "LIST-1", "sequence": 3, "previous": null, "parties": []})
    );
}

#[test]
fn a_pint_trust_summary_serialises() {
    let rng = ring::rand::SystemRandom::new();
    let key = PrivateKey::generate(KeyType::Ed25519, &rng).unwrap();
    let store = TrustStore::from_json(
        json!({"schema": "ebl-trust-store/1", "parties": [
            {"id": "PLAT", "kind": "platform", "keys": [{"jwk": key.public_key().to_jwk(), "binding": "direct"}]}
        ]})
        .to_string()
        .as_bytes(),
        "store.json",
    )
    .unwrap();
    let summary = store
        .add_to_pint_trust(&mut PintTrust::default(), t("2026-07-01T00:00:00Z"))
        .unwrap();
    assert_eq!(
        to_json(&summary),
        json!({"platform_keys": 1, "carrier_keys": 0, "anchors": 0, "skipped": []})
    );
}

#[cfg(feature = "openattestation")]
#[test]
fn the_openattestation_trust_and_identity_serialise() {
    use ebl::verify::{OpenAttestationTrust, VerifyContext, verify_bytes};
    use std::collections::BTreeMap;

    let address = "0x1234567890123456789012345678901234567890";
    let trust = OpenAttestationTrust {
        addresses: vec![address.parse().unwrap()],
        dns_txt: Some(BTreeMap::from([(
            "example.com".to_owned(),
            vec!["v=spf1 -all".to_owned()],
        )])),
    };
    let value = to_json(&trust);
    assert_eq!(value["addresses"].as_array().map(Vec::len), Some(1));
    assert!(value["addresses"][0].is_string());
    assert_eq!(value["dnsTxt"], json!({"example.com": ["v=spf1 -all"]}));

    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json"
    ))
    .unwrap();
    let mut context = VerifyContext::at(t("2026-07-01T00:00:00Z"));
    context.openattestation = trust;
    let verification = verify_bytes(&bytes, &context).unwrap();
    let identity = verification.openattestation_identity.unwrap();
    let value = to_json(&identity);
    // The DNS answers were supplied, so the DNS check ran (and found no binding record).
    let dns = &value["dns"];
    assert!(
        dns["bound"].as_array().is_some_and(Vec::is_empty),
        "{value}"
    );
    assert!(
        dns["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "{value}"
    );
    assert!(value.as_object().unwrap().contains_key("did"));
}
