//! The state machine: replays a [`History`] event by event, reporting every broken rule.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::event::{Event, EventKind, EventSource, History, Negotiability};
use super::party::{PartyId, PartySet};
use super::rules;
use super::state::{Status, Step, StepFacts, TitleState};
use crate::report::{Finding, Severity};

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

struct Machine<'h> {
    history: &'h History,
    carrier: Option<PartyId>,
    state: TitleState,
    /// Parties that held control and gave it up.
    divested: PartySet,
    /// Whether the previous event handed the record to its recipient.
    last_handover: Option<usize>,
    previous_at: Option<DateTime<Utc>>,
    consignee_warned: bool,
    steps: Vec<Step>,
    findings: Vec<Finding>,
}

/// What the checks of one event produce before its effect is applied.
struct Ctx<'e> {
    index: usize,
    event: &'e Event,
    facts: StepFacts,
    findings: Vec<Finding>,
}

impl Ctx<'_> {
    fn report(&mut self, severity: Severity, code: &str, member: Option<&str>, message: String) {
        let mut path = History::event_path(self.index);
        if let Some(member) = member {
            path.push('.');
            path.push_str(member);
        }
        let message = match &self.event.source {
            EventSource::Pint { path: p, .. } => format!("{message} (PINT transaction {p})"),
            EventSource::TradeTrust { log_index, .. } => {
                format!("{message} (TradeTrust log {log_index})")
            }
            EventSource::Manual => message,
        };
        let mut finding = Finding::new(severity, code, path, message);
        if let EventSource::Pint { entry, .. } = self.event.source {
            finding = finding.at_entry(entry);
        }
        if severity == Severity::Error && !self.facts.broken_rules.iter().any(|c| c == code) {
            self.facts.broken_rules.push(code.to_owned());
        }
        self.findings.push(finding);
    }

    fn error(&mut self, code: &str, member: Option<&str>, message: String) {
        self.report(Severity::Error, code, member, message);
    }

    fn warning(&mut self, code: &str, member: Option<&str>, message: String) {
        self.report(Severity::Warning, code, member, message);
    }

    fn kind(&self) -> EventKind {
        self.event.kind
    }
}

/// Whether the event was done by `party`, directly or by representing it.
fn acts_as(event: &Event, party: &PartyId) -> bool {
    event.actor.same_party(party)
        || event
            .on_behalf_of
            .as_ref()
            .is_some_and(|p| p.same_party(party))
}

fn same(a: Option<&PartyId>, b: &PartyId) -> bool {
    a.is_some_and(|a| a.same_party(b))
}

impl<'h> Machine<'h> {
    fn new(history: &'h History) -> Machine<'h> {
        Machine {
            history,
            carrier: history.carrier.clone(),
            state: TitleState::default(),
            divested: PartySet::default(),
            last_handover: None,
            previous_at: None,
            consignee_warned: false,
            steps: Vec::new(),
            findings: Vec::new(),
        }
    }

    fn to_order(&self) -> bool {
        self.history.negotiability == Negotiability::ToOrder
    }

    fn step(&mut self, index: usize, event: &Event) {
        let mut cx = Ctx {
            index,
            event,
            facts: StepFacts {
                signed_by_actor: event.signed_by_actor,
                time_monotonic: true,
                ..StepFacts::default()
            },
            findings: Vec::new(),
        };
        self.check_common(&mut cx);
        let holder_before = self.state.holder.clone();
        if self.state.status.is_terminal() {
            cx.error(
                rules::EVENT_AFTER_TERMINAL,
                Some("kind"),
                format!(
                    "{} after the record ended ({:?}); nothing may happen after a terminal state",
                    event.kind, self.state.status
                ),
            );
        } else if self.state.status == Status::NotIssued {
            self.first_event(&mut cx);
        } else {
            self.later_event(&mut cx);
        }
        // Holder change facts.
        let changed = match (&holder_before, &self.state.holder) {
            (Some(a), Some(b)) => !a.same_party(b),
            (None, Some(_)) => true,
            _ => false,
        };
        cx.facts.holder_changed = changed;
        cx.facts.transfer_divested_previous_holder = changed && holder_before.is_some();
        if changed {
            if let Some(previous) = &holder_before {
                self.divested.insert(previous);
            }
            self.last_handover = Some(index);
        } else {
            self.last_handover = None;
        }
        self.previous_at = Some(event.at);
        self.findings.append(&mut cx.findings);
        self.steps.push(Step {
            index,
            kind: event.kind,
            at: event.at,
            source: event.source.clone(),
            state: self.state.clone(),
            facts: cx.facts,
        });
    }

    /// Checks that do not depend on the state: time, parties, recipient presence, fields.
    fn check_common(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if let Some(previous) = self.previous_at
            && event.at < previous
        {
            cx.facts.time_monotonic = false;
            cx.error(
                rules::TIME_WENT_BACKWARDS,
                Some("at"),
                format!(
                    "{} is dated {}, before the previous event ({previous})",
                    event.kind,
                    event.at.to_rfc3339()
                ),
            );
        }
        if !event.actor.is_identified() {
            cx.error(
                rules::PARTY_UNIDENTIFIED,
                Some("actor"),
                format!(
                    "the actor {} has no identifying code or address, so it cannot be matched",
                    event.actor.label()
                ),
            );
        }
        match &event.recipient {
            Some(r) if !r.is_identified() => cx.error(
                rules::PARTY_UNIDENTIFIED,
                Some("recipient"),
                format!(
                    "the recipient {} has no identifying code or address, so it cannot be matched",
                    r.label()
                ),
            ),
            Some(r) if cx.kind().takes_no_recipient() => cx.warning(
                rules::UNEXPECTED_RECIPIENT,
                Some("recipient"),
                format!(
                    "{} has no recipient; the recipient {} is ignored",
                    event.kind,
                    r.label()
                ),
            ),
            None if cx.kind().needs_recipient() => cx.error(
                rules::MISSING_RECIPIENT,
                Some("recipient"),
                format!("{} needs a recipient and has none", event.kind),
            ),
            _ => {}
        }
        if event.endorsee.is_some()
            && !matches!(
                cx.kind(),
                EventKind::Issue | EventKind::Amend | EventKind::ConvertFromPaper
            )
        {
            cx.warning(
                rules::UNEXPECTED_ENDORSEE,
                Some("endorsee"),
                format!(
                    "only ISSUE, AMEND and CONVERT_FROM_PAPER name an initial endorsee; it is ignored on {}",
                    event.kind
                ),
            );
        }
        if matches!(
            cx.kind(),
            EventKind::ConvertFromPaper | EventKind::ConvertToPaper
        ) {
            let has_statement = event
                .medium_change
                .as_ref()
                .and_then(|m| m.statement.as_deref())
                .is_some_and(|s| !s.trim().is_empty());
            cx.facts.change_of_medium_statement = has_statement;
            if !has_statement {
                cx.warning(
                    rules::CHANGE_OF_MEDIUM_STATEMENT_MISSING,
                    Some("mediumChange"),
                    format!(
                        "{} carries no statement indicating the change of medium",
                        event.kind
                    ),
                );
            }
        }
    }

    fn carrier_label(&self) -> String {
        self.carrier
            .as_ref()
            .map_or_else(|| "the carrier".to_owned(), PartyId::label)
    }

    /// The first event: `ISSUE` or `CONVERT_FROM_PAPER` by the carrier.
    fn first_event(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if self.carrier.is_none() && cx.kind().creates_record() {
            self.carrier = Some(event.actor.clone());
        }
        if !cx.kind().creates_record() {
            cx.error(
                rules::FIRST_EVENT_NOT_ISSUE,
                Some("kind"),
                format!(
                    "the first event is {}, but a record starts with ISSUE or CONVERT_FROM_PAPER",
                    event.kind
                ),
            );
            // Carry on as if the actor held an issued record.
            self.state.status = Status::Active;
            self.state.holder = Some(event.actor.clone());
            self.state.blank_endorsed = self.to_order();
            self.state.endorsee_may_endorse = true;
            self.later_event(cx);
            return;
        }
        self.create_record(cx, rules::ISSUE_NOT_BY_CARRIER);
    }

    /// `ISSUE`, `CONVERT_FROM_PAPER` and `AMEND`: the carrier (re)creates the record for the
    /// recipient.
    fn create_record(&mut self, cx: &mut Ctx<'_>, carrier_rule: &str) {
        let event = cx.event;
        let by_carrier = self.carrier.as_ref().is_none_or(|c| acts_as(event, c));
        cx.facts.actor_was_holder = by_carrier;
        if !by_carrier {
            let carrier = self.carrier_label();
            cx.error(
                carrier_rule,
                Some("actor"),
                format!(
                    "{} by {}, but only the carrier {carrier} may do it",
                    event.kind,
                    event.actor.label()
                ),
            );
        }
        if event.endorsee.is_some() && !self.to_order() {
            cx.error(
                rules::STRAIGHT_BILL_ENDORSED,
                Some("endorsee"),
                format!("{} names an endorsee on a straight bill", event.kind),
            );
        }
        self.state.status = Status::Active;
        let Some(recipient) = &event.recipient else {
            // missing-recipient is reported; the next actor is taken as the holder.
            self.state.holder = None;
            return;
        };
        let to_order = self.to_order();
        let endorsee = if to_order {
            event.endorsee.clone()
        } else {
            None
        };
        self.state.status = Status::Active;
        self.state.holder = Some(recipient.clone());
        self.state.blank_endorsed = to_order && endorsee.is_none();
        self.state.endorsee = endorsee;
        self.state.endorsee_may_endorse = true;
        self.state.nominee = None;
        self.state.surrendered_by = None;
        self.state.surrender_reason = None;
        if event.kind == EventKind::Amend {
            self.state.document_version = self.state.document_version.saturating_add(1);
            cx.facts.amendment_identified = event.document_checksum.is_some();
            if event.document_checksum.is_none() {
                cx.warning(
                    rules::AMENDMENT_NOT_IDENTIFIED,
                    Some("documentChecksum"),
                    "AMEND does not name the checksum of the amended document".to_owned(),
                );
            }
            self.state.document_checksum = event.document_checksum.clone();
        } else if event.document_checksum.is_some() {
            self.state.document_checksum = event.document_checksum.clone();
        }
    }

    fn later_event(&mut self, cx: &mut Ctx<'_>) {
        let kind = cx.kind();
        if kind.creates_record() {
            cx.error(
                rules::ISSUE_NOT_FIRST,
                Some("kind"),
                format!(
                    "{kind} after the record was created; only the first event creates it (an amended record is AMEND)"
                ),
            );
            return;
        }
        if kind != EventKind::Amend {
            self.check_document_version(cx);
        }
        if !self.allowed_in_state(cx) {
            return;
        }
        match kind {
            EventKind::Nominate => self.nominate(cx),
            _ => {
                self.check_holder_acts(cx);
                self.apply(cx);
            }
        }
    }

    fn check_document_version(&mut self, cx: &mut Ctx<'_>) {
        let Some(claimed) = &cx.event.document_checksum else {
            return;
        };
        match &self.state.document_checksum {
            Some(current) if !current.eq_ignore_ascii_case(claimed) => cx.error(
                rules::DOCUMENT_CHANGED_WITHOUT_AMENDMENT,
                Some("documentChecksum"),
                format!(
                    "{} concerns document {claimed}, but the current version is {current} and no AMEND replaced it",
                    cx.event.kind
                ),
            ),
            Some(_) => {}
            None => self.state.document_checksum = Some(claimed.clone()),
        }
    }

    /// Whether the event kind is possible in the current status; reports it if not.
    fn allowed_in_state(&self, cx: &mut Ctx<'_>) -> bool {
        let status = self.state.status;
        let kind = cx.kind();
        let answer = matches!(
            kind,
            EventKind::SurrenderAccepted | EventKind::SurrenderRejected
        );
        let ok = match status {
            Status::Active => !answer && kind != EventKind::Amend,
            Status::SurrenderPendingForDelivery => answer,
            Status::SurrenderPendingForAmendment => answer || kind == EventKind::ConvertToPaper,
            Status::AwaitingAmendment => kind == EventKind::Amend,
            Status::NotIssued | Status::Surrendered | Status::ConvertedToPaper => false,
        };
        if !ok {
            if answer && !status.is_surrender_pending() {
                cx.error(
                    rules::SURRENDER_NOT_PENDING,
                    Some("kind"),
                    format!("{kind}, but no surrender is pending (status {status:?})"),
                );
            } else {
                cx.error(
                    rules::NOT_ALLOWED_IN_STATE,
                    Some("kind"),
                    format!("{kind} is not possible while the record is {status:?}"),
                );
            }
        }
        ok
    }

    /// Only the current holder acts.
    fn check_holder_acts(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        let Some(holder) = self.state.holder.clone() else {
            // An earlier broken event left the holder unknown: the actor is taken as the
            // holder, without a finding (the broken event has one) and without the fact.
            self.state.holder = Some(event.actor.clone());
            return;
        };
        let is_holder = acts_as(event, &holder);
        cx.facts.actor_was_holder = is_holder;
        if is_holder {
            return;
        }
        cx.facts.actor_was_divested = self.divested.contains(&event.actor);
        let holder_label = holder.label();
        match self.last_handover {
            Some(previous) if previous + 1 == cx.index => cx.error(
                rules::RECIPIENT_NOT_NEXT_ACTOR,
                Some("actor"),
                format!(
                    "{} by {}, but the previous event ({}) handed the record to {holder_label}",
                    event.kind,
                    event.actor.label(),
                    History::event_path(previous)
                ),
            ),
            _ => cx.error(
                rules::ACTOR_NOT_HOLDER,
                Some("actor"),
                format!(
                    "{} by {}, who does not hold the record; the holder is {holder_label}{}",
                    event.kind,
                    event.actor.label(),
                    if cx.facts.actor_was_divested {
                        " (the actor gave up control earlier)"
                    } else {
                        ""
                    }
                ),
            ),
        }
    }

    fn check_carrier_acts(&self, cx: &mut Ctx<'_>) {
        if let Some(carrier) = &self.carrier
            && !acts_as(cx.event, carrier)
        {
            let carrier = carrier.label();
            cx.error(
                rules::CARRIER_ACTION_NOT_BY_CARRIER,
                Some("actor"),
                format!(
                    "{} by {}, but only the carrier {carrier} may do it",
                    cx.event.kind,
                    cx.event.actor.label()
                ),
            );
        }
    }

    /// The effect of an event allowed in the current status, after the holder check.
    fn apply(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        match event.kind {
            EventKind::Transfer => self.transfer(cx),
            EventKind::Endorse | EventKind::EndorseToOrder | EventKind::BlankEndorse => {
                self.endorse(cx);
            }
            EventKind::SurrenderForDelivery | EventKind::SurrenderForAmendment => {
                self.surrender(cx);
            }
            EventKind::SurrenderAccepted => {
                self.check_carrier_acts(cx);
                self.state.status = match self.state.status {
                    Status::SurrenderPendingForDelivery => Status::Surrendered,
                    _ if self.state.surrender_reason.as_deref() == Some("SWTP") => {
                        Status::ConvertedToPaper
                    }
                    _ => Status::AwaitingAmendment,
                };
            }
            EventKind::SurrenderRejected => self.reject_surrender(cx),
            EventKind::Amend => {
                // create_record checks the carrier; keep the holder fact of the check above.
                let was_holder = cx.facts.actor_was_holder;
                self.create_record(cx, rules::CARRIER_ACTION_NOT_BY_CARRIER);
                cx.facts.actor_was_holder = was_holder;
            }
            EventKind::ConvertToPaper => {
                self.check_carrier_acts(cx);
                self.state.status = Status::ConvertedToPaper;
            }
            EventKind::Sign => {}
            // Handled elsewhere: record creation and nomination.
            EventKind::Issue | EventKind::ConvertFromPaper | EventKind::Nominate => {}
        }
    }

    fn transfer(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        let Some(recipient) = &event.recipient else {
            // missing-recipient is reported; the next actor is taken as the holder.
            self.state.holder = None;
            return;
        };
        if same(self.state.holder.as_ref(), recipient) {
            cx.error(
                rules::TRANSFER_TO_SELF,
                Some("recipient"),
                format!(
                    "TRANSFER to {}, who already holds the record",
                    recipient.label()
                ),
            );
            return;
        }
        if !self.to_order() {
            match &self.history.consignee {
                Some(consignee) if !consignee.same_party(recipient) => cx.error(
                    rules::STRAIGHT_TRANSFER_NOT_TO_CONSIGNEE,
                    Some("recipient"),
                    format!(
                        "a straight bill may only be transferred to its consignee {}, not to {}",
                        consignee.label(),
                        recipient.label()
                    ),
                ),
                Some(_) => {}
                None if !self.consignee_warned => {
                    self.consignee_warned = true;
                    cx.warning(
                        rules::CONSIGNEE_UNKNOWN,
                        Some("recipient"),
                        "a straight bill was transferred, but the history names no consignee to check the transferee against"
                            .to_owned(),
                    );
                }
                None => {}
            }
        }
        self.state.holder = Some(recipient.clone());
    }

    fn endorse(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if !self.to_order() {
            cx.error(
                rules::STRAIGHT_BILL_ENDORSED,
                Some("kind"),
                format!("{} on a straight (non-negotiable) bill", event.kind),
            );
            return;
        }
        let is_endorsee = self
            .state
            .endorsee
            .as_ref()
            .is_some_and(|e| acts_as(event, e));
        let to_nominee = event.kind != EventKind::BlankEndorse
            && matches!((&self.state.nominee, &event.recipient), (Some(n), Some(r)) if n.same_party(r));
        let entitled = self.state.blank_endorsed || is_endorsee || to_nominee;
        let mut ok = cx.facts.actor_was_holder;
        if !entitled {
            ok = false;
            cx.error(
                rules::ENDORSER_NOT_ENTITLED,
                Some("actor"),
                format!(
                    "{} by {}, who is neither the endorsee nor endorsing to the endorsee's nominee, and the bill is not blank endorsed",
                    event.kind,
                    event.actor.label()
                ),
            );
        } else if is_endorsee && !self.state.blank_endorsed && !self.state.endorsee_may_endorse {
            ok = false;
            cx.error(
                rules::ENDORSEE_MAY_NOT_ENDORSE,
                Some("kind"),
                format!(
                    "{} by {}, who became endorsee by ENDORSE (not to order) and may not endorse further",
                    event.kind,
                    event.actor.label()
                ),
            );
        }
        if event.kind == EventKind::BlankEndorse {
            self.state.endorsee = None;
            self.state.blank_endorsed = true;
            self.state.endorsee_may_endorse = true;
        } else {
            let Some(recipient) = &event.recipient else {
                return;
            };
            self.state.endorsee = Some(recipient.clone());
            self.state.blank_endorsed = false;
            self.state.endorsee_may_endorse = event.kind == EventKind::EndorseToOrder;
        }
        self.state.nominee = None;
        cx.facts.endorsement_recorded = ok;
    }

    fn nominate(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if !self.to_order() {
            cx.error(
                rules::STRAIGHT_BILL_ENDORSED,
                Some("kind"),
                "NOMINATE on a straight (non-negotiable) bill".to_owned(),
            );
            return;
        }
        // The endorsee nominates; on a blank-endorsed bill the holder stands in.
        let nominator = if self.state.blank_endorsed {
            self.state.holder.clone()
        } else {
            self.state.endorsee.clone()
        };
        let ok = nominator.as_ref().is_some_and(|n| acts_as(event, n));
        cx.facts.actor_was_holder = ok;
        if !ok {
            cx.facts.actor_was_divested = self.divested.contains(&event.actor);
            cx.error(
                rules::ACTOR_NOT_ENDORSEE,
                Some("actor"),
                format!(
                    "NOMINATE by {}, but only the endorsee {} may nominate",
                    event.actor.label(),
                    nominator.map_or_else(|| "(none)".to_owned(), |n| n.label())
                ),
            );
        } else if !self.state.endorsee_may_endorse {
            cx.error(
                rules::ENDORSEE_MAY_NOT_ENDORSE,
                Some("kind"),
                format!(
                    "NOMINATE by {}, who became endorsee by ENDORSE (not to order) and may not endorse further",
                    event.actor.label()
                ),
            );
        }
        if let Some(recipient) = &event.recipient {
            self.state.nominee = Some(recipient.clone());
        }
    }

    fn surrender(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if self.to_order()
            && !self.state.blank_endorsed
            && !self
                .state
                .endorsee
                .as_ref()
                .is_some_and(|e| acts_as(event, e))
        {
            cx.error(
                rules::SURRENDER_NOT_ENTITLED,
                Some("actor"),
                format!(
                    "{} by {}, but only the endorsee {} may surrender this to-order bill (it is not blank endorsed)",
                    event.kind,
                    event.actor.label(),
                    self.state
                        .endorsee
                        .as_ref()
                        .map_or_else(|| "(none)".to_owned(), PartyId::label)
                ),
            );
        }
        self.state.surrendered_by = self.state.holder.clone();
        self.state.surrender_reason = event.reason_code.clone();
        self.state.status = if event.kind == EventKind::SurrenderForDelivery {
            Status::SurrenderPendingForDelivery
        } else {
            Status::SurrenderPendingForAmendment
        };
        let Some(recipient) = &event.recipient else {
            // missing-recipient is reported; a surrender goes to the carrier.
            self.state.holder = self.carrier.clone();
            return;
        };
        if let Some(carrier) = &self.carrier
            && !carrier.same_party(recipient)
        {
            let carrier = carrier.label();
            cx.error(
                rules::SURRENDER_NOT_TO_CARRIER,
                Some("recipient"),
                format!(
                    "{} is addressed to {}, not to the carrier {carrier}",
                    event.kind,
                    recipient.label()
                ),
            );
        }
        self.state.holder = Some(recipient.clone());
    }

    fn reject_surrender(&mut self, cx: &mut Ctx<'_>) {
        self.check_carrier_acts(cx);
        let event = cx.event;
        let back_to = self.state.surrendered_by.take();
        if let (Some(recipient), Some(back)) = (&event.recipient, &back_to)
            && !recipient.same_party(back)
        {
            cx.error(
                rules::SURRENDER_RETURNED_TO_WRONG_PARTY,
                Some("recipient"),
                format!(
                    "SURRENDER_REJECTED returns the record to {}, but {} surrendered it",
                    recipient.label(),
                    back.label()
                ),
            );
        }
        // With no record of who surrendered, the next actor is taken as the holder.
        self.state.holder = back_to;
        self.state.surrender_reason = None;
        self.state.status = Status::Active;
    }
}
