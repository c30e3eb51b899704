//! `receive_envelope`: a receiving platform verifies an envelope as itself and signs the
//! response the verdict calls for, RECE or BSIG/BENV/MDOC with the reason, and the sender
//! verifies that response with the receiving platform's key.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, Utc};
use ebl::ErrorCode;
use ebl::crypto::{KeyType, PrivateKey};
use ebl::pint::{
    DocumentMetadata, EblEnvelope, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust,
    ReceivedEnvelope, ResponseCode, Signer, Transaction, TransactionParty, receive_envelope,
    verify_response,
};
use ring::rand::SystemRandom;

const RENDERING: &[u8] = b"%PDF-1.7 the carrier's rendering";

struct Journey {
    carrier: Signer,
    sgp1: Signer,
    szp1: Signer,
    sent: Vec<u8>,
}

fn at() -> DateTime<Utc> {
    "2026-06-16T07:00:00Z".parse().unwrap()
}

fn key(rng: &SystemRandom) -> Signer {
    Signer::new(PrivateKey::generate(KeyType::Ed25519, rng).unwrap())
}

/// A bill issued on SGP1 with the carrier's rendering, transferred to a buyer on SZP1.
fn journey() -> Journey {
    let rng = SystemRandom::new();
    let (carrier, sgp1, szp1) = (key(&rng), key(&rng), key(&rng));
    let lcol = TransactionParty::parse("SGP1:SMDG:LCOL:Lion City Ocean Lines").unwrap();
    let shipper = TransactionParty::parse("SGP1:SGP1:straits").unwrap();
    let buyer = TransactionParty::parse("SZP1:SZP1:qianhai").unwrap();
    let issued_at = "2026-06-14T09:30:00Z".parse().unwrap();
    let mut issuance = Issuance::new(lcol, shipper.clone(), issued_at);
    issuance.visualisation = Some(DocumentMetadata::for_file("bl.pdf", RENDERING));
    let td = serde_json::json!({"transportDocumentReference": "LCOL1", "isToOrder": false});
    let issued = EnvelopeBuilder::issue(td, issuance, &carrier, &sgp1, &rng)
        .unwrap()
        .seal(&sgp1, Vec::new(), &rng)
        .unwrap();
    let transfer = Transaction::transfer(shipper, buyer, "2026-06-16T06:45:00Z".parse().unwrap());
    let sent: EblEnvelope = issued
        .extend_chain("SGP1", vec![transfer], &sgp1, &rng)
        .unwrap();
    Journey {
        carrier,
        sgp1,
        szp1,
        sent: sent.to_json_pretty().into_bytes(),
    }
}

/// The journey's envelope received by SZP1, trusting the carrier and `platform_key` for SGP1.
fn receive_as_szp1(
    j: &Journey,
    platform_key: &Signer,
    options: &EnvelopeVerifyOptions,
) -> ReceivedEnvelope {
    receive_envelope(
        &j.sent,
        &trust(j, platform_key),
        options,
        &j.szp1,
        &SystemRandom::new(),
    )
    .unwrap()
}

fn trust(j: &Journey, platform_key: &Signer) -> PintTrust {
    let mut trust = PintTrust::default();
    trust
        .trust_carrier_key(j.carrier.key.public_key().clone())
        .unwrap();
    trust
        .trust_platform_key("SGP1", platform_key.key.public_key().clone())
        .unwrap();
    trust
}

/// What the sender sees: the response, verified with SZP1's key.
fn sender_reads(
    j: &Journey,
    response: &str,
    last_entry: &str,
) -> ebl::pint::EnvelopeTransferFinishedResponse {
    let mut szp1 = PintTrust::default();
    szp1.trust_platform_key("SZP1", j.szp1.key.public_key().clone())
        .unwrap();
    verify_response(response, &szp1.verifier, at(), last_entry).unwrap()
}

#[test]
fn an_envelope_with_its_documents_is_received_and_answered_rece() {
    let j = journey();
    let options = EnvelopeVerifyOptions::receiving("SZP1", at(), [RENDERING]);
    let received = receive_as_szp1(&j, &j.sgp1, &options);
    assert!(received.is_accepted(), "{:#?}", received.report.findings);
    let last = received.report.last_entry_checksum.clone().unwrap();
    let answer = sender_reads(&j, &received.response, &last);
    assert_eq!(answer.response_code, ResponseCode::Received);
    assert_eq!(
        answer.received_additional_document_checksums,
        [ebl::checksum::sha256_hex(RENDERING)]
    );
    let json = received.to_json_value();
    assert_eq!(json["valid"], true);
    assert_eq!(json["responseCode"], "RECE");
    assert_eq!(json["response"], received.response.as_str());
    assert_eq!(
        json["missingAdditionalDocumentChecksums"],
        serde_json::json!([])
    );
}

#[test]
fn a_missing_document_is_answered_mdoc_naming_it() {
    let j = journey();
    let options = EnvelopeVerifyOptions::receiving("SZP1", at(), []);
    let received = receive_as_szp1(&j, &j.sgp1, &options);
    assert_eq!(
        received.report.response_code,
        ResponseCode::MissingDocuments
    );
    let last = received.report.last_entry_checksum.clone().unwrap();
    let answer = sender_reads(&j, &received.response, &last);
    assert_eq!(answer.response_code, ResponseCode::MissingDocuments);
    assert_eq!(
        answer.missing_additional_document_checksums,
        [ebl::checksum::sha256_hex(RENDERING)]
    );
    assert_eq!(received.to_json_value()["valid"], false);
}

#[test]
fn an_unknown_sender_is_answered_bsig_with_the_reason() {
    let j = journey();
    let impostor = key(&SystemRandom::new());
    let options = EnvelopeVerifyOptions::receiving("SZP1", at(), [RENDERING]);
    // The receiver trusts another key for SGP1 than the one that signed.
    let received = receive_as_szp1(&j, &impostor, &options);
    assert_eq!(received.report.response_code, ResponseCode::BadSignature);
    let last = received.report.last_entry_checksum.clone().unwrap();
    let answer = sender_reads(&j, &received.response, &last);
    assert_eq!(answer.response_code, ResponseCode::BadSignature);
    assert!(answer.reason.is_some_and(|r| !r.is_empty()));
    let json = received.to_json_value();
    assert_eq!(json["responseCode"], "BSIG");
    assert!(!json["findings"].as_array().unwrap().is_empty());
}

#[test]
fn the_wrong_recipient_is_answered_benv_and_bad_input_is_an_error() {
    let j = journey();
    let rng = SystemRandom::new();
    let trust = trust(&j, &j.sgp1);
    let elsewhere = EnvelopeVerifyOptions::receiving("XXP1", at(), [RENDERING]);
    let received = receive_envelope(&j.sent, &trust, &elsewhere, &j.szp1, &rng).unwrap();
    assert_eq!(received.report.response_code, ResponseCode::BadEnvelope);

    // Who is receiving must be said.
    let err = receive_envelope(
        &j.sent,
        &trust,
        &EnvelopeVerifyOptions::at(at()),
        &j.szp1,
        &rng,
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidArgument);
    // Not an envelope at all.
    let options = EnvelopeVerifyOptions::receiving("SZP1", at(), []);
    let err = receive_envelope(b"%PDF-1.7", &trust, &options, &j.szp1, &rng).unwrap_err();
    assert_eq!(err.code(), ErrorCode::JsonSyntax);
}
