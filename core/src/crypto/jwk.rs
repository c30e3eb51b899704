//! JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037 §2) and thumbprints (RFC 7638).

use ring::digest;
use serde_json::{Map, Value};

use super::key::{Material, ec_coordinate_len};
use super::{CryptoError, KeyType, PublicKey, b64};

/// Members that only a private JWK carries.
pub(crate) const PRIVATE_MEMBERS: [&str; 7] = ["d", "p", "q", "dp", "dq", "qi", "oth"];

pub(crate) fn as_object(jwk: &Value) -> Result<&Map<String, Value>, CryptoError> {
    jwk.as_object()
        .ok_or_else(|| CryptoError::key("a JWK must be a JSON object"))
}

/// A required string member.
pub(crate) fn string<'a>(jwk: &'a Map<String, Value>, name: &str) -> Result<&'a str, CryptoError> {
    match jwk.get(name) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(CryptoError::key(format!(
            "JWK member {name:?} must be a string"
        ))),
        None => Err(CryptoError::key(format!("JWK member {name:?} is missing"))),
    }
}

/// The `x` and `y` coordinates (RFC 7518 §6.2.1.2–3) of an uncompressed SEC 1 point
/// (`04 || x || y`), each `ec_coordinate_len` bytes; empty if the point is too short, which a
/// [`PublicKey`] never holds.
fn ec_coordinates(key_type: KeyType, point: &[u8]) -> (&[u8], &[u8]) {
    point
        .get(1..)
        .and_then(|p| p.split_at_checked(ec_coordinate_len(key_type)))
        .unwrap_or_default()
}

/// A required base64url member, decoded strictly.
pub(crate) fn bytes(jwk: &Map<String, Value>, name: &str) -> Result<Vec<u8>, CryptoError> {
    b64::decode_url(string(jwk, name)?, &format!("JWK member {name:?}"))
}

/// A required base64url member that must decode to exactly `len` bytes.
pub(crate) fn fixed(
    jwk: &Map<String, Value>,
    name: &str,
    len: usize,
) -> Result<Vec<u8>, CryptoError> {
    let value = bytes(jwk, name)?;
    if value.len() == len {
        Ok(value)
    } else {
        Err(CryptoError::key(format!(
            "JWK member {name:?} must be {len} bytes, got {}",
            value.len()
        )))
    }
}

/// Reads the key type from `kty`/`crv` and checks the optional `use` and `alg` members.
pub(crate) fn key_type(jwk: &Map<String, Value>) -> Result<KeyType, CryptoError> {
    let key_type = match string(jwk, "kty")? {
        "OKP" => match string(jwk, "crv")? {
            "Ed25519" => KeyType::Ed25519,
            other => return Err(CryptoError::key(format!("unsupported OKP curve {other:?}"))),
        },
        "EC" => match string(jwk, "crv")? {
            "P-256" => KeyType::P256,
            "P-384" => KeyType::P384,
            other => return Err(CryptoError::key(format!("unsupported EC curve {other:?}"))),
        },
        "RSA" => KeyType::Rsa,
        "oct" => {
            return Err(CryptoError::key(
                "symmetric (kty \"oct\") keys are never accepted",
            ));
        }
        other => return Err(CryptoError::key(format!("unsupported kty {other:?}"))),
    };
    if jwk.contains_key("use") && string(jwk, "use")? != "sig" {
        return Err(CryptoError::key("JWK \"use\" is not \"sig\""));
    }
    if let Some(alg) = jwk_algorithm(jwk)? {
        alg.check_key_type(key_type)?;
    }
    Ok(key_type)
}

/// The JWK's optional `alg` member.
pub(crate) fn jwk_algorithm(
    jwk: &Map<String, Value>,
) -> Result<Option<super::Algorithm>, CryptoError> {
    if jwk.contains_key("alg") {
        Ok(Some(string(jwk, "alg")?.parse()?))
    } else {
        Ok(None)
    }
}

/// The public key described by the public members of a JWK (private members are ignored).
pub(crate) fn public_from_members(jwk: &Map<String, Value>) -> Result<PublicKey, CryptoError> {
    let key_type = key_type(jwk)?;
    match key_type {
        KeyType::Ed25519 => PublicKey::ed25519(&fixed(jwk, "x", 32)?),
        KeyType::P256 | KeyType::P384 => {
            let len = ec_coordinate_len(key_type);
            let mut point = vec![0x04];
            point.extend(fixed(jwk, "x", len)?);
            point.extend(fixed(jwk, "y", len)?);
            PublicKey::ec(key_type, &point)
        }
        KeyType::Rsa => PublicKey::rsa(&bytes(jwk, "n")?, &bytes(jwk, "e")?),
    }
}

impl PublicKey {
    /// Imports a public JWK. `kty`/`crv` must name a supported key; `use`, if present, must
    /// be `sig`; `alg`, if present, must fit the key. Coordinates must have their exact
    /// length and RSA integers no leading zero. A JWK carrying private members (`d`, …) is
    /// refused: use [`crate::crypto::PrivateKey::from_jwk`] for those.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PublicKey};
    ///
    /// let key = PublicKey::from_jwk(&serde_json::json!({
    ///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    /// }))?;
    /// assert_eq!(key.key_type(), KeyType::Ed25519);
    /// // The RFC 8037 key pair, private half included: refused as a public key.
    /// let private = serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"});
    /// assert_eq!(PublicKey::from_jwk(&private).unwrap_err().code(), ebl::ErrorCode::CryptoKeyRejected);
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    pub fn from_jwk(jwk: &Value) -> Result<Self, CryptoError> {
        let jwk = as_object(jwk)?;
        if let Some(name) = PRIVATE_MEMBERS.iter().find(|m| jwk.contains_key(**m)) {
            return Err(CryptoError::key(format!(
                "private member {name:?} in a public JWK"
            )));
        }
        public_from_members(jwk)
    }

    /// Parses JWK JSON text strictly (duplicate members are an error) and imports it.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PublicKey};
    ///
    /// let key = PublicKey::from_jwk_bytes(br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#)?;
    /// assert_eq!(key.key_type(), KeyType::Ed25519);
    /// // A repeated member is refused before the key is even looked at.
    /// let twice = br#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","x":"AA"}"#;
    /// assert_eq!(PublicKey::from_jwk_bytes(twice).unwrap_err().code(), ebl::ErrorCode::JsonDuplicateKey);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn from_jwk_bytes(json: &[u8]) -> Result<Self, CryptoError> {
        Self::from_jwk(&crate::json::parse(json)?)
    }

    /// The public JWK of this key: `kty`, `crv`, `x`, `y` / `n`, `e`.
    ///
    /// ```
    /// use ebl::crypto::PublicKey;
    ///
    /// let jwk = serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "kid": "dropped", "use": "sig"});
    /// let key = PublicKey::from_jwk(&jwk)?;
    /// assert_eq!(key.to_jwk(), serde_json::json!({"kty": "OKP", "crv": "Ed25519",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}));
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn to_jwk(&self) -> Value {
        let mut map = Map::new();
        let mut put = |k: &str, v: String| {
            map.insert(k.to_owned(), Value::String(v));
        };
        match &self.material {
            Material::Ed25519(raw) => {
                put("kty", "OKP".into());
                put("crv", "Ed25519".into());
                put("x", b64::encode_url(raw));
            }
            Material::Ec { key_type, point } => {
                let (x, y) = ec_coordinates(*key_type, point);
                put("kty", "EC".into());
                put("crv", key_type.to_string());
                put("x", b64::encode_url(x));
                put("y", b64::encode_url(y));
            }
            Material::Rsa { n, e } => {
                put("kty", "RSA".into());
                put("n", b64::encode_url(n));
                put("e", b64::encode_url(e));
            }
        }
        Value::Object(map)
    }

    /// The RFC 7638 JWK thumbprint: base64url(SHA-256) of the required members in
    /// lexicographic order, without whitespace.
    ///
    /// ```
    /// use ebl::crypto::PublicKey;
    ///
    /// // RFC 8037 Appendix A.3.
    /// let key = PublicKey::from_jwk(&serde_json::json!({
    ///     "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    /// }))?;
    /// assert_eq!(key.thumbprint(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    /// # Ok::<(), ebl::crypto::CryptoError>(())
    /// ```
    #[must_use]
    pub fn thumbprint(&self) -> String {
        // Every member value is base64url or a fixed name, so no JSON escaping is needed.
        let input = match &self.material {
            Material::Ed25519(raw) => {
                format!(
                    r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#,
                    b64::encode_url(raw)
                )
            }
            Material::Ec { key_type, point } => {
                let (x, y) = ec_coordinates(*key_type, point);
                format!(
                    r#"{{"crv":"{key_type}","kty":"EC","x":"{}","y":"{}"}}"#,
                    b64::encode_url(x),
                    b64::encode_url(y)
                )
            }
            Material::Rsa { n, e } => format!(
                r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
                b64::encode_url(e),
                b64::encode_url(n)
            ),
        };
        b64::encode_url(digest::digest(&digest::SHA256, input.as_bytes()).as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ec_coordinates_split_an_uncompressed_point() {
        let mut point = vec![0x04];
        point.extend([1; 32]);
        point.extend([2; 32]);
        assert_eq!(
            ec_coordinates(KeyType::P256, &point),
            (&[1; 32][..], &[2; 32][..])
        );
        let short = point.get(..33).unwrap_or_default(); // shorter than one P-384 coordinate
        assert_eq!(ec_coordinates(KeyType::P384, short), (&[][..], &[][..]));
    }
}
