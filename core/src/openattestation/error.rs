//! What can go wrong when wrapping, obfuscating, unsalting or signing an OpenAttestation
//! document. Verification verdicts are findings, not errors (see [`super::IntegrityCheck`]).

use crate::code::ErrorCode;

/// Why an OpenAttestation operation could not be carried out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OaError {
    /// The document does not have the OpenAttestation v2 shape needed for the operation.
    #[error("{path}: {message}")]
    Malformed {
        /// JSON path of the offending value.
        path: String,
        /// What was expected.
        message: String,
    },
    /// A member name contains `.`: OpenAttestation v2 joins paths with `.` and its flattening
    /// throws on such names, so the document could never be verified.
    #[error("{path}: the member name {key:?} contains '.', which OpenAttestation v2 cannot hash")]
    KeyWithDot {
        /// JSON path of the member.
        path: String,
        /// The member name.
        key: String,
    },
    /// A member OpenAttestation's flattening would leave out of the hash (a top-level
    /// `__proto__`, or the children of a top-level `""` that collide with other paths), so
    /// its value would not be protected.
    #[error("{path}: {message}")]
    UnprotectedMember {
        /// JSON path of the member.
        path: String,
        /// Why it would not be protected.
        message: String,
    },
    /// A salt source returned something that is not a UUID v4; OpenAttestation could not
    /// unsalt the value again.
    #[error("salt {salt:?} is not a UUID v4 (8-4-4-4-12 hex digits, version 4, variant 8-b)")]
    InvalidSalt {
        /// What the salt source returned.
        salt: String,
    },
    /// A fixed salt list holds a salt that is not a UUID v4.
    #[error(
        "fixed salt {index} ({salt:?}) is not a UUID v4 (8-4-4-4-12 hex digits, version 4, variant 8-b)"
    )]
    FixedSaltMalformed {
        /// Its position in the list, from 0.
        index: usize,
        /// The salt as given.
        salt: String,
    },
    /// A fixed salt list ran out: the data has more primitives than salts were given.
    #[error("the {given} fixed salts ran out: the data has more primitive values than that")]
    FixedSaltsExhausted {
        /// How many salts the list held.
        given: usize,
    },
    /// One document of a batch could not be read or wrapped; `error` says why and carries
    /// the code.
    #[error("document {index} of the batch: {error}")]
    BatchDocument {
        /// Its position in the batch, from 0.
        index: usize,
        /// Why it was refused.
        error: Box<crate::Error>,
    },
    /// The random number generator failed.
    #[error("the random number generator failed")]
    Random,
    /// `wrap_batch` was given no documents.
    #[error("a batch needs at least one document")]
    EmptyBatch,
    /// An obfuscation path is malformed or does not name a value in `data`.
    #[error("obfuscation path {path:?}: {message}")]
    ObfuscationPath {
        /// The path as given.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// Obfuscating a whole array element leaves a hole that JSON writes as `null`, a new
    /// leaf, so the saved document would fail verification (OpenAttestation v4 refuses it too).
    #[error(
        "obfuscation path {path:?} names a whole array element; the saved document would fail verification (obfuscate the fields inside it, or the whole array)"
    )]
    ObfuscateArrayElement {
        /// The path as given.
        path: String,
    },
    /// Obfuscating would leave an empty object, which becomes a new leaf, so the document
    /// would fail verification (OpenAttestation v4 refuses it too).
    #[error(
        "obfuscation would leave the object at {at} empty; an empty object is a new leaf and the document would fail verification (obfuscate the whole object instead)"
    )]
    ObfuscateLeavesEmpty {
        /// JSON path of the object that would be left empty.
        at: String,
    },
    /// A salted value cannot be read back (unknown type tag).
    #[error("{path}: cannot unsalt {value:?}: {message}")]
    Unsalt {
        /// JSON path of the value.
        path: String,
        /// The salted string.
        value: String,
        /// Why.
        message: String,
    },
    /// A key, address or signature given to the DID proof functions is unusable.
    #[error("DID proof: {0}")]
    Key(String),
    /// TradeTrust bill-of-lading data cannot be mapped.
    #[error("{path}: {message}")]
    Mapping {
        /// JSON path of the offending value.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl OaError {
    /// The stable numeric code of this error.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            OaError::Malformed { .. } => ErrorCode::OaMalformed,
            OaError::KeyWithDot { .. } | OaError::UnprotectedMember { .. } => {
                ErrorCode::OaUnhashableKey
            }
            OaError::InvalidSalt { .. }
            | OaError::FixedSaltMalformed { .. }
            | OaError::FixedSaltsExhausted { .. } => ErrorCode::OaInvalidSalt,
            OaError::BatchDocument { error, .. } => error.code(),
            OaError::Random => ErrorCode::OaRandom,
            OaError::EmptyBatch => ErrorCode::OaEmptyBatch,
            OaError::ObfuscationPath { .. } => ErrorCode::OaObfuscationPath,
            OaError::ObfuscateArrayElement { .. } | OaError::ObfuscateLeavesEmpty { .. } => {
                ErrorCode::OaUnsafeObfuscation
            }
            OaError::Unsalt { .. } => ErrorCode::OaUnsalt,
            OaError::Key(_) => ErrorCode::OaKey,
            OaError::Mapping { .. } => ErrorCode::OaMapping,
        }
    }
}

impl OaError {
    pub(crate) fn malformed(path: impl Into<String>, message: impl Into<String>) -> OaError {
        OaError::Malformed {
            path: path.into(),
            message: message.into(),
        }
    }
}
