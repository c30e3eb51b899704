//! A set of trusted public keys, looked up by `kid` or RFC 7638 thumbprint.

use serde_json::Value;

use super::{Algorithm, CryptoError, PublicKey, jwk};

/// One trusted key: its key id (if any) and the one algorithm it may be used with (if the
/// JWK said so with `alg`).
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
///     "/../../shared/specs/dcsa/examples/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk"
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
    #[must_use]
    pub fn new() -> Self {
        KeySet::default()
    }

    /// Adds a key. A `kid` already in the set is refused.
    pub fn insert(&mut self, kid: Option<String>, key: PublicKey) -> Result<(), CryptoError> {
        self.push(KeyEntry {
            kid,
            key,
            algorithm: None,
        })
    }

    /// Adds an entry. A `kid` already in the set is refused, and so is an algorithm that
    /// does not fit the key.
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
    pub fn from_jwks_bytes(json: &[u8]) -> crate::Result<Self> {
        Ok(Self::from_jwks(&crate::json::parse(json)?)?)
    }

    /// Adds every entry of `other`.
    pub fn extend(&mut self, other: KeySet) -> Result<(), CryptoError> {
        for entry in other.entries {
            self.push(entry)?;
        }
        Ok(())
    }

    /// The entry whose `kid` is `kid`, or else whose thumbprint is `kid`.
    #[must_use]
    pub fn get(&self, kid: &str) -> Option<&KeyEntry> {
        self.entries
            .iter()
            .find(|e| e.kid.as_deref() == Some(kid))
            .or_else(|| self.entries.iter().find(|e| e.key.thumbprint() == kid))
    }

    /// The entry holding `key`.
    #[must_use]
    pub fn find_key(&self, key: &PublicKey) -> Option<&KeyEntry> {
        self.entries.iter().find(|e| &e.key == key)
    }

    /// All entries.
    pub fn iter(&self) -> impl Iterator<Item = &KeyEntry> {
        self.entries.iter()
    }

    /// Number of keys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
