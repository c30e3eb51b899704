//! `PrivateKey` and `PublicKey`: the core's keys, immutable, with Python names.

use std::sync::Arc;

use ebl::crypto::{KeyType, read_public_keys};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use ring::rand::SystemRandom;

use crate::convert::{self, to_python};
use crate::errors::{Failure, attached, detached};

/// The key types `PrivateKey.generate` knows, by the names the core prints.
const KEY_TYPES: [KeyType; 4] = [KeyType::Ed25519, KeyType::P256, KeyType::P384, KeyType::Rsa];

fn key_type(name: &str) -> Result<KeyType, Failure> {
    KEY_TYPES
        .into_iter()
        .find(|t| t.to_string().eq_ignore_ascii_case(name))
        .ok_or_else(|| {
            Failure::Argument(format!(
                "key_type: unknown key type {name:?} (expected Ed25519, P-256, P-384 or RSA)"
            ))
        })
}

/// A private signing key (Ed25519, P-256, P-384 or RSA). Not picklable on purpose: a secret
/// travels only as an explicit `to_pem()`.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct PrivateKey {
    pub(crate) key: Arc<ebl::crypto::PrivateKey>,
}

#[pymethods]
impl PrivateKey {
    /// A fresh key from the operating system's random source.
    #[staticmethod]
    #[pyo3(signature = (key_type = "Ed25519"))]
    fn generate(py: Python<'_>, key_type: &str) -> PyResult<PrivateKey> {
        let kind = attached(|| self::key_type(key_type))?;
        detached(py, || {
            let key = ebl::crypto::PrivateKey::generate(kind, &SystemRandom::new())
                .map_err(ebl::Error::from)?;
            Ok(PrivateKey { key: Arc::new(key) })
        })
    }

    /// Reads a key from PKCS#8 PEM, PKCS#8 DER or a private JWK.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PrivateKey> {
        let bytes = attached(|| convert::data(data, "data"))?;
        detached(py, || {
            let key = ebl::crypto::PrivateKey::from_bytes(&bytes, &SystemRandom::new())?;
            Ok(PrivateKey { key: Arc::new(key) })
        })
    }

    /// The key as PKCS#8 PEM (secret: store it as such).
    fn to_pem(&self) -> String {
        self.key.to_pkcs8_pem()
    }

    /// Its public half.
    #[getter]
    fn public_key(&self) -> PublicKey {
        PublicKey {
            key: self.key.public_key().clone(),
        }
    }

    /// `"Ed25519"`, `"P-256"`, `"P-384"` or `"RSA"`.
    #[getter]
    fn key_type(&self) -> String {
        self.key.key_type().to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "PrivateKey(key_type={}, thumbprint={})",
            convert::repr(&self.key.key_type().to_string()),
            convert::repr(&self.key.public_key().thumbprint())
        )
    }
}

/// A public key: what a verifier trusts.
#[pyclass(frozen, eq, hash, module = "ebl._ebl")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PublicKey {
    pub(crate) key: ebl::crypto::PublicKey,
}

#[pymethods]
impl PublicKey {
    /// Reads exactly one public key: a JWK, a PEM public key, an X.509 certificate (PEM or
    /// DER), or a private key (its public half). A JWK Set with several keys is refused: give
    /// it to `VerifyContext(keys=...)` instead.
    #[staticmethod]
    fn from_bytes(data: &Bound<'_, PyAny>) -> PyResult<PublicKey> {
        attached(|| {
            let bytes = convert::data(data, "data")?;
            let mut entries = read_public_keys(&bytes)?;
            match (entries.pop(), entries.is_empty()) {
                (Some(entry), true) => Ok(PublicKey { key: entry.key }),
                _ => Err(Failure::Argument(format!(
                    "data: expected exactly one public key, found {}",
                    entries.len() + 1
                ))),
            }
        })
    }

    /// The public JWK, with `kid` set to its RFC 7638 thumbprint.
    fn to_jwk<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.key.to_jwk_with_kid())
    }

    /// The key as a PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    fn to_pem(&self) -> String {
        self.key.to_pem()
    }

    /// The RFC 7638 thumbprint (base64url SHA-256), the `kid` signatures name it by.
    #[getter]
    fn thumbprint(&self) -> String {
        self.key.thumbprint()
    }

    /// `"Ed25519"`, `"P-256"`, `"P-384"` or `"RSA"`.
    #[getter]
    fn key_type(&self) -> String {
        self.key.key_type().to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "PublicKey(key_type={}, thumbprint={})",
            convert::repr(&self.key.key_type().to_string()),
            convert::repr(&self.key.thumbprint())
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_bytes = py.get_type::<PublicKey>().getattr("from_bytes")?;
        let pem = PyBytes::new(py, self.key.to_pem().as_bytes());
        (from_bytes, (pem,)).into_pyobject(py)
    }
}
