//! Signed PINT responses read by `verify_bytes` (format `dcsa-pint-response`): a genuine one
//! verifies under its signer's key only, a forged payload never verifies, and any three-segment
//! text (what `detect_compact` lets through) gives a verdict or a typed error, never a panic.

mod support;

use ebl::crypto::b64;
use ebl::detect::Format;
use ebl::json::Value;
use ebl::pint::{ResponseCode, sign_response, verify_envelope};
use ebl::verify::{VerifyContext, verify_bytes};
use proptest::prelude::*;
use ring::rand::SystemRandom;

const RECEIVER_SEED: u8 = 0x44;

/// The golden Singapore → Shenzhen envelope received and answered by a fixed-seed key.
fn response() -> String {
    let context = support::golden_context();
    let options = ebl::pint::EnvelopeVerifyOptions::at(context.at);
    let report = verify_envelope(
        &support::read(&support::golden_pint("valid-to-order-sg-to-shenzhen.json")),
        &context.pint,
        &options,
    )
    .expect("envelope");
    sign_response(
        &report.finished_response(),
        &support::signer(RECEIVER_SEED),
        &SystemRandom::new(),
    )
    .expect("sign")
}

fn trusting(seed: u8) -> VerifyContext {
    let mut context = VerifyContext::at(support::at("2026-07-01T00:00:00Z"));
    let jwk = support::ed25519_key(seed).public_key().to_jwk();
    context
        .add_keys(jwk.to_string().as_bytes())
        .expect("public key");
    context
}

#[test]
fn a_signed_response_verifies_under_its_signers_key_only() {
    let compact = response();
    let good = verify_bytes(format!("{compact}\n").as_bytes(), &trusting(RECEIVER_SEED))
        .expect("a response");
    assert_eq!(good.format, Format::PintResponse);
    assert!(good.valid, "{:?}", good.findings);
    assert_eq!(good.response_code, Some(ResponseCode::Received));

    let other = verify_bytes(compact.as_bytes(), &trusting(0x45)).expect("a response");
    assert!(!other.valid);
    assert_eq!(other.findings[0].code, "response-signature");
    // It still says what the response claims, for the record.
    assert_eq!(other.response_code, Some(ResponseCode::Received));
}

#[test]
fn a_compact_jws_that_is_not_a_response_is_unsupported() {
    let signer = support::signer(RECEIVER_SEED);
    let compact = signer
        .sign_json(&serde_json::json!({"hello": "world"}), &SystemRandom::new())
        .expect("sign");
    let err =
        verify_bytes(compact.as_bytes(), &trusting(RECEIVER_SEED)).expect_err("not a response");
    assert_eq!(err.code(), ebl::ErrorCode::UnsupportedFormat);
}

proptest! {
    #![proptest_config(support::proptest_config(256))]

    /// Changing the response code (or anything else) in the payload without re-signing is
    /// always caught.
    #[test]
    fn forged_responses_never_verify(code in "[A-Z]{4}", reason in "[ -~]{0,40}") {
        let compact = response();
        let parts: Vec<&str> = compact.split('.').collect();
        let mut payload: Value = serde_json::from_slice(
            &b64::decode_url(parts[1], "payload").expect("payload")).expect("json");
        payload["responseCode"] = Value::String(code.clone());
        payload["reason"] = Value::String(reason);
        let forged = format!("{}.{}.{}", parts[0], b64::encode_url(payload.to_string().as_bytes()), parts[2]);
        // Refused either way: a typed error, or a verdict that is not valid.
        let refused = verify_bytes(forged.as_bytes(), &trusting(RECEIVER_SEED)).map_or(true, |v| !v.valid);
        prop_assert!(refused, "a forged response verified");
    }

    /// Arbitrary three-segment base64url text gives a verdict or a typed error.
    #[test]
    fn arbitrary_compact_text_never_panics(a in "[A-Za-z0-9_-]{1,60}", b in "[A-Za-z0-9_-]{1,120}", c in "[A-Za-z0-9_-]{1,90}") {
        let text = format!("{a}.{b}.{c}");
        let refused = verify_bytes(text.as_bytes(), &trusting(RECEIVER_SEED)).map_or(true, |v| !v.valid);
        prop_assert!(refused, "arbitrary text verified");
    }
}
