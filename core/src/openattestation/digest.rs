//! The OpenAttestation v2 `targetHash`: Keccak-256 over the sorted leaf hashes.
//!
//! `leaf = keccak256(JSON.stringify({[path]: value}))` for every flattened leaf of `data`;
//! the leaf hashes (hex) and the `privacy.obfuscatedData` entries are sorted and
//! `targetHash = keccak256(JSON.stringify(sortedList))`. "SHA3" in OpenAttestation's names is
//! the original Keccak-256 (Ethereum's), not FIPS 202 SHA3-256.

use serde_json::{Map, Value};

use super::OaError;
use super::flatten::{LeafSink, Order, Seg, flatten_children, json_path};
use super::jsorder::array_index;
use crate::checksum::decode_lower_hex32;
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
    #[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
    use keccak_asm::Keccak256;
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    use sha3::{Digest as _, Keccak256};
    Keccak256::digest(bytes).into()
}

/// Writes the `JSON.stringify` form of a leaf value (a primitive, `{}` or `[]`).
pub(crate) fn write_leaf_value(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => write_string(out, s),
        Value::Number(n) => write_js_number(out, number_as_f64(n)),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Null => out.push_str("null"),
        // Only empty containers are leaves; a non-empty one cannot reach here, but writing
        // its full form would still be what JSON.stringify does.
        other => out.push_str(&crate::json::to_js_string(other)),
    }
}

/// [`write_js_string`], with a fast path for the common string that needs no escaping.
fn write_string(out: &mut String, s: &str) {
    // A non-short-circuiting fold, which the compiler vectorises.
    let needs_escape = s.bytes().fold(false, |acc, b| {
        acc | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if !needs_escape {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        write_js_string(out, s);
    }
}

/// The preimage `{"<path>":<value>}` of a leaf hash, written into `out` (cleared first).
pub(crate) fn leaf_preimage(out: &mut String, path: &str, value: &Value) {
    out.clear();
    out.push('{');
    write_string(out, path);
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
    pub(super) path: String,
    pub(super) preimage: String,
    pub(super) hashes: Vec<[u8; 32]>,
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
        Value::String(s) => is_salted_str(s),
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Whether a string is `<uuid v4>:<type>:<value>` with a type OpenAttestation writes.
pub(crate) fn is_salted_str(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 37
        && b[36] == b':'
        && b.get(..36)
            .is_some_and(|u| u.try_into().is_ok_and(|u: &[u8; 36]| is_uuid_v4_bytes(u)))
        && matches!(
            b.get(37..41),
            Some(b"stri" | b"numb" | b"bool" | b"null" | b"unde")
        )
        && s.get(37..).is_some_and(|rest| {
            ["string:", "number:", "boolean:", "null:", "undefined:"]
                .iter()
                .any(|t| rest.starts_with(t))
        })
}

/// Hex digits, as a lookup table.
const HEX: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_hexdigit();
        c += 1;
    }
    t
};

/// [`super::is_uuid_v4`] on exactly 36 bytes, without a branch per byte.
fn is_uuid_v4_bytes(u: &[u8; 36]) -> bool {
    let hex =
        |r: std::ops::Range<usize>| u[r].iter().fold(true, |acc, &c| acc & HEX[usize::from(c)]);
    u[8] == b'-'
        && u[13] == b'-'
        && u[18] == b'-'
        && u[23] == b'-'
        && u[14] == b'4'
        && matches!(u[19] | 0x20, b'8' | b'9' | b'a' | b'b')
        && hex(0..8) & hex(9..13) & hex(15..18) & hex(20..23) & hex(24..36)
}

/// An object whose names are exactly `"0"`, `"1"`, … `"n-1"` (in any order).
fn looks_like_array(map: &Map<String, Value>) -> bool {
    let n = map.len();
    // Names are unique, so n distinct indices below n are exactly 0..n.
    map.keys().all(|key| {
        key.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && array_index(key)
                .and_then(|i| usize::try_from(i).ok())
                .is_some_and(|i| i < n)
    })
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
    let findings = hash_leaves(data, scratch)?;
    finish(findings, obfuscated, scratch)
}

/// Hashes the visible leaves of `data` into `scratch`'s leaf hashes (in no particular order),
/// returning what was found on the way.
fn hash_leaves(data: &Value, scratch: &mut Scratch) -> Result<Vec<Finding>, OaError> {
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
    Ok(findings)
}

/// The digest from the leaf hashes already in `scratch` (by [`hash_leaves`], or by a scan of
/// the document's bytes) and the obfuscated hashes.
pub(crate) fn finish(
    findings: Vec<Finding>,
    obfuscated: &[Value],
    scratch: &mut Scratch,
) -> Result<Digest, OaError> {
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
        // Sorting on the first eight bytes as one integer avoids a memcmp per comparison.
        scratch
            .hashes
            .sort_unstable_by(|a, b| prefix64(a).cmp(&prefix64(b)).then_with(|| a.cmp(b)));
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

fn prefix64(h: &[u8; 32]) -> u64 {
    u64::from_be_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]])
}

/// The two lowercase hex digits of every byte: one table lookup a byte, where encoding nibble
/// by nibble cost more than the sorting.
const HEX_PAIRS: [[u8; 2]; 256] = {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut table = [[0u8; 2]; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = [DIGITS[b >> 4], DIGITS[b & 15]];
        b += 1;
    }
    table
};

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
        for (pair, byte) in hexbuf.chunks_exact_mut(2).zip(h) {
            pair.copy_from_slice(&HEX_PAIRS[usize::from(*byte)]);
        }
        list.extend_from_slice(&hexbuf);
        list.push(b'"');
    }
    list.push(b']');
    keccak256(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assembly_keccak_agrees_with_the_portable_one_at_every_length() {
        use sha3::{Digest as _, Keccak256};
        // Every length across several 136-byte blocks, so each padding case is met.
        let bytes: Vec<u8> = (0..600u32).map(|i| (i * 31 + 7) as u8).collect();
        for len in 0..bytes.len() {
            let portable: [u8; 32] = Keccak256::digest(&bytes[..len]).into();
            assert_eq!(keccak256(&bytes[..len]), portable, "length {len}");
        }
    }

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
    fn fast_uuid_check_agrees_with_the_plain_one() {
        for u in [
            "00000000-0000-4000-8000-000000000001",
            "4AD7A5CE-7A2B-4F3C-BF4A-B1A2C3D4E5F6",
            "00000000-0000-3000-8000-000000000001",
            "00000000-0000-4000-c000-000000000001",
            "0000000g-0000-4000-8000-000000000001",
            "00000000x0000-4000-8000-000000000001",
            "00000000-0000-4000-8000-00000000000:",
        ] {
            let b: &[u8; 36] = u.as_bytes().try_into().expect("36 bytes");
            assert_eq!(
                is_uuid_v4_bytes(b),
                crate::openattestation::is_uuid_v4(u),
                "{u}"
            );
        }
    }

    #[test]
    fn odd_obfuscated_entries_sort_as_javascript_strings() {
        let data = serde_json::json!({});
        let obf = [serde_json::json!("B"), serde_json::json!("a")];
        let d = digest(&data, &obf, &mut Scratch::default()).expect("test");
        assert_eq!(d.target_hash, keccak256(br#"["B","a"]"#));
    }
}
