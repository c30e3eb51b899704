//! The platform-neutral event history of one bill of lading, and its JSON form.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::TitleError;
use super::party::PartyId;
use crate::json::{self, JsonPath};

/// What happened to the bill. The JSON names follow the DCSA PINT action codes where one
/// exists.
///
/// Converting layers map their own vocabulary onto these kinds:
///
/// | kind | DCSA PINT (old code) | TradeTrust TitleEscrow |
/// |---|---|---|
/// | `ISSUE` | `ISSUE` (`ISSU`) | `mint` (beneficiary → [`Event::endorsee`]) |
/// | `TRANSFER` | `TRANSFER` (`TRNS`) | `transferHolder` |
/// | `ENDORSE` | `ENDORSE` (`ENDO`) | — |
/// | `ENDORSE_TO_ORDER` | `ENDORSE_TO_ORDER` | `transferBeneficiary` (`transferOwners` = this + `TRANSFER`) |
/// | `BLANK_ENDORSE` | `BLANK_ENDORSE` | — |
/// | `NOMINATE` | — | `nominate` |
/// | `SIGN` | `SIGN` | — |
/// | `SURRENDER_FOR_DELIVERY` | `SURRENDER_FOR_DELIVERY` (`RESD`) | `returnToIssuer` |
/// | `SURRENDER_FOR_AMENDMENT` | `SURRENDER_FOR_AMENDMENT` (`RESA`) | — |
/// | `SURRENDER_ACCEPTED` | `SACC` | `burn` / `shred` |
/// | `SURRENDER_REJECTED` | `SREJ` | `restore` |
/// | `AMEND` | the new `ISSUE` of an amended bill after `SACC` of a surrender for amendment | — |
/// | `CONVERT_TO_PAPER` | `SACC` of a `SURRENDER_FOR_AMENDMENT` with reason `SWTP` may be written either way | — |
/// | `CONVERT_FROM_PAPER` | — (an electronic record created from a paper bill) | — |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventKind {
    /// The carrier issues the record to its first holder (the recipient).
    Issue,
    /// The holder hands possession (control) to the recipient.
    Transfer,
    /// The holder endorses a to-order bill to the recipient, who may **not** endorse further.
    /// Possession does not move: a `TRANSFER` to the endorsee follows.
    Endorse,
    /// The holder endorses a to-order bill to the order of the recipient, who **may** endorse
    /// further. Possession does not move.
    EndorseToOrder,
    /// The holder endorses a to-order bill in blank: it becomes a bearer bill and whoever
    /// holds it may surrender or endorse it.
    BlankEndorse,
    /// The endorsee (TradeTrust beneficiary) proposes the recipient as the next endorsee, so a
    /// holder who is not the endorsee may endorse to that nominee.
    Nominate,
    /// The holder signs the record to show possession. Nothing changes hands.
    Sign,
    /// The holder surrenders the record to the carrier (the recipient) to take delivery.
    SurrenderForDelivery,
    /// The holder surrenders the record to the carrier (the recipient) to have it amended or
    /// switched to paper ([`Event::reason_code`] `SWTP`).
    SurrenderForAmendment,
    /// The carrier accepts the pending surrender. For delivery this ends the record; for an
    /// amendment the record is void until the carrier issues the amended one (`AMEND`); for a
    /// switch to paper (`SWTP`) the electronic record ends.
    SurrenderAccepted,
    /// The carrier rejects the pending surrender; possession returns to the surrendering party.
    SurrenderRejected,
    /// The carrier issues the amended record to the recipient after accepting a surrender for
    /// amendment. [`Event::document_checksum`] identifies the new version.
    Amend,
    /// The electronic record is replaced by a paper bill and ceases to have effect (done by the
    /// carrier, who holds it after a surrender for amendment).
    ConvertToPaper,
    /// The carrier creates this electronic record from a paper bill and hands it to the
    /// recipient (the paper bill's holder). Only as the first event of a history.
    ConvertFromPaper,
}

impl EventKind {
    /// The JSON name, e.g. `SURRENDER_FOR_DELIVERY`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Issue => "ISSUE",
            EventKind::Transfer => "TRANSFER",
            EventKind::Endorse => "ENDORSE",
            EventKind::EndorseToOrder => "ENDORSE_TO_ORDER",
            EventKind::BlankEndorse => "BLANK_ENDORSE",
            EventKind::Nominate => "NOMINATE",
            EventKind::Sign => "SIGN",
            EventKind::SurrenderForDelivery => "SURRENDER_FOR_DELIVERY",
            EventKind::SurrenderForAmendment => "SURRENDER_FOR_AMENDMENT",
            EventKind::SurrenderAccepted => "SURRENDER_ACCEPTED",
            EventKind::SurrenderRejected => "SURRENDER_REJECTED",
            EventKind::Amend => "AMEND",
            EventKind::ConvertToPaper => "CONVERT_TO_PAPER",
            EventKind::ConvertFromPaper => "CONVERT_FROM_PAPER",
        }
    }

    /// Whether the event needs a recipient (the party it is addressed to).
    #[must_use]
    pub fn needs_recipient(self) -> bool {
        matches!(
            self,
            EventKind::Issue
                | EventKind::Transfer
                | EventKind::Endorse
                | EventKind::EndorseToOrder
                | EventKind::Nominate
                | EventKind::SurrenderForDelivery
                | EventKind::SurrenderForAmendment
                | EventKind::Amend
                | EventKind::ConvertFromPaper
        )
    }

    /// Whether the event takes no recipient at all (`SIGN`, `BLANK_ENDORSE`,
    /// `CONVERT_TO_PAPER`).
    #[must_use]
    pub fn takes_no_recipient(self) -> bool {
        matches!(
            self,
            EventKind::Sign | EventKind::BlankEndorse | EventKind::ConvertToPaper
        )
    }

    /// Whether the event is an endorsement (`ENDORSE`, `ENDORSE_TO_ORDER`, `BLANK_ENDORSE`).
    #[must_use]
    pub fn is_endorsement(self) -> bool {
        matches!(
            self,
            EventKind::Endorse | EventKind::EndorseToOrder | EventKind::BlankEndorse
        )
    }

    /// Whether the event creates a record (`ISSUE`, `CONVERT_FROM_PAPER`), which only the
    /// first event may do.
    #[must_use]
    pub fn creates_record(self) -> bool {
        matches!(self, EventKind::Issue | EventKind::ConvertFromPaper)
    }

    /// Whether the event is a surrender request.
    #[must_use]
    pub fn is_surrender(self) -> bool {
        matches!(
            self,
            EventKind::SurrenderForDelivery | EventKind::SurrenderForAmendment
        )
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a signature by (or on behalf of) the actor covering this event was checked, as
/// established by the layer that built the history (PINT chain-entry signatures, TradeTrust
/// transaction senders, …).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SignatureFact {
    /// A signature attributable to the actor (or to its platform on its behalf) verified.
    Verified,
    /// It was checked and there is no valid signature: missing, failed or by someone else.
    NotVerified,
    /// Nobody checked (for example a history typed in by hand).
    #[default]
    Unknown,
}

/// Where an event came from, so a finding can point back to the original input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventSource {
    /// A transaction inside a DCSA PINT envelope transfer chain.
    #[serde(rename_all = "camelCase")]
    Pint {
        /// Index of the entry in `envelopeTransferChain`.
        entry: usize,
        /// Index of the transaction inside that entry's `transactions`.
        transaction: usize,
        /// JSON path of the transaction in the decoded entry payload, e.g.
        /// `$.envelopeTransferChain[1].transactions[0]`.
        path: String,
    },
    /// A TradeTrust token-registry / TitleEscrow event log.
    #[serde(rename_all = "camelCase")]
    TradeTrust {
        /// Block number, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        block_number: Option<u64>,
        /// Log index within the block.
        log_index: u64,
        /// Transaction hash, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        transaction_hash: Option<String>,
    },
    /// Entered by hand or by a system that keeps no further reference.
    #[default]
    Manual,
}

/// How a change of medium (paper ↔ electronic) was recorded (MLETR Arts 17–18).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MediumChange {
    /// The statement indicating the change of medium, as inserted in the new record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The reference of the other medium's bill (e.g. the paper bill's number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_medium_reference: Option<String>,
    /// Whether the record in the old medium was made inoperative, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_medium_made_inoperative: Option<bool>,
}

/// One event of a title history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// Who did it.
    pub actor: PartyId,
    /// The party on whose behalf the actor acted (DCSA `representedParty`), if any. An
    /// event whose actor *or* represented party is the holder counts as done by the holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<PartyId>,
    /// To whom (see [`EventKind::needs_recipient`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<PartyId>,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Where it came from.
    #[serde(default)]
    pub source: EventSource,
    /// Whether the actor's signature over the event was verified.
    #[serde(default)]
    pub signed_by_actor: SignatureFact,
    /// For `ISSUE` and `AMEND` only: the endorsee named in the (new) document, or the
    /// TradeTrust beneficiary when it differs from the holder. Without it a to-order bill
    /// starts blank endorsed (DCSA: `isToOrder` with no `endorsee`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsee: Option<PartyId>,
    /// A reason code, e.g. DCSA `reasonCode` (`SWTP`, `COD`, `SWI`) on a surrender for
    /// amendment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    /// Free text (DCSA `comments`, TradeTrust `remark`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    /// A platform audit reference (DCSA `auditReference`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_reference: Option<String>,
    /// The checksum of the document version this event concerns: for `ISSUE`, `AMEND` and
    /// `CONVERT_FROM_PAPER` the version it creates; for other events, if given, it must be
    /// the current version (a different one means the document changed without an
    /// amendment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_checksum: Option<String>,
    /// For `CONVERT_TO_PAPER` and `CONVERT_FROM_PAPER`: how the change of medium was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium_change: Option<MediumChange>,
}

impl Event {
    /// An event with only the required parts; set the optional fields directly.
    ///
    /// ```
    /// use ebl::title::{Event, EventKind, IdentifyingCode, PartyId};
    /// let carrier = PartyId::dcsa("WAVE", "Carrier", [IdentifyingCode::new("SMDG", "MSK")]);
    /// let shipper = PartyId::dcsa("WAVE", "Shipper", [IdentifyingCode::new("GLEIF", "1")]);
    /// let at = "2026-05-01T08:00:00Z".parse().unwrap();
    /// let issue = Event::new(EventKind::Issue, carrier, Some(shipper), at);
    /// assert_eq!(issue.kind.as_str(), "ISSUE");
    /// ```
    #[must_use]
    pub fn new(
        kind: EventKind,
        actor: PartyId,
        recipient: Option<PartyId>,
        at: DateTime<Utc>,
    ) -> Event {
        Event {
            kind,
            actor,
            on_behalf_of: None,
            recipient,
            at,
            source: EventSource::Manual,
            signed_by_actor: SignatureFact::Unknown,
            endorsee: None,
            reason_code: None,
            comments: None,
            audit_reference: None,
            document_checksum: None,
            medium_change: None,
        }
    }
}

/// Whether the bill can be negotiated by endorsement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Negotiability {
    /// A to-order (negotiable) bill, DCSA `isToOrder: true`.
    ToOrder,
    /// A straight (non-negotiable) bill, DCSA `isToOrder: false`: no endorsements; it may
    /// only be transferred to the named consignee.
    Straight,
}

/// The version of the JSON format written by [`History::to_json`].
pub const HISTORY_FORMAT_VERSION: u32 = 1;

fn default_version() -> u32 {
    HISTORY_FORMAT_VERSION
}

/// The title history of one bill, oldest event first.
///
/// # JSON format (version 1)
///
/// ```json
/// {
///   "formatVersion": 1,
///   "documentReference": "HHL71800000",
///   "negotiability": "TO_ORDER",
///   "carrier": {"platform": "WAVE", "name": "Carrier", "codes": [{"provider": "SMDG", "code": "HLC"}]},
///   "consignee": null,
///   "events": [
///     {"kind": "ISSUE", "actor": {…carrier…}, "recipient": {…shipper…},
///      "at": "2026-05-01T08:00:00Z", "documentChecksum": "8f76…",
///      "source": {"type": "PINT", "entry": 0, "transaction": 0, "path": "$.envelopeTransferChain[0].transactions[0]"},
///      "signedByActor": "VERIFIED"}
///   ]
/// }
/// ```
///
/// Member names are camelCase; enum values are SCREAMING_SNAKE_CASE (`kind`: see
/// [`EventKind`]; `negotiability`: `TO_ORDER` | `STRAIGHT`; `signedByActor`: `VERIFIED` |
/// `NOT_VERIFIED` | `UNKNOWN`, default `UNKNOWN`; `source.type`: `PINT` | `TRADE_TRUST` |
/// `MANUAL`, default `MANUAL`). A party is `{"platform", "name", "codes": [{"provider",
/// "code", "codeListName"}], "address"}`, every member optional. Times are RFC 3339 and are
/// read into UTC. Optional members are left out when writing. Unknown members are an error,
/// so a typo cannot silently drop a fact. `formatVersion` defaults to 1; other versions are
/// refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct History {
    /// The JSON format version, [`HISTORY_FORMAT_VERSION`].
    #[serde(default = "default_version")]
    pub format_version: u32,
    /// The bill's reference (DCSA `transportDocumentReference`, TradeTrust token id).
    pub document_reference: String,
    /// To-order or straight.
    pub negotiability: Negotiability,
    /// The carrier that issued the bill, if known. When absent, the actor of the first event
    /// is taken as the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<PartyId>,
    /// For a straight bill: the named consignee, the only party the bill may be transferred
    /// to. When absent, transfers of a straight bill are not checked against it (a warning
    /// says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignee: Option<PartyId>,
    /// The events, oldest first.
    pub events: Vec<Event>,
}

impl History {
    /// An empty history.
    pub fn new(document_reference: impl Into<String>, negotiability: Negotiability) -> History {
        History {
            format_version: HISTORY_FORMAT_VERSION,
            document_reference: document_reference.into(),
            negotiability,
            carrier: None,
            consignee: None,
            events: Vec::new(),
        }
    }

    /// Reads a history from untrusted JSON bytes (strict parsing, see [`crate::json::parse`]).
    ///
    /// # Errors
    /// A JSON error if the bytes are not strict JSON or do not have the shape above (with the
    /// JSON path of the problem), or [`TitleError::UnsupportedVersion`].
    ///
    /// ```
    /// use ebl::title::{History, Negotiability};
    /// let h = History::from_json(br#"{"documentReference": "X1", "negotiability": "STRAIGHT", "events": []}"#)?;
    /// assert_eq!(h.negotiability, Negotiability::Straight);
    /// assert_eq!(History::from_json(&h.to_json()?.into_bytes())?, h);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn from_json(bytes: &[u8]) -> crate::Result<History> {
        let value = json::parse(bytes)?;
        let root = JsonPath::root();
        if let Some(v) = value.get("formatVersion") {
            let found = v.as_u64().and_then(|n| u32::try_from(n).ok());
            if found != Some(HISTORY_FORMAT_VERSION) {
                return Err(TitleError::UnsupportedVersion {
                    path: root.key("formatVersion").to_string(),
                    found: v.to_string(),
                    supported: HISTORY_FORMAT_VERSION,
                }
                .into());
            }
        }
        Ok(json::from_value(&value, &root)?)
    }

    /// Writes the history as pretty-printed JSON (the format above).
    ///
    /// # Errors
    /// [`TitleError::Serialize`] if serialisation fails (it does not for these types).
    pub fn to_json(&self) -> crate::Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| TitleError::Serialize(e.to_string()).into())
    }

    /// The JSON path of event `index`, e.g. `$.events[3]`.
    #[must_use]
    pub fn event_path(index: usize) -> String {
        JsonPath::root().key("events").index(index).to_string()
    }
}
