//! Adversarial catalogue, OpenAttestation v2: salt and type confusions, proofs of the wrong
//! length, a leaf moved between documents, padded obfuscated hashes, a DID signature over
//! another root: each caught by its own finding.
#![cfg(feature = "openattestation")]

mod support;

use ebl::json::Value;
use ebl::openattestation::{
    EthereumAddress, WrappedDocument, sign_did, verify_did_proof, wrap_batch,
};
use support::error_codes;

const SIGNER: &str = "0xc5997926Eb7d94Da226cFf7aeAA5eA0bC5D8814A";
const SIGNER_KEY: &str = "4c0f833e6b1d2a44917e05c358aa106f23d97b34880e61f2194db62c70953a01";

fn counter_salts() -> impl FnMut() -> String {
    let mut n = 0u64;
    move || {
        n += 1;
        format!("00000000-0000-4000-8000-{n:012x}")
    }
}

/// A batch of three documents: each carries a two-element proof to one Merkle root.
fn batch() -> Vec<Value> {
    let data: Vec<Value> = (1..=3)
        .map(|i| serde_json::json!({"id": format!("DOC-{i}"), "amount": i, "names": ["a", "b"]}))
        .collect();
    wrap_batch(&data, &mut counter_salts())
        .expect("wraps")
        .into_iter()
        .map(WrappedDocument::into_value)
        .collect()
}

fn findings_of(value: Value) -> Vec<String> {
    let doc = WrappedDocument::from_value(value).expect("still a wrapped document");
    error_codes(&doc.verify().findings)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Asserts every finding of the integrity check, errors and warnings, in order.
fn assert_findings(label: &str, value: Value, expected: &[&str]) {
    let doc = WrappedDocument::from_value(value).expect("still a wrapped document");
    let check = doc.verify();
    let found: Vec<&str> = check.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(found, expected, "{label}");
}

#[test]
fn the_batch_is_valid_as_wrapped() {
    for doc in batch() {
        assert_eq!(findings_of(doc), Vec::<String>::new());
    }
}

#[test]
fn salt_and_type_confusions_change_the_target_hash() {
    let doc = &batch()[0];
    let salted = doc["data"]["amount"].as_str().expect("salted").to_owned();
    let (salt, rest) = salted.split_once(':').expect("salt:type:value");
    let cases = [
        // The same value under another salt.
        (
            "other salt",
            format!("00000000-0000-4000-8000-0000000000ff:{rest}"),
        ),
        // The number 1 claimed to be the string "1".
        ("type confusion", format!("{salt}:string:1")),
        // The type moved into the salt.
        ("salt swallows type", format!("{salt}:number:number:1")),
        // No salt at all.
        ("unsalted", "number:1".to_owned()),
    ];
    for (label, replacement) in cases {
        let mut forged = doc.clone();
        forged["data"]["amount"] = replacement.into();
        let expected: &[&str] = if label == "unsalted" {
            &["oa-unsalted-value", "oa-target-hash-mismatch"]
        } else {
            &["oa-target-hash-mismatch"]
        };
        assert_findings(label, forged, expected);
    }
    // An array turned into an object with the same members flattens to the same leaves
    // ("names.0"): OpenAttestation v2 accepts it, so ebl does too, but says so.
    let mut forged = doc.clone();
    let names = forged["data"]["names"].clone();
    forged["data"]["names"] = serde_json::json!({"0": names[0], "1": names[1]});
    assert_findings("array as object", forged, &["oa-array-object-ambiguity"]);
}

#[test]
fn proofs_of_the_wrong_length_or_content_fail() {
    let doc = &batch()[0];
    let proof = doc["signature"]["proof"].as_array().expect("proof").clone();
    assert_eq!(proof.len(), 2, "a batch of three gives two proof steps");
    let mut dropped = doc.clone();
    dropped["signature"]["proof"] = serde_json::json!([proof[0]]);
    assert_findings("a step dropped", dropped, &["oa-merkle-proof-mismatch"]);
    let mut extra = doc.clone();
    extra["signature"]["proof"] = serde_json::json!([proof[0], proof[1], proof[1]]);
    assert_findings("a step added", extra, &["oa-merkle-proof-mismatch"]);
    let mut short = doc.clone();
    let truncated = &proof[0].as_str().expect("hex")[..62];
    short["signature"]["proof"] = serde_json::json!([truncated, proof[1]]);
    assert_findings(
        "a 31-byte node",
        short,
        &["oa-noncanonical-hex", "oa-merkle-proof-mismatch"],
    );
}

#[test]
fn a_leaf_moved_between_documents_fails() {
    let docs = batch();
    // Document 0's data with document 1's signature block (its target hash and proof).
    let mut moved = docs[0].clone();
    moved["signature"] = docs[1]["signature"].clone();
    assert_findings("signature block moved", moved, &["oa-target-hash-mismatch"]);
    // Document 0's own target hash with document 1's proof: the root is not reached.
    let mut proof_moved = docs[0].clone();
    proof_moved["signature"]["proof"] = docs[1]["signature"]["proof"].clone();
    assert_findings("proof moved", proof_moved, &["oa-merkle-proof-mismatch"]);
}

#[test]
fn padded_or_respelled_obfuscated_hashes_are_refused() {
    let doc = WrappedDocument::from_value(batch()[0].clone()).expect("doc");
    let obfuscated = doc.obfuscate(&["amount"]).expect("obfuscates").into_value();
    assert_eq!(findings_of(obfuscated.clone()), Vec::<String>::new());
    let hash = obfuscated["privacy"]["obfuscatedData"][0]
        .as_str()
        .expect("hash")
        .to_owned();
    // Every respelling is flagged and none still hashes to the root.
    for (label, respelled) in [
        ("0x prefix", format!("0x{hash}")),
        ("upper case", hash.to_uppercase()),
        ("zero padded", format!("00{hash}")),
        ("trailing space", format!("{hash} ")),
        ("truncated", hash[..63].to_owned()),
    ] {
        let mut forged = obfuscated.clone();
        forged["privacy"]["obfuscatedData"][0] = respelled.into();
        assert_findings(
            label,
            forged,
            &["oa-noncanonical-hex", "oa-target-hash-mismatch"],
        );
    }
}

#[test]
fn a_did_signature_over_another_root_is_refused() {
    let path = support::testdata("openattestation/did-signed-by-oa.json");
    let signed = WrappedDocument::from_bytes(&support::read(&path)).expect("doc");
    let signer: EthereumAddress = SIGNER.parse().expect("address");
    assert!(verify_did_proof(&signed, &[signer]).is_valid());
    // The same key signs another document's root; that proof is put on this document.
    let key: [u8; 32] = hex::decode(SIGNER_KEY)
        .expect("hex")
        .try_into()
        .expect("32 bytes");
    let other = WrappedDocument::from_value(batch()[0].clone()).expect("doc");
    let method = format!("did:ethr:{SIGNER}#controller");
    let at = "2025-03-14T08:00:00Z".parse().expect("time");
    let other_signed = sign_did(&other, &key, &method, at).expect("signs");
    let mut forged = signed.into_value();
    forged["proof"] = other_signed.as_value()["proof"].clone();
    let forged = WrappedDocument::from_value(forged).expect("doc");
    assert!(
        forged.verify().is_valid(),
        "integrity does not cover the proof"
    );
    let check = verify_did_proof(&forged, &[signer]);
    assert_eq!(error_codes(&check.findings), ["oa-did-bad-signature"]);
}
