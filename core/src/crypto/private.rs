//! Private (signing) keys: generate, import from PKCS#8 / PEM / JWK, export, sign.

use std::fmt;

use ring::rand::SecureRandom;
use ring::signature::{self, EcdsaKeyPair, Ed25519KeyPair, KeyPair as _, RsaKeyPair};
use serde_json::{Map, Value};

use super::der::{self, Reader, oid};
use super::key::ec_coordinate_len;
use super::{Algorithm, CryptoError, KeyType, PublicKey, b64, jwk, pem};

/// A private key that signs with `ring`, together with its PKCS#8 document and public key.
///
/// Not `Clone` (re-import from [`PrivateKey::to_pkcs8_der`] if a copy is needed) and its
/// `Debug` output shows only the key type and public thumbprint, never secret material. The
/// PKCS#8 buffer is overwritten when the key is dropped.
///
/// ```
/// use ebl::crypto::{Algorithm, KeyType, PrivateKey};
/// use ring::rand::SystemRandom;
///
/// let rng = SystemRandom::new();
/// let key = PrivateKey::generate(KeyType::P256, &rng)?;
/// assert_eq!(key.algorithm(), Algorithm::ES256);
/// let signature = key.sign(b"hello", &rng)?;
/// key.public_key().verify(Algorithm::ES256, b"hello", &signature)?;
///
/// let again = PrivateKey::from_pem(&key.to_pkcs8_pem(), &rng)?;
/// assert_eq!(again.public_key(), key.public_key());
/// # Ok::<(), ebl::crypto::CryptoError>(())
/// ```
pub struct PrivateKey {
    pair: Pair,
    pkcs8: Vec<u8>,
    public: PublicKey,
}

enum Pair {
    Ed25519(Ed25519KeyPair),
    Ecdsa(EcdsaKeyPair),
    Rsa(RsaKeyPair),
}

fn ecdsa_signing(key_type: KeyType) -> &'static signature::EcdsaSigningAlgorithm {
    if key_type == KeyType::P384 {
        &signature::ECDSA_P384_SHA384_FIXED_SIGNING
    } else {
        &signature::ECDSA_P256_SHA256_FIXED_SIGNING
    }
}

fn curve_oid(key_type: KeyType) -> &'static [u8] {
    if key_type == KeyType::P384 {
        oid::P384
    } else {
        oid::P256
    }
}

fn rejected(what: &str) -> impl Fn(ring::error::KeyRejected) -> CryptoError + '_ {
    move |e| CryptoError::key(format!("{what}: {e}"))
}

/// Wraps an algorithm identifier and a private-key structure into PKCS#8 v1.
fn pkcs8_v1(alg_id: &[u8], private_key: &[u8]) -> Vec<u8> {
    der::sequence(&[
        &der::unsigned_integer(&[0]),
        alg_id,
        &der::tlv(der::TAG_OCTET_STRING, private_key),
    ])
}

/// The PKCS#8 v1 document of an Ed25519 key given by its seed (RFC 8410 §7).
fn ed25519_pkcs8(seed: &[u8]) -> Vec<u8> {
    pkcs8_v1(
        &der::sequence(&[&oid_tlv(oid::ED25519)]),
        &der::tlv(der::TAG_OCTET_STRING, seed),
    )
}

fn oid_tlv(oid: &[u8]) -> Vec<u8> {
    der::tlv(der::TAG_OID, oid)
}

fn ec_alg_id(key_type: KeyType) -> Vec<u8> {
    der::sequence(&[&oid_tlv(oid::EC_PUBLIC_KEY), &oid_tlv(curve_oid(key_type))])
}

fn rsa_alg_id() -> Vec<u8> {
    der::sequence(&[&oid_tlv(oid::RSA_ENCRYPTION), &der::tlv(der::TAG_NULL, &[])])
}

/// What a PKCS#8 document says about itself.
struct Pkcs8Info<'a> {
    key_type: KeyType,
    version: u8,
    private_key: &'a [u8],
}

fn pkcs8_info(der_bytes: &[u8]) -> Result<Pkcs8Info<'_>, CryptoError> {
    let bad = |reason: &str| CryptoError::key(format!("PKCS#8: {reason}"));
    let mut outer = Reader::new(der_bytes);
    let mut seq = Reader::new(outer.expect(der::TAG_SEQUENCE).map_err(bad)?);
    outer.finish().map_err(bad)?;
    let version = match seq.unsigned_integer().map_err(bad)? {
        [0] => 0,
        [1] => 1,
        _ => return Err(bad("unsupported version")),
    };
    let mut alg_id = Reader::new(seq.expect(der::TAG_SEQUENCE).map_err(bad)?);
    let private_key = seq.expect(der::TAG_OCTET_STRING).map_err(bad)?;
    let key_type = match alg_id.expect(der::TAG_OID).map_err(bad)? {
        oid::ED25519 => KeyType::Ed25519,
        oid::RSA_ENCRYPTION => KeyType::Rsa,
        oid::EC_PUBLIC_KEY => match alg_id.expect(der::TAG_OID).map_err(bad)? {
            oid::P256 => KeyType::P256,
            oid::P384 => KeyType::P384,
            _ => return Err(bad("unsupported elliptic curve (only P-256 and P-384)")),
        },
        _ => {
            return Err(bad(
                "unsupported key algorithm (only Ed25519, EC P-256/P-384 and RSA)",
            ));
        }
    };
    Ok(Pkcs8Info {
        key_type,
        version,
        private_key,
    })
}

impl PrivateKey {
    /// Generates a new key. `ring` generates Ed25519, P-256 and P-384 keys; RSA keys cannot
    /// be generated here and must be imported ([`PrivateKey::from_pkcs8_der`]).
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let signature = key.sign(b"hello", &rng)?;
    /// assert!(key.public_key().verify(Algorithm::EdDSA, b"hello", &signature).is_ok());
    /// assert!(PrivateKey::generate(KeyType::Rsa, &rng).is_err()); // import RSA keys instead
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn generate(key_type: KeyType, rng: &dyn SecureRandom) -> Result<Self, CryptoError> {
        let failed = |_| CryptoError::SigningFailed {
            reason: "random number generator failed during key generation".into(),
        };
        let document = match key_type {
            KeyType::Ed25519 => Ed25519KeyPair::generate_pkcs8(rng).map_err(failed)?,
            KeyType::P256 | KeyType::P384 => {
                EcdsaKeyPair::generate_pkcs8(ecdsa_signing(key_type), rng).map_err(failed)?
            }
            KeyType::Rsa => {
                return Err(CryptoError::key(
                    "RSA key generation is not available; import an RSA key from PKCS#8",
                ));
            }
        };
        Self::from_pkcs8_der(document.as_ref(), rng)
    }

    /// The Ed25519 key whose 32-byte private seed is `seed` (RFC 8032 §5.1.5), for keys derived
    /// or stored as a bare seed (a KMS, a test's fixed key): Ed25519 signing is deterministic,
    /// so a fixed seed signs the same bytes the same way on every run.
    ///
    /// ```
    /// use ebl::crypto::PrivateKey;
    ///
    /// // RFC 8032 §7.1, test 1.
    /// let seed = hex::decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")?;
    /// let seed: [u8; 32] = seed.as_slice().try_into()?;
    /// let key = PrivateKey::from_ed25519_seed(&seed, &ring::rand::SystemRandom::new())?;
    /// assert_eq!(key.public_key().thumbprint(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Only if `ring` refuses the key it is given, which a 32-byte seed never makes it do.
    pub fn from_ed25519_seed(seed: &[u8; 32], rng: &dyn SecureRandom) -> Result<Self, CryptoError> {
        Self::from_pkcs8_der(&ed25519_pkcs8(seed), rng)
    }

    /// Imports a DER PKCS#8 private key (v1 or v2) of a supported type. `rng` is used by
    /// `ring` to blind ECDSA keys.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = PrivateKey::generate(KeyType::P384, &rng)?;
    /// let copy = PrivateKey::from_pkcs8_der(key.to_pkcs8_der(), &rng)?;
    /// assert_eq!(copy.public_key(), key.public_key());
    /// assert!(PrivateKey::from_pkcs8_der(b"not DER", &rng).is_err());
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn from_pkcs8_der(pkcs8: &[u8], rng: &dyn SecureRandom) -> Result<Self, CryptoError> {
        let info = pkcs8_info(pkcs8)?;
        let (pair, public) = match info.key_type {
            KeyType::Ed25519 => {
                let pair = if info.version == 1 {
                    Ed25519KeyPair::from_pkcs8(pkcs8)
                } else {
                    Ed25519KeyPair::from_pkcs8_maybe_unchecked(pkcs8)
                }
                .map_err(rejected("Ed25519 PKCS#8"))?;
                let public = PublicKey::ed25519(pair.public_key().as_ref())?;
                (Pair::Ed25519(pair), public)
            }
            KeyType::P256 | KeyType::P384 => {
                let pair = EcdsaKeyPair::from_pkcs8(ecdsa_signing(info.key_type), pkcs8, rng)
                    .map_err(rejected("EC PKCS#8 (the public key must be included)"))?;
                let public = PublicKey::ec(info.key_type, pair.public_key().as_ref())?;
                (Pair::Ecdsa(pair), public)
            }
            KeyType::Rsa => {
                let pair = RsaKeyPair::from_pkcs8(pkcs8).map_err(rejected("RSA PKCS#8"))?;
                let public = PublicKey::from_rsa_public_key_der(pair.public().as_ref())?;
                (Pair::Rsa(pair), public)
            }
        };
        Ok(PrivateKey {
            pair,
            pkcs8: pkcs8.to_vec(),
            public,
        })
    }

    /// Imports a PEM private key: `PRIVATE KEY` (PKCS#8), `RSA PRIVATE KEY` (PKCS#1) or
    /// `EC PRIVATE KEY` (SEC 1, with its curve and public key).
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/crypto");
    /// let sec1 = PrivateKey::from_pem(&std::fs::read_to_string(format!("{dir}/p256.sec1.pem"))?, &rng)?;
    /// let pkcs8 = PrivateKey::from_pem(&std::fs::read_to_string(format!("{dir}/p256.pkcs8.pem"))?, &rng)?;
    /// assert_eq!(sec1.key_type(), KeyType::P256);
    /// assert_eq!(sec1.public_key(), pkcs8.public_key()); // one key, two encodings
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_pem(pem_text: &str, rng: &dyn SecureRandom) -> Result<Self, CryptoError> {
        let block = pem::parse_single(pem_text)?;
        match block.label.as_str() {
            "PRIVATE KEY" => Self::from_pkcs8_der(&block.der, rng),
            "RSA PRIVATE KEY" => Self::from_pkcs8_der(&pkcs8_v1(&rsa_alg_id(), &block.der), rng),
            "EC PRIVATE KEY" => {
                let key_type = sec1_curve(&block.der)?;
                Self::from_pkcs8_der(&pkcs8_v1(&ec_alg_id(key_type), &block.der), rng)
            }
            other => Err(CryptoError::Pem {
                reason: format!("label {other:?} is not an unencrypted private key"),
            }),
        }
    }

    /// Imports a private JWK: `d` with `x` (Ed25519) or `x`/`y` (EC), or for RSA all of
    /// `n, e, d, p, q, dp, dq, qi` (multi-prime `oth` keys are refused). The public members
    /// must match the private ones.
    ///
    /// ```
    /// use ebl::crypto::PrivateKey;
    ///
    /// // The RFC 8037 Appendix A.1 key pair.
    /// let key = PrivateKey::from_jwk(&serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}), &ring::rand::SystemRandom::new())?;
    /// assert_eq!(key.public_key().thumbprint(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn from_jwk(jwk_value: &Value, rng: &dyn SecureRandom) -> Result<Self, CryptoError> {
        let map = jwk::as_object(jwk_value)?;
        let public = jwk::public_from_members(map)?;
        let key_type = public.key_type();
        let pkcs8 = match key_type {
            KeyType::Ed25519 => {
                let seed = jwk::fixed(map, "d", 32)?;
                let x = jwk::fixed(map, "x", 32)?;
                Ed25519KeyPair::from_seed_and_public_key(&seed, &x)
                    .map_err(rejected("Ed25519 JWK"))?;
                ed25519_pkcs8(&seed)
            }
            KeyType::P256 | KeyType::P384 => {
                let d = jwk::fixed(map, "d", ec_coordinate_len(key_type))?;
                let ec_private = der::sequence(&[
                    &der::unsigned_integer(&[1]),
                    &der::tlv(der::TAG_OCTET_STRING, &d),
                    &der::tlv(der::TAG_CONTEXT_1, &der::bit_string(&public_point(&public))),
                ]);
                pkcs8_v1(&ec_alg_id(key_type), &ec_private)
            }
            KeyType::Rsa => {
                if map.contains_key("oth") {
                    return Err(CryptoError::key("multi-prime RSA keys are not supported"));
                }
                let mut parts = vec![der::unsigned_integer(&[0])];
                for name in ["n", "e", "d", "p", "q", "dp", "dq", "qi"] {
                    parts.push(der::unsigned_integer(&jwk::bytes(map, name)?));
                }
                let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
                pkcs8_v1(&rsa_alg_id(), &der::sequence(&refs))
            }
        };
        let key = Self::from_pkcs8_der(&pkcs8, rng)?;
        if key.public != public {
            return Err(CryptoError::key(
                "the JWK's public members do not match its private key",
            ));
        }
        Ok(key)
    }

    /// Parses private JWK JSON text strictly and imports it.
    ///
    /// ```
    /// use ebl::crypto::PrivateKey;
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let jwk = br#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
    ///     "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    /// assert_eq!(PrivateKey::from_jwk_bytes(jwk, &rng)?.key_type(), ebl::crypto::KeyType::Ed25519);
    /// // A public x that does not belong to d is refused.
    /// let mismatched = br#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
    ///     "x":"BlHGMFbOhKBur6QwEihT_FmTpZGhcyC06DvXYf7-8KM"}"#;
    /// assert!(PrivateKey::from_jwk_bytes(mismatched, &rng).is_err());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn from_jwk_bytes(json: &[u8], rng: &dyn SecureRandom) -> Result<Self, CryptoError> {
        Self::from_jwk(&crate::json::parse(json)?, rng)
    }

    /// The PKCS#8 DER document (as generated or imported).
    ///
    /// ```
    /// use ebl::crypto::{b64, PrivateKey};
    ///
    /// let key = PrivateKey::from_jwk(&serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}), &ring::rand::SystemRandom::new())?;
    /// let der = key.to_pkcs8_der();
    /// assert_eq!(der.len(), 48); // PKCS#8 v1: version, Ed25519 OID, the 32-byte seed
    /// assert_eq!(b64::encode_url(&der[16..]), "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn to_pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The PKCS#8 document as PEM `PRIVATE KEY`.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let pem = key.to_pkcs8_pem();
    /// assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    /// assert_eq!(PrivateKey::from_pem(&pem, &rng)?.public_key(), key.public_key());
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn to_pkcs8_pem(&self) -> String {
        pem::encode("PRIVATE KEY", &self.pkcs8)
    }

    /// The private JWK (public members plus `d`, and for RSA the CRT members). Handle the
    /// result as a secret.
    ///
    /// ```
    /// use ebl::crypto::PrivateKey;
    ///
    /// let jwk = serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
    ///     "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"});
    /// let key = PrivateKey::from_jwk(&jwk, &ring::rand::SystemRandom::new())?;
    /// assert_eq!(key.to_private_jwk()?, jwk);
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn to_private_jwk(&self) -> Result<Value, CryptoError> {
        let bad = |reason: &str| CryptoError::key(format!("PKCS#8: {reason}"));
        let info = pkcs8_info(&self.pkcs8)?;
        let mut map = match self.public.to_jwk() {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let mut put = |name: &str, bytes: &[u8]| {
            map.insert(name.to_owned(), Value::String(b64::encode_url(bytes)));
        };
        let mut reader = Reader::new(info.private_key);
        match info.key_type {
            KeyType::Ed25519 => put("d", reader.expect(der::TAG_OCTET_STRING).map_err(bad)?),
            KeyType::P256 | KeyType::P384 => {
                let mut seq = Reader::new(reader.expect(der::TAG_SEQUENCE).map_err(bad)?);
                seq.unsigned_integer().map_err(bad)?;
                put("d", seq.expect(der::TAG_OCTET_STRING).map_err(bad)?);
            }
            KeyType::Rsa => {
                let mut seq = Reader::new(reader.expect(der::TAG_SEQUENCE).map_err(bad)?);
                seq.unsigned_integer().map_err(bad)?;
                for name in ["n", "e", "d", "p", "q", "dp", "dq", "qi"] {
                    let value = seq.unsigned_integer().map_err(bad)?;
                    put(name, value);
                }
            }
        }
        Ok(Value::Object(map))
    }

    /// The matching public key.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    ///
    /// let key = PrivateKey::generate(KeyType::P256, &ring::rand::SystemRandom::new())?;
    /// assert_eq!(key.public_key().key_type(), KeyType::P256);
    /// assert_eq!(key.public_key().to_jwk()["crv"], "P-256");
    /// assert!(key.public_key().to_jwk().get("d").is_none()); // nothing secret
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    /// The key's type.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    ///
    /// let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/crypto/rsa2048.pkcs1.pem"))?;
    /// let key = PrivateKey::from_pem(&pem, &ring::rand::SystemRandom::new())?;
    /// assert_eq!(key.key_type(), KeyType::Rsa);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn key_type(&self) -> KeyType {
        self.public.key_type()
    }

    /// The algorithm [`PrivateKey::sign`] uses (see [`KeyType::default_algorithm`]).
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// assert_eq!(PrivateKey::generate(KeyType::P384, &rng)?.algorithm(), Algorithm::ES384);
    /// let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/crypto/rsa2048.pkcs8.pem"))?;
    /// assert_eq!(PrivateKey::from_pem(&pem, &rng)?.algorithm(), Algorithm::PS256);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        self.key_type().default_algorithm()
    }

    /// Signs `message` with [`PrivateKey::algorithm`].
    ///
    /// ```
    /// use ebl::crypto::{b64, PrivateKey};
    ///
    /// // RFC 8037 Appendix A.4: Ed25519 signatures are deterministic.
    /// let key = PrivateKey::from_jwk(&serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}), &ring::rand::SystemRandom::new())?;
    /// let signature = key.sign(b"eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc", &ring::rand::SystemRandom::new())?;
    /// assert_eq!(b64::encode_url(&signature),
    ///     "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn sign(&self, message: &[u8], rng: &dyn SecureRandom) -> Result<Vec<u8>, CryptoError> {
        self.sign_with(self.algorithm(), message, rng)
    }

    /// Signs `message` with `alg`, which must fit the key (an RSA key can use any `RS*` or
    /// `PS*` algorithm). ECDSA signatures are `R || S` as JWS requires.
    ///
    /// ```
    /// use ebl::crypto::{Algorithm, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/crypto/rsa2048.pkcs8.pem"))?;
    /// let key = PrivateKey::from_pem(&pem, &rng)?;
    /// let signature = key.sign_with(Algorithm::RS256, b"manifest", &rng)?;
    /// assert!(key.public_key().verify(Algorithm::RS256, b"manifest", &signature).is_ok());
    /// assert!(key.public_key().verify(Algorithm::PS256, b"manifest", &signature).is_err());
    /// assert!(key.sign_with(Algorithm::ES256, b"manifest", &rng).is_err()); // not an EC key
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sign_with(
        &self,
        alg: Algorithm,
        message: &[u8],
        rng: &dyn SecureRandom,
    ) -> Result<Vec<u8>, CryptoError> {
        alg.check_key_type(self.key_type())?;
        let failed = |_| CryptoError::SigningFailed {
            reason: format!("{alg} signing failed (random number generator or key)"),
        };
        match &self.pair {
            Pair::Ed25519(pair) => Ok(pair.sign(message).as_ref().to_vec()),
            Pair::Ecdsa(pair) => Ok(pair.sign(rng, message).map_err(failed)?.as_ref().to_vec()),
            Pair::Rsa(pair) => {
                let padding: &'static dyn signature::RsaEncoding = match alg {
                    Algorithm::RS384 => &signature::RSA_PKCS1_SHA384,
                    Algorithm::RS512 => &signature::RSA_PKCS1_SHA512,
                    Algorithm::PS256 => &signature::RSA_PSS_SHA256,
                    Algorithm::PS384 => &signature::RSA_PSS_SHA384,
                    Algorithm::PS512 => &signature::RSA_PSS_SHA512,
                    _ => &signature::RSA_PKCS1_SHA256,
                };
                let mut out = vec![0; pair.public().modulus_len()];
                pair.sign(padding, rng, message, &mut out).map_err(failed)?;
                Ok(out)
            }
        }
    }
}

fn public_point(public: &PublicKey) -> Vec<u8> {
    match &public.material {
        super::key::Material::Ec { point, .. } => point.clone(),
        _ => Vec::new(),
    }
}

/// The curve named in a SEC 1 `ECPrivateKey`'s `[0]` parameters.
fn sec1_curve(der_bytes: &[u8]) -> Result<KeyType, CryptoError> {
    let bad = |reason: &str| CryptoError::key(format!("EC PRIVATE KEY: {reason}"));
    let mut outer = Reader::new(der_bytes);
    let mut seq = Reader::new(outer.expect(der::TAG_SEQUENCE).map_err(bad)?);
    seq.unsigned_integer().map_err(bad)?;
    seq.expect(der::TAG_OCTET_STRING).map_err(bad)?;
    if seq.peek_tag() != Some(der::TAG_CONTEXT_0) {
        return Err(bad("the curve parameters are missing"));
    }
    let mut params = Reader::new(seq.expect(der::TAG_CONTEXT_0).map_err(bad)?);
    match params.expect(der::TAG_OID).map_err(bad)? {
        oid::P256 => Ok(KeyType::P256),
        oid::P384 => Ok(KeyType::P384),
        _ => Err(bad("unsupported elliptic curve (only P-256 and P-384)")),
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("key_type", &self.key_type())
            .field("thumbprint", &self.public.thumbprint())
            .finish_non_exhaustive()
    }
}

impl Drop for PrivateKey {
    fn drop(&mut self) {
        self.pkcs8.fill(0);
        std::hint::black_box(&self.pkcs8);
    }
}
