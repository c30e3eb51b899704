//! Keys, algorithms, compact JWS and X.509 `x5c` chains, on `ring`.
//!
//! - [`Algorithm`] names the JOSE signature algorithms implemented (EdDSA, ES256, ES384,
//!   RS256/384/512, PS256/384/512); [`AlgorithmSet`] is the allow-list every verification
//!   takes. `none` and HMAC are never accepted.
//! - [`PublicKey`] imports SPKI, PEM, certificates and JWK, exports JWK/SPKI/PEM, computes
//!   RFC 7638 thumbprints and verifies raw signatures.
//! - [`PrivateKey`] generates (Ed25519, P-256, P-384) or imports (PKCS#8, PEM, private JWK,
//!   including RSA) a signing key.
//! - [`jws`] signs and verifies the compact serialization; [`jws::JwsVerifier`] resolves the key
//!   from a [`KeySet`] (by `kid`) or an `x5c` chain checked by [`x509::CertificateAnchors`].
//!
//! Each refusal has its own [`crate::ErrorCode`] (block 2xx), so a caller can tell a bad
//! signature from an unknown key, an expired certificate or an untrusted chain.
//!
//! ```
//! use ebl::crypto::{jws, AlgorithmSet, KeySet, KeyType, PrivateKey};
//! use ebl::crypto::x509::CertificateAnchors;
//! use ring::rand::SystemRandom;
//!
//! let rng = SystemRandom::new();
//! let signer = PrivateKey::generate(KeyType::P256, &rng)?;
//! let kid = signer.public_key().thumbprint();
//! let header = jws::JwsHeader { kid: Some(kid.clone()), ..Default::default() };
//! let compact = jws::sign_compact(b"{}", &signer, &header, &rng)?;
//!
//! let mut keys = KeySet::new();
//! keys.insert(Some(kid), signer.public_key().clone())?;
//! let verifier = jws::JwsVerifier::new(AlgorithmSet::default(), keys, CertificateAnchors::new());
//! let verified = verifier.verify(&compact, chrono::Utc::now())?;
//! assert_eq!(verified.payload(), b"{}");
//! # Ok::<(), ebl::Error>(())
//! ```

mod alg;
pub mod b64;
mod der;
mod error;
mod jwk;
pub mod jws;
mod key;
mod keyset;
mod pem;
mod private;
mod read;
pub mod x509;

pub use alg::{Algorithm, AlgorithmSet, KeyType};
pub use error::CryptoError;
pub use key::PublicKey;
pub use keyset::{KeyEntry, KeySet};
pub use private::PrivateKey;
pub use read::{GeneratedKeyPair, read_public_keys};
