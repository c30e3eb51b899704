//! Reading and writing the files the commands work on, with errors that name the file.

use std::path::Path;

use crate::output::outln;
use ebl::crypto::PrivateKey;
use ebl::pint::{EblEnvelope, Signer};

/// A failure that makes the input unusable (exit code 2).
#[derive(Debug)]
pub struct Unusable(pub String);

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Unusable {
    pub fn at(path: &Path, error: impl std::fmt::Display) -> Unusable {
        Unusable(format!("{}: {error}", path.display()))
    }
}

pub fn read(path: &Path) -> Result<Vec<u8>, Unusable> {
    std::fs::read(path).map_err(|e| Unusable::at(path, e))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Unusable> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Unusable::at(parent, e))?;
    }
    std::fs::write(path, bytes).map_err(|e| Unusable::at(path, e))
}

/// Writes to `path`, or to standard output without one.
pub fn write_or_print(path: Option<&Path>, text: &str) -> Result<(), Unusable> {
    match path {
        Some(path) => write(path, text.as_bytes()),
        None => {
            outln!("{text}");
            Ok(())
        }
    }
}

/// A signing key from a PKCS#8 PEM file or a private JWK.
pub fn signer(path: &Path) -> Result<Signer, Unusable> {
    let bytes = read(path)?;
    let rng = ring::rand::SystemRandom::new();
    let key = match std::str::from_utf8(&bytes) {
        Ok(text) if text.contains("-----BEGIN") => {
            PrivateKey::from_pem(text, &rng).map_err(ebl::Error::from)
        }
        _ => PrivateKey::from_jwk_bytes(&bytes, &rng).map_err(ebl::Error::from),
    }
    .map_err(|e| Unusable::at(path, e))?;
    Ok(Signer::new(key))
}

pub fn envelope(path: &Path) -> Result<EblEnvelope, Unusable> {
    ebl::json::from_slice(&read(path)?).map_err(|e| Unusable::at(path, e))
}
