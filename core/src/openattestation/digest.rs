//! The OpenAttestation v2 `targetHash`: Keccak-256 over the sorted leaf hashes.
//!
//! `leaf = keccak256(JSON.stringify({[path]: value}))` for every flattened leaf of `data`;
//! the leaf hashes (hex) and the `privacy.obfuscatedData` entries are sorted and
//! `targetHash = keccak256(JSON.stringify(sortedList))`. "SHA3" in OpenAttestation's names is
//! the original Keccak-256 (Ethereum's), not FIPS 202 SHA3-256.

use serde_json::{Map, Value};
use sha3::{Digest as _, Keccak256};

use super::OaError;
use super::flatten::{LeafSink, Order, Seg, flatten_children, json_path};
use super::jsorder::array_index;
use super::salt::is_uuid_v4;
use crate::json::{number_as_f64, write_js_number, write_js_string};
use crate::report::Finding;

/// Keccak-256 (the Ethereum variant, as npm `js-sha3`'s `keccak256`).
///
/// ```
/// use ebl::openattestation::keccak256;
/// assert_eq!(hex::encode(keccak256(b"")),
///            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
/// ```
#[must_use]
pub fn keccak256(bytes: &[u8]) -> [u8; 32] {
    Keccak256::digest(bytes).into()
}

/// Writes the `JSON.stringify` form of a leaf value (a primitive, `{}` or `[]`).
pub(crate) fn write_leaf_value(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => write_js_string(out, s),
        Value::Number(n) => write_js_number(out, number_as_f64(n)),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Null => out.push_str("null"),
        // Only empty containers are leaves; a non-empty one cannot reach here, but writing
        // its full form would still be what JSON.stringify does.
        other => out.push_str(&crate::json::to_js_string(other)),
    }
}

/// The preimage `{"<path>":<value>}` of a leaf hash, written into `out` (cleared first).
pub(crate) fn leaf_preimage(out: &mut String, path: &str, value: &Value) {
    out.clear();
    out.push('{');
    write_js_string(out, path);
    out.push(':');
    write_leaf_value(out, value);
    out.push('}');
}

/// The hash of one flattened leaf.
#[must_use]
pub(crate) fn leaf_hash(buf: &mut String, path: &str, value: &Value) -> [u8; 32] {
    leaf_preimage(buf, path, value);
    keccak256(buf.as_bytes())
}

/// What computing the digest found besides the hash itself (all are things OpenAttestation
/// accepts silently; verification reports them as warnings).
#[derive(Debug, Default)]
pub(crate) struct Digest {
    /// The computed `targetHash`.
    pub target_hash: [u8; 32],
    /// Number of visible leaves hashed.
    pub leaves: usize,
    /// Warnings about the data.
    pub findings: Vec<Finding>,
}

/// Reused buffers for computing digests; one per thread of verification.
#[derive(Default)]
pub(crate) struct Scratch {
    path: String,
    preimage: String,
    hashes: Vec<[u8; 32]>,
    list: Vec<u8>,
}

struct HashSink<'s> {
    preimage: &'s mut String,
    hashes: &'s mut Vec<[u8; 32]>,
    findings: Vec<Finding>,
    /// Collecting `(path, value)` instead of hashing at once, for documents whose paths can
    /// collide (see [`collisions_possible`]).
    collected: Option<Vec<(String, Value, String)>>,
}

impl<'v> LeafSink<'v> for HashSink<'_> {
    fn leaf(&mut self, path: &str, value: &'v Value, segs: &[Seg<'v>]) {
        if !is_salted(value) {
            self.findings.push(Finding::warning(
                "oa-unsalted-value",
                json_path(segs),
                "the value is not a salted \"<uuid v4>:<type>:<value>\" string; OpenAttestation hashes it as it is, but it can be guessed from its hash and is not what wrapping produces",
            ));
        }
        if path == "__proto__" {
            // `output["__proto__"] = value` sets the prototype instead of a member, so
            // OpenAttestation leaves this value out of the hash.
            self.findings.push(Finding::warning(
                "oa-unhashed-proto-member",
                json_path(segs),
                "OpenAttestation's flattening drops a leaf whose path is \"__proto__\", so this value is not covered by the hash and may have been changed",
            ));
            return;
        }
        if let Some(collected) = &mut self.collected {
            collected.push((path.to_owned(), value.clone(), json_path(segs)));
        } else {
            self.hashes.push(leaf_hash(self.preimage, path, value));
        }
    }

    fn object(&mut self, map: &'v Map<String, Value>, segs: &[Seg<'v>]) {
        if looks_like_array(map) {
            self.findings.push(Finding::warning(
                "oa-array-object-ambiguity",
                json_path(segs),
                "an object whose member names are 0, 1, 2, … flattens exactly like an array, so OpenAttestation cannot tell whether an array was turned into this object (or back) after wrapping",
            ));
        }
    }
}

/// Whether a value is a salted string as wrapping produces it.
fn is_salted(value: &Value) -> bool {
    match value {
        Value::String(s) => {
            s.len() > 37
                && s.as_bytes().get(36) == Some(&b':')
                && s.get(..36).is_some_and(is_uuid_v4)
                && s.get(37..).is_some_and(|rest| {
                    ["string:", "number:", "boolean:", "null:", "undefined:"]
                        .iter()
                        .any(|t| rest.starts_with(t))
                })
        }
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// An object whose names are exactly `"0"`, `"1"`, … `"n-1"` (in any order).
fn looks_like_array(map: &Map<String, Value>) -> bool {
    let n = map.len();
    let mut seen = vec![false; n];
    for key in map.keys() {
        match array_index(key).and_then(|i| usize::try_from(i).ok()) {
            Some(i) if i < n && !seen[i] => seen[i] = true,
            _ => return false,
        }
    }
    true
}

/// Whether two different leaves could get the same flattened path: only through a top-level
/// member named `""` that holds a non-empty object or array (its children lose the prefix).
fn collisions_possible(data: &Value) -> bool {
    match data.get("") {
        Some(Value::Object(m)) => !m.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        _ => false,
    }
}

/// An entry of `privacy.obfuscatedData` as OpenAttestation sorts it.
enum Entry<'a> {
    Hash([u8; 32]),
    Text(&'a str),
}

/// Computes the digest of `data` with the obfuscated hashes `obfuscated`.
///
/// Errors are conditions under which OpenAttestation throws instead of answering
/// (a `.` in a name, `data` not an object or array, an obfuscated entry not a string).
pub(crate) fn digest(
    data: &Value,
    obfuscated: &[Value],
    scratch: &mut Scratch,
) -> Result<Digest, OaError> {
    if !(data.is_object() || data.is_array()) {
        return Err(OaError::malformed("$.data", "data must be an object"));
    }
    scratch.hashes.clear();
    scratch.path.clear();
    let mut sink = HashSink {
        preimage: &mut scratch.preimage,
        hashes: &mut scratch.hashes,
        findings: Vec::new(),
        collected: collisions_possible(data).then(Vec::new),
    };
    let mut segs = Vec::with_capacity(16);
    flatten_children(data, &mut scratch.path, &mut segs, Order::Stored, &mut sink)?;
    let mut findings = std::mem::take(&mut sink.findings);
    if let Some(collected) = sink.collected.take() {
        // The flattened output is a JavaScript object: a repeated path keeps its first
        // position and its last value.
        findings.push(Finding::warning(
            "oa-empty-name-prefix",
            "$.data['']",
            "the leaves under a top-level member named \"\" are flattened without a prefix and can replace top-level values of the same name",
        ));
        let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, (path, _, _)) in collected.iter().enumerate() {
            last.insert(path.as_str(), i);
        }
        for (i, (path, value, at)) in collected.iter().enumerate() {
            if last.get(path.as_str()) == Some(&i) {
                scratch
                    .hashes
                    .push(leaf_hash(&mut scratch.preimage, path, value));
            } else {
                findings.push(Finding::warning(
                    "oa-leaf-overwritten",
                    at.clone(),
                    format!("another leaf has the same flattened path {path:?} and replaces this one in the hash"),
                ));
            }
        }
    }
    let leaves = scratch.hashes.len();

    // Obfuscated entries: the fast path is canonical lowercase hex.
    let mut entries = Vec::new();
    let mut all_hex = true;
    for (i, item) in obfuscated.iter().enumerate() {
        let Value::String(s) = item else {
            return Err(OaError::malformed(
                format!("$.privacy.obfuscatedData[{i}]"),
                "an obfuscated hash must be a string",
            ));
        };
        match decode_lower_hex32(s) {
            Some(h) => entries.push(Entry::Hash(h)),
            None => {
                all_hex = false;
                entries.push(Entry::Text(s));
            }
        }
    }
    let target_hash = if all_hex {
        for e in entries {
            if let Entry::Hash(h) = e {
                scratch.hashes.push(h);
            }
        }
        scratch.hashes.sort_unstable();
        hash_sorted_hex(&scratch.hashes, &mut scratch.list)
    } else {
        // lodash `sortBy` compares strings by UTF-16 code units.
        let mut texts: Vec<String> = scratch.hashes.iter().map(hex::encode).collect();
        for e in entries {
            match e {
                Entry::Hash(h) => texts.push(hex::encode(h)),
                Entry::Text(t) => texts.push(t.to_owned()),
            }
        }
        texts.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
        let mut out = String::from("[");
        for (i, t) in texts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_js_string(&mut out, t);
        }
        out.push(']');
        keccak256(out.as_bytes())
    };
    Ok(Digest {
        target_hash,
        leaves,
        findings,
    })
}

/// `keccak256(JSON.stringify(hexList))` for sorted hashes, without per-entry allocation.
fn hash_sorted_hex(hashes: &[[u8; 32]], list: &mut Vec<u8>) -> [u8; 32] {
    list.clear();
    list.reserve(hashes.len() * 67 + 2);
    list.push(b'[');
    let mut hexbuf = [0u8; 64];
    for (i, h) in hashes.iter().enumerate() {
        if i > 0 {
            list.push(b',');
        }
        list.push(b'"');
        // The buffer is exactly twice the input length, so encoding cannot fail.
        if hex::encode_to_slice(h, &mut hexbuf).is_ok() {
            list.extend_from_slice(&hexbuf);
        }
        list.push(b'"');
    }
    list.push(b']');
    keccak256(list)
}

/// 64 lowercase hex digits as 32 bytes.
pub(crate) fn decode_lower_hex32(s: &str) -> Option<[u8; 32]> {
    let b = s.as_bytes();
    if b.len() != 64 || !b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(b, &mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_leaf_digest_matches_hand_computation() {
        let data = serde_json::json!({"a": "00000000-0000-4000-8000-000000000001:string:x"});
        let d = digest(&data, &[], &mut Scratch::default()).expect("test");
        let leaf = keccak256(br#"{"a":"00000000-0000-4000-8000-000000000001:string:x"}"#);
        let list = format!("[\"{}\"]", hex::encode(leaf));
        assert_eq!(d.target_hash, keccak256(list.as_bytes()));
        assert_eq!(d.leaves, 1);
        assert!(d.findings.is_empty());
    }

    #[test]
    fn odd_obfuscated_entries_sort_as_javascript_strings() {
        let data = serde_json::json!({});
        let obf = [serde_json::json!("B"), serde_json::json!("a")];
        let d = digest(&data, &obf, &mut Scratch::default()).expect("test");
        assert_eq!(d.target_hash, keccak256(br#"["B","a"]"#));
    }
}
