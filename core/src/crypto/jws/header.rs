//! The protected header of a received JWS (RFC 7515 §4.1): parsed, and checked for shape.

use serde_json::{Map, Value};

use crate::crypto::x509::Certificate;
use crate::crypto::{Algorithm, CryptoError, b64};

/// The protected header of a received JWS, parsed and checked for shape.
///
/// ```
/// use ebl::crypto::{jws, Algorithm};
///
/// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
/// let manifest = pint_manifest()?; // the PINT demo envelope manifest
/// let decoded = jws::decode_compact(&manifest)?;
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

/// `alg` (RFC 7515 §4.1.1): required, a known, non-`none`, non-HMAC algorithm.
fn alg(json: &Map<String, Value>) -> Result<Algorithm, CryptoError> {
    match json.get("alg") {
        Some(Value::String(name)) => Ok(name.parse::<Algorithm>()?),
        Some(_) => Err(CryptoError::jws("header member \"alg\" must be a string")),
        None => Err(CryptoError::jws("header member \"alg\" is missing")),
    }
}

/// `x5c` (RFC 7515 §4.1.6): a non-empty array of standard base64 DER certificates.
fn x5c(json: &Map<String, Value>) -> Result<Vec<Vec<u8>>, CryptoError> {
    match json.get("x5c") {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) if !items.is_empty() => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(text) => b64::decode_standard(text, &format!("x5c[{i}]")),
                _ => Err(CryptoError::jws(format!("x5c[{i}] must be a string"))),
            })
            .collect(),
        Some(_) => Err(CryptoError::jws(
            "header member \"x5c\" must be a non-empty array",
        )),
    }
}

/// `crit` (RFC 7515 §4.1.11): a non-empty array of distinct names of members present in the
/// header.
fn crit(json: &Map<String, Value>) -> Result<Vec<String>, CryptoError> {
    let items = match json.get("crit") {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(_) => {
            return Err(CryptoError::UnknownCritical {
                reason: "crit must be a non-empty array".into(),
            });
        }
    };
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
    Ok(names)
}

impl ProtectedHeader {
    /// Checks the members this crate reads and keeps the whole object.
    pub(super) fn from_json(json: Map<String, Value>) -> Result<Self, CryptoError> {
        let alg = alg(&json)?;
        let x5c = x5c(&json)?;
        let crit = crit(&json)?;
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
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(RFC8037_JWS)?;
    /// assert_eq!(decoded.header().alg(), ebl::crypto::Algorithm::EdDSA);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn alg(&self) -> Algorithm {
        self.alg
    }

    /// `kid`, if present.
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(&pint_manifest()?)?;
    /// assert_eq!(decoded.header().kid(), Some("YLFVnyMkSsFTvj-H"));
    /// assert_eq!(ebl::crypto::jws::decode_compact(RFC8037_JWS)?.header().kid(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// `x5c` certificates as DER, leaf first (empty if absent).
    ///
    /// ```
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(&pint_manifest()?)?;
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
    /// # mod fixtures { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/crypto/jws/doc_fixtures.rs")); } use fixtures::*;
    /// let decoded = ebl::crypto::jws::decode_compact(&pint_manifest()?)?;
    /// let chain = decoded.header().x5c_certificates()?;
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
