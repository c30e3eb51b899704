//! Additional documents (the carrier's visualisation, supporting documents): what a receiving
//! platform checks when one is uploaded after the envelope (`reference/dcsa.md` §2.8), and how
//! the transfer's verdict moves from `MDOC` to `RECE` once every declared document is in.

use serde::Serialize;

use super::types::{DocumentMetadata, ResponseCode};
use super::verify::{DOCUMENT_MISSING, EnvelopeReport};
use crate::checksum::sha256_hex;
use crate::json::{Limits, parse_with};
use crate::report::Finding;

/// Base64 encodes 3 bytes as 4 characters; a JSON string adds its quotes and some whitespace.
const BODY_SLACK: usize = 1024;

/// The receiver's answer to one `PUT …/additional-documents/{documentChecksum}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentUploadReport {
    /// The checksum the upload was addressed to (the path parameter).
    pub document_checksum: String,
    /// `None` when the document is accepted (HTTP 204, no body); otherwise the signed code to
    /// answer: `INCD` when the bytes are not the declared document, `BENV` when the body is
    /// not a JSON string of base64.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_code: Option<ResponseCode>,
    /// Why it was refused.
    pub findings: Vec<Finding>,
}

impl DocumentUploadReport {
    /// Whether the document is the one declared (answer 204).
    #[must_use]
    pub fn is_accepted(&self) -> bool {
        self.response_code.is_none()
    }

    fn refuse(mut self, code: ResponseCode, finding: Finding) -> DocumentUploadReport {
        self.response_code = Some(code);
        self.findings.push(finding);
        self
    }
}

/// Checks an uploaded additional document: `body` is the HTTP request body (a JSON string
/// holding the standard base64 of the file), `path_checksum` the `{documentChecksum}` it was
/// sent to, `declared` the documents of the envelope's manifest
/// ([`EnvelopeReport::declared_documents`]).
///
/// The SHA-256 of the decoded bytes must equal the path checksum and a declared document's
/// checksum, and the size must be the declared size; otherwise the answer is `INCD`, which does
/// not reject the transfer (the sender may resend). Uploading a document already received
/// again is accepted: the bytes are the declared ones, so nothing changes.
///
/// ```
/// use ebl::pint::{check_document_upload, DocumentMetadata, ResponseCode};
/// let pdf = b"%PDF-1.7 bill of lading";
/// let checksum = ebl::checksum::sha256_hex(pdf);
/// let declared = [DocumentMetadata {
///     name: "bl.pdf".into(), size: pdf.len() as u64, media_type: "application/pdf".into(),
///     document_checksum: checksum.clone(), extra: Default::default() }];
/// let body = format!("\"{}\"", ebl::crypto::b64::encode_standard(pdf));
/// assert!(check_document_upload(&declared, &checksum, body.as_bytes()).is_accepted());
///
/// let other = format!("\"{}\"", ebl::crypto::b64::encode_standard(b"something else"));
/// let refused = check_document_upload(&declared, &checksum, other.as_bytes());
/// assert_eq!(refused.response_code, Some(ResponseCode::InconclusiveDocument));
/// assert_eq!(refused.findings[0].code, "document-checksum-mismatch");
/// ```
#[must_use]
pub fn check_document_upload(
    declared: &[DocumentMetadata],
    path_checksum: &str,
    body: &[u8],
) -> DocumentUploadReport {
    let report = DocumentUploadReport {
        document_checksum: path_checksum.to_owned(),
        response_code: None,
        findings: Vec::new(),
    };
    let Some(document) = declared
        .iter()
        .find(|d| d.document_checksum == path_checksum)
    else {
        return report.refuse(
            ResponseCode::InconclusiveDocument,
            Finding::error(
                "document-not-declared",
                "$",
                format!("no document with checksum {path_checksum} is declared in the manifest"),
            ),
        );
    };
    let largest = usize::try_from(document.size)
        .unwrap_or(usize::MAX)
        .saturating_add(2)
        .saturating_div(3)
        .saturating_mul(4)
        .saturating_add(BODY_SLACK);
    let limits = Limits {
        max_bytes: largest.max(Limits::default().max_bytes),
        ..Limits::default()
    };
    let text = match parse_with(body, &limits) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(_) => {
            return report.refuse(
                ResponseCode::BadEnvelope,
                Finding::error(
                    "document-body-malformed",
                    "$",
                    "the body must be a JSON string holding the document's base64",
                ),
            );
        }
        Err(e) => {
            return report.refuse(
                ResponseCode::BadEnvelope,
                Finding::error("document-body-malformed", "$", e.to_string()),
            );
        }
    };
    let bytes = match crate::crypto::b64::decode_standard(&text, "the document") {
        Ok(bytes) => bytes,
        Err(e) => {
            return report.refuse(
                ResponseCode::BadEnvelope,
                Finding::error("document-body-malformed", "$", e.to_string()),
            );
        }
    };
    let checksum = sha256_hex(&bytes);
    if checksum != path_checksum {
        return report.refuse(
            ResponseCode::InconclusiveDocument,
            Finding::error(
                "document-checksum-mismatch",
                "$",
                format!(
                    "the uploaded bytes hash to {checksum}, not to {path_checksum} ({})",
                    document.name
                ),
            ),
        );
    }
    if bytes.len() as u64 != document.size {
        return report.refuse(
            ResponseCode::InconclusiveDocument,
            Finding::error(
                "document-size-mismatch",
                "$",
                format!(
                    "{} is declared as {} bytes and {} were uploaded",
                    document.name,
                    document.size,
                    bytes.len()
                ),
            ),
        );
    }
    report
}

impl EnvelopeReport {
    /// Records that the document with `checksum` has been received (after
    /// [`check_document_upload`] accepted it): it leaves [`EnvelopeReport::missing_documents`],
    /// its `document-missing` finding goes, and when nothing declared is missing any more an
    /// `MDOC` verdict becomes `RECE` (an envelope with a worse fault never reaches `MDOC`).
    /// Returns whether the document was missing.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::pint::*;
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    /// let carrier = TransactionParty::new("CAR1", "Lion City Ocean Lines", "SMDG", "LCOL");
    /// let shipper = TransactionParty::new("CAR1", "Straits Precision", "CAR1", "straits");
    /// let at = "2026-06-01T08:00:00Z".parse()?;
    /// let td = serde_json::json!({"transportDocumentReference": "LCOL123", "isToOrder": true});
    /// let issuance = Issuance { platform: "CAR1".into(), carrier, issue_to: shipper, at, visualisation: None };
    /// let builder = EnvelopeBuilder::issue(td, issuance, &key, &key, &rng)?;
    /// let invoice = b"commercial invoice 42";
    /// let declared = DocumentMetadata::for_bytes("invoice.txt", "text/plain", invoice);
    /// let envelope = builder.seal(&key, vec![declared.clone()], &rng)?;
    ///
    /// let mut trust = PintTrust::default();
    /// trust.trust_platform_key("CAR1", key.key.public_key().clone())?;
    /// let mut options = EnvelopeVerifyOptions::at(at);
    /// options.held_documents = Some(Default::default()); // this receiver holds none yet
    /// let mut report = verify_parsed_envelope(&envelope, &trust, &options);
    /// assert_eq!(report.response_code, ResponseCode::MissingDocuments);
    ///
    /// let body = format!("\"{}\"", ebl::crypto::b64::encode_standard(invoice));
    /// let upload = check_document_upload(&report.declared_documents, &declared.document_checksum, body.as_bytes());
    /// assert!(upload.is_accepted());
    /// assert!(report.document_received(&upload.document_checksum));
    /// assert_eq!(report.response_code, ResponseCode::Received);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document_received(&mut self, checksum: &str) -> bool {
        let Some(position) = self.missing_documents.iter().position(|c| c == checksum) else {
            return false;
        };
        self.missing_documents.remove(position);
        self.findings
            .retain(|f| !(f.code == DOCUMENT_MISSING.code && f.message.contains(checksum)));
        if self.missing_documents.is_empty() && self.response_code == ResponseCode::MissingDocuments
        {
            self.response_code = ResponseCode::Received;
        }
        true
    }
}
