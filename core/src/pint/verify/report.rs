//! What the receiver's procedure reports: the verdict, the findings, the signers, and what
//! each chain entry showed.

use serde::Serialize;

use crate::pint::types::{DocumentMetadata, ResponseCode, Transaction};
use crate::report::Finding;
use crate::title::{History, Replay};

/// Who signed something, as far as the signature told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignerInfo {
    /// The JWS algorithm (`EdDSA`, `RS256`, …).
    pub algorithm: String,
    /// The header's `kid`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// RFC 7638 thumbprint of the key that verified (absent when none did).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_thumbprint: Option<String>,
    /// Subject of the `x5c` leaf certificate, when a chain was validated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_subject: Option<String>,
    /// Whether the signature verified under the receiver's trust.
    pub verified: bool,
}

/// What was found about one transfer-chain entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryReport {
    /// Position in `envelopeTransferChain`.
    pub index: usize,
    /// SHA-256 of the entry's JWS string.
    pub checksum: String,
    /// The platform that recorded it (`eblPlatform`), if the payload could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The entry's signature.
    pub signer: SignerInfo,
    /// For entry 0: the carrier's signature on the issuance manifest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuance_signer: Option<SignerInfo>,
    /// Whether the entry's signed payload could be read and names the transport document
    /// received (its `transportDocumentChecksum` is the received document's), so that its
    /// signature, if verified, is a signature over the content received.
    pub content_matches: bool,
    /// Whether the entry's hash link to the entry before it held: `Some(true)` for a later
    /// entry that names the previous entry's checksum, `Some(false)` for a link that is
    /// missing, wrong, or present in the first entry; `None` for a first entry without a link
    /// or an entry whose payload could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_ok: Option<bool>,
    /// For entry 0 with an issuance manifest: whether the carrier's manifest could be read and
    /// covers the content received (the transport document's checksum and, when the envelope
    /// manifest declares one, the visualisation's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuance_content_matches: Option<bool>,
    /// The transactions it records.
    pub transactions: Vec<Transaction>,
}

/// The outcome of [`verify_envelope`](super::verify_envelope): the PINT verdict and everything that led to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeReport {
    /// The verdict as a PINT response code: `RECE` when the envelope is acceptable.
    pub response_code: ResponseCode,
    /// Every finding, in the order the procedure made them.
    pub findings: Vec<Finding>,
    /// `transportDocumentReference`, if present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport_document_reference: Option<String>,
    /// SHA-256 of the RFC 8785 form of the received transport document.
    pub transport_document_checksum: String,
    /// SHA-256 of the last chain entry's JWS string (the transfer's identity, used for DUPE).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_entry_checksum: Option<String>,
    /// The sending platform's signature on the manifest.
    pub sender: SignerInfo,
    /// Whether the envelope manifest could be read and covers the content received: the
    /// transport document's checksum and the last chain entry's checksum.
    pub manifest_content_matches: bool,
    /// One report per chain entry.
    pub entries: Vec<EntryReport>,
    /// The documents the manifest declares (visualisation first).
    pub declared_documents: Vec<DocumentMetadata>,
    /// Declared documents the receiver does not hold (see
    /// [`EnvelopeVerifyOptions::held_documents`](super::EnvelopeVerifyOptions::held_documents)).
    pub missing_documents: Vec<String>,
    /// The title history the chain records.
    pub history: History,
    /// The replay of that history: holder and status at every step.
    #[serde(skip)]
    pub replay: Replay,
}

impl EnvelopeReport {
    /// Whether the envelope is acceptable (`RECE`).
    #[must_use]
    pub fn is_accepted(&self) -> bool {
        self.response_code == ResponseCode::Received
    }

    /// The findings that count against the envelope.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }
}
