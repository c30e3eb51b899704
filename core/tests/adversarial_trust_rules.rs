//! Adversarial catalogue, trust lists and rule files, through the byte-level entry points a
//! caller feeds files to (`TrustStore::add_bytes`, `TrustList::verify_signed`,
//! `Catalogue::add_rules`): replayed, expired or wrongly signed lists; rule files with unknown
//! criteria, overlapping dates or missing citations. Each refusal has its own code.

mod support;

use chrono::{DateTime, Utc};
use ebl::ErrorCode;
use ebl::crypto::PrivateKey;
use ebl::json::Value;
use ebl::recognition::Catalogue;
use ebl::trust::{TrustList, TrustListVerdict, TrustStore};
use ring::rand::SystemRandom;
use serde_json::json;
use support::ed25519_key;

const ISSUER: &str = "SG-ETR-PLATFORMS";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("time")
}

fn list(issuer: &str, sequence: u64, valid_until: &str) -> TrustList {
    TrustList::from_json(
        json!({"schema": "ebl-trust-list/1", "issuer": issuer, "sequence": sequence,
            "issued_at": "2026-01-01T00:00:00Z", "valid_from": "2026-01-01T00:00:00Z",
            "valid_until": valid_until,
            "parties": [{"id": "SGTD", "kind": "platform", "jurisdiction": "SG"}]})
        .to_string()
        .as_bytes(),
    )
    .expect("list")
}

fn signed(issuer: &str, sequence: u64, valid_until: &str, key: &PrivateKey) -> String {
    list(issuer, sequence, valid_until)
        .sign_as(issuer, key, &SystemRandom::new())
        .expect("sign")
}

/// A store that knows the publisher's key, with list number 5 already imported.
fn store_with_list_5() -> TrustStore {
    let authority = ed25519_key(40);
    let store_file = json!({"schema": "ebl-trust-store/1", "parties": [
        {"id": ISSUER, "kind": "authority",
         "keys": [{"jwk": authority.public_key().to_jwk(), "binding": "direct"}]}]})
    .to_string();
    let mut store = TrustStore::new();
    let now = at("2026-06-01T00:00:00Z");
    store
        .add_bytes(store_file.as_bytes(), "store.json", now)
        .expect("store");
    store
        .add_bytes(
            signed(ISSUER, 5, "2027-01-01T00:00:00Z", &authority).as_bytes(),
            "list-5.jws",
            now,
        )
        .expect("list 5");
    store
}

fn refusal(jws: &str, key: &PrivateKey, base: &TrustStore, when: &str) -> ErrorCode {
    let public = [key.public_key().clone()];
    match TrustList::verify_signed(jws.as_bytes(), &public, ISSUER, at(when), base)
        .expect("a readable signed list")
    {
        TrustListVerdict::Refused(reason) => reason.code(),
        TrustListVerdict::Accepted(summary) => panic!("accepted: {summary:?}"),
    }
}

#[test]
fn trust_lists_replayed_expired_or_wrongly_signed_are_refused() {
    let authority = ed25519_key(40);
    let base = store_with_list_5();
    let june = "2026-06-02T00:00:00Z";
    let cases = [
        (
            signed(ISSUER, 5, "2027-01-01T00:00:00Z", &authority),
            ErrorCode::TrustListReplayed,
        ),
        (
            signed(ISSUER, 4, "2027-01-01T00:00:00Z", &authority),
            ErrorCode::TrustListReplayed,
        ),
        (
            signed(ISSUER, 6, "2026-06-01T12:00:00Z", &authority),
            ErrorCode::TrustListOutsideValidity,
        ),
        // Signed by another key than the publisher's.
        (
            signed(ISSUER, 6, "2027-01-01T00:00:00Z", &ed25519_key(41)),
            ErrorCode::TrustListBadSignature,
        ),
        // The publisher's key, but a list naming another issuer.
        (
            signed("CN-SZ-EBL", 6, "2027-01-01T00:00:00Z", &authority),
            ErrorCode::TrustListWrongIssuer,
        ),
    ];
    for (jws, expected) in cases {
        assert_eq!(refusal(&jws, &authority, &base, june), expected);
    }
    let fresh = signed(ISSUER, 6, "2027-01-01T00:00:00Z", &authority);
    let public = [authority.public_key().clone()];
    assert!(matches!(
        TrustList::verify_signed(fresh.as_bytes(), &public, ISSUER, at(june), &base),
        Ok(TrustListVerdict::Accepted(ref s)) if s.sequence == 6
    ));
}

#[test]
fn a_replayed_list_fed_as_a_file_is_refused_and_changes_nothing() {
    let authority = ed25519_key(40);
    let mut store = store_with_list_5();
    let before = store.to_json_value();
    let replay = signed(ISSUER, 5, "2027-01-01T00:00:00Z", &authority);
    let err = store
        .add_bytes(replay.as_bytes(), "replay.jws", at("2026-06-02T00:00:00Z"))
        .expect_err("replayed");
    assert_eq!(err.code(), ErrorCode::TrustListReplayed, "{err}");
    assert_eq!(store.to_json_value(), before);
}

fn rules() -> Value {
    let bytes = support::read(&support::testdata("recognition/xl.rules.json"));
    ebl::json::parse(&bytes).expect("rules")
}

fn add_rules(value: &Value) -> ErrorCode {
    let mut catalogue = Catalogue::embedded().expect("embedded");
    catalogue
        .add_rules(value.to_string().as_bytes(), "xl.rules.json")
        .expect_err("refused")
        .code()
}

#[test]
fn rule_files_with_unknown_criteria_overlaps_or_no_citation_are_refused() {
    let mut catalogue = Catalogue::embedded().expect("embedded");
    catalogue
        .add_rules(rules().to_string().as_bytes(), "xl.rules.json")
        .expect("the unchanged file loads");

    let mut unknown = rules();
    unknown["cells"][0]["criterion"] = "singularty".into();
    let mut no_citation = rules();
    no_citation["cells"][1]
        .as_object_mut()
        .expect("cell")
        .remove("citation");
    let mut blank_citation = rules();
    blank_citation["cells"][1]["citation"] = " ".into();
    let mut overlap = rules();
    let first = overlap["cells"][0].clone();
    overlap["cells"].as_array_mut().expect("cells").push(first);
    let mut regime_uncited = rules();
    regime_uncited["regime"]["citation"] = "".into();
    let mut unknown_status = rules();
    unknown_status["cells"][0]["status"] = "maybe".into();
    for (label, value, expected) in [
        (
            "unknown criterion",
            unknown,
            ErrorCode::RulesUnknownCriterion,
        ),
        ("no citation", no_citation, ErrorCode::RulesMissingCitation),
        (
            "blank citation",
            blank_citation,
            ErrorCode::RulesMissingCitation,
        ),
        (
            "regime uncited",
            regime_uncited,
            ErrorCode::RulesMissingCitation,
        ),
        (
            "overlapping cells",
            overlap,
            ErrorCode::RulesOverlappingDates,
        ),
        ("unknown status", unknown_status, ErrorCode::RulesInvalid),
    ] {
        assert_eq!(add_rules(&value), expected, "{label}");
    }
}
