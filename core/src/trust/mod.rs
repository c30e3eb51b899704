//! Who is who: parties, keys, certificates, revocations and reliability evidence.
//!
//! A [`TrustStore`] holds what a receiver trusts: eBL platforms, carriers, authorities and
//! traders, each with its jurisdiction, public keys (as JWKs, identified by RFC 7638
//! thumbprint) and their validity windows, revocations, and the reliability evidence that
//! the recognition rules weigh: approved-list entries (such as the International Group of P&I
//! Clubs list), accreditations (such as under Singapore ETA s.16Q), independent certifications
//! with their dates, and the standards a platform claims.
//!
//! The JSON file format is documented in `core/rules/README.md` ("Trust store").
//!
//! ```
//! use ebl::trust::{EvidenceKind, EvidenceMatcher, TrustStore};
//! let store = TrustStore::from_json(br#"{
//!   "schema": "ebl-trust-store/1",
//!   "parties": [{"id": "IQAX", "kind": "platform", "jurisdiction": "CN",
//!     "evidence": [{"kind": "approved-list", "scheme": "ig-pi-clubs",
//!                   "valid_from": "2022-01-01T00:00:00Z"}]}]
//! }"#, "example.json")?;
//! let iqax = store.party("IQAX").unwrap();
//! let ig = [EvidenceMatcher { kind: EvidenceKind::ApprovedList, scheme: Some("ig-pi-clubs".into()) }];
//! assert_eq!(iqax.evidence_matching(&ig).count(), 1);
//! # Ok::<(), ebl::Error>(())
//! ```

mod document;
mod error;
mod evidence;
mod list;
mod load;
mod merge;
mod pint;
mod store;

pub use document::{TrustDocument, TrustListVerdict};
pub use error::TrustError;
pub use evidence::{EvidenceKind, EvidenceMatcher, ReliabilityEvidence, Validity, kind_name};
pub use list::{ImportSummary, TRUST_LIST_SCHEMA, TRUST_LIST_TYP, TrustList};
pub use pint::{PLATFORM_CODE_SCHEME, PintTrustSummary};
pub use store::{
    CertificateEntry, Identifier, KeyBinding, KeyStatus, PartyKey, PartyKind, Revocation,
    TRUST_STORE_SCHEMA, TrustStore, TrustedParty,
};
