//! Wrapping: salting raw data, computing its `targetHash`, and joining a batch under one
//! Merkle root.

use serde_json::{Map, Value};

use super::digest::{Scratch, digest};
use super::merkle::MerkleTree;
use super::salt::{SaltSource, salt_data};
use super::{OaError, SCHEMA_V2, WrappedDocument};
use crate::json::{Limits, parse_with};

/// Parses a raw (unwrapped) OpenAttestation document as JavaScript's `JSON.parse` reads it
/// (integers beyond 2^53 rounded), since OpenAttestation salts and hashes what JavaScript
/// sees. The strict parser's other checks (duplicate members, depth, UTF-8) still apply.
///
/// ```
/// use ebl::openattestation::{parse_raw_document, wrap, FixedSalts};
/// let bytes = br#"{"n": 9007199254740993}"#;
/// assert!(ebl::json::parse(bytes).is_err(), "beyond what a double holds: refused by the strict parser");
/// let raw = parse_raw_document(bytes)?;
/// let mut salts = FixedSalts::new(vec!["00000000-0000-4000-8000-000000000001".into()])?;
/// // Hashed as JavaScript sees it: String(9007199254740993) is "9007199254740992".
/// assert_eq!(wrap(&raw, &mut salts)?.as_value()["data"]["n"],
///            "00000000-0000-4000-8000-000000000001:number:9007199254740992");
/// # Ok::<(), ebl::Error>(())
/// ```
///
/// # Errors
/// JSON errors, with the JSON path.
pub fn parse_raw_document(bytes: &[u8]) -> crate::Result<Value> {
    Ok(parse_with(bytes, &Limits::javascript_numbers())?)
}

/// [`wrap`] from the raw document's bytes ([`parse_raw_document`]), for callers that hold a
/// file or a buffer rather than a parsed value.
///
/// ```
/// use ebl::openattestation::{wrap_bytes, FixedSalts};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"),
///     "/../testdata/openattestation/vectors/bill-of-lading-generic-templates.input.json");
/// let salts = (1..=200).map(|n| format!("00000000-0000-4000-8000-{n:012x}")).collect();
/// let doc = wrap_bytes(&std::fs::read(path).unwrap(), &mut FixedSalts::new(salts)?)?;
/// assert!(doc.verify().is_valid());
/// # Ok::<(), ebl::Error>(())
/// ```
///
/// # Errors
/// As [`parse_raw_document`] and [`wrap`].
pub fn wrap_bytes(bytes: &[u8], salts: &mut dyn SaltSource) -> crate::Result<WrappedDocument> {
    wrap(&parse_raw_document(bytes)?, salts)
}

/// Wraps one raw OpenAttestation v2 document (the `data` of the result), as
/// OpenAttestation's `wrapDocument` does: every primitive is salted with a salt from `salts`,
/// `signature.proof` is empty and `merkleRoot` equals `targetHash`.
///
/// Members are written in JavaScript property order (array-index names first), so with the
/// same salts the result is byte for byte what the JavaScript library writes. The raw data is
/// not checked against OpenAttestation's JSON schema (issuers, identity proof); wrapping
/// arbitrary data is allowed, as OpenAttestation's `__unsafe__` wrappers allow it.
///
/// ```
/// use ebl::openattestation::{wrap, UuidV4Salts};
/// let raw = serde_json::json!({"blNumber": "SGCNM21566325", "packages": [{"weight": 10}]});
/// let rng = ring::rand::SystemRandom::new();
/// let doc = wrap(&raw, &mut UuidV4Salts::new(&rng))?;
/// assert!(doc.verify().is_valid());
/// assert_eq!(doc.data()?, raw);
/// # Ok::<(), ebl::Error>(())
/// ```
///
/// # Errors
/// [`OaError::Malformed`] if `data` is not an object, [`OaError::KeyWithDot`] for a member
/// name with `.`, [`OaError::UnprotectedMember`] for a member the hash would not cover,
/// [`OaError::InvalidSalt`] if the salt source gives something other than a UUID v4.
pub fn wrap(data: &Value, salts: &mut dyn SaltSource) -> crate::Result<WrappedDocument> {
    wrap_with(data, salts, &mut Scratch::default())
}

fn wrap_with(
    data: &Value,
    salts: &mut dyn SaltSource,
    scratch: &mut Scratch,
) -> crate::Result<WrappedDocument> {
    if !data.is_object() {
        return Err(OaError::malformed("$", "the raw document must be a JSON object").into());
    }
    if matches!(data.get(""), Some(Value::Object(m)) if !m.is_empty())
        || matches!(data.get(""), Some(Value::Array(a)) if !a.is_empty())
    {
        return Err(OaError::UnprotectedMember {
            path: "$.data['']".to_owned(),
            message: "OpenAttestation flattens the members of a top-level \"\" without a prefix, so they could replace other members in the hash".to_owned(),
        }
        .into());
    }
    let salted = salt_data(data, salts, &mut Vec::new())?;
    let d = digest(&salted, &[], scratch)?;
    let target = hex::encode(d.target_hash);
    let mut doc = Map::new();
    doc.insert("version".into(), Value::String(SCHEMA_V2.into()));
    doc.insert("data".into(), salted);
    doc.insert("signature".into(), signature(&target, &[], &target));
    Ok(WrappedDocument::from_object(doc))
}

fn signature(target: &str, proof: &[[u8; 32]], root: &str) -> Value {
    let mut s = Map::new();
    s.insert("type".into(), Value::String("SHA3MerkleProof".into()));
    s.insert("targetHash".into(), Value::String(target.to_owned()));
    s.insert(
        "proof".into(),
        Value::Array(
            proof
                .iter()
                .map(|p| Value::String(hex::encode(p)))
                .collect(),
        ),
    );
    s.insert("merkleRoot".into(), Value::String(root.to_owned()));
    Value::Object(s)
}

/// Wraps several raw documents under one Merkle root, as `wrapDocuments` does: each gets its
/// own `targetHash`, the shared `merkleRoot` and the proof from its leaf to the root.
///
/// One DID signature or one token-registry entry then covers the whole batch. TradeTrust
/// uses the root as the token id, so transferable eBLs are wrapped one per batch.
///
/// ```
/// use ebl::openattestation::{wrap_batch, UuidV4Salts};
/// let rng = ring::rand::SystemRandom::new();
/// let raws: Vec<_> = (0..5).map(|i| serde_json::json!({"n": i})).collect();
/// let docs = wrap_batch(&raws, &mut UuidV4Salts::new(&rng))?;
/// assert!(docs.iter().all(|d| d.verify().is_valid()));
/// assert!(docs.iter().all(|d| d.merkle_root() == docs[0].merkle_root()));
/// # Ok::<(), ebl::Error>(())
/// ```
///
/// # Errors
/// [`OaError::BatchDocument`] naming the first document [`wrap`] refuses, with that error
/// (and its code); [`OaError::EmptyBatch`] for no documents.
pub fn wrap_batch(
    data: &[Value],
    salts: &mut dyn SaltSource,
) -> crate::Result<Vec<WrappedDocument>> {
    if data.is_empty() {
        return Err(OaError::EmptyBatch.into());
    }
    let mut scratch = Scratch::default();
    let mut docs = Vec::with_capacity(data.len());
    let mut targets = Vec::with_capacity(data.len());
    for (i, raw) in data.iter().enumerate() {
        let doc = wrap_with(raw, salts, &mut scratch).map_err(in_batch(i))?;
        let target = doc
            .target_hash()
            .and_then(crate::checksum::decode_lower_hex32)
            .ok_or_else(|| crate::Error::InvalidArgument("internal: no target hash".into()))?;
        targets.push(target);
        docs.push(doc);
    }
    let tree = MerkleTree::new(&targets);
    let root = hex::encode(tree.root());
    for (doc, target) in docs.iter_mut().zip(&targets) {
        let proof = tree.proof(target).unwrap_or_default();
        doc.set_signature(signature(&hex::encode(target), &proof, &root));
    }
    Ok(docs)
}

/// [`wrap_batch`] from the raw documents' bytes ([`parse_raw_document`]): one Merkle root over
/// all of them, for callers that hold files or buffers.
///
/// ```
/// use ebl::openattestation::{wrap_batch_bytes, FixedSalts, OaError};
/// let salts = (1..=4).map(|n| format!("00000000-0000-4000-8000-{n:012x}")).collect();
/// let docs = wrap_batch_bytes(&[br#"{"n": 1}"#.as_slice(), br#"{"n": 2}"#], &mut FixedSalts::new(salts)?)?;
/// assert_eq!(docs[0].merkle_root(), docs[1].merkle_root());
/// // A document that cannot be read is named by its position.
/// let salts = (1..=4).map(|n| format!("00000000-0000-4000-8000-{n:012x}")).collect();
/// let err = wrap_batch_bytes(&[br#"{"n": 1}"#.as_slice(), b"[2]"], &mut FixedSalts::new(salts)?).unwrap_err();
/// assert!(matches!(err, ebl::Error::OpenAttestation(OaError::BatchDocument { index: 1, .. })));
/// # Ok::<(), ebl::Error>(())
/// ```
///
/// # Errors
/// [`OaError::EmptyBatch`] for no documents; [`OaError::BatchDocument`] naming the first
/// document that [`parse_raw_document`] or [`wrap`] refuses, with that error (and its code).
pub fn wrap_batch_bytes<B: AsRef<[u8]>>(
    documents: &[B],
    salts: &mut dyn SaltSource,
) -> crate::Result<Vec<WrappedDocument>> {
    let data = documents
        .iter()
        .enumerate()
        .map(|(i, bytes)| parse_raw_document(bytes.as_ref()).map_err(in_batch(i)))
        .collect::<crate::Result<Vec<_>>>()?;
    wrap_batch(&data, salts)
}

/// The error of document `index` of a batch, naming it.
fn in_batch(index: usize) -> impl Fn(crate::Error) -> crate::Error {
    move |error| {
        OaError::BatchDocument {
            index,
            error: Box::new(error),
        }
        .into()
    }
}
