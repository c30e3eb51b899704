//! The issuer identity checks made for one document, kept together so that the layers after
//! verification (recognition) reason over the same checks the verdict was built from.

use super::{DidProofCheck, DnsIdentityCheck};

/// The issuer identity checks made for an OpenAttestation document, with the DNS answers and
/// trusted addresses the caller chose: [`super::verify_dns_txt`] and / or
/// [`super::verify_did_proof`]. Either may be absent (not checked).
/// [`crate::verify::verify_bytes`] makes them and returns them in
/// [`crate::verify::Verification::openattestation_identity`].
///
/// It serialises to JSON as `{"dns": …, "did": …}` (each `null` when not checked), with the
/// checks' own fields, for the bindings.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct OpenAttestationIdentity {
    /// The DNS-TXT / DNS-DID check.
    pub dns: Option<DnsIdentityCheck>,
    /// The DID proof check.
    pub did: Option<DidProofCheck>,
}
