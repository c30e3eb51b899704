//! From a PINT transfer chain to the platform-neutral [`crate::title`] history.

use serde_json::Value;

use super::types::{ActionCode, EnvelopeTransferChainEntry, IdentifyingCode, TransactionParty};
use crate::json::JsonPath;
use crate::title::{
    self, Event, EventKind, EventSource, History, Negotiability, PartyId, SignatureFact,
};

/// Builds the title history that a chain records.
///
/// `entries` pairs each chain entry (if its payload could be read) with whether its signature
/// verified under the receiver's trust; an event counts as signed by its actor when the entry
/// verified and was recorded on the actor's own platform. Transactions with an unknown action
/// code are left out (the verifier reports them).
#[must_use]
pub fn history_from_chain(
    transport_document: &Value,
    entries: &[(Option<&EnvelopeTransferChainEntry>, bool)],
    transport_document_checksum: &str,
) -> History {
    let reference = transport_document
        .get("transportDocumentReference")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let negotiability =
        if transport_document.get("isToOrder").and_then(Value::as_bool) == Some(true) {
            Negotiability::ToOrder
        } else {
            Negotiability::Straight
        };
    let parties = transport_document.get("documentParties");
    let mut history = History::new(reference, negotiability);
    history.consignee = parties
        .and_then(|p| p.get("consignee"))
        .and_then(document_party);
    let endorsee = parties
        .and_then(|p| p.get("endorsee"))
        .and_then(document_party);
    let chain = JsonPath::root().key("envelopeTransferChain");

    for (entry_index, (entry, verified)) in entries.iter().enumerate() {
        let Some(entry) = entry else { continue };
        for (tx_index, transaction) in entry.transactions.iter().enumerate() {
            let Some(kind) = event_kind(&transaction.action_code) else {
                continue;
            };
            let actor = party(&transaction.actor);
            let mut event = Event::new(
                kind,
                actor,
                transaction.recipient.as_ref().map(party),
                transaction.action_date_time,
            );
            event.on_behalf_of = transaction
                .actor
                .represented_party
                .as_ref()
                .and_then(|p| represented_party(p, &transaction.actor.ebl_platform));
            event.source = EventSource::Pint {
                entry: entry_index,
                transaction: tx_index,
                path: chain
                    .index(entry_index)
                    .key("transactions")
                    .index(tx_index)
                    .into(),
            };
            event.signed_by_actor =
                if *verified && entry.ebl_platform == transaction.actor.ebl_platform {
                    SignatureFact::Verified
                } else {
                    SignatureFact::NotVerified
                };
            event.reason_code.clone_from(&transaction.reason_code);
            event.comments.clone_from(&transaction.comments);
            event
                .audit_reference
                .clone_from(&transaction.audit_reference);
            if kind == EventKind::Issue {
                event.document_checksum = Some(transport_document_checksum.to_owned());
                event.endorsee.clone_from(&endorsee);
                history.carrier.get_or_insert_with(|| event.actor.clone());
            }
            history.events.push(event);
        }
    }
    history
}

fn event_kind(code: &ActionCode) -> Option<EventKind> {
    Some(match code {
        ActionCode::Issue => EventKind::Issue,
        ActionCode::Transfer => EventKind::Transfer,
        ActionCode::Endorse => EventKind::Endorse,
        ActionCode::EndorseToOrder => EventKind::EndorseToOrder,
        ActionCode::BlankEndorse => EventKind::BlankEndorse,
        ActionCode::Sign => EventKind::Sign,
        ActionCode::SurrenderForDelivery => EventKind::SurrenderForDelivery,
        ActionCode::SurrenderForAmendment => EventKind::SurrenderForAmendment,
        ActionCode::SurrenderAccepted => EventKind::SurrenderAccepted,
        ActionCode::SurrenderRejected => EventKind::SurrenderRejected,
        ActionCode::Other(_) => return None,
    })
}

fn codes(codes: &[IdentifyingCode]) -> Vec<title::IdentifyingCode> {
    codes
        .iter()
        .map(|c| title::IdentifyingCode {
            provider: c.code_list_provider.clone(),
            code: c.party_code.clone(),
            code_list_name: c.code_list_name.clone(),
        })
        .collect()
}

/// A transaction's actor or recipient as a title party.
#[must_use]
pub fn party(p: &TransactionParty) -> PartyId {
    PartyId::dcsa(
        p.ebl_platform.clone(),
        p.party_name.clone(),
        codes(&p.identifying_codes),
    )
}

/// `representedParty` has a name and codes but no platform: it is on the actor's.
fn represented_party(value: &Value, platform: &str) -> Option<PartyId> {
    let codes_value = value.get("identifyingCodes")?;
    let parsed: Vec<IdentifyingCode> = serde_json::from_value(codes_value.clone()).ok()?;
    Some(PartyId::dcsa(
        platform,
        value
            .get("partyName")
            .and_then(Value::as_str)
            .unwrap_or_default(),
        codes(&parsed),
    ))
}

/// A transport document's consignee or endorsee (with `eblPlatform` since eBL 3.0.3).
fn document_party(value: &Value) -> Option<PartyId> {
    let parsed: Vec<IdentifyingCode> =
        serde_json::from_value(value.get("identifyingCodes")?.clone()).ok()?;
    Some(PartyId {
        platform: value
            .get("eblPlatform")
            .and_then(Value::as_str)
            .map(str::to_owned),
        name: value
            .get("partyName")
            .and_then(Value::as_str)
            .map(str::to_owned),
        codes: codes(&parsed),
        address: None,
    })
}
