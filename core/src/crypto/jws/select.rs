//! Choosing the key a JWS must verify with, under a policy: an `x5c` chain checked against
//! trust anchors (RFC 7515 §4.1.6), or a trusted key set entry named by `kid` (§4.1.4).

use chrono::{DateTime, Utc};

use super::verify::{UnverifiedJws, VerifiedJws, decode_compact};
use crate::crypto::x509::{Certificate, CertificateAnchors};
use crate::crypto::{Algorithm, AlgorithmSet, CryptoError, KeyEntry, KeySet};

/// Verifies JWS against a policy: allowed algorithms, trusted keys and certificate trust
/// anchors. Owned and `Send + Sync`; build once, use for many signatures.
///
/// How the key is found:
/// - If the header has `x5c` and there are anchors, the chain must validate at `at`
///   ([`CertificateAnchors::verify_chain`]) and the leaf key verifies the signature. If the
///   header's `kid` also names a trusted key, it must be that same key.
/// - Otherwise the key comes from [`KeySet`]: by `kid` (entry kid or thumbprint), or, with
///   no `kid`, every key that fits the algorithm is tried. If the header has `x5c` (and no
///   anchors are configured), its leaf must still hold the key that verified.
///
/// Distinct errors: [`CryptoError::UnknownKey`] (no trusted key), [`CryptoError::SignatureInvalid`],
/// [`CryptoError::CertificateExpired`] / [`CryptoError::CertificateNotYetValid`],
/// [`CryptoError::CertificateUntrusted`], [`CryptoError::CertificateChainInvalid`],
/// [`CryptoError::CertificateKeyMismatch`], plus the algorithm refusals.
///
/// ```
/// use ebl::crypto::{jws::JwsVerifier, KeySet};
/// use ebl::ErrorCode;
///
/// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
/// let (manifest, at) = (pint_manifest()?, pint_time());
/// let verifier: JwsVerifier = pint_verifier()?; // the platform key set and the demo root CA
/// assert!(verifier.verify(&manifest, at).is_ok());
/// // Only the key set, no anchors: the key is looked up by kid.
/// let keys_only = JwsVerifier { anchors: Default::default(), ..verifier.clone() };
/// assert!(keys_only.verify(&manifest, at).is_ok());
/// let nobody = JwsVerifier { keys: KeySet::new(), ..keys_only };
/// assert_eq!(nobody.verify(&manifest, at).unwrap_err().code(), ErrorCode::CryptoUnknownKey);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JwsVerifier {
    /// Algorithms accepted.
    pub algorithms: AlgorithmSet,
    /// Trusted keys.
    pub keys: KeySet,
    /// Trust anchors for `x5c` chains.
    pub anchors: CertificateAnchors,
}

impl JwsVerifier {
    /// A verifier with the given policy.
    ///
    /// ```
    /// use ebl::crypto::{jws::JwsVerifier, Algorithm, AlgorithmSet};
    ///
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// # let JwsVerifier { keys, anchors, .. } = pint_verifier()?;
    /// let rsa_only = AlgorithmSet::new([Algorithm::PS256, Algorithm::RS256]);
    /// let verifier = JwsVerifier::new(rsa_only, keys, anchors);
    /// let err = verifier.verify(&pint_manifest()?, pint_time()).unwrap_err();
    /// assert_eq!(err.code(), ebl::ErrorCode::CryptoAlgorithmNotAllowed); // the manifest is EdDSA
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(algorithms: AlgorithmSet, keys: KeySet, anchors: CertificateAnchors) -> Self {
        JwsVerifier {
            algorithms,
            keys,
            anchors,
        }
    }

    /// Parses and verifies `compact` at time `at` (used for certificate validity).
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let (verifier, manifest) = (pint_verifier()?, pint_manifest()?);
    /// let verified = verifier.verify(&manifest, "2026-06-01T00:00:00Z".parse()?)?;
    /// assert_eq!(verified.trusted_kid(), Some("YLFVnyMkSsFTvj-H"));
    /// // In 2037 the certificates have expired.
    /// let err = verifier.verify(&manifest, "2037-01-01T00:00:00Z".parse()?).unwrap_err();
    /// assert_eq!(err.code(), ebl::ErrorCode::CryptoCertificateExpired);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(&self, compact: &str, at: DateTime<Utc>) -> Result<VerifiedJws, CryptoError> {
        self.verify_decoded(&decode_compact(compact)?, at)
    }

    /// Verifies an already decoded JWS at time `at`.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(&pint_manifest()?)?;
    /// // Decode once, look at the header, then verify.
    /// assert_eq!(decoded.header().kid(), Some("YLFVnyMkSsFTvj-H"));
    /// let verified = pint_verifier()?.verify_decoded(&decoded, pint_time())?;
    /// assert_eq!(verified.payload(), decoded.payload());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify_decoded(
        &self,
        jws: &UnverifiedJws,
        at: DateTime<Utc>,
    ) -> Result<VerifiedJws, CryptoError> {
        jws.check_policy(&self.algorithms)?;
        let header = jws.header();
        let kid_entry = header.kid().and_then(|kid| self.keys.get(kid));
        if !header.x5c().is_empty() && !self.anchors.is_empty() {
            return self.verify_by_chain(jws, kid_entry, at);
        }
        let entry = match header.kid() {
            Some(kid) => verify_by_kid(jws, kid, kid_entry)?,
            None => self.verify_by_trying(jws)?,
        };
        if let Some(leaf) = header.x5c().first() {
            let leaf = Certificate::from_der(leaf)?;
            if leaf.public_key() != &entry.key {
                return Err(CryptoError::CertificateKeyMismatch {
                    reason: "the x5c leaf certificate does not hold the key that verified".into(),
                });
            }
        }
        Ok(jws.verified(entry.key.clone(), entry.kid.clone(), Vec::new()))
    }

    /// The `x5c` chain validates against the anchors at `at`, and its leaf key (which a
    /// trusted `kid`, if any, must name too) verifies the signature.
    fn verify_by_chain(
        &self,
        jws: &UnverifiedJws,
        kid_entry: Option<&KeyEntry>,
        at: DateTime<Utc>,
    ) -> Result<VerifiedJws, CryptoError> {
        let chain = jws.header().x5c_certificates()?;
        let leaf_key = self.anchors.verify_chain(&chain, at)?;
        if let Some(entry) = kid_entry
            && entry.key != leaf_key
        {
            return Err(CryptoError::CertificateKeyMismatch {
                reason: "the x5c leaf key is not the trusted key named by kid".into(),
            });
        }
        leaf_key.verify(jws.header().alg(), jws.signing_input(), jws.signature())?;
        let kid = kid_entry.and_then(|e| e.kid.clone());
        Ok(jws.verified(leaf_key, kid, chain))
    }

    /// With no `kid`: the first trusted key of the algorithm's type that verifies.
    fn verify_by_trying(&self, jws: &UnverifiedJws) -> Result<&KeyEntry, CryptoError> {
        let alg = jws.header().alg();
        let mut candidates = self
            .keys
            .iter()
            .filter(|e| e.key.key_type() == alg.key_type() && e.algorithm.is_none_or(|a| a == alg));
        let first = candidates
            .next()
            .ok_or(CryptoError::UnknownKey { kid: None })?;
        std::iter::once(first)
            .chain(candidates)
            .find(|e| {
                e.key
                    .verify(alg, jws.signing_input(), jws.signature())
                    .is_ok()
            })
            .ok_or(CryptoError::SignatureInvalid)
    }
}

/// The trusted entry named by `kid` (`entry`), restricted to its algorithm, verifies.
fn verify_by_kid<'k>(
    jws: &UnverifiedJws,
    kid: &str,
    entry: Option<&'k KeyEntry>,
) -> Result<&'k KeyEntry, CryptoError> {
    let alg: Algorithm = jws.header().alg();
    let entry = entry.ok_or_else(|| CryptoError::UnknownKey {
        kid: Some(kid.to_owned()),
    })?;
    if let Some(only) = entry.algorithm
        && only != alg
    {
        return Err(CryptoError::AlgorithmKeyMismatch {
            alg: alg.as_str().into(),
            key_type: format!("{} (restricted to {only})", entry.key.key_type()),
        });
    }
    entry
        .key
        .verify(alg, jws.signing_input(), jws.signature())?;
    Ok(entry)
}
