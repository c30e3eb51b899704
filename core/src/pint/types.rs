//! The PINT 3.0 messages as typed views: envelope, manifest, chain entry, issuance manifest,
//! transactions and the signed response.
//!
//! Every struct keeps members it does not know in `extra`, so nothing a peer sends is lost and
//! unknown extra fields (such as the old `action` next to `actionCode` that the DCSA conformance
//! toolkit writes) are tolerated.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `EblEnvelope`: the body of `POST /v3/envelopes`. Not signed itself; its integrity comes from
/// the signed manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EblEnvelope {
    /// The DCSA transport document, exactly as received.
    pub transport_document: Value,
    /// JWS compact string whose payload is an [`EnvelopeManifest`], signed by the sender.
    pub envelope_manifest_signed_content: String,
    /// JWS compact strings whose payloads are [`EnvelopeTransferChainEntry`]s, oldest first.
    pub envelope_transfer_chain: Vec<String>,
    /// Members this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `DocumentMetadata`: a supporting document or the carrier's visualisation, by checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentMetadata {
    /// File name.
    pub name: String,
    /// Decoded size in bytes.
    pub size: u64,
    /// MIME type.
    pub media_type: String,
    /// Lowercase hex SHA-256 of the decoded bytes.
    pub document_checksum: String,
    /// Members this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `EnvelopeManifest`: the payload the sending platform signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeManifest {
    /// SHA-256 of the RFC 8785 form of the transport document.
    pub transport_document_checksum: String,
    /// SHA-256 of the last chain entry's JWS string.
    pub last_envelope_transfer_chain_entry_signed_content_checksum: String,
    /// The carrier's rendering of the B/L, if sent.
    #[serde(
        rename = "eBLVisualisationByCarrier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ebl_visualisation_by_carrier: Option<DocumentMetadata>,
    /// Other documents that travel with this transfer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supporting_documents: Vec<DocumentMetadata>,
    /// Members this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `EnvelopeTransferChainEntry`: one platform's batch of transactions, signed by that platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeTransferChainEntry {
    /// Code of the platform that recorded this entry.
    pub ebl_platform: String,
    /// SHA-256 of the RFC 8785 form of the transport document.
    pub transport_document_checksum: String,
    /// SHA-256 of the previous entry's JWS string; absent (or, from old peers, `null`) in entry 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_envelope_transfer_chain_entry_signed_content_checksum: Option<String>,
    /// The carrier-signed [`IssuanceManifest`] as a JWS string; required in entry 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuance_manifest_signed_content: Option<String>,
    /// Base URI of a control tracking registry, only in entry 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_tracking_registry: Option<String>,
    /// The transactions, oldest first (at least one).
    pub transactions: Vec<Transaction>,
    /// Members this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `IssuanceManifest`: what the carrier signed at issuance, carried in chain entry 0 for ever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuanceManifest {
    /// SHA-256 of the RFC 8785 form of the transport document the carrier issued.
    pub document_checksum: String,
    /// SHA-256 of the RFC 8785 form of the issuance request's `issueTo` party (opaque to PINT
    /// receivers, who never see `issueTo`).
    pub issue_to_checksum: String,
    /// SHA-256 of the decoded visualisation, if the carrier made one.
    #[serde(
        rename = "eBLVisualisationByCarrierChecksum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ebl_visualisation_by_carrier_checksum: Option<String>,
    /// Members this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A party's identifier in a code list (`codeListProvider` + `partyCode`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentifyingCode {
    /// Who runs the code list (`W3C` for DIDs, `GLEIF`, a platform code, …).
    pub code_list_provider: String,
    /// The party's code in that list.
    pub party_code: String,
    /// The list's name where a provider has several (`LEI`, `DID`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_list_name: Option<String>,
}

/// `ActorParty` / `RecipientParty` (current) and `TransactionParty` (old): who acted or received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionParty {
    /// The party's name.
    pub party_name: String,
    /// The code of the platform the party is on.
    pub ebl_platform: String,
    /// The party's identifiers (at least one).
    #[serde(default)]
    pub identifying_codes: Vec<IdentifyingCode>,
    /// Tax and legal references, as received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tax_legal_references: Vec<Value>,
    /// The party on whose behalf the actor acted, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represented_party: Option<Value>,
    /// Members this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What a transaction does (`actionCode`; old four-letter `action` codes are read too).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActionCode {
    /// `ISSUE` (old `ISSU`): the carrier issues the eBL to its first holder.
    Issue,
    /// `TRANSFER` (old `TRNS`): possession passes to the recipient.
    Transfer,
    /// `ENDORSE` (old `ENDO`): names an endorsee, who may not endorse further.
    Endorse,
    /// `ENDORSE_TO_ORDER`: names an endorsee, who may endorse further.
    EndorseToOrder,
    /// `BLANK_ENDORSE`: makes the bill payable to bearer; no recipient.
    BlankEndorse,
    /// `SIGN`: the possessor marks possession; no recipient.
    Sign,
    /// `SURRENDER_FOR_DELIVERY` (old `RESD`).
    SurrenderForDelivery,
    /// `SURRENDER_FOR_AMENDMENT` (old `RESA`), also used to switch to paper.
    SurrenderForAmendment,
    /// `SACC`: the carrier accepts a surrender.
    SurrenderAccepted,
    /// `SREJ`: the carrier rejects a surrender; possession returns to the requester.
    SurrenderRejected,
    /// A code this version does not know (`actionCode` is a pseudo-enum of up to 50 characters).
    Other(String),
}

impl ActionCode {
    /// Reads a current (`ISSUE`, `TRANSFER`, …) or old (`ISSU`, `TRNS`, …) code.
    ///
    /// ```
    /// use ebl::pint::ActionCode;
    /// assert_eq!(ActionCode::parse("RESD"), ActionCode::SurrenderForDelivery);
    /// assert_eq!(ActionCode::parse("ENDORSE_TO_ORDER").as_str(), "ENDORSE_TO_ORDER");
    /// ```
    #[must_use]
    pub fn parse(code: &str) -> ActionCode {
        match code {
            "ISSUE" | "ISSU" => ActionCode::Issue,
            "TRANSFER" | "TRNS" => ActionCode::Transfer,
            "ENDORSE" | "ENDO" => ActionCode::Endorse,
            "ENDORSE_TO_ORDER" => ActionCode::EndorseToOrder,
            "BLANK_ENDORSE" => ActionCode::BlankEndorse,
            "SIGN" => ActionCode::Sign,
            "SURRENDER_FOR_DELIVERY" | "RESD" => ActionCode::SurrenderForDelivery,
            "SURRENDER_FOR_AMENDMENT" | "RESA" => ActionCode::SurrenderForAmendment,
            "SACC" => ActionCode::SurrenderAccepted,
            "SREJ" => ActionCode::SurrenderRejected,
            other => ActionCode::Other(other.to_owned()),
        }
    }

    /// The current code, as written by this library.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            ActionCode::Issue => "ISSUE",
            ActionCode::Transfer => "TRANSFER",
            ActionCode::Endorse => "ENDORSE",
            ActionCode::EndorseToOrder => "ENDORSE_TO_ORDER",
            ActionCode::BlankEndorse => "BLANK_ENDORSE",
            ActionCode::Sign => "SIGN",
            ActionCode::SurrenderForDelivery => "SURRENDER_FOR_DELIVERY",
            ActionCode::SurrenderForAmendment => "SURRENDER_FOR_AMENDMENT",
            ActionCode::SurrenderAccepted => "SACC",
            ActionCode::SurrenderRejected => "SREJ",
            ActionCode::Other(code) => code,
        }
    }
}

impl Serialize for ActionCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActionCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ActionCode, D::Error> {
        String::deserialize(deserializer).map(|s| ActionCode::parse(&s))
    }
}

/// Which generation of the `Transaction` schema a transaction was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TransactionGeneration {
    /// `actionCode` + `actionDateTime` (PINT snapshots from November 2025).
    Current,
    /// `action` + `timestamp` in epoch milliseconds (earlier snapshots).
    Legacy,
}

/// One recorded action on the eBL. Both schema generations are read; the current one is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Transaction {
    /// What was done.
    pub action_code: ActionCode,
    /// Who did it.
    pub actor: TransactionParty,
    /// Who received it (absent for `SIGN` and `BLANK_ENDORSE`).
    pub recipient: Option<TransactionParty>,
    /// When (UTC).
    pub action_date_time: chrono::DateTime<chrono::Utc>,
    /// `SWTP`, `COD` or `SWI`, for a surrender for amendment (old field `reason`).
    pub reason_code: Option<String>,
    /// Free text.
    pub comments: Option<String>,
    /// The platform's audit reference.
    pub audit_reference: Option<String>,
    /// The schema generation it was read from.
    pub generation: TransactionGeneration,
    /// Members this version does not know.
    pub extra: Map<String, Value>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct TransactionWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    action_code: Option<ActionCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    action: Option<ActionCode>,
    actor: TransactionParty,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recipient: Option<TransactionParty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    action_date_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    timestamp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comments: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    audit_reference: Option<String>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl Serialize for Transaction {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TransactionWire {
            action_code: Some(self.action_code.clone()),
            action: None,
            actor: self.actor.clone(),
            recipient: self.recipient.clone(),
            action_date_time: Some(
                self.action_date_time
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            ),
            timestamp: None,
            reason_code: self.reason_code.clone(),
            reason: None,
            comments: self.comments.clone(),
            audit_reference: self.audit_reference.clone(),
            extra: self.extra.clone(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Transaction {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Transaction, D::Error> {
        use serde::de::Error as _;
        let mut wire = TransactionWire::deserialize(deserializer)?;
        let (action_code, generation) = match (wire.action_code.take(), wire.action.take()) {
            (Some(code), legacy) => {
                // A peer in transition may write both; keep the old one as an unknown member.
                if let Some(legacy) = legacy {
                    wire.extra.insert(
                        "action".to_owned(),
                        Value::String(legacy.as_str().to_owned()),
                    );
                }
                (code, TransactionGeneration::Current)
            }
            (None, Some(code)) => (code, TransactionGeneration::Legacy),
            (None, None) => return Err(D::Error::missing_field("actionCode")),
        };
        let action_date_time = match (&wire.action_date_time, wire.timestamp) {
            (Some(text), _) => chrono::DateTime::parse_from_rfc3339(text)
                .map_err(|e| {
                    D::Error::custom(format!("actionDateTime {text:?} is not RFC 3339: {e}"))
                })?
                .with_timezone(&chrono::Utc),
            (None, Some(millis)) => chrono::DateTime::from_timestamp_millis(millis)
                .ok_or_else(|| D::Error::custom(format!("timestamp {millis} is out of range")))?,
            (None, None) => return Err(D::Error::missing_field("actionDateTime")),
        };
        Ok(Transaction {
            action_code,
            actor: wire.actor,
            recipient: wire.recipient,
            action_date_time,
            reason_code: wire.reason_code.or(wire.reason),
            comments: wire.comments,
            audit_reference: wire.audit_reference,
            generation,
            extra: wire.extra,
        })
    }
}

/// The signed verdict codes of `EnvelopeTransferFinishedResponse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResponseCode {
    /// Received: the transfer is accepted.
    #[serde(rename = "RECE")]
    Received,
    /// Duplicate: this transfer was accepted before.
    #[serde(rename = "DUPE")]
    Duplicate,
    /// Bad signature: unknown or expired key, or a signature that does not verify.
    #[serde(rename = "BSIG")]
    BadSignature,
    /// Bad envelope: permanently unacceptable (broken chain, wrong recipient, bad action, …).
    #[serde(rename = "BENV")]
    BadEnvelope,
    /// Inconclusive document: an uploaded document does not match its checksum or size.
    #[serde(rename = "INCD")]
    InconclusiveDocument,
    /// Missing documents.
    #[serde(rename = "MDOC")]
    MissingDocuments,
    /// Disputed envelope: contradicts what the receiver already knows.
    #[serde(rename = "DISE")]
    DisputedEnvelope,
}

impl ResponseCode {
    /// The four-letter code.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ResponseCode::Received => "RECE",
            ResponseCode::Duplicate => "DUPE",
            ResponseCode::BadSignature => "BSIG",
            ResponseCode::BadEnvelope => "BENV",
            ResponseCode::InconclusiveDocument => "INCD",
            ResponseCode::MissingDocuments => "MDOC",
            ResponseCode::DisputedEnvelope => "DISE",
        }
    }

    /// What the code means, in a few words for a person (`"bad signature"`), as the CLI, C
    /// and Python surfaces print it.
    ///
    /// ```
    /// use ebl::pint::ResponseCode;
    /// assert_eq!(ResponseCode::Received.description(), "accepted");
    /// assert_eq!(ResponseCode::MissingDocuments.description(), "documents missing");
    /// ```
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            ResponseCode::Received => "accepted",
            ResponseCode::Duplicate => "duplicate of an accepted transfer",
            ResponseCode::BadSignature => "bad signature",
            ResponseCode::BadEnvelope => "bad envelope",
            ResponseCode::InconclusiveDocument => "document does not match its checksum",
            ResponseCode::MissingDocuments => "documents missing",
            ResponseCode::DisputedEnvelope => "disputed: contradicts known history",
        }
    }

    /// The HTTP status PINT pairs with the code.
    #[must_use]
    pub fn http_status(self) -> u16 {
        match self {
            ResponseCode::Received | ResponseCode::Duplicate => 200,
            ResponseCode::BadSignature | ResponseCode::BadEnvelope => 422,
            ResponseCode::InconclusiveDocument
            | ResponseCode::MissingDocuments
            | ResponseCode::DisputedEnvelope => 409,
        }
    }
}

impl std::fmt::Display for ResponseCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `EnvelopeTransferFinishedResponse`: the receiver's signed verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeTransferFinishedResponse {
    /// SHA-256 of the last chain entry received: binds the answer to the transfer.
    pub last_envelope_transfer_chain_entry_signed_content_checksum: String,
    /// The verdict.
    pub response_code: ResponseCode,
    /// With `DUPE`: the last chain entry of the transfer accepted earlier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of_accepted_envelope_transfer_chain_entry_signed_content: Option<String>,
    /// Free text (omitted for `RECE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// With `MDOC`: the documents still missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_additional_document_checksums: Vec<String>,
    /// With `RECE`/`DUPE`: every additional document of this transfer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub received_additional_document_checksums: Vec<String>,
    /// Members this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
