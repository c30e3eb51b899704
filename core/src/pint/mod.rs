//! DCSA eBL Platform Interoperability (PINT) 3.0: envelopes, transfer chains and the
//! receiver's verification procedure.
//!
//! One platform hands an eBL to another as an [`EblEnvelope`]: the transport document, a
//! chain of signed entries (each a batch of [`Transaction`]s recorded by one platform, linked
//! to the one before it by SHA-256), and a manifest signed by the sender that binds the
//! document and the chain's last entry. Entry 0 carries the carrier's signed
//! [`IssuanceManifest`].
//!
//! - [`verify_envelope`] runs the receiver's procedure of `reference/dcsa.md` §2.7 and returns
//!   an [`EnvelopeReport`]: the PINT [`ResponseCode`] (`RECE`, `BSIG`, `BENV`, `MDOC`), every
//!   finding with its chain-entry index and JSON path, the signers, and the title
//!   [`History`](crate::title::History) the chain records, replayed against the title rules.
//! - [`EnvelopeBuilder`] issues, records transactions and seals envelopes.
//! - [`sign_response`] / [`verify_response`] handle the signed `EnvelopeTransferFinishedResponse`.
//! - [`receive_envelope_recorded`] receives with memory (a [`crate::title::Registry`]):
//!   `DUPE`, `DISE`, `MDOC` until [`upload_document_recorded`] brings the documents, and a
//!   `RECE` recorded before it is returned.
//! - [`check_document_upload`] checks an additional document uploaded after the envelope
//!   (`INCD` when it is not the declared one), and [`EnvelopeReport::document_received`] moves
//!   an `MDOC` verdict to `RECE` once every declared document is in.
//!
//! Checksums follow DCSA exactly: the document by its RFC 8785 form, chain entries and
//! manifests by their JWS strings as received (see [`crate::checksum`]).
//!
//! ## Finding codes and the response they lead to
//!
//! | code | response |
//! |---|---|
//! | `manifest-signature`, `entry-signature`, `issuance-manifest-signature` | `BSIG` |
//! | `manifest-signer-not-sending-platform`, `entry-signer-not-entry-platform`, `issuance-manifest-signer-not-carrier` | `BSIG` |
//! | `manifest-malformed`, `entry-malformed`, `issuance-manifest-malformed`, `chain-empty`, `chain-too-long` | `BENV` |
//! | `transport-document-checksum-mismatch`, `last-entry-checksum-mismatch`, `entry-transport-document-checksum-mismatch` | `BENV` |
//! | `chain-link-in-first-entry`, `chain-link-missing`, `chain-link-broken` | `BENV` |
//! | `issuance-manifest-missing`, `issuance-manifest-checksum-mismatch`, `visualisation-checksum-mismatch` | `BENV` |
//! | `control-tracking-registry-not-in-first-entry`, `transactions-empty`, `first-transaction-not-issue`, `issue-not-first`, `unknown-action-code` | `BENV` |
//! | `recipient-not-this-platform` | `BENV` |
//! | every title rule of [`crate::title`] (`straight-bill-endorsed`, `event-after-terminal`, …) | `BENV` |
//! | `document-missing` | `MDOC` |
//! | on upload ([`check_document_upload`]): `document-not-declared`, `document-checksum-mismatch`, `document-size-mismatch` | `INCD` |
//! | on upload: `document-body-malformed` | `BENV` |
//! | transport-document validation ([`crate::model`]), `legacy-transaction-format`, `issuance-manifest-not-first` | warning / info only |
//!
//! A bad signature outranks everything else (the receiver can assert nothing about content
//! it cannot authenticate), then `BENV`, then `MDOC`.

mod builder;
mod documents;
mod history;
mod issuance;
mod party_text;
mod receive;
mod recorded;
mod response;
mod steps;
mod trust;
mod types;
pub(crate) mod verify;

pub use builder::{EnvelopeBuilder, Issuance, Signer};
pub use documents::{DocumentUploadReport, check_document_upload};
pub use history::{history_from_chain, party};
pub use issuance::{IssuanceReport, Visualisation, sign_issuance_request, verify_issuance_request};
pub use receive::{ReceivedEnvelope, receive_envelope};
pub use recorded::{DuplicatePolicy, receive_envelope_recorded, upload_document_recorded};
pub use response::{sign_response, verify_response};
pub use steps::{EndorseTo, SurrenderPurpose, endorsement_steps};
pub use trust::PintTrust;
pub use types::{
    ActionCode, DocumentMetadata, EblEnvelope, EnvelopeManifest, EnvelopeTransferChainEntry,
    EnvelopeTransferFinishedResponse, IdentifyingCode, IssuanceManifest, ResponseCode, Transaction,
    TransactionGeneration, TransactionParty,
};
pub use verify::{
    EntryReport, EnvelopeReport, EnvelopeVerifyOptions, MAX_CHAIN_ENTRIES, SignerInfo,
    verify_envelope, verify_parsed_envelope,
};

use crate::code::ErrorCode;

/// Why a PINT operation could not be carried out (verification problems are findings, not
/// errors).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PintError {
    /// A chain entry must record at least one transaction, and an envelope needs an entry.
    #[error("a chain entry must record at least one transaction")]
    NoTransactions,
    /// A payload could not be serialised.
    #[error("could not serialise a PINT payload: {0}")]
    Serialize(String),
    /// A signed response answers a different transfer.
    #[error("the signed response is for transfer {found}, not for {expected}")]
    ResponseForAnotherTransfer {
        /// The checksum of the last entry we sent.
        expected: String,
        /// The checksum the response names.
        found: String,
    },
    /// A party written as text is not `PLATFORM:PROVIDER:CODE[:NAME]`.
    #[error("party {text:?}: {reason}")]
    PartyMalformed {
        /// The text given.
        text: String,
        /// What is wrong, and the expected form.
        reason: String,
    },
}

impl PintError {
    /// The stable code of this error.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            PintError::NoTransactions => ErrorCode::PintNoTransactions,
            PintError::Serialize(_) => ErrorCode::PintSerialize,
            PintError::ResponseForAnotherTransfer { .. } => ErrorCode::PintResponseMismatch,
            PintError::PartyMalformed { .. } => ErrorCode::InvalidArgument,
        }
    }
}
