//! Signing keys: generate, import (PEM, JWK, PKCS#8 DER), export (PKCS#8 PEM, public JWK).

use std::sync::Arc;

use ebl_core::Error;
use ebl_core::crypto::{GeneratedKeyPair, KeyType, PrivateKey};
use ebl_core::pint::Signer;
use ring::rand::SystemRandom;

use crate::boundary::call;
use crate::handle::{free_handle, into_raw};
use crate::ptr::{arg_bytes, arg_out, arg_ref, set_out};
use crate::result::ebl_result;
use crate::types::{ebl_bytes, ebl_str};

/// Ed25519 (`EdDSA`), for `ebl_key_generate`.
pub const EBL_KEY_TYPE_ED25519: u32 = 1;
/// ECDSA on P-256 (`ES256`).
pub const EBL_KEY_TYPE_P256: u32 = 2;
/// ECDSA on P-384 (`ES384`).
pub const EBL_KEY_TYPE_P384: u32 = 3;

/// A signing key (private, with its public half), as a signer of PINT entries, manifests,
/// responses and trust lists: its JWS `kid` is the RFC 7638 thumbprint of its public key.
/// Immutable: share it between threads freely. Free with `ebl_key_free`.
pub struct ebl_key {
    pub(crate) signer: Signer,
    thumbprint: String,
}

impl ebl_key {
    fn new(key: PrivateKey) -> ebl_key {
        let thumbprint = key.public_key().thumbprint();
        ebl_key {
            signer: Signer::new(key),
            thumbprint,
        }
    }

    pub(crate) fn private_key(&self) -> &Arc<PrivateKey> {
        &self.signer.key
    }
}

/// Generates a new key of `key_type` (`EBL_KEY_TYPE_*`) with the system's random generator.
/// On success `*out` owns a key to free with `ebl_key_free`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_key_generate(key_type: u32, out: *mut *mut ebl_key) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let key_type = match key_type {
            EBL_KEY_TYPE_ED25519 => KeyType::Ed25519,
            EBL_KEY_TYPE_P256 => KeyType::P256,
            EBL_KEY_TYPE_P384 => KeyType::P384,
            other => {
                return Err(Error::InvalidArgument(format!(
                    "key_type {other} is not an EBL_KEY_TYPE_* value"
                )));
            }
        };
        let pair = GeneratedKeyPair::generate(key_type, &SystemRandom::new())?;
        set_out!(out, into_raw(ebl_key::new(pair.key)));
        Ok(())
    })
}

/// Reads a private key from a key file's bytes, whatever its form: PKCS#8 PEM (also
/// `RSA PRIVATE KEY` / `EC PRIVATE KEY`), a private JWK, or PKCS#8 DER. The bytes are copied;
/// on success `*out` owns a key to free with `ebl_key_free`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_key_from_bytes(
    data: *const u8,
    len: usize,
    out: *mut *mut ebl_key,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let key = PrivateKey::from_bytes(arg_bytes!(data, len)?, &SystemRandom::new())?;
        set_out!(out, into_raw(ebl_key::new(key)));
        Ok(())
    })
}

/// The private key as PKCS#8 PEM (secret: protect it as the key itself). On success `*out`
/// owns bytes to free with `ebl_bytes_free`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_key_private_pem(key: *const ebl_key, out: *mut *mut ebl_bytes) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let pem = arg_ref!(key)?.private_key().to_pkcs8_pem();
        set_out!(out, ebl_bytes::from_string(pem));
        Ok(())
    })
}

/// The public key as a JWK (pretty JSON) whose `kid` is its thumbprint: the form to publish
/// and to give `ebl_verify_context_add_keys`. On success `*out` owns bytes to free with
/// `ebl_bytes_free`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_key_public_jwk(key: *const ebl_key, out: *mut *mut ebl_bytes) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let jwk = arg_ref!(key)?.private_key().public_key().to_jwk_with_kid();
        let text = serde_json::to_string_pretty(&jwk)
            .map_err(|e| Error::InvalidArgument(format!("the public JWK: {e}")))?;
        set_out!(out, ebl_bytes::from_string(text));
        Ok(())
    })
}

/// The key's RFC 7638 thumbprint (its JWS `kid`), as a view valid while `key` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_key_thumbprint(key: *const ebl_key, out: *mut ebl_str) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, ebl_str::of(&arg_ref!(key)?.thumbprint));
        Ok(())
    })
}

/// Frees a key. NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_key_free(key: *mut ebl_key) {
    free_handle!(key);
}
