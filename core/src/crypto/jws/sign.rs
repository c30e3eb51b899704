//! Signing: the header members a signer chooses and the compact serialization.

use ring::rand::SecureRandom;
use serde_json::{Map, Value};

use crate::crypto::x509::Certificate;
use crate::crypto::{Algorithm, CryptoError, PrivateKey, b64};

/// The header members a signer chooses. Everything else in the protected header is fixed.
///
/// ```
/// use ebl::crypto::{jws, Algorithm, KeyType, PrivateKey};
///
/// let rng = ring::rand::SystemRandom::new();
/// let key = PrivateKey::generate(KeyType::P256, &rng)?;
/// let header = jws::JwsHeader { kid: Some("k1".into()), typ: Some("JOSE".into()), ..Default::default() };
/// let decoded = jws::decode_compact(&jws::sign_compact(b"{}", &key, &header, &rng)?)?;
/// assert_eq!(decoded.header().alg(), Algorithm::ES256); // alg: None means the key's default
/// assert_eq!((decoded.header().kid(), decoded.header().typ()), (Some("k1"), Some("JOSE")));
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JwsHeader {
    /// The algorithm; `None` means the key's default ([`PrivateKey::algorithm`]).
    pub alg: Option<Algorithm>,
    /// `kid`: the key id the verifier looks the key up by.
    pub kid: Option<String>,
    /// `x5c`: DER certificates, leaf first. The leaf must hold the signing key.
    pub x5c: Vec<Vec<u8>>,
    /// `typ`: media type of the whole JWS.
    pub typ: Option<String>,
    /// `cty`: media type of the payload.
    pub cty: Option<String>,
}

/// Signs `payload` and returns the JWS compact serialization.
///
/// The protected header holds `alg`, then `kid`, `x5c`, `typ`, `cty` when set. Fails with
/// [`CryptoError::AlgorithmKeyMismatch`] if `header.alg` does not fit the key and with
/// [`CryptoError::CertificateKeyMismatch`] if the `x5c` leaf does not hold the signing key.
/// (The module example reproduces RFC 8037 Appendix A.4 with it.)
///
/// ```
/// use ebl::crypto::{jws, Algorithm, KeyType, PrivateKey};
///
/// let rng = ring::rand::SystemRandom::new();
/// let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
/// let header = jws::JwsHeader { alg: Some(Algorithm::ES256), ..Default::default() };
/// let err = jws::sign_compact(b"{}", &key, &header, &rng).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::CryptoAlgorithmKeyMismatch);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn sign_compact(
    payload: &[u8],
    key: &PrivateKey,
    header: &JwsHeader,
    rng: &dyn SecureRandom,
) -> Result<String, CryptoError> {
    let alg = header.alg.unwrap_or_else(|| key.algorithm());
    alg.check_key_type(key.key_type())?;
    let mut json = Map::new();
    json.insert("alg".into(), Value::String(alg.as_str().into()));
    if let Some(kid) = &header.kid {
        json.insert("kid".into(), Value::String(kid.clone()));
    }
    if let Some(leaf) = header.x5c.first() {
        let leaf = Certificate::from_der(leaf)?;
        if leaf.public_key() != key.public_key() {
            return Err(CryptoError::CertificateKeyMismatch {
                reason: "the x5c leaf certificate does not hold the signing key".into(),
            });
        }
        let certs = header
            .x5c
            .iter()
            .map(|der| Value::String(b64::encode_standard(der)))
            .collect();
        json.insert("x5c".into(), Value::Array(certs));
    }
    if let Some(typ) = &header.typ {
        json.insert("typ".into(), Value::String(typ.clone()));
    }
    if let Some(cty) = &header.cty {
        json.insert("cty".into(), Value::String(cty.clone()));
    }
    let header_text = Value::Object(json).to_string();
    let mut compact = b64::encode_url(header_text.as_bytes());
    compact.push('.');
    compact.push_str(&b64::encode_url(payload));
    let signature = key.sign_with(alg, compact.as_bytes(), rng)?;
    compact.push('.');
    compact.push_str(&b64::encode_url(&signature));
    Ok(compact)
}
