//! Adversarial catalogue, PINT: envelopes whose every signature is good but whose chain,
//! manifest or transactions lie, each caught by its own finding code.

mod support;

use ebl::checksum::sha256_hex;
use ebl::json::Value;
use ebl::pint::{
    EblEnvelope, EnvelopeBuilder, EnvelopeManifest, EnvelopeReport, EnvelopeVerifyOptions,
    Issuance, ResponseCode, Signer, SurrenderPurpose, Transaction, TransactionParty,
    verify_parsed_envelope,
};
use ring::rand::SystemRandom;
use support::{
    CARRIER_SEED, SGP1_SEED, SZP1_SEED, at, bank, buyer, carrier, cast_trust, error_codes, shipper,
    signer,
};

fn document(reference: &str) -> Value {
    serde_json::json!({"transportDocumentReference": reference, "isToOrder": true})
}

fn issued(reference: &str) -> EnvelopeBuilder {
    EnvelopeBuilder::issue(
        document(reference),
        Issuance {
            platform: "SGP1".into(),
            ..Issuance::new(carrier(), shipper(), at("2026-06-01T08:00:00Z"))
        },
        &signer(CARRIER_SEED),
        &signer(SGP1_SEED),
        &SystemRandom::new(),
    )
    .expect("issue")
}

fn record(builder: &mut EnvelopeBuilder, platform: &str, transactions: Vec<Transaction>) {
    let key = if platform == "SZP1" {
        SZP1_SEED
    } else {
        SGP1_SEED
    };
    builder
        .record(platform, transactions, &signer(key), &SystemRandom::new())
        .expect("record");
}

fn seal(builder: &EnvelopeBuilder, sender: &Signer) -> EblEnvelope {
    builder
        .seal(sender, Vec::new(), &SystemRandom::new())
        .expect("seal")
}

fn endorse(from: TransactionParty, to: TransactionParty, time: &str) -> Transaction {
    Transaction::new(ebl::pint::ActionCode::Endorse, from, Some(to), at(time))
}

/// An endorsement "to the order of" `to`, who may endorse it on.
fn endorse_to_order(from: TransactionParty, to: TransactionParty, time: &str) -> Transaction {
    Transaction::new(
        ebl::pint::ActionCode::EndorseToOrder,
        from,
        Some(to),
        at(time),
    )
}

/// Issued to the shipper, endorsed to the order of the bank, endorsed to the buyer and sent to SZP1: four
/// entries, each a valid signature by the platform that recorded it.
fn journey(reference: &str) -> EnvelopeBuilder {
    let mut b = issued(reference);
    record(
        &mut b,
        "SGP1",
        vec![endorse_to_order(shipper(), bank(), "2026-06-02T08:00:00Z")],
    );
    record(
        &mut b,
        "SGP1",
        vec![Transaction::transfer(
            shipper(),
            bank(),
            at("2026-06-02T08:01:00Z"),
        )],
    );
    record(
        &mut b,
        "SGP1",
        vec![
            endorse(bank(), buyer(), "2026-06-03T08:00:00Z"),
            Transaction::transfer(bank(), buyer(), at("2026-06-03T08:01:00Z")),
        ],
    );
    b
}

fn verify(envelope: &EblEnvelope, receiver: &str) -> EnvelopeReport {
    let options = EnvelopeVerifyOptions::receiving(receiver, at("2026-07-01T00:00:00Z"), []);
    verify_parsed_envelope(envelope, &cast_trust(), &options)
}

fn codes(report: &EnvelopeReport) -> Vec<String> {
    error_codes(&report.findings)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Re-seals `chain` (as the sending platform SGP1 would, signing whatever it is given) so
/// only the chain itself is wrong.
fn with_chain(original: &EblEnvelope, chain: Vec<String>) -> EblEnvelope {
    let manifest = EnvelopeManifest {
        transport_document_checksum: ebl::checksum::canonical_json_sha256(
            &original.transport_document,
        ),
        last_envelope_transfer_chain_entry_signed_content_checksum: sha256_hex(
            chain.last().expect("entries").as_bytes(),
        ),
        ebl_visualisation_by_carrier: None,
        supporting_documents: Vec::new(),
        extra: Default::default(),
    };
    EblEnvelope {
        transport_document: original.transport_document.clone(),
        envelope_manifest_signed_content: signer(SGP1_SEED)
            .sign_json(&manifest, &SystemRandom::new())
            .expect("manifest"),
        envelope_transfer_chain: chain,
        extra: Default::default(),
    }
}

fn assert_refused_with(report: &EnvelopeReport, code: &str, response: ResponseCode) {
    assert_ne!(report.response_code, ResponseCode::Received);
    assert!(
        codes(report).iter().any(|c| c == code),
        "want {code}, got {:?}",
        codes(report)
    );
    assert_eq!(report.response_code, response, "{:?}", codes(report));
}

#[test]
fn the_honest_journey_is_received() {
    let report = verify(&seal(&journey("J1"), &signer(SGP1_SEED)), "SZP1");
    assert_eq!(
        report.response_code,
        ResponseCode::Received,
        "{:?}",
        codes(&report)
    );
}

#[test]
fn entries_reordered_dropped_duplicated_or_spliced_break_the_chain() {
    let honest = seal(&journey("J1"), &signer(SGP1_SEED));
    let chain = honest.envelope_transfer_chain.clone();
    let other = seal(&journey("OTHER"), &signer(SGP1_SEED)).envelope_transfer_chain;
    let mut reordered = chain.clone();
    reordered.swap(1, 2);
    let mut dropped = chain.clone();
    dropped.remove(2);
    let mut duplicated = chain.clone();
    duplicated.insert(2, chain[1].clone());
    let mut spliced = chain.clone();
    spliced[2] = other[2].clone();
    for (label, chain, code) in [
        ("reordered", reordered, "chain-link-broken"),
        ("dropped", dropped, "chain-link-broken"),
        ("duplicated", duplicated, "chain-link-broken"),
        (
            "spliced",
            spliced,
            "entry-transport-document-checksum-mismatch",
        ),
    ] {
        let report = verify(&with_chain(&honest, chain), "SZP1");
        assert_refused_with(&report, code, ResponseCode::BadEnvelope);
        assert!(!report.is_accepted(), "{label}");
    }
}

#[test]
fn a_checksum_over_the_wrong_bytes_is_refused() {
    // The manifest's checksum taken over the document as pretty-printed, not RFC 8785.
    let honest = seal(&journey("J1"), &signer(SGP1_SEED));
    let pretty = serde_json::to_vec_pretty(&honest.transport_document).expect("json");
    let manifest = EnvelopeManifest {
        transport_document_checksum: sha256_hex(&pretty),
        last_envelope_transfer_chain_entry_signed_content_checksum: sha256_hex(
            honest
                .envelope_transfer_chain
                .last()
                .expect("entry")
                .as_bytes(),
        ),
        ebl_visualisation_by_carrier: None,
        supporting_documents: Vec::new(),
        extra: Default::default(),
    };
    let forged = EblEnvelope {
        envelope_manifest_signed_content: signer(SGP1_SEED)
            .sign_json(&manifest, &SystemRandom::new())
            .expect("manifest"),
        ..honest
    };
    assert_refused_with(
        &verify(&forged, "SZP1"),
        "transport-document-checksum-mismatch",
        ResponseCode::BadEnvelope,
    );
}

#[test]
fn a_manifest_replayed_with_another_document_is_refused() {
    let honest = seal(&journey("J1"), &signer(SGP1_SEED));
    let mut changed = honest.clone();
    changed.transport_document["transportDocumentReference"] = "J1-FORGED".into();
    assert_refused_with(
        &verify(&changed, "SZP1"),
        "transport-document-checksum-mismatch",
        ResponseCode::BadEnvelope,
    );
    // Another eBL's manifest (good signature) on this envelope.
    let other = seal(&journey("OTHER"), &signer(SGP1_SEED));
    let replayed = EblEnvelope {
        envelope_manifest_signed_content: other.envelope_manifest_signed_content,
        ..honest
    };
    let report = verify(&replayed, "SZP1");
    assert_refused_with(
        &report,
        "last-entry-checksum-mismatch",
        ResponseCode::BadEnvelope,
    );
    assert!(codes(&report).contains(&"transport-document-checksum-mismatch".to_owned()));
}

#[test]
fn transactions_after_an_accepted_surrender_are_refused() {
    let mut b = issued("S1");
    record(
        &mut b,
        "SGP1",
        vec![
            Transaction::surrender(
                shipper(),
                carrier(),
                SurrenderPurpose::Delivery,
                None,
                at("2026-06-02T08:00:00Z"),
            ),
            Transaction::new(
                ebl::pint::ActionCode::SurrenderAccepted,
                carrier(),
                Some(shipper()),
                at("2026-06-02T09:00:00Z"),
            ),
        ],
    );
    record(
        &mut b,
        "SGP1",
        vec![Transaction::transfer(
            shipper(),
            buyer(),
            at("2026-06-03T08:00:00Z"),
        )],
    );
    let report = verify(&seal(&b, &signer(SGP1_SEED)), "SZP1");
    assert_refused_with(&report, "event-after-terminal", ResponseCode::BadEnvelope);
}

#[test]
fn a_transfer_to_another_platform_is_refused_by_us() {
    let honest = seal(&journey("J1"), &signer(SGP1_SEED));
    let report = verify(&honest, "XXP1");
    assert_refused_with(
        &report,
        "recipient-not-this-platform",
        ResponseCode::BadEnvelope,
    );
}

#[test]
fn time_running_backwards_is_refused() {
    let mut b = issued("T1");
    record(
        &mut b,
        "SGP1",
        vec![endorse(shipper(), bank(), "2026-06-02T08:00:00Z")],
    );
    record(
        &mut b,
        "SGP1",
        // Before the endorsement it follows.
        vec![Transaction::transfer(
            shipper(),
            bank(),
            at("2026-06-01T09:00:00Z"),
        )],
    );
    let report = verify(&seal(&b, &signer(SGP1_SEED)), "SGP1");
    assert_refused_with(&report, "time-went-backwards", ResponseCode::BadEnvelope);
}
