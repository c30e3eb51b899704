//! The state machine: replays a [`History`] event by event, reporting every broken rule.
//!
//! Each event goes through the same steps, in this order; each step lives in one file:
//!
//! 1. [`common`]: checks that do not depend on the state — time never runs backwards
//!    (`time-went-backwards`), actor and recipient are identified (`party-unidentified`),
//!    the recipient is present when the kind needs one and absent when it takes none
//!    (`missing-recipient`, `unexpected-recipient`), only a record-creating event names an
//!    endorsee (`unexpected-endorsee`), a change of medium carries its statement
//!    (`change-of-medium-statement-missing`).
//! 2. [`machine`]: where the record is — nothing after a terminal state
//!    (`event-after-terminal`); the first event creates the record (`first-event-not-issue`)
//!    and no later one does (`issue-not-first`); the kind is possible in the current status
//!    (`surrender-not-pending`, `not-allowed-in-state`). It also records the step and the
//!    holder-change facts.
//! 3. [`record`]: the carrier (re)creates the record — `ISSUE`, `CONVERT_FROM_PAPER`, `AMEND`
//!    by the carrier (`issue-not-by-carrier`, `carrier-action-not-by-carrier`), no endorsee on
//!    a straight bill (`straight-bill-endorsed`), an amendment names its checksum
//!    (`amendment-not-identified`), and the document changes only by `AMEND`
//!    (`document-changed-without-amendment`).
//! 4. [`possession`]: only the holder acts (`recipient-not-next-actor` right after a
//!    hand-over, else `actor-not-holder`); only the carrier answers a surrender, amends or
//!    converts to paper (`carrier-action-not-by-carrier`); the effect of each event kind; a
//!    `TRANSFER` goes to someone else (`transfer-to-self`) and, for a straight bill, to its
//!    consignee (`straight-transfer-not-to-consignee`, `consignee-unknown`).
//! 5. [`endorsement`]: `ENDORSE`, `ENDORSE_TO_ORDER`, `BLANK_ENDORSE` and `NOMINATE` — never
//!    on a straight bill (`straight-bill-endorsed`); the endorser is entitled
//!    (`endorser-not-entitled`, `endorsee-may-not-endorse`); only the endorsee nominates
//!    (`actor-not-endorsee`).
//! 6. [`surrender`]: a to-order bill is surrendered by its endorsee unless blank endorsed
//!    (`surrender-not-entitled`), to the carrier (`surrender-not-to-carrier`); a rejected
//!    surrender goes back to who surrendered (`surrender-returned-to-wrong-party`).
//!
//! [`context`] turns a broken rule into a [`Finding`] at `$.events[i]` (and the PINT chain
//! entry); the codes and their meaning are listed in [`super::rules`]. An empty history is
//! reported by [`replay`] itself (`empty-history`).

mod common;
mod context;
mod endorsement;
mod machine;
mod possession;
mod record;
mod surrender;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::event::{History, Negotiability};
use super::party::PartyId;
use super::rules;
use super::state::{Step, TitleState};
use crate::report::Finding;
use machine::Machine;

/// The result of replaying a history: the state after every event, every finding, and the
/// final state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Replay {
    /// The bill's reference, from the history.
    pub document_reference: String,
    /// To-order or straight, from the history.
    pub negotiability: Negotiability,
    /// The carrier used for the carrier rules: the history's, else the actor of the first
    /// event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<PartyId>,
    /// One step per event, in order.
    pub steps: Vec<Step>,
    /// Every rule broken, in event order.
    pub findings: Vec<Finding>,
    /// The state after the last event.
    pub final_state: TitleState,
}

impl Replay {
    /// Whether no finding is an error.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        crate::report::is_clean(&self.findings)
    }

    /// The state after event `index`, if there is such an event.
    #[must_use]
    pub fn state_at(&self, index: usize) -> Option<&TitleState> {
        self.steps.get(index).map(|s| &s.state)
    }

    /// The holder after event `index`.
    #[must_use]
    pub fn holder_at(&self, index: usize) -> Option<&PartyId> {
        self.state_at(index).and_then(|s| s.holder.as_ref())
    }

    /// The endorsee after event `index`.
    #[must_use]
    pub fn endorsee_at(&self, index: usize) -> Option<&PartyId> {
        self.state_at(index).and_then(|s| s.endorsee.as_ref())
    }

    /// The step that ended the record (its state is terminal), if any.
    #[must_use]
    pub fn terminal(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.state.status.is_terminal())
    }

    /// The state at time `at`: the state after the longest run of leading events dated at or
    /// before `at` (`None` before the first event). If the history's time runs backwards,
    /// the run stops at the first event dated after `at`.
    #[must_use]
    pub fn state_at_time(&self, at: DateTime<Utc>) -> Option<&TitleState> {
        self.steps
            .iter()
            .take_while(|s| s.at <= at)
            .last()
            .map(|s| &s.state)
    }

    /// Who controlled the record at time `at` (see [`Replay::state_at_time`]); `None` before
    /// issue and once the record ended.
    #[must_use]
    pub fn controller_at(&self, at: DateTime<Utc>) -> Option<&PartyId> {
        self.state_at_time(at).and_then(TitleState::controller)
    }

    /// The findings about event `index`.
    pub fn findings_for(&self, index: usize) -> impl Iterator<Item = &Finding> {
        let prefix = History::event_path(index);
        self.findings.iter().filter(move |f| {
            f.path
                .strip_prefix(prefix.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    }
}

/// Replays `history` and reports, per event, the state after it, the facts about it and
/// every rule it broke. Never fails and never panics: a broken rule is a finding, and the
/// replay goes on with the state the history claims (a broken event still takes effect
/// where it can, so one mistake does not cascade into findings on every later event).
///
/// See [`super::rules`] for the rules and [`super::event::EventKind`] for what each event
/// does.
///
/// ```
/// use ebl::title::{replay, Event, EventKind, History, IdentifyingCode, Negotiability, PartyId};
///
/// let party = |name: &str| PartyId::dcsa("WAVE", name, [IdentifyingCode::new("GLEIF", name)]);
/// let at = |s: &str| s.parse().unwrap();
/// let mut h = History::new("HHL71800000", Negotiability::ToOrder);
/// h.events.push(Event::new(EventKind::Issue, party("carrier"), Some(party("shipper")), at("2026-05-01T08:00:00Z")));
/// h.events.push(Event::new(EventKind::Transfer, party("shipper"), Some(party("bank")), at("2026-05-02T08:00:00Z")));
/// let r = replay(&h);
/// assert!(r.is_valid());
/// assert!(r.holder_at(1).unwrap().same_party(&party("bank")));
///
/// // The shipper no longer holds the bill after transferring it.
/// h.events.push(Event::new(EventKind::Transfer, party("shipper"), Some(party("buyer")), at("2026-05-03T08:00:00Z")));
/// let r = replay(&h);
/// assert_eq!(r.findings[0].code, "recipient-not-next-actor");
/// assert_eq!(r.findings[0].path, "$.events[2].actor");
/// assert!(r.steps[2].facts.actor_was_divested);
/// ```
#[must_use]
pub fn replay(history: &History) -> Replay {
    let mut machine = Machine::new(history);
    for (index, event) in history.events.iter().enumerate() {
        machine.step(index, event);
    }
    if history.events.is_empty() {
        machine.findings.push(Finding::error(
            rules::EMPTY_HISTORY,
            "$.events",
            "the history has no events, so no record was ever issued",
        ));
    }
    Replay {
        document_reference: history.document_reference.clone(),
        negotiability: history.negotiability,
        carrier: machine.carrier,
        steps: machine.steps,
        findings: machine.findings,
        final_state: machine.state,
    }
}
