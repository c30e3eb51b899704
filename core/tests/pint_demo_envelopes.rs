//! The pint-demo envelopes (real Ed25519 and RSA signatures made by an independent
//! implementation) verify, and every kind of tampering is rejected with the right code.

mod support;

use std::collections::BTreeSet;

use ebl::checksum::sha256_hex;
use ebl::crypto::x509::CertificateAnchors;
use ebl::crypto::{KeySet, b64};
use ebl::json::{Value, parse};
use ebl::pint::{EnvelopeVerifyOptions, PintTrust, ResponseCode, verify_envelope};
use support::{at, pint_demo, read};

const ENVELOPES: [&str; 3] = [
    "HHL71800000-ebl-envelope-ed25519.json",
    "HHL71800000-ebl-envelope-nodocs-ed25519.json",
    "HHL71800000-ebl-envelope-rsa.json",
];

fn key_trust() -> PintTrust {
    support::pint_demo_trust(&[
        "ed25519-carrier",
        "ed25519-eblplatform",
        "rsa-carrier",
        "rsa-eblplatform",
    ])
}

fn options() -> EnvelopeVerifyOptions {
    EnvelopeVerifyOptions::at(at("2026-11-26T12:00:00Z"))
}

fn verify_value(value: &Value, trust: &PintTrust) -> ebl::pint::EnvelopeReport {
    let bytes = serde_json::to_vec(value).expect("serialise");
    verify_envelope(&bytes, trust, &options()).expect("an envelope")
}

fn codes(report: &ebl::pint::EnvelopeReport) -> Vec<String> {
    report.errors().map(|f| f.code.clone()).collect()
}

#[test]
fn every_demo_envelope_verifies_with_the_published_keys() {
    for name in ENVELOPES {
        let report =
            verify_envelope(&read(&pint_demo(name)), &key_trust(), &options()).expect(name);
        assert_eq!(
            report.response_code,
            ResponseCode::Received,
            "{name}: {:#?}",
            report.findings
        );
        assert_eq!(report.entries.len(), 2);
        assert!(report.entries.iter().all(|e| e.signer.verified));
        assert!(report.replay.is_valid(), "{:#?}", report.replay.findings);
    }
}

#[test]
fn every_demo_envelope_verifies_through_its_x5c_chain_alone() {
    let mut trust = PintTrust::default();
    trust.verifier.anchors = CertificateAnchors::from_pem(
        &String::from_utf8(read(&pint_demo("certs/root-ca.crt"))).expect("pem"),
    )
    .expect("root");
    for name in ENVELOPES {
        let report = verify_envelope(&read(&pint_demo(name)), &trust, &options()).expect(name);
        assert_eq!(
            report.response_code,
            ResponseCode::Received,
            "{name}: {:#?}",
            report.findings
        );
        assert!(report.sender.certificate_subject.is_some());
    }
    // The certificates are not valid in 2040: the same envelope is then a bad signature.
    let late = EnvelopeVerifyOptions::at(at("2040-01-01T00:00:00Z"));
    let report = verify_envelope(&read(&pint_demo(ENVELOPES[0])), &trust, &late).expect("envelope");
    assert_eq!(report.response_code, ResponseCode::BadSignature);
}

#[test]
fn the_report_carries_the_independently_verified_checksums() {
    let report = verify_envelope(&read(&pint_demo(ENVELOPES[0])), &key_trust(), &options())
        .expect("envelope");
    assert_eq!(
        report.transport_document_checksum,
        "8f765417773a026d4f9ead6187d961d28dffbb7d0a11dda9ba6fee16423bc05a"
    );
    assert_eq!(
        report.entries[0].checksum,
        "c6dc2e8f001473ff46edf83d4eb41a330597dfc44e57da66e805807383a4c31f"
    );
    assert_eq!(
        report.last_entry_checksum.as_deref(),
        Some("daf3cbaad8aa1dde2ae9c5e56235eaeea10d89684284355793dc8596f51f1f51")
    );
    assert_eq!(report.entries[0].platform.as_deref(), Some("CAR1"));
    assert_eq!(report.entries[1].platform.as_deref(), Some("EBL1"));
    assert!(
        report.entries[0]
            .issuance_signer
            .as_ref()
            .is_some_and(|s| s.verified)
    );
    assert_eq!(report.history.events.len(), 2);
    assert_eq!(report.declared_documents.len(), 3);
}

#[test]
fn unknown_keys_are_a_bad_signature() {
    let report = verify_envelope(
        &read(&pint_demo(ENVELOPES[0])),
        &PintTrust::default(),
        &options(),
    )
    .expect("envelope");
    assert_eq!(report.response_code, ResponseCode::BadSignature);
    assert!(codes(&report).contains(&"manifest-signature".to_owned()));
    assert!(codes(&report).contains(&"entry-signature".to_owned()));
}

#[test]
fn a_changed_transport_document_is_a_bad_envelope() {
    let original = parse(&read(&pint_demo(ENVELOPES[0]))).expect("json");
    let td = original["transportDocument"]
        .as_object()
        .expect("object")
        .clone();
    let mut tried = 0;
    for (field, value) in &td {
        let replacement = match value {
            Value::String(s) => Value::String(format!("{s}X")),
            Value::Bool(b) => Value::Bool(!b),
            Value::Number(n) => Value::from(n.as_f64().unwrap_or(0.0) + 1.0),
            _ => continue,
        };
        let mut tampered = original.clone();
        tampered["transportDocument"][field.as_str()] = replacement;
        let report = verify_value(&tampered, &key_trust());
        assert_eq!(report.response_code, ResponseCode::BadEnvelope, "{field}");
        assert!(
            codes(&report).contains(&"transport-document-checksum-mismatch".to_owned()),
            "{field}"
        );
        tried += 1;
    }
    assert!(tried > 10);
}

/// Replaces the character at `index` of a JWS segment with another base64url character.
fn flip(jws: &str, index: usize) -> String {
    let mut bytes = jws.as_bytes().to_vec();
    bytes[index] = if bytes[index] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).expect("ascii")
}

#[test]
fn a_changed_manifest_signature_or_payload_is_a_bad_signature() {
    let original = parse(&read(&pint_demo(ENVELOPES[0]))).expect("json");
    let manifest = original["envelopeManifestSignedContent"]
        .as_str()
        .expect("jws")
        .to_owned();
    let dots: Vec<usize> = manifest.match_indices('.').map(|(i, _)| i).collect();
    // One character in the payload, and one in the signature.
    for index in [dots[0] + 5, dots[1] + 5] {
        let mut tampered = original.clone();
        tampered["envelopeManifestSignedContent"] = Value::String(flip(&manifest, index));
        let report = verify_value(&tampered, &key_trust());
        assert_eq!(
            report.response_code,
            ResponseCode::BadSignature,
            "index {index}: {:#?}",
            report.findings
        );
    }
    // A checksum changed in the payload, re-encoded without re-signing.
    let payload = b64::decode_url(&manifest[dots[0] + 1..dots[1]], "payload").expect("b64");
    let mut payload = parse(&payload).expect("payload");
    payload["transportDocumentChecksum"] = Value::String("0".repeat(64));
    let forged = format!(
        "{}.{}.{}",
        &manifest[..dots[0]],
        b64::encode_url(&serde_json::to_vec(&payload).expect("json")),
        &manifest[dots[1] + 1..]
    );
    let mut tampered = original.clone();
    tampered["envelopeManifestSignedContent"] = Value::String(forged);
    let report = verify_value(&tampered, &key_trust());
    assert_eq!(report.response_code, ResponseCode::BadSignature);
    // The procedure still reports what it found beyond the signature.
    assert!(codes(&report).contains(&"transport-document-checksum-mismatch".to_owned()));
}

#[test]
fn a_changed_chain_entry_is_rejected_at_that_entry() {
    let original = parse(&read(&pint_demo(ENVELOPES[0]))).expect("json");
    for entry in 0..2 {
        let jws = original["envelopeTransferChain"][entry]
            .as_str()
            .expect("jws")
            .to_owned();
        let dots: Vec<usize> = jws.match_indices('.').map(|(i, _)| i).collect();
        for index in [3, dots[0] + 7, dots[1] + 9, jws.len() - 3] {
            let mut tampered = original.clone();
            tampered["envelopeTransferChain"][entry] = Value::String(flip(&jws, index));
            let report = verify_value(&tampered, &key_trust());
            assert_ne!(
                report.response_code,
                ResponseCode::Received,
                "entry {entry} index {index}"
            );
            assert!(
                report.errors().any(|f| f.entry == Some(entry)),
                "entry {entry} index {index}: {:#?}",
                report.findings
            );
        }
    }
}

#[test]
fn reordered_or_missing_entries_are_a_bad_envelope_even_with_good_signatures() {
    let original = parse(&read(&pint_demo(ENVELOPES[0]))).expect("json");
    let mut swapped = original.clone();
    swapped["envelopeTransferChain"]
        .as_array_mut()
        .expect("array")
        .swap(0, 1);
    let report = verify_value(&swapped, &key_trust());
    assert_eq!(
        report.response_code,
        ResponseCode::BadEnvelope,
        "{:#?}",
        report.findings
    );
    let found = codes(&report);
    for code in [
        "first-transaction-not-issue",
        "issuance-manifest-missing",
        "chain-link-in-first-entry",
        "chain-link-missing",
        "last-entry-checksum-mismatch",
    ] {
        assert!(found.contains(&code.to_owned()), "{code} in {found:?}");
    }

    let mut dropped = original.clone();
    dropped["envelopeTransferChain"]
        .as_array_mut()
        .expect("array")
        .remove(0);
    let report = verify_value(&dropped, &key_trust());
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
    assert!(codes(&report).contains(&"first-transaction-not-issue".to_owned()));
}

#[test]
fn the_last_transaction_must_be_addressed_to_the_receiver() {
    let bytes = read(&pint_demo(ENVELOPES[0]));
    let mut options = options();
    options.receiving_platform = Some("EBL2".into());
    let report = verify_envelope(&bytes, &key_trust(), &options).expect("envelope");
    assert_eq!(report.response_code, ResponseCode::Received);
    options.receiving_platform = Some("WAVE".into());
    let report = verify_envelope(&bytes, &key_trust(), &options).expect("envelope");
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
    assert_eq!(codes(&report), ["recipient-not-this-platform"]);
    assert_eq!(
        report.errors().next().map(|f| f.path.as_str()),
        Some("$.envelopeTransferChain[1].transactions[0].recipient")
    );
}

#[test]
fn declared_documents_must_be_held_when_the_receiver_says_what_it_holds() {
    let bytes = read(&pint_demo(ENVELOPES[0]));
    let mut options = options();
    options.held_documents = Some(BTreeSet::new());
    let report = verify_envelope(&bytes, &key_trust(), &options).expect("envelope");
    assert_eq!(report.response_code, ResponseCode::MissingDocuments);
    assert_eq!(report.missing_documents.len(), 3);
    let response = report.finished_response();
    assert_eq!(response.missing_additional_document_checksums.len(), 3);

    let held: BTreeSet<String> = [
        "HHL71800000.pdf",
        "HHL71800000-invoice.pdf",
        "HHL71800000-packing-list.pdf",
    ]
    .iter()
    .map(|name| sha256_hex(&read(&pint_demo(&format!("documents/{name}")))))
    .collect();
    options.held_documents = Some(held);
    let report = verify_envelope(&bytes, &key_trust(), &options).expect("envelope");
    assert_eq!(report.response_code, ResponseCode::Received);
}

#[test]
fn a_key_bound_to_another_platform_is_a_bad_signature() {
    let mut trust = key_trust();
    let carrier_set = KeySet::from_jwks_bytes(&read(&pint_demo(
        "keys-public/ed25519-carrier.example.com.public.jwk",
    )))
    .expect("jwk set");
    let carrier = carrier_set.iter().next().expect("one key").key.clone();
    // Say that only the carrier's key may sign for EBL1: entry 1 and the manifest now fail.
    trust.trust_platform_key("EBL1", carrier).expect("bind");
    let report =
        verify_envelope(&read(&pint_demo(ENVELOPES[0])), &trust, &options()).expect("envelope");
    assert_eq!(report.response_code, ResponseCode::BadSignature);
    assert_eq!(
        codes(&report),
        [
            "entry-signer-not-entry-platform",
            "manifest-signer-not-sending-platform"
        ]
    );
}

#[test]
fn single_byte_changes_anywhere_in_the_file_are_never_accepted() {
    let bytes = read(&pint_demo(ENVELOPES[1]));
    let trust = key_trust();
    let mut rejected = 0;
    for index in (0..bytes.len()).step_by(53) {
        let mut tampered = bytes.clone();
        tampered[index] ^= 0x01;
        match verify_envelope(&tampered, &trust, &options()) {
            Err(_) => rejected += 1,
            Ok(report) => {
                assert_ne!(
                    report.response_code,
                    ResponseCode::Received,
                    "byte {index} ({:?})",
                    bytes[index] as char
                );
                rejected += 1;
            }
        }
    }
    assert!(rejected > 500);
}

#[test]
fn hostile_input_is_an_error_not_a_panic() {
    let trust = key_trust();
    for input in [&b"not json"[..], b"{}", b"[]", br#"{"transportDocument": {}, "envelopeManifestSignedContent": 5, "envelopeTransferChain": []}"#] {
        assert!(verify_envelope(input, &trust, &options()).is_err(), "{:?}", String::from_utf8_lossy(input));
    }
    let duplicate = br#"{"transportDocument": {}, "transportDocument": {}, "envelopeManifestSignedContent": "a.b.c", "envelopeTransferChain": []}"#;
    let err = verify_envelope(duplicate, &trust, &options()).expect_err("duplicate");
    assert_eq!(err.code(), ebl::ErrorCode::JsonDuplicateKey);
    // Garbage JWS strings are findings, not errors.
    let garbage = br#"{"transportDocument": {}, "envelopeManifestSignedContent": "a.b.c", "envelopeTransferChain": ["x", "..", "a.b"]}"#;
    let report = verify_envelope(garbage, &trust, &options()).expect("an envelope shape");
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
}
