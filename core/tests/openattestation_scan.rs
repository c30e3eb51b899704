//! `verify_bytes` reads a plain OpenAttestation document in one pass, hashing `data` as it
//! scans the bytes, and verifies anything else through the parsed value. Both must give the
//! same answer for every input: here, `verify_bytes` against the parsed path
//! (`parse_document` then `verify_value`, which never scans) over every JSON file in
//! `testdata/` and over generated wrapped documents, plain, awkward and damaged.

mod support;

use std::path::Path;

use ebl::json::Value;
use ebl::openattestation::{FixedSalts, wrap};
use ebl::verify::{VerifyContext, parse_document, verify_bytes, verify_value};
use proptest::prelude::*;
use serde_json::json;

fn context() -> VerifyContext {
    let mut context = VerifyContext::at("2026-06-01T00:00:00Z".parse().expect("time"));
    context
        .add_dns_txt_answers(
            br#"{"tradetrust.example.com": ["openatts net=ethereum netId=1 addr=0x1111111111111111111111111111111111111111"]}"#,
        )
        .expect("answers");
    context
}

/// The parsed path: what `verify_bytes` did before it scanned.
fn parsed_path(bytes: &[u8], context: &VerifyContext) -> ebl::Result<ebl::verify::Verification> {
    verify_value(&parse_document(bytes)?, context)
}

fn assert_same(bytes: &[u8], context: &VerifyContext) -> Result<(), String> {
    match (verify_bytes(bytes, context), parsed_path(bytes, context)) {
        (Ok(scanned), Ok(parsed)) if scanned == parsed => Ok(()),
        (Err(a), Err(b)) if a.to_string() == b.to_string() => Ok(()),
        (a, b) => Err(format!(
            "verify_bytes: {a:?}\nparsed path: {b:?}\ninput: {}",
            String::from_utf8_lossy(bytes)
        )),
    }
}

fn json_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("testdata") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_testdata_file_gets_the_same_verdict_both_ways() {
    let mut files = Vec::new();
    json_files(Path::new(&support::testdata("")), &mut files);
    assert!(files.len() > 50, "{} files", files.len());
    let context = context();
    let mut openattestation = 0;
    for file in &files {
        let bytes = std::fs::read(file).expect("read");
        if let Err(difference) = assert_same(&bytes, &context) {
            panic!("{}:\n{difference}", file.display());
        }
        openattestation += usize::from(
            verify_bytes(&bytes, &context)
                .is_ok_and(|v| v.format == ebl::detect::Format::OpenAttestationV2),
        );
    }
    assert!(
        openattestation >= 20,
        "{openattestation} OpenAttestation files"
    );
}

/// Salts for wrapping, the same every run.
fn salts() -> FixedSalts {
    FixedSalts::new(
        (0..4096u32)
            .map(|i| format!("{i:08x}-0000-4000-8000-{:012x}", u64::from(i) * 7919))
            .collect(),
    )
    .expect("uuid v4 salts")
}

/// Member names: mostly plain, sometimes ones the scan leaves to the parser.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z][a-zA-Z$_]{0,7}",
        1 => Just(String::new()),
        1 => "[0-9]{1,2}",
        1 => Just("__proto__".to_owned()),
        1 => "[a-z]{1,3}[\"\\\\\n\u{e9}\u{2028}]",
    ]
}

/// Leaves of the raw document: every JSON type, strings with characters that need escaping.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => "[ -~]{0,24}".prop_map(Value::from),
        2 => "[a-z\"\\\\/\n\t\u{1}\u{e9}\u{1f600}\u{2028}]{0,8}".prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => (-1e6f64..1e6).prop_map(Value::from),
        1 => any::<bool>().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => Just(json!({})),
        1 => Just(json!([])),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..5).prop_map(Value::Array),
            prop::collection::vec((name(), inner), 1..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A raw document: the members verification reports on, then generated ones.
fn raw_document() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((name(), tree()), 0..6),
        any::<bool>(),
    )
        .prop_map(|(members, with_identity)| {
            let mut data = serde_json::Map::new();
            if with_identity {
                data.insert("id".into(), json!("SGSZX-2026-0001"));
                data.insert("blNumber".into(), json!("BL-1"));
                data.insert(
                    "issuers".into(),
                    json!([{"name": "Carrier", "tokenRegistry": "0x1111111111111111111111111111111111111111",
                            "identityProof": {"type": "DNS-TXT", "location": "tradetrust.example.com"}}]),
                );
                data.insert("network".into(), json!({"chain": "ETH", "chainId": "1"}));
            }
            for (name, value) in members {
                data.insert(name, value);
            }
            Value::Object(data)
        })
}

/// How a wrapped document's bytes are changed before verifying.
#[derive(Debug, Clone)]
enum Damage {
    None,
    /// One byte replaced (may break the JSON, a hash, or nothing).
    Byte(prop::sample::Index, u8),
    /// A salted value replaced by a bare one.
    Unsalt(prop::sample::Index),
    /// The last character of a member name made a `.` (wrapping refuses such names, and
    /// OpenAttestation throws on them).
    Dot(prop::sample::Index),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        3 => Just(Damage::None),
        2 => (any::<prop::sample::Index>(), 0x20u8..0x7f).prop_map(|(i, b)| Damage::Byte(i, b)),
        1 => any::<prop::sample::Index>().prop_map(Damage::Unsalt),
        1 => any::<prop::sample::Index>().prop_map(Damage::Dot),
    ]
}

fn damaged(mut bytes: Vec<u8>, damage: &Damage) -> Vec<u8> {
    match damage {
        Damage::None => bytes,
        Damage::Byte(at, byte) => {
            let at = at.index(bytes.len());
            bytes[at] = *byte;
            bytes
        }
        Damage::Dot(which) => {
            let ends: Vec<usize> = bytes
                .windows(3)
                .enumerate()
                .filter(|(_, w)| w[1] == b'"' && w[2] == b':' && w[0].is_ascii_alphabetic())
                .map(|(i, _)| i)
                .collect();
            if !ends.is_empty() {
                bytes[ends[which.index(ends.len())]] = b'.';
            }
            bytes
        }
        Damage::Unsalt(which) => {
            let text = String::from_utf8(bytes).expect("UTF-8");
            let salted: Vec<usize> = text.match_indices("-4000-8000-").map(|(i, _)| i).collect();
            if salted.is_empty() {
                return text.into_bytes();
            }
            // A salt starts 13 characters before its `-4000-8000-`, and is followed by
            // `:<type>:`; drop all three.
            let at = salted[which.index(salted.len())] - 13;
            let rest = &text[at..];
            let Some(tag_end) = rest.get(37..).and_then(|r| r.find(':')).map(|i| 37 + i + 1) else {
                return text.into_bytes();
            };
            format!("{}{}", &text[..at], &rest[tag_end..]).into_bytes()
        }
    }
}

proptest! {
    #![proptest_config(support::proptest_config(256))]

    #[test]
    fn a_generated_document_gets_the_same_verdict_both_ways(
        raw in raw_document(),
        pretty in any::<bool>(),
        damage in damage(),
    ) {
        // Wrapping refuses what OpenAttestation cannot hash (a top-level `__proto__`, or a
        // top-level `""` that holds members); the damage below makes such documents.
        let wrapped = wrap(&raw, &mut salts());
        prop_assume!(wrapped.is_ok());
        let wrapped = wrapped.expect("wraps");
        let bytes = if pretty {
            serde_json::to_vec_pretty(wrapped.as_value())
        } else {
            serde_json::to_vec(wrapped.as_value())
        }
        .expect("serialises");
        let bytes = damaged(bytes, &damage);
        let context = context();
        if let Err(difference) = assert_same(&bytes, &context) {
            return Err(TestCaseError::fail(difference));
        }
    }
}
