//! A set of trusted public keys, looked up by `kid` or RFC 7638 thumbprint.

use serde_json::Value;

use super::{Algorithm, CryptoError, PublicKey, jwk};

/// One trusted key: its key id (if any) and the one algorithm it may be used with (if the
/// JWK said so with `alg`).
///
/// ```
/// use ebl::crypto::{Algorithm, KeySet};
///
/// let jwks = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
///     "/../testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk"))?;
/// let keys = KeySet::from_jwks_bytes(&jwks)?;
/// let entry = keys.get("sBq4Mgu7lhEcfph7").unwrap();
/// assert_eq!(entry.kid.as_deref(), Some("sBq4Mgu7lhEcfph7"));
/// assert_eq!(entry.algorithm, Some(Algorithm::EdDSA)); // the JWK's "alg"
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    /// The key id that JWS headers refer to.
    pub kid: Option<String>,
    /// The key.
    pub key: PublicKey,
    /// If set, the only algorithm this key is accepted with.
    pub algorithm: Option<Algorithm>,
}

/// Trusted public keys. A JWS header `kid` matches an entry's `kid` or, failing that, its
/// RFC 7638 thumbprint.
///
/// ```
/// use ebl::crypto::KeySet;
///
/// let jwks = std::fs::read(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk"
/// ))?;
/// let keys = KeySet::from_jwks_bytes(&jwks)?;
/// assert_eq!(keys.len(), 1);
/// assert!(keys.get("sBq4Mgu7lhEcfph7").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeySet {
    entries: Vec<KeyEntry>,
}

impl KeySet {
    /// An empty set.
    ///
    /// ```
    /// let keys = ebl::crypto::KeySet::new();
    /// assert!(keys.is_empty());
    /// assert!(keys.get("any").is_none());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        KeySet::default()
    }

    /// Adds a key. A `kid` already in the set is refused.
    ///
    /// ```
    /// use ebl::crypto::{KeySet, KeyType, PrivateKey};
    ///
    /// let key = PrivateKey::generate(KeyType::Ed25519, &ring::rand::SystemRandom::new())?;
    /// let mut keys = KeySet::new();
    /// keys.insert(Some("k1".into()), key.public_key().clone())?;
    /// assert!(keys.insert(Some("k1".into()), key.public_key().clone()).is_err()); // duplicate kid
    /// assert_eq!(keys.len(), 1);
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn insert(&mut self, kid: Option<String>, key: PublicKey) -> Result<(), CryptoError> {
        self.push(KeyEntry {
            kid,
            key,
            algorithm: None,
        })
    }

    /// Adds an entry. A `kid` already in the set is refused, and so is an algorithm that
    /// does not fit the key.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, KeyEntry, KeySet, KeyType, PrivateKey};
    ///
    /// let key = PrivateKey::generate(KeyType::P256, &ring::rand::SystemRandom::new())?;
    /// let mut keys = KeySet::new();
    /// let entry = |alg| KeyEntry { kid: None, key: key.public_key().clone(), algorithm: Some(alg) };
    /// assert!(keys.push(entry(Algorithm::ES384)).is_err()); // ES384 needs a P-384 key
    /// keys.push(entry(Algorithm::ES256))?;
    /// assert_eq!(keys.len(), 1);
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn push(&mut self, entry: KeyEntry) -> Result<(), CryptoError> {
        if let Some(alg) = entry.algorithm {
            alg.check_key_type(entry.key.key_type())?;
        }
        if let Some(kid) = &entry.kid
            && self.entries.iter().any(|e| e.kid.as_ref() == Some(kid))
        {
            return Err(CryptoError::key(format!(
                "duplicate kid {kid:?} in key set"
            )));
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Adds one public JWK, keeping its `kid` and `alg`.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, KeySet};
    ///
    /// let mut keys = KeySet::new();
    /// keys.add_jwk(&serde_json::json!({"kty": "OKP", "crv": "Ed25519", "kid": "rfc8037", "alg": "EdDSA",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
    /// assert_eq!(keys.get("rfc8037").unwrap().algorithm, Some(Algorithm::EdDSA));
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn add_jwk(&mut self, jwk_value: &Value) -> Result<(), CryptoError> {
        let key = PublicKey::from_jwk(jwk_value)?;
        let map = jwk::as_object(jwk_value)?;
        let kid = if map.contains_key("kid") {
            Some(jwk::string(map, "kid")?.to_owned())
        } else {
            None
        };
        let algorithm = jwk::jwk_algorithm(map)?;
        self.push(KeyEntry {
            kid,
            key,
            algorithm,
        })
    }

    /// Keys from a JWK Set (`{"keys": [...]}`, RFC 7517 §5) or a single JWK.
    ///
    /// ```
    /// use ebl::crypto::KeySet;
    ///
    /// let jwk = serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
    /// assert_eq!(KeySet::from_jwks(&serde_json::json!({"keys": [jwk.clone()]}))?.len(), 1);
    /// assert_eq!(KeySet::from_jwks(&jwk)?.len(), 1); // a single JWK is a set of one
    /// assert!(KeySet::from_jwks(&serde_json::json!({"keys": jwk})).is_err());
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn from_jwks(value: &Value) -> Result<Self, CryptoError> {
        let mut set = KeySet::new();
        match value.get("keys") {
            Some(Value::Array(keys)) => {
                for key in keys {
                    set.add_jwk(key)?;
                }
            }
            Some(_) => return Err(CryptoError::key("JWK Set \"keys\" must be an array")),
            None => set.add_jwk(value)?,
        }
        Ok(set)
    }

    /// Parses a JWK Set (or single JWK) strictly and imports it.
    ///
    /// ```
    /// use ebl::crypto::{KeySet, KeyType};
    ///
    /// let jwks = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/keys-public/rsa-eblplatform.example.com.public.jwk"))?;
    /// let keys = KeySet::from_jwks_bytes(&jwks)?;
    /// assert!(keys.iter().all(|e| e.key.key_type() == KeyType::Rsa));
    /// assert!(KeySet::from_jwks_bytes(b"{\"keys\": []").is_err()); // not JSON
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_jwks_bytes(json: &[u8]) -> Result<Self, CryptoError> {
        Self::from_jwks(&crate::json::parse(json)?)
    }

    /// Adds every entry of `other`.
    ///
    /// ```
    /// use ebl::crypto::KeySet;
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/keys-public");
    /// let mut keys = KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/ed25519-carrier.example.com.public.jwk"))?)?;
    /// keys.extend(KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/ed25519-eblplatform.example.com.public.jwk"))?)?)?;
    /// assert_eq!(keys.len(), 2);
    /// assert!(keys.get("sBq4Mgu7lhEcfph7").is_some() && keys.get("YLFVnyMkSsFTvj-H").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend(&mut self, other: KeySet) -> Result<(), CryptoError> {
        for entry in other.entries {
            self.push(entry)?;
        }
        Ok(())
    }

    /// The entry whose `kid` is `kid`, or else whose thumbprint is `kid`.
    ///
    /// ```
    /// use ebl::crypto::KeySet;
    ///
    /// let keys = KeySet::from_jwks(&serde_json::json!({"kty": "OKP", "crv": "Ed25519", "kid": "k1",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
    /// assert!(keys.get("k1").is_some());
    /// assert!(keys.get("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k").is_some()); // its thumbprint
    /// assert!(keys.get("k2").is_none());
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn get(&self, kid: &str) -> Option<&KeyEntry> {
        self.entries
            .iter()
            .find(|e| e.kid.as_deref() == Some(kid))
            .or_else(|| self.entries.iter().find(|e| e.key.thumbprint() == kid))
    }

    /// The entry holding `key`.
    ///
    /// ```
    /// use ebl::crypto::{KeySet, KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let (known, other) = (PrivateKey::generate(KeyType::Ed25519, &rng)?, PrivateKey::generate(KeyType::Ed25519, &rng)?);
    /// let mut keys = KeySet::new();
    /// keys.insert(Some("known".into()), known.public_key().clone())?;
    /// assert_eq!(keys.find_key(known.public_key()).and_then(|e| e.kid.as_deref()), Some("known"));
    /// assert!(keys.find_key(other.public_key()).is_none());
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn find_key(&self, key: &PublicKey) -> Option<&KeyEntry> {
        self.entries.iter().find(|e| &e.key == key)
    }

    /// All entries.
    ///
    /// ```
    /// use ebl::crypto::{KeySet, KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let mut keys = KeySet::new();
    /// keys.insert(Some("a".into()), PrivateKey::generate(KeyType::Ed25519, &rng)?.public_key().clone())?;
    /// keys.insert(Some("b".into()), PrivateKey::generate(KeyType::P256, &rng)?.public_key().clone())?;
    /// let kids: Vec<_> = keys.iter().filter_map(|e| e.kid.as_deref()).collect();
    /// assert_eq!(kids, ["a", "b"]);
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &KeyEntry> {
        self.entries.iter()
    }

    /// Number of keys.
    ///
    /// ```
    /// let jwks = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk"))?;
    /// assert_eq!(ebl::crypto::KeySet::from_jwks_bytes(&jwks)?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the set is empty.
    ///
    /// ```
    /// use ebl::crypto::KeySet;
    ///
    /// assert!(KeySet::new().is_empty());
    /// assert!(KeySet::from_jwks(&serde_json::json!({"keys": []}))?.is_empty());
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
