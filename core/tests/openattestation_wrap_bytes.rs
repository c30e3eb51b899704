//! Wrapping from bytes with salts given as data (`FixedSalts`): what a C or Python caller does
//! to rebuild the fixed-salt interop vectors, whose salts are `00000000-0000-4000-8000-<n>`,
//! n = 1, 2, … in the order OpenAttestation gives them out.
#![cfg(feature = "openattestation")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ebl::ErrorCode;
use ebl::openattestation::{FixedSalts, OaError, wrap_batch_bytes, wrap_bytes};
use serde_json::Value;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/openattestation/vectors/"
);

fn read(file: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The fixed-salt vectors of the manifest: (input file, wrapped file, targetHash).
fn fixed_salt_vectors() -> Vec<(String, String, String)> {
    let manifest: Value = serde_json::from_slice(&read("manifest.json")).unwrap();
    manifest["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "wrapped-v2-fixed-salts")
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap().to_owned();
            (s("input"), s("file"), s("targetHash"))
        })
        .collect()
}

/// The counter salts of the expected `wrapped` document: one per salted value of its `data`.
fn salts_for(wrapped: &str) -> Vec<String> {
    fn count(value: &Value) -> usize {
        match value {
            Value::String(s) => usize::from(s.starts_with("00000000-0000-4000-8000-")),
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(members) => members.values().map(count).sum(),
            _ => 0,
        }
    }
    let doc: Value = serde_json::from_slice(&read(wrapped)).unwrap();
    (1..=count(&doc["data"]))
        .map(|n| format!("00000000-0000-4000-8000-{n:012x}"))
        .collect()
}

#[test]
fn fixed_salts_rebuild_the_vectors_byte_for_byte_using_every_salt() {
    let vectors = fixed_salt_vectors();
    assert_eq!(vectors.len(), 2);
    for (input, file, target_hash) in vectors {
        let mut salts = FixedSalts::new(salts_for(&file)).unwrap();
        let wrapped = wrap_bytes(&read(&input), &mut salts).unwrap();
        let expected = String::from_utf8(read(&file)).unwrap();
        assert_eq!(wrapped.to_pretty_json() + "\n", expected, "{file}");
        assert_eq!(wrapped.target_hash(), Some(target_hash.as_str()));
        assert_eq!(salts.remaining(), 0, "{file}: one salt per leaf");
    }
}

#[test]
fn running_out_of_salts_is_a_clear_error() {
    let (input, file, _) = fixed_salt_vectors().remove(0);
    let mut salts = salts_for(&file);
    let given = salts.len() - 1;
    salts.truncate(given);
    let err = wrap_bytes(&read(&input), &mut FixedSalts::new(salts).unwrap()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::OaInvalidSalt);
    assert!(
        matches!(&err, ebl::Error::OpenAttestation(OaError::FixedSaltsExhausted { given: g }) if *g == given),
        "{err}"
    );
}

#[test]
fn a_malformed_salt_is_refused_with_its_position() {
    let mut salts = salts_for("bill-of-lading-generic-templates.deterministic-salts.wrapped.json");
    salts[3] = "00000000-0000-3000-8000-000000000004".into(); // version 3, not 4
    let err = FixedSalts::new(salts).unwrap_err();
    assert_eq!(err.code(), ErrorCode::OaInvalidSalt);
    assert!(err.to_string().contains("fixed salt 3"), "{err}");
}

#[test]
fn raw_bytes_that_are_not_an_object_or_not_json_are_refused() {
    let one = || FixedSalts::new(vec!["00000000-0000-4000-8000-000000000001".into()]).unwrap();
    assert_eq!(
        wrap_bytes(b"[1]", &mut one()).unwrap_err().code(),
        ErrorCode::OaMalformed
    );
    assert_eq!(
        wrap_bytes(b"{\"a\": ", &mut one()).unwrap_err().code(),
        ErrorCode::JsonSyntax
    );
}

#[test]
fn a_batch_from_bytes_shares_one_root_and_names_a_refused_document() {
    let inputs: Vec<Vec<u8>> = fixed_salt_vectors()
        .iter()
        .map(|(input, _, _)| read(input))
        .collect();
    let salts = || {
        FixedSalts::new(
            salts_for("bill-of-lading-generic-templates.deterministic-salts.wrapped.json")
                .into_iter()
                .chain(
                    salts_for("edge-cases-unicode-numbers.deterministic-salts.wrapped.json")
                        .into_iter()
                        .map(|s| s.replace("-8000-", "-9000-")),
                )
                .collect(),
        )
        .unwrap()
    };
    let docs = wrap_batch_bytes(&inputs, &mut salts()).unwrap();
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().all(|d| d.verify().is_valid()));
    assert_eq!(docs[0].merkle_root(), docs[1].merkle_root());
    assert_ne!(docs[0].target_hash(), docs[1].target_hash());
    // The first document is the one wrapped alone with the same salts, up to the signature.
    let alone = wrap_bytes(&inputs[0], &mut salts()).unwrap();
    assert_eq!(docs[0].as_value()["data"], alone.as_value()["data"]);
    assert_eq!(docs[0].target_hash(), alone.target_hash());

    for (bad, code) in [
        (b"{\"a.b\": 1}".as_slice(), ErrorCode::OaUnhashableKey),
        (b"{".as_slice(), ErrorCode::JsonSyntax),
    ] {
        let batch = [inputs[0].as_slice(), bad];
        let err = wrap_batch_bytes(&batch, &mut salts()).unwrap_err();
        assert_eq!(err.code(), code);
        assert!(
            matches!(
                &err,
                ebl::Error::OpenAttestation(OaError::BatchDocument { index: 1, .. })
            ),
            "{err}"
        );
        assert!(
            err.to_string().starts_with("document 1 of the batch: "),
            "{err}"
        );
    }
    let none: [&[u8]; 0] = [];
    assert_eq!(
        wrap_batch_bytes(&none, &mut salts()).unwrap_err().code(),
        ErrorCode::OaEmptyBatch
    );
}
