//! A carrier in Singapore issues a negotiable (to-order) bill of lading, the shipper endorses
//! it to its bank, and the bank sends it to a buyer on a Shenzhen platform: the envelope a
//! sending platform builds, signs and hands over, checked here as the receiver will check it.
//!
//! ```sh
//! cargo run -p ebl --example issue_and_transfer [OUT.json]
//! ```
//!
//! Keys are generated afresh on every run (a real platform loads its own, e.g. with
//! `PrivateKey::from_pem`); the envelope is written to OUT.json if given.

use ebl::crypto::{KeyType, PrivateKey};
use ebl::pint::{
    ActionCode, DocumentMetadata, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust,
    Signer, Transaction, TransactionParty, verify_parsed_envelope,
};
use ring::rand::SystemRandom;
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rng = SystemRandom::new();
    let carrier_key = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    let sgtt_key = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);

    let carrier = TransactionParty::new("SGTT", "Lion City Ocean Lines", "SMDG", "LCOL");
    let shipper = TransactionParty::new("SGTT", "Straits Precision", "SGTT", "straits");
    let bank = TransactionParty::new("SGTT", "Bank of China Singapore", "SGTT", "boc-sg");
    let buyer = TransactionParty::new("SZEB", "Qianhai Electronics", "SZEB", "qianhai");

    // The transport document as the carrier issues it (DCSA eBL 3.0 field names; abridged).
    let document = json!({
        "transportDocumentReference": "LCOL26000123",
        "transportDocumentTypeCode": "BOL",
        "isToOrder": true,
        "carrierCode": "LCOL",
        "carrierCodeListProvider": "SMDG",
        "transportDocumentStatus": "ISSUED",
        "shippedOnBoardDate": "2026-06-01",
        "placeOfIssue": {"UNLocationCode": "SGSIN"}
    });
    let rendering = b"%PDF-1.7 the carrier's rendering of LCOL26000123";
    let issuance = Issuance {
        platform: "SGTT".into(),
        carrier,
        issue_to: shipper.clone(),
        at: "2026-06-01T08:00:00Z".parse()?,
        visualisation: Some(DocumentMetadata::for_bytes(
            "LCOL26000123.pdf",
            "application/pdf",
            rendering,
        )),
    };
    let mut builder = EnvelopeBuilder::issue(document, issuance, &carrier_key, &sgtt_key, &rng)?;

    // One chain entry per platform hand-off: each records the transactions made there.
    let endorse_at = "2026-06-03T02:00:00Z".parse()?;
    let send_at = "2026-06-10T03:00:00Z".parse()?;
    builder.record(
        "SGTT",
        vec![
            Transaction::new(
                ActionCode::EndorseToOrder,
                shipper.clone(),
                Some(bank.clone()),
                endorse_at,
            ),
            Transaction::new(
                ActionCode::Transfer,
                shipper,
                Some(bank.clone()),
                endorse_at,
            ),
        ],
        &sgtt_key,
        &rng,
    )?;
    builder.record(
        "SGTT",
        vec![
            Transaction::new(
                ActionCode::Endorse,
                bank.clone(),
                Some(buyer.clone()),
                send_at,
            ),
            Transaction::new(ActionCode::Transfer, bank, Some(buyer), send_at),
        ],
        &sgtt_key,
        &rng,
    )?;
    let envelope = builder.seal(&sgtt_key, Vec::new(), &rng)?;
    println!(
        "envelope for SZEB: {} chain entries, transport document checksum {}",
        envelope.envelope_transfer_chain.len(),
        builder.transport_document_checksum()
    );

    // What the Shenzhen platform will do with it.
    let mut trust = PintTrust::default();
    trust.trust_platform_key("SGTT", sgtt_key.key.public_key().clone())?;
    trust.trust_carrier_key(carrier_key.key.public_key().clone())?;
    let mut options = EnvelopeVerifyOptions::at(send_at);
    options.receiving_platform = Some("SZEB".into());
    let report = verify_parsed_envelope(&envelope, &trust, &options);
    println!("as SZEB verifies it: {}", report.response_code);
    for finding in report.errors() {
        println!("  {finding}");
    }
    if !report.is_accepted() {
        return Err(format!("the envelope was refused: {}", report.response_code).into());
    }

    if let Some(out) = std::env::args_os().nth(1) {
        std::fs::write(&out, envelope_json(&envelope)?)?;
        println!("wrote {}", out.to_string_lossy());
    }
    Ok(())
}

fn envelope_json(envelope: &ebl::pint::EblEnvelope) -> serde_json::Result<String> {
    serde_json::to_string_pretty(envelope)
}
