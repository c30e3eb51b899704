//! Title: who controls an electronic bill of lading, event by event.
//!
//! Every format `ebl` reads (DCSA PINT transfer chains, TradeTrust TitleEscrow events, a
//! history typed in by hand) is converted into one platform-neutral [`History`]: the bill's
//! reference, whether it is to-order or straight, the carrier, and the [`Event`]s (issue,
//! transfer, endorse, sign, surrender, accept/reject, amend, change of medium) with actor,
//! recipient, time, where each came from and whether the actor's signature was verified.
//! This module knows nothing about PINT or OpenAttestation: those layers build the history.
//!
//! [`replay`] runs the history through a state machine and returns a [`Replay`]: the
//! [`TitleState`] after every event (holder, endorsee, blank endorsement, status), the
//! [`StepFacts`] the recognition rules read (did the holder act, did a transfer divest the
//! transferor, was the endorsement recorded, was the amendment identified, …) and a
//! [`Finding`](crate::report::Finding) for every rule broken (see [`rules`]), pointing at
//! `$.events[i]` and, for PINT, at the chain entry.
//!
//! # Semantics
//!
//! * **Holder** = the party in possession, i.e. with exclusive control (DCSA possessor,
//!   TradeTrust `holder`). **Endorsee** = the party a to-order bill is endorsed to (DCSA
//!   endorsee, TradeTrust `beneficiary`).
//! * `ISSUE` (carrier → first holder) starts the record; a to-order bill issued without an
//!   endorsee is blank endorsed (DCSA: `isToOrder` with no `endorsee`).
//! * Only the holder acts. `TRANSFER` moves possession. Endorsements (`ENDORSE`,
//!   `ENDORSE_TO_ORDER`, `BLANK_ENDORSE`) change the endorsee, **not** possession (DCSA PINT:
//!   an endorsement "does NOT result in the transfer of possession"); a `TRANSFER` to the
//!   endorsee follows. The endorser must be the endorsee, or the bill blank endorsed, or the
//!   endorsement go to the endorsee's nominee (TradeTrust). After `ENDORSE` the endorsee may
//!   not endorse further; after `ENDORSE_TO_ORDER` it may.
//! * A straight bill is never endorsed, and is transferred only to its named
//!   [`History::consignee`] (checked when the history names one).
//! * `SURRENDER_FOR_*` goes to the carrier, who then holds the record until it answers. A
//!   to-order bill is surrendered by its endorsee, or by any holder when blank endorsed.
//!   `SURRENDER_ACCEPTED` ends a surrender for delivery (terminal `Surrendered`); after a
//!   surrender for amendment the record is void until the carrier's `AMEND` issues the
//!   amended record (or, reason `SWTP`, it ends as `ConvertedToPaper`).
//!   `SURRENDER_REJECTED` gives possession back to who surrendered.
//! * `CONVERT_TO_PAPER` is terminal. `CONVERT_FROM_PAPER` may only start a history: a bill
//!   brought back from paper is a new electronic record with its own history.
//! * Time never runs backwards (equal times are fine: PINT batches transactions).
//! * The "recipient of one step is the actor of the next" rule is the holder rule seen from
//!   the previous event: right after an event that handed the record to someone, a different
//!   actor is reported as `recipient-not-next-actor`; elsewhere as `actor-not-holder`. It is
//!   deliberately not applied to endorsements, whose recipient does not take possession.
//!
//! ```
//! use ebl::title::{replay, Event, EventKind, History, IdentifyingCode, Negotiability, PartyId, Status};
//!
//! let p = |name: &str| PartyId::dcsa("WAVE", name, [IdentifyingCode::new("GLEIF", name)]);
//! let t = |day: u32| format!("2026-05-{day:02}T08:00:00Z").parse().unwrap();
//! let mut h = History::new("HHL71800000", Negotiability::ToOrder);
//! h.carrier = Some(p("carrier"));
//! h.events = vec![
//!     Event::new(EventKind::Issue, p("carrier"), Some(p("shipper")), t(1)),
//!     Event::new(EventKind::EndorseToOrder, p("shipper"), Some(p("bank")), t(2)),
//!     Event::new(EventKind::Transfer, p("shipper"), Some(p("bank")), t(2)),
//!     Event::new(EventKind::SurrenderForDelivery, p("bank"), Some(p("carrier")), t(3)),
//!     Event::new(EventKind::SurrenderAccepted, p("carrier"), Some(p("bank")), t(4)),
//! ];
//! let r = replay(&h);
//! assert!(r.is_valid(), "{:?}", r.findings);
//! assert_eq!(r.final_state.status, Status::Surrendered);
//! assert!(r.controller_at(t(2)).unwrap().same_party(&p("bank")));
//! assert!(r.controller_at(t(5)).is_none());
//!
//! // A straight bill cannot be endorsed.
//! h.negotiability = Negotiability::Straight;
//! assert!(replay(&h).findings.iter().any(|f| f.code == "straight-bill-endorsed" && f.path == "$.events[1].kind"));
//! ```

mod event;
mod party;
mod registry;
mod replay;
pub mod rules;
mod state;

pub use event::{
    Event, EventKind, EventSource, HISTORY_FORMAT_VERSION, History, MediumChange, Negotiability,
    SignatureFact,
};
pub use party::{IdentifyingCode, PartyId};
#[cfg(feature = "postgres")]
pub use registry::PostgresRegistry;
pub use registry::{
    AcceptedTransfer, ChainComparison, PendingTransfer, REGISTRY_SCHEMA_VERSION, ReceiveSnapshot,
    ReceiveWrite, Registry, RegistryError, TradeTrustTitle, compare_chain, cross_format_conflict,
    open_registry, registry_json,
};
#[cfg(feature = "sqlite")]
pub use registry::{SqliteDurability, SqliteRegistry};
pub use replay::{Replay, replay};
pub use state::{Status, Step, StepFacts, TitleState};

use crate::code::ErrorCode;

/// Why a title history could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TitleError {
    /// The JSON declares a `formatVersion` this library does not read.
    #[error(
        "{path}: unsupported title-history format version {found} (this library reads version {supported})"
    )]
    UnsupportedVersion {
        /// JSON path of the version member.
        path: String,
        /// The version found, as written in the input.
        found: String,
        /// The version this library reads and writes.
        supported: u32,
    },
    /// The history could not be serialised.
    #[error("could not serialise the title history: {0}")]
    Serialize(String),
}

impl TitleError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            TitleError::UnsupportedVersion { .. } => ErrorCode::TitleUnsupportedVersion,
            TitleError::Serialize(_) => ErrorCode::TitleSerialize,
        }
    }
}
