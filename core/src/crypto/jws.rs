//! JWS compact serialization (RFC 7515 §7.1): sign, decode, verify.
//!
//! Verification always uses the received header and payload text as the signing input,
//! never a re-serialisation; decodes base64url strictly; parses the header with
//! [`crate::json::parse`] (duplicate header members are an error); refuses `alg: none`, HMAC
//! algorithms, algorithms outside the caller's [`AlgorithmSet`], algorithms that do not fit
//! the key, and any `crit` extension (none is supported).
//!
//! ```
//! use ebl::crypto::{jws, AlgorithmSet, KeyType, PrivateKey};
//! use ring::rand::SystemRandom;
//!
//! let rng = SystemRandom::new();
//! let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
//! let header = jws::JwsHeader { kid: Some("k1".into()), ..Default::default() };
//! let compact = jws::sign_compact(br#"{"hello":"world"}"#, &key, &header, &rng)?;
//!
//! let verified = jws::verify_compact(&compact, key.public_key(), &AlgorithmSet::default())?;
//! assert_eq!(verified.payload(), br#"{"hello":"world"}"#);
//! assert_eq!(verified.header().kid(), Some("k1"));
//! # Ok::<(), ebl::Error>(())
//! ```

use chrono::{DateTime, Utc};
use ring::rand::SecureRandom;
use serde_json::{Map, Value};

use super::x509::{Certificate, CertificateAnchors};
use super::{Algorithm, AlgorithmSet, CryptoError, KeySet, PrivateKey, PublicKey, b64};

/// The header members a signer chooses. Everything else in the protected header is fixed.
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

/// The protected header of a received JWS, parsed and checked for shape.
#[derive(Debug, Clone, PartialEq)]
pub struct ProtectedHeader {
    alg: Algorithm,
    kid: Option<String>,
    x5c: Vec<Vec<u8>>,
    typ: Option<String>,
    cty: Option<String>,
    crit: Vec<String>,
    json: Map<String, Value>,
}

fn optional_string(json: &Map<String, Value>, name: &str) -> Result<Option<String>, CryptoError> {
    match json.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(CryptoError::jws(format!(
            "header member {name:?} must be a string"
        ))),
    }
}

impl ProtectedHeader {
    fn from_json(json: Map<String, Value>) -> Result<Self, CryptoError> {
        let alg = match json.get("alg") {
            Some(Value::String(name)) => name.parse::<Algorithm>()?,
            Some(_) => return Err(CryptoError::jws("header member \"alg\" must be a string")),
            None => return Err(CryptoError::jws("header member \"alg\" is missing")),
        };
        let x5c = match json.get("x5c") {
            None => Vec::new(),
            Some(Value::Array(items)) if !items.is_empty() => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(text) => b64::decode_standard(text, &format!("x5c[{i}]")),
                    _ => Err(CryptoError::jws(format!("x5c[{i}] must be a string"))),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => {
                return Err(CryptoError::jws(
                    "header member \"x5c\" must be a non-empty array",
                ));
            }
        };
        let crit = match json.get("crit") {
            None => Vec::new(),
            Some(Value::Array(items)) if !items.is_empty() => {
                let mut names: Vec<String> = Vec::new();
                for item in items {
                    let Value::String(name) = item else {
                        return Err(CryptoError::UnknownCritical {
                            reason: "crit entries must be strings".into(),
                        });
                    };
                    if names.contains(name) || !json.contains_key(name) {
                        return Err(CryptoError::UnknownCritical {
                            reason: format!("crit entry {name:?} is repeated or not in the header"),
                        });
                    }
                    names.push(name.clone());
                }
                names
            }
            Some(_) => {
                return Err(CryptoError::UnknownCritical {
                    reason: "crit must be a non-empty array".into(),
                });
            }
        };
        if json.get("b64").is_some_and(|v| v != &Value::Bool(true)) {
            return Err(CryptoError::jws(
                "unencoded payloads (RFC 7797 \"b64\") are not supported",
            ));
        }
        Ok(ProtectedHeader {
            alg,
            kid: optional_string(&json, "kid")?,
            x5c,
            typ: optional_string(&json, "typ")?,
            cty: optional_string(&json, "cty")?,
            crit,
            json,
        })
    }

    /// `alg`.
    #[must_use]
    pub fn alg(&self) -> Algorithm {
        self.alg
    }

    /// `kid`, if present.
    #[must_use]
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// `x5c` certificates as DER, leaf first (empty if absent).
    #[must_use]
    pub fn x5c(&self) -> &[Vec<u8>] {
        &self.x5c
    }

    /// The `x5c` certificates parsed (errors name the position in the chain).
    pub fn x5c_certificates(&self) -> Result<Vec<Certificate>, CryptoError> {
        self.x5c
            .iter()
            .enumerate()
            .map(|(index, der)| {
                Certificate::from_der(der).map_err(|e| match e {
                    CryptoError::CertificateMalformed { reason, .. } => {
                        CryptoError::CertificateMalformed { index, reason }
                    }
                    other => other,
                })
            })
            .collect()
    }

    /// `typ`, if present.
    #[must_use]
    pub fn typ(&self) -> Option<&str> {
        self.typ.as_deref()
    }

    /// `cty`, if present.
    #[must_use]
    pub fn cty(&self) -> Option<&str> {
        self.cty.as_deref()
    }

    /// The extension names listed in `crit` (verification refuses any).
    #[must_use]
    pub fn crit(&self) -> &[String] {
        &self.crit
    }

    /// The whole header as parsed, members in received order.
    #[must_use]
    pub fn json(&self) -> &Map<String, Value> {
        &self.json
    }
}

/// A JWS that has been parsed but not verified. Nothing in it is trustworthy yet.
#[derive(Debug, Clone, PartialEq)]
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
pub fn decode_compact(compact: &str) -> crate::Result<UnverifiedJws> {
    let mut parts = compact.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(CryptoError::jws("a compact JWS has exactly three dot-separated parts").into());
    };
    let header_bytes = b64::decode_url(header_b64, "JWS protected header")?;
    let header_json = match crate::json::parse(&header_bytes)? {
        Value::Object(map) => map,
        _ => return Err(CryptoError::jws("the protected header is not a JSON object").into()),
    };
    let header = ProtectedHeader::from_json(header_json)?;
    let payload = b64::decode_url(payload_b64, "JWS payload")?;
    let signature = b64::decode_url(signature_b64, "JWS signature")?;
    if signature.is_empty() {
        return Err(CryptoError::jws("empty signature").into());
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
    #[must_use]
    pub fn header(&self) -> &ProtectedHeader {
        &self.header
    }

    /// The decoded payload bytes (unverified).
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The decoded signature bytes.
    #[must_use]
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// The signing input: the received `header.payload` text.
    #[must_use]
    pub fn signing_input(&self) -> &[u8] {
        self.compact
            .as_bytes()
            .get(..self.signing_input_len)
            .unwrap_or_default()
    }

    /// The compact serialization as received.
    #[must_use]
    pub fn compact(&self) -> &str {
        &self.compact
    }

    /// Checks the algorithm against `allowed` and the `crit` header, then verifies the
    /// signature with `key`.
    pub fn verify(
        &self,
        key: &PublicKey,
        allowed: &AlgorithmSet,
    ) -> Result<VerifiedJws, CryptoError> {
        self.check_policy(allowed)?;
        key.verify(self.header.alg, self.signing_input(), &self.signature)?;
        Ok(self.verified(key.clone(), None, Vec::new()))
    }

    fn check_policy(&self, allowed: &AlgorithmSet) -> Result<(), CryptoError> {
        allowed.check(self.header.alg)?;
        if let Some(name) = self.header.crit.first() {
            return Err(CryptoError::UnknownCritical {
                reason: format!("extension {name:?} is not supported"),
            });
        }
        Ok(())
    }

    fn verified(
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
    #[must_use]
    pub fn header(&self) -> &ProtectedHeader {
        &self.header
    }

    /// The payload bytes.
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The payload parsed strictly as JSON.
    pub fn payload_json(&self) -> crate::Result<Value> {
        crate::json::parse(&self.payload)
    }

    /// The payload bytes, consuming the value.
    #[must_use]
    pub fn into_payload(self) -> Vec<u8> {
        self.payload
    }

    /// The key that verified the signature.
    #[must_use]
    pub fn key(&self) -> &PublicKey {
        &self.key
    }

    /// The `kid` of the trusted key-set entry that verified it, if one did and had a kid.
    #[must_use]
    pub fn trusted_kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The `x5c` chain that was validated against a trust anchor (empty if the key came from
    /// a key set or was given directly).
    #[must_use]
    pub fn certificate_chain(&self) -> &[Certificate] {
        &self.chain
    }
}

/// Parses and verifies a compact JWS with one known key.
///
/// ```
/// use ebl::crypto::{jws, Algorithm, AlgorithmSet, PublicKey};
///
/// // RFC 8037 Appendix A.4.
/// let key = PublicKey::from_jwk(&serde_json::json!({
///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
/// }))?;
/// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
/// let verified = jws::verify_compact(compact, &key, &AlgorithmSet::default())?;
/// assert_eq!(verified.payload(), b"Example of Ed25519 signing");
///
/// let only_es256 = AlgorithmSet::new([Algorithm::ES256]);
/// let err = jws::verify_compact(compact, &key, &only_es256).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::CryptoAlgorithmNotAllowed);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn verify_compact(
    compact: &str,
    key: &PublicKey,
    allowed: &AlgorithmSet,
) -> crate::Result<VerifiedJws> {
    Ok(decode_compact(compact)?.verify(key, allowed)?)
}

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verifier {
    /// Algorithms accepted.
    pub algorithms: AlgorithmSet,
    /// Trusted keys.
    pub keys: KeySet,
    /// Trust anchors for `x5c` chains.
    pub anchors: CertificateAnchors,
}

impl Verifier {
    /// A verifier with the given policy.
    #[must_use]
    pub fn new(algorithms: AlgorithmSet, keys: KeySet, anchors: CertificateAnchors) -> Self {
        Verifier {
            algorithms,
            keys,
            anchors,
        }
    }

    /// Parses and verifies `compact` at time `at` (used for certificate validity).
    pub fn verify(&self, compact: &str, at: DateTime<Utc>) -> crate::Result<VerifiedJws> {
        Ok(self.verify_decoded(&decode_compact(compact)?, at)?)
    }

    /// Verifies an already decoded JWS at time `at`.
    pub fn verify_decoded(
        &self,
        jws: &UnverifiedJws,
        at: DateTime<Utc>,
    ) -> Result<VerifiedJws, CryptoError> {
        jws.check_policy(&self.algorithms)?;
        let header = jws.header();
        let alg = header.alg();
        let kid_entry = header.kid().and_then(|kid| self.keys.get(kid));

        if !header.x5c().is_empty() && !self.anchors.is_empty() {
            let chain = header.x5c_certificates()?;
            let leaf_key = self.anchors.verify_chain(&chain, at)?;
            if let Some(entry) = kid_entry
                && entry.key != leaf_key
            {
                return Err(CryptoError::CertificateKeyMismatch {
                    reason: "the x5c leaf key is not the trusted key named by kid".into(),
                });
            }
            leaf_key.verify(alg, jws.signing_input(), jws.signature())?;
            let kid = kid_entry.and_then(|e| e.kid.clone());
            return Ok(jws.verified(leaf_key, kid, chain));
        }

        let verified = match header.kid() {
            Some(kid) => {
                let entry = kid_entry.ok_or_else(|| CryptoError::UnknownKey {
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
                entry
            }
            None => {
                let mut candidates = self.keys.iter().filter(|e| {
                    e.key.key_type() == alg.key_type() && e.algorithm.is_none_or(|a| a == alg)
                });
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
                    .ok_or(CryptoError::SignatureInvalid)?
            }
        };
        if let Some(leaf) = header.x5c().first() {
            let leaf = Certificate::from_der(leaf)?;
            if leaf.public_key() != &verified.key {
                return Err(CryptoError::CertificateKeyMismatch {
                    reason: "the x5c leaf certificate does not hold the key that verified".into(),
                });
            }
        }
        Ok(jws.verified(verified.key.clone(), verified.kid.clone(), Vec::new()))
    }
}
