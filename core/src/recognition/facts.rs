//! The facts the criteria are evaluated over: a platform-neutral view of the record's history
//! (as `title::replay` derives it) and the evidence the verification layers gathered
//! (signatures, consents, governing law).
//!
//! These are plain serde types so that the PINT and OpenAttestation layers, the CLI and tests
//! can all produce them; the JSON shape is documented in `core/rules/README.md`
//! ("Recognition input").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::json::Value;
use crate::trust::Identifier;

/// What happened at one step of the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum LegalEventKind {
    /// The carrier issued the electronic record.
    Issue,
    /// The record was created by converting a paper bill (MLETR art. 17).
    ConvertFromPaper,
    /// Possession (control) passed to another party.
    Transfer,
    /// The holder endorsed the record (to a named endorsee, or in blank), passing control.
    Endorse,
    /// The issuer amended the content.
    Amend,
    /// The holder surrendered the record to the carrier (for delivery or amendment).
    Surrender,
    /// The carrier accepted a surrender: the record is accomplished.
    SurrenderAccepted,
    /// The carrier rejected a surrender: control returns to the surrendering holder.
    SurrenderRejected,
    /// The record was replaced by a paper bill (MLETR art. 18).
    ConvertToPaper,
    /// The record was voided.
    Void,
    /// The holder signed the record to show possession; nothing changes hands.
    Sign,
    /// The endorsee nominated the next endorsee (TradeTrust); control does not move.
    Nominate,
}

impl LegalEventKind {
    /// Whether this event creates the record.
    #[must_use]
    pub fn is_creation(self) -> bool {
        matches!(
            self,
            LegalEventKind::Issue | LegalEventKind::ConvertFromPaper
        )
    }

    /// Whether this event is a transfer of possession made by the holder.
    #[must_use]
    pub fn is_holder_transfer(self) -> bool {
        matches!(
            self,
            LegalEventKind::Transfer | LegalEventKind::Endorse | LegalEventKind::Surrender
        )
    }

    /// The kebab-case name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            LegalEventKind::Issue => "issue",
            LegalEventKind::ConvertFromPaper => "convert-from-paper",
            LegalEventKind::Transfer => "transfer",
            LegalEventKind::Endorse => "endorse",
            LegalEventKind::Amend => "amend",
            LegalEventKind::Surrender => "surrender",
            LegalEventKind::SurrenderAccepted => "surrender-accepted",
            LegalEventKind::SurrenderRejected => "surrender-rejected",
            LegalEventKind::ConvertToPaper => "convert-to-paper",
            LegalEventKind::Void => "void",
            LegalEventKind::Sign => "sign",
            LegalEventKind::Nominate => "nominate",
        }
    }
}

/// The record's status after an event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RecordStatus {
    /// In circulation.
    #[default]
    Active,
    /// Surrendered, awaiting the carrier's answer.
    PendingSurrender,
    /// Accomplished: surrendered and accepted (terminal).
    Surrendered,
    /// Replaced by paper (terminal).
    ConvertedToPaper,
    /// Voided (terminal).
    Void,
}

impl RecordStatus {
    /// Whether the record has ceased to have effect.
    #[must_use]
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            RecordStatus::Surrendered | RecordStatus::ConvertedToPaper | RecordStatus::Void
        )
    }
}

/// How an event's time was established.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeSource {
    /// The time is inside content signed by the actor or its platform.
    Signed,
    /// The time comes from a trusted time-stamping authority or a ledger's block time.
    TrustedTimestamp,
    /// The time is not covered by any signature or trusted source.
    #[default]
    Unsigned,
}

/// Who controls the record: one party, or several acting jointly (treated as one, UK ETDA
/// s.2(3)(b); TradeTrust holder + beneficiary).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// The party ids.
    #[serde(default)]
    pub parties: Vec<String>,
    /// Whether the parties are declared to act jointly as one controller.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub joint: bool,
}

impl Controller {
    /// A single controller.
    pub fn one(party: impl Into<String>) -> Controller {
        Controller {
            parties: vec![party.into()],
            joint: false,
        }
    }

    /// Whether `party` is (one of) the controller(s).
    #[must_use]
    pub fn contains(&self, party: &str) -> bool {
        self.parties.iter().any(|p| p == party)
    }

    /// Whether nobody controls.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.parties.is_empty()
    }

    /// The parties, comma-separated, for reasons.
    #[must_use]
    pub fn describe(&self) -> String {
        if self.parties.is_empty() {
            "nobody".to_owned()
        } else {
            self.parties.join(" + ")
        }
    }
}

/// What a change of medium recorded (MLETR arts 17–18).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeOfMedium {
    /// Whether a statement indicating the change of medium was inserted in the new medium.
    pub statement: bool,
    /// A reference to the document in the other medium (paper bill number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Whether the document in the old medium was made inoperative (`None`: not known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_medium_inoperative: Option<bool>,
    /// Whether all the information of the old document was reproduced (`None`: not known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_reproduction: Option<bool>,
}

/// One step of the history, with the state the title replay derived for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFacts {
    /// What happened.
    pub kind: LegalEventKind,
    /// When.
    pub at: DateTime<Utc>,
    /// How the time was established.
    #[serde(default)]
    pub time_source: TimeSource,
    /// The platform on which the event happened (its trust-store party id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The party that performed the event (holder, endorser, carrier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// Who controlled the record before the event.
    #[serde(default)]
    pub controller_before: Controller,
    /// Who controls it after.
    #[serde(default)]
    pub controller_after: Controller,
    /// For an endorsement: the endorsee (`None`: blank endorsement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsee: Option<String>,
    /// Checksum of the document content after the event (DCSA: SHA-256 of the JCS form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_checksum: Option<String>,
    /// Whether the hash link to the previous event verified (`None`: no link to check).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_link_ok: Option<bool>,
    /// The record's status after the event.
    #[serde(default)]
    pub status_after: RecordStatus,
    /// For conversions: what the change of medium recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_of_medium: Option<ChangeOfMedium>,
    /// Whether a signature by the actor (or its platform on its behalf) over this event was
    /// verified by the layer that built the history (`title::Event::signed_by_actor`);
    /// `None`: not checked. Used together with [`Evidence::signatures`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by_actor: Option<bool>,
}

/// A party that appears in the history, with the identifiers the record gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyFacts {
    /// The id used in events.
    pub id: String,
    /// Identifiers (LEI, DID, platform-specific codes) from the document or the platform.
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
}

/// A singularity problem found by the title layer or a registry (a fork, a double spend, a
/// second authoritative record with the same id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The event concerned (`None`: the record as a whole).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
    /// What was found.
    pub description: String,
}

/// The platform-neutral history of one record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryFacts {
    /// The record's unique identifier (transport document reference, token id).
    pub record_id: String,
    /// Whether the bill is to order (negotiable); `false` for a straight bill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_order: Option<bool>,
    /// The events, oldest first.
    pub events: Vec<EventFacts>,
    /// Parties and their identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyFacts>,
    /// Singularity problems found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// One signature over one event, as the verification layer found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureEvidence {
    /// The event the signature covers (index into [`HistoryFacts::events`]).
    pub event: usize,
    /// The JWS `alg` (`ES256`, `EdDSA`, `PS256`, `ES256K`, …).
    pub algorithm: String,
    /// The signing key's RFC 7638 thumbprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// The party the signature is attributed to (a platform or a carrier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// Whether the signature verified over the content it covers.
    pub verified: bool,
}

/// A party's consent to the electronic form (MLETR art. 7(2)–(3)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentEvidence {
    /// The party.
    pub party: String,
    /// When it was given (or refused).
    pub at: DateTime<Utc>,
    /// On what basis (platform terms accepted, onboarding record).
    pub basis: String,
    /// Whether this records a refusal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refused: bool,
}

/// A proof, checked by a verification layer against data the caller supplied, that binds a
/// party to a key or account for this record: a DNS TXT record naming an OpenAttestation
/// token registry or DID (`dns-txt`), a DID proof (`did`).
///
/// Unlike a trust-store key binding ([`crate::trust::PartyKey::binding`], configured once by
/// the store's owner), this is a check made for this document, and it can fail: a failed proof
/// of the issuer makes `issuer-identity` not satisfied (the record's own identity claim is
/// false).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityProofEvidence {
    /// The party the proof identifies, as named in [`HistoryFacts`] (the issuer, for the
    /// proofs OpenAttestation defines).
    pub party: String,
    /// How the key is bound (`dns-txt`, `did`).
    pub method: crate::trust::KeyBinding,
    /// What the key is bound to: a DNS domain, a DID.
    pub subject: String,
    /// The key or account bound: an Ethereum address (a token registry, a DID's controller).
    pub key: String,
    /// Whether the proof held.
    pub verified: bool,
}

/// Evidence gathered by the verification layers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Signatures over events.
    #[serde(default)]
    pub signatures: Vec<SignatureEvidence>,
    /// Consents.
    #[serde(default)]
    pub consents: Vec<ConsentEvidence>,
    /// Identity proofs checked for this record (DNS TXT, DID); see [`IdentityProofEvidence`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identity_proofs: Vec<IdentityProofEvidence>,
    /// The law governing the bill (a rule-file law id such as `SG` or `GB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governing_law: Option<String>,
    /// Whether a registry of authoritative records was consulted, so a second authoritative
    /// record with the same id can be excluded.
    #[serde(default)]
    pub registry_checked: bool,
}

/// Everything `recognize` evaluates: the current document, its history and the evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecognitionInput {
    /// The current transport document (DCSA eBL 3.0 shape), if available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Value>,
    /// The history.
    pub history: HistoryFacts,
    /// The evidence.
    #[serde(default)]
    pub evidence: Evidence,
}
