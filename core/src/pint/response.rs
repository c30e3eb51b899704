//! The receiver's signed answer: `EnvelopeTransferFinishedResponse`.

use chrono::{DateTime, Utc};
use ring::rand::SecureRandom;
use serde_json::Map;

use super::builder::Signer;
use super::types::{EnvelopeTransferFinishedResponse, ResponseCode};
use super::verify::EnvelopeReport;
use crate::crypto::jws::JwsVerifier;
use crate::json::{JsonPath, from_value};

/// The longest `reason` PINT allows.
const MAX_REASON: usize = 255;

impl EnvelopeReport {
    /// The answer this report calls for, ready to sign with [`sign_response`].
    ///
    /// `RECE` carries the received documents and no reason; the other codes carry the first
    /// error's message (cut to PINT's 255 characters), and `MDOC` the missing documents.
    #[must_use]
    pub fn finished_response(&self) -> EnvelopeTransferFinishedResponse {
        let reason = (self.response_code != ResponseCode::Received)
            .then(|| {
                self.errors()
                    .next()
                    .map(|f| truncate(&f.to_string(), MAX_REASON))
            })
            .flatten();
        let received = matches!(
            self.response_code,
            ResponseCode::Received | ResponseCode::Duplicate
        )
        .then(|| {
            self.declared_documents
                .iter()
                .map(|d| d.document_checksum.clone())
                .collect()
        })
        .unwrap_or_default();
        EnvelopeTransferFinishedResponse {
            last_envelope_transfer_chain_entry_signed_content_checksum: self
                .last_entry_checksum
                .clone()
                .unwrap_or_default(),
            response_code: self.response_code,
            duplicate_of_accepted_envelope_transfer_chain_entry_signed_content: None,
            reason,
            missing_additional_document_checksums: if self.response_code
                == ResponseCode::MissingDocuments
            {
                self.missing_documents.clone()
            } else {
                Vec::new()
            },
            received_additional_document_checksums: received,
            extra: Map::new(),
        }
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

/// Signs a finished response as the receiving platform.
pub fn sign_response(
    response: &EnvelopeTransferFinishedResponse,
    receiver: &Signer,
    rng: &dyn SecureRandom,
) -> crate::Result<String> {
    receiver.sign_json(response, rng)
}

/// Verifies a signed finished response (as the sender, with the receiver's key) and reads it.
///
/// `expected_last_entry_checksum` is the checksum of the last chain entry the sender sent: a
/// response for another transfer is refused.
pub fn verify_response(
    compact: &str,
    verifier: &JwsVerifier,
    at: DateTime<Utc>,
    expected_last_entry_checksum: &str,
) -> crate::Result<EnvelopeTransferFinishedResponse> {
    let verified = verifier.verify(compact, at)?;
    let response: EnvelopeTransferFinishedResponse =
        from_value(&verified.payload_json()?, &JsonPath::root())?;
    if response.last_envelope_transfer_chain_entry_signed_content_checksum
        != expected_last_entry_checksum
    {
        return Err(super::PintError::ResponseForAnotherTransfer {
            expected: expected_last_entry_checksum.to_owned(),
            found: response
                .last_envelope_transfer_chain_entry_signed_content_checksum
                .clone(),
        }
        .into());
    }
    Ok(response)
}
