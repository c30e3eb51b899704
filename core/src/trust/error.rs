//! What can go wrong loading a trust store or importing a signed trust list (codes 7xx).

use crate::code::ErrorCode;

/// Why a trust store or a trust list was refused.
///
/// Every variant names the source (a file name or `embedded:…`) and, where it applies, the
/// JSON path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrustError {
    /// The file is not a trust store of the documented shape.
    #[error("{source_name}: {path}: {message}")]
    Invalid {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the offending value.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Two parties share an id, or one key id is bound to two parties.
    #[error("{source_name}: {path}: duplicate {what} '{id}'")]
    Duplicate {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the second occurrence.
        path: String,
        /// `party id` or `key id`.
        what: &'static str,
        /// The repeated identifier.
        id: String,
    },
    /// A validity window ends before it starts.
    #[error("{source_name}: {path}: validity window ends ({until}) before it starts ({from})")]
    InvalidWindow {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the window.
        path: String,
        /// Start of the window (RFC 3339).
        from: String,
        /// End of the window (RFC 3339).
        until: String,
    },
    /// A revocation names a key the party does not have.
    #[error("{source_name}: {path}: revocation of unknown key id '{kid}'")]
    UnknownKey {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the revocation.
        path: String,
        /// The key id named.
        kid: String,
    },
    /// A signed trust list is not a well-formed compact JWS carrying a trust-list payload.
    #[error("trust list: {message}")]
    ListMalformed {
        /// What is wrong.
        message: String,
    },
    /// A signed trust list's signature does not verify with the publisher's key.
    #[error("trust list from '{issuer}': bad signature: {message}")]
    ListBadSignature {
        /// The issuer the list claims.
        issuer: String,
        /// What the verifier reported.
        message: String,
    },
    /// A signed trust list names an issuer other than the one expected.
    #[error("trust list issuer is '{found}', expected '{expected}'")]
    ListWrongIssuer {
        /// The issuer the importer expected.
        expected: String,
        /// The issuer the list names.
        found: String,
    },
    /// A signed trust list is not newer than the one already imported (a replay or rollback).
    #[error(
        "trust list from '{issuer}' has sequence number {found}, not newer than the imported {current}: refusing a replayed or older list"
    )]
    ListReplayed {
        /// The issuer of the list.
        issuer: String,
        /// The sequence number of the refused list.
        found: u64,
        /// The sequence number already imported.
        current: u64,
    },
    /// A signed trust list is outside its validity period at the import time.
    #[error("trust list from '{issuer}' is {state} at {at} (valid {from} to {until})")]
    ListOutsideValidity {
        /// The issuer of the list.
        issuer: String,
        /// `expired` or `not yet valid`.
        state: &'static str,
        /// The import time (RFC 3339).
        at: String,
        /// Start of the list's validity (RFC 3339).
        from: String,
        /// End of the list's validity (RFC 3339).
        until: String,
    },
    /// A signed trust list given with trust stores was not imported (the reason inside).
    #[error("trust list refused: {reason}")]
    ListRefused {
        /// Why.
        reason: Box<TrustError>,
    },
    /// Bytes that are neither a trust store, a trust list nor a signed trust list.
    #[error("not a trust store (JSON) or a signed trust list (JWS){detail}")]
    Unrecognised {
        /// What was found instead (empty, or `: ` and the reason).
        detail: String,
    },
}

impl TrustError {
    /// The stable code of this error.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            TrustError::Invalid { .. } => ErrorCode::TrustStoreInvalid,
            TrustError::Duplicate { .. } => ErrorCode::TrustDuplicate,
            TrustError::InvalidWindow { .. } => ErrorCode::TrustInvalidWindow,
            TrustError::UnknownKey { .. } => ErrorCode::TrustUnknownKey,
            TrustError::ListMalformed { .. } => ErrorCode::TrustListMalformed,
            TrustError::ListBadSignature { .. } => ErrorCode::TrustListBadSignature,
            TrustError::ListWrongIssuer { .. } => ErrorCode::TrustListWrongIssuer,
            TrustError::ListReplayed { .. } => ErrorCode::TrustListReplayed,
            TrustError::ListOutsideValidity { .. } => ErrorCode::TrustListOutsideValidity,
            TrustError::ListRefused { reason } => reason.code(),
            TrustError::Unrecognised { .. } => ErrorCode::TrustStoreInvalid,
        }
    }
}
