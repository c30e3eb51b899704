//! Hand-built histories, trust stores and documents for the recognition tests.
//!
//! The receiver's trust store imports a **signed** Singapore-side trust list (platform SGTD
//! and carrier CARRIER) published by authority SG-ETR-PLATFORMS, so the fixtures exercise the
//! whole trust-list path. Events are dated October 2026, when every shipped regime (including
//! the Chinese 2026 Provisions) is in force.

use chrono::{DateTime, Utc};
use ebl::crypto::{KeyType, PrivateKey, PublicKey};
use ebl::recognition::{
    Catalogue, CriterionId, CriterionStatus, RecognitionInput, Report, Target, recognize,
};
use ebl::trust::{TrustList, TrustStore};
use serde_json::{Value, json};

pub const SG_LIST: &str = "SG-ETR-PLATFORMS";

pub fn t(s: &str) -> DateTime<Utc> {
    s.parse().expect("fixture time")
}

/// The RSA platform key of the DCSA pint-demo (a public JWK).
pub fn rsa_platform_jwk() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/dcsa/pint-demo/keys-public/rsa-eblplatform.example.com.public.jwk"
    ))
    .expect("pint-demo RSA key");
    let v: Value = serde_json::from_str(&text).expect("JWKS");
    v["keys"][0].clone()
}

/// Everything a scenario needs; tests mutate the parts they break.
pub struct Fixture {
    /// The SG platform's listing: evidence and key (edited before [`Fixture::build`]).
    pub sgtd: Value,
    /// The carrier's listing.
    pub carrier: Value,
    /// Whether SGTD is on the signed list the receiver imports.
    pub list_sgtd: bool,
    /// The history, evidence and document.
    pub input: Value,
    /// The evaluation time.
    pub at: DateTime<Utc>,
    pub sgtd_key: PrivateKey,
    pub carrier_key: PrivateKey,
    authority_key: PrivateKey,
}

fn kid(k: &PrivateKey) -> String {
    k.public_key().thumbprint()
}

pub fn document() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/dcsa/openapi-extracted/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"
    ))
    .expect("DCSA example");
    let mut doc: Value = serde_json::from_str(&text).expect("DCSA example JSON");
    doc["placeOfIssue"] = json!({"locationName": "Singapore", "UNLocationCode": "SGSIN"});
    doc
}

fn event(
    kind: &str,
    at: &str,
    actor: &str,
    before: &[&str],
    after: &[&str],
    status: &str,
) -> Value {
    json!({
        "kind": kind, "at": at, "time_source": "signed", "platform": "SGTD", "actor": actor,
        "controller_before": {"parties": before}, "controller_after": {"parties": after},
        "status_after": status
    })
}

impl Fixture {
    /// A to-order bill issued on SGTD, endorsed and transferred to a bank, surrendered and
    /// accomplished: valid in every shipped jurisdiction.
    pub fn valid() -> Fixture {
        let rng = ring::rand::SystemRandom::new();
        let sgtd_key = PrivateKey::generate(KeyType::P256, &rng).unwrap();
        let carrier_key = PrivateKey::generate(KeyType::P256, &rng).unwrap();
        let authority_key = PrivateKey::generate(KeyType::P256, &rng).unwrap();
        let sgtd = json!({
            "id": "SGTD", "kind": "platform", "name": "SGTraDex", "jurisdiction": "SG",
            "keys": [{"jwk": sgtd_key.public_key().to_jwk(), "algorithms": ["ES256"], "binding": "direct"}],
            "evidence": [
                {"kind": "operational-rules", "scheme": "sgtd-rulebook", "reference": "v2"},
                {"kind": "approved-list", "scheme": "ig-pi-clubs", "valid_from": "2025-01-01T00:00:00Z"},
                {"kind": "accreditation", "scheme": "sg-eta-s16q", "valid_from": "2025-01-01T00:00:00Z", "valid_until": "2028-01-01T00:00:00Z"},
                {"kind": "certification", "scheme": "fr-decret-2025-811", "issued_at": "2025-10-01T00:00:00Z", "issued_by": "independent evaluation body"},
                {"kind": "certification", "scheme": "cn-reliability-certification", "valid_from": "2026-09-15T00:00:00Z"},
                {"kind": "data-protection", "scheme": "declaration", "details": ["CN-CSL", "CN-DSL", "CN-PIPL", "SG-PDPA"]},
                {"kind": "industry-standard", "scheme": "dcsa-ebl-3.0"}
            ]
        });
        let carrier = json!({
            "id": "CARRIER", "kind": "carrier", "jurisdiction": "SG",
            "identifiers": [{"scheme": "SMDG", "value": "CARR"}],
            "keys": [{"jwk": carrier_key.public_key().to_jwk(), "binding": "direct"}]
        });
        let mut events = vec![
            event(
                "issue",
                "2026-10-01T08:00:00Z",
                "CARRIER",
                &[],
                &["SHIPPER"],
                "active",
            ),
            event(
                "endorse",
                "2026-10-02T08:00:00Z",
                "SHIPPER",
                &["SHIPPER"],
                &["SHIPPER"],
                "active",
            ),
            event(
                "transfer",
                "2026-10-02T09:00:00Z",
                "SHIPPER",
                &["SHIPPER"],
                &["BANK"],
                "active",
            ),
            event(
                "surrender",
                "2026-10-05T08:00:00Z",
                "BANK",
                &["BANK"],
                &["CARRIER"],
                "pending-surrender",
            ),
            event(
                "surrender-accepted",
                "2026-10-06T08:00:00Z",
                "CARRIER",
                &["CARRIER"],
                &[],
                "surrendered",
            ),
        ];
        events[0]["document_checksum"] = json!("c1");
        events[1]["endorsee"] = json!("BANK");
        let mut signatures: Vec<Value> = (0..events.len())
            .map(|i| json!({"event": i, "algorithm": "ES256", "kid": kid(&sgtd_key), "signer": "SGTD", "verified": true}))
            .collect();
        signatures.push(json!({"event": 0, "algorithm": "ES256", "kid": kid(&carrier_key), "signer": "CARRIER", "verified": true}));
        let consents: Vec<Value> = ["CARRIER", "SHIPPER", "BANK"]
            .iter()
            .map(|p| json!({"party": p, "at": "2026-09-30T00:00:00Z", "basis": "SGTD platform terms accepted"}))
            .collect();
        let input = json!({
            "document": document(),
            "history": {"record_id": "HHL71800000", "to_order": true, "events": events},
            "evidence": {"signatures": signatures, "consents": consents, "governing_law": "SG", "registry_checked": true}
        });
        Fixture {
            sgtd,
            carrier,
            list_sgtd: true,
            input,
            at: t("2026-11-01T00:00:00Z"),
            sgtd_key,
            carrier_key,
            authority_key,
        }
    }

    /// The receiver's trust store: the SG authority (configured directly), three traders, and
    /// the signed SG list imported.
    pub fn trust(&self) -> TrustStore {
        let trader = |id: &str, lei: &str| json!({"id": id, "kind": "trader", "identifiers": [{"scheme": "LEI", "value": lei}]});
        let store = json!({
            "schema": "ebl-trust-store/1",
            "parties": [
                {"id": SG_LIST, "kind": "authority", "jurisdiction": "SG",
                 "keys": [{"jwk": self.authority_key.public_key().to_jwk(), "binding": "direct"}]},
                trader("SHIPPER", "5493001KJTIIGC8Y1R12"),
                trader("BANK", "5493001KJTIIGC8Y1R13"),
                trader("CONSIGNEE", "5493001KJTIIGC8Y1R14")
            ]
        });
        let mut trust =
            TrustStore::from_json(store.to_string().as_bytes(), "fixture-store.json").unwrap();
        let signed = self.signed_list(1, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
        trust
            .import_signed_trust_list(&signed, SG_LIST, t("2026-06-01T00:00:00Z"))
            .unwrap();
        trust
    }

    /// The SG list, signed by the authority.
    pub fn signed_list(&self, sequence: u64, from: &str, until: &str) -> String {
        self.list(sequence, from, until)
            .sign(&self.authority_key, &ring::rand::SystemRandom::new())
            .unwrap()
    }

    /// The SG list, unsigned.
    pub fn list(&self, sequence: u64, from: &str, until: &str) -> TrustList {
        let mut parties = vec![self.carrier.clone()];
        if self.list_sgtd {
            parties.push(self.sgtd.clone());
        }
        serde_json::from_value(json!({
            "schema": "ebl-trust-list/1", "issuer": SG_LIST, "sequence": sequence,
            "issued_at": from, "valid_from": from, "valid_until": until, "parties": parties
        }))
        .unwrap()
    }

    pub fn authority_public(&self) -> PublicKey {
        self.authority_key.public_key().clone()
    }

    pub fn recognition_input(&self) -> RecognitionInput {
        serde_json::from_value(self.input.clone()).unwrap()
    }

    pub fn events(&mut self) -> &mut Vec<Value> {
        match &mut self.input["history"]["events"] {
            Value::Array(a) => a,
            _ => panic!("events"),
        }
    }

    pub fn evidence(&mut self) -> &mut Value {
        &mut self.input["evidence"]
    }

    pub fn signatures(&mut self) -> &mut Vec<Value> {
        match &mut self.input["evidence"]["signatures"] {
            Value::Array(a) => a,
            _ => panic!("signatures"),
        }
    }

    /// Recognition under `target` (`SG`, or `sg-cn-shenzhen/CN`).
    pub fn report(&self, target: &str) -> Report {
        recognize(
            &self.recognition_input(),
            &self.trust(),
            &target_of(target),
            self.at,
        )
        .unwrap()
    }

    /// The status of criterion `c` in the jurisdiction layer of `target`'s report.
    pub fn status(&self, target: &str, c: CriterionId) -> CriterionStatus {
        self.report(target)
            .criterion(c)
            .expect("criterion reported")
            .status
    }
}

pub fn target_of(name: &str) -> Target {
    let catalogue = Catalogue::embedded().unwrap();
    match name.split_once('/') {
        Some((agreement, side)) => catalogue.agreement_target(agreement, side).unwrap(),
        None => catalogue.jurisdiction_target(name).unwrap(),
    }
}

/// Every target the table tests cover.
pub const TARGETS: [&str; 6] = ["MLETR", "SG", "CN", "GB", "FR", "sg-cn-shenzhen/CN"];
