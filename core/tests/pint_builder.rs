//! Envelopes built by `EnvelopeBuilder` verify; title rules and checksums are enforced even
//! when every signature is good; responses are signed and checked.

mod support;

use ebl::crypto::jws::decode_compact;
use ebl::json::{Value, parse};
use ebl::pint::{
    ActionCode, EblEnvelope, EnvelopeBuilder, EnvelopeTransferChainEntry, EnvelopeVerifyOptions,
    Issuance, ResponseCode, Signer, Transaction, TransactionGeneration, TransactionParty,
    sign_response, verify_parsed_envelope, verify_response,
};
use ring::rand::SystemRandom;
use support::{
    CARRIER_SEED, SGP1_SEED, SZP1_SEED, at, bank, buyer, carrier, cast_trust, party, shipper,
    signer,
};

fn document(to_order: bool) -> Value {
    serde_json::json!({
        "transportDocumentReference": "LCOL25000123",
        "transportDocumentTypeCode": "BOL",
        "isToOrder": to_order,
        "documentParties": {
            "consignee": {
                "partyName": "Qianhai Electronics",
                "eblPlatform": "SZP1",
                "identifyingCodes": [{"codeListProvider": "SZP1", "partyCode": "qianhai"}]
            }
        }
    })
}

fn issued(to_order: bool) -> EnvelopeBuilder {
    EnvelopeBuilder::issue(
        document(to_order),
        Issuance {
            platform: "SGP1".into(),
            carrier: carrier(),
            issue_to: shipper(),
            at: at("2026-06-01T08:00:00Z"),
            visualisation: None,
        },
        &signer(CARRIER_SEED),
        &signer(SGP1_SEED),
        &SystemRandom::new(),
    )
    .expect("issue")
}

fn seal(builder: &EnvelopeBuilder, sender: &Signer) -> EblEnvelope {
    builder
        .seal(sender, Vec::new(), &SystemRandom::new())
        .expect("seal")
}

fn verify(envelope: &EblEnvelope) -> ebl::pint::EnvelopeReport {
    verify_parsed_envelope(
        envelope,
        &cast_trust(),
        &EnvelopeVerifyOptions::at(at("2026-07-01T00:00:00Z")),
    )
}

fn error_codes(report: &ebl::pint::EnvelopeReport) -> Vec<String> {
    report.errors().map(|f| f.code.clone()).collect()
}

fn tx(
    action: ActionCode,
    actor: TransactionParty,
    recipient: Option<TransactionParty>,
    time: &str,
) -> Transaction {
    Transaction::new(action, actor, recipient, at(time))
}

#[test]
fn an_endorsed_and_transferred_to_order_bill_verifies_and_replays() {
    let rng = SystemRandom::new();
    let mut builder = issued(true);
    builder
        .record(
            "SGP1",
            vec![
                tx(
                    ActionCode::EndorseToOrder,
                    shipper(),
                    Some(bank()),
                    "2026-06-02T08:00:00Z",
                ),
                tx(
                    ActionCode::Transfer,
                    shipper(),
                    Some(bank()),
                    "2026-06-02T08:01:00Z",
                ),
                tx(
                    ActionCode::Transfer,
                    bank(),
                    Some(buyer()),
                    "2026-06-03T08:00:00Z",
                ),
            ],
            &signer(SGP1_SEED),
            &rng,
        )
        .expect("record");
    let envelope = seal(&builder, &signer(SGP1_SEED));
    let report = verify(&envelope);
    assert_eq!(
        report.response_code,
        ResponseCode::Received,
        "{:#?}",
        report.findings
    );
    let holder = report.replay.final_state.holder.as_ref().expect("a holder");
    assert_eq!(holder.name.as_deref(), Some("Qianhai Electronics"));

    // The round trip through JSON bytes gives the same verdict.
    let bytes = envelope.to_json_pretty();
    let report = ebl::pint::verify_envelope(
        bytes.as_bytes(),
        &cast_trust(),
        &EnvelopeVerifyOptions::at(at("2026-07-01T00:00:00Z")),
    )
    .expect("envelope");
    assert_eq!(report.response_code, ResponseCode::Received);
}

#[test]
fn chains_of_1_10_and_100_entries_verify() {
    let rng = SystemRandom::new();
    for length in [1usize, 10, 100] {
        let mut builder = issued(true);
        let mut holder = shipper();
        for i in 1..length {
            let next = party("SGP1", &format!("Holder {i}"), &format!("holder-{i}"));
            let time = format!("2026-06-02T08:{:02}:{:02}Z", i / 60, i % 60);
            builder
                .record(
                    "SGP1",
                    vec![tx(ActionCode::Transfer, holder, Some(next.clone()), &time)],
                    &signer(SGP1_SEED),
                    &rng,
                )
                .expect("record");
            holder = next;
        }
        let report = verify(&seal(&builder, &signer(SGP1_SEED)));
        assert_eq!(
            report.response_code,
            ResponseCode::Received,
            "{length}: {:#?}",
            report.findings
        );
        assert_eq!(report.entries.len(), length);
    }
}

#[test]
fn a_straight_bill_endorsed_is_a_bad_envelope_although_every_signature_is_good() {
    let mut builder = issued(false);
    builder
        .record(
            "SGP1",
            vec![tx(
                ActionCode::Endorse,
                shipper(),
                Some(bank()),
                "2026-06-02T08:00:00Z",
            )],
            &signer(SGP1_SEED),
            &SystemRandom::new(),
        )
        .expect("record");
    let report = verify(&seal(&builder, &signer(SGP1_SEED)));
    assert!(report.entries.iter().all(|e| e.signer.verified));
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
    let finding = report
        .errors()
        .find(|f| f.code == "straight-bill-endorsed")
        .expect("the title rule");
    assert_eq!(finding.entry, Some(1));
    assert!(
        finding
            .path
            .starts_with("$.envelopeTransferChain[1].transactions[0]"),
        "{}",
        finding.path
    );
}

#[test]
fn a_transaction_after_the_carrier_accepted_the_surrender_is_a_bad_envelope() {
    let rng = SystemRandom::new();
    let mut builder = issued(true);
    builder
        .record(
            "SGP1",
            vec![
                tx(
                    ActionCode::SurrenderForDelivery,
                    shipper(),
                    Some(carrier()),
                    "2026-06-02T08:00:00Z",
                ),
                tx(
                    ActionCode::SurrenderAccepted,
                    carrier(),
                    Some(shipper()),
                    "2026-06-02T09:00:00Z",
                ),
                tx(
                    ActionCode::Transfer,
                    shipper(),
                    Some(bank()),
                    "2026-06-02T10:00:00Z",
                ),
            ],
            &signer(SGP1_SEED),
            &rng,
        )
        .expect("record");
    let report = verify(&seal(&builder, &signer(SGP1_SEED)));
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
    assert!(
        error_codes(&report).contains(&"event-after-terminal".to_owned()),
        "{:#?}",
        report.findings
    );
}

#[test]
fn unknown_extra_fields_in_entries_and_transactions_are_tolerated() {
    let rng = SystemRandom::new();
    let mut builder = issued(true);
    let mut transfer = tx(
        ActionCode::Transfer,
        shipper(),
        Some(bank()),
        "2026-06-02T08:00:00Z",
    );
    transfer
        .extra
        .insert("action".into(), Value::String("TRNS".into()));
    transfer
        .extra
        .insert("x-vendorTrace".into(), serde_json::json!({"id": 7}));
    let mut entry = EnvelopeTransferChainEntry {
        ebl_platform: "SGP1".into(),
        transport_document_checksum: String::new(),
        previous_envelope_transfer_chain_entry_signed_content_checksum: None,
        issuance_manifest_signed_content: None,
        control_tracking_registry: None,
        transactions: vec![transfer],
        extra: serde_json::Map::new(),
    };
    entry
        .extra
        .insert("x-platformNote".into(), Value::String("kept".into()));
    builder
        .record_entry(entry, &signer(SGP1_SEED), &rng)
        .expect("record");
    let envelope = seal(&builder, &signer(SGP1_SEED));
    let report = verify(&envelope);
    assert_eq!(
        report.response_code,
        ResponseCode::Received,
        "{:#?}",
        report.findings
    );
    let kept = &report.entries[1].transactions[0];
    assert!(kept.extra.contains_key("x-vendorTrace"));
    let payload = decode_compact(&envelope.envelope_transfer_chain[1]).expect("jws");
    assert!(String::from_utf8_lossy(payload.payload()).contains("x-platformNote"));
}

#[test]
fn old_generation_transactions_are_read() {
    let rng = SystemRandom::new();
    let mut builder = issued(true);
    let mut entry: EnvelopeTransferChainEntry = serde_json::from_value(serde_json::json!({
        "eblPlatform": "SGP1",
        "transportDocumentChecksum": "",
        "transactions": [{
            "action": "TRNS",
            "timestamp": 1_780_387_200_000_i64,
            "actor": serde_json::to_value(shipper()).expect("party"),
            "recipient": serde_json::to_value(bank()).expect("party")
        }]
    }))
    .expect("old format");
    assert_eq!(
        entry.transactions[0].generation,
        TransactionGeneration::Legacy
    );
    assert_eq!(entry.transactions[0].action_code, ActionCode::Transfer);
    entry.transactions[0].generation = TransactionGeneration::Legacy;
    builder
        .record_entry(entry, &signer(SGP1_SEED), &rng)
        .expect("record");
    let report = verify(&seal(&builder, &signer(SGP1_SEED)));
    assert_eq!(
        report.response_code,
        ResponseCode::Received,
        "{:#?}",
        report.findings
    );
    // Written back in the current format.
    let payload = decode_compact(&report_entry_jws(&builder, 1)).expect("jws");
    let text = String::from_utf8_lossy(payload.payload()).into_owned();
    assert!(
        text.contains("\"actionCode\":\"TRANSFER\"") && text.contains("2026-06-02T08:00:00.000Z"),
        "{text}"
    );
}

fn report_entry_jws(builder: &EnvelopeBuilder, index: usize) -> String {
    builder.chain()[index].clone()
}

#[test]
fn checksums_are_enforced_when_the_signatures_are_good() {
    let rng = SystemRandom::new();
    let mut builder = issued(true);
    builder
        .record(
            "SGP1",
            vec![tx(
                ActionCode::Transfer,
                shipper(),
                Some(bank()),
                "2026-06-02T08:00:00Z",
            )],
            &signer(SGP1_SEED),
            &rng,
        )
        .expect("record");

    // A document changed after sealing: the manifest still signs the old checksum.
    let mut changed = seal(&builder, &signer(SGP1_SEED));
    changed.transport_document["transportDocumentReference"] = Value::String("FORGED".into());
    let report = verify(&changed);
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
    assert!(error_codes(&report).contains(&"transport-document-checksum-mismatch".to_owned()));

    // An entry re-signed by its own platform with a broken link.
    let envelope = seal(&builder, &signer(SGP1_SEED));
    let payload = decode_compact(&envelope.envelope_transfer_chain[1]).expect("jws");
    let mut entry: EnvelopeTransferChainEntry =
        ebl::json::from_slice(payload.payload()).expect("entry");
    entry.previous_envelope_transfer_chain_entry_signed_content_checksum = Some("0".repeat(64));
    let relinked = EblEnvelope {
        envelope_transfer_chain: vec![
            envelope.envelope_transfer_chain[0].clone(),
            signer(SGP1_SEED).sign_json(&entry, &rng).expect("sign"),
        ],
        ..envelope
    };
    let resealed = EnvelopeBuilder::continue_from(&relinked, None)
        .seal(&signer(SGP1_SEED), Vec::new(), &rng)
        .expect("seal");
    let report = verify(&resealed);
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
    assert_eq!(error_codes(&report), ["chain-link-broken"]);
    assert_eq!(report.errors().next().map(|f| f.entry), Some(Some(1)));
}

#[test]
fn a_cross_platform_transfer_continues_the_chain() {
    let rng = SystemRandom::new();
    let mut builder = issued(true);
    builder
        .record(
            "SGP1",
            vec![tx(
                ActionCode::Transfer,
                shipper(),
                Some(buyer()),
                "2026-06-02T08:00:00Z",
            )],
            &signer(SGP1_SEED),
            &rng,
        )
        .expect("record");
    let sent = seal(&builder, &signer(SGP1_SEED));
    let mut options = EnvelopeVerifyOptions::at(at("2026-07-01T00:00:00Z"));
    options.receiving_platform = Some("SZP1".into());
    let received = verify_parsed_envelope(&sent, &cast_trust(), &options);
    assert_eq!(
        received.response_code,
        ResponseCode::Received,
        "{:#?}",
        received.findings
    );

    // The Shenzhen platform records the surrender and sends it back to the carrier's platform.
    let mut onward = EnvelopeBuilder::continue_from(&sent, None);
    onward
        .record(
            "SZP1",
            vec![tx(
                ActionCode::SurrenderForDelivery,
                buyer(),
                Some(carrier()),
                "2026-06-20T08:00:00Z",
            )],
            &signer(SZP1_SEED),
            &rng,
        )
        .expect("record");
    let back = seal(&onward, &signer(SZP1_SEED));
    let mut options = EnvelopeVerifyOptions::at(at("2026-07-01T00:00:00Z"));
    options.receiving_platform = Some("SGP1".into());
    let report = verify_parsed_envelope(&back, &cast_trust(), &options);
    assert_eq!(
        report.response_code,
        ResponseCode::Received,
        "{:#?}",
        report.findings
    );
    assert_eq!(
        report.replay.final_state.status,
        ebl::title::Status::SurrenderPendingForDelivery
    );

    // Sealed by a platform whose key is not the sender's: a bad signature.
    let forged = seal(&onward, &signer(SGP1_SEED));
    let report = verify_parsed_envelope(&forged, &cast_trust(), &options);
    assert_eq!(report.response_code, ResponseCode::BadSignature);
    assert_eq!(
        error_codes(&report),
        ["manifest-signer-not-sending-platform"]
    );
}

#[test]
fn finished_responses_are_signed_and_bound_to_the_transfer() {
    let rng = SystemRandom::new();
    let report = verify(&seal(&issued(true), &signer(SGP1_SEED)));
    let response = report.finished_response();
    assert_eq!(response.response_code, ResponseCode::Received);
    assert!(response.reason.is_none());
    let receiver = signer(SZP1_SEED);
    let signed = sign_response(&response, &receiver, &rng).expect("sign");
    let last = report.last_entry_checksum.clone().expect("a chain");
    let verifier = cast_trust().verifier;
    let read =
        verify_response(&signed, &verifier, at("2026-07-01T00:00:00Z"), &last).expect("verify");
    assert_eq!(read, response);

    let err = verify_response(
        &signed,
        &verifier,
        at("2026-07-01T00:00:00Z"),
        &"0".repeat(64),
    )
    .expect_err("other transfer");
    assert_eq!(err.code(), ebl::ErrorCode::PintResponseMismatch);
    let mut tampered = signed.clone();
    tampered.replace_range(signed.len() - 4.., "AAAA");
    assert!(verify_response(&tampered, &verifier, at("2026-07-01T00:00:00Z"), &last).is_err());

    // A rejection carries its reason.
    let mut changed = seal(&issued(true), &signer(SGP1_SEED));
    changed.transport_document["isToOrder"] = Value::Bool(false);
    let rejected = verify(&changed).finished_response();
    assert_eq!(rejected.response_code, ResponseCode::BadEnvelope);
    assert!(rejected.reason.as_deref().is_some_and(|r| {
        r.contains("transport-document-checksum-mismatch") && r.chars().count() <= 255
    }));
    let json = parse(serde_json::to_string(&rejected).expect("json").as_bytes()).expect("parse");
    assert_eq!(json["responseCode"], "BENV");
}
