//! Shared builders for the title integration tests.

use chrono::{DateTime, TimeZone, Utc};
use ebl::title::{Event, EventKind, History, IdentifyingCode, Negotiability, PartyId, replay};

/// A DCSA party on platform WAVE whose LEI is its name.
pub fn p(name: &str) -> PartyId {
    PartyId::dcsa("WAVE", name, [IdentifyingCode::new("GLEIF", name)])
}

/// 2026-05-01 plus `minutes`.
pub fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0)
        .single()
        .expect("valid date")
        + chrono::Duration::minutes(minutes)
}

pub fn ev(kind: EventKind, actor: &str, recipient: Option<&str>, minutes: i64) -> Event {
    Event::new(kind, p(actor), recipient.map(p), t(minutes))
}

pub fn history(negotiability: Negotiability, events: Vec<Event>) -> History {
    let mut h = History::new("HHL71800000", negotiability);
    h.carrier = Some(p("carrier"));
    h.events = events;
    h
}

/// The codes of the findings, in order.
pub fn codes(h: &History) -> Vec<String> {
    replay(h).findings.into_iter().map(|f| f.code).collect()
}
