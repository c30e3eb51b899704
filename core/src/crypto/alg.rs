//! JOSE signature algorithms, key types and algorithm allow-lists.

use std::fmt;
use std::str::FromStr;

use super::CryptoError;

/// A JWS signature algorithm (RFC 7518 §3, RFC 8037 §3.1) that this library implements.
///
/// Each one fixes every parameter: curve, hash, padding. There is no `none` and no HMAC.
///
/// ```
/// use ebl::crypto::Algorithm;
///
/// let alg: Algorithm = "PS256".parse()?;
/// assert_eq!(alg, Algorithm::PS256);
/// assert_eq!(alg.as_str(), "PS256");
/// assert_eq!("none".parse::<Algorithm>().unwrap_err().code(), ebl::ErrorCode::CryptoAlgNone);
/// # Ok::<(), ebl::crypto::CryptoError>(())
/// ```
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Algorithm {
    /// Ed25519 (RFC 8037).
    EdDSA,
    /// ECDSA on P-256 with SHA-256, signature `R || S` (64 bytes).
    ES256,
    /// ECDSA on P-384 with SHA-384, signature `R || S` (96 bytes).
    ES384,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    RS256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    RS384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    RS512,
    /// RSASSA-PSS with SHA-256 and MGF1-SHA-256, 32-byte salt.
    PS256,
    /// RSASSA-PSS with SHA-384 and MGF1-SHA-384, 48-byte salt.
    PS384,
    /// RSASSA-PSS with SHA-512 and MGF1-SHA-512, 64-byte salt.
    PS512,
}

impl Algorithm {
    /// Every implemented algorithm.
    ///
    /// ```
    /// use ebl::crypto::Algorithm;
    ///
    /// assert_eq!(Algorithm::ALL.len(), 9);
    /// assert!(Algorithm::ALL.iter().all(|a| a.as_str().parse::<Algorithm>().ok() == Some(*a)));
    /// ```
    pub const ALL: [Algorithm; 9] = [
        Algorithm::EdDSA,
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::RS256,
        Algorithm::RS384,
        Algorithm::RS512,
        Algorithm::PS256,
        Algorithm::PS384,
        Algorithm::PS512,
    ];

    /// The JOSE name (`"EdDSA"`, `"ES256"`, …).
    ///
    /// ```
    /// use ebl::crypto::Algorithm;
    ///
    /// assert_eq!(Algorithm::EdDSA.as_str(), "EdDSA");
    /// assert_eq!(Algorithm::ES384.to_string(), "ES384");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Algorithm::EdDSA => "EdDSA",
            Algorithm::ES256 => "ES256",
            Algorithm::ES384 => "ES384",
            Algorithm::RS256 => "RS256",
            Algorithm::RS384 => "RS384",
            Algorithm::RS512 => "RS512",
            Algorithm::PS256 => "PS256",
            Algorithm::PS384 => "PS384",
            Algorithm::PS512 => "PS512",
        }
    }

    /// The key type this algorithm signs with.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, KeyType};
    ///
    /// assert_eq!(Algorithm::ES256.key_type(), KeyType::P256);
    /// assert_eq!(Algorithm::PS512.key_type(), KeyType::Rsa);
    /// ```
    #[must_use]
    pub fn key_type(self) -> KeyType {
        match self {
            Algorithm::EdDSA => KeyType::Ed25519,
            Algorithm::ES256 => KeyType::P256,
            Algorithm::ES384 => KeyType::P384,
            Algorithm::RS256
            | Algorithm::RS384
            | Algorithm::RS512
            | Algorithm::PS256
            | Algorithm::PS384
            | Algorithm::PS512 => KeyType::Rsa,
        }
    }

    /// Fails with [`CryptoError::AlgorithmKeyMismatch`] unless this algorithm can be used with
    /// a key of type `key_type`.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, KeyType};
    ///
    /// assert!(Algorithm::RS256.check_key_type(KeyType::Rsa).is_ok());
    /// let err = Algorithm::ES256.check_key_type(KeyType::Ed25519).unwrap_err();
    /// assert_eq!(err.code(), ebl::ErrorCode::CryptoAlgorithmKeyMismatch);
    /// ```
    pub fn check_key_type(self, key_type: KeyType) -> Result<(), CryptoError> {
        if self.key_type() == key_type {
            Ok(())
        } else {
            Err(CryptoError::AlgorithmKeyMismatch {
                alg: self.as_str().to_owned(),
                key_type: key_type.to_string(),
            })
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Algorithm {
    type Err = CryptoError;

    /// Parses a JOSE name. `none` and the HMAC names fail with their own errors, so a
    /// verifier can report them distinctly.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        if let Some(alg) = Algorithm::ALL.into_iter().find(|a| a.as_str() == name) {
            return Ok(alg);
        }
        match name {
            "none" => Err(CryptoError::AlgNone),
            "HS256" | "HS384" | "HS512" => Err(CryptoError::HmacAlgorithm {
                alg: name.to_owned(),
            }),
            _ => Err(CryptoError::UnsupportedAlgorithm {
                alg: name.to_owned(),
            }),
        }
    }
}

/// The type of an asymmetric key.
///
/// ```
/// use ebl::crypto::{KeyType, PrivateKey};
///
/// let key = PrivateKey::generate(KeyType::P384, &ring::rand::SystemRandom::new())?;
/// assert_eq!(key.key_type(), KeyType::P384);
/// assert_eq!(KeyType::P384.to_string(), "P-384");
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum KeyType {
    /// Ed25519 (JWK `kty: OKP`, `crv: Ed25519`).
    Ed25519,
    /// ECDSA on NIST P-256 (JWK `kty: EC`, `crv: P-256`).
    P256,
    /// ECDSA on NIST P-384 (JWK `kty: EC`, `crv: P-384`).
    P384,
    /// RSA, 2048 to 8192 bits (JWK `kty: RSA`).
    Rsa,
}

impl KeyType {
    /// The algorithm a key of this type signs with unless told otherwise: `EdDSA`, `ES256`,
    /// `ES384`, or `PS256` for RSA (the DCSA conformance toolkit's choice).
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, KeyType};
    ///
    /// assert_eq!(KeyType::Ed25519.default_algorithm(), Algorithm::EdDSA);
    /// assert_eq!(KeyType::Rsa.default_algorithm(), Algorithm::PS256);
    /// ```
    #[must_use]
    pub fn default_algorithm(self) -> Algorithm {
        match self {
            KeyType::Ed25519 => Algorithm::EdDSA,
            KeyType::P256 => Algorithm::ES256,
            KeyType::P384 => Algorithm::ES384,
            KeyType::Rsa => Algorithm::PS256,
        }
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyType::Ed25519 => "Ed25519",
            KeyType::P256 => "P-256",
            KeyType::P384 => "P-384",
            KeyType::Rsa => "RSA",
        })
    }
}

/// The algorithms a verifier accepts: an explicit allow-list checked on every verification.
///
/// [`AlgorithmSet::default()`] allows every implemented algorithm (all asymmetric); a caller
/// with a narrower policy lists exactly what it accepts.
///
/// ```
/// use ebl::crypto::{Algorithm, AlgorithmSet};
///
/// let only_eddsa = AlgorithmSet::new([Algorithm::EdDSA]);
/// assert!(only_eddsa.contains(Algorithm::EdDSA));
/// assert!(!only_eddsa.contains(Algorithm::RS256));
/// assert!(AlgorithmSet::default().contains(Algorithm::PS512));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AlgorithmSet {
    bits: u16,
}

impl AlgorithmSet {
    /// A set holding exactly `algorithms`.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, AlgorithmSet};
    ///
    /// let set = AlgorithmSet::new([Algorithm::ES256, Algorithm::EdDSA]);
    /// assert_eq!(set.iter().collect::<Vec<_>>(), [Algorithm::EdDSA, Algorithm::ES256]);
    /// ```
    #[must_use]
    pub fn new(algorithms: impl IntoIterator<Item = Algorithm>) -> Self {
        let mut set = AlgorithmSet::empty();
        for alg in algorithms {
            set = set.with(alg);
        }
        set
    }

    /// The empty set (accepts nothing).
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, AlgorithmSet};
    ///
    /// assert!(Algorithm::ALL.iter().all(|&a| !AlgorithmSet::empty().contains(a)));
    /// ```
    #[must_use]
    pub const fn empty() -> Self {
        AlgorithmSet { bits: 0 }
    }

    /// This set plus `alg`.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, AlgorithmSet};
    ///
    /// let set = AlgorithmSet::empty().with(Algorithm::ES384);
    /// assert!(set.contains(Algorithm::ES384));
    /// assert!(!set.contains(Algorithm::ES256));
    /// ```
    #[must_use]
    pub fn with(self, alg: Algorithm) -> Self {
        AlgorithmSet {
            bits: self.bits | Self::bit(alg),
        }
    }

    /// This set without `alg`.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, AlgorithmSet};
    ///
    /// // Everything but PKCS#1 v1.5 RSA.
    /// let set = AlgorithmSet::default()
    ///     .without(Algorithm::RS256).without(Algorithm::RS384).without(Algorithm::RS512);
    /// assert!(!set.contains(Algorithm::RS256));
    /// assert_eq!(set.iter().count(), 6);
    /// ```
    #[must_use]
    pub fn without(self, alg: Algorithm) -> Self {
        AlgorithmSet {
            bits: self.bits & !Self::bit(alg),
        }
    }

    /// Whether `alg` is allowed.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, AlgorithmSet};
    ///
    /// assert!(AlgorithmSet::default().contains(Algorithm::EdDSA));
    /// assert!(!AlgorithmSet::new([Algorithm::PS256]).contains(Algorithm::RS256));
    /// ```
    #[must_use]
    pub fn contains(self, alg: Algorithm) -> bool {
        self.bits & Self::bit(alg) != 0
    }

    /// The allowed algorithms, in [`Algorithm::ALL`] order.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, AlgorithmSet};
    ///
    /// let set: AlgorithmSet = [Algorithm::PS256, Algorithm::EdDSA].into_iter().collect();
    /// let names: Vec<&str> = set.iter().map(Algorithm::as_str).collect();
    /// assert_eq!(names, ["EdDSA", "PS256"]);
    /// ```
    pub fn iter(self) -> impl Iterator<Item = Algorithm> {
        Algorithm::ALL
            .into_iter()
            .filter(move |&a| self.contains(a))
    }

    /// Fails with [`CryptoError::AlgorithmNotAllowed`] unless `alg` is in the set.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, AlgorithmSet};
    ///
    /// let policy = AlgorithmSet::new([Algorithm::EdDSA]);
    /// assert!(policy.check(Algorithm::EdDSA).is_ok());
    /// assert_eq!(policy.check(Algorithm::RS256).unwrap_err().code(), ebl::ErrorCode::CryptoAlgorithmNotAllowed);
    /// ```
    pub fn check(self, alg: Algorithm) -> Result<(), CryptoError> {
        if self.contains(alg) {
            Ok(())
        } else {
            Err(CryptoError::AlgorithmNotAllowed {
                alg: alg.as_str().to_owned(),
            })
        }
    }

    fn bit(alg: Algorithm) -> u16 {
        let index = Algorithm::ALL
            .iter()
            .position(|&a| a == alg)
            .unwrap_or_default();
        1 << index
    }
}

impl Default for AlgorithmSet {
    /// Every implemented algorithm.
    fn default() -> Self {
        AlgorithmSet::new(Algorithm::ALL)
    }
}

impl fmt::Debug for AlgorithmSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<Algorithm> for AlgorithmSet {
    fn from_iter<I: IntoIterator<Item = Algorithm>>(iter: I) -> Self {
        AlgorithmSet::new(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::ErrorCode;

    #[test]
    fn names_round_trip() {
        for alg in Algorithm::ALL {
            assert_eq!(alg.as_str().parse::<Algorithm>().ok(), Some(alg));
        }
    }

    #[test]
    fn refusals_are_distinct() {
        let code = |name: &str| name.parse::<Algorithm>().map_err(|e| e.code()).err();
        assert_eq!(code("none"), Some(ErrorCode::CryptoAlgNone));
        assert_eq!(code("HS256"), Some(ErrorCode::CryptoHmacAlgorithm));
        assert_eq!(code("ES512"), Some(ErrorCode::CryptoUnsupportedAlgorithm));
        assert_eq!(code("eddsa"), Some(ErrorCode::CryptoUnsupportedAlgorithm));
    }

    #[test]
    fn set_operations() {
        let set = AlgorithmSet::default().without(Algorithm::RS256);
        assert_eq!(set.iter().count(), 8);
        assert!(set.check(Algorithm::RS256).is_err());
        assert!(set.check(Algorithm::PS256).is_ok());
        assert_eq!(AlgorithmSet::empty().iter().count(), 0);
    }
}
