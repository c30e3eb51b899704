//! The DID proof (`OpenAttestationSignature2018`) on a document signed by the JavaScript
//! library, and on documents ebl signs.
#![cfg(feature = "openattestation")]

mod support;

use support::error_codes;

use ebl::openattestation::{
    EthereumAddress, WrappedDocument, recover_signer, sign_did, verify_did_proof, wrap,
};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/openattestation/");
const SIGNER: &str = "0xc5997926Eb7d94Da226cFf7aeAA5eA0bC5D8814A";

fn doc(file: &str) -> WrappedDocument {
    WrappedDocument::from_bytes(&std::fs::read(format!("{DATA}{file}")).expect("test data"))
        .expect("document")
}

fn signer() -> EthereumAddress {
    SIGNER.parse().expect("address")
}

#[test]
fn a_document_signed_by_openattestation_is_accepted_for_its_signer_only() {
    let d = doc("did-signed-by-oa.json");
    assert!(d.verify().is_valid());
    let check = verify_did_proof(&d, &[signer()]);
    assert!(check.is_valid(), "{:?}", check.findings);
    assert_eq!(check.signers, [signer()]);
    assert_eq!(signer().to_string(), SIGNER, "EIP-55 display");

    let other: EthereumAddress = "0x0000000000000000000000000000000000000001"
        .parse()
        .expect("address");
    let check = verify_did_proof(&d, &[other]);
    assert_eq!(error_codes(&check.findings), ["oa-did-untrusted-signer"]);
}

#[test]
fn a_corrupted_signature_passes_integrity_but_not_the_did_check() {
    let d = doc("did-signed-by-oa.corrupted-signature.json");
    assert!(d.verify().is_valid(), "verifySignature ignores proof[]");
    let check = verify_did_proof(&d, &[signer()]);
    assert!(!check.is_valid());
    assert_eq!(error_codes(&check.findings), ["oa-did-bad-signature"]);
}

#[test]
fn a_changed_root_or_missing_proof_is_rejected() {
    let mut v = doc("did-signed-by-oa.json").into_value();
    v["signature"]["merkleRoot"] = "00".repeat(32).into();
    let check = verify_did_proof(
        &WrappedDocument::from_value(v.clone()).expect("doc"),
        &[signer()],
    );
    assert_eq!(error_codes(&check.findings), ["oa-did-bad-signature"]);
    v.as_object_mut().expect("object").remove("proof");
    let check = verify_did_proof(&WrappedDocument::from_value(v).expect("doc"), &[signer()]);
    assert_eq!(error_codes(&check.findings), ["oa-did-missing"]);
}

#[test]
fn ebl_signs_like_ethers_and_checks_the_issuer_key() {
    // The same key and root give the same RFC 6979 signature as signDocument.
    let oa = doc("did-signed-by-oa.json");
    let key: [u8; 32] =
        hex::decode("4c0f833e6b1d2a44917e05c358aa106f23d97b34880e61f2194db62c70953a01")
            .expect("hex")
            .try_into()
            .expect("32 bytes");
    let mut unsigned = oa.as_value().clone();
    unsigned.as_object_mut().expect("object").remove("proof");
    let unsigned = WrappedDocument::from_value(unsigned).expect("doc");
    let method = format!("did:ethr:{SIGNER}#controller");
    let at = chrono::DateTime::parse_from_rfc3339("2025-03-14T08:00:00Z")
        .expect("time")
        .to_utc();
    let ours = sign_did(&unsigned, &key, &method, at).expect("signs");
    assert_eq!(
        ours.as_value()["proof"][0]["signature"],
        oa.as_value()["proof"][0]["signature"]
    );
    assert_eq!(
        ours.as_value()["proof"][0]["created"],
        "2025-03-14T08:00:00.000Z"
    );
    assert!(verify_did_proof(&ours, &[signer()]).is_valid());

    // A key that does not match the verification method is refused.
    assert!(sign_did(&unsigned, &[7u8; 32], &method, at).is_err());

    // An issuer claiming a DID identity with no proof for its key is reported.
    let raw = serde_json::json!({"issuers": [{"id": "did:ethr:0x0000000000000000000000000000000000000002", "name": "X",
        "identityProof": {"type": "DID", "key": "did:ethr:0x0000000000000000000000000000000000000002#controller"}}]});
    let mut n = 0u64;
    let wrapped = wrap(&raw, &mut move || {
        n += 1;
        format!("00000000-0000-4000-8000-{n:012x}")
    })
    .expect("wraps");
    let signed = sign_did(&wrapped, &key, &method, at).expect("signs");
    let check = verify_did_proof(&signed, &[signer()]);
    assert_eq!(error_codes(&check.findings), ["oa-did-issuer-unsigned"]);
}

#[test]
fn high_s_and_v_0_1_signatures_recover_the_same_signer() {
    let d = doc("did-signed-by-oa.json");
    let root: [u8; 32] = hex::decode(d.merkle_root().expect("root"))
        .expect("hex")
        .try_into()
        .expect("32");
    let sig_hex = d.as_value()["proof"][0]["signature"]
        .as_str()
        .expect("sig")
        .trim_start_matches("0x")
        .to_owned();
    let sig: [u8; 65] = hex::decode(&sig_hex).expect("hex").try_into().expect("65");
    assert_eq!(recover_signer(&root, &sig).expect("recovers"), signer());
    // v as 0/1.
    let mut v01 = sig;
    v01[64] -= 27;
    assert_eq!(recover_signer(&root, &v01).expect("recovers"), signer());
    // s -> n - s with the parity flipped: the same signer (Ethereum tools accept it).
    let n = hex::decode("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")
        .expect("hex");
    let mut high = sig;
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let d = i16::from(n[i]) - i16::from(sig[32 + i]) - borrow;
        high[32 + i] = (d.rem_euclid(256)) as u8;
        borrow = i16::from(d < 0);
    }
    high[64] = if sig[64] == 27 { 28 } else { 27 };
    assert_eq!(recover_signer(&root, &high).expect("recovers"), signer());
    let mut bad = sig;
    bad[64] = 29;
    assert!(recover_signer(&root, &bad).is_err());
}
