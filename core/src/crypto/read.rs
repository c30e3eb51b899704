//! Key files of any supported form, told apart by their bytes: what `ebl --key`, the C API
//! and the Python package accept, so that the three read the same file the same way.

use ring::rand::SecureRandom;
use serde_json::Value;

use super::keyset::{KeyEntry, KeySet};
use super::x509::Certificate;
use super::{CryptoError, KeyType, PrivateKey, PublicKey};

/// The private JWK members a public view leaves out.
const PRIVATE_MEMBERS: [&str; 6] = ["d", "p", "q", "dp", "dq", "qi"];

fn trimmed_text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok().map(str::trim)
}

impl PrivateKey {
    /// Reads a signing key from a file's bytes, whatever its form: PEM (`PRIVATE KEY`,
    /// `RSA PRIVATE KEY`, `EC PRIVATE KEY`), a private JWK, or PKCS#8 DER. A key file can be
    /// handed over as it is, without the caller knowing (or sniffing) its encoding.
    ///
    /// # Errors
    /// The form's own error (bad PEM, JWK without `d`, rejected PKCS#8), or
    /// [`CryptoError::KeyRejected`] naming the three accepted forms for anything else.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let pem = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/crypto/p256.pkcs8.pem"))?;
    /// let key = PrivateKey::from_bytes(&pem, &rng)?;
    /// assert_eq!(key.key_type(), KeyType::P256);
    /// // The same key as PKCS#8 DER and as a private JWK.
    /// assert_eq!(PrivateKey::from_bytes(key.to_pkcs8_der(), &rng)?.public_key(), key.public_key());
    /// let jwk = serde_json::to_vec(&key.to_private_jwk()?)?;
    /// assert_eq!(PrivateKey::from_bytes(&jwk, &rng)?.public_key(), key.public_key());
    /// // Anything else says what was expected.
    /// let err = PrivateKey::from_bytes(b"hello", &rng).unwrap_err();
    /// assert!(err.to_string().contains("PKCS#8 PEM, PKCS#8 DER or a private JWK"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_bytes(bytes: &[u8], rng: &dyn SecureRandom) -> crate::Result<PrivateKey> {
        match trimmed_text(bytes) {
            Some(text) if text.contains("-----BEGIN") => Ok(PrivateKey::from_pem(text, rng)?),
            Some(text) if text.starts_with('{') => Ok(PrivateKey::from_jwk_bytes(bytes, rng)?),
            _ if bytes.first() == Some(&0x30) => Ok(PrivateKey::from_pkcs8_der(bytes, rng)?),
            _ => Err(CryptoError::key(
                "not a private key: expected PKCS#8 PEM, PKCS#8 DER or a private JWK",
            )
            .into()),
        }
    }
}

impl PublicKey {
    /// The public JWK with `kid` set to its RFC 7638 thumbprint: the form to publish, since a
    /// receiver then finds the key by the `kid` that [`crate::pint::Signer::new`] writes.
    ///
    /// ```
    /// use ebl::crypto::PublicKey;
    ///
    /// let key = PublicKey::from_jwk(&serde_json::json!({
    ///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
    /// let jwk = key.to_jwk_with_kid();
    /// assert_eq!(jwk["kid"], "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    /// assert_eq!(PublicKey::from_jwk(&jwk)?, key);
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn to_jwk_with_kid(&self) -> Value {
        let mut jwk = self.to_jwk();
        if let Some(object) = jwk.as_object_mut() {
            object.insert("kid".to_owned(), Value::String(self.thumbprint()));
        }
        jwk
    }
}

/// A freshly generated key pair in the forms a key file holds: what `ebl keygen` writes.
///
/// `private_pem` is secret (PKCS#8 PEM); `public_jwk` is the pretty-printed public JWK whose
/// `kid` is `thumbprint`, the RFC 7638 thumbprint signatures name the key by.
pub struct GeneratedKeyPair {
    /// The signing key itself.
    pub key: PrivateKey,
    /// The private key as PKCS#8 PEM (keep it secret).
    pub private_pem: String,
    /// The public JWK (pretty JSON), `kid` = `thumbprint`.
    pub public_jwk: String,
    /// The RFC 7638 thumbprint of the public key.
    pub thumbprint: String,
}

impl GeneratedKeyPair {
    /// Generates a key of `key_type` (Ed25519, P-256 or P-384) and its file forms.
    ///
    /// ```
    /// use ebl::crypto::{GeneratedKeyPair, KeyType, PrivateKey, PublicKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let pair = GeneratedKeyPair::generate(KeyType::Ed25519, &rng)?;
    /// let public = PublicKey::from_jwk_bytes(pair.public_jwk.as_bytes())?;
    /// assert_eq!(public.thumbprint(), pair.thumbprint);
    /// assert_eq!(PrivateKey::from_bytes(pair.private_pem.as_bytes(), &rng)?.public_key(), &public);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn generate(
        key_type: KeyType,
        rng: &dyn SecureRandom,
    ) -> Result<GeneratedKeyPair, CryptoError> {
        let key = PrivateKey::generate(key_type, rng)?;
        let public_jwk = serde_json::to_string_pretty(&key.public_key().to_jwk_with_kid())
            .map_err(|e| CryptoError::key(format!("cannot serialise the public JWK: {e}")))?;
        Ok(GeneratedKeyPair {
            private_pem: key.to_pkcs8_pem(),
            thumbprint: key.public_key().thumbprint(),
            public_jwk,
            key,
        })
    }
}

impl std::fmt::Debug for GeneratedKeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratedKeyPair")
            .field("thumbprint", &self.thumbprint)
            .finish_non_exhaustive()
    }
}

/// Reads the public keys in a key file of any supported form, each with its `kid` if the file
/// names one: a JWK or JWK Set, a PEM public key (SPKI), an X.509 certificate in PEM (the
/// first one's key) or DER, or a private key in PEM or JWK form (its public half only).
///
/// This is what every `--key` option reads, so one file works everywhere.
///
/// # Errors
/// The error of the form the bytes look like (bad JSON, bad JWK, bad PEM, bad certificate).
///
/// ```
/// use ebl::crypto::read_public_keys;
///
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata");
/// let jwk = std::fs::read(format!("{dir}/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk"))?;
/// let keys = read_public_keys(&jwk)?;
/// assert_eq!(keys[0].kid.as_deref(), Some("sBq4Mgu7lhEcfph7"));
/// // A private key file gives its public half.
/// let private = read_public_keys(&std::fs::read(format!("{dir}/crypto/ed25519.pkcs8.pem"))?)?;
/// assert_eq!(private.len(), 1);
/// assert!(read_public_keys(b"garbage").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_public_keys(bytes: &[u8]) -> crate::Result<Vec<KeyEntry>> {
    let entry = |key: PublicKey| KeyEntry {
        kid: None,
        key,
        algorithm: None,
    };
    match trimmed_text(bytes) {
        Some(t) if t.starts_with('{') => {
            let value = crate::json::parse(bytes)?;
            let set = KeySet::from_jwks(&public_view(&value))?;
            Ok(set.iter().cloned().collect())
        }
        Some(t) if t.contains("-----BEGIN CERTIFICATE") => Ok(Certificate::all_from_pem(t)?
            .into_iter()
            .take(1)
            .map(|c| entry(c.public_key().clone()))
            .collect()),
        Some(t) if t.contains("PRIVATE KEY-----") => {
            let key = PrivateKey::from_pem(t, &ring::rand::SystemRandom::new())?;
            Ok(vec![entry(key.public_key().clone())])
        }
        Some(t) if t.contains("-----BEGIN") => Ok(vec![entry(PublicKey::from_pem(t)?)]),
        _ => Ok(vec![entry(
            Certificate::from_der(bytes)?.public_key().clone(),
        )]),
    }
}

/// A JWK or JWK Set with the private members removed.
fn public_view(value: &Value) -> Value {
    let strip = |jwk: &Value| match jwk {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !PRIVATE_MEMBERS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    };
    match value.get("keys").and_then(Value::as_array) {
        Some(keys) => serde_json::json!({"keys": keys.iter().map(strip).collect::<Vec<_>>()}),
        None => strip(value),
    }
}
