//! Recognition over a verified PINT envelope: `RecognitionInput::from_pint` and
//! `TrustStore::pint_trust` together, on envelopes built with `EnvelopeBuilder` and keys from
//! fixed seeds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use ebl::json::Value;
use ebl::pint::{
    ActionCode, EblEnvelope, EnvelopeBuilder, EnvelopeReport, EnvelopeVerifyOptions, Issuance,
    ResponseCode, Transaction, TransactionParty, verify_parsed_envelope,
};
use ebl::recognition::{
    Catalogue, CriterionId, CriterionStatus, RecognitionInput, Verdict, recognize,
};
use ebl::trust::TrustStore;
use ring::rand::SystemRandom;
use serde_json::json;
use support::{at, bank, buyer, carrier, shipper, signer};

const CARRIER: u8 = 11;
const SG_PLATFORM: u8 = 12;
const CN_PLATFORM: u8 = 13;

fn document(to_order: bool) -> Value {
    json!({
        "transportDocumentReference": "LCOL26000123",
        "transportDocumentTypeCode": "BOL",
        "isToOrder": to_order,
        "carrierCode": "LCOL",
        "placeOfIssue": {"UNLocationCode": "SGSIN"},
        "termsAndConditions": "Carried subject to the carrier's terms.",
        "documentParties": {
            "shipper": {"partyName": "Straits Precision"},
            "issuingParty": {"partyName": "Lion City Ocean Lines"}
        },
        "transports": {"portOfLoading": {"UNLocationCode": "SGSIN"}, "portOfDischarge": {"UNLocationCode": "CNYTN"}},
        "consignmentItems": [{"descriptionOfGoods": ["Precision components"]}]
    })
}

/// The receiver's trust store: both platforms (SGP1 on the IG list) and the carrier, with the
/// demo keys; the traders by their platform codes.
fn store() -> TrustStore {
    let jwk = |seed: u8| signer(seed).key.public_key().to_jwk();
    let trader = |id: &str, code: &str, platform: &str| json!({"id": id, "kind": "trader", "identifiers": [{"scheme": platform, "value": code}]});
    let value = json!({
        "schema": "ebl-trust-store/1",
        "parties": [
            {"id": "SGP1", "kind": "platform", "jurisdiction": "SG",
             "keys": [{"jwk": jwk(SG_PLATFORM), "binding": "direct"}],
             "evidence": [{"kind": "approved-list", "scheme": "ig-pi-clubs", "valid_from": "2025-01-01T00:00:00Z"},
                          {"kind": "operational-rules", "scheme": "sgp1-rulebook"}]},
            {"id": "SZP1", "kind": "platform", "jurisdiction": "CN",
             "keys": [{"jwk": jwk(CN_PLATFORM), "binding": "direct"}]},
            {"id": "LCOL", "kind": "carrier", "jurisdiction": "SG",
             "identifiers": [{"scheme": "SGP1", "value": "lcol"}],
             "keys": [{"jwk": jwk(CARRIER), "binding": "direct"}]},
            trader("SHIPPER", "straits", "SGP1"),
            trader("BANK", "boc-sg", "SGP1"),
            trader("BUYER", "qianhai", "SZP1")
        ]
    });
    TrustStore::from_json(value.to_string().as_bytes(), "store.json").unwrap()
}

/// Issue on SGP1, endorse to the bank, endorse to the buyer on SZP1: three chain entries.
fn journey(to_order: bool) -> (EblEnvelope, Value) {
    let rng = SystemRandom::new();
    let document = document(to_order);
    let mut builder = EnvelopeBuilder::issue(
        document.clone(),
        Issuance {
            platform: "SGP1".into(),
            carrier: carrier(),
            issue_to: shipper(),
            at: at("2026-06-14T09:30:00Z"),
            visualisation: None,
        },
        &signer(CARRIER),
        &signer(SG_PLATFORM),
        &rng,
    )
    .unwrap();
    let step = |code, from: TransactionParty, to: TransactionParty, when: &str| {
        Transaction::new(code, from, Some(to), at(when))
    };
    let first = if to_order {
        ActionCode::EndorseToOrder
    } else {
        ActionCode::Endorse
    };
    builder
        .record(
            "SGP1",
            vec![
                step(first, shipper(), bank(), "2026-06-15T02:00:00Z"),
                step(
                    ActionCode::Transfer,
                    shipper(),
                    bank(),
                    "2026-06-15T02:00:00Z",
                ),
            ],
            &signer(SG_PLATFORM),
            &rng,
        )
        .unwrap();
    builder
        .record(
            "SGP1",
            vec![
                step(ActionCode::Endorse, bank(), buyer(), "2026-06-16T06:45:00Z"),
                step(
                    ActionCode::Transfer,
                    bank(),
                    buyer(),
                    "2026-06-16T06:45:00Z",
                ),
            ],
            &signer(SG_PLATFORM),
            &rng,
        )
        .unwrap();
    let envelope = builder
        .seal(&signer(SG_PLATFORM), Vec::new(), &rng)
        .unwrap();
    (envelope, document)
}

const VERIFY_AT: &str = "2026-06-16T07:00:00Z";

fn verify(envelope: &EblEnvelope, store: &TrustStore) -> EnvelopeReport {
    let trust = store.pint_trust(at(VERIFY_AT)).unwrap();
    verify_parsed_envelope(envelope, &trust, &EnvelopeVerifyOptions::at(at(VERIFY_AT)))
}

/// What the receiver adds that an envelope does not carry.
fn with_receiver_evidence(mut input: RecognitionInput) -> RecognitionInput {
    input.evidence.governing_law = Some("SG".into());
    input.evidence.registry_checked = true;
    input.evidence.consents = vec![
        serde_json::from_value(json!({"party": "BUYER", "at": "2026-01-10T00:00:00Z",
            "basis": "SZP1 platform terms accepted"}))
        .unwrap(),
    ];
    input
}

fn input_for(envelope: &EblEnvelope, document: &Value, store: &TrustStore) -> RecognitionInput {
    let report = verify(envelope, store);
    RecognitionInput::from_pint(&report, document, store)
}

fn recognise(
    input: &RecognitionInput,
    store: &TrustStore,
    target: &str,
) -> ebl::recognition::Report {
    let catalogue = Catalogue::embedded().unwrap();
    let target = match target.split_once('/') {
        Some((agreement, side)) => catalogue.agreement_target(agreement, side).unwrap(),
        None => catalogue.jurisdiction_target(target).unwrap(),
    };
    recognize(input, store, &target, at("2026-06-20T00:00:00Z")).unwrap()
}

#[test]
fn signatures_are_attributed_to_trust_store_parties_event_by_event() {
    let store = store();
    let (envelope, document) = journey(true);
    let report = verify(&envelope, &store);
    assert_eq!(
        report.response_code,
        ResponseCode::Received,
        "{:#?}",
        report.findings
    );
    let input = RecognitionInput::from_pint(&report, &document, &store);

    assert_eq!(input.document.as_ref(), Some(&document));
    let h = &input.history;
    assert_eq!(h.record_id, "LCOL26000123");
    assert_eq!(h.events.len(), 5);
    assert_eq!(h.events[0].actor.as_deref(), Some("LCOL"));
    assert_eq!(h.events[4].controller_after.parties, ["BUYER"]);
    // Links are checked between entries: the first event of entries 1 and 2.
    let links: Vec<Option<bool>> = h.events.iter().map(|e| e.previous_link_ok).collect();
    assert_eq!(links, [None, Some(true), None, Some(true), None]);

    let sg = signer(SG_PLATFORM).key.public_key().thumbprint();
    let carrier_kid = signer(CARRIER).key.public_key().thumbprint();
    let sigs = &input.evidence.signatures;
    // One entry signature per event, the carrier's on the issue, the manifest on the last.
    assert_eq!(sigs.len(), 5 + 1 + 1);
    assert!(sigs.iter().all(|s| s.verified && s.algorithm == "EdDSA"));
    for s in sigs
        .iter()
        .filter(|s| s.kid.as_deref() == Some(sg.as_str()))
    {
        assert_eq!(s.signer.as_deref(), Some("SGP1"));
    }
    let carrier_sig: Vec<_> = sigs
        .iter()
        .filter(|s| s.kid.as_deref() == Some(carrier_kid.as_str()))
        .collect();
    assert_eq!(carrier_sig.len(), 1);
    assert_eq!(carrier_sig[0].event, 0);
    assert_eq!(carrier_sig[0].signer.as_deref(), Some("LCOL"));
    assert_eq!(sigs.last().unwrap().event, 4);
}

#[test]
fn a_clean_journey_is_recognised_and_signature_criteria_hold() {
    let store = store();
    let (envelope, document) = journey(true);
    let input = with_receiver_evidence(input_for(&envelope, &document, &store));
    for target in ["SG", "MLETR", "CN"] {
        let report = recognise(&input, &store, target);
        assert_eq!(
            report.verdict,
            Verdict::RecognisedSubjectToReliability,
            "{target}: {:#?}",
            report.decisive
        );
        for c in [
            CriterionId::Integrity,
            CriterionId::ReliableSignature,
            CriterionId::IssuerIdentity,
            CriterionId::HolderSignedTransfers,
        ] {
            assert_eq!(
                report.criterion(c).unwrap().status,
                CriterionStatus::Satisfied,
                "{target} {c}: {}",
                report.criterion(c).unwrap().reason
            );
        }
    }
}

#[test]
fn without_receiver_evidence_the_verdict_is_indeterminate_not_recognised() {
    let store = store();
    let (envelope, document) = journey(true);
    let input = input_for(&envelope, &document, &store);
    let report = recognise(&input, &store, "SG");
    assert_eq!(
        report.verdict,
        Verdict::Indeterminate,
        "{:#?}",
        report.decisive
    );
    assert!(report.decisive_ids().contains(&"governing-law"));
}

#[test]
fn a_tampered_document_fails_integrity() {
    let store = store();
    let (mut envelope, _) = journey(true);
    envelope.transport_document["transportDocumentTypeCode"] = json!("SWB");
    let report = verify(&envelope, &store);
    assert_ne!(report.response_code, ResponseCode::Received);
    let input = with_receiver_evidence(RecognitionInput::from_pint(
        &report,
        &envelope.transport_document,
        &store,
    ));
    assert!(input.evidence.signatures.iter().any(|s| !s.verified));
    let recognition = recognise(&input, &store, "SG");
    assert_eq!(recognition.verdict, Verdict::NotRecognised);
    assert_eq!(
        recognition
            .criterion(CriterionId::Integrity)
            .unwrap()
            .status,
        CriterionStatus::NotSatisfied
    );
}

#[test]
fn a_removed_entry_breaks_the_link_and_integrity() {
    let store = store();
    let (mut envelope, document) = journey(true);
    envelope.envelope_transfer_chain.remove(1);
    let report = verify(&envelope, &store);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == "chain-link-broken")
    );
    let input = with_receiver_evidence(RecognitionInput::from_pint(&report, &document, &store));
    assert!(
        input
            .history
            .events
            .iter()
            .any(|e| e.previous_link_ok == Some(false))
    );
    let recognition = recognise(&input, &store, "SG");
    assert_eq!(recognition.verdict, Verdict::NotRecognised);
    assert!(
        recognition
            .criterion(CriterionId::Integrity)
            .unwrap()
            .reason
            .contains("hash link"),
        "{}",
        recognition
            .criterion(CriterionId::Integrity)
            .unwrap()
            .reason
    );
}

#[test]
fn an_endorsed_straight_bill_fails_the_endorsement_row_whose_wording_is_unverified() {
    let store = store();
    let (envelope, document) = journey(false);
    let input = with_receiver_evidence(input_for(&envelope, &document, &store));
    let report = recognise(&input, &store, "SG");
    // SG ETA s.16K's wording was not retrieved ([R]): the failure cannot make the record
    // "not recognised" by itself, and the reason says which premise is unverified.
    assert_eq!(report.verdict, Verdict::Indeterminate);
    let endorsement = report.criterion(CriterionId::EndorsementRecorded).unwrap();
    assert_eq!(endorsement.status, CriterionStatus::NotSatisfied);
    assert!(
        endorsement.reason.contains("unverified premise ([R]"),
        "{}",
        endorsement.reason
    );
    assert!(
        endorsement.reason.contains("s.16K"),
        "{}",
        endorsement.reason
    );
}

#[test]
fn a_key_the_store_does_not_know_leaves_the_signer_unidentified() {
    // The receiver verifies with the platform key given directly, but its recognition store
    // does not list the platform's key: the signer is the platform the entry names, and the
    // signature's reliability cannot be established.
    let full = store();
    let (envelope, document) = journey(true);
    let report = verify(&envelope, &full);
    let sparse = TrustStore::from_json(
        json!({"schema": "ebl-trust-store/1", "parties": [{"id": "SGP1", "kind": "platform"}]})
            .to_string()
            .as_bytes(),
        "sparse.json",
    )
    .unwrap();
    let input = with_receiver_evidence(RecognitionInput::from_pint(&report, &document, &sparse));
    let sg = signer(SG_PLATFORM).key.public_key().thumbprint();
    let entry_sig = input
        .evidence
        .signatures
        .iter()
        .find(|s| s.kid.as_deref() == Some(sg.as_str()))
        .unwrap();
    assert_eq!(entry_sig.signer.as_deref(), Some("SGP1"));
    let recognition = recognise(&input, &sparse, "SG");
    assert_eq!(
        recognition
            .criterion(CriterionId::ReliableSignature)
            .unwrap()
            .status,
        CriterionStatus::Indeterminate
    );
}

#[test]
fn a_key_revoked_before_the_events_is_refused_by_verification_and_recognition() {
    let sg_signer = signer(SG_PLATFORM);
    let sg = sg_signer.key.public_key();
    let mut value = json!({"schema": "ebl-trust-store/1", "parties": []});
    value["parties"] = json!([
        {"id": "SGP1", "kind": "platform",
         "keys": [{"jwk": sg.to_jwk(), "binding": "direct"}],
         "revocations": [{"kid": sg.thumbprint(), "at": "2026-06-01T00:00:00Z", "reason": "key compromise"}]},
        {"id": "LCOL", "kind": "carrier", "keys": [{"jwk": signer(CARRIER).key.public_key().to_jwk(), "binding": "direct"}]}
    ]);
    let store = TrustStore::from_json(value.to_string().as_bytes(), "revoked.json").unwrap();
    let (envelope, document) = journey(true);
    let report = verify(&envelope, &store);
    assert_eq!(report.response_code, ResponseCode::BadSignature);
    let input = with_receiver_evidence(RecognitionInput::from_pint(&report, &document, &store));
    let recognition = recognise(&input, &store, "SG");
    assert_eq!(recognition.verdict, Verdict::NotRecognised);
}

#[test]
fn the_report_json_has_a_verdict_and_criteria_with_id_status_citation_reason() {
    let store = store();
    let (envelope, document) = journey(true);
    let input = with_receiver_evidence(input_for(&envelope, &document, &store));
    let report = recognise(&input, &store, "sg-cn-shenzhen/CN");
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(json["verdict"].is_string());
    let criteria = json["criteria"].as_array().unwrap();
    assert!(!criteria.is_empty());
    for c in criteria {
        for member in ["id", "status", "citation", "reason"] {
            assert!(
                c[member].as_str().is_some_and(|s| !s.is_empty()),
                "{member} in {c}"
            );
        }
        assert_eq!(c["id"], c["criterion"]);
    }
    // The agreement's own layer is reported with its clauses as citations.
    assert!(
        criteria
            .iter()
            .any(|c| c["citation"].as_str().unwrap().contains("model cl."))
    );
}

#[test]
fn the_report_carries_typed_content_and_link_facts() {
    let store = store();
    let (envelope, _) = journey(true);
    let clean = verify(&envelope, &store);
    assert!(clean.manifest_content_matches);
    assert!(clean.entries.iter().all(|e| e.content_matches));
    assert_eq!(clean.entries[0].link_ok, None);
    assert!(clean.entries[1..].iter().all(|e| e.link_ok == Some(true)));
    assert_eq!(clean.entries[0].issuance_content_matches, Some(true));
    assert!(
        clean.entries[1..]
            .iter()
            .all(|e| e.issuance_content_matches.is_none())
    );

    // Every signature was over another document than the one received.
    let mut tampered = envelope.clone();
    tampered.transport_document["transportDocumentTypeCode"] = json!("SWB");
    let report = verify(&tampered, &store);
    assert!(!report.manifest_content_matches);
    assert!(report.entries.iter().all(|e| !e.content_matches));
    assert_eq!(report.entries[0].issuance_content_matches, Some(false));
    assert!(report.entries[1..].iter().all(|e| e.link_ok == Some(true)));

    // Without its middle entry, the last one points to an entry the envelope does not hold,
    // and the manifest still names the last entry, so it covers what was received.
    let mut cut = envelope;
    cut.envelope_transfer_chain.remove(1);
    let report = verify(&cut, &store);
    assert_eq!(report.entries[1].link_ok, Some(false));
    assert!(report.entries.iter().all(|e| e.content_matches));
    assert!(report.manifest_content_matches);
}
