//! Decoding a compact JWS (RFC 7515 §7.1) and verifying it with one known key (§5.2).

use serde_json::Value;

use super::header::ProtectedHeader;
use crate::crypto::x509::Certificate;
use crate::crypto::{AlgorithmSet, CryptoError, PublicKey, b64};

/// A JWS that has been parsed but not verified. Nothing in it is trustworthy yet.
///
/// ```
/// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
/// let unverified = ebl::crypto::jws::decode_compact(RFC8037_JWS)?;
/// assert_eq!(unverified.payload(), b"Example of Ed25519 signing"); // readable, not yet trusted
/// let verified = unverified.verify(&rfc8037_key()?, &Default::default())?;
/// assert_eq!(verified.payload(), unverified.payload());
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct UnverifiedJws {
    compact: String,
    signing_input_len: usize,
    header: ProtectedHeader,
    payload: Vec<u8>,
    signature: Vec<u8>,
}

/// Parses a JWS compact serialization without verifying it.
///
/// Fails if there are not exactly three base64url parts in canonical form, if the header is
/// not a JSON object (duplicate members included) or is of the wrong shape, if `alg` is
/// `none` ([`CryptoError::AlgNone`]), an HMAC ([`CryptoError::HmacAlgorithm`]) or unknown
/// ([`CryptoError::UnsupportedAlgorithm`]), or if `crit` is malformed.
///
/// ```
/// use ebl::crypto::jws;
/// use ebl::ErrorCode;
///
/// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
/// assert_eq!(jws::decode_compact(RFC8037_JWS)?.signature().len(), 64);
/// assert_eq!(jws::decode_compact("e30.e30").unwrap_err().code(), ErrorCode::CryptoJwsMalformed);
/// // {"alg":"none"}
/// assert_eq!(jws::decode_compact("eyJhbGciOiJub25lIn0.e30.AA").unwrap_err().code(), ErrorCode::CryptoAlgNone);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn decode_compact(compact: &str) -> Result<UnverifiedJws, CryptoError> {
    let mut parts = compact.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(CryptoError::jws(
            "a compact JWS has exactly three dot-separated parts",
        ));
    };
    let header_bytes = b64::decode_url(header_b64, "JWS protected header")?;
    let header_json = match crate::json::parse(&header_bytes)? {
        Value::Object(map) => map,
        _ => {
            return Err(CryptoError::jws(
                "the protected header is not a JSON object",
            ));
        }
    };
    let header = ProtectedHeader::from_json(header_json)?;
    let payload = b64::decode_url(payload_b64, "JWS payload")?;
    let signature = b64::decode_url(signature_b64, "JWS signature")?;
    if signature.is_empty() {
        return Err(CryptoError::jws("empty signature"));
    }
    Ok(UnverifiedJws {
        compact: compact.to_owned(),
        signing_input_len: header_b64.len() + 1 + payload_b64.len(),
        header,
        payload,
        signature,
    })
}

impl UnverifiedJws {
    /// The protected header.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(RFC8037_JWS)?;
    /// assert_eq!(decoded.header().alg(), ebl::crypto::Algorithm::EdDSA);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn header(&self) -> &ProtectedHeader {
        &self.header
    }

    /// The decoded payload bytes (unverified).
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(RFC8037_JWS)?;
    /// assert_eq!(decoded.payload(), b"Example of Ed25519 signing");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The decoded signature bytes.
    ///
    /// ```
    /// use ebl::crypto::Algorithm;
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(RFC8037_JWS)?;
    /// assert_eq!(decoded.signature().len(), 64); // Ed25519
    /// let key = rfc8037_key()?;
    /// assert!(key.verify(Algorithm::EdDSA, decoded.signing_input(), decoded.signature()).is_ok());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// The signing input: the received `header.payload` text.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(RFC8037_JWS)?;
    /// assert_eq!(decoded.signing_input(), b"eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn signing_input(&self) -> &[u8] {
        self.compact
            .as_bytes()
            .get(..self.signing_input_len)
            .unwrap_or_default()
    }

    /// The compact serialization as received.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(RFC8037_JWS)?;
    /// assert_eq!(decoded.compact(), RFC8037_JWS); // what a DCSA checksum is computed over
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn compact(&self) -> &str {
        &self.compact
    }

    /// Checks the algorithm against `allowed` and the `crit` header, then verifies the
    /// signature with `key`.
    ///
    /// ```
    /// use ebl::crypto::{jws, Algorithm, AlgorithmSet, KeyType, PrivateKey};
    /// use ebl::ErrorCode;
    ///
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = jws::decode_compact(RFC8037_JWS)?;
    /// assert!(decoded.verify(&rfc8037_key()?, &AlgorithmSet::default()).is_ok());
    /// let other = PrivateKey::generate(KeyType::Ed25519, &ring::rand::SystemRandom::new())?;
    /// let err = decoded.verify(other.public_key(), &AlgorithmSet::default()).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::CryptoSignatureInvalid);
    /// let es256_only = AlgorithmSet::new([Algorithm::ES256]);
    /// let err = decoded.verify(&rfc8037_key()?, &es256_only).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::CryptoAlgorithmNotAllowed);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn verify(
        &self,
        key: &PublicKey,
        allowed: &AlgorithmSet,
    ) -> Result<VerifiedJws, CryptoError> {
        self.check_policy(allowed)?;
        key.verify(self.header.alg(), self.signing_input(), &self.signature)?;
        Ok(self.verified(key.clone(), None, Vec::new()))
    }

    /// Refuses an algorithm outside `allowed` and any `crit` extension.
    pub(super) fn check_policy(&self, allowed: &AlgorithmSet) -> Result<(), CryptoError> {
        allowed.check(self.header.alg())?;
        if let Some(name) = self.header.crit().first() {
            return Err(CryptoError::UnknownCritical {
                reason: format!("extension {name:?} is not supported"),
            });
        }
        Ok(())
    }

    /// This JWS as verified by `key` (found under `kid`, through `chain`).
    pub(super) fn verified(
        &self,
        key: PublicKey,
        kid: Option<String>,
        chain: Vec<Certificate>,
    ) -> VerifiedJws {
        VerifiedJws {
            header: self.header.clone(),
            payload: self.payload.clone(),
            key,
            kid,
            chain,
        }
    }
}

/// A JWS whose signature verified, with the key that verified it.
///
/// ```
/// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
/// let key = rfc8037_key()?;
/// let verified: ebl::crypto::jws::VerifiedJws =
///     ebl::crypto::jws::verify_compact(RFC8037_JWS, &key, &Default::default())?;
/// assert_eq!(verified.key(), &key);
/// assert_eq!(verified.into_payload(), b"Example of Ed25519 signing");
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedJws {
    header: ProtectedHeader,
    payload: Vec<u8>,
    key: PublicKey,
    kid: Option<String>,
    chain: Vec<Certificate>,
}

impl VerifiedJws {
    /// The protected header.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let verified = pint_verifier()?.verify(&pint_manifest()?, pint_time())?;
    /// assert_eq!(verified.header().kid(), Some("YLFVnyMkSsFTvj-H"));
    /// assert_eq!(verified.header().alg(), ebl::crypto::Algorithm::EdDSA);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn header(&self) -> &ProtectedHeader {
        &self.header
    }

    /// The payload bytes.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let verified = ebl::crypto::jws::verify_compact(RFC8037_JWS, &rfc8037_key()?, &Default::default())?;
    /// assert_eq!(verified.payload(), b"Example of Ed25519 signing");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The payload parsed strictly as JSON.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let verified = pint_verifier()?.verify(&pint_manifest()?, pint_time())?;
    /// let manifest = verified.payload_json()?;
    /// assert_eq!(manifest["eBLVisualisationByCarrier"]["name"], "HHL71800000.pdf");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payload_json(&self) -> Result<Value, crate::json::JsonError> {
        crate::json::parse(&self.payload)
    }

    /// The payload bytes, consuming the value.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let verified = ebl::crypto::jws::verify_compact(RFC8037_JWS, &rfc8037_key()?, &Default::default())?;
    /// let payload: Vec<u8> = verified.into_payload();
    /// assert_eq!(String::from_utf8(payload).unwrap(), "Example of Ed25519 signing");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn into_payload(self) -> Vec<u8> {
        self.payload
    }

    /// The key that verified the signature.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let verified = pint_verifier()?.verify(&pint_manifest()?, pint_time())?;
    /// // Verified through the x5c chain: the key is the leaf's.
    /// let chain = verified.certificate_chain();
    /// assert_eq!(verified.key(), chain[0].public_key());
    /// assert_eq!(verified.key().thumbprint(), chain[0].public_key().thumbprint());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn key(&self) -> &PublicKey {
        &self.key
    }

    /// The `kid` of the trusted key-set entry that verified it, if one did and had a kid.
    ///
    /// ```
    /// use ebl::crypto::{jws, AlgorithmSet};
    ///
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let manifest = pint_manifest()?;
    /// let verified = pint_verifier()?.verify(&manifest, pint_time())?;
    /// // Verified with the platform's published key set: the entry's kid.
    /// assert_eq!(verified.trusted_kid(), Some("YLFVnyMkSsFTvj-H"));
    /// // Verified with a bare key: no key-set entry, no kid.
    /// let bare = jws::verify_compact(&manifest, verified.key(), &AlgorithmSet::default())?;
    /// assert_eq!(bare.trusted_kid(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn trusted_kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The `x5c` chain that was validated against a trust anchor (empty if the key came from
    /// a key set or was given directly).
    ///
    /// ```
    /// use ebl::crypto::{jws, AlgorithmSet};
    ///
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let manifest = pint_manifest()?;
    /// let verified = pint_verifier()?.verify(&manifest, pint_time())?;
    /// assert_eq!(verified.certificate_chain().len(), 3); // checked against the root CA
    /// let bare = jws::verify_compact(&manifest, verified.key(), &AlgorithmSet::default())?;
    /// assert!(bare.certificate_chain().is_empty()); // no chain was checked
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn certificate_chain(&self) -> &[Certificate] {
        &self.chain
    }
}

/// Parses and verifies a compact JWS with one known key.
///
/// ```
/// use ebl::crypto::{jws, Algorithm, AlgorithmSet};
///
/// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
/// let key = rfc8037_key()?;
/// let verified = jws::verify_compact(RFC8037_JWS, &key, &AlgorithmSet::default())?;
/// assert_eq!(verified.payload(), b"Example of Ed25519 signing");
///
/// let only_es256 = AlgorithmSet::new([Algorithm::ES256]);
/// let err = jws::verify_compact(RFC8037_JWS, &key, &only_es256).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::CryptoAlgorithmNotAllowed);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn verify_compact(
    compact: &str,
    key: &PublicKey,
    allowed: &AlgorithmSet,
) -> Result<VerifiedJws, CryptoError> {
    decode_compact(compact)?.verify(key, allowed)
}
