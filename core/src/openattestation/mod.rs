//! OpenAttestation v2 (TradeTrust): wrap, verify, obfuscate and DID-sign documents exactly as
//! the JavaScript library `@govtechsg/open-attestation` does.
//!
//! Singapore's electronic bills of lading live on TradeTrust, which is built on
//! OpenAttestation (OA). An OA v2 document keeps its content in `data`, with every primitive
//! salted as `"<uuid v4>:<type>:<String(value)>"`; its integrity is a Keccak-256 hash over the
//! sorted hashes of the flattened leaves (`signature.targetHash`), joined with other
//! documents of a batch in a Merkle tree (`signature.merkleRoot`, which TradeTrust uses as the
//! eBL's token id).
//!
//! | task | here |
//! |---|---|
//! | read a file | [`WrappedDocument::from_bytes`] (JavaScript number semantics) |
//! | integrity, as `verifySignature` | [`WrappedDocument::verify`], [`IntegrityVerifier`] → [`IntegrityCheck`] |
//! | wrap one / a batch | [`wrap`], [`wrap_bytes`], [`wrap_batch`], [`wrap_batch_bytes`] with a [`SaltSource`] ([`UuidV4Salts`], [`FixedSalts`] or a closure); raw bytes read by [`parse_raw_document`] |
//! | selective disclosure | [`WrappedDocument::obfuscate`] |
//! | the unsalted content, as `getData` | [`WrappedDocument::data`] |
//! | DID proof (`OpenAttestationSignature2018`) | [`verify_did_proof`], [`sign_did`] |
//! | DNS identity (`openatts …` TXT answers supplied as data) | [`verify_dns_txt`] |
//! | title-escrow event log (supplied as data) → [`crate::title::History`] | [`title_history_from_log`] |
//! | TradeTrust B/L ↔ DCSA eBL 3.0 | [`tradetrust_bl`] |
//!
//! ```
//! use ebl::openattestation::WrappedDocument;
//! let path = concat!(env!("CARGO_MANIFEST_DIR"),
//!     "/../testdata/openattestation/vectors/bill-of-lading-generic-templates.wrapped.json");
//! let doc = WrappedDocument::from_bytes(&std::fs::read(path).unwrap())?;
//! let report = doc.verify();
//! assert!(report.is_valid());
//! assert_eq!(doc.data()?["blNumber"], "SGCNM21566325");
//! // TradeTrust's token id for this eBL:
//! assert_eq!(report.merkle_root.as_deref(),
//!            Some("174108af2e357d04ce7f45cdb7f9dffdb797b5ad3bd829c84cfff35d33d4bc21"));
//! # Ok::<(), ebl::Error>(())
//! ```
//!
//! # From a TradeTrust bill to a recognition report
//! ebl reads no chain and no DNS: the caller supplies the title-escrow event log and the DNS
//! TXT answers as data. Parse the document, read the log into a title history
//! ([`title_history_from_log`]) and replay it, check the issuer's identity
//! ([`verify_dns_txt`], [`verify_did_proof`]), then build the recognition input with
//! [`RecognitionInput::from_openattestation`](crate::recognition::RecognitionInput::from_openattestation)
//! (its example runs the whole path on the 5 KB Singapore → Shenzhen bill) and call
//! [`crate::recognition::recognize`] with a jurisdiction or agreement target. The test
//! `core/tests/recognition_openattestation.rs` runs it under the SG and CN rules and the SG–CN model
//! arrangement, with the trust store `testdata/recognition/tradetrust-sg.trust-store.json`.
//!
//! # What verification covers
//! Exactly what OA's `verifySignature` covers: `data` and `privacy.obfuscatedData`. The
//! verdict ([`IntegrityCheck::is_valid`]) equals OA's on every interop vector; where OA accepts
//! something questionable the report carries a warning:
//!
//! | finding code | severity | meaning |
//! |---|---|---|
//! | `oa-no-signature` | error | no `signature` block |
//! | `oa-malformed` | error | a block of the wrong JSON type |
//! | `oa-unhashable` | error | OA throws (a `.` in a member name, `data` not an object) |
//! | `oa-target-hash-mismatch` | error | the data does not hash to `targetHash` |
//! | `oa-merkle-proof-mismatch` | error | the proof does not lead to `merkleRoot` |
//! | `oa-unsupported-version` | error | an OA v3 / W3C credential |
//! | `oa-unexpected-version` | warning | `version` is not the v2 schema id (not hashed) |
//! | `oa-unhashed-member` | warning | a top-level member outside the hash |
//! | `oa-array-object-ambiguity` | warning | an object named `0..n-1`, interchangeable with an array |
//! | `oa-unsalted-value` | warning | a leaf that is not a salted string |
//! | `oa-unhashed-proto-member` | warning | a leaf at path `__proto__`, which OA drops |
//! | `oa-empty-name-prefix`, `oa-leaf-overwritten` | warning | paths collide under a top-level `""` |
//! | `oa-noncanonical-hex` | warning | a hash not in 64 lowercase hex digits (OA decodes leniently) |
//! | `oa-unexpected-signature-type` | warning | `signature.type` is not `SHA3MerkleProof` |
//!
//! Deviations from OA, all on inputs no OA producer writes: a non-string entry in
//! `privacy.obfuscatedData` or `signature.proof` and a non-string `merkleRoot` are errors
//! (OA throws or reads them as byte arrays); lone surrogates are refused by the parser.
//!
//! # JavaScript details reproduced
//! Numbers are formatted as `String(number)` ([`crate::json::format_js_number`]); strings
//! are escaped as `JSON.stringify` does; members are salted and written in JavaScript
//! property order (array-index names first); an empty prefix is dropped when flattening.

mod digest;
mod dns;
mod error;
mod flatten;
mod identity;
mod jsorder;
mod merkle;
mod obfuscate;
mod proof;
mod salt;
mod scan;
mod title_events;
pub mod tradetrust_bl;
mod verify;
mod view;
mod wrap;

pub use digest::keccak256;
pub(crate) use dns::verify_dns_txt_of;
pub use dns::{DnsIdentityCheck, OpenAttestationTxt, parse_openatts_txt, verify_dns_txt};
pub use error::OaError;
pub use identity::OpenAttestationIdentity;
pub use merkle::{MerkleTree, check_proof, combine, node_hex_decode};
pub use obfuscate::obfuscate;
pub use proof::{
    DidProofCheck, EthereumAddress, OA_SIGNATURE_TYPE, eip191_hash, recover_signer, sign_did,
    verify_did_proof,
};
pub(crate) use proof::{did_ethr_address, verify_did_proof_of};
pub use salt::{FixedSalts, SaltSource, UuidV4Salts, is_uuid_v4, salt_primitive};
pub(crate) use scan::REPORTED_DATA_MEMBERS;
pub use title_events::title_history_from_log;
pub use verify::{IntegrityCheck, IntegrityVerifier};
pub use wrap::{parse_raw_document, wrap, wrap_batch, wrap_batch_bytes, wrap_bytes};

use serde_json::{Map, Value};

use crate::json::{Limits, parse_with};

/// The `version` of every OpenAttestation v2 document.
pub const SCHEMA_V2: &str = "https://schema.openattestation.com/2.0/schema.json";

/// The `issuers` of a document's unsalted data (empty when absent or not an array): where
/// every identity check starts.
pub(crate) fn issuers(data: &Value) -> &[Value] {
    data.get("issuers")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// An OpenAttestation v2 wrapped document: a JSON object, kept exactly as read (member
/// order included), whose integrity has not necessarily been checked.
#[derive(Debug, Clone, PartialEq)]
pub struct WrappedDocument {
    value: Value,
}

impl WrappedDocument {
    /// Parses a document from untrusted bytes, reading numbers as JavaScript's `JSON.parse`
    /// does (integers beyond 2^53 are rounded), which OA's hashes depend on.
    ///
    /// # Errors
    /// JSON errors (see [`crate::json::parse_with`]); [`OaError::Malformed`] if the value is
    /// not an object.
    pub fn from_bytes(bytes: &[u8]) -> crate::Result<WrappedDocument> {
        WrappedDocument::from_value(parse_with(bytes, &Limits::javascript_numbers())?)
    }

    /// Wraps an already parsed value.
    ///
    /// # Errors
    /// [`OaError::Malformed`] if the value is not an object.
    pub fn from_value(value: Value) -> crate::Result<WrappedDocument> {
        match value {
            Value::Object(map) => Ok(WrappedDocument::from_object(map)),
            _ => Err(
                OaError::malformed("$", "an OpenAttestation document must be a JSON object").into(),
            ),
        }
    }

    pub(crate) fn from_object(map: Map<String, Value>) -> WrappedDocument {
        WrappedDocument {
            value: Value::Object(map),
        }
    }

    /// The document as JSON.
    #[must_use]
    pub fn as_value(&self) -> &Value {
        &self.value
    }

    /// The document as JSON, by value.
    #[must_use]
    pub fn into_value(self) -> Value {
        self.value
    }

    /// `JSON.stringify(document)`.
    #[must_use]
    pub fn to_json(&self) -> String {
        crate::json::to_js_string(&self.value)
    }

    /// `JSON.stringify(document, null, 2)`, the form OA tools save (they add a final newline).
    #[must_use]
    pub fn to_pretty_json(&self) -> String {
        crate::json::to_js_string_pretty(&self.value, 2)
    }

    /// `signature.targetHash`, if it is a string.
    #[must_use]
    pub fn target_hash(&self) -> Option<&str> {
        self.value.get("signature")?.get("targetHash")?.as_str()
    }

    /// `signature.merkleRoot`, if it is a string (TradeTrust's token id is `0x` + this).
    #[must_use]
    pub fn merkle_root(&self) -> Option<&str> {
        self.value.get("signature")?.get("merkleRoot")?.as_str()
    }

    /// Checks integrity as OA's `verifySignature` does, reporting every finding.
    #[must_use]
    pub fn verify(&self) -> IntegrityCheck {
        verify::verify_document(self)
    }

    /// The unsalted content, as OA's `getData` returns it: salted strings become the typed
    /// values again (`number` through JavaScript's `Number()`, `undefined` members dropped);
    /// anything not salted is returned as it is.
    ///
    /// # Errors
    /// [`OaError::Malformed`] if there is no `data`; [`OaError::Unsalt`] for an unknown type
    /// tag (OA throws too).
    pub fn data(&self) -> crate::Result<Value> {
        let data = self
            .value
            .get("data")
            .ok_or_else(|| OaError::malformed("$.data", "the document has no data"))?;
        Ok(
            salt::unsalt_data(data, &crate::json::JsonPath::root().key("data"))?
                .unwrap_or(Value::Null),
        )
    }

    /// Selective disclosure; see [`obfuscate`].
    ///
    /// # Errors
    /// See [`obfuscate`].
    pub fn obfuscate(&self, paths: &[&str]) -> crate::Result<WrappedDocument> {
        obfuscate(self, paths)
    }

    pub(crate) fn set_signature(&mut self, signature: Value) {
        if let Value::Object(map) = &mut self.value {
            map.insert("signature".into(), signature);
        }
    }

    pub(crate) fn object_mut(&mut self) -> Option<&mut Map<String, Value>> {
        self.value.as_object_mut()
    }
}
