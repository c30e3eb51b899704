//! The state of a bill after each event, and the per-event facts the recognition rules read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::event::{EventKind, EventSource, SignatureFact};
use super::party::PartyId;

/// Where the record stands in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// Before the first event: no record exists yet.
    #[default]
    NotIssued,
    /// In circulation: the holder may transfer, endorse, sign or surrender it.
    Active,
    /// Surrendered to the carrier for delivery; the carrier holds it until it accepts or
    /// rejects.
    SurrenderPendingForDelivery,
    /// Surrendered to the carrier for amendment (or a switch to paper); the carrier holds it
    /// until it accepts or rejects.
    SurrenderPendingForAmendment,
    /// The carrier accepted a surrender for amendment: this version is void and only the
    /// carrier's `AMEND` (the amended record) may follow.
    AwaitingAmendment,
    /// Surrender for delivery accepted: the record is accomplished. Terminal.
    Surrendered,
    /// Replaced by a paper bill: the electronic record has no further effect. Terminal.
    ConvertedToPaper,
}

impl Status {
    /// Whether nothing may happen after this status.
    #[must_use]
    pub fn is_terminal(self) -> bool {
        matches!(self, Status::Surrendered | Status::ConvertedToPaper)
    }

    /// Whether a surrender awaits the carrier's answer.
    #[must_use]
    pub fn is_surrender_pending(self) -> bool {
        matches!(
            self,
            Status::SurrenderPendingForDelivery | Status::SurrenderPendingForAmendment
        )
    }
}

/// Who holds what after an event.
///
/// *Holder* is the party in possession, i.e. with exclusive control of the record (DCSA
/// possessor, TradeTrust `holder`, MLETR Art. 11). *Endorsee* is the party the bill is
/// endorsed to (DCSA endorsee, TradeTrust `beneficiary`); on a straight bill it is always
/// `None`, and on a blank-endorsed bill too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TitleState {
    /// Where the record stands.
    pub status: Status,
    /// The party in control (possession). After a surrender it is the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<PartyId>,
    /// The endorsee of a to-order bill, if it is endorsed to a named party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsee: Option<PartyId>,
    /// Whether the endorsee may endorse further (false after `ENDORSE`, true after
    /// `ENDORSE_TO_ORDER` and at issue).
    pub endorsee_may_endorse: bool,
    /// Whether a to-order bill is endorsed in blank (a bearer bill).
    pub blank_endorsed: bool,
    /// The party the endorsee nominated as next endorsee (TradeTrust), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominee: Option<PartyId>,
    /// While a surrender is pending or awaiting amendment: who surrendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surrendered_by: Option<PartyId>,
    /// The reason code of the pending surrender for amendment (e.g. `SWTP`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surrender_reason: Option<String>,
    /// The checksum of the current document version, if the history carries one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_checksum: Option<String>,
    /// How many amendments replaced the document so far (0 = as issued).
    pub document_version: u32,
}

impl TitleState {
    /// The party in control, or `None` when the record is not (or no longer) in effect.
    #[must_use]
    pub fn controller(&self) -> Option<&PartyId> {
        if self.status == Status::NotIssued || self.status.is_terminal() {
            None
        } else {
            self.holder.as_ref()
        }
    }
}

/// Facts about one event, computed during replay, for the recognition rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepFacts {
    /// The actor (or the party it represented) was the holder when it acted. For `ISSUE`
    /// and `CONVERT_FROM_PAPER`: the actor was the carrier. For `NOMINATE`: the actor was
    /// the endorsee.
    pub actor_was_holder: bool,
    /// The actor held control earlier in the history, gave it up, and did not hold it when
    /// it acted: a divested transferor acting.
    pub actor_was_divested: bool,
    /// The actor's signature, as established by the layer that built the history.
    pub signed_by_actor: SignatureFact,
    /// The event changed who controls the record.
    pub holder_changed: bool,
    /// The holder changed and the previous holder no longer has any control (the new holder
    /// is a different party). True for every effective transfer.
    pub transfer_divested_previous_holder: bool,
    /// The event is an endorsement, allowed on this bill, made by an entitled holder, and
    /// recorded in the history with its endorsee (none for a blank endorsement).
    pub endorsement_recorded: bool,
    /// The event is an `AMEND` that identifies the new document version by checksum.
    pub amendment_identified: bool,
    /// The event is a change of medium that carries a change-of-medium statement.
    pub change_of_medium_statement: bool,
    /// The event is not earlier than the one before it.
    pub time_monotonic: bool,
    /// The rule codes this event broke (see [`super::rules`]); empty when it broke none.
    pub broken_rules: Vec<String>,
}

impl StepFacts {
    /// Whether the event broke no rule with an error.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.broken_rules.is_empty()
    }
}

/// One replayed event: what it was, the state after it, and the facts about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// The event's index in [`super::History::events`].
    pub index: usize,
    /// What happened.
    pub kind: EventKind,
    /// When.
    pub at: DateTime<Utc>,
    /// Where the event came from.
    pub source: EventSource,
    /// The state after the event.
    pub state: TitleState,
    /// The facts about the event.
    pub facts: StepFacts,
}
