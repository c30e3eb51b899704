//! Telling the formats apart: a PINT envelope, a bare DCSA transport document, an issuance
//! request, or an OpenAttestation v2 (TradeTrust) document — and, for files that are not JSON,
//! a signed PINT response (a compact JWS, [`detect_compact`]).
//!
//! Detection looks at which members are present, never at file names, so a file can be named
//! anything. It is deliberately conservative: anything ambiguous is [`Format::Unknown`].
//!
//! ```
//! use ebl::detect::{detect, Format};
//! use ebl::json::parse;
//!
//! let envelope = parse(br#"{"transportDocument": {}, "envelopeManifestSignedContent": "a.b.c",
//!                           "envelopeTransferChain": ["a.b.c"]}"#)?;
//! assert_eq!(detect(&envelope), Format::PintEnvelope);
//! assert_eq!(detect(&parse(b"[1, 2]")?), Format::Unknown);
//! # Ok::<(), ebl::Error>(())
//! ```

use serde_json::Value;

/// The document formats `ebl` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A DCSA PINT 3.0 `EblEnvelope`.
    PintEnvelope,
    /// A bare DCSA eBL 3.0 `TransportDocument`.
    TransportDocument,
    /// A DCSA issuance request (`document` + `issueTo` + `issuanceManifestSignedContent`).
    IssuanceRequest,
    /// An OpenAttestation v2 wrapped document (TradeTrust).
    OpenAttestationV2,
    /// A receiving platform's signed `EnvelopeTransferFinishedResponse` (a compact JWS).
    PintResponse,
    /// Something else.
    Unknown,
}

impl Format {
    /// A short stable name, used in reports and by `ebl verify --json` (`"format"`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Format::PintEnvelope => "dcsa-pint-envelope",
            Format::TransportDocument => "dcsa-transport-document",
            Format::IssuanceRequest => "dcsa-issuance-request",
            Format::OpenAttestationV2 => "openattestation-v2",
            Format::PintResponse => "dcsa-pint-response",
            Format::Unknown => "unknown",
        }
    }
}

impl Format {
    /// What the format is, for a person (`"DCSA PINT envelope"`).
    ///
    /// ```
    /// use ebl::detect::Format;
    /// assert_eq!(Format::OpenAttestationV2.description(), "OpenAttestation v2 (TradeTrust) document");
    /// ```
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Format::PintEnvelope => "DCSA PINT envelope",
            Format::TransportDocument => "DCSA transport document",
            Format::OpenAttestationV2 => "OpenAttestation v2 (TradeTrust) document",
            Format::IssuanceRequest => "DCSA issuance request",
            Format::PintResponse => "signed DCSA PINT response",
            Format::Unknown => "document",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The format of a parsed JSON value.
#[must_use]
pub fn detect(value: &Value) -> Format {
    let Some(object) = value.as_object() else {
        return Format::Unknown;
    };
    let has = |key: &str| object.contains_key(key);
    if has("envelopeManifestSignedContent") && has("envelopeTransferChain") {
        Format::PintEnvelope
    } else if has("document") && has("issuanceManifestSignedContent") {
        Format::IssuanceRequest
    } else if object
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("https://schema.openattestation.com/2.0/"))
        && has("data")
        && has("signature")
    {
        Format::OpenAttestationV2
    } else if has("transportDocumentReference") && has("transportDocumentTypeCode") {
        Format::TransportDocument
    } else {
        Format::Unknown
    }
}

/// The compact JWS in `bytes`, if they are one (three base64url segments, surrounding
/// whitespace allowed): how a signed PINT response travels. Its payload decides the format.
///
/// ```
/// use ebl::detect::detect_compact;
/// assert_eq!(detect_compact(b"eyJh.eyJy.c2ln\n"), Some("eyJh.eyJy.c2ln"));
/// assert_eq!(detect_compact(br#"{"a": 1}"#), None);
/// assert_eq!(detect_compact(b"a.b"), None);
/// ```
#[must_use]
pub fn detect_compact(bytes: &[u8]) -> Option<&str> {
    // A JSON document starts with `{` or `[`: no need to look at the rest of it.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    if !(first.is_ascii_alphanumeric() || *first == b'-' || *first == b'_') {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?.trim();
    let base64url = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let parts: Vec<&str> = text.split('.').collect();
    (parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(base64url)))
    .then_some(text)
}
