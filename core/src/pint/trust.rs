//! Whom a PINT receiver trusts: keys, certificate anchors, and which platform owns which key.

use std::collections::{BTreeMap, BTreeSet};

use crate::crypto::PublicKey;
use crate::crypto::jws::JwsVerifier;

/// The trust a PINT receiver applies to an envelope.
///
/// Every signature must verify under [`PintTrust::verifier`] (its algorithm allow-list, its
/// trusted keys, its `x5c` trust anchors). On top of that, a platform code can be *bound* to
/// keys: once `WAVE` is bound, chain entries that say `"eblPlatform": "WAVE"` and manifests
/// sent by `WAVE` must be signed by one of `WAVE`'s keys, not just by any trusted key. Keys of
/// the issuing carriers can be bound the same way for issuance manifests.
///
/// ```
/// use ebl::crypto::{KeyType, PrivateKey};
/// use ebl::pint::PintTrust;
///
/// let rng = ring::rand::SystemRandom::new();
/// let platform = PrivateKey::generate(KeyType::Ed25519, &rng)?;
/// let mut trust = PintTrust::default();
/// trust.trust_platform_key("WAVE", platform.public_key().clone())?;
/// let other = PrivateKey::generate(KeyType::Ed25519, &rng)?;
/// assert!(trust.is_platform_key("WAVE", platform.public_key()));
/// assert!(!trust.is_platform_key("WAVE", other.public_key()));
/// // A platform nobody bound accepts any trusted key.
/// assert!(trust.is_platform_key("BOLE", other.public_key()));
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PintTrust {
    /// Algorithms, trusted keys and certificate anchors every signature is checked against.
    pub verifier: JwsVerifier,
    /// Platform code → thumbprints of the keys that may sign for it.
    pub platform_keys: BTreeMap<String, BTreeSet<String>>,
    /// Thumbprints of the carrier keys that may sign issuance manifests (empty: any trusted key).
    pub carrier_keys: BTreeSet<String>,
}

impl PintTrust {
    /// Trust with the given verifier and no platform bindings.
    #[must_use]
    pub fn new(verifier: JwsVerifier) -> PintTrust {
        PintTrust {
            verifier,
            ..PintTrust::default()
        }
    }

    /// Trusts `key` and binds it to platform `code`.
    pub fn trust_platform_key(&mut self, code: &str, key: PublicKey) -> crate::Result<()> {
        let thumbprint = key.thumbprint();
        if self.verifier.keys.find_key(&key).is_none() {
            self.verifier.keys.insert(Some(thumbprint.clone()), key)?;
        }
        self.platform_keys
            .entry(code.to_owned())
            .or_default()
            .insert(thumbprint);
        Ok(())
    }

    /// Trusts `key` as a carrier key for issuance manifests.
    pub fn trust_carrier_key(&mut self, key: PublicKey) -> crate::Result<()> {
        let thumbprint = key.thumbprint();
        if self.verifier.keys.find_key(&key).is_none() {
            self.verifier.keys.insert(Some(thumbprint.clone()), key)?;
        }
        self.carrier_keys.insert(thumbprint);
        Ok(())
    }

    /// Whether `key` may sign for platform `code`: true when the platform is not bound at all.
    #[must_use]
    pub fn is_platform_key(&self, code: &str, key: &PublicKey) -> bool {
        self.is_platform_thumbprint(code, &key.thumbprint())
    }

    /// [`PintTrust::is_platform_key`] for a key given by its RFC 7638 thumbprint.
    #[must_use]
    pub fn is_platform_thumbprint(&self, code: &str, thumbprint: &str) -> bool {
        self.platform_keys
            .get(code)
            .is_none_or(|keys| keys.contains(thumbprint))
    }

    /// Whether `key` may sign an issuance manifest.
    #[must_use]
    pub fn is_carrier_key(&self, key: &PublicKey) -> bool {
        self.is_carrier_thumbprint(&key.thumbprint())
    }

    /// [`PintTrust::is_carrier_key`] for a key given by its RFC 7638 thumbprint.
    #[must_use]
    pub fn is_carrier_thumbprint(&self, thumbprint: &str) -> bool {
        self.carrier_keys.is_empty() || self.carrier_keys.contains(thumbprint)
    }
}
