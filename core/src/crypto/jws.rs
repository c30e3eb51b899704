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
///
/// ```
/// use ebl::crypto::{jws, PrivateKey};
///
/// // RFC 8037 Appendix A.4 (Ed25519 is deterministic, so the JWS is too).
/// let rng = ring::rand::SystemRandom::new();
/// let key = PrivateKey::from_jwk(&serde_json::json!({"kty": "OKP", "crv": "Ed25519",
///     "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}), &rng)?;
/// let compact = jws::sign_compact(b"Example of Ed25519 signing", &key, &jws::JwsHeader::default(), &rng)?;
/// assert_eq!(compact, "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
/// # Ok::<(), ebl::crypto::CryptoError>(())
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

/// The protected header of a received JWS, parsed and checked for shape.
///
/// ```
/// use ebl::crypto::{jws, Algorithm};
///
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
/// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
/// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
/// // The PINT demo envelope manifest, signed by the platform with its certificate chain.
/// let decoded = jws::decode_compact(manifest)?;
/// let header = decoded.header();
/// assert_eq!(header.alg(), Algorithm::EdDSA);
/// assert_eq!(header.kid(), Some("YLFVnyMkSsFTvj-H"));
/// assert_eq!(header.x5c().len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    ///
    /// ```
    /// use ebl::crypto::{jws, Algorithm};
    ///
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// assert_eq!(jws::decode_compact(compact)?.header().alg(), Algorithm::EdDSA);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn alg(&self) -> Algorithm {
        self.alg
    }

    /// `kid`, if present.
    ///
    /// ```
    /// use ebl::crypto::jws;
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// assert_eq!(jws::decode_compact(manifest)?.header().kid(), Some("YLFVnyMkSsFTvj-H"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// `x5c` certificates as DER, leaf first (empty if absent).
    ///
    /// ```
    /// use ebl::crypto::jws;
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// let decoded = jws::decode_compact(manifest)?;
    /// let x5c = decoded.header().x5c();
    /// assert_eq!(x5c.len(), 3); // leaf, intermediate CA, root CA
    /// assert!(x5c.iter().all(|der| der.first() == Some(&0x30))); // DER SEQUENCEs
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn x5c(&self) -> &[Vec<u8>] {
        &self.x5c
    }

    /// The `x5c` certificates parsed (errors name the position in the chain).
    ///
    /// ```
    /// use ebl::crypto::jws;
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// let chain = jws::decode_compact(manifest)?.header().x5c_certificates()?;
    /// assert!(chain[0].subject().ends_with("CN=ed25519-eblplatform.example.com"));
    /// assert!(chain[2].subject().ends_with("CN=Test Root CA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// ```
    /// use ebl::crypto::{jws, KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let header = jws::JwsHeader { typ: Some("JWT".into()), ..Default::default() };
    /// let compact = jws::sign_compact(b"{}", &key, &header, &rng)?;
    /// assert_eq!(jws::decode_compact(&compact)?.header().typ(), Some("JWT"));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn typ(&self) -> Option<&str> {
        self.typ.as_deref()
    }

    /// `cty`, if present.
    ///
    /// ```
    /// use ebl::crypto::{jws, KeyType, PrivateKey};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let header = jws::JwsHeader { cty: Some("json".into()), ..Default::default() };
    /// let decoded = jws::decode_compact(&jws::sign_compact(b"{}", &key, &header, &rng)?)?;
    /// assert_eq!((decoded.header().cty(), decoded.header().typ()), (Some("json"), None));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn cty(&self) -> Option<&str> {
        self.cty.as_deref()
    }

    /// The extension names listed in `crit` (verification refuses any).
    ///
    /// ```
    /// use ebl::crypto::{b64, jws, AlgorithmSet, KeyType, PrivateKey};
    ///
    /// let key = PrivateKey::generate(KeyType::Ed25519, &ring::rand::SystemRandom::new())?;
    /// let header = b64::encode_url(br#"{"alg":"EdDSA","crit":["exp"],"exp":1}"#);
    /// let compact = format!("{header}.e30.{}", b64::encode_url(&[0; 64]));
    /// let decoded = jws::decode_compact(&compact)?;
    /// assert_eq!(decoded.header().crit(), ["exp"]);
    /// // No extension is supported, so verification refuses it before looking at the signature.
    /// let err = decoded.verify(key.public_key(), &AlgorithmSet::default()).unwrap_err();
    /// assert_eq!(err.code(), ebl::ErrorCode::CryptoUnknownCritical);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn crit(&self) -> &[String] {
        &self.crit
    }

    /// The whole header as parsed, members in received order.
    ///
    /// ```
    /// use ebl::crypto::{b64, jws};
    ///
    /// let header = b64::encode_url(br#"{"alg":"EdDSA","x-platform":"CAR1"}"#);
    /// let decoded = jws::decode_compact(&format!("{header}.e30.AA"))?;
    /// let members: Vec<&String> = decoded.header().json().keys().collect();
    /// assert_eq!(members, ["alg", "x-platform"]);
    /// assert_eq!(decoded.header().json()["x-platform"], "CAR1");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn json(&self) -> &Map<String, Value> {
        &self.json
    }
}

/// A JWS that has been parsed but not verified. Nothing in it is trustworthy yet.
///
/// ```
/// use ebl::crypto::{jws, AlgorithmSet};
///
/// // RFC 8037 Appendix A.4.
/// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
/// # let key = ebl::crypto::PublicKey::from_jwk(&serde_json::json!({
/// #     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
/// let unverified = jws::decode_compact(compact)?;
/// assert_eq!(unverified.payload(), b"Example of Ed25519 signing"); // readable, not yet trusted
/// let verified = unverified.verify(&key, &AlgorithmSet::default())?;
/// assert_eq!(verified.payload(), unverified.payload());
/// # Ok::<(), ebl::Error>(())
/// ```
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
///
/// ```
/// use ebl::crypto::jws;
/// use ebl::ErrorCode;
///
/// // RFC 8037 Appendix A.4.
/// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
/// assert_eq!(jws::decode_compact(compact)?.signature().len(), 64);
/// assert_eq!(jws::decode_compact("e30.e30").unwrap_err().code(), ErrorCode::CryptoJwsMalformed);
/// // {"alg":"none"}
/// assert_eq!(jws::decode_compact("eyJhbGciOiJub25lIn0.e30.AA").unwrap_err().code(), ErrorCode::CryptoAlgNone);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn decode_compact(compact: &str) -> Result<UnverifiedJws, CryptoError> {
    let mut parts = compact.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(CryptoError::jws(
            "a compact JWS has exactly three dot-separated parts",
        ));
    };
    let header_bytes = b64::decode_url(header_b64, "JWS protected header")?;
    let header_json = match crate::json::parse(&header_bytes)? {
        Value::Object(map) => map,
        _ => {
            return Err(CryptoError::jws(
                "the protected header is not a JSON object",
            ));
        }
    };
    let header = ProtectedHeader::from_json(header_json)?;
    let payload = b64::decode_url(payload_b64, "JWS payload")?;
    let signature = b64::decode_url(signature_b64, "JWS signature")?;
    if signature.is_empty() {
        return Err(CryptoError::jws("empty signature"));
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
    ///
    /// ```
    /// use ebl::crypto::{jws, Algorithm};
    ///
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// let decoded = jws::decode_compact(compact)?;
    /// assert_eq!((decoded.header().alg(), decoded.header().kid()), (Algorithm::EdDSA, None));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn header(&self) -> &ProtectedHeader {
        &self.header
    }

    /// The decoded payload bytes (unverified).
    ///
    /// ```
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// let decoded = ebl::crypto::jws::decode_compact(compact)?;
    /// assert_eq!(decoded.payload(), b"Example of Ed25519 signing");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The decoded signature bytes.
    ///
    /// ```
    /// use ebl::crypto::{jws, Algorithm};
    ///
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// # let key = ebl::crypto::PublicKey::from_jwk(&serde_json::json!({
    /// #     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
    /// let decoded = jws::decode_compact(compact)?;
    /// assert_eq!(decoded.signature().len(), 64); // Ed25519
    /// assert!(key.verify(Algorithm::EdDSA, decoded.signing_input(), decoded.signature()).is_ok());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// The signing input: the received `header.payload` text.
    ///
    /// ```
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// let decoded = ebl::crypto::jws::decode_compact(compact)?;
    /// assert_eq!(decoded.signing_input(), b"eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn signing_input(&self) -> &[u8] {
        self.compact
            .as_bytes()
            .get(..self.signing_input_len)
            .unwrap_or_default()
    }

    /// The compact serialization as received.
    ///
    /// ```
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// let decoded = ebl::crypto::jws::decode_compact(compact)?;
    /// assert_eq!(decoded.compact(), compact); // what a DCSA checksum is computed over
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn compact(&self) -> &str {
        &self.compact
    }

    /// Checks the algorithm against `allowed` and the `crit` header, then verifies the
    /// signature with `key`.
    ///
    /// ```
    /// use ebl::crypto::{jws, Algorithm, AlgorithmSet, KeyType, PrivateKey};
    /// use ebl::ErrorCode;
    ///
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// # let key = ebl::crypto::PublicKey::from_jwk(&serde_json::json!({
    /// #     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
    /// let decoded = jws::decode_compact(compact)?;
    /// assert!(decoded.verify(&key, &AlgorithmSet::default()).is_ok());
    /// let other = PrivateKey::generate(KeyType::Ed25519, &ring::rand::SystemRandom::new())?;
    /// assert_eq!(decoded.verify(other.public_key(), &AlgorithmSet::default()).unwrap_err().code(), ErrorCode::CryptoSignatureInvalid);
    /// let es256_only = AlgorithmSet::new([Algorithm::ES256]);
    /// assert_eq!(decoded.verify(&key, &es256_only).unwrap_err().code(), ErrorCode::CryptoAlgorithmNotAllowed);
    /// # Ok::<(), ebl::Error>(())
    /// ```
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
///
/// ```
/// use ebl::crypto::{jws, AlgorithmSet};
///
/// // RFC 8037 Appendix A.4.
/// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
/// # let key = ebl::crypto::PublicKey::from_jwk(&serde_json::json!({
/// #     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
/// let verified: jws::VerifiedJws = jws::verify_compact(compact, &key, &AlgorithmSet::default())?;
/// assert_eq!(verified.key(), &key);
/// assert_eq!(verified.into_payload(), b"Example of Ed25519 signing");
/// # Ok::<(), ebl::Error>(())
/// ```
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
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// # let verifier = ebl::crypto::jws::JwsVerifier::new(ebl::crypto::AlgorithmSet::default(), keys, anchors);
    /// # let verified = verifier.verify(manifest, "2026-06-01T00:00:00Z".parse()?)?;
    /// // The PINT demo envelope manifest, verified through its x5c chain.
    /// assert_eq!(verified.header().kid(), Some("YLFVnyMkSsFTvj-H"));
    /// assert_eq!(verified.header().alg(), ebl::crypto::Algorithm::EdDSA);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn header(&self) -> &ProtectedHeader {
        &self.header
    }

    /// The payload bytes.
    ///
    /// ```
    /// use ebl::crypto::{jws, AlgorithmSet};
    ///
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// # let key = ebl::crypto::PublicKey::from_jwk(&serde_json::json!({
    /// #     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
    /// let verified = jws::verify_compact(compact, &key, &AlgorithmSet::default())?;
    /// assert_eq!(verified.payload(), b"Example of Ed25519 signing");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The payload parsed strictly as JSON.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// # let verifier = ebl::crypto::jws::JwsVerifier::new(ebl::crypto::AlgorithmSet::default(), keys, anchors);
    /// # let verified = verifier.verify(manifest, "2026-06-01T00:00:00Z".parse()?)?;
    /// // The PINT demo envelope manifest.
    /// let manifest = verified.payload_json()?;
    /// assert_eq!(manifest["eBLVisualisationByCarrier"]["name"], "HHL71800000.pdf");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payload_json(&self) -> Result<Value, crate::json::JsonError> {
        crate::json::parse(&self.payload)
    }

    /// The payload bytes, consuming the value.
    ///
    /// ```
    /// use ebl::crypto::{jws, AlgorithmSet};
    ///
    /// // RFC 8037 Appendix A.4.
    /// let compact = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
    ///     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    /// # let key = ebl::crypto::PublicKey::from_jwk(&serde_json::json!({
    /// #     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}))?;
    /// let payload: Vec<u8> = jws::verify_compact(compact, &key, &AlgorithmSet::default())?.into_payload();
    /// assert_eq!(String::from_utf8(payload).unwrap(), "Example of Ed25519 signing");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn into_payload(self) -> Vec<u8> {
        self.payload
    }

    /// The key that verified the signature.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// # let verifier = ebl::crypto::jws::JwsVerifier::new(ebl::crypto::AlgorithmSet::default(), keys, anchors);
    /// # let verified = verifier.verify(manifest, "2026-06-01T00:00:00Z".parse()?)?;
    /// // The PINT demo envelope manifest: the key is the x5c leaf's.
    /// let chain = verified.certificate_chain();
    /// assert_eq!(verified.key(), chain[0].public_key());
    /// assert_eq!(verified.key().thumbprint(), chain[0].public_key().thumbprint());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn key(&self) -> &PublicKey {
        &self.key
    }

    /// The `kid` of the trusted key-set entry that verified it, if one did and had a kid.
    ///
    /// ```
    /// use ebl::crypto::{jws, AlgorithmSet};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// # let verifier = ebl::crypto::jws::JwsVerifier::new(ebl::crypto::AlgorithmSet::default(), keys, anchors);
    /// # let verified = verifier.verify(manifest, "2026-06-01T00:00:00Z".parse()?)?;
    /// // Verified with the platform's published key set: the entry's kid.
    /// assert_eq!(verified.trusted_kid(), Some("YLFVnyMkSsFTvj-H"));
    /// // Verified with a bare key: no key-set entry, no kid.
    /// let bare = jws::verify_compact(manifest, verified.key(), &AlgorithmSet::default())?;
    /// assert_eq!(bare.trusted_kid(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn trusted_kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The `x5c` chain that was validated against a trust anchor (empty if the key came from
    /// a key set or was given directly).
    ///
    /// ```
    /// use ebl::crypto::{jws, AlgorithmSet};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// # let verifier = ebl::crypto::jws::JwsVerifier::new(ebl::crypto::AlgorithmSet::default(), keys, anchors);
    /// # let verified = verifier.verify(manifest, "2026-06-01T00:00:00Z".parse()?)?;
    /// // The PINT demo envelope manifest, verified against the root CA.
    /// assert_eq!(verified.certificate_chain().len(), 3);
    /// let bare = jws::verify_compact(manifest, verified.key(), &AlgorithmSet::default())?;
    /// assert!(bare.certificate_chain().is_empty()); // no chain was checked
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
) -> Result<VerifiedJws, CryptoError> {
    decode_compact(compact)?.verify(key, allowed)
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
///
/// ```
/// use ebl::crypto::{jws::JwsVerifier, AlgorithmSet, KeySet};
/// use ebl::ErrorCode;
///
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
/// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
/// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
/// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
/// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
/// // The PINT demo envelope manifest: a platform key set and the demo root CA.
/// let verifier = JwsVerifier::new(AlgorithmSet::default(), keys, anchors);
/// let at = "2026-06-01T00:00:00Z".parse()?;
/// assert!(verifier.verify(manifest, at).is_ok());
/// // Only the key set, no anchors: the key is looked up by kid.
/// let keys_only = JwsVerifier { anchors: Default::default(), ..verifier.clone() };
/// assert!(keys_only.verify(manifest, at).is_ok());
/// let nobody = JwsVerifier { keys: KeySet::new(), ..keys_only };
/// assert_eq!(nobody.verify(manifest, at).unwrap_err().code(), ErrorCode::CryptoUnknownKey);
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
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// let rsa_only = AlgorithmSet::new([Algorithm::PS256, Algorithm::RS256]);
    /// let verifier = JwsVerifier::new(rsa_only, keys, anchors);
    /// let err = verifier.verify(manifest, "2026-06-01T00:00:00Z".parse()?).unwrap_err();
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
    /// use ebl::crypto::{jws::JwsVerifier, AlgorithmSet};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// let verifier = JwsVerifier::new(AlgorithmSet::default(), keys, anchors);
    /// let verified = verifier.verify(manifest, "2026-06-01T00:00:00Z".parse()?)?;
    /// assert_eq!(verified.trusted_kid(), Some("YLFVnyMkSsFTvj-H"));
    /// // In 2037 the certificates have expired.
    /// let err = verifier.verify(manifest, "2037-01-01T00:00:00Z".parse()?).unwrap_err();
    /// assert_eq!(err.code(), ebl::ErrorCode::CryptoCertificateExpired);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(&self, compact: &str, at: DateTime<Utc>) -> Result<VerifiedJws, CryptoError> {
        self.verify_decoded(&decode_compact(compact)?, at)
    }

    /// Verifies an already decoded JWS at time `at`.
    ///
    /// ```
    /// use ebl::crypto::{jws, AlgorithmSet};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let keys = ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?)?;
    /// # let anchors = ebl::crypto::x509::CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// let verifier = jws::JwsVerifier::new(AlgorithmSet::default(), keys, anchors);
    /// let decoded = jws::decode_compact(manifest)?;
    /// // Decode once, look at the header, then verify.
    /// assert_eq!(decoded.header().kid(), Some("YLFVnyMkSsFTvj-H"));
    /// let verified = verifier.verify_decoded(&decoded, "2026-06-01T00:00:00Z".parse()?)?;
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
