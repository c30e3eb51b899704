//! What can go wrong with keys, algorithms, JWS and certificates.

use crate::code::ErrorCode;

/// Why a key, a signature or a certificate chain was refused.
///
/// Every refusal a verifier may need to tell apart has its own variant and its own
/// [`ErrorCode`]: a signature that does not verify ([`CryptoError::SignatureInvalid`]) is not
/// an unknown key ([`CryptoError::UnknownKey`]), an expired certificate
/// ([`CryptoError::CertificateExpired`]) or a chain that does not reach a trust anchor
/// ([`CryptoError::CertificateUntrusted`]).
///
/// ```
/// use ebl::crypto::{Algorithm, CryptoError, PublicKey};
///
/// let key = PublicKey::from_jwk(&serde_json::json!({
///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
/// }))?;
/// let err = key.verify(Algorithm::EdDSA, b"message", &[0; 64]).unwrap_err();
/// assert_eq!(err, CryptoError::SignatureInvalid);
/// assert!(matches!(key.verify(Algorithm::ES256, b"message", &[0; 64]),
///     Err(CryptoError::AlgorithmKeyMismatch { .. })));
/// # Ok::<(), ebl::crypto::CryptoError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// Base64 or base64url text that is not in the one canonical form (padding where none
    /// belongs, characters outside the alphabet, non-zero trailing bits).
    #[error("{what}: not canonical {alphabet}: {reason}")]
    InvalidBase64 {
        /// What was being decoded, for example `JWS protected header`.
        what: String,
        /// `base64url` or `base64`.
        alphabet: &'static str,
        /// What the decoder found.
        reason: String,
    },
    /// A key that cannot be used: malformed encoding, unsupported type or curve, RSA modulus
    /// outside 2048–8192 bits, private material where a public key was expected.
    #[error("key rejected: {reason}")]
    KeyRejected {
        /// What was wrong with the key.
        reason: String,
    },
    /// A PEM document that is malformed or has an unexpected label.
    #[error("PEM: {reason}")]
    Pem {
        /// What was wrong.
        reason: String,
    },
    /// An algorithm name this library does not implement (for example `ES512` or `RSA1_5`).
    #[error("unsupported algorithm {alg:?}")]
    UnsupportedAlgorithm {
        /// The name as given.
        alg: String,
    },
    /// `alg: none`: an unsecured JWS, always refused.
    #[error("unsecured JWS (alg \"none\") refused")]
    AlgNone,
    /// An HMAC algorithm (`HS256`, `HS384`, `HS512`): symmetric keys are never accepted, so a
    /// public key cannot be abused as an HMAC secret.
    #[error("HMAC algorithm {alg:?} refused: only asymmetric signatures are accepted")]
    HmacAlgorithm {
        /// The algorithm named in the header.
        alg: String,
    },
    /// A known algorithm that the caller's allow-list does not include.
    #[error("algorithm {alg} is not in the allowed set")]
    AlgorithmNotAllowed {
        /// The algorithm named in the header.
        alg: String,
    },
    /// The algorithm does not fit the key type (for example `RS256` with an Ed25519 key).
    #[error("algorithm {alg} cannot be used with a {key_type} key")]
    AlgorithmKeyMismatch {
        /// The algorithm requested.
        alg: String,
        /// The key's type.
        key_type: String,
    },
    /// The JWS `crit` header names an extension this verifier does not understand
    /// (RFC 7515 §4.1.11), or `crit` itself is malformed.
    #[error("JWS crit header: {reason}")]
    UnknownCritical {
        /// Which extension, or what was wrong with `crit`.
        reason: String,
    },
    /// A string that is not a JWS in compact serialization, or a protected header of the wrong
    /// shape.
    #[error("malformed JWS: {reason}")]
    JwsMalformed {
        /// What was wrong.
        reason: String,
    },
    /// The signature does not verify with the key. Deliberately says nothing more.
    #[error("signature does not verify")]
    SignatureInvalid,
    /// No trusted key matches the JWS (by `kid`, or by trying every allowed key).
    #[error("no trusted key for this signature{}", kid.as_ref().map(|k| format!(" (kid {k:?})")).unwrap_or_default())]
    UnknownKey {
        /// The `kid` of the JWS header, if it had one.
        kid: Option<String>,
    },
    /// A certificate that cannot be parsed or uses something unsupported.
    #[error("certificate {index}: {reason}")]
    CertificateMalformed {
        /// Position in the chain (0 = leaf) or in the anchor list.
        index: usize,
        /// What was wrong.
        reason: String,
    },
    /// A certificate whose validity ended before the time of evaluation.
    #[error("certificate {index} ({subject}) expired at {not_after}")]
    CertificateExpired {
        /// Position in the chain (0 = leaf).
        index: usize,
        /// The certificate's subject.
        subject: String,
        /// Its `notAfter`, RFC 3339.
        not_after: String,
    },
    /// A certificate whose validity begins after the time of evaluation.
    #[error("certificate {index} ({subject}) is not valid before {not_before}")]
    CertificateNotYetValid {
        /// Position in the chain (0 = leaf).
        index: usize,
        /// The certificate's subject.
        subject: String,
        /// Its `notBefore`, RFC 3339.
        not_before: String,
    },
    /// A well-formed chain that does not lead to any configured trust anchor.
    #[error("certificate chain is not trusted: {reason}")]
    CertificateUntrusted {
        /// Why no anchor was reached.
        reason: String,
    },
    /// A chain that is broken: a signature between certificates fails, an issuer is not a CA,
    /// a path-length or key-usage constraint is violated, an unknown critical extension.
    #[error("certificate {index}: invalid chain: {reason}")]
    CertificateChainInvalid {
        /// Position in the chain of the certificate at fault (0 = leaf).
        index: usize,
        /// What was wrong.
        reason: String,
    },
    /// The leaf certificate's key is not the key that verified (or was meant to verify) the
    /// JWS, so the certificate does not vouch for the signer.
    #[error("certificate does not match the signing key: {reason}")]
    CertificateKeyMismatch {
        /// What differed.
        reason: String,
    },
    /// Signing could not be carried out (random-number failure or an inconsistent key).
    #[error("signing failed: {reason}")]
    SigningFailed {
        /// What failed.
        reason: String,
    },
    /// JSON inside a key or JWS (a JWK, a JWKS, a protected header) is not acceptable strict
    /// JSON. Its code is the JSON error's, and it becomes [`crate::Error::Json`] at an entry
    /// point, as if the JSON had been parsed there.
    ///
    /// ```
    /// use ebl::crypto::{CryptoError, KeySet};
    ///
    /// let err = KeySet::from_jwks_bytes(br#"{"keys": [], "keys": []}"#).unwrap_err();
    /// assert!(matches!(err, CryptoError::Json(_)));
    /// assert_eq!(err.code(), ebl::ErrorCode::JsonDuplicateKey);
    /// assert!(matches!(ebl::Error::from(err), ebl::Error::Json(_)));
    /// ```
    #[error(transparent)]
    Json(#[from] crate::json::JsonError),
}

impl CryptoError {
    /// The stable code of this error.
    ///
    /// ```
    /// use ebl::crypto::CryptoError;
    /// use ebl::ErrorCode;
    ///
    /// assert_eq!(CryptoError::AlgNone.code(), ErrorCode::CryptoAlgNone);
    /// let err = "HS256".parse::<ebl::crypto::Algorithm>().unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::CryptoHmacAlgorithm);
    /// assert_eq!(ebl::Error::from(err).code(), ErrorCode::CryptoHmacAlgorithm);
    /// ```
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            CryptoError::InvalidBase64 { .. } => ErrorCode::CryptoInvalidBase64,
            CryptoError::KeyRejected { .. } => ErrorCode::CryptoKeyRejected,
            CryptoError::Pem { .. } => ErrorCode::CryptoPem,
            CryptoError::UnsupportedAlgorithm { .. } => ErrorCode::CryptoUnsupportedAlgorithm,
            CryptoError::AlgNone => ErrorCode::CryptoAlgNone,
            CryptoError::HmacAlgorithm { .. } => ErrorCode::CryptoHmacAlgorithm,
            CryptoError::AlgorithmNotAllowed { .. } => ErrorCode::CryptoAlgorithmNotAllowed,
            CryptoError::AlgorithmKeyMismatch { .. } => ErrorCode::CryptoAlgorithmKeyMismatch,
            CryptoError::UnknownCritical { .. } => ErrorCode::CryptoUnknownCritical,
            CryptoError::JwsMalformed { .. } => ErrorCode::CryptoJwsMalformed,
            CryptoError::SignatureInvalid => ErrorCode::CryptoSignatureInvalid,
            CryptoError::UnknownKey { .. } => ErrorCode::CryptoUnknownKey,
            CryptoError::CertificateMalformed { .. } => ErrorCode::CryptoCertificateMalformed,
            CryptoError::CertificateExpired { .. } => ErrorCode::CryptoCertificateExpired,
            CryptoError::CertificateNotYetValid { .. } => ErrorCode::CryptoCertificateNotYetValid,
            CryptoError::CertificateUntrusted { .. } => ErrorCode::CryptoCertificateUntrusted,
            CryptoError::CertificateChainInvalid { .. } => ErrorCode::CryptoCertificateChainInvalid,
            CryptoError::CertificateKeyMismatch { .. } => ErrorCode::CryptoCertificateKeyMismatch,
            CryptoError::SigningFailed { .. } => ErrorCode::CryptoSigningFailed,
            CryptoError::Json(e) => e.code(),
        }
    }

    pub(crate) fn key(reason: impl Into<String>) -> Self {
        CryptoError::KeyRejected {
            reason: reason.into(),
        }
    }

    pub(crate) fn jws(reason: impl Into<String>) -> Self {
        CryptoError::JwsMalformed {
            reason: reason.into(),
        }
    }
}
