//! Hostile envelopes: any change to any member of any signed payload, re-encoded without
//! re-signing, never panics and is never accepted.

mod support;

use ebl::crypto::b64;
use ebl::json::Value;
use ebl::pint::{
    EblEnvelope, EnvelopeVerifyOptions, PintTrust, ResponseCode, verify_parsed_envelope,
};
use proptest::prelude::*;
use support::{at, pint_demo, read};

fn trust() -> PintTrust {
    support::pint_demo_trust(&["ed25519-carrier", "ed25519-eblplatform"])
}

fn envelope() -> EblEnvelope {
    ebl::json::from_slice(&read(&pint_demo(
        "HHL71800000-ebl-envelope-nodocs-ed25519.json",
    )))
    .expect("envelope")
}

fn arb_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[a-zA-Z0-9 ]{0,12}".prop_map(Value::String),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([{"actionCode": "ISSUE"}])),
    ]
}

/// Every path to a member or element of `value`, as JSON pointers.
fn pointers(value: &Value, prefix: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{prefix}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                pointers(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{prefix}/{i}");
                out.push(p.clone());
                pointers(v, p, out);
            }
        }
        _ => {}
    }
}

/// Replaces the member at `pointer` in the payload of JWS `compact`, keeping the signature.
fn forge(compact: &str, choice: usize, replacement: Value) -> String {
    let parts: Vec<&str> = compact.split('.').collect();
    let mut payload: Value =
        ebl::json::parse(&b64::decode_url(parts[1], "payload").expect("b64")).expect("json");
    let mut all = Vec::new();
    pointers(&payload, String::new(), &mut all);
    if let Some(target) = all
        .get(choice % all.len().max(1))
        .and_then(|p| payload.pointer_mut(p))
    {
        *target = replacement;
    }
    format!(
        "{}.{}.{}",
        parts[0],
        b64::encode_url(&serde_json::to_vec(&payload).expect("json")),
        parts[2]
    )
}

proptest! {
    #![proptest_config(support::proptest_config(128))]
    #[test]
    fn forged_payloads_are_never_accepted(which in 0usize..3, choice in any::<usize>(), replacement in arb_value()) {
        let mut envelope = envelope();
        match which {
            0 => envelope.envelope_manifest_signed_content = forge(&envelope.envelope_manifest_signed_content, choice, replacement),
            n => {
                let entry = &mut envelope.envelope_transfer_chain[n - 1];
                *entry = forge(entry, choice, replacement);
            }
        }
        let report = verify_parsed_envelope(&envelope, &trust(), &EnvelopeVerifyOptions::at(at("2026-11-26T00:00:00Z")));
        prop_assert_ne!(report.response_code, ResponseCode::Received);
    }

    #[test]
    fn arbitrary_envelope_shapes_never_panic(chain in prop::collection::vec("[A-Za-z0-9_.-]{0,40}", 0..4), manifest in "[A-Za-z0-9_.-]{0,40}", td in arb_value()) {
        let envelope = EblEnvelope {
            transport_document: td,
            envelope_manifest_signed_content: manifest,
            envelope_transfer_chain: chain,
            extra: serde_json::Map::new(),
        };
        let report = verify_parsed_envelope(&envelope, &trust(), &EnvelopeVerifyOptions::at(at("2026-11-26T00:00:00Z")));
        prop_assert_ne!(report.response_code, ResponseCode::Received);
    }
}
