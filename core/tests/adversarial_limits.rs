//! Adversarial catalogue, resource limits: inputs sized or counted past each documented limit
//! (SECURITY.md, "Limits") are refused with their own error, and work stays bounded by
//! structure — no case here relies on a clock. `scripts/test-hardening` runs these under an
//! address-space limit and prints each case's time and peak memory.

mod support;

use ebl::ErrorCode;
use ebl::crypto::x509::MAX_CHAIN_LENGTH;
use ebl::json::{DEFAULT_MAX_VALUES, Limits, parse, parse_with};
use ebl::pint::MAX_CHAIN_ENTRIES;

const MIB: usize = 1024 * 1024;

/// `[` + `item,` repeated until `size` bytes + `0]`.
fn repeated_array(item: &str, size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 16);
    out.push(b'[');
    while out.len() + item.len() + 1 < size {
        out.extend_from_slice(item.as_bytes());
        out.push(b',');
    }
    out.extend_from_slice(b"0]");
    out
}

#[test]
fn input_over_16_mib_is_refused_before_parsing() {
    let input = vec![b' '; 16 * MIB + 1];
    assert_eq!(
        parse(&input).expect_err("too large").code(),
        ErrorCode::JsonTooLarge
    );
}

#[test]
fn sixteen_mib_of_tiny_values_is_refused_at_the_value_limit() {
    // Each of these would take hundreds of MiB as parsed values without the count limit.
    for item in ["0", "\"\"", "[]", "{}", "null"] {
        let input = repeated_array(item, 16 * MIB - 1);
        let err = parse(&input).expect_err("too many values");
        assert_eq!(err.code(), ErrorCode::JsonTooLarge, "{item}: {err}");
        assert!(
            err.to_string()
                .contains(&format!("limit of {DEFAULT_MAX_VALUES} values")),
            "{err}"
        );
    }
    let mut members = b"{".to_vec();
    let mut i = 0u32;
    while members.len() < 16 * MIB - 32 {
        members.extend_from_slice(format!("\"{i:x}\":0,").as_bytes());
        i += 1;
    }
    members.extend_from_slice(b"\"end\":0}");
    assert_eq!(
        parse(&members).expect_err("members").code(),
        ErrorCode::JsonTooLarge
    );
}

#[test]
fn the_value_limit_counts_exactly_and_is_configurable() {
    let at_limit = format!("[{}0]", "0,".repeat(DEFAULT_MAX_VALUES - 2));
    assert!(
        parse(at_limit.as_bytes()).is_ok(),
        "array + values = the limit"
    );
    let over = format!("[{}0]", "0,".repeat(DEFAULT_MAX_VALUES - 1));
    assert_eq!(
        parse(over.as_bytes()).expect_err("over").code(),
        ErrorCode::JsonTooLarge
    );
    let raised = Limits {
        max_values: DEFAULT_MAX_VALUES + 1,
        ..Limits::default()
    };
    assert!(parse_with(over.as_bytes(), &raised).is_ok());
}

#[test]
fn one_huge_string_is_bounded_by_the_byte_limit_only() {
    // An embedded document is one string: 15 MiB of it is fine, and takes one copy.
    let mut input = b"\"".to_vec();
    input.resize(15 * MIB, b'A');
    input.push(b'"');
    let value = parse(&input).expect("one long string");
    assert_eq!(value.as_str().map(str::len), Some(15 * MIB - 1));
}

#[test]
fn an_x5c_chain_past_the_length_limit_is_refused() {
    let pki = parse(&support::read(&support::testdata("crypto/pki.json"))).expect("pki");
    let leaf = pki["chains"]["valid"][0].as_str().expect("cert");
    let der = ebl::crypto::b64::decode_standard(leaf, "leaf").expect("der");
    let certificate = ebl::crypto::x509::Certificate::from_der(&der).expect("cert");
    let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(
        &std::fs::read_to_string(support::testdata("crypto/pki-root.pem")).expect("root"),
    )
    .expect("anchors");
    let chain = vec![certificate; 1000];
    let err = anchors
        .verify_chain(&chain, "2027-01-01T00:00:00Z".parse().expect("time"))
        .expect_err("too long");
    assert_eq!(err.code(), ErrorCode::CryptoCertificateChainInvalid);
    assert!(
        err.to_string()
            .contains(&format!("longer than {MAX_CHAIN_LENGTH}")),
        "{err}"
    );
}

#[test]
fn an_rsa_key_past_8192_bits_is_refused() {
    let n = ebl::crypto::b64::encode_url(&[0xff_u8; 1025]); // 8200 bits
    let jwk = serde_json::json!({"kty": "RSA", "n": n, "e": "AQAB"});
    let err = ebl::crypto::KeySet::from_jwks_bytes(jwk.to_string().as_bytes())
        .expect_err("too large a key");
    assert_eq!(err.code(), ErrorCode::CryptoKeyRejected, "{err}");
}

/// The golden chain of ten with `copies` more copies of its entry 1 spliced in front: every
/// copy after the first breaks the hash link. Built as text, so the test holds no parsed copy.
fn chain_with_copies(copies: usize) -> String {
    let text = String::from_utf8(support::read(&support::golden_pint(
        "valid-chain-of-10.json",
    )))
    .expect("utf-8");
    let envelope = parse(text.as_bytes()).expect("envelope");
    let entry = envelope["envelopeTransferChain"][1]
        .as_str()
        .expect("entry")
        .to_owned();
    let chain = format!("\"{entry}\",").repeat(copies);
    text.replacen(
        "\"envelopeTransferChain\": [",
        &format!("\"envelopeTransferChain\": [{chain}"),
        1,
    )
}

fn finding_codes(verification: &ebl::verify::Verification) -> Vec<&str> {
    verification
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect()
}

#[test]
fn a_chain_at_the_entry_limit_is_walked_in_one_pass() {
    // MAX_CHAIN_ENTRIES entries in all (10 golden + copies): each is checked once, and the
    // copies are caught by the broken hash link.
    let forged = chain_with_copies(MAX_CHAIN_ENTRIES - 10);
    let verification = ebl::verify::verify_bytes(forged.as_bytes(), &support::golden_context())
        .expect("a readable envelope");
    assert!(!verification.valid);
    let codes = finding_codes(&verification);
    assert!(codes.contains(&"chain-link-broken"), "{codes:?}");
    assert!(!codes.contains(&"chain-too-long"), "{codes:?}");
}

#[test]
fn a_chain_past_the_entry_limit_is_refused_before_any_entry_is_read() {
    // One entry over the limit: refused as a whole with `chain-too-long` (BENV), no entry
    // signature is checked, so no entry finding appears.
    let forged = chain_with_copies(MAX_CHAIN_ENTRIES - 9);
    let verification = ebl::verify::verify_bytes(forged.as_bytes(), &support::golden_context())
        .expect("a readable envelope");
    assert!(!verification.valid);
    let codes = finding_codes(&verification);
    assert!(codes.contains(&"chain-too-long"), "{codes:?}");
    assert!(!codes.contains(&"chain-link-broken"), "{codes:?}");
    let trust = ebl::pint::PintTrust::default();
    let at = "2026-07-01T00:00:00Z".parse().expect("time");
    let report = ebl::pint::verify_envelope(
        forged.as_bytes(),
        &trust,
        &ebl::pint::EnvelopeVerifyOptions::at(at),
    )
    .expect("a readable envelope");
    // No entry was read (the manifest signature is then unverifiable here: no keys trusted).
    assert!(report.entries.is_empty());
    assert!(
        report.findings.iter().any(|f| f.code == "chain-too-long"),
        "{:?}",
        report.findings
    );
}

/// The 5 KB TradeTrust bill with `steps` proof steps, as text.
fn bill_with_proof(steps: usize) -> String {
    let path =
        support::testdata("openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json");
    let text = String::from_utf8(support::read(&path)).expect("utf-8");
    let step = format!("\"{}\"", "ab".repeat(32));
    let proof = vec![step; steps].join(",");
    text.replacen("\"proof\": []", &format!("\"proof\": [{proof}]"), 1)
}

#[test]
fn an_openattestation_proof_past_the_byte_limit_is_refused_before_hashing() {
    // 300 000 steps of 67 bytes: 19 MiB, refused before parsing.
    let err =
        ebl::openattestation::WrappedDocument::from_bytes(bill_with_proof(300_000).as_bytes())
            .expect_err("too large");
    assert_eq!(err.code(), ErrorCode::JsonTooLarge);
}

#[test]
fn a_long_openattestation_proof_is_walked_once_and_fails() {
    // 100 000 steps (6.5 MiB) fit: one Keccak-256 per step, then the root differs.
    let wrapped =
        ebl::openattestation::WrappedDocument::from_bytes(bill_with_proof(100_000).as_bytes())
            .expect("fits");
    let codes: Vec<String> = wrapped
        .verify()
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, ["oa-merkle-proof-mismatch"]);
}
