//! IntegrityCheck of an OpenAttestation v2 document's integrity, as `verifySignature` decides
//! it, with a report of everything found on the way.

use serde::Serialize;
use serde_json::Value;

use super::digest::{Scratch, digest, finish};
use super::merkle::{check_proof, node_hex_decode};
use super::scan::{KNOWN_TOP_LEVEL, scan_plain};
use super::{SCHEMA_V2, WrappedDocument};
use crate::checksum::decode_lower_hex32;
use crate::report::{Finding, is_clean};

/// The outcome of verifying a document's integrity.
///
/// [`is_valid`](IntegrityCheck::is_valid) is OpenAttestation's `verifySignature` verdict. It
/// covers `data` and `privacy.obfuscatedData` only: `version`, `schema`, the DID `proof` and
/// any other top-level member are outside the hash, and nothing here says the document was
/// issued (token registry, document store) or who issued it (DNS, DID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntegrityCheck {
    /// The `targetHash` computed from the document, lowercase hex (absent if it could not be
    /// computed).
    pub computed_target_hash: Option<String>,
    /// The `merkleRoot` the document claims, as written (the token id on a TradeTrust
    /// registry is `0x` + this).
    pub merkle_root: Option<String>,
    /// Number of visible leaves hashed.
    pub visible_leaves: usize,
    /// Number of `privacy.obfuscatedData` entries.
    pub obfuscated_leaves: usize,
    /// Everything found; any [`Severity::Error`](crate::report::Severity::Error) makes the
    /// document invalid.
    pub findings: Vec<Finding>,
}

impl IntegrityCheck {
    /// Whether the integrity check passed (no error finding).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        is_clean(&self.findings)
    }
}

/// Verifies documents with reused buffers, which is faster when verifying many.
///
/// ```
/// use ebl::openattestation::{IntegrityVerifier, WrappedDocument};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"),
///     "/../testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json");
/// let doc = WrappedDocument::from_bytes(&std::fs::read(path).unwrap())?;
/// let mut verifier = IntegrityVerifier::new();
/// let report = verifier.verify(&doc);
/// assert!(report.is_valid(), "{:?}", report.findings);
/// assert_eq!(report.visible_leaves, 134);
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Default)]
pub struct IntegrityVerifier {
    scratch: Scratch,
}

impl IntegrityVerifier {
    /// A verifier with empty buffers.
    #[must_use]
    pub fn new() -> IntegrityVerifier {
        IntegrityVerifier::default()
    }

    /// Verifies one document (see [`WrappedDocument::verify`]).
    pub fn verify(&mut self, doc: &WrappedDocument) -> IntegrityCheck {
        verify_value(doc.as_value(), &mut self.scratch, Leaves::Hash)
    }

    /// Reads and verifies a document from its bytes in one pass when it is plain (see
    /// [`super::scan`]): the returned document holds of `data` only the members verification
    /// reports on. `None` when the scan steps aside; then parse the bytes and call
    /// [`IntegrityVerifier::verify`], which gives the same answer for any document.
    pub(crate) fn verify_plain_bytes(
        &mut self,
        bytes: &[u8],
    ) -> Option<(WrappedDocument, IntegrityCheck)> {
        let document = scan_plain(bytes, &mut self.scratch)?;
        let check = verify_value(document.as_value(), &mut self.scratch, Leaves::Scanned);
        Some((document, check))
    }
}

/// Where the leaf hashes of `data` come from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Leaves {
    /// Hash them from the document's `data`.
    Hash,
    /// Already in the scratch buffers, from a scan of the bytes (`data` is partial).
    Scanned,
}

const SCHEMA_V3: &str = "https://schema.openattestation.com/3.0/schema.json";

fn verify_value(doc: &Value, scratch: &mut Scratch, leaves: Leaves) -> IntegrityCheck {
    let mut report = IntegrityCheck {
        computed_target_hash: None,
        merkle_root: None,
        visible_leaves: 0,
        obfuscated_leaves: 0,
        findings: Vec::new(),
    };
    let findings = &mut report.findings;
    let Some(top) = doc.as_object() else {
        findings.push(Finding::error(
            "oa-malformed",
            "$",
            "the document is not a JSON object",
        ));
        return report;
    };

    match top.get("version") {
        Some(Value::String(v)) if v == SCHEMA_V2 => {}
        Some(Value::String(v)) if v == SCHEMA_V3 => findings.push(Finding::error(
            "oa-unsupported-version",
            "$.version",
            "OpenAttestation v3 documents are not supported (only v2)",
        )),
        _ if top.contains_key("@context") => findings.push(Finding::error(
            "oa-unsupported-version",
            "$['@context']",
            "a W3C credential (OpenAttestation v3/v4 or TrustVC) is not an OpenAttestation v2 document",
        )),
        other => findings.push(Finding::warning(
            "oa-unexpected-version",
            "$.version",
            format!(
                "version is {}, not {SCHEMA_V2:?}; it is not covered by the hash, so OpenAttestation verifies the document anyway",
                other.map_or_else(|| "missing".to_owned(), crate::json::to_js_string)
            ),
        )),
    }
    for key in top.keys() {
        if !KNOWN_TOP_LEVEL.contains(&key.as_str()) {
            findings.push(Finding::warning(
                "oa-unhashed-member",
                crate::json::JsonPath::root().key(key).to_string(),
                "this top-level member is not covered by the hash: it may have been added or changed after wrapping",
            ));
        }
    }

    let signature = match top.get("signature") {
        None | Some(Value::Null | Value::Bool(false)) => {
            findings.push(Finding::error(
                "oa-no-signature",
                "$.signature",
                "the document has no signature block; it was never wrapped",
            ));
            return report;
        }
        Some(Value::Object(s)) => s,
        Some(_) => {
            findings.push(Finding::error(
                "oa-malformed",
                "$.signature",
                "the signature block is not an object",
            ));
            return report;
        }
    };
    if signature.get("type").and_then(Value::as_str) != Some("SHA3MerkleProof") {
        findings.push(Finding::warning(
            "oa-unexpected-signature-type",
            "$.signature.type",
            "signature.type is not \"SHA3MerkleProof\" (OpenAttestation does not check it)",
        ));
    }

    // privacy.obfuscatedData, read as lodash `get(doc, "privacy.obfuscatedData", [])` does.
    let empty = Vec::new();
    let obfuscated = match top
        .get("privacy")
        .and_then(|p| p.as_object())
        .and_then(|p| p.get("obfuscatedData"))
    {
        None => &empty,
        Some(Value::Array(items)) => items,
        Some(_) => {
            findings.push(Finding::error(
                "oa-malformed",
                "$.privacy.obfuscatedData",
                "privacy.obfuscatedData is not an array of hashes",
            ));
            return report;
        }
    };
    report.obfuscated_leaves = obfuscated.len();
    for (i, item) in obfuscated.iter().enumerate() {
        if item.as_str().and_then(decode_lower_hex32).is_none() {
            findings.push(Finding::warning(
                "oa-noncanonical-hex",
                format!("$.privacy.obfuscatedData[{i}]"),
                "an obfuscated entry should be 64 lowercase hex digits",
            ));
        }
    }

    let Some(data) = top.get("data") else {
        findings.push(Finding::error(
            "oa-malformed",
            "$.data",
            "the document has no data",
        ));
        return report;
    };
    let digested = match leaves {
        Leaves::Hash => digest(data, obfuscated, scratch),
        Leaves::Scanned => finish(Vec::new(), obfuscated, scratch),
    };
    let computed = match digested {
        Ok(d) => {
            report.visible_leaves = d.leaves;
            findings.extend(d.findings);
            let hex = hex::encode(d.target_hash);
            report.computed_target_hash = Some(hex.clone());
            Some(hex)
        }
        Err(e) => {
            let (path, message) = match &e {
                super::OaError::KeyWithDot { path, .. }
                | super::OaError::Malformed { path, .. } => (path.clone(), e.to_string()),
                _ => ("$.data".to_owned(), e.to_string()),
            };
            findings.push(Finding::error("oa-unhashable", path, message));
            None
        }
    };

    let claimed_target = signature.get("targetHash");
    match (claimed_target, &computed) {
        (Some(Value::String(t)), Some(c)) if t == c => {}
        (Some(Value::String(t)), Some(c)) => findings.push(Finding::error(
            "oa-target-hash-mismatch",
            "$.signature.targetHash",
            if t.eq_ignore_ascii_case(c) {
                "targetHash differs from the computed hash only in letter case, which OpenAttestation rejects".to_owned()
            } else {
                format!("the data does not hash to targetHash (computed {c}): a value was changed, added or removed after wrapping")
            },
        )),
        (_, Some(_)) => findings.push(Finding::error(
            "oa-target-hash-mismatch",
            "$.signature.targetHash",
            "targetHash is missing or not a string",
        )),
        (_, None) => {}
    }

    check_merkle(signature, claimed_target, &mut report);
    report
}

fn check_merkle(
    signature: &serde_json::Map<String, Value>,
    claimed_target: Option<&Value>,
    report: &mut IntegrityCheck,
) {
    let findings = &mut report.findings;
    let root = match signature.get("merkleRoot") {
        Some(Value::String(r)) => {
            report.merkle_root = Some(r.clone());
            r
        }
        _ => {
            findings.push(Finding::error(
                "oa-merkle-proof-mismatch",
                "$.signature.merkleRoot",
                "merkleRoot is missing or not a string",
            ));
            return;
        }
    };
    if decode_lower_hex32(root).is_none() {
        findings.push(Finding::warning(
            "oa-noncanonical-hex",
            "$.signature.merkleRoot",
            "merkleRoot should be 64 lowercase hex digits (OpenAttestation decodes it leniently)",
        ));
    }
    let steps = match signature.get("proof") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            let mut steps = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let Value::String(s) = item else {
                    findings.push(Finding::error(
                        "oa-malformed",
                        format!("$.signature.proof[{i}]"),
                        "a proof step is not a hex string",
                    ));
                    return;
                };
                if decode_lower_hex32(s).is_none() {
                    findings.push(Finding::warning(
                        "oa-noncanonical-hex",
                        format!("$.signature.proof[{i}]"),
                        "a proof step should be 64 lowercase hex digits (OpenAttestation decodes it leniently)",
                    ));
                }
                steps.push(node_hex_decode(s));
            }
            steps
        }
        Some(_) => {
            findings.push(Finding::error(
                "oa-malformed",
                "$.signature.proof",
                "signature.proof is not an array",
            ));
            return;
        }
    };
    let Some(Value::String(target)) = claimed_target else {
        return;
    };
    let steps: Vec<&[u8]> = steps.iter().map(Vec::as_slice).collect();
    if !check_proof(&steps, &node_hex_decode(root), &node_hex_decode(target)) {
        findings.push(Finding::error(
            "oa-merkle-proof-mismatch",
            "$.signature.merkleRoot",
            "the proof does not lead from targetHash to merkleRoot",
        ));
    }
}

/// Verifies with fresh buffers (see [`IntegrityVerifier`] to reuse them).
pub(crate) fn verify_document(doc: &WrappedDocument) -> IntegrityCheck {
    verify_value(doc.as_value(), &mut Scratch::default(), Leaves::Hash)
}
