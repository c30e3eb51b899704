//! TradeTrust title-escrow event logs turned into title histories and replayed.
#![cfg(feature = "openattestation")]

use ebl::ErrorCode;
use ebl::openattestation::title_history_from_log;
use ebl::title::{EventKind, EventSource, Status, replay};

const REGISTRY: &str = "0x142Ca30e3b78A840a82192529cA047ED759a6F7e";
const MINTER: &str = "0x00000000000000000000000000000000000000f0";
const SHIPPER: &str = "0x00000000000000000000000000000000000000a1";
const BANK: &str = "0x00000000000000000000000000000000000000b2";
const BUYER: &str = "0x00000000000000000000000000000000000000c3";

fn log(events: &str) -> Vec<u8> {
    format!(
        r#"{{"chainId": "11155111", "tokenRegistry": "{REGISTRY}",
            "tokenId": "0x174108af2e357d04ce7f45cdb7f9dffdb797b5ad3bd829c84cfff35d33d4bc21",
            "events": [{events}]}}"#
    )
    .into_bytes()
}

fn at(day: u32) -> String {
    format!("\"2025-03-{day:02}T08:00:00Z\"")
}

#[test]
fn a_full_life_replays_to_surrendered() {
    let events = format!(
        r#"{{"event": "mint", "timestamp": {t1}, "blockNumber": 7000001, "logIndex": 3, "transactionHash": "0xaa",
             "from": "{MINTER}", "beneficiary": "{SHIPPER}", "holder": "{SHIPPER}", "remark": "issued"}},
           {{"event": "transferOwners", "timestamp": {t2}, "from": "{SHIPPER}", "beneficiary": "{BANK}", "holder": "{BANK}"}},
           {{"event": "nominate", "timestamp": {t3}, "from": "{BANK}", "to": "{BUYER}"}},
           {{"event": "transferBeneficiary", "timestamp": {t4}, "from": "{BANK}", "to": "{BUYER}"}},
           {{"event": "HolderTransfer", "timestamp": 1741680000, "from": "{BANK}", "to": "{BUYER}"}},
           {{"event": "returnToIssuer", "timestamp": {t12}, "from": "{BUYER}"}},
           {{"event": "restore", "timestamp": {t13}, "from": "{MINTER}", "remark": "documents incomplete"}},
           {{"event": "returnToIssuer", "timestamp": {t14}, "from": "{BUYER}"}},
           {{"event": "burn", "timestamp": {t15}, "from": "{MINTER}"}}"#,
        t1 = at(1),
        t2 = at(2),
        t3 = at(3),
        t4 = at(4),
        t12 = at(12),
        t13 = at(13),
        t14 = at(14),
        t15 = at(15)
    );
    let history = title_history_from_log(&log(&events)).expect("reads");
    let kinds: Vec<EventKind> = history.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Issue,
            EventKind::EndorseToOrder,
            EventKind::Transfer,
            EventKind::Nominate,
            EventKind::EndorseToOrder,
            EventKind::Transfer,
            EventKind::SurrenderForDelivery,
            EventKind::SurrenderRejected,
            EventKind::SurrenderForDelivery,
            EventKind::SurrenderAccepted,
        ]
    );
    assert_eq!(
        history.document_reference,
        "0x174108af2e357d04ce7f45cdb7f9dffdb797b5ad3bd829c84cfff35d33d4bc21"
    );
    assert_eq!(history.events[0].comments.as_deref(), Some("issued"));
    assert_eq!(
        history.events[0].source,
        EventSource::TradeTrust {
            block_number: Some(7_000_001),
            log_index: 3,
            transaction_hash: Some("0xaa".into())
        }
    );
    let r = replay(&history);
    assert!(r.is_valid(), "{:?}", r.findings);
    assert_eq!(r.final_state.status, Status::Surrendered);
    let t = |d: u32| format!("2025-03-{d:02}T09:00:00Z").parse().expect("time");
    let holder = |d: u32| {
        r.controller_at(t(d))
            .and_then(|p| p.address.clone())
            .unwrap_or_default()
            .to_lowercase()
    };
    assert_eq!(holder(1), SHIPPER);
    assert_eq!(holder(5), BANK);
    assert_eq!(holder(11), BUYER);
    assert_eq!(holder(13), BUYER, "restored to the surrendering holder");
}

#[test]
fn a_transfer_by_someone_other_than_the_holder_is_a_finding() {
    let events = format!(
        r#"{{"event": "mint", "timestamp": {t1}, "from": "{MINTER}", "beneficiary": "{SHIPPER}", "holder": "{SHIPPER}"}},
           {{"event": "transferHolder", "timestamp": {t2}, "from": "{BANK}", "to": "{BUYER}"}}"#,
        t1 = at(1),
        t2 = at(2)
    );
    let r = replay(&title_history_from_log(&log(&events)).expect("reads"));
    assert!(!r.is_valid());
    assert!(
        r.findings.iter().any(|f| f.path.starts_with("$.events[1]")),
        "{:?}",
        r.findings
    );
}

#[test]
fn malformed_logs_are_refused_with_a_path() {
    let unknown = format!(
        r#"{{"event": "teleport", "timestamp": {t}, "from": "{BANK}"}}"#,
        t = at(1)
    );
    let e = title_history_from_log(&log(&unknown)).expect_err("unknown event");
    assert_eq!(e.code(), ErrorCode::OaMapping);
    assert!(e.to_string().starts_with("$.events[0].event"), "{e}");

    let bad_address = format!(
        r#"{{"event": "transferHolder", "timestamp": {t}, "from": "0x12", "to": "{BANK}"}}"#,
        t = at(1)
    );
    let e = title_history_from_log(&log(&bad_address)).expect_err("bad address");
    assert!(e.to_string().starts_with("$.events[0].from"), "{e}");

    let no_time = format!(r#"{{"event": "transferHolder", "from": "{BANK}", "to": "{BANK}"}}"#);
    let e = title_history_from_log(&log(&no_time)).expect_err("no time");
    assert!(e.to_string().starts_with("$.events[0].timestamp"), "{e}");
}
