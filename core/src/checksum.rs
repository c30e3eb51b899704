//! The SHA-256 checksums DCSA uses, as lowercase hex.
//!
//! DCSA hashes three different things, and mixing them up is the classic interoperability bug
//! (see `reference/dcsa.md` §0):
//! - a JSON document (transport document, `issueTo`): SHA-256 of its RFC 8785 canonical bytes,
//!   [`canonical_json_sha256`];
//! - a signed chain entry or manifest: SHA-256 of the JWS compact string exactly as received,
//!   [`sha256_hex`] over its ASCII bytes;
//! - an attached file: SHA-256 of the decoded bytes, [`sha256_hex`].
//!
//! ```
//! use ebl::checksum::{canonical_json_sha256, sha256_hex};
//! use ebl::json::parse;
//!
//! assert_eq!(
//!     sha256_hex(b"abc"),
//!     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//! );
//! // Member order and number spelling do not change a canonical checksum.
//! let a = parse(br#"{"b": 1.0, "a": 2}"#)?;
//! let b = parse(br#"{"a": 2, "b": 1}"#)?;
//! assert_eq!(canonical_json_sha256(&a), canonical_json_sha256(&b));
//! # Ok::<(), ebl::Error>(())
//! ```

use serde_json::Value;

/// Lowercase hex SHA-256 of `bytes`.
///
/// ```
/// // The checksum of an empty attachment.
/// assert_eq!(
///     ebl::checksum::sha256_hex(b""),
///     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
/// );
/// ```
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(ring::digest::digest(&ring::digest::SHA256, bytes))
}

/// Lowercase hex SHA-256 of the RFC 8785 canonical form of `value`.
///
/// ```
/// use ebl::checksum::{canonical_json_sha256, sha256_hex};
///
/// let v = ebl::json::parse(br#"{ "b": 2, "a": 1 }"#)?;
/// assert_eq!(canonical_json_sha256(&v), sha256_hex(br#"{"a":1,"b":2}"#));
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn canonical_json_sha256(value: &Value) -> String {
    sha256_hex(&crate::json::canonicalize(value))
}

/// Whether `text` has the form of a DCSA checksum: 64 lowercase hex digits.
///
/// ```
/// assert!(ebl::checksum::is_checksum(&"a".repeat(64)));
/// assert!(!ebl::checksum::is_checksum(&"A".repeat(64)));
/// ```
#[must_use]
pub fn is_checksum(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A 256-bit hash written as exactly 64 lowercase hex digits, as its 32 bytes; `None` for
/// anything else (uppercase, another length, not hex). The canonical spelling of the hashes
/// ebl reads and stores: SHA-256 checksums here, Keccak-256 hashes in OpenAttestation.
pub(crate) fn decode_lower_hex32(s: &str) -> Option<[u8; 32]> {
    let b = s.as_bytes();
    if b.len() != 64 || !b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(b, &mut out).ok()?;
    Some(out)
}
