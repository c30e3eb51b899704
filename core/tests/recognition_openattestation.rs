//! A TradeTrust bill of lading, with its title-escrow event log and the DNS TXT answers supplied
//! as data, through `title` and `recognition`: the issue-5 acceptance scenario.
//!
//! The bill is the 5 KB Singapore → Shenzhen vector (issuer Lion City Ocean Lines, token
//! registry `0x9Eb6…91FF` on chain 11155111, DNS-TXT at `ebl.lioncity-ocean.example`); the
//! receiver's trust store is `testdata/recognition/tradetrust-sg.trust-store.json`. The life:
//! minted to the shipper, endorsed and delivered to the bank, then to the buyer, surrendered and
//! accepted (burned), in October 2026, when the SG regime and both Chinese instruments are in
//! force.
#![cfg(feature = "openattestation")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, Utc};
use ebl::openattestation::{
    EthereumAddress, WrappedDocument, keccak256, sign_did, title_history_from_log,
    verify_did_proof, verify_dns_txt,
};
use ebl::recognition::{
    Catalogue, CriterionId, CriterionStatus, FlagValue, OpenAttestationIdentity, RecognitionInput,
    Report, Target, Verdict, recognize,
};
use ebl::title::{Status, replay};
use ebl::trust::{KeyBinding, TrustStore};

const DOC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json"
);
const TAMPERED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.TAMPERED-removed-field.json"
);
const STORE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/recognition/tradetrust-sg.trust-store.json"
);

const CHAIN: &str = "11155111";
const REGISTRY: &str = "0x9Eb613a88534E2939518f4ffBFE65F5969b491FF";
const LOCATION: &str = "ebl.lioncity-ocean.example";
const MINTER: &str = "0xc568C8fA3288f6C5E9829911580b08321a72EC4c";
const ACCEPTER: &str = "0xF416618c0A817f8ddcCe6C395402FbEcC6BdB4E8";
const SHIPPER: &str = "0xA177AB0030E8c7358da3E0Ba610CE0eBB114e72d";
const BANK: &str = "0xA9c96030f144214D0899eA5085C34CB507C6EdC1";
const BUYER: &str = "0x8184A795a8150e6a71eAA584B1d4879D949C651d";
const STRANGER: &str = "0x00000000000000000000000000000000000000e7";

fn t(s: &str) -> DateTime<Utc> {
    s.parse().expect("time")
}

fn doc() -> WrappedDocument {
    WrappedDocument::from_bytes(&std::fs::read(DOC).unwrap()).unwrap()
}

fn trust() -> TrustStore {
    TrustStore::from_json(&std::fs::read(STORE).unwrap(), STORE).unwrap()
}

fn target(name: &str) -> Target {
    let catalogue = Catalogue::embedded().unwrap();
    match name.split_once('/') {
        Some((agreement, side)) => catalogue.agreement_target(agreement, side).unwrap(),
        None => catalogue.jurisdiction_target(name).unwrap(),
    }
}

/// The life of the bill as a title-escrow log; `extra` events are appended.
fn log(doc: &WrappedDocument, senders_verified: bool, extra: &str) -> Vec<u8> {
    format!(
        r#"{{"chainId": "{CHAIN}", "tokenRegistry": "{REGISTRY}", "tokenId": "0x{root}",
            "negotiability": "TO_ORDER", "sendersVerified": {senders_verified},
            "events": [
              {{"event": "mint", "timestamp": "2026-10-01T08:00:00Z", "blockNumber": 9100001, "transactionHash": "0x01",
               "from": "{MINTER}", "beneficiary": "{SHIPPER}", "holder": "{SHIPPER}", "remark": "issued at Singapore"}},
              {{"event": "transferOwners", "timestamp": "2026-10-03T02:00:00Z", "blockNumber": 9110000,
               "from": "{SHIPPER}", "beneficiary": "{BANK}", "holder": "{BANK}", "remark": "negotiated under L/C"}},
              {{"event": "transferOwners", "timestamp": "2026-10-10T03:00:00Z", "blockNumber": 9160000,
               "from": "{BANK}", "beneficiary": "{BUYER}", "holder": "{BUYER}", "remark": "released against payment"}},
              {{"event": "returnToIssuer", "timestamp": "2026-10-20T01:00:00Z", "blockNumber": 9230000, "from": "{BUYER}"}},
              {{"event": "burn", "timestamp": "2026-10-21T06:00:00Z", "blockNumber": 9237000, "from": "{ACCEPTER}",
               "remark": "delivered at Yantian"}}{extra}
            ]}}"#,
        root = doc.merkle_root().unwrap()
    )
    .into_bytes()
}

fn dns_answers(address: &str) -> BTreeMap<String, Vec<String>> {
    BTreeMap::from([(
        LOCATION.to_owned(),
        vec![
            "v=spf1 -all".to_owned(),
            format!("openatts net=ethereum netId={CHAIN} addr={address}"),
        ],
    )])
}

/// The recognition input, as a caller would build it, with the governing law it knows.
fn input_with(
    doc: &WrappedDocument,
    log: &[u8],
    identity: &OpenAttestationIdentity,
) -> RecognitionInput {
    let history = title_history_from_log(log).unwrap();
    let mut input = RecognitionInput::from_openattestation(
        doc,
        &history,
        &replay(&history),
        identity,
        &trust(),
    );
    input.evidence.governing_law = Some("SG".to_owned());
    input
}

/// [`input_with`] the DNS-TXT identity checked against `dns`.
fn input(
    doc: &WrappedDocument,
    log: &[u8],
    dns: &BTreeMap<String, Vec<String>>,
) -> RecognitionInput {
    let identity = OpenAttestationIdentity {
        dns: Some(verify_dns_txt(doc, dns, None)),
        did: None,
    };
    input_with(doc, log, &identity)
}

/// The generic TradeTrust B/L template has no terms and conditions (its `clauses` are carrier
/// clauses, mapped to `carrierClauses`), which the SG and CN rule files list as required
/// content. A receiver who holds the carrier's standard terms, incorporated by reference, adds
/// them to the DCSA view of the document.
fn with_carrier_terms(mut input: RecognitionInput) -> RecognitionInput {
    let document = input
        .document
        .as_mut()
        .expect("a DCSA view of the document");
    document["termsAndConditions"] = serde_json::json!(
        "Lion City Ocean Lines standard bill of lading terms (LCOL-BL-2024), incorporated by reference"
    );
    input
}

fn report(input: &RecognitionInput, target_name: &str) -> Report {
    recognize(
        input,
        &trust(),
        &target(target_name),
        t("2026-11-01T00:00:00Z"),
    )
    .unwrap()
}

fn status(report: &Report, c: CriterionId) -> CriterionStatus {
    report.criterion(c).expect("criterion reported").status
}

/// The jurisdiction-layer report of criterion `c`, with its citations.
fn cited(report: &Report, c: CriterionId) -> Vec<String> {
    report
        .criterion(c)
        .expect("criterion reported")
        .cells
        .iter()
        .map(|cell| cell.citation.clone())
        .collect()
}

#[test]
fn the_trust_store_keys_are_the_accounts_they_name() {
    let store: serde_json::Value = serde_json::from_slice(&std::fs::read(STORE).unwrap()).unwrap();
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut n = 0;
    for party in store["parties"].as_array().unwrap() {
        for key in party["keys"].as_array().into_iter().flatten() {
            let mut point = b64.decode(key["jwk"]["x"].as_str().unwrap()).unwrap();
            point.extend(b64.decode(key["jwk"]["y"].as_str().unwrap()).unwrap());
            let hash = keccak256(&point);
            let mut address = [0u8; 20];
            address.copy_from_slice(&hash[12..]);
            assert_eq!(
                EthereumAddress(address).to_string(),
                key["kid"].as_str().unwrap()
            );
            n += 1;
        }
    }
    assert_eq!(n, 5);
}

#[test]
fn the_log_yields_a_title_history_with_the_expected_holders() {
    let doc = doc();
    let history = title_history_from_log(&log(&doc, true, "")).unwrap();
    let r = replay(&history);
    assert!(r.is_valid(), "{:?}", r.findings);
    assert_eq!(r.final_state.status, Status::Surrendered);
    let trust = trust();
    let input = RecognitionInput::from_openattestation(
        &doc,
        &history,
        &r,
        &OpenAttestationIdentity::default(),
        &trust,
    );
    let holders: Vec<Vec<String>> = input
        .history
        .events
        .iter()
        .map(|e| e.controller_after.parties.clone())
        .collect();
    let one = |p: &str| vec![p.to_owned()];
    assert_eq!(
        holders,
        [
            one("STRAITS-PRECISION"),
            one("STRAITS-PRECISION"), // endorsed to the bank, still held by the shipper
            one("BOC-SZ"),
            one("BOC-SZ"),
            one("QIANHAI-ELEC"),
            one("LCOL"), // returned to the issuer: the registry holds it
            vec![],      // burned: accomplished
        ]
    );
    let actors: Vec<&str> = input
        .history
        .events
        .iter()
        .map(|e| e.actor.as_deref().unwrap())
        .collect();
    assert_eq!(
        actors,
        [
            "LCOL",
            "STRAITS-PRECISION",
            "STRAITS-PRECISION",
            "BOC-SZ",
            "BOC-SZ",
            "QIANHAI-ELEC",
            "LCOL"
        ]
    );
    assert_eq!(input.history.events[1].endorsee.as_deref(), Some("BOC-SZ"));
    assert_eq!(
        input.history.events[0].platform.as_deref(),
        Some("eip155:11155111/0x9Eb613a88534E2939518f4ffBFE65F5969b491FF")
    );
    assert_eq!(
        input.history.record_id,
        format!("0x{}", doc.merkle_root().unwrap())
    );
    // The document, in DCSA field names, for the content criteria.
    let td = input.document.as_ref().unwrap();
    assert_eq!(td["transportDocumentReference"], "LCOL-SIN-SZX-25-000123");
    // One ES256K transaction signature per event, by the acting account's key.
    assert_eq!(input.evidence.signatures.len(), 7);
    let first = &input.evidence.signatures[0];
    assert_eq!(first.algorithm, "ES256K");
    assert_eq!(first.kid.as_deref(), Some(MINTER));
    assert_eq!(first.signer.as_deref(), Some("LCOL"));
    assert!(input.evidence.signatures.iter().all(|s| s.verified));
    assert!(input.evidence.registry_checked);
    assert!(input.history.conflicts.is_empty());
}

#[test]
fn singapore_misses_only_the_terms_and_conditions_of_the_bill_as_issued() {
    let doc = doc();
    let input = input(&doc, &log(&doc, true, ""), &dns_answers(REGISTRY));
    let r = report(&input, "SG");
    // The DCSA field list is a proxy for s.16H(1)(a) ("the information required in the paper
    // instrument"): a short-form bill may incorporate its terms by reference, so a missing
    // termsAndConditions leaves the answer open rather than refusing recognition.
    assert_eq!(r.verdict, Verdict::Indeterminate);
    assert_eq!(r.decisive_ids(), ["required-content"]);
    let content = r.criterion(CriterionId::RequiredContent).unwrap();
    assert_eq!(content.status, CriterionStatus::Indeterminate);
    assert!(
        content
            .reason
            .starts_with("field(s) missing: termsAndConditions;")
            && content.reason.contains("proxy")
            && content.reason.contains("incorporate terms by reference"),
        "{}",
        content.reason
    );
    assert!(content.cells[0].citation.contains("s.16H(1)(a)"));
    assert!(content.events.iter().all(|e| e.event == 0));
}

#[test]
fn singapore_recognises_it_subject_to_reliability() {
    let doc = doc();
    let input = with_carrier_terms(input(&doc, &log(&doc, true, ""), &dns_answers(REGISTRY)));
    let proof = &input.evidence.identity_proofs[0];
    assert!(proof.verified);
    assert_eq!(
        (proof.party.as_str(), proof.subject.as_str()),
        ("LCOL", LOCATION)
    );

    let r = report(&input, "SG");
    assert_eq!(
        r.verdict,
        Verdict::RecognisedSubjectToReliability,
        "{:#?}",
        r.decisive
    );
    for c in [
        CriterionId::RequiredContent,
        CriterionId::Singularity,
        CriterionId::Integrity,
        CriterionId::Controllability,
        CriterionId::SingleHolder,
        CriterionId::IdentifiableController,
        CriterionId::TransferDivests,
        CriterionId::HolderSignedTransfers,
        CriterionId::EndorsementRecorded,
        CriterionId::ReliableSignature,
        CriterionId::IssuerIdentity,
        CriterionId::Timestamps,
        CriterionId::PlaceIndicated,
        CriterionId::TerminalStates,
        CriterionId::Consent,
        CriterionId::GoverningLaw,
    ] {
        assert_eq!(
            status(&r, c),
            CriterionStatus::Satisfied,
            "{c}: {:?}",
            r.criterion(c)
        );
    }
    assert!(cited(&r, CriterionId::RequiredContent)[0].contains("s.16H(1)(a)"));
    assert!(cited(&r, CriterionId::SingleHolder)[0].contains("s.16I(1)(a)"));
    assert!(cited(&r, CriterionId::IssuerIdentity)[0].contains("s.16G"));
    let identity = r.criterion(CriterionId::IssuerIdentity).unwrap();
    assert!(identity.reason.contains(LOCATION), "{}", identity.reason);
    // Reliability: the platform's evidence is weighed, not decisive; no s.16Q accreditation,
    // so no statutory presumption; not IG-listed, so no industry cover.
    assert_eq!(
        status(&r, CriterionId::ReliabilityEvidence),
        CriterionStatus::Satisfied
    );
    assert_eq!(
        status(&r, CriterionId::ApprovedList),
        CriterionStatus::NotSatisfied
    );
    assert_eq!(r.flags.statutory_presumption.value, FlagValue::No);
    assert_eq!(r.flags.industry_cover.value, FlagValue::No);
    assert!(r.decisive.is_empty(), "{:?}", r.decisive);
}

#[test]
fn a_dns_answer_that_does_not_bind_the_registry_is_not_recognised() {
    let doc = doc();
    let input = with_carrier_terms(input(&doc, &log(&doc, true, ""), &dns_answers(STRANGER)));
    assert!(!input.evidence.identity_proofs[0].verified);
    let r = report(&input, "SG");
    assert_eq!(r.verdict, Verdict::NotRecognised);
    assert_eq!(r.decisive_ids(), ["issuer-identity"]);
    let reason = &r.criterion(CriterionId::IssuerIdentity).unwrap().reason;
    assert!(
        reason.contains("dns-txt identity proof") && reason.contains(LOCATION),
        "{reason}"
    );
}

#[test]
fn a_transfer_after_the_burn_is_not_recognised() {
    let doc = doc();
    let after_burn = format!(
        r#", {{"event": "transferHolder", "timestamp": "2026-10-25T00:00:00Z", "from": "{BUYER}", "to": "{BANK}"}}"#
    );
    let input = input(&doc, &log(&doc, true, &after_burn), &dns_answers(REGISTRY));
    let r = report(&input, "SG");
    assert_eq!(r.verdict, Verdict::NotRecognised);
    let decisive = r.decisive_ids();
    for c in ["terminal-states", "controllability"] {
        assert!(decisive.contains(&c), "{decisive:?}");
    }
    assert_eq!(
        status(&r, CriterionId::TerminalStates),
        CriterionStatus::NotSatisfied
    );
}

#[test]
fn a_tampered_document_is_not_covered_by_the_minting() {
    let tampered = WrappedDocument::from_bytes(&std::fs::read(TAMPERED).unwrap()).unwrap();
    assert!(!tampered.verify().is_valid());
    let input = input(&tampered, &log(&tampered, true, ""), &dns_answers(REGISTRY));
    assert!(!input.evidence.signatures[0].verified);
    let r = report(&input, "SG");
    assert_eq!(r.verdict, Verdict::NotRecognised);
    assert!(r.decisive_ids().contains(&"integrity"), "{:?}", r.decisive);
}

#[test]
fn a_log_of_another_token_is_a_singularity_conflict() {
    let doc = doc();
    let other = String::from_utf8(log(&doc, true, ""))
        .unwrap()
        .replace(doc.merkle_root().unwrap(), &"ab".repeat(32));
    let input = input(&doc, other.as_bytes(), &dns_answers(REGISTRY));
    assert!(!input.evidence.registry_checked);
    let r = report(&input, "SG");
    assert_eq!(r.verdict, Verdict::NotRecognised);
    assert_eq!(
        status(&r, CriterionId::Singularity),
        CriterionStatus::NotSatisfied
    );
}

#[test]
fn unchecked_senders_leave_the_signatures_undetermined() {
    let doc = doc();
    let input = with_carrier_terms(input(&doc, &log(&doc, false, ""), &dns_answers(REGISTRY)));
    assert!(input.evidence.signatures.is_empty());
    let r = report(&input, "SG");
    assert_eq!(r.verdict, Verdict::Indeterminate);
    for c in [
        CriterionId::Integrity,
        CriterionId::ReliableSignature,
        CriterionId::HolderSignedTransfers,
    ] {
        assert_eq!(status(&r, c), CriterionStatus::Indeterminate, "{c}");
    }
}

#[test]
fn china_and_the_sg_cn_model_arrangement() {
    let doc = doc();
    let input = with_carrier_terms(input(&doc, &log(&doc, true, ""), &dns_answers(REGISTRY)));

    // China: every Part 2A-like test passes, but after 1 Sep 2026 the Provisions require the
    // platform's compliance with the CSL, DSL and PIPL, which this store does not record, and
    // the reliability certification they encourage may or may not be required.
    let cn = report(&input, "CN");
    assert_eq!(cn.verdict, Verdict::Indeterminate, "{:#?}", cn.decisive);
    assert_eq!(
        status(&cn, CriterionId::DataProtection),
        CriterionStatus::Indeterminate
    );
    assert!(cited(&cn, CriterionId::DataProtection)[0].contains("PIPL"));
    assert_eq!(
        status(&cn, CriterionId::IssuerIdentity),
        CriterionStatus::Satisfied
    );
    let mut decisive = cn.decisive_ids();
    decisive.sort_unstable();
    assert_eq!(decisive, ["approved-list", "data-protection"]);

    // The Chinese side of the model arrangement accepts issuer identity only by trust list or
    // x5c, not DNS-TXT, and wants platforms from the Singapore list it imports.
    // The arrangement is a model: its clauses fail here but never block by themselves.
    let cn_side = report(&input, "sg-cn-shenzhen/CN");
    assert_eq!(cn_side.verdict, Verdict::Indeterminate);
    let blocked: Vec<(&str, &str)> = cn_side
        .decisive
        .iter()
        .map(|d| (d.criterion.as_str(), d.source.as_str()))
        .collect();
    assert!(
        blocked.contains(&("issuer-identity", "sg-cn-shenzhen")),
        "{blocked:?}"
    );
    assert!(
        blocked.contains(&("approved-list", "sg-cn-shenzhen")),
        "{blocked:?}"
    );

    // The Singapore side accepts DNS-TXT identity and ES256K, but wants platforms from the
    // Shenzhen list it imports: an SG registry is not on it.
    let sg_side = report(&input, "sg-cn-shenzhen/SG");
    assert_eq!(sg_side.verdict, Verdict::Indeterminate);
    let blocked: Vec<(&str, &str)> = sg_side
        .decisive
        .iter()
        .map(|d| (d.criterion.as_str(), d.source.as_str()))
        .collect();
    assert_eq!(blocked, [("approved-list", "sg-cn-shenzhen")]);
}

#[test]
fn a_did_proof_by_the_minting_account_binds_the_issuer_by_did() {
    let key = keccak256(b"ebl test key lcol-minter");
    let minter: EthereumAddress = MINTER.parse().unwrap();
    assert_eq!(EthereumAddress::from_private_key(&key).unwrap(), minter);
    let did = format!("did:ethr:{minter}#controller");
    let signed = sign_did(&doc(), &key, &did, t("2026-10-01T07:00:00Z")).unwrap();
    let log = log(&signed, true, "");
    let build = |trusted: &[EthereumAddress]| {
        let identity = OpenAttestationIdentity {
            dns: None,
            did: Some(verify_did_proof(&signed, trusted)),
        };
        with_carrier_terms(input_with(&signed, &log, &identity))
    };

    let input = build(&[minter]);
    let proof = &input.evidence.identity_proofs[0];
    assert_eq!(
        (proof.party.as_str(), proof.method, proof.verified),
        ("LCOL", KeyBinding::Did, true)
    );
    // The DID proof is a second signature over the issuance, by the same account.
    let over_issue: Vec<_> = input
        .evidence
        .signatures
        .iter()
        .filter(|s| s.event == 0)
        .collect();
    assert_eq!(over_issue.len(), 2);
    assert!(
        over_issue
            .iter()
            .all(|s| s.verified && s.kid.as_deref() == Some(MINTER))
    );
    let sg_side = report(&input, "sg-cn-shenzhen/SG");
    let layered: Vec<_> = sg_side
        .criteria
        .iter()
        .filter(|c| c.criterion == CriterionId::IssuerIdentity)
        .map(|c| (c.source.as_str(), c.status))
        .collect();
    assert_eq!(
        layered,
        [
            ("SG", CriterionStatus::Satisfied),
            ("sg-cn-shenzhen", CriterionStatus::Satisfied)
        ]
    );

    // The same proof checked against addresses that do not include the signer.
    let untrusted = build(&[]);
    assert!(!untrusted.evidence.identity_proofs[0].verified);
    let r = report(&untrusted, "SG");
    assert_eq!(r.verdict, Verdict::NotRecognised);
    assert_eq!(r.decisive_ids(), ["issuer-identity"]);
    // The signature itself is sound: the document is intact and the signer recovered.
    assert_eq!(
        status(&r, CriterionId::Integrity),
        CriterionStatus::Satisfied
    );
}
