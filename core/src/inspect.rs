//! What a file contains, decoded, without judging it: the job of `ebl inspect`.
//!
//! A PINT envelope carries its manifest and its transfer chain as compact JWS strings, and each
//! chain entry may carry an issuance manifest as one more JWS: unreadable to a person.
//! [`inspect_bytes`] sniffs the format ([`detect`], [`detect_compact`]) and replaces every JWS
//! by its decoded protected header and payload, so that a person (or a support desk, or a
//! binding's caller) can see what was sent before asking whether it is valid.
//!
//! **Nothing is verified here**: no signature is checked, no key is looked up, no checksum is
//! compared. An [`Inspection`] says what the bytes claim; [`verify_bytes`](crate::verify::verify_bytes)
//! says whether to believe it.
//!
//! ```
//! use ebl::inspect::{inspect_bytes, InspectedFormat};
//! use ebl::detect::Format;
//!
//! let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
//! let envelope = std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?;
//! let inspection = inspect_bytes(&envelope)?;
//! assert_eq!(inspection.format, InspectedFormat::Json(Format::PintEnvelope));
//! // The manifest JWS is decoded: its header and payload are plain JSON.
//! assert_eq!(inspection.content["envelopeManifest"]["header"]["alg"], "EdDSA");
//! assert!(inspection.summary.iter().any(|line| line.starts_with("  entry 0: platform ")));
//! assert_eq!(inspection.to_json_value()["format"], "dcsa-pint-envelope");
//!
//! let err = inspect_bytes(b"%PDF-1.7").unwrap_err();
//! assert_eq!(err.code(), ebl::ErrorCode::JsonSyntax);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::SecondsFormat;
use serde_json::{Map, Value};

use crate::checksum::{canonical_json_sha256, sha256_hex};
use crate::crypto::jws::{UnverifiedJws, decode_compact};
use crate::detect::{Format, detect, detect_compact};
use crate::json::{JsonPath, from_slice, from_value, parse};
use crate::pint::{
    EblEnvelope, EnvelopeManifest, EnvelopeTransferChainEntry, IssuanceManifest, Transaction,
    TransactionParty,
};

/// What kind of bytes an [`Inspection`] decoded: a JSON document of a [`Format`], or a bare
/// compact JWS (a signed PINT response, say), whose payload is shown but not classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InspectedFormat {
    /// A JSON document, in the format [`detect`] gave it (possibly [`Format::Unknown`]).
    Json(Format),
    /// A compact JWS: three base64url segments.
    CompactJws,
}

impl InspectedFormat {
    /// The stable name `ebl inspect --json` prints as `"format"`: the [`Format`]'s name, or
    /// `"compact-jws"`.
    ///
    /// ```
    /// use ebl::inspect::InspectedFormat;
    /// use ebl::detect::Format;
    /// assert_eq!(InspectedFormat::CompactJws.as_str(), "compact-jws");
    /// assert_eq!(InspectedFormat::Json(Format::OpenAttestationV2).as_str(), "openattestation-v2");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            InspectedFormat::Json(format) => format.as_str(),
            InspectedFormat::CompactJws => "compact-jws",
        }
    }

    /// The name `ebl inspect` shows a person: the stable name, or `"compact JWS"`.
    ///
    /// ```
    /// assert_eq!(ebl::inspect::InspectedFormat::CompactJws.label(), "compact JWS");
    /// ```
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            InspectedFormat::Json(format) => format.as_str(),
            InspectedFormat::CompactJws => "compact JWS",
        }
    }
}

/// The decoded contents of one file, unverified (see the [module](self) docs).
#[derive(Debug, Clone, PartialEq)]
pub struct Inspection {
    /// What the bytes are.
    pub format: InspectedFormat,
    /// The decoded document. A PINT envelope becomes `transportDocumentChecksum`,
    /// `envelopeManifest`, `envelopeTransferChain` (each entry's issuance manifest decoded too)
    /// and `transportDocument`, every JWS as `{"checksum", "header", "payload"}`; a compact JWS
    /// becomes that object; any other JSON document is itself.
    pub content: Value,
    /// What a person reads first, one line each (indented by two spaces per level): the
    /// transport document and its checksum, who signed what, the documents and transactions.
    /// For a compact JWS, the decoded object, pretty-printed.
    pub summary: Vec<String>,
}

impl Inspection {
    /// The object `ebl inspect --json` prints: `{"format": …, "content": …}`.
    ///
    /// ```
    /// let inspection = ebl::inspect::inspect_bytes(br#"{"transportDocumentReference": "X",
    ///     "transportDocumentTypeCode": "BOL"}"#)?;
    /// let json = inspection.to_json_value();
    /// assert_eq!(json["format"], "dcsa-transport-document");
    /// assert_eq!(json["content"]["transportDocumentReference"], "X");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn to_json_value(&self) -> Value {
        let mut out = Map::new();
        out.insert("format".into(), Value::String(self.format.as_str().into()));
        out.insert("content".into(), self.content.clone());
        Value::Object(out)
    }
}

/// Decodes `bytes` — a JSON document of any format, or a compact JWS — for reading, without
/// checking a single signature.
///
/// # Errors
/// [`ErrorCode::JsonSyntax`](crate::ErrorCode::JsonSyntax) (and its path) if the bytes are
/// neither JSON nor a compact JWS; a JSON shape error if a PINT envelope lacks a required
/// member; a `Crypto…` error if one of its JWS strings (or the compact JWS) cannot be decoded.
///
/// ```
/// use ebl::inspect::{inspect_bytes, InspectedFormat};
///
/// // RFC 8037 Appendix A.4: the payload is not JSON, so decoding it fails with a clear error.
/// let compact = b"eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
/// assert!(inspect_bytes(compact).is_err());
/// let unknown = inspect_bytes(b"[1, 2]")?;
/// assert_eq!(unknown.format.as_str(), "unknown");
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn inspect_bytes(bytes: &[u8]) -> crate::Result<Inspection> {
    if let Some(compact) = detect_compact(bytes) {
        let content = decode_jws(compact)?;
        let pretty = serde_json::to_string_pretty(&content).unwrap_or_default();
        return Ok(Inspection {
            format: InspectedFormat::CompactJws,
            summary: pretty.lines().map(str::to_owned).collect(),
            content,
        });
    }
    let value = parse(bytes)?;
    let format = detect(&value);
    if format == Format::PintEnvelope {
        let envelope: EblEnvelope = from_value(&value, &JsonPath::root())?;
        return Ok(Inspection {
            format: InspectedFormat::Json(format),
            summary: envelope_summary(&envelope)?,
            content: decode_envelope(envelope)?,
        });
    }
    let mut summary = Vec::new();
    if let Some(reference) = value
        .get("transportDocumentReference")
        .and_then(Value::as_str)
    {
        summary.push(format!("  transport document {reference}"));
    }
    summary.push(format!(
        "  checksum (SHA-256 of RFC 8785 form): {}",
        canonical_json_sha256(&value)
    ));
    Ok(Inspection {
        format: InspectedFormat::Json(format),
        content: value,
        summary,
    })
}

/// One PINT transaction on one line, for a person: when, what, who (and to whom).
///
/// ```
/// use ebl::pint::Transaction;
/// let transaction: Transaction = ebl::json::from_slice(br#"{"actionDateTime": "2026-06-01T10:00:00Z",
///     "actionCode": "ISSUE", "actor": {"partyName": "Carrier", "eblPlatform": "WAVE"},
///     "recipient": {"partyName": "Shipper", "eblPlatform": "BOLE"}}"#)?;
/// assert_eq!(ebl::inspect::transaction_line(&transaction),
///     "2026-06-01T10:00:00Z ISSUE                    Carrier (WAVE) → Shipper (BOLE)");
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn transaction_line(transaction: &Transaction) -> String {
    let who = |p: &TransactionParty| format!("{} ({})", p.party_name, p.ebl_platform);
    let mut text = format!(
        "{} {:<24} {}",
        transaction
            .action_date_time
            .to_rfc3339_opts(SecondsFormat::Secs, true),
        transaction.action_code.as_str(),
        who(&transaction.actor)
    );
    if let Some(recipient) = &transaction.recipient {
        text.push_str(&format!(" → {}", who(recipient)));
    }
    text
}

/// The envelope with every JWS replaced by its decoded header and payload.
fn decode_envelope(envelope: EblEnvelope) -> crate::Result<Value> {
    let mut out = Map::new();
    out.insert(
        "transportDocumentChecksum".into(),
        Value::String(canonical_json_sha256(&envelope.transport_document)),
    );
    out.insert(
        "envelopeManifest".into(),
        decode_jws(&envelope.envelope_manifest_signed_content)?,
    );
    let mut chain = Vec::new();
    for compact in &envelope.envelope_transfer_chain {
        let mut entry = decode_jws(compact)?;
        if let Some(issuance) = entry
            .pointer("/payload/issuanceManifestSignedContent")
            .and_then(Value::as_str)
        {
            let decoded = decode_jws(issuance)?;
            if let Some(payload) = entry.get_mut("payload").and_then(Value::as_object_mut) {
                payload.insert("issuanceManifestSignedContent".into(), decoded);
            }
        }
        chain.push(entry);
    }
    out.insert("envelopeTransferChain".into(), Value::Array(chain));
    out.insert("transportDocument".into(), envelope.transport_document);
    Ok(Value::Object(out))
}

/// `{"checksum", "header", "payload"}` of one compact JWS: the checksum PINT uses to name it,
/// its protected header, its payload parsed as JSON.
fn decode_jws(compact: &str) -> crate::Result<Value> {
    let jws = decode_compact(compact)?;
    let mut out = Map::new();
    out.insert(
        "checksum".into(),
        Value::String(sha256_hex(compact.as_bytes())),
    );
    out.insert("header".into(), Value::Object(jws.header().json().clone()));
    out.insert("payload".into(), parse(jws.payload())?);
    Ok(Value::Object(out))
}

/// The lines `ebl inspect` prints for an envelope.
fn envelope_summary(envelope: &EblEnvelope) -> crate::Result<Vec<String>> {
    let mut lines = Vec::new();
    let td = &envelope.transport_document;
    lines.push(format!(
        "  transport document {} (checksum {})",
        td.get("transportDocumentReference")
            .and_then(Value::as_str)
            .unwrap_or("?"),
        canonical_json_sha256(td)
    ));
    let manifest_jws = decode_compact(&envelope.envelope_manifest_signed_content)?;
    let manifest: EnvelopeManifest = from_slice(manifest_jws.payload())?;
    lines.push(format!(
        "  manifest signed with {}",
        signer_text(&manifest_jws)
    ));
    for document in manifest
        .ebl_visualisation_by_carrier
        .iter()
        .chain(&manifest.supporting_documents)
    {
        lines.push(format!(
            "    document {} ({}, {} bytes, {})",
            document.name, document.media_type, document.size, document.document_checksum
        ));
    }
    for (index, compact) in envelope.envelope_transfer_chain.iter().enumerate() {
        let jws = decode_compact(compact)?;
        let entry: EnvelopeTransferChainEntry = from_slice(jws.payload())?;
        lines.push(format!(
            "  entry {index}: platform {}, signed with {}",
            entry.ebl_platform,
            signer_text(&jws)
        ));
        if let Some(issuance) = &entry.issuance_manifest_signed_content {
            let issuance_jws = decode_compact(issuance)?;
            let manifest: IssuanceManifest = from_slice(issuance_jws.payload())?;
            lines.push(format!(
                "    issuance manifest by {}: document {}",
                signer_text(&issuance_jws),
                manifest.document_checksum
            ));
        }
        for transaction in &entry.transactions {
            lines.push(format!("    {}", transaction_line(transaction)));
        }
    }
    Ok(lines)
}

/// `EdDSA key k1 (x5c chain of 2)`: the algorithm, the key id and the chain length claimed.
fn signer_text(jws: &UnverifiedJws) -> String {
    let header = jws.header();
    let mut text = header.alg().as_str().to_owned();
    if let Some(kid) = header.kid() {
        text.push_str(&format!(" key {kid}"));
    }
    if !header.x5c().is_empty() {
        text.push_str(&format!(" (x5c chain of {})", header.x5c().len()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(path: &str) -> Vec<u8> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/");
        std::fs::read(format!("{root}{path}")).expect("fixture")
    }

    #[test]
    fn envelope_is_decoded_entry_by_entry() {
        let bytes = fixture("dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json");
        let inspection = inspect_bytes(&bytes).expect("inspects");
        let content = &inspection.content;
        let chain = content["envelopeTransferChain"].as_array().expect("chain");
        assert!(!chain.is_empty());
        // The issuance manifest inside the first entry is decoded too.
        let issuance = &chain[0]["payload"]["issuanceManifestSignedContent"];
        assert!(issuance["payload"]["documentChecksum"].is_string());
        assert_eq!(
            content["transportDocumentChecksum"],
            Value::String(canonical_json_sha256(&content["transportDocument"]))
        );
        let manifest = &content["envelopeManifest"];
        assert_eq!(manifest["checksum"].as_str().map(str::len), Some(64));
        assert!(inspection.summary[0].starts_with("  transport document "));
        assert!(
            inspection
                .summary
                .iter()
                .any(|l| l.starts_with("    issuance manifest by "))
        );
    }

    #[test]
    fn compact_jws_shows_header_and_payload() {
        let text = r#"{"transportDocumentReference":"X","transportDocumentTypeCode":"BOL"}"#;
        // RFC 8037 Appendix A.4's key.
        let rng = ring::rand::SystemRandom::new();
        let jwk = serde_json::json!({"kty": "OKP", "crv": "Ed25519",
            "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
            "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
        let key = crate::crypto::PrivateKey::from_jwk(&jwk, &rng).expect("key");
        let header = crate::crypto::jws::JwsHeader {
            kid: Some("k1".into()),
            ..Default::default()
        };
        let compact =
            crate::crypto::jws::sign_compact(text.as_bytes(), &key, &header, &rng).expect("signs");
        let inspection = inspect_bytes(format!("{compact}\n").as_bytes()).expect("inspects");
        assert_eq!(inspection.format, InspectedFormat::CompactJws);
        assert_eq!(inspection.content["header"]["kid"], "k1");
        assert_eq!(
            inspection.content["payload"]["transportDocumentReference"],
            "X"
        );
        assert_eq!(inspection.to_json_value()["format"], "compact-jws");
        assert_eq!(inspection.summary.first().map(String::as_str), Some("{"));
    }

    #[test]
    fn transport_document_gets_reference_and_checksum() {
        let bytes =
            br#"{"transportDocumentReference": "TDR1", "transportDocumentTypeCode": "BOL"}"#;
        let inspection = inspect_bytes(bytes).expect("inspects");
        assert_eq!(
            inspection.format,
            InspectedFormat::Json(Format::TransportDocument)
        );
        assert_eq!(inspection.summary[0], "  transport document TDR1");
        assert!(inspection.summary[1].starts_with("  checksum (SHA-256 of RFC 8785 form): "));
        assert_eq!(inspection.content, parse(bytes).expect("json"));
    }

    #[test]
    fn garbage_and_broken_envelopes_are_clear_errors() {
        let err = inspect_bytes(b"%PDF-1.7\n").expect_err("not JSON");
        assert_eq!(err.code(), crate::ErrorCode::JsonSyntax);
        // An envelope whose manifest is not a JWS: the error says it is malformed.
        let broken = br#"{"transportDocument": {}, "envelopeManifestSignedContent": "a.b",
            "envelopeTransferChain": []}"#;
        let err = inspect_bytes(broken).expect_err("manifest is not a JWS");
        assert_eq!(err.code(), crate::ErrorCode::CryptoJwsMalformed);
        assert!(
            err.to_string().contains("three dot-separated parts"),
            "{err}"
        );
    }
}
