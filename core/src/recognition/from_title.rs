//! Building [`HistoryFacts`] from a title [`History`](crate::title::History) and its
//! [`Replay`](crate::title::Replay).

use crate::title::{self, History, PartyId, Replay, SignatureFact, Status};
use crate::trust::{Identifier, TrustStore};

use super::facts::{
    ChangeOfMedium, Conflict, Controller, EventFacts, HistoryFacts, LegalEventKind, PartyFacts,
    RecordStatus, TimeSource,
};

impl HistoryFacts {
    /// The platform-neutral facts the criteria read, from a title history and its replay.
    ///
    /// - Parties are named by the id of the trust-store party that shares an identifying code
    ///   (`provider` = identifier scheme, `code` = value) or the Ethereum address (scheme
    ///   `ethereum`); otherwise by their first code (`provider:code`), address or name.
    /// - The platform of an event is the platform of its actor's account.
    /// - Controllers come from the replayed state before and after each event; statuses map
    ///   to [`RecordStatus`] (a pending surrender or an accepted surrender for amendment is
    ///   `pending-surrender`).
    /// - Event times signed inside a PINT chain entry count as `signed`; TradeTrust block
    ///   times as `trusted-timestamp`; manual entries as `unsigned`.
    /// - A second creation event found by the replay becomes a singularity conflict.
    ///
    /// Signature evidence (algorithm, key) is not in the title history: the PINT and
    /// OpenAttestation verifiers supply it in [`super::Evidence::signatures`].
    ///
    /// ```
    /// use ebl::recognition::{HistoryFacts, LegalEventKind};
    /// use ebl::title::{replay, Event, EventKind as TitleKind, History, IdentifyingCode, Negotiability, PartyId};
    /// use ebl::trust::TrustStore;
    ///
    /// let p = |name: &str| PartyId::dcsa("WAVE", name, [IdentifyingCode::new("GLEIF", name)]);
    /// let t = |d: u32| format!("2026-10-{d:02}T08:00:00Z").parse().unwrap();
    /// let mut h = History::new("BL-1", Negotiability::ToOrder);
    /// h.events = vec![
    ///     Event::new(TitleKind::Issue, p("carrier"), Some(p("shipper")), t(1)),
    ///     Event::new(TitleKind::Transfer, p("shipper"), Some(p("bank")), t(2)),
    /// ];
    /// let facts = HistoryFacts::from_title(&h, &replay(&h), &TrustStore::new());
    /// assert_eq!(facts.events[1].kind, LegalEventKind::Transfer);
    /// assert_eq!(facts.events[1].controller_before.parties, ["GLEIF:shipper"]);
    /// assert_eq!(facts.events[1].controller_after.parties, ["GLEIF:bank"]);
    /// assert_eq!(facts.events[1].platform.as_deref(), Some("WAVE"));
    /// ```
    #[must_use]
    pub fn from_title(history: &History, replay: &Replay, trust: &TrustStore) -> HistoryFacts {
        let name = |p: &PartyId| party_name(p, trust);
        let controller =
            |state: Option<&title::TitleState>| match state.and_then(|s| s.controller()) {
                Some(holder) => Controller::one(name(holder)),
                None => Controller::default(),
            };
        let mut parties: Vec<PartyFacts> = Vec::new();
        let mut note_party = |p: &PartyId| {
            let id = name(p);
            if parties.iter().any(|known| known.id == id) {
                return;
            }
            let mut identifiers: Vec<Identifier> = p
                .codes
                .iter()
                .filter(|c| c.is_usable())
                .map(|c| Identifier {
                    scheme: c.provider.clone(),
                    value: c.code.clone(),
                })
                .collect();
            if let Some(address) = p.address.as_deref().filter(|a| !a.trim().is_empty()) {
                identifiers.push(Identifier {
                    scheme: "ethereum".to_owned(),
                    value: address.to_ascii_lowercase(),
                });
            }
            parties.push(PartyFacts { id, identifiers });
        };
        let mut events = Vec::with_capacity(history.events.len());
        let mut conflicts = Vec::new();
        for (i, e) in history.events.iter().enumerate() {
            note_party(&e.actor);
            if let Some(r) = &e.recipient {
                note_party(r);
            }
            let before = i.checked_sub(1).and_then(|p| replay.state_at(p));
            let after = replay.state_at(i);
            if e.kind.creates_record() && i > 0 {
                conflicts.push(Conflict {
                    event: Some(i),
                    description: format!(
                        "'{}' at event {i}: a record is created again within its own history",
                        e.kind
                    ),
                });
            }
            let acting = e
                .on_behalf_of
                .as_ref()
                .filter(|b| {
                    before
                        .and_then(|s| s.holder.as_ref())
                        .is_some_and(|h| h.same_party(b))
                })
                .unwrap_or(&e.actor);
            events.push(EventFacts {
                kind: kind(e.kind),
                at: e.at,
                time_source: match e.source {
                    title::EventSource::Pint { .. } => TimeSource::Signed,
                    title::EventSource::TradeTrust { .. } => TimeSource::TrustedTimestamp,
                    _ => TimeSource::Unsigned,
                },
                platform: e.actor.platform.clone(),
                actor: Some(name(acting)),
                controller_before: controller(before),
                controller_after: controller(after),
                endorsee: if e.kind.is_endorsement() {
                    e.recipient.as_ref().map(&name)
                } else {
                    None
                },
                document_checksum: e.document_checksum.clone(),
                previous_link_ok: None,
                status_after: after.map_or(RecordStatus::Active, |s| status(s.status)),
                change_of_medium: e.medium_change.as_ref().map(|m| ChangeOfMedium {
                    statement: m.statement.as_deref().is_some_and(|s| !s.trim().is_empty()),
                    reference: m.other_medium_reference.clone(),
                    old_medium_inoperative: m.old_medium_made_inoperative,
                    full_reproduction: None,
                }),
                signed_by_actor: match e.signed_by_actor {
                    SignatureFact::Verified => Some(true),
                    SignatureFact::NotVerified => Some(false),
                    _ => None,
                },
            });
        }
        HistoryFacts {
            record_id: history.document_reference.clone(),
            to_order: Some(history.negotiability == title::Negotiability::ToOrder),
            events,
            parties,
            conflicts,
        }
    }
}

/// The id a title party goes by in the facts (see [`HistoryFacts::from_title`]).
#[must_use]
pub fn party_name(p: &PartyId, trust: &TrustStore) -> String {
    let address = p
        .address
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    let known = trust.parties().iter().find(|t| {
        t.kind != crate::trust::PartyKind::Platform
            && t.identifiers.iter().any(|id| {
                p.codes
                    .iter()
                    .any(|c| c.is_usable() && c.provider == id.scheme && c.code == id.value)
                    || (id.scheme == "ethereum"
                        && address.is_some_and(|a| a.eq_ignore_ascii_case(&id.value)))
            })
    });
    if let Some(t) = known {
        return t.id.clone();
    }
    if let Some(a) = address {
        return a.to_ascii_lowercase();
    }
    if let Some(c) = p.codes.iter().find(|c| c.is_usable()) {
        return format!("{}:{}", c.provider, c.code);
    }
    p.name.clone().unwrap_or_else(|| "unidentified".to_owned())
}

fn kind(k: title::EventKind) -> LegalEventKind {
    use title::EventKind as T;
    match k {
        T::Issue => LegalEventKind::Issue,
        T::ConvertFromPaper => LegalEventKind::ConvertFromPaper,
        T::Transfer => LegalEventKind::Transfer,
        T::Endorse | T::EndorseToOrder | T::BlankEndorse => LegalEventKind::Endorse,
        T::Nominate => LegalEventKind::Nominate,
        T::Sign => LegalEventKind::Sign,
        T::SurrenderForDelivery | T::SurrenderForAmendment => LegalEventKind::Surrender,
        T::SurrenderAccepted => LegalEventKind::SurrenderAccepted,
        T::SurrenderRejected => LegalEventKind::SurrenderRejected,
        T::Amend => LegalEventKind::Amend,
        T::ConvertToPaper => LegalEventKind::ConvertToPaper,
    }
}

fn status(s: Status) -> RecordStatus {
    match s {
        Status::Surrendered => RecordStatus::Surrendered,
        Status::ConvertedToPaper => RecordStatus::ConvertedToPaper,
        Status::SurrenderPendingForDelivery
        | Status::SurrenderPendingForAmendment
        | Status::AwaitingAmendment => RecordStatus::PendingSurrender,
        _ => RecordStatus::Active,
    }
}
