//! TradeTrust title-escrow event logs (supplied as data) → [`crate::title::History`].
//!
//! ebl reads no chain. The caller fetches the token registry's and the TitleEscrow's logs
//! (`eth_getLogs` on an archive node, a block explorer export, an indexer) and passes them in
//! this JSON form:
//!
//! ```json
//! {
//!   "chainId": "11155111",
//!   "tokenRegistry": "0x142Ca30e3b78A840a82192529cA047ED759a6F7e",
//!   "tokenId": "0x174108af2e357d04ce7f45cdb7f9dffdb797b5ad3bd829c84cfff35d33d4bc21",
//!   "negotiability": "TO_ORDER",
//!   "sendersVerified": false,
//!   "events": [
//!     {"event": "mint", "timestamp": "2025-03-14T08:00:00Z", "blockNumber": 7000001, "logIndex": 3,
//!      "transactionHash": "0x…", "from": "0x<minter>", "beneficiary": "0x…", "holder": "0x…", "remark": "…"},
//!     {"event": "transferHolder", "timestamp": 1741940000, "from": "0x<holder>", "to": "0x<new holder>"}
//!   ]
//! }
//! ```
//!
//! - `tokenId` is `0x` + the document's `merkleRoot`; it becomes the history's
//!   `documentReference`. `negotiability` is `TO_ORDER` (default: transferable records are
//!   to-order bills) or `STRAIGHT`.
//! - `timestamp` is the block time, RFC 3339 or Unix seconds. `blockNumber`,
//!   `transactionHash` (optional) and `logIndex` (default: position in the list) say where
//!   the event came from. `remark` is the decoded remark (free text).
//! - `from` is the transaction sender (the party acting); `to` the party receiving.
//!   `sendersVerified: true` states that the caller checked every `from` against the
//!   transaction's signer (the events then count as signed by their actor); otherwise
//!   signatures are `UNKNOWN`.
//!
//! | `event` (function, or the Solidity event name) | addresses | history events |
//! |---|---|---|
//! | `mint` (`TokenReceived`) | `from` = minter, `beneficiary`, `holder` | `ISSUE` by the registry (the carrier), to `holder`, endorsee `beneficiary` |
//! | `nominate` (`Nomination`) | `from` = beneficiary, `to` = nominee | `NOMINATE` |
//! | `transferBeneficiary` (`BeneficiaryTransfer`) | `from` = holder, `to` | `ENDORSE_TO_ORDER` |
//! | `transferHolder` (`HolderTransfer`) | `from`, `to` | `TRANSFER` |
//! | `transferOwners` | `from`, `beneficiary`, `holder` | `ENDORSE_TO_ORDER` then `TRANSFER` |
//! | `rejectTransferBeneficiary` / `rejectTransferHolder` / `rejectTransferOwners` | `from` = rejecting party, `to` (and `beneficiary`/`holder` for owners) = the previous party | `ENDORSE_TO_ORDER` / `TRANSFER` / both, back to the previous party |
//! | `returnToIssuer` (`ReturnToIssuer`) | `from` = holder | `SURRENDER_FOR_DELIVERY` to the carrier |
//! | `burn` (`Shred`, `acceptSurrender`) | `from` = accepter | `SURRENDER_ACCEPTED` by the carrier |
//! | `restore` (`rejectSurrender`) | `from` = restorer | `SURRENDER_REJECTED` by the carrier |
//!
//! The carrier is the token registry itself (party `address` = registry); minting, burning
//! and restoring accounts act on its behalf. Every party's `platform` is
//! `eip155:<chainId>/<tokenRegistry>`.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{EthereumAddress, OaError};
use crate::json::{Limits, parse_with};
use crate::title::{Event, EventKind, EventSource, History, Negotiability, PartyId, SignatureFact};

fn err(path: impl Into<String>, message: impl Into<String>) -> crate::Error {
    OaError::Mapping {
        path: path.into(),
        message: message.into(),
    }
    .into()
}

/// Reads a TradeTrust event log (the JSON form above) into a title history, ready for
/// [`crate::title::replay`].
///
/// ```
/// use ebl::openattestation::title_history_from_log;
/// use ebl::title::{replay, Status};
/// let log = br#"{"chainId": "1", "tokenRegistry": "0x0000000000000000000000000000000000000a11",
///   "tokenId": "0x01", "events": [
///   {"event": "mint", "timestamp": "2025-03-14T08:00:00Z", "from": "0x00000000000000000000000000000000000000f0",
///    "beneficiary": "0x00000000000000000000000000000000000000b1", "holder": "0x00000000000000000000000000000000000000b1"},
///   {"event": "returnToIssuer", "timestamp": "2025-03-20T08:00:00Z", "from": "0x00000000000000000000000000000000000000b1"},
///   {"event": "burn", "timestamp": "2025-03-21T08:00:00Z", "from": "0x00000000000000000000000000000000000000f0"}]}"#;
/// let history = title_history_from_log(log)?;
/// let r = replay(&history);
/// assert!(r.is_valid(), "{:?}", r.findings);
/// assert_eq!(r.final_state.status, Status::Surrendered);
/// # Ok::<(), ebl::Error>(())
/// ```
///
/// # Errors
/// JSON errors, and [`OaError::Mapping`] naming the JSON path of a missing or malformed
/// member or an unknown event.
pub fn title_history_from_log(bytes: &[u8]) -> crate::Result<History> {
    let log = parse_with(bytes, &Limits::javascript_numbers())?;
    let text = |v: &Value, key: &str, at: &str| -> crate::Result<String> {
        v.get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| err(format!("{at}.{key}"), "missing or not a string"))
    };
    let chain = match log.get("chainId") {
        Some(Value::Number(n)) => n.to_string(),
        _ => text(&log, "chainId", "$")?,
    };
    let registry: EthereumAddress = text(&log, "tokenRegistry", "$")?
        .parse()
        .map_err(|e: crate::Error| err("$.tokenRegistry", e.to_string()))?;
    let token_id = text(&log, "tokenId", "$")?;
    let negotiability = match log.get("negotiability").and_then(Value::as_str) {
        None | Some("TO_ORDER") => Negotiability::ToOrder,
        Some("STRAIGHT") => Negotiability::Straight,
        Some(other) => {
            return Err(err(
                "$.negotiability",
                format!("{other:?} is not TO_ORDER or STRAIGHT"),
            ));
        }
    };
    let signed = if log.get("sendersVerified") == Some(&Value::Bool(true)) {
        SignatureFact::Verified
    } else {
        SignatureFact::Unknown
    };
    let platform = format!("eip155:{chain}/{registry}");
    let party = |a: EthereumAddress| PartyId::ethereum(platform.clone(), a.to_string());
    let carrier = party(registry);

    let mut history = History::new(token_id, negotiability);
    history.carrier = Some(carrier.clone());
    let events = log
        .get("events")
        .and_then(Value::as_array)
        .ok_or_else(|| err("$.events", "missing or not an array"))?;
    let mut surrendered_by: Option<PartyId> = None;
    for (i, e) in events.iter().enumerate() {
        let at_path = format!("$.events[{i}]");
        let address = |key: &str| -> crate::Result<PartyId> {
            let s = text(e, key, &at_path)?;
            s.parse::<EthereumAddress>()
                .map(party)
                .map_err(|x| err(format!("{at_path}.{key}"), x.to_string()))
        };
        let at = timestamp(e.get("timestamp"), &format!("{at_path}.timestamp"))?;
        let source = EventSource::TradeTrust {
            block_number: e.get("blockNumber").and_then(Value::as_u64),
            log_index: e
                .get("logIndex")
                .and_then(Value::as_u64)
                .unwrap_or(i as u64),
            transaction_hash: e
                .get("transactionHash")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        let remark = e
            .get("remark")
            .and_then(Value::as_str)
            .filter(|r| !r.is_empty());
        let make = |kind: EventKind, actor: PartyId, recipient: Option<PartyId>| {
            let mut ev = Event::new(kind, actor, recipient, at);
            ev.source = source.clone();
            ev.signed_by_actor = signed;
            ev.comments = remark.map(str::to_owned);
            ev
        };
        let on_behalf_of_carrier = |mut ev: Event| {
            ev.on_behalf_of = Some(carrier.clone());
            ev
        };
        let name = text(e, "event", &at_path)?;
        match name.as_str() {
            "mint" | "TokenReceived" => {
                let actor = if e.get("from").is_some() {
                    address("from")?
                } else {
                    carrier.clone()
                };
                let mut ev =
                    on_behalf_of_carrier(make(EventKind::Issue, actor, Some(address("holder")?)));
                ev.endorsee = Some(address("beneficiary")?);
                history.events.push(ev);
            }
            "nominate" | "Nomination" => {
                history.events.push(make(
                    EventKind::Nominate,
                    address("from")?,
                    Some(address("to")?),
                ));
            }
            "transferBeneficiary"
            | "BeneficiaryTransfer"
            | "rejectTransferBeneficiary"
            | "RejectTransferBeneficiary" => {
                history.events.push(make(
                    EventKind::EndorseToOrder,
                    address("from")?,
                    Some(address("to")?),
                ));
            }
            "transferHolder"
            | "HolderTransfer"
            | "rejectTransferHolder"
            | "RejectTransferHolder" => {
                history.events.push(make(
                    EventKind::Transfer,
                    address("from")?,
                    Some(address("to")?),
                ));
            }
            "transferOwners" | "rejectTransferOwners" | "RejectTransferOwners" => {
                let from = address("from")?;
                history.events.push(make(
                    EventKind::EndorseToOrder,
                    from.clone(),
                    Some(address("beneficiary")?),
                ));
                history
                    .events
                    .push(make(EventKind::Transfer, from, Some(address("holder")?)));
            }
            "returnToIssuer" | "ReturnToIssuer" => {
                let from = address("from")?;
                surrendered_by = Some(from.clone());
                history.events.push(make(
                    EventKind::SurrenderForDelivery,
                    from,
                    Some(carrier.clone()),
                ));
            }
            "burn" | "Shred" | "acceptSurrender" => {
                let actor = if e.get("from").is_some() {
                    address("from")?
                } else {
                    carrier.clone()
                };
                history.events.push(on_behalf_of_carrier(make(
                    EventKind::SurrenderAccepted,
                    actor,
                    surrendered_by.clone(),
                )));
            }
            "restore" | "rejectSurrender" => {
                let actor = if e.get("from").is_some() {
                    address("from")?
                } else {
                    carrier.clone()
                };
                history.events.push(on_behalf_of_carrier(make(
                    EventKind::SurrenderRejected,
                    actor,
                    surrendered_by.take(),
                )));
            }
            other => {
                return Err(err(
                    format!("{at_path}.event"),
                    format!("unknown TradeTrust event {other:?}"),
                ));
            }
        }
    }
    Ok(history)
}

fn timestamp(v: Option<&Value>, at: &str) -> crate::Result<DateTime<Utc>> {
    match v {
        Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
            .map(|t| t.to_utc())
            .map_err(|e| err(at, format!("not an RFC 3339 time: {e}"))),
        Some(Value::Number(n)) => n
            .as_i64()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .ok_or_else(|| err(at, "not a Unix time in seconds")),
        _ => Err(err(at, "missing block timestamp")),
    }
}
