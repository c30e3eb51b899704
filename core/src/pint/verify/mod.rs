//! The receiver's verification procedure of DCSA PINT (`reference/dcsa.md` §2.7), step by
//! step, as a report.
//!
//! [`ReceiverProcedure`] walks the steps; each is one method, and each check it makes is a
//! finding code of [`checks`] with the response code its failure leads to. The steps, in the
//! order of §2.7:
//!
//! 1. The sending platform's signature on the envelope manifest:
//!    [`ReceiverProcedure::manifest_signature`].
//! 2. The manifest signed the transport document received:
//!    [`ReceiverProcedure::transport_document_checksum`].
//! 3. The manifest signed the last chain entry received:
//!    [`ReceiverProcedure::last_entry_checksum`].
//! 4. The chain, entry by entry ([`ReceiverProcedure::walk_chain`]): each entry's signature
//!    by its platform ([`ReceiverProcedure::entry_signer`]) and its hash link to the entry
//!    before it ([`ReceiverProcedure::entry_link`]).
//! 5. Every entry names the transport document received:
//!    [`ReceiverProcedure::entry_transport_document`].
//! 6. Entry 0 records the issue: its transactions ([`ReceiverProcedure::entry_transactions`]),
//!    the carrier's issuance manifest ([`ReceiverProcedure::issuance_manifest`]) for this
//!    document ([`ReceiverProcedure::issued_document`]) and the declared visualisation
//!    ([`ReceiverProcedure::visualisation`]); no later entry carries first-entry fields
//!    ([`ReceiverProcedure::first_entry_fields`]).
//! 7. The last transaction is addressed to this platform: [`ReceiverProcedure::recipient`];
//!    and the whole chain keeps the title rules: [`ReceiverProcedure::title_rules`].
//! 8. Contradictions with what the receiver already holds (`DISE`, `DUPE`) need the
//!    receiver's own records of the eBL, which this procedure does not keep: the platform
//!    compares [`EnvelopeReport::last_entry_checksum`] and the chain with its store.
//! 9. The declared documents the receiver does not hold yet:
//!    [`ReceiverProcedure::held_documents`].
//! 10. A control tracking registry may be named in entry 0 only
//!     ([`ReceiverProcedure::first_entry_fields`]); asking it is the platform's business.
//!
//! Besides, [`ReceiverProcedure::document_content`] reports the transport document's own
//! content rules as warnings. [`ReceiverProcedure::run`] calls the steps in the order their
//! findings are reported: the chain (4–6) before the manifest (1–3), because step 1 needs the
//! sending platform, the one that recorded the last entry.

mod chain;
mod checks;
mod procedure;
mod report;
mod signed;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::trust::PintTrust;
use super::types::EblEnvelope;
use crate::json::{JsonPath, from_value, parse};

pub(crate) use checks::DOCUMENT_MISSING;
use procedure::ReceiverProcedure;

/// The most transfer-chain entries an envelope may carry: a longer chain is refused with the
/// finding `chain-too-long` (`BENV`) before any entry is read. Each entry costs a signature
/// check, so without this bound the 16 MiB input limit alone would allow thousands of them
/// (seconds of work for one hostile envelope); a real eBL changes hands a few dozen times
/// at most. See SECURITY.md's limits table.
pub const MAX_CHAIN_ENTRIES: usize = 1024;
pub use report::{EntryReport, EnvelopeReport, SignerInfo};

/// What the receiver knows besides the envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvelopeVerifyOptions {
    /// The time at which keys and certificates must be valid.
    pub at: DateTime<Utc>,
    /// This receiver's platform code: the last transaction must be addressed to it (step 7).
    /// `None` skips that check (for an auditor who is not the receiver).
    pub receiving_platform: Option<String>,
    /// Checksums of the additional documents the receiver already holds. With `Some`, any
    /// declared document not in the set makes the verdict `MDOC`; with `None` documents are
    /// listed in the report but not required.
    pub held_documents: Option<BTreeSet<String>>,
    /// Also validate the transport document's content against the DCSA eBL 3.0 rules
    /// ([`crate::model`]), reported as warnings: a transfer is judged on its integrity and
    /// signatures, the document's content is the parties' business. Default `true`; turn it
    /// off where only the transfer matters and speed does.
    pub validate_document: bool,
}

impl EnvelopeVerifyOptions {
    /// Options for verification at time `at`, with no receiver-specific checks.
    #[must_use]
    pub fn at(at: DateTime<Utc>) -> EnvelopeVerifyOptions {
        EnvelopeVerifyOptions {
            at,
            receiving_platform: None,
            held_documents: None,
            validate_document: true,
        }
    }
}

/// Verifies a received PINT envelope the way a receiving platform must (`reference/dcsa.md`
/// §2.7) and returns every finding with its chain-entry index and JSON path, and the PINT
/// response code it maps to.
///
/// `Err` means the bytes are not a PINT envelope at all (not JSON, or the wrong shape); any
/// problem with an envelope is a finding in the report.
///
/// ```
/// use ebl::crypto::KeySet;
/// use ebl::pint::{verify_envelope, PintTrust, ResponseCode, EnvelopeVerifyOptions};
///
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
/// let envelope = std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?;
/// let mut trust = PintTrust::default();
/// for name in ["ed25519-carrier.example.com", "ed25519-eblplatform.example.com"] {
///     let jwk = std::fs::read(format!("{dir}/keys-public/{name}.public.jwk"))?;
///     trust.verifier.keys.extend(KeySet::from_jwks_bytes(&jwk)?)?;
/// }
/// let at = "2026-11-26T00:00:00Z".parse()?;
/// let report = verify_envelope(&envelope, &trust, &EnvelopeVerifyOptions::at(at))?;
/// assert_eq!(report.response_code, ResponseCode::Received, "{:#?}", report.findings);
/// assert_eq!(report.entries.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_envelope(
    bytes: &[u8],
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
) -> crate::Result<EnvelopeReport> {
    let value = parse(bytes)?;
    let envelope: EblEnvelope = from_value(&value, &JsonPath::root())?;
    Ok(verify_parsed_envelope(&envelope, trust, options))
}

/// [`verify_envelope`] for an envelope already parsed (for example one just built).
#[must_use]
pub fn verify_parsed_envelope(
    envelope: &EblEnvelope,
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
) -> EnvelopeReport {
    ReceiverProcedure::new(envelope, trust, options).run()
}
