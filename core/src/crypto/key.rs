//! Public keys: import from SPKI, PEM, certificates and JWK; verify raw signatures.

use std::fmt;

use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};

use super::der::{self, Reader, oid};
use super::{Algorithm, CryptoError, KeyType};

/// An owned public key of a supported type, validated on import.
///
/// Two keys are equal when they are the same mathematical key, however they were encoded.
/// `Debug` shows the key type and RFC 7638 thumbprint.
///
/// ```
/// use ebl::crypto::{Algorithm, KeyType, PublicKey};
///
/// let jwk = serde_json::json!({
///     "kty": "OKP", "crv": "Ed25519",
///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
/// });
/// let key = PublicKey::from_jwk(&jwk)?;
/// assert_eq!(key.key_type(), KeyType::Ed25519);
/// assert_eq!(key.thumbprint(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
/// let err = key.verify(Algorithm::EdDSA, b"message", &[0; 64]).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::CryptoSignatureInvalid);
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PublicKey {
    pub(crate) material: Material,
}

/// The key bytes in the form `ring` verifies with.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) enum Material {
    /// The 32-byte public key.
    Ed25519([u8; 32]),
    /// Uncompressed point `04 || X || Y`.
    Ec { key_type: KeyType, point: Vec<u8> },
    /// Big-endian magnitudes without leading zeros.
    Rsa { n: Vec<u8>, e: Vec<u8> },
}

/// The smallest RSA modulus accepted: shorter keys are breakable (NIST SP 800-131A).
pub(crate) const MIN_RSA_BITS: usize = 2048;
/// The largest RSA modulus accepted (SECURITY.md, "Limits"): a verification costs about the
/// cube of the modulus size, so an input offering a huge key could make one check take
/// seconds; 8192 bits is beyond any key in use. Larger keys are `CryptoKeyRejected`.
pub(crate) const MAX_RSA_BITS: usize = 8192;

impl PublicKey {
    /// Imports a DER `SubjectPublicKeyInfo` (RFC 5280 §4.1.2.7) holding an Ed25519, P-256,
    /// P-384 or RSA key.
    ///
    /// ```
    /// use ebl::crypto::PublicKey;
    ///
    /// let key = PublicKey::from_jwk(&serde_json::json!({
    ///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    /// }))?;
    /// let spki = key.to_spki_der();
    /// assert_eq!(PublicKey::from_spki_der(&spki)?, key);
    /// assert!(PublicKey::from_spki_der(&spki[..spki.len() - 1]).is_err()); // truncated
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn from_spki_der(spki: &[u8]) -> Result<Self, CryptoError> {
        let bad = |reason: &str| CryptoError::key(format!("SubjectPublicKeyInfo: {reason}"));
        let mut outer = Reader::new(spki);
        let body = outer.expect(der::TAG_SEQUENCE).map_err(bad)?;
        outer.finish().map_err(bad)?;
        let mut body = Reader::new(body);
        let alg_id = body.expect(der::TAG_SEQUENCE).map_err(bad)?;
        let key_bits = body.bit_string().map_err(bad)?;
        body.finish().map_err(bad)?;
        let mut alg_id = Reader::new(alg_id);
        let alg_oid = alg_id.expect(der::TAG_OID).map_err(bad)?;
        match alg_oid {
            oid::ED25519 => {
                alg_id.finish().map_err(bad)?;
                Self::ed25519(key_bits)
            }
            oid::EC_PUBLIC_KEY => {
                let curve = alg_id.expect(der::TAG_OID).map_err(bad)?;
                alg_id.finish().map_err(bad)?;
                let key_type = match curve {
                    oid::P256 => KeyType::P256,
                    oid::P384 => KeyType::P384,
                    _ => return Err(bad("unsupported elliptic curve (only P-256 and P-384)")),
                };
                Self::ec(key_type, key_bits)
            }
            oid::RSA_ENCRYPTION => {
                if !alg_id.is_empty() {
                    alg_id.expect(der::TAG_NULL).map_err(bad)?;
                    alg_id.finish().map_err(bad)?;
                }
                Self::from_rsa_public_key_der(key_bits)
            }
            _ => Err(bad(
                "unsupported key algorithm (only Ed25519, EC P-256/P-384 and RSA)",
            )),
        }
    }

    /// Imports a PKCS#1 `RSAPublicKey` (`SEQUENCE { n, e }`).
    pub(crate) fn from_rsa_public_key_der(bytes: &[u8]) -> Result<Self, CryptoError> {
        let bad = |reason: &str| CryptoError::key(format!("RSAPublicKey: {reason}"));
        let mut outer = Reader::new(bytes);
        let mut seq = Reader::new(outer.expect(der::TAG_SEQUENCE).map_err(bad)?);
        outer.finish().map_err(bad)?;
        let n = seq.unsigned_integer().map_err(bad)?;
        let e = seq.unsigned_integer().map_err(bad)?;
        seq.finish().map_err(bad)?;
        Self::rsa(n, e)
    }

    /// Imports the subject public key of a DER X.509 certificate. The certificate itself is
    /// not checked; use [`crate::crypto::x509`] for that.
    ///
    /// ```
    /// use ebl::crypto::{jws, KeySet, PublicKey};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let platform_jwks = std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?;
    /// // The leaf of the PINT demo envelope manifest's x5c holds the platform's published key.
    /// let manifest = jws::decode_compact(envelope["envelopeManifestSignedContent"].as_str().unwrap())?;
    /// let leaf_key = PublicKey::from_certificate_der(&manifest.header().x5c()[0])?;
    /// let published = KeySet::from_jwks_bytes(&platform_jwks)?;
    /// assert_eq!(published.get("YLFVnyMkSsFTvj-H").map(|e| &e.key), Some(&leaf_key));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_certificate_der(der: &[u8]) -> Result<Self, CryptoError> {
        let cert = super::x509::Certificate::from_der(der)?;
        Ok(cert.public_key().clone())
    }

    /// Imports a PEM `PUBLIC KEY` (SPKI) or `CERTIFICATE` (its subject key). Exactly one PEM
    /// block must be present.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PublicKey};
    ///
    /// let root_ca = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?;
    /// let key = PublicKey::from_pem(&root_ca)?; // a CERTIFICATE: its subject key
    /// assert_eq!(key.key_type(), KeyType::Ed25519);
    /// assert_eq!(PublicKey::from_pem(&key.to_pem())?, key); // a PUBLIC KEY
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_pem(pem: &str) -> Result<Self, CryptoError> {
        let block = super::pem::parse_single(pem)?;
        match block.label.as_str() {
            "PUBLIC KEY" => Self::from_spki_der(&block.der),
            "CERTIFICATE" => Self::from_certificate_der(&block.der),
            "RSA PUBLIC KEY" => Self::from_rsa_public_key_der(&block.der),
            other => Err(CryptoError::Pem {
                reason: format!(
                    "label {other:?} is not a public key (expected PUBLIC KEY or CERTIFICATE)"
                ),
            }),
        }
    }

    pub(crate) fn ed25519(bytes: &[u8]) -> Result<Self, CryptoError> {
        let raw: [u8; 32] = bytes.try_into().map_err(|_| {
            CryptoError::key(format!(
                "an Ed25519 public key is 32 bytes, got {}",
                bytes.len()
            ))
        })?;
        Ok(PublicKey {
            material: Material::Ed25519(raw),
        })
    }

    pub(crate) fn ec(key_type: KeyType, point: &[u8]) -> Result<Self, CryptoError> {
        let coordinate = ec_coordinate_len(key_type);
        match point {
            [0x04, rest @ ..] if rest.len() == 2 * coordinate => Ok(PublicKey {
                material: Material::Ec {
                    key_type,
                    point: point.to_vec(),
                },
            }),
            _ => Err(CryptoError::key(format!(
                "a {key_type} public key is an uncompressed point of {} bytes",
                1 + 2 * coordinate
            ))),
        }
    }

    /// `n` and `e` are big-endian magnitudes; a leading zero byte is an error (callers strip
    /// the DER sign byte first).
    pub(crate) fn rsa(n: &[u8], e: &[u8]) -> Result<Self, CryptoError> {
        if n.first().is_none_or(|&b| b == 0) || e.first().is_none_or(|&b| b == 0) {
            return Err(CryptoError::key(
                "RSA modulus and exponent must be non-zero and minimally encoded",
            ));
        }
        let bits = bit_length(n);
        if !(MIN_RSA_BITS..=MAX_RSA_BITS).contains(&bits) {
            return Err(CryptoError::key(format!(
                "RSA modulus of {bits} bits (supported: {MIN_RSA_BITS} to {MAX_RSA_BITS})"
            )));
        }
        let exponent = e.iter().try_fold(0u64, |acc, &b| {
            acc.checked_mul(256).map(|v| v | u64::from(b))
        });
        match exponent {
            Some(value) if value >= 3 && value % 2 == 1 && value < (1 << 33) => {}
            _ => {
                return Err(CryptoError::key(
                    "RSA public exponent must be odd and between 3 and 2^33",
                ));
            }
        }
        if n.last().is_some_and(|&b| b % 2 == 0) {
            return Err(CryptoError::key("RSA modulus is even"));
        }
        Ok(PublicKey {
            material: Material::Rsa {
                n: n.to_vec(),
                e: e.to_vec(),
            },
        })
    }

    /// The key's type.
    ///
    /// ```
    /// use ebl::crypto::{KeySet, KeyType};
    ///
    /// let jwks = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/keys-public/rsa-carrier.example.com.public.jwk"))?;
    /// let keys = KeySet::from_jwks_bytes(&jwks)?;
    /// assert_eq!(keys.get("pQOEkO9v1KxTaF4T").unwrap().key.key_type(), KeyType::Rsa);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn key_type(&self) -> KeyType {
        match &self.material {
            Material::Ed25519(_) => KeyType::Ed25519,
            Material::Ec { key_type, .. } => *key_type,
            Material::Rsa { .. } => KeyType::Rsa,
        }
    }

    /// The size of the key in bits (255 for Ed25519, the curve size for EC, the modulus
    /// length for RSA).
    ///
    /// ```
    /// use ebl::crypto::{KeySet, KeyType, PrivateKey};
    ///
    /// let jwks = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/keys-public/rsa-carrier.example.com.public.jwk"))?;
    /// assert_eq!(KeySet::from_jwks_bytes(&jwks)?.get("pQOEkO9v1KxTaF4T").unwrap().key.bits(), 2048);
    /// let p384 = PrivateKey::generate(KeyType::P384, &ring::rand::SystemRandom::new())?;
    /// assert_eq!(p384.public_key().bits(), 384);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn bits(&self) -> usize {
        match &self.material {
            Material::Ed25519(_) => 255,
            Material::Ec { key_type, .. } => 8 * ec_coordinate_len(*key_type),
            Material::Rsa { n, .. } => bit_length(n),
        }
    }

    /// The DER `SubjectPublicKeyInfo` of this key.
    ///
    /// ```
    /// use ebl::crypto::PublicKey;
    ///
    /// let key = PublicKey::from_jwk(&serde_json::json!({
    ///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    /// }))?;
    /// let spki = key.to_spki_der();
    /// // SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING <32 key bytes> }
    /// assert_eq!(spki[..12], [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
    /// assert_eq!(ebl::crypto::b64::encode_url(&spki[12..]), "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn to_spki_der(&self) -> Vec<u8> {
        let oid_tlv = |oid: &[u8]| der::tlv(der::TAG_OID, oid);
        let (alg_id, key) = match &self.material {
            Material::Ed25519(raw) => (der::sequence(&[&oid_tlv(oid::ED25519)]), raw.to_vec()),
            Material::Ec { key_type, point } => {
                let curve = if *key_type == KeyType::P384 {
                    oid::P384
                } else {
                    oid::P256
                };
                (
                    der::sequence(&[&oid_tlv(oid::EC_PUBLIC_KEY), &oid_tlv(curve)]),
                    point.clone(),
                )
            }
            Material::Rsa { n, e } => (
                der::sequence(&[&oid_tlv(oid::RSA_ENCRYPTION), &der::tlv(der::TAG_NULL, &[])]),
                der::sequence(&[&der::unsigned_integer(n), &der::unsigned_integer(e)]),
            ),
        };
        der::sequence(&[&alg_id, &der::bit_string(&key)])
    }

    /// The PEM `PUBLIC KEY` form of this key.
    ///
    /// ```
    /// use ebl::crypto::PublicKey;
    ///
    /// let key = PublicKey::from_jwk(&serde_json::json!({
    ///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    /// }))?;
    /// assert_eq!(key.to_pem(), "-----BEGIN PUBLIC KEY-----\n\
    ///     MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n");
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn to_pem(&self) -> String {
        super::pem::encode("PUBLIC KEY", &self.to_spki_der())
    }

    /// Verifies `signature` over `message` with `alg`.
    ///
    /// Fails with [`CryptoError::AlgorithmKeyMismatch`] if `alg` does not fit this key, and
    /// with the opaque [`CryptoError::SignatureInvalid`] if the signature does not verify.
    /// The algorithm is the caller's choice, checked against the key; an allow-list is
    /// applied by the JWS layer ([`crate::crypto::jws`]).
    ///
    /// ```
    /// use ebl::crypto::{b64, Algorithm, PublicKey};
    ///
    /// // RFC 8037 Appendix A.4: the signature over the JWS signing input.
    /// let key = PublicKey::from_jwk(&serde_json::json!({
    ///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    /// }))?;
    /// let input = b"eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
    /// let signature = b64::decode_url("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg", "sig")?;
    /// assert!(key.verify(Algorithm::EdDSA, input, &signature).is_ok());
    /// assert!(key.verify(Algorithm::EdDSA, b"another message", &signature).is_err());
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn verify(
        &self,
        alg: Algorithm,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), CryptoError> {
        alg.check_key_type(self.key_type())?;
        let result = match &self.material {
            Material::Ed25519(raw) => {
                UnparsedPublicKey::new(&signature::ED25519, raw).verify(message, signature)
            }
            Material::Ec { point, .. } => {
                let algorithm: &'static signature::EcdsaVerificationAlgorithm = match alg {
                    Algorithm::ES384 => &signature::ECDSA_P384_SHA384_FIXED,
                    _ => &signature::ECDSA_P256_SHA256_FIXED,
                };
                UnparsedPublicKey::new(algorithm, point).verify(message, signature)
            }
            Material::Rsa { n, e } => {
                let params: &'static signature::RsaParameters = match alg {
                    Algorithm::RS384 => &signature::RSA_PKCS1_2048_8192_SHA384,
                    Algorithm::RS512 => &signature::RSA_PKCS1_2048_8192_SHA512,
                    Algorithm::PS256 => &signature::RSA_PSS_2048_8192_SHA256,
                    Algorithm::PS384 => &signature::RSA_PSS_2048_8192_SHA384,
                    Algorithm::PS512 => &signature::RSA_PSS_2048_8192_SHA512,
                    _ => &signature::RSA_PKCS1_2048_8192_SHA256,
                };
                RsaPublicKeyComponents { n, e }.verify(params, message, signature)
            }
        };
        result.map_err(|_| CryptoError::SignatureInvalid)
    }

    /// Verifies a certificate signature made with an X.509 signature algorithm (DER-encoded
    /// ECDSA signatures, PKCS#1 RSA, Ed25519).
    pub(crate) fn verify_x509(
        &self,
        sig_oid: &str,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), String> {
        let kt = self.key_type();
        let unsupported = || format!("unsupported signature algorithm {sig_oid} for a {kt} key");
        let result = match (&self.material, sig_oid) {
            (Material::Ed25519(raw), "1.3.101.112") => {
                UnparsedPublicKey::new(&signature::ED25519, raw).verify(message, signature)
            }
            (Material::Ec { point, key_type }, _) => {
                let algorithm: &'static signature::EcdsaVerificationAlgorithm =
                    match (key_type, sig_oid) {
                        (KeyType::P256, "1.2.840.10045.4.3.2") => {
                            &signature::ECDSA_P256_SHA256_ASN1
                        }
                        (KeyType::P256, "1.2.840.10045.4.3.3") => {
                            &signature::ECDSA_P256_SHA384_ASN1
                        }
                        (KeyType::P384, "1.2.840.10045.4.3.2") => {
                            &signature::ECDSA_P384_SHA256_ASN1
                        }
                        (KeyType::P384, "1.2.840.10045.4.3.3") => {
                            &signature::ECDSA_P384_SHA384_ASN1
                        }
                        _ => return Err(unsupported()),
                    };
                UnparsedPublicKey::new(algorithm, point).verify(message, signature)
            }
            (Material::Rsa { n, e }, _) => {
                let params: &'static signature::RsaParameters = match sig_oid {
                    "1.2.840.113549.1.1.11" => &signature::RSA_PKCS1_2048_8192_SHA256,
                    "1.2.840.113549.1.1.12" => &signature::RSA_PKCS1_2048_8192_SHA384,
                    "1.2.840.113549.1.1.13" => &signature::RSA_PKCS1_2048_8192_SHA512,
                    _ => return Err(unsupported()),
                };
                RsaPublicKeyComponents { n, e }.verify(params, message, signature)
            }
            _ => return Err(unsupported()),
        };
        result.map_err(|_| "signature does not verify with the issuer's key".to_owned())
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKey")
            .field("key_type", &self.key_type())
            .field("thumbprint", &self.thumbprint())
            .finish()
    }
}

pub(crate) fn ec_coordinate_len(key_type: KeyType) -> usize {
    if key_type == KeyType::P384 { 48 } else { 32 }
}

fn bit_length(magnitude: &[u8]) -> usize {
    match magnitude.iter().position(|&b| b != 0) {
        None => 0,
        Some(i) => {
            let first = magnitude.get(i).copied().unwrap_or_default();
            (magnitude.len() - i - 1) * 8 + (8 - first.leading_zeros() as usize)
        }
    }
}
