//! DCSA issuance requests: signed by the carrier, checked by the receiving platform.

mod support;

use ebl::json::Value;
use ebl::pint::{PintTrust, Visualisation, sign_issuance_request, verify_issuance_request};
use ring::rand::SystemRandom;
use support::{at, error_codes, read, signer, testdata};

fn document() -> Value {
    let path = format!(
        "{}/../cli/src/demo/bill-of-lading.json",
        env!("CARGO_MANIFEST_DIR")
    );
    ebl::json::parse(&read(&path)).expect("document")
}

fn issue_to() -> Value {
    serde_json::json!({"partyName": "Straits Precision", "sendToPlatform": "SGTT",
        "identifyingCodes": [{"codeListProvider": "GLEIF", "codeListName": "LEI", "partyCode": "5493001KJTIIGC8Y1R12"}]})
}

fn visualisation() -> Visualisation {
    Visualisation {
        name: "bl.pdf".into(),
        content_type: "application/pdf".into(),
        content: b"%PDF-1.7 the B/L".to_vec(),
    }
}

fn trust() -> PintTrust {
    let mut trust = PintTrust::default();
    trust
        .trust_carrier_key(signer(1).key.public_key().clone())
        .expect("carrier");
    trust
}

#[test]
fn a_signed_request_verifies_and_every_part_is_bound() {
    let request = sign_issuance_request(
        &document(),
        &issue_to(),
        Some(&visualisation()),
        &signer(1),
        &SystemRandom::new(),
    )
    .expect("sign");
    let when = at("2026-06-14T00:00:00Z");
    let report = verify_issuance_request(&request, &trust(), when);
    assert!(report.valid, "{:#?}", report.findings);
    assert!(report.signer.as_ref().is_some_and(|s| s.verified));
    assert_eq!(
        report.transport_document_reference.as_deref(),
        Some("LCOLSINSZX26000123")
    );

    let mut changed = request.clone();
    changed["document"]["isToOrder"] = Value::Bool(false);
    assert!(
        error_codes(&verify_issuance_request(&changed, &trust(), when).findings)
            .contains(&"issuance-manifest-checksum-mismatch")
    );

    let mut changed = request.clone();
    changed["issueTo"]["partyName"] = Value::String("Someone Else".into());
    assert_eq!(
        error_codes(&verify_issuance_request(&changed, &trust(), when).findings),
        ["issue-to-checksum-mismatch"]
    );

    let mut changed = request.clone();
    changed["eBLVisualisationByCarrier"]["content"] =
        Value::String(ebl::crypto::b64::encode_standard(b"%PDF another"));
    assert_eq!(
        error_codes(&verify_issuance_request(&changed, &trust(), when).findings),
        ["visualisation-checksum-mismatch"]
    );

    // Any trusted key is not enough: it must be a carrier's.
    let mut other = PintTrust::default();
    other
        .trust_carrier_key(signer(2).key.public_key().clone())
        .expect("carrier");
    other
        .verifier
        .keys
        .insert(None, signer(1).key.public_key().clone())
        .expect("key");
    assert_eq!(
        error_codes(&verify_issuance_request(&request, &other, when).findings),
        ["issuance-manifest-signer-not-carrier"]
    );
    assert_eq!(
        error_codes(&verify_issuance_request(&request, &PintTrust::default(), when).findings),
        ["issuance-manifest-signature"]
    );
}

#[test]
fn the_dcsa_example_request_is_read_but_its_placeholder_signature_fails() {
    let path = testdata(
        "dcsa/openapi-extracted/EBL_ISS_v3.0.3.put_v3_ebl-issuance-requests.req.regularSTDExample.json",
    );
    let request = ebl::json::parse(&read(&path)).expect("json");
    assert_eq!(
        ebl::detect::detect(&request),
        ebl::detect::Format::IssuanceRequest
    );
    let report = verify_issuance_request(&request, &trust(), at("2026-06-14T00:00:00Z"));
    assert!(!report.valid);
    assert!(
        error_codes(&report.findings).contains(&"issuance-manifest-signature"),
        "{:#?}",
        report.findings
    );
}

#[test]
fn malformed_requests_are_findings_not_panics() {
    for request in [
        serde_json::json!({}),
        serde_json::json!({"document": 1, "issueTo": [], "issuanceManifestSignedContent": "x"}),
        serde_json::json!([1]),
    ] {
        let report = verify_issuance_request(&request, &trust(), at("2026-06-14T00:00:00Z"));
        assert!(!report.valid);
    }
}
