//! Properties the issue asks for that the other `*_proptest.rs` files do not cover:
//! canonical form is independent of member order; every algorithm signs and verifies; a single
//! bit flipped anywhere in a signed part of an envelope or an OpenAttestation document fails;
//! an envelope the builder makes always verifies; envelopes parse → serialise → parse
//! unchanged.

mod support;

use ebl::crypto::jws::{JwsHeader, sign_compact, verify_compact};
use ebl::crypto::{Algorithm, AlgorithmSet};
use ebl::json::{Map, Value, canonicalize, parse};
use ebl::pint::{
    EblEnvelope, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, ResponseCode, Transaction,
    verify_envelope,
};
use proptest::prelude::*;
use ring::rand::SystemRandom;
use std::sync::OnceLock;
use support::{CARRIER_SEED, SGP1_SEED, at, bank, buyer, carrier, cast_trust, shipper, signer};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1_000_000i64..1_000_000).prop_map(Value::from),
        "[a-z\u{e9}\u{1F600} ]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z\u{e9}0-9]{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// `value` with the members of every object in the reverse order.
fn reversed(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map.iter().rev() {
                out.insert(k.clone(), reversed(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(reversed).collect()),
        other => other.clone(),
    }
}

/// An honest journey: issue to the shipper, then `hops` endorse-and-transfer steps between
/// the shipper, the bank and the buyer (to order), `gap` minutes apart; sent to SZP1 when
/// the buyer holds it last.
fn journey(reference: &str, hops: usize, gap: i64, to_order: bool) -> (EblEnvelope, String) {
    let rng = SystemRandom::new();
    let start = at("2026-06-01T08:00:00Z");
    let mut builder = EnvelopeBuilder::issue(
        serde_json::json!({"transportDocumentReference": reference, "isToOrder": to_order}),
        Issuance {
            platform: "SGP1".into(),
            ..Issuance::new(carrier(), shipper(), start)
        },
        &signer(CARRIER_SEED),
        &signer(SGP1_SEED),
        &rng,
    )
    .expect("issue");
    let cast = [shipper(), bank(), buyer()];
    let mut holder = 0;
    let mut last_platform = "SGP1".to_owned();
    for hop in 0..hops {
        let next = (holder + 1) % cast.len();
        let when = start + chrono::Duration::minutes(gap * (hop as i64 + 1));
        let mut transactions = Vec::new();
        if to_order {
            transactions.push(Transaction::new(
                ebl::pint::ActionCode::EndorseToOrder,
                cast[holder].clone(),
                Some(cast[next].clone()),
                when,
            ));
        }
        transactions.push(Transaction::transfer(
            cast[holder].clone(),
            cast[next].clone(),
            when,
        ));
        let platform = &cast[holder].ebl_platform;
        let key = if platform == "SZP1" { 3 } else { 2 };
        builder
            .record(platform, transactions, &signer(key), &rng)
            .expect("record");
        last_platform.clone_from(platform);
        holder = next;
    }
    // The platform that recorded the last entry sends the envelope.
    let sender = if last_platform == "SZP1" { 3 } else { 2 };
    let envelope = builder
        .seal(&signer(sender), Vec::new(), &rng)
        .expect("seal");
    (envelope, cast[holder].ebl_platform.clone())
}

fn verdict(bytes: &[u8], receiver: &str) -> Option<ResponseCode> {
    let options = EnvelopeVerifyOptions::receiving(receiver, at("2026-09-01T00:00:00Z"), []);
    verify_envelope(bytes, &cast_trust(), &options)
        .ok()
        .map(|report| report.response_code)
}

proptest! {
    #![proptest_config(support::proptest_config(48))]

    #[test]
    fn canonical_form_ignores_member_order(value in arb_json()) {
        prop_assert_eq!(canonicalize(&reversed(&value)), canonicalize(&value));
    }

    #[test]
    fn every_algorithm_signs_and_verifies(payload in prop::collection::vec(any::<u8>(), 0..256), pick in any::<prop::sample::Index>()) {
        let rng = SystemRandom::new();
        let alg = Algorithm::ALL[pick.index(Algorithm::ALL.len())];
        let key = support::key_of_each_type().iter().find(|k| alg.check_key_type(k.key_type()).is_ok()).expect("a key for every algorithm");
        let header = JwsHeader { alg: Some(alg), ..Default::default() };
        let compact = sign_compact(&payload, key, &header, &rng).expect("sign");
        let verified = verify_compact(&compact, key.public_key(), &AlgorithmSet::new([alg])).expect("verify");
        prop_assert_eq!(verified.payload(), payload.as_slice());
        prop_assert_eq!(verified.header().alg(), alg);
    }

    #[test]
    fn the_builder_always_makes_envelopes_that_verify(hops in 0usize..5, gap in 1i64..10_000, to_order in any::<bool>()) {
        let (envelope, holder_platform) = journey("PROP1", hops, gap, to_order);
        let bytes = serde_json::to_vec(&envelope).expect("json");
        prop_assert_eq!(verdict(&bytes, &holder_platform), Some(ResponseCode::Received));
        // parse → serialise → parse is the identity.
        let reread: EblEnvelope = serde_json::from_slice(&bytes).expect("reads back");
        prop_assert_eq!(&reread, &envelope);
        prop_assert_eq!(serde_json::to_vec(&reread).expect("json"), bytes);
    }
}

/// The signed parts of an envelope: the manifest and every chain entry (compact JWS text),
/// and the transport document the manifest's checksum covers.
fn signed_parts(envelope: &EblEnvelope) -> Vec<String> {
    let mut parts = vec![
        envelope.envelope_manifest_signed_content.clone(),
        String::from_utf8(canonicalize(&envelope.transport_document)).expect("utf-8"),
    ];
    parts.extend(envelope.envelope_transfer_chain.iter().cloned());
    parts
}

fn with_part(envelope: &EblEnvelope, index: usize, text: String) -> Option<Vec<u8>> {
    let mut forged = envelope.clone();
    match index {
        0 => forged.envelope_manifest_signed_content = text,
        1 => forged.transport_document = parse(text.as_bytes()).ok()?,
        i => forged.envelope_transfer_chain[i - 2] = text,
    }
    serde_json::to_vec(&forged).ok()
}

fn journey_to_shenzhen() -> &'static (EblEnvelope, String) {
    static JOURNEY: OnceLock<(EblEnvelope, String)> = OnceLock::new();
    JOURNEY.get_or_init(|| journey("FLIP1", 2, 60, true))
}

fn oa_document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let path = support::testdata(
            "openattestation/vectors/bill-of-lading-generic-templates.wrapped.json",
        );
        parse(&support::read(&path)).expect("doc")
    })
}

/// Every string inside `value` that the OpenAttestation hash covers (`data` and
/// `signature`), by JSON pointer.
fn string_pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(here),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                string_pointers(v, format!("{here}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                string_pointers(
                    v,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(support::proptest_config(96))]

    #[test]
    fn a_bit_flipped_in_any_signed_part_of_an_envelope_is_refused(part in any::<prop::sample::Index>(), position in any::<prop::sample::Index>(), bit in 0u8..7) {
        let (envelope, holder) = journey_to_shenzhen();
        let parts = signed_parts(envelope);
        let index = part.index(parts.len());
        let mut bytes = parts[index].clone().into_bytes();
        let at = position.index(bytes.len());
        bytes[at] ^= 1 << bit; // bits 0..7 keep ASCII text ASCII
        let text = String::from_utf8(bytes).expect("ASCII stays UTF-8");
        prop_assume!(text != parts[index]);
        if let Some(forged) = with_part(envelope, index, text) {
            prop_assert_ne!(verdict(&forged, holder), Some(ResponseCode::Received));
        }
    }

    #[test]
    fn a_bit_flipped_in_any_hashed_string_of_an_oa_document_is_refused(pick in any::<prop::sample::Index>(), position in any::<prop::sample::Index>(), bit in 0u8..7) {
        let doc = oa_document();
        let mut pointers = Vec::new();
        for member in ["data", "signature"] {
            string_pointers(&doc[member], format!("/{member}"), &mut pointers);
        }
        let pointer = &pointers[pick.index(pointers.len())];
        let original = doc.pointer(pointer).and_then(Value::as_str).expect("string");
        prop_assume!(!original.is_empty() && pointer != "/signature/type");
        let mut bytes = original.as_bytes().to_vec();
        let at = position.index(bytes.len());
        bytes[at] ^= 1 << bit;
        let Ok(flipped) = String::from_utf8(bytes) else { return Ok(()) };
        // OpenAttestation decodes hashes as hex leniently: `a`..`f` and `A`..`F` are the same
        // digit, so a flip of bit 5 in a hash's letter names the same bytes. Such a document
        // still verifies (as it does in OpenAttestation), flagged as not in canonical form.
        let hash_letter_case = pointer.starts_with("/signature/")
            && original.as_bytes()[at].is_ascii_hexdigit()
            && original.as_bytes()[at].is_ascii_alphabetic()
            && bit == 5;
        let mut forged = doc.clone();
        *forged.pointer_mut(pointer).expect("pointer") = Value::String(flipped);
        // An Err is a refusal too: no longer a wrapped document at all.
        if let Ok(wrapped) = ebl::openattestation::WrappedDocument::from_value(forged) {
            let check = wrapped.verify();
            if check.is_valid() {
                prop_assert!(hash_letter_case, "{pointer} flipped still verifies");
                prop_assert!(
                    check.findings.iter().any(|f| f.code == "oa-noncanonical-hex"),
                    "{pointer} with a hex letter's case changed verifies unflagged"
                );
            }
        }
    }
}
