//! JWS compact serialization (RFC 7515 §7.1): sign, decode, verify.
//!
//! Verification always uses the received header and payload text as the signing input,
//! never a re-serialisation; decodes base64url strictly; parses the header with
//! [`crate::json::parse`] (duplicate header members are an error); refuses `alg: none`, HMAC
//! algorithms, algorithms outside the caller's [`AlgorithmSet`](super::AlgorithmSet),
//! algorithms that do not fit the key, and any `crit` extension (none is supported).
//!
//! The steps, one file each: [`sign_compact`] (signing, with the [`JwsHeader`] a signer
//! chooses); [`decode_compact`] (the three parts and the [`ProtectedHeader`]); verifying
//! with one known key ([`UnverifiedJws::verify`], [`verify_compact`]); and choosing the key
//! under a policy ([`JwsVerifier`]: an `x5c` chain checked against trust anchors, or a
//! [`KeySet`](super::KeySet) entry by `kid`).
//!
//! The examples use two fixtures. RFC 8037 Appendix A.4 is an `EdDSA` JWS over the text
//! "Example of Ed25519 signing" with a published key pair; Ed25519 is deterministic, so
//! signing reproduces it byte for byte. The PINT demo envelope manifest
//! (`testdata/dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json`) is signed by a platform
//! whose key set and root CA are in the same folder: its header has `kid`
//! `YLFVnyMkSsFTvj-H` and an `x5c` chain of three certificates valid in 2026. Item examples
//! load them with hidden helpers (`rfc8037_key()`, `pint_manifest()`, `pint_verifier()`).
//!
//! The whole round trip, with the RFC 8037 key:
//!
//! ```
//! use ebl::crypto::{jws, AlgorithmSet, PrivateKey, PublicKey};
//! use ring::rand::SystemRandom;
//!
//! let rng = SystemRandom::new();
//! let key = PrivateKey::from_jwk(&serde_json::json!({"kty": "OKP", "crv": "Ed25519",
//!     "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
//!     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}), &rng)?;
//! let compact = jws::sign_compact(b"Example of Ed25519 signing", &key, &jws::JwsHeader::default(), &rng)?;
//! assert_eq!(compact, "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.\
//!     hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
//!
//! let unverified = jws::decode_compact(&compact)?; // readable, not yet trusted
//! assert_eq!(unverified.header().alg(), ebl::crypto::Algorithm::EdDSA);
//! let verified = unverified.verify(key.public_key(), &AlgorithmSet::default())?;
//! assert_eq!(verified.payload(), b"Example of Ed25519 signing");
//! # Ok::<(), ebl::Error>(())
//! ```

mod header;
mod select;
mod sign;
mod verify;

pub use header::ProtectedHeader;
pub use select::JwsVerifier;
pub use sign::{JwsHeader, sign_compact};
pub use verify::{UnverifiedJws, VerifiedJws, decode_compact, verify_compact};
