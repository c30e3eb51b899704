//! X.509 certificates and `x5c` chains checked against configured trust anchors.
//!
//! The checks are deliberately few and strict: every link is signed by the next certificate
//! (Ed25519, ECDSA P-256/P-384 with SHA-256/384, RSA PKCS#1 with SHA-256/384/512), issuers
//! are CAs with `keyCertSign` when key usage is present, path-length constraints hold, no
//! certificate carries a critical extension this module does not understand, every
//! certificate (and the anchor) is within its validity period at the caller's time, and the
//! chain ends at a configured anchor (same subject and key). Revocation is not checked.

mod certificate;
mod chain;

pub use certificate::Certificate;
pub use chain::CertificateAnchors;

/// The longest chain accepted (leaf included).
///
/// ```
/// use ebl::crypto::{jws, x509::{CertificateAnchors, MAX_CHAIN_LENGTH}};
///
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
/// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
/// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
/// # let anchors = CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
/// // The PINT demo chain (leaf, intermediate, root) with the leaf repeated past the limit.
/// let chain = jws::decode_compact(manifest)?.header().x5c_certificates()?;
/// let mut long = vec![chain[0].clone(); MAX_CHAIN_LENGTH];
/// long.extend(chain);
/// let err = anchors.verify_chain(&long, "2026-06-01T00:00:00Z".parse()?).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::CryptoCertificateChainInvalid);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_CHAIN_LENGTH: usize = 8;
