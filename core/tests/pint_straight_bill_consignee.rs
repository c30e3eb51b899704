//! A straight bill goes to its named consignee even when the document names the consignee
//! without an `eblPlatform` (every eBL 3.0.0 document, the DCSA CTK's among them): the
//! consignee is matched by its identifying codes, and a namesake with another code is refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use ebl::json::{Value, parse};
use ebl::pint::{
    ActionCode, EblEnvelope, EnvelopeBuilder, EnvelopeReport, EnvelopeVerifyOptions, Issuance,
    PintTrust, ResponseCode, Transaction, TransactionParty, verify_parsed_envelope,
};
use ebl::title::{
    Event, EventKind, History, IdentifyingCode, Negotiability, PartyId, replay, rules,
};
use ring::rand::SystemRandom;
use support::{at, read, signer, testdata};

const CARRIER: u8 = 21;
const PLATFORM: u8 = 22;

/// The DCSA conformance gateway's transport document: straight, consignee `ZZZ:CONSIGNEE`,
/// no `eblPlatform`.
fn ctk_document() -> Value {
    let document = parse(&read(&testdata(
        "dcsa/conformance-gateway/pint-3.0.0-transport-document.json",
    )))
    .unwrap();
    assert_eq!(document["isToOrder"], false);
    assert!(document["documentParties"]["consignee"]["eblPlatform"].is_null());
    document
}

fn shipper() -> TransactionParty {
    TransactionParty::new("CTKP", "DCSA CTK Shipper", "ZZZ", "SHIPPER")
}

/// Transfers the CTK bill from the shipper to `recipient` and verifies the envelope.
fn transfer_to(recipient: TransactionParty) -> EnvelopeReport {
    let rng = SystemRandom::new();
    let mut builder = EnvelopeBuilder::issue(
        ctk_document(),
        Issuance {
            platform: "CTKP".into(),
            carrier: TransactionParty::new("CTKP", "DCSA CTK Carrier", "SMDG", "CTK"),
            issue_to: shipper(),
            at: at("2026-06-01T08:00:00Z"),
            visualisation: None,
        },
        &signer(CARRIER),
        &signer(PLATFORM),
        &rng,
    )
    .unwrap();
    builder
        .record(
            "CTKP",
            vec![Transaction::new(
                ActionCode::Transfer,
                shipper(),
                Some(recipient),
                at("2026-06-02T08:00:00Z"),
            )],
            &signer(PLATFORM),
            &rng,
        )
        .unwrap();
    let envelope: EblEnvelope = builder.seal(&signer(PLATFORM), Vec::new(), &rng).unwrap();
    let mut trust = PintTrust::default();
    trust
        .trust_carrier_key(signer(CARRIER).key.public_key().clone())
        .unwrap();
    trust
        .trust_platform_key("CTKP", signer(PLATFORM).key.public_key().clone())
        .unwrap();
    verify_parsed_envelope(
        &envelope,
        &trust,
        &EnvelopeVerifyOptions::at(at("2026-06-03T00:00:00Z")),
    )
}

fn has_code(report: &EnvelopeReport, code: &str) -> bool {
    report.errors().any(|f| f.code == code)
}

#[test]
fn a_straight_bill_transfers_to_its_consignee_named_without_a_platform() {
    let report = transfer_to(TransactionParty::new(
        "CTKP",
        "DCSA CTK Consignee",
        "ZZZ",
        "CONSIGNEE",
    ));
    assert_eq!(
        report.response_code,
        ResponseCode::Received,
        "{:#?}",
        report.findings
    );
    let holder = report.replay.final_state.holder.as_ref().unwrap();
    assert!(holder.same_party(&PartyId::dcsa(
        "CTKP",
        "",
        [IdentifyingCode::new("ZZZ", "CONSIGNEE")]
    )));
}

#[test]
fn a_namesake_with_another_code_is_still_refused() {
    let report = transfer_to(TransactionParty::new(
        "CTKP",
        "DCSA CTK Consignee",
        "ZZZ",
        "SOMEONE-ELSE",
    ));
    assert_eq!(report.response_code, ResponseCode::BadEnvelope);
    assert!(
        has_code(&report, rules::STRAIGHT_TRANSFER_NOT_TO_CONSIGNEE),
        "{:#?}",
        report.findings
    );
}

/// The same rule at the title level, in both directions: the consignee without a platform and
/// the recipient with one, and the consignee with a platform and the recipient without one.
#[test]
fn the_title_rule_matches_a_missing_platform_either_way() {
    let code = |c: &str| [IdentifyingCode::new("ZZZ", c)];
    let on = |c: &str| PartyId::dcsa("CTKP", "Consignee", code(c));
    let nowhere = |c: &str| PartyId {
        platform: None,
        ..on(c)
    };
    let cases = [
        (nowhere("CONSIGNEE"), on("CONSIGNEE"), true),
        (on("CONSIGNEE"), nowhere("CONSIGNEE"), true),
        (nowhere("CONSIGNEE"), on("OTHER"), false),
        (on("CONSIGNEE"), nowhere("OTHER"), false),
    ];
    for (consignee, recipient, accepted) in cases {
        let mut history = History::new("CTK-1", Negotiability::Straight);
        history.consignee = Some(consignee.clone());
        let carrier = PartyId::dcsa("CTKP", "Carrier", code("CARRIER"));
        let shipper = PartyId::dcsa("CTKP", "Shipper", code("SHIPPER"));
        history.events = vec![
            Event::new(
                EventKind::Issue,
                carrier,
                Some(shipper.clone()),
                at("2026-06-01T08:00:00Z"),
            ),
            Event::new(
                EventKind::Transfer,
                shipper,
                Some(recipient.clone()),
                at("2026-06-02T08:00:00Z"),
            ),
        ];
        let r = replay(&history);
        let refused = r
            .findings
            .iter()
            .any(|f| f.code == rules::STRAIGHT_TRANSFER_NOT_TO_CONSIGNEE);
        assert_eq!(
            !refused, accepted,
            "{consignee:?} -> {recipient:?}: {:?}",
            r.findings
        );
    }
}
