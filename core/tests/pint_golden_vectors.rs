//! Golden PINT vectors in `testdata/pint/`, shared by the Rust, C and Python test suites.
//!
//! Everything is deterministic: keys come from fixed Ed25519 seeds and Ed25519 signatures are
//! deterministic, so the generator gives the same bytes on every machine. The test rebuilds
//! every vector and fails if a committed file differs; it also checks each vector's verdict
//! against `testdata/pint/manifest.json`. To regenerate after an intended change:
//!
//! ```sh
//! EBL_REGENERATE_VECTORS=1 cargo test -p ebl --test pint_golden_vectors
//! ```

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use ebl::json::Value;
use ebl::pint::{
    ActionCode, EblEnvelope, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust, Signer,
    Transaction, TransactionParty, verify_envelope,
};
use ring::rand::SystemRandom;
use support::{at, ed25519_key};

const CARRIER_SEED: u8 = 0x11;
const SG_SEED: u8 = 0x22;
const SZ_SEED: u8 = 0x33;
const VERIFY_AT: &str = "2026-07-01T00:00:00Z";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/pint")
}

fn party(platform: &str, name: &str, code: &str) -> TransactionParty {
    let mut p = TransactionParty::new(platform, name, "GLEIF", code);
    p.identifying_codes[0].code_list_name = Some("LEI".into());
    p
}

struct Cast {
    carrier: TransactionParty,
    shipper: TransactionParty,
    bank: TransactionParty,
    buyer: TransactionParty,
}

fn cast() -> Cast {
    Cast {
        carrier: party(
            "SGTT",
            "Lion City Ocean Lines Pte. Ltd.",
            "5299001CLOL2026SG077",
        ),
        shipper: party(
            "SGTT",
            "Straits Precision Components Pte. Ltd.",
            "5493001KJTIIGC8Y1R12",
        ),
        bank: party(
            "SGTT",
            "Bank of China, Singapore Branch",
            "54930053HGCFWVHYZX42",
        ),
        buyer: party(
            "SZEB",
            "Qianhai Electronics Co., Ltd.",
            "300300QHEL2026SZX088",
        ),
    }
}

fn document(to_order: bool) -> Value {
    let path = format!(
        "{}/../cli/src/demo/bill-of-lading.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut document =
        ebl::json::parse(&std::fs::read(path).expect("demo document")).expect("json");
    document["isToOrder"] = Value::Bool(to_order);
    if !to_order {
        document["documentParties"]["consignee"] = serde_json::json!({
            "partyName": "Qianhai Electronics Co., Ltd.", "eblPlatform": "SZEB",
            "identifyingCodes": [{"codeListProvider": "GLEIF", "codeListName": "LEI", "partyCode": "300300QHEL2026SZX088"}]
        });
    }
    document
}

fn tx(
    action: ActionCode,
    actor: &TransactionParty,
    recipient: Option<&TransactionParty>,
    time: &str,
) -> Transaction {
    Transaction::new(action, actor.clone(), recipient.cloned(), at(time))
}

fn issued(to_order: bool) -> EnvelopeBuilder {
    let c = cast();
    EnvelopeBuilder::issue(
        document(to_order),
        Issuance {
            platform: "SGTT".into(),
            carrier: c.carrier,
            issue_to: c.shipper,
            at: at("2026-06-14T09:30:00Z"),
            visualisation: None,
        },
        &Signer::new(ed25519_key(CARRIER_SEED)),
        &Signer::new(ed25519_key(SG_SEED)),
        &SystemRandom::new(),
    )
    .expect("issue")
}

fn record(builder: &mut EnvelopeBuilder, transactions: Vec<Transaction>) {
    builder
        .record(
            "SGTT",
            transactions,
            &Signer::new(ed25519_key(SG_SEED)),
            &SystemRandom::new(),
        )
        .expect("record");
}

fn seal(builder: &EnvelopeBuilder) -> EblEnvelope {
    builder
        .seal(
            &Signer::new(ed25519_key(SG_SEED)),
            Vec::new(),
            &SystemRandom::new(),
        )
        .expect("seal")
}

/// The journey of the demo: endorse to the bank, endorse to the buyer, send to Shenzhen.
fn to_shenzhen() -> EblEnvelope {
    let c = cast();
    let mut b = issued(true);
    record(
        &mut b,
        vec![
            tx(
                ActionCode::EndorseToOrder,
                &c.shipper,
                Some(&c.bank),
                "2026-06-15T02:00:00Z",
            ),
            tx(
                ActionCode::Transfer,
                &c.shipper,
                Some(&c.bank),
                "2026-06-15T02:00:00Z",
            ),
        ],
    );
    record(
        &mut b,
        vec![
            tx(
                ActionCode::Endorse,
                &c.bank,
                Some(&c.buyer),
                "2026-06-16T06:45:00Z",
            ),
            tx(
                ActionCode::Transfer,
                &c.bank,
                Some(&c.buyer),
                "2026-06-16T06:45:00Z",
            ),
        ],
    );
    seal(&b)
}

struct Vector {
    name: &'static str,
    envelope: EblEnvelope,
    response_code: &'static str,
    error_codes: Vec<&'static str>,
    note: &'static str,
}

fn flip_last_signature_char(jws: &str) -> String {
    let mut s = jws.to_owned();
    let last = s.pop().unwrap_or('A');
    s.push(if last == 'A' { 'B' } else { 'A' });
    s
}

fn vectors() -> Vec<Vector> {
    let c = cast();
    let valid = to_shenzhen();
    let mut chain10 = issued(true);
    let mut holder = c.shipper.clone();
    for i in 1..10 {
        let next = party(
            "SGTT",
            &format!("Holder {i}"),
            &format!("54930000000000000{i:03}"),
        );
        record(
            &mut chain10,
            vec![tx(
                ActionCode::Transfer,
                &holder,
                Some(&next),
                &format!("2026-06-15T0{}:00:00Z", i % 10),
            )],
        );
        holder = next;
    }
    let mut bad_signature = valid.clone();
    bad_signature.envelope_manifest_signed_content =
        flip_last_signature_char(&bad_signature.envelope_manifest_signed_content);
    let mut document_changed = valid.clone();
    document_changed.transport_document["consignmentItems"][1]["cargoItems"][0]["cargoGrossWeight"]
        ["value"] = serde_json::json!(725);
    let mut straight = issued(false);
    record(
        &mut straight,
        vec![tx(
            ActionCode::Endorse,
            &c.shipper,
            Some(&c.bank),
            "2026-06-15T02:00:00Z",
        )],
    );
    let mut after_sacc = issued(true);
    record(
        &mut after_sacc,
        vec![
            tx(
                ActionCode::SurrenderForDelivery,
                &c.shipper,
                Some(&c.carrier),
                "2026-06-15T02:00:00Z",
            ),
            tx(
                ActionCode::SurrenderAccepted,
                &c.carrier,
                Some(&c.shipper),
                "2026-06-15T03:00:00Z",
            ),
            tx(
                ActionCode::Transfer,
                &c.shipper,
                Some(&c.bank),
                "2026-06-15T04:00:00Z",
            ),
        ],
    );
    let mut reordered = valid.clone();
    reordered.envelope_transfer_chain.swap(1, 2);
    vec![
        Vector {
            name: "valid-to-order-sg-to-shenzhen",
            envelope: valid,
            response_code: "RECE",
            error_codes: vec![],
            note: "issue, endorse to the bank, endorse to the buyer on SZEB",
        },
        Vector {
            name: "valid-chain-of-10",
            envelope: seal(&chain10),
            response_code: "RECE",
            error_codes: vec![],
            note: "issue and nine transfers",
        },
        Vector {
            name: "fail-manifest-signature",
            envelope: bad_signature,
            response_code: "BSIG",
            error_codes: vec!["manifest-signature"],
            note: "one character of the manifest signature changed",
        },
        Vector {
            name: "fail-document-changed",
            envelope: document_changed,
            response_code: "BENV",
            error_codes: vec![
                "entry-transport-document-checksum-mismatch",
                "issuance-manifest-checksum-mismatch",
                "entry-transport-document-checksum-mismatch",
                "entry-transport-document-checksum-mismatch",
                "transport-document-checksum-mismatch",
            ],
            note: "a cargo weight changed after signing",
        },
        Vector {
            name: "fail-straight-bill-endorsed",
            envelope: seal(&straight),
            response_code: "BENV",
            error_codes: vec!["straight-bill-endorsed"],
            note: "every signature good; the title rules refuse it",
        },
        Vector {
            name: "fail-transfer-after-surrender-accepted",
            envelope: seal(&after_sacc),
            response_code: "BENV",
            error_codes: vec!["event-after-terminal"],
            note: "every signature good; nothing may follow SACC",
        },
        Vector {
            name: "fail-entries-reordered",
            envelope: reordered,
            response_code: "BENV",
            error_codes: vec![
                "chain-link-broken",
                "chain-link-broken",
                "last-entry-checksum-mismatch",
                "recipient-not-next-actor",
                "actor-not-holder",
                "time-went-backwards",
                "recipient-not-next-actor",
                "endorser-not-entitled",
                "actor-not-holder",
            ],
            note: "entries 1 and 2 swapped: broken links, and the title rules see the order too",
        },
    ]
}

fn public_jwk(seed: u8) -> String {
    let key = ed25519_key(seed);
    let mut jwk = key.public_key().to_jwk();
    jwk["kid"] = Value::String(key.public_key().thumbprint());
    serde_json::to_string_pretty(&jwk).expect("json") + "\n"
}

fn generate() -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for (name, seed) in [
        ("carrier", CARRIER_SEED),
        ("sgtt", SG_SEED),
        ("szeb", SZ_SEED),
    ] {
        files.insert(format!("keys/{name}.jwk"), public_jwk(seed));
    }
    let mut manifest = Vec::new();
    for v in vectors() {
        let file = format!("{}.json", v.name);
        files.insert(file.clone(), v.envelope.to_json_pretty() + "\n");
        manifest.push(serde_json::json!({
            "file": file, "note": v.note, "expect": {"responseCode": v.response_code, "valid": v.response_code == "RECE", "errorCodes": v.error_codes}
        }));
    }
    let manifest = serde_json::json!({
        "about": "Golden DCSA PINT envelopes made by ebl (core/tests/pint_golden_vectors.rs) from fixed Ed25519 seeds. Test keys only: never trust them.",
        "verify": {"at": VERIFY_AT, "keys": ["keys/carrier.jwk", "keys/sgtt.jwk", "keys/szeb.jwk"],
                   "carrierKeys": ["keys/carrier.jwk"], "platformKeys": {"SGTT": ["keys/sgtt.jwk"], "SZEB": ["keys/szeb.jwk"]}},
        "vectors": manifest
    });
    files.insert(
        "manifest.json".into(),
        serde_json::to_string_pretty(&manifest).expect("json") + "\n",
    );
    files
}

#[test]
fn golden_vectors_are_current_and_verify_as_stated() {
    let files = generate();
    let regenerate = std::env::var_os("EBL_REGENERATE_VECTORS").is_some();
    for (name, content) in &files {
        let path = dir().join(name);
        if regenerate {
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, content).expect("write");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == *content,
            "{name} differs from what the generator makes; regenerate with EBL_REGENERATE_VECTORS=1 if the change is intended"
        );
    }

    let mut trust = PintTrust::default();
    trust
        .trust_carrier_key(ed25519_key(CARRIER_SEED).public_key().clone())
        .expect("carrier");
    trust
        .trust_platform_key("SGTT", ed25519_key(SG_SEED).public_key().clone())
        .expect("sgtt");
    trust
        .trust_platform_key("SZEB", ed25519_key(SZ_SEED).public_key().clone())
        .expect("szeb");
    for v in vectors() {
        let bytes = files[&format!("{}.json", v.name)].as_bytes().to_vec();
        let report = verify_envelope(&bytes, &trust, &EnvelopeVerifyOptions::at(at(VERIFY_AT)))
            .expect("an envelope");
        assert_eq!(
            report.response_code.as_str(),
            v.response_code,
            "{}: {:#?}",
            v.name,
            report.findings
        );
        let codes: Vec<&str> = report.errors().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, v.error_codes, "{}", v.name);
    }
}
