//! DNS identity proofs checked against TXT answers supplied as data.
#![cfg(feature = "openattestation")]

mod support;

use support::error_codes;

use std::collections::BTreeMap;

use ebl::openattestation::{WrappedDocument, verify_dns_txt, wrap};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/openattestation/vectors/"
);

fn bl() -> WrappedDocument {
    let bytes =
        std::fs::read(format!("{DIR}bill-of-lading-sg-shenzhen-5kb.wrapped.json")).expect("vector");
    WrappedDocument::from_bytes(&bytes).expect("document")
}

fn answers(domain: &str, records: &[&str]) -> BTreeMap<String, Vec<String>> {
    BTreeMap::from([(
        domain.to_owned(),
        records.iter().map(|r| (*r).to_owned()).collect(),
    )])
}

#[test]
fn the_registry_address_must_be_named_on_the_right_chain() {
    let doc = bl();
    let good =
        "openatts net=ethereum netId=11155111 addr=0x9eb613a88534e2939518f4ffbfe65f5969b491ff";
    let check = verify_dns_txt(
        &doc,
        &answers("ebl.lioncity-ocean.example.", &["v=spf1 -all", good]),
        None,
    );
    assert!(check.is_valid(), "{:?}", check.findings);
    assert_eq!(
        check.bound[0].1,
        "0x9Eb613a88534E2939518f4ffBFE65F5969b491FF"
    );

    let other_address =
        "openatts net=ethereum netId=11155111 addr=0x0000000000000000000000000000000000000001";
    let check = verify_dns_txt(
        &doc,
        &answers("ebl.lioncity-ocean.example", &[other_address]),
        None,
    );
    assert_eq!(error_codes(&check.findings), ["oa-dns-not-bound"]);

    // The caller's chain overrides the document's.
    let check = verify_dns_txt(
        &doc,
        &answers("ebl.lioncity-ocean.example", &[good]),
        Some("1"),
    );
    assert_eq!(error_codes(&check.findings), ["oa-dns-not-bound"]);

    // No answer for the domain at all.
    let check = verify_dns_txt(&doc, &BTreeMap::new(), None);
    assert_eq!(error_codes(&check.findings), ["oa-dns-not-bound"]);
}

#[test]
fn a_dns_did_record_must_name_the_issuer_key() {
    let key = "did:ethr:0xc5997926Eb7d94Da226cFf7aeAA5eA0bC5D8814A#controller";
    let raw = serde_json::json!({"issuers": [{"id": "did:ethr:0xc5997926Eb7d94Da226cFf7aeAA5eA0bC5D8814A", "name": "X",
        "identityProof": {"type": "DNS-DID", "key": key, "location": "did.example"}}]});
    let mut n = 0u64;
    let doc = wrap(&raw, &mut move || {
        n += 1;
        format!("00000000-0000-4000-8000-{n:012x}")
    })
    .expect("wraps");
    let record = format!("openatts a=dns-did; p={}; v=1.0;", key.to_lowercase());
    assert!(verify_dns_txt(&doc, &answers("did.example", &[&record]), None).is_valid());
    let check = verify_dns_txt(
        &doc,
        &answers(
            "did.example",
            &["openatts a=dns-did; p=did:ethr:0x1#controller; v=1.0;"],
        ),
        None,
    );
    assert_eq!(error_codes(&check.findings), ["oa-dns-not-bound"]);
}
